use cosmwasm_std::coins;
use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::{ConfigResponse, EntriesResponse, EntryKind, MigrateMsg};

fn is_nonpayable(err: &ContractError) -> bool {
    matches!(
        err,
        ContractError::Convention(ConventionError::Payment(payment))
            if payment.to_string().contains("accept funds")
    )
}

fn set_token(address: &Addr) -> ExecuteMsg {
    ExecuteMsg::SetToken {
        address: address.to_string(),
    }
}

#[test]
fn instantiate_records_the_config_and_the_owner() {
    let mut unit = Fund::new(execute);
    let (deployer, committee, registry, token) = (
        unit.addr("deployer"),
        unit.addr("committee"),
        unit.addr("registry"),
        unit.addr("ctc"),
    );
    let msg = InstantiateMsg {
        owner: Some(committee.to_string()),
        token: Some(token.to_string()),
        registry: registry.to_string(),
        bucket: "service_providers".into(),
    };
    let response = unit.instantiate(instantiate, &deployer, msg).unwrap();
    assert_eq!(attribute(&response, "action"), "instantiate");
    assert_eq!(attribute(&response, "owner"), committee.as_str());
    assert_eq!(attribute(&response, "bucket"), "service_providers");
    assert_eq!(attribute(&response, "registry"), registry.as_str());
    let config: ConfigResponse = unit.ask(query, QueryMsg::Config {});
    assert_eq!(
        config,
        ConfigResponse {
            registry,
            token: Some(token.clone()),
            bucket: "service_providers".into(),
        }
    );
    assert_eq!(unit.contract_version().contract, CONTRACT.name);
    // Given at instantiation, the token is set: it is not set again.
    assert_eq!(
        unit.refused(&committee, set_token(&token)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn instantiate_refuses_bad_input_and_coins() {
    let mut unit = Fund::new(execute);
    let deployer = unit.addr("deployer");
    let registry = unit.addr("registry").to_string();
    let msg = |registry: &str, token: Option<&str>, bucket: &str| InstantiateMsg {
        owner: None,
        token: token.map(str::to_owned),
        registry: registry.into(),
        bucket: bucket.into(),
    };
    for (msg, field) in [
        (msg("bad", None, "public_welfare"), "registry"),
        (msg(&registry, Some("bad"), "public_welfare"), "token"),
    ] {
        let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
        assert!(
            matches!(
                &refused,
                ContractError::Convention(ConventionError::InvalidAddress { field: f, .. })
                    if *f == field
            ),
            "{refused}"
        );
    }
    for bucket in ["", &"b".repeat(33)] {
        assert_eq!(
            unit.instantiate(instantiate, &deployer, msg(&registry, None, bucket))
                .unwrap_err(),
            convention(ConventionError::InvalidLength {
                field: "bucket",
                max: 32
            })
        );
    }
    let info = cosmwasm_std::testing::message_info(&deployer, &coins(5, "ustake"));
    let refused = instantiate(
        unit.deps.as_mut(),
        unit.env.clone(),
        info,
        msg(&registry, None, "public_welfare"),
    )
    .unwrap_err();
    assert!(is_nonpayable(&refused), "{refused}");
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
}

#[test]
fn every_message_refuses_coins() {
    let mut chain = Chain::funded();
    let stranger = chain.stranger.clone();
    let refused = chain.refused_with(&stranger, &coins(1, "ustake"), ExecuteMsg::Reconcile {});
    assert!(is_nonpayable(&refused), "{refused}");
}

#[test]
fn set_token_books_the_genesis_balance_once() {
    let mut chain = Chain::new();
    let (owner, stranger, token) = (
        chain.owner.clone(),
        chain.stranger.clone(),
        chain.token.clone(),
    );
    chain.balance.set(GENESIS);
    assert_eq!(
        chain.refused(&stranger, set_token(&token)),
        convention(OwnershipError::NotOwner)
    );
    assert!(matches!(
        chain.refused(
            &owner,
            ExecuteMsg::SetToken {
                address: "bad".into()
            }
        ),
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    // Nothing moves before the token is known.
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::TokenNotSet
    );
    let response = chain.run(&owner, set_token(&token)).unwrap();
    assert_eq!(attribute(&response, "action"), "set_token");
    assert_eq!(attribute(&response, "token"), token.as_str());
    assert_eq!(attribute(&response, "amount"), GENESIS.to_string());
    assert_eq!(attribute(&response, "entry_id"), "1");
    let page: EntriesResponse = chain.ask(QueryMsg::Entries {
        start_after: None,
        limit: None,
    });
    assert_eq!(page.entries.len(), 1);
    let genesis = &page.entries[0];
    assert_eq!(
        (genesis.id, genesis.kind, genesis.amount.u128()),
        (1, EntryKind::Receipt, GENESIS)
    );
    assert_eq!(genesis.party, None);
    assert_eq!(genesis.note.as_deref(), Some("genesis"));
    let ledger = chain.ledger();
    assert_eq!(ledger.received.u128(), GENESIS);
    assert_eq!(ledger.available.u128(), GENESIS);
    assert!(ledger.balanced);
    // A second token would make the ledger's numbers mean another coin.
    let other = chain.addr("ctc_v2");
    assert_eq!(
        chain.refused(&owner, set_token(&other)),
        ContractError::TokenAlreadySet
    );
    assert_eq!(
        chain.refused(&owner, set_token(&token)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn set_token_with_nothing_held_books_nothing() {
    let mut chain = Chain::new();
    let (owner, token) = (chain.owner.clone(), chain.token.clone());
    let response = chain.run(&owner, set_token(&token)).unwrap();
    assert_eq!(attribute(&response, "amount"), "0");
    assert!(response.attributes.iter().all(|a| a.key != "entry_id"));
    assert_eq!(chain.ledger().entries, 0);
    assert!(chain.ledger().balanced);
}

#[test]
fn ownership_moves_in_two_steps_and_cannot_be_renounced() {
    let mut chain = Chain::new();
    let (owner, stranger, token) = (
        chain.owner.clone(),
        chain.stranger.clone(),
        chain.token.clone(),
    );
    let committee = chain.addr("committee_v2");
    assert_eq!(
        chain.refused(
            &owner,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
    let refusal = chain.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &owner,
        &committee,
        &stranger,
    );
    assert_eq!(refusal, convention(OwnershipError::NotPendingOwner));
    assert_eq!(
        chain.refused(&owner, set_token(&token)),
        convention(OwnershipError::NotOwner)
    );
    chain.run(&committee, set_token(&token)).unwrap();
}

#[test]
fn migration_goes_forward_only() {
    let mut chain = Chain::funded();
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(attribute(&response, "to_version"), CONTRACT.version);
    // The ledger reads as before.
    assert_eq!(chain.ledger().received.u128(), GENESIS);
    for (name, version) in [(CONTRACT.name, "9.0.0"), ("crates.io:lockups", "0.1.0")] {
        let refused = chain
            .migrate_from(migrate, name, version, MigrateMsg {})
            .unwrap_err();
        assert!(
            matches!(
                refused,
                ContractError::Convention(ConventionError::CannotMigrate { .. })
            ),
            "{refused}"
        );
    }
}

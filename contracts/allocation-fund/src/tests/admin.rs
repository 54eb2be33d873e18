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
    let mut chain = Chain::bare();
    // The committee instantiates the fund for another owner: the token it gives was created by
    // the committee too.
    let (deployer, committee, registry, token) = (
        chain.owner.clone(),
        chain.addr("new_owner"),
        chain.registry.clone(),
        chain.token.clone(),
    );
    let unit = &mut chain.unit;
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
    let mut chain = Chain::bare();
    let (cw20, look_alike) = (chain.cw20.to_string(), chain.look_alike.to_string());
    let deployer = chain.owner.clone();
    let unit = &mut chain.unit;
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
    // A token given here is checked as `set_token` checks it.
    assert_eq!(
        unit.instantiate(
            instantiate,
            &deployer,
            msg(&registry, Some(&cw20), "public_welfare")
        )
        .unwrap_err(),
        convention(ConventionError::NotCtcToken {
            address: cw20.clone()
        })
    );
    assert_eq!(
        unit.instantiate(
            instantiate,
            &deployer,
            msg(&registry, Some(&look_alike), "public_welfare")
        )
        .unwrap_err(),
        ContractError::NotThisTokensFund {
            address: look_alike.clone()
        }
    );
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
fn set_token_refuses_what_is_not_this_funds_ctc() {
    let mut chain = Chain::new();
    chain.balance.set(GENESIS);
    let (stranger, cw20, look_alike, fund) = (
        chain.stranger.clone(),
        chain.cw20.clone(),
        chain.look_alike.clone(),
        chain.fund(),
    );
    let account = chain.addr("wallet");
    assert!(matches!(
        chain.refused(
            &stranger,
            ExecuteMsg::SetToken {
                address: "bad".into()
            }
        ),
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    // An account, a contract of another name (a plain cw20), this fund itself: not CTC.
    for not_ctc in [&account, &cw20, &fund] {
        assert_eq!(
            chain.refused(&stranger, set_token(not_ctc)),
            convention(ConventionError::NotCtcToken {
                address: not_ctc.to_string()
            })
        );
    }
    // Named ctc-token, but its allocation names other buckets and another recycle pool.
    assert_eq!(
        chain.refused(&stranger, set_token(&look_alike)),
        ContractError::NotThisTokensFund {
            address: look_alike.to_string()
        }
    );
    // Nothing was set: nothing moves yet.
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::TokenNotSet
    );
    assert_eq!(chain.ledger().received, Uint128::zero());
}

#[test]
fn a_ctc_someone_else_created_is_refused_even_naming_this_fund() {
    // The front-run: an attacker instantiates the public ctc-token code with a genesis that
    // names this fund as the public-welfare bucket, and sends `set_token` before the deploy.
    let mut chain = Chain::new();
    chain.balance.set(GENESIS);
    let (attacker, committee, attackers, token) = (
        chain.attacker.clone(),
        chain.owner.clone(),
        chain.attackers.clone(),
        chain.token.clone(),
    );
    let another_creator = |token: &Addr, creator: &Addr, expected: &Addr| {
        convention(ConventionError::TokenOfAnotherCreator {
            address: token.to_string(),
            creator: creator.to_string(),
            expected: expected.to_string(),
        })
    };
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    // Whoever sends it, the attacker or the committee fooled into it: `refused` checks that
    // nothing is written.
    for sender in [&attacker, &committee] {
        assert_eq!(
            chain.refused(sender, set_token(&attackers)),
            another_creator(&attackers, &attacker, &committee)
        );
    }
    assert_eq!(ctc_testkit::snapshot(&chain.deps.storage), before);
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, None);
    assert_eq!(chain.ledger().received, Uint128::zero());
    // The platform's token is still free to be set, by anyone.
    let stranger = chain.stranger.clone();
    let response = chain.run(&stranger, set_token(&token)).unwrap();
    assert_eq!(attribute(&response, "amount"), GENESIS.to_string());
    // Nor is a fund the attacker instantiates with our token accepted: the token's creator is
    // not the attacker.
    let mut bare = Chain::bare();
    let msg = InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        registry: bare.registry.to_string(),
        bucket: "public_welfare".into(),
    };
    let refused = bare
        .unit
        .instantiate(instantiate, &attacker, msg)
        .unwrap_err();
    assert_eq!(refused, another_creator(&token, &committee, &attacker));
    assert!(ctc_testkit::snapshot(&bare.deps.storage).is_empty());
}

#[test]
fn anyone_sets_a_verified_token_and_it_books_the_genesis_balance_once() {
    let mut chain = Chain::new();
    let (owner, stranger, token) = (
        chain.owner.clone(),
        chain.stranger.clone(),
        chain.token.clone(),
    );
    chain.balance.set(GENESIS);
    // Nothing moves before the token is known.
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::TokenNotSet
    );
    // Not the owner: what the token may be is fixed by the check, not by the sender.
    let response = chain.run(&stranger, set_token(&token)).unwrap();
    assert_eq!(attribute(&response, "action"), "set_token");
    assert_eq!(attribute(&response, "token"), token.as_str());
    assert_eq!(attribute(&response, "sender"), stranger.as_str());
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
    // A second token would make the ledger's numbers mean another coin, even one naming this
    // fund.
    let recycling = chain.recycling.clone();
    assert_eq!(
        chain.refused(&owner, set_token(&recycling)),
        ContractError::TokenAlreadySet
    );
    assert_eq!(
        chain.refused(&owner, set_token(&token)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn a_ctc_naming_this_fund_as_its_recycle_pool_is_accepted() {
    let mut chain = Chain::new();
    let (stranger, recycling) = (chain.stranger.clone(), chain.recycling.clone());
    let response = chain.run(&stranger, set_token(&recycling)).unwrap();
    assert_eq!(attribute(&response, "token"), recycling.as_str());
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, Some(recycling));
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
    let school = chain.addr("school");
    let disburse = ExecuteMsg::Disburse {
        recipient: school.to_string(),
        amount: Uint128::new(CTC),
        purpose: "lessons".into(),
        evidence_digest: digest(1),
    };
    assert_eq!(
        chain.refused(&owner, disburse.clone()),
        convention(OwnershipError::NotOwner)
    );
    // The new owner passes the owner check; no token is set, so nothing is available.
    assert_eq!(
        chain.refused(&committee, disburse),
        ContractError::TokenNotSet
    );
    chain.run(&stranger, set_token(&token)).unwrap();
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

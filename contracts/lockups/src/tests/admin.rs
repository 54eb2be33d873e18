use cosmwasm_std::coins;
use ctc_conventions::AdminError;
use cw_ownable::{Action, Ownership, OwnershipError};

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::{ConfigResponse, MigrateMsg};

fn is_nonpayable(err: &ContractError) -> bool {
    matches!(
        err,
        ContractError::Convention(ConventionError::Payment(payment))
            if payment.to_string().contains("accept funds")
    )
}

#[test]
fn instantiate_records_the_owner_and_books_nothing() {
    let mut unit = Lockups::new(execute);
    let (deployer, committee, token) = (
        unit.addr("deployer"),
        unit.addr("committee"),
        unit.addr("ctc"),
    );
    let msg = InstantiateMsg {
        owner: Some(committee.to_string()),
        token: Some(token.to_string()),
    };
    let response = unit.instantiate(instantiate, &deployer, msg).unwrap();
    assert_eq!(attribute(&response, "action"), "instantiate");
    assert_eq!(attribute(&response, "owner"), committee.as_str());
    assert_eq!(attribute(&response, "token"), token.as_str());
    let config: ConfigResponse = unit.ask(query, QueryMsg::Config {});
    assert_eq!(config.token, Some(token));
    let ownership: Ownership<Addr> = unit.ask(query, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(committee.clone()));
    let totals: TotalsResponse = unit.ask(query, QueryMsg::Totals {});
    assert_eq!(
        totals,
        TotalsResponse {
            booked_balance: u(0),
            unallocated: u(0),
            granted_outstanding: u(0),
            claimed_total: u(0),
            grants: 0,
        }
    );
    assert_eq!(unit.contract_version().contract, CONTRACT.name);
    assert_eq!(CONTRACT.name, "crates.io:lockups");
    // With the token given at instantiate it cannot be set again: reconcile books the bucket.
    let set = ExecuteMsg::SetToken {
        address: unit.addr("ctc").into(),
    };
    assert_eq!(
        unit.refused(&committee, set),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn instantiate_refuses_a_bad_token_and_coins() {
    let mut unit = Lockups::new(execute);
    let deployer = unit.addr("deployer");
    let msg = InstantiateMsg {
        owner: None,
        token: Some("bad".into()),
    };
    let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
    assert!(
        matches!(
            &refused,
            ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
        ),
        "{refused}"
    );
    let msg = InstantiateMsg {
        owner: Some("bad".into()),
        token: None,
    };
    let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
    assert!(
        matches!(
            &refused,
            ContractError::Convention(ConventionError::InvalidAddress { field: "owner", .. })
        ),
        "{refused}"
    );
    let msg = InstantiateMsg {
        owner: None,
        token: None,
    };
    let info = cosmwasm_std::testing::message_info(&deployer, &coins(5, "ustake"));
    let refused = instantiate(unit.deps.as_mut(), unit.env.clone(), info, msg).unwrap_err();
    assert!(is_nonpayable(&refused), "{refused}");
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
}

#[test]
fn every_message_refuses_coins() {
    let mut chain = Chain::new();
    let Accounts { owner, alice, .. } = &chain.accounts;
    let (owner, alice) = (owner.clone(), alice.clone());
    let id = chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), chain.at(0), chain.at(1)),
            true,
        )
        .unwrap();
    chain.advance(10);
    let messages = [
        ExecuteMsg::Reconcile {},
        ExecuteMsg::Claim { grant_id: id },
        ExecuteMsg::Revoke { grant_id: id },
        ExecuteMsg::CreateGrant {
            beneficiary: alice.to_string(),
            amount: u(1),
            schedule: linear(chain.at(0), chain.at(0), chain.at(1)),
            revocable: false,
        },
    ];
    for msg in messages {
        let refused = chain.refused_with(&owner, &coins(1, "ustake"), msg);
        assert!(is_nonpayable(&refused), "{refused}");
    }
}

#[test]
fn set_token_books_the_bucket_once_and_only_for_the_owner() {
    let mut chain = Chain::bare();
    *chain.balance.borrow_mut() = BUCKET;
    let (stranger, token) = (
        chain.accounts.stranger.clone(),
        chain.accounts.token.clone(),
    );
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    assert_eq!(
        chain.refused(&stranger, set(&token)),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    let owner = chain.accounts.owner.clone();
    assert!(matches!(
        chain.refused(
            &owner,
            ExecuteMsg::SetToken {
                address: "bad".into()
            }
        ),
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    let response = chain.set_token().unwrap();
    assert_eq!(attribute(&response, "action"), "set_token");
    assert_eq!(attribute(&response, "amount"), BUCKET.to_string());
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET));
    assert_eq!(totals.unallocated, u(BUCKET));
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, Some(token.clone()));
    // A second token, or the same again, would count the bucket twice.
    assert_eq!(
        chain.refused(&owner, set(&token)),
        ContractError::TokenAlreadySet
    );
    let other = chain.addr("other_token");
    assert_eq!(
        chain.refused(&owner, set(&other)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn ownership_is_handed_over_in_two_steps_and_never_renounced() {
    let mut chain = Chain::new();
    let (owner, committee, stranger) = (
        chain.accounts.owner.clone(),
        chain.addr("committee"),
        chain.accounts.stranger.clone(),
    );
    let refused = chain.unit.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &owner,
        &committee,
        &stranger,
    );
    assert_eq!(
        refused,
        convention(AdminError::Ownership(OwnershipError::NotPendingOwner))
    );
    // The new owner grants; the old one no longer can.
    let alice = chain.accounts.alice.clone();
    let msg = ExecuteMsg::Revoke { grant_id: 1 };
    assert_eq!(
        chain.refused(&owner, msg),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    let msg = ExecuteMsg::CreateGrant {
        beneficiary: alice.to_string(),
        amount: u(CTC),
        schedule: linear(chain.at(0), chain.at(0), chain.at(1)),
        revocable: false,
    };
    chain.execute(&committee, msg).unwrap();
    assert_eq!(
        chain.refused(
            &committee,
            ExecuteMsg::UpdateOwnership(Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
}

#[test]
fn migrate_moves_forward_within_this_contract_only() {
    let mut chain = Chain::new();
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "action"), "migrate");
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(attribute(&response, "to_version"), CONTRACT.version);
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    // The books survive a migration.
    assert_eq!(chain.totals().booked_balance, u(BUCKET));
    for (name, version) in [(CONTRACT.name, "99.0.0"), ("crates.io:cw-vesting", "0.1.0")] {
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

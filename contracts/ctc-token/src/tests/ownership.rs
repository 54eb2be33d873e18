use cosmwasm_std::testing::mock_env;
use ctc_conventions::{AdminError, ConventionError};
use cw_ownable::{Action, OwnershipError};

use super::*;

fn set_pool(pool: &str) -> ExecuteMsg {
    ExecuteMsg::SetRecyclePool {
        address: pool.to_owned(),
    }
}

fn admin(err: AdminError) -> ContractError {
    ContractError::Convention(ConventionError::Admin(err))
}

#[test]
fn owner_changes_the_recycle_pool() {
    let (mut token, accounts) = setup();
    let new_pool = token.addr("new_pool");
    let response = token
        .execute(&accounts.owner, set_pool(new_pool.as_str()))
        .unwrap();
    assert_eq!(response.attributes[1].value, new_pool.as_str());
    assert_eq!(tokenomics(&token).recycle_pool, new_pool);
}

#[test]
fn anyone_else_is_refused_and_nothing_changes() {
    let (mut token, accounts) = setup();
    let err = token.refused(&accounts.alice, set_pool(accounts.alice.as_str()));
    assert_eq!(err, admin(AdminError::Ownership(OwnershipError::NotOwner)));
    let err = token.refused(&accounts.owner, set_pool("Not An Address"));
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
}

#[test]
fn the_token_itself_cannot_become_the_pool() {
    let (mut token, accounts) = setup();
    let this = mock_env().contract.address;
    let err = token.refused(&accounts.owner, set_pool(this.as_str()));
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
}

/// Finding 4: CTC recycled to ticket-nft (or any platform contract) would sit there owed to
/// nobody, for good.
#[test]
fn a_platform_contract_cannot_become_the_pool() {
    let (mut token, accounts) = setup();
    let tickets = platform_contract(&mut token.deps, "ticket-nft");
    let err = token.refused(&accounts.owner, set_pool(tickets.as_str()));
    assert_eq!(
        err,
        admin(AdminError::RecipientCannotSpend {
            field: "recycle_pool",
            address: tickets.to_string(),
            name: "crates.io:ticket-nft".into(),
        })
    );
    let account = token.addr("community_fund");
    token
        .execute(&accounts.owner, set_pool(account.as_str()))
        .unwrap();
    assert_eq!(tokenomics(&token).recycle_pool, account);
}

#[test]
fn only_the_owner_transfers_ownership_and_nobody_renounces_it() {
    let (mut token, accounts) = setup();
    let alice = &accounts.alice;
    let transfer = ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: alice.to_string(),
        expiry: None,
    });
    let err = token.refused(alice, transfer);
    assert_eq!(err, admin(AdminError::Ownership(OwnershipError::NotOwner)));
    // Finding 12: not even the owner renounces; a token without an owner could never change
    // its recycle pool again.
    let renounce = ExecuteMsg::UpdateOwnership(Action::RenounceOwnership);
    let err = token.refused(&accounts.owner, renounce);
    assert_eq!(err, admin(AdminError::RenounceRefused));
}

#[test]
fn ownership_moves_in_two_steps() {
    let (mut token, accounts) = setup();
    let (owner, alice) = (&accounts.owner, &accounts.alice);
    // Until alice accepts, the old owner still owns and a stranger cannot accept.
    let update = ExecuteMsg::UpdateOwnership;
    let err = token.hand_over_ownership(update, query, owner, alice, &accounts.bob);
    assert_eq!(
        err,
        admin(AdminError::Ownership(OwnershipError::NotPendingOwner))
    );
    let err = token.refused(owner, set_pool(owner.as_str()));
    assert_eq!(err, admin(AdminError::Ownership(OwnershipError::NotOwner)));
    token.execute(alice, set_pool(owner.as_str())).unwrap();
}

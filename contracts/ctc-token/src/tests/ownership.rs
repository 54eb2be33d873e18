use cosmwasm_std::testing::mock_env;
use ctc_conventions::AdminError;
use cw_ownable::{Action, OwnershipError};

use super::*;

fn set_pool(deps: &mut Deps, sender: &Addr, pool: &str) -> Result<Response, ContractError> {
    exec(
        deps,
        sender,
        ExecuteMsg::SetRecyclePool {
            address: pool.to_owned(),
        },
    )
}

#[test]
fn owner_changes_the_recycle_pool() {
    let (mut deps, accounts) = setup();
    let new_pool = deps.api.addr_make("new_pool");
    let response = set_pool(&mut deps, &accounts.owner.clone(), new_pool.as_str()).unwrap();
    assert_eq!(response.attributes[1].value, new_pool.as_str());
    assert_eq!(tokenomics(&deps).recycle_pool, new_pool);
}

#[test]
fn anyone_else_is_refused_and_nothing_changes() {
    let (mut deps, accounts) = setup();
    let before = snapshot(&deps.storage);
    let err = set_pool(&mut deps, &accounts.alice.clone(), accounts.alice.as_str()).unwrap_err();
    assert_eq!(err, ContractError::Ownership(OwnershipError::NotOwner));
    let err = set_pool(&mut deps, &accounts.owner.clone(), "Not An Address").unwrap_err();
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
    assert_eq!(snapshot(&deps.storage), before);
}

#[test]
fn the_token_itself_cannot_become_the_pool() {
    let (mut deps, accounts) = setup();
    let token = mock_env().contract.address;
    let before = snapshot(&deps.storage);
    let err = set_pool(&mut deps, &accounts.owner.clone(), token.as_str()).unwrap_err();
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
    assert_eq!(snapshot(&deps.storage), before);
}

/// Finding 4: CTC recycled to ticket-nft (or any platform contract) would sit there owed to
/// nobody, for good.
#[test]
fn a_platform_contract_cannot_become_the_pool() {
    let (mut deps, accounts) = setup();
    let tickets = platform_contract(&mut deps, "ticket-nft");
    let before = snapshot(&deps.storage);
    let err = set_pool(&mut deps, &accounts.owner.clone(), tickets.as_str()).unwrap_err();
    assert_eq!(
        err,
        ContractError::Admin(AdminError::RecipientCannotSpend {
            field: "recycle_pool",
            address: tickets.to_string(),
            name: "crates.io:ticket-nft".into(),
        })
    );
    assert_eq!(snapshot(&deps.storage), before);
    let account = deps.api.addr_make("community_fund");
    set_pool(&mut deps, &accounts.owner.clone(), account.as_str()).unwrap();
    assert_eq!(tokenomics(&deps).recycle_pool, account);
}

#[test]
fn only_the_owner_transfers_ownership_and_nobody_renounces_it() {
    let (mut deps, accounts) = setup();
    let before = snapshot(&deps.storage);
    let alice = accounts.alice.clone();
    let transfer = ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: alice.to_string(),
        expiry: None,
    });
    let err = exec(&mut deps, &alice, transfer).unwrap_err();
    assert_eq!(
        err,
        ContractError::Admin(AdminError::Ownership(OwnershipError::NotOwner))
    );
    // Finding 12: not even the owner renounces; a token without an owner could never change
    // its recycle pool again.
    let renounce = ExecuteMsg::UpdateOwnership(Action::RenounceOwnership);
    let err = exec(&mut deps, &accounts.owner.clone(), renounce).unwrap_err();
    assert_eq!(err, ContractError::Admin(AdminError::RenounceRefused));
    assert_eq!(snapshot(&deps.storage), before);
}

#[test]
fn ownership_moves_in_two_steps() {
    let (mut deps, accounts) = setup();
    let owner = accounts.owner.clone();
    let alice = accounts.alice.clone();
    exec(
        &mut deps,
        &owner,
        ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: alice.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    // Until alice accepts, the old owner still rules and a stranger cannot accept.
    set_pool(&mut deps, &owner, alice.as_str()).unwrap();
    let err = exec(
        &mut deps,
        &accounts.bob.clone(),
        ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::Admin(AdminError::Ownership(OwnershipError::NotPendingOwner))
    );

    execute(
        deps.as_mut(),
        mock_env(),
        cosmwasm_std::testing::message_info(&alice, &[]),
        ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
    )
    .unwrap();
    let err = set_pool(&mut deps, &owner, owner.as_str()).unwrap_err();
    assert_eq!(err, ContractError::Ownership(OwnershipError::NotOwner));
    set_pool(&mut deps, &alice, owner.as_str()).unwrap();
}

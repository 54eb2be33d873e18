use cosmwasm_std::{Attribute, Uint128};
use ctc_interfaces::token::{CtcExecuteMsg, CTC_SUPPLY_FLOOR};

use super::*;

fn attribute<'a>(attributes: &'a [Attribute], key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
}

fn fund(token: &mut Token, accounts: &Accounts, to: &Addr, amount: u128) {
    token
        .execute(
            &accounts.genesis[1],
            ExecuteMsg::Transfer {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
            },
        )
        .unwrap();
}

fn burn_or_recycle(amount: u128) -> ExecuteMsg {
    ExecuteMsg::BurnOrRecycle {
        amount: Uint128::new(amount),
    }
}

#[test]
fn burns_everything_while_above_the_floor() {
    let (mut token, accounts) = setup();
    let alice = &accounts.alice;
    fund(&mut token, &accounts, alice, 1_000);
    let response = token.execute(alice, burn_or_recycle(600)).unwrap();
    let attrs = &response.attributes;
    assert_eq!(attribute(attrs, "action"), Some("burn_or_recycle"));
    assert_eq!(attribute(attrs, "burned"), Some("600"));
    assert_eq!(attribute(attrs, "recycled"), Some("0"));
    assert_eq!(
        attribute(attrs, "recycle_pool"),
        Some(accounts.community().as_str())
    );
    assert_eq!(balance(&token, alice), Uint128::new(400));
    let t = tokenomics(&token);
    assert_eq!(t.burned, Uint128::new(600));
    assert_eq!(t.recycled, Uint128::zero());
}

#[test]
fn splits_across_the_floor_into_burned_and_recycled() {
    let (mut token, accounts) = setup();
    let alice = &accounts.alice;
    fund(&mut token, &accounts, alice, 1_000);
    burn_until_burnable(&mut token, &accounts, Uint128::new(250));
    let pool = accounts.community();
    let pool_before = balance(&token, pool);

    let response = token.execute(alice, burn_or_recycle(1_000)).unwrap();
    let attrs = &response.attributes;
    assert_eq!(attribute(attrs, "amount"), Some("1000"));
    assert_eq!(attribute(attrs, "burned"), Some("250"));
    assert_eq!(attribute(attrs, "recycled"), Some("750"));
    assert_eq!(attribute(attrs, "recycle_pool"), Some(pool.as_str()));
    assert_eq!(balance(&token, alice), Uint128::zero());
    assert_eq!(balance(&token, pool), pool_before + Uint128::new(750));
    let t = tokenomics(&token);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burnable, Uint128::zero());
    assert_eq!(t.recycled, Uint128::new(750));
}

#[test]
fn recycles_everything_at_the_floor_and_keeps_count() {
    let (mut token, accounts) = setup();
    let alice = &accounts.alice;
    fund(&mut token, &accounts, alice, 1_000);
    burn_until_burnable(&mut token, &accounts, Uint128::zero());
    for _ in 0..2 {
        let response = token.execute(alice, burn_or_recycle(300)).unwrap();
        assert_eq!(attribute(&response.attributes, "burned"), Some("0"));
    }
    let t = tokenomics(&token);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.recycled, Uint128::new(600));
}

#[test]
fn the_recycle_pool_itself_is_refused_and_nothing_changes() {
    let (mut token, accounts) = setup();
    let err = token.refused(accounts.community(), burn_or_recycle(40));
    assert_eq!(err, ContractError::SenderIsRecyclePool);
}

#[test]
fn refuses_zero_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let err = token.refused(&accounts.genesis[0], burn_or_recycle(0));
    assert_eq!(err, ContractError::ZeroAmount);
}

#[test]
fn refuses_more_than_the_balance_and_changes_nothing() {
    let (mut token, accounts) = setup();
    fund(&mut token, &accounts, &accounts.alice, 99);
    let err = token.refused(&accounts.alice, burn_or_recycle(100));
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::new(99),
            required: Uint128::new(100),
        }
    );
    let err = token.refused(&accounts.bob, burn_or_recycle(1));
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::zero(),
            required: Uint128::one(),
        }
    );
}

#[test]
fn the_interface_message_is_the_contract_message() {
    let amount = Uint128::new(42);
    assert_eq!(
        cosmwasm_std::to_json_vec(&CtcExecuteMsg::BurnOrRecycle { amount }).unwrap(),
        cosmwasm_std::to_json_vec(&ExecuteMsg::BurnOrRecycle { amount }).unwrap(),
    );
    assert_eq!(
        cosmwasm_std::to_json_vec(&ctc_interfaces::token::CtcQueryMsg::Tokenomics {}).unwrap(),
        cosmwasm_std::to_json_vec(&QueryMsg::Tokenomics {}).unwrap(),
    );
    assert_eq!(
        cosmwasm_std::to_json_vec(&ctc_interfaces::token::CtcQueryMsg::Allocation {}).unwrap(),
        cosmwasm_std::to_json_vec(&QueryMsg::Allocation {}).unwrap(),
    );
}

use cosmwasm_std::{OverflowOperation, StdError, Uint128};
use ctc_interfaces::token::{CtcExecuteMsg, Payment, CTC_SUPPLY_FLOOR, MAX_DISBURSE_PAYMENTS};
use ctc_testkit::{readable_key, snapshot};
use cw20::Expiration;

use super::disburse::{fund, pairs, pay};
use super::*;

fn disburse_from(owner: &Addr, payments: Vec<Payment>, burn_or_recycle: u128) -> ExecuteMsg {
    ExecuteMsg::DisburseFrom {
        owner: owner.to_string(),
        payments,
        burn_or_recycle: Uint128::new(burn_or_recycle),
    }
}

fn grant(token: &mut Token, owner: &Addr, spender: &Addr, amount: u128, expires: Expiration) {
    let msg = ExecuteMsg::IncreaseAllowance {
        spender: spender.to_string(),
        amount: Uint128::new(amount),
        expires: Some(expires),
    };
    token.execute(owner, msg).unwrap();
}

fn allowance(token: &Token, owner: &Addr, spender: &Addr) -> Uint128 {
    ask::<cw20::AllowanceResponse>(
        token,
        QueryMsg::Allowance {
            owner: owner.to_string(),
            spender: spender.to_string(),
        },
    )
    .allowance
}

/// A token where alice holds 1,000 and has granted `spender` an allowance of `allowed`.
fn with_allowance(allowed: u128) -> (Token, Accounts, Addr) {
    let (mut token, accounts) = setup();
    let spender = token.addr("tipping");
    fund(&mut token, &accounts, &accounts.alice, 1_000);
    grant(
        &mut token,
        &accounts.alice,
        &spender,
        allowed,
        Expiration::Never {},
    );
    (token, accounts, spender)
}

fn allowance_too_small() -> ContractError {
    ContractError::Cw20(cw20_base::ContractError::Std(StdError::overflow(
        cosmwasm_std::OverflowError::new(OverflowOperation::Sub),
    )))
}

#[test]
fn pays_from_the_owner_and_deducts_the_whole_debit_from_the_allowance() {
    let (mut token, accounts, spender) = with_allowance(800);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let carol = token.addr("carol");
    let before = tokenomics(&token);

    let msg = disburse_from(alice, vec![pay(bob, 300), pay(&carol, 200)], 0);
    let response = token.execute(&spender, msg).unwrap();
    assert!(response.messages.is_empty());
    assert_eq!(
        pairs(&response.attributes),
        [
            ("action", "disburse_from"),
            ("from", alice.as_str()),
            ("by", spender.as_str()),
            ("amount", "500"),
            ("to", bob.as_str()),
            ("paid", "300"),
            ("to", carol.as_str()),
            ("paid", "200"),
            ("burned", "0"),
            ("recycled", "0"),
        ]
    );
    assert_eq!(balance(&token, alice), Uint128::new(500));
    assert_eq!(balance(&token, bob), Uint128::new(300));
    assert_eq!(balance(&token, &carol), Uint128::new(200));
    assert_eq!(balance(&token, &spender), Uint128::zero());
    assert_eq!(allowance(&token, alice, &spender), Uint128::new(300));
    assert_eq!(tokenomics(&token), before);
}

#[test]
fn the_burn_part_counts_against_the_allowance_and_splits_across_the_floor() {
    let (mut token, accounts, spender) = with_allowance(650);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    burn_until_burnable(&mut token, &accounts, Uint128::new(40));
    let pool = accounts.community();
    let pool_before = balance(&token, pool);

    let response = token
        .execute(&spender, disburse_from(alice, vec![pay(bob, 500)], 100))
        .unwrap();
    assert_eq!(
        pairs(&response.attributes)[6..],
        [
            ("burned", "40"),
            ("recycled", "60"),
            ("recycle_pool", pool.as_str()),
        ]
    );
    assert_eq!(balance(&token, alice), Uint128::new(400));
    assert_eq!(balance(&token, bob), Uint128::new(500));
    assert_eq!(balance(&token, pool), pool_before + Uint128::new(60));
    assert_eq!(allowance(&token, alice, &spender), Uint128::new(50));
    let t = tokenomics(&token);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.recycled, Uint128::new(60));
}

/// The same message as a `Disburse` by the owner leaves the same balances, supply and recycled
/// total: only the allowance differs. Repeated recipients, the owner, the spender and the pool
/// among the payees, with a burn part across the floor.
#[test]
fn does_to_the_owner_what_disburse_does_to_the_sender() {
    // Exactly the debit below, which uses it up.
    let (mut by_owner, accounts, spender) = with_allowance(200);
    let (mut by_spender, _, _) = with_allowance(200);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let pool = accounts.community().clone();
    let payments = vec![
        pay(bob, 100),
        pay(alice, 50),
        pay(&spender, 20),
        pay(&pool, 5),
    ];
    for token in [&mut by_owner, &mut by_spender] {
        burn_until_burnable(token, &accounts, Uint128::new(10));
    }

    let disbursed = by_owner
        .execute(
            alice,
            ExecuteMsg::Disburse {
                payments: payments.clone(),
                burn_or_recycle: Uint128::new(25),
            },
        )
        .unwrap();
    let disbursed_from = by_spender
        .execute(&spender, disburse_from(alice, payments, 25))
        .unwrap();

    let without_allowances = |token: &Token| {
        let mut state = snapshot(&token.deps.storage);
        state.retain(|(key, _)| !readable_key(key).contains("allowance"));
        state
    };
    assert_eq!(
        without_allowances(&by_owner),
        without_allowances(&by_spender)
    );
    assert_eq!(balance(&by_spender, alice), Uint128::new(1_000 - 200 + 50));
    assert_eq!(allowance(&by_spender, alice, &spender), Uint128::zero());
    // The same event, but for the action and the spender.
    let mut expected = pairs(&disbursed.attributes);
    expected[0].1 = "disburse_from";
    expected.insert(2, ("by", spender.as_str()));
    assert_eq!(pairs(&disbursed_from.attributes), expected);
}

#[test]
fn refuses_without_an_allowance_and_changes_nothing() {
    let (mut token, accounts, spender) = with_allowance(500);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let msg = || disburse_from(alice, vec![pay(bob, 10)], 0);
    // An allowance alice granted another spender is not bob's, nor is a holder her own spender.
    let no_allowance = ContractError::Cw20(cw20_base::ContractError::NoAllowance {});
    assert_eq!(token.refused(bob, msg()), no_allowance);
    assert_eq!(token.refused(alice, msg()), no_allowance);
    let stranger = token.addr("stranger");
    assert_eq!(token.refused(&stranger, msg()), no_allowance);
    assert_eq!(allowance(&token, alice, &spender), Uint128::new(500));
}

#[test]
fn refuses_more_than_the_allowance_and_changes_nothing() {
    let (mut token, accounts, spender) = with_allowance(99);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    // The burn part counts: 60 + 30 + 10 is one more than alice allowed.
    let msg = disburse_from(alice, vec![pay(bob, 60), pay(bob, 30)], 10);
    assert_eq!(token.refused(&spender, msg), allowance_too_small());
    // Paid back to the owner or not, every payment is taken under the allowance.
    let msg = disburse_from(alice, vec![pay(alice, 100)], 0);
    assert_eq!(token.refused(&spender, msg), allowance_too_small());
    token
        .execute(&spender, disburse_from(alice, vec![pay(bob, 99)], 0))
        .unwrap();
    assert_eq!(allowance(&token, alice, &spender), Uint128::zero());
    let msg = disburse_from(alice, vec![pay(bob, 1)], 0);
    assert_eq!(token.refused(&spender, msg), allowance_too_small());
}

#[test]
fn refuses_under_an_expired_allowance_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let spender = token.addr("tipping");
    fund(&mut token, &accounts, alice, 1_000);
    let until = token.env.block.height + 10;
    grant(
        &mut token,
        alice,
        &spender,
        500,
        Expiration::AtHeight(until),
    );
    token
        .execute(&spender, disburse_from(alice, vec![pay(bob, 10)], 0))
        .unwrap();
    token.advance(50);
    assert_eq!(token.env.block.height, until);
    let err = token.refused(&spender, disburse_from(alice, vec![pay(bob, 10)], 0));
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Expired {})
    );
    assert_eq!(balance(&token, alice), Uint128::new(990));
}

#[test]
fn refuses_more_than_the_owners_balance_and_changes_nothing() {
    let (mut token, accounts, spender) = with_allowance(5_000);
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let err = token.refused(
        &spender,
        disburse_from(alice, vec![pay(bob, 900), pay(bob, 100)], 1),
    );
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::new(1_000),
            required: Uint128::new(1_001),
        }
    );
    // The spender's own balance does not make up for the owner's.
    fund(&mut token, &accounts, &spender, 5_000);
    let err = token.refused(&spender, disburse_from(alice, vec![pay(bob, 1_001)], 0));
    assert!(
        matches!(err, ContractError::InsufficientBalance { .. }),
        "{err:?}"
    );
}

#[test]
fn refuses_what_disburse_refuses_and_changes_nothing() {
    let (mut token, accounts, spender) = with_allowance(1_000);
    let (alice, bob) = (&accounts.alice, &accounts.bob);

    let err = token.refused(&spender, disburse_from(alice, vec![], 0));
    assert_eq!(err, ContractError::NothingToDisburse);

    let payments = vec![pay(bob, 5), pay(&accounts.owner, 0)];
    let err = token.refused(&spender, disburse_from(alice, payments, 5));
    assert_eq!(
        err,
        ContractError::ZeroPayment {
            index: 1,
            recipient: accounts.owner.to_string(),
        }
    );

    let payees: Vec<Payment> = (0..=MAX_DISBURSE_PAYMENTS)
        .map(|i| pay(&token.addr(&format!("payee{i}")), 10))
        .collect();
    let err = token.refused(&spender, disburse_from(alice, payees.clone(), 0));
    assert_eq!(
        err,
        ContractError::TooManyPayments {
            max: MAX_DISBURSE_PAYMENTS,
            given: MAX_DISBURSE_PAYMENTS + 1,
        }
    );
    let at_the_bound = payees[..MAX_DISBURSE_PAYMENTS].to_vec();
    token
        .execute(&spender, disburse_from(alice, at_the_bound, 0))
        .unwrap();

    let bad = Payment {
        recipient: "not-an-address".into(),
        amount: Uint128::new(5),
    };
    let err = token.refused(&spender, disburse_from(alice, vec![bad], 0));
    assert!(
        matches!(err, ContractError::InvalidPaymentRecipient { index: 0, .. }),
        "{err:?}"
    );

    let msg = ExecuteMsg::DisburseFrom {
        owner: alice.as_str().to_uppercase(),
        payments: vec![pay(bob, 5)],
        burn_or_recycle: Uint128::zero(),
    };
    assert!(matches!(
        token.refused(&spender, msg),
        ContractError::Std(_)
    ));
}

#[test]
fn the_recycle_pool_as_owner_may_pay_but_not_burn_or_recycle() {
    let (mut token, accounts) = setup();
    let pool = accounts.community().clone();
    let (bob, spender) = (&accounts.bob, token.addr("tipping"));
    grant(&mut token, &pool, &spender, 100, Expiration::Never {});
    let err = token.refused(&spender, disburse_from(&pool, vec![pay(bob, 10)], 1));
    assert_eq!(err, ContractError::SenderIsRecyclePool);
    token
        .execute(&spender, disburse_from(&pool, vec![pay(bob, 10)], 0))
        .unwrap();
    assert_eq!(balance(&token, bob), Uint128::new(10));
    assert_eq!(allowance(&token, &pool, &spender), Uint128::new(90));
}

#[test]
fn the_interface_message_is_the_contract_message() {
    let api = MockApi::default();
    let owner = api.addr_make("fan").to_string();
    let payments = vec![
        pay(&api.addr_make("troupe"), 975),
        pay(&api.addr_make("treasury"), 25),
    ];
    let burn_or_recycle = Uint128::new(7);
    assert_eq!(
        cosmwasm_std::to_json_vec(&CtcExecuteMsg::DisburseFrom {
            owner: owner.clone(),
            payments: payments.clone(),
            burn_or_recycle,
        })
        .unwrap(),
        cosmwasm_std::to_json_vec(&ExecuteMsg::DisburseFrom {
            owner,
            payments,
            burn_or_recycle,
        })
        .unwrap(),
    );
}

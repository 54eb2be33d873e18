//! The payout crank: anyone pays a settled pool's positions a page at a time, exactly as claims
//! would, so winners and refunded bettors need no call of their own.

use std::collections::BTreeMap;

use super::*;
use crate::execute::bets::{DEFAULT_PAYOUT_LIMIT, MAX_PAYOUT_LIMIT};
use crate::execute::pools::CLAIM_PERIOD_SECONDS;

/// Bettors and their stakes.
type Stakes = Vec<(Addr, u128)>;

/// Pool 1 on question 1 with `winners` backing outcome 0 and `losers` outcome 1, as (bettor,
/// stake); closed.
fn pool_with(winners: &[u128], losers: &[u128]) -> (Chain, Stakes, Stakes) {
    let mut chain = Chain::new();
    chain.create(chain.input()).unwrap();
    let stake = |name: String, outcome: u32, amount: u128, chain: &mut Chain| {
        let bettor = chain.pools.addr(&name);
        chain.bet_as(&bettor, 1, outcome, amount).unwrap();
        (bettor, amount)
    };
    let winners = winners
        .iter()
        .enumerate()
        .map(|(i, &amount)| stake(format!("winner {i}"), 0, amount, &mut chain))
        .collect();
    let losers = losers
        .iter()
        .enumerate()
        .map(|(i, &amount)| stake(format!("loser {i}"), 1, amount, &mut chain))
        .collect();
    chain.pools.advance(3_600);
    (chain, winners, losers)
}

/// Stakes whose shares do not divide evenly, so there is dust for the last winner.
const WINNING: [u128; 5] = [1_000_001, 2_000_003, 3_333_333, 4_000_007, 7_777_777];
const LOSING: [u128; 2] = [5_000_000, 1_234_567];

#[test]
fn the_crank_pays_winners_in_pages_skips_losers_and_never_pays_twice() {
    let (mut chain, winners, losers) = pool_with(&WINNING, &LOSING);
    let token = chain.token.clone();
    chain.answer(AnswerStatus::Final, Some(0));
    chain.resolve(1).unwrap();
    let pool = chain.pool(1);
    let distributable = (pool.total - pool.fee_taken).u128();
    let winning: u128 = WINNING.iter().sum();

    // One winner claims first, alone.
    let mut received: BTreeMap<String, Vec<u128>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let (early, _) = &winners[2];
    let response = chain.claim(early, 1).unwrap();
    for (to, amount) in payments(&response, &token) {
        order.push(to.clone());
        received.entry(to).or_default().push(amount);
    }

    let mut calls = 0;
    loop {
        match chain.pay_out(1, Some(2)) {
            Ok(response) => {
                calls += 1;
                let walked: u32 = attribute(&response, "walked").parse().unwrap();
                assert!((1..=2).contains(&walked));
                let paid = payments(&response, &token);
                assert_eq!(attribute(&response, "paid"), paid.len().to_string());
                assert!(response.messages.len() <= 1, "two payments: one Disburse");
                let done = attribute(&response, "done") == "true";
                assert_eq!(chain.pool(1).payout_done, done);
                assert_eq!(chain.pool(1).payout_cursor.is_some(), !done);
                for (to, amount) in paid {
                    order.push(to.clone());
                    received.entry(to).or_default().push(amount);
                }
            }
            Err(err) => {
                assert_eq!(err, ContractError::PayoutDone);
                break;
            }
        }
        assert!(calls <= 4, "7 positions in pages of 2");
    }
    assert!(calls >= 2);

    // Everyone paid once at most; losers not at all; the fee and the payouts make the total.
    for (loser, _) in &losers {
        assert!(!received.contains_key(loser.as_str()));
        assert_eq!(
            chain.claim(loser, 1).unwrap_err(),
            ContractError::NothingToClaim
        );
    }
    let last = order.last().unwrap().clone();
    let mut total_paid = 0;
    for (winner, stake) in &winners {
        let amounts = &received[winner.as_str()];
        assert_eq!(amounts.len(), 1, "paid once");
        total_paid += amounts[0];
        if winner.as_str() != last {
            // Floor of the proportional share; the dust is left for the last.
            assert_eq!(amounts[0], stake * distributable / winning);
        }
        assert_eq!(
            chain.claim(winner, 1).unwrap_err(),
            ContractError::AlreadyClaimed
        );
        assert_eq!(chain.position(1, winner).claimable, Uint128::zero());
    }
    assert_eq!(total_paid, distributable);
    let pool = chain.pool(1);
    assert_eq!(pool.paid + pool.fee_taken, pool.total);
    assert!(pool.payout_done);
    assert_eq!(
        chain.pay_out(1, None).unwrap_err(),
        ContractError::PayoutDone
    );
}

#[test]
fn the_crank_refunds_a_refunding_pool_and_says_when_it_is_done() {
    let (mut chain, winners, losers) = pool_with(&WINNING, &LOSING);
    let token = chain.token.clone();
    chain.answer(AnswerStatus::Invalid, None);
    chain.resolve(1).unwrap();
    let response = chain.pay_out(1, None).unwrap();
    assert_eq!(attribute(&response, "done"), "true");
    assert_eq!(attribute(&response, "walked"), "7");
    let mut paid = payments(&response, &token);
    let mut expected: Vec<(String, u128)> = winners
        .iter()
        .chain(&losers)
        .map(|(who, stake)| (who.to_string(), *stake))
        .collect();
    paid.sort();
    expected.sort();
    assert_eq!(paid, expected);
    // Seven payments go out in two Disburse calls, the token's bound being four each.
    assert_eq!(response.messages.len(), 2);
    let pool = chain.pool(1);
    assert_eq!(pool.paid, pool.total);
    assert!(pool.payout_done && pool.payout_cursor.is_none());
    assert_eq!(
        chain.pay_out(1, Some(1)).unwrap_err(),
        ContractError::PayoutDone
    );
}

#[test]
fn a_pool_paid_by_claims_alone_leaves_the_crank_nothing() {
    let (mut chain, winners, _) = pool_with(&WINNING[..2], &LOSING);
    chain.answer(AnswerStatus::Final, Some(0));
    chain.resolve(1).unwrap();
    for (winner, _) in &winners {
        chain.claim(winner, 1).unwrap();
    }
    assert!(chain.pool(1).payout_done);
    assert_eq!(
        chain.pay_out(1, None).unwrap_err(),
        ContractError::PayoutDone
    );
}

#[test]
fn the_crank_is_refused_before_settlement_after_the_sweep_and_beyond_its_page() {
    let (mut chain, _, _) = pool_with(&WINNING, &LOSING);
    assert_eq!(
        chain.pay_out(1, None).unwrap_err(),
        ContractError::NotSettled
    );
    assert_eq!(
        chain.pay_out(2, None).unwrap_err(),
        ContractError::PoolNotFound { pool_id: 2 }
    );
    chain.answer(AnswerStatus::Final, Some(0));
    chain.resolve(1).unwrap();
    let limit = ContractError::PayoutLimit {
        max: MAX_PAYOUT_LIMIT,
    };
    assert_eq!(limit.to_string(), "a payout call walks 1 to 50 positions");
    assert_eq!(chain.pay_out(1, Some(0)).unwrap_err(), limit);
    assert_eq!(
        chain.pay_out(1, Some(MAX_PAYOUT_LIMIT + 1)).unwrap_err(),
        limit
    );
    assert_eq!(DEFAULT_PAYOUT_LIMIT, 30);
    chain.pay_out(1, Some(1)).unwrap();
    chain.pools.advance(CLAIM_PERIOD_SECONDS);
    let anyone = chain.anyone();
    chain
        .run(&anyone, ExecuteMsg::SweepUnclaimed { pool_id: 1 })
        .unwrap();
    assert_eq!(chain.pay_out(1, None).unwrap_err(), ContractError::Swept);
}

/// Fifty positions in one call, the most allowed: each its own payment, in Disburse calls of at
/// most four.
#[test]
fn a_full_page_pays_fifty_positions() {
    let stakes: Vec<u128> = (0..60).map(|i| 100_000 + i).collect();
    let (mut chain, winners, _) = pool_with(&stakes, &[CTC]);
    let token = chain.token.clone();
    chain.answer(AnswerStatus::Final, Some(0));
    chain.resolve(1).unwrap();
    let response = chain.pay_out(1, Some(MAX_PAYOUT_LIMIT)).unwrap();
    let first = payments(&response, &token);
    assert_eq!(attribute(&response, "done"), "false");
    let response = chain.pay_out(1, Some(MAX_PAYOUT_LIMIT)).unwrap();
    let second = payments(&response, &token);
    assert_eq!(attribute(&response, "done"), "true");
    // 61 positions, one a loser: every winner paid across the two pages.
    assert_eq!(first.len() + second.len(), winners.len());
    assert!(first.len() >= 49);
    let pool = chain.pool(1);
    assert_eq!(pool.paid + pool.fee_taken, pool.total);
}

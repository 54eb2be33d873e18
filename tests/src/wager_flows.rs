//! Wager pools with the real token, registry and oracle through a whole life: create (question
//! made by sub-message), bet, close, report, dispute window, finalize, resolve, claim; refunds for
//! no winner and Invalid; cancellation; a partner's pool with its bond; refusals; and property
//! tests that payouts + fee = total staked exactly, also when claims and `pay_out` pages mix.

use cosmwasm_std::{Addr, Timestamp, Uint128};
use ctc_interfaces::oracle::Verdict;
use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg};
use cw_multi_test::AppResponse;
use proptest::prelude::*;
use wager_pool::msg::{
    ExecuteMsg, PoolResponse, PoolStatus, PositionResponse, QueryMsg, RefundReason,
};

use crate::platform::{attribute, id, root, Platform, CTC, POOL_BOND};

const HOUR: u64 = 3_600;
const DAY: u64 = 24 * HOUR;

fn pool_input(now: Timestamp, outcomes: usize, cap: Option<u128>) -> PoolInput {
    PoolInput {
        title: "Best drama of the festival".into(),
        outcomes: (0..outcomes).map(|i| format!("play {i}")).collect(),
        question: QuestionSource::New {
            resolve_after: now.plus_seconds(DAY),
            deadline: now.plus_seconds(20 * DAY),
            reporters: None,
            quorum: 2,
            dispute_window_seconds: DAY,
        },
        closes_at: now.plus_seconds(DAY),
        fee: None,
        min_bet: None,
        max_bet: None,
        cap_per_address: cap.map(Uint128::new),
        min_identity: None,
    }
}

impl Platform {
    fn open_pool(&self, input: PoolInput) -> anyhow::Result<u64> {
        let create = ExecuteMsg::CreatePool { pool: input };
        let response = self.execute(&self.owner, &self.wager, &create)?;
        Ok(id(&response, "pool_id"))
    }

    /// `partner` opens a pool of its own, posting `bond` CTC.
    fn open_bonded_pool(
        &self,
        partner: &Addr,
        bond: u128,
        input: PoolInput,
    ) -> anyhow::Result<AppResponse> {
        let create = WagerReceiveMsg::CreatePool {
            pool: Box::new(input),
        };
        self.send_ctc(partner, &self.wager, bond, &create)
    }

    fn bet(
        &self,
        fan: usize,
        pool_id: u64,
        outcome: u32,
        amount: u128,
    ) -> anyhow::Result<AppResponse> {
        let hook = WagerReceiveMsg::Bet { pool_id, outcome };
        self.send_ctc(&self.fans[fan], &self.wager, amount, &hook)
    }

    fn pool(&self, pool_id: u64) -> PoolResponse {
        self.query(&self.wager, &QueryMsg::Pool { pool_id })
    }

    /// Two reporters agree on `verdict`; the dispute window passes and the answer is final.
    fn settle_question(&self, question_id: u64, verdict: Verdict) {
        self.advance(DAY);
        for reporter in self.reporters.iter().take(2) {
            let report = outcome_oracle::msg::ExecuteMsg::Report {
                question_id,
                verdict,
            };
            self.execute(reporter, &self.oracle, &report).unwrap();
        }
        self.advance(DAY);
        let finalize = outcome_oracle::msg::ExecuteMsg::Finalize { question_id };
        self.execute(&self.fans[0], &self.oracle, &finalize)
            .unwrap();
    }
}

#[test]
fn a_whole_pool_life_pays_winners_and_fees_to_the_unit() {
    let p = Platform::new();
    let now = p.now();
    let id = p.open_pool(pool_input(now, 3, Some(150 * CTC))).unwrap();
    let question_id = p.pool(id).question_id;
    assert_ne!(question_id, 0, "the oracle's reply set the question");

    p.bet(0, id, 0, 100 * CTC).unwrap();
    p.bet(1, id, 1, 50 * CTC).unwrap();
    p.bet(2, id, 0, 30 * CTC).unwrap();
    p.bet(3, id, 2, 21 * CTC).unwrap();
    assert_eq!(
        root(p.bet(0, id, 0, 60 * CTC).unwrap_err()),
        format!(
            "over the cap of {} per address: {} already staked",
            150 * CTC,
            100 * CTC
        )
    );
    assert_eq!(
        root(p.bet(1, id, 1, 90_000).unwrap_err()),
        format!("a bet is between 100000 and {}", 200 * CTC)
    );
    assert_eq!(
        root(p.bet(1, id, 3, CTC).unwrap_err()),
        "outcome 3 does not exist"
    );
    let odds: wager_pool::msg::OddsResponse = p.query(&p.wager, &QueryMsg::Odds { pool_id: id });
    // 201 CTC less 5% is 190.95 CTC; 130 CTC back outcome 0.
    assert_eq!(
        odds.payout_per_unit[0].unwrap().to_string(),
        "1.468846153846153846"
    );

    let anyone = p.fans[3].clone();
    assert!(p
        .refused(&anyone, &p.wager, &ExecuteMsg::Resolve { pool_id: id })
        .starts_with("betting is still open until"));
    p.advance_to(now.plus_seconds(DAY));
    assert!(root(p.bet(1, id, 1, CTC).unwrap_err()).starts_with("betting closed at"));
    assert_eq!(
        p.refused(&anyone, &p.wager, &ExecuteMsg::Resolve { pool_id: id }),
        format!("the oracle has not answered question {question_id} yet")
    );
    p.settle_question(question_id, Verdict::Outcome(0));
    let (treasury, nodes) = (p.treasury.clone(), p.nodes.clone());
    let before = (p.balance(&treasury), p.balance(&nodes));
    let response = p
        .execute(&anyone, &p.wager, &ExecuteMsg::Resolve { pool_id: id })
        .unwrap();
    // The two fee shares in one call into the token.
    assert_eq!(p.token_actions(&response), ["disburse"]);
    assert_eq!(p.balance(&treasury), before.0 + 6_030_000);
    assert_eq!(p.balance(&nodes), before.1 + 4_020_000);

    let fans = &p.fans;
    let claim = ExecuteMsg::Claim { pool_id: id };
    let balance = |p: &Platform, fan: &Addr| p.balance(fan);
    let fan0 = balance(&p, &fans[0]);
    p.execute(&fans[0], &p.wager, &claim).unwrap();
    assert_eq!(balance(&p, &fans[0]), fan0 + 146_884_615);
    assert_eq!(p.refused(&fans[0], &p.wager, &claim), "already claimed");
    assert_eq!(p.refused(&fans[1], &p.wager, &claim), "nothing to claim");
    let fan2 = balance(&p, &fans[2]);
    p.execute(&fans[2], &p.wager, &claim).unwrap();
    // The last winner takes the rounding dust: 190,950,000 − 146,884,615.
    assert_eq!(balance(&p, &fans[2]), fan2 + 44_065_385);
    let pool = p.pool(id);
    assert_eq!(pool.paid + pool.fee_taken, pool.total);
    assert_eq!(p.balance(&p.wager), 0);
}

#[test]
fn no_stake_on_the_winner_or_an_invalid_question_refunds_everyone_without_fee() {
    for (verdict, reason) in [
        (Verdict::Outcome(2), RefundReason::NoWinningStake),
        (Verdict::Invalid, RefundReason::Invalid),
    ] {
        let p = Platform::new();
        let now = p.now();
        let id = p.open_pool(pool_input(now, 3, None)).unwrap();
        let fans = &p.fans;
        let before: Vec<u128> = fans.iter().map(|f| p.balance(f)).collect();
        p.bet(0, id, 0, 10 * CTC).unwrap();
        p.bet(1, id, 1, 7 * CTC).unwrap();
        p.bet(1, id, 0, 3 * CTC).unwrap();
        let question_id = p.pool(id).question_id;
        p.settle_question(question_id, verdict);
        let treasury_before = p.balance(&p.treasury);
        p.execute(&fans[2], &p.wager, &ExecuteMsg::Resolve { pool_id: id })
            .unwrap();
        assert!(
            matches!(p.pool(id).status, PoolStatus::Refunding { reason: ref r, .. } if *r == reason)
        );
        assert_eq!(p.balance(&p.treasury), treasury_before, "no fee");
        for fan in &fans[..2] {
            p.execute(fan, &p.wager, &ExecuteMsg::Claim { pool_id: id })
                .unwrap();
        }
        assert_eq!(p.balance(&fans[0]), before[0]);
        assert_eq!(p.balance(&fans[1]), before[1]);
        assert_eq!(p.balance(&p.wager), 0);
    }
}

#[test]
fn the_operator_cancels_before_close_and_bettors_are_refunded() {
    let p = Platform::new();
    let now = p.now();
    let id = p.open_pool(pool_input(now, 2, None)).unwrap();
    p.bet(0, id, 0, 5 * CTC).unwrap();
    let fan = p.fans[0].clone();
    assert_eq!(
        p.refused(&fan, &p.wager, &ExecuteMsg::Cancel { pool_id: id }),
        "only the operator may do this"
    );
    let before = p.balance(&fan);
    p.execute(&p.owner, &p.wager, &ExecuteMsg::Cancel { pool_id: id })
        .unwrap();
    let position: PositionResponse = p.query(
        &p.wager,
        &QueryMsg::Position {
            pool_id: id,
            address: fan.to_string(),
        },
    );
    assert_eq!(position.claimable, Uint128::new(5 * CTC));
    p.execute(&fan, &p.wager, &ExecuteMsg::Claim { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&fan), before + 5 * CTC);
    assert_eq!(
        root(p.bet(1, id, 0, CTC).unwrap_err()),
        "the pool is not open"
    );
}

#[test]
fn a_partner_opens_a_pool_on_an_existing_question_with_a_bond() {
    let p = Platform::new();
    let now = p.now();
    // The operator's pool makes the question; the agency's pool reuses it.
    let first = p.open_pool(pool_input(now, 2, None)).unwrap();
    let question_id = p.pool(first).question_id;
    p.fund(&p.agency, 1_000 * CTC);
    let mut input = pool_input(now, 2, None);
    input.question = QuestionSource::Existing { question_id };
    input.fee = Some(ctc_interfaces::BasisPoints::new(100).unwrap());
    let open = |from: &Addr, bond: u128| p.open_bonded_pool(from, bond, input.clone());
    assert_eq!(
        root(open(&p.agency, POOL_BOND - 1).unwrap_err()),
        format!("a pool's creation bond is exactly {POOL_BOND}")
    );
    let err = open(&p.fans[0], POOL_BOND).unwrap_err();
    assert!(root(err).contains("is not a partner"));
    let mut mismatched = input.clone();
    mismatched.outcomes = vec!["a".into(), "b".into()];
    let err = p
        .open_bonded_pool(&p.agency, POOL_BOND, mismatched)
        .unwrap_err();
    assert_eq!(
        root(err),
        "invalid pool: the question's outcomes differ from the pool's"
    );

    let agency_before = p.balance(&p.agency);
    let response = open(&p.agency, POOL_BOND).unwrap();
    let id = id(&response, "pool_id");
    assert_eq!(p.pool(id).bond, Uint128::new(POOL_BOND));
    p.bet(1, id, 1, 40 * CTC).unwrap();
    p.bet(2, id, 0, 60 * CTC).unwrap();
    assert_eq!(p.balance(&p.wager), POOL_BOND + 100 * CTC);
    p.settle_question(question_id, Verdict::Outcome(1));
    let fans = &p.fans;
    let response = p
        .execute(&fans[3], &p.wager, &ExecuteMsg::Resolve { pool_id: id })
        .unwrap();
    // The two fee shares and the bond in one call into the token.
    assert_eq!(p.token_actions(&response), ["disburse"]);
    assert_eq!(p.balance(&p.agency), agency_before, "the bond came back");
    let winner_before = p.balance(&fans[1]);
    p.execute(&fans[1], &p.wager, &ExecuteMsg::Claim { pool_id: id })
        .unwrap();
    // A 1% fee: the single winner takes 99 CTC.
    assert_eq!(p.balance(&fans[1]), winner_before + 99 * CTC);
    assert_eq!(p.balance(&p.wager), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the bets and the answer, after every claim: payouts + fee = total staked exactly,
    /// and the pool contract holds nothing.
    #[test]
    fn payouts_and_fee_add_up_to_the_total(
        bets in prop::collection::vec((0usize..4, 0u32..3, 100_000u128..150_000_000), 1..25),
        answer in prop_oneof![(0u32..3).prop_map(Verdict::Outcome), Just(Verdict::Invalid)],
        fee in 100u16..=500,
    ) {
        let p = Platform::new();
        let now = p.now();
        let mut input = pool_input(now, 3, None);
        input.fee = Some(ctc_interfaces::BasisPoints::new(fee).unwrap());
        let id = p.open_pool(input).unwrap();
        for (fan, outcome, amount) in &bets {
            p.bet(*fan, id, *outcome, *amount).unwrap();
        }
        let question_id = p.pool(id).question_id;
        p.settle_question(question_id, answer);
        let fans = &p.fans;
        p.execute(&fans[0], &p.wager, &ExecuteMsg::Resolve { pool_id: id }).unwrap();
        for fan in fans {
            let _ = p.execute(fan, &p.wager, &ExecuteMsg::Claim { pool_id: id });
        }
        let pool = p.pool(id);
        prop_assert_eq!(pool.paid + pool.fee_taken, pool.total);
        prop_assert_eq!(p.balance(&p.wager), 0);
    }
}

/// One settlement step: a bettor's own claim, or a crank page of `limit` positions.
#[derive(Debug, Clone)]
enum Settle {
    Claim(usize),
    PayOut(u32),
}

/// Eight bettors: the four fans and four wallets with 5,000 CTC.
fn eight_bettors(p: &Platform) -> Vec<Addr> {
    let mut bettors = p.fans.clone();
    for i in 4..8 {
        let wallet = p.addr(&format!("bettor{i}"));
        p.fund(&wallet, 5_000 * CTC);
        bettors.push(wallet);
    }
    bettors
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20))]

    /// Whatever the bets and the answer, a random mix of claims and `pay_out` pages of random
    /// sizes, then the crank to its end, pays every bettor exactly its due, once: a winner its
    /// share rounded down (the last winner paid takes the dust), a refunded bettor its stakes.
    /// At every step the pool contract holds exactly what it still owes; at the end payouts +
    /// fee = total staked and it holds nothing.
    #[test]
    fn claims_and_payout_pages_pay_each_bettor_its_due_once(
        bets in prop::collection::vec((0usize..8, 0u32..3, 100_000u128..150_000_000), 1..25),
        answer in prop_oneof![
            3 => (0u32..3).prop_map(Verdict::Outcome),
            1 => Just(Verdict::Invalid),
        ],
        fee in 100u16..=500,
        steps in prop::collection::vec(
            prop_oneof![
                (0usize..8).prop_map(Settle::Claim),
                (1u32..=5).prop_map(Settle::PayOut),
            ],
            0..16,
        ),
    ) {
        let p = Platform::new();
        let bettors = eight_bettors(&p);
        let now = p.now();
        let mut input = pool_input(now, 3, None);
        input.fee = Some(ctc_interfaces::BasisPoints::new(fee).unwrap());
        let id = p.open_pool(input).unwrap();
        let mut staked = vec![[0u128; 3]; bettors.len()];
        for (bettor, outcome, amount) in &bets {
            let hook = WagerReceiveMsg::Bet { pool_id: id, outcome: *outcome };
            p.send_ctc(&bettors[*bettor], &p.wager, *amount, &hook).unwrap();
            staked[*bettor][*outcome as usize] += amount;
        }
        let total: u128 = bets.iter().map(|b| b.2).sum();
        let question_id = p.pool(id).question_id;
        p.settle_question(question_id, answer);
        p.execute(&p.fans[0], &p.wager, &ExecuteMsg::Resolve { pool_id: id }).unwrap();
        let settled = p.pool(id);
        prop_assert_eq!(settled.total.u128(), total);

        // Each bettor's due, computed here: `floor[b]`, and which bettors share the dust.
        let winner = match settled.status {
            PoolStatus::Resolved { winner, .. } => Some(winner as usize),
            PoolStatus::Refunding { .. } => None,
            PoolStatus::Open => unreachable!("resolved"),
        };
        let fee_taken = match winner {
            Some(_) => total * u128::from(fee) / 10_000,
            None => 0,
        };
        prop_assert_eq!(settled.fee_taken.u128(), fee_taken);
        let distributable = total - fee_taken;
        let floor: Vec<u128> = staked
            .iter()
            .map(|stakes| match winner {
                Some(w) => {
                    let winning: u128 = staked.iter().map(|s| s[w]).sum();
                    stakes[w] * distributable / winning
                }
                None => stakes.iter().sum(),
            })
            .collect();
        let owed = |b: usize| floor[b] > 0;
        if let Some(w) = winner {
            prop_assert!(staked.iter().any(|s| s[w] > 0), "a winner has backers");
        }

        let cranker = p.arbiter.clone();
        let mut received = vec![0u128; bettors.len()];
        // The bettors in the order they were paid (a page pays in address order).
        let mut order: Vec<usize> = vec![];
        let mut finishing = false;
        let mut queue: Vec<Settle> = steps.clone();
        queue.reverse();
        loop {
            let step = match queue.pop() {
                Some(step) => step,
                None if !finishing => {
                    // The crank to its end, then every claim.
                    finishing = true;
                    queue = (0..bettors.len()).map(Settle::Claim).collect();
                    queue.push(Settle::PayOut(50));
                    continue;
                }
                None => break,
            };
            let before: Vec<u128> = bettors.iter().map(|b| p.balance(b)).collect();
            let held_before = p.balance(&p.wager);
            let result = match step {
                Settle::Claim(b) => {
                    p.execute(&bettors[b], &p.wager, &ExecuteMsg::Claim { pool_id: id })
                }
                Settle::PayOut(limit) => p.execute(
                    &cranker,
                    &p.wager,
                    &ExecuteMsg::PayOut { pool_id: id, limit: Some(limit) },
                ),
            };
            let after: Vec<u128> = bettors.iter().map(|b| p.balance(b)).collect();
            let held = p.balance(&p.wager);
            match result {
                Ok(response) => {
                    let mut paid: Vec<usize> =
                        (0..bettors.len()).filter(|&b| after[b] != before[b]).collect();
                    paid.sort_by_key(|&b| bettors[b].clone());
                    for &b in &paid {
                        prop_assert!(received[b] == 0, "bettor {} paid twice", b);
                        prop_assert!(owed(b), "bettor {} owed nothing", b);
                        received[b] = after[b] - before[b];
                        order.push(b);
                    }
                    let amount: u128 = paid.iter().map(|&b| received[b]).sum();
                    prop_assert_eq!(held_before - held, amount);
                    match step {
                        Settle::Claim(b) => prop_assert_eq!(paid, vec![b]),
                        Settle::PayOut(limit) => {
                            prop_assert!(paid.len() as u32 <= limit);
                            prop_assert_eq!(attribute(&response, "paid"), paid.len().to_string());
                            prop_assert_eq!(attribute(&response, "amount"), amount.to_string());
                            if finishing {
                                // Until the crank says it is done.
                                queue.push(Settle::PayOut(50));
                            }
                        }
                    }
                }
                Err(err) => {
                    prop_assert_eq!(&after, &before);
                    prop_assert_eq!(held, held_before);
                    let reason = root(err);
                    match step {
                        Settle::Claim(b) if received[b] > 0 => {
                            prop_assert_eq!(reason, "already claimed")
                        }
                        Settle::Claim(b) => {
                            prop_assert!(!owed(b), "bettor {} refused: {}", b, reason);
                            prop_assert_eq!(reason, "nothing to claim");
                        }
                        Settle::PayOut(_) => {
                            prop_assert_eq!(
                                reason,
                                "the payout walk is done: no position is left to pay"
                            );
                            // Done means done: everyone owed was paid.
                            prop_assert!((0..bettors.len()).all(|b| !owed(b) || received[b] > 0));
                        }
                    }
                }
            }
            // Never a unit more than owed: the contract holds exactly the rest.
            let pool = p.pool(id);
            prop_assert_eq!(held, total - fee_taken - pool.paid.u128());
            prop_assert_eq!(pool.paid.u128(), received.iter().sum::<u128>());
        }

        // Everyone owed was paid exactly its due, once.
        for (b, paid) in received.iter().enumerate().take(bettors.len()) {
            prop_assert_eq!(*paid > 0, owed(b), "bettor {}", b);
        }
        let last = order.last().copied();
        for &b in &order {
            if winner.is_some() && Some(b) == last {
                let others: u128 = order.iter().filter(|&&o| o != b).map(|&o| received[o]).sum();
                prop_assert_eq!(received[b], distributable - others);
                prop_assert!(received[b] >= floor[b]);
            } else {
                prop_assert_eq!(received[b], floor[b], "bettor {}", b);
            }
        }
        prop_assert_eq!(received.iter().sum::<u128>() + fee_taken, total);
        let pool = p.pool(id);
        prop_assert!(pool.payout_done || pool.paid.u128() == distributable);
        prop_assert_eq!(pool.paid + pool.fee_taken, pool.total);
        prop_assert_eq!(p.balance(&p.wager), 0);
    }
}

#[test]
fn a_cancelled_partner_pool_returns_the_bond_and_unclaimed_funds_are_swept_after_a_year() {
    let p = Platform::new();
    let now = p.now();
    p.fund(&p.agency, 1_000 * CTC);
    let agency_before = p.balance(&p.agency);
    let mut own_reporter = pool_input(now, 2, None);
    own_reporter.question = QuestionSource::New {
        resolve_after: now.plus_seconds(DAY),
        deadline: now.plus_seconds(20 * DAY),
        reporters: Some(vec![p.agency.to_string()]),
        quorum: 1,
        dispute_window_seconds: HOUR,
    };
    let err = p
        .open_bonded_pool(&p.agency, POOL_BOND, own_reporter)
        .unwrap_err();
    assert!(root(err).starts_with("invalid pool: a partner's question is open to every reporter"));
    let response = p
        .open_bonded_pool(&p.agency, POOL_BOND, pool_input(now, 2, None))
        .unwrap();
    let id = id(&response, "pool_id");
    p.bet(0, id, 0, 8 * CTC).unwrap();
    p.execute(&p.owner, &p.wager, &ExecuteMsg::Cancel { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&p.agency), agency_before, "the bond came back");

    // Nobody claims the refund; a year later the treasury sweeps it and claims end.
    let fan = p.fans[0].clone();
    let sweep = ExecuteMsg::SweepUnclaimed { pool_id: id };
    assert!(p
        .refused(&fan, &p.wager, &sweep)
        .starts_with("unclaimed funds may be swept from"));
    p.advance_to(now.plus_seconds(366 * DAY));
    let treasury_before = p.balance(&p.treasury);
    p.execute(&fan, &p.wager, &sweep).unwrap();
    assert_eq!(p.balance(&p.treasury), treasury_before + 8 * CTC);
    assert_eq!(
        p.refused(&fan, &p.wager, &ExecuteMsg::Claim { pool_id: id }),
        "the claim period ended and the rest went to the treasury"
    );
    assert_eq!(p.balance(&p.wager), 0);
}

/// Finding 3: a partner that may report picks an existing question it can answer alone (one
/// reporter's quorum, an hour to dispute) for its own bonded pool. Refused as a new question
/// with those rules would be; the operator may still use the question.
#[test]
fn a_partner_cannot_open_its_pool_on_a_question_it_could_answer_alone() {
    let p = Platform::new();
    let now = p.now();
    let mut loose = pool_input(now, 2, None);
    loose.question = QuestionSource::New {
        resolve_after: now.plus_seconds(DAY),
        deadline: now.plus_seconds(20 * DAY),
        reporters: None,
        quorum: 1,
        dispute_window_seconds: 3_600,
    };
    let first = p.open_pool(loose).unwrap();
    let question_id = p.pool(first).question_id;
    p.fund(&p.agency, 1_000 * CTC);
    let mut input = pool_input(now, 2, None);
    input.question = QuestionSource::Existing { question_id };
    let agency_before = p.balance(&p.agency);
    let err = p
        .open_bonded_pool(&p.agency, POOL_BOND, input.clone())
        .unwrap_err();
    assert_eq!(
        root(err),
        "invalid pool: a partner's question is open to every reporter, with a quorum of at least \
         2 and a dispute window of at least a day"
    );
    assert_eq!(p.balance(&p.agency), agency_before);
    p.open_pool(input).unwrap();
}

//! Wager pools with the real token, registry and oracle through a whole life: create (question
//! made by sub-message), bet, close, report, dispute window, finalize, resolve, claim; refunds for
//! no winner and Invalid; cancellation; a partner's pool with its bond; refusals; and a property
//! test that payouts + fee = total staked exactly.

use cosmwasm_std::{to_json_binary, Addr, Timestamp, Uint128};
use ctc_interfaces::oracle::Verdict;
use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg};
use cw_multi_test::{AppResponse, Executor};
use proptest::prelude::*;
use wager_pool::msg::{
    ExecuteMsg, PoolResponse, PoolStatus, PositionResponse, QueryMsg, RefundReason,
};

use crate::platform::{Platform, CTC, POOL_BOND};

const HOUR: u64 = 3_600;
const DAY: u64 = 24 * HOUR;

fn root(err: anyhow::Error) -> String {
    err.root_cause().to_string()
}

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
    }
}

impl Platform {
    fn open_pool(&mut self, input: PoolInput) -> anyhow::Result<u64> {
        let owner = self.owner.clone();
        let response = self.app.execute_contract(
            owner,
            self.wager.clone(),
            &ExecuteMsg::CreatePool { pool: input },
            &[],
        )?;
        Ok(pool_id_of(&response))
    }

    fn wager_send(
        &mut self,
        from: &Addr,
        amount: u128,
        hook: &WagerReceiveMsg,
    ) -> anyhow::Result<AppResponse> {
        let msg = cw20::Cw20ExecuteMsg::Send {
            contract: self.wager.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        };
        self.app
            .execute_contract(from.clone(), self.token.clone(), &msg, &[])
    }

    fn bet(
        &mut self,
        fan: usize,
        pool_id: u64,
        outcome: u32,
        amount: u128,
    ) -> anyhow::Result<AppResponse> {
        let fan = self.fans[fan].clone();
        self.wager_send(&fan, amount, &WagerReceiveMsg::Bet { pool_id, outcome })
    }

    fn pool(&self, pool_id: u64) -> PoolResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.wager, &QueryMsg::Pool { pool_id })
            .unwrap()
    }

    fn wager_exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.wager.clone(), msg, &[])
    }

    /// Two reporters agree on `verdict`; the dispute window passes and the answer is final.
    fn settle_question(&mut self, question_id: u64, verdict: Verdict) {
        let resolve_after = self.now().plus_seconds(DAY);
        self.advance_to(resolve_after);
        for reporter in self.reporters.clone().iter().take(2) {
            self.app
                .execute_contract(
                    reporter.clone(),
                    self.oracle.clone(),
                    &outcome_oracle::msg::ExecuteMsg::Report {
                        question_id,
                        verdict,
                    },
                    &[],
                )
                .unwrap();
        }
        let later = self.now().plus_seconds(DAY);
        self.advance_to(later);
        let anyone = self.fans[0].clone();
        self.app
            .execute_contract(
                anyone,
                self.oracle.clone(),
                &outcome_oracle::msg::ExecuteMsg::Finalize { question_id },
                &[],
            )
            .unwrap();
    }
}

fn pool_id_of(response: &AppResponse) -> u64 {
    response
        .events
        .iter()
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == "pool_id")
        .unwrap()
        .value
        .parse()
        .unwrap()
}

#[test]
fn a_whole_pool_life_pays_winners_and_fees_to_the_unit() {
    let mut p = Platform::new();
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
    let odds: wager_pool::msg::OddsResponse = p
        .app
        .wrap()
        .query_wasm_smart(&p.wager, &QueryMsg::Odds { pool_id: id })
        .unwrap();
    // 201 CTC less 5% is 190.95 CTC; 130 CTC back outcome 0.
    assert_eq!(
        odds.payout_per_unit[0].unwrap().to_string(),
        "1.468846153846153846"
    );

    let anyone = p.fans[3].clone();
    assert!(root(
        p.wager_exec(&anyone, &ExecuteMsg::Resolve { pool_id: id })
            .unwrap_err()
    )
    .starts_with("betting is still open until"));
    p.advance_to(now.plus_seconds(DAY));
    assert!(root(p.bet(1, id, 1, CTC).unwrap_err()).starts_with("betting closed at"));
    assert_eq!(
        root(
            p.wager_exec(&anyone, &ExecuteMsg::Resolve { pool_id: id })
                .unwrap_err()
        ),
        format!("the oracle has not answered question {question_id} yet")
    );
    p.settle_question(question_id, Verdict::Outcome(0));
    let (treasury, nodes) = (p.treasury.clone(), p.nodes.clone());
    let before = (p.balance(&treasury), p.balance(&nodes));
    p.wager_exec(&anyone, &ExecuteMsg::Resolve { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&treasury), before.0 + 6_030_000);
    assert_eq!(p.balance(&nodes), before.1 + 4_020_000);

    let fans = p.fans.clone();
    let claim = ExecuteMsg::Claim { pool_id: id };
    let balance = |p: &Platform, fan: &Addr| p.balance(fan);
    let fan0 = balance(&p, &fans[0]);
    p.wager_exec(&fans[0], &claim).unwrap();
    assert_eq!(balance(&p, &fans[0]), fan0 + 146_884_615);
    assert_eq!(
        root(p.wager_exec(&fans[0], &claim).unwrap_err()),
        "already claimed"
    );
    assert_eq!(
        root(p.wager_exec(&fans[1], &claim).unwrap_err()),
        "nothing to claim"
    );
    let fan2 = balance(&p, &fans[2]);
    p.wager_exec(&fans[2], &claim).unwrap();
    // The last winner takes the rounding dust: 190,950,000 − 146,884,615.
    assert_eq!(balance(&p, &fans[2]), fan2 + 44_065_385);
    let pool = p.pool(id);
    assert_eq!(pool.paid + pool.fee_taken, pool.total);
    assert_eq!(p.balance(&p.wager.clone()), 0);
}

#[test]
fn no_stake_on_the_winner_or_an_invalid_question_refunds_everyone_without_fee() {
    for (verdict, reason) in [
        (Verdict::Outcome(2), RefundReason::NoWinningStake),
        (Verdict::Invalid, RefundReason::Invalid),
    ] {
        let mut p = Platform::new();
        let now = p.now();
        let id = p.open_pool(pool_input(now, 3, None)).unwrap();
        let fans = p.fans.clone();
        let before: Vec<u128> = fans.iter().map(|f| p.balance(f)).collect();
        p.bet(0, id, 0, 10 * CTC).unwrap();
        p.bet(1, id, 1, 7 * CTC).unwrap();
        p.bet(1, id, 0, 3 * CTC).unwrap();
        let question_id = p.pool(id).question_id;
        p.settle_question(question_id, verdict);
        let treasury_before = p.balance(&p.treasury.clone());
        p.wager_exec(&fans[2], &ExecuteMsg::Resolve { pool_id: id })
            .unwrap();
        assert!(
            matches!(p.pool(id).status, PoolStatus::Refunding { reason: ref r, .. } if *r == reason)
        );
        assert_eq!(p.balance(&p.treasury.clone()), treasury_before, "no fee");
        for fan in &fans[..2] {
            p.wager_exec(fan, &ExecuteMsg::Claim { pool_id: id })
                .unwrap();
        }
        assert_eq!(p.balance(&fans[0]), before[0]);
        assert_eq!(p.balance(&fans[1]), before[1]);
        assert_eq!(p.balance(&p.wager.clone()), 0);
    }
}

#[test]
fn the_operator_cancels_before_close_and_bettors_are_refunded() {
    let mut p = Platform::new();
    let now = p.now();
    let id = p.open_pool(pool_input(now, 2, None)).unwrap();
    p.bet(0, id, 0, 5 * CTC).unwrap();
    let fan = p.fans[0].clone();
    assert_eq!(
        root(
            p.wager_exec(&fan, &ExecuteMsg::Cancel { pool_id: id })
                .unwrap_err()
        ),
        "only the operator may do this"
    );
    let before = p.balance(&fan);
    let owner = p.owner.clone();
    p.wager_exec(&owner, &ExecuteMsg::Cancel { pool_id: id })
        .unwrap();
    let position: PositionResponse = p
        .app
        .wrap()
        .query_wasm_smart(
            &p.wager,
            &QueryMsg::Position {
                pool_id: id,
                address: fan.to_string(),
            },
        )
        .unwrap();
    assert_eq!(position.claimable, Uint128::new(5 * CTC));
    p.wager_exec(&fan, &ExecuteMsg::Claim { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&fan), before + 5 * CTC);
    assert_eq!(
        root(p.bet(1, id, 0, CTC).unwrap_err()),
        "the pool is not open"
    );
}

#[test]
fn a_partner_opens_a_pool_on_an_existing_question_with_a_bond() {
    let mut p = Platform::new();
    let now = p.now();
    // The operator's pool makes the question; the agency's pool reuses it.
    let first = p.open_pool(pool_input(now, 2, None)).unwrap();
    let question_id = p.pool(first).question_id;
    let agency = p.agency.clone();
    p.fund(&agency, 1_000 * CTC);
    let mut input = pool_input(now, 2, None);
    input.question = QuestionSource::Existing { question_id };
    input.fee = Some(ctc_interfaces::BasisPoints::new(100).unwrap());
    let create = WagerReceiveMsg::CreatePool {
        pool: Box::new(input.clone()),
    };
    assert_eq!(
        root(p.wager_send(&agency, POOL_BOND - 1, &create).unwrap_err()),
        format!("a pool's creation bond is exactly {POOL_BOND}")
    );
    let fan = p.fans[0].clone();
    let err = p.wager_send(&fan, POOL_BOND, &create).unwrap_err();
    assert!(root(err).contains("is not a partner"));
    let mut mismatched = input.clone();
    mismatched.outcomes = vec!["a".into(), "b".into()];
    let err = p
        .wager_send(
            &agency,
            POOL_BOND,
            &WagerReceiveMsg::CreatePool {
                pool: Box::new(mismatched),
            },
        )
        .unwrap_err();
    assert_eq!(
        root(err),
        "invalid pool: the question's outcomes differ from the pool's"
    );

    let agency_before = p.balance(&agency);
    let response = p.wager_send(&agency, POOL_BOND, &create).unwrap();
    let id = pool_id_of(&response);
    assert_eq!(p.pool(id).bond, Uint128::new(POOL_BOND));
    p.bet(1, id, 1, 40 * CTC).unwrap();
    p.bet(2, id, 0, 60 * CTC).unwrap();
    assert_eq!(p.balance(&p.wager.clone()), POOL_BOND + 100 * CTC);
    p.settle_question(question_id, Verdict::Outcome(1));
    let fans = p.fans.clone();
    p.wager_exec(&fans[3], &ExecuteMsg::Resolve { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&agency), agency_before, "the bond came back");
    let winner_before = p.balance(&fans[1]);
    p.wager_exec(&fans[1], &ExecuteMsg::Claim { pool_id: id })
        .unwrap();
    // A 1% fee: the single winner takes 99 CTC.
    assert_eq!(p.balance(&fans[1]), winner_before + 99 * CTC);
    assert_eq!(p.balance(&p.wager.clone()), 0);
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
        let mut p = Platform::new();
        let now = p.now();
        let mut input = pool_input(now, 3, None);
        input.fee = Some(ctc_interfaces::BasisPoints::new(fee).unwrap());
        let id = p.open_pool(input).unwrap();
        for (fan, outcome, amount) in &bets {
            p.bet(*fan, id, *outcome, *amount).unwrap();
        }
        let question_id = p.pool(id).question_id;
        p.settle_question(question_id, answer);
        let fans = p.fans.clone();
        p.wager_exec(&fans[0], &ExecuteMsg::Resolve { pool_id: id }).unwrap();
        for fan in &fans {
            let _ = p.wager_exec(fan, &ExecuteMsg::Claim { pool_id: id });
        }
        let pool = p.pool(id);
        prop_assert_eq!(pool.paid + pool.fee_taken, pool.total);
        prop_assert_eq!(p.balance(&p.wager.clone()), 0);
    }
}

#[test]
fn a_cancelled_partner_pool_returns_the_bond_and_unclaimed_funds_are_swept_after_a_year() {
    let mut p = Platform::new();
    let now = p.now();
    let agency = p.agency.clone();
    p.fund(&agency, 1_000 * CTC);
    let agency_before = p.balance(&agency);
    let mut own_reporter = pool_input(now, 2, None);
    own_reporter.question = QuestionSource::New {
        resolve_after: now.plus_seconds(DAY),
        deadline: now.plus_seconds(20 * DAY),
        reporters: Some(vec![agency.to_string()]),
        quorum: 1,
        dispute_window_seconds: HOUR,
    };
    let err = p
        .wager_send(
            &agency,
            POOL_BOND,
            &WagerReceiveMsg::CreatePool {
                pool: Box::new(own_reporter),
            },
        )
        .unwrap_err();
    assert!(root(err).starts_with("invalid pool: a partner's question is open to every reporter"));
    let response = p
        .wager_send(
            &agency,
            POOL_BOND,
            &WagerReceiveMsg::CreatePool {
                pool: Box::new(pool_input(now, 2, None)),
            },
        )
        .unwrap();
    let id = pool_id_of(&response);
    p.bet(0, id, 0, 8 * CTC).unwrap();
    let owner = p.owner.clone();
    p.wager_exec(&owner, &ExecuteMsg::Cancel { pool_id: id })
        .unwrap();
    assert_eq!(p.balance(&agency), agency_before, "the bond came back");

    // Nobody claims the refund; a year later the treasury sweeps it and claims end.
    let fan = p.fans[0].clone();
    let sweep = ExecuteMsg::SweepUnclaimed { pool_id: id };
    assert!(root(p.wager_exec(&fan, &sweep).unwrap_err())
        .starts_with("unclaimed funds may be swept from"));
    p.advance_to(now.plus_seconds(366 * DAY));
    let treasury_before = p.balance(&p.treasury.clone());
    p.wager_exec(&fan, &sweep).unwrap();
    assert_eq!(p.balance(&p.treasury.clone()), treasury_before + 8 * CTC);
    assert_eq!(
        root(
            p.wager_exec(&fan, &ExecuteMsg::Claim { pool_id: id })
                .unwrap_err()
        ),
        "the claim period ended and the rest went to the treasury"
    );
    assert_eq!(p.balance(&p.wager.clone()), 0);
}

/// Finding 3: a partner that may report picks an existing question it can answer alone (one
/// reporter's quorum, an hour to dispute) for its own bonded pool. Refused as a new question
/// with those rules would be; the operator may still use the question.
#[test]
fn a_partner_cannot_open_its_pool_on_a_question_it_could_answer_alone() {
    let mut p = Platform::new();
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
    let agency = p.agency.clone();
    p.fund(&agency, 1_000 * CTC);
    let mut input = pool_input(now, 2, None);
    input.question = QuestionSource::Existing { question_id };
    let agency_before = p.balance(&agency);
    let err = p
        .wager_send(
            &agency,
            POOL_BOND,
            &WagerReceiveMsg::CreatePool {
                pool: Box::new(input.clone()),
            },
        )
        .unwrap_err();
    assert_eq!(
        root(err),
        "invalid pool: a partner's question is open to every reporter, with a quorum of at least \
         2 and a dispute window of at least a day"
    );
    assert_eq!(p.balance(&agency), agency_before);
    p.open_pool(input).unwrap();
}

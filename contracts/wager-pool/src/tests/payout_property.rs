//! The payout property: whatever the bets, the answer, and any mix of individual claims and
//! crank calls of any page size, winners receive exactly the total less the fee (everyone their
//! stake when the pool refunds), never a unit more at any step, and what the contract holds is
//! always what came in less what went out.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::msg::PoolStatus;

const BETTORS: usize = 8;

#[derive(Clone, Debug)]
enum Step {
    Claim(usize),
    PayOut(u32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..BETTORS).prop_map(Step::Claim),
        (1u32..=6).prop_map(Step::PayOut),
    ]
}

/// `None`: the oracle rules the question invalid.
fn verdict() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![3 => (0u32..3).prop_map(Some), 1 => Just(None)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn claims_and_crank_calls_pay_exactly_what_is_owed(
        bets in prop::collection::vec((0..BETTORS, 0u32..3, 100_000u128..50_000_000), 1..30),
        verdict in verdict(),
        fee in 100u16..=500,
        steps in prop::collection::vec(step(), 0..24),
    ) {
        let mut chain = Chain::new();
        let token = chain.token.clone();
        chain.world.borrow_mut().question = Some(QuestionSummary {
            outcomes: vec!["a".into(), "b".into(), "c".into()],
            ..loose_question(&chain.pools.env)
        });
        let mut input = chain.input();
        input.outcomes = vec!["a".into(), "b".into(), "c".into()];
        input.fee = Some(BasisPoints::new(fee).unwrap());
        chain.create(input).unwrap();
        let bettors: Vec<Addr> =
            (0..BETTORS).map(|i| chain.pools.addr(&format!("bettor {i}"))).collect();
        let mut staked: BTreeMap<usize, [u128; 3]> = BTreeMap::new();
        let mut held: u128 = 0;
        for (who, outcome, amount) in &bets {
            chain.bet_as(&bettors[*who], 1, *outcome, *amount).unwrap();
            staked.entry(*who).or_default()[*outcome as usize] += amount;
            held += amount;
        }
        chain.pools.advance(3_600);
        match verdict {
            Some(outcome) => chain.answer(AnswerStatus::Final, Some(outcome)),
            None => chain.answer(AnswerStatus::Invalid, None),
        }
        let response = chain.resolve(1).unwrap();
        // The fee shares leave at resolution; operator pools post no bond.
        let fee_paid: u128 = payments(&response, &token).iter().map(|(_, a)| a).sum();
        held = held.checked_sub(fee_paid).unwrap();
        let pool = chain.pool(1);
        prop_assert_eq!(fee_paid, pool.fee_taken.u128());
        let (owed, winner) = match pool.status {
            PoolStatus::Resolved { winner, .. } => ((pool.total - pool.fee_taken).u128(), Some(winner)),
            _ => (pool.total.u128(), None),
        };

        let mut received: BTreeMap<String, u128> = BTreeMap::new();
        let mut out: u128 = 0;
        let take = |response: &Response,
                    received: &mut BTreeMap<String, u128>|
         -> Result<u128, TestCaseError> {
            let mut sum = 0;
            for (to, amount) in payments(response, &token) {
                prop_assert!(received.insert(to, amount).is_none(), "paid twice");
                sum += amount;
            }
            Ok(sum)
        };
        for step in steps {
            let result = match step {
                Step::Claim(who) => chain.claim(&bettors[who], 1),
                Step::PayOut(limit) => chain.pay_out(1, Some(limit)),
            };
            match result {
                Ok(response) => out += take(&response, &mut received)?,
                Err(
                    ContractError::NothingToClaim
                    | ContractError::AlreadyClaimed
                    | ContractError::PayoutDone,
                ) => {}
                Err(other) => prop_assert!(false, "unexpected refusal {}", other),
            }
            prop_assert!(out <= owed, "never more than owed");
            prop_assert_eq!(chain.pool(1).paid.u128(), out);
            prop_assert_eq!(held - out, owed - chain.pool(1).paid.u128());
        }
        // The crank finishes whatever the steps left.
        for _ in 0..=BETTORS {
            match chain.pay_out(1, Some(2)) {
                Ok(response) => out += take(&response, &mut received)?,
                Err(err) => {
                    prop_assert_eq!(err, ContractError::PayoutDone);
                    break;
                }
            }
        }
        prop_assert!(chain.pool(1).payout_done);
        prop_assert_eq!(out, owed);
        prop_assert_eq!(held - out, 0, "the contract holds nothing more");
        let pool = chain.pool(1);
        prop_assert_eq!(pool.paid + pool.fee_taken, pool.total);

        // Each bettor got what its stake says: its stake back in a refund; in a resolution
        // nothing for a loser and at least the floor of its share for a winner.
        let winning: u128 = winner
            .map(|w| staked.values().map(|s| s[w as usize]).sum())
            .unwrap_or_default();
        for (who, stakes) in &staked {
            let got = received.get(bettors[*who].as_str()).copied().unwrap_or_default();
            match winner {
                None => prop_assert_eq!(got, stakes.iter().sum::<u128>()),
                Some(w) => {
                    let stake = stakes[w as usize];
                    prop_assert!(got >= stake * owed / winning.max(1));
                    prop_assert_eq!(got == 0, stake == 0);
                }
            }
            let claim = chain.claim(&bettors[*who], 1).unwrap_err();
            prop_assert!(matches!(
                claim,
                ContractError::AlreadyClaimed | ContractError::NothingToClaim
            ));
        }
    }
}

//! Random donations (dust among them), plain transfers and their reconciliation,
//! disbursements, and rounds opened (under the next id or a stale one), claimed (with genuine,
//! repeated and forged proofs), closed and cancelled: every step's outcome, accepted or the exact
//! refusal, is the one a model of the rounds predicts, and after every step the ledger conserves
//! CTC. `received − paid_out = available + reserved`, `reserved` is what the open rounds still
//! owe, no round pays more than its total, and the token's balance is `received − paid_out` plus
//! exactly the transfers not yet reconciled (so `balanced` once they are). The harness also
//! checks that every refused step left the storage as it was.

use std::collections::BTreeSet;

use ctc_interfaces::merkle::MerkleError;
use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::RoundsResponse;

#[derive(Clone, Debug)]
enum Step {
    /// By one of three donors, in micro-CTC: dust (under 1 CTC) now and then.
    Donate(u8, u128),
    /// A plain transfer (or recycling) in, in CTC.
    TransferIn(u128),
    Reconcile,
    /// In CTC, possibly more than available.
    Disburse(u128),
    /// Amounts of up to six organisations, in CTC, the claim window in hours, and whether the
    /// proposal names a round id past the next one.
    Open(Vec<u128>, u64, bool),
    /// A round so far, one of its leaves, and whether the proof is another leaf's.
    Claim(Index, Index, bool),
    Close(Index),
    Cancel(Index),
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0u8..3, prop_oneof![1 => 0..CTC, 5 => CTC..2_000 * CTC])
            .prop_map(|(donor, amount)| Step::Donate(donor, amount)),
        2 => (1u128..2_000).prop_map(Step::TransferIn),
        2 => Just(Step::Reconcile),
        2 => (1u128..3_000).prop_map(Step::Disburse),
        3 => (prop::collection::vec(1u128..1_500, 1..6), 1u64..48, prop::bool::weighted(0.1))
            .prop_map(|(amounts, hours, stale)| Step::Open(amounts, hours, stale)),
        6 => (any::<Index>(), any::<Index>(), prop::bool::weighted(0.2))
            .prop_map(|(round, leaf, forged)| Step::Claim(round, leaf, forged)),
        2 => any::<Index>().prop_map(Step::Close),
        1 => any::<Index>().prop_map(Step::Cancel),
        2 => (1u64..30).prop_map(Step::Wait),
    ]
}

/// What the model knows of a round: its list and tree, when its claims end, which leaves were
/// claimed, and whether it is closed.
struct ModelRound {
    id: u64,
    list: Vec<(Addr, u128)>,
    tree: Tree,
    until: Timestamp,
    claimed: BTreeSet<usize>,
    closed: bool,
}

impl ModelRound {
    fn claimed_sum(&self) -> u128 {
        self.claimed.iter().map(|&k| self.list[k].1).sum()
    }
}

fn all_rounds(chain: &Chain) -> Vec<crate::msg::RoundResponse> {
    let mut rounds = vec![];
    let mut start_after = None;
    loop {
        let page: RoundsResponse = chain.ask(QueryMsg::Rounds {
            start_after,
            limit: Some(50),
        });
        let Some(last) = page.rounds.last() else {
            return rounds;
        };
        start_after = Some(last.round_id);
        rounds.extend(page.rounds);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_ledger_conserves_ctc(steps in prop::collection::vec(step(), 1..60)) {
        let mut chain = Chain::funded();
        let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
        let donors: Vec<Addr> = (0..3).map(|i| chain.addr(&format!("donor{i}"))).collect();
        let orgs: Vec<Addr> = (0..6).map(|i| chain.addr(&format!("org{i}"))).collect();
        let school = chain.addr("school");
        let mut rounds: Vec<ModelRound> = vec![];
        // Transfers the ledger has not booked yet.
        let mut unbooked = 0u128;
        let mut paid = 0u128;
        for step in steps {
            let now = chain.env.block.time;
            match step {
                Step::Donate(donor, amount) => {
                    let outcome = chain.send(&donors[donor as usize], amount, &donate(None, None));
                    let expected = if amount < CTC {
                        Err(ContractError::DonationTooSmall { min: Uint128::new(CTC) })
                    } else {
                        Ok(())
                    };
                    prop_assert_eq!(outcome.map(|_| ()), expected);
                }
                Step::TransferIn(amount) => {
                    chain.transfer_in(amount * CTC);
                    unbooked += amount * CTC;
                }
                Step::Reconcile => {
                    let outcome = chain.run(&stranger, ExecuteMsg::Reconcile {});
                    let expected = if unbooked > 0 {
                        Ok(())
                    } else {
                        Err(ContractError::NothingToReconcile)
                    };
                    prop_assert_eq!(outcome.map(|_| ()), expected);
                    unbooked = 0;
                }
                Step::Disburse(amount) => {
                    let available = chain.ledger().available;
                    let msg = ExecuteMsg::Disburse {
                        recipient: school.to_string(),
                        amount: Uint128::new(amount * CTC),
                        purpose: "a grant".into(),
                        evidence_digest: digest(3),
                    };
                    let outcome = chain.run(&owner, msg);
                    let expected = if amount * CTC > available.u128() {
                        Err(ContractError::InsufficientAvailable { available })
                    } else {
                        paid += amount * CTC;
                        Ok(())
                    };
                    prop_assert_eq!(outcome.map(|_| ()), expected);
                }
                Step::Open(amounts, hours, stale) => {
                    let list: Vec<(Addr, u128)> =
                        orgs.iter().cloned().zip(amounts.iter().map(|a| a * CTC)).collect();
                    let refs: Vec<(&Addr, u128)> = list.iter().map(|(a, n)| (a, *n)).collect();
                    // Every round opened is in the model: the next id is one past them.
                    let next = rounds.len() as u64 + 1;
                    prop_assert_eq!(chain.next_round(), next);
                    let tree = chain.next_tree(&refs);
                    let available = chain.ledger().available;
                    let until = chain.in_hours(hours);
                    let given = if stale { next + 1 } else { next };
                    let outcome = chain.run(&owner, open_round(given, &tree, until, false));
                    let expected = if stale {
                        Err(ContractError::UnexpectedRoundId { expected: next, given })
                    } else if tree.total > available {
                        Err(ContractError::InsufficientAvailable { available })
                    } else {
                        Ok(next.to_string())
                    };
                    let accepted = expected.is_ok();
                    prop_assert_eq!(
                        outcome.map(|response| attribute(&response, "round_id")),
                        expected
                    );
                    if accepted {
                        rounds.push(ModelRound {
                            id: next,
                            list,
                            tree,
                            until,
                            claimed: BTreeSet::new(),
                            closed: false,
                        });
                    }
                }
                Step::Claim(round, leaf, forged) if !rounds.is_empty() => {
                    let count = rounds.len();
                    let round = &mut rounds[round.index(count)];
                    let k = leaf.index(round.list.len());
                    let (address, amount) = round.list[k].clone();
                    let proof_of = if forged { (k + 1) % round.list.len() } else { k };
                    let round_id = round.id;
                    // The contract's order: closed, claims ended, claimed before, the proof.
                    let expected = if round.closed {
                        Err(ContractError::RoundClosed { round_id })
                    } else if now > round.until {
                        Err(ContractError::ClaimsEnded { round_id, until: round.until })
                    } else if round.claimed.contains(&k) {
                        Err(ContractError::AlreadyClaimed { round_id, address: address.to_string() })
                    } else if proof_of != k {
                        Err(ContractError::InvalidProof(MerkleError::Mismatch))
                    } else {
                        Ok(())
                    };
                    let before = chain.balance.get();
                    let outcome = chain.claim(round_id, &address, amount, &round.tree.proofs[proof_of]);
                    let accepted = expected.is_ok();
                    prop_assert_eq!(outcome.map(|_| ()), expected);
                    if accepted {
                        prop_assert_eq!(before - chain.balance.get(), amount);
                        round.claimed.insert(k);
                        paid += amount;
                    } else {
                        prop_assert_eq!(chain.balance.get(), before);
                    }
                }
                Step::Close(round) if !rounds.is_empty() => {
                    let count = rounds.len();
                    let round = &mut rounds[round.index(count)];
                    let round_id = round.id;
                    let expected = if round.closed {
                        Err(ContractError::RoundClosed { round_id })
                    } else if now <= round.until {
                        Err(ContractError::ClaimsOpen { round_id, until: round.until })
                    } else {
                        Ok((round.tree.total.u128() - round.claimed_sum()).to_string())
                    };
                    let outcome = chain.run(&stranger, ExecuteMsg::CloseRound { round_id });
                    let accepted = expected.is_ok();
                    prop_assert_eq!(
                        outcome.map(|response| attribute(&response, "returned")),
                        expected
                    );
                    round.closed |= accepted;
                }
                Step::Cancel(round) if !rounds.is_empty() => {
                    let count = rounds.len();
                    let round = &mut rounds[round.index(count)];
                    let round_id = round.id;
                    let expected = if round.closed {
                        Err(ContractError::RoundClosed { round_id })
                    } else if !round.claimed.is_empty() {
                        Err(ContractError::RoundHasClaims {
                            round_id,
                            claimed: Uint128::new(round.claimed_sum()),
                        })
                    } else {
                        Ok(round.tree.total.to_string())
                    };
                    let outcome = chain.run(&owner, ExecuteMsg::CancelRound { round_id });
                    let accepted = expected.is_ok();
                    prop_assert_eq!(
                        outcome.map(|response| attribute(&response, "returned")),
                        expected
                    );
                    round.closed |= accepted;
                }
                Step::Wait(hours) => chain.advance(hours * 3_600),
                _ => {}
            }

            let ledger = chain.ledger();
            let on_chain = all_rounds(&chain);
            prop_assert_eq!(on_chain.len(), rounds.len());
            for (round, model) in on_chain.iter().zip(&rounds) {
                prop_assert!(round.claimed <= round.total);
                prop_assert_eq!(round.claimed.u128(), model.claimed_sum());
                prop_assert_eq!(round.closed, model.closed);
            }
            let owed: u128 = on_chain
                .iter()
                .filter(|round| !round.closed)
                .map(|round| (round.total - round.claimed).u128())
                .sum();
            prop_assert_eq!(ledger.reserved.u128(), owed);
            prop_assert_eq!(ledger.received - ledger.paid_out, ledger.available + ledger.reserved);
            prop_assert_eq!(ledger.paid_out.u128(), paid);
            prop_assert_eq!(ledger.balance.u128(), chain.balance.get());
            prop_assert_eq!(ledger.balance.u128(), (ledger.received - ledger.paid_out).u128() + unbooked);
            prop_assert_eq!(ledger.balanced, unbooked == 0);
        }
    }
}

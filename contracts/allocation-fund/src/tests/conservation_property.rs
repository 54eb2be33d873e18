//! Random donations, plain transfers and their reconciliation, disbursements, and rounds opened,
//! claimed (with genuine, repeated and forged proofs) and closed: after every step the ledger
//! conserves CTC. `received − paid_out = available + reserved`, `reserved` is what the open
//! rounds still owe, no round pays more than its total, and the token's balance is
//! `received − paid_out` plus exactly the transfers not yet reconciled (so `balanced` once they
//! are). The harness also checks that every refused step left the storage as it was.

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::RoundsResponse;

#[derive(Clone, Debug)]
enum Step {
    /// By one of three donors, in CTC.
    Donate(u8, u128),
    /// A plain transfer (or recycling) in, in CTC.
    TransferIn(u128),
    Reconcile,
    /// In CTC, possibly more than available.
    Disburse(u128),
    /// Amounts of up to six organisations, in CTC, and the claim window in hours.
    Open(Vec<u128>, u64),
    /// A round so far, one of its leaves, and whether the proof is another leaf's.
    Claim(Index, Index, bool),
    Close(Index),
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0u8..3, 1u128..2_000).prop_map(|(donor, amount)| Step::Donate(donor, amount)),
        2 => (1u128..2_000).prop_map(Step::TransferIn),
        2 => Just(Step::Reconcile),
        2 => (1u128..3_000).prop_map(Step::Disburse),
        3 => (prop::collection::vec(1u128..1_500, 1..6), 1u64..48)
            .prop_map(|(amounts, hours)| Step::Open(amounts, hours)),
        6 => (any::<Index>(), any::<Index>(), prop::bool::weighted(0.2))
            .prop_map(|(round, leaf, forged)| Step::Claim(round, leaf, forged)),
        2 => any::<Index>().prop_map(Step::Close),
        2 => (1u64..30).prop_map(Step::Wait),
    ]
}

struct ModelRound {
    id: u64,
    list: Vec<(Addr, u128)>,
    tree: Tree,
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
            match step {
                Step::Donate(donor, amount) => {
                    chain.send(&donors[donor as usize], amount * CTC, &donate(None, None)).unwrap();
                }
                Step::TransferIn(amount) => {
                    chain.transfer_in(amount * CTC);
                    unbooked += amount * CTC;
                }
                Step::Reconcile => match chain.run(&stranger, ExecuteMsg::Reconcile {}) {
                    Ok(_) => {
                        prop_assert!(unbooked > 0);
                        unbooked = 0;
                    }
                    Err(err) => {
                        prop_assert_eq!(unbooked, 0);
                        prop_assert_eq!(err, ContractError::NothingToReconcile);
                    }
                },
                Step::Disburse(amount) => {
                    let available = chain.ledger().available;
                    let msg = ExecuteMsg::Disburse {
                        recipient: school.to_string(),
                        amount: Uint128::new(amount * CTC),
                        purpose: "a grant".into(),
                        evidence_digest: digest(3),
                    };
                    match chain.run(&owner, msg) {
                        Ok(_) => paid += amount * CTC,
                        Err(err) => {
                            prop_assert!(Uint128::new(amount * CTC) > available);
                            prop_assert_eq!(err, ContractError::InsufficientAvailable { available });
                        }
                    }
                }
                Step::Open(amounts, hours) => {
                    let list: Vec<(Addr, u128)> =
                        orgs.iter().cloned().zip(amounts.iter().map(|a| a * CTC)).collect();
                    let refs: Vec<(&Addr, u128)> = list.iter().map(|(a, n)| (a, *n)).collect();
                    let tree = chain.next_tree(&refs);
                    let available = chain.ledger().available;
                    let msg = open_round(&tree, chain.in_hours(hours), false);
                    match chain.run(&owner, msg) {
                        Ok(response) => {
                            let id = attribute(&response, "round_id").parse().unwrap();
                            rounds.push(ModelRound { id, list, tree });
                        }
                        Err(err) => {
                            prop_assert!(tree.total > available);
                            prop_assert_eq!(err, ContractError::InsufficientAvailable { available });
                        }
                    }
                }
                Step::Claim(round, leaf, forged) if !rounds.is_empty() => {
                    let round = &rounds[round.index(rounds.len())];
                    let k = leaf.index(round.list.len());
                    let (address, amount) = round.list[k].clone();
                    let proof_of = if forged { (k + 1) % round.list.len() } else { k };
                    let (id, proof) = (round.id, round.tree.proofs[proof_of].clone());
                    let genuine = proof_of == k;
                    let before = chain.balance.get();
                    match chain.claim(id, &address, amount, &proof) {
                        Ok(_) => {
                            prop_assert!(genuine);
                            prop_assert_eq!(before - chain.balance.get(), amount);
                            paid += amount;
                        }
                        Err(ContractError::AlreadyClaimed { .. })
                        | Err(ContractError::ClaimsEnded { .. })
                        | Err(ContractError::RoundClosed { .. }) => {}
                        Err(err) => {
                            prop_assert!(!genuine, "a genuine claim refused: {}", err);
                            prop_assert_eq!(err, ContractError::InvalidProof(
                                ctc_interfaces::merkle::MerkleError::Mismatch
                            ));
                        }
                    }
                }
                Step::Close(round) if !rounds.is_empty() => {
                    let id = rounds[round.index(rounds.len())].id;
                    let _ = chain.run(&stranger, ExecuteMsg::CloseRound { round_id: id });
                }
                Step::Wait(hours) => chain.advance(hours * 3_600),
                _ => {}
            }

            let ledger = chain.ledger();
            let owed: u128 = all_rounds(&chain)
                .iter()
                .inspect(|round| assert!(round.claimed <= round.total))
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

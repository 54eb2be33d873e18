//! Random joins and top-ups (of too little, zero, one stake or more, and odd amounts), leaves,
//! requests, commitments, retractions, reveals (right and wrong secrets), forfeits, removals,
//! changes of the bond and waits. After every step: the contract's CTC balance is exactly the
//! deposits it still holds, everything that came in is held, returned to its provider or forfeited
//! to the treasury, each deposit is what a model of the rules says (posted, less one stake, at the
//! bond in force, or what remains, for each forfeit), a leave returns exactly the rest of the
//! leaver's deposit, a commitment is taken only while the deposit covers one stake for it and each
//! pending one, a retraction moves no CTC and is taken exactly when the commitment is of the draw's
//! current round and that round never opened its reveals, and each provider's pending count is its
//! commitments that wait for a reveal or a forfeit. The harness also checks that every refused step
//! left the storage as it was.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::{CommitmentState, ProvidersResponse, Standing};

const PROVIDERS: usize = 5;

#[derive(Clone, Debug)]
enum Step {
    /// Partner, the amount it sends with `join {}`: a join or a top-up.
    Join(usize, u128),
    Leave(usize),
    Request,
    /// Partner, a draw so far.
    Commit(usize, Index),
    /// Partner, a draw so far.
    Retract(usize, Index),
    /// Partner, a draw so far, whether the secret is the committed one.
    Reveal(usize, Index, bool),
    /// Provider forfeited, a draw so far.
    Forfeit(usize, Index),
    /// The registry stops answering the partner as active, and anyone removes it.
    Deactivate(usize),
    /// The owner sets the bond.
    Rebond(u128),
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    let who = 0..PROVIDERS;
    prop_oneof![
        3 => (who.clone(), amount()).prop_map(|(w, amount)| Step::Join(w, amount)),
        1 => who.clone().prop_map(Step::Leave),
        1 => Just(Step::Request),
        6 => (who.clone(), any::<Index>()).prop_map(|(w, d)| Step::Commit(w, d)),
        2 => (who.clone(), any::<Index>()).prop_map(|(w, d)| Step::Retract(w, d)),
        6 => (who.clone(), any::<Index>(), prop::bool::weighted(0.9))
            .prop_map(|(w, d, right)| Step::Reveal(w, d, right)),
        3 => (who.clone(), any::<Index>()).prop_map(|(w, d)| Step::Forfeit(w, d)),
        1 => who.prop_map(Step::Deactivate),
        1 => prop_oneof![Just(BOND), Just(BOND / 2), Just(2 * BOND)].prop_map(Step::Rebond),
        4 => prop_oneof![Just(COMMIT_SECONDS / 2), Just(COMMIT_SECONDS), Just(REVEAL_SECONDS)]
            .prop_map(Step::Wait),
    ]
}

/// What a `join {}` sends: mostly whole stakes, sometimes too little, nothing or odd amounts.
fn amount() -> impl Strategy<Value = u128> {
    prop_oneof![
        4 => Just(BOND),
        2 => Just(2 * BOND),
        1 => Just(BOND / 2),
        1 => Just(0),
        1 => 1..3 * BOND,
    ]
}

/// Every provider, page by page.
fn all_providers(chain: &Chain) -> Vec<ProviderResponse> {
    let mut providers = vec![];
    let mut start_after = None;
    loop {
        let page: ProvidersResponse = chain.ask(QueryMsg::Providers {
            start_after,
            limit: Some(2),
        });
        let Some(last) = page.providers.last() else {
            return providers;
        };
        start_after = Some(last.address.to_string());
        providers.extend(page.providers);
    }
}

/// One of the three latest draws: commitments gather on few draws, so reveals and forfeits
/// have something to act on.
fn recent(draws: &[u64], index: &Index) -> u64 {
    let recent = &draws[draws.len().saturating_sub(3)..];
    recent[index.index(recent.len())]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn deposits_are_held_returned_or_forfeited_and_nothing_else(
        steps in prop::collection::vec(step(), 1..100)
    ) {
        let mut chain = Chain::new();
        let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
        let treasury = chain.treasury.clone();
        let who = |chain: &Chain, i: usize| chain.p(i);
        // Draw keys requested so far, and the commitments accepted: (key, provider) → (secret,
        // state), as the contract should hold them.
        let mut draws: Vec<u64> = vec![0];
        chain.request(0, None).unwrap();
        let mut model: BTreeMap<(u64, Addr), ([u8; 32], CommitmentState)> = BTreeMap::new();
        // The providers as the rules make them: deposit and standing.
        let mut providers: BTreeMap<Addr, (u128, Standing)> = BTreeMap::new();
        // Partners the registry no longer answers active.
        let mut inactive: BTreeSet<Addr> = BTreeSet::new();
        let mut bond = BOND;
        let mut rebonded = false;
        // Everyone starts as a provider, so that most steps act on a draw.
        chain.join_first(PROVIDERS);
        for i in 0..PROVIDERS {
            providers.insert(who(&chain, i), (BOND, Standing::Active));
        }
        let mut joined_in = PROVIDERS as u128 * BOND;
        let mut returned = 0u128;
        let mut counter = 0u64;
        for step in steps {
            counter += 1;
            let pending_of = |model: &BTreeMap<(u64, Addr), ([u8; 32], CommitmentState)>,
                              provider: &Addr| {
                model
                    .iter()
                    .filter(|((_, p), (_, state))| {
                        p == provider && *state == CommitmentState::Pending
                    })
                    .count() as u128
            };
            match step {
                Step::Join(i, amount) => {
                    let provider = who(&chain, i);
                    let active_partner = !inactive.contains(&provider);
                    let expected = match providers.get(&provider) {
                        None => amount >= bond && active_partner,
                        Some((_, standing)) => {
                            *standing == Standing::Active && amount > 0 && active_partner
                        }
                    };
                    let result = chain.join_with(&provider, amount);
                    prop_assert_eq!(result.is_ok(), expected, "{:?}", result);
                    if result.is_ok() {
                        joined_in += amount;
                        let entry = providers.entry(provider).or_insert((0, Standing::Active));
                        entry.0 += amount;
                    }
                }
                Step::Leave(i) => {
                    let provider = who(&chain, i);
                    let expected = providers.get(&provider).map(|(deposit, _)| *deposit);
                    let settled = pending_of(&model, &provider) == 0;
                    let result = chain.leave(&provider);
                    prop_assert_eq!(result.is_ok(), expected.is_some() && settled);
                    if let Ok(amount) = result {
                        // Whatever the forfeits left, forfeited or not.
                        prop_assert_eq!(Some(amount), expected);
                        returned += amount;
                        providers.remove(&provider);
                    }
                }
                Step::Request => {
                    let key = draws.len() as u64;
                    chain.request(key, None).unwrap();
                    draws.push(key);
                }
                Step::Commit(i, draw) => {
                    let key = recent(&draws, &draw);
                    let provider = who(&chain, i);
                    let secret = secret(counter);
                    let needed = (pending_of(&model, &provider) + 1) * bond;
                    let record = providers.get(&provider).copied();
                    match chain.commit(&provider, key, &secret) {
                        Ok(_) => {
                            let (deposit, standing) = record.unwrap();
                            prop_assert_eq!(standing, Standing::Active);
                            prop_assert!(deposit >= needed);
                            model.insert((key, provider), (secret, CommitmentState::Pending));
                        }
                        Err(ContractError::StakeTooLow { needed: n, deposit: d }) => {
                            let (deposit, standing) = record.unwrap();
                            prop_assert_eq!(standing, Standing::Active);
                            prop_assert_eq!((n.u128(), d.u128()), (needed, deposit));
                            prop_assert!(deposit < needed);
                        }
                        Err(_) => {}
                    }
                }
                Step::Retract(i, draw) => {
                    let key = recent(&draws, &draw);
                    let provider = who(&chain, i);
                    let before = chain.draw(key);
                    // Retractable exactly when pending in the current round, reveals never set.
                    let current = model.contains_key(&(key, provider.clone()))
                        && chain.commitment_of(key, &provider).round == before.round;
                    let expected = current
                        && before.reveals_close_at.is_none()
                        && model[&(key, provider.clone())].1 == CommitmentState::Pending;
                    let (balance, paid) = (chain.balance, chain.paid.clone());
                    let deposit = providers.get(&provider).map(|(deposit, _)| *deposit);
                    let result = chain.retract(&provider, key);
                    prop_assert_eq!(result.is_ok(), expected, "{:?}", result);
                    if let Ok(response) = result {
                        prop_assert!(response.messages.is_empty());
                        prop_assert_eq!(chain.draw(key).commits + 1, before.commits);
                        prop_assert_eq!(chain.provider(&provider).bond.u128(), deposit.unwrap());
                        model.remove(&(key, provider));
                    }
                    prop_assert_eq!((chain.balance, &chain.paid), (balance, &paid));
                }
                Step::Reveal(i, draw, right) => {
                    let key = recent(&draws, &draw);
                    let provider = who(&chain, i);
                    let committed = model.get(&(key, provider.clone())).map(|(s, _)| *s);
                    let revealed = match (committed, right) {
                        (Some(secret), true) => secret,
                        _ => super::secret(u64::MAX - counter),
                    };
                    if chain.reveal(&provider, key, &revealed).is_ok() {
                        prop_assert!(right);
                        let entry = model.get_mut(&(key, provider)).unwrap();
                        prop_assert_eq!(entry.1, CommitmentState::Pending);
                        entry.1 = CommitmentState::Revealed;
                    }
                }
                Step::Forfeit(i, draw) => {
                    let key = recent(&draws, &draw);
                    let provider = who(&chain, i);
                    if let Ok(amount) = chain.forfeit(&stranger, key, &provider) {
                        // One stake at the bond in force, or what remains if less.
                        let record = providers.get_mut(&provider).unwrap();
                        prop_assert_eq!(amount, bond.min(record.0));
                        record.0 -= amount;
                        record.1 = Standing::Forfeited;
                        let entry = model.get_mut(&(key, provider)).unwrap();
                        prop_assert_eq!(entry.1, CommitmentState::Pending);
                        entry.1 = CommitmentState::Forfeited;
                    }
                }
                Step::Deactivate(i) => {
                    let provider = who(&chain, i);
                    chain.set_partner(&provider, true, false);
                    inactive.insert(provider.clone());
                    let msg = ExecuteMsg::Remove { provider: provider.to_string() };
                    let removed = chain.execute(&stranger, msg).is_ok();
                    let expected = matches!(providers.get(&provider), Some((_, Standing::Active)));
                    prop_assert_eq!(removed, expected);
                    if removed {
                        providers.get_mut(&provider).unwrap().1 = Standing::Removed;
                    }
                }
                Step::Rebond(amount) => {
                    let msg = ExecuteMsg::UpdateConfig {
                        registry: None,
                        treasury: None,
                        provider_bond: Some(Uint128::new(amount)),
                        commit_seconds: None,
                        reveal_seconds: None,
                        min_commits: None,
                        max_commits: None,
                    };
                    chain.execute(&owner, msg).unwrap();
                    rebonded |= amount != bond;
                    bond = amount;
                }
                Step::Wait(seconds) => chain.advance(seconds),
            }

            let listed = all_providers(&chain);
            let held: u128 = listed.iter().map(|p| p.bond.u128()).sum();
            prop_assert_eq!(chain.balance, held);
            let forfeited = chain.paid_to(&treasury);
            prop_assert_eq!(joined_in, held + returned + forfeited);
            prop_assert_eq!(listed.len(), providers.len());
            for provider in &listed {
                let pending = pending_of(&model, &provider.address);
                prop_assert_eq!(u128::from(provider.pending), pending);
                let (deposit, standing) = providers[&provider.address];
                prop_assert_eq!((provider.bond.u128(), provider.standing), (deposit, standing));
                // With one bond throughout, every pending commitment has its stake.
                if !rebonded {
                    prop_assert!(deposit >= pending * BOND);
                }
            }
        }
    }
}

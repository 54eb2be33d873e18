//! Random joins (right and wrong bonds), leaves, requests, commitments, reveals (right and
//! wrong secrets), forfeits, removals and waits. After every step: the contract's CTC balance
//! is exactly the bonds it still holds, everything that came in is held, returned to its
//! provider or forfeited to the treasury, a leave returns exactly the leaver's bond and a
//! forfeit takes exactly the forfeited provider's, and each provider's pending count is its
//! commitments that wait for a reveal or a forfeit. The harness also checks that every refused
//! step left the storage as it was.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::{CommitmentState, ProvidersResponse};

const PROVIDERS: usize = 5;

#[derive(Clone, Debug)]
enum Step {
    /// Partner, whether it sends exactly the bond.
    Join(usize, bool),
    Leave(usize),
    Request,
    /// Partner, a draw so far.
    Commit(usize, Index),
    /// Partner, a draw so far, whether the secret is the committed one.
    Reveal(usize, Index, bool),
    /// Provider forfeited, a draw so far.
    Forfeit(usize, Index),
    /// The registry stops answering the partner as active, and anyone removes it.
    Deactivate(usize),
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    let who = 0..PROVIDERS;
    prop_oneof![
        3 => (who.clone(), prop::bool::weighted(0.85)).prop_map(|(w, exact)| Step::Join(w, exact)),
        1 => who.clone().prop_map(Step::Leave),
        1 => Just(Step::Request),
        6 => (who.clone(), any::<Index>()).prop_map(|(w, d)| Step::Commit(w, d)),
        6 => (who.clone(), any::<Index>(), prop::bool::weighted(0.9))
            .prop_map(|(w, d, right)| Step::Reveal(w, d, right)),
        3 => (who.clone(), any::<Index>()).prop_map(|(w, d)| Step::Forfeit(w, d)),
        1 => who.prop_map(Step::Deactivate),
        4 => prop_oneof![Just(COMMIT_SECONDS / 2), Just(COMMIT_SECONDS), Just(REVEAL_SECONDS)]
            .prop_map(Step::Wait),
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

fn bond_of(chain: &Chain, who: &Addr) -> Option<u128> {
    all_providers(chain)
        .into_iter()
        .find(|p| p.address == *who)
        .map(|p| p.bond.u128())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn bonds_are_held_returned_or_forfeited_and_nothing_else(
        steps in prop::collection::vec(step(), 1..100)
    ) {
        let mut chain = Chain::new();
        let stranger = chain.stranger.clone();
        let treasury = chain.treasury.clone();
        let who = |chain: &Chain, i: usize| chain.p(i);
        // Draw keys requested so far, and the commitments accepted: (key, provider) → (secret,
        // state), as the contract should hold them.
        let mut draws: Vec<u64> = vec![0];
        chain.request(0, None).unwrap();
        let mut model: BTreeMap<(u64, Addr), ([u8; 32], CommitmentState)> = BTreeMap::new();
        // Everyone starts as a provider, so that most steps act on a draw.
        chain.join_first(PROVIDERS);
        let mut joined_in = PROVIDERS as u128 * BOND;
        let mut returned = 0u128;
        let mut counter = 0u64;
        for step in steps {
            counter += 1;
            match step {
                Step::Join(i, exact) => {
                    let provider = who(&chain, i);
                    let amount = if exact { BOND } else { BOND / 2 };
                    if chain.join_with(&provider, amount).is_ok() {
                        prop_assert!(exact);
                        joined_in += amount;
                    }
                }
                Step::Leave(i) => {
                    let provider = who(&chain, i);
                    let held = bond_of(&chain, &provider);
                    if let Ok(amount) = chain.leave(&provider) {
                        prop_assert_eq!(Some(amount), held);
                        returned += amount;
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
                    if chain.commit(&provider, key, &secret).is_ok() {
                        model.insert((key, provider), (secret, CommitmentState::Pending));
                    }
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
                    let held = bond_of(&chain, &provider);
                    if let Ok(amount) = chain.forfeit(&stranger, key, &provider) {
                        prop_assert_eq!(Some(amount), held);
                        let entry = model.get_mut(&(key, provider)).unwrap();
                        prop_assert_eq!(entry.1, CommitmentState::Pending);
                        entry.1 = CommitmentState::Forfeited;
                    }
                }
                Step::Deactivate(i) => {
                    let provider = who(&chain, i);
                    chain.set_partner(&provider, true, false);
                    let msg = ExecuteMsg::Remove { provider: provider.to_string() };
                    let _ = chain.execute(&stranger, msg);
                }
                Step::Wait(seconds) => chain.advance(seconds),
            }

            let providers = all_providers(&chain);
            let held: u128 = providers.iter().map(|p| p.bond.u128()).sum();
            prop_assert_eq!(chain.balance, held);
            let forfeited = chain.paid_to(&treasury);
            prop_assert_eq!(joined_in, held + returned + forfeited);
            for provider in &providers {
                let pending = model
                    .iter()
                    .filter(|((_, p), (_, state))| {
                        *p == provider.address && *state == CommitmentState::Pending
                    })
                    .count() as u32;
                prop_assert_eq!(provider.pending, pending);
            }
        }
    }
}

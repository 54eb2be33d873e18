//! A provider that withholds its secret: the draw still settles on the others' secrets, and
//! one stake of the withholder's deposit goes to the treasury, for each commitment withheld.

use ctc_interfaces::randomness::DrawStatus;

use super::*;
use crate::msg::{CommitmentState, Standing};

/// The finding H1 attack: one bond used to cover every pending commitment, so after its first
/// forfeit a provider withheld in any number of other draws for free. Now each commitment locks
/// its own stake: a deposit of two stakes commits to two draws, and withholding in both costs
/// both.
#[test]
fn withholding_in_two_concurrent_draws_costs_two_stakes() {
    let mut chain = Chain::new();
    let (honest, attacker) = (chain.p(0), chain.p(1));
    chain.join_with(&honest, 2 * BOND).unwrap();
    chain.join_with(&attacker, 2 * BOND).unwrap();
    for key in [1, 2] {
        chain.request(key, None).unwrap();
        chain.commit(&honest, key, &secret(key)).unwrap();
        chain.commit(&attacker, key, &secret(10 + key)).unwrap();
    }
    assert_eq!(chain.provider(&attacker).pending, 2);
    chain.advance(COMMIT_SECONDS);
    for key in [1, 2] {
        chain.reveal(&honest, key, &secret(key)).unwrap();
    }
    chain.advance(REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    // The first withheld draw takes one stake; the attacker keeps the other, still locked.
    assert_eq!(chain.forfeit(&stranger, 1, &attacker), Ok(BOND));
    let record = chain.provider(&attacker);
    assert_eq!(
        (record.bond, record.pending, record.standing),
        (Uint128::new(BOND), 1, Standing::Forfeited)
    );
    assert_eq!(
        chain.leave(&attacker),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    // The second withheld draw takes the second stake.
    assert_eq!(chain.forfeit(&stranger, 2, &attacker), Ok(BOND));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), 2 * BOND);
    let record = chain.provider(&attacker);
    assert_eq!((record.bond, record.pending), (Uint128::zero(), 0));
    assert_eq!(chain.leave(&attacker), Ok(0));
    assert_eq!(chain.leave(&honest), Ok(2 * BOND));
    assert_eq!(chain.balance, 0);
}

/// A deposit of one stake covers one pending commitment: a second concurrent draw needs a
/// top-up, and a settled commitment frees its stake for the next.
#[test]
fn one_stake_covers_one_pending_commitment_until_a_top_up() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    for key in [1, 2, 3] {
        chain.request(key, None).unwrap();
    }
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p1, 1, &secret(11)).unwrap();
    assert_eq!(
        chain.commit(&p0, 2, &secret(2)).unwrap_err(),
        ContractError::StakeTooLow {
            needed: Uint128::new(2 * BOND),
            deposit: Uint128::new(BOND)
        }
    );
    // Half a stake more is not enough; the other half is.
    chain.join_with(&p0, BOND / 2).unwrap();
    assert!(matches!(
        chain.commit(&p0, 2, &secret(2)).unwrap_err(),
        ContractError::StakeTooLow { .. }
    ));
    chain.join_with(&p0, BOND / 2).unwrap();
    chain.commit(&p0, 2, &secret(2)).unwrap();
    assert_eq!(chain.provider(&p0).pending, 2);
    assert_eq!(
        chain.commit(&p0, 3, &secret(3)).unwrap_err(),
        ContractError::StakeTooLow {
            needed: Uint128::new(3 * BOND),
            deposit: Uint128::new(2 * BOND)
        }
    );
    // A reveal settles draw 1's commitment: its stake covers draw 3.
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p0, 3, &secret(3)).unwrap();
    assert_eq!(chain.provider(&p0).bond, Uint128::new(2 * BOND));
}

/// Three commit for draw 1, p2 withholds.
fn withheld() -> Chain {
    let mut chain = Chain::new();
    chain.join_first(3);
    chain.request(1, None).unwrap();
    for i in 0..3 {
        let who = chain.p(i);
        chain.commit(&who, 1, &secret(i as u64)).unwrap();
    }
    chain.advance(COMMIT_SECONDS);
    for i in 0..2 {
        let who = chain.p(i);
        chain.reveal(&who, 1, &secret(i as u64)).unwrap();
    }
    chain
}

#[test]
fn the_draw_settles_on_the_revealed_secrets_once_the_window_closes() {
    let mut chain = withheld();
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Revealing);
    assert_eq!(draw.seed, None);
    chain.advance(REVEAL_SECONDS - 1);
    assert_eq!(chain.draw(1).status, DrawStatus::Revealing);
    chain.advance(1);
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Ready);
    assert_eq!((draw.commits, draw.reveals), (3, 2));
    assert_eq!(
        draw.seed,
        Some(expected_seed(&chain, 1, &[secret(0), secret(1)]))
    );
    // The withholder cannot change it by revealing late.
    let p2 = chain.p(2);
    assert!(matches!(
        chain.reveal(&p2, 1, &secret(2)).unwrap_err(),
        ContractError::RevealWindowClosed { .. }
    ));
}

#[test]
fn the_withholders_bond_and_only_it_goes_to_the_treasury() {
    let mut chain = withheld();
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    let stranger = chain.stranger.clone();
    // Before the window closes nobody can be forfeited, not even the one who has not revealed.
    assert_eq!(
        chain.forfeit(&stranger, 1, &p2),
        Err(ContractError::RevealWindowOpen)
    );
    chain.advance(REVEAL_SECONDS);
    // A revealer keeps its bond.
    assert_eq!(
        chain.forfeit(&stranger, 1, &p0),
        Err(ContractError::AlreadyRevealed {
            address: p0.to_string()
        })
    );
    // Neither is a provider that never committed to the draw forfeitable.
    chain.join(&chain.p(3)).unwrap();
    let p3 = chain.p(3);
    assert_eq!(
        chain.forfeit(&stranger, 1, &p3),
        Err(ContractError::NoCommitment {
            address: p3.to_string()
        })
    );
    assert_eq!(chain.balance, 4 * BOND);
    assert_eq!(chain.forfeit(&stranger, 1, &p2), Ok(BOND));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), BOND);
    assert_eq!(chain.balance, 3 * BOND);
    assert_eq!(
        chain.forfeit(&stranger, 1, &p2),
        Err(ContractError::AlreadyForfeited {
            address: p2.to_string()
        })
    );
    let forfeited = chain.provider(&p2);
    assert_eq!(
        (forfeited.bond, forfeited.pending, forfeited.standing),
        (Uint128::zero(), 0, Standing::Forfeited)
    );
    assert_eq!(
        chain.commitment_of(1, &p2).state,
        CommitmentState::Forfeited
    );
    // The forfeit moved nothing of the draw.
    assert_eq!(
        chain.draw(1).seed,
        Some(expected_seed(&chain, 1, &[secret(0), secret(1)]))
    );
    // The revealers leave whole.
    assert_eq!(chain.leave(&p1), Ok(BOND));
    assert_eq!(chain.paid_to(&p1), BOND);
}

/// Forfeited, a provider adds nothing and commits no more, but reveals its other pending draw
/// and leaves with the rest of its deposit.
#[test]
fn a_forfeited_provider_reveals_its_other_draw_and_leaves_with_the_rest() {
    let mut chain = withheld();
    let p2 = chain.p(2);
    // Its deposit of one stake is locked by draw 1: a second stake for draw 2.
    chain.join(&p2).unwrap();
    chain.request(2, None).unwrap();
    chain.commit(&p2, 2, &secret(20)).unwrap();
    let p0 = chain.p(0);
    chain.commit(&p0, 2, &secret(21)).unwrap();
    chain.advance(REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p2), Ok(BOND));
    let record = chain.provider(&p2);
    assert_eq!(
        (record.bond, record.pending, record.standing),
        (Uint128::new(BOND), 1, Standing::Forfeited)
    );
    // No top-up: it must leave first.
    assert_eq!(
        chain.join(&p2).unwrap_err(),
        ContractError::NoTopUp {
            address: p2.to_string(),
            standing: Standing::Forfeited
        }
    );
    chain.request(3, None).unwrap();
    assert_eq!(
        chain.commit(&p2, 3, &secret(30)).unwrap_err(),
        ContractError::NotInGoodStanding {
            address: p2.to_string(),
            standing: Standing::Forfeited
        }
    );
    // Leaving waits for the pending commitment to draw 2, which it may still reveal.
    assert_eq!(
        chain.leave(&p2),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    chain.reveal(&p2, 2, &secret(20)).unwrap();
    chain.reveal(&p0, 2, &secret(21)).unwrap();
    assert_eq!(chain.draw(2).status, DrawStatus::Ready);
    assert_eq!(
        chain.draw(2).seed,
        Some(expected_seed(&chain, 2, &[secret(20), secret(21)]))
    );
    // The stake draw 2 locked comes back.
    assert_eq!(chain.leave(&p2), Ok(BOND));
    assert_eq!(chain.paid_to(&p2), BOND);
    assert_eq!(
        chain.ask_err(QueryMsg::Provider {
            address: p2.to_string()
        }),
        ContractError::NotAProvider {
            address: p2.to_string()
        }
    );
    // A new deposit makes it a provider again.
    chain.join(&p2).unwrap();
    chain.commit(&p2, 3, &secret(30)).unwrap();
}

/// Withholding twice costs two stakes: the second forfeit takes the stake the second
/// commitment locked, and the provider leaves with what is left.
#[test]
fn a_second_withheld_commitment_forfeits_a_second_stake() {
    let mut chain = Chain::new();
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.join_with(&p0, 2 * BOND).unwrap();
    // Three stakes: two for the withheld draws, one left over.
    chain.join_with(&p1, 3 * BOND).unwrap();
    for key in [1, 2] {
        chain.request(key, None).unwrap();
        chain.commit(&p0, key, &secret(key)).unwrap();
        chain.commit(&p1, key, &secret(10 + key)).unwrap();
    }
    chain.advance(COMMIT_SECONDS);
    for key in [1, 2] {
        chain.reveal(&p0, key, &secret(key)).unwrap();
    }
    chain.advance(REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p1), Ok(BOND));
    assert_eq!(chain.forfeit(&stranger, 2, &p1), Ok(BOND));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), 2 * BOND);
    assert_eq!(chain.provider(&p1).pending, 0);
    assert_eq!(chain.leave(&p1), Ok(BOND));
    assert_eq!(chain.leave(&p0), Ok(2 * BOND));
    assert_eq!(chain.balance, 0);
}

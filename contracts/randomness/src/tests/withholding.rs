//! A provider that withholds its secret: the draw still settles on the others' secrets, and
//! the withholder's whole bond goes to the treasury.

use ctc_interfaces::randomness::DrawStatus;

use super::*;
use crate::msg::{CommitmentState, Standing};

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

#[test]
fn a_forfeited_provider_commits_no_more_and_leaves_with_nothing() {
    let mut chain = withheld();
    let p2 = chain.p(2);
    chain.request(2, None).unwrap();
    // p2 committed to draw 2 before its forfeit on draw 1: it may still reveal there.
    chain.commit(&p2, 2, &secret(20)).unwrap();
    let p0 = chain.p(0);
    chain.commit(&p0, 2, &secret(21)).unwrap();
    chain.advance(REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p2), Ok(BOND));
    chain.request(3, None).unwrap();
    assert_eq!(
        chain.commit(&p2, 3, &secret(30)).unwrap_err(),
        ContractError::NotInGoodStanding {
            address: p2.to_string(),
            standing: Standing::Forfeited
        }
    );
    // Leaving waits for the pending commitment to draw 2.
    assert_eq!(
        chain.leave(&p2),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    chain.reveal(&p2, 2, &secret(20)).unwrap();
    chain.reveal(&p0, 2, &secret(21)).unwrap();
    assert_eq!(chain.draw(2).status, DrawStatus::Ready);
    assert_eq!(chain.leave(&p2), Ok(0));
    assert_eq!(chain.paid_to(&p2), 0);
    assert_eq!(
        chain.ask_err(QueryMsg::Provider {
            address: p2.to_string()
        }),
        ContractError::NotAProvider {
            address: p2.to_string()
        }
    );
    // A new bond makes it a provider again.
    chain.join(&p2).unwrap();
    chain.commit(&p2, 3, &secret(30)).unwrap();
}

/// Withholding twice costs the bond once: there is nothing left the second time, and the
/// second commitment is still settled so the provider can leave.
#[test]
fn a_second_withheld_commitment_forfeits_nothing_more() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
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
    assert_eq!(chain.forfeit(&stranger, 2, &p1), Ok(0));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), BOND);
    assert_eq!(chain.provider(&p1).pending, 0);
    assert_eq!(chain.leave(&p1), Ok(0));
    assert_eq!(chain.leave(&p0), Ok(BOND));
    assert_eq!(chain.balance, 0);
}

//! A draw nobody revealed: it stalls, its committers are forfeitable, and the next commitment
//! starts round 2.

use ctc_interfaces::randomness::DrawStatus;

use super::*;
use crate::msg::CommitmentState;

#[test]
fn a_stalled_draw_restarts_in_round_two_and_round_one_stays_forfeitable() {
    let mut chain = Chain::new();
    chain.join_first(4);
    let (p0, p1, p2, p3) = (chain.p(0), chain.p(1), chain.p(2), chain.p(3));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    chain.advance(COMMIT_SECONDS + REVEAL_SECONDS);
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Stalled);
    assert_eq!(draw.seed, None);

    // p0 still holds an unforfeited round-1 commitment: it cannot start round 2 over it.
    assert_eq!(
        chain.commit(&p0, 1, &secret(100)).unwrap_err(),
        ContractError::EarlierRoundUnforfeited {
            address: p0.to_string(),
            round: 1
        }
    );
    chain.commit(&p2, 1, &secret(2)).unwrap();
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Committing);
    assert_eq!((draw.round, draw.commits, draw.reveals), (2, 1, 0));
    assert_eq!(
        draw.commits_close_at,
        chain.now().plus_seconds(COMMIT_SECONDS)
    );
    assert_eq!(draw.reveals_close_at, None);
    assert_eq!(draw.mix, hex(&[0; 32]));
    assert_eq!(chain.commitment_of(1, &p2).round, 2);

    // Round 1's secrets no longer count, even inside round 2's windows.
    chain.commit(&p3, 1, &secret(3)).unwrap();
    chain.advance(COMMIT_SECONDS);
    assert_eq!(
        chain.reveal(&p0, 1, &secret(0)).unwrap_err(),
        ContractError::StalledRound { round: 1 }
    );
    // Round 1's committers are forfeitable at once, whatever round 2's windows say.
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(BOND));
    assert_eq!(chain.forfeit(&stranger, 1, &p1), Ok(BOND));
    assert_eq!(
        chain.commitment_of(1, &p1).state,
        CommitmentState::Forfeited
    );
    // Round 2's committers are not, before their window closes.
    assert_eq!(
        chain.forfeit(&stranger, 1, &p2),
        Err(ContractError::RevealWindowOpen)
    );
    chain.reveal(&p2, 1, &secret(2)).unwrap();
    chain.reveal(&p3, 1, &secret(3)).unwrap();
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Ready);
    assert_eq!(draw.round, 2);
    assert_eq!(
        draw.seed,
        Some(expected_seed(&chain, 1, &[secret(2), secret(3)]))
    );
    assert_eq!(chain.paid_to(&chain.treasury.clone()), 2 * BOND);
    assert_eq!(chain.balance, 2 * BOND);
}

/// A provider that rejoined after forfeiting round 1 may commit again in round 2: its old,
/// settled commitment is replaced.
#[test]
fn a_rejoined_provider_commits_over_its_forfeited_round() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    chain.advance(COMMIT_SECONDS + REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(BOND));
    // Its one stake was its whole deposit.
    assert_eq!(chain.leave(&p0), Ok(0));
    chain.join(&p0).unwrap();
    chain.commit(&p0, 1, &secret(5)).unwrap();
    assert_eq!(chain.commitment_of(1, &p0).round, 2);
    assert_eq!(chain.commitment_of(1, &p0).state, CommitmentState::Pending);
    chain.commit(&p2, 1, &secret(6)).unwrap();
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p0, 1, &secret(5)).unwrap();
    chain.reveal(&p2, 1, &secret(6)).unwrap();
    assert_eq!(
        chain.draw(1).seed,
        Some(expected_seed(&chain, 1, &[secret(5), secret(6)]))
    );
}

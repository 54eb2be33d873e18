//! A commitment taken back while its round is below the minimum count: the way out for a lone
//! committer, which could otherwise neither reveal nor be forfeited, and so never leave. Taken
//! back only while no reveal can have opened, so it biases nothing.

use ctc_interfaces::randomness::DrawStatus;

use super::*;
use crate::msg::{CommitmentState, Standing};

/// The finding: a lone commitment locked its stake for ever. Long after commitments closed it
/// could not be revealed (too few commitments), nor forfeited (no window ever opened), nor left.
/// Now its provider retracts it and leaves with the whole deposit.
#[test]
fn a_lone_committer_retracts_and_leaves_with_its_deposit() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (lone, other) = (chain.p(0), chain.p(1));
    chain.request(1, None).unwrap();
    chain.commit(&lone, 1, &secret(1)).unwrap();
    chain.advance(10 * (COMMIT_SECONDS + REVEAL_SECONDS));
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Committing);
    assert_eq!((draw.commits, draw.reveals_close_at), (1, None));
    assert_eq!(
        chain.reveal(&lone, 1, &secret(1)).unwrap_err(),
        ContractError::RevealsNotOpen {
            commits_close_at: draw.commits_close_at
        }
    );
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.forfeit(&stranger, 1, &lone),
        Err(ContractError::RevealWindowOpen)
    );
    assert_eq!(
        chain.leave(&lone),
        Err(ContractError::PendingCommitments { pending: 1 })
    );

    let response = chain.retract(&lone, 1).unwrap();
    assert_eq!(attribute(&response, "action"), "retract");
    assert_eq!(attribute(&response, "provider"), lone.as_str());
    assert_eq!(attribute(&response, "round"), "1");
    assert_eq!(attribute(&response, "commits"), "0");
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Committing);
    assert_eq!((draw.round, draw.commits, draw.reveals), (1, 0, 0));
    assert_eq!(chain.provider(&lone).pending, 0);
    // The commitment is gone, not kept in some state: there is nothing left to forfeit.
    assert_eq!(
        chain.ask_err(QueryMsg::Commitment {
            requester: chain.consumer.to_string(),
            key: 1,
            provider: lone.to_string(),
        }),
        ContractError::NoCommitment {
            address: lone.to_string()
        }
    );
    assert_eq!(
        chain.forfeit(&stranger, 1, &lone),
        Err(ContractError::NoCommitment {
            address: lone.to_string()
        })
    );
    assert_eq!(chain.leave(&lone), Ok(BOND));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), 0);
    assert_eq!(chain.leave(&other), Ok(BOND));
    assert_eq!(chain.balance, 0);
}

/// A retraction moves no CTC: no message, the same balance and deposit, nothing to the treasury;
/// it only frees the stake the commitment locked.
#[test]
fn a_retraction_changes_no_balance() {
    let mut chain = Chain::new();
    let p0 = chain.p(0);
    chain.join_with(&p0, 2 * BOND).unwrap();
    chain.request(1, None).unwrap();
    chain.request(2, None).unwrap();
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p0, 2, &secret(2)).unwrap();
    // Both stakes locked: a third commitment is refused.
    chain.request(3, None).unwrap();
    assert_eq!(
        chain.commit(&p0, 3, &secret(3)).unwrap_err(),
        ContractError::StakeTooLow {
            needed: Uint128::new(3 * BOND),
            deposit: Uint128::new(2 * BOND)
        }
    );
    let before = chain.provider(&p0);
    let response = chain.retract(&p0, 1).unwrap();
    assert!(response.messages.is_empty(), "a retraction sends nothing");
    let after = chain.provider(&p0);
    assert_eq!(after.bond, before.bond);
    assert_eq!(after.standing, Standing::Active);
    assert_eq!((before.pending, after.pending), (2, 1));
    assert_eq!(chain.balance, 2 * BOND);
    assert!(chain.paid.is_empty());
    // The freed stake covers another commitment.
    chain.commit(&p0, 3, &secret(3)).unwrap();
    assert_eq!(chain.provider(&p0).pending, 2);
}

/// The attack a retraction must not allow: a provider that has seen the round reach its minimum
/// (and, later, the others' secrets) pulls out to steer the result. Refused from the commitment
/// that reaches the minimum on, before commitments even close, and through the reveals.
#[test]
fn a_retraction_is_refused_once_the_round_reached_the_minimum() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    // Commitments are still open, the draw still committing: refused all the same.
    assert_eq!(chain.draw(1).status, DrawStatus::Committing);
    assert!(chain.now() < chain.draw(1).commits_close_at);
    for who in [&p0, &p1] {
        assert_eq!(
            chain.retract(who, 1).unwrap_err(),
            ContractError::MinimumReached { commits: 2 }
        );
    }
    // A third commitment, above the minimum, is bound as well.
    chain.commit(&p2, 1, &secret(2)).unwrap();
    assert_eq!(
        chain.retract(&p2, 1).unwrap_err(),
        ContractError::MinimumReached { commits: 3 }
    );
    // Reveals open: the last revealer has seen the others' secrets and may not pull out.
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p0, 1, &secret(0)).unwrap();
    chain.reveal(&p1, 1, &secret(1)).unwrap();
    assert_eq!(chain.draw(1).status, DrawStatus::Revealing);
    assert_eq!(
        chain.retract(&p2, 1).unwrap_err(),
        ContractError::MinimumReached { commits: 3 }
    );
    // A revealed commitment neither.
    assert_eq!(
        chain.retract(&p0, 1).unwrap_err(),
        ContractError::MinimumReached { commits: 3 }
    );
    // Withholding still costs the stake.
    chain.advance(REVEAL_SECONDS);
    assert_eq!(chain.draw(1).status, DrawStatus::Ready);
    assert_eq!(
        chain.retract(&p2, 1).unwrap_err(),
        ContractError::MinimumReached { commits: 3 }
    );
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p2), Ok(BOND));
}

/// The owner lowering the minimum does not reopen a round whose reveals were set, and raising
/// it does not make its commitments retractable: the draw's own `reveals_close_at` decides.
#[test]
fn a_changed_minimum_does_not_unbind_a_round() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    let owner = chain.owner.clone();
    let msg = ExecuteMsg::UpdateConfig {
        registry: None,
        treasury: None,
        provider_bond: None,
        commit_seconds: None,
        reveal_seconds: None,
        min_commits: Some(3),
        max_commits: None,
    };
    chain.execute(&owner, msg).unwrap();
    assert_eq!(
        chain.retract(&p0, 1).unwrap_err(),
        ContractError::MinimumReached { commits: 2 }
    );
}

#[test]
fn a_provider_retracts_then_commits_again_and_the_draw_settles() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.retract(&p0, 1).unwrap();
    // Retracted twice: nothing is left to take back.
    assert_eq!(
        chain.retract(&p0, 1).unwrap_err(),
        ContractError::NoCommitment {
            address: p0.to_string()
        }
    );
    // A new commitment, to a new secret, in the same round.
    chain.commit(&p0, 1, &secret(10)).unwrap();
    assert_eq!(chain.commitment_of(1, &p0).round, 1);
    assert_eq!(chain.commitment_of(1, &p0).state, CommitmentState::Pending);
    assert_eq!(chain.draw(1).commits, 1);
    chain.commit(&p1, 1, &secret(1)).unwrap();
    chain.advance(COMMIT_SECONDS);
    // The retracted secret opens nothing.
    assert_eq!(
        chain.reveal(&p0, 1, &secret(0)).unwrap_err(),
        ContractError::CommitmentMismatch
    );
    chain.reveal(&p0, 1, &secret(10)).unwrap();
    chain.reveal(&p1, 1, &secret(1)).unwrap();
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Ready);
    assert_eq!(
        draw.seed,
        Some(expected_seed(&chain, 1, &[secret(10), secret(1)]))
    );
    // p2 never committed: nothing to retract.
    assert_eq!(
        chain.retract(&p2, 1).unwrap_err(),
        ContractError::NoCommitment {
            address: p2.to_string()
        }
    );
    for who in [&p0, &p1, &p2] {
        assert_eq!(chain.leave(who), Ok(BOND));
    }
}

/// Only the committer takes back its commitment, and only from a draw that exists.
#[test]
fn a_retraction_is_the_committer_s_own() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    let stranger = chain.stranger.clone();
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    for who in [&p1, &stranger] {
        assert_eq!(
            chain.retract(who, 1).unwrap_err(),
            ContractError::NoCommitment {
                address: who.to_string()
            }
        );
    }
    assert_eq!(
        chain.retract(&p0, 9).unwrap_err(),
        ContractError::UnknownDraw {
            requester: chain.consumer.to_string(),
            key: 9
        }
    );
    assert_eq!(chain.provider(&p0).pending, 1);
    assert_eq!(chain.draw(1).commits, 1);
}

/// A stalled round's commitments were open to reveal and were withheld: they are forfeitable,
/// not retractable, whether or not the next round started. A lone commitment to round 2 is
/// retractable all the same.
#[test]
fn a_stalled_round_s_commitment_is_forfeited_not_retracted() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    chain.advance(COMMIT_SECONDS + REVEAL_SECONDS);
    assert_eq!(chain.draw(1).status, DrawStatus::Stalled);
    assert_eq!(
        chain.retract(&p0, 1).unwrap_err(),
        ContractError::StalledRound { round: 1 }
    );
    // Round 2 starts with p2's commitment; p1's round-1 one is still not retractable.
    chain.commit(&p2, 1, &secret(2)).unwrap();
    assert_eq!(chain.draw(1).round, 2);
    assert_eq!(
        chain.retract(&p1, 1).unwrap_err(),
        ContractError::StalledRound { round: 1 }
    );
    let response = chain.retract(&p2, 1).unwrap();
    assert_eq!(attribute(&response, "round"), "2");
    assert_eq!(chain.draw(1).commits, 0);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(BOND));
    assert_eq!(chain.forfeit(&stranger, 1, &p1), Ok(BOND));
    assert_eq!(chain.leave(&p2), Ok(BOND));
}

/// Standing does not matter: a removed or a forfeited provider, which commits no more, still
/// takes back its lone commitment, and leaves with what its deposit holds.
#[test]
fn a_removed_or_forfeited_provider_retracts_its_lone_commitment() {
    let mut chain = Chain::new();
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.join_with(&p0, 2 * BOND).unwrap();
    chain.join(&p1).unwrap();
    chain.join(&p2).unwrap();
    // p0 withholds in draw 1, and has a lone commitment to draw 2 made before.
    chain.request(1, None).unwrap();
    chain.request(2, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    chain.commit(&p0, 2, &secret(20)).unwrap();
    chain.request(3, None).unwrap();
    chain.commit(&p2, 3, &secret(3)).unwrap();
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p1, 1, &secret(1)).unwrap();
    chain.advance(REVEAL_SECONDS);
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(BOND));
    assert_eq!(chain.provider(&p0).standing, Standing::Forfeited);
    assert_eq!(
        chain.leave(&p0),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    chain.retract(&p0, 2).unwrap();
    assert_eq!(chain.leave(&p0), Ok(BOND));

    // p2 is removed by the registry's word with its lone commitment to draw 3.
    chain.set_partner(&p2, true, false);
    let remove = ExecuteMsg::Remove {
        provider: p2.to_string(),
    };
    chain.execute(&stranger, remove).unwrap();
    assert_eq!(chain.provider(&p2).standing, Standing::Removed);
    chain.retract(&p2, 3).unwrap();
    assert_eq!(chain.leave(&p2), Ok(BOND));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), BOND);
}

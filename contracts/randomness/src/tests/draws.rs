//! A draw from request to seed, and every refusal on the way.

use cosmwasm_std::{from_json, to_json_binary};
use ctc_interfaces::randomness::{
    commitment, pick, DrawStatus, RandomnessExecuteMsg, RandomnessQueryMsg,
};

use super::*;
use crate::msg::CommitmentState;

#[test]
fn three_providers_commit_and_reveal_and_the_seed_is_the_formats() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let requested = chain.request(7, None).unwrap();
    let close = chain.now().plus_seconds(COMMIT_SECONDS);
    assert_eq!(attribute(&requested, "commits_close_at"), close.to_string());
    let secrets = [secret(1), secret(2), secret(3)];
    for (i, secret) in secrets.iter().enumerate() {
        let who = chain.p(i);
        chain.commit(&who, 7, secret).unwrap();
    }
    let draw = chain.draw(7);
    assert_eq!(draw.status, DrawStatus::Committing);
    assert_eq!((draw.round, draw.commits, draw.reveals), (1, 3, 0));
    assert_eq!(draw.commits_close_at, close);
    assert_eq!(
        draw.reveals_close_at,
        Some(close.plus_seconds(REVEAL_SECONDS))
    );
    assert_eq!(draw.seed, None);
    assert_eq!(chain.provider(&chain.p(0)).pending, 1);

    chain.advance(COMMIT_SECONDS);
    assert_eq!(chain.draw(7).status, DrawStatus::Revealing);
    for (i, secret) in secrets.iter().enumerate() {
        let who = chain.p(i);
        let revealed = chain.reveal(&who, 7, secret).unwrap();
        assert_eq!(attribute(&revealed, "secret"), hex(secret).to_hex());
        if i == 2 {
            // The last reveal makes the seed final and says so.
            let seed = expected_seed(&chain, 7, &secrets);
            assert_eq!(attribute(&revealed, "seed"), seed.to_hex());
        }
    }
    let draw = chain.draw(7);
    assert_eq!(draw.status, DrawStatus::Ready);
    assert_eq!(draw.reveals, 3);
    let seed = expected_seed(&chain, 7, &secrets);
    assert_eq!(draw.seed.as_ref(), Some(&seed));
    // What a consumer reads from it: the bytes of the same seed.
    let bytes: [u8; 32] = seed.as_slice().try_into().unwrap();
    assert_eq!(draw.ready_seed(), Some(bytes));
    assert!(pick(&bytes, 0, 6) < 6);
    // Nothing moves the seed afterwards, not even time.
    chain.advance(10 * REVEAL_SECONDS);
    assert_eq!(chain.draw(7).seed, Some(seed));
    for i in 0..3 {
        let who = chain.p(i);
        assert_eq!(chain.provider(&who).pending, 0);
        assert_eq!(
            chain.commitment_of(7, &who).state,
            CommitmentState::Revealed
        );
        // Settled providers leave with their bond.
        assert_eq!(chain.leave(&who), Ok(BOND));
    }
    assert_eq!(chain.balance, 0);
}

/// The consumers speak `ctc_interfaces::randomness`'s messages: the same JSON must reach this
/// contract's entry points, and its answer must read as the shared `DrawResponse`.
#[test]
fn the_shared_messages_are_this_contracts_json() {
    let mut chain = Chain::new();
    let close = chain.now().plus_seconds(5_000);
    let shared = RandomnessExecuteMsg::RequestDraw {
        key: 3,
        commits_close_at: Some(close),
    };
    let msg: ExecuteMsg = from_json(to_json_binary(&shared).unwrap()).unwrap();
    let consumer = chain.consumer.clone();
    chain.execute(&consumer, msg).unwrap();
    let shared = RandomnessQueryMsg::Draw {
        requester: consumer.to_string(),
        key: 3,
    };
    let msg: QueryMsg = from_json(to_json_binary(&shared).unwrap()).unwrap();
    let answer: DrawResponse = chain.ask(msg);
    assert_eq!(answer.commits_close_at, close);
    assert_eq!(answer.status, DrawStatus::Committing);
    assert_eq!(answer.mix, hex(&[0; 32]));
}

#[test]
fn commitments_close_no_sooner_than_the_window_and_within_a_year() {
    let mut chain = Chain::new();
    let now = chain.now();
    // Asked too soon: the window wins.
    chain.request(1, Some(now.plus_seconds(1))).unwrap();
    assert_eq!(
        chain.draw(1).commits_close_at,
        now.plus_seconds(COMMIT_SECONDS)
    );
    chain.request(2, Some(now.plus_seconds(3_600))).unwrap();
    assert_eq!(chain.draw(2).commits_close_at, now.plus_seconds(3_600));
    let latest = now.plus_seconds(crate::execute::MAX_COMMIT_HORIZON_SECONDS);
    let consumer = chain.consumer.clone();
    let refused = chain.refused(
        &consumer,
        ExecuteMsg::RequestDraw {
            key: 3,
            commits_close_at: Some(latest.plus_nanos(1)),
        },
    );
    assert_eq!(refused, ContractError::CommitsCloseTooLate { latest });
    chain.request(3, Some(latest)).unwrap();
}

#[test]
fn a_draw_is_requested_once_per_requester_and_key() {
    let mut chain = Chain::new();
    chain.request(1, None).unwrap();
    assert_eq!(
        chain.request(1, None).unwrap_err(),
        ContractError::DrawExists { key: 1 }
    );
    // Another requester's key 1 is its own draw.
    let stranger = chain.stranger.clone();
    let msg = ExecuteMsg::RequestDraw {
        key: 1,
        commits_close_at: None,
    };
    chain.execute(&stranger, msg).unwrap();
    assert_eq!(
        chain.ask_err(QueryMsg::Draw {
            requester: chain.consumer.to_string(),
            key: 2
        }),
        ContractError::UnknownDraw {
            requester: chain.consumer.to_string(),
            key: 2
        }
    );
}

#[test]
fn only_a_provider_commits_once_a_round_and_no_more_than_the_maximum() {
    let mut chain = Chain::new();
    chain.join_first(5);
    chain.request(1, None).unwrap();
    // A partner that never joined has no bond at stake.
    let (outsider, stranger) = (chain.p(5), chain.stranger.clone());
    for who in [&outsider, &stranger] {
        assert_eq!(
            chain.commit(who, 1, &secret(9)).unwrap_err(),
            ContractError::NotAProvider {
                address: who.to_string()
            }
        );
    }
    let p0 = chain.p(0);
    chain.commit(&p0, 1, &secret(1)).unwrap();
    assert_eq!(
        chain.commit(&p0, 1, &secret(2)).unwrap_err(),
        ContractError::AlreadyCommitted {
            address: p0.to_string(),
            round: 1
        }
    );
    for i in 1..4 {
        let who = chain.p(i);
        chain.commit(&who, 1, &secret(i as u64 + 1)).unwrap();
    }
    let p4 = chain.p(4);
    assert_eq!(
        chain.commit(&p4, 1, &secret(5)).unwrap_err(),
        ContractError::TooManyCommits { max: MAX_COMMITS }
    );
    assert_eq!(chain.draw(1).commits, MAX_COMMITS);
    // The unknown draw, the malformed commitment.
    assert_eq!(
        chain.commit(&p4, 2, &secret(5)).unwrap_err(),
        ContractError::UnknownDraw {
            requester: chain.consumer.to_string(),
            key: 2
        }
    );
    assert_eq!(
        chain.commit_hash(&p4, 1, &[1; 31]).unwrap_err(),
        ContractError::WrongLength {
            field: "commitment",
            got: 31
        }
    );
}

#[test]
fn commitments_close_once_reveals_open() {
    let mut chain = Chain::new();
    chain.join_first(3);
    chain.request(1, None).unwrap();
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p1, 1, &secret(2)).unwrap();
    chain.advance(COMMIT_SECONDS);
    assert_eq!(chain.draw(1).status, DrawStatus::Revealing);
    assert_eq!(
        chain.commit(&p2, 1, &secret(3)).unwrap_err(),
        ContractError::CommitsClosed
    );
    // Nor once it is ready.
    chain.reveal(&p0, 1, &secret(1)).unwrap();
    chain.reveal(&p1, 1, &secret(2)).unwrap();
    assert_eq!(chain.draw(1).status, DrawStatus::Ready);
    assert_eq!(
        chain.commit(&p2, 1, &secret(3)).unwrap_err(),
        ContractError::CommitsClosed
    );
}

/// Below the minimum a draw keeps taking commitments past its close, and the reveal window
/// runs from the commitment that reached the minimum.
#[test]
fn a_draw_late_on_commitments_keeps_taking_them() {
    let mut chain = Chain::new();
    chain.join_first(2);
    chain.request(1, None).unwrap();
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.advance(5 * COMMIT_SECONDS);
    assert_eq!(chain.draw(1).status, DrawStatus::Committing);
    assert_eq!(chain.draw(1).reveals_close_at, None);
    assert_eq!(
        chain.reveal(&p0, 1, &secret(1)).unwrap_err(),
        ContractError::RevealsNotOpen {
            commits_close_at: chain.draw(1).commits_close_at
        }
    );
    chain.commit(&p1, 1, &secret(2)).unwrap();
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Revealing);
    assert_eq!(
        draw.reveals_close_at,
        Some(chain.now().plus_seconds(REVEAL_SECONDS))
    );
    chain.reveal(&p0, 1, &secret(1)).unwrap();
}

#[test]
fn reveals_wait_for_commitments_to_close_and_stop_at_the_window() {
    let mut chain = Chain::new();
    chain.join_first(3);
    chain.request(1, None).unwrap();
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    for (i, who) in [&p0, &p1, &p2].into_iter().enumerate() {
        chain.commit(who, 1, &secret(i as u64)).unwrap();
    }
    let close = chain.draw(1).commits_close_at;
    // Enough commitments, but not closed yet: a secret out now could steer later commitments.
    chain.advance(COMMIT_SECONDS - 1);
    assert_eq!(
        chain.reveal(&p0, 1, &secret(0)).unwrap_err(),
        ContractError::RevealsNotOpen {
            commits_close_at: close
        }
    );
    chain.advance(1);
    chain.reveal(&p0, 1, &secret(0)).unwrap();
    assert_eq!(
        chain.reveal(&p0, 1, &secret(0)).unwrap_err(),
        ContractError::AlreadyRevealed {
            address: p0.to_string()
        }
    );
    chain.advance(REVEAL_SECONDS);
    let closed_at = close.plus_seconds(REVEAL_SECONDS);
    assert_eq!(
        chain.reveal(&p1, 1, &secret(1)).unwrap_err(),
        ContractError::RevealWindowClosed { closed_at }
    );
    // A stranger never committed; a malformed secret is refused as such.
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.reveal(&stranger, 1, &secret(1)).unwrap_err(),
        ContractError::NoCommitment {
            address: stranger.to_string()
        }
    );
    assert_eq!(
        chain.reveal(&p2, 1, &[0; 33]).unwrap_err(),
        ContractError::WrongLength {
            field: "secret",
            got: 33
        }
    );
}

#[test]
fn a_wrong_secret_is_refused() {
    let mut chain = Chain::new();
    chain.join_first(2);
    chain.request(1, None).unwrap();
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p1, 1, &secret(2)).unwrap();
    chain.advance(COMMIT_SECONDS);
    for wrong in [secret(2), secret(3), [0; 32]] {
        assert_eq!(
            chain.reveal(&p0, 1, &wrong).unwrap_err(),
            ContractError::CommitmentMismatch
        );
    }
    assert_eq!(chain.draw(1).reveals, 0);
    chain.reveal(&p0, 1, &secret(1)).unwrap();
}

/// B copies A's commitment hoping to reveal A's secret once it is out (and so cancel it in the
/// XOR, or choose to withhold it). The commitment binds the provider: B cannot open it.
#[test]
fn a_copied_commitment_cannot_be_opened_by_the_copier() {
    let mut chain = Chain::new();
    chain.join_first(2);
    chain.request(1, None).unwrap();
    let (a, b) = (chain.p(0), chain.p(1));
    let secret_a = secret(11);
    let committed = chain.commit(&a, 1, &secret_a).unwrap();
    let hash = HexBinary::from_hex(&attribute(&committed, "commitment")).unwrap();
    chain.commit_hash(&b, 1, hash.as_slice()).unwrap();
    assert_eq!(chain.commitment_of(1, &b).commitment, hash);
    chain.advance(COMMIT_SECONDS);
    let revealed = chain.reveal(&a, 1, &secret_a).unwrap();
    let out = HexBinary::from_hex(&attribute(&revealed, "secret")).unwrap();
    assert_eq!(
        chain.reveal(&b, 1, out.as_slice()).unwrap_err(),
        ContractError::CommitmentMismatch
    );
    // And no other secret opens a hash made for another provider.
    assert_ne!(
        commitment(chain.consumer.as_str(), 1, b.as_str(), &secret_a),
        hash.as_slice()
    );
    // B can only withhold, and pays for it.
    chain.advance(REVEAL_SECONDS);
    let draw = chain.draw(1);
    assert_eq!(draw.status, DrawStatus::Ready);
    assert_eq!(draw.seed, Some(expected_seed(&chain, 1, &[secret_a])));
    let stranger = chain.stranger.clone();
    assert_eq!(chain.forfeit(&stranger, 1, &b), Ok(BOND));
}

//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what a deployed oracle has stored, so each fails here first.

use cosmwasm_std::{Empty, Timestamp, Uint128};
use ctc_testkit::stored_keys_naming;

use super::*;
use crate::state::{Config, Question, CONFIG, CREATORS, QUESTIONS, QUESTION_COUNT, REPORTS};

#[test]
fn every_item_and_map_has_its_pinned_key() {
    let mut oracle = Oracle::new(execute);
    let alice = oracle.addr("alice");
    let storage = &mut oracle.deps.storage;
    CONFIG
        .save(
            storage,
            &Config {
                token: alice.clone(),
                registry: alice.clone(),
                treasury: alice.clone(),
                arbiter: alice.clone(),
                dispute_bond: Uint128::one(),
                arbitration_timeout_seconds: DAY,
                min_dispute_window_seconds: DAY,
            },
        )
        .unwrap();
    CREATORS.save(storage, &alice, &Empty {}).unwrap();
    let question = Question {
        creator: alice.clone(),
        text: "?".into(),
        outcomes: vec!["a".into(), "b".into()],
        resolve_after: Timestamp::from_seconds(1),
        deadline: Timestamp::from_seconds(2),
        reporters: None,
        quorum: 1,
        dispute_window_seconds: DAY,
        status: QuestionStatus::Open,
        tallies: vec![0; 3],
    };
    QUESTIONS.save(storage, 1, &question).unwrap();
    QUESTION_COUNT.save(storage, &1).unwrap();
    REPORTS
        .save(storage, (1, &alice), &Verdict::Outcome(0))
        .unwrap();

    assert_eq!(
        stored_keys_naming(&oracle.deps.storage, &[("alice", &alice)]),
        [
            r"\x00\x07reports\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<alice>",
            r"\x00\x08creators<alice>",
            r"\x00\x09questions\x00\x00\x00\x00\x00\x00\x00\x01",
            "config",
            "question_count",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_oracle_stores_exactly_these_keys() {
    let chain = Chain::new();
    let owner = [("owner", &chain.owner)];
    assert_eq!(
        stored_keys_naming(&chain.oracle.deps.storage, &owner),
        [
            r"\x00\x08creators<owner>",
            "config",
            "contract_info",
            "ownership"
        ]
    );
}

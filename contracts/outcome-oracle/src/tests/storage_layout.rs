//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what a deployed oracle has stored, so each fails here first.

use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};

use super::*;
use crate::state::{Config, Question, CONFIG, CREATORS, QUESTIONS, QUESTION_COUNT, REPORTS};

/// `key` with printable ASCII as is and every other byte as `\xNN`.
fn readable(key: &[u8]) -> String {
    key.iter()
        .map(|&byte| match byte {
            b'!'..=b'~' => char::from(byte).to_string(),
            _ => format!("\\x{byte:02x}"),
        })
        .collect()
}

#[test]
fn every_item_and_map_has_its_pinned_key() {
    let mut oracle = Oracle::new(execute);
    let storage = &mut oracle.deps.storage;
    let alice = Addr::unchecked("alice");
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

    let keys: Vec<String> = snapshot(&oracle.deps.storage)
        .iter()
        .map(|(key, _)| readable(key))
        .collect();
    assert_eq!(
        keys,
        [
            r"\x00\x07reports\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01alice",
            r"\x00\x08creatorsalice",
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
    let keys: Vec<String> = snapshot(&chain.oracle.deps.storage)
        .iter()
        .map(|(key, _)| readable(key).replace(chain.owner.as_str(), "<owner>"))
        .collect();
    assert_eq!(
        keys,
        [
            r"\x00\x08creators<owner>",
            "config",
            "contract_info",
            "ownership"
        ]
    );
}

//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs`, and the exact keys
//! they land on, so a renamed namespace or a changed key type fails here instead of stranding
//! stored data.

use cosmwasm_std::testing::mock_dependencies;
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use cosmwasm_std::Storage;

use crate::state::{COMMITMENTS, CONFIG, DRAWS, PROVIDERS};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::new();
    chain.join_first(2);
    chain.request(7, None).unwrap();
    let p0 = chain.p(0);
    chain.commit(&p0, 7, &secret(0)).unwrap();
    let consumer = chain.consumer.clone();
    let stored = &chain.deps.storage;
    let config = CONFIG.load(stored).unwrap();
    let draw = DRAWS.load(stored, (&consumer, 7)).unwrap();
    let committed = COMMITMENTS.load(stored, (&consumer, 7, &p0)).unwrap();
    let provider = PROVIDERS.load(stored, &p0).unwrap();

    let mut deps = mock_dependencies();
    let (pool, alice) = (deps.api.addr_make("wager-pool"), deps.api.addr_make("p0"));
    let storage = &mut deps.storage;
    CONFIG.save(storage, &config).unwrap();
    DRAWS.save(storage, (&pool, 9), &draw).unwrap();
    COMMITMENTS
        .save(storage, (&pool, 9, &alice), &committed)
        .unwrap();
    PROVIDERS.save(storage, &alice, &provider).unwrap();

    assert_eq!(
        stored_keys_naming(storage, &[("pool", &pool), ("p0", &alice)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; keys big-endian, addresses as their bytes (`\x00C`: 67 bytes).
            r"\x00\x05draws\x00C<pool>\x00\x00\x00\x00\x00\x00\x00\x09",
            r"\x00\x07commits\x00C<pool>\x00\x08\x00\x00\x00\x00\x00\x00\x00\x09<p0>",
            r"\x00\x09providers<p0>",
            // Items: the name alone.
            "config",
        ]
    );
}

/// Beside the contract's own configuration: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership"]
    );
}

/// What a draw, a commitment and a provider cost in storage: every byte is paid for at each
/// write.
#[test]
fn records_store_few_bytes() {
    let mut chain = Chain::new();
    chain.join_first(2);
    chain.request(7, None).unwrap();
    let stored = |chain: &Chain, namespace: &[u8]| {
        ctc_testkit::snapshot(&chain.deps.storage)
            .into_iter()
            .find(|(key, _)| key.starts_with(namespace))
            .map(|(_, value)| String::from_utf8(value).unwrap())
            .unwrap()
    };
    let close = chain.now().plus_seconds(COMMIT_SECONDS).nanos();
    assert_eq!(
        stored(&chain, b"\x00\x05draws"),
        format!(
            r#"{{"round":1,"commits":0,"reveals":0,"commits_close_at":"{close}","reveals_close_at":null,"mix":null}}"#
        )
    );
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.commit(&p0, 7, &secret(0)).unwrap();
    chain.commit(&p1, 7, &secret(1)).unwrap();
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p0, 7, &secret(0)).unwrap();
    let draw = stored(&chain, b"\x00\x05draws");
    assert!(draw.len() < 200, "{draw}");
    let consumer = chain.consumer.clone();
    let key = COMMITMENTS.key((&consumer, 7, &p0));
    let committed = String::from_utf8(chain.deps.storage.get(&key).unwrap()).unwrap();
    assert!(
        committed.starts_with(r#"{"round":1,"hash":""#)
            && committed.ends_with(r#"","state":"revealed"}"#),
        "{committed}"
    );
    // The hash in base64: 44 characters.
    assert_eq!(
        committed.len(),
        r#"{"round":1,"hash":"","state":"revealed"}"#.len() + 44
    );
    let provider = chain.deps.storage.get(&PROVIDERS.key(&p0)).unwrap();
    assert_eq!(
        String::from_utf8(provider).unwrap(),
        format!(r#"{{"bond":"{BOND}","pending":0,"standing":"active"}}"#)
    );
}

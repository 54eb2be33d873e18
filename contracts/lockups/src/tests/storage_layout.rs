//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs`, and the exact keys
//! they land on, so a renamed namespace or a changed key type fails here instead of stranding
//! stored data.

use cosmwasm_std::testing::mock_dependencies;
use cosmwasm_std::Empty;
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::state::{BENEFICIARY_GRANTS, CONFIG, GRANTS, TOKEN, TOTALS};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), chain.at(0), chain.at(1)),
            true,
        )
        .unwrap();
    let stored = &chain.deps.storage;
    let config = CONFIG.load(stored).unwrap();
    let token = TOKEN.load(stored).unwrap();
    let totals = TOTALS.load(stored).unwrap();
    let grant = GRANTS.load(stored, 1).unwrap();

    let mut deps = mock_dependencies();
    let alice = deps.api.addr_make("alice");
    let storage = &mut deps.storage;
    CONFIG.save(storage, &config).unwrap();
    TOKEN.save(storage, &token).unwrap();
    TOTALS.save(storage, &totals).unwrap();
    GRANTS.save(storage, 7, &grant).unwrap();
    BENEFICIARY_GRANTS
        .save(storage, (&alice, 7), &Empty {})
        .unwrap();

    assert_eq!(
        stored_keys_naming(storage, &[("alice", &alice)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; ids big-endian, addresses as their bytes (`\x00C`: 67 bytes).
            r"\x00\x06grants\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x08grantees\x00C<alice>\x00\x00\x00\x00\x00\x00\x00\x07",
            // Items: the name alone.
            "config",
            "token",
            "totals",
        ]
    );
}

/// Beside the contract's own (`config` from instantiate on): cw2 and cw-ownable. The token
/// appears once set.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::bare();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership", "totals"]
    );
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership", "token", "totals"]
    );
}

/// What a grant costs in storage: its record and its index entry, which holds nothing.
#[test]
fn a_grant_stores_few_bytes() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), chain.at(YEAR), chain.at(4 * YEAR)),
            false,
        )
        .unwrap();
    let stored = ctc_testkit::snapshot(&chain.deps.storage);
    let value = |namespace: &[u8]| {
        stored
            .iter()
            .find(|(key, _)| key.starts_with(namespace))
            .map(|(_, value)| String::from_utf8(value.clone()).unwrap())
            .unwrap()
    };
    assert_eq!(value(b"\x00\x08grantees"), "{}");
    assert_eq!(
        value(b"config"),
        format!(r#"{{"locked_until":"{}"}}"#, chain.locked_until.nanos())
    );
    let grant = value(b"\x00\x06grants");
    assert_eq!(
        grant,
        format!(
            r#"{{"beneficiary":"{alice}","amount":"{CTC}","schedule":{{"linear":{{"start":"{}","cliff":"{}","end":"{}"}}}},"revocable":false,"claimed":"0","revoked_at":null}}"#,
            chain.at(0).nanos(),
            chain.at(YEAR).nanos(),
            chain.at(4 * YEAR).nanos()
        )
    );
    assert_eq!(
        value(b"totals"),
        format!(
            r#"{{"booked":"{BUCKET}","unallocated":"{}","outstanding":"{CTC}","claimed":"0","grants":1}}"#,
            BUCKET - CTC
        )
    );
}

//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs`, and the exact keys
//! they land on, so a renamed namespace or a changed key type fails here instead of stranding
//! stored data.

use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    let account = chain.created(&fan, &fan);
    assert_eq!(
        stored_keys_naming(&chain.deps.storage, &[("fan", &fan), ("acct", &account)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; addresses as their bytes (`\x00C`: 67 bytes).
            r"\x00\x08accounts<acct>",
            r"\x00\x0bby_operator\x00C<fan><acct>",
            // Items: the name alone; then cw2's and cw-ownable's.
            "config",
            "contract_info",
            "ownership",
        ]
    );
}

/// What a record costs: every byte is paid for at each write.
#[test]
fn records_store_few_bytes() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    chain.created(&fan, &fan);
    let stored = |namespace: &[u8]| {
        ctc_testkit::snapshot(&chain.deps.storage)
            .into_iter()
            .find(|(key, _)| key.starts_with(namespace))
            .map(|(_, value)| String::from_utf8(value).unwrap())
            .unwrap()
    };
    let created_at = chain.env.block.time.nanos();
    assert_eq!(
        stored(b"\x00\x08accounts"),
        format!(
            r#"{{"operator":"{fan}","created_by":"{fan}","created_at":"{created_at}","code_id":{CODE_ID}}}"#
        )
    );
    assert_eq!(stored(b"\x00\x0bby_operator"), "null");
}

#[test]
fn an_instantiated_factory_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership"]
    );
}

//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs`, and the exact keys
//! they land on, so a renamed namespace or a changed key type fails here instead of stranding
//! stored data.

use cosmwasm_std::testing::mock_dependencies;
use cosmwasm_std::Empty;
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::state::{CLAIMED, CONFIG, ENTRIES, ROUNDS, TOTALS};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::funded();
    let org = chain.addr("org");
    let (round_id, tree) = chain.open(&[(&org, CTC)], false);
    chain.claim(round_id, &org, CTC, &tree.proofs[0]).unwrap();
    let stored = &chain.deps.storage;
    let config = CONFIG.load(stored).unwrap();
    let totals = TOTALS.load(stored).unwrap();
    let entry = ENTRIES.load(stored, 2).unwrap();
    let round = ROUNDS.load(stored, 1).unwrap();

    let mut deps = mock_dependencies();
    let alice = deps.api.addr_make("alice");
    let storage = &mut deps.storage;
    CONFIG.save(storage, &config).unwrap();
    TOTALS.save(storage, &totals).unwrap();
    ENTRIES.save(storage, 7, &entry).unwrap();
    ROUNDS.save(storage, 7, &round).unwrap();
    CLAIMED.save(storage, (7, &alice), &Empty {}).unwrap();

    assert_eq!(
        stored_keys_naming(storage, &[("alice", &alice)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; ids big-endian, addresses as their bytes.
            r"\x00\x01c\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07<alice>",
            r"\x00\x01e\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x01r\x00\x00\x00\x00\x00\x00\x00\x07",
            // Items: the name alone.
            "config",
            "totals",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership", "totals"]
    );
}

/// Entries are the bulk of the storage: each is a few dozen bytes beside its texts.
#[test]
fn ledger_entries_are_compact() {
    let mut chain = Chain::funded();
    let (owner, org, school) = (chain.owner.clone(), chain.addr("org"), chain.addr("school"));
    let (round_id, tree) = chain.open(&[(&org, CTC)], false);
    chain.claim(round_id, &org, CTC, &tree.proofs[0]).unwrap();
    chain
        .run(
            &owner,
            ExecuteMsg::Disburse {
                recipient: school.to_string(),
                amount: Uint128::new(2 * CTC),
                purpose: "lessons".into(),
                evidence_digest: digest(0xcd),
            },
        )
        .unwrap();
    let stored = ctc_testkit::snapshot(&chain.deps.storage);
    let value = |key: &[u8]| {
        stored
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| String::from_utf8(v.clone()).unwrap())
            .unwrap()
    };
    let entry_key = |id: u64| [b"\x00\x01e".as_slice(), &id.to_be_bytes()].concat();
    let at = chain.env.block.time.seconds();
    assert_eq!(
        value(&entry_key(1)),
        format!(r#"{{"k":"r","a":"{GENESIS}","t":{at},"n":"genesis"}}"#)
    );
    assert_eq!(
        value(&entry_key(2)),
        format!(r#"{{"k":"c","a":"{CTC}","t":{at},"p":"{org}","r":1}}"#)
    );
    let digest_base64 = cosmwasm_std::Binary::from(HexBinary::from_hex(&digest(0xcd)).unwrap());
    assert_eq!(
        value(&entry_key(3)),
        format!(
            r#"{{"k":"d","a":"{}","t":{at},"p":"{school}","n":"lessons","d":"{digest_base64}"}}"#,
            2 * CTC
        )
    );
    // A claim's mark holds nothing but its key.
    let claimed_key = [
        b"\x00\x01c\x00\x08".as_slice(),
        &1u64.to_be_bytes(),
        org.as_bytes(),
    ]
    .concat();
    assert_eq!(value(&claimed_key), "{}");
}

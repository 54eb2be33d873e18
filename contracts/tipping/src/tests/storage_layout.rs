//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what a deployed tipping contract has stored, so each fails here first.

use cosmwasm_std::{Empty, Timestamp};

use super::*;
use crate::msg::TipRecord;
use crate::state::{
    Config, Totals, CONFIG, CONTEXT_TOTALS, NATIVE_DENOMS, RECEIVED, RECENT, RECIPIENT_TOTALS,
    TIPPER_TOTALS, TOP, VERIFIED_KINDS,
};

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
    let mut tipping = Tipping::new(execute);
    let storage = &mut tipping.deps.storage;
    let alice = Addr::unchecked("alice");
    let config = Config {
        token: alice.clone(),
        registry: alice.clone(),
        treasury: alice.clone(),
        fee: BasisPoints::ZERO,
        min_ctc_tip: Uint128::one(),
    };
    CONFIG.save(storage, &config).unwrap();
    NATIVE_DENOMS
        .save(storage, NATIVE, &Uint128::one())
        .unwrap();
    VERIFIED_KINDS.save(storage, "event", &Empty {}).unwrap();
    let totals = Totals::default();
    RECIPIENT_TOTALS
        .save(storage, (&alice, NATIVE), &totals)
        .unwrap();
    TIPPER_TOTALS
        .save(storage, (&alice, NATIVE), &totals)
        .unwrap();
    CONTEXT_TOTALS
        .save(storage, ("event:7", NATIVE), &totals)
        .unwrap();
    RECEIVED.save(storage, &alice, &4).unwrap();
    let tip = TipRecord {
        from: alice.clone(),
        to: alice.clone(),
        denom: NATIVE.into(),
        amount: Uint128::one(),
        fee: Uint128::zero(),
        memo: None,
        context: None,
        time: Timestamp::from_seconds(1),
    };
    RECENT.save(storage, (&alice, 3), &tip).unwrap();
    TOP.save(storage, NATIVE, &vec![(alice, Uint128::one())])
        .unwrap();

    let keys: Vec<String> = snapshot(&tipping.deps.storage)
        .iter()
        .map(|(key, _)| readable(key))
        .collect();
    assert_eq!(
        keys,
        [
            r"\x00\x03topustake",
            r"\x00\x06denomsustake",
            r"\x00\x06recent\x00\x05alice\x00\x00\x00\x00\x00\x00\x00\x03",
            r"\x00\x08receivedalice",
            r"\x00\x0dtipper_totals\x00\x05aliceustake",
            r"\x00\x0econtext_totals\x00\x07event:7ustake",
            r"\x00\x0everified_kindsevent",
            r"\x00\x10recipient_totals\x00\x05aliceustake",
            "config",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    let keys: Vec<String> = snapshot(&chain.tipping.deps.storage)
        .iter()
        .map(|(key, _)| readable(key))
        .collect();
    assert_eq!(
        keys,
        [
            r"\x00\x06denomsustake",
            "config",
            "contract_info",
            "ownership"
        ]
    );
}

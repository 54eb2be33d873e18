//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what a deployed tipping contract has stored, so each fails here first.

use cosmwasm_std::{Empty, Timestamp};
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::msg::TipRecord;
use crate::state::{
    Config, Totals, CONFIG, CONTEXT_TOTALS, NATIVE_DENOMS, RECEIVED, RECENT, RECIPIENT_TOTALS,
    TIPPER_TOTALS, TOP, VERIFIED_KINDS,
};

#[test]
fn every_item_and_map_has_its_pinned_key() {
    let mut tipping = Tipping::new(execute);
    let alice = tipping.addr("alice");
    let storage = &mut tipping.deps.storage;
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
    TOP.save(storage, NATIVE, &vec![(alice.clone(), Uint128::one())])
        .unwrap();

    // `<alice>` is alice's address, 67 bytes long: `\x00C` in front of it when a part follows.
    assert_eq!(
        stored_keys_naming(&tipping.deps.storage, &[("alice", &alice)]),
        [
            r"\x00\x03topustake",
            r"\x00\x06denomsustake",
            r"\x00\x06recent\x00C<alice>\x00\x00\x00\x00\x00\x00\x00\x03",
            r"\x00\x08received<alice>",
            r"\x00\x0dtipper_totals\x00C<alice>ustake",
            r"\x00\x0econtext_totals\x00\x07event:7ustake",
            r"\x00\x0everified_kindsevent",
            r"\x00\x10recipient_totals\x00C<alice>ustake",
            "config",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.tipping.deps.storage),
        [
            r"\x00\x06denomsustake",
            "config",
            "contract_info",
            "ownership"
        ]
    );
}

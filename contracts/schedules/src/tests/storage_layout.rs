//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs`, and the exact keys
//! they land on, so a renamed namespace or a changed key type fails here instead of stranding
//! stored data.

use cosmwasm_std::testing::mock_dependencies;
use cosmwasm_std::Empty;
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::state::{
    BOOKINGS, BOOKING_COUNT, CITY_SLOTS, CONFIG, CONFIRMED, HALLS, HALL_COUNT, SLOTS, SLOT_COUNT,
    TOUR, VENUES, VENUE_COUNT,
};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    // Stored values of every type, as the contract writes them.
    let mut chain = Chain::with_venue();
    chain.confirmed(1, 10, 12, 0);
    let stored = &chain.deps.storage;
    let config = CONFIG.load(stored).unwrap();
    let venue = VENUES.load(stored, 1).unwrap();
    let hall = HALLS.load(stored, 1).unwrap();
    let slot = SLOTS.load(stored, 1).unwrap();
    let booking = BOOKINGS.load(stored, 1).unwrap();

    // One entry each in empty storage, under short keys that read well escaped.
    let mut deps = mock_dependencies();
    let alice = deps.api.addr_make("alice");
    let storage = &mut deps.storage;
    CONFIG.save(storage, &config).unwrap();
    for count in [VENUE_COUNT, HALL_COUNT, SLOT_COUNT, BOOKING_COUNT] {
        count.save(storage, &7).unwrap();
    }
    VENUES.save(storage, 7, &venue).unwrap();
    HALLS.save(storage, 7, &hall).unwrap();
    SLOTS.save(storage, 7, &slot).unwrap();
    CITY_SLOTS.save(storage, ("SH", 1, 7), &Empty {}).unwrap();
    BOOKINGS.save(storage, 7, &booking).unwrap();
    CONFIRMED.save(storage, (7, 1), &(2, 7)).unwrap();
    TOUR.save(storage, (&alice, 7), &Empty {}).unwrap();

    assert_eq!(
        stored_keys_naming(storage, &[("alice", &alice)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; integers big-endian, strings and addresses as their bytes (`<alice>`
            // is alice's address, 67 bytes long: `\x00C` in front of it).
            r"\x00\x04tour\x00C<alice>\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x05halls\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x05slots\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x06venues\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x08bookings\x00\x00\x00\x00\x00\x00\x00\x07",
            // A hall's confirmed bookings: hall id, then the start in nanoseconds.
            r"\x00\x09confirmed\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01",
            // City, start in nanoseconds, slot id.
            r"\x00\x0acity_slots\x00\x02SH\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x07",
            // Items: the name alone.
            "booking_count",
            "config",
            "hall_count",
            "slot_count",
            "venue_count",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.deps.storage),
        ["config", "contract_info", "ownership"]
    );
}

/// What one confirmed booking costs in storage: its record, the slot's, the calendar entry and
/// the tour entry (the venue and hall were there before).
#[test]
fn a_confirmed_booking_stores_few_bytes() {
    let mut chain = Chain::with_venue();
    chain.confirmed(1, 10, 12, 0);
    let stored = ctc_testkit::snapshot(&chain.deps.storage);
    let value = |namespace: &[u8]| {
        stored
            .iter()
            .find(|(key, _)| key.starts_with(namespace))
            .map(|(_, value)| String::from_utf8(value.clone()).unwrap())
            .unwrap()
    };
    // (end in nanoseconds, booking id).
    assert_eq!(
        value(b"\x00\x09confirmed"),
        format!("[{},1]", chain.at(12).nanos())
    );
    assert_eq!(value(b"\x00\x04tour"), "{}");
}

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp};
use cw_storage_plus::{Item, Map};

use crate::msg::{BookingStatus, BookingTerms, Party};

#[cw_serde]
pub struct Config {
    pub registry: Addr,
    pub ticket_nft: Option<Addr>,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The last id handed out of each kind; the first is 1.
pub const VENUE_COUNT: Item<u64> = Item::new("venue_count");
pub const HALL_COUNT: Item<u64> = Item::new("hall_count");
pub const SLOT_COUNT: Item<u64> = Item::new("slot_count");
pub const BOOKING_COUNT: Item<u64> = Item::new("booking_count");

#[cw_serde]
pub struct Venue {
    /// The theater that registered it: the only one who may add halls and publish slots.
    pub owner: Addr,
    pub name: String,
    pub city: String,
    pub address_digest: String,
    /// At most `MAX_HALLS`, so reading them all is bounded.
    pub halls: Vec<u64>,
}

pub const VENUES: Map<u64, Venue> = Map::new("venues");

#[cw_serde]
pub struct Hall {
    pub venue_id: u64,
    pub name: String,
    pub capacity: u32,
}

pub const HALLS: Map<u64, Hall> = Map::new("halls");

#[cw_serde]
pub struct Slot {
    /// Kept beside the hall so the owner check and the city index need no hall read.
    pub venue_id: u64,
    pub hall_id: u64,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub terms: BookingTerms,
    /// The confirmed booking of this slot: while set the slot is neither free nor withdrawable.
    pub booking: Option<u64>,
}

pub const SLOTS: Map<u64, Slot> = Map::new("slots");
/// (city, start in nanoseconds, slot id): published slots by city and time, for `free_slots`.
pub const CITY_SLOTS: Map<(&str, u64, u64), Empty> = Map::new("city_slots");

#[cw_serde]
pub struct Booking {
    pub slot_id: u64,
    pub hall_id: u64,
    pub venue_id: u64,
    pub requester: Addr,
    /// Copied from the slot, so the booking reads alone once the slot is gone.
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub status: BookingStatus,
    pub terms: BookingTerms,
    pub cancel_proposed_by: Option<Party>,
    pub event_id: Option<u64>,
}

pub const BOOKINGS: Map<u64, Booking> = Map::new("bookings");
/// (hall, start in nanoseconds) → (end in nanoseconds, booking id): the Confirmed bookings of
/// each hall, disjoint, so an overlap is found with two one-entry reads next to the new start.
pub const CONFIRMED: Map<(u64, u64), (u64, u64)> = Map::new("confirmed");
/// (requester, booking id): a requester's bookings, for `tour`.
pub const TOUR: Map<(&Addr, u64), Empty> = Map::new("tour");

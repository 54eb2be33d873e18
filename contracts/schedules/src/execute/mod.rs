//! The execute handlers, one module per kind of record, and the loads and checks they share.

pub mod admin;
pub mod bookings;
pub mod slots;
pub mod venues;

use cosmwasm_std::{Addr, StdResult, Storage};
use cw_storage_plus::Item;

use crate::error::ContractError;
use crate::state::{Booking, Venue, BOOKINGS, VENUES};

/// The next id of a kind: ids start at 1, so 0 never names anything.
pub fn next_id(storage: &mut dyn Storage, count: &Item<u64>) -> StdResult<u64> {
    let id = count.may_load(storage)?.unwrap_or_default() + 1;
    count.save(storage, &id)?;
    Ok(id)
}

pub fn load_venue(storage: &dyn Storage, venue_id: u64) -> Result<Venue, ContractError> {
    VENUES
        .may_load(storage, venue_id)?
        .ok_or(ContractError::UnknownVenue { venue_id })
}

/// The venue, if `sender` owns it.
pub fn owned_venue(
    storage: &dyn Storage,
    venue_id: u64,
    sender: &Addr,
) -> Result<Venue, ContractError> {
    let venue = load_venue(storage, venue_id)?;
    if venue.owner != *sender {
        return Err(ContractError::NotVenueOwner { venue_id });
    }
    Ok(venue)
}

pub fn load_booking(storage: &dyn Storage, booking_id: u64) -> Result<Booking, ContractError> {
    BOOKINGS
        .may_load(storage, booking_id)?
        .ok_or(ContractError::UnknownBooking { booking_id })
}

//! The execute handlers, one module per kind of record, and the loads and checks they share.

pub mod admin;
pub mod bookings;
pub mod slots;
pub mod venues;

use cosmwasm_std::{Addr, QuerierWrapper, StdResult, Storage};
use ctc_interfaces::registry::{
    Capability, CapabilityResponse, Denial, PartnerKind, PartnerStatusResponse, RegistryQueryMsg,
};
use cw_storage_plus::Item;

use crate::error::ContractError;
use crate::msg::BookingStatus;
use crate::state::{Booking, Venue, BOOKINGS, CONFIRMED, SLOTS, VENUES};

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

/// The registry's word that `address` is an admitted, Active partner of kind Theater: one
/// `partner_status` query. Asked whenever a theater registers a venue or acts on one, so a
/// theater suspended or revoked later stops adding halls, publishing and accepting.
pub fn ensure_active_theater(
    querier: QuerierWrapper,
    registry: &Addr,
    address: &Addr,
) -> Result<(), ContractError> {
    let status: PartnerStatusResponse = querier.query_wasm_smart(
        registry,
        &RegistryQueryMsg::PartnerStatus {
            address: address.to_string(),
        },
    )?;
    let address = address.to_string();
    if !status.admitted {
        return Err(ContractError::NotAPartner { address });
    }
    if !status.active {
        return Err(ContractError::PartnerNotActive { address });
    }
    if status.kind != Some(PartnerKind::Theater) {
        return Err(ContractError::NotATheater { address });
    }
    Ok(())
}

/// The registry's word that `address` may issue tickets: one `has_capability` query, refused
/// with the registry's reason.
pub fn ensure_can_issue(
    querier: QuerierWrapper,
    registry: &Addr,
    address: &Addr,
) -> Result<(), ContractError> {
    let answer: CapabilityResponse = querier.query_wasm_smart(
        registry,
        &RegistryQueryMsg::HasCapability {
            address: address.to_string(),
            capability: Capability::IssueTickets,
        },
    )?;
    if !answer.allowed {
        return Err(ContractError::CannotIssueTickets {
            address: address.to_string(),
            reason: answer.reason.unwrap_or(Denial::NotGranted),
        });
    }
    Ok(())
}

/// Ends a Confirmed booking: it becomes Cancelled, leaves its hall's calendar and frees its slot,
/// which can be requested and booked again. Writes only; the caller checked everything.
pub fn cancel_confirmed(
    storage: &mut dyn Storage,
    booking_id: u64,
    mut booking: Booking,
) -> Result<(), ContractError> {
    booking.status = BookingStatus::Cancelled;
    CONFIRMED.remove(storage, (booking.hall_id, booking.starts_at.nanos()));
    if let Some(mut slot) = SLOTS.may_load(storage, booking.slot_id)? {
        slot.booking = None;
        SLOTS.save(storage, booking.slot_id, &slot)?;
    }
    BOOKINGS.save(storage, booking_id, &booking)?;
    Ok(())
}

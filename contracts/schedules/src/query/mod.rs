//! The query handlers. Every list is paged: a page reads at most `MAX_PAGE_LIMIT` entries (and
//! `free_slots` at most `MAX_FREE_SLOTS_SCANNED` slots), each with a bounded number of reads.

use cosmwasm_std::{Deps, Env, Order, StdResult, Timestamp};
use ctc_conventions::paging::{page, page_limit};
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::bookings::overlapping;
use crate::execute::load_venue;
use crate::msg::{
    BookingResponse, BookingStatus, CalendarEntry, CalendarResponse, ConfigResponse,
    FreeSlotsResponse, HallResponse, SlotCursor, SlotResponse, TourResponse, VenueResponse,
};
use crate::state::{Slot, BOOKINGS, CITY_SLOTS, CONFIG, CONFIRMED, HALLS, SLOTS, TOUR};

/// Slots a `free_slots` page reads at most, kept or not. Each costs up to three reads (the slot
/// and, if no booking of its own holds it, the two calendar entries around its start), so the
/// bound is half the platform's 200 one-read entries.
pub const MAX_FREE_SLOTS_SCANNED: usize = 100;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        registry: config.registry,
        ticket_nft: config.ticket_nft,
    })
}

pub fn venue(deps: Deps, venue_id: u64) -> Result<VenueResponse, ContractError> {
    let venue = load_venue(deps.storage, venue_id)?;
    // At most MAX_HALLS reads.
    let halls = venue
        .halls
        .iter()
        .map(|&hall_id| {
            HALLS.load(deps.storage, hall_id).map(|hall| HallResponse {
                hall_id,
                name: hall.name,
                capacity: hall.capacity,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(VenueResponse {
        venue_id,
        owner: venue.owner,
        name: venue.name,
        city: venue.city,
        address_digest: venue.address_digest,
        halls,
    })
}

fn slot_response(slot_id: u64, slot: Slot) -> SlotResponse {
    SlotResponse {
        slot_id,
        venue_id: slot.venue_id,
        hall_id: slot.hall_id,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        terms: slot.terms,
        booking_id: slot.booking,
    }
}

pub fn slot(deps: Deps, slot_id: u64) -> Result<SlotResponse, ContractError> {
    let slot = SLOTS
        .may_load(deps.storage, slot_id)?
        .ok_or(ContractError::UnknownSlot { slot_id })?;
    Ok(slot_response(slot_id, slot))
}

pub fn hall_calendar(
    deps: Deps,
    hall_id: u64,
    from: Timestamp,
    to: Timestamp,
    start_after: Option<Timestamp>,
    limit: Option<u32>,
) -> Result<CalendarResponse, ContractError> {
    if !HALLS.has(deps.storage, hall_id) {
        return Err(ContractError::UnknownHall { hall_id });
    }
    let lower = match start_after {
        Some(after) if after >= from => Bound::exclusive(after.nanos()),
        _ => Bound::inclusive(from.nanos()),
    };
    let calendar = CONFIRMED.prefix(hall_id);
    // A first page begins with the booking still running at `from`, if one started before it:
    // bookings of a hall are disjoint, so only the last one starting before `from` can.
    let running = if start_after.is_none() && from < to {
        calendar
            .range(
                deps.storage,
                None,
                Some(Bound::exclusive(from.nanos())),
                Order::Descending,
            )
            .next()
            .transpose()?
            .filter(|&(_, (ends, _))| ends > from.nanos())
    } else {
        None
    };
    let entries = calendar.range(
        deps.storage,
        Some(lower),
        Some(Bound::exclusive(to.nanos())),
        Order::Ascending,
    );
    let entries = running.map(Ok).into_iter().chain(entries);
    let bookings = page(entries, limit, |(starts, (ends, booking_id))| {
        let booking = BOOKINGS.load(deps.storage, booking_id)?;
        Ok(CalendarEntry {
            booking_id,
            starts_at: Timestamp::from_nanos(starts),
            ends_at: Timestamp::from_nanos(ends),
            requester: booking.requester,
            event_id: booking.event_id,
        })
    })?;
    Ok(CalendarResponse { bookings })
}

pub fn free_slots(
    deps: Deps,
    env: &Env,
    city: String,
    from: Timestamp,
    to: Timestamp,
    start_after: Option<SlotCursor>,
    limit: Option<u32>,
) -> Result<FreeSlotsResponse, ContractError> {
    let limit = page_limit(limit)?;
    // A slot starting at the block time has started: it takes no request any more.
    let first = from.nanos().max(env.block.time.nanos().saturating_add(1));
    let lower = match start_after {
        Some(after) if after.starts_at.nanos() >= first => {
            Bound::exclusive((after.starts_at.nanos(), after.slot_id))
        }
        // Slot ids start at 1: (first, 0) comes before every slot starting at `first`.
        _ => Bound::inclusive((first, 0)),
    };
    let entries = CITY_SLOTS.sub_prefix(city.as_str()).range(
        deps.storage,
        Some(lower),
        Some(Bound::exclusive((to.nanos(), 0))),
        Order::Ascending,
    );
    let mut slots = Vec::with_capacity(limit);
    let mut last_read = None;
    for (scanned, entry) in entries.enumerate() {
        if slots.len() == limit || scanned == MAX_FREE_SLOTS_SCANNED {
            return Ok(FreeSlotsResponse {
                slots,
                next: last_read,
            });
        }
        let ((starts, slot_id), _) = entry?;
        let slot = SLOTS.load(deps.storage, slot_id)?;
        // Held by its own booking, or by another slot's overlapping booking of the same hall
        // (accepting a request on it would be refused with `HallTaken`).
        let free = slot.booking.is_none()
            && overlapping(
                deps.storage,
                slot.hall_id,
                slot.starts_at.nanos(),
                slot.ends_at.nanos(),
            )?
            .is_none();
        if free {
            slots.push(slot_response(slot_id, slot));
        }
        last_read = Some(SlotCursor {
            starts_at: Timestamp::from_nanos(starts),
            slot_id,
        });
    }
    Ok(FreeSlotsResponse { slots, next: None })
}

pub fn tour(
    deps: Deps,
    requester: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<TourResponse, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let ids = TOUR.prefix(&requester).keys(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let mut bookings = vec![];
    for booking_id in page(ids, limit, Ok)? {
        bookings.push(booking(deps, booking_id)?);
    }
    Ok(TourResponse { bookings })
}

pub fn booking(deps: Deps, booking_id: u64) -> Result<BookingResponse, ContractError> {
    let booking = crate::execute::load_booking(deps.storage, booking_id)?;
    let venue = load_venue(deps.storage, booking.venue_id)?;
    let hall = HALLS.load(deps.storage, booking.hall_id)?;
    Ok(BookingResponse {
        booking_id,
        slot_id: booking.slot_id,
        venue_id: booking.venue_id,
        hall_id: booking.hall_id,
        venue_name: venue.name,
        hall_name: hall.name,
        city: venue.city,
        capacity: hall.capacity,
        requester: booking.requester,
        starts_at: booking.starts_at,
        ends_at: booking.ends_at,
        status: booking.status,
        // Not stored: the status tells them. Asking is the requester's confirmation, taken back
        // only by withdrawing; the theater's is its acceptance.
        theater_confirmed: matches!(
            booking.status,
            BookingStatus::Confirmed | BookingStatus::Cancelled
        ),
        requester_confirmed: booking.status != BookingStatus::Withdrawn,
        terms: booking.terms,
        cancel_proposed_by: booking.cancel_proposed_by,
        event_id: booking.event_id,
    })
}

use cosmwasm_std::{
    Addr, Attribute, Deps, DepsMut, Empty, Env, MessageInfo, Order, Response, StdResult, Storage,
    Timestamp,
};
use ctc_interfaces::tickets::{EventStatus, EventSummary, TicketQueryMsg};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::{
    cancel_confirmed, ensure_active_theater, ensure_can_issue, load_booking, load_venue, next_id,
    owned_venue,
};
use crate::msg::{BookingStatus, BookingTerms, Party};
use crate::state::{Booking, BOOKINGS, BOOKING_COUNT, CONFIG, CONFIRMED, SLOTS, TOUR};

pub fn request_booking(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    slot_id: u64,
) -> Result<Response, ContractError> {
    let slot = SLOTS
        .may_load(deps.storage, slot_id)?
        .ok_or(ContractError::UnknownSlot { slot_id })?;
    let venue = load_venue(deps.storage, slot.venue_id)?;
    if venue.owner == info.sender {
        return Err(ContractError::OwnSlot);
    }
    if slot.starts_at <= env.block.time {
        return Err(ContractError::SlotStarted { slot_id });
    }
    if let Some(booking_id) = slot.booking {
        return Err(ContractError::SlotBooked { booking_id });
    }
    // What acceptance would refuse is refused now, so no request waits that can never be met.
    ensure_outside_notice(env.block.time, &slot.terms, slot.starts_at)?;
    let (start, end) = (slot.starts_at.nanos(), slot.ends_at.nanos());
    if let Some(other) = overlapping(deps.storage, slot.hall_id, start, end)? {
        return Err(ContractError::HallTaken { booking_id: other });
    }
    let registry = CONFIG.load(deps.storage)?.registry;
    ensure_can_issue(deps.querier, &registry, &info.sender)?;
    let booking_id = next_id(deps.storage, &BOOKING_COUNT)?;
    let booking = Booking {
        slot_id,
        hall_id: slot.hall_id,
        venue_id: slot.venue_id,
        requester: info.sender.clone(),
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        status: BookingStatus::Requested,
        terms: slot.terms,
        cancel_proposed_by: None,
        event_id: None,
    };
    BOOKINGS.save(deps.storage, booking_id, &booking)?;
    TOUR.save(deps.storage, (&info.sender, booking_id), &Empty {})?;
    Ok(Response::new()
        .add_attribute("action", "request_booking")
        .add_attribute("booking_id", booking_id.to_string())
        .add_attribute("slot_id", slot_id.to_string())
        .add_attribute("requester", info.sender))
}

/// Accepted inside the notice, the requester would be bound at once, unable to leave alone.
fn ensure_outside_notice(
    now: Timestamp,
    terms: &BookingTerms,
    starts_at: Timestamp,
) -> Result<(), ContractError> {
    let notice_seconds = terms.cancel_notice_seconds;
    if now.plus_seconds(notice_seconds) > starts_at {
        return Err(ContractError::InsideNotice { notice_seconds });
    }
    Ok(())
}

/// The Confirmed booking of `hall` that overlaps [`start`, `end`) (nanoseconds), if any. The
/// confirmed intervals of a hall are disjoint, so only two can: the last one starting at or
/// before `start` (if it ends after `start`) and the first one starting in [`start`, `end`).
/// Two one-entry reads, however full the calendar. Touching ends do not overlap.
pub fn overlapping(
    storage: &dyn Storage,
    hall_id: u64,
    start: u64,
    end: u64,
) -> StdResult<Option<u64>> {
    let calendar = CONFIRMED.prefix(hall_id);
    let before = calendar
        .range(
            storage,
            None,
            Some(Bound::inclusive(start)),
            Order::Descending,
        )
        .next()
        .transpose()?;
    if let Some((_, (ends, booking_id))) = before {
        if ends > start {
            return Ok(Some(booking_id));
        }
    }
    let after = calendar
        .range(
            storage,
            Some(Bound::inclusive(start)),
            Some(Bound::exclusive(end)),
            Order::Ascending,
        )
        .next()
        .transpose()?;
    Ok(after.map(|(_, (_, booking_id))| booking_id))
}

pub fn accept_booking(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    booking_id: u64,
) -> Result<Response, ContractError> {
    let mut booking = load_booking(deps.storage, booking_id)?;
    owned_venue(deps.storage, booking.venue_id, &info.sender)?;
    if booking.status != BookingStatus::Requested {
        return Err(ContractError::NotRequested {
            status: booking.status,
        });
    }
    let slot_id = booking.slot_id;
    let mut slot = SLOTS
        .may_load(deps.storage, slot_id)?
        .ok_or(ContractError::SlotWithdrawn { slot_id })?;
    let now = env.block.time;
    if booking.starts_at <= now {
        return Err(ContractError::SlotStarted { slot_id });
    }
    ensure_outside_notice(now, &booking.terms, booking.starts_at)?;
    let (start, end) = (booking.starts_at.nanos(), booking.ends_at.nanos());
    if let Some(other) = overlapping(deps.storage, booking.hall_id, start, end)? {
        return Err(ContractError::HallTaken { booking_id: other });
    }
    // Both sides as the registry knows them now, not as when the venue was registered and the
    // request sent: one query each.
    let registry = CONFIG.load(deps.storage)?.registry;
    ensure_active_theater(deps.querier, &registry, &info.sender)?;
    ensure_can_issue(deps.querier, &registry, &booking.requester)?;
    CONFIRMED.save(deps.storage, (booking.hall_id, start), &(end, booking_id))?;
    slot.booking = Some(booking_id);
    SLOTS.save(deps.storage, slot_id, &slot)?;
    booking.status = BookingStatus::Confirmed;
    BOOKINGS.save(deps.storage, booking_id, &booking)?;
    Ok(Response::new()
        .add_attribute("action", "accept_booking")
        .add_attribute("booking_id", booking_id.to_string())
        .add_attribute("hall_id", booking.hall_id.to_string())
        .add_attribute("requester", booking.requester))
}

/// Ends a booking still awaiting the theater's answer; it never held the hall.
fn close_request(
    storage: &mut dyn Storage,
    booking_id: u64,
    mut booking: Booking,
    status: BookingStatus,
) -> Result<Response, ContractError> {
    if booking.status != BookingStatus::Requested {
        return Err(ContractError::NotRequested {
            status: booking.status,
        });
    }
    booking.status = status;
    BOOKINGS.save(storage, booking_id, &booking)?;
    let action = match status {
        BookingStatus::Declined => "decline_booking",
        _ => "withdraw_request",
    };
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("booking_id", booking_id.to_string()))
}

pub fn decline_booking(
    deps: DepsMut,
    info: MessageInfo,
    booking_id: u64,
) -> Result<Response, ContractError> {
    let booking = load_booking(deps.storage, booking_id)?;
    owned_venue(deps.storage, booking.venue_id, &info.sender)?;
    close_request(deps.storage, booking_id, booking, BookingStatus::Declined)
}

pub fn withdraw_request(
    deps: DepsMut,
    info: MessageInfo,
    booking_id: u64,
) -> Result<Response, ContractError> {
    let booking = load_booking(deps.storage, booking_id)?;
    if booking.requester != info.sender {
        return Err(ContractError::NotRequester);
    }
    close_request(deps.storage, booking_id, booking, BookingStatus::Withdrawn)
}

/// Which side of `booking` `sender` is.
fn party(storage: &dyn Storage, booking: &Booking, sender: &Addr) -> Result<Party, ContractError> {
    if booking.requester == *sender {
        return Ok(Party::Requester);
    }
    if load_venue(storage, booking.venue_id)?.owner == *sender {
        return Ok(Party::Theater);
    }
    Err(ContractError::NotAParty)
}

pub fn cancel_booking(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    booking_id: u64,
) -> Result<Response, ContractError> {
    let mut booking = load_booking(deps.storage, booking_id)?;
    let side = party(deps.storage, &booking, &info.sender)?;
    if booking.status != BookingStatus::Confirmed {
        return Err(ContractError::NotConfirmed {
            status: booking.status,
        });
    }
    let now = env.block.time;
    if booking.ends_at <= now {
        return Err(ContractError::BookingEnded);
    }
    let response = Response::new()
        .add_attribute("booking_id", booking_id.to_string())
        .add_attribute("by", side.as_str());
    if let Some(event_id) = booking.event_id {
        // Tickets may be sold for it: only the event's cancellation, which refunds them on
        // ticket-nft, lets the hall go. Either side may then free it alone.
        ensure_event_cancelled(deps.as_ref(), event_id)?;
        let freed = free_hall(deps.storage, booking_id, booking, now)?;
        return Ok(response
            .add_attributes(freed)
            .add_attribute("how", "event_cancelled"));
    }
    if booking.cancel_proposed_by == Some(side) {
        // The proposer takes its word back; the booking stands as agreed.
        booking.cancel_proposed_by = None;
        BOOKINGS.save(deps.storage, booking_id, &booking)?;
        return Ok(response.add_attribute("action", "retract_cancellation"));
    }
    let with_notice = now.plus_seconds(booking.terms.cancel_notice_seconds) <= booking.starts_at;
    // Past the retraction above, a stored proposal is the other side's.
    let agreed = booking.cancel_proposed_by.is_some();
    if !with_notice && !agreed {
        // Too late to leave alone: this side's word waits for the other's.
        booking.cancel_proposed_by = Some(side);
        BOOKINGS.save(deps.storage, booking_id, &booking)?;
        return Ok(response.add_attribute("action", "propose_cancellation"));
    }
    let how = if with_notice { "notice" } else { "agreement" };
    let freed = free_hall(deps.storage, booking_id, booking, now)?;
    Ok(response.add_attributes(freed).add_attribute("how", how))
}

/// Frees what is left of a Confirmed booking: all of it before it starts (the booking is
/// cancelled and its slot free again); once it runs, the rest from `now` (the booking ends now,
/// the part already held stays on the calendar, and the theater publishes the rest anew).
fn free_hall(
    storage: &mut dyn Storage,
    booking_id: u64,
    mut booking: Booking,
    now: Timestamp,
) -> Result<Vec<Attribute>, ContractError> {
    if now < booking.starts_at {
        cancel_confirmed(storage, booking_id, booking)?;
        return Ok(vec![Attribute::new("action", "cancel_booking")]);
    }
    let key = (booking.hall_id, booking.starts_at.nanos());
    CONFIRMED.save(storage, key, &(now.nanos(), booking_id))?;
    booking.ends_at = now;
    booking.cancel_proposed_by = None;
    BOOKINGS.save(storage, booking_id, &booking)?;
    Ok(vec![
        Attribute::new("action", "cut_short"),
        Attribute::new("ends_at", now.to_string()),
    ])
}

pub fn mark_issued(
    deps: DepsMut,
    info: MessageInfo,
    booking_id: u64,
    event_id: u64,
) -> Result<Response, ContractError> {
    if CONFIG.load(deps.storage)?.ticket_nft.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotTicketNft);
    }
    let mut booking = load_booking(deps.storage, booking_id)?;
    if let Some(event_id) = booking.event_id {
        return Err(ContractError::AlreadyIssued { event_id });
    }
    if booking.status != BookingStatus::Confirmed {
        return Err(ContractError::NotConfirmed {
            status: booking.status,
        });
    }
    booking.event_id = Some(event_id);
    BOOKINGS.save(deps.storage, booking_id, &booking)?;
    Ok(Response::new()
        .add_attribute("action", "mark_issued")
        .add_attribute("booking_id", booking_id.to_string())
        .add_attribute("event_id", event_id.to_string()))
}

/// One query to ticket-nft: the event issued for a booking is cancelled.
fn ensure_event_cancelled(deps: Deps, event_id: u64) -> Result<(), ContractError> {
    let ticket_nft = CONFIG
        .load(deps.storage)?
        .ticket_nft
        .ok_or(ContractError::BookingIssued { event_id })?;
    let event: EventSummary = deps
        .querier
        .query_wasm_smart(ticket_nft, &TicketQueryMsg::Event { event_id })?;
    match event.status {
        EventStatus::Cancelled { .. } => Ok(()),
        EventStatus::Scheduled | EventStatus::Settled { .. } => {
            Err(ContractError::BookingIssued { event_id })
        }
    }
}

use cosmwasm_std::{DepsMut, Empty, Env, MessageInfo, Response, Timestamp};

use crate::error::ContractError;
use crate::execute::{ensure_active_theater, next_id, owned_venue};
use crate::msg::BookingTerms;
use crate::state::{Slot, CITY_SLOTS, CONFIG, HALLS, SLOTS, SLOT_COUNT};
use crate::validate;

pub fn publish_slot(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    hall_id: u64,
    starts_at: Timestamp,
    ends_at: Timestamp,
    terms: BookingTerms,
) -> Result<Response, ContractError> {
    let hall = HALLS
        .may_load(deps.storage, hall_id)?
        .ok_or(ContractError::UnknownHall { hall_id })?;
    let venue = owned_venue(deps.storage, hall.venue_id, &info.sender)?;
    validate::slot(env.block.time, starts_at, ends_at, &terms)?;
    // The owner must still be an Active theater: one registry query, after the free checks.
    let registry = CONFIG.load(deps.storage)?.registry;
    ensure_active_theater(deps.querier, &registry, &info.sender)?;
    let slot_id = next_id(deps.storage, &SLOT_COUNT)?;
    let slot = Slot {
        venue_id: hall.venue_id,
        hall_id,
        starts_at,
        ends_at,
        terms,
        booking: None,
    };
    SLOTS.save(deps.storage, slot_id, &slot)?;
    CITY_SLOTS.save(
        deps.storage,
        (&venue.city, starts_at.nanos(), slot_id),
        &Empty {},
    )?;
    Ok(Response::new()
        .add_attribute("action", "publish_slot")
        .add_attribute("slot_id", slot_id.to_string())
        .add_attribute("hall_id", hall_id.to_string())
        .add_attribute("starts_at", starts_at.to_string())
        .add_attribute("ends_at", ends_at.to_string()))
}

pub fn withdraw_slot(
    deps: DepsMut,
    info: MessageInfo,
    slot_id: u64,
) -> Result<Response, ContractError> {
    let slot = SLOTS
        .may_load(deps.storage, slot_id)?
        .ok_or(ContractError::UnknownSlot { slot_id })?;
    let venue = owned_venue(deps.storage, slot.venue_id, &info.sender)?;
    if let Some(booking_id) = slot.booking {
        // The requester holds the hall: only a cancellation by the booking's terms frees it.
        return Err(ContractError::SlotBooked { booking_id });
    }
    // Requests still pending on the slot stay readable; accepting one is refused from now on.
    SLOTS.remove(deps.storage, slot_id);
    CITY_SLOTS.remove(deps.storage, (&venue.city, slot.starts_at.nanos(), slot_id));
    Ok(Response::new()
        .add_attribute("action", "withdraw_slot")
        .add_attribute("slot_id", slot_id.to_string()))
}

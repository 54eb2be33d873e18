use cosmwasm_std::{DepsMut, MessageInfo, Response};
use ctc_conventions::validate;

use crate::error::ContractError;
use crate::execute::{ensure_active_theater, next_id, owned_venue};
use crate::state::{Hall, Venue, CONFIG, HALLS, HALL_COUNT, VENUES, VENUE_COUNT};
use crate::validate::{
    self as limits, MAX_CITY_BYTES, MAX_HALLS, MAX_HALL_NAME_BYTES, MAX_NAME_BYTES,
};

pub fn register_venue(
    deps: DepsMut,
    info: MessageInfo,
    name: String,
    city: String,
    address_digest: String,
) -> Result<Response, ContractError> {
    // The input first: a malformed message costs no cross-contract query.
    validate::text("name", &name, MAX_NAME_BYTES)?;
    validate::text("city", &city, MAX_CITY_BYTES)?;
    let address_digest = validate::digest("address_digest", &address_digest)?;
    let registry = CONFIG.load(deps.storage)?.registry;
    ensure_active_theater(deps.querier, &registry, &info.sender)?;
    let venue_id = next_id(deps.storage, &VENUE_COUNT)?;
    let venue = Venue {
        owner: info.sender,
        name,
        city,
        address_digest,
        halls: vec![],
    };
    VENUES.save(deps.storage, venue_id, &venue)?;
    Ok(Response::new()
        .add_attribute("action", "register_venue")
        .add_attribute("venue_id", venue_id.to_string())
        .add_attribute("owner", venue.owner)
        .add_attribute("city", venue.city))
}

pub fn add_hall(
    deps: DepsMut,
    info: MessageInfo,
    venue_id: u64,
    name: String,
    capacity: u32,
) -> Result<Response, ContractError> {
    let mut venue = owned_venue(deps.storage, venue_id, &info.sender)?;
    if venue.halls.len() >= MAX_HALLS {
        return Err(ContractError::TooManyHalls { max: MAX_HALLS });
    }
    validate::text("name", &name, MAX_HALL_NAME_BYTES)?;
    let capacity = limits::capacity(capacity)?;
    // The owner must still be an Active theater: one registry query, after the free checks.
    let registry = CONFIG.load(deps.storage)?.registry;
    ensure_active_theater(deps.querier, &registry, &info.sender)?;
    let hall_id = next_id(deps.storage, &HALL_COUNT)?;
    HALLS.save(
        deps.storage,
        hall_id,
        &Hall {
            venue_id,
            name,
            capacity,
        },
    )?;
    venue.halls.push(hall_id);
    VENUES.save(deps.storage, venue_id, &venue)?;
    Ok(Response::new()
        .add_attribute("action", "add_hall")
        .add_attribute("venue_id", venue_id.to_string())
        .add_attribute("hall_id", hall_id.to_string())
        .add_attribute("capacity", capacity.to_string()))
}

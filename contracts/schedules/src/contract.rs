#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::{address, optional_address};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::{admin, bookings, slots, venues};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    let config = Config {
        registry: address(deps.api, "registry", &msg.registry)?,
        ticket_nft: optional_address(deps.api, "ticket_nft", msg.ticket_nft.as_deref())?,
    };
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response.add_attribute("registry", config.registry))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // Bookings carry no money: any coins sent would be locked here.
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::RegisterVenue {
            name,
            city,
            address_digest,
        } => venues::register_venue(deps, info, name, city, address_digest),
        ExecuteMsg::AddHall {
            venue_id,
            name,
            capacity,
        } => venues::add_hall(deps, info, venue_id, name, capacity),
        ExecuteMsg::PublishSlot {
            hall_id,
            starts_at,
            ends_at,
            terms,
        } => slots::publish_slot(deps, env, info, hall_id, starts_at, ends_at, terms),
        ExecuteMsg::WithdrawSlot { slot_id } => slots::withdraw_slot(deps, info, slot_id),
        ExecuteMsg::RequestBooking { slot_id } => {
            bookings::request_booking(deps, env, info, slot_id)
        }
        ExecuteMsg::AcceptBooking { booking_id } => {
            bookings::accept_booking(deps, env, info, booking_id)
        }
        ExecuteMsg::DeclineBooking { booking_id } => {
            bookings::decline_booking(deps, info, booking_id)
        }
        ExecuteMsg::WithdrawRequest { booking_id } => {
            bookings::withdraw_request(deps, info, booking_id)
        }
        ExecuteMsg::CancelBooking { booking_id } => {
            bookings::cancel_booking(deps, env, info, booking_id)
        }
        ExecuteMsg::MarkIssued {
            booking_id,
            event_id,
        } => bookings::mark_issued(deps, info, booking_id, event_id),
        ExecuteMsg::SetTicketNft { address } => admin::set_ticket_nft(deps, info, address),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Venue { venue_id } => to_json_binary(&query::venue(deps, venue_id)?),
        QueryMsg::Slot { slot_id } => to_json_binary(&query::slot(deps, slot_id)?),
        QueryMsg::HallCalendar {
            hall_id,
            from,
            to,
            start_after,
            limit,
        } => to_json_binary(&query::hall_calendar(
            deps,
            hall_id,
            from,
            to,
            start_after,
            limit,
        )?),
        QueryMsg::FreeSlots {
            city,
            from,
            to,
            start_after,
            limit,
        } => to_json_binary(&query::free_slots(
            deps,
            &env,
            city,
            from,
            to,
            start_after,
            limit,
        )?),
        QueryMsg::Tour {
            requester,
            start_after,
            limit,
        } => to_json_binary(&query::tour(deps, requester, start_after, limit)?),
        QueryMsg::Booking { booking_id } => to_json_binary(&query::booking(deps, booking_id)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // No stored data has changed shape yet; a data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::tickets::{ensure_scheduled, load_event, load_ticket, record};
use crate::msg::{Provenance, TicketStatus};
use crate::state::{LISTINGS, SCANNERS, TICKETS};
use crate::validate;

/// Once per ticket: the ticket becomes Used and can no longer move or be listed.
pub fn check_in(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    holder: String,
) -> Result<Response, ContractError> {
    let mut ticket = load_ticket(deps.storage, &token_id)?;
    if !SCANNERS.has(deps.storage, (ticket.event_id, &info.sender)) {
        return Err(ContractError::NotScanner);
    }
    let event = load_event(deps.storage, ticket.event_id)?;
    ensure_scheduled(&event)?;
    let opens_at = event.check_in_opens_at();
    let now = env.block.time;
    if now < opens_at || now > event.ends_at {
        return Err(ContractError::CheckInClosed {
            opens_at,
            closes_at: event.ends_at,
        });
    }
    let holder = validate::address(deps.api, "holder", &holder)?;
    if ticket.owner != holder {
        return Err(ContractError::NotHolder {
            holder: holder.to_string(),
        });
    }
    match ticket.status {
        TicketStatus::Valid => {}
        TicketStatus::Used => return Err(ContractError::AlreadyCheckedIn),
        TicketStatus::Refunded => return Err(ContractError::AlreadyRefunded),
    }
    ticket.status = TicketStatus::Used;
    LISTINGS.remove(deps.storage, (ticket.event_id, &token_id));
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Provenance::CheckedIn {
            holder: holder.clone(),
            scanner: info.sender.clone(),
        },
    )?;
    TICKETS.save(deps.storage, &token_id, &ticket)?;
    Ok(Response::new()
        .add_attribute("action", "check_in")
        .add_attribute("event_id", ticket.event_id.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("holder", holder)
        .add_attribute("scanner", info.sender))
}

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_interfaces::accounts::PresentRight;
use ctc_interfaces::proof::{check_in_text, verify_presenter, HolderProof};

use crate::error::ContractError;
use crate::execute::tickets::{ensure_scheduled, load_event, load_ticket, record, unlist};
use crate::msg::TicketStatus;
use crate::state::{Change, SCANNERS, TICKETS};

/// Once per ticket: the ticket becomes Used and can no longer move or be listed. The holder
/// proves it is at the door by signing the ticket's check-in text (its QR code), so a scanner
/// alone can mark no ticket used.
pub fn check_in(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    proof: HolderProof,
) -> Result<Response, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    let event_id = key.0;
    if !SCANNERS.has(deps.storage, (event_id, &info.sender)) {
        return Err(ContractError::NotScanner);
    }
    let event = load_event(deps.storage, event_id)?;
    ensure_scheduled(&event)?;
    let opens_at = event.check_in_opens_at();
    let now = env.block.time;
    if now < opens_at || now > event.ends_at {
        return Err(ContractError::CheckInClosed {
            opens_at,
            closes_at: event.ends_at,
        });
    }
    match ticket.status {
        TicketStatus::Valid => {}
        TicketStatus::Used => return Err(ContractError::AlreadyCheckedIn),
        TicketStatus::Refunded => return Err(ContractError::AlreadyRefunded),
    }
    let text = check_in_text(
        &env.block.chain_id,
        &env.contract.address,
        &token_id,
        proof.expires_at,
    );
    let presenter = verify_presenter(
        deps.querier,
        deps.api,
        now,
        &proof,
        &ticket.owner,
        &text,
        PresentRight::Door,
    )?;
    let holder = ticket.owner.clone();
    ticket.status = TicketStatus::Used;
    unlist(deps.storage, event_id, &token_id, &mut ticket);
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Change::CheckedIn {
            holder: holder.clone(),
            scanner: info.sender.clone(),
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;
    let response = match presenter {
        Some(presenter) => Response::new().add_attribute("presenter", presenter),
        None => Response::new(),
    };
    Ok(response
        .add_attribute("action", "check_in")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("holder", holder)
        .add_attribute("scanner", info.sender))
}

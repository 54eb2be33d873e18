//! What every handler does to tickets and events: load them, check their state, mint, move and
//! record provenance, and ask the registry.

use cosmwasm_std::{Addr, Empty, Env, QuerierWrapper, Storage, Uint128};
use ctc_interfaces::registry::{Capability, ClearanceResponse, RegistryQueryMsg};
use ctc_interfaces::tickets::token_id;

use crate::error::ContractError;
use crate::msg::{EventStatus, Provenance, ProvenanceRecord, TicketStatus};
use crate::state::{
    Config, Event, Ticket, Tier, EVENTS, HISTORY, LISTINGS, OWNED, SEATS, TICKETS, TICKET_COUNT,
};

pub fn load_event(storage: &dyn Storage, event_id: u64) -> Result<Event, ContractError> {
    EVENTS
        .may_load(storage, event_id)?
        .ok_or(ContractError::EventNotFound { event_id })
}

pub fn load_ticket(storage: &dyn Storage, token_id: &str) -> Result<Ticket, ContractError> {
    TICKETS
        .may_load(storage, token_id)?
        .ok_or_else(|| ContractError::TicketNotFound {
            token_id: token_id.to_owned(),
        })
}

/// Refuses an event that was cancelled or settled.
pub fn ensure_scheduled(event: &Event) -> Result<(), ContractError> {
    match event.status {
        EventStatus::Scheduled => Ok(()),
        EventStatus::Cancelled { .. } => Err(ContractError::EventCancelled),
        EventStatus::Settled { .. } => Err(ContractError::EventSettled),
    }
}

pub fn status_name(status: &TicketStatus) -> &'static str {
    match status {
        TicketStatus::Valid => "valid",
        TicketStatus::Used => "used",
        TicketStatus::Refunded => "refunded",
    }
}

/// Refuses a ticket that was used or refunded.
pub fn ensure_valid(ticket: &Ticket) -> Result<(), ContractError> {
    match ticket.status {
        TicketStatus::Valid => Ok(()),
        ref other => Err(ContractError::TicketNotValid {
            status: status_name(other),
        }),
    }
}

/// Appends one record to the ticket's provenance. The caller saves the ticket.
pub fn record(
    storage: &mut dyn Storage,
    env: &Env,
    token_id: &str,
    ticket: &mut Ticket,
    change: Provenance,
) -> Result<(), ContractError> {
    let sequence = ticket.history_len;
    HISTORY.save(
        storage,
        (token_id, sequence),
        &ProvenanceRecord {
            sequence,
            change,
            time: env.block.time,
            height: env.block.height,
        },
    )?;
    ticket.history_len = sequence + 1;
    Ok(())
}

/// Mints the next ticket of `tier` to `owner`. The caller saves the event and the tier.
pub fn mint(
    storage: &mut dyn Storage,
    env: &Env,
    (event_id, tier_index): (u64, u8),
    event: &mut Event,
    tier: &mut Tier,
    owner: &Addr,
    paid: Uint128,
) -> Result<String, ContractError> {
    let serial = event.tickets_minted;
    let token_id = token_id(event_id, serial);
    let seat = if tier.seated {
        Some(SEATS.load(storage, (event_id, tier_index, tier.sold))?)
    } else {
        None
    };
    let mut ticket = Ticket {
        owner: owner.clone(),
        event_id,
        tier: tier_index,
        seat,
        face_price: tier.price,
        paid,
        status: TicketStatus::Valid,
        approvals: vec![],
        transfers: 0,
        history_len: 0,
    };
    record(
        storage,
        env,
        &token_id,
        &mut ticket,
        Provenance::Minted {
            to: owner.clone(),
            paid,
        },
    )?;
    TICKETS.save(storage, &token_id, &ticket)?;
    OWNED.save(storage, (owner, &token_id), &Empty {})?;
    event.tickets_minted = serial + 1;
    tier.sold += 1;
    Ok(token_id)
}

/// Bumps the collection's token count by `minted`.
pub fn count_minted(storage: &mut dyn Storage, minted: u32) -> Result<(), ContractError> {
    let count = TICKET_COUNT.may_load(storage)?.unwrap_or_default();
    TICKET_COUNT.save(storage, &(count + u64::from(minted)))?;
    Ok(())
}

/// Hands the ticket to `to`: ownership index, approvals cleared, listing closed. The caller
/// records provenance and saves the ticket.
pub fn hand_over(
    storage: &mut dyn Storage,
    token_id: &str,
    ticket: &mut Ticket,
    to: &Addr,
) -> Result<(), ContractError> {
    OWNED.remove(storage, (&ticket.owner, token_id));
    OWNED.save(storage, (to, token_id), &Empty {})?;
    LISTINGS.remove(storage, (ticket.event_id, token_id));
    ticket.owner = to.clone();
    ticket.approvals.clear();
    ticket.transfers += 1;
    Ok(())
}

/// One registry query: whether the issuer may sell now and, when the event asks for a minimum
/// identity level, whether `user` has it.
pub fn clear_sale(
    querier: QuerierWrapper,
    config: &Config,
    event: &Event,
    user: &Addr,
) -> Result<(), ContractError> {
    let answer: ClearanceResponse = querier.query_wasm_smart(
        &config.registry,
        &RegistryQueryMsg::Clearance {
            partner: event.issuer.to_string(),
            capability: Capability::IssueTickets,
            user: event.min_identity.map(|_| user.to_string()),
        },
    )?;
    if !answer.partner.allowed {
        return Err(ContractError::IssuerNotAllowed {
            reason: answer
                .partner
                .reason
                .map_or("not allowed", |reason| reason.as_str()),
        });
    }
    ensure_identity(event, answer.user.and_then(|user| user.level))
}

/// For moves that are not sales: only the receiver's identity, and only if the event asks.
pub fn clear_receiver(
    querier: QuerierWrapper,
    config: &Config,
    event: &Event,
    receiver: &Addr,
) -> Result<(), ContractError> {
    if event.min_identity.is_none() {
        return Ok(());
    }
    let answer: ctc_interfaces::registry::IdentityLevelResponse = querier.query_wasm_smart(
        &config.registry,
        &RegistryQueryMsg::IdentityLevel {
            address: receiver.to_string(),
            accepted_attesters: None,
        },
    )?;
    ensure_identity(event, answer.level)
}

fn ensure_identity(
    event: &Event,
    level: Option<ctc_interfaces::registry::IdentityLevel>,
) -> Result<(), ContractError> {
    match event.min_identity {
        Some(required) if level < Some(required) => Err(ContractError::IdentityTooLow { required }),
        _ => Ok(()),
    }
}

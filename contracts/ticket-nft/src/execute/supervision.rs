//! After the show and under supervision: holders' complaints, rulings, freezes, holds on one
//! user's tickets, and the per-partner report that settlement and refunds keep.

use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, Storage, Timestamp};
use ctc_conventions::is_supervisor;
use ctc_conventions::{mirror, validate};

use crate::error::ContractError;
use crate::execute::tickets::{
    ensure_scheduled, load_event, load_ticket, load_tier, record, unlist,
};
use crate::msg::{EventStatus, ReportTotals, SupervisionAction, SupervisionRecord};
use crate::state::{Change, Event, CONFIG, EVENTS, EVENT_RECORDS, REPORTS, TICKETS};
use crate::validate::MAX_REASON_BYTES;

const SECONDS_PER_DAY: u64 = 86_400;

/// The platform owner, or whoever the registry answers is its authority or a regulator: one
/// query, paid only by the rare supervisory message.
pub fn ensure_supervisor(deps: Deps, sender: &Addr) -> Result<(), ContractError> {
    let registry = CONFIG.load(deps.storage)?.registry;
    if !is_supervisor(deps.storage, &deps.querier, &registry, sender)? {
        return Err(ContractError::NotSupervisor);
    }
    Ok(())
}

/// The reason and the evidence digest every supervisory action carries, checked.
fn evidence(reason: &str, digest: &str) -> Result<String, ContractError> {
    validate::text("reason", reason, MAX_REASON_BYTES)?;
    Ok(validate::digest("digest", digest)?)
}

/// Keeps a supervision record of the event; the caller saves the event.
pub fn add_event_record(
    storage: &mut dyn Storage,
    env: &Env,
    (event_id, event): (u64, &mut Event),
    (action, by): (SupervisionAction, &Addr),
    (reason, digest): (&str, &str),
) -> Result<u32, ContractError> {
    let id = event.records;
    EVENT_RECORDS.save(
        storage,
        (event_id, id),
        &SupervisionRecord {
            id,
            action,
            by: by.clone(),
            reason: reason.to_owned(),
            digest: digest.to_owned(),
            time: env.block.time,
            height: env.block.height,
        },
    )?;
    event.records = id + 1;
    Ok(id)
}

/// The UTC day (since the epoch) of `time`, as the report keys it.
pub fn day_of(time: Timestamp) -> u32 {
    u32::try_from(time.seconds() / SECONDS_PER_DAY).unwrap_or(u32::MAX)
}

/// Adds money that moved for `partner`'s events at `at` to that day's report.
pub fn add_to_report(
    storage: &mut dyn Storage,
    partner: &Addr,
    at: Timestamp,
    moved: ReportTotals,
) -> Result<(), ContractError> {
    let key = (partner, day_of(at));
    let totals = REPORTS.may_load(storage, key)?.unwrap_or_default();
    REPORTS.save(storage, key, &totals.checked_add(&moved)?)?;
    Ok(())
}

/// A supervisor's act on a scheduled event: `act` checks it and changes the event, answering what
/// the record says was done; the checks, the record and the save are common to every act, which
/// answers the record's id.
fn supervise_event(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    event_id: u64,
    (reason, digest): (String, String),
    act: impl FnOnce(&mut Event) -> Result<SupervisionAction, ContractError>,
) -> Result<u32, ContractError> {
    let digest = evidence(&reason, &digest)?;
    let mut event = load_event(deps.storage, event_id)?;
    ensure_scheduled(&event)?;
    let action = act(&mut event)?;
    ensure_supervisor(deps.as_ref(), &info.sender)?;
    let record = add_event_record(
        deps.storage,
        env,
        (event_id, &mut event),
        (action, &info.sender),
        (&reason, &digest),
    )?;
    EVENTS.save(deps.storage, event_id, &event)?;
    Ok(record)
}

pub fn freeze_event(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_id: u64,
    frozen: bool,
    evidence: (String, String),
) -> Result<Response, ContractError> {
    let record = supervise_event(deps, &env, &info, event_id, evidence, |event| {
        if event.frozen == frozen {
            return Err(ContractError::FreezeUnchanged { frozen });
        }
        event.frozen = frozen;
        Ok(if frozen {
            SupervisionAction::Frozen
        } else {
            SupervisionAction::Unfrozen
        })
    })?;
    let action = if frozen {
        "freeze_event"
    } else {
        "unfreeze_event"
    };
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("by", info.sender)
        .add_attribute("record", record.to_string()))
}

/// A ruling comes after the show (before, the issuer or the owner cancels) and before
/// settlement, which it either unblocks or replaces with refunds.
pub fn rule_on_event(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_id: u64,
    happened: bool,
    evidence: (String, String),
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let record = supervise_event(deps, &env, &info, event_id, evidence, |event| {
        if now < event.ends_at {
            return Err(ContractError::RulingNotOpen);
        }
        Ok(if happened {
            event.ruled_happened = true;
            SupervisionAction::RuledHappened
        } else {
            event.status = EventStatus::Cancelled { at: now };
            SupervisionAction::RuledNotHappened
        })
    })?;
    Ok(Response::new()
        .add_attribute("action", "rule_on_event")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("happened", happened.to_string())
        .add_attribute("by", info.sender)
        .add_attribute("record", record.to_string()))
}

/// A regulator's order on one user goes through the partner that attested them: an attester
/// whose word on the owner counts for this event now holds the ticket, and only that partner or
/// a supervisor lifts the hold, so another attester the owner finds cannot undo it.
pub fn hold_ticket(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    held: bool,
    (reason, digest): (String, String),
) -> Result<Response, ContractError> {
    let digest = evidence(&reason, &digest)?;
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    if ticket.held_by.is_some() == held {
        return Err(ContractError::HoldUnchanged { held });
    }
    if held {
        let event = load_event(deps.storage, key.0)?;
        let attesters = mirror::clearances(
            deps.storage,
            &ticket.owner,
            env.block.time,
            &event.accepted_attesters,
        )?;
        if !attesters.iter().any(|found| found.attester == info.sender) {
            return Err(ContractError::NotHoldersAttester);
        }
        ticket.held_by = Some(info.sender.clone());
        unlist(deps.storage, key.0, &token_id, &mut ticket);
    } else {
        if ticket.held_by.as_ref() != Some(&info.sender) {
            ensure_supervisor(deps.as_ref(), &info.sender)
                .map_err(|_| ContractError::NotHoldersAttester)?;
        }
        ticket.held_by = None;
    }
    let holder = ticket.owner.clone();
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Change::Hold {
            held,
            holder,
            by: info.sender.clone(),
            reason,
            digest,
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;
    Ok(Response::new()
        .add_attribute(
            "action",
            if held {
                "hold_ticket"
            } else {
                "release_ticket"
            },
        )
        .add_attribute("token_id", token_id)
        .add_attribute("owner", ticket.owner)
        .add_attribute("by", info.sender))
}

/// During the settlement delay, the holder of a ticket that was not refunded says the show did
/// not happen as sold; settlement then waits for a supervisor's ruling.
pub fn file_complaint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    digest: String,
) -> Result<Response, ContractError> {
    let digest = validate::digest("digest", &digest)?;
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    if ticket.owner != info.sender {
        return Err(ContractError::NotOwner);
    }
    if ticket.complained {
        return Err(ContractError::AlreadyComplained);
    }
    let mut event = load_event(deps.storage, key.0)?;
    let tier = load_tier(deps.storage, key.0, ticket.tier)?;
    // A complaint is a claim on escrow: a ticket that holds nothing there has none to make.
    if ticket.paid(&tier)?.is_zero() {
        return Err(ContractError::NothingAtStake);
    }
    ensure_scheduled(&event)?;
    let closes_at = event.ends_at.plus_seconds(event.settlement_delay_seconds);
    let now = env.block.time;
    if now < event.ends_at || now >= closes_at {
        return Err(ContractError::ComplaintWindow {
            opens_at: event.ends_at,
            closes_at,
        });
    }
    ticket.complained = true;
    event.complaints += 1;
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Change::Complained {
            holder: info.sender.clone(),
            digest,
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;
    EVENTS.save(deps.storage, key.0, &event)?;
    Ok(Response::new()
        .add_attribute("action", "file_complaint")
        .add_attribute("event_id", key.0.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("complaints", event.complaints.to_string()))
}

//! What every handler does to tickets and events: load them, check their state, count, mint, move
//! and record provenance, and clear a sale against the registry's mirrored answers.

use cosmwasm_std::{Addr, Empty, Env, HexBinary, Order, StdResult, Storage, Timestamp, Uint128};
use ctc_conventions::mirror;
use ctc_interfaces::registry::{Capability, IdentityLevel, Standing};
use ctc_interfaces::tickets::{parse_token_id, token_id};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::msg::{EventStatus, Provenance, ProvenanceRecord, TicketStatus};
use crate::state::{
    Change, Event, Ledger, Record, Ticket, Tier, EVENTS, HISTORY, LEDGERS, LISTINGS, OWNED,
    PERSON_PURCHASES, PURCHASES, TICKETS, TICKET_COUNT, TIERS,
};

/// (event id, serial), the key a token id names.
pub type TicketKey = (u64, u32);

pub fn load_event(storage: &dyn Storage, event_id: u64) -> Result<Event, ContractError> {
    EVENTS
        .may_load(storage, event_id)?
        .ok_or(ContractError::EventNotFound { event_id })
}

pub fn load_tier(storage: &dyn Storage, event_id: u64, tier: u8) -> Result<Tier, ContractError> {
    TIERS
        .may_load(storage, (event_id, tier))?
        .ok_or(ContractError::TierNotFound { event_id, tier })
}

pub fn ticket_not_found(token_id: &str) -> ContractError {
    ContractError::TicketNotFound {
        token_id: token_id.to_owned(),
    }
}

/// The key `token_id` names; a string that is no token id names no ticket.
pub fn ticket_key(token_id: &str) -> Result<TicketKey, ContractError> {
    parse_token_id(token_id).ok_or_else(|| ticket_not_found(token_id))
}

pub fn load_ticket(
    storage: &dyn Storage,
    token_id: &str,
) -> Result<(TicketKey, Ticket), ContractError> {
    let key = ticket_key(token_id)?;
    let ticket = TICKETS
        .may_load(storage, key)?
        .ok_or_else(|| ticket_not_found(token_id))?;
    Ok((key, ticket))
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

/// Tickets of `tier` minted so far: the tier's range holds them from its first serial on, with
/// no gaps (tickets are never deleted), so its last one tells the count. One reverse step of an
/// iterator costs a fraction of a counter's read and write.
pub fn sold(storage: &dyn Storage, event_id: u64, tier: &Tier) -> StdResult<u32> {
    let last = TICKETS
        .prefix(event_id)
        .keys(
            storage,
            Some(Bound::inclusive(tier.first_serial)),
            Some(Bound::exclusive(tier.end_serial())),
            Order::Descending,
        )
        .next()
        .transpose()?;
    Ok(last.map_or(0, |serial| serial - tier.first_serial + 1))
}

/// What the event holds in escrow now: each paid ticket at its tier's price, the resale
/// royalties, less the refunds; nothing once settled. Bounded by the 16 tiers an event may have.
pub fn escrow(storage: &dyn Storage, event_id: u64, event: &Event) -> StdResult<Uint128> {
    if let EventStatus::Settled { .. } = event.status {
        return Ok(Uint128::zero());
    }
    let mut total = Uint128::zero();
    for index in 0..event.tier_count {
        let tier = TIERS.load(storage, (event_id, index))?;
        // Reserved tickets are among those sold; checked all the same, since settlement reads this.
        let paid = sold(storage, event_id, &tier)?
            .checked_sub(tier.reserved)
            .ok_or_else(|| {
                cosmwasm_std::OverflowError::new(cosmwasm_std::OverflowOperation::Sub)
            })?;
        total = total.checked_add(tier.price.checked_mul(Uint128::from(paid))?)?;
    }
    let ledger = LEDGERS.may_load(storage, event_id)?.unwrap_or_default();
    Ok(total
        .checked_add(ledger.royalties)?
        .checked_add(ledger.funded)?
        .checked_sub(ledger.refunded)?)
}

/// Adds to the event's royalties or refunds.
pub fn update_ledger(
    storage: &mut dyn Storage,
    event_id: u64,
    change: impl FnOnce(&mut Ledger) -> Result<(), ContractError>,
) -> Result<(), ContractError> {
    let mut ledger = LEDGERS.may_load(storage, event_id)?.unwrap_or_default();
    change(&mut ledger)?;
    LEDGERS.save(storage, event_id, &ledger)?;
    Ok(())
}

/// Appends one record to the ticket's provenance. The caller saves the ticket.
pub fn record(
    storage: &mut dyn Storage,
    env: &Env,
    token_id: &str,
    ticket: &mut Ticket,
    change: Change,
) -> Result<(), ContractError> {
    let sequence = ticket.records + 1;
    HISTORY.save(
        storage,
        (token_id, sequence),
        &Record {
            change,
            time: env.block.time,
            height: env.block.height,
            sequence: 0,
        },
    )?;
    ticket.records = sequence;
    Ok(())
}

/// The mint's provenance record (sequence 0), which is not stored: its recipient is the holder
/// the first stored record names (or the owner, if none), its payment the tier's price unless
/// reserved, its time and height the ticket's.
pub fn minted_record(
    storage: &dyn Storage,
    token_id: &str,
    ticket: &Ticket,
    tier: &Tier,
) -> StdResult<ProvenanceRecord> {
    let to = match ticket.records {
        0 => ticket.owner.clone(),
        _ => HISTORY
            .load(storage, (token_id, 1))?
            .change
            .holder_before()
            .clone(),
    };
    let paid = if ticket.reserved {
        ticket.value
    } else {
        tier.price
    };
    Ok(ProvenanceRecord {
        sequence: 0,
        change: Provenance::Minted { to, paid },
        time: ticket.minted_at,
        height: ticket.minted_height,
    })
}

/// Mints ticket `serial` of the event, of tier `tier`, to `owner`. The caller counts it
/// (`count_minted`) and, for a reserved ticket, the tier's `reserved`.
pub fn mint(
    storage: &mut dyn Storage,
    env: &Env,
    (event_id, serial): TicketKey,
    tier: u8,
    owner: &Addr,
    minted_value: Option<Uint128>,
) -> Result<String, ContractError> {
    let token_id = token_id(event_id, serial);
    let ticket = Ticket {
        owner: owner.clone(),
        tier,
        minted_at: env.block.time,
        minted_height: env.block.height,
        status: TicketStatus::Valid,
        approvals: vec![],
        transfers: 0,
        records: 0,
        reserved: minted_value.is_some(),
        royalties: Uint128::zero(),
        listed: false,
        value: minted_value.unwrap_or_default(),
        held_by: None,
        complained: false,
    };
    TICKETS.save(storage, (event_id, serial), &ticket)?;
    OWNED.save(storage, (owner, &token_id), &Empty {})?;
    Ok(token_id)
}

/// Bumps the collection's token count by `minted`.
pub fn count_minted(storage: &mut dyn Storage, minted: u32) -> Result<(), ContractError> {
    let count = TICKET_COUNT.may_load(storage)?.unwrap_or_default();
    TICKET_COUNT.save(storage, &(count + u64::from(minted)))?;
    Ok(())
}

/// Closes the ticket's listing, if it has one.
pub fn unlist(storage: &mut dyn Storage, event_id: u64, token_id: &str, ticket: &mut Ticket) {
    if ticket.listed {
        LISTINGS.remove(storage, (event_id, token_id));
        ticket.listed = false;
    }
}

/// Hands the ticket to `to`: ownership index, approvals cleared, listing closed. The caller
/// records provenance and saves the ticket.
pub fn hand_over(
    storage: &mut dyn Storage,
    (event_id, token_id): (u64, &str),
    ticket: &mut Ticket,
    to: &Addr,
) -> Result<(), ContractError> {
    OWNED.remove(storage, (&ticket.owner, token_id));
    OWNED.save(storage, (to, token_id), &Empty {})?;
    unlist(storage, event_id, token_id, ticket);
    ticket.owner = to.clone();
    ticket.approvals.clear();
    ticket.transfers += 1;
    Ok(())
}

pub use ctc_interfaces::token::disburse;

/// Whether the issuer may sell now and, when the event asks for a minimum identity level,
/// whether `user` has it: both from the registry's mirrored answers, with no query.
pub fn clear_sale(
    storage: &dyn Storage,
    now: Timestamp,
    event: &Event,
    user: &Addr,
) -> Result<(), ContractError> {
    if let Some(denial) = mirror::denial(storage, &event.issuer, Capability::IssueTickets)? {
        return Err(ContractError::IssuerNotAllowed {
            reason: denial.as_str(),
        });
    }
    clear_receiver(storage, now, event, user)
}

/// For moves that are not sales: only the receiver's identity, and only if the event asks.
pub fn clear_receiver(
    storage: &dyn Storage,
    now: Timestamp,
    event: &Event,
    receiver: &Addr,
) -> Result<(), ContractError> {
    let Some(required) = event.min_identity else {
        return Ok(());
    };
    if attested_level(storage, now, event, receiver)? < Some(required) {
        return Err(ContractError::IdentityTooLow { required });
    }
    Ok(())
}

/// `user`'s identity level as this event counts it: from its accepted attesters only.
pub fn attested_level(
    storage: &dyn Storage,
    now: Timestamp,
    event: &Event,
    user: &Addr,
) -> Result<Option<IdentityLevel>, ContractError> {
    Ok(mirror::clearance(storage, user, now, &event.accepted_attesters)?.map(|found| found.level))
}

/// Refuses moving the tickets of an issuer that is not in good standing: a suspended issuer's
/// tickets wait with it, a revoked one's are refunded at settlement.
pub fn ensure_issuer_active(storage: &dyn Storage, event: &Event) -> Result<(), ContractError> {
    match mirror::standing(storage, &event.issuer)? {
        Some(Standing::Active) => Ok(()),
        Some(Standing::Suspended) => Err(ContractError::IssuerNotActive {
            reason: "suspended",
        }),
        Some(Standing::Revoked) => Err(ContractError::IssuerNotActive { reason: "revoked" }),
        None => Err(ContractError::IssuerNotActive {
            reason: "not_a_partner",
        }),
    }
}

/// One count a per-wallet limit keeps: a wallet's or, at a real-name event, a person's as one
/// attester names them.
#[derive(Clone, Debug, PartialEq)]
pub enum Counter {
    Wallet(Addr),
    Person { attester: Addr, subject: HexBinary },
}

/// The counts a wallet's tickets go to: the wallet's own or, at a real-name event, the person's
/// under every accepted attestation that clears the wallet, so that a second attester (or one
/// taking over when another expires) does not start the person afresh. Two providers' names for
/// one person cannot be linked: an event that accepts one provider counts each person once.
pub fn counters(
    storage: &dyn Storage,
    now: Timestamp,
    event: &Event,
    wallet: &Addr,
) -> Result<Vec<Counter>, ContractError> {
    let required = match event.min_identity {
        Some(required) if required >= IdentityLevel::RealName => required,
        _ => return Ok(vec![Counter::Wallet(wallet.clone())]),
    };
    let clearing: Vec<_> = mirror::clearances(storage, wallet, now, &event.accepted_attesters)?
        .into_iter()
        .filter(|found| found.level >= required)
        .collect();
    if clearing.is_empty() {
        return Err(ContractError::IdentityTooLow { required });
    }
    clearing
        .into_iter()
        .map(|found| match found.subject {
            Some(subject) => Ok(Counter::Person {
                attester: found.attester,
                subject,
            }),
            None => Err(ContractError::NoSubject),
        })
        .collect()
}

/// Each count with `quantity` more tickets of the tier, refused above `limit`.
pub fn counts_after(
    storage: &dyn Storage,
    (event_id, tier): (u64, u8),
    limit: u32,
    counters: Vec<Counter>,
    quantity: u32,
) -> Result<Vec<(Counter, u32)>, ContractError> {
    counters
        .into_iter()
        .map(|counter| {
            let already = match &counter {
                Counter::Wallet(wallet) => PURCHASES.may_load(storage, (event_id, tier, wallet))?,
                Counter::Person { attester, subject } => PERSON_PURCHASES
                    .may_load(storage, ((event_id, tier), attester, subject.as_slice()))?,
            }
            .unwrap_or_default();
            if already + quantity > limit {
                return Err(match counter {
                    Counter::Wallet(_) => ContractError::WalletLimit { limit, already },
                    Counter::Person { .. } => ContractError::PersonLimit { limit, already },
                });
            }
            Ok((counter, already + quantity))
        })
        .collect()
}

pub fn save_counts(
    storage: &mut dyn Storage,
    (event_id, tier): (u64, u8),
    counts: Vec<(Counter, u32)>,
) -> StdResult<()> {
    for (counter, count) in counts {
        match counter {
            Counter::Wallet(wallet) => {
                PURCHASES.save(storage, (event_id, tier, &wallet), &count)?
            }
            Counter::Person { attester, subject } => PERSON_PURCHASES.save(
                storage,
                ((event_id, tier), &attester, subject.as_slice()),
                &count,
            )?,
        }
    }
    Ok(())
}

//! The issuer's side: events, tiers, staff, cancellation; and settlement, which anyone may crank.

use cosmwasm_std::{
    wasm_execute, Addr, Deps, DepsMut, Empty, Env, MessageInfo, Order, Response, Storage,
    Timestamp, WasmMsg,
};
use ctc_conventions::{mirror, validate};
use ctc_interfaces::randomness::RandomnessExecuteMsg;
use ctc_interfaces::registry::{Capability, RegistryExecuteMsg, Standing};
use ctc_interfaces::schedules::{
    BookingStatus, BookingSummary, ScheduleExecuteMsg, ScheduleQueryMsg,
};
use ctc_interfaces::FeeSplit;

use crate::error::ContractError;
use crate::execute::supervision::{add_event_record, add_to_report};
use crate::execute::tickets::{disburse, ensure_scheduled, escrow, load_event, load_tier};
use crate::msg::{
    AntiScalpingRules, EventInput, EventStatus, ReportTotals, SupervisionAction, TierInput,
    TransferPolicy,
};
use crate::state::{
    before, BookedHall, Config, Event, EventText, Tier, CONFIG, EVENTS, EVENT_COUNT, EVENT_TEXTS,
    MINTERS, SCANNERS, SEATS, TIERS, TOKEN,
};
use crate::validate::{
    MAX_ATTESTERS, MAX_CHECK_IN_OPENS_BEFORE_SECONDS, MAX_LOCK_BEFORE_START_SECONDS, MAX_MARKETS,
    MAX_RESALE_CAP_BPS, MAX_SEATS_PER_TIER, MAX_SEAT_BYTES, MAX_TIERS, MAX_TIER_NAME_BYTES,
    MAX_TIER_SUPPLY, MAX_TITLE_BYTES, MAX_TRANSFERS, MAX_URI_BYTES, REVIEW_SECONDS,
};

fn invalid_event(reason: &str) -> ContractError {
    ContractError::InvalidEvent {
        reason: reason.to_owned(),
    }
}

fn validate_tier(tier: &TierInput) -> Result<(), ContractError> {
    let invalid = |reason: &str| ContractError::InvalidTier {
        reason: reason.to_owned(),
    };
    validate::text("tier name", &tier.name, MAX_TIER_NAME_BYTES)?;
    if tier.price.is_zero() {
        return Err(invalid("price must be greater than zero"));
    }
    if tier.supply == 0 || tier.supply > MAX_TIER_SUPPLY {
        return Err(invalid("supply must be between 1 and 100000"));
    }
    if !tier.seats.is_empty() && tier.seats.len() != tier.supply as usize {
        return Err(invalid("a seated tier needs exactly one seat per ticket"));
    }
    if tier.seats.len() > MAX_SEATS_PER_TIER {
        return Err(invalid("a seated tier has at most 1000 seats"));
    }
    for seat in &tier.seats {
        validate::text("seat", seat, MAX_SEAT_BYTES)?;
    }
    if tier.per_wallet_limit == Some(0) {
        return Err(invalid("a per-wallet limit must be at least 1"));
    }
    if tier.random_seats && tier.seats.is_empty() {
        return Err(invalid("only a seated tier can have random seats"));
    }
    Ok(())
}

fn validate_event(event: &EventInput, env: &Env) -> Result<(), ContractError> {
    validate::text("title", &event.title, MAX_TITLE_BYTES)?;
    if event.booking_id.is_none() {
        validate::text("venue", &event.venue, MAX_TITLE_BYTES)?;
    } else if !event.venue.is_empty() {
        return Err(ContractError::VenueFromBooking);
    }
    validate::optional_text(
        "description_uri",
        event.description_uri.as_deref(),
        MAX_URI_BYTES,
    )?;
    if event.starts_at <= env.block.time {
        return Err(invalid_event("starts_at must be in the future"));
    }
    if event.ends_at <= event.starts_at {
        return Err(invalid_event("ends_at must be after starts_at"));
    }
    if event.sale_ends_at <= event.sale_starts_at || event.sale_ends_at > event.ends_at {
        return Err(invalid_event(
            "the sale must end after it starts and no later than the event",
        ));
    }
    if event.tiers.is_empty() || event.tiers.len() > usize::from(MAX_TIERS) {
        return Err(invalid_event("an event has between 1 and 16 tiers"));
    }
    if event.check_in_opens_before_seconds > MAX_CHECK_IN_OPENS_BEFORE_SECONDS {
        return Err(invalid_event(
            "check-in opens at most 86400 seconds (a day) before the start",
        ));
    }
    if event.lock_before_start_seconds > MAX_LOCK_BEFORE_START_SECONDS {
        return Err(invalid_event(
            "tickets lock at most 2592000 seconds (30 days) before the start",
        ));
    }
    if event.resale_cap_bps > MAX_RESALE_CAP_BPS {
        return Err(invalid_event("the resale cap is at most 30000 (300%)"));
    }
    match event.transfer_policy {
        TransferPolicy::NonTransferable => {}
        TransferPolicy::GiftOnly { max_transfers } | TransferPolicy::Free { max_transfers } => {
            if max_transfers == 0 || max_transfers > MAX_TRANSFERS {
                return Err(invalid_event("max_transfers is between 1 and 100"));
            }
        }
    }
    event.tiers.iter().try_for_each(validate_tier)
}

/// The validated addresses of `values` (at most `max`, no repeats).
fn address_list(
    deps: &DepsMut,
    field: &'static str,
    values: &[String],
    max: usize,
) -> Result<Vec<Addr>, ContractError> {
    if values.len() > max {
        return Err(invalid_event(&format!("at most {max} {field}")));
    }
    let mut addresses: Vec<Addr> = Vec::with_capacity(values.len());
    for value in values {
        let address = validate::address(deps.api, field, value)?;
        if addresses.contains(&address) {
            return Err(invalid_event(&format!("{field} are listed once each")));
        }
        addresses.push(address);
    }
    Ok(addresses)
}

/// Holds an event to the confirmed booking it is issued from (one query to schedules), and
/// answers the hall and the venue's name.
fn booked_hall(
    deps: Deps,
    config: &Config,
    issuer: &Addr,
    (doors_open_at, ends_at): (Timestamp, Timestamp),
    booking_id: u64,
    supply: u64,
) -> Result<(BookedHall, String), ContractError> {
    let schedules = config
        .schedules
        .as_ref()
        .ok_or(ContractError::SchedulesNotSet)?;
    let booking: BookingSummary = deps
        .querier
        .query_wasm_smart(schedules, &ScheduleQueryMsg::Booking { booking_id })?;
    if booking.status != BookingStatus::Confirmed {
        return Err(ContractError::BookingNotConfirmed {
            booking_id,
            status: booking.status,
        });
    }
    if booking.requester != *issuer {
        return Err(ContractError::NotBookingRequester { booking_id });
    }
    if let Some(event_id) = booking.event_id {
        return Err(ContractError::BookingAlreadyIssued {
            booking_id,
            event_id,
        });
    }
    // From the doors opening to the end: the hall is the troupe's only inside its booking.
    if doors_open_at < booking.starts_at || ends_at > booking.ends_at {
        return Err(ContractError::OutsideBooking {
            starts_at: booking.starts_at,
            ends_at: booking.ends_at,
        });
    }
    within_capacity(booking.capacity, supply)?;
    let venue = format!(
        "{}, {}, {}",
        booking.venue_name, booking.hall_name, booking.city
    );
    Ok((
        BookedHall {
            booking_id,
            capacity: booking.capacity,
        },
        venue,
    ))
}

fn within_capacity(capacity: u32, supply: u64) -> Result<(), ContractError> {
    if supply > u64::from(capacity) {
        return Err(ContractError::OverCapacity { capacity, supply });
    }
    Ok(())
}

fn consume_quota(registry: &Addr, partner: &Addr, units: u64) -> Result<WasmMsg, ContractError> {
    let msg = RegistryExecuteMsg::ConsumeQuota {
        partner: partner.to_string(),
        capability: Capability::IssueTickets,
        units,
    };
    Ok(wasm_execute(registry, &msg, vec![])?)
}

/// Stores a validated tier, numbered from `first_serial`, and its seats (bounded by
/// `MAX_SEATS_PER_TIER`). Answers the serial after its last ticket.
fn save_tier(
    storage: &mut dyn Storage,
    event_id: u64,
    (index, first_serial): (u8, u32),
    input: TierInput,
) -> Result<u32, ContractError> {
    for (position, seat) in input.seats.iter().enumerate() {
        SEATS.save(storage, (event_id, index, position as u32), seat)?;
    }
    TIERS.save(
        storage,
        (event_id, index),
        &Tier {
            name: input.name,
            price: input.price,
            supply: input.supply,
            first_serial,
            seated: !input.seats.is_empty(),
            per_wallet_limit: input.per_wallet_limit,
            reserved: 0,
            members_of: input.members_of,
            random_seats: input.random_seats,
            seats_drawn: false,
        },
    )?;
    Ok(first_serial + input.supply)
}

/// The registry's `ConsumeQuota`, sent as a message, refuses a partner that is not Active with
/// IssueTickets or is over quota, and then the whole creation is reverted.
pub fn create_event(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    input: EventInput,
) -> Result<Response, ContractError> {
    validate_event(&input, &env)?;
    let config = CONFIG.load(deps.storage)?;
    if let Some(minimum) = config.min_holder_identity {
        if input.min_identity < Some(minimum) {
            return Err(ContractError::BelowPlatformIdentity { minimum });
        }
    }
    let accepted_attesters = address_list(
        &deps,
        "accepted_attesters",
        input.accepted_attesters.as_deref().unwrap_or_default(),
        MAX_ATTESTERS,
    )?;
    let anti_scalping = match input.anti_scalping {
        None => None,
        Some(rules) => Some(AntiScalpingRules {
            gift_identity: rules.gift_identity,
            markets: address_list(&deps, "markets", &rules.markets, MAX_MARKETS)?,
        }),
    };
    let event_id = EVENT_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    let total_supply: u64 = input.tiers.iter().map(|tier| u64::from(tier.supply)).sum();
    let (booking, venue) = match input.booking_id {
        None => (None, input.venue),
        Some(booking_id) => {
            let (hall, venue) = booked_hall(
                deps.as_ref(),
                &config,
                &info.sender,
                (
                    before(input.starts_at, input.check_in_opens_before_seconds),
                    input.ends_at,
                ),
                booking_id,
                total_supply,
            )?;
            (Some(hall), venue)
        }
    };
    let tier_count = input.tiers.len() as u8;
    // At most 16 tiers of 100,000: serials fit a u32.
    let mut next_serial = 0;
    for (index, tier) in input.tiers.into_iter().enumerate() {
        next_serial = save_tier(deps.storage, event_id, (index as u8, next_serial), tier)?;
    }
    EVENT_TEXTS.save(
        deps.storage,
        event_id,
        &EventText {
            title: input.title,
            venue,
            description_uri: input.description_uri,
            booking,
        },
    )?;
    EVENTS.save(
        deps.storage,
        event_id,
        &Event {
            issuer: info.sender.clone(),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            sale_starts_at: input.sale_starts_at,
            sale_ends_at: input.sale_ends_at,
            min_identity: input.min_identity,
            accepted_attesters,
            transfer_policy: input.transfer_policy,
            anti_scalping,
            lock_before_start_seconds: input.lock_before_start_seconds,
            resale_cap_bps: input.resale_cap_bps,
            royalty: input.royalty,
            check_in_opens_before_seconds: input.check_in_opens_before_seconds,
            platform_fee: config.platform_fee,
            burn_share: config.burn_share,
            settlement_delay_seconds: config.settlement_delay_seconds,
            status: EventStatus::Scheduled,
            sale_paused: false,
            tier_count,
            frozen: false,
            complaints: 0,
            ruled_happened: false,
            records: 0,
        },
    )?;
    EVENT_COUNT.save(deps.storage, &event_id)?;
    let mut response = Response::new()
        .add_message(consume_quota(&config.registry, &info.sender, total_supply)?)
        .add_attribute("action", "create_event")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("issuer", info.sender)
        .add_attribute("supply", total_supply.to_string());
    if let (Some(hall), Some(schedules)) = (booking, config.schedules) {
        // Marked in the same transaction: a second event from this booking is refused there.
        let mark = ScheduleExecuteMsg::MarkIssued {
            booking_id: hall.booking_id,
            event_id,
        };
        response = response
            .add_message(wasm_execute(schedules, &mark, vec![])?)
            .add_attribute("booking_id", hall.booking_id.to_string());
    }
    Ok(response)
}

/// The event, if the sender issued it and its sale has not started.
fn editable_event(
    storage: &dyn Storage,
    env: &Env,
    info: &MessageInfo,
    event_id: u64,
) -> Result<Event, ContractError> {
    let event = issued_event(storage, info, event_id)?;
    ensure_scheduled(&event)?;
    if env.block.time >= event.sale_starts_at {
        return Err(ContractError::SaleStarted);
    }
    Ok(event)
}

fn issued_event(
    storage: &dyn Storage,
    info: &MessageInfo,
    event_id: u64,
) -> Result<Event, ContractError> {
    let event = load_event(storage, event_id)?;
    if event.issuer != info.sender {
        return Err(ContractError::NotIssuer);
    }
    Ok(event)
}

pub fn update_event(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_id: u64,
    title: Option<String>,
    venue: Option<String>,
    description_uri: Option<String>,
) -> Result<Response, ContractError> {
    editable_event(deps.storage, &env, &info, event_id)?;
    let mut text = EVENT_TEXTS.load(deps.storage, event_id)?;
    if venue.is_some() && text.booking.is_some() {
        return Err(ContractError::VenueFromBooking);
    }
    if let Some(title) = title {
        validate::text("title", &title, MAX_TITLE_BYTES)?;
        text.title = title;
    }
    if let Some(venue) = venue {
        validate::text("venue", &venue, MAX_TITLE_BYTES)?;
        text.venue = venue;
    }
    if let Some(uri) = description_uri {
        validate::text("description_uri", &uri, MAX_URI_BYTES)?;
        text.description_uri = Some(uri);
    }
    EVENT_TEXTS.save(deps.storage, event_id, &text)?;
    Ok(Response::new()
        .add_attribute("action", "update_event")
        .add_attribute("event_id", event_id.to_string()))
}

pub fn add_tier(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_id: u64,
    tier: TierInput,
) -> Result<Response, ContractError> {
    let mut event = editable_event(deps.storage, &env, &info, event_id)?;
    if event.tier_count >= MAX_TIERS {
        return Err(invalid_event("an event has between 1 and 16 tiers"));
    }
    validate_tier(&tier)?;
    let index = event.tier_count;
    let supply = u64::from(tier.supply);
    let first_serial = load_tier(deps.storage, event_id, index - 1)?.end_serial();
    if let Some(hall) = EVENT_TEXTS.load(deps.storage, event_id)?.booking {
        within_capacity(hall.capacity, u64::from(first_serial) + supply)?;
    }
    save_tier(deps.storage, event_id, (index, first_serial), tier)?;
    event.tier_count += 1;
    EVENTS.save(deps.storage, event_id, &event)?;
    Ok(Response::new()
        .add_message(consume_quota(
            &CONFIG.load(deps.storage)?.registry,
            &info.sender,
            supply,
        )?)
        .add_attribute("action", "add_tier")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tier", index.to_string()))
}

pub fn set_sale_paused(
    deps: DepsMut,
    info: MessageInfo,
    event_id: u64,
    paused: bool,
) -> Result<Response, ContractError> {
    let mut event = issued_event(deps.storage, &info, event_id)?;
    ensure_scheduled(&event)?;
    event.sale_paused = paused;
    EVENTS.save(deps.storage, event_id, &event)?;
    Ok(Response::new()
        .add_attribute("action", "set_sale_paused")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("paused", paused.to_string()))
}

/// The key of a tier's draw in the randomness contract: the event id above the tier's byte.
pub fn draw_key(event_id: u64, tier: u8) -> Result<u64, cosmwasm_std::OverflowError> {
    let shifted = event_id
        .checked_mul(256)
        .ok_or(cosmwasm_std::OverflowError::new(
            cosmwasm_std::OverflowOperation::Mul,
        ))?;
    Ok(shifted | u64::from(tier))
}

/// Closes the tier's sales before the draw is requested: a seed could be known before the draw
/// is ready (to a provider, once reveals start), and a buyer who knew it would choose a position,
/// hence a seat. Any time the issuer chooses, even mid-sale, since no sale reopens it, but only
/// while the event has no minter (`EventHasMinters`).
pub fn draw_seats(
    deps: DepsMut,
    info: MessageInfo,
    event_id: u64,
    index: u8,
) -> Result<Response, ContractError> {
    let event = issued_event(deps.storage, &info, event_id)?;
    ensure_scheduled(&event)?;
    let mut tier = load_tier(deps.storage, event_id, index)?;
    if !tier.random_seats {
        return Err(ContractError::NotRandomSeats { tier: index });
    }
    if tier.seats_drawn {
        return Err(ContractError::SeatsAlreadyDrawn { tier: index });
    }
    // A minter (crowdfund) may owe rewards of this tier that a draw would make unmintable while
    // it still counts them as tickets left: the issuer removes its minters first. One read.
    if MINTERS
        .prefix(event_id)
        .keys_raw(deps.storage, None, None, Order::Ascending)
        .next()
        .is_some()
    {
        return Err(ContractError::EventHasMinters);
    }
    let randomness = CONFIG
        .load(deps.storage)?
        .randomness
        .ok_or(ContractError::RandomnessNotSet)?;
    let key = draw_key(event_id, index)?;
    tier.seats_drawn = true;
    TIERS.save(deps.storage, (event_id, index), &tier)?;
    let request = RandomnessExecuteMsg::RequestDraw {
        key,
        commits_close_at: None,
    };
    Ok(Response::new()
        .add_message(wasm_execute(randomness, &request, vec![])?)
        .add_attribute("action", "draw_seats")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tier", index.to_string())
        .add_attribute("key", key.to_string()))
}

/// Grants or withdraws a per-event role (scanner or minter).
pub fn set_role(
    deps: DepsMut,
    info: MessageInfo,
    event_id: u64,
    address: String,
    allowed: bool,
    minter: bool,
) -> Result<Response, ContractError> {
    issued_event(deps.storage, &info, event_id)?;
    let address = validate::address(deps.api, "address", &address)?;
    let role = if minter { MINTERS } else { SCANNERS };
    // The other side of `draw_seats`' rule: a minter named after a tier's seats were drawn could
    // be owed rewards (crowdfund counts the tier's tickets left) that no mint path would deliver.
    // At most 16 tiers.
    if minter && allowed {
        for tier in TIERS
            .prefix(event_id)
            .range(deps.storage, None, None, Order::Ascending)
        {
            if tier?.1.seats_drawn {
                return Err(ContractError::MinterAfterSeatDraw);
            }
        }
    }
    if allowed {
        role.save(deps.storage, (event_id, &address), &Empty {})?;
    } else {
        role.remove(deps.storage, (event_id, &address));
    }
    Ok(Response::new()
        .add_attribute("action", if minter { "set_minter" } else { "set_scanner" })
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("address", address)
        .add_attribute("allowed", allowed.to_string()))
}

pub fn cancel_event(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_id: u64,
) -> Result<Response, ContractError> {
    let mut event = load_event(deps.storage, event_id)?;
    if event.issuer != info.sender && !cw_ownable::is_owner(deps.storage, &info.sender)? {
        return Err(ContractError::NotIssuerOrOwner);
    }
    ensure_scheduled(&event)?;
    if env.block.time >= event.ends_at {
        return Err(ContractError::EventEnded);
    }
    event.status = EventStatus::Cancelled { at: env.block.time };
    EVENTS.save(deps.storage, event_id, &event)?;
    Ok(Response::new()
        .add_attribute("action", "cancel_event")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("escrow", escrow(deps.storage, event_id, &event)?))
}

/// After `ends_at` plus the settlement delay, unless a supervisor froze the event or complaints
/// wait for a ruling (for at most `REVIEW_SECONDS`). The issuer is paid only while in good standing: a suspended issuer's money
/// waits in escrow, and a revoked issuer's goes back to the holders (the event is cancelled and
/// each pulls a refund).
pub fn settle(deps: DepsMut, env: Env, event_id: u64) -> Result<Response, ContractError> {
    let mut event = load_event(deps.storage, event_id)?;
    ensure_scheduled(&event)?;
    let opens_at = event.ends_at.plus_seconds(event.settlement_delay_seconds);
    if env.block.time < opens_at {
        return Err(ContractError::SettlementNotOpen { opens_at });
    }
    if event.frozen {
        return Err(ContractError::SettlementWithheld { reason: "frozen" });
    }
    let review_ends_at = opens_at.plus_seconds(REVIEW_SECONDS);
    if event.complaints > 0 && !event.ruled_happened && env.block.time < review_ends_at {
        return Err(ContractError::UnderReview {
            complaints: event.complaints,
            until: review_ends_at,
        });
    }
    match mirror::standing(deps.storage, &event.issuer)? {
        Some(Standing::Active) => {}
        Some(Standing::Revoked) => {
            event.status = EventStatus::Cancelled { at: env.block.time };
            let record = add_event_record(
                deps.storage,
                &env,
                (event_id, &mut event),
                (SupervisionAction::ReturnedToHolders, &env.contract.address),
                ("the issuer was revoked before settlement", ""),
            )?;
            EVENTS.save(deps.storage, event_id, &event)?;
            return Ok(Response::new()
                .add_attribute("action", "settle")
                .add_attribute("event_id", event_id.to_string())
                .add_attribute("outcome", "returned_to_holders")
                .add_attribute("record", record.to_string()));
        }
        Some(Standing::Suspended) => {
            return Err(ContractError::SettlementWithheld {
                reason: "the issuer is suspended",
            })
        }
        None => {
            return Err(ContractError::SettlementWithheld {
                reason: "the issuer is not a partner",
            })
        }
    }
    let revenue = escrow(deps.storage, event_id, &event)?;
    let split = FeeSplit::new(revenue, event.platform_fee, event.burn_share)?;
    event.status = EventStatus::Settled { at: env.block.time };
    EVENTS.save(deps.storage, event_id, &event)?;
    if !revenue.is_zero() {
        add_to_report(
            deps.storage,
            &event.issuer,
            env.block.time,
            ReportTotals {
                sold: revenue,
                settled: split.rest,
                burned: split.burn,
                fees: split.fee,
                ..ReportTotals::default()
            },
        )?;
    }

    let config = CONFIG.load(deps.storage)?;
    let token = TOKEN.load(deps.storage)?;
    // The fee, the burn and the payout in one call into the token, atomically.
    let messages = disburse(
        &token,
        &[(&config.treasury, split.fee), (&event.issuer, split.rest)],
        split.burn,
    )?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "settle")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("outcome", "settled")
        .add_attribute("fee", split.fee)
        .add_attribute("burn", split.burn)
        .add_attribute("payout", split.rest)
        .add_attribute("issuer", event.issuer))
}

use cosmwasm_std::{Deps, Env, HexBinary, Order, StdResult};
use ctc_conventions::paging::page;
use ctc_conventions::validate;
use ctc_interfaces::randomness::{self, RandomnessQueryMsg};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::events::draw_key;
use crate::execute::tickets::{
    escrow, load_event, load_ticket, load_tier, minted_record, sold, status_name,
};
use crate::msg::{
    ConfigResponse, DayReport, EventBooking, EventResponse, EventStatus, EventsResponse,
    HistoryResponse, ListingResponse, ListingsResponse, PartnerReportResponse, ProvenanceRecord,
    ReportTotals, RolesResponse, SupervisionResponse, TicketStatus, TierResponse,
    VerifyTicketResponse,
};
use crate::state::{
    Event, Ticket, Tier, CONFIG, EVENTS, EVENT_RECORDS, EVENT_TEXTS, HISTORY, LISTINGS, MINTERS,
    REPORTS, SCANNERS, SEATS, TIERS, TOKEN, VOUCHERS,
};
use crate::validate::MAX_REPORT_DAYS;

/// A random-seat tier's seed as one query found it (`None` until the draw is ready), so that the
/// tickets of one tier on a page of `nft_by_extension`, which come in a run, ask the randomness
/// contract once.
pub type Seeds = Option<((u64, u8), Option<[u8; 32]>)>;

/// The seat of a ticket of `tier` with `serial`, if the tier is seated: in a random-seat tier,
/// the seat the draw deals its position, and none until the draw is ready.
pub fn seat_of(
    deps: Deps,
    env: &Env,
    event_id: u64,
    tier: &Tier,
    (index, serial): (u8, u32),
    seeds: &mut Seeds,
) -> StdResult<Option<String>> {
    if !tier.seated {
        return Ok(None);
    }
    let mut position = serial - tier.first_serial;
    if tier.random_seats {
        let seed = match *seeds {
            Some((drawn, seed)) if drawn == (event_id, index) => seed,
            _ => {
                let seed = drawn_seed(deps, env, event_id, index, tier)?;
                *seeds = Some(((event_id, index), seed));
                seed
            }
        };
        let Some(seed) = seed else {
            return Ok(None);
        };
        position = randomness::seat_of(&seed, position, tier.supply);
    }
    SEATS
        .load(deps.storage, (event_id, index, position))
        .map(Some)
}

/// The one field of the randomness contract's `DrawResponse` a seat needs (set once the draw is
/// ready, as `DrawResponse::ready_seed` reads it): the others are skipped unparsed, which keeps
/// a parser for the whole answer out of this contract, near the chain's size limit.
#[derive(serde::Deserialize)]
struct Drawn {
    seed: Option<HexBinary>,
}

/// One query to the randomness contract, and only once `DrawSeats` asked for the draw: before,
/// it holds no such draw. A failing query reads as not drawn yet, so the tier's tickets still
/// answer, without a seat.
fn drawn_seed(
    deps: Deps,
    env: &Env,
    event_id: u64,
    index: u8,
    tier: &Tier,
) -> StdResult<Option<[u8; 32]>> {
    if !tier.seats_drawn {
        return Ok(None);
    }
    // Set when the draw was asked for, and never unset since.
    let Some(randomness) = CONFIG.load(deps.storage)?.randomness else {
        return Ok(None);
    };
    let query = RandomnessQueryMsg::Draw {
        requester: env.contract.address.to_string(),
        key: draw_key(event_id, index)?,
    };
    let draw: Option<Drawn> = deps.querier.query_wasm_smart(randomness, &query).ok();
    Ok(draw
        .and_then(|draw| draw.seed)
        .and_then(|seed| seed.as_slice().try_into().ok()))
}

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: TOKEN.load(deps.storage)?,
        registry: config.registry,
        treasury: config.treasury,
        platform_fee: config.platform_fee,
        burn_share: config.burn_share,
        settlement_delay_seconds: config.settlement_delay_seconds,
        min_holder_identity: config.min_holder_identity,
        schedules: config.schedules,
        vouchers: VOUCHERS.may_load(deps.storage)?,
        randomness: config.randomness,
    })
}

fn event_view(deps: Deps, event_id: u64, event: Event) -> StdResult<EventResponse> {
    // Bounded by the 16 tiers an event may have.
    let tiers: Vec<TierResponse> = (0..event.tier_count)
        .map(|index| {
            let tier = TIERS.load(deps.storage, (event_id, index))?;
            Ok(TierResponse {
                sold: sold(deps.storage, event_id, &tier)?,
                name: tier.name,
                price: tier.price,
                supply: tier.supply,
                seated: tier.seated,
                per_wallet_limit: tier.per_wallet_limit,
                members_of: tier.members_of,
                random_seats: tier.random_seats,
                seats_drawn: tier.seats_drawn,
            })
        })
        .collect::<StdResult<_>>()?;
    let text = EVENT_TEXTS.load(deps.storage, event_id)?;
    // The config is read only for a booked event: crowdfund asks for events on its hot paths.
    let booking = match text.booking {
        Some(hall) => CONFIG
            .load(deps.storage)?
            .schedules
            .map(|schedules| EventBooking {
                schedules,
                booking_id: hall.booking_id,
                capacity: hall.capacity,
            }),
        None => None,
    };
    Ok(EventResponse {
        event_id,
        escrow: escrow(deps.storage, event_id, &event)?,
        tickets_minted: tiers.iter().map(|tier| tier.sold).sum(),
        issuer: event.issuer,
        title: text.title,
        venue: text.venue,
        description_uri: text.description_uri,
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        sale_starts_at: event.sale_starts_at,
        sale_ends_at: event.sale_ends_at,
        min_identity: event.min_identity,
        accepted_attesters: event.accepted_attesters,
        transfer_policy: event.transfer_policy,
        anti_scalping: event.anti_scalping,
        lock_before_start_seconds: event.lock_before_start_seconds,
        resale_cap_bps: event.resale_cap_bps,
        royalty: event.royalty,
        check_in_opens_before_seconds: event.check_in_opens_before_seconds,
        platform_fee: event.platform_fee,
        burn_share: event.burn_share,
        settlement_delay_seconds: event.settlement_delay_seconds,
        status: event.status,
        sale_paused: event.sale_paused,
        frozen: event.frozen,
        complaints: event.complaints,
        ruled_happened: event.ruled_happened,
        supervision_records: event.records,
        tiers,
        booking,
    })
}

pub fn event(deps: Deps, event_id: u64) -> Result<EventResponse, ContractError> {
    let event = load_event(deps.storage, event_id)?;
    Ok(event_view(deps, event_id, event)?)
}

pub fn events(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<EventsResponse, ContractError> {
    let entries = EVENTS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let events = page(entries, limit, |(event_id, event)| {
        event_view(deps, event_id, event)
    })?;
    Ok(EventsResponse { events })
}

/// Listings can only be bought while the event is scheduled, not frozen and its tickets not
/// locked.
fn listings_open(event: &Event, env: &Env) -> bool {
    event.status == EventStatus::Scheduled && !event.frozen && env.block.time < event.locks_at()
}

pub fn listings(
    deps: Deps,
    env: Env,
    event_id: u64,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<ListingsResponse, ContractError> {
    let event = load_event(deps.storage, event_id)?;
    // A closed market lists nothing and is not read; an oversized limit is refused all the same.
    let entries = listings_open(&event, &env).then(|| {
        LISTINGS.prefix(event_id).range(
            deps.storage,
            start_after.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
    });
    let listings = page(
        entries.into_iter().flatten(),
        limit,
        |(token_id, listing)| {
            Ok(ListingResponse {
                token_id,
                seller: listing.seller,
                price: listing.price,
            })
        },
    )?;
    Ok(ListingsResponse { listings })
}

pub fn listing(
    deps: Deps,
    env: Env,
    token_id: String,
) -> Result<Option<ListingResponse>, ContractError> {
    let ((event_id, _), _) = load_ticket(deps.storage, &token_id)?;
    if !listings_open(&load_event(deps.storage, event_id)?, &env) {
        return Ok(None);
    }
    let listing = LISTINGS.may_load(deps.storage, (event_id, &token_id))?;
    Ok(listing.map(|listing| ListingResponse {
        token_id,
        seller: listing.seller,
        price: listing.price,
    }))
}

pub fn history(
    deps: Deps,
    token_id: String,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<HistoryResponse, ContractError> {
    let ((event_id, _), ticket) = load_ticket(deps.storage, &token_id)?;
    let limit = ctc_conventions::paging::page_limit(limit)?;
    // The mint's record (sequence 0) is not stored; the rest are, from 1.
    let mut records = match start_after {
        None if limit > 0 => vec![minted_of(deps, &token_id, event_id, &ticket)?],
        _ => vec![],
    };
    // One record past the page: it names who received the page's last move.
    let mut stored = HISTORY
        .prefix(&token_id)
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit + 1 - records.len())
        .collect::<StdResult<Vec<_>>>()?
        .into_iter()
        .peekable();
    while let Some((sequence, record)) = stored.next() {
        if records.len() == limit {
            break;
        }
        let holder_after = match stored.peek() {
            Some((_, next)) => next.change.holder_before().clone(),
            None => ticket.owner.clone(),
        };
        records.push(ProvenanceRecord {
            sequence,
            change: record.change.answered(&holder_after),
            time: record.time,
            height: record.height,
        });
    }
    Ok(HistoryResponse { records })
}

fn minted_of(
    deps: Deps,
    token_id: &str,
    event_id: u64,
    ticket: &Ticket,
) -> StdResult<ProvenanceRecord> {
    let tier = TIERS.load(deps.storage, (event_id, ticket.tier))?;
    minted_record(deps.storage, token_id, ticket, &tier)
}

pub fn verify_ticket(
    deps: Deps,
    env: Env,
    token_id: String,
    holder: Option<String>,
) -> Result<VerifyTicketResponse, ContractError> {
    let ((event_id, serial), ticket) = load_ticket(deps.storage, &token_id)?;
    let event = load_event(deps.storage, event_id)?;
    let tier = load_tier(deps.storage, event_id, ticket.tier)?;
    let holder = validate::optional_address(deps.api, "holder", holder.as_deref())?;
    let reason = if ticket.status != TicketStatus::Valid {
        Some(format!("ticket is {}", status_name(&ticket.status)))
    } else if let EventStatus::Cancelled { .. } = event.status {
        Some("event is cancelled".to_owned())
    } else if env.block.time > event.ends_at {
        Some("event is over".to_owned())
    } else if holder
        .as_ref()
        .is_some_and(|holder| *holder != ticket.owner)
    {
        Some("held by someone else".to_owned())
    } else {
        None
    };
    Ok(VerifyTicketResponse {
        valid: reason.is_none(),
        reason,
        owner: ticket.owner,
        event_id,
        tier: ticket.tier,
        seat: seat_of(
            deps,
            &env,
            event_id,
            &tier,
            (ticket.tier, serial),
            &mut None,
        )?,
        status: ticket.status,
    })
}

pub fn roles(deps: Deps, event_id: u64, address: String) -> Result<RolesResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    Ok(RolesResponse {
        scanner: SCANNERS.has(deps.storage, (event_id, &address)),
        minter: MINTERS.has(deps.storage, (event_id, &address)),
    })
}

pub fn supervision_records(
    deps: Deps,
    event_id: u64,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<SupervisionResponse, ContractError> {
    load_event(deps.storage, event_id)?;
    let entries = EVENT_RECORDS.prefix(event_id).range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let records = page(entries, limit, |(_, record)| Ok(record))?;
    Ok(SupervisionResponse { records })
}

/// Reads at most `MAX_REPORT_DAYS` entries: one per day on which something moved.
pub fn partner_report(
    deps: Deps,
    partner: String,
    (from_day, to_day): (u32, u32),
) -> Result<PartnerReportResponse, ContractError> {
    let partner = validate::address(deps.api, "partner", &partner)?;
    if to_day < from_day || to_day - from_day >= MAX_REPORT_DAYS {
        return Err(ContractError::InvalidReportRange {
            max: MAX_REPORT_DAYS,
        });
    }
    let mut total = ReportTotals::default();
    let mut days = vec![];
    for entry in REPORTS.prefix(&partner).range(
        deps.storage,
        Some(Bound::inclusive(from_day)),
        Some(Bound::inclusive(to_day)),
        Order::Ascending,
    ) {
        let (day, totals) = entry?;
        total = total.checked_add(&totals)?;
        days.push(DayReport { day, totals });
    }
    Ok(PartnerReportResponse { days, total })
}

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw721::Approval;
use cw721::Expiration;
use cw_storage_plus::{Item, Map};

use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPoints;

use crate::msg::{EventStatus, ProvenanceRecord, TicketStatus, TransferPolicy};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub name: String,
    pub symbol: String,
    pub updated_at: Timestamp,
}

pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Event {
    pub issuer: Addr,
    pub title: String,
    pub venue: String,
    pub description_uri: Option<String>,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    pub min_identity: Option<IdentityLevel>,
    pub transfer_policy: TransferPolicy,
    pub lock_before_start_seconds: u64,
    pub resale_cap_bps: u32,
    pub royalty: BasisPoints,
    pub check_in_opens_before_seconds: u64,
    /// The platform's terms when the event was created; later config changes do not apply.
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub status: EventStatus,
    pub sale_paused: bool,
    /// CTC paid for this event's tickets and not yet settled or refunded.
    pub escrow: Uint128,
    pub tier_count: u8,
    /// Tickets minted so far; the next ticket's serial.
    pub tickets_minted: u32,
}

/// `seconds` before `time`, or the epoch if that is earlier, keeping sub-second precision.
pub fn before(time: Timestamp, seconds: u64) -> Timestamp {
    Timestamp::from_nanos(
        time.nanos()
            .saturating_sub(seconds.saturating_mul(1_000_000_000)),
    )
}

impl Event {
    /// Tickets stop moving from this moment.
    pub fn locks_at(&self) -> Timestamp {
        before(self.starts_at, self.lock_before_start_seconds)
    }

    /// Doors open for check-in from this moment until `ends_at`.
    pub fn check_in_opens_at(&self) -> Timestamp {
        before(self.starts_at, self.check_in_opens_before_seconds)
    }
}

pub const EVENTS: Map<u64, Event> = Map::new("events");
pub const EVENT_COUNT: Item<u64> = Item::new("event_count");

#[cw_serde]
pub struct Tier {
    pub name: String,
    pub price: Uint128,
    pub supply: u32,
    pub sold: u32,
    /// Seat labels are in `SEATS`, one entry per ticket, so a sale reads only its own seat.
    pub seated: bool,
    pub per_wallet_limit: Option<u32>,
}

pub const TIERS: Map<(u64, u8), Tier> = Map::new("tiers");
/// (event, tier, position in the tier) → seat label, handed out in order.
pub const SEATS: Map<(u64, u8, u32), String> = Map::new("seats");

/// Tickets bought per (event, tier, wallet), for per-wallet limits: a purchase counts for the
/// payer and, when different, for the recipient.
pub const PURCHASES: Map<(u64, u8, &Addr), u32> = Map::new("purchases");
pub const SCANNERS: Map<(u64, &Addr), Empty> = Map::new("scanners");
pub const MINTERS: Map<(u64, &Addr), Empty> = Map::new("minters");

#[cw_serde]
pub struct Ticket {
    pub owner: Addr,
    pub event_id: u64,
    pub tier: u8,
    pub seat: Option<String>,
    pub face_price: Uint128,
    /// What is held in escrow for it, the holder's refund if the show is cancelled: the face price
    /// on a sale plus each resale's royalty; zero when minted as reserved.
    pub paid: Uint128,
    pub status: TicketStatus,
    pub approvals: Vec<Approval>,
    /// Moves between wallets so far (gifts and resales), capped by the transfer policy.
    pub transfers: u32,
    /// Provenance records kept so far; the next one gets this number.
    pub history_len: u32,
}

pub const TICKETS: Map<&str, Ticket> = Map::new("tickets");
/// (owner, token id): the cw721 `Tokens { owner }` index.
pub const OWNED: Map<(&Addr, &str), Empty> = Map::new("owned");
pub const OPERATORS: Map<(&Addr, &Addr), Expiration> = Map::new("operators");
pub const TICKET_COUNT: Item<u64> = Item::new("ticket_count");

#[cw_serde]
pub struct Listing {
    pub seller: Addr,
    pub price: Uint128,
}

/// Keyed by (event id, token id), so an event's listings are one prefix.
pub const LISTINGS: Map<(u64, &str), Listing> = Map::new("listings");

pub const HISTORY: Map<(&str, u32), ProvenanceRecord> = Map::new("history");

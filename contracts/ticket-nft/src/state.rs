use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw721::Approval;
use cw721::Expiration;
use cw_storage_plus::{Item, Map};

use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPoints;

use crate::msg::{
    AntiScalpingRules, EventStatus, Provenance, ReportTotals, SupervisionRecord, TicketStatus,
    TransferPolicy,
};

#[cw_serde]
pub struct Config {
    pub registry: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub name: String,
    pub symbol: String,
    pub updated_at: Timestamp,
    /// The least identity any holder needs, fixed into each event at creation: events may ask
    /// more, never less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_holder_identity: Option<IdentityLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedules: Option<Addr>,
    /// The randomness contract `DrawSeats` asks for a tier's draw; read only by that and by the
    /// seat of a random-seat tier's ticket, so no sale pays for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomness: Option<Addr>,
}

pub const CONFIG: Item<Config> = Item::new("config");
/// The CTC token, apart from the rest of the config: every purchase checks its hook's sender
/// against it and needs nothing else from the config.
pub const TOKEN: Item<Addr> = Item::new("token");
/// The vouchers contract tickets bought with a voucher are reported to (`SetVouchers`), apart
/// from the config as the token is: only a purchase that names a voucher reads it, so a purchase
/// without one reads no more than before.
pub const VOUCHERS: Item<Addr> = Item::new("vouchers");

/// An event's rules: what sales, moves, the door and settlement read. Its texts are in
/// `EVENT_TEXTS` and its money in the tiers and `LEDGERS`, so no hot path reads or rewrites them.
#[cw_serde]
pub struct Event {
    pub issuer: Addr,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_identity: Option<IdentityLevel>,
    /// Whose attestations count for this event's identity checks and per-person limits; any
    /// attester's when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_attesters: Vec<Addr>,
    pub transfer_policy: TransferPolicy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anti_scalping: Option<AntiScalpingRules>,
    pub lock_before_start_seconds: u64,
    pub resale_cap_bps: u32,
    pub royalty: BasisPoints,
    pub check_in_opens_before_seconds: u64,
    /// The platform's terms when the event was created; later config changes do not apply.
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub status: EventStatus,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sale_paused: bool,
    pub tier_count: u8,
    /// A supervisor stopped sales, moves and resale (`FreezeEvent`); settlement waits too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub frozen: bool,
    /// Holders' complaints filed after the show; while any stands unruled, settlement waits.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub complaints: u32,
    /// A supervisor ruled that the show happened: complaints no longer hold settlement back.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ruled_happened: bool,
    /// Supervision records kept in `EVENT_RECORDS`; the next one gets this number.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub records: u32,
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

/// What people read about an event and no rule does.
#[cw_serde]
pub struct EventText {
    pub title: String,
    pub venue: String,
    pub description_uri: Option<String>,
    /// The booking the event was issued from, kept here because no hot path reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<BookedHall>,
}

/// A booking in the configured schedules contract, and its hall's seats.
#[cw_serde]
#[derive(Copy)]
pub struct BookedHall {
    pub booking_id: u64,
    pub capacity: u32,
}

pub const EVENT_TEXTS: Map<u64, EventText> = Map::new("event_texts");

/// The money an event holds beyond its tiers' sales: the escrow is the paid tickets at their
/// tier's price, plus `royalties`, minus `refunded` (nothing once settled). Written only by
/// resales and refunds, so a purchase writes no event-wide record.
#[cw_serde]
#[derive(Default)]
pub struct Ledger {
    pub royalties: Uint128,
    pub refunded: Uint128,
    /// What minters paid in with `MintFunded` tickets (their value, held like a price).
    #[serde(default, skip_serializing_if = "Uint128::is_zero")]
    pub funded: Uint128,
}

pub const LEDGERS: Map<u64, Ledger> = Map::new("ledgers");

/// A tier sold so far is not stored: tickets are numbered tier by tier (`first_serial` onwards),
/// so the last ticket of the tier's range tells it (`execute::tickets::sold`).
#[cw_serde]
pub struct Tier {
    pub name: String,
    pub price: Uint128,
    pub supply: u32,
    /// The serial of the tier's first ticket: the supply of the tiers before it.
    pub first_serial: u32,
    /// Seat labels are in `SEATS`, one entry per ticket: only the queries that show a seat read
    /// it, no sale does.
    pub seated: bool,
    pub per_wallet_limit: Option<u32>,
    /// Tickets that hold their own `value` in escrow instead of the tier's price: minted outside
    /// the sale (`MintReserved`: nothing; `MintFunded`: the minter's share) or bought with a
    /// voucher (what was paid for each).
    pub reserved: u32,
    /// Only members of this pass class in the vouchers contract may buy the tier: a purchase
    /// must name one of its passes. Left out when `None`, so tiers stored before keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_of: Option<u64>,
    /// A seated tier whose seats are dealt by a draw (`DrawSeats`) instead of in order of sale,
    /// so that no buyer picks a seat by when they buy. Left out when false, as `members_of`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub random_seats: bool,
    /// `DrawSeats` asked for the draw: the tier's sales are closed for good, since a buyer who
    /// could know the seed would choose a position, and so a seat.
    #[serde(default, skip_serializing_if = "is_false")]
    pub seats_drawn: bool,
}

impl Tier {
    pub fn end_serial(&self) -> u32 {
        self.first_serial + self.supply
    }
}

pub const TIERS: Map<(u64, u8), Tier> = Map::new("tiers");
/// (event, tier, position in the tier) → seat label, handed out in order; in a random-seat tier,
/// the ticket at position p sits at `randomness::seat_of(seed, p, supply)` once drawn.
pub const SEATS: Map<(u64, u8, u32), String> = Map::new("seats");

/// Tickets bought per (event, tier, wallet), for per-wallet limits: a purchase counts for the
/// payer and, when different, for the recipient.
pub const PURCHASES: Map<(u64, u8, &Addr), u32> = Map::new("purchases");
/// At a real-name event the limit counts people instead: (event, tier, attester, the attester's
/// subject for the person) → tickets bought or received.
pub const PERSON_PURCHASES: Map<PersonKey, u32> = Map::new("person_purchases");
/// ((event, tier), attester, subject).
pub type PersonKey<'a> = ((u64, u8), &'a Addr, &'a [u8]);
pub const SCANNERS: Map<(u64, &Addr), Empty> = Map::new("scanners");
pub const MINTERS: Map<(u64, &Addr), Empty> = Map::new("minters");

fn is_zero(value: &u32) -> bool {
    *value == 0
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_valid(status: &TicketStatus) -> bool {
    *status == TicketStatus::Valid
}

/// A ticket as stored: every purchase writes one, so a field at its usual value is left out
/// (each byte written costs 30 gas). The event and serial are its key; its face price, seat and
/// the mint's provenance record follow from its tier and the fields here.
#[cw_serde]
pub struct Ticket {
    pub owner: Addr,
    pub tier: u8,
    /// When it was minted: the time and height of its first provenance record.
    pub minted_at: Timestamp,
    pub minted_height: u64,
    #[serde(default, skip_serializing_if = "is_valid")]
    pub status: TicketStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<Approval>,
    /// Moves between wallets so far (gifts and resales), capped by the transfer policy.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub transfers: u32,
    /// Provenance records stored after the mint's (which is not stored): they are numbered from 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub records: u32,
    /// Minted outside the sale or bought with a voucher: escrow holds its `value` for it, not
    /// its tier's price.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reserved: bool,
    /// Royalties of its resales, held in escrow for it on top of the price.
    #[serde(default, skip_serializing_if = "Uint128::is_zero")]
    pub royalties: Uint128,
    /// Whether `LISTINGS` holds an entry for it, so a move deletes one only when there is one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub listed: bool,
    /// What a minter paid in for it with `MintFunded`, or its buyer with a voucher (a reserved
    /// ticket's refund).
    #[serde(default, skip_serializing_if = "Uint128::is_zero")]
    pub value: Uint128,
    /// Held on a regulator's order by this partner, which attested its owner: it neither moves
    /// nor is refunded until that partner or a supervisor lifts the hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<Addr>,
    /// Its holder filed a complaint about the show (once per ticket).
    #[serde(default, skip_serializing_if = "is_false")]
    pub complained: bool,
}

impl Ticket {
    /// What escrow holds for this ticket: its holder's refund if the show is cancelled.
    pub fn paid(&self, tier: &Tier) -> Result<Uint128, cosmwasm_std::OverflowError> {
        let price = if self.reserved {
            self.value
        } else {
            tier.price
        };
        price.checked_add(self.royalties)
    }
}

/// (event id, serial): the token id `"{event}-{serial}"` parsed, so a tier's tickets are one
/// ordered range.
pub const TICKETS: Map<(u64, u32), Ticket> = Map::new("tickets");
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

/// A change as stored. A move leaves out who received the ticket, which the next record's holder
/// (or, for the last record, the ticket's owner) tells: every gift and resale writes about 50
/// bytes, 1,500 gas, less. Records 0.2.0 wrote, with the receiver, still load.
#[cw_serde]
pub enum Change {
    Transferred {
        from: Addr,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Addr>,
    },
    Resold {
        from: Addr,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Addr>,
        price: Uint128,
    },
    CheckedIn {
        holder: Addr,
        scanner: Addr,
    },
    Refunded {
        to: Addr,
        amount: Uint128,
    },
    Complained {
        holder: Addr,
        digest: String,
    },
    Hold {
        held: bool,
        holder: Addr,
        by: Addr,
        reason: String,
        digest: String,
    },
}

impl Change {
    /// Who held the ticket when it happened: before it, for a move.
    pub fn holder_before(&self) -> &Addr {
        match self {
            Self::Transferred { from, .. } | Self::Resold { from, .. } => from,
            Self::Refunded { to, .. } => to,
            Self::CheckedIn { holder, .. }
            | Self::Complained { holder, .. }
            | Self::Hold { holder, .. } => holder,
        }
    }

    /// The change as answered, `holder_after` naming a move's receiver where it was not stored.
    pub fn answered(self, holder_after: &Addr) -> Provenance {
        let received = |to: Option<Addr>| to.unwrap_or_else(|| holder_after.clone());
        match self {
            Self::Transferred { from, to } => Provenance::Transferred {
                from,
                to: received(to),
            },
            Self::Resold { from, to, price } => Provenance::Resold {
                from,
                to: received(to),
                price,
            },
            Self::CheckedIn { holder, scanner } => Provenance::CheckedIn { holder, scanner },
            Self::Refunded { to, amount } => Provenance::Refunded { to, amount },
            Self::Complained { holder, digest } => Provenance::Complained { holder, digest },
            Self::Hold {
                held,
                holder,
                by,
                reason,
                digest,
            } => Provenance::Hold {
                held,
                holder,
                by,
                reason,
                digest,
            },
        }
    }
}

/// A provenance record as stored: its sequence is its key, so it is not written again.
#[cw_serde]
pub struct Record {
    pub change: Change,
    pub time: Timestamp,
    pub height: u64,
    /// Written by 0.2.0; read and ignored.
    #[serde(default, skip_serializing)]
    pub sequence: u32,
}

/// (token id, sequence from 1): what happened to a ticket after its mint.
pub const HISTORY: Map<(&str, u32), Record> = Map::new("history");

/// (event id, record id from 0): what supervisors did to an event and why.
pub const EVENT_RECORDS: Map<(u64, u32), SupervisionRecord> = Map::new("event_records");

/// (issuer, UTC day since the epoch) → the money of its events that moved that day.
pub const REPORTS: Map<(&Addr, u32), ReportTotals> = Map::new("reports");

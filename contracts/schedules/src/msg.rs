use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::schedules::BookingStatus;

#[cw_serde]
pub struct InstantiateMsg {
    /// The partner registry: who is a theater, who may issue tickets.
    pub registry: String,
    /// The only address that may send `mark_issued`, and the one asked whether an issued
    /// booking's event is cancelled; the owner may set it later, once.
    pub ticket_nft: Option<String>,
    /// The owner, who sets `ticket_nft`; the sender when omitted.
    pub owner: Option<String>,
}

/// What a confirmed booking's two sides agreed on when the slot was published.
#[cw_serde]
#[derive(Copy)]
pub struct BookingTerms {
    /// Either side may cancel a confirmed booking alone until this long before it starts;
    /// closer to the start only both together may (at most 365 days).
    pub cancel_notice_seconds: u64,
}

/// The two sides of a booking.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Party {
    /// The venue's owner.
    Theater,
    Requester,
}

impl Party {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Theater => "theater",
            Self::Requester => "requester",
        }
    }
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// An admitted, Active partner of kind Theater. `address_digest` is the sha256 of the
    /// venue's street address, kept off chain.
    RegisterVenue {
        name: String,
        city: String,
        address_digest: String,
    },
    /// The venue's owner, still an Active theater; at most 32 halls per venue, capacity 1 to
    /// 100,000.
    AddHall {
        venue_id: u64,
        name: String,
        capacity: u32,
    },
    /// The venue's owner, still an Active theater: offers the hall from `starts_at` (in the future) to `ends_at` (after
    /// it, at most 30 days later).
    PublishSlot {
        hall_id: u64,
        starts_at: Timestamp,
        ends_at: Timestamp,
        terms: BookingTerms,
    },
    /// The venue's owner, while the slot has no confirmed booking.
    WithdrawSlot { slot_id: u64 },
    /// A partner holding IssueTickets, not the venue's owner.
    RequestBooking { slot_id: u64 },
    /// The venue's owner, still an Active theater, while requested and no later than the
    /// booking's notice before it starts, for a requester still holding IssueTickets: confirms
    /// it if the hall is free for its whole time.
    AcceptBooking { booking_id: u64 },
    /// The venue's owner, while requested.
    DeclineBooking { booking_id: u64 },
    /// The requester, while requested.
    WithdrawRequest { booking_id: u64 },
    /// Either side of a confirmed booking, before it starts. Unissued: cancels it alone while
    /// the notice allows, otherwise proposes the cancellation, which the other side's
    /// `cancel_booking` completes and the proposer's own retracts. Issued: cancels it alone once
    /// ticket-nft answers that the event is cancelled, and never before.
    CancelBooking { booking_id: u64 },
    /// The configured ticket-nft: the event issued for a confirmed booking, once.
    MarkIssued { booking_id: u64, event_id: u64 },
    /// Owner, once, while none is configured.
    SetTicketNft { address: String },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The venue with its halls.
    #[returns(VenueResponse)]
    Venue { venue_id: u64 },
    #[returns(SlotResponse)]
    Slot { slot_id: u64 },
    /// Confirmed bookings of the hall starting in [`from`, `to`), earliest first; `start_after`
    /// is the `starts_at` of the last one read. A first page (no `start_after`) also begins with
    /// the booking that started before `from` and still runs at `from`, if `from < to`.
    #[returns(CalendarResponse)]
    HallCalendar {
        hall_id: u64,
        from: Timestamp,
        to: Timestamp,
        start_after: Option<Timestamp>,
        limit: Option<u32>,
    },
    /// Published slots of `city` starting in [`from`, `to`), not yet started (`from` is raised
    /// to the block time), whose hall no confirmed booking holds for any of the slot's time,
    /// earliest first. A page reads at most 100 slots: continue from `next` while it is set.
    #[returns(FreeSlotsResponse)]
    FreeSlots {
        city: String,
        from: Timestamp,
        to: Timestamp,
        start_after: Option<SlotCursor>,
        limit: Option<u32>,
    },
    /// A requester's bookings, oldest first.
    #[returns(TourResponse)]
    Tour {
        requester: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Deserializes into `ctc_interfaces::schedules::BookingSummary`.
    #[returns(BookingResponse)]
    Booking { booking_id: u64 },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub registry: Addr,
    pub ticket_nft: Option<Addr>,
}

#[cw_serde]
pub struct HallResponse {
    pub hall_id: u64,
    pub name: String,
    pub capacity: u32,
}

#[cw_serde]
pub struct VenueResponse {
    pub venue_id: u64,
    pub owner: Addr,
    pub name: String,
    pub city: String,
    pub address_digest: String,
    pub halls: Vec<HallResponse>,
}

#[cw_serde]
pub struct SlotResponse {
    pub slot_id: u64,
    pub venue_id: u64,
    pub hall_id: u64,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub terms: BookingTerms,
    /// The confirmed booking holding the slot's hall, if any.
    pub booking_id: Option<u64>,
}

/// Where a `free_slots` page stopped: the last slot read.
#[cw_serde]
pub struct SlotCursor {
    pub starts_at: Timestamp,
    pub slot_id: u64,
}

#[cw_serde]
pub struct FreeSlotsResponse {
    pub slots: Vec<SlotResponse>,
    /// Pass as `start_after` for the next page; `None` once the range is read to its end.
    pub next: Option<SlotCursor>,
}

#[cw_serde]
pub struct CalendarEntry {
    pub booking_id: u64,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub requester: Addr,
    pub event_id: Option<u64>,
}

#[cw_serde]
pub struct CalendarResponse {
    pub bookings: Vec<CalendarEntry>,
}

#[cw_serde]
pub struct BookingResponse {
    pub booking_id: u64,
    pub slot_id: u64,
    pub venue_id: u64,
    pub hall_id: u64,
    pub venue_name: String,
    pub hall_name: String,
    pub city: String,
    pub capacity: u32,
    pub requester: Addr,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub status: BookingStatus,
    pub theater_confirmed: bool,
    pub requester_confirmed: bool,
    pub terms: BookingTerms,
    /// The side that proposed cancelling a confirmed booking inside the notice.
    pub cancel_proposed_by: Option<Party>,
    pub event_id: Option<u64>,
}

#[cw_serde]
pub struct TourResponse {
    pub bookings: Vec<BookingResponse>,
}

use cosmwasm_std::StdError;
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::Denial;
use thiserror::Error;

use crate::msg::BookingStatus;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// text lengths, the address digest, page limits, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("{address} was never admitted as a partner")]
    NotAPartner { address: String },

    #[error("{address} is a partner but not an active one")]
    PartnerNotActive { address: String },

    #[error("{address} is not a theater: only theaters register venues")]
    NotATheater { address: String },

    /// From the registry's `has_capability` answer: `not_a_partner`, `suspended`, `revoked` or
    /// `not_granted`.
    #[error("{address} may not issue tickets: {}", .reason.as_str())]
    CannotIssueTickets { address: String, reason: Denial },

    #[error("no venue {venue_id}")]
    UnknownVenue { venue_id: u64 },

    #[error("no hall {hall_id}")]
    UnknownHall { hall_id: u64 },

    #[error("no slot {slot_id}")]
    UnknownSlot { slot_id: u64 },

    #[error("no booking {booking_id}")]
    UnknownBooking { booking_id: u64 },

    #[error("only the owner of venue {venue_id} may do this")]
    NotVenueOwner { venue_id: u64 },

    #[error("a venue has at most {max} halls")]
    TooManyHalls { max: usize },

    #[error("a hall's capacity is between 1 and {max}")]
    InvalidCapacity { max: u32 },

    #[error("a slot must start in the future")]
    StartsInPast,

    #[error("a slot starts at most {max_seconds} seconds ahead")]
    StartsTooLate { max_seconds: u64 },

    #[error("a slot must end after it starts")]
    EndsBeforeStart,

    #[error("a slot lasts at most {max_seconds} seconds")]
    SlotTooLong { max_seconds: u64 },

    #[error("the cancellation notice is at most {max_seconds} seconds")]
    NoticeTooLong { max_seconds: u64 },

    #[error("the slot is held by confirmed booking {booking_id}")]
    SlotBooked { booking_id: u64 },

    #[error("slot {slot_id} has already started")]
    SlotStarted { slot_id: u64 },

    #[error("slot {slot_id} was withdrawn")]
    SlotWithdrawn { slot_id: u64 },

    #[error("a venue's owner cannot book its own slot")]
    OwnSlot,

    /// Accepting a booking that starts sooner than its notice would bind the requester at once.
    #[error("the booking starts within its {notice_seconds}-second cancellation notice: too late to accept")]
    InsideNotice { notice_seconds: u64 },

    #[error("the hall is held by confirmed booking {booking_id} for part of that time")]
    HallTaken { booking_id: u64 },

    #[error("the booking is {}, not requested", .status.as_str())]
    NotRequested { status: BookingStatus },

    #[error("the booking is {}, not confirmed", .status.as_str())]
    NotConfirmed { status: BookingStatus },

    #[error("only the requester may do this")]
    NotRequester,

    #[error("only the venue's owner or the requester may cancel a booking")]
    NotAParty,

    #[error("the booking has ended: there is nothing left to free")]
    BookingEnded,

    #[error("event {event_id} was issued for the booking: it is cancelled once ticket-nft cancels the event")]
    BookingIssued { event_id: u64 },

    #[error("only the configured ticket-nft may mark a booking issued")]
    NotTicketNft,

    #[error("ticket-nft is set once: the bookings already issued name its events")]
    TicketNftAlreadySet,

    #[error("the booking was already issued as event {event_id}")]
    AlreadyIssued { event_id: u64 },
}

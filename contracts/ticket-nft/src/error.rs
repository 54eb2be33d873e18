use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPointsError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every platform contract shares: funds, ownership, addresses, text lengths,
    /// the CTC hook's token, page limits and migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("{0}")]
    BasisPoints(#[from] BasisPointsError),

    #[error(transparent)]
    Proof(#[from] ctc_interfaces::proof::ProofError),

    #[error("invalid event: {reason}")]
    InvalidEvent { reason: String },

    #[error("invalid tier: {reason}")]
    InvalidTier { reason: String },

    #[error("the issuer cannot sell: {reason}")]
    IssuerNotAllowed { reason: &'static str },

    #[error("event {event_id} does not exist")]
    EventNotFound { event_id: u64 },

    #[error("event {event_id} has no tier {tier}")]
    TierNotFound { event_id: u64, tier: u8 },

    #[error("ticket {token_id} does not exist")]
    TicketNotFound { token_id: String },

    #[error("only the event's issuer may do this")]
    NotIssuer,

    #[error("only the event's issuer or the platform owner may do this")]
    NotIssuerOrOwner,

    #[error("the sale of this event has already started")]
    SaleStarted,

    #[error("the sale is not open: it runs from {starts_at} to {ends_at}")]
    SaleClosed {
        starts_at: Timestamp,
        ends_at: Timestamp,
    },

    #[error("the sale is paused")]
    SalePaused,

    #[error("the event is cancelled")]
    EventCancelled,

    #[error("the event is settled")]
    EventSettled,

    #[error("the event is not cancelled")]
    EventNotCancelled,

    #[error("the event has ended")]
    EventEnded,

    #[error("between 1 and {max} tickets per message")]
    InvalidQuantity { max: u32 },

    #[error("wrong amount: {expected} expected, {received} received")]
    WrongAmount {
        expected: Uint128,
        received: Uint128,
    },

    #[error("sold out: {left} left")]
    SoldOut { left: u32 },

    #[error("over the wallet limit of {limit}: {already} already bought")]
    WalletLimit { limit: u32, already: u32 },

    #[error("identity level {} required", .required.as_str())]
    IdentityTooLow { required: IdentityLevel },

    #[error("not allowed to move ticket {token_id}")]
    NotAllowedToMove { token_id: String },

    #[error("tickets of this event cannot be transferred")]
    NonTransferable,

    #[error("this ticket reached its limit of {max} transfers")]
    TransferLimitReached { max: u32 },

    #[error("tickets stopped moving at {locked_at}, before the event starts")]
    TicketsLocked { locked_at: Timestamp },

    #[error("the ticket is {status} and can no longer move or be listed")]
    TicketNotValid { status: &'static str },

    #[error("tickets are never burned: they are used or refunded, and keep their history")]
    BurnNotSupported,

    #[error("resale is not allowed for this event")]
    ResaleNotAllowed,

    #[error("price {price} is above the resale cap of {cap}")]
    AboveResaleCap { price: Uint128, cap: Uint128 },

    #[error("a resale price must be greater than zero")]
    ZeroPrice,

    #[error("a ticket minted outside the sale or bought with a voucher cannot be listed")]
    ReservedNotForSale,

    #[error("a ticket has at most {max} approved spenders at a time")]
    TooManyApprovals { max: usize },

    #[error("ticket {token_id} is not listed")]
    NotListed { token_id: String },

    #[error("the seller cannot buy its own listing")]
    OwnListing,

    #[error("only the ticket's owner may do this")]
    NotOwner,

    #[error("only a scanner of this event may check tickets in")]
    NotScanner,

    #[error("only a minter authorised for this event may mint reserved tickets")]
    NotMinter,

    #[error("check-in is open from {opens_at} to {closes_at}")]
    CheckInClosed {
        opens_at: Timestamp,
        closes_at: Timestamp,
    },

    #[error("the ticket was already checked in")]
    AlreadyCheckedIn,

    #[error("the ticket was already refunded")]
    AlreadyRefunded,

    #[error("settlement opens at {opens_at}")]
    SettlementNotOpen { opens_at: Timestamp },

    #[error("Cannot set approval that is already expired")]
    Expired,

    #[error("the settlement delay is at most {max} seconds")]
    SettlementDelayTooLong { max: u64 },

    // Refusals of cw721 messages the ticket rules forbid.
    #[error("tickets are minted only by their event's sale or by its authorised minters with mint_reserved, never by cw721 mint")]
    MintNotSupported,

    #[error("minters are authorised per event by its issuer with set_minter; the collection has no additional minters")]
    MintersPerEvent,

    #[error("the collection's name and symbol are fixed; each event carries its own details")]
    CollectionInfoFixed,

    #[error("a ticket's metadata is its event's and tier's: the issuer edits the event with update_event before the sale")]
    NftInfoFromEvent,

    #[error("the contract holds no native funds to withdraw: CTC escrow leaves only by settlement and refunds, so there is no withdraw address")]
    NoWithdrawals,

    #[error("ticket-nft has no cw721 extension messages")]
    ExtensionNotSupported,

    // Anti-scalping, supervision and after the show.
    #[error("the event's circulation is frozen by a supervisor")]
    EventFrozen,

    #[error("the ticket is held on a regulator's order")]
    TicketHeld,

    #[error("the issuer's tickets cannot move: {reason}")]
    IssuerNotActive { reason: &'static str },

    #[error("{mover} is not a market this event allows to move its tickets")]
    MarketNotAllowed { mover: String },

    #[error("the {party} of a gift needs identity level {}", .required.as_str())]
    GiftIdentityTooLow {
        party: &'static str,
        required: IdentityLevel,
    },

    #[error(
        "a real-name event counts people: the accepted attester of this address gave no subject"
    )]
    NoSubject,

    #[error("over the per-person limit of {limit}: {already} already bought or received")]
    PersonLimit { limit: u32, already: u32 },

    #[error("an event asks at least identity level {}, the platform's minimum for holders", .minimum.as_str())]
    BelowPlatformIdentity { minimum: IdentityLevel },

    #[error("complaints are filed from {opens_at} until {closes_at}")]
    ComplaintWindow {
        opens_at: Timestamp,
        closes_at: Timestamp,
    },

    #[error("a complaint was already filed for this ticket")]
    AlreadyComplained,

    #[error("settlement waits until {until} for a ruling on {complaints} complaint(s)")]
    UnderReview { complaints: u32, until: Timestamp },

    #[error("a complaint is a claim on escrow: this ticket holds nothing there")]
    NothingAtStake,

    #[error("settlement is withheld: {reason}")]
    SettlementWithheld { reason: &'static str },

    #[error("only the platform owner, the registry's authority or a regulator may do this")]
    NotSupervisor,

    #[error("only the partner that attested the ticket's owner, or a supervisor, may do this")]
    NotHoldersAttester,

    #[error("a ruling is given after the event ends and before it settles")]
    RulingNotOpen,

    #[error("the ticket is already {}", if *.held { "held" } else { "not held" })]
    HoldUnchanged { held: bool },

    #[error("the event is already {}", if *.frozen { "frozen" } else { "not frozen" })]
    FreezeUnchanged { frozen: bool },

    #[error("a report covers at most {max} days, from_day to to_day")]
    InvalidReportRange { max: u32 },

    #[error("no schedules contract is configured: events cannot be issued from bookings")]
    SchedulesNotSet,

    #[error("the schedules contract is set once: events already name their bookings there")]
    SchedulesAlreadySet,

    #[error("booking {booking_id} is {}, not confirmed", .status.as_str())]
    BookingNotConfirmed {
        booking_id: u64,
        status: ctc_interfaces::schedules::BookingStatus,
    },

    #[error("booking {booking_id} holds the hall for another partner")]
    NotBookingRequester { booking_id: u64 },

    #[error("booking {booking_id} already issued event {event_id}")]
    BookingAlreadyIssued { booking_id: u64, event_id: u64 },

    #[error("the event must lie inside its booking, from {starts_at} to {ends_at}")]
    OutsideBooking {
        starts_at: Timestamp,
        ends_at: Timestamp,
    },

    #[error("{supply} tickets exceed the hall's {capacity} seats")]
    OverCapacity { capacity: u32, supply: u64 },

    #[error("the venue of an event issued from a booking is the booking's")]
    VenueFromBooking,

    #[error("no vouchers contract is configured: tickets cannot be bought with a voucher")]
    VouchersNotSet,

    #[error("the vouchers contract is set once: it counts the vouchers spent for tickets")]
    VouchersAlreadySet,

    #[error("this tier is for members: name a pass of class {class_id} as the voucher")]
    MembersOnly { class_id: u64 },

    #[error("no randomness contract is configured: seats cannot be drawn")]
    RandomnessNotSet,

    #[error("a tier of this event has drawn its seats: no minter may be added")]
    MinterAfterSeatDraw,

    #[error("tier {tier} does not have random seats")]
    NotRandomSeats { tier: u8 },

    #[error("the seats of tier {tier} were already drawn")]
    SeatsAlreadyDrawn { tier: u8 },

    #[error("the seats of this tier are drawn: its sales are closed")]
    SeatsDrawn,

    #[error("remove the event's minters before drawing seats")]
    EventHasMinters,

    #[error("the randomness contract is set once")]
    RandomnessFixed,
}

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};

// Messages are static text: the fields carry the details (a client reads them from the JSON of
// the error's Debug form or from the message it sent), and formatting them would cost artifact
// size.
use ctc_conventions::ConventionError;
use ctc_interfaces::proof::ProofError;
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPointsError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// text lengths, digests, page limits, the configured token, the registry's mirror, migration.
    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error(transparent)]
    Proof(#[from] ProofError),

    #[error(transparent)]
    BasisPoints(#[from] BasisPointsError),

    // Not found.
    #[error("no such voucher class")]
    ClassNotFound { class_id: u64 },

    #[error("no such voucher")]
    VoucherNotFound { token_id: String },

    // Who.
    #[error("only the class's issuer may do this")]
    NotIssuer,

    #[error("only a scanner the class's issuer set may redeem its vouchers")]
    NotScanner,

    #[error("only the voucher's holder may do this")]
    NotHolder,

    #[error("only the ticket-nft this contract was set up with may use vouchers for tickets")]
    NotTicketNft,

    #[error("the ticket-nft is already set")]
    TicketNftAlreadySet,

    #[error("only the owner, the registry's authority or a regulator may do this")]
    NotSupervisor,

    /// From the registry's mirrored standing: `not_a_partner`, `suspended`, `revoked` or
    /// `not_granted`.
    #[error("the issuer may not issue vouchers now (see reason)")]
    IssuerNotAllowed { reason: &'static str },

    #[error("the merchant is suspended: its earnings wait until it is reinstated")]
    MerchantSuspended,

    #[error("only a partner the registry reported may name scanners")]
    NotAPartner,

    // Class terms.
    #[error("invalid voucher class (see reason)")]
    InvalidClass { reason: &'static str },

    #[error("a class's minimum identity cannot be below the platform's")]
    IdentityBelowPlatform { minimum: IdentityLevel },

    #[error("the class has a price: buy it with a CTC Send")]
    NotFree,

    #[error("the class is free: claim it")]
    NotPriced,

    #[error("this kind of voucher is not redeemed by scan (passes and ticket coupons are used with a ticket purchase)")]
    NotRedeemable,

    // Time and state.
    #[error("the class's sale is not open now")]
    SaleClosed {
        opens_at: Timestamp,
        closes_at: Timestamp,
    },

    #[error("the issuer paused the class's sale")]
    SalePaused,

    #[error("the voucher is not valid yet")]
    NotYetValid { valid_from: Timestamp },

    #[error("the voucher expired")]
    Expired { valid_until: Timestamp },

    #[error("the voucher is cleared only once it expires")]
    NotExpired { valid_until: Timestamp },

    #[error("a supervisor froze the class")]
    ClassFrozen,

    #[error("the class is already in that freeze state")]
    FreezeUnchanged { frozen: bool },

    #[error("the voucher was already redeemed")]
    AlreadyRedeemed,

    #[error("the voucher was already cleared")]
    AlreadyCleared,

    #[error("the voucher is listed for sale: unlist it first")]
    Listed,

    #[error("the voucher is not listed for sale")]
    NotListed,

    // Amounts and limits.
    #[error("the class's cap is reached")]
    CapReached { left: u64 },

    #[error("over the per-holder limit of this class")]
    HolderLimit { limit: u64 },

    #[error("the receiver's attested identity is below the class's minimum")]
    IdentityTooLow { required: IdentityLevel },

    #[error("the amount sent must be exactly the price times the quantity")]
    WrongAmount {
        expected: Uint128,
        received: Uint128,
    },

    #[error("the quantity must be between 1 and 20")]
    InvalidQuantity { max: u32 },

    #[error("units must be at least 1 and at most what the voucher holds (fewer, to split it)")]
    InvalidUnits { held: u64 },

    #[error("nothing to withdraw")]
    NothingToWithdraw,

    #[error("a cap can only be lowered, and not below what is issued")]
    CapNotLowered { cap: u64, issued: u64 },

    // Moves.
    #[error("vouchers of this class cannot be transferred")]
    TransferNotAllowed,

    #[error("this voucher has already moved as often as its class allows")]
    MoveLimit { max: u32 },

    #[error("a voucher cannot be transferred to its own holder")]
    SelfTransfer,

    #[error("only vouchers of a fungible class are split")]
    NotFungible,

    #[error("vouchers of this class cannot be resold")]
    ResaleNotAllowed,

    #[error("above the class's resale cap")]
    AboveResaleCap { cap: Uint128 },

    // Tickets.
    #[error("this voucher is not used for tickets")]
    NotForTickets,

    #[error("the tier is for members of another pass, or the voucher is not a pass")]
    NotForTier,

    #[error("the voucher is for another issuer's events")]
    NotEventIssuer,

    #[error("the coupon is not for this event")]
    NotForEvent,

    #[error("the pass has bought all the tickets it may for this event")]
    PassUsesExhausted { max: u32 },

    #[error("the price paid per ticket is not the voucher's price")]
    WrongDiscount { expected: Uint128 },
}

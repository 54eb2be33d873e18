use cosmwasm_std::{OverflowError, StdError, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::token::AllocationBucket;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Cw20(#[from] cw20_base::ContractError),

    /// The refusals every platform contract shares: coins sent, ownership, recipients, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("invalid address for genesis bucket {bucket:?}: {reason}")]
    InvalidBucketAddress {
        bucket: AllocationBucket,
        reason: String,
    },

    #[error(
        "genesis buckets {first:?} and {second:?} share one address; each bucket needs its own"
    )]
    DuplicateBucketAddress {
        first: AllocationBucket,
        second: AllocationBucket,
    },

    #[error("invalid recycle pool address: {reason}")]
    InvalidRecyclePool { reason: String },

    #[error("the recycle pool cannot burn-or-recycle its own CTC; use Burn")]
    SenderIsRecyclePool,

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error(
        "burning {requested} would take the supply below the floor; {burnable} is still burnable"
    )]
    BurnBelowFloor {
        requested: Uint128,
        burnable: Uint128,
    },

    #[error("balance {balance} is less than {required}")]
    InsufficientBalance { balance: Uint128, required: Uint128 },

    #[error("a disburse needs at least one payment or a burn_or_recycle amount")]
    NothingToDisburse,

    #[error("a disburse carries at most {max} payments, not {given}")]
    TooManyPayments { max: usize, given: usize },

    #[error("payment {index} (to {recipient}) must be greater than zero")]
    ZeroPayment { index: usize, recipient: String },

    #[error("invalid recipient in payment {index}: {reason}")]
    InvalidPaymentRecipient { index: usize, reason: String },

    #[error(
        "CTC has no minter: all 1,500,000,000 CTC were issued at genesis and the supply only falls"
    )]
    NoMinter,
}

use cosmwasm_std::{CheckedMultiplyRatioError, OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    MultiplyRatio(#[from] CheckedMultiplyRatioError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// page limits, the wrong token's hook, a token that is not the platform's CTC
    /// (`NotCtcToken`, `TokenOfAnotherCreator`), migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("no token is configured yet: anyone may set it with set_token")]
    TokenNotSet,

    #[error("the token is set once: the booked balance is counted in it")]
    TokenAlreadySet,

    #[error("{address} does not name this contract as its founding-team or investors bucket")]
    NotThisTokensLockup { address: String },

    #[error("nothing may vest before the lock-up ends at {locked_until}")]
    VestsBeforeLockEnd { locked_until: Timestamp },

    #[error("the amount must be more than zero")]
    ZeroAmount,

    #[error("the token balance ({balance}) holds nothing beyond what is booked ({booked})")]
    NothingToReconcile { balance: Uint128, booked: Uint128 },

    #[error("only {available} is unallocated, {asked} was asked")]
    InsufficientUnallocated { available: Uint128, asked: Uint128 },

    #[error("no grant {grant_id}")]
    UnknownGrant { grant_id: u64 },

    #[error("grant {grant_id} has nothing vested and unclaimed")]
    NothingToClaim { grant_id: u64 },

    #[error("grant {grant_id} is not revocable")]
    NotRevocable { grant_id: u64 },

    #[error("grant {grant_id} was already revoked")]
    AlreadyRevoked { grant_id: u64 },

    #[error("grant {grant_id} has fully vested: nothing is left to revoke")]
    FullyVested { grant_id: u64 },

    #[error("a linear schedule's cliff cannot come before its start")]
    CliffBeforeStart,

    #[error("a linear schedule's cliff cannot come after its end")]
    CliffAfterEnd,

    #[error("a linear schedule must end after it starts")]
    EndNotAfterStart,

    #[error("a tranches schedule needs at least one step")]
    NoTranches,

    #[error("a tranches schedule has at most {max} steps")]
    TooManyTranches { max: usize },

    #[error("tranche {index} is not later than the one before it")]
    TranchesOutOfOrder { index: usize },

    #[error("tranche {index} releases 0 basis points")]
    EmptyTranche { index: usize },

    #[error("the tranches add up to {sum} basis points, not 10000")]
    TranchesSum { sum: u32 },
}

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every platform contract shares: coins sent, ownership, recipients, addresses,
    /// page limits, the CTC hook's token, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("{0}")]
    ParseReply(#[from] cw_utils::ParseReplyError),

    #[error("only the operator may do this")]
    NotOperator,

    #[error("invalid pool: {reason}")]
    InvalidPool { reason: &'static str },

    #[error("a pool's creation bond is exactly {bond}")]
    WrongBond { bond: Uint128 },

    #[error("pool {pool_id} does not exist")]
    PoolNotFound { pool_id: u64 },

    #[error("outcome {index} does not exist")]
    UnknownOutcome { index: u32 },

    #[error("betting closed at {closes_at}")]
    BettingClosed { closes_at: Timestamp },

    #[error("a bet is between {min} and {max}")]
    BetOutOfRange { min: Uint128, max: Uint128 },

    #[error("over the cap of {cap} per address: {staked} already staked")]
    OverCap { cap: Uint128, staked: Uint128 },

    #[error("the pool is not open")]
    NotOpen,

    #[error("betting is still open until {closes_at}")]
    StillOpen { closes_at: Timestamp },

    #[error("the oracle has not answered question {question_id} yet")]
    NotAnswered { question_id: u64 },

    #[error("the pool has not settled")]
    NotSettled,

    #[error("nothing to claim")]
    NothingToClaim,

    #[error("already claimed")]
    AlreadyClaimed,

    #[error("the claim period ended and the rest went to the treasury")]
    Swept,

    #[error("unclaimed funds may be swept from {opens_at}")]
    SweepNotOpen { opens_at: Timestamp },
}

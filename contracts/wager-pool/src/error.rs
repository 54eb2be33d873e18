use cosmwasm_std::{Addr, OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::IdentityLevel;
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

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: &'static str },

    #[error("a pool's bets lie within the platform's limits, {floor} to {ceiling}")]
    OutsidePlatformLimits { floor: Uint128, ceiling: Uint128 },

    #[error("fans may not open scenario pools now")]
    ScenarioPoolsClosed,

    #[error("at most {max} open scenario pools per person")]
    TooManyOpenScenarios { max: u32 },

    #[error("identity level {} required", .required.as_str())]
    IdentityTooLow { required: IdentityLevel },

    #[error("drawn pools need a randomness contract, and none is configured")]
    NoRandomness,

    /// Drawn pools' draws were asked of this contract and only it answers them: replacing it
    /// would let whoever names the new one choose their results.
    #[error("the randomness contract is set for good: {randomness}")]
    RandomnessFixed { randomness: Addr },

    #[error("the draw has no seed yet; the pool refunds if it has none by {refund_from}")]
    DrawPending { refund_from: Timestamp },

    #[error("a payout call walks 1 to {max} positions")]
    PayoutLimit { max: u32 },

    #[error("the payout walk is done: no position is left to pay")]
    PayoutDone,

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

use cosmwasm_std::StdError;
use ctc_conventions::ConventionError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// text lengths, page limits, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    /// The reply to an account's instantiation did not carry what the chain answers for it.
    #[error("{0}")]
    ParseReply(#[from] cw_utils::ParseReplyError),

    #[error("unknown reply id {id}")]
    UnknownReply { id: u64 },

    #[error("the account code id must be more than zero")]
    ZeroCodeId,

    #[error("the account admin cannot be this factory: it must have no power over the accounts")]
    FactoryAsAdmin,

    #[error("delay bounds must satisfy 1 <= min_delay_seconds ({min}) <= max_delay_seconds ({max}) <= {cap}")]
    InvalidDelayBounds { min: u64, max: u64, cap: u64 },

    #[error("period bounds must satisfy 1 <= min_period_seconds ({min}) <= max_period_seconds ({max}) <= {cap}")]
    InvalidPeriodBounds { min: u64, max: u64, cap: u64 },

    #[error("max_period_seconds ({max_period}) is below min_delay_seconds ({min_delay}): no recovery period could be at least its delay")]
    UnsatisfiableBounds { max_period: u64, min_delay: u64 },

    #[error("the recovery delay of {delay} seconds is below the minimum of {min}")]
    DelayTooShort { delay: u64, min: u64 },

    #[error("the recovery delay of {delay} seconds is above the maximum of {max}")]
    DelayTooLong { delay: u64, max: u64 },

    #[error("the recovery period of {period} seconds is below the minimum of {min}")]
    PeriodTooShort { period: u64, min: u64 },

    #[error("the recovery period of {period} seconds is above the maximum of {max}")]
    PeriodTooLong { period: u64, max: u64 },

    #[error("the recovery period ({period} seconds) must be at least the delay ({delay} seconds)")]
    PeriodShorterThanDelay { period: u64, delay: u64 },

    #[error("{creator} may create an account only for its own key: only an identity partner creates one for another")]
    CreatorNotAllowed { creator: String },

    #[error("{address} is not an account this factory created")]
    NotAnAccount { address: String },

    #[error("the account's recorded operator is {recorded}, not {claimed}")]
    OperatorMismatch { recorded: String, claimed: String },
}

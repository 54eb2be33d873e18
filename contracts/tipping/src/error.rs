use cosmwasm_std::{OverflowError, StdError, Uint128};
use ctc_conventions::ConventionError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every platform contract shares: coins (a native tip without exactly one coin,
    /// or coins sent with any other message), ownership, recipients, addresses, the CTC hook's
    /// token, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("a tip to oneself is not a tip")]
    SelfTip,

    #[error("neither this contract nor the CTC token can receive tips or fees")]
    UnpayableRecipient,

    #[error("a tip must be greater than zero")]
    ZeroTip,

    #[error("the smallest tip in {denom} is {min}")]
    BelowMinimum { denom: String, min: Uint128 },

    #[error("{denom} is not accepted")]
    UnacceptedDenom { denom: String },

    #[error("a memo is at most {max} bytes")]
    MemoTooLong { max: usize },

    #[error("a context is between 1 and {max} bytes")]
    InvalidContext { max: usize },

    #[error("tips for {kind} need a recipient verified in the registry")]
    RecipientNotVerified { kind: String },

    #[error("the service fee is at most 1000 basis points (10%)")]
    FeeTooHigh,

    #[error("invalid denom {denom}")]
    InvalidDenom { denom: String },
}

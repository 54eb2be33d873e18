//! The refusals every contract shares. A contract's own error enum holds them as one
//! `Convention(#[from] ConventionError)` variant, displayed as they are.

use cosmwasm_std::StdError;
use ctc_interfaces::paging::PageLimitError;
use thiserror::Error;

use crate::admin::AdminError;

#[derive(Error, Debug, PartialEq)]
pub enum ConventionError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error(transparent)]
    Admin(#[from] AdminError),

    #[error("{0}")]
    Payment(#[from] cw_utils::PaymentError),

    #[error(transparent)]
    PageLimit(#[from] PageLimitError),

    #[error("invalid address in {field}: {reason}")]
    InvalidAddress { field: &'static str, reason: String },

    #[error("{field} must be a sha256 digest: 64 hexadecimal characters")]
    InvalidDigest { field: &'static str },

    #[error("{field} must be between 1 and {max} bytes")]
    InvalidLength { field: &'static str, max: usize },

    #[error("only the configured CTC token is accepted")]
    WrongToken,

    /// An account, a contract without cw2 info or under another name, or one that takes
    /// ctc-token's name but cannot answer its `allocation {}`.
    #[error("{address} is not the CTC token: it does not answer as crates.io:ctc-token")]
    NotCtcToken { address: String },

    /// A real ctc-token, but one that someone other than this contract's creator instantiated:
    /// its genesis may name this contract, yet it is not the platform's token.
    #[error("{address} was created by {creator}, not by {expected} who created this contract: it is not the platform's CTC")]
    TokenOfAnotherCreator {
        address: String,
        creator: String,
        expected: String,
    },

    #[error("only the partner registry may update its mirror")]
    NotRegistry,

    #[error("cannot migrate: {reason}")]
    CannotMigrate { reason: String },
}

impl From<cw_ownable::OwnershipError> for ConventionError {
    fn from(err: cw_ownable::OwnershipError) -> Self {
        Self::Admin(AdminError::Ownership(err))
    }
}

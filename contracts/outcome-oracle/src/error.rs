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

    #[error("only allowed creators may create questions")]
    NotCreator,

    #[error("invalid question: {reason}")]
    InvalidQuestion { reason: &'static str },

    #[error("question {question_id} does not exist")]
    QuestionNotFound { question_id: u64 },

    #[error("outcome {index} does not exist")]
    UnknownOutcome { index: u32 },

    #[error("reports are accepted from {resolve_after}")]
    TooEarly { resolve_after: Timestamp },

    #[error("the question is past its deadline")]
    PastDeadline,

    #[error("the question is no longer open to reports")]
    NotOpen,

    #[error("{reporter} may not report on this question: {reason}")]
    NotReporter {
        reporter: String,
        reason: &'static str,
    },

    #[error("{reporter} may still report: its report stands")]
    ReporterStillAllowed { reporter: String },

    #[error("no report from {reporter}")]
    NoReport { reporter: String },

    #[error("nothing to finalize yet: {reason}")]
    NotFinalizable { reason: &'static str },

    #[error("the question has no proposal to dispute")]
    NotProposed,

    #[error("the question is already disputed")]
    AlreadyDisputed,

    #[error("the dispute bond must be greater than zero")]
    ZeroBond,

    #[error("{field} must be between {min} and {max} seconds")]
    InvalidDuration {
        field: &'static str,
        min: u64,
        max: u64,
    },

    #[error("the dispute window closed at {closed_at}")]
    DisputeWindowClosed { closed_at: Timestamp },

    #[error("a dispute posts exactly {bond}")]
    WrongBond { bond: Uint128 },

    #[error("only the arbiter may rule")]
    NotArbiter,

    #[error("the question is not disputed")]
    NotDisputed,
}

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use thiserror::Error;

use crate::msg::Standing;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// page limits, the wrong token's hook, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("the provider bond must be more than zero")]
    ZeroBond,

    #[error("{field} must be between 1 and {max} seconds")]
    InvalidWindow { field: &'static str, max: u64 },

    #[error("min_commits ({min_commits}) must be at least {floor} and at most max_commits ({max_commits}), which is at most {cap}")]
    InvalidCommitBounds {
        min_commits: u32,
        max_commits: u32,
        floor: u32,
        cap: u32,
    },

    #[error("joining takes at least {minimum} (the provider bond), {sent} was sent")]
    BondTooLow { minimum: Uint128, sent: Uint128 },

    #[error("a top-up must add more than zero")]
    ZeroTopUp,

    #[error(
        "{address} may not add to its deposit: its standing is {standing}; it must leave first"
    )]
    NoTopUp { address: String, standing: Standing },

    #[error("{address} is not a partner admitted by the registry")]
    NotAPartner { address: String },

    #[error("{address} is an admitted partner but not active now")]
    PartnerNotActive { address: String },

    #[error("{address} is not a provider")]
    NotAProvider { address: String },

    #[error("{address} may not commit: its standing is {standing}")]
    NotInGoodStanding { address: String, standing: Standing },

    #[error("committing takes a deposit of {needed} (the provider bond for each pending commitment and this one), the deposit is {deposit}")]
    StakeTooLow { needed: Uint128, deposit: Uint128 },

    #[error("{address} is still an active admitted partner: only the registry's word removes a provider")]
    StillAnActivePartner { address: String },

    #[error(
        "{pending} commitment(s) still wait for a reveal or a forfeit: the deposit stays until then"
    )]
    PendingCommitments { pending: u32 },

    #[error("this sender already requested draw {key}")]
    DrawExists { key: u64 },

    #[error("commitments may close no later than {latest}")]
    CommitsCloseTooLate { latest: Timestamp },

    #[error("no draw {key} requested by {requester}")]
    UnknownDraw { requester: String, key: u64 },

    #[error("{field} must be exactly 32 bytes, got {got}")]
    WrongLength { field: &'static str, got: usize },

    #[error("the draw takes no more commitments: its reveals opened")]
    CommitsClosed,

    #[error("the draw already has the most commitments a round takes ({max})")]
    TooManyCommits { max: u32 },

    #[error("{address} already committed in round {round} of this draw")]
    AlreadyCommitted { address: String, round: u32 },

    #[error("{address} left its round {round} commitment to this draw unrevealed: it must be forfeited before the provider commits again")]
    EarlierRoundUnforfeited { address: String, round: u32 },

    #[error("the round has reached its minimum of commitments ({commits} made): a commitment stands until revealed or forfeited")]
    MinimumReached { commits: u32 },

    #[error("{address} has no commitment to this draw")]
    NoCommitment { address: String },

    #[error("the commitment is from round {round}, which stalled: it can only be forfeited")]
    StalledRound { round: u32 },

    #[error("{address} already revealed its secret for this draw")]
    AlreadyRevealed { address: String },

    #[error("{address}'s commitment to this draw was already forfeited")]
    AlreadyForfeited { address: String },

    #[error("reveals have not opened: commitments close at {commits_close_at} and need the draw's minimum count")]
    RevealsNotOpen { commits_close_at: Timestamp },

    #[error("the reveal window closed at {closed_at}")]
    RevealWindowClosed { closed_at: Timestamp },

    #[error("the secret does not match the sender's commitment to this draw")]
    CommitmentMismatch,

    #[error("the commitment's reveal window has not closed: it cannot be forfeited yet")]
    RevealWindowOpen,
}

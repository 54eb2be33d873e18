use cosmwasm_std::{StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    /// The refusals every platform contract shares: coins on a message that takes none,
    /// addresses, text lengths, page limits, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("only the account's operator may do this")]
    NotOperator,

    #[error(
        "the account cannot send a message to itself, nor migrate or change the admin of itself"
    )]
    SelfCall,

    #[error("the account cannot send a message to its factory: only a change of key tells it")]
    FactoryCall,

    #[error("an account names as its factory only the contract that instantiates it")]
    FactoryNotSender,

    #[error("the recovery delay must be between {min} and {max} seconds")]
    DelayOutOfBounds { min: u64, max: u64 },

    #[error("the recovery period must be between {min} and {max} seconds")]
    PeriodOutOfBounds { min: u64, max: u64 },

    #[error("a delegate's send must buy for the account: {reason}")]
    HookNotAllowed { reason: &'static str },

    #[error("a delegate may send only CTC transfers and sends: {reason}")]
    NotAllowed { reason: &'static str },

    #[error("the grant does not let the delegate pay {payee}")]
    PayeeNotAllowed { payee: String },

    #[error("over the delegate's daily amount: {left} left in this window")]
    DailyLimit { left: Uint128 },

    #[error("{address} has no unexpired grant")]
    NoGrant { address: String },

    #[error("an account has at most {max} delegates, expired grants included until revoked")]
    TooManyDelegates { max: usize },

    #[error("the operator cannot be its own delegate")]
    DelegateIsOperator,

    #[error("the account cannot be its own delegate")]
    DelegateIsAccount,

    #[error("a grant must expire after now and no later than {latest}")]
    InvalidExpiry { latest: Timestamp },

    #[error("a grant must give at least one right")]
    EmptyRights,

    #[error("a spend right's daily amount must be more than zero")]
    ZeroDaily,

    #[error("spend.to lists 1 to {max} distinct addresses")]
    InvalidPayees { max: usize },

    #[error("a recovery set has 1 to {max} members")]
    MemberCount { max: usize },

    #[error("{address} is listed twice in the recovery set")]
    DuplicateMember { address: String },

    #[error("{address}'s weight must be between 1 and {max}")]
    InvalidWeight { address: String, max: u32 },

    #[error("the threshold {threshold} must be between 1 and the members' total weight {total}")]
    InvalidThreshold { threshold: u32, total: u32 },

    #[error("the recovery delay must be more than zero seconds")]
    ZeroDelay,

    #[error("the recovery period ({period} s) must be at least the delay ({delay} s)")]
    PeriodBelowDelay { period: u64, delay: u64 },

    #[error("the account cannot be a member of its own recovery set")]
    MemberIsAccount,

    #[error("{address} is marked a partner but the registry does not let it attest identity now: {reason}")]
    PartnerNotAllowed { address: String, reason: String },

    #[error("{address} is already the operator")]
    AlreadyOperator { address: String },

    #[error("the operator {address} cannot be a member of the recovery set")]
    OperatorIsMember { address: String },

    #[error("the account cannot be its own operator")]
    OperatorIsAccount,

    #[error("only the proposed operator may accept")]
    NotPendingOperator,

    #[error("no operator change is proposed")]
    NoPendingOperator,

    #[error("no recovery set change is scheduled")]
    NoRecoveryUpdate,

    #[error("the scheduled recovery set applies from {due_at}")]
    UpdateNotDue { due_at: Timestamp },

    #[error("{address} is not a member of the recovery set")]
    NotAMember { address: String },

    #[error("recovery proposal {id} is open")]
    ProposalOpen { id: u32 },

    #[error("no recovery proposal is open")]
    NoOpenProposal,

    #[error("recovery proposal {id} is not the open one ({open})")]
    UnknownProposal { id: u32, open: u32 },

    #[error("a vetoed recovery is followed by a cooldown: no proposal before {until}")]
    Cooldown { until: Timestamp },

    #[error("at most one recovery per period: the next from {next_at}")]
    RecoveryTooSoon { next_at: Timestamp },

    #[error("evidence must be a sha256 digest: 64 lowercase hexadecimal characters")]
    InvalidEvidence,

    #[error("{address} already approved this proposal")]
    AlreadyApproved { address: String },

    #[error("only the proposer may withdraw a proposal")]
    NotProposer,

    #[error("the proposal has weight {weight} of the {threshold} it needs")]
    NoQuorum { weight: u32, threshold: u32 },

    #[error("the proposal can be completed from {executable_at}")]
    NotYetExecutable { executable_at: Timestamp },

    #[error(
        "partner approvers no longer in standing leave weight {weight} of the {threshold} needed"
    )]
    QuorumLost { weight: u32, threshold: u32 },
}

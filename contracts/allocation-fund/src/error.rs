use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::merkle::MerkleError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every platform contract shares: coins on any message, ownership, addresses,
    /// recipients that cannot spend, text lengths, digests, the token of a hook, a token that is
    /// not the platform's CTC (`NotCtcToken`, `TokenOfAnotherCreator`), page limits, migration.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    /// A claim's proof (or a holdings proof) that does not rebuild the root and total.
    #[error("invalid proof: {0}")]
    InvalidProof(#[from] MerkleError),

    #[error("the token is set once: the ledger books its balances")]
    TokenAlreadySet,

    #[error("no token is set yet")]
    TokenNotSet,

    #[error("{address} does not name this fund: none of its genesis buckets nor its recycle pool is this contract")]
    NotThisTokensFund { address: String },

    #[error("a donation is at least {min} (1 CTC): each one is an entry of the ledger for good")]
    DonationTooSmall { min: Uint128 },

    #[error("the balance holds nothing the ledger has not booked")]
    NothingToReconcile,

    #[error("the amount must be more than zero")]
    ZeroAmount,

    #[error("only {available} is available")]
    InsufficientAvailable { available: Uint128 },

    #[error("a round's root is 32 bytes, not {len}")]
    InvalidRoot { len: usize },

    #[error("a round's claims must end in the future")]
    ClaimsUntilInPast,

    #[error("a round's claims may run for at most 365 days: until {latest} at the latest")]
    ClaimWindowTooLong { latest: Timestamp },

    #[error("the next round is {expected}, not {given}: a round opens under the id its tree was built for")]
    UnexpectedRoundId { expected: u64, given: u64 },

    #[error(
        "round {round_id} has paid {claimed} in claims: it can only be closed once its claims end"
    )]
    RoundHasClaims { round_id: u64, claimed: Uint128 },

    #[error("no round {round_id}")]
    UnknownRound { round_id: u64 },

    #[error("round {round_id} is closed")]
    RoundClosed { round_id: u64 },

    #[error("round {round_id} took claims until {until}")]
    ClaimsEnded { round_id: u64, until: Timestamp },

    #[error("round {round_id} takes claims until {until}: it closes after that")]
    ClaimsOpen { round_id: u64, until: Timestamp },

    #[error("{address} has already claimed in round {round_id}")]
    AlreadyClaimed { round_id: u64, address: String },

    #[error("{address} was never admitted as a partner: round {round_id} pays partners only")]
    NotAPartner { round_id: u64, address: String },

    #[error(
        "{address} is a partner but not an active one: round {round_id} pays active partners only"
    )]
    PartnerNotActive { round_id: u64, address: String },
}

use cosmwasm_std::{OverflowError, StdError, Timestamp};
use ctc_conventions::ConventionError;
use thiserror::Error;

use crate::msg::Capability;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every contract shares (ownership, funds, page limits, addresses, lengths,
    /// migration), displayed as they are.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("only the authority may do this")]
    NotAuthority,

    #[error("only the authority or a regulator may do this")]
    NotSupervisor,

    #[error("only a registered platform contract may consume quota")]
    NotPlatformContract,

    #[error("{address} is not a partner")]
    NotAPartner { address: String },

    #[error("{address} is already a partner (revoked partners cannot be admitted again)")]
    AlreadyAdmitted { address: String },

    #[error("partner {address} is suspended")]
    PartnerSuspended { address: String },

    #[error("partner {address} is revoked")]
    PartnerRevoked { address: String },

    #[error("partner {address} is not suspended")]
    NotSuspended { address: String },

    #[error("partner {address} does not hold {}", .capability.as_str())]
    CapabilityNotGranted {
        address: String,
        capability: Capability,
    },

    #[error("a quota for {}, which the partner does not hold", .capability.as_str())]
    QuotaForUngrantedCapability { capability: Capability },

    #[error("only the authority may lift the quota of {}", .capability.as_str())]
    OnlyAuthorityLiftsQuota { capability: Capability },

    #[error("a quota needs at least one unit and a window of at least one second")]
    InvalidQuota,

    #[error(
        "quota for {} exceeded: {remaining} left in this window, {requested} requested", .capability.as_str()
    )]
    QuotaExceeded {
        capability: Capability,
        remaining: u64,
        requested: u64,
    },

    #[error("units must be greater than zero")]
    ZeroUnits,

    #[error("{field} must be a sha256 digest: 64 hexadecimal characters")]
    InvalidDigest { field: &'static str },

    #[error("subject must be 32 bytes: 64 hexadecimal characters")]
    InvalidSubject,

    #[error("{address} is already a regulator")]
    AlreadyRegulator { address: String },

    #[error("{address} is not a regulator")]
    NotARegulator { address: String },

    #[error("{address} is not a registered platform contract")]
    UnknownPlatformContract { address: String },

    #[error("{address} is already a mirror")]
    MirrorAlreadyAdded { address: String },

    #[error("at most {max} mirrors")]
    TooManyMirrors { max: usize },

    #[error("the expiry {expires_at} is not after the current block time")]
    ExpiryInPast { expires_at: Timestamp },

    #[error("no attestation of {user} by the sender")]
    AttestationNotFound { user: String },

    #[error("anchoring is open to partners only")]
    AnchoringClosed,

    #[error(
        "this digest is already record {sequence} of the sender's chain under the namespace and key"
    )]
    AlreadyAnchored { sequence: u32 },

    #[error("at most {max} accepted attesters may be named")]
    TooManyAttesters { max: usize },

    #[error("a confirmation needs between 1 and {max} distinct parties")]
    InvalidParties { max: usize },

    #[error("the sender already proposed a confirmation with id {id}")]
    ProposalExists { id: String },

    #[error("{proposer} proposed no confirmation with id {id}")]
    ProposalNotFound { proposer: String, id: String },

    #[error("the sender is not a party to confirmation {id}")]
    NotAParty { id: String },

    #[error("the sender already confirmed {id}")]
    AlreadyConfirmed { id: String },

    #[error("the sender has not confirmed {id}")]
    NotConfirmed { id: String },

    #[error("confirmation {id} is complete and can no longer change")]
    AlreadyComplete { id: String },

    #[error("a supervisor cannot act on its own partner record")]
    SelfSupervision,

    #[error("{} appears twice in the quotas", .capability.as_str())]
    DuplicateQuota { capability: Capability },
}

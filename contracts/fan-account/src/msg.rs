use std::fmt;

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Binary, CosmosMsg, Empty, HexBinary, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw721::receiver::Cw721ReceiveMsg;
use serde::de::{Deserialize, Deserializer, IgnoredAny};

pub use ctc_interfaces::accounts::{
    AccountInstantiateMsg as InstantiateMsg, CanPresentResponse, PresentRight, RecoveryConfig,
    RecoveryMember,
};
pub use cw1::CanExecuteResponse;

/// `Execute` and `CanExecute` have cw1's JSON (`cw1::Cw1ExecuteMsg`, `cw1::Cw1QueryMsg`), so
/// cw1-aware wallets and `cw1::Cw1Contract` drive the account.
///
/// The `deserialize_with` attributes change no JSON and no schema: the messages without fields,
/// and the three with only an `id`, are each read by one shared function instead of one reader
/// per message, and the receive hooks are skipped unread. Together they keep about 14 KB of
/// serde code out of the wasm (`tests/messages.rs` holds every message to its JSON).
#[cw_serde]
pub enum ExecuteMsg {
    /// cw1. The operator: any messages; a delegate: only CTC `transfer` and `send` within its
    /// grant's daily amount and payees. Refused for everyone: a message to the account itself,
    /// and a migrate, update_admin or clear_admin naming it (`SelfCall`). The messages are sent
    /// as the account, after the delegate's window is saved; native coins sent along stay on the
    /// account (the only message that takes them).
    Execute { msgs: Vec<CosmosMsg> },
    /// A cw20 `send` to the account: accepted, nothing else happens (the tokens are the account's).
    /// The hook is not read: nothing in it is used, and parsing it would only cost wasm.
    #[serde(deserialize_with = "unread_cw20")]
    Receive(Cw20ReceiveMsg),
    /// A cw721 `send_nft` to the account (ticket-nft's gifts): accepted, nothing else happens; the
    /// hook is not read either.
    #[serde(deserialize_with = "unread_cw721")]
    ReceiveNft(Cw721ReceiveMsg),
    /// Operator: gives `delegate` these rights until `expires_at` (in the future, at most 365 days
    /// ahead), or replaces its grant, keeping what it spent in the current window. At most 8
    /// delegates, expired ones included until revoked.
    Grant {
        delegate: String,
        rights: Rights,
        expires_at: Timestamp,
    },
    /// Operator: removes a delegate's grant at once.
    Revoke { delegate: String },
    /// A delegate: removes its own grant.
    #[serde(deserialize_with = "empty")]
    Renounce {},
    /// Operator: the first step of a key rotation by a fan who still has the key.
    ProposeOperator { new_operator: String },
    /// The proposed key: becomes the operator; every delegate's grant is removed.
    #[serde(deserialize_with = "empty")]
    AcceptOperator {},
    /// Operator: drops the proposed rotation.
    #[serde(deserialize_with = "empty")]
    CancelOperatorProposal {},
    /// Operator: a new recovery set, applied once the current delay has passed. Refused while a
    /// recovery proposal is open.
    UpdateRecovery { config: RecoveryConfig },
    /// Anyone, once the scheduled recovery set is due and no proposal is open.
    #[serde(deserialize_with = "empty")]
    ApplyRecoveryUpdate {},
    /// Operator: drops the scheduled recovery set.
    #[serde(deserialize_with = "empty")]
    CancelRecoveryUpdate {},
    /// A member: proposes `new_operator` as the account's key, anchoring `evidence` (the sha256 of
    /// the request and authentication material, 64 lowercase hex characters). The proposer's
    /// weight counts as its approval.
    ProposeRecovery {
        new_operator: String,
        evidence: String,
    },
    /// A member: approves the open proposal `id`, once.
    #[serde(deserialize_with = "id")]
    ApproveRecovery { id: u32 },
    /// The proposer: closes its proposal.
    #[serde(deserialize_with = "id")]
    WithdrawRecovery { id: u32 },
    /// Operator: closes the proposal; no new one for the recovery delay.
    VetoRecovery { id: u32, reason: Option<String> },
    /// Anyone, once the proposal's delay has passed with its quorum intact.
    #[serde(deserialize_with = "id")]
    CompleteRecovery { id: u32 },
}

/// What a delegate may do for the account.
#[cw_serde]
pub struct Rights {
    /// Present check-in codes for the account's tickets (`CanPresent` with `door`).
    pub door: bool,
    /// Present redemption codes for the account's vouchers (`CanPresent` with `redeem`).
    pub redeem: bool,
    /// Send CTC `transfer`s and `send`s through `Execute`.
    pub spend: Option<Spend>,
}

#[cw_serde]
pub struct Spend {
    /// The most micro-CTC a delegate's `Execute`s move in one 24-hour window (more than zero). A
    /// window opens at the first spend after the previous one ended.
    pub daily: Uint128,
    /// The only recipients of a `transfer` and contracts of a `send` (1 to 4, distinct); anyone
    /// when omitted.
    pub to: Option<Vec<String>>,
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// cw1: whether `Execute { msgs: [msg] }` from `sender` would be accepted now, with the
    /// delegate's window and payees as they stand.
    #[returns(CanExecuteResponse)]
    CanExecute { sender: String, msg: CosmosMsg },
    /// `ctc_interfaces::accounts::HolderQueryMsg`: the operator presents anything; a delegate with
    /// an unexpired grant holding `right`.
    #[returns(CanPresentResponse)]
    CanPresent { key: String, right: PresentRight },
    #[returns(ConfigResponse)]
    #[serde(deserialize_with = "empty")]
    Config {},
    #[returns(RecoverySet)]
    #[serde(deserialize_with = "empty")]
    RecoverySet {},
    /// The open proposal, if any (an expired one shows as `expired` until the next proposal
    /// records it).
    #[returns(ProposalResponse)]
    #[serde(deserialize_with = "empty")]
    Proposal {},
    /// Closed proposals, by id; `start_after` is the last id read.
    #[returns(RecoveriesResponse)]
    Recoveries {
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    #[returns(DelegateResponse)]
    Delegate { address: String },
    /// Every grant (at most 8), expired ones included.
    #[returns(DelegatesResponse)]
    #[serde(deserialize_with = "empty")]
    Delegates {},
}

#[cw_serde]
pub struct MigrateMsg {}

/// An empty object (`{}`), read by one shared function rather than one per message.
fn empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    Empty::deserialize(deserializer).map(drop)
}

/// `{"id": …}`, the one field of three recovery messages, read by one shared function.
fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: u32,
    }
    Id::deserialize(deserializer).map(|Id { id }| id)
}

/// Skips a cw20 hook's JSON (any value) and stands in an empty hook for it.
fn unread_cw20<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Cw20ReceiveMsg, D::Error> {
    IgnoredAny::deserialize(deserializer)?;
    Ok(Cw20ReceiveMsg {
        sender: String::new(),
        amount: Uint128::zero(),
        msg: Binary::default(),
    })
}

/// Skips a cw721 hook's JSON (any value) and stands in an empty hook for it.
fn unread_cw721<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Cw721ReceiveMsg, D::Error> {
    IgnoredAny::deserialize(deserializer)?;
    Ok(Cw721ReceiveMsg {
        sender: String::new(),
        token_id: String::new(),
        msg: Binary::default(),
    })
}

/// One member of the recovery set, its address validated: stored and answered in the shape it
/// is given in.
pub type Member = RecoveryMember;

/// The recovery set, as validated.
pub type RecoverySet = RecoveryConfig;

/// How a recovery proposal ended.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Outcome {
    /// The operator was replaced.
    Completed,
    /// Its proposer closed it.
    Withdrawn,
    /// The operator closed it.
    Vetoed,
    /// Seven days passed without quorum, or without completion after it became executable.
    Expired,
    /// A member of at least its weight proposed another key before it reached its quorum.
    Replaced,
}

impl Outcome {
    /// The name used in JSON and in event attributes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Completed => "completed",
            Self::Withdrawn => "withdrawn",
            Self::Vetoed => "vetoed",
            Self::Expired => "expired",
            Self::Replaced => "replaced",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum ProposalStatus {
    /// Below the threshold.
    Approving,
    /// At the threshold, waiting for its delay (the operator may veto).
    Waiting,
    /// Its delay passed: anyone may complete it.
    Executable,
    /// Past `expires_at`: it can no longer be approved or completed.
    Expired,
}

#[cw_serde]
pub struct ConfigResponse {
    pub operator: Addr,
    pub ctc_token: Addr,
    pub registry: Addr,
    pub factory: Option<Addr>,
    /// The key a rotation proposed, until it accepts.
    pub pending_operator: Option<Addr>,
    pub last_recovery_at: Option<Timestamp>,
    /// The earliest a recovery may be proposed or completed again (after the last one).
    pub next_recovery_at: Option<Timestamp>,
    /// No proposal before this (after a veto).
    pub cooldown_until: Option<Timestamp>,
    /// The scheduled recovery set.
    pub recovery_update: Option<RecoveryUpdateResponse>,
}

#[cw_serde]
pub struct RecoveryUpdateResponse {
    pub set: RecoverySet,
    pub due_at: Timestamp,
}

#[cw_serde]
pub struct ProposalResponse {
    pub proposal: Option<ProposalInfo>,
    pub cooldown_until: Option<Timestamp>,
    pub next_recovery_at: Option<Timestamp>,
}

#[cw_serde]
pub struct ProposalInfo {
    pub id: u32,
    pub proposer: Addr,
    pub new_operator: Addr,
    pub evidence: HexBinary,
    /// The members who approved, the proposer first.
    pub approvals: Vec<Addr>,
    /// Their weight, partner members counted as they stood at their approvals.
    pub weight: u32,
    pub threshold: u32,
    pub created_at: Timestamp,
    pub executable_at: Option<Timestamp>,
    pub expires_at: Timestamp,
    pub status: ProposalStatus,
}

#[cw_serde]
pub struct RecordResponse {
    pub id: u32,
    pub proposer: Addr,
    pub approvers: Vec<Addr>,
    /// The operator when the proposal closed (the one replaced, for `completed`).
    pub old: Addr,
    pub new: Addr,
    pub evidence: HexBinary,
    pub proposed_at: Timestamp,
    pub closed_at: Timestamp,
    pub outcome: Outcome,
    /// The operator's reason, for a veto that gave one.
    pub reason: Option<String>,
}

#[cw_serde]
pub struct RecoveriesResponse {
    pub recoveries: Vec<RecordResponse>,
}

#[cw_serde]
pub struct DelegateResponse {
    pub address: Addr,
    pub rights: Rights,
    pub expires_at: Timestamp,
    pub expired: bool,
    /// Spent in the current window (zero when none is open).
    pub spent: Uint128,
    /// The end of the current window; none when no window is open.
    pub window_ends_at: Option<Timestamp>,
    /// What the delegate may still spend in this window (zero without a spend right or once
    /// expired).
    pub left: Uint128,
}

#[cw_serde]
pub struct DelegatesResponse {
    pub delegates: Vec<DelegateResponse>,
}

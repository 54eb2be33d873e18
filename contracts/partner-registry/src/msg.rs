use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Timestamp};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::registry::{
    Capability, CapabilityResponse, ClearanceResponse, IdentityLevel, IdentityLevelResponse,
    PartnerKind, PartnerStatusResponse, SupervisorResponse,
};

#[cw_serde]
pub struct InstantiateMsg {
    /// The admission authority (in practice a multisig or DAO); the sender when omitted.
    pub authority: Option<String>,
    /// Whether addresses that are not partners may anchor evidence.
    pub open_anchoring: bool,
}

/// The quota of one capability set at admission.
#[cw_serde]
pub struct QuotaLimit {
    pub capability: Capability,
    pub limit: QuotaWindow,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Authority: admit a new partner. `agreement_digest` is the sha256 (64 hex characters) of the
    /// signed participation agreement.
    Admit {
        address: String,
        name: String,
        kind: PartnerKind,
        capabilities: Vec<Capability>,
        agreement_digest: String,
        metadata_uri: Option<String>,
        quotas: Vec<QuotaLimit>,
    },
    /// Authority: change a partner's profile or capabilities; omitted fields stay as they are.
    UpdatePartner {
        address: String,
        name: Option<String>,
        kind: Option<PartnerKind>,
        capabilities: Option<Vec<Capability>>,
        agreement_digest: Option<String>,
        metadata_uri: Option<String>,
    },
    /// Authority or regulator. Recorded as a supervision record.
    Suspend {
        address: String,
        reason: String,
        digest: String,
    },
    /// Authority or regulator. Recorded as a supervision record.
    Reinstate {
        address: String,
        reason: String,
        digest: String,
    },
    /// Authority: final; a revoked partner cannot be reinstated or admitted again.
    Revoke {
        address: String,
        reason: String,
        digest: String,
    },
    /// Authority or regulator: set the quota of one capability. Only the authority may lift it
    /// (`limit: None`). Usage in the current window is kept.
    SetQuota {
        address: String,
        capability: Capability,
        limit: Option<QuotaWindow>,
        reason: String,
        digest: String,
    },
    /// Authority.
    AppointRegulator { address: String },
    /// Authority.
    RemoveRegulator { address: String },
    /// Authority: a platform contract may send `ConsumeQuota`.
    RegisterPlatformContract { name: String, address: String },
    /// Authority.
    RemovePlatformContract { address: String },
    /// Authority: `address` keeps a copy of partner standings and attestations
    /// (`ctc_conventions::mirror`) and is sent every change from now on, in the transaction that
    /// makes it. At most four; a mirror is never removed.
    AddMirror { address: String },
    /// Anyone: sends the mirrors what the registry holds of one partner now (for a partner that
    /// last changed before a mirror was added).
    SyncPartner { address: String },
    /// Anyone: as `SyncPartner`, for one attester's word on one user.
    SyncAttestation { user: String, attester: String },
    /// Authority: let non-partners anchor evidence, or stop them.
    SetOpenAnchoring { open: bool },
    /// Platform contracts only: see `ctc_interfaces::registry::RegistryExecuteMsg`.
    ConsumeQuota {
        partner: String,
        capability: Capability,
        units: u64,
    },
    /// A partner with AttestIdentity vouches for `user` at `level`. `digest` is a salted sha256 of
    /// the identity data, never the data. Replaces this partner's earlier attestation of `user`,
    /// its subject included.
    Attest {
        user: String,
        level: IdentityLevel,
        digest: String,
        expires_at: Option<Timestamp>,
        /// The attester's stable pseudonym for the person behind `user`: 32 bytes as 64 hex
        /// characters. The attester derives it from the person, not the address (e.g. a keyed
        /// hash, under a key only it holds, of the identity document number), so one person
        /// attested on several addresses has one subject and per-person limits (ticket-nft's
        /// purchase limits) count the person once. Keyed, it reveals nothing about the person, and
        /// two attesters' subjects for the same person cannot be linked. Omitted: the attester
        /// gives none, and per-person limits cannot count this user.
        // Left out of the JSON when `None`: an `Attest` without a subject is then the message of
        // before, which a registry of the previous version (denying unknown fields) still takes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
    },
    /// The attesting partner withdraws its own attestation of `user`.
    RevokeAttestation { user: String },
    /// Record `digest` in the sender's chain under (`namespace`, `key`), linked to the previous
    /// record there. Another anchorer's chain under the same names is a different chain.
    Anchor {
        namespace: String,
        key: String,
        digest: String,
        note: Option<String>,
    },
    /// Open a multi-party confirmation of `digest` under the sender's own `id`; complete once
    /// every party confirmed.
    Propose {
        id: String,
        digest: String,
        parties: Vec<String>,
    },
    /// A named party confirms the proposal `proposer` opened as `id`.
    Confirm { proposer: String, id: String },
    /// A party that confirmed withdraws its confirmation, only before completion.
    WithdrawConfirmation { proposer: String, id: String },
}

/// A cap on how many units of a capability a partner may use per window (e.g. 5,000 tickets a
/// day). Windows are aligned to multiples of `window_seconds` since the Unix epoch: usage starts
/// again from zero when a new window begins.
#[cw_serde]
pub struct QuotaWindow {
    pub units_per_window: u64,
    pub window_seconds: u64,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(PartnerResponse)]
    Partner { address: String },
    /// Filters combine; pages are ordered by address and read at most 200 partners each.
    #[returns(PartnersResponse)]
    Partners {
        kind: Option<PartnerKind>,
        capability: Option<Capability>,
        status: Option<StatusFilter>,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(CapabilityResponse)]
    HasCapability {
        address: String,
        capability: Capability,
    },
    /// Oldest first.
    #[returns(SupervisionResponse)]
    SupervisionRecords {
        address: String,
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    #[returns(QuotaResponse)]
    Quota {
        partner: String,
        capability: Capability,
    },
    #[returns(AddressesResponse)]
    Regulators {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// The contracts every partner and attestation change is pushed to.
    #[returns(MirrorsResponse)]
    Mirrors {},
    #[returns(PlatformContractsResponse)]
    PlatformContracts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(IdentityLevelResponse)]
    IdentityLevel {
        address: String,
        accepted_attesters: Option<Vec<String>>,
    },
    /// Admitted, and Active now: what "verified" means for performers and venues.
    #[returns(PartnerStatusResponse)]
    PartnerStatus { address: String },
    /// Whether `address` is the authority, or a regulator that may act now: who other contracts
    /// let act on their events and tickets in the regulator's name.
    #[returns(SupervisorResponse)]
    Supervisor { address: String },
    /// `HasCapability` for `partner` and `IdentityLevel` (any attester) for `user`, in one call.
    #[returns(ClearanceResponse)]
    Clearance {
        partner: String,
        capability: Capability,
        user: Option<String>,
    },
    /// Every attestation of `address`, expired or not, with whether it counts now.
    #[returns(AttestationsResponse)]
    Attestations { address: String },
    /// Whether `anchorer` anchored `digest` in its chain under (`namespace`, `key`).
    #[returns(VerifyResponse)]
    Verify {
        anchorer: String,
        namespace: String,
        key: String,
        digest: String,
    },
    /// `anchorer`'s chain under (`namespace`, `key`), newest first.
    #[returns(HistoryResponse)]
    History {
        anchorer: String,
        namespace: String,
        key: String,
        start_before: Option<u32>,
        limit: Option<u32>,
    },
    #[returns(ConfirmationResponse)]
    Confirmation { proposer: String, id: String },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum StatusFilter {
    Active,
    Suspended,
    Revoked,
}

#[cw_serde]
pub struct ConfigResponse {
    pub open_anchoring: bool,
}

#[cw_serde]
pub enum PartnerStatus {
    Active,
    Suspended { reason: String, since: Timestamp },
    Revoked { reason: String, since: Timestamp },
}

#[cw_serde]
pub struct QuotaResponse {
    pub capability: Capability,
    /// `None`: no cap on this capability.
    pub limit: Option<QuotaWindow>,
    pub used: u64,
    /// `None` when there is no cap.
    pub remaining: Option<u64>,
    /// When the current window ends and usage starts again from zero.
    pub window_ends_at: Option<Timestamp>,
}

#[cw_serde]
pub struct PartnerResponse {
    pub address: Addr,
    pub name: String,
    pub kind: PartnerKind,
    pub capabilities: Vec<Capability>,
    pub status: PartnerStatus,
    pub agreement_digest: String,
    pub metadata_uri: Option<String>,
    pub admitted_at: Timestamp,
    pub quotas: Vec<QuotaResponse>,
}

#[cw_serde]
pub struct PartnersResponse {
    pub partners: Vec<PartnerResponse>,
    /// Pass as `start_after` for the next page; `None` when no partner is left to read. A page
    /// may hold fewer than `limit` matches and still have a next page.
    pub next_start_after: Option<Addr>,
}

#[cw_serde]
pub enum SupervisionAction {
    Suspended,
    Reinstated,
    Revoked,
    QuotaChanged {
        capability: Capability,
        limit: Option<QuotaWindow>,
    },
}

pub type SupervisionRecord = ctc_interfaces::supervision::SupervisionRecord<SupervisionAction>;

#[cw_serde]
pub struct SupervisionResponse {
    pub records: Vec<SupervisionRecord>,
}

#[cw_serde]
pub struct AddressesResponse {
    pub addresses: Vec<Addr>,
}

#[cw_serde]
pub struct PlatformContract {
    pub address: Addr,
    pub name: String,
}

#[cw_serde]
pub struct MirrorsResponse {
    pub mirrors: Vec<Addr>,
}

#[cw_serde]
pub struct PlatformContractsResponse {
    pub contracts: Vec<PlatformContract>,
}

#[cw_serde]
pub struct AttestationInfo {
    pub attester: Addr,
    pub level: IdentityLevel,
    pub digest: String,
    pub attested_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    /// The attester's pseudonym for the person, when it gave one (see `ExecuteMsg::Attest`).
    pub subject: Option<HexBinary>,
    /// Unexpired, and the attester is an Active partner holding AttestIdentity.
    pub counts: bool,
}

#[cw_serde]
pub struct AttestationsResponse {
    pub attestations: Vec<AttestationInfo>,
}

#[cw_serde]
pub struct AnchorRecord {
    /// Position in the anchorer's chain under (namespace, key), from 1.
    pub sequence: u32,
    pub digest: String,
    /// The digest of record `sequence - 1`; `None` for the first.
    pub previous_digest: Option<String>,
    pub anchorer: Addr,
    pub time: Timestamp,
    pub height: u64,
    pub note: Option<String>,
}

#[cw_serde]
pub struct VerifyResponse {
    /// `None` when the anchorer never anchored the digest under this namespace and key.
    pub record: Option<AnchorRecord>,
}

#[cw_serde]
pub struct HistoryResponse {
    pub records: Vec<AnchorRecord>,
}

#[cw_serde]
pub struct PartyConfirmation {
    pub party: Addr,
    pub confirmed_at: Option<Timestamp>,
}

#[cw_serde]
pub struct ConfirmationResponse {
    pub id: String,
    pub proposer: Addr,
    pub digest: String,
    pub parties: Vec<PartyConfirmation>,
    pub proposed_at: Timestamp,
    /// Set once every party confirmed; nothing changes after.
    pub completed_at: Option<Timestamp>,
}

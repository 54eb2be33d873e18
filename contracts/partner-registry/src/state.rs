use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, HexBinary, Timestamp};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::registry::{PartnerStanding, Standing};

use crate::msg::{
    Capability, IdentityLevel, PartnerKind, PartnerStatus, PartyConfirmation, QuotaWindow,
    SupervisionRecord,
};

#[cw_serde]
pub struct Config {
    pub open_anchoring: bool,
}

pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Partner {
    pub name: String,
    pub kind: PartnerKind,
    /// Sorted, without duplicates.
    pub capabilities: Vec<Capability>,
    pub status: PartnerStatus,
    pub agreement_digest: String,
    pub metadata_uri: Option<String>,
    pub admitted_at: Timestamp,
    /// Supervision records kept so far; the next one gets this number as its id.
    pub supervision_records: u32,
}

impl Partner {
    /// What the registry's mirrors hold of this partner, and what its own access rule reads.
    pub fn standing(&self) -> PartnerStanding {
        PartnerStanding {
            standing: match self.status {
                PartnerStatus::Active => Standing::Active,
                PartnerStatus::Suspended { .. } => Standing::Suspended,
                PartnerStatus::Revoked { .. } => Standing::Revoked,
            },
            capabilities: self.capabilities.clone(),
        }
    }
}

pub const PARTNERS: Map<&Addr, Partner> = Map::new("partners");

/// A capped capability's limit and its usage in the window `window` (time / window_seconds).
#[cw_serde]
pub struct Quota {
    pub limit: QuotaWindow,
    pub window: u64,
    pub used: u64,
}

/// Keyed by partner and `Capability` as its one-byte index; uncapped capabilities have no entry.
/// An entry outlives its capability, so a capability granted again comes back with its cap.
pub const QUOTAS: Map<(&Addr, u8), Quota> = Map::new("quotas");

/// Keyed by partner and record id (0, 1, …).
pub const SUPERVISION: Map<(&Addr, u32), SupervisionRecord> = Map::new("supervision");

pub const REGULATORS: Map<&Addr, Empty> = Map::new("regulators");

/// Contracts that keep a copy of partner standings and attestations (`ctc_conventions::mirror`);
/// every change to either is pushed to each of them in the same transaction.
pub const MIRRORS: Map<&Addr, Empty> = Map::new("mirrors");

/// Platform contracts and the names the authority registered them under.
pub const PLATFORM_CONTRACTS: Map<&Addr, String> = Map::new("platform");

#[cw_serde]
pub struct Attestation {
    pub level: IdentityLevel,
    pub digest: String,
    pub attested_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    /// The attester's pseudonym for the person (`ExecuteMsg::Attest`). Attestations stored before
    /// subjects existed have no such field and load as `None`; one without a subject is stored as
    /// they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<HexBinary>,
}

/// Keyed by (user, attester): one attestation per attester, several attesters per user.
pub const ATTESTATIONS: Map<(&Addr, &Addr), Attestation> = Map::new("attestations");

/// The newest record of the chain that an anchorer keeps under (namespace, key).
#[cw_serde]
pub struct ChainHead {
    /// Numbers the chain's records and digests, so their keys stay short.
    pub id: u64,
    pub sequence: u32,
    pub digest: String,
}

/// Keyed by (anchorer, namespace, key): each anchorer has its own chains, so nobody can occupy or
/// extend another's.
pub const CHAINS: Map<(&Addr, &str, &str), ChainHead> = Map::new("chains");
/// The id the next new chain gets.
pub const NEXT_CHAIN_ID: Item<u64> = Item::new("next_chain_id");

/// One anchored record; its sequence and anchorer are in its key and its chain.
#[cw_serde]
pub struct Anchor {
    pub digest: String,
    pub previous_digest: Option<String>,
    pub time: Timestamp,
    pub height: u64,
    pub note: Option<String>,
}

/// Keyed by (chain id, sequence).
pub const CHAIN_RECORDS: Map<(u64, u32), Anchor> = Map::new("chain_records");
/// (chain id, raw 32-byte digest) → sequence, so `Verify` needs no scan.
pub const CHAIN_DIGESTS: Map<(u64, &[u8]), u32> = Map::new("chain_digests");

/// A multi-party confirmation; its proposer and id are its key.
#[cw_serde]
pub struct Proposal {
    pub digest: String,
    pub parties: Vec<PartyConfirmation>,
    pub proposed_at: Timestamp,
    pub completed_at: Option<Timestamp>,
}

/// Keyed by (proposer, id): an id is the proposer's own, so nobody can take it first.
pub const PROPOSALS: Map<(&Addr, &str), Proposal> = Map::new("confirmations");

/// The byte a capability's quota is stored under. Pinned here, not taken from the enum's
/// declaration order (another crate's), so a capability added anywhere cannot remap stored quotas.
pub const fn capability_key(capability: Capability) -> u8 {
    match capability {
        Capability::IssueTickets => 0,
        Capability::LaunchCrowdfunds => 1,
        Capability::ReportOutcomes => 2,
        Capability::AttestIdentity => 3,
        Capability::CreatePools => 4,
        Capability::IssueVouchers => 5,
    }
}

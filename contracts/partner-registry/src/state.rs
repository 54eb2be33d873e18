use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp};
use cw_storage_plus::{Item, Map};

use crate::msg::{
    AnchorRecord, Capability, ConfirmationResponse, IdentityLevel, PartnerKind, PartnerStatus,
    QuotaWindow, SupervisionRecord,
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

pub const PARTNERS: Map<&Addr, Partner> = Map::new("partners");

/// A capped capability's limit and its usage in the window `window` (time / window_seconds).
#[cw_serde]
pub struct Quota {
    pub limit: QuotaWindow,
    pub window: u64,
    pub used: u64,
}

/// Keyed by partner and `Capability` as its one-byte index; uncapped capabilities have no entry.
pub const QUOTAS: Map<(&Addr, u8), Quota> = Map::new("quotas");

/// Keyed by partner and record id (0, 1, …).
pub const SUPERVISION: Map<(&Addr, u32), SupervisionRecord> = Map::new("supervision");

pub const REGULATORS: Map<&Addr, Empty> = Map::new("regulators");

/// Platform contracts and the names the authority registered them under.
pub const PLATFORM_CONTRACTS: Map<&Addr, String> = Map::new("platform");

#[cw_serde]
pub struct Attestation {
    pub level: IdentityLevel,
    pub digest: String,
    pub attested_at: Timestamp,
    pub expires_at: Option<Timestamp>,
}

/// Keyed by (user, attester): one attestation per attester, several attesters per user.
pub const ATTESTATIONS: Map<(&Addr, &Addr), Attestation> = Map::new("attestations");

/// The newest record of the chain under (namespace, key), and who may extend it.
#[cw_serde]
pub struct ChainHead {
    /// The first anchorer; only it may add records to this chain.
    pub owner: Addr,
    pub sequence: u32,
    pub digest: String,
}

pub const CHAIN_HEADS: Map<(&str, &str), ChainHead> = Map::new("chain_heads");
pub const ANCHORS: Map<(&str, &str, u32), AnchorRecord> = Map::new("anchors");
/// (namespace, key, raw 32-byte digest) → sequence, so `Verify` is one lookup.
pub const ANCHORED_DIGESTS: Map<(&str, &str, &[u8]), u32> = Map::new("anchored");

pub const PROPOSALS: Map<&str, ConfirmationResponse> = Map::new("proposals");

pub fn capability_key(capability: Capability) -> u8 {
    capability as u8
}

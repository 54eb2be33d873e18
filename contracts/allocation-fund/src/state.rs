use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Binary, Empty, HexBinary, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use serde::{Deserialize, Serialize};

#[cw_serde]
pub struct Config {
    pub registry: Addr,
    pub token: Option<Addr>,
    pub bucket: String,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The ledger's running sums and counters, one record so that every booking writes it once.
/// `available` is not stored: it is `received − paid_out − reserved`.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    pub received: Uint128,
    pub paid_out: Uint128,
    /// Σ over open rounds of (total − claimed).
    pub reserved: Uint128,
    /// The last entry id handed out; the first is 1.
    pub entries: u64,
    /// The last round id handed out; the first is 1.
    pub rounds: u64,
}

pub const TOTALS: Item<Totals> = Item::new("totals");

/// What an entry records, one letter in storage.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    #[serde(rename = "r")]
    Receipt,
    #[serde(rename = "d")]
    Disbursement,
    #[serde(rename = "c")]
    Claim,
}

/// A ledger entry. Entries are the bulk of this contract's storage and are never read by an
/// execute, so they are kept small: one-letter field names, absent fields left out, the time in
/// seconds and the digest as its 32 bytes (base64, 44 characters rather than 64).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Entry {
    #[serde(rename = "k")]
    pub kind: Kind,
    #[serde(rename = "a")]
    pub amount: Uint128,
    /// Block time, in seconds.
    #[serde(rename = "t")]
    pub at: u64,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Addr>,
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub round_id: Option<u64>,
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<Binary>,
}

pub const ENTRIES: Map<u64, Entry> = Map::new("e");

#[cw_serde]
pub struct Round {
    pub root: HexBinary,
    pub total: Uint128,
    pub claimed: Uint128,
    pub list_digest: String,
    pub list_uri: String,
    pub opened_at: Timestamp,
    pub claims_until: Timestamp,
    pub partners_only: bool,
    pub closed: bool,
    /// Closed by the owner's `cancel_round` before any claim, rather than after its claims
    /// ended. Rounds stored before cancelling existed have no such field: they were not.
    #[serde(default)]
    pub cancelled: bool,
}

pub const ROUNDS: Map<u64, Round> = Map::new("r");
/// (round id, address): who has claimed in each round.
pub const CLAIMED: Map<(u64, &Addr), Empty> = Map::new("c");

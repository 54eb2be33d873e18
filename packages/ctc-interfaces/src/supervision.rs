//! What a supervisor did, why and on what evidence: the registry keeps such records of partners
//! and ticket-nft of events, each with its own actions, in one shape an indexer or a regulator's
//! console reads alike.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp};

/// One supervisory act, with who did it, why and the digest of its evidence.
// Each contract's schema, and so its generated client, names it `SupervisionRecord` rather than
// after its action type: a contract uses it with one kind of action only.
#[cw_serde]
#[schemars(rename = "SupervisionRecord")]
pub struct SupervisionRecord<A> {
    /// Numbers the records of one partner or event, from 0.
    pub id: u32,
    pub action: A,
    pub by: Addr,
    pub reason: String,
    /// sha256 of the evidence, kept off chain (64 hex characters, lower case).
    pub digest: String,
    pub time: Timestamp,
    pub height: u64,
}

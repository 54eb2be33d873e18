//! What anyone sends with CTC to the platform's funds: the lock-ups that hold the team's and the
//! investors' buckets, and the allocation funds that hold the other four.

use cosmwasm_schema::cw_serde;

/// The `msg` of a CTC `Send` to a lock-up.
#[cw_serde]
pub enum LockupReceiveMsg {
    /// Adds the CTC sent to the part no grant has taken yet.
    Fund {},
}

/// The `msg` of a CTC `Send` to an allocation fund.
#[cw_serde]
pub enum FundReceiveMsg {
    /// A donation, booked in the ledger under the sender with an optional `memo` (1 to 256 bytes)
    /// and the sha256 of supporting evidence (64 hex characters).
    Donate {
        memo: Option<String>,
        evidence_digest: Option<String>,
    },
}

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Binary, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::accounts::RecoveryBounds;

use crate::msg::{Outcome, RecoverySet, Rights};

/// One day: a delegate's spending window.
pub const DAY_SECONDS: u64 = 86_400;
/// A proposal's lifetime: to reach its threshold from its creation, and to be completed once its
/// delay has passed.
pub const PROPOSAL_TTL_SECONDS: u64 = 7 * DAY_SECONDS;
/// The furthest ahead a grant may expire.
pub const MAX_GRANT_SECONDS: u64 = 365 * DAY_SECONDS;
/// At most this many delegates: a recovery removes them all in one transaction.
pub const MAX_DELEGATES: usize = 8;
/// At most this many payees in a spend right.
pub const MAX_PAYEES: usize = 4;
/// The longest veto reason, in bytes.
pub const MAX_REASON_BYTES: usize = 256;

/// Everything the operator's `Execute` reads: one item.
#[cw_serde]
pub struct Config {
    pub operator: Addr,
    pub ctc_token: Addr,
    pub registry: Addr,
    pub factory: Option<Addr>,
    pub pending_operator: Option<Addr>,
    pub last_recovery_at: Option<Timestamp>,
    pub cooldown_until: Option<Timestamp>,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The limits every recovery set of the account keeps (the factory's, at most the account's own).
pub const BOUNDS: Item<RecoveryBounds> = Item::new("bounds");

/// The recovery set in force: at most 8 members inline, one read for each recovery action.
pub const RECOVERY: Item<RecoverySet> = Item::new("recovery");

/// A recovery set waiting for its turn, and when it is due: stored as a pair, which reads with
/// less wasm than a struct.
pub type RecoveryUpdate = (RecoverySet, Timestamp);

pub const RECOVERY_UPDATE: Item<RecoveryUpdate> = Item::new("recovery_update");

/// A recovery proposal: the open one (at most one), or a closed one in the record. One type for
/// both, so that the wasm carries one reader.
#[cw_serde]
pub struct Proposal {
    pub id: u32,
    pub proposer: Addr,
    pub new_operator: Addr,
    /// The 32-byte sha256 of the request and authentication material.
    pub evidence: Binary,
    /// The members who approved, the proposer first.
    pub approvals: Vec<Addr>,
    pub weight: u32,
    pub created_at: Timestamp,
    /// Set when the weight reached the threshold: now + delay.
    pub executable_at: Option<Timestamp>,
    /// Set when it closed: the operator then (the one replaced, for `Completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The operator's reason, for a veto that gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Proposal {
    /// Seven days after its creation without quorum; seven days after it became executable
    /// with quorum, so that a proposal whose quorum was lost does not block the account forever.
    pub fn expires_at(&self) -> Timestamp {
        later(
            self.executable_at.unwrap_or(self.created_at),
            PROPOSAL_TTL_SECONDS,
        )
    }

    pub fn expired(&self, now: Timestamp) -> bool {
        self.expires_at() <= now
    }
}

pub const PROPOSAL: Item<Proposal> = Item::new("proposal");

/// Closed proposals by id, from 1, kept for good: the evidence the account anchors.
pub const RECOVERIES: Map<u32, Proposal> = Map::new("recoveries");

/// A delegate's grant and its spending window.
#[cw_serde]
pub struct Grant {
    pub rights: Rights,
    pub expires_at: Timestamp,
    /// Spent in the window that ends at `window_ends_at`.
    pub spent: Uint128,
    pub window_ends_at: Timestamp,
}

impl Grant {
    /// What was spent in the window open at `now`, and its end; nothing when none is open.
    pub fn window(&self, now: Timestamp) -> (Uint128, Option<Timestamp>) {
        if self.window_ends_at > now {
            (self.spent, Some(self.window_ends_at))
        } else {
            (Uint128::zero(), None)
        }
    }

    /// What may still be spent at `now` (a lowered daily amount may be below what was spent).
    pub fn left(&self, now: Timestamp) -> Uint128 {
        match &self.rights.spend {
            Some(spend) => spend.daily.saturating_sub(self.window(now).0),
            None => Uint128::zero(),
        }
    }

    /// Books `amount` spent at `now`, opening a window of a day when none is open (Argent's
    /// rule). The caller checked `amount` against `left`.
    pub fn charge(&mut self, amount: Uint128, now: Timestamp) {
        if self.window_ends_at <= now {
            self.spent = Uint128::zero();
            self.window_ends_at = later(now, DAY_SECONDS);
        }
        self.spent += amount;
    }
}

pub const DELEGATES: Map<&Addr, Grant> = Map::new("delegates");

/// `seconds` after `time`, at most the last representable instant: a period or delay too long
/// to represent means "never" rather than a failed transaction.
pub fn later(time: Timestamp, seconds: u64) -> Timestamp {
    Timestamp::from_nanos(
        time.nanos()
            .saturating_add(seconds.saturating_mul(1_000_000_000)),
    )
}

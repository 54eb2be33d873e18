//! What bettors, pool creators and frontends send to wager-pool.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Timestamp, Uint128};

use crate::registry::IdentityLevel;
use crate::BasisPoints;

/// Where a pool's answer comes from.
#[cw_serde]
pub enum QuestionSource {
    /// The pool creates its question in the oracle (the pool contract must be an allowed
    /// creator there), with the pool's outcome labels.
    New {
        resolve_after: Timestamp,
        deadline: Timestamp,
        reporters: Option<Vec<String>>,
        quorum: u32,
        dispute_window_seconds: u64,
    },
    /// An existing oracle question whose outcome labels are exactly the pool's.
    Existing { question_id: u64 },
    /// No question: the winning outcome is drawn uniformly by the randomness contract, from a
    /// draw whose commitments close when betting does (`randomness::pick` with index 0).
    Drawn {},
}

#[cw_serde]
pub struct PoolInput {
    pub title: String,
    /// 2 to 16 labels.
    pub outcomes: Vec<String>,
    pub question: QuestionSource,
    /// Bets are taken until then; at the latest when the question starts taking reports.
    pub closes_at: Timestamp,
    /// 100 to 500 basis points; 500 (a 95% return) when omitted.
    pub fee: Option<BasisPoints>,
    /// Defaults: 0.1 CTC and 200 CTC.
    pub min_bet: Option<Uint128>,
    pub max_bet: Option<Uint128>,
    /// Most one address may stake in this pool, all outcomes together.
    pub cap_per_address: Option<Uint128>,
    /// Bettors must hold at least this identity level in the registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_identity: Option<IdentityLevel>,
}

/// The `msg` of a CTC `Send` to wager-pool.
#[cw_serde]
pub enum WagerReceiveMsg {
    /// Stakes the amount sent on `outcome`.
    Bet { pool_id: u64, outcome: u32 },
    /// A partner with CreatePools opens a pool, posting exactly the creation bond, returned when
    /// the pool settles.
    CreatePool { pool: Box<PoolInput> },
    /// A fan opens a scenario pool (令吉 §4.5), posting exactly the scenario bond: the fan must
    /// hold the identity level the owner sets and have fewer open pools than the owner allows;
    /// the question must be open to every admitted reporter (or drawn). The bond is returned
    /// when the pool settles, and lost when its question is ruled invalid or the operator rejects
    /// the pool as abusive.
    OpenScenarioPool { pool: Box<PoolInput> },
}

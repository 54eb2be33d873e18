use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use ctc_interfaces::BasisPoints;

pub use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg as ReceiveMsg};

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: the only token accepted.
    pub token: String,
    pub registry: String,
    pub oracle: String,
    /// Creates pools without a bond and may cancel any pool before it closes.
    pub operator: String,
    pub treasury: String,
    /// Receives the rest of each fee: the reward for the nodes that run the platform.
    pub node_incentive: String,
    /// The treasury's part of each fee; the node-incentive address gets the rest.
    pub treasury_share: BasisPoints,
    /// What a partner with CreatePools posts to open a pool.
    pub creation_bond: Uint128,
    /// The owner sets the config; the sender when omitted.
    pub owner: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hooks: `Bet`, and `CreatePool` for partners with CreatePools.
    Receive(Cw20ReceiveMsg),
    /// The operator opens a pool without a bond.
    CreatePool { pool: PoolInput },
    /// Anyone, after the pool closes and its question is answered: takes the fee when there are
    /// winners; otherwise every bettor is refunded. O(outcomes).
    Resolve { pool_id: u64 },
    /// A bettor, once: its winnings, or its whole stake when the pool refunds.
    Claim { pool_id: u64 },
    /// The operator, before the pool closes: every bettor is refunded.
    Cancel { pool_id: u64 },
    /// Anyone, a year after the pool settled: what nobody claimed (including rounding dust) goes
    /// to the treasury, and claims end.
    SweepUnclaimed { pool_id: u64 },
    /// Owner.
    UpdateConfig {
        operator: Option<String>,
        treasury: Option<String>,
        node_incentive: Option<String>,
        treasury_share: Option<BasisPoints>,
        creation_bond: Option<Uint128>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(PoolResponse)]
    Pool { pool_id: u64 },
    /// A page reads at most 200 pools and says where to go on.
    #[returns(PoolsResponse)]
    Pools {
        status: Option<StatusFilter>,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(PositionResponse)]
    Position { pool_id: u64, address: String },
    /// What one unit staked on each outcome would pay now, fee deducted.
    #[returns(OddsResponse)]
    Odds { pool_id: u64 },
    /// The pools an address bet in, with its position in each.
    #[returns(BetsResponse)]
    Bets {
        address: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub oracle: Addr,
    pub operator: Addr,
    pub treasury: Addr,
    pub node_incentive: Addr,
    pub treasury_share: BasisPoints,
    pub creation_bond: Uint128,
}

#[cw_serde]
pub enum RefundReason {
    NoWinningStake,
    Invalid,
    Unresolvable,
    Cancelled,
}

#[cw_serde]
pub enum PoolStatus {
    Open,
    /// Winners share `total − fee` in proportion to their stake on `winner`.
    Resolved {
        winner: u32,
        at: Timestamp,
    },
    /// Every bettor takes its whole stake back; no fee was taken.
    Refunding {
        reason: RefundReason,
        at: Timestamp,
    },
}

#[cw_serde]
#[derive(Copy)]
pub enum StatusFilter {
    Open,
    Resolved,
    Refunding,
}

#[cw_serde]
pub struct PoolResponse {
    pub pool_id: u64,
    pub creator: Addr,
    pub title: String,
    pub outcomes: Vec<String>,
    pub question_id: u64,
    pub closes_at: Timestamp,
    /// The question's deadline: the pool settles by then at the latest.
    pub answer_due: Timestamp,
    pub fee: BasisPoints,
    pub min_bet: Uint128,
    pub max_bet: Uint128,
    pub cap_per_address: Option<Uint128>,
    pub bond: Uint128,
    pub status: PoolStatus,
    pub swept: bool,
    /// Staked per outcome.
    pub stakes: Vec<Uint128>,
    pub total: Uint128,
    pub fee_taken: Uint128,
    /// Paid out so far to winners or refunded bettors.
    pub paid: Uint128,
}

#[cw_serde]
pub struct PoolsResponse {
    pub pools: Vec<PoolResponse>,
    pub next_start_after: Option<u64>,
}

#[cw_serde]
pub struct PositionResponse {
    pub stakes: Vec<Uint128>,
    pub claimed: bool,
    /// What `claim` would pay now (zero before the pool settles).
    pub claimable: Uint128,
}

#[cw_serde]
pub struct OddsResponse {
    /// Per outcome: payout per unit staked, or `None` while nobody backs it.
    pub payout_per_unit: Vec<Option<Decimal>>,
}

#[cw_serde]
pub struct PoolBets {
    pub pool_id: u64,
    pub stakes: Vec<Uint128>,
    pub claimed: bool,
}

#[cw_serde]
pub struct BetsResponse {
    pub bets: Vec<PoolBets>,
}

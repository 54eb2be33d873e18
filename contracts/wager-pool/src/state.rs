use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::BasisPoints;

use crate::msg::PoolStatus;

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub oracle: Addr,
    pub operator: Addr,
    pub treasury: Addr,
    pub node_incentive: Addr,
    pub treasury_share: BasisPoints,
    pub creation_bond: Uint128,
}

pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Pool {
    pub creator: Addr,
    pub title: String,
    pub outcomes: Vec<String>,
    /// Zero until the oracle answers the creation sub-message.
    pub question_id: u64,
    pub closes_at: Timestamp,
    pub fee: BasisPoints,
    pub min_bet: Uint128,
    pub max_bet: Uint128,
    pub cap_per_address: Option<Uint128>,
    pub bond: Uint128,
    pub status: PoolStatus,
    pub stakes: Vec<Uint128>,
    /// Distinct bettors per outcome, so the last winner to claim can be told apart.
    pub backers: Vec<u32>,
    pub total: Uint128,
    pub fee_taken: Uint128,
    pub paid: Uint128,
    /// Winners who have not claimed yet; the last one also takes the rounding dust.
    pub unclaimed_winners: u32,
    /// When the pool's question is due an answer at the latest.
    pub answer_due: Timestamp,
    /// Set when what nobody claimed within the claim period went to the treasury.
    pub swept: bool,
}

impl Pool {
    /// What the winners share: the total less the fee.
    pub fn distributable(&self) -> Uint128 {
        self.total - self.fee_taken
    }
}

pub const POOLS: Map<u64, Pool> = Map::new("pools");
pub const POOL_COUNT: Item<u64> = Item::new("pool_count");

#[cw_serde]
pub struct Position {
    pub stakes: Vec<Uint128>,
    pub claimed: bool,
}

pub const POSITIONS: Map<(u64, &Addr), Position> = Map::new("positions");
/// (bettor, pool): the pools an address bet in, for `Bets`.
pub const BETTOR_POOLS: Map<(&Addr, u64), Empty> = Map::new("bettor_pools");

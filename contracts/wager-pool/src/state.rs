use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPoints;

use crate::msg::PoolStatus;

/// 令吉 §2: bets start at 0.1 CTC and stop at 200 CTC a bet.
pub const DEFAULT_BET_FLOOR: Uint128 = Uint128::new(100_000);
pub const DEFAULT_BET_CEILING: Uint128 = Uint128::new(200_000_000);
/// 20 CTC: enough that an abusive scenario costs its author more than it could win back.
pub const DEFAULT_SCENARIO_BOND: Uint128 = Uint128::new(20_000_000);
pub const DEFAULT_SCENARIO_IDENTITY: IdentityLevel = IdentityLevel::Phone;
pub const DEFAULT_MAX_OPEN_SCENARIOS: u32 = 3;

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
    // A config stored before these fields existed loads with the same defaults instantiate
    // gives, so one set of platform limits holds whichever way a contract came to this code.
    #[serde(default = "default_bet_floor")]
    pub bet_floor: Uint128,
    #[serde(default = "default_bet_ceiling")]
    pub bet_ceiling: Uint128,
    #[serde(default = "default_scenario_bond")]
    pub scenario_bond: Uint128,
    #[serde(default = "default_scenario_identity")]
    pub scenario_min_identity: IdentityLevel,
    #[serde(default = "default_max_open_scenarios")]
    pub max_open_scenarios: u32,
    /// Set once, at instantiation or by the first `UpdateConfig` naming it, and never replaced
    /// (`RandomnessFixed`): a draw asked of one contract is answered only by it, so a committee
    /// that could swap it for one of its own could choose the result of every open draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomness: Option<Addr>,
}

fn default_bet_floor() -> Uint128 {
    DEFAULT_BET_FLOOR
}

fn default_bet_ceiling() -> Uint128 {
    DEFAULT_BET_CEILING
}

fn default_scenario_bond() -> Uint128 {
    DEFAULT_SCENARIO_BOND
}

fn default_scenario_identity() -> IdentityLevel {
    DEFAULT_SCENARIO_IDENTITY
}

fn default_max_open_scenarios() -> u32 {
    DEFAULT_MAX_OPEN_SCENARIOS
}

pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Pool {
    pub creator: Addr,
    pub title: String,
    pub outcomes: Vec<String>,
    /// Zero until the oracle answers the creation sub-message, and for good in a drawn pool.
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
    /// When the pool's question is due an answer at the latest (for a drawn pool: when it stops
    /// waiting for the seed).
    pub answer_due: Timestamp,
    /// Set when what nobody claimed within the claim period went to the treasury.
    pub swept: bool,
    /// The winner is drawn by the randomness contract rather than answered by the oracle.
    #[serde(default, skip_serializing_if = "is_false")]
    pub drawn: bool,
    /// A fan's scenario pool: counted against the creator's open pools until it settles.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fan: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_identity: Option<IdentityLevel>,
    /// The last position the payout crank walked past; the next call starts after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_cursor: Option<Addr>,
    /// The crank has walked every position, or nothing is left owed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub payout_done: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Pool {
    /// What the winners share: the total less the fee.
    pub fn distributable(&self) -> Uint128 {
        self.total - self.fee_taken
    }

    /// Whether every unit owed to bettors has gone out, so no position is left to pay.
    pub fn fully_paid(&self) -> bool {
        match self.status {
            PoolStatus::Open => false,
            PoolStatus::Resolved { .. } => self.unclaimed_winners == 0,
            PoolStatus::Refunding { .. } => self.paid >= self.total,
        }
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
/// A fan's scenario pools that have not settled; absent at zero.
pub const OPEN_SCENARIOS: Map<&Addr, u32> = Map::new("open_scenarios");

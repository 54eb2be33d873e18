use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use ctc_interfaces::registry::IdentityLevel;
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
    /// The smallest single bet on the platform: 100,000 (0.1 CTC) when omitted, at least 100.
    pub bet_floor: Option<Uint128>,
    /// The largest single bet on the platform: 200,000,000 (200 CTC) when omitted, at least the
    /// floor.
    pub bet_ceiling: Option<Uint128>,
    /// What a fan posts to open a scenario pool: 20,000,000 (20 CTC) when omitted, above zero.
    pub scenario_bond: Option<Uint128>,
    /// The identity a fan needs to open a scenario pool: `phone` when omitted.
    pub scenario_min_identity: Option<IdentityLevel>,
    /// Scenario pools one address may have open at once: 3 when omitted; 0 closes them.
    pub max_open_scenarios: Option<u32>,
    /// The randomness contract drawn pools take their winner from; drawn pools are refused
    /// until one is set. Once set it is never replaced: a draw asked of one contract is answered
    /// only by it, and whoever could swap it could choose the result of every open draw.
    pub randomness: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hooks: `Bet`, `CreatePool` for partners with CreatePools, and
    /// `OpenScenarioPool` for fans.
    Receive(Cw20ReceiveMsg),
    /// The operator opens a pool without a bond.
    CreatePool { pool: PoolInput },
    /// Anyone, after the pool closes and its question is answered (or, for a drawn pool, its
    /// draw has a seed): takes the fee when there are winners; otherwise every bettor is
    /// refunded. A drawn pool whose seed is still missing when `answer_due` passes refunds
    /// (`unresolvable`), unless its draw is still taking reveals: then it waits for the reveal
    /// window to close (`DrawPending`), so no provider can trade its reveal for a refund. The
    /// bond goes back to the creator, except to the treasury when the question is ruled
    /// invalid. O(outcomes).
    Resolve { pool_id: u64 },
    /// A bettor, once: its winnings, or its whole stake when the pool refunds.
    Claim { pool_id: u64 },
    /// Anyone, once the pool settled and until it is swept: walks the next `limit` positions
    /// (30 when omitted, 1 to 50) in address order from the pool's `payout_cursor`, paying each
    /// what `Claim` would pay it and marking it claimed; positions already claimed and losing ones
    /// are passed over. The payments leave in CTC `Disburse` calls of at most four payments each.
    /// Refused once every position has been walked or everything owed is paid (`payout_done`).
    PayOut { pool_id: u64, limit: Option<u32> },
    /// The operator, before the pool closes: every bettor is refunded and the bond goes back.
    Cancel { pool_id: u64 },
    /// The operator, before the pool closes (`BettingClosed` after): the pool is abusive; every
    /// bettor is refunded (`abusive`) and the creator's bond goes to the treasury. Not after the
    /// close, when the outcome may be known: an abusive question is then the oracle's to rule
    /// invalid, which forfeits the bond too.
    RejectAbusive { pool_id: u64 },
    /// Anyone, a year after the pool settled: what nobody claimed (including rounding dust) goes
    /// to the treasury, and claims end.
    SweepUnclaimed { pool_id: u64 },
    /// Owner (the governance committee); each field left out stays as it is. New bet limits
    /// apply to every bet from now on, in open pools too: a pool's own limits only narrow them.
    /// `randomness` only while none is set (`RandomnessFixed`): open draws are answered only by
    /// the contract they were asked of, and a committee that could replace it could pick their
    /// results.
    UpdateConfig {
        operator: Option<String>,
        treasury: Option<String>,
        node_incentive: Option<String>,
        treasury_share: Option<BasisPoints>,
        creation_bond: Option<Uint128>,
        bet_floor: Option<Uint128>,
        bet_ceiling: Option<Uint128>,
        scenario_bond: Option<Uint128>,
        scenario_min_identity: Option<IdentityLevel>,
        max_open_scenarios: Option<u32>,
        randomness: Option<String>,
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
    /// Every bet lies between these, whatever its pool allows.
    pub bet_floor: Uint128,
    pub bet_ceiling: Uint128,
    pub scenario_bond: Uint128,
    pub scenario_min_identity: IdentityLevel,
    /// 0: fans may not open scenario pools.
    pub max_open_scenarios: u32,
    /// Set once, never replaced.
    pub randomness: Option<Addr>,
}

#[cw_serde]
pub enum RefundReason {
    NoWinningStake,
    /// The oracle ruled the question invalid; the bond went to the treasury.
    Invalid,
    /// No answer (or, for a drawn pool, no seed) by `answer_due`.
    Unresolvable,
    Cancelled,
    /// The operator rejected the pool as abusive; the bond went to the treasury.
    Abusive,
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
    /// The oracle question answering the pool; 0 for a drawn pool.
    pub question_id: u64,
    /// The winner is drawn uniformly by the randomness contract (`randomness::pick(seed, 0,
    /// outcomes)`), from the draw keyed by this contract and the pool id.
    pub drawn: bool,
    /// A fan's scenario pool.
    pub fan: bool,
    /// Bettors must hold at least this identity level in the registry.
    pub min_identity: Option<IdentityLevel>,
    pub closes_at: Timestamp,
    /// The question's deadline (for a drawn pool, the close plus 7 days): the pool settles by
    /// then at the latest.
    pub answer_due: Timestamp,
    pub fee: BasisPoints,
    /// The pool's own limits; a bet must also lie within the platform's current ones (`Config`).
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
    /// The last position `PayOut` walked past; the next call starts after it.
    pub payout_cursor: Option<Addr>,
    /// `PayOut` has nothing left to do: every position was walked or everything owed is paid.
    pub payout_done: bool,
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

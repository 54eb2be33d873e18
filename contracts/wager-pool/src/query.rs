use cosmwasm_std::{Decimal, Deps, Order, StdResult, Uint128};
use ctc_conventions::paging::{filtered_page, page, page_limit};
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::bets::claimable;
use crate::execute::load_pool;
use crate::msg::{
    BetsResponse, ConfigResponse, OddsResponse, PoolBets, PoolResponse, PoolStatus, PoolsResponse,
    PositionResponse, StatusFilter,
};
use crate::state::{Pool, BETTOR_POOLS, CONFIG, POOLS, POSITIONS};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: config.token,
        registry: config.registry,
        oracle: config.oracle,
        operator: config.operator,
        treasury: config.treasury,
        node_incentive: config.node_incentive,
        treasury_share: config.treasury_share,
        creation_bond: config.creation_bond,
        bet_floor: config.bet_floor,
        bet_ceiling: config.bet_ceiling,
        scenario_bond: config.scenario_bond,
        scenario_min_identity: config.scenario_min_identity,
        max_open_scenarios: config.max_open_scenarios,
        randomness: config.randomness,
    })
}

fn view(pool_id: u64, pool: Pool) -> PoolResponse {
    // Claims alone may have paid everything owed, which leaves the crank nothing to do either.
    let payout_done = pool.payout_done || pool.fully_paid();
    PoolResponse {
        pool_id,
        creator: pool.creator,
        title: pool.title,
        outcomes: pool.outcomes,
        question_id: pool.question_id,
        drawn: pool.drawn,
        fan: pool.fan,
        min_identity: pool.min_identity,
        closes_at: pool.closes_at,
        answer_due: pool.answer_due,
        fee: pool.fee,
        min_bet: pool.min_bet,
        max_bet: pool.max_bet,
        cap_per_address: pool.cap_per_address,
        bond: pool.bond,
        status: pool.status,
        swept: pool.swept,
        stakes: pool.stakes,
        total: pool.total,
        fee_taken: pool.fee_taken,
        paid: pool.paid,
        payout_cursor: pool.payout_cursor,
        payout_done,
    }
}

pub fn pool(deps: Deps, pool_id: u64) -> Result<PoolResponse, ContractError> {
    Ok(view(pool_id, load_pool(deps.storage, pool_id)?))
}

fn status_matches(status: &PoolStatus, filter: StatusFilter) -> bool {
    matches!(
        (status, filter),
        (PoolStatus::Open, StatusFilter::Open)
            | (PoolStatus::Resolved { .. }, StatusFilter::Resolved)
            | (PoolStatus::Refunding { .. }, StatusFilter::Refunding)
    )
}

pub fn pools(
    deps: Deps,
    status: Option<StatusFilter>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PoolsResponse, ContractError> {
    let limit = page_limit(limit)?;
    let entries = POOLS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let (pools, next_start_after) = filtered_page(entries, limit, |&id, pool| {
        let wanted = status.is_none_or(|s| status_matches(&pool.status, s));
        Ok(wanted.then(|| view(id, pool)))
    })?;
    Ok(PoolsResponse {
        pools,
        next_start_after,
    })
}

pub fn position(deps: Deps, pool_id: u64, who: String) -> Result<PositionResponse, ContractError> {
    let pool = load_pool(deps.storage, pool_id)?;
    let bettor = address(deps.api, "address", &who)?;
    let Some(position) = POSITIONS.may_load(deps.storage, (pool_id, &bettor))? else {
        return Ok(PositionResponse {
            stakes: vec![Uint128::zero(); pool.outcomes.len()],
            claimed: false,
            claimable: Uint128::zero(),
        });
    };
    let (claimable, _) = claimable(&pool, &position)?;
    Ok(PositionResponse {
        stakes: position.stakes,
        claimed: position.claimed,
        claimable,
    })
}

pub fn odds(deps: Deps, pool_id: u64) -> Result<OddsResponse, ContractError> {
    let pool = load_pool(deps.storage, pool_id)?;
    let after_fee = pool.total - pool.fee.of(pool.total);
    let payout_per_unit = pool
        .stakes
        .iter()
        .map(|stake| {
            if stake.is_zero() {
                None
            } else {
                Decimal::checked_from_ratio(after_fee, *stake).ok()
            }
        })
        .collect();
    Ok(OddsResponse { payout_per_unit })
}

pub fn bets(
    deps: Deps,
    who: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<BetsResponse, ContractError> {
    let bettor = address(deps.api, "address", &who)?;
    let entries = BETTOR_POOLS.prefix(&bettor).range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let bets = page(entries, limit, |(pool_id, _)| {
        let position = POSITIONS.load(deps.storage, (pool_id, &bettor))?;
        Ok(PoolBets {
            pool_id,
            stakes: position.stakes,
            claimed: position.claimed,
        })
    })?;
    Ok(BetsResponse { bets })
}

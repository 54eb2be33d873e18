//! Bets in through the CTC hook, and money out: claims, each O(1) per bettor, and the payout
//! crank, bounded per call.

use cosmwasm_std::{
    wasm_execute, Addr, DepsMut, Empty, Env, MessageInfo, Order, OverflowError, OverflowOperation,
    Response, StdResult, Uint128,
};
use ctc_conventions::{ctc_hook, CtcHook};
use ctc_interfaces::token::{CtcExecuteMsg, MAX_DISBURSE_PAYMENTS};
use cw20::{Cw20Contract, Cw20ExecuteMsg, Cw20ReceiveMsg};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::pools::{create_pool, Opener, OpenerKind};
use crate::execute::{ensure_identity, load_pool};
use crate::msg::{PoolStatus, ReceiveMsg};
use crate::state::{
    Config, Pool, Position, BETTOR_POOLS, CONFIG, OPEN_SCENARIOS, POOLS, POSITIONS,
};

/// Positions one `PayOut` walks when the caller does not say.
pub const DEFAULT_PAYOUT_LIMIT: u32 = 30;
/// Positions one `PayOut` walks at most: each is a read and, when paid, a write.
pub const MAX_PAYOUT_LIMIT: u32 = 50;

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let CtcHook {
        sender,
        amount,
        msg,
    } = ctc_hook(deps.api, &config.token, &info, wrapper)?;
    match msg {
        ReceiveMsg::Bet { pool_id, outcome } => {
            bet(deps, env, &config, sender, amount, pool_id, outcome)
        }
        ReceiveMsg::CreatePool { pool } => {
            if amount != config.creation_bond {
                return Err(ContractError::WrongBond {
                    bond: config.creation_bond,
                });
            }
            let opener = Opener {
                creator: sender,
                bond: amount,
                kind: OpenerKind::Partner,
            };
            create_pool(deps, env, &config, opener, *pool)
        }
        ReceiveMsg::OpenScenarioPool { pool } => {
            if config.max_open_scenarios == 0 {
                return Err(ContractError::ScenarioPoolsClosed);
            }
            if amount != config.scenario_bond {
                return Err(ContractError::WrongBond {
                    bond: config.scenario_bond,
                });
            }
            let open = OPEN_SCENARIOS
                .may_load(deps.storage, &sender)?
                .unwrap_or_default();
            if open >= config.max_open_scenarios {
                return Err(ContractError::TooManyOpenScenarios {
                    max: config.max_open_scenarios,
                });
            }
            // The cheap refusals first: the registry query is the dearest step.
            ensure_identity(
                deps.as_ref(),
                &config.registry,
                &sender,
                config.scenario_min_identity,
            )?;
            let opener = Opener {
                creator: sender,
                bond: amount,
                kind: OpenerKind::Fan,
            };
            create_pool(deps, env, &config, opener, *pool)
        }
    }
}

fn bet(
    deps: DepsMut,
    env: Env,
    config: &Config,
    bettor: Addr,
    amount: Uint128,
    pool_id: u64,
    outcome: u32,
) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    if pool.status != PoolStatus::Open {
        return Err(ContractError::NotOpen);
    }
    if env.block.time >= pool.closes_at {
        return Err(ContractError::BettingClosed {
            closes_at: pool.closes_at,
        });
    }
    let index = outcome as usize;
    if index >= pool.outcomes.len() {
        return Err(ContractError::UnknownOutcome { index: outcome });
    }
    // The platform's current limits bind open pools too: a narrowing by the owner applies at
    // once, not only to pools opened after it.
    let min = pool.min_bet.max(config.bet_floor);
    let max = pool.max_bet.min(config.bet_ceiling);
    if amount < min || amount > max {
        return Err(ContractError::BetOutOfRange { min, max });
    }
    let key = (pool_id, &bettor);
    let mut position = POSITIONS.may_load(deps.storage, key)?.unwrap_or(Position {
        stakes: vec![Uint128::zero(); pool.outcomes.len()],
        claimed: false,
    });
    if let Some(cap) = pool.cap_per_address {
        let staked: Uint128 = position.stakes.iter().sum();
        if staked.checked_add(amount)? > cap {
            return Err(ContractError::OverCap { cap, staked });
        }
    }
    // Asked on every bet, not only the first: an attestation may have expired or been revoked
    // since.
    if let Some(required) = pool.min_identity {
        ensure_identity(deps.as_ref(), &config.registry, &bettor, required)?;
    }
    if position.stakes.iter().all(Uint128::is_zero) {
        BETTOR_POOLS.save(deps.storage, (&bettor, pool_id), &Empty {})?;
    }
    if position.stakes[index].is_zero() {
        pool.backers[index] = pool.backers[index]
            .checked_add(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    }
    position.stakes[index] = position.stakes[index].checked_add(amount)?;
    pool.stakes[index] = pool.stakes[index].checked_add(amount)?;
    pool.total = pool.total.checked_add(amount)?;
    POSITIONS.save(deps.storage, key, &position)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "bet")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("bettor", bettor)
        .add_attribute("outcome", outcome.to_string())
        .add_attribute("amount", amount))
}

/// What `position` may claim from `pool` now, and whether it is the last winning claim.
pub fn claimable(pool: &Pool, position: &Position) -> Result<(Uint128, bool), ContractError> {
    if position.claimed {
        return Ok((Uint128::zero(), false));
    }
    match pool.status {
        PoolStatus::Open => Ok((Uint128::zero(), false)),
        PoolStatus::Refunding { .. } => Ok((position.stakes.iter().sum(), false)),
        PoolStatus::Resolved { winner, .. } => {
            let index = winner as usize;
            let stake = position.stakes[index];
            if stake.is_zero() {
                return Ok((Uint128::zero(), false));
            }
            // The last winner to claim takes what is left, so the rounding dust has one home
            // and payouts + fee = total exactly.
            if pool.unclaimed_winners == 1 {
                let left = pool.distributable().checked_sub(pool.paid)?;
                return Ok((left, true));
            }
            Ok((
                stake.multiply_ratio(pool.distributable(), pool.stakes[index]),
                false,
            ))
        }
    }
}

/// Records `amount` (what `claimable` answered, not zero) as paid to `position`: the one
/// bookkeeping `claim` and `pay_out` share, so both pay exactly alike.
fn record_payment(
    pool: &mut Pool,
    position: &mut Position,
    amount: Uint128,
) -> Result<(), ContractError> {
    if let PoolStatus::Resolved { .. } = pool.status {
        pool.unclaimed_winners = pool
            .unclaimed_winners
            .checked_sub(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    }
    position.claimed = true;
    pool.paid = pool.paid.checked_add(amount)?;
    Ok(())
}

pub fn claim(deps: DepsMut, info: MessageInfo, pool_id: u64) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    if pool.status == PoolStatus::Open {
        return Err(ContractError::NotSettled);
    }
    if pool.swept {
        return Err(ContractError::Swept);
    }
    let key = (pool_id, &info.sender);
    let mut position = POSITIONS
        .may_load(deps.storage, key)?
        .ok_or(ContractError::NothingToClaim)?;
    if position.claimed {
        return Err(ContractError::AlreadyClaimed);
    }
    let (amount, _) = claimable(&pool, &position)?;
    if amount.is_zero() {
        return Err(ContractError::NothingToClaim);
    }
    record_payment(&mut pool, &mut position, amount)?;
    POSITIONS.save(deps.storage, key, &position)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    let config = CONFIG.load(deps.storage)?;
    let payout = Cw20ExecuteMsg::Transfer {
        recipient: info.sender.to_string(),
        amount,
    };
    Ok(Response::new()
        .add_message(Cw20Contract(config.token).call(payout)?)
        .add_attribute("action", "claim")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("bettor", info.sender)
        .add_attribute("amount", amount))
}

/// The crank: pays the next `limit` positions of a settled pool, so winners and refunded bettors
/// who never claim are paid without a call of their own, while each call's work stays bounded.
pub fn pay_out(deps: DepsMut, pool_id: u64, limit: Option<u32>) -> Result<Response, ContractError> {
    let limit = match limit.unwrap_or(DEFAULT_PAYOUT_LIMIT) {
        0 => {
            return Err(ContractError::PayoutLimit {
                max: MAX_PAYOUT_LIMIT,
            })
        }
        over if over > MAX_PAYOUT_LIMIT => {
            return Err(ContractError::PayoutLimit {
                max: MAX_PAYOUT_LIMIT,
            })
        }
        limit => limit as usize,
    };
    let mut pool = load_pool(deps.storage, pool_id)?;
    if pool.status == PoolStatus::Open {
        return Err(ContractError::NotSettled);
    }
    if pool.swept {
        return Err(ContractError::Swept);
    }
    if pool.payout_done || pool.fully_paid() {
        return Err(ContractError::PayoutDone);
    }
    // One entry past the page tells whether the walk ends with it, so the last page marks the
    // walk done rather than leaving a call that would find nothing.
    let entries: Vec<(Addr, Position)> = POSITIONS
        .prefix(pool_id)
        .range(
            deps.storage,
            pool.payout_cursor.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit + 1)
        .collect::<StdResult<_>>()?;
    if entries.is_empty() {
        return Err(ContractError::PayoutDone);
    }
    let more = entries.len() > limit;
    let mut payments: Vec<(Addr, Uint128)> = Vec::new();
    let mut walked = 0u32;
    let mut last = None;
    for (bettor, mut position) in entries.into_iter().take(limit) {
        walked += 1;
        let (amount, _) = claimable(&pool, &position)?;
        if !amount.is_zero() {
            record_payment(&mut pool, &mut position, amount)?;
            POSITIONS.save(deps.storage, (pool_id, &bettor), &position)?;
            payments.push((bettor.clone(), amount));
        }
        last = Some(bettor);
        // Past the last payment only losers and claimed positions are left: no need to walk them.
        if pool.fully_paid() {
            break;
        }
    }
    let done = !more || pool.fully_paid();
    if done {
        pool.payout_done = true;
        pool.payout_cursor = None;
    } else {
        pool.payout_cursor = last;
    }
    POOLS.save(deps.storage, pool_id, &pool)?;

    let config = CONFIG.load(deps.storage)?;
    let amount: Uint128 = payments.iter().map(|(_, amount)| *amount).sum();
    let mut response = Response::new()
        .add_attribute("action", "pay_out")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("walked", walked.to_string())
        .add_attribute("paid", payments.len().to_string())
        .add_attribute("amount", amount)
        .add_attribute("done", done.to_string());
    // The token refuses a `Disburse` of more than MAX_DISBURSE_PAYMENTS payments, so a page goes
    // out in as few calls as that allows; after the first, a call into the token starts at
    // 2,000 gas rather than 60,000, its code having run in the transaction already.
    for chunk in payments.chunks(MAX_DISBURSE_PAYMENTS) {
        if let Some(disburse) = CtcExecuteMsg::disburse(chunk.iter().cloned()) {
            response = response.add_message(wasm_execute(&config.token, &disburse, vec![])?);
        }
    }
    Ok(response)
}

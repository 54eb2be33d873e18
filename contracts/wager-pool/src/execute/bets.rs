//! Bets in through the CTC hook, and claims out, each O(1) per bettor.

use cosmwasm_std::{
    Addr, DepsMut, Empty, Env, MessageInfo, OverflowError, OverflowOperation, Response, Uint128,
};
use ctc_conventions::{ctc_hook, CtcHook};
use cw20::{Cw20Contract, Cw20ExecuteMsg, Cw20ReceiveMsg};

use crate::error::ContractError;
use crate::execute::load_pool;
use crate::execute::pools::{create_pool, Opener};
use crate::msg::{PoolStatus, ReceiveMsg};
use crate::state::{Pool, Position, BETTOR_POOLS, CONFIG, POOLS, POSITIONS};

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
        ReceiveMsg::Bet { pool_id, outcome } => bet(deps, env, sender, amount, pool_id, outcome),
        ReceiveMsg::CreatePool { pool } => {
            if amount != config.creation_bond {
                return Err(ContractError::WrongBond {
                    bond: config.creation_bond,
                });
            }
            let opener = Opener {
                creator: sender,
                bond: amount,
            };
            create_pool(deps, env, &config, opener, *pool)
        }
    }
}

fn bet(
    deps: DepsMut,
    env: Env,
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
    if amount < pool.min_bet || amount > pool.max_bet {
        return Err(ContractError::BetOutOfRange {
            min: pool.min_bet,
            max: pool.max_bet,
        });
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
    if let PoolStatus::Resolved { .. } = pool.status {
        pool.unclaimed_winners = pool
            .unclaimed_winners
            .checked_sub(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    }
    position.claimed = true;
    pool.paid = pool.paid.checked_add(amount)?;
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

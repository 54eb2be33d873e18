pub mod bets;
pub mod pools;

use cosmwasm_std::{Addr, Deps, Env, Storage};
use ctc_conventions::validate::address;

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::state::{Pool, POOLS};

/// An address that receives fees and can pass them on: not one of the platform's contracts (the
/// token and this contract included), which could never spend them.
pub fn recipient(
    deps: Deps,
    env: &Env,
    field: &'static str,
    value: &str,
) -> Result<Addr, ContractError> {
    let recipient = address(deps.api, field, value)?;
    ctc_conventions::ensure_recipient_can_spend(
        &deps.querier,
        env,
        CONTRACT.name,
        field,
        &recipient,
    )?;
    Ok(recipient)
}

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

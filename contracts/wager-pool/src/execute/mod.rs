pub mod bets;
pub mod pools;

use cosmwasm_std::{Addr, Api, Deps, Env, Storage};

use crate::contract::CONTRACT_NAME;
use crate::error::ContractError;
use crate::state::{Pool, POOLS};

pub fn address(api: &dyn Api, field: &'static str, value: &str) -> Result<Addr, ContractError> {
    api.addr_validate(value)
        .map_err(|err| ContractError::InvalidAddress {
            field,
            reason: err.to_string(),
        })
}

/// An address that receives fees and can pass them on: not one of the platform's contracts (the
/// token and this contract included), which could never spend them.
pub fn recipient(
    deps: Deps,
    env: &Env,
    field: &'static str,
    value: &str,
) -> Result<Addr, ContractError> {
    let recipient = address(deps.api, field, value)?;
    ctc_conventions::ensure_recipient_can_spend(&deps.querier, env, CONTRACT_NAME, field, &recipient)?;
    Ok(recipient)
}

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

pub use ctc_interfaces::token::transfer_msg as transfer_ctc;

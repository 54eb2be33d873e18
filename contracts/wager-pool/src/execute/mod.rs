pub mod bets;
pub mod pools;

use cosmwasm_std::{Addr, Api, Storage};

use crate::error::ContractError;
use crate::state::{Pool, POOLS};

pub fn address(api: &dyn Api, field: &'static str, value: &str) -> Result<Addr, ContractError> {
    api.addr_validate(value)
        .map_err(|err| ContractError::InvalidAddress {
            field,
            reason: err.to_string(),
        })
}

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

pub use ctc_interfaces::token::transfer_msg as transfer_ctc;

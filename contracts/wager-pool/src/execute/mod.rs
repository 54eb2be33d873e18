pub mod bets;
pub mod pools;

use cosmwasm_std::Storage;

use crate::error::ContractError;
use crate::state::{Pool, POOLS};

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

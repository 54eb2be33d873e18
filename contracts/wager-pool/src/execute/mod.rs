pub mod bets;
pub mod pools;

use cosmwasm_std::{Addr, Deps, Storage};
use ctc_interfaces::registry::{IdentityLevel, IdentityLevelResponse, RegistryQueryMsg};

use crate::error::ContractError;
use crate::state::{Pool, POOLS};

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

/// Refuses `who` unless the registry answers that it holds at least `required`, from any
/// attester the registry accepts: one query.
pub fn ensure_identity(
    deps: Deps,
    registry: &Addr,
    who: &Addr,
    required: IdentityLevel,
) -> Result<(), ContractError> {
    let query = RegistryQueryMsg::IdentityLevel {
        address: who.to_string(),
        accepted_attesters: None,
    };
    let answer: IdentityLevelResponse = deps.querier.query_wasm_smart(registry, &query)?;
    // `None` (no attestation) sorts below every level.
    if answer.level < Some(required) {
        return Err(ContractError::IdentityTooLow { required });
    }
    Ok(())
}

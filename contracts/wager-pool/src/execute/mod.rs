pub mod bets;
pub mod pools;

use cosmwasm_std::{to_json_binary, Addr, Api, CosmosMsg, Storage, Uint128, WasmMsg};

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

pub fn transfer_ctc(token: &Addr, to: &Addr, amount: Uint128) -> Result<CosmosMsg, ContractError> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&cw20::Cw20ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

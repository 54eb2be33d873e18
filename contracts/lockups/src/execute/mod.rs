//! The execute handlers, by what they do, and the loads they share.

pub mod admin;
pub mod funding;
pub mod grants;

use cosmwasm_std::{Addr, Env, QuerierWrapper, Storage, Uint128};

use crate::error::ContractError;
use crate::state::{Grant, GRANTS, TOKEN};

pub fn configured_token(storage: &dyn Storage) -> Result<Addr, ContractError> {
    TOKEN.may_load(storage)?.ok_or(ContractError::TokenNotSet)
}

pub fn load_grant(storage: &dyn Storage, grant_id: u64) -> Result<Grant, ContractError> {
    GRANTS
        .may_load(storage, grant_id)?
        .ok_or(ContractError::UnknownGrant { grant_id })
}

/// This contract's CTC balance as the token answers it: one cw20 `balance` query.
pub fn token_balance(
    querier: &QuerierWrapper,
    env: &Env,
    token: &Addr,
) -> Result<Uint128, ContractError> {
    let answer: cw20::BalanceResponse = querier.query_wasm_smart(
        token,
        &cw20::Cw20QueryMsg::Balance {
            address: env.contract.address.to_string(),
        },
    )?;
    Ok(answer.balance)
}

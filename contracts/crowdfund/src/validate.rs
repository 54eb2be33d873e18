use cosmwasm_std::{Addr, Api, Deps, Env};

use crate::contract::CONTRACT_NAME;
use crate::error::ContractError;

pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_URI_BYTES: usize = 256;
pub const MAX_REWARD_TIERS: usize = 8;
/// ticket-nft mints at most 20 tickets per message.
pub const MAX_TICKETS_PER_REWARD: u32 = 20;
pub const MAX_LEAD_SECONDS: u64 = 90 * 86_400;
pub const MAX_CAMPAIGN_SECONDS: u64 = 180 * 86_400;

pub fn text(field: &'static str, value: &str, max: usize) -> Result<(), ContractError> {
    if value.is_empty() || value.len() > max {
        return Err(ContractError::InvalidLength { field, max });
    }
    Ok(())
}

pub fn address(api: &dyn Api, field: &'static str, value: &str) -> Result<Addr, ContractError> {
    api.addr_validate(value)
        .map_err(|err| ContractError::InvalidAddress {
            field,
            reason: err.to_string(),
        })
}

/// A treasury that can pass fees on: not one of the platform's contracts (the token and this
/// contract included), which could never spend them.
pub fn treasury(deps: Deps, env: &Env, value: &str) -> Result<Addr, ContractError> {
    let treasury = address(deps.api, "treasury", value)?;
    ctc_conventions::ensure_recipient_can_spend(
        &deps.querier,
        env,
        CONTRACT_NAME,
        "treasury",
        &treasury,
    )?;
    Ok(treasury)
}

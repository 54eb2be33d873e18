use cosmwasm_std::{Addr, Api};

use crate::error::ContractError;

pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_URI_BYTES: usize = 256;
pub const MAX_TIER_NAME_BYTES: usize = 64;
pub const MAX_SEAT_BYTES: usize = 32;
pub const MAX_TIERS: u8 = 16;
pub const MAX_TIER_SUPPLY: u32 = 100_000;
pub const MAX_PER_MESSAGE: u32 = 20;
pub const MAX_RESALE_CAP_BPS: u32 = 30_000;
pub const MAX_TRANSFERS: u32 = 100;
pub const MAX_SEATS_PER_TIER: usize = 1_000;
pub const MAX_SETTLEMENT_DELAY_SECONDS: u64 = 90 * 86_400;

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

pub fn settlement_delay(seconds: u64) -> Result<u64, ContractError> {
    if seconds > MAX_SETTLEMENT_DELAY_SECONDS {
        return Err(ContractError::SettlementDelayTooLong {
            max: MAX_SETTLEMENT_DELAY_SECONDS,
        });
    }
    Ok(seconds)
}

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPoints;

use crate::error::ContractError;
use crate::state::{CONFIG, VOUCHERS};
use crate::validate;

pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    (treasury, randomness): (Option<String>, Option<String>),
    platform_fee: Option<BasisPoints>,
    burn_share: Option<BasisPoints>,
    settlement_delay_seconds: Option<u64>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(treasury) = treasury {
        let treasury = ctc_conventions::validate::recipient(
            deps.as_ref(),
            &env,
            crate::contract::CONTRACT.name,
            "treasury",
            &treasury,
        )?;
        config.treasury = treasury;
    }
    config.platform_fee = platform_fee.unwrap_or(config.platform_fee);
    config.burn_share = burn_share.unwrap_or(config.burn_share);
    config.platform_fee.checked_add(config.burn_share)?;
    if let Some(delay) = settlement_delay_seconds {
        config.settlement_delay_seconds = validate::settlement_delay(delay)?;
    }
    // Set once: a draw asked of one contract is answered only by it.
    if let Some(randomness) = randomness {
        if config.randomness.is_some() {
            return Err(ContractError::RandomnessFixed);
        }
        let randomness = ctc_conventions::validate::address(deps.api, "randomness", &randomness)?;
        config.randomness = Some(randomness);
    }
    config.updated_at = env.block.time;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("treasury", config.treasury)
        .add_attribute("platform_fee", config.platform_fee.to_string())
        .add_attribute("burn_share", config.burn_share.to_string()))
}

/// Set once: the events already issued name their bookings in this schedules contract.
pub fn set_schedules(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if config.schedules.is_some() {
        return Err(ContractError::SchedulesAlreadySet);
    }
    let schedules = ctc_conventions::validate::address(deps.api, "schedules", &address)?;
    config.schedules = Some(schedules.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "set_schedules")
        .add_attribute("schedules", schedules))
}

/// Set once, as the schedules contract: the coupons spent and the passes' uses for tickets are
/// counted in this vouchers contract.
pub fn set_vouchers(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    if VOUCHERS.exists(deps.storage) {
        return Err(ContractError::VouchersAlreadySet);
    }
    let vouchers = ctc_conventions::validate::address(deps.api, "vouchers", &address)?;
    VOUCHERS.save(deps.storage, &vouchers)?;
    Ok(Response::new()
        .add_attribute("action", "set_vouchers")
        .add_attribute("vouchers", vouchers))
}

/// Applies to events created afterwards: an event's identity rule is fixed at its creation, as
/// its fees are.
pub fn set_min_holder_identity(
    deps: DepsMut,
    info: MessageInfo,
    level: Option<IdentityLevel>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.min_holder_identity = level;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "set_min_holder_identity")
        .add_attribute("level", level.map_or("none", IdentityLevel::as_str)))
}

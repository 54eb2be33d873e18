//! The authority's own settings: regulators, platform contracts, open anchoring, ownership.

use cosmwasm_std::{DepsMut, Empty, MessageInfo, Response};

use crate::access::assert_authority;
use crate::error::ContractError;
use crate::state::{CONFIG, PLATFORM_CONTRACTS, REGULATORS};
use crate::validate::{self, MAX_NAME_BYTES};

pub fn appoint_regulator(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let regulator = validate::address(deps.api, "address", &address)?;
    if REGULATORS.has(deps.storage, &regulator) {
        return Err(ContractError::AlreadyRegulator { address });
    }
    REGULATORS.save(deps.storage, &regulator, &Empty {})?;
    Ok(Response::new()
        .add_attribute("action", "appoint_regulator")
        .add_attribute("regulator", regulator))
}

pub fn remove_regulator(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let regulator = validate::address(deps.api, "address", &address)?;
    if !REGULATORS.has(deps.storage, &regulator) {
        return Err(ContractError::NotARegulator { address });
    }
    REGULATORS.remove(deps.storage, &regulator);
    Ok(Response::new()
        .add_attribute("action", "remove_regulator")
        .add_attribute("regulator", regulator))
}

pub fn register_platform_contract(
    deps: DepsMut,
    info: MessageInfo,
    name: String,
    address: String,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    validate::text("name", &name, MAX_NAME_BYTES)?;
    let contract = validate::address(deps.api, "address", &address)?;
    PLATFORM_CONTRACTS.save(deps.storage, &contract, &name)?;
    Ok(Response::new()
        .add_attribute("action", "register_platform_contract")
        .add_attribute("contract", contract)
        .add_attribute("name", name))
}

pub fn remove_platform_contract(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let contract = validate::address(deps.api, "address", &address)?;
    if !PLATFORM_CONTRACTS.has(deps.storage, &contract) {
        return Err(ContractError::UnknownPlatformContract { address });
    }
    PLATFORM_CONTRACTS.remove(deps.storage, &contract);
    Ok(Response::new()
        .add_attribute("action", "remove_platform_contract")
        .add_attribute("contract", contract))
}

pub fn set_open_anchoring(
    deps: DepsMut,
    info: MessageInfo,
    open: bool,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    CONFIG.update(deps.storage, |mut config| -> Result<_, ContractError> {
        config.open_anchoring = open;
        Ok(config)
    })?;
    Ok(Response::new()
        .add_attribute("action", "set_open_anchoring")
        .add_attribute("open", open.to_string()))
}

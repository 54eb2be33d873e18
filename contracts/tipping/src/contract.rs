#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::{self, address, check_fee, validate_denom};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG, NATIVE_DENOMS};

pub const CONTRACT_NAME: &str = concat!("crates.io:", env!("CARGO_PKG_NAME"));
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = Config {
        token: address(deps.api, "token", &msg.token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        treasury: execute::treasury(deps.as_ref(), &env, &msg.treasury)?,
        fee: check_fee(msg.fee)?,
        min_ctc_tip: msg.min_ctc_tip,
    };
    for denom in &msg.native_denoms {
        validate_denom(&denom.denom)?;
    }
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    CONFIG.save(deps.storage, &config)?;
    for denom in msg.native_denoms {
        NATIVE_DENOMS.save(deps.storage, &denom.denom, &denom.min_tip)?;
    }
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("token", config.token)
        .add_attributes(ownership.into_attributes()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    if !matches!(msg, ExecuteMsg::TipNative { .. }) {
        cw_utils::nonpayable(&info)?;
    }
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive(deps, env, info, wrapper),
        ExecuteMsg::TipNative {
            recipient,
            memo,
            context,
        } => execute::tip_native(deps, env, info, recipient, memo, context),
        ExecuteMsg::UpdateConfig {
            treasury,
            fee,
            min_ctc_tip,
        } => execute::update_config(deps, env, info, treasury, fee, min_ctc_tip),
        ExecuteMsg::SetDenom { denom, min_tip } => execute::set_denom(deps, info, denom, min_tip),
        ExecuteMsg::SetVerificationRequired {
            context_kind,
            required,
        } => execute::set_verification_required(deps, info, context_kind, required),
        ExecuteMsg::UpdateOwnership(action) => {
            Ok(ctc_conventions::update_ownership(deps, &env, &info, action)?)
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::RecipientStats { address } => {
            to_json_binary(&query::recipient_stats(deps, address)?)
        }
        QueryMsg::TipperStats { address } => to_json_binary(&query::tipper_stats(deps, address)?),
        QueryMsg::ContextStats { context } => to_json_binary(&query::context_stats(deps, context)?),
        QueryMsg::RecentTips { recipient, limit } => {
            to_json_binary(&query::recent_tips(deps, recipient, limit)?)
        }
        QueryMsg::TopRecipients { denom } => to_json_binary(&query::top_recipients(deps, denom)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    ctc_conventions::migrate(deps.storage, CONTRACT_NAME, CONTRACT_VERSION).map_err(|err| {
        ContractError::CannotMigrate {
            reason: err.to_string(),
        }
    })
}

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::address;
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::{self, check_fee, validate_denom};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG, NATIVE_DENOMS};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
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
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    for denom in msg.native_denoms {
        NATIVE_DENOMS.save(deps.storage, &denom.denom, &denom.min_tip)?;
    }
    Ok(response.add_attribute("token", config.token))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    if !matches!(msg, ExecuteMsg::TipNative { .. }) {
        ctc_conventions::nonpayable(&info)?;
    }
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive(deps, env, info, wrapper),
        ExecuteMsg::TipNative {
            recipient,
            memo,
            context,
        } => execute::tip_native(deps, env, info, recipient, memo, context),
        ExecuteMsg::Tip {
            recipient,
            amount,
            memo,
            context,
        } => execute::tip(deps, env, info, recipient, amount, memo, context),
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
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
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
    // No stored data has changed shape yet; a data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

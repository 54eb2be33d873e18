#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use ctc_conventions::validate::{address, optional_address};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::accounts::{self, ACCOUNT_CREATED};
use crate::execute::{account_admin, admin, check_bounds, code_id};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, RecoveryBounds};
use crate::query;
use crate::state::{Config, CONFIG};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    let bounds = RecoveryBounds {
        min_delay_seconds: msg.min_delay_seconds,
        max_delay_seconds: msg.max_delay_seconds,
        min_period_seconds: msg.min_period_seconds,
        max_period_seconds: msg.max_period_seconds,
    };
    check_bounds(&bounds)?;
    let config = Config {
        account_code_id: code_id(msg.account_code_id)?,
        ctc_token: address(deps.api, "ctc_token", &msg.ctc_token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        account_admin: account_admin(deps.api, &env, &msg.account_admin)?,
        bounds,
    };
    // cw-ownable would refuse a bad owner too, but only with a bare decoding error.
    optional_address(deps.api, "owner", msg.owner.as_deref())?;
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response
        .add_attribute("account_code_id", config.account_code_id.to_string())
        .add_attribute("account_admin", config.account_admin))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // The factory holds nothing: coins sent along would be locked for good, and an account is
    // created with no funds.
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::CreateAccount {
            operator,
            recovery,
            label,
        } => accounts::create_account(deps, &env, info, operator, recovery, label),
        ExecuteMsg::OperatorChanged { old, new } => {
            accounts::operator_changed(deps, info, old, new)
        }
        ExecuteMsg::UpdateConfig {
            account_code_id,
            account_admin,
            bounds,
        } => admin::update_config(deps, &env, info, account_code_id, account_admin, bounds),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        ACCOUNT_CREATED => accounts::account_created(deps, &env, reply),
        id => Err(ContractError::UnknownReply { id }),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Account { address } => to_json_binary(&query::account(deps, address)?),
        QueryMsg::AccountsOf {
            operator,
            start_after,
            limit,
        } => to_json_binary(&query::accounts_of(deps, operator, start_after, limit)?),
        QueryMsg::Accounts { start_after, limit } => {
            to_json_binary(&query::accounts(deps, start_after, limit)?)
        }
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

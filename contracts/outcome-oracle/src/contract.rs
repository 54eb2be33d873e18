#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response};
use ctc_conventions::validate::address;
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG, CREATORS};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    if msg.dispute_bond.is_zero() {
        return Err(ContractError::ZeroBond);
    }
    let config = Config {
        token: address(deps.api, "token", &msg.token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        treasury: ctc_conventions::validate::recipient(
            deps.as_ref(),
            &env,
            CONTRACT.name,
            "treasury",
            &msg.treasury,
        )?,
        arbiter: address(deps.api, "arbiter", &msg.arbiter)?,
        dispute_bond: msg.dispute_bond,
        arbitration_timeout_seconds: execute::duration(
            "arbitration_timeout_seconds",
            msg.arbitration_timeout_seconds,
            (
                execute::MIN_ARBITRATION_SECONDS,
                execute::MAX_ARBITRATION_SECONDS,
            ),
        )?,
        min_dispute_window_seconds: execute::duration(
            "min_dispute_window_seconds",
            msg.min_dispute_window_seconds
                .unwrap_or(execute::MIN_WINDOW_SECONDS),
            (1, execute::MAX_WINDOW_SECONDS),
        )?,
    };
    let creators = msg
        .creators
        .iter()
        .map(|creator| address(deps.api, "creators", creator))
        .collect::<Result<Vec<_>, _>>()?;
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    for creator in creators {
        CREATORS.save(deps.storage, &creator, &Empty {})?;
    }
    Ok(response.add_attribute("arbiter", config.arbiter))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive(deps, env, info, wrapper),
        ExecuteMsg::CreateQuestion { question } => {
            execute::create_question(deps, env, info, question)
        }
        ExecuteMsg::Report {
            question_id,
            verdict,
        } => execute::report(deps, env, info, question_id, verdict),
        ExecuteMsg::StrikeReport {
            question_id,
            reporter,
        } => execute::strike_report(deps, question_id, reporter),
        ExecuteMsg::Finalize { question_id } => execute::finalize(deps, env, question_id),
        ExecuteMsg::Arbitrate {
            question_id,
            verdict,
        } => execute::arbitrate(deps, env, info, question_id, verdict),
        ExecuteMsg::UpdateConfig {
            treasury,
            arbiter,
            dispute_bond,
            arbitration_timeout_seconds,
        } => execute::update_config(
            deps,
            &env,
            info,
            treasury,
            arbiter,
            dispute_bond,
            arbitration_timeout_seconds,
        ),
        ExecuteMsg::SetCreator { address, allowed } => {
            execute::set_creator(deps, info, address, allowed)
        }
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Question { question_id } => to_json_binary(&query::question(deps, question_id)?),
        QueryMsg::Answer { question_id } => to_json_binary(&query::answer(deps, env, question_id)?),
        QueryMsg::Reports {
            question_id,
            start_after,
            limit,
        } => to_json_binary(&query::reports(deps, question_id, start_after, limit)?),
        QueryMsg::Questions {
            status,
            start_after,
            limit,
        } => to_json_binary(&query::questions(deps, status, start_after, limit)?),
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

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use ctc_conventions::validate::address;
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::bets;
use crate::execute::pools::{self, ConfigUpdate, Opener, OpenerKind, QUESTION_CREATED};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, RefundReason};
use crate::query;
use crate::state::{
    Config, CONFIG, DEFAULT_BET_CEILING, DEFAULT_BET_FLOOR, DEFAULT_MAX_OPEN_SCENARIOS,
    DEFAULT_SCENARIO_BOND, DEFAULT_SCENARIO_IDENTITY,
};
use ctc_conventions::validate::recipient;

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    let randomness = msg
        .randomness
        .map(|randomness| address(deps.api, "randomness", &randomness))
        .transpose()?;
    let config = Config {
        token: address(deps.api, "token", &msg.token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        oracle: address(deps.api, "oracle", &msg.oracle)?,
        operator: address(deps.api, "operator", &msg.operator)?,
        treasury: recipient(
            deps.as_ref(),
            &env,
            CONTRACT.name,
            "treasury",
            &msg.treasury,
        )?,
        node_incentive: recipient(
            deps.as_ref(),
            &env,
            CONTRACT.name,
            "node_incentive",
            &msg.node_incentive,
        )?,
        treasury_share: msg.treasury_share,
        creation_bond: msg.creation_bond,
        bet_floor: msg.bet_floor.unwrap_or(DEFAULT_BET_FLOOR),
        bet_ceiling: msg.bet_ceiling.unwrap_or(DEFAULT_BET_CEILING),
        scenario_bond: msg.scenario_bond.unwrap_or(DEFAULT_SCENARIO_BOND),
        scenario_min_identity: msg
            .scenario_min_identity
            .unwrap_or(DEFAULT_SCENARIO_IDENTITY),
        max_open_scenarios: msg.max_open_scenarios.unwrap_or(DEFAULT_MAX_OPEN_SCENARIOS),
        randomness,
    };
    pools::check_config(&config)?;
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response.add_attribute("oracle", config.oracle))
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
        ExecuteMsg::Receive(wrapper) => bets::receive(deps, env, info, wrapper),
        ExecuteMsg::CreatePool { pool } => {
            let config = CONFIG.load(deps.storage)?;
            if info.sender != config.operator {
                return Err(ContractError::NotOperator);
            }
            let opener = Opener {
                creator: info.sender,
                bond: cosmwasm_std::Uint128::zero(),
                kind: OpenerKind::Operator,
            };
            pools::create_pool(deps, env, &config, opener, pool)
        }
        ExecuteMsg::Resolve { pool_id } => pools::resolve(deps, env, pool_id),
        ExecuteMsg::Claim { pool_id } => bets::claim(deps, info, pool_id),
        ExecuteMsg::PayOut { pool_id, limit } => bets::pay_out(deps, pool_id, limit),
        ExecuteMsg::Cancel { pool_id } => {
            pools::end_before_close(deps, env, info, pool_id, RefundReason::Cancelled)
        }
        ExecuteMsg::RejectAbusive { pool_id } => {
            pools::end_before_close(deps, env, info, pool_id, RefundReason::Abusive)
        }
        ExecuteMsg::SweepUnclaimed { pool_id } => pools::sweep_unclaimed(deps, env, pool_id),
        ExecuteMsg::UpdateConfig {
            operator,
            treasury,
            node_incentive,
            treasury_share,
            creation_bond,
            bet_floor,
            bet_ceiling,
            scenario_bond,
            scenario_min_identity,
            max_open_scenarios,
            randomness,
        } => pools::update_config(
            deps,
            &env,
            info,
            ConfigUpdate {
                operator,
                treasury,
                node_incentive,
                treasury_share,
                creation_bond,
                bet_floor,
                bet_ceiling,
                scenario_bond,
                scenario_min_identity,
                max_open_scenarios,
                randomness,
            },
        ),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        QUESTION_CREATED => pools::question_created(deps, reply),
        _ => Err(ContractError::Std(cosmwasm_std::StdError::generic_err(
            "unknown reply id",
        ))),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Pool { pool_id } => to_json_binary(&query::pool(deps, pool_id)?),
        QueryMsg::Pools {
            status,
            start_after,
            limit,
        } => to_json_binary(&query::pools(deps, status, start_after, limit)?),
        QueryMsg::Position { pool_id, address } => {
            to_json_binary(&query::position(deps, pool_id, address)?)
        }
        QueryMsg::Odds { pool_id } => to_json_binary(&query::odds(deps, pool_id)?),
        QueryMsg::Bets {
            address,
            start_after,
            limit,
        } => to_json_binary(&query::bets(deps, address, start_after, limit)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // Stored data has only gained fields, which load with their defaults (state.rs); a data
    // migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

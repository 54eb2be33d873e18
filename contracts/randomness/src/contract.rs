#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::{address, optional_address, recipient};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::{admin, commit_bounds, draws, providers, window};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
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
    if msg.provider_bond.is_zero() {
        return Err(ContractError::ZeroBond);
    }
    commit_bounds(msg.min_commits, msg.max_commits)?;
    let config = Config {
        token: address(deps.api, "token", &msg.token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        treasury: recipient(
            deps.as_ref(),
            &env,
            CONTRACT.name,
            "treasury",
            &msg.treasury,
        )?,
        provider_bond: msg.provider_bond,
        commit_seconds: window("commit_seconds", msg.commit_seconds)?,
        reveal_seconds: window("reveal_seconds", msg.reveal_seconds)?,
        min_commits: msg.min_commits,
        max_commits: msg.max_commits,
    };
    // cw-ownable would refuse a bad owner too, but only with a bare decoding error.
    optional_address(deps.api, "owner", msg.owner.as_deref())?;
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response
        .add_attribute("token", config.token)
        .add_attribute("provider_bond", config.provider_bond))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // Only CTC is held here: coins sent along would be locked for good.
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::Receive(wrapper) => providers::receive(deps, info, wrapper),
        ExecuteMsg::Leave {} => providers::leave(deps, info),
        ExecuteMsg::Remove { provider } => providers::remove(deps, provider),
        ExecuteMsg::RequestDraw {
            key,
            commits_close_at,
        } => draws::request_draw(deps, env, info, key, commits_close_at),
        ExecuteMsg::Commit {
            requester,
            key,
            commitment,
        } => draws::commit(deps, env, info, requester, key, commitment),
        ExecuteMsg::Retract { requester, key } => draws::retract(deps, env, info, requester, key),
        ExecuteMsg::Reveal {
            requester,
            key,
            secret,
        } => draws::reveal(deps, env, info, requester, key, secret),
        ExecuteMsg::Forfeit {
            requester,
            key,
            provider,
        } => draws::forfeit(deps, env, requester, key, provider),
        ExecuteMsg::UpdateConfig {
            registry,
            treasury,
            provider_bond,
            commit_seconds,
            reveal_seconds,
            min_commits,
            max_commits,
        } => admin::update_config(
            deps,
            &env,
            info,
            registry,
            treasury,
            provider_bond,
            commit_seconds,
            reveal_seconds,
            min_commits,
            max_commits,
        ),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Draw { requester, key } => {
            to_json_binary(&query::draw(deps, &env, requester, key)?)
        }
        QueryMsg::Provider { address } => to_json_binary(&query::provider(deps, address)?),
        QueryMsg::Providers { start_after, limit } => {
            to_json_binary(&query::providers(deps, start_after, limit)?)
        }
        QueryMsg::Commitment {
            requester,
            key,
            provider,
        } => to_json_binary(&query::commitment(deps, requester, key, provider)?),
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

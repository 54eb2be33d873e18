#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::optional_address;
use ctc_conventions::{verify_platform_token_at_instantiate, ContractId};

use crate::error::ContractError;
use crate::execute::{admin, funding, grants};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, Totals, CONFIG, TOKEN, TOTALS};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    let token = optional_address(deps.api, "token", msg.token.as_deref())?;
    // A token given here is checked as `set_token` checks it: instantiate must not become the
    // way around the verification. This contract's own info is not stored yet while it is
    // instantiated, so the token's creator is compared with this message's sender, the creator
    // the chain records.
    if let Some(token) = &token {
        let allocation = verify_platform_token_at_instantiate(&deps.querier, &info, token)?;
        admin::locked_bucket(&env, token, &allocation)?;
    }
    // cw-ownable would refuse a bad owner too, but only with a bare decoding error.
    optional_address(deps.api, "owner", msg.owner.as_deref())?;
    let mut response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    TOTALS.save(deps.storage, &Totals::default())?;
    CONFIG.save(
        deps.storage,
        &Config {
            locked_until: msg.locked_until,
        },
    )?;
    response = response.add_attribute("locked_until", msg.locked_until.to_string());
    if let Some(token) = token {
        TOKEN.save(deps.storage, &token)?;
        response = response.add_attribute("token", token);
    }
    Ok(response)
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
        ExecuteMsg::SetToken { address } => admin::set_token(deps, env, address),
        ExecuteMsg::Receive(wrapper) => funding::receive(deps, info, wrapper),
        ExecuteMsg::Reconcile {} => funding::reconcile(deps, env),
        ExecuteMsg::CreateGrant {
            beneficiary,
            amount,
            schedule,
            revocable,
        } => grants::create_grant(deps, env, info, beneficiary, amount, schedule, revocable),
        ExecuteMsg::Claim { grant_id } => grants::claim(deps, env, grant_id),
        ExecuteMsg::Revoke { grant_id } => grants::revoke(deps, env, info, grant_id),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Grant { grant_id } => to_json_binary(&query::grant(deps, &env, grant_id)?),
        QueryMsg::Grants {
            beneficiary,
            start_after,
            limit,
        } => to_json_binary(&query::grants(deps, &env, beneficiary, start_after, limit)?),
        QueryMsg::Vested { grant_id, at } => {
            to_json_binary(&query::vested(deps, &env, grant_id, at)?)
        }
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // No stored data has changed shape since the first deployment: `config` (the lock floor) was
    // added before this contract was deployed anywhere. A data migration would branch on the
    // old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

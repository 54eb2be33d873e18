//! A key rotation by a fan who still has the key, in two steps as cw-ownable's.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::execute::{change_operator, ensure_operator};
use crate::state::{CONFIG, RECOVERY, RECOVERY_UPDATE};
use crate::validate;

/// Refuses `new` as the operator: the current one, the account, a member of the recovery set in
/// force or of the scheduled one (the operator is never a member).
fn check_new_operator(
    deps: &DepsMut,
    env: &Env,
    operator: &Addr,
    new: &Addr,
) -> Result<(), ContractError> {
    let set = RECOVERY.load(deps.storage)?;
    validate::new_operator(&set, &env.contract.address, operator, new)?;
    if let Some((set, _)) = RECOVERY_UPDATE.may_load(deps.storage)? {
        validate::not_a_member(&set, new)?;
    }
    Ok(())
}

pub fn propose(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    new_operator: String,
) -> Result<Response, ContractError> {
    let mut config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    let new_operator = address(deps.api, "new_operator", &new_operator)?;
    check_new_operator(&deps, &env, &config.operator, &new_operator)?;
    config.pending_operator = Some(new_operator.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "propose_operator")
        .add_attribute("pending_operator", new_operator))
}

pub fn accept(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    let mut config = CONFIG.load(deps.storage)?;
    if config.pending_operator.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotPendingOperator);
    }
    // The recovery set may have changed since the proposal.
    check_new_operator(&deps, &env, &config.operator, &info.sender)?;
    let old = config.operator.clone();
    let (removed, notice) = change_operator(deps.storage, &mut config, info.sender)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_messages(notice)
        .add_attribute("action", "accept_operator")
        .add_attribute("old_operator", old)
        .add_attribute("operator", config.operator)
        .add_attribute("delegates_removed", removed.len().to_string()))
}

pub fn cancel(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    let mut config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    if config.pending_operator.take().is_none() {
        return Err(ContractError::NoPendingOperator);
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "cancel_operator_proposal"))
}

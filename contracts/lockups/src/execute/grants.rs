use cosmwasm_std::{
    to_json_binary, DepsMut, Empty, Env, MessageInfo, OverflowError, OverflowOperation, Response,
    Uint128, WasmMsg,
};
use ctc_conventions::validate::recipient;

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::{configured_token, load_grant};
use crate::msg::Schedule;
use crate::state::{Grant, BENEFICIARY_GRANTS, CONFIG, GRANTS, TOTALS};

pub fn create_grant(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    beneficiary: String,
    amount: Uint128,
    schedule: Schedule,
    revocable: bool,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    schedule.validate()?;
    let config = CONFIG.load(deps.storage)?;
    schedule.ensure_vests_from(config.locked_until)?;
    // A platform contract or this one as beneficiary could never pass the CTC on.
    let beneficiary = recipient(
        deps.as_ref(),
        &env,
        CONTRACT.name,
        "beneficiary",
        &beneficiary,
    )?;
    let mut totals = TOTALS.load(deps.storage)?;
    if amount > totals.unallocated {
        return Err(ContractError::InsufficientUnallocated {
            available: totals.unallocated,
            asked: amount,
        });
    }
    totals.unallocated = totals.unallocated.checked_sub(amount)?;
    totals.outstanding = totals.outstanding.checked_add(amount)?;
    totals.grants = totals
        .grants
        .checked_add(1)
        .ok_or(OverflowError::new(OverflowOperation::Add))?;
    let grant_id = totals.grants;
    let grant = Grant {
        beneficiary,
        amount,
        schedule,
        revocable,
        claimed: Uint128::zero(),
        revoked_at: None,
    };
    GRANTS.save(deps.storage, grant_id, &grant)?;
    BENEFICIARY_GRANTS.save(deps.storage, (&grant.beneficiary, grant_id), &Empty {})?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "create_grant")
        .add_attribute("grant_id", grant_id.to_string())
        .add_attribute("beneficiary", grant.beneficiary)
        .add_attribute("amount", amount)
        .add_attribute("revocable", revocable.to_string())
        .add_attribute("unallocated", totals.unallocated))
}

/// Open to anyone: the payment can only go to the beneficiary, so a keeper or the committee may
/// crank it for a beneficiary who cannot send transactions yet.
pub fn claim(deps: DepsMut, env: Env, grant_id: u64) -> Result<Response, ContractError> {
    let mut grant = load_grant(deps.storage, grant_id)?;
    let due = grant.vested(env.block.time)?.checked_sub(grant.claimed)?;
    if due.is_zero() {
        return Err(ContractError::NothingToClaim { grant_id });
    }
    let token = configured_token(deps.storage)?;
    let mut totals = TOTALS.load(deps.storage)?;
    grant.claimed = grant.claimed.checked_add(due)?;
    totals.booked = totals.booked.checked_sub(due)?;
    totals.outstanding = totals.outstanding.checked_sub(due)?;
    totals.claimed = totals.claimed.checked_add(due)?;
    GRANTS.save(deps.storage, grant_id, &grant)?;
    TOTALS.save(deps.storage, &totals)?;
    let transfer = WasmMsg::Execute {
        contract_addr: token.into_string(),
        msg: to_json_binary(&cw20::Cw20ExecuteMsg::Transfer {
            recipient: grant.beneficiary.to_string(),
            amount: due,
        })?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_message(transfer)
        .add_attribute("action", "claim")
        .add_attribute("grant_id", grant_id.to_string())
        .add_attribute("beneficiary", grant.beneficiary)
        .add_attribute("amount", due)
        .add_attribute("claimed", grant.claimed))
}

pub fn revoke(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    grant_id: u64,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut grant = load_grant(deps.storage, grant_id)?;
    if !grant.revocable {
        return Err(ContractError::NotRevocable { grant_id });
    }
    if grant.revoked_at.is_some() {
        return Err(ContractError::AlreadyRevoked { grant_id });
    }
    let now = env.block.time;
    let vested = grant.vested(now)?;
    let returned = grant.amount.checked_sub(vested)?;
    if returned.is_zero() {
        return Err(ContractError::FullyVested { grant_id });
    }
    grant.revoked_at = Some(now);
    let mut totals = TOTALS.load(deps.storage)?;
    totals.outstanding = totals.outstanding.checked_sub(returned)?;
    totals.unallocated = totals.unallocated.checked_add(returned)?;
    GRANTS.save(deps.storage, grant_id, &grant)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "revoke")
        .add_attribute("grant_id", grant_id.to_string())
        .add_attribute("vested", vested)
        .add_attribute("returned", returned)
        .add_attribute("unallocated", totals.unallocated))
}

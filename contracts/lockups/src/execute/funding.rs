use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_conventions::ctc_hook;
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::configured_token;
use crate::msg::ReceiveMsg;
use crate::state::TOTALS;
use ctc_conventions::balance_of;

/// A CTC `send` with `fund {}`: the token has credited the amount before calling, so booking it
/// keeps the books equal to the balance.
pub fn receive(
    deps: DepsMut,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = configured_token(deps.storage)?;
    let hook = ctc_hook::<ReceiveMsg>(deps.api, &token, &info, wrapper)?;
    let ReceiveMsg::Fund {} = hook.msg;
    if hook.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.booked = totals.booked.checked_add(hook.amount)?;
    totals.unallocated = totals.unallocated.checked_add(hook.amount)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "fund")
        .add_attribute("from", hook.sender)
        .add_attribute("amount", hook.amount)
        .add_attribute("unallocated", totals.unallocated))
}

/// Books a plain `transfer` in, which the token credits without calling this contract.
pub fn reconcile(deps: DepsMut, env: Env) -> Result<Response, ContractError> {
    let token = configured_token(deps.storage)?;
    let balance = balance_of(&deps.querier, &token, &env.contract.address)?;
    let mut totals = TOTALS.load(deps.storage)?;
    // Nothing here can lower the balance behind the books' back (no allowance is ever given),
    // so a balance at or below them holds nothing new.
    let arrived = balance.saturating_sub(totals.booked);
    if arrived.is_zero() {
        return Err(ContractError::NothingToReconcile {
            balance,
            booked: totals.booked,
        });
    }
    totals.booked = totals.booked.checked_add(arrived)?;
    totals.unallocated = totals.unallocated.checked_add(arrived)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "reconcile")
        .add_attribute("amount", arrived)
        .add_attribute("unallocated", totals.unallocated))
}

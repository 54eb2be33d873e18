use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::execute::token_balance;
use crate::state::{TOKEN, TOTALS};

/// Sets the token once and books what it already credited here: the genesis bucket, which the
/// token credited at its own instantiate without telling this contract.
pub fn set_token(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let token = address(deps.api, "token", &token)?;
    if TOKEN.may_load(deps.storage)?.is_some() {
        return Err(ContractError::TokenAlreadySet);
    }
    // Before a token is set nothing can have been booked, so the whole balance is new; a
    // failing query also refuses an address that is no cw20.
    let balance = token_balance(&deps.querier, &env, &token)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.booked = totals.booked.checked_add(balance)?;
    totals.unallocated = totals.unallocated.checked_add(balance)?;
    TOKEN.save(deps.storage, &token)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "set_token")
        .add_attribute("token", token)
        .add_attribute("amount", balance)
        .add_attribute("unallocated", totals.unallocated))
}

use cosmwasm_std::{Addr, DepsMut, Env, Response};
use ctc_conventions::validate::address;
use ctc_conventions::verify_platform_token;
use ctc_interfaces::token::{AllocationBucket, AllocationResponse};

use crate::error::ContractError;
use crate::state::{TOKEN, TOTALS};
use ctc_conventions::balance_of;

/// Sets the token once and books what it already credited here: the genesis bucket, which the
/// token credited at its own instantiate without telling this contract.
///
/// Open to anyone: the token is verified rather than trusted, so who sends the message does not
/// matter, and no single key (the deployer's before the committee accepts ownership) decides
/// which contract the bucket is counted in. Sending it first gains nothing: only a token created
/// by this contract's own creator passes, so nobody else can offer one.
pub fn set_token(deps: DepsMut, env: Env, token: String) -> Result<Response, ContractError> {
    let token = address(deps.api, "token", &token)?;
    if TOKEN.may_load(deps.storage)?.is_some() {
        return Err(ContractError::TokenAlreadySet);
    }
    let allocation = verify_platform_token(&deps.querier, &env.contract.address, &token)?;
    let bucket = locked_bucket(&env, &token, &allocation)?;
    // Before a token is set nothing can have been booked, so the whole balance is new.
    let balance = balance_of(&deps.querier, &token, &env.contract.address)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.booked = totals.booked.checked_add(balance)?;
    totals.unallocated = totals.unallocated.checked_add(balance)?;
    TOKEN.save(deps.storage, &token)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "set_token")
        .add_attribute("token", token)
        .add_attribute("bucket", bucket.name())
        .add_attribute("amount", balance)
        .add_attribute("unallocated", totals.unallocated))
}

/// The locked bucket (founding team or institutional investors) `token`'s genesis allocation
/// names this contract for, once `verify_platform_token` (or its instantiate form) has accepted
/// `token` as the platform's CTC: named ctc-token by cw2 and created by this contract's creator
/// (`NotCtcToken`, `TokenOfAnotherCreator` otherwise). A ctc-token whose locked buckets are
/// elsewhere, or that names this contract only for a liquid bucket, is `NotThisTokensLockup`.
pub fn locked_bucket(
    env: &Env,
    token: &Addr,
    allocation: &AllocationResponse,
) -> Result<AllocationBucket, ContractError> {
    allocation
        .buckets
        .iter()
        .find(|entry| entry.bucket.is_locked() && entry.address == env.contract.address)
        .map(|entry| entry.bucket)
        .ok_or(ContractError::NotThisTokensLockup {
            address: token.to_string(),
        })
}

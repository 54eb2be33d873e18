//! Grants to delegates: given and revoked by the operator, renounced by the delegate.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response, Timestamp, Uint128};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::execute::ensure_operator;
use crate::msg::Rights;
use crate::state::{later, Grant, CONFIG, DELEGATES, MAX_DELEGATES, MAX_GRANT_SECONDS};
use crate::validate;

pub fn grant(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    delegate: String,
    rights: Rights,
    expires_at: Timestamp,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    let delegate = address(deps.api, "delegate", &delegate)?;
    if delegate == config.operator {
        return Err(ContractError::DelegateIsOperator);
    }
    if delegate == env.contract.address {
        return Err(ContractError::DelegateIsAccount);
    }
    let now = env.block.time;
    let latest = later(now, MAX_GRANT_SECONDS);
    if expires_at <= now || expires_at > latest {
        return Err(ContractError::InvalidExpiry { latest });
    }
    let rights = validate::rights(deps.as_ref(), rights)?;
    // A replaced grant keeps what its delegate spent in the current window: revoking and
    // granting again does not refill it.
    let (spent, window_ends_at) = match DELEGATES.may_load(deps.storage, &delegate)? {
        Some(old) => match old.window(now) {
            (spent, Some(ends_at)) => (spent, ends_at),
            (_, None) => (Uint128::zero(), Timestamp::from_nanos(0)),
        },
        None => {
            let count = DELEGATES
                .keys(deps.storage, None, None, Order::Ascending)
                .count();
            if count >= MAX_DELEGATES {
                return Err(ContractError::TooManyDelegates { max: MAX_DELEGATES });
            }
            (Uint128::zero(), Timestamp::from_nanos(0))
        }
    };
    let grant = Grant {
        rights,
        expires_at,
        spent,
        window_ends_at,
    };
    DELEGATES.save(deps.storage, &delegate, &grant)?;
    let response = Response::new()
        .add_attribute("action", "grant")
        .add_attribute("delegate", delegate)
        .add_attribute("expires_at", expires_at.to_string());
    Ok(response)
}

pub fn revoke(
    deps: DepsMut,
    info: MessageInfo,
    delegate: String,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    let delegate = address(deps.api, "delegate", &delegate)?;
    if !DELEGATES.has(deps.storage, &delegate) {
        return Err(ContractError::NoGrant {
            address: delegate.into_string(),
        });
    }
    DELEGATES.remove(deps.storage, &delegate);
    Ok(Response::new()
        .add_attribute("action", "revoke")
        .add_attribute("delegate", delegate))
}

pub fn renounce(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    if !DELEGATES.has(deps.storage, &info.sender) {
        return Err(ContractError::NoGrant {
            address: info.sender.into_string(),
        });
    }
    DELEGATES.remove(deps.storage, &info.sender);
    Ok(Response::new()
        .add_attribute("action", "renounce")
        .add_attribute("delegate", info.sender))
}

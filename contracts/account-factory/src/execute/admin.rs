//! The owner's configuration.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::{account_admin, check_bounds, code_id};
use crate::msg::RecoveryBounds;
use crate::state::CONFIG;

pub fn update_config(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    account_code_id: Option<u64>,
    new_admin: Option<String>,
    bounds: Option<RecoveryBounds>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(id) = account_code_id {
        config.account_code_id = code_id(id)?;
    }
    if let Some(admin) = new_admin {
        config.account_admin = account_admin(deps.api, env, &admin)?;
    }
    if let Some(bounds) = bounds {
        check_bounds(&bounds)?;
        config.bounds = bounds;
    }
    CONFIG.save(deps.storage, &config)?;
    let bounds = config.bounds;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("account_code_id", config.account_code_id.to_string())
        .add_attribute("account_admin", config.account_admin)
        .add_attribute("min_delay_seconds", bounds.min_delay_seconds.to_string())
        .add_attribute("max_delay_seconds", bounds.max_delay_seconds.to_string())
        .add_attribute("min_period_seconds", bounds.min_period_seconds.to_string())
        .add_attribute("max_period_seconds", bounds.max_period_seconds.to_string()))
}

//! The owner's configuration.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use ctc_conventions::validate::{address, recipient};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::{commit_bounds, window};
use crate::state::CONFIG;

#[allow(clippy::too_many_arguments)]
pub fn update_config(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    registry: Option<String>,
    treasury: Option<String>,
    provider_bond: Option<Uint128>,
    commit_seconds: Option<u64>,
    reveal_seconds: Option<u64>,
    min_commits: Option<u32>,
    max_commits: Option<u32>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(registry) = registry {
        config.registry = address(deps.api, "registry", &registry)?;
    }
    if let Some(treasury) = treasury {
        config.treasury = recipient(deps.as_ref(), env, CONTRACT.name, "treasury", &treasury)?;
    }
    if let Some(bond) = provider_bond {
        if bond.is_zero() {
            return Err(ContractError::ZeroBond);
        }
        config.provider_bond = bond;
    }
    if let Some(seconds) = commit_seconds {
        config.commit_seconds = window("commit_seconds", seconds)?;
    }
    if let Some(seconds) = reveal_seconds {
        config.reveal_seconds = window("reveal_seconds", seconds)?;
    }
    config.min_commits = min_commits.unwrap_or(config.min_commits);
    config.max_commits = max_commits.unwrap_or(config.max_commits);
    commit_bounds(config.min_commits, config.max_commits)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("registry", config.registry)
        .add_attribute("treasury", config.treasury)
        .add_attribute("provider_bond", config.provider_bond)
        .add_attribute("commit_seconds", config.commit_seconds.to_string())
        .add_attribute("reveal_seconds", config.reveal_seconds.to_string())
        .add_attribute("min_commits", config.min_commits.to_string())
        .add_attribute("max_commits", config.max_commits.to_string()))
}

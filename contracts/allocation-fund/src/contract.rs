#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::{address, text};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::admin::{self, verified_token_at_instantiate};
use crate::execute::{ledger, rounds};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, Totals, CONFIG, TOTALS};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

/// A bucket's name is a label in the config and the events, not a key: short is enough.
pub const MAX_BUCKET_BYTES: usize = 32;

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    text("bucket", &msg.bucket, MAX_BUCKET_BYTES)?;
    let config = Config {
        registry: address(deps.api, "registry", &msg.registry)?,
        // Checked as `set_token` checks it: a token given here is set for good just the same.
        token: msg
            .token
            .as_deref()
            .map(|token| verified_token_at_instantiate(deps.as_ref(), &env, &info, token))
            .transpose()?,
        bucket: msg.bucket,
    };
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    Ok(response
        .add_attribute("bucket", config.bucket)
        .add_attribute("registry", config.registry))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // Only CTC moves here: native coins sent along would be locked for good.
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::SetToken { address } => admin::set_token(deps, env, info, address),
        ExecuteMsg::Receive(wrapper) => ledger::receive(deps, env, info, wrapper),
        ExecuteMsg::Reconcile {} => ledger::reconcile(deps, env),
        ExecuteMsg::Disburse {
            recipient,
            amount,
            purpose,
            evidence_digest,
        } => ledger::disburse(deps, env, info, recipient, amount, purpose, evidence_digest),
        ExecuteMsg::OpenRound {
            round_id,
            root,
            total,
            list_digest,
            list_uri,
            claims_until,
            partners_only,
        } => rounds::open_round(
            deps,
            env,
            info,
            rounds::RoundInput {
                round_id,
                root,
                total,
                list_digest,
                list_uri,
                claims_until,
                partners_only,
            },
        ),
        ExecuteMsg::Claim {
            round_id,
            address,
            amount,
            proof,
        } => rounds::claim(deps, env, round_id, address, amount, proof),
        ExecuteMsg::CloseRound { round_id } => rounds::close_round(deps, env, round_id),
        ExecuteMsg::CancelRound { round_id } => rounds::cancel_round(deps, info, round_id),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Ledger {} => to_json_binary(&query::ledger(deps, &env)?),
        QueryMsg::Entries { start_after, limit } => {
            to_json_binary(&query::entries(deps, start_after, limit)?)
        }
        QueryMsg::Round { round_id } => to_json_binary(&query::round(deps, round_id)?),
        QueryMsg::Rounds { start_after, limit } => {
            to_json_binary(&query::rounds(deps, start_after, limit)?)
        }
        QueryMsg::Claimed { round_id, address } => {
            to_json_binary(&query::claimed(deps, round_id, address)?)
        }
        QueryMsg::VerifyHoldings {
            custodian,
            root,
            total,
            scope,
            address,
            amount,
            proof,
        } => to_json_binary(&query::verify_holdings(
            deps, &custodian, &root, total, scope, &address, amount, &proof,
        )?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // Rounds gained `cancelled`, read as false where an older round lacks it; nothing else has
    // changed shape. A data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

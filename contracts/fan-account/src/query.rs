//! The query handlers. `CanExecute` runs `Execute`'s own check; `recoveries` is paged.

use cosmwasm_std::{Addr, CosmosMsg, Deps, Env, HexBinary, Order, StdError, StdResult, Timestamp};
use ctc_conventions::paging::page;
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::proxy::authorize;
use crate::msg::{
    CanExecuteResponse, CanPresentResponse, ConfigResponse, DelegateResponse, DelegatesResponse,
    PresentRight, ProposalInfo, ProposalResponse, ProposalStatus, RecordResponse,
    RecoveriesResponse, RecoverySet, RecoveryUpdateResponse,
};
use crate::state::{
    later, Config, Grant, CONFIG, DELEGATES, PROPOSAL, RECOVERIES, RECOVERY, RECOVERY_UPDATE,
};

fn next_recovery_at(config: &Config, set: &RecoverySet) -> Option<Timestamp> {
    config
        .last_recovery_at
        .map(|last| later(last, set.period_seconds))
}

pub fn can_execute(
    deps: Deps,
    env: &Env,
    sender: String,
    msg: CosmosMsg,
) -> Result<CanExecuteResponse, ContractError> {
    // An address the chain would never give as a sender can execute nothing.
    let Ok(sender) = deps.api.addr_validate(&sender) else {
        return Ok(CanExecuteResponse { can_execute: false });
    };
    let config = CONFIG.load(deps.storage)?;
    let can_execute = authorize(deps, env, &config, &sender, &[msg]).is_ok();
    Ok(CanExecuteResponse { can_execute })
}

pub fn can_present(
    deps: Deps,
    env: &Env,
    key: String,
    right: PresentRight,
) -> Result<CanPresentResponse, ContractError> {
    let Ok(key) = deps.api.addr_validate(&key) else {
        return Ok(CanPresentResponse { allowed: false });
    };
    let config = CONFIG.load(deps.storage)?;
    let allowed = key == config.operator
        || DELEGATES
            .may_load(deps.storage, &key)?
            .is_some_and(|grant| {
                grant.expires_at > env.block.time
                    && match right {
                        PresentRight::Door => grant.rights.door,
                        PresentRight::Redeem => grant.rights.redeem,
                    }
            });
    Ok(CanPresentResponse { allowed })
}

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let set = RECOVERY.load(deps.storage)?;
    let recovery_update = RECOVERY_UPDATE
        .may_load(deps.storage)?
        .map(|(set, due_at)| RecoveryUpdateResponse { set, due_at });
    Ok(ConfigResponse {
        next_recovery_at: next_recovery_at(&config, &set),
        operator: config.operator,
        ctc_token: config.ctc_token,
        registry: config.registry,
        factory: config.factory,
        pending_operator: config.pending_operator,
        last_recovery_at: config.last_recovery_at,
        cooldown_until: config.cooldown_until,
        recovery_update,
    })
}

pub fn recovery_set(deps: Deps) -> Result<RecoverySet, ContractError> {
    Ok(RECOVERY.load(deps.storage)?)
}

pub fn proposal(deps: Deps, env: &Env) -> Result<ProposalResponse, ContractError> {
    let now = env.block.time;
    let config = CONFIG.load(deps.storage)?;
    let set = RECOVERY.load(deps.storage)?;
    let proposal = PROPOSAL.may_load(deps.storage)?.map(|proposal| {
        let expires_at = proposal.expires_at();
        let status = match proposal.executable_at {
            _ if expires_at <= now => ProposalStatus::Expired,
            None => ProposalStatus::Approving,
            Some(at) if at > now => ProposalStatus::Waiting,
            Some(_) => ProposalStatus::Executable,
        };
        ProposalInfo {
            id: proposal.id,
            proposer: proposal.proposer,
            new_operator: proposal.new_operator,
            evidence: HexBinary::from(proposal.evidence.as_slice()),
            approvals: proposal.approvals,
            weight: proposal.weight,
            threshold: set.threshold,
            created_at: proposal.created_at,
            executable_at: proposal.executable_at,
            expires_at,
            status,
        }
    });
    Ok(ProposalResponse {
        proposal,
        cooldown_until: config.cooldown_until.filter(|until| *until > now),
        next_recovery_at: next_recovery_at(&config, &set),
    })
}

pub fn recoveries(
    deps: Deps,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<RecoveriesResponse, ContractError> {
    let entries = RECOVERIES.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let recoveries = page(entries, limit, |(id, record)| {
        // `close` sets all three on every record.
        let (Some(old), Some(closed_at), Some(outcome)) =
            (record.old, record.closed_at, record.outcome)
        else {
            return Err(StdError::generic_err(format!("record {id} was not closed")));
        };
        Ok(RecordResponse {
            id,
            proposer: record.proposer,
            approvers: record.approvals,
            old,
            new: record.new_operator,
            evidence: HexBinary::from(record.evidence.as_slice()),
            proposed_at: record.created_at,
            closed_at,
            outcome,
            reason: record.reason,
        })
    })?;
    Ok(RecoveriesResponse { recoveries })
}

fn delegate_response(address: Addr, grant: Grant, now: Timestamp) -> DelegateResponse {
    let (spent, window_ends_at) = grant.window(now);
    let expired = grant.expires_at <= now;
    let left = if expired {
        Default::default()
    } else {
        grant.left(now)
    };
    DelegateResponse {
        address,
        expires_at: grant.expires_at,
        expired,
        spent,
        window_ends_at,
        left,
        rights: grant.rights,
    }
}

pub fn delegate(
    deps: Deps,
    env: &Env,
    delegate: String,
) -> Result<DelegateResponse, ContractError> {
    let delegate = address(deps.api, "address", &delegate)?;
    let grant = DELEGATES
        .may_load(deps.storage, &delegate)?
        .ok_or_else(|| ContractError::NoGrant {
            address: delegate.to_string(),
        })?;
    Ok(delegate_response(delegate, grant, env.block.time))
}

pub fn delegates(deps: Deps, env: &Env) -> Result<DelegatesResponse, ContractError> {
    let now = env.block.time;
    let delegates = DELEGATES
        .range(deps.storage, None, None, Order::Ascending)
        .map(|entry| entry.map(|(address, grant)| delegate_response(address, grant, now)))
        .collect::<StdResult<_>>()?;
    Ok(DelegatesResponse { delegates })
}

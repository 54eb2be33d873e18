//! The recovery set and its proposals: a member proposes a new key with evidence, members
//! approve up to the threshold, the operator may veto during the delay, anyone completes after
//! it. At most one recovery per period; a veto makes new proposals wait one delay.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Timestamp};
use ctc_conventions::validate::{address, optional_text};
use ctc_interfaces::accounts::RecoveryConfig;

use crate::error::ContractError;
use crate::execute::{
    change_operator, close, close_expired, ensure_operator, load_proposal, no_open_proposal,
};
use crate::msg::{Member, Outcome, RecoverySet};
use crate::state::{
    later, Config, Proposal, BOUNDS, CONFIG, MAX_REASON_BYTES, PROPOSAL, RECOVERIES, RECOVERY,
    RECOVERY_UPDATE,
};
use crate::validate;

/// Refuses a recovery within a period of the last one.
fn ensure_period_passed(
    config: &Config,
    set: &RecoverySet,
    now: Timestamp,
) -> Result<(), ContractError> {
    if let Some(last) = config.last_recovery_at {
        let next_at = later(last, set.period_seconds);
        if next_at > now {
            return Err(ContractError::RecoveryTooSoon { next_at });
        }
    }
    Ok(())
}

fn member<'a>(set: &'a RecoverySet, address: &Addr) -> Result<&'a Member, ContractError> {
    set.members
        .iter()
        .find(|member| member.address == address.as_str())
        .ok_or_else(|| ContractError::NotAMember {
            address: address.to_string(),
        })
}

pub fn update(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recovery: RecoveryConfig,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    // After a veto the members' next proposal must come before any change of the set: a change
    // scheduled now would fall due with the cooldown's end, and could be applied in the same
    // block, ahead of their proposal.
    if let Some(until) = config
        .cooldown_until
        .filter(|until| *until > env.block.time)
    {
        return Err(ContractError::Cooldown { until });
    }
    let expired = no_open_proposal(deps.storage, env.block.time)?;
    let current = RECOVERY.load(deps.storage)?;
    let set = validate::recovery_set(
        deps.as_ref(),
        &config.registry,
        &env.contract.address,
        &config.operator,
        &BOUNDS.load(deps.storage)?,
        recovery,
    )?;
    // Argent's security period: a key that changes who can replace it waits as a recovery does.
    let due_at = later(env.block.time, current.delay_seconds);
    close_expired(deps.storage, expired, &config.operator)?;
    RECOVERY_UPDATE.save(deps.storage, &(set, due_at))?;
    Ok(Response::new()
        .add_attribute("action", "update_recovery")
        .add_attribute("due_at", due_at.to_string()))
}

pub fn apply_update(deps: DepsMut, env: Env) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let (set, due_at) = RECOVERY_UPDATE
        .may_load(deps.storage)?
        .ok_or(ContractError::NoRecoveryUpdate)?;
    if due_at > env.block.time {
        return Err(ContractError::UpdateNotDue { due_at });
    }
    let expired = no_open_proposal(deps.storage, env.block.time)?;
    validate::not_a_member(&set, &config.operator)?;
    close_expired(deps.storage, expired, &config.operator)?;
    RECOVERY.save(deps.storage, &set)?;
    RECOVERY_UPDATE.remove(deps.storage);
    Ok(Response::new().add_attribute("action", "apply_recovery_update"))
}

pub fn cancel_update(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    if !RECOVERY_UPDATE.exists(deps.storage) {
        return Err(ContractError::NoRecoveryUpdate);
    }
    RECOVERY_UPDATE.remove(deps.storage);
    Ok(Response::new().add_attribute("action", "cancel_recovery_update"))
}

pub fn propose(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    new_operator: String,
    evidence: String,
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let config = CONFIG.load(deps.storage)?;
    let set = RECOVERY.load(deps.storage)?;
    let proposer = member(&set, &info.sender)?;
    let replaced = replaceable(deps.storage, proposer, now)?;
    if let Some(until) = config.cooldown_until.filter(|until| *until > now) {
        return Err(ContractError::Cooldown { until });
    }
    ensure_period_passed(&config, &set, now)?;
    let new_operator = address(deps.api, "new_operator", &new_operator)?;
    validate::new_operator(&set, &env.contract.address, &config.operator, &new_operator)?;
    let evidence_text = evidence;
    let evidence = validate::evidence(&evidence_text)?;
    if proposer.partner {
        validate::ensure_partner(deps.querier, &config.registry, &info.sender)?;
    }
    // The closed proposal is recorded first: the new one takes the next id.
    match replaced {
        Some(open) if !open.expired(now) => close(
            deps.storage,
            open,
            &config.operator,
            now,
            Outcome::Replaced,
            None,
        )?,
        expired => close_expired(deps.storage, expired, &config.operator)?,
    }
    // A set change the operator scheduled does not outlive a member's proposal: otherwise a
    // thief with the key could schedule a set without the partner, veto the partner's proposal
    // and apply the change during the cooldown the veto starts.
    let update_dropped = RECOVERY_UPDATE.exists(deps.storage);
    RECOVERY_UPDATE.remove(deps.storage);
    let id = match RECOVERIES
        .keys(deps.storage, None, None, cosmwasm_std::Order::Descending)
        .next()
    {
        Some(last) => last? + 1,
        None => 1,
    };
    let executable_at = (proposer.weight >= set.threshold).then(|| later(now, set.delay_seconds));
    let proposal = Proposal {
        id,
        proposer: info.sender.clone(),
        new_operator,
        evidence,
        approvals: vec![info.sender],
        weight: proposer.weight,
        created_at: now,
        executable_at,
        old: None,
        closed_at: None,
        outcome: None,
        reason: None,
    };
    PROPOSAL.save(deps.storage, &proposal)?;
    let mut response = Response::new()
        .add_attribute("action", "propose_recovery")
        .add_attribute("id", id.to_string())
        .add_attribute("proposer", &proposal.proposer)
        .add_attribute("new_operator", &proposal.new_operator)
        .add_attribute("evidence", evidence_text)
        .add_attribute("recovery_update_dropped", update_dropped.to_string());
    if let Some(at) = executable_at {
        response = response.add_attribute("executable_at", at.to_string());
    }
    Ok(response)
}

/// The open proposal a new one from `proposer` may replace, or the expired one to record; refuses
/// while an open proposal has its quorum, or has at least the proposer's weight behind it (or is
/// the proposer's own). Replacing by weight keeps one member from holding the account by
/// proposing again whenever its proposal expires (the Safe recovery module's rule).
fn replaceable(
    storage: &dyn cosmwasm_std::Storage,
    proposer: &Member,
    now: Timestamp,
) -> Result<Option<Proposal>, ContractError> {
    match PROPOSAL.may_load(storage)? {
        Some(open)
            if !open.expired(now)
                && (open.executable_at.is_some()
                    || open.weight > proposer.weight
                    || open.proposer.as_str() == proposer.address) =>
        {
            Err(ContractError::ProposalOpen { id: open.id })
        }
        other => Ok(other),
    }
}

pub fn approve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    id: u32,
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let set = RECOVERY.load(deps.storage)?;
    let approver = member(&set, &info.sender)?;
    let mut proposal = load_proposal(deps.storage, id, now)?;
    if proposal.approvals.contains(&info.sender) {
        return Err(ContractError::AlreadyApproved {
            address: info.sender.into_string(),
        });
    }
    if approver.partner {
        let config = CONFIG.load(deps.storage)?;
        validate::ensure_partner(deps.querier, &config.registry, &info.sender)?;
    }
    proposal.approvals.push(info.sender.clone());
    // At most 8 × 100: no overflow.
    proposal.weight += approver.weight;
    // An approval after the quorum restarts the delay: approvals after the quorum matter only
    // when a partner approver lost its standing, and the quorum they restore gives the operator
    // a whole delay to veto, as the first one did.
    if proposal.weight >= set.threshold {
        proposal.executable_at = Some(later(now, set.delay_seconds));
    }
    PROPOSAL.save(deps.storage, &proposal)?;
    let mut response = Response::new()
        .add_attribute("action", "approve_recovery")
        .add_attribute("id", id.to_string())
        .add_attribute("approver", info.sender)
        .add_attribute("weight", proposal.weight.to_string());
    if let Some(at) = proposal.executable_at {
        response = response.add_attribute("executable_at", at.to_string());
    }
    Ok(response)
}

pub fn withdraw(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    id: u32,
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let proposal = load_proposal(deps.storage, id, now)?;
    if proposal.proposer != info.sender {
        return Err(ContractError::NotProposer);
    }
    let config = CONFIG.load(deps.storage)?;
    close(
        deps.storage,
        proposal,
        &config.operator,
        now,
        Outcome::Withdrawn,
        None,
    )?;
    Ok(Response::new()
        .add_attribute("action", "withdraw_recovery")
        .add_attribute("id", id.to_string()))
}

pub fn veto(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    id: u32,
    reason: Option<String>,
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let mut config = CONFIG.load(deps.storage)?;
    ensure_operator(&config, &info.sender)?;
    optional_text("reason", reason.as_deref(), MAX_REASON_BYTES)?;
    let proposal = load_proposal(deps.storage, id, now)?;
    let set = RECOVERY.load(deps.storage)?;
    // A veto does not use up the period, but a member cannot make the fan veto every block.
    let until = later(now, set.delay_seconds);
    config.cooldown_until = Some(until);
    CONFIG.save(deps.storage, &config)?;
    close(
        deps.storage,
        proposal,
        &config.operator,
        now,
        Outcome::Vetoed,
        reason,
    )?;
    Ok(Response::new()
        .add_attribute("action", "veto_recovery")
        .add_attribute("id", id.to_string())
        .add_attribute("cooldown_until", until.to_string()))
}

pub fn complete(deps: DepsMut, env: Env, id: u32) -> Result<Response, ContractError> {
    let now = env.block.time;
    let proposal = load_proposal(deps.storage, id, now)?;
    let set = RECOVERY.load(deps.storage)?;
    let Some(executable_at) = proposal.executable_at else {
        return Err(ContractError::NoQuorum {
            weight: proposal.weight,
            threshold: set.threshold,
        });
    };
    if executable_at > now {
        return Err(ContractError::NotYetExecutable { executable_at });
    }
    let mut config = CONFIG.load(deps.storage)?;
    ensure_period_passed(&config, &set, now)?;
    // Partner approvers count only while still in standing: one query each, usually one. The
    // set cannot change while a proposal is open, so each approver is still a member.
    let mut weight = 0u32;
    for approver in &proposal.approvals {
        let member = member(&set, approver)?;
        if !member.partner
            || validate::may_attest(deps.querier, &config.registry, approver)?.allowed
        {
            weight += member.weight;
        }
    }
    if weight < set.threshold {
        return Err(ContractError::QuorumLost {
            weight,
            threshold: set.threshold,
        });
    }
    let old = config.operator.clone();
    let (removed, notice) =
        change_operator(deps.storage, &mut config, proposal.new_operator.clone())?;
    config.last_recovery_at = Some(now);
    CONFIG.save(deps.storage, &config)?;
    // A change the old key scheduled does not outlive the recovery.
    let update_dropped = RECOVERY_UPDATE.exists(deps.storage);
    RECOVERY_UPDATE.remove(deps.storage);
    close(deps.storage, proposal, &old, now, Outcome::Completed, None)?;
    Ok(Response::new()
        .add_messages(notice)
        .add_attribute("action", "complete_recovery")
        .add_attribute("id", id.to_string())
        .add_attribute("old_operator", old)
        .add_attribute("operator", &config.operator)
        .add_attribute("delegates_removed", removed.len().to_string())
        .add_attribute("recovery_update_dropped", update_dropped.to_string()))
}

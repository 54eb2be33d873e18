//! The execute handlers, by what they act on, and what they share: the operator's check, the
//! change of operator (a rotation or a recovery) and the closing of a proposal into the record.

pub mod delegates;
pub mod operator;
pub mod proxy;
pub mod recovery;

use cosmwasm_std::{to_json_binary, Addr, Order, StdResult, Storage, Timestamp, WasmMsg};
use ctc_interfaces::accounts::AccountFactoryExecuteMsg;

use crate::error::ContractError;
use crate::msg::Outcome;
use crate::state::{Config, Proposal, DELEGATES, PROPOSAL, RECOVERIES};

pub fn ensure_operator(config: &Config, sender: &Addr) -> Result<(), ContractError> {
    if *sender != config.operator {
        return Err(ContractError::NotOperator);
    }
    Ok(())
}

/// Makes `new` the operator: no rotation stays pending and every grant is removed (at most 8:
/// grants a possibly stolen key made do not survive it). Returns the removed delegates and the
/// notice to the factory, if the account has one: a plain message, so the factory's index cannot
/// fall behind the account. The caller saves `config`.
pub fn change_operator(
    storage: &mut dyn Storage,
    config: &mut Config,
    new: Addr,
) -> Result<(Vec<Addr>, Option<WasmMsg>), ContractError> {
    let old = std::mem::replace(&mut config.operator, new);
    config.pending_operator = None;
    let delegates: Vec<Addr> = DELEGATES
        .keys(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for delegate in &delegates {
        DELEGATES.remove(storage, delegate);
    }
    let notice = match &config.factory {
        Some(factory) => Some(WasmMsg::Execute {
            contract_addr: factory.to_string(),
            msg: to_json_binary(&AccountFactoryExecuteMsg::OperatorChanged {
                old: old.into_string(),
                new: config.operator.to_string(),
            })?,
            funds: vec![],
        }),
        None => None,
    };
    Ok((delegates, notice))
}

/// Records `proposal` as closed with `outcome` at `closed_at` under `operator`, and removes it.
pub fn close(
    storage: &mut dyn Storage,
    mut proposal: Proposal,
    operator: &Addr,
    closed_at: Timestamp,
    outcome: Outcome,
    reason: Option<String>,
) -> Result<(), ContractError> {
    proposal.old = Some(operator.clone());
    proposal.closed_at = Some(closed_at);
    proposal.outcome = Some(outcome);
    proposal.reason = reason;
    RECOVERIES.save(storage, proposal.id, &proposal)?;
    PROPOSAL.remove(storage);
    Ok(())
}

/// Refuses while a proposal is open at `now`. Returns an expired one, for the caller to record
/// with `close_expired` once its own checks passed: a refusal writes nothing.
pub fn no_open_proposal(
    storage: &dyn Storage,
    now: Timestamp,
) -> Result<Option<Proposal>, ContractError> {
    match PROPOSAL.may_load(storage)? {
        Some(proposal) if !proposal.expired(now) => {
            Err(ContractError::ProposalOpen { id: proposal.id })
        }
        expired => Ok(expired),
    }
}

/// Records an expired proposal as `Expired`, at its expiry, under `operator`, and removes it.
pub fn close_expired(
    storage: &mut dyn Storage,
    expired: Option<Proposal>,
    operator: &Addr,
) -> Result<(), ContractError> {
    if let Some(proposal) = expired {
        let expired_at = proposal.expires_at();
        close(
            storage,
            proposal,
            operator,
            expired_at,
            Outcome::Expired,
            None,
        )?;
    }
    Ok(())
}

/// The open, unexpired proposal `id`, for the actions on it.
pub fn load_proposal(
    storage: &dyn Storage,
    id: u32,
    now: Timestamp,
) -> Result<Proposal, ContractError> {
    let proposal = PROPOSAL
        .may_load(storage)?
        .filter(|proposal| !proposal.expired(now))
        .ok_or(ContractError::NoOpenProposal)?;
    if proposal.id != id {
        return Err(ContractError::UnknownProposal {
            id,
            open: proposal.id,
        });
    }
    Ok(proposal)
}

//! Evidence anchoring and multi-party confirmation of document digests. Chains and proposals are
//! scoped to their creator's address, so a namespace, key or id can never be taken first.

use cosmwasm_std::{
    Addr, DepsMut, Env, MessageInfo, OverflowError, OverflowOperation, Response, Storage,
};

use crate::access::active_or_none;
use crate::error::ContractError;
use crate::msg::PartyConfirmation;
use crate::state::{
    Anchor, ChainHead, Proposal, CHAINS, CHAIN_DIGESTS, CHAIN_RECORDS, CONFIG, NEXT_CHAIN_ID,
    PROPOSALS,
};
use crate::validate::{
    self, MAX_ID_BYTES, MAX_KEY_BYTES, MAX_NAMESPACE_BYTES, MAX_PARTIES, MAX_TEXT_BYTES,
};

/// Active partners may always anchor; anyone else only while the authority keeps anchoring open.
/// A suspended or revoked partner is refused either way.
fn assert_may_anchor(storage: &dyn Storage, sender: &Addr) -> Result<(), ContractError> {
    if active_or_none(storage, sender)?.is_some() || CONFIG.load(storage)?.open_anchoring {
        return Ok(());
    }
    Err(ContractError::AnchoringClosed)
}

pub fn anchor(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    namespace: String,
    key: String,
    digest: String,
    note: Option<String>,
) -> Result<Response, ContractError> {
    assert_may_anchor(deps.storage, &info.sender)?;
    validate::text("namespace", &namespace, MAX_NAMESPACE_BYTES)?;
    validate::text("key", &key, MAX_KEY_BYTES)?;
    validate::optional_text("note", note.as_deref(), MAX_TEXT_BYTES)?;
    let (digest, raw_digest) = validate::digest("digest", &digest)?;
    let slot = (&info.sender, namespace.as_str(), key.as_str());

    let (id, sequence, previous_digest) = match CHAINS.may_load(deps.storage, slot)? {
        None => {
            let id = NEXT_CHAIN_ID.may_load(deps.storage)?.unwrap_or_default();
            let next = id
                .checked_add(1)
                .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
            NEXT_CHAIN_ID.save(deps.storage, &next)?;
            (id, 1, None)
        }
        Some(head) => {
            if let Some(sequence) =
                CHAIN_DIGESTS.may_load(deps.storage, (head.id, raw_digest.as_slice()))?
            {
                return Err(ContractError::AlreadyAnchored { sequence });
            }
            let sequence = head
                .sequence
                .checked_add(1)
                .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
            (head.id, sequence, Some(head.digest))
        }
    };
    CHAINS.save(
        deps.storage,
        slot,
        &ChainHead {
            id,
            sequence,
            digest: digest.clone(),
        },
    )?;
    CHAIN_DIGESTS.save(deps.storage, (id, raw_digest.as_slice()), &sequence)?;
    CHAIN_RECORDS.save(
        deps.storage,
        (id, sequence),
        &Anchor {
            digest: digest.clone(),
            previous_digest,
            time: env.block.time,
            height: env.block.height,
            note,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "anchor")
        .add_attribute("namespace", namespace)
        .add_attribute("key", key)
        .add_attribute("sequence", sequence.to_string())
        .add_attribute("digest", digest)
        .add_attribute("anchorer", info.sender))
}

pub fn propose(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    id: String,
    digest: String,
    parties: Vec<String>,
) -> Result<Response, ContractError> {
    assert_may_anchor(deps.storage, &info.sender)?;
    validate::text("id", &id, MAX_ID_BYTES)?;
    let (digest, _) = validate::digest("digest", &digest)?;
    if parties.is_empty() || parties.len() > MAX_PARTIES {
        return Err(ContractError::InvalidParties { max: MAX_PARTIES });
    }
    let mut confirmations: Vec<PartyConfirmation> = Vec::with_capacity(parties.len());
    for party in parties {
        let party = validate::address(deps.api, "parties", &party)?;
        if confirmations.iter().any(|seen| seen.party == party) {
            return Err(ContractError::InvalidParties { max: MAX_PARTIES });
        }
        confirmations.push(PartyConfirmation {
            party,
            confirmed_at: None,
        });
    }
    let slot = (&info.sender, id.as_str());
    if PROPOSALS.has(deps.storage, slot) {
        return Err(ContractError::ProposalExists { id });
    }
    PROPOSALS.save(
        deps.storage,
        slot,
        &Proposal {
            digest,
            parties: confirmations,
            proposed_at: env.block.time,
            completed_at: None,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "propose")
        .add_attribute("id", id)
        .add_attribute("proposer", info.sender))
}

/// Loads an open proposal and the index of the sender among its parties. A party that is a
/// suspended or revoked partner cannot confirm or withdraw.
fn open_proposal_for(
    storage: &dyn Storage,
    proposer: &Addr,
    id: &str,
    sender: &Addr,
) -> Result<(Proposal, usize), ContractError> {
    active_or_none(storage, sender)?;
    let proposal = PROPOSALS
        .may_load(storage, (proposer, id))?
        .ok_or_else(|| ContractError::ProposalNotFound {
            proposer: proposer.to_string(),
            id: id.to_owned(),
        })?;
    if proposal.completed_at.is_some() {
        return Err(ContractError::AlreadyComplete { id: id.to_owned() });
    }
    let index = proposal
        .parties
        .iter()
        .position(|p| p.party == *sender)
        .ok_or_else(|| ContractError::NotAParty { id: id.to_owned() })?;
    Ok((proposal, index))
}

pub fn confirm(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposer: String,
    id: String,
) -> Result<Response, ContractError> {
    let proposer = validate::address(deps.api, "proposer", &proposer)?;
    let (mut proposal, index) = open_proposal_for(deps.storage, &proposer, &id, &info.sender)?;
    if proposal.parties[index].confirmed_at.is_some() {
        return Err(ContractError::AlreadyConfirmed { id });
    }
    proposal.parties[index].confirmed_at = Some(env.block.time);
    let complete = proposal.parties.iter().all(|p| p.confirmed_at.is_some());
    if complete {
        proposal.completed_at = Some(env.block.time);
    }
    PROPOSALS.save(deps.storage, (&proposer, &id), &proposal)?;
    Ok(Response::new()
        .add_attribute("action", "confirm")
        .add_attribute("proposer", proposer)
        .add_attribute("id", id)
        .add_attribute("party", info.sender)
        .add_attribute("complete", complete.to_string()))
}

pub fn withdraw_confirmation(
    deps: DepsMut,
    info: MessageInfo,
    proposer: String,
    id: String,
) -> Result<Response, ContractError> {
    let proposer = validate::address(deps.api, "proposer", &proposer)?;
    let (mut proposal, index) = open_proposal_for(deps.storage, &proposer, &id, &info.sender)?;
    if proposal.parties[index].confirmed_at.is_none() {
        return Err(ContractError::NotConfirmed { id });
    }
    proposal.parties[index].confirmed_at = None;
    PROPOSALS.save(deps.storage, (&proposer, &id), &proposal)?;
    Ok(Response::new()
        .add_attribute("action", "withdraw_confirmation")
        .add_attribute("proposer", proposer)
        .add_attribute("id", id)
        .add_attribute("party", info.sender))
}

use cosmwasm_std::{Addr, Deps, Order, StdResult};
use ctc_conventions::paging::page;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::msg::{AnchorRecord, ConfirmationResponse, HistoryResponse, VerifyResponse};
use crate::state::{Anchor, CHAINS, CHAIN_DIGESTS, CHAIN_RECORDS, PROPOSALS};
use crate::validate;

fn anchor_record(anchorer: &Addr, sequence: u32, anchor: Anchor) -> AnchorRecord {
    AnchorRecord {
        sequence,
        digest: anchor.digest,
        previous_digest: anchor.previous_digest,
        anchorer: anchorer.clone(),
        time: anchor.time,
        height: anchor.height,
        note: anchor.note,
    }
}

pub fn verify(
    deps: Deps,
    anchorer: String,
    namespace: String,
    key: String,
    digest: String,
) -> Result<VerifyResponse, ContractError> {
    let anchorer = validate::address(deps.api, "anchorer", &anchorer)?;
    let (_, raw_digest) = validate::digest("digest", &digest)?;
    let Some(head) = CHAINS.may_load(deps.storage, (&anchorer, &namespace, &key))? else {
        return Ok(VerifyResponse { record: None });
    };
    let record = CHAIN_DIGESTS
        .may_load(deps.storage, (head.id, raw_digest.as_slice()))?
        .map(|sequence| -> StdResult<_> {
            let anchor = CHAIN_RECORDS.load(deps.storage, (head.id, sequence))?;
            Ok(anchor_record(&anchorer, sequence, anchor))
        })
        .transpose()?;
    Ok(VerifyResponse { record })
}

pub fn history(
    deps: Deps,
    anchorer: String,
    namespace: String,
    key: String,
    start_before: Option<u32>,
    limit: Option<u32>,
) -> Result<HistoryResponse, ContractError> {
    let anchorer = validate::address(deps.api, "anchorer", &anchorer)?;
    let head = CHAINS.may_load(deps.storage, (&anchorer, &namespace, &key))?;
    // Without a chain the page is empty, and its limit is still checked.
    let entries = head.iter().flat_map(|head| {
        CHAIN_RECORDS.prefix(head.id).range(
            deps.storage,
            None,
            start_before.map(Bound::exclusive),
            Order::Descending,
        )
    });
    let records = page(entries, limit, |(sequence, anchor)| {
        Ok(anchor_record(&anchorer, sequence, anchor))
    })?;
    Ok(HistoryResponse { records })
}

pub fn confirmation(
    deps: Deps,
    proposer: String,
    id: String,
) -> Result<ConfirmationResponse, ContractError> {
    let proposer = validate::address(deps.api, "proposer", &proposer)?;
    let Some(proposal) = PROPOSALS.may_load(deps.storage, (&proposer, &id))? else {
        return Err(ContractError::ProposalNotFound {
            proposer: proposer.into_string(),
            id,
        });
    };
    Ok(ConfirmationResponse {
        id,
        proposer,
        digest: proposal.digest,
        parties: proposal.parties,
        proposed_at: proposal.proposed_at,
        completed_at: proposal.completed_at,
    })
}

use cosmwasm_std::{Deps, Order, StdResult};
use ctc_interfaces::paging::page_limit;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::msg::{ConfirmationResponse, HistoryResponse, VerifyResponse};
use crate::state::{ANCHORED_DIGESTS, ANCHORS, PROPOSALS};
use crate::validate;

pub fn verify(
    deps: Deps,
    namespace: String,
    key: String,
    digest: String,
) -> Result<VerifyResponse, ContractError> {
    let (_, raw_digest) = validate::digest("digest", &digest)?;
    let sequence =
        ANCHORED_DIGESTS.may_load(deps.storage, (&namespace, &key, raw_digest.as_slice()))?;
    let record = sequence
        .map(|sequence| ANCHORS.load(deps.storage, (&namespace, &key, sequence)))
        .transpose()?;
    Ok(VerifyResponse { record })
}

pub fn history(
    deps: Deps,
    namespace: String,
    key: String,
    start_before: Option<u32>,
    limit: Option<u32>,
) -> Result<HistoryResponse, ContractError> {
    let limit = page_limit(limit)?;
    let records = ANCHORS
        .prefix((&namespace, &key))
        .range(
            deps.storage,
            None,
            start_before.map(Bound::exclusive),
            Order::Descending,
        )
        .take(limit)
        .map(|item| item.map(|(_, record)| record))
        .collect::<StdResult<_>>()?;
    Ok(HistoryResponse { records })
}

pub fn confirmation(deps: Deps, id: String) -> Result<ConfirmationResponse, ContractError> {
    PROPOSALS
        .may_load(deps.storage, &id)?
        .ok_or(ContractError::ProposalNotFound { id })
}

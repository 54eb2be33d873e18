//! The cw721 0.22 read side, with the `cw721` crate's response types: wallets and explorers that
//! index cw721 see one-per-token vouchers as NFTs. Vouchers have no approvals.

use cosmwasm_std::{Deps, Order};
use ctc_conventions::paging::clamped_page_limit;
use ctc_conventions::validate;
use cw721::msg::TokensResponse;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::state::OWNED;

/// Paged as cw721-base: at most `limit` (clamped to the maximum) after `start_after`.
pub fn tokens(
    deps: Deps,
    owner: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<TokensResponse, ContractError> {
    let owner = validate::address(deps.api, "owner", &owner)?;
    let tokens = OWNED
        .prefix(&owner)
        .keys(
            deps.storage,
            start_after.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamped_page_limit(limit))
        .collect::<Result<_, _>>()?;
    Ok(TokensResponse { tokens })
}

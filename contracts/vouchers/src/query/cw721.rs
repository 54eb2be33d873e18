//! The cw721 0.22 read side, with the `cw721` crate's response types: wallets and explorers that
//! index cw721 see every voucher as an NFT, its units in the extension. Vouchers have no
//! approvals.

use cosmwasm_std::{Deps, Order};
use ctc_conventions::paging::clamped_page_limit;
use ctc_conventions::validate;
use cw721::msg::{NftInfoResponse, OwnerOfResponse, TokensResponse};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::load_voucher;
use crate::msg::VoucherResponse;
use crate::state::{CLASS_META, OWNED};

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

pub fn owner_of(deps: Deps, token_id: String) -> Result<OwnerOfResponse, ContractError> {
    let (_, voucher) = load_voucher(deps.storage, &token_id)?;
    Ok(OwnerOfResponse {
        owner: voucher.owner.into_string(),
        approvals: vec![],
    })
}

/// The class's uri as the token's; the voucher's own answer as the extension.
pub fn nft_info(
    deps: Deps,
    token_id: String,
) -> Result<NftInfoResponse<VoucherResponse>, ContractError> {
    let extension = super::voucher(deps, token_id)?;
    let meta = CLASS_META.load(deps.storage, extension.class_id)?;
    Ok(NftInfoResponse {
        token_uri: meta.uri,
        extension,
    })
}

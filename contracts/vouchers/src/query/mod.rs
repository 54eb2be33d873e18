//! The contract's own queries; the cw721 read side is in `cw721`.

mod cw721;

pub use self::cw721::{nft_info, owner_of, tokens};

use cosmwasm_std::{Deps, Order, Uint128};
use ctc_conventions::paging::page;
use ctc_conventions::validate;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::{load_class, load_supply, load_voucher, voucher_key};
use crate::msg::{ClassRecord, ClassResponse, ClassesResponse, SupplyResponse, VoucherResponse};
use crate::state::{Class, Earned, CLASSES, CLASS_META, CLASS_RECORDS, EARNED, PASS_USES};

fn class_response(deps: Deps, class_id: u64, terms: Class) -> Result<ClassResponse, ContractError> {
    let meta = CLASS_META.load(deps.storage, class_id)?;
    let supply = load_supply(deps.storage, class_id)?;
    let outstanding = supply.outstanding();
    Ok(ClassResponse {
        class_id,
        escrow: terms.price.checked_mul(Uint128::from(outstanding))?,
        terms,
        meta,
        supply: SupplyResponse {
            issued: supply.issued,
            tokens: supply.tokens,
            redeemed: supply.redeemed,
            cleared: supply.cleared,
            outstanding,
        },
    })
}

pub fn class(deps: Deps, class_id: u64) -> Result<ClassResponse, ContractError> {
    let class = load_class(deps.storage, class_id)?;
    class_response(deps, class_id, class)
}

pub fn classes(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<ClassesResponse, ContractError> {
    // Keys, then each class as `class` loads it: one decoder of the terms in the artifact.
    let keys = CLASSES.keys(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let classes = page(keys, limit, Ok)?
        .into_iter()
        .map(|id| class(deps, id))
        .collect::<Result<_, _>>()?;
    Ok(ClassesResponse { classes })
}

pub fn voucher(deps: Deps, token_id: String) -> Result<VoucherResponse, ContractError> {
    let (key, voucher) = load_voucher(deps.storage, &token_id)?;
    let class = load_class(deps.storage, key.0)?;
    Ok(VoucherResponse {
        token_id,
        class_id: key.0,
        owner: voucher.owner,
        status: voucher.status,
        moves: voucher.moves,
        valid_from: class.valid_from,
        valid_until: class.valid_until,
        units: voucher.units,
        value: class.price.checked_mul(Uint128::from(voucher.units))?,
        listed: voucher.listed,
    })
}

pub fn pass_uses(deps: Deps, token_id: String, event_id: u64) -> Result<u32, ContractError> {
    let (class_id, serial) = voucher_key(&token_id)?;
    Ok(PASS_USES
        .may_load(deps.storage, (class_id, serial, event_id))?
        .unwrap_or(0))
}

pub fn earned(deps: Deps, merchant: String) -> Result<Earned, ContractError> {
    let merchant = validate::address(deps.api, "merchant", &merchant)?;
    Ok(EARNED
        .may_load(deps.storage, &merchant)?
        .unwrap_or_default())
}

pub fn records(
    deps: Deps,
    class_id: u64,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<Vec<ClassRecord>, ContractError> {
    load_class(deps.storage, class_id)?;
    let entries = CLASS_RECORDS.prefix(class_id).range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    Ok(page(entries, limit, |(_, record)| Ok(record))?)
}

//! Moves under the class's transfer rule: gifts whole (cw721 `TransferNft`) or in part (a split),
//! and resale under the class's price cap. cw721's approvals do not exist: only a holder moves
//! its vouchers.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Storage, Timestamp, Uint128};
use ctc_conventions::validate;

use crate::error::ContractError;
use crate::execute::{
    disburse, ensure_not_expired, ensure_not_frozen, ensure_recognised, ensure_usable, load_class,
    load_supply, load_voucher, move_voucher, new_voucher, receive_into, response, VoucherKey,
};
use crate::msg::TransferRule;
use crate::state::{Class, Voucher, CONFIG, SUPPLY, VOUCHERS};

/// The checks every move shares: a usable voucher of a live class whose rule allows one more
/// move. Answers the class.
fn movable(
    storage: &dyn Storage,
    now: Timestamp,
    key: VoucherKey,
    voucher: &Voucher,
) -> Result<Class, ContractError> {
    let class = load_class(storage, key.0)?;
    ensure_not_frozen(&class)?;
    ensure_not_expired(&class, now)?;
    let max = class
        .transfer
        .max_moves()
        .ok_or(ContractError::TransferNotAllowed)?;
    if voucher.moves >= max {
        return Err(ContractError::MoveLimit { max });
    }
    Ok(class)
}

/// A holder's own voucher, usable, going to someone else.
fn holders_voucher(
    storage: &dyn Storage,
    sender: &Addr,
    token_id: &str,
) -> Result<(VoucherKey, Voucher), ContractError> {
    let (key, voucher) = load_voucher(storage, token_id)?;
    if voucher.owner != sender {
        return Err(ContractError::NotHolder);
    }
    ensure_usable(&voucher)?;
    Ok((key, voucher))
}

/// The receiver meets the class's identity level from its accepted attesters ("accounts the
/// issuer recognises"). Allowed while the sale is paused.
pub fn transfer_nft(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    token_id: String,
) -> Result<Response, ContractError> {
    let recipient = validate::address(deps.api, "recipient", &recipient)?;
    let (key, mut voucher) = holders_voucher(deps.storage, &info.sender, &token_id)?;
    if recipient == voucher.owner {
        return Err(ContractError::SelfTransfer);
    }
    let class = movable(deps.storage, env.block.time, key, &voucher)?;
    ensure_recognised(deps.storage, env.block.time, &class, &recipient)?;
    move_voucher(deps.storage, &token_id, &mut voucher, &recipient)?;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    // cw721's attribute names, so indexers follow the move.
    Ok(response(
        "transfer_nft",
        &[
            ("sender", info.sender.as_str()),
            ("recipient", recipient.as_str()),
            ("token_id", &token_id),
        ],
    ))
}

/// A fungible voucher gives `units` to a new voucher of the receiver's, under the same rules as a
/// whole gift; the new voucher has moved once more than its parent.
pub fn transfer_units(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    recipient: String,
    units: u64,
) -> Result<Response, ContractError> {
    let recipient = validate::address(deps.api, "recipient", &recipient)?;
    let (key, mut voucher) = holders_voucher(deps.storage, &info.sender, &token_id)?;
    if recipient == voucher.owner {
        return Err(ContractError::SelfTransfer);
    }
    let class = movable(deps.storage, env.block.time, key, &voucher)?;
    if !class.fungible {
        return Err(ContractError::NotFungible);
    }
    if units == 0 || units >= voucher.units {
        return Err(ContractError::InvalidUnits {
            held: voucher.units,
        });
    }
    ensure_recognised(deps.storage, env.block.time, &class, &recipient)?;
    voucher.units -= units;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    let mut supply = load_supply(deps.storage, key.0)?;
    let split = new_voucher(
        deps.storage,
        key.0,
        &mut supply,
        &recipient,
        (units, voucher.moves + 1),
    )?;
    SUPPLY.save(deps.storage, key.0, &supply)?;
    Ok(response(
        "transfer_units",
        &[
            ("sender", info.sender.as_str()),
            ("recipient", recipient.as_str()),
            ("token_id", &token_id),
            ("units", &units.to_string()),
            ("new_token_id", &split),
        ],
    ))
}

/// Resale classes only, at most the class's `max_unit_price` per unit held.
pub fn list(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    price: Uint128,
) -> Result<Response, ContractError> {
    let (key, mut voucher) = holders_voucher(deps.storage, &info.sender, &token_id)?;
    let class = movable(deps.storage, env.block.time, key, &voucher)?;
    let TransferRule::Resale { max_unit_price, .. } = class.transfer else {
        return Err(ContractError::ResaleNotAllowed);
    };
    let cap = max_unit_price.checked_mul(Uint128::from(voucher.units))?;
    if price > cap {
        return Err(ContractError::AboveResaleCap { cap });
    }
    voucher.listed = Some(price);
    VOUCHERS.save(deps.storage, key, &voucher)?;
    Ok(response(
        "list",
        &[("token_id", &token_id), ("price", &price.to_string())],
    ))
}

pub fn unlist(
    deps: DepsMut,
    info: MessageInfo,
    token_id: String,
) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    if voucher.owner != info.sender {
        return Err(ContractError::NotHolder);
    }
    if voucher.listed.take().is_none() {
        return Err(ContractError::NotListed);
    }
    VOUCHERS.save(deps.storage, key, &voucher)?;
    Ok(response("unlist", &[("token_id", &token_id)]))
}

/// A CTC `Send` of exactly the asking price buys the listed voucher whole: the seller is paid at
/// once in one `Disburse`, the class price stays in escrow with the voucher, and the buyer must
/// meet the class's identity level and per-holder limit as any purchase does.
pub fn buy_listed(
    deps: DepsMut,
    env: Env,
    buyer: Addr,
    paid: Uint128,
    token_id: String,
) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    let price = voucher.listed.ok_or(ContractError::NotListed)?;
    if paid != price {
        return Err(ContractError::WrongAmount {
            expected: price,
            received: paid,
        });
    }
    if buyer == voucher.owner {
        return Err(ContractError::SelfTransfer);
    }
    let class = movable(deps.storage, env.block.time, key, &voucher)?;
    receive_into(
        deps.storage,
        env.block.time,
        (key.0, &class),
        &buyer,
        voucher.units,
    )?;
    let seller = voucher.owner.clone();
    move_voucher(deps.storage, &token_id, &mut voucher, &buyer)?;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    let token = CONFIG.load(deps.storage)?.token;
    let payment = disburse(&token, &[(&seller, price)], Uint128::zero())?;
    Ok(response(
        "buy_listed",
        &[
            ("token_id", &token_id),
            ("seller", seller.as_str()),
            ("buyer", buyer.as_str()),
            ("price", &price.to_string()),
        ],
    )
    .add_messages(payment))
}

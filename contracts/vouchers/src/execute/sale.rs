//! Issuing vouchers: claimed free or bought with a CTC `Send` (which also buys resale listings).

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Uint128};
use ctc_conventions::{ctc_hook, validate};
use ctc_interfaces::vouchers::VoucherReceiveMsg;
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::{
    ensure_issuer_allowed, ensure_not_frozen, load_class, load_supply, mint, moves, receive_into,
    response,
};
use crate::state::{CONFIG, SUPPLY};
use crate::validate as limits;

/// Every check of a sale, then the writes: `paid` is `None` for a free class and the amount
/// sent for a priced one.
fn issue(
    deps: DepsMut,
    env: &Env,
    class_id: u64,
    to: &Addr,
    quantity: u32,
    (paid, action): (Option<Uint128>, &str),
) -> Result<Response, ContractError> {
    let quantity = limits::quantity(quantity)?;
    let class = load_class(deps.storage, class_id)?;
    ensure_not_frozen(&class)?;
    if class.paused {
        return Err(ContractError::SalePaused);
    }
    let now = env.block.time;
    if now < class.sale_starts_at || now >= class.sale_ends_at {
        return Err(ContractError::SaleClosed {
            opens_at: class.sale_starts_at,
            closes_at: class.sale_ends_at,
        });
    }
    ensure_issuer_allowed(deps.storage, &class)?;
    match paid {
        None if !class.price.is_zero() => return Err(ContractError::NotFree),
        Some(_) if class.price.is_zero() => return Err(ContractError::NotPriced),
        Some(received) => {
            let expected = limits::total(class.price, quantity)?;
            if received != expected {
                return Err(ContractError::WrongAmount { expected, received });
            }
        }
        None => {}
    }
    let mut supply = load_supply(deps.storage, class_id)?;
    let left = class.cap.saturating_sub(supply.issued);
    if quantity > left {
        return Err(ContractError::CapReached { left });
    }
    receive_into(deps.storage, now, (class_id, &class), to, quantity)?;
    let minted = mint(deps.storage, (class_id, &class), &mut supply, to, quantity)?;
    SUPPLY.save(deps.storage, class_id, &supply)?;
    let paid = paid.map(|amount| amount.to_string());
    Ok(response(
        action,
        &[
            ("class_id", &class_id.to_string()),
            ("to", to.as_str()),
            ("token_ids", &minted.join(",")),
            ("paid", paid.as_deref().unwrap_or("0")),
        ],
    ))
}

pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    class_id: u64,
    quantity: u32,
) -> Result<Response, ContractError> {
    issue(
        deps,
        &env,
        class_id,
        &info.sender,
        quantity,
        (None, "claim"),
    )
}

/// A CTC `Send`, from the configured token only.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let hook = ctc_hook(deps.api, &token, &info, wrapper)?;
    let (class_id, quantity, recipient) = match hook.msg {
        VoucherReceiveMsg::Buy {
            class_id,
            quantity,
            recipient,
        } => (class_id, quantity, recipient),
        VoucherReceiveMsg::BuyListed { token_id } => {
            return moves::buy_listed(deps, env, hook.sender, hook.amount, token_id)
        }
    };
    let to = match recipient {
        Some(recipient) => validate::address(deps.api, "recipient", &recipient)?,
        None => hook.sender,
    };
    issue(
        deps,
        &env,
        class_id,
        &to,
        quantity,
        (Some(hook.amount), "buy"),
    )
}

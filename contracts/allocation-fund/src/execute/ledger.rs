//! CTC in (donations, reconciled transfers) and out by the owner (disbursements).

use cosmwasm_std::{Binary, DepsMut, Env, MessageInfo, Response, Uint128};
use ctc_conventions::validate::{digest_bytes, optional_text, recipient, text};
use cw20::Cw20ReceiveMsg;

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::{available, book, entry, token, transfer};
use crate::msg::ReceiveMsg;
use crate::state::{Kind, CONFIG, TOTALS};
use ctc_conventions::balance_of;

/// A donation's memo and a disbursement's purpose: a sentence or two, stored in every entry.
pub const MAX_NOTE_BYTES: usize = 256;

/// The least a donation may be, in micro-CTC: 1 CTC. Each donation is an entry of the ledger, kept
/// for good; dust would let anyone fill the public ledger with entries (and memos) for nothing.
pub const MIN_DONATION: Uint128 = Uint128::new(1_000_000);

/// The note of the receipt that books what arrived without a hook.
pub const RECONCILE_NOTE: &str = "reconcile";

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let hook = ctc_conventions::ctc_hook(deps.api, token(&config)?, &info, wrapper)?;
    let ReceiveMsg::Donate {
        memo,
        evidence_digest,
    } = hook.msg;
    optional_text("memo", memo.as_deref(), MAX_NOTE_BYTES)?;
    let digest = evidence_digest
        .map(|digest| digest_bytes("evidence_digest", &digest))
        .transpose()?;
    if hook.amount < MIN_DONATION {
        return Err(ContractError::DonationTooSmall { min: MIN_DONATION });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.received = totals.received.checked_add(hook.amount)?;
    let mut receipt = entry(Kind::Receipt, hook.amount, &env);
    receipt.party = Some(hook.sender.clone());
    // The donor's words, booked as sent: the entry says who wrote them, nothing vouches for them.
    receipt.note = memo;
    receipt.digest = digest.map(Binary::from);
    let id = book(deps.storage, totals, &receipt)?;
    Ok(Response::new()
        .add_attribute("action", "donate")
        .add_attribute("entry_id", id.to_string())
        .add_attribute("from", hook.sender)
        .add_attribute("amount", hook.amount))
}

pub fn reconcile(deps: DepsMut, env: Env) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let balance = balance_of(&deps.querier, token(&config)?, &env.contract.address)?;
    let mut totals = TOTALS.load(deps.storage)?;
    let booked = totals.received.checked_sub(totals.paid_out)?;
    // Only what came in unbooked: the fund never loses CTC without booking the payment first.
    let unbooked = balance.saturating_sub(booked);
    if unbooked.is_zero() {
        return Err(ContractError::NothingToReconcile);
    }
    totals.received = totals.received.checked_add(unbooked)?;
    let mut receipt = entry(Kind::Receipt, unbooked, &env);
    receipt.note = Some(RECONCILE_NOTE.to_owned());
    let id = book(deps.storage, totals, &receipt)?;
    Ok(Response::new()
        .add_attribute("action", "reconcile")
        .add_attribute("entry_id", id.to_string())
        .add_attribute("amount", unbooked))
}

pub fn disburse(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    to: String,
    amount: Uint128,
    purpose: String,
    evidence_digest: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let to = recipient(deps.as_ref(), &env, CONTRACT.name, "recipient", &to)?;
    text("purpose", &purpose, MAX_NOTE_BYTES)?;
    let digest = digest_bytes("evidence_digest", &evidence_digest)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let config = CONFIG.load(deps.storage)?;
    let token = token(&config)?;
    let mut totals = TOTALS.load(deps.storage)?;
    let available = available(&totals)?;
    if amount > available {
        return Err(ContractError::InsufficientAvailable { available });
    }
    totals.paid_out = totals.paid_out.checked_add(amount)?;
    let mut payment = entry(Kind::Disbursement, amount, &env);
    payment.party = Some(to.clone());
    payment.note = Some(purpose);
    payment.digest = Some(Binary::from(digest));
    let id = book(deps.storage, totals, &payment)?;
    Ok(Response::new()
        .add_message(transfer(token, &to, amount)?)
        .add_attribute("action", "disburse")
        .add_attribute("entry_id", id.to_string())
        .add_attribute("recipient", to)
        .add_attribute("amount", amount)
        .add_attribute("evidence_digest", evidence_digest.to_ascii_lowercase()))
}

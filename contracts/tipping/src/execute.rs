use cosmwasm_std::{
    coins, wasm_execute, Addr, BankMsg, Deps, DepsMut, Empty, Env, MessageInfo, QuerierWrapper,
    Response, Storage, Uint128,
};
use ctc_conventions::validate::address;
use ctc_conventions::{ctc_hook, CtcHook};
use ctc_interfaces::registry::{PartnerStatusResponse, RegistryQueryMsg};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
use cw20::Cw20ReceiveMsg;

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::msg::{ReceiveMsg, TipRecord};
use crate::state::{
    ctc_denom, Config, Totals, CONFIG, CONTEXT_TOTALS, NATIVE_DENOMS, RECEIVED, RECENT,
    RECENT_SIZE, RECIPIENT_TOTALS, TIPPER_TOTALS, TOP, TOP_K, VERIFIED_KINDS,
};

pub const MAX_MEMO_BYTES: usize = 140;
pub const MAX_CONTEXT_BYTES: usize = 64;
pub const MAX_FEE: BasisPoints = BasisPoints::literal(1_000);

pub fn check_fee(fee: BasisPoints) -> Result<BasisPoints, ContractError> {
    if fee > MAX_FEE {
        return Err(ContractError::FeeTooHigh);
    }
    Ok(fee)
}

/// A tip as sent: who, to whom, what, and its free-text parts.
struct Tip {
    from: Addr,
    recipient: String,
    denom: String,
    amount: Uint128,
    min: Uint128,
    memo: Option<String>,
    context: Option<String>,
}

impl Tip {
    /// A CTC tip, whichever way its CTC comes: the same denom and minimum for both.
    fn ctc(
        config: &Config,
        from: Addr,
        recipient: String,
        amount: Uint128,
        memo: Option<String>,
        context: Option<String>,
    ) -> Self {
        Self {
            from,
            recipient,
            denom: ctc_denom(&config.token),
            amount,
            min: config.min_ctc_tip,
            memo,
            context,
        }
    }
}

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let CtcHook {
        sender,
        amount,
        msg:
            ReceiveMsg::Tip {
                recipient,
                memo,
                context,
            },
    } = ctc_hook(deps.api, &config.token, &info, wrapper)?;
    let tip = Tip::ctc(&config, sender, recipient, amount, memo, context);
    let ((to, response), fee, rest) = accept(deps, &env, &config, tip)?;
    // The rest and the fee in one call into the token rather than a transfer each: a tip is a hot
    // path, and a second call would pay again to start the token, read its metadata and read and
    // write this contract's balance. A zero share (no fee, or a fee that takes a tiny tip whole)
    // is left out, since the token refuses zero payments.
    let payout = CtcExecuteMsg::disburse([(&to, rest), (&config.treasury, fee)]);
    pay_ctc(&config, response, payout)
}

/// A CTC tip without a `Send`: the token takes it from the tipper under the allowance the tipper
/// granted this contract, in the one call that also pays the recipient and the treasury.
pub fn tip(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
    memo: Option<String>,
    context: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    // The owner of the CTC is the sender and nobody else: an allowance lets this contract take
    // what its grantor tips, so a tip that could name another owner would let anyone spend any
    // fan's allowance.
    let owner = info.sender;
    let tip = Tip::ctc(&config, owner.clone(), recipient, amount, memo, context);
    let ((to, response), fee, rest) = accept(deps, &env, &config, tip)?;
    let payout = CtcExecuteMsg::disburse_from(&owner, [(&to, rest), (&config.treasury, fee)]);
    pay_ctc(&config, response, payout)
}

fn pay_ctc(
    config: &Config,
    response: Response,
    payout: Option<CtcExecuteMsg>,
) -> Result<Response, ContractError> {
    Ok(match payout {
        Some(payout) => response.add_message(wasm_execute(&config.token, &payout, vec![])?),
        None => response,
    })
}

pub fn tip_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    memo: Option<String>,
    context: Option<String>,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info).map_err(ctc_conventions::ConventionError::from)?;
    let min = NATIVE_DENOMS
        .may_load(deps.storage, &coin.denom)?
        .ok_or_else(|| ContractError::UnacceptedDenom {
            denom: coin.denom.clone(),
        })?;
    let config = CONFIG.load(deps.storage)?;
    let denom = coin.denom.clone();
    let tip = Tip {
        from: info.sender,
        recipient,
        denom: denom.clone(),
        amount: coin.amount,
        min,
        memo,
        context,
    };
    let ((to, response), fee, rest) = accept(deps, &env, &config, tip)?;
    // The rest to the recipient and the fee to the treasury, in the same transaction; CosmWasm's
    // `BankMsg` has no send to several parties, so it is one send each.
    let payout = |recipient: &Addr, amount: Uint128| BankMsg::Send {
        to_address: recipient.to_string(),
        amount: coins(amount.u128(), &denom),
    };
    // A bank send of nothing is refused by the chain: a fee that takes a tiny tip whole pays
    // only the treasury.
    let mut response = response;
    if !rest.is_zero() {
        response = response.add_message(payout(&to, rest));
    }
    if !fee.is_zero() {
        response = response.add_message(payout(&config.treasury, fee));
    }
    Ok(response)
}

/// Checks the tip, records it, and answers the recipient, the fee and the rest, with the event
/// attributes.
fn accept(
    deps: DepsMut,
    env: &Env,
    config: &Config,
    tip: Tip,
) -> Result<((Addr, Response), Uint128, Uint128), ContractError> {
    let to = address(deps.api, "recipient", &tip.recipient)?;
    if to == tip.from {
        return Err(ContractError::SelfTip);
    }
    // Neither contract can pass on what it is sent: a tip to either would be lost.
    if to == env.contract.address || to == config.token {
        return Err(ContractError::UnpayableRecipient);
    }
    if tip.amount.is_zero() {
        return Err(ContractError::ZeroTip);
    }
    if tip.amount < tip.min {
        return Err(ContractError::BelowMinimum {
            denom: tip.denom,
            min: tip.min,
        });
    }
    if tip.memo.as_ref().is_some_and(|m| m.len() > MAX_MEMO_BYTES) {
        return Err(ContractError::MemoTooLong {
            max: MAX_MEMO_BYTES,
        });
    }
    if let Some(context) = &tip.context {
        if context.is_empty() || context.len() > MAX_CONTEXT_BYTES {
            return Err(ContractError::InvalidContext {
                max: MAX_CONTEXT_BYTES,
            });
        }
        // Kinds are compared in lower case, so `Event:7` cannot skip the `event` rule.
        let kind = context.split(':').next().unwrap_or_default().to_lowercase();
        if VERIFIED_KINDS.has(deps.storage, &kind) && !is_verified(deps.querier, config, &to)? {
            return Err(ContractError::RecipientNotVerified { kind });
        }
    }
    // Rounded up, so splitting a tip into small ones cannot dodge the fee.
    let fee = config.fee.of_ceil(tip.amount);
    let rest = tip.amount.checked_sub(fee)?;
    let record = TipRecord {
        from: tip.from,
        to: to.clone(),
        denom: tip.denom,
        amount: tip.amount,
        fee,
        memo: tip.memo,
        context: tip.context,
        time: env.block.time,
    };
    record_tip(deps.storage, &record)?;
    let response = Response::new()
        .add_attribute("action", "tip")
        .add_attribute("from", &record.from)
        .add_attribute("to", &to)
        .add_attribute("denom", &record.denom)
        .add_attribute("amount", record.amount)
        .add_attribute("fee", fee)
        .add_attribute("context", record.context.unwrap_or_default());
    Ok(((to, response), fee, rest))
}

pub fn is_verified(
    querier: QuerierWrapper,
    config: &Config,
    address: &Addr,
) -> Result<bool, ContractError> {
    let status: PartnerStatusResponse = querier.query_wasm_smart(
        &config.registry,
        &RegistryQueryMsg::PartnerStatus {
            address: address.to_string(),
        },
    )?;
    Ok(status.active)
}

fn add(totals: Option<Totals>, amount: Uint128) -> Result<Totals, ContractError> {
    let totals = totals.unwrap_or_default();
    Ok(Totals {
        total: totals.total.checked_add(amount)?,
        count: totals.count + 1,
    })
}

/// Stats, the recipient's recent tips and the leaderboard: a fixed number of reads and writes
/// per tip, whatever the history.
fn record_tip(storage: &mut dyn Storage, tip: &TipRecord) -> Result<(), ContractError> {
    let denom = tip.denom.as_str();
    let recipient_key = (&tip.to, denom);
    let recipient = add(
        RECIPIENT_TOTALS.may_load(storage, recipient_key)?,
        tip.amount,
    )?;
    RECIPIENT_TOTALS.save(storage, recipient_key, &recipient)?;
    let tipper_key = (&tip.from, denom);
    let tipper = add(TIPPER_TOTALS.may_load(storage, tipper_key)?, tip.amount)?;
    TIPPER_TOTALS.save(storage, tipper_key, &tipper)?;
    if let Some(context) = &tip.context {
        let key = (context.as_str(), denom);
        let totals = add(CONTEXT_TOTALS.may_load(storage, key)?, tip.amount)?;
        CONTEXT_TOTALS.save(storage, key, &totals)?;
    }

    let received = RECEIVED.may_load(storage, &tip.to)?.unwrap_or_default();
    RECENT.save(storage, (&tip.to, received % RECENT_SIZE), tip)?;
    RECEIVED.save(storage, &tip.to, &received.wrapping_add(1))?;

    let mut top = TOP.may_load(storage, denom)?.unwrap_or_default();
    update_top(&mut top, &tip.to, recipient.total);
    TOP.save(storage, denom, &top)?;
    Ok(())
}

/// Puts `address` with its new `total` where it belongs in a list of at most `TOP_K`, highest
/// first (ties: earlier entrants first). O(TOP_K).
pub fn update_top(top: &mut Vec<(Addr, Uint128)>, address: &Addr, total: Uint128) {
    top.retain(|(entry, _)| entry != address);
    let position = top
        .iter()
        .position(|(_, other)| total > *other)
        .unwrap_or(top.len());
    if position < TOP_K {
        top.insert(position, (address.clone(), total));
        top.truncate(TOP_K);
    }
}

/// The treasury must be able to pass funds on, so it cannot be this contract, the token or any
/// other platform contract.
pub fn treasury(deps: Deps, env: &Env, value: &str) -> Result<Addr, ContractError> {
    // Named here rather than as the shared refusal: a tip to tipping itself has its own error.
    if address(deps.api, "treasury", value)? == env.contract.address {
        return Err(ContractError::UnpayableRecipient);
    }
    Ok(ctc_conventions::validate::recipient(
        deps,
        env,
        CONTRACT.name,
        "treasury",
        value,
    )?)
}

pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    treasury: Option<String>,
    fee: Option<BasisPoints>,
    min_ctc_tip: Option<Uint128>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(treasury) = treasury {
        config.treasury = self::treasury(deps.as_ref(), &env, &treasury)?;
    }
    if let Some(fee) = fee {
        config.fee = check_fee(fee)?;
    }
    if let Some(min) = min_ctc_tip {
        config.min_ctc_tip = min;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("treasury", config.treasury)
        .add_attribute("fee", config.fee.to_string()))
}

pub fn set_denom(
    deps: DepsMut,
    info: MessageInfo,
    denom: String,
    min_tip: Option<Uint128>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    validate_denom(&denom)?;
    match min_tip {
        Some(min) => NATIVE_DENOMS.save(deps.storage, &denom, &min)?,
        None => NATIVE_DENOMS.remove(deps.storage, &denom),
    }
    Ok(Response::new()
        .add_attribute("action", "set_denom")
        .add_attribute("denom", denom)
        .add_attribute("accepted", min_tip.is_some().to_string()))
}

/// Cosmos SDK coin denoms: 3–128 characters, a letter first, then letters, digits and `/:._-`;
/// never `cw20:…`, which names CTC in the stats.
pub fn validate_denom(denom: &str) -> Result<(), ContractError> {
    let mut chars = denom.chars();
    let valid = (3..=128).contains(&denom.len())
        && !denom.starts_with("cw20:")
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "/:._-".contains(c));
    if !valid {
        return Err(ContractError::InvalidDenom {
            denom: denom.to_owned(),
        });
    }
    Ok(())
}

pub fn set_verification_required(
    deps: DepsMut,
    info: MessageInfo,
    context_kind: String,
    required: bool,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    if context_kind.is_empty()
        || context_kind.len() > MAX_CONTEXT_BYTES
        || context_kind.contains(':')
    {
        return Err(ContractError::InvalidContext {
            max: MAX_CONTEXT_BYTES,
        });
    }
    let context_kind = context_kind.to_lowercase();
    if required {
        VERIFIED_KINDS.save(deps.storage, &context_kind, &Empty {})?;
    } else {
        VERIFIED_KINDS.remove(deps.storage, &context_kind);
    }
    Ok(Response::new()
        .add_attribute("action", "set_verification_required")
        .add_attribute("context_kind", context_kind)
        .add_attribute("required", required.to_string()))
}

//! cw1's `Execute`, the check `CanExecute` shares with it, and the receive hooks.

use cosmwasm_std::{
    from_json, Addr, Binary, CosmosMsg, Deps, DepsMut, Env, MessageInfo, Response, Uint128, WasmMsg,
};
use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::error::ContractError;
use crate::msg::Spend;
use crate::state::{Config, Grant, CONFIG, DELEGATES};

/// The two CTC messages a delegate may send, with exactly cw20's fields: cw20 2.0's own
/// `Cw20ExecuteMsg` takes unknown fields, and a message read here must be the message the token
/// reads.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum CtcSpend {
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
}

/// The only hook a delegate's `send` may carry: a purchase (ticket-nft's or vouchers' `buy`) for
/// the account itself, naming none of its vouchers. Other fields are the seller's to check; a
/// field given twice is refused here as it is there.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DelegateHook {
    Buy {
        #[serde(default)]
        recipient: Option<String>,
        #[serde(default)]
        voucher: Option<IgnoredAny>,
    },
}

/// Who is allowed `msgs`, and what it costs.
pub enum Authorized {
    Operator,
    /// A delegate, with its grant once `msgs` are booked: saved before they are sent.
    Delegate {
        grant: Grant,
        spent: Uint128,
    },
}

/// The whole check of `Execute { msgs }` from `sender` at the block of `env`, shared with
/// `CanExecute` so that the query and the message cannot disagree. Reads `CONFIG` (given) and,
/// for anyone but the operator, the sender's grant.
pub fn authorize(
    deps: Deps,
    env: &Env,
    config: &Config,
    sender: &Addr,
    msgs: &[CosmosMsg],
) -> Result<Authorized, ContractError> {
    let now = env.block.time;
    let grant = if *sender == config.operator {
        None
    } else {
        Some(
            DELEGATES
                .may_load(deps.storage, sender)?
                .filter(|grant| grant.expires_at > now)
                .ok_or_else(|| ContractError::NoGrant {
                    address: sender.to_string(),
                })?,
        )
    };
    for msg in msgs {
        not_to_self(&env.contract.address, msg)?;
        not_to_factory(config.factory.as_ref(), msg)?;
    }
    let Some(mut grant) = grant else {
        return Ok(Authorized::Operator);
    };
    let left = grant.left(now);
    let over = || ContractError::DailyLimit { left };
    let mut total = Uint128::zero();
    for msg in msgs {
        let amount = spend_amount(
            config,
            &env.contract.address,
            grant.rights.spend.as_ref(),
            msg,
        )?;
        total = total.checked_add(amount).map_err(|_| over())?;
    }
    if total > left {
        return Err(over());
    }
    if !total.is_zero() {
        grant.charge(total, now);
    }
    Ok(Authorized::Delegate {
        grant,
        spent: total,
    })
}

/// Refuses a message to the account itself and a migrate or admin change of it. Bech32 has one
/// other spelling of an address, in capitals; the chain's own is the lower-case one `env` has.
fn not_to_self(account: &Addr, msg: &CosmosMsg) -> Result<(), ContractError> {
    let target = match msg {
        CosmosMsg::Wasm(
            WasmMsg::Execute { contract_addr, .. }
            | WasmMsg::Migrate { contract_addr, .. }
            | WasmMsg::UpdateAdmin { contract_addr, .. }
            | WasmMsg::ClearAdmin { contract_addr },
        ) => contract_addr,
        _ => return Ok(()),
    };
    if target.eq_ignore_ascii_case(account.as_str()) {
        return Err(ContractError::SelfCall);
    }
    Ok(())
}

/// Refuses a message to the account's factory, whose index of accounts by operator trusts what
/// an account tells it: an operator could otherwise record another key as its own and make the
/// next recovery's notice, and so the recovery, fail.
fn not_to_factory(factory: Option<&Addr>, msg: &CosmosMsg) -> Result<(), ContractError> {
    let Some(factory) = factory else {
        return Ok(());
    };
    if let CosmosMsg::Wasm(WasmMsg::Execute { contract_addr, .. }) = msg {
        if contract_addr.eq_ignore_ascii_case(factory.as_str()) {
            return Err(ContractError::FactoryCall);
        }
    }
    Ok(())
}

/// What one message of a delegate spends: it must be a CTC `transfer` or `send` without coins,
/// to a payee the grant allows.
fn spend_amount(
    config: &Config,
    account: &Addr,
    spend: Option<&Spend>,
    msg: &CosmosMsg,
) -> Result<Uint128, ContractError> {
    let not_allowed = |reason| ContractError::NotAllowed { reason };
    let CosmosMsg::Wasm(WasmMsg::Execute {
        contract_addr,
        msg,
        funds,
    }) = msg
    else {
        return Err(not_allowed("no other kind of message"));
    };
    if *contract_addr != config.ctc_token.as_str() {
        return Err(not_allowed("no message to another contract"));
    }
    if !funds.is_empty() {
        return Err(not_allowed("no coins attached"));
    }
    let spend = spend.ok_or(not_allowed("the grant has no spend right"))?;
    let (payee, amount) = match from_json(msg) {
        Ok(CtcSpend::Transfer { recipient, amount }) => (recipient, amount),
        Ok(CtcSpend::Send {
            contract,
            amount,
            msg,
        }) => {
            buys_for(account, &msg)?;
            (contract, amount)
        }
        Err(_) => {
            return Err(not_allowed(
                "no other CTC message, and no field beyond cw20's",
            ))
        }
    };
    if let Some(to) = &spend.to {
        if !to.contains(&payee) {
            return Err(ContractError::PayeeNotAllowed { payee });
        }
    }
    Ok(amount)
}

/// Refuses a delegate's hook unless it buys for the account without spending its vouchers: with
/// the account's CTC a delegate may not buy for itself, buy its own listing, nor use a coupon or
/// a pass the account holds, whose value the daily amount does not count.
fn buys_for(account: &Addr, hook: &Binary) -> Result<(), ContractError> {
    let not_allowed = |reason| ContractError::HookNotAllowed { reason };
    match from_json(hook) {
        Ok(DelegateHook::Buy { recipient, voucher }) => {
            if recipient.is_some_and(|recipient| recipient != account.as_str()) {
                return Err(not_allowed("the tickets or vouchers go to the account"));
            }
            if voucher.is_some() {
                return Err(not_allowed(
                    "the account's vouchers are not the delegate's to use",
                ));
            }
            Ok(())
        }
        Err(_) => Err(not_allowed("a buy, and nothing else")),
    }
}

pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msgs: Vec<CosmosMsg>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let authorized = authorize(deps.as_ref(), &env, &config, &info.sender, &msgs)?;
    let response = Response::new()
        .add_attribute("action", "execute")
        .add_attribute("sender", info.sender.as_str());
    let response = match authorized {
        Authorized::Operator => response,
        Authorized::Delegate { grant, spent } => {
            // Nothing spent leaves the grant as it was: no window opens.
            if !spent.is_zero() {
                DELEGATES.save(deps.storage, &info.sender, &grant)?;
            }
            response.add_attribute("spent", spent)
        }
    };
    Ok(response.add_messages(msgs))
}

/// A cw20 `send` to the account: its tokens are the account's; nothing to do.
pub fn receive(info: MessageInfo) -> Result<Response, ContractError> {
    Ok(Response::new()
        .add_attribute("action", "receive")
        .add_attribute("token", info.sender))
}

/// A cw721 `send_nft` to the account: the ticket or voucher is the account's; nothing to do.
pub fn receive_nft(info: MessageInfo) -> Result<Response, ContractError> {
    Ok(Response::new()
        .add_attribute("action", "receive_nft")
        .add_attribute("collection", info.sender))
}

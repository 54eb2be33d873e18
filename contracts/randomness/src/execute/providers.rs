//! Joining with a deposit, adding to it, leaving with what remains of it, and removal on the
//! registry's word.

use cosmwasm_std::{to_json_binary, Addr, DepsMut, MessageInfo, QuerierWrapper, Response, WasmMsg};
use ctc_conventions::validate::address;
use ctc_conventions::{ctc_hook, CtcHook};
use cw20::{Cw20ExecuteMsg, Cw20ReceiveMsg};

use crate::error::ContractError;
use crate::execute::{load_provider, partner_status};
use crate::msg::{RandomnessReceiveMsg, Standing};
use crate::state::{Provider, CONFIG, PROVIDERS};

pub fn receive(
    deps: DepsMut,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let CtcHook {
        sender: provider,
        amount,
        msg: RandomnessReceiveMsg::Join {},
    } = ctc_hook(deps.api, &config.token, &info, wrapper)?;
    // An existing provider adds to its deposit, which stakes more commitments at once.
    if let Some(mut record) = PROVIDERS.may_load(deps.storage, &provider)? {
        // A forfeited or removed provider commits no more: more deposit would only wait here.
        if record.standing != Standing::Active {
            return Err(ContractError::NoTopUp {
                address: provider.into_string(),
                standing: record.standing,
            });
        }
        if amount.is_zero() {
            return Err(ContractError::ZeroTopUp);
        }
        admitted_and_active(deps.querier, &config.registry, &provider)?;
        record.bond = record.bond.checked_add(amount)?;
        PROVIDERS.save(deps.storage, &provider, &record)?;
        return Ok(Response::new()
            .add_attribute("action", "top_up")
            .add_attribute("provider", provider)
            .add_attribute("added", amount)
            .add_attribute("bond", record.bond));
    }
    if amount < config.provider_bond {
        return Err(ContractError::BondTooLow {
            minimum: config.provider_bond,
            sent: amount,
        });
    }
    admitted_and_active(deps.querier, &config.registry, &provider)?;
    PROVIDERS.save(
        deps.storage,
        &provider,
        &Provider {
            bond: amount,
            pending: 0,
            standing: Standing::Active,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "join")
        .add_attribute("provider", provider)
        .add_attribute("bond", amount))
}

/// Refuses `provider` unless the registry answers it admitted and active.
fn admitted_and_active(
    querier: QuerierWrapper,
    registry: &Addr,
    provider: &Addr,
) -> Result<(), ContractError> {
    let status = partner_status(querier, registry, provider)?;
    if !status.admitted {
        return Err(ContractError::NotAPartner {
            address: provider.to_string(),
        });
    }
    if !status.active {
        return Err(ContractError::PartnerNotActive {
            address: provider.to_string(),
        });
    }
    Ok(())
}

pub fn leave(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    let provider = load_provider(deps.storage, &info.sender)?;
    // An unrevealed commitment may still cost a stake: the deposit stays until every one is
    // settled.
    if provider.pending > 0 {
        return Err(ContractError::PendingCommitments {
            pending: provider.pending,
        });
    }
    PROVIDERS.remove(deps.storage, &info.sender);
    let mut response = Response::new()
        .add_attribute("action", "leave")
        .add_attribute("provider", info.sender.as_str())
        .add_attribute("returned", provider.bond);
    // What forfeits left of the deposit; nothing only if they took all of it.
    if !provider.bond.is_zero() {
        let token = CONFIG.load(deps.storage)?.token;
        response = response.add_message(WasmMsg::Execute {
            contract_addr: token.into_string(),
            msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
                recipient: info.sender.into_string(),
                amount: provider.bond,
            })?,
            funds: vec![],
        });
    }
    Ok(response)
}

pub fn remove(deps: DepsMut, provider: String) -> Result<Response, ContractError> {
    let provider = address(deps.api, "provider", &provider)?;
    let mut record = load_provider(deps.storage, &provider)?;
    if record.standing != Standing::Active {
        return Err(ContractError::NotInGoodStanding {
            address: provider.into_string(),
            standing: record.standing,
        });
    }
    let registry = CONFIG.load(deps.storage)?.registry;
    let status = partner_status(deps.querier, &registry, &provider)?;
    if status.admitted && status.active {
        return Err(ContractError::StillAnActivePartner {
            address: provider.into_string(),
        });
    }
    record.standing = Standing::Removed;
    PROVIDERS.save(deps.storage, &provider, &record)?;
    Ok(Response::new()
        .add_attribute("action", "remove")
        .add_attribute("provider", provider)
        .add_attribute("pending", record.pending.to_string()))
}

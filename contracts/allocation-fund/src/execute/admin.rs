use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::execute::{book, entry, token_balance};
use crate::state::{Kind, CONFIG, TOTALS};

/// The note of the receipt that books what the fund held when its token was set.
pub const GENESIS_NOTE: &str = "genesis";

pub fn set_token(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let token = address(deps.api, "token", &token)?;
    let mut config = CONFIG.load(deps.storage)?;
    if config.token.is_some() {
        return Err(ContractError::TokenAlreadySet);
    }
    // The token credited its genesis buckets when it was instantiated, before this contract
    // could be told about it: that allocation is the fund's first receipt.
    let genesis = token_balance(&deps.querier, &token, &env)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.received = totals.received.checked_add(genesis)?;
    config.token = Some(token.clone());
    CONFIG.save(deps.storage, &config)?;
    let mut response = Response::new()
        .add_attribute("action", "set_token")
        .add_attribute("token", token)
        .add_attribute("amount", genesis);
    if !genesis.is_zero() {
        let mut receipt = entry(Kind::Receipt, genesis, &env);
        receipt.note = Some(GENESIS_NOTE.to_owned());
        let id = book(deps.storage, totals, &receipt)?;
        response = response.add_attribute("entry_id", id.to_string());
    }
    Ok(response)
}

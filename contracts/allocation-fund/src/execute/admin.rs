use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::address;
use ctc_conventions::{
    verify_platform_token, verify_platform_token_at_instantiate, ConventionError,
};
use ctc_interfaces::token::{AllocationResponse, CtcQueryMsg, TokenomicsResponse};

use crate::error::ContractError;
use crate::execute::{book, entry};
use crate::state::{Kind, CONFIG, TOTALS};
use ctc_conventions::balance_of;

/// The note of the receipt that books what the fund held when its token was set.
pub const GENESIS_NOTE: &str = "genesis";

/// `token` as the address of the CTC token this fund belongs to: `verify_platform_token`
/// accepts it as the platform's CTC (named ctc-token by cw2 and created by this fund's creator,
/// `NotCtcToken` or `TokenOfAnotherCreator` otherwise), and its genesis allocation names this
/// contract for a bucket or its tokenomics name it as the recycle pool. Without that check anyone
/// could set any cw20 (or a contract that answers a balance), or a ctc-token of their own naming
/// this fund, and leave the fund's ledger counting the wrong coin for good. At most five
/// queries, paid once.
pub fn verified_token(deps: Deps, env: &Env, token: &str) -> Result<Addr, ContractError> {
    let token = address(deps.api, "token", token)?;
    let allocation = verify_platform_token(&deps.querier, &env.contract.address, &token)?;
    names_this_fund(deps, env, &token, &allocation)?;
    Ok(token)
}

/// [`verified_token`] for a token given to `instantiate`, where this fund's own contract info is
/// not stored yet: the token's creator is compared with the instantiate's sender, the creator
/// the chain records.
pub fn verified_token_at_instantiate(
    deps: Deps,
    env: &Env,
    info: &MessageInfo,
    token: &str,
) -> Result<Addr, ContractError> {
    let token = address(deps.api, "token", token)?;
    let allocation = verify_platform_token_at_instantiate(&deps.querier, info, &token)?;
    names_this_fund(deps, env, &token, &allocation)?;
    Ok(token)
}

/// Refuses a verified CTC whose genesis buckets and recycle pool are all other addresses
/// (`NotThisTokensFund`).
fn names_this_fund(
    deps: Deps,
    env: &Env,
    token: &Addr,
    allocation: &AllocationResponse,
) -> Result<(), ContractError> {
    if allocation
        .buckets
        .iter()
        .any(|bucket| bucket.address == env.contract.address)
    {
        return Ok(());
    }
    // The community pool may be the token's recycle pool without being a bucket of its own.
    let tokenomics: TokenomicsResponse = deps
        .querier
        .query_wasm_smart(token, &CtcQueryMsg::Tokenomics {})
        .map_err(|_| ConventionError::NotCtcToken {
            address: token.to_string(),
        })?;
    if tokenomics.recycle_pool == env.contract.address {
        return Ok(());
    }
    Err(ContractError::NotThisTokensFund {
        address: token.to_string(),
    })
}

/// Anyone may set the token: what it may be is fixed by the check, not by who sends it, so the
/// fund needs no committee proposal to start booking its genesis allocation. Sending it first
/// gains nothing: only a token created by this fund's own creator passes.
pub fn set_token(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token: String,
) -> Result<Response, ContractError> {
    let mut config = CONFIG.load(deps.storage)?;
    if config.token.is_some() {
        return Err(ContractError::TokenAlreadySet);
    }
    let token = verified_token(deps.as_ref(), &env, &token)?;
    // The token credited its genesis buckets when it was instantiated, before this contract
    // could be told about it: that allocation is the fund's first receipt.
    let genesis = balance_of(&deps.querier, &token, &env.contract.address)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.received = totals.received.checked_add(genesis)?;
    config.token = Some(token.clone());
    CONFIG.save(deps.storage, &config)?;
    let mut response = Response::new()
        .add_attribute("action", "set_token")
        .add_attribute("token", token)
        .add_attribute("sender", info.sender)
        .add_attribute("amount", genesis);
    if !genesis.is_zero() {
        let mut receipt = entry(Kind::Receipt, genesis, &env);
        receipt.note = Some(GENESIS_NOTE.to_owned());
        let id = book(deps.storage, totals, &receipt)?;
        response = response.add_attribute("entry_id", id.to_string());
    }
    Ok(response)
}

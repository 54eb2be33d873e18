//! The execute handlers, and the bookkeeping they share.

pub mod admin;
pub mod ledger;
pub mod rounds;

use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Env, OverflowError, OverflowOperation, StdResult, Storage,
    Uint128, WasmMsg,
};
use cw20::Cw20ExecuteMsg;

use crate::error::ContractError;
use crate::state::{Config, Entry, Kind, Totals, ENTRIES, TOTALS};

/// The configured token, or `TokenNotSet`: nothing moves before it is known.
pub fn token(config: &Config) -> Result<&Addr, ContractError> {
    config.token.as_ref().ok_or(ContractError::TokenNotSet)
}

/// What the owner may still disburse or reserve: received − paid_out − reserved.
pub fn available(totals: &Totals) -> StdResult<Uint128> {
    Ok(totals
        .received
        .checked_sub(totals.paid_out)?
        .checked_sub(totals.reserved)?)
}

/// The id after `last`. Checked, as every amount is: an id that wrapped would overwrite the
/// first entry or round.
pub fn next_id(last: u64) -> Result<u64, OverflowError> {
    last.checked_add(1)
        .ok_or(OverflowError::new(OverflowOperation::Add))
}

/// A ledger entry of `kind` for `amount` at the block time, the rest left empty.
pub fn entry(kind: Kind, amount: Uint128, env: &Env) -> Entry {
    Entry {
        kind,
        amount,
        at: env.block.time.seconds(),
        party: None,
        round_id: None,
        note: None,
        digest: None,
    }
}

/// Appends `entry` under the next id and saves `totals` with it: the last writes of a booking,
/// made once every check has passed. Answers the entry's id.
pub fn book(storage: &mut dyn Storage, mut totals: Totals, entry: &Entry) -> StdResult<u64> {
    totals.entries = next_id(totals.entries)?;
    ENTRIES.save(storage, totals.entries, entry)?;
    TOTALS.save(storage, &totals)?;
    Ok(totals.entries)
}

/// A cw20 `Transfer` of `amount` CTC to `recipient`.
pub fn transfer(token: &Addr, recipient: &Addr, amount: Uint128) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
            recipient: recipient.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

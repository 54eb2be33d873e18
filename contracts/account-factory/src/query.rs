//! The query handlers. `accounts` and `accounts_of` are paged: a page holds at most
//! `MAX_PAGE_LIMIT` accounts.

use cosmwasm_std::{Addr, Deps, Order};
use ctc_conventions::paging::page;
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::msg::{AccountResponse, AccountsResponse, ConfigResponse};
use crate::state::{AccountRecord, ACCOUNTS, BY_OPERATOR, CONFIG};

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        account_code_id: config.account_code_id,
        ctc_token: config.ctc_token,
        registry: config.registry,
        account_admin: config.account_admin,
        bounds: config.bounds,
    })
}

fn account_response(address: Addr, record: AccountRecord) -> AccountResponse {
    AccountResponse {
        address,
        operator: record.operator,
        created_by: record.created_by,
        created_at: record.created_at,
        code_id: record.code_id,
    }
}

/// `None` for an address this factory did not create: the answer to "is this a genuine
/// account" is a plain no, not an error.
pub fn account(deps: Deps, account: String) -> Result<Option<AccountResponse>, ContractError> {
    let account = address(deps.api, "address", &account)?;
    let record = ACCOUNTS.may_load(deps.storage, &account)?;
    Ok(record.map(|record| account_response(account, record)))
}

/// The address a page starts after.
fn cursor(deps: Deps, start_after: Option<String>) -> Result<Option<Addr>, ContractError> {
    Ok(start_after
        .map(|after| address(deps.api, "start_after", &after))
        .transpose()?)
}

pub fn accounts_of(
    deps: Deps,
    operator: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<AccountsResponse, ContractError> {
    let operator = address(deps.api, "operator", &operator)?;
    let start_after = cursor(deps, start_after)?;
    let keys = BY_OPERATOR.prefix(&operator).keys(
        deps.storage,
        start_after.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let accounts = page(keys, limit, |account| {
        let record = ACCOUNTS.load(deps.storage, &account)?;
        Ok(account_response(account, record))
    })?;
    Ok(AccountsResponse { accounts })
}

pub fn accounts(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<AccountsResponse, ContractError> {
    let start_after = cursor(deps, start_after)?;
    let entries = ACCOUNTS.range(
        deps.storage,
        start_after.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let accounts = page(entries, limit, |(account, record)| {
        Ok(account_response(account, record))
    })?;
    Ok(AccountsResponse { accounts })
}

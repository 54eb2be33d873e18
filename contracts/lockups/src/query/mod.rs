//! The query handlers. `grants` is paged: a page reads at most `MAX_PAGE_LIMIT` grants.

use cosmwasm_std::{Deps, Env, Order, Timestamp};
use ctc_conventions::paging::page;
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::load_grant;
use crate::msg::{ConfigResponse, GrantResponse, GrantsResponse, TotalsResponse, VestedResponse};
use crate::state::{Grant, BENEFICIARY_GRANTS, CONFIG, GRANTS, TOKEN, TOTALS};

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    Ok(ConfigResponse {
        token: TOKEN.may_load(deps.storage)?,
        locked_until: CONFIG.load(deps.storage)?.locked_until,
    })
}

fn grant_response(env: &Env, id: u64, grant: Grant) -> Result<GrantResponse, ContractError> {
    let vested_now = grant.vested(env.block.time)?;
    Ok(GrantResponse {
        id,
        claimable_now: vested_now.saturating_sub(grant.claimed),
        vested_now,
        beneficiary: grant.beneficiary,
        amount: grant.amount,
        schedule: grant.schedule,
        revocable: grant.revocable,
        claimed: grant.claimed,
        revoked_at: grant.revoked_at,
    })
}

pub fn grant(deps: Deps, env: &Env, grant_id: u64) -> Result<GrantResponse, ContractError> {
    let grant = load_grant(deps.storage, grant_id)?;
    grant_response(env, grant_id, grant)
}

pub fn grants(
    deps: Deps,
    env: &Env,
    beneficiary: Option<String>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<GrantsResponse, ContractError> {
    let min = start_after.map(Bound::exclusive);
    // The page is read first and the vesting computed after, so that its checked arithmetic
    // answers this contract's error rather than a storage error.
    let entries = match beneficiary {
        Some(beneficiary) => {
            let beneficiary = address(deps.api, "beneficiary", &beneficiary)?;
            let ids = BENEFICIARY_GRANTS.prefix(&beneficiary).keys(
                deps.storage,
                min,
                None,
                Order::Ascending,
            );
            page(ids, limit, |id| Ok((id, GRANTS.load(deps.storage, id)?)))?
        }
        None => {
            let entries = GRANTS.range(deps.storage, min, None, Order::Ascending);
            page(entries, limit, Ok)?
        }
    };
    let grants = entries
        .into_iter()
        .map(|(id, grant)| grant_response(env, id, grant))
        .collect::<Result<_, _>>()?;
    Ok(GrantsResponse { grants })
}

pub fn vested(
    deps: Deps,
    env: &Env,
    grant_id: u64,
    at: Option<Timestamp>,
) -> Result<VestedResponse, ContractError> {
    let grant = load_grant(deps.storage, grant_id)?;
    let at = at.unwrap_or(env.block.time);
    Ok(VestedResponse {
        grant_id,
        at,
        vested: grant.vested(at)?,
    })
}

pub fn totals(deps: Deps) -> Result<TotalsResponse, ContractError> {
    let totals = TOTALS.load(deps.storage)?;
    Ok(TotalsResponse {
        booked_balance: totals.booked,
        unallocated: totals.unallocated,
        granted_outstanding: totals.outstanding,
        claimed_total: totals.claimed,
        grants: totals.grants,
    })
}

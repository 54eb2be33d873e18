use cosmwasm_std::{Addr, Deps, StdResult, Uint128};
use ctc_interfaces::token::{
    AllocationBucket, AllocationResponse, BucketAllocation, TokenomicsResponse, CTC_ISSUANCE,
    CTC_SUPPLY_FLOOR,
};
use cw20_base::state::{BALANCES, TOKEN_INFO};

use crate::state::{GENESIS_ADDRESSES, RECYCLING};

pub fn tokenomics(deps: Deps) -> StdResult<TokenomicsResponse> {
    let total_supply = TOKEN_INFO.load(deps.storage)?.total_supply;
    let recycling = RECYCLING.load(deps.storage)?;
    let addresses = GENESIS_ADDRESSES.load(deps.storage)?;
    // An address named for two buckets (or a bucket that is also the recycle pool) is counted
    // once, under the first: locked before undistributed.
    let holders = AllocationBucket::ALL
        .into_iter()
        .zip(&addresses)
        .map(|(bucket, address)| (address, bucket.is_locked()))
        .chain([(&recycling.pool, false)]);
    let mut counted: Vec<&Addr> = Vec::with_capacity(addresses.len() + 1);
    let (mut locked, mut undistributed) = (Uint128::zero(), Uint128::zero());
    for (address, is_locked) in holders {
        if counted.contains(&address) {
            continue;
        }
        counted.push(address);
        let held = BALANCES
            .may_load(deps.storage, address)?
            .unwrap_or_default();
        let sum = if is_locked {
            &mut locked
        } else {
            &mut undistributed
        };
        *sum = sum.checked_add(held)?;
    }
    let circulating = total_supply
        .checked_sub(locked)?
        .checked_sub(undistributed)?;
    Ok(TokenomicsResponse {
        issuance: CTC_ISSUANCE,
        total_supply,
        burned: CTC_ISSUANCE.checked_sub(total_supply)?,
        floor: CTC_SUPPLY_FLOOR,
        burnable: total_supply.saturating_sub(CTC_SUPPLY_FLOOR),
        recycled: recycling.recycled,
        recycle_pool: recycling.pool.clone(),
        locked,
        undistributed,
        circulating,
    })
}

pub fn allocation(deps: Deps) -> StdResult<AllocationResponse> {
    let addresses = GENESIS_ADDRESSES.load(deps.storage)?;
    let buckets = AllocationBucket::ALL
        .into_iter()
        .zip(addresses)
        .map(|(bucket, address)| BucketAllocation {
            bucket,
            address,
            share: bucket.share(),
            amount: bucket.amount(),
        })
        .collect();
    Ok(AllocationResponse { buckets })
}

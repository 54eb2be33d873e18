use cosmwasm_std::{Deps, StdResult};
use ctc_interfaces::token::{
    AllocationBucket, AllocationResponse, BucketAllocation, TokenomicsResponse, CTC_ISSUANCE,
    CTC_SUPPLY_FLOOR,
};
use cw20_base::state::TOKEN_INFO;

use crate::state::{GENESIS_ADDRESSES, RECYCLING};

pub fn tokenomics(deps: Deps) -> StdResult<TokenomicsResponse> {
    let total_supply = TOKEN_INFO.load(deps.storage)?.total_supply;
    let recycling = RECYCLING.load(deps.storage)?;
    Ok(TokenomicsResponse {
        issuance: CTC_ISSUANCE,
        total_supply,
        burned: CTC_ISSUANCE.checked_sub(total_supply)?,
        floor: CTC_SUPPLY_FLOOR,
        burnable: total_supply.saturating_sub(CTC_SUPPLY_FLOOR),
        recycled: recycling.recycled,
        recycle_pool: recycling.pool,
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

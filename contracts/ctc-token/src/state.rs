//! Storage of the CTC extension. Balances, allowances, token info and marketing are cw20-base's own
//! items (`cw20_base::state`), so cw20 behaviour and its storage layout stay exactly cw20-base's.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::Item;

/// Genesis bucket addresses, in the order of `ctc_interfaces::token::AllocationBucket::ALL`.
pub const GENESIS_ADDRESSES: Item<Vec<Addr>> = Item::new("genesis");

/// Read and written together by every `BurnOrRecycle` (or `Disburse` burn part) that recycles, so
/// they share one entry.
pub const RECYCLING: Item<Recycling> = Item::new("recycling");

#[cw_serde]
pub struct Recycling {
    pub pool: Addr,
    pub recycled: Uint128,
}

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::BasisPoints;

use crate::msg::TipRecord;

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub fee: BasisPoints,
    pub min_ctc_tip: Uint128,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// Native denom → smallest tip.
pub const NATIVE_DENOMS: Map<&str, Uint128> = Map::new("denoms");
/// Context kinds whose tips need a verified recipient.
pub const VERIFIED_KINDS: Map<&str, Empty> = Map::new("verified_kinds");

#[cw_serde]
#[derive(Default)]
pub struct Totals {
    pub total: Uint128,
    pub count: u64,
}

pub const RECIPIENT_TOTALS: Map<(&Addr, &str), Totals> = Map::new("recipient_totals");
pub const TIPPER_TOTALS: Map<(&Addr, &str), Totals> = Map::new("tipper_totals");
pub const CONTEXT_TOTALS: Map<(&str, &str), Totals> = Map::new("context_totals");

/// Tips kept per recipient, newest overwriting oldest.
pub const RECENT_SIZE: u64 = 20;
/// Tips a recipient has received so far: the next goes to slot `received % RECENT_SIZE`.
pub const RECEIVED: Map<&Addr, u64> = Map::new("received");
pub const RECENT: Map<(&Addr, u64), TipRecord> = Map::new("recent");

/// Leaderboard length per denom.
pub const TOP_K: usize = 10;
/// Denom → the `TOP_K` highest totals, highest first. Totals only grow, so keeping the list up to
/// date tip by tip keeps it exact.
pub const TOP: Map<&str, Vec<(Addr, Uint128)>> = Map::new("top");

pub fn ctc_denom(token: &Addr) -> String {
    format!("cw20:{token}")
}

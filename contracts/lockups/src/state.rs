use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::error::ContractError;
use crate::msg::Schedule;

/// What instantiate fixes for good: no message writes it afterwards.
#[cw_serde]
pub struct Config {
    /// Nothing vests before this time, whatever a grant's schedule: the lock-up's floor.
    pub locked_until: Timestamp,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The CTC token, absent until `set_token` (or given at instantiate).
pub const TOKEN: Item<Addr> = Item::new("token");

/// The books, in one entry: every message that moves an amount reads and writes them once.
/// `booked == unallocated + outstanding` after every message.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    pub booked: Uint128,
    pub unallocated: Uint128,
    pub outstanding: Uint128,
    pub claimed: Uint128,
    /// The last grant id handed out; the first is 1.
    pub grants: u64,
}

pub const TOTALS: Item<Totals> = Item::new("totals");

#[cw_serde]
pub struct Grant {
    pub beneficiary: Addr,
    pub amount: Uint128,
    pub schedule: Schedule,
    pub revocable: bool,
    pub claimed: Uint128,
    /// Vesting stops here. What vested by then follows from the schedule, so the frozen amount
    /// needs no field of its own.
    pub revoked_at: Option<Timestamp>,
}

pub const GRANTS: Map<u64, Grant> = Map::new("grants");
/// (beneficiary, grant id): a beneficiary's grants, for `grants { beneficiary }`.
pub const BENEFICIARY_GRANTS: Map<(&Addr, u64), Empty> = Map::new("grantees");

impl Grant {
    /// Vested at `t`: the schedule's share, frozen at the revocation if there was one.
    pub fn vested(&self, t: Timestamp) -> Result<Uint128, ContractError> {
        let t = self.revoked_at.map_or(t, |revoked_at| t.min(revoked_at));
        self.schedule.vested(self.amount, t)
    }
}

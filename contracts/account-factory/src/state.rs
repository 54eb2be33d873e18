use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp};
use cw_storage_plus::{Item, Map};

use crate::msg::RecoveryBounds;

#[cw_serde]
pub struct Config {
    pub account_code_id: u64,
    pub ctc_token: Addr,
    pub registry: Addr,
    pub account_admin: Addr,
    pub bounds: RecoveryBounds,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// What the factory knows of an account it created.
#[cw_serde]
pub struct AccountRecord {
    /// The operator now: set at creation, moved by each `operator_changed` from the account.
    pub operator: Addr,
    pub created_by: Addr,
    pub created_at: Timestamp,
    pub code_id: u64,
}

/// Every account the factory created, by address: what `operator_changed` is accepted from.
pub const ACCOUNTS: Map<&Addr, AccountRecord> = Map::new("accounts");

/// (operator, account): the accounts each operator operates now, so a fan's wallet finds its
/// account, after a recovery too. One entry per account, under its record's operator.
pub const BY_OPERATOR: Map<(&Addr, &Addr), ()> = Map::new("by_operator");

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::BasisPoints;
use cw_storage_plus::{Item, Map};

use crate::msg::{ClassRecord, OnExpiry, TransferRule, VoucherKind, VoucherStatus};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub min_holder_identity: IdentityLevel,
    pub name: String,
    pub symbol: String,
    /// The one contract whose `UseForTickets` is obeyed; set once by the owner.
    pub ticket_nft: Option<Addr>,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The last class id handed out; the first is 1.
pub const CLASS_COUNT: Item<u64> = Item::new("class_count");

/// The terms every message on a class reads. Names and texts live apart in `CLASS_META`.
#[cw_serde]
pub struct Class {
    pub issuer: Addr,
    pub kind: VoucherKind,
    pub fungible: bool,
    pub cap: u64,
    pub price: Uint128,
    pub per_holder_limit: Option<u64>,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    pub valid_from: Timestamp,
    pub valid_until: Timestamp,
    pub transfer: TransferRule,
    pub min_identity: IdentityLevel,
    pub accepted_attesters: Vec<Addr>,
    pub on_expiry: OnExpiry,
    /// Fixed at creation from the configuration.
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub paused: bool,
    pub frozen: bool,
    /// The number of supervision records, and the id of the next one.
    pub records: u32,
}

pub const CLASSES: Map<u64, Class> = Map::new("classes");

#[cw_serde]
pub struct ClassMeta {
    pub name: String,
    pub product: String,
    pub uri: Option<String>,
}

/// Read by queries only, never on a hot path.
pub const CLASS_META: Map<u64, ClassMeta> = Map::new("class_meta");

/// In units: outstanding = issued − redeemed − cleared is what the contract holds the price of.
/// Coupons spent on tickets count as redeemed.
#[cw_serde]
#[derive(Default)]
pub struct Supply {
    pub issued: u64,
    pub redeemed: u64,
    pub cleared: u64,
    /// Vouchers numbered so far (issues and splits): the next serial.
    pub tokens: u32,
}

impl Supply {
    pub fn outstanding(&self) -> u64 {
        self.issued - self.redeemed - self.cleared
    }
}

pub const SUPPLY: Map<u64, Supply> = Map::new("supply");

#[cw_serde]
pub struct Voucher {
    pub owner: Addr,
    /// Left to redeem or spend; zero once settled.
    pub units: u64,
    pub status: VoucherStatus,
    /// Gifts and sales so far (a split-off voucher inherits its parent's, plus one), bounded by
    /// the class's `max_moves`.
    pub moves: u32,
    /// The asking price while listed for resale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed: Option<Uint128>,
}

/// (class id, serial): token id `"{class}-{serial}"`, serials from 0 in issue order.
pub const VOUCHERS: Map<(u64, u32), Voucher> = Map::new("vouchers");
/// (owner, token id): cw721 `tokens`, every status.
pub const OWNED: Map<(&Addr, &str), Empty> = Map::new("owned");
/// (class id, wallet) → units the wallet ever acquired in the class: the per-holder limit.
pub const ACQUIRED: Map<(u64, &Addr), u64> = Map::new("acquired");
/// (merchant, scanner).
pub const SCANNERS: Map<(&Addr, &Addr), Empty> = Map::new("scanners");

/// What a merchant earned and not yet withdrew, already split: its payout, the platform fee and
/// the burn share.
#[cw_serde]
#[derive(Default)]
pub struct Earned {
    pub payout: Uint128,
    pub fee: Uint128,
    pub burn: Uint128,
}

impl Earned {
    pub fn total(&self) -> Uint128 {
        self.payout + self.fee + self.burn
    }
}

pub const EARNED: Map<&Addr, Earned> = Map::new("earned");
/// (pass class id, serial, event id) → tickets the pass bought for the event, when its class
/// bounds them: counted on the pass, so handing it on does not renew them.
pub const PASS_USES: Map<(u64, u32, u64), u32> = Map::new("pass_uses");
/// (class id, record id).
pub const CLASS_RECORDS: Map<(u64, u32), ClassRecord> = Map::new("class_records");

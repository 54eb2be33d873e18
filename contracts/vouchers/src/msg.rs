use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};

use crate::state::{Class, ClassMeta};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::proof::HolderProof;
pub use ctc_interfaces::registry::{IdentityLevel, RegistryUpdate};
pub use ctc_interfaces::supervision::SupervisionRecord as Record;
pub use ctc_interfaces::vouchers::{TicketUse, VoucherReceiveMsg};
pub use ctc_interfaces::BasisPoints;

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC token: the only cw20 whose `Send` is accepted.
    pub token: String,
    pub registry: String,
    /// Receives the platform fee of what merchants earn.
    pub treasury: String,
    /// Fixed into each class at creation, as ticket-nft fixes them into each event.
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    /// The least identity level any class may ask of its holders; real name when absent (络谱
    /// §3.4.1: no anonymous holder or receiver of vouchers).
    pub min_holder_identity: Option<IdentityLevel>,
    /// cw721 collection name and symbol.
    pub name: String,
    pub symbol: String,
    pub owner: Option<String>,
}

/// A discount: a share of the price, or a fixed amount of micro-CTC off.
#[cw_serde]
pub enum Off {
    Percent(BasisPoints),
    Fixed(Uint128),
}

/// What a coupon takes its discount off.
#[cw_serde]
pub enum CouponTarget {
    /// The merchant's own goods or services, at its counter: redeemed by scan.
    Goods,
    /// Tickets of the issuer's events (all of them when `events` is empty): named in the ticket
    /// purchase itself and spent one unit per ticket, never scanned.
    Tickets { events: Vec<u64> },
}

#[cw_serde]
pub enum VoucherKind {
    Coupon {
        off: Off,
        on: CouponTarget,
    },
    /// A goods or service voucher: the merchant delivers what `product` names.
    Goods,
    /// A membership pass: member prices on the issuer's events, and the member-only tiers that
    /// name the class (whoever issues the event). Shown, never spent: `tickets_per_event` bounds
    /// how many tickets of one event it buys.
    Pass {
        member_off: Option<Off>,
        tickets_per_event: Option<u32>,
    },
}

/// Who a voucher may move to after it is issued.
#[cw_serde]
pub enum TransferRule {
    None,
    /// Given away, at most `max_moves` times per voucher, to a receiver who meets the class's
    /// identity level and per-holder limit.
    Gift {
        max_moves: u32,
    },
    /// Given away as under `Gift`, or listed and sold whole for at most `max_unit_price` per unit:
    /// the cap on a secondary market (络谱 §4.3.1). The seller is paid at once; the price the
    /// voucher was issued at stays in escrow with it.
    Resale {
        max_moves: u32,
        max_unit_price: Uint128,
    },
}

impl TransferRule {
    pub fn max_moves(&self) -> Option<u32> {
        match self {
            TransferRule::None => None,
            TransferRule::Gift { max_moves } | TransferRule::Resale { max_moves, .. } => {
                Some(*max_moves)
            }
        }
    }
}

/// What becomes of an unredeemed priced voucher once its validity ends.
#[cw_serde]
#[derive(Copy)]
pub enum OnExpiry {
    /// Its price goes back to whoever holds it.
    RefundHolder,
    /// Its price is the merchant's (a prepaid service the holder did not use), fees and burn
    /// taken as on a redemption.
    PayMerchant,
}

#[cw_serde]
pub struct ClassInput {
    pub name: String,
    /// The product or service the voucher stands for.
    pub product: String,
    pub uri: Option<String>,
    pub kind: VoucherKind,
    /// Splittable amounts (络谱 §3.4.3 可拆分): a claim or purchase of n units is one voucher
    /// holding n, which its holder may split to give part away and which is redeemed in parts.
    /// Otherwise each unit is a voucher of its own. Passes are never fungible.
    pub fungible: bool,
    /// How many units may ever be issued; drawn from the issuer's `issue_vouchers` quota.
    pub cap: u64,
    /// Per unit, in micro-CTC; zero for a class claimed free.
    pub price: Uint128,
    /// The most units of the class one wallet may ever acquire (claimed, bought, given).
    pub per_holder_limit: Option<u64>,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    pub valid_from: Timestamp,
    pub valid_until: Timestamp,
    pub transfer: TransferRule,
    /// The least identity level of a holder; the platform's minimum when absent.
    pub min_identity: Option<IdentityLevel>,
    /// Whose attestations count ("accounts the issuer recognises"); any attester when empty.
    pub accepted_attesters: Vec<String>,
    pub on_expiry: OnExpiry,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// From the registry only: keeps this contract's copy of partners and attestations.
    RegistryUpdate(RegistryUpdate),
    /// A partner with `issue_vouchers` registers a class; its cap is drawn from the quota.
    CreateClass {
        class: ClassInput,
    },
    /// The issuer lists or delists the class (上下架): a paused class sells and hands out nothing.
    SetSalePaused {
        class_id: u64,
        paused: bool,
    },
    /// A partner names (or removes) one of its counter scanners, for all its classes.
    SetScanner {
        address: String,
        allowed: bool,
    },
    /// Free classes: the sender claims `quantity` units.
    Claim {
        class_id: u64,
        quantity: u32,
    },
    /// CTC `Send` hooks (`VoucherReceiveMsg`), from the configured token only.
    Receive(Cw20ReceiveMsg),
    /// cw721: the holder gives the voucher away whole, as its class's transfer rule allows.
    TransferNft {
        recipient: String,
        token_id: String,
    },
    /// Fungible classes: the holder gives `units` of the voucher away as a new voucher, keeping
    /// the rest (fewer than it holds; `transfer_nft` moves it whole).
    TransferUnits {
        token_id: String,
        recipient: String,
        units: u64,
    },
    /// Resale classes: the holder offers the voucher whole for `price`, at most the class's
    /// `max_unit_price` per unit. Bought with `VoucherReceiveMsg::BuyListed`.
    List {
        token_id: String,
        price: Uint128,
    },
    Unlist {
        token_id: String,
    },
    /// A scanner of the class's issuer redeems `units` of the voucher with the holder's signed
    /// code (`ctc_interfaces::proof::redeem_text` of the token, the units and the units it holds
    /// now, so each code is spent by its redemption).
    Redeem {
        token_id: String,
        units: u64,
        proof: HolderProof,
    },
    /// From the ticket-nft set with `SetTicketNft` only: a ticket purchase that names a voucher.
    UseForTickets(TicketUse),
    /// The owner names the ticket-nft whose purchases may use vouchers, once.
    SetTicketNft {
        address: String,
    },
    /// Anyone, once the voucher's validity ended (or its issuer was revoked): settles this one
    /// voucher by its class's `on_expiry` terms.
    Clear {
        token_id: String,
    },
    /// Anyone: pays a merchant what it earned, its platform fee and burn share in one `Disburse`.
    Withdraw {
        merchant: String,
    },
    /// A supervisor lowers a class's cap, never below what is issued.
    LowerCap {
        class_id: u64,
        cap: u64,
        reason: String,
        digest: String,
    },
    /// A supervisor freezes (or unfreezes) everything a class's vouchers can do.
    FreezeClass {
        class_id: u64,
        frozen: bool,
        reason: String,
        digest: String,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(crate::state::Config)]
    Config {},
    #[returns(ClassResponse)]
    Class { class_id: u64 },
    /// In class id order.
    #[returns(ClassesResponse)]
    Classes {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(VoucherResponse)]
    Voucher { token_id: String },
    #[returns(crate::state::Earned)]
    Earned { merchant: String },
    #[returns(Vec<ClassRecord>)]
    SupervisionRecords {
        class_id: u64,
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    /// Tickets of `event_id` the pass has bought, where its class bounds them.
    #[returns(u32)]
    PassUses { token_id: String, event_id: u64 },
    // cw721 0.22, read side: every voucher is a token (units in the extension); no approvals.
    /// The holder's vouchers (every status), in token id order.
    #[returns(cw721::msg::TokensResponse)]
    Tokens {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(cw721::msg::OwnerOfResponse)]
    OwnerOf {
        token_id: String,
        include_expired: Option<bool>,
    },
    /// The class's uri and the voucher's answer as the extension.
    #[returns(cw721::msg::NftInfoResponse<VoucherResponse>)]
    NftInfo { token_id: String },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
#[derive(Copy)]
pub enum VoucherStatus {
    Valid,
    Redeemed,
    Cleared,
}

#[cw_serde]
pub enum ClassAction {
    CapLowered { from: u64, to: u64 },
    Frozen,
    Unfrozen,
}

pub type ClassRecord = Record<ClassAction>;

#[cw_serde]
pub struct SupplyResponse {
    /// Units; `tokens` is the vouchers they were issued and split into.
    pub issued: u64,
    pub tokens: u32,
    pub redeemed: u64,
    pub cleared: u64,
    pub outstanding: u64,
}

/// A class's terms as stored, its texts, its supply and the CTC held for it.
#[cw_serde]
pub struct ClassResponse {
    pub class_id: u64,
    pub terms: Class,
    pub meta: ClassMeta,
    pub supply: SupplyResponse,
    /// The CTC held for the class's outstanding vouchers: price × outstanding.
    pub escrow: Uint128,
}

#[cw_serde]
pub struct ClassesResponse {
    pub classes: Vec<ClassResponse>,
}

#[cw_serde]
pub struct VoucherResponse {
    pub token_id: String,
    pub class_id: u64,
    pub owner: Addr,
    pub status: VoucherStatus,
    pub moves: u32,
    pub valid_from: Timestamp,
    pub valid_until: Timestamp,
    /// Units left to redeem or spend; zero once redeemed in full or cleared.
    pub units: u64,
    /// What the voucher is worth in escrow now: the class price times `units`.
    pub value: Uint128,
    /// Its asking price while listed for resale.
    pub listed: Option<Uint128>,
}

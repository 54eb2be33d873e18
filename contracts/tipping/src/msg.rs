use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use ctc_interfaces::BasisPoints;

pub use ctc_interfaces::tipping::TippingReceiveMsg as ReceiveMsg;

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: the only cw20 accepted.
    pub token: String,
    pub registry: String,
    /// Receives the service fee.
    pub treasury: String,
    /// Service fee, at most 1000 (10%).
    pub fee: BasisPoints,
    /// The smallest CTC tip.
    pub min_ctc_tip: Uint128,
    /// Native denoms accepted at start, with their smallest tip.
    pub native_denoms: Vec<DenomMinimum>,
    /// The owner, who sets fees, denoms and verification rules; the sender when omitted.
    pub owner: Option<String>,
}

#[cw_serde]
pub struct DenomMinimum {
    pub denom: String,
    pub min_tip: Uint128,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hook: `Tip`.
    Receive(Cw20ReceiveMsg),
    /// Tips exactly one coin of an accepted native denom.
    TipNative {
        recipient: String,
        memo: Option<String>,
        context: Option<String>,
    },
    /// Tips `amount` CTC from the sender's own balance, under the allowance the sender granted
    /// this contract (cw20 `IncreaseAllowance`): the same tip as a CTC `Send` with the `tip` hook,
    /// in two calls (this one and the token's `disburse_from`) instead of three. There is no
    /// owner to name: the tip is always taken from the sender. No coins.
    Tip {
        recipient: String,
        amount: Uint128,
        memo: Option<String>,
        context: Option<String>,
    },
    /// Owner.
    UpdateConfig {
        treasury: Option<String>,
        fee: Option<BasisPoints>,
        min_ctc_tip: Option<Uint128>,
    },
    /// Owner: accept a native denom with its smallest tip, or (`min_tip: None`) stop accepting it.
    SetDenom {
        denom: String,
        min_tip: Option<Uint128>,
    },
    /// Owner: require (or stop requiring) that recipients of tips whose context has this kind
    /// (the part before `:`) be Active partners in the registry.
    SetVerificationRequired {
        context_kind: String,
        required: bool,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// Totals per denom, the last tip, and whether the recipient is a verified partner.
    #[returns(RecipientStatsResponse)]
    RecipientStats { address: String },
    #[returns(TotalsResponse)]
    TipperStats { address: String },
    #[returns(TotalsResponse)]
    ContextStats { context: String },
    /// Newest first, at most 20.
    #[returns(RecentTipsResponse)]
    RecentTips {
        recipient: String,
        limit: Option<u32>,
    },
    /// The ten recipients with the highest totals in `denom` (`cw20:<token>` for CTC).
    #[returns(TopRecipientsResponse)]
    TopRecipients { denom: String },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub fee: BasisPoints,
    /// How CTC is named in stats: `cw20:<token address>`.
    pub ctc_denom: String,
    pub accepted: Vec<DenomMinimum>,
    pub verified_context_kinds: Vec<String>,
}

#[cw_serde]
pub struct DenomTotal {
    pub denom: String,
    /// Gross: what tippers sent, fee included.
    pub total: Uint128,
    pub count: u64,
}

#[cw_serde]
pub struct TipRecord {
    pub from: Addr,
    pub to: Addr,
    pub denom: String,
    pub amount: Uint128,
    pub fee: Uint128,
    pub memo: Option<String>,
    pub context: Option<String>,
    pub time: Timestamp,
}

#[cw_serde]
pub struct RecipientStatsResponse {
    pub verified: bool,
    pub totals: Vec<DenomTotal>,
    pub last_tip: Option<TipRecord>,
}

#[cw_serde]
pub struct TotalsResponse {
    pub totals: Vec<DenomTotal>,
}

#[cw_serde]
pub struct RecentTipsResponse {
    pub tips: Vec<TipRecord>,
}

#[cw_serde]
pub struct RankedRecipient {
    pub address: Addr,
    pub total: Uint128,
    pub verified: bool,
}

#[cw_serde]
pub struct TopRecipientsResponse {
    pub recipients: Vec<RankedRecipient>,
}

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::accounts::{
    AccountInstantiateMsg, RecoveryBounds, RecoveryConfig, RecoveryMember,
};

#[cw_serde]
pub struct InstantiateMsg {
    /// The code id of `fan-account`: what `create_account` instantiates (more than 0).
    pub account_code_id: u64,
    /// The platform's CTC, handed to every account.
    pub ctc_token: String,
    /// The partner registry, handed to every account.
    pub registry: String,
    /// The wasm admin of every account created: the committee. Not this factory.
    pub account_admin: String,
    /// The shortest recovery delay an account may be created with (at least 1 second).
    pub min_delay_seconds: u64,
    /// The longest recovery delay (from `min_delay_seconds` to 365 days).
    pub max_delay_seconds: u64,
    /// The shortest recovery period (at least 1 second).
    pub min_period_seconds: u64,
    /// The longest recovery period (from `min_period_seconds` to 365 days, and at least
    /// `min_delay_seconds`, since a period is never shorter than its delay).
    pub max_period_seconds: u64,
    /// Sets the configuration; the sender when omitted.
    pub owner: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone (the fan, or the identity partner that verified it): instantiates a fan account
    /// operated by `operator` with `recovery`, whose delay and period must lie within the
    /// bounds (and the period be at least the delay). Its wasm admin is `account_admin`, its
    /// factory this contract; `label` defaults to "fan account of <operator>" (1 to 128 bytes).
    /// The new account's address is the attribute `account` (and the response data).
    CreateAccount {
        operator: String,
        recovery: RecoveryConfig,
        label: Option<String>,
    },
    /// An account this factory created, whose recorded operator is `old`, reports that its
    /// operator is now `new`: the record and the index by operator follow. The JSON of
    /// `ctc_interfaces::accounts::AccountFactoryExecuteMsg::OperatorChanged`.
    OperatorChanged { old: String, new: String },
    /// Owner. Applies to accounts created afterwards; accounts already created keep their code,
    /// admin and recovery settings.
    UpdateConfig {
        account_code_id: Option<u64>,
        account_admin: Option<String>,
        bounds: Option<RecoveryBounds>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The record of an account this factory created; `null` for any other address.
    #[returns(Option<AccountResponse>)]
    Account { address: String },
    /// The accounts `operator` operates now, by address; `start_after` is the last address read.
    #[returns(AccountsResponse)]
    AccountsOf {
        operator: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// Every account created, by address; `start_after` is the last address read.
    #[returns(AccountsResponse)]
    Accounts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub account_code_id: u64,
    pub ctc_token: Addr,
    pub registry: Addr,
    pub account_admin: Addr,
    pub bounds: RecoveryBounds,
}

#[cw_serde]
pub struct AccountResponse {
    pub address: Addr,
    /// The operator now, as the account last reported it.
    pub operator: Addr,
    /// Who sent `create_account`: the fan or its identity partner.
    pub created_by: Addr,
    pub created_at: Timestamp,
    /// The code the account was instantiated from (it may since have been migrated).
    pub code_id: u64,
}

#[cw_serde]
pub struct AccountsResponse {
    pub accounts: Vec<AccountResponse>,
}

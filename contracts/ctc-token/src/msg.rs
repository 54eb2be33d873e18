use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Binary, Uint128};
use cw20::{Expiration, Logo};
use cw20_base::msg::InstantiateMarketingInfo;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::token::{AllocationResponse, Payment, TokenomicsResponse};

#[cw_serde]
pub struct InstantiateMsg {
    /// One address per genesis bucket; each may be a vesting or multisig contract.
    pub allocation: GenesisAllocation,
    /// Receives what `BurnOrRecycle` cannot burn; the community-rewards address when omitted.
    pub recycle_pool: Option<String>,
    /// May change the recycle pool; the instantiating address when omitted.
    pub owner: Option<String>,
    pub marketing: Option<InstantiateMarketingInfo>,
}

/// Where the issuance goes at genesis. The shares are fixed in the contract (see `Allocation {}`).
#[cw_serde]
pub struct GenesisAllocation {
    pub founding_team: String,
    pub institutional_investors: String,
    pub service_providers: String,
    pub business_development: String,
    pub community_rewards: String,
    pub public_welfare: String,
}

/// cw20's execute messages (`Mint` and `UpdateMinter` always refused: CTC has no minter), plus the
/// deflation extension and two-step ownership.
#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    /// Refused when it would take the total supply below the floor.
    Burn {
        amount: Uint128,
    },
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    IncreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    DecreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    TransferFrom {
        owner: String,
        recipient: String,
        amount: Uint128,
    },
    SendFrom {
        owner: String,
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    /// Refused when it would take the total supply below the floor.
    BurnFrom {
        owner: String,
        amount: Uint128,
    },
    /// Always refused (`NoMinter`): the whole issuance was created at genesis. Accepted as a
    /// message so that a cw20 client gets that reason rather than an unknown variant.
    Mint {
        recipient: String,
        amount: Uint128,
    },
    /// Always refused (`NoMinter`), as `Mint`.
    UpdateMinter {
        new_minter: Option<String>,
    },
    UpdateMarketing {
        project: Option<String>,
        description: Option<String>,
        marketing: Option<String>,
    },
    UploadLogo(Logo),
    /// Takes `amount` from the sender: burns down to the supply floor, recycles the rest.
    BurnOrRecycle {
        amount: Uint128,
    },
    /// Pays up to `MAX_DISBURSE_PAYMENTS` recipients and burns-or-recycles `burn_or_recycle`
    /// (0: nothing), all from the sender in one debit: one call into the token where a payout
    /// would otherwise send one `Transfer` per party.
    Disburse {
        payments: Vec<Payment>,
        burn_or_recycle: Uint128,
    },
    /// `Disburse` from `owner`'s balance, deducting the whole debit from the allowance `owner`
    /// granted the sender, as `TransferFrom` does: one call into the token for a contract that
    /// takes a payment and splits it.
    DisburseFrom {
        owner: String,
        payments: Vec<Payment>,
        burn_or_recycle: Uint128,
    },
    /// Owner only.
    SetRecyclePool {
        address: String,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(cw20::BalanceResponse)]
    Balance { address: String },
    #[returns(cw20::TokenInfoResponse)]
    TokenInfo {},
    /// Always `null`: CTC has no minter. Kept so that plain cw20 clients get an answer.
    #[returns(Option<cw20::MinterResponse>)]
    Minter {},
    #[returns(cw20::AllowanceResponse)]
    Allowance { owner: String, spender: String },
    #[returns(cw20::AllAllowancesResponse)]
    AllAllowances {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(cw20::AllSpenderAllowancesResponse)]
    AllSpenderAllowances {
        spender: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(cw20::AllAccountsResponse)]
    AllAccounts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(cw20::MarketingInfoResponse)]
    MarketingInfo {},
    #[returns(cw20::DownloadLogoResponse)]
    DownloadLogo {},
    /// Issuance, supply, burned, floor, burnable now, recycled and the recycle pool.
    #[returns(TokenomicsResponse)]
    Tokenomics {},
    /// The genesis allocation: bucket, address, share and amount.
    #[returns(AllocationResponse)]
    Allocation {},
}

#[cw_serde]
pub struct MigrateMsg {}

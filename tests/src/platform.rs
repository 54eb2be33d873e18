//! The platform on a simulated chain in a few lines: CTC, the registry, ticket-nft and crowdfund
//! stored, instantiated and wired; a theater, a troupe and an identity provider admitted; fans
//! funded with CTC.

use cosmwasm_std::{to_json_binary, Addr, Timestamp, Uint128};
use ctc_interfaces::proof::check_in_text;
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::registry::{Capability, IdentityLevel, PartnerKind};
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::BasisPoints;
use cw_multi_test::{App, AppResponse, Executor};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::contracts;

/// One CTC in micro-units.
pub const CTC: u128 = 1_000_000;
/// The CTC bond a dispute posts at the oracle.
pub const ORACLE_BOND: u128 = 100 * CTC;
/// What a partner posts to open a wager pool.
pub const POOL_BOND: u128 = 50 * CTC;
/// The chain's native coin, accepted by tipping.
pub const NATIVE_DENOM: &str = "ustake";

pub struct Platform {
    pub app: App,
    pub token: Addr,
    pub registry: Addr,
    pub tickets: Addr,
    pub crowdfund: Addr,
    pub tipping: Addr,
    pub oracle: Addr,
    pub wager: Addr,
    /// Receives the node-incentive part of wager fees.
    pub nodes: Addr,
    /// A partner with CreatePools.
    pub agency: Addr,
    /// Rules on disputed oracle questions.
    pub arbiter: Addr,
    /// Oracle providers admitted with ReportOutcomes.
    pub reporters: Vec<Addr>,
    /// Platform owner and registry authority.
    pub owner: Addr,
    pub treasury: Addr,
    /// CTC's community-rewards bucket, the default recycle pool.
    pub community: Addr,
    /// Holds most of the genesis allocation and funds the fans.
    pub providers_bucket: Addr,
    pub theater: Addr,
    /// A partner with LaunchCrowdfunds.
    pub troupe: Addr,
    pub identity_provider: Addr,
    pub fans: Vec<Addr>,
}

pub fn digest(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

impl Platform {
    /// Tickets: platform fee 5%, burn share 10%, settlement one day after an event ends.
    /// Crowdfund: platform fee 3%. Tipping: fee 2%, smallest tip 1 CTC or 1,000 ustake.
    /// Oracle: the platform owner and wager-pool create questions, three reporters, a 100 CTC
    /// dispute bond. Wager: the owner operates; fees 60% treasury, 40% nodes; a 50 CTC bond for
    /// the agency's pools. Four fans with 10,000 CTC each; the theater may issue 10,000
    /// tickets a day; the troupe may launch campaigns.
    pub fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let owner = api.addr_make("platform");
        let treasury = api.addr_make("treasury");
        let theater = api.addr_make("theater");
        let troupe = api.addr_make("troupe");
        let identity_provider = api.addr_make("identity_provider");
        let buckets: Vec<Addr> = [
            "founding_team",
            "institutional_investors",
            "service_providers",
            "business_development",
            "community_rewards",
            "public_welfare",
        ]
        .iter()
        .map(|name| api.addr_make(name))
        .collect();
        // Fans sign holder proofs at the door, so their addresses come from keys, as a wallet's do.
        let fans: Vec<Addr> = (1..=4).map(|seed| account(api, &key(seed)).1).collect();
        let arbiter = api.addr_make("arbiter");
        let nodes = api.addr_make("nodes");
        let agency = api.addr_make("agency");
        let reporters: Vec<Addr> = (0..3)
            .map(|i| api.addr_make(&format!("reporter{i}")))
            .collect();

        let token_code = app.store_code(contracts::ctc_token());
        let registry_code = app.store_code(contracts::partner_registry());
        let tickets_code = app.store_code(contracts::ticket_nft());
        let crowdfund_code = app.store_code(contracts::crowdfund());
        let tipping_code = app.store_code(contracts::tipping());
        let oracle_code = app.store_code(contracts::outcome_oracle());
        let wager_code = app.store_code(contracts::wager_pool());
        let token = app
            .instantiate_contract(
                token_code,
                owner.clone(),
                &ctc_token::msg::InstantiateMsg {
                    allocation: ctc_token::msg::GenesisAllocation {
                        founding_team: buckets[0].to_string(),
                        institutional_investors: buckets[1].to_string(),
                        service_providers: buckets[2].to_string(),
                        business_development: buckets[3].to_string(),
                        community_rewards: buckets[4].to_string(),
                        public_welfare: buckets[5].to_string(),
                    },
                    recycle_pool: None,
                    owner: None,
                    marketing: None,
                },
                &[],
                "CTC",
                Some(owner.to_string()),
            )
            .unwrap();
        let registry = app
            .instantiate_contract(
                registry_code,
                owner.clone(),
                &partner_registry::msg::InstantiateMsg {
                    authority: None,
                    open_anchoring: false,
                },
                &[],
                "registry",
                Some(owner.to_string()),
            )
            .unwrap();
        let tickets = app
            .instantiate_contract(
                tickets_code,
                owner.clone(),
                &ticket_nft::msg::InstantiateMsg {
                    token: token.to_string(),
                    registry: registry.to_string(),
                    treasury: treasury.to_string(),
                    platform_fee: BasisPoints::new(500).unwrap(),
                    burn_share: BasisPoints::new(1_000).unwrap(),
                    settlement_delay_seconds: 86_400,
                    name: "TicketChain Tickets".into(),
                    symbol: "TIX".into(),
                    owner: None,
                },
                &[],
                "tickets",
                Some(owner.to_string()),
            )
            .unwrap();
        let crowdfund = app
            .instantiate_contract(
                crowdfund_code,
                owner.clone(),
                &crowdfund::msg::InstantiateMsg {
                    token: token.to_string(),
                    registry: registry.to_string(),
                    ticket_nft: tickets.to_string(),
                    treasury: treasury.to_string(),
                    platform_fee: BasisPoints::new(300).unwrap(),
                    owner: None,
                },
                &[],
                "crowdfund",
                Some(owner.to_string()),
            )
            .unwrap();
        let tipping = app
            .instantiate_contract(
                tipping_code,
                owner.clone(),
                &tipping::msg::InstantiateMsg {
                    token: token.to_string(),
                    registry: registry.to_string(),
                    treasury: treasury.to_string(),
                    fee: BasisPoints::new(200).unwrap(),
                    min_ctc_tip: Uint128::new(CTC),
                    native_denoms: vec![tipping::msg::DenomMinimum {
                        denom: NATIVE_DENOM.into(),
                        min_tip: Uint128::new(1_000),
                    }],
                    owner: None,
                },
                &[],
                "tipping",
                Some(owner.to_string()),
            )
            .unwrap();
        let oracle = app
            .instantiate_contract(
                oracle_code,
                owner.clone(),
                &outcome_oracle::msg::InstantiateMsg {
                    token: token.to_string(),
                    registry: registry.to_string(),
                    treasury: treasury.to_string(),
                    arbiter: arbiter.to_string(),
                    dispute_bond: Uint128::new(ORACLE_BOND),
                    arbitration_timeout_seconds: 7 * 86_400,
                    min_dispute_window_seconds: None,
                    creators: vec![owner.to_string()],
                    owner: None,
                },
                &[],
                "outcome-oracle",
                Some(owner.to_string()),
            )
            .unwrap();
        let wager = app
            .instantiate_contract(
                wager_code,
                owner.clone(),
                &wager_pool::msg::InstantiateMsg {
                    token: token.to_string(),
                    registry: registry.to_string(),
                    oracle: oracle.to_string(),
                    operator: owner.to_string(),
                    treasury: treasury.to_string(),
                    node_incentive: nodes.to_string(),
                    treasury_share: BasisPoints::new(6_000).unwrap(),
                    creation_bond: Uint128::new(POOL_BOND),
                    owner: None,
                },
                &[],
                "wager-pool",
                Some(owner.to_string()),
            )
            .unwrap();
        // The pool contract creates its questions in the oracle.
        app.execute_contract(
            owner.clone(),
            oracle.clone(),
            &outcome_oracle::msg::ExecuteMsg::SetCreator {
                address: wager.to_string(),
                allowed: true,
            },
            &[],
        )
        .unwrap();

        let mut platform = Self {
            app,
            token,
            registry,
            tickets,
            crowdfund,
            tipping,
            oracle,
            wager,
            nodes,
            agency: agency.clone(),
            arbiter,
            reporters: reporters.clone(),
            owner: owner.clone(),
            treasury,
            community: buckets[4].clone(),
            providers_bucket: buckets[2].clone(),
            theater: theater.clone(),
            troupe: troupe.clone(),
            identity_provider: identity_provider.clone(),
            fans,
        };
        use partner_registry::msg::{ExecuteMsg, QuotaLimit, QuotaWindow};
        let setup = [
            ExecuteMsg::RegisterPlatformContract {
                name: "ticket-nft".into(),
                address: platform.tickets.to_string(),
            },
            ExecuteMsg::Admit {
                address: theater.to_string(),
                name: "Grand Theater".into(),
                kind: PartnerKind::Theater,
                capabilities: vec![Capability::IssueTickets],
                agreement_digest: digest(0xaa),
                metadata_uri: None,
                quotas: vec![QuotaLimit {
                    capability: Capability::IssueTickets,
                    limit: QuotaWindow {
                        units_per_window: 10_000,
                        window_seconds: 86_400,
                    },
                }],
            },
            ExecuteMsg::RegisterPlatformContract {
                name: "crowdfund".into(),
                address: platform.crowdfund.to_string(),
            },
            ExecuteMsg::RegisterPlatformContract {
                name: "wager-pool".into(),
                address: platform.wager.to_string(),
            },
            ExecuteMsg::Admit {
                address: agency.to_string(),
                name: "Star Agency".into(),
                kind: PartnerKind::Agency,
                capabilities: vec![Capability::CreatePools],
                agreement_digest: digest(0xad),
                metadata_uri: None,
                quotas: vec![],
            },
            ExecuteMsg::Admit {
                address: troupe.to_string(),
                name: "Spring Troupe".into(),
                kind: PartnerKind::Troupe,
                capabilities: vec![Capability::LaunchCrowdfunds],
                agreement_digest: digest(0xac),
                metadata_uri: None,
                quotas: vec![],
            },
            ExecuteMsg::Admit {
                address: identity_provider.to_string(),
                name: "Civil ID".into(),
                kind: PartnerKind::IdentityProvider,
                capabilities: vec![Capability::AttestIdentity],
                agreement_digest: digest(0xab),
                metadata_uri: None,
                quotas: vec![],
            },
        ];
        for msg in setup {
            platform.registry_exec(&owner, &msg).unwrap();
        }
        for (i, reporter) in reporters.iter().enumerate() {
            let admit = ExecuteMsg::Admit {
                address: reporter.to_string(),
                name: format!("Sports data {i}"),
                kind: PartnerKind::OracleProvider,
                capabilities: vec![Capability::ReportOutcomes],
                agreement_digest: digest(0xb0 + i as u8),
                metadata_uri: None,
                quotas: vec![],
            };
            platform.registry_exec(&owner, &admit).unwrap();
        }
        for fan in platform.fans.clone() {
            platform.fund(&fan, 10_000 * CTC);
        }
        platform
    }

    pub fn registry_exec(
        &mut self,
        sender: &Addr,
        msg: &partner_registry::msg::ExecuteMsg,
    ) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.registry.clone(), msg, &[])
    }

    /// The check-in of `token_id` with the QR code fan `fan` shows at the door now.
    pub fn check_in(&self, fan: usize, token_id: &str) -> ticket_nft::msg::ExecuteMsg {
        let block = self.app.block_info();
        let expires_at = block.time.plus_seconds(60);
        let text = check_in_text(&block.chain_id, &self.tickets, token_id, expires_at);
        ticket_nft::msg::ExecuteMsg::CheckIn {
            token_id: token_id.to_owned(),
            proof: sign(self.app.api(), &key(fan as u8 + 1), &text, expires_at),
        }
    }

    pub fn tickets_exec(
        &mut self,
        sender: &Addr,
        msg: &ticket_nft::msg::ExecuteMsg,
    ) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.tickets.clone(), msg, &[])
    }

    pub fn tickets_query<T: DeserializeOwned>(&self, msg: &impl Serialize) -> T {
        self.app
            .wrap()
            .query_wasm_smart(&self.tickets, msg)
            .unwrap()
    }

    pub fn crowdfund_exec(
        &mut self,
        sender: &Addr,
        msg: &crowdfund::msg::ExecuteMsg,
    ) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.crowdfund.clone(), msg, &[])
    }

    pub fn crowdfund_query<T: DeserializeOwned>(&self, msg: &impl Serialize) -> T {
        self.app
            .wrap()
            .query_wasm_smart(&self.crowdfund, msg)
            .unwrap()
    }

    /// Pledges `amount` CTC to `campaign_id`, as a wallet's cw20 `Send`.
    pub fn pledge(
        &mut self,
        backer: &Addr,
        campaign_id: u64,
        amount: u128,
    ) -> anyhow::Result<AppResponse> {
        let msg = cw20::Cw20ExecuteMsg::Send {
            contract: self.crowdfund.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(
                &ctc_interfaces::crowdfund::CrowdfundReceiveMsg::Contribute { campaign_id },
            )
            .unwrap(),
        };
        self.app
            .execute_contract(backer.clone(), self.token.clone(), &msg, &[])
    }

    pub fn fund(&mut self, to: &Addr, amount: u128) {
        let from = self.providers_bucket.clone();
        self.app
            .execute_contract(
                from,
                self.token.clone(),
                &cw20::Cw20ExecuteMsg::Transfer {
                    recipient: to.to_string(),
                    amount: Uint128::new(amount),
                },
                &[],
            )
            .unwrap();
    }

    pub fn balance(&self, address: &Addr) -> u128 {
        let response: cw20::BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.token,
                &cw20::Cw20QueryMsg::Balance {
                    address: address.to_string(),
                },
            )
            .unwrap();
        response.balance.u128()
    }

    pub fn total_supply(&self) -> u128 {
        let info: cw20::TokenInfoResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.token, &cw20::Cw20QueryMsg::TokenInfo {})
            .unwrap();
        info.total_supply.u128()
    }

    /// Pays `amount` CTC into ticket-nft with `hook`, as a wallet's cw20 `Send`.
    pub fn pay(
        &mut self,
        payer: &Addr,
        amount: u128,
        hook: &TicketReceiveMsg,
    ) -> anyhow::Result<AppResponse> {
        let msg = cw20::Cw20ExecuteMsg::Send {
            contract: self.tickets.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        };
        self.app
            .execute_contract(payer.clone(), self.token.clone(), &msg, &[])
    }

    pub fn attest(&mut self, user: &Addr, level: IdentityLevel) {
        let provider = self.identity_provider.clone();
        self.registry_exec(
            &provider,
            &partner_registry::msg::ExecuteMsg::Attest {
                user: user.to_string(),
                level,
                digest: digest(0x11),
                expires_at: None,
            },
        )
        .unwrap();
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    pub fn advance_to(&mut self, time: Timestamp) {
        self.app.update_block(|block| {
            let seconds = time.seconds().saturating_sub(block.time.seconds());
            block.time = time;
            block.height += seconds / 5 + 1;
        });
    }
}

impl Default for Platform {
    fn default() -> Self {
        Self::new()
    }
}

//! The platform on a simulated chain in a few lines: the nine contracts stored, instantiated with
//! the parameters deploy/ uses (`deploy/platform.json`) and wired; the partners admitted; fans
//! funded with CTC. Every flow speaks to it through one small API: `execute` (and
//! `execute_with_funds`, `refused`), `send_ctc`, `query`, `balance`, `allow`, `fund`, `attest`,
//! `now`, `advance`; the roles and contracts are its fields.
//!
//! ```
//! use platform_tests::platform::{Platform, CTC};
//! use tipping::msg::{ExecuteMsg, RecipientStatsResponse, QueryMsg};
//!
//! let p = Platform::new();
//! let tip = ctc_interfaces::tipping::TippingReceiveMsg::Tip {
//!     recipient: p.troupe.to_string(),
//!     memo: None,
//!     context: None,
//! };
//! p.send_ctc(&p.fans[0], &p.tipping, 10 * CTC, &tip).unwrap();
//! assert_eq!(p.balance(&p.tipping), 0);
//! let stats: RecipientStatsResponse = p.query(
//!     &p.tipping,
//!     &QueryMsg::RecipientStats { address: p.troupe.to_string() },
//! );
//! assert!(stats.verified);
//! let rule = ExecuteMsg::SetVerificationRequired { context_kind: "post".into(), required: true };
//! assert_eq!(
//!     p.refused(&p.fans[0], &p.tipping, &rule),
//!     "Caller is not the contract's current owner"
//! );
//! p.execute(&p.owner, &p.tipping, &rule).unwrap();
//! p.advance(86_400);
//! ```

use std::cell::{Ref, RefCell, RefMut};
use std::fmt::Debug;

use cosmwasm_std::{
    coins, to_json_binary, Addr, Coin, Empty, HexBinary, StdResult, Timestamp, Uint128,
};
use ctc_interfaces::proof::check_in_text;
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::registry::{Capability, IdentityLevel, PartnerKind};
use ctc_interfaces::token::AllocationBucket;
use ctc_testkit::platform;
use cw_multi_test::{App, AppResponse, BankSudo, Contract, Executor, SudoMsg};
use partner_registry::msg::{ExecuteMsg as RegistryMsg, QuotaLimit, QuotaWindow};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::contracts;

/// One CTC in micro-units.
pub const CTC: u128 = 1_000_000;
/// The CTC bond a dispute posts at the oracle (deploy/platform.json's `dispute_bond`).
pub const ORACLE_BOND: u128 = 100 * CTC;
/// What a partner posts to open a wager pool (deploy/platform.json's `creation_bond`).
pub const POOL_BOND: u128 = 50 * CTC;
/// The chain's native coin, accepted by tipping.
pub const NATIVE_DENOM: &str = "ustake";

pub struct Platform {
    /// The simulated chain, behind a `RefCell` so that every method takes `&self` and a call can
    /// name the platform's own addresses: `p.execute(&p.theater, &p.tickets, &msg)`.
    app: RefCell<App>,
    pub token: Addr,
    pub registry: Addr,
    pub tickets: Addr,
    pub crowdfund: Addr,
    pub tipping: Addr,
    pub oracle: Addr,
    pub wager: Addr,
    /// Draws by commit–reveal among bonded partners; the reporters are its providers once they
    /// join (`join_providers`).
    pub randomness: Addr,
    pub schedules: Addr,
    pub vouchers: Addr,
    // The roles.
    /// Platform owner: instantiates and owns every contract, is the registry authority, the
    /// wager-pool operator and an oracle creator.
    pub owner: Addr,
    pub treasury: Addr,
    /// Rules on disputed oracle questions.
    pub arbiter: Addr,
    /// Receives the node-incentive part of wager fees.
    pub nodes: Addr,
    /// CTC's community-rewards bucket, the default recycle pool.
    pub community: Addr,
    /// CTC's service-providers bucket: holds most of the genesis allocation and funds the fans.
    pub providers_bucket: Addr,
    /// A partner with IssueTickets, 10,000 a day.
    pub theater: Addr,
    /// A partner with LaunchCrowdfunds.
    pub troupe: Addr,
    /// A partner with CreatePools.
    pub agency: Addr,
    /// A partner with AttestIdentity.
    pub identity_provider: Addr,
    /// A merchant (a café) with IssueVouchers, 1,000 voucher units a day.
    pub cafe: Addr,
    /// Oracle providers admitted with ReportOutcomes.
    pub reporters: Vec<Addr>,
    /// Four wallets with 10,000 CTC each, their addresses derived from keys so that they can
    /// sign holder proofs at the door (`check_in`).
    pub fans: Vec<Addr>,
}

pub fn digest(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

/// The root cause of a refusal: the contract's own error text.
pub fn root(err: anyhow::Error) -> String {
    err.root_cause().to_string()
}

/// The value of the first attribute `key` a transaction emitted, in any event.
pub fn attribute(response: &AppResponse, key: &str) -> String {
    response
        .events
        .iter()
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no {key} attribute"))
        .value
        .clone()
}

/// The id in attribute `key` of a transaction (`event_id`, `campaign_id`, `pool_id`, …).
pub fn id(response: &AppResponse, key: &str) -> u64 {
    attribute(response, key)
        .parse()
        .unwrap_or_else(|_| panic!("{key} is not a number"))
}

/// CTC's genesis allocation to `buckets`, in `AllocationBucket::ALL` order.
pub fn genesis_allocation(buckets: &[Addr]) -> ctc_token::msg::GenesisAllocation {
    let [founding_team, institutional_investors, service_providers, business_development, community_rewards, public_welfare] =
        buckets
    else {
        panic!("six genesis buckets");
    };
    ctc_token::msg::GenesisAllocation {
        founding_team: founding_team.to_string(),
        institutional_investors: institutional_investors.to_string(),
        service_providers: service_providers.to_string(),
        business_development: business_development.to_string(),
        community_rewards: community_rewards.to_string(),
        public_welfare: public_welfare.to_string(),
    }
}

/// The registry's `Admit` of `address` as `name`, a `kind` partner with `capability`.
pub fn admit(
    address: &Addr,
    name: &str,
    kind: PartnerKind,
    capability: Capability,
    agreement: u8,
    quotas: Vec<QuotaLimit>,
) -> RegistryMsg {
    RegistryMsg::Admit {
        address: address.to_string(),
        name: name.into(),
        kind,
        capabilities: vec![capability],
        agreement_digest: digest(agreement),
        metadata_uri: None,
        quotas,
    }
}

/// At most `units` of `capability` per `window_seconds`.
pub fn quota(capability: Capability, units: u64, window_seconds: u64) -> QuotaLimit {
    QuotaLimit {
        capability,
        limit: QuotaWindow {
            units_per_window: units,
            window_seconds,
        },
    }
}

/// Stores `code` and instantiates it as contract `name` of deploy/platform.json, owned and
/// administered by `owner`: `addresses`, then the file's parameters, read into the contract's own
/// `InstantiateMsg` `M`, so that the file is checked against the message.
fn instantiate<M: DeserializeOwned + Serialize + Debug>(
    app: &mut App,
    code: Box<dyn Contract<Empty>>,
    name: &str,
    owner: &Addr,
    addresses: Value,
) -> Addr {
    let msg = platform::instantiate_msg(name, NATIVE_DENOM, addresses);
    let msg: M = serde_json::from_value(msg)
        .unwrap_or_else(|err| panic!("deploy/platform.json's {name} is not its message: {err}"));
    let code_id = app.store_code(code);
    app.instantiate_contract(
        code_id,
        owner.clone(),
        &msg,
        &[],
        name,
        Some(owner.to_string()),
    )
    .unwrap()
}

impl Platform {
    /// The contracts with deploy/platform.json's parameters (tickets: platform fee 5%, burn share
    /// 10%, settlement one day after an event ends; crowdfund: fee 3%; tipping: fee 2%, smallest
    /// tip 1 CTC or 1,000 ustake; oracle: a 100 CTC dispute bond; wager: fees 60% treasury, 40%
    /// nodes, a 50 CTC bond for a partner's pool; vouchers: ticket-nft's fee and burn share, real
    /// names for holders). The owner and wager-pool create oracle questions, three reporters
    /// answer them; the owner operates wager-pool. Four fans with 10,000 CTC each; the theater may
    /// issue 10,000 tickets a day; the troupe may launch campaigns; the agency may open pools; the
    /// café may issue 1,000 voucher units a day.
    pub fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let owner = api.addr_make("platform");
        let treasury = api.addr_make("treasury");
        let buckets: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| api.addr_make(bucket.name()))
            .collect();
        let arbiter = api.addr_make("arbiter");
        let nodes = api.addr_make("nodes");
        let theater = api.addr_make("theater");
        let troupe = api.addr_make("troupe");
        let agency = api.addr_make("agency");
        let identity_provider = api.addr_make("identity_provider");
        let cafe = api.addr_make("cafe");
        let reporters: Vec<Addr> = (0..3)
            .map(|i| api.addr_make(&format!("reporter{i}")))
            .collect();
        // Fans sign holder proofs at the door, so their addresses come from keys, as a wallet's do.
        let fans: Vec<Addr> = (1..=4).map(|seed| account(api, &key(seed)).1).collect();

        let token = instantiate::<ctc_token::msg::InstantiateMsg>(
            &mut app,
            contracts::ctc_token(),
            "ctc-token",
            &owner,
            json!({ "allocation": genesis_allocation(&buckets), "recycle_pool": null }),
        );
        let registry = instantiate::<partner_registry::msg::InstantiateMsg>(
            &mut app,
            contracts::partner_registry(),
            "partner-registry",
            &owner,
            json!({ "authority": null }),
        );
        let randomness = instantiate::<randomness::msg::InstantiateMsg>(
            &mut app,
            contracts::randomness(),
            "randomness",
            &owner,
            json!({ "token": token, "registry": registry, "treasury": treasury }),
        );
        let tickets = instantiate::<ticket_nft::msg::InstantiateMsg>(
            &mut app,
            contracts::ticket_nft(),
            "ticket-nft",
            &owner,
            json!({
                "token": token, "registry": registry, "treasury": treasury,
                "randomness": randomness,
            }),
        );
        let crowdfund = instantiate::<crowdfund::msg::InstantiateMsg>(
            &mut app,
            contracts::crowdfund(),
            "crowdfund",
            &owner,
            json!({
                "token": token, "registry": registry, "ticket_nft": tickets, "treasury": treasury,
                "randomness": randomness,
            }),
        );
        let tipping = instantiate::<tipping::msg::InstantiateMsg>(
            &mut app,
            contracts::tipping(),
            "tipping",
            &owner,
            json!({ "token": token, "registry": registry, "treasury": treasury }),
        );
        let oracle = instantiate::<outcome_oracle::msg::InstantiateMsg>(
            &mut app,
            contracts::outcome_oracle(),
            "outcome-oracle",
            &owner,
            json!({
                "token": token, "registry": registry, "treasury": treasury, "arbiter": arbiter,
                "creators": [owner],
            }),
        );
        let wager = instantiate::<wager_pool::msg::InstantiateMsg>(
            &mut app,
            contracts::wager_pool(),
            "wager-pool",
            &owner,
            json!({
                "token": token, "registry": registry, "oracle": oracle, "operator": owner,
                "treasury": treasury, "node_incentive": nodes, "randomness": randomness,
            }),
        );
        let schedules = instantiate::<schedules::msg::InstantiateMsg>(
            &mut app,
            contracts::schedules(),
            "schedules",
            &owner,
            json!({ "registry": registry, "ticket_nft": tickets }),
        );
        let vouchers = instantiate::<vouchers::msg::InstantiateMsg>(
            &mut app,
            contracts::vouchers(),
            "vouchers",
            &owner,
            json!({ "token": token, "registry": registry, "treasury": treasury }),
        );
        // The suites' amounts assume these bonds.
        assert_eq!(
            platform::parameters("outcome-oracle")["dispute_bond"],
            ORACLE_BOND.to_string()
        );
        assert_eq!(
            platform::parameters("wager-pool")["creation_bond"],
            POOL_BOND.to_string()
        );
        // What a merchant earns is charged as a show's sales are.
        for share in ["platform_fee", "burn_share"] {
            assert_eq!(
                platform::parameters("vouchers")[share],
                platform::parameters("ticket-nft")[share],
                "vouchers' {share} is ticket-nft's"
            );
        }

        let platform = Self {
            app: RefCell::new(app),
            token,
            registry,
            tickets,
            crowdfund,
            tipping,
            oracle,
            wager,
            randomness,
            schedules,
            vouchers,
            owner,
            treasury,
            arbiter,
            nodes,
            community: buckets[4].clone(),
            providers_bucket: buckets[2].clone(),
            theater,
            troupe,
            agency,
            identity_provider,
            cafe,
            reporters,
            fans,
        };
        platform.wire();
        platform
    }

    /// Wager-pool creates its questions in the oracle; ticket-nft and vouchers know each other; the
    /// registry knows the platform contracts and admits the partners; the fans are funded.
    fn wire(&self) {
        let p = self;
        let set_creator = outcome_oracle::msg::ExecuteMsg::SetCreator {
            address: p.wager.to_string(),
            allowed: true,
        };
        p.execute(&p.owner, &p.oracle, &set_creator).unwrap();
        let set_schedules = ticket_nft::msg::ExecuteMsg::SetSchedules {
            address: p.schedules.to_string(),
        };
        p.execute(&p.owner, &p.tickets, &set_schedules).unwrap();
        // Ticket purchases that name a voucher are checked by vouchers, and only this ticket-nft's.
        let set_vouchers = ticket_nft::msg::ExecuteMsg::SetVouchers {
            address: p.vouchers.to_string(),
        };
        p.execute(&p.owner, &p.tickets, &set_vouchers).unwrap();
        let set_ticket_nft = vouchers::msg::ExecuteMsg::SetTicketNft {
            address: p.tickets.to_string(),
        };
        p.execute(&p.owner, &p.vouchers, &set_ticket_nft).unwrap();
        let register = |name: &str, address: &Addr| RegistryMsg::RegisterPlatformContract {
            name: name.into(),
            address: address.to_string(),
        };
        use {Capability as C, PartnerKind as K};
        let daily_tickets = vec![quota(C::IssueTickets, 10_000, 86_400)];
        let daily_vouchers = vec![quota(C::IssueVouchers, 1_000, 86_400)];
        let mut setup = vec![
            register("ticket-nft", &p.tickets),
            register("vouchers", &p.vouchers),
            // Before any partner is admitted, so the copies miss no change.
            RegistryMsg::AddMirror {
                address: p.tickets.to_string(),
            },
            RegistryMsg::AddMirror {
                address: p.crowdfund.to_string(),
            },
            RegistryMsg::AddMirror {
                address: p.vouchers.to_string(),
            },
            admit(
                &p.theater,
                "Grand Theater",
                K::Theater,
                C::IssueTickets,
                0xaa,
                daily_tickets,
            ),
            register("crowdfund", &p.crowdfund),
            register("wager-pool", &p.wager),
            admit(
                &p.agency,
                "Star Agency",
                K::Agency,
                C::CreatePools,
                0xad,
                vec![],
            ),
            admit(
                &p.troupe,
                "Spring Troupe",
                K::Troupe,
                C::LaunchCrowdfunds,
                0xac,
                vec![],
            ),
            admit(
                &p.identity_provider,
                "Civil ID",
                K::IdentityProvider,
                C::AttestIdentity,
                0xab,
                vec![],
            ),
            admit(
                &p.cafe,
                "Corner Café",
                K::Merchant,
                C::IssueVouchers,
                0xae,
                daily_vouchers,
            ),
        ];
        for (i, reporter) in p.reporters.iter().enumerate() {
            let name = format!("Sports data {i}");
            let agreement = 0xb0 + i as u8;
            setup.push(admit(
                reporter,
                &name,
                K::OracleProvider,
                C::ReportOutcomes,
                agreement,
                vec![],
            ));
        }
        for msg in setup {
            p.execute(&p.owner, &p.registry, &msg).unwrap();
        }
        for fan in &p.fans {
            p.fund(fan, 10_000 * CTC);
        }
    }

    /// The simulated chain, to read.
    pub fn app(&self) -> Ref<'_, App> {
        self.app.borrow()
    }

    /// The simulated chain, to change (store code, migrate, move the bank). Drop it before the
    /// next call to the platform.
    pub fn app_mut(&self) -> RefMut<'_, App> {
        self.app.borrow_mut()
    }

    /// A valid address derived from `name`, the same on every run.
    pub fn addr(&self, name: &str) -> Addr {
        self.app().api().addr_make(name)
    }

    /// `sender` executes `msg` on `contract`.
    pub fn execute(
        &self,
        sender: &Addr,
        contract: &Addr,
        msg: &(impl Serialize + Debug),
    ) -> anyhow::Result<AppResponse> {
        self.execute_with_funds(sender, contract, msg, &[])
    }

    /// `sender` executes `msg` on `contract`, sending it `funds` of native coins.
    pub fn execute_with_funds(
        &self,
        sender: &Addr,
        contract: &Addr,
        msg: &(impl Serialize + Debug),
        funds: &[Coin],
    ) -> anyhow::Result<AppResponse> {
        self.app_mut()
            .execute_contract(sender.clone(), contract.clone(), msg, funds)
    }

    /// `sender` executes `msg` on `contract`, which must refuse it: the refusal's root cause.
    pub fn refused(
        &self,
        sender: &Addr,
        contract: &Addr,
        msg: &(impl Serialize + Debug),
    ) -> String {
        root(self.execute(sender, contract, msg).unwrap_err())
    }

    /// A CTC `Send` of `amount` by `from` to `contract` carrying `hook`, as a wallet sends it.
    pub fn send_ctc(
        &self,
        from: &Addr,
        contract: &Addr,
        amount: u128,
        hook: &impl Serialize,
    ) -> anyhow::Result<AppResponse> {
        self.send_cw20(&self.token, from, contract, amount, hook)
    }

    /// A cw20 `Send` on `token`, CTC or another.
    pub fn send_cw20(
        &self,
        token: &Addr,
        from: &Addr,
        contract: &Addr,
        amount: u128,
        hook: &impl Serialize,
    ) -> anyhow::Result<AppResponse> {
        let msg = cw20::Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        };
        self.execute(from, token, &msg)
    }

    /// `contract`'s answer to `msg`; panics when it refuses.
    pub fn query<T: DeserializeOwned>(&self, contract: &Addr, msg: &impl Serialize) -> T {
        self.try_query(contract, msg)
            .unwrap_or_else(|err| panic!("query to {contract}: {err}"))
    }

    pub fn try_query<T: DeserializeOwned>(
        &self,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> StdResult<T> {
        self.app().wrap().query_wasm_smart(contract, msg)
    }

    /// The `action` of each call into the token during `response`, in order: how many calls a
    /// payout costs (each is a cross-contract call on chain).
    pub fn token_actions<'a>(&self, response: &'a AppResponse) -> Vec<&'a str> {
        response
            .events
            .iter()
            .filter(|event| event.ty == "wasm")
            .filter(|event| {
                event
                    .attributes
                    .iter()
                    .any(|a| a.key == "_contract_address" && a.value == self.token.as_str())
            })
            .flat_map(|event| event.attributes.iter().filter(|a| a.key == "action"))
            .map(|a| a.value.as_str())
            .collect()
    }

    /// The `action` of each contract call during `response`, in order, whichever the contract:
    /// the calls a flow costs from the first (the sender's) on.
    pub fn actions<'a>(&self, response: &'a AppResponse) -> Vec<&'a str> {
        response
            .events
            .iter()
            .filter(|event| event.ty == "wasm")
            .flat_map(|event| event.attributes.iter().filter(|a| a.key == "action"))
            .map(|a| a.value.as_str())
            .collect()
    }

    /// CTC `owner` allows `spender` to take.
    pub fn allowance(&self, owner: &Addr, spender: &Addr) -> u128 {
        let query = cw20::Cw20QueryMsg::Allowance {
            owner: owner.to_string(),
            spender: spender.to_string(),
        };
        let response: cw20::AllowanceResponse = self.query(&self.token, &query);
        response.allowance.u128()
    }

    /// `owner` allows `spender` `amount` more CTC, until `expires` (never when `None`).
    pub fn allow(
        &self,
        owner: &Addr,
        spender: &Addr,
        amount: u128,
        expires: Option<cw20::Expiration>,
    ) {
        let increase = cw20::Cw20ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(amount),
            expires,
        };
        self.execute(owner, &self.token, &increase).unwrap();
    }

    /// CTC of `address`.
    pub fn balance(&self, address: &Addr) -> u128 {
        let query = cw20::Cw20QueryMsg::Balance {
            address: address.to_string(),
        };
        let response: cw20::BalanceResponse = self.query(&self.token, &query);
        response.balance.u128()
    }

    pub fn total_supply(&self) -> u128 {
        let info: cw20::TokenInfoResponse =
            self.query(&self.token, &cw20::Cw20QueryMsg::TokenInfo {});
        info.total_supply.u128()
    }

    /// `amount` CTC to `to`, from the service-providers bucket.
    pub fn fund(&self, to: &Addr, amount: u128) {
        let transfer = cw20::Cw20ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount: Uint128::new(amount),
        };
        self.execute(&self.providers_bucket, &self.token, &transfer)
            .unwrap();
    }

    /// The native coin of `address`.
    pub fn native_balance(&self, address: &Addr) -> u128 {
        let coin = self.app().wrap().query_balance(address, NATIVE_DENOM);
        coin.unwrap().amount.u128()
    }

    /// `amount` of the native coin minted to `to`.
    pub fn fund_native(&self, to: &Addr, amount: u128) {
        let mint = BankSudo::Mint {
            to_address: to.to_string(),
            amount: coins(amount, NATIVE_DENOM),
        };
        self.app_mut().sudo(SudoMsg::Bank(mint)).unwrap();
    }

    /// A plain cw20-base token, not CTC, made by `holder`, who holds `amount` of it.
    pub fn other_token(&self, holder: &Addr, amount: u128) -> Addr {
        let msg = cw20_base::msg::InstantiateMsg {
            name: "Fake".into(),
            symbol: "FAKE".into(),
            decimals: 6,
            initial_balances: vec![cw20::Cw20Coin {
                address: holder.to_string(),
                amount: Uint128::new(amount),
            }],
            mint: None,
            marketing: None,
        };
        self.instantiate(contracts::cw20_base(), holder, &msg, "fake")
            .unwrap()
    }

    /// Stores `code` and instantiates it with `msg` by `sender`, without an admin.
    pub fn instantiate(
        &self,
        code: Box<dyn Contract<Empty>>,
        sender: &Addr,
        msg: &impl Serialize,
        label: &str,
    ) -> anyhow::Result<Addr> {
        let mut app = self.app_mut();
        let code_id = app.store_code(code);
        app.instantiate_contract(code_id, sender.clone(), msg, &[], label, None)
    }

    /// The identity provider attests `user` at `level`, as a person of their own (the subject is
    /// taken from the address).
    pub fn attest(&self, user: &Addr, level: IdentityLevel) {
        let subject = HexBinary::from(&user.as_bytes()[user.as_str().len() - 32..]).to_hex();
        self.attest_person(user, level, &subject);
    }

    /// The identity provider attests `user` at `level` as the person it calls `subject` (64 hex
    /// characters): two wallets attested with one subject are one person.
    pub fn attest_person(&self, user: &Addr, level: IdentityLevel, subject: &str) {
        let attest = RegistryMsg::Attest {
            user: user.to_string(),
            level,
            digest: digest(0x11),
            expires_at: None,
            subject: Some(subject.to_owned()),
        };
        self.execute(&self.identity_provider, &self.registry, &attest)
            .unwrap();
    }

    /// The check-in of `token_id` with the QR code fan `fan` shows at the door now.
    pub fn check_in(&self, fan: usize, token_id: &str) -> ticket_nft::msg::ExecuteMsg {
        let app = self.app();
        let block = app.block_info();
        let expires_at = block.time.plus_seconds(60);
        let text = check_in_text(&block.chain_id, &self.tickets, token_id, expires_at);
        ticket_nft::msg::ExecuteMsg::CheckIn {
            token_id: token_id.to_owned(),
            proof: sign(app.api(), &key(fan as u8 + 1), &text, expires_at),
        }
    }

    pub fn now(&self) -> Timestamp {
        self.app().block_info().time
    }

    /// Moves the block time to `time`, and the height by one per five seconds (and one more).
    pub fn advance_to(&self, time: Timestamp) {
        self.app_mut().update_block(|block| {
            let seconds = time.seconds().saturating_sub(block.time.seconds());
            block.time = time;
            block.height += seconds / 5 + 1;
        });
    }

    /// Moves the block time `seconds` on.
    pub fn advance(&self, seconds: u64) {
        self.advance_to(self.now().plus_seconds(seconds));
    }
}

impl Default for Platform {
    fn default() -> Self {
        Self::new()
    }
}

/// Draws: the reporters as the randomness contract's providers, and their commitments and
/// reveals.
impl Platform {
    /// The exact CTC a provider posts to join the randomness contract (deploy/platform.json's
    /// `provider_bond`).
    pub fn provider_bond(&self) -> u128 {
        let config: randomness::msg::ConfigResponse =
            self.query(&self.randomness, &randomness::msg::QueryMsg::Config {});
        config.provider_bond.u128()
    }

    /// The reporters, admitted partners, are funded with the provider bond and post it: they are
    /// the randomness contract's providers.
    pub fn join_providers(&self) {
        let bond = self.provider_bond();
        let join = ctc_interfaces::randomness::RandomnessReceiveMsg::Join {};
        for reporter in &self.reporters {
            self.fund(reporter, bond);
            self.send_ctc(reporter, &self.randomness, bond, &join)
                .unwrap();
        }
    }

    /// `provider` commits to `secret` for the draw (`requester`, `key`), in the format of
    /// `ctc_interfaces::randomness::commitment`.
    pub fn commit_secret(
        &self,
        provider: &Addr,
        requester: &Addr,
        key: u64,
        secret: &[u8; 32],
    ) -> anyhow::Result<AppResponse> {
        let commitment = ctc_interfaces::randomness::commitment(
            requester.as_str(),
            key,
            provider.as_str(),
            secret,
        );
        let commit = randomness::msg::ExecuteMsg::Commit {
            requester: requester.to_string(),
            key,
            commitment: HexBinary::from(commitment),
        };
        self.execute(provider, &self.randomness, &commit)
    }

    /// `provider` reveals `secret` for the draw (`requester`, `key`).
    pub fn reveal_secret(
        &self,
        provider: &Addr,
        requester: &Addr,
        key: u64,
        secret: &[u8; 32],
    ) -> anyhow::Result<AppResponse> {
        let reveal = randomness::msg::ExecuteMsg::Reveal {
            requester: requester.to_string(),
            key,
            secret: HexBinary::from(secret),
        };
        self.execute(provider, &self.randomness, &reveal)
    }

    /// The randomness contract's draw (`requester`, `key`).
    pub fn draw(&self, requester: &Addr, key: u64) -> ctc_interfaces::randomness::DrawResponse {
        let query = randomness::msg::QueryMsg::Draw {
            requester: requester.to_string(),
            key,
        };
        self.query(&self.randomness, &query)
    }
}

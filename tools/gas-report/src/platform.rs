//! The platform on the report's chain, instantiated and wired as tests/src/platform.rs does, with
//! the parameters deploy/ uses (deploy/platform.json, read by `ctc_testkit::platform`): the
//! registry, then the genesis buckets' six contracts (the team's and the investors' lock-ups,
//! locked for deploy's lengths from now, and the service-providers, business-development,
//! community-rewards and public-welfare allocation funds), then CTC, whose genesis allocation
//! names them and whose recycle pool is the community-rewards fund, each bucket contract then
//! taking the token (`set_token`, verified against the token's creator and allocation); then
//! randomness (draws by commit–reveal among bonded partners), whose address ticket-nft,
//! crowdfund and wager-pool take at instantiation; the
//! registry (theater, troupe, agency, identity provider, three reporters and a touring company
//! admitted), ticket-nft, schedules, crowdfund, tipping, the oracle, wager-pool, vouchers and the
//! account factory (given the fan-account code, which only it instantiates), with
//! the platform contracts registered, ticket-nft issuing events from schedules' bookings
//! (`set_schedules`), ticket-nft and vouchers knowing each other (`set_vouchers`,
//! `set_ticket_nft`), a café admitted to issue vouchers with a counter scanner, and wager-pool
//! allowed to create oracle questions. Next to it, the reference
//! contracts: cw20-base, cw721-base and a second tipping wired to cw20-base, so that a cw20
//! `Send` can be compared with the same receiver on both sides. Codes and contracts are
//! created as deploy/ creates them on a network: one upload per artifact, the deployer as
//! creator and admin, labels `ticketchain <name>`; wasmd stores all of it and reads it back on
//! every call.

use std::path::Path;
use std::rc::Rc;

use anyhow::Context;
use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{Api, Coin, Timestamp};
use ctc_interfaces::proof::testing::{account as account_of_key, key, sign};
use ctc_interfaces::proof::{redeem_text, HolderProof};
use ctc_interfaces::token::AllocationBucket;
use ctc_testkit::platform::{instantiate_msg, lock_seconds, parameters};
use serde_json::{json, Value};

use crate::addresses::{self, account};
use crate::chain::{Chain, ChainConfig, TxOutcome};

/// One CTC in micro-units.
pub const CTC: u128 = 1_000_000;
pub const NATIVE_DENOM: &str = "ustake";
pub const ORACLE_BOND: u128 = 100 * CTC;
pub const HOUR: u64 = 3_600;
pub const DAY: u64 = 24 * HOUR;
/// The café's `issue_vouchers` quota, units a day: room for the scaling runs' largest classes.
pub const VOUCHER_QUOTA: u64 = 100_000;

/// A wasm artifact of the report, by file name.
pub struct Artifact {
    pub name: &'static str,
    pub file: &'static str,
    /// A reference contract rather than one of ours.
    pub reference: bool,
}

pub const ARTIFACTS: [Artifact; 19] = [
    Artifact {
        name: "ctc-token",
        file: "ctc_token.wasm",
        reference: false,
    },
    Artifact {
        name: "partner-registry",
        file: "partner_registry.wasm",
        reference: false,
    },
    Artifact {
        name: "ticket-nft",
        file: "ticket_nft.wasm",
        reference: false,
    },
    Artifact {
        name: "schedules",
        file: "schedules.wasm",
        reference: false,
    },
    Artifact {
        name: "crowdfund",
        file: "crowdfund.wasm",
        reference: false,
    },
    Artifact {
        name: "tipping",
        file: "tipping.wasm",
        reference: false,
    },
    Artifact {
        name: "outcome-oracle",
        file: "outcome_oracle.wasm",
        reference: false,
    },
    Artifact {
        name: "wager-pool",
        file: "wager_pool.wasm",
        reference: false,
    },
    Artifact {
        name: "vouchers",
        file: "vouchers.wasm",
        reference: false,
    },
    Artifact {
        name: "lockups",
        file: "lockups.wasm",
        reference: false,
    },
    Artifact {
        name: "allocation-fund",
        file: "allocation_fund.wasm",
        reference: false,
    },
    Artifact {
        name: "randomness",
        file: "randomness.wasm",
        reference: false,
    },
    // Fans' recoverable accounts: the code only (the factory instantiates it), then the factory.
    Artifact {
        name: "fan-account",
        file: "fan_account.wasm",
        reference: false,
    },
    Artifact {
        name: "account-factory",
        file: "account_factory.wasm",
        reference: false,
    },
    // The committee: cw-plus 2.0's contracts, built by scripts/build.sh into artifacts/ (not
    // references: they run as part of the platform).
    Artifact {
        name: "cw3-flex-multisig",
        file: "cw3_flex_multisig.wasm",
        reference: false,
    },
    Artifact {
        name: "cw4-group",
        file: "cw4_group.wasm",
        reference: false,
    },
    Artifact {
        name: "cw20-base",
        file: "cw20_base.wasm",
        reference: true,
    },
    Artifact {
        name: "cw721-base",
        file: "cw721_base.wasm",
        reference: true,
    },
    Artifact {
        name: "cw20-sink",
        file: "cw20_sink.wasm",
        reference: true,
    },
];

/// The bytes of every artifact, read once.
pub struct Wasm {
    pub blobs: Vec<(&'static Artifact, Vec<u8>)>,
}

impl Wasm {
    pub fn load(artifacts: &Path, anchors: &Path) -> anyhow::Result<Self> {
        let mut blobs = Vec::new();
        for artifact in &ARTIFACTS {
            let dir = if artifact.reference {
                anchors
            } else {
                artifacts
            };
            let path = dir.join(artifact.file);
            let bytes = std::fs::read(&path)
                .with_context(|| format!("reading {} (run scripts/gas.sh)", path.display()))?;
            blobs.push((artifact, bytes));
        }
        Ok(Self { blobs })
    }

    /// The bytes of artifact `name`.
    pub fn bytes(&self, name: &str) -> anyhow::Result<&[u8]> {
        self.blobs
            .iter()
            .find(|(artifact, _)| artifact.name == name)
            .map(|(_, bytes)| bytes.as_slice())
            .with_context(|| format!("no artifact {name}"))
    }

    /// Uploads every artifact, in `ARTIFACTS` order; returns the code ids by name.
    fn store_all(&self, chain: &Chain, creator: &str) -> anyhow::Result<Vec<(&'static str, u64)>> {
        self.blobs
            .iter()
            .map(|(artifact, bytes)| {
                Ok((
                    artifact.name,
                    chain.store_code(bytes, creator, artifact.name)?,
                ))
            })
            .collect()
    }
}

/// The artifact file of a code name (how a trace names the code).
pub fn artifact_file(name: &str) -> String {
    ARTIFACTS
        .iter()
        .find(|a| a.name == name)
        .map_or_else(|| format!("{name}.wasm"), |a| a.file.to_owned())
}

/// Nanoseconds since the epoch as a JSON `Timestamp`.
pub fn ts(seconds: u64) -> String {
    (u128::from(seconds) * 1_000_000_000).to_string()
}

pub fn digest(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

pub struct Platform {
    pub chain: Rc<Chain>,
    pub token: String,
    pub registry: String,
    pub tickets: String,
    pub schedules: String,
    pub crowdfund: String,
    pub tipping: String,
    pub oracle: String,
    pub wager: String,
    pub vouchers: String,
    /// Draws by commit–reveal among bonded partners, instantiated after CTC and before the three
    /// contracts that request draws (ticket-nft, crowdfund, wager-pool), which are given its
    /// address; the reporters join as its providers in the season.
    pub randomness: String,
    /// Creates fans' accounts (instances of the `fan-account` code, the deployer as their wasm
    /// admin, the recovery bounds of deploy/platform.json); instantiated last, as deploy/ does.
    pub factory: String,
    /// The genesis buckets' contracts (deploy/src/artifacts.ts BUCKET_CONTRACTS): the founding
    /// team's and the investors' lock-ups, and the four allocation funds.
    pub team_lockup: String,
    pub investor_lockup: String,
    pub providers_fund: String,
    pub community_fund: String,
    pub welfare_fund: String,
    /// Each bucket contract's `set_token` (by the deployer, right after the token), by contract
    /// name: the season records two of them.
    pub set_tokens: Vec<(String, TxOutcome)>,
    /// The code ids of the upload, by artifact name.
    pub codes: Vec<(&'static str, u64)>,
    pub cw20: String,
    pub cw721: String,
    /// tipping wired to cw20-base instead of CTC: the receiver of the reference `Send`.
    /// A cw20 receiver that does nothing: both tokens' `send` go into it.
    pub sink: String,
    pub owner: String,
    pub arbiter: String,
    /// A plain account holding cw20-base's reference balance (where CTC's service-providers
    /// bucket was before the bucket became a fund): funds the holders of cw20-base.
    pub providers: String,
    /// A partner of kind theater with issue_tickets: owns the venue in schedules.
    pub theater: String,
    /// A partner of kind troupe with launch_crowdfunds only.
    pub troupe: String,
    /// A partner of kind troupe with issue_tickets (the theater's quota), not the theater: the
    /// venue's owner cannot book its own slot, so this one books the theater's hall.
    pub company: String,
    pub agency: String,
    pub identity_provider: String,
    pub reporters: Vec<String>,
    /// A partner of kind merchant with issue_vouchers (`VOUCHER_QUOTA` units a day).
    pub cafe: String,
    /// The café's counter: its scanner in vouchers, which redeems its vouchers.
    pub counter: String,
}

impl Platform {
    /// The whole platform and the reference contracts on `chain`. The theater's and the
    /// touring company's ticket quota is `ticket_quota` per day each (`None`: unlimited).
    pub fn new(chain: Rc<Chain>, wasm: &Wasm, ticket_quota: Option<u64>) -> anyhow::Result<Self> {
        let owner = account("platform");
        let treasury = account("treasury");
        let buckets: Vec<String> = AllocationBucket::ALL
            .iter()
            .map(|bucket| account(bucket.name()))
            .collect();
        let codes = wasm.store_all(&chain, &owner)?;
        // As deploy/ does: the deployer creates and administers every contract.
        let instantiate_named = |code: &str, name: &str, msg: Value| -> anyhow::Result<String> {
            let code_id = codes
                .iter()
                .find(|(n, _)| *n == code)
                .map(|(_, id)| *id)
                .context("a known artifact")?;
            let address = addresses::contract(name);
            chain.set_name(&address, name);
            chain.instantiate(
                code_id,
                &owner,
                Some(&owner),
                &msg,
                &format!("ticketchain {name}"),
                &address,
            )?;
            Ok(address)
        };
        let instantiate = |code: &str, msg: Value| instantiate_named(code, code, msg);
        // Our contracts' messages, fields in the order deploy/ sends them: `addresses`, then
        // deploy/platform.json's parameters, then `after` (`owner: null`: the deployer owns it).
        let configured = |name: &str, addresses: Value, after: Value| {
            let mut msg = instantiate_msg(name, NATIVE_DENOM, addresses);
            for (key, value) in after.as_object().into_iter().flatten() {
                msg[key] = value.clone();
            }
            msg
        };
        let registry = instantiate(
            "partner-registry",
            configured("partner-registry", json!({ "authority": null }), json!({})),
        )?;
        // As deploy/ does: the registry, then the six bucket contracts, all before the token,
        // whose genesis allocation names them; each then takes the token (`set_token`).
        let listed = chain.now().seconds();
        let lockup = |name: &str, bucket: &str| {
            instantiate_named(
                "lockups",
                name,
                instantiate_msg(
                    "lockups",
                    NATIVE_DENOM,
                    json!({
                        "owner": null, "token": null,
                        "locked_until": ts(listed + lock_seconds(bucket)),
                    }),
                ),
            )
        };
        let team_lockup = lockup("team-lockup", "founding_team")?;
        let investor_lockup = lockup("investor-lockup", "institutional_investors")?;
        let fund = |name: &str, bucket: &str| {
            instantiate_named(
                "allocation-fund",
                name,
                instantiate_msg(
                    "allocation-fund",
                    NATIVE_DENOM,
                    json!({ "owner": null, "token": null, "registry": registry, "bucket": bucket }),
                ),
            )
        };
        let providers_fund = fund("service-providers-fund", "service_providers")?;
        let business_fund = fund("business-development-fund", "business_development")?;
        let community_fund = fund("community-rewards-fund", "community_rewards")?;
        let welfare_fund = fund("public-welfare-fund", "public_welfare")?;
        let allocation = json!({
            "founding_team": team_lockup, "institutional_investors": investor_lockup,
            "service_providers": providers_fund, "business_development": business_fund,
            "community_rewards": community_fund, "public_welfare": welfare_fund,
        });
        // `recycle_pool: null`: the community-rewards fund.
        let token = instantiate(
            "ctc-token",
            configured(
                "ctc-token",
                json!({ "allocation": allocation, "recycle_pool": null, "owner": null }),
                json!({}),
            ),
        )?;
        let mut set_tokens = Vec::new();
        for (name, address) in [
            ("team-lockup", &team_lockup),
            ("investor-lockup", &investor_lockup),
            ("service-providers-fund", &providers_fund),
            ("business-development-fund", &business_fund),
            ("community-rewards-fund", &community_fund),
            ("public-welfare-fund", &welfare_fund),
        ] {
            let tx = chain.execute(
                &owner,
                address,
                &json!({ "set_token": { "address": token } }),
                &[],
            )?;
            set_tokens.push((name.to_owned(), tx));
        }
        // As deploy/ does: the draws after the token, before the three contracts that request
        // them, each of which takes its address after the platform.json parameters.
        let randomness = instantiate(
            "randomness",
            configured(
                "randomness",
                json!({ "token": token, "registry": registry, "treasury": treasury }),
                json!({ "owner": null }),
            ),
        )?;
        let tickets = instantiate(
            "ticket-nft",
            configured(
                "ticket-nft",
                json!({ "token": token, "registry": registry, "treasury": treasury }),
                json!({ "randomness": randomness, "owner": null }),
            ),
        )?;
        // Only addresses: ticket-nft is the one that marks bookings issued.
        let schedules = instantiate(
            "schedules",
            configured(
                "schedules",
                json!({ "registry": registry, "ticket_nft": tickets }),
                json!({ "owner": null }),
            ),
        )?;
        let crowdfund = instantiate(
            "crowdfund",
            configured(
                "crowdfund",
                json!({
                    "token": token, "registry": registry, "ticket_nft": tickets,
                    "treasury": treasury,
                }),
                json!({ "randomness": randomness, "owner": null }),
            ),
        )?;
        let tipping = instantiate(
            "tipping",
            configured(
                "tipping",
                json!({ "token": token, "registry": registry, "treasury": treasury }),
                json!({ "owner": null }),
            ),
        )?;
        let arbiter = account("arbiter");
        let oracle = instantiate(
            "outcome-oracle",
            configured(
                "outcome-oracle",
                json!({
                    "token": token, "registry": registry, "treasury": treasury, "arbiter": arbiter,
                }),
                json!({ "creators": [owner], "owner": null }),
            ),
        )?;
        // The operations' amounts assume this bond.
        anyhow::ensure!(
            parameters("outcome-oracle")["dispute_bond"] == ORACLE_BOND.to_string(),
            "deploy/platform.json's dispute_bond is not ORACLE_BOND"
        );
        let nodes = account("nodes");
        let wager = instantiate(
            "wager-pool",
            configured(
                "wager-pool",
                json!({
                    "token": token, "registry": registry, "oracle": oracle, "operator": owner,
                    "treasury": treasury, "node_incentive": nodes,
                }),
                json!({ "randomness": randomness, "owner": null }),
            ),
        )?;
        let vouchers = instantiate(
            "vouchers",
            configured(
                "vouchers",
                json!({ "token": token, "registry": registry, "treasury": treasury }),
                json!({ "owner": null }),
            ),
        )?;
        // As deploy/ does, last: the account factory, with the fan-account code and the accounts'
        // wasm admin (the deployer here, as it administers every contract; deploy/ names the
        // committee when it has one).
        let account_code_id = codes
            .iter()
            .find(|(n, _)| *n == "fan-account")
            .map(|(_, id)| *id)
            .context("the fan-account code")?;
        let factory = instantiate(
            "account-factory",
            configured(
                "account-factory",
                json!({
                    "account_code_id": account_code_id, "ctc_token": token, "registry": registry,
                    "account_admin": owner,
                }),
                json!({ "owner": null }),
            ),
        )?;
        // The references: cw20-base with the same holders as CTC's genesis bucket, cw721-base
        // minted by the platform owner.
        let cw20 = instantiate(
            "cw20-base",
            json!({
                "name": "Reference Coin", "symbol": "REF", "decimals": 6,
                "initial_balances": [{ "address": buckets[2], "amount": (450_000_000 * CTC).to_string() }],
                "mint": null, "marketing": null,
            }),
        )?;
        let cw721 = instantiate(
            "cw721-base",
            json!({
                "name": "Reference Tickets", "symbol": "REFT", "collection_info_extension": null,
                "minter": owner, "creator": null, "withdraw_address": null,
            }),
        )?;
        let sink = instantiate("cw20-sink", json!({}))?;

        let platform = Self {
            chain,
            team_lockup,
            investor_lockup,
            providers_fund,
            community_fund,
            welfare_fund,
            set_tokens,
            codes,
            token,
            registry,
            tickets,
            schedules,
            crowdfund,
            tipping,
            oracle,
            wager,
            vouchers,
            randomness,
            factory,
            cw20,
            cw721,
            sink,
            owner,
            arbiter,
            providers: buckets[2].clone(),
            theater: account("theater"),
            troupe: account("troupe"),
            company: account("touring_company"),
            agency: account("agency"),
            identity_provider: account("identity_provider"),
            reporters: (0..3).map(|i| account(&format!("reporter{i}"))).collect(),
            cafe: account("cafe"),
            counter: account("cafe_counter"),
        };
        platform.wire(ticket_quota)?;
        Ok(platform)
    }

    fn wire(&self, ticket_quota: Option<u64>) -> anyhow::Result<()> {
        let owner = &self.owner;
        self.exec(
            owner,
            &self.oracle,
            json!({ "set_creator": { "address": self.wager, "allowed": true } }),
        )?;
        self.exec(
            owner,
            &self.tickets,
            json!({ "set_schedules": { "address": self.schedules } }),
        )?;
        // A ticket purchase naming a voucher is checked by vouchers, and only this ticket-nft's.
        self.exec(
            owner,
            &self.tickets,
            json!({ "set_vouchers": { "address": self.vouchers } }),
        )?;
        self.exec(
            owner,
            &self.vouchers,
            json!({ "set_ticket_nft": { "address": self.tickets } }),
        )?;
        for (name, address) in [
            ("ticket-nft", &self.tickets),
            ("crowdfund", &self.crowdfund),
            ("wager-pool", &self.wager),
            ("vouchers", &self.vouchers),
        ] {
            self.exec(
                owner,
                &self.registry,
                json!({ "register_platform_contract": { "name": name, "address": address } }),
            )?;
        }
        // Before any partner is admitted, so the copies miss no change.
        for mirror in [&self.tickets, &self.crowdfund, &self.vouchers] {
            self.exec(
                owner,
                &self.registry,
                json!({ "add_mirror": { "address": mirror } }),
            )?;
        }
        let quotas = match ticket_quota {
            Some(units) => json!([{
                "capability": "issue_tickets",
                "limit": { "units_per_window": units, "window_seconds": DAY },
            }]),
            None => json!([]),
        };
        self.admit(
            &self.theater,
            "Grand Theater",
            "theater",
            "issue_tickets",
            quotas.clone(),
        )?;
        self.admit(
            &self.agency,
            "Star Agency",
            "agency",
            "create_pools",
            json!([]),
        )?;
        self.admit(
            &self.troupe,
            "Spring Troupe",
            "troupe",
            "launch_crowdfunds",
            json!([]),
        )?;
        self.admit(
            &self.identity_provider,
            "Civil ID",
            "identity_provider",
            "attest_identity",
            json!([]),
        )?;
        for (i, reporter) in self.reporters.iter().enumerate() {
            self.admit(
                reporter,
                &format!("Sports data {i}"),
                "oracle_provider",
                "report_outcomes",
                json!([]),
            )?;
        }
        // Last, so that every partner admitted before it (and what they do) costs what it did
        // without schedules.
        self.admit(
            &self.company,
            "Touring Company",
            "troupe",
            "issue_tickets",
            quotas,
        )?;
        // After them all, for the same reason; then its counter, once vouchers knows the café.
        self.admit(
            &self.cafe,
            "Corner Café",
            "merchant",
            "issue_vouchers",
            json!([{
                "capability": "issue_vouchers",
                "limit": { "units_per_window": VOUCHER_QUOTA, "window_seconds": DAY },
            }]),
        )?;
        self.exec(
            &self.cafe,
            &self.vouchers,
            json!({ "set_scanner": { "address": self.counter, "allowed": true } }),
        )?;
        Ok(())
    }

    pub fn admit(
        &self,
        address: &str,
        name: &str,
        kind: &str,
        capability: &str,
        quotas: Value,
    ) -> anyhow::Result<TxOutcome> {
        self.exec(
            &self.owner,
            &self.registry,
            json!({ "admit": {
                "address": address, "name": name, "kind": kind, "capabilities": [capability],
                "agreement_digest": digest(0xaa), "metadata_uri": null, "quotas": quotas,
            }}),
        )
    }

    pub fn exec(&self, sender: &str, contract: &str, msg: Value) -> anyhow::Result<TxOutcome> {
        self.chain.execute(sender, contract, &msg, &[])
    }

    pub fn exec_with_funds(
        &self,
        sender: &str,
        contract: &str,
        msg: Value,
        funds: &[Coin],
    ) -> anyhow::Result<TxOutcome> {
        self.chain.execute(sender, contract, &msg, funds)
    }

    /// A CTC `Send` of `amount` to `contract` carrying `hook`.
    pub fn send(
        &self,
        from: &str,
        contract: &str,
        amount: u128,
        hook: Value,
    ) -> anyhow::Result<TxOutcome> {
        self.send_token(&self.token, from, contract, amount, hook)
    }

    /// A cw20 `Send` on `token` (CTC or cw20-base).
    pub fn send_token(
        &self,
        token: &str,
        from: &str,
        contract: &str,
        amount: u128,
        hook: Value,
    ) -> anyhow::Result<TxOutcome> {
        let msg = cosmwasm_std::to_json_binary(&hook)?;
        self.exec(
            from,
            token,
            json!({ "send": { "contract": contract, "amount": amount.to_string(), "msg": msg } }),
        )
    }

    /// CTC from the service-providers fund: the owner's `disburse`, booked in its ledger.
    pub fn fund(&self, to: &str, amount: u128) -> anyhow::Result<()> {
        self.exec(
            &self.owner,
            &self.providers_fund,
            json!({ "disburse": {
                "recipient": to, "amount": amount.to_string(), "purpose": "season float",
                "evidence_digest": digest(0x5e),
            }}),
        )?;
        Ok(())
    }

    /// The code id of artifact `name` as uploaded.
    pub fn code_id(&self, name: &str) -> anyhow::Result<u64> {
        self.codes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, id)| *id)
            .with_context(|| format!("no code {name}"))
    }

    pub fn attest(&self, user: &str) -> anyhow::Result<TxOutcome> {
        self.exec(
            &self.identity_provider,
            &self.registry,
            json!({ "attest": {
                "user": user, "level": "real_name", "digest": digest(0x11), "expires_at": null,
                "subject": digest(0x40),
            }}),
        )
    }

    pub fn now(&self) -> u64 {
        self.chain.now().seconds()
    }

    pub fn advance(&self, seconds: u64) {
        self.chain.advance(seconds);
    }
}

/// An event of the theater: two tiers, free transfer with resale, starting `starts_in` from
/// now with sales open now. `supply` tickets in the first tier.
pub fn show(now: u64, starts_in: u64, supply: u32, per_wallet_limit: Option<u32>) -> Value {
    let starts_at = now + starts_in;
    json!({
        "title": "The Butterfly Lovers",
        "venue": "Grand Theater",
        "description_uri": "ipfs://butterfly-lovers",
        "starts_at": ts(starts_at),
        "ends_at": ts(starts_at + 3 * HOUR),
        "sale_starts_at": ts(now),
        "sale_ends_at": ts(starts_at),
        "tiers": [
            { "name": "Stalls", "price": (100 * CTC).to_string(), "supply": supply, "seats": [],
              "per_wallet_limit": per_wallet_limit },
            { "name": "Patron", "price": (250 * CTC).to_string(), "supply": supply, "seats": [],
              "per_wallet_limit": per_wallet_limit },
        ],
        "min_identity": null,
        "transfer_policy": { "free": { "max_transfers": 2 } },
        "lock_before_start_seconds": 2 * HOUR,
        "resale_cap_bps": 11_000,
        "royalty": 500,
        "check_in_opens_before_seconds": 2 * HOUR,
    })
}

/// [`show`] issued from confirmed booking `booking_id` of the sender: the venue comes from the
/// booking, so the input's is empty, and the doors open as the show starts, which must be
/// inside the booking.
pub fn booked_show(
    now: u64,
    starts_in: u64,
    supply: u32,
    per_wallet_limit: Option<u32>,
    booking_id: u64,
) -> Value {
    let mut event = show(now, starts_in, supply, per_wallet_limit);
    event["venue"] = json!("");
    event["booking_id"] = json!(booking_id);
    event["check_in_opens_before_seconds"] = json!(0);
    event
}

/// The `Buy` hook for `quantity` tickets of `tier`.
pub fn buy(event_id: u64, tier: u8, quantity: u32) -> Value {
    json!({ "buy": { "event_id": event_id, "tier": tier, "quantity": quantity, "recipient": null } })
}

/// [`buy`] naming voucher `token_id` (a ticket coupon, or the pass a members tier asks for).
pub fn buy_with_voucher(event_id: u64, tier: u8, quantity: u32, token_id: &str) -> Value {
    let mut hook = buy(event_id, tier, quantity);
    hook["buy"]["voucher"] = json!(token_id);
    hook
}

/// A class of vouchers of `kind` at `price` micro-CTC a unit, on sale for ten days from `now`
/// and valid for thirty: one voucher per unit, a cap of 1,000, no per-holder limit, given away
/// at most twice, refunded to the holder at expiry. Callers change what they need.
pub fn voucher_class(now: u64, kind: Value, price: u128) -> Value {
    json!({
        "name": "Latte",
        "product": "One latte, any size",
        "uri": null,
        "kind": kind,
        "fungible": false,
        "cap": 1_000,
        "price": price.to_string(),
        "per_holder_limit": null,
        "sale_starts_at": ts(now),
        "sale_ends_at": ts(now + 10 * DAY),
        "valid_from": ts(now),
        "valid_until": ts(now + 30 * DAY),
        "transfer": { "gift": { "max_moves": 2 } },
        "min_identity": null,
        "accepted_attesters": [],
        "on_expiry": "refund_holder",
    })
}

/// The `Buy` hook of vouchers for `quantity` units of `class_id`.
pub fn buy_vouchers(class_id: u64, quantity: u32) -> Value {
    json!({ "buy": { "class_id": class_id, "quantity": quantity, "recipient": null } })
}

/// The address API of the report's chain (its bech32 prefix).
pub fn wasm_api() -> MockApi {
    MockApi::default().with_prefix(crate::addresses::PREFIX)
}

/// The address of test key `seed`: a wallet that signs its holder's codes (door and counter).
pub fn key_account(seed: u8) -> String {
    account_of_key(&wasm_api(), &key(seed)).1.to_string()
}

/// The code the holder with test key `seed` shows at the counter to redeem `units` of voucher
/// `token_id`, which holds `held`: signed over `redeem_text`, valid two minutes.
pub fn redeem_code(
    p: &Platform,
    seed: u8,
    token_id: &str,
    units: u64,
    held: u64,
) -> anyhow::Result<HolderProof> {
    let api = wasm_api();
    let expires_at = Timestamp::from_seconds(p.now() + 120);
    let text = redeem_text(
        &ChainConfig::default().chain_id,
        &api.addr_validate(&p.vouchers)?,
        token_id,
        units,
        held,
        expires_at,
    );
    Ok(sign(&api, &key(seed), &text, expires_at))
}

/// The id in attribute `key` of a transaction (`event_id`, `campaign_id`, …).
pub fn id(tx: &TxOutcome, key: &str) -> anyhow::Result<u64> {
    tx.attribute(key)
        .with_context(|| format!("no {key} attribute"))?
        .parse()
        .with_context(|| format!("{key} is not a number"))
}

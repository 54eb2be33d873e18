//! Unit tests through the entry points, on `ctc_testkit::Unit`: every refusal (through
//! `refused`, `execute` or a CTC hook) is checked to leave the whole storage unchanged, and the
//! registry and the token are the unit's `Neighbours`.

mod admin;
mod anti_scalping;
mod booking;
mod events;
mod ledger;
mod listings;
mod mirror;
mod moves;
mod numbering;
mod provenance;
mod sale;
mod seat_draw;
mod settlement;
mod storage_layout;
mod supervision;
mod vouchers;
mod writes;

use std::collections::BTreeMap;

use cosmwasm_std::testing::message_info;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Api, Env, HexBinary, Response, Timestamp, Uint128,
};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::proof::{check_in_text, HolderProof};
use ctc_interfaces::registry::{
    AttestedLevel, Capability, Denial, IdentityLevel, PartnerStanding, RegistryUpdate, Standing,
};
use ctc_interfaces::BasisPoints;
use ctc_testkit::{ctc_disburse_json, executes, snapshot, Neighbours, Unit, CTC, DAY};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    EventInput, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg, TierInput, TransferPolicy,
};
use crate::ContractError;

pub struct Accounts {
    pub owner: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub issuer: Addr,
    pub scanner: Addr,
    pub minter: Addr,
    pub fans: Vec<Addr>,
}

/// What the registry holds: the issuer's standing, and the level one identity provider attested
/// for each user.
#[derive(Clone, Default)]
pub struct Registry {
    pub issuer_denial: Option<Denial>,
    pub levels: BTreeMap<String, IdentityLevel>,
    /// The provider's subject (one byte, repeated) for users who share a person; every other
    /// attested user is a person of their own.
    pub subjects: BTreeMap<String, u8>,
}

/// The contract on a `Unit` (its storage, block and `execute`, reached through `Deref`), and the
/// addresses the tests play.
pub struct Chain {
    pub unit: Unit<ExecuteMsg, ContractError>,
    pub accounts: Accounts,
}

ctc_testkit::deref_to_unit!(Chain.unit: Unit<ExecuteMsg, ContractError>);

/// Sale open from now, event in ten days for three hours, Free policy with two moves, resale
/// cap 110%, royalty 5%; tiers: "Stalls" 100 CTC x 10 (limit 4) and "Box" 250 CTC x 2 seated.
pub fn event_input(env: &Env) -> EventInput {
    let starts_at = env.block.time.plus_seconds(10 * DAY);
    EventInput {
        title: "Hamlet".into(),
        venue: "Grand Theater".into(),
        description_uri: None,
        starts_at,
        ends_at: starts_at.plus_seconds(3 * 3_600),
        sale_starts_at: env.block.time,
        sale_ends_at: starts_at,
        tiers: vec![
            TierInput {
                name: "Stalls".into(),
                price: Uint128::new(100 * CTC),
                supply: 10,
                seats: vec![],
                per_wallet_limit: Some(4),
                members_of: None,
                random_seats: false,
            },
            TierInput {
                name: "Box".into(),
                price: Uint128::new(250 * CTC),
                supply: 2,
                seats: vec!["B1".into(), "B2".into()],
                per_wallet_limit: None,
                members_of: None,
                random_seats: false,
            },
        ],
        min_identity: None,
        accepted_attesters: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 2 },
        anti_scalping: None,
        lock_before_start_seconds: 3_600,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(500).unwrap(),
        check_in_opens_before_seconds: 2 * 3_600,
        booking_id: None,
    }
}

impl Chain {
    /// Instantiated with a 5% platform fee and a 10% burn share; event 1 created from
    /// `event_input` by the issuer.
    pub fn new() -> Self {
        let mut chain = Self::bare();
        let input = event_input(&chain.env);
        let issuer = chain.accounts.issuer.clone();
        chain
            .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
            .unwrap();
        chain
    }

    pub fn bare() -> Self {
        let mut unit = Unit::new(execute);
        let api = unit.deps.api;
        let accounts = Accounts {
            owner: api.addr_make("platform"),
            token: api.addr_make("ctc"),
            registry: api.addr_make("registry"),
            treasury: api.addr_make("treasury"),
            issuer: api.addr_make("theater"),
            scanner: api.addr_make("door"),
            minter: api.addr_make("crowdfund"),
            // Fans sign holder proofs at the door, so their addresses come from keys.
            fans: (1..=4).map(|seed| account(&api, &key(seed)).1).collect(),
        };
        instantiate(
            unit.deps.as_mut(),
            unit.env.clone(),
            message_info(&accounts.owner, &[]),
            instantiate_msg(&accounts),
        )
        .unwrap();
        let mut chain = Self { unit, accounts };
        chain.set_registry(Registry::default());
        chain
    }

    /// Brings the contract's mirror to what `registry` says, as the registry would push it: the
    /// issuer's standing and one identity provider's word on each user (withdrawn for every
    /// account the map leaves out). The cw2 raw query is answered as a chain does: the token is
    /// the CTC contract, any other address holds no contract; any smart query fails the test.
    pub fn set_registry(&mut self, registry: Registry) {
        Neighbours::new()
            .contract(&self.accounts.token, "crates.io:ctc-token")
            .install(&mut self.unit.deps);
        let standing = |standing, capabilities: &[Capability]| {
            Some(PartnerStanding {
                standing,
                capabilities: capabilities.to_vec(),
            })
        };
        let issuer = match registry.issuer_denial {
            None => standing(Standing::Active, &[Capability::IssueTickets]),
            Some(Denial::NotGranted) => standing(Standing::Active, &[]),
            Some(Denial::Suspended) => standing(Standing::Suspended, &[Capability::IssueTickets]),
            Some(Denial::Revoked) => standing(Standing::Revoked, &[Capability::IssueTickets]),
            Some(Denial::NotAPartner) => None,
        };
        let attester = self.deps.api.addr_make("civil-id");
        let mut updates = vec![
            RegistryUpdate::Partner {
                address: self.accounts.issuer.clone(),
                standing: issuer,
            },
            RegistryUpdate::Partner {
                address: attester.clone(),
                standing: standing(Standing::Active, &[Capability::AttestIdentity]),
            },
        ];
        let a = &self.accounts;
        let everyone = [&a.owner, &a.issuer, &a.scanner, &a.minter, &a.treasury]
            .into_iter()
            .chain(&a.fans)
            .map(|address| address.to_string())
            .chain(registry.levels.keys().cloned());
        for (person, user) in (1u8..).zip(everyone) {
            updates.push(RegistryUpdate::Attestation {
                user: self
                    .deps
                    .api
                    .addr_validate(&user)
                    .expect("the registry holds valid addresses"),
                attester: attester.clone(),
                attested: registry.levels.get(&user).map(|&level| AttestedLevel {
                    level,
                    expires_at: None,
                    subject: Some(HexBinary::from(vec![
                        registry
                            .subjects
                            .get(&user)
                            .copied()
                            .unwrap_or(100 + person);
                        32
                    ])),
                }),
            });
        }
        let registry_address = self.accounts.registry.clone();
        for update in updates {
            self.execute(&registry_address, ExecuteMsg::RegistryUpdate(update))
                .unwrap();
        }
    }

    pub fn pay(
        &mut self,
        payer: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<Response, ContractError> {
        let token = self.accounts.token.clone();
        self.ctc_send(&token, payer, amount, hook, ExecuteMsg::Receive)
    }

    pub fn buy(
        &mut self,
        fan: usize,
        tier: u8,
        quantity: u32,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let payer = self.accounts.fans[fan].clone();
        self.pay(
            &payer,
            amount,
            &ReceiveMsg::Buy {
                event_id: 1,
                tier,
                quantity,
                recipient: None,
                voucher: None,
            },
        )
    }

    /// A purchase of `quantity` tickets of `tier` of any event by fan `fan`, for themself.
    pub fn buy_in(
        &mut self,
        fan: usize,
        (event_id, tier): (u64, u8),
        quantity: u32,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let payer = self.accounts.fans[fan].clone();
        self.pay(
            &payer,
            amount,
            &ReceiveMsg::Buy {
                event_id,
                tier,
                quantity,
                recipient: None,
                voucher: None,
            },
        )
    }

    /// One change pushed by the registry, which the mirror must accept.
    pub fn push(&mut self, update: RegistryUpdate) {
        let registry = self.accounts.registry.clone();
        self.execute(&registry, ExecuteMsg::RegistryUpdate(update))
            .unwrap();
    }

    /// The issuer of event `event_id` lets `minter` send `MintReserved` for it.
    pub fn appoint_minter(&mut self, event_id: u64, minter: &Addr) {
        let issuer = self.event_of(event_id).issuer;
        self.execute(
            &issuer,
            ExecuteMsg::SetMinter {
                event_id,
                address: minter.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    }

    /// The issuer of event 1 lets the scanner account check its tickets in.
    pub fn appoint_scanner(&mut self) {
        let (issuer, scanner) = (self.accounts.issuer.clone(), self.accounts.scanner.clone());
        self.execute(
            &issuer,
            ExecuteMsg::SetScanner {
                event_id: 1,
                address: scanner.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    }

    /// The refusal of a query that must fail.
    pub fn query_refused(&self, msg: QueryMsg) -> ContractError {
        match query(self.deps.as_ref(), self.env.clone(), msg) {
            Ok(answer) => panic!("expected a refusal, got {answer}"),
            Err(err) => err,
        }
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    /// The QR code fan `fan` shows at the door for `token_id`: valid for one minute from now.
    pub fn door_proof(&self, fan: usize, token_id: &str) -> HolderProof {
        let expires_at = self.env.block.time.plus_seconds(60);
        let text = check_in_text(
            &self.env.block.chain_id,
            &self.env.contract.address,
            token_id,
            expires_at,
        );
        sign(&self.deps.api, &key(fan as u8 + 1), &text, expires_at)
    }

    pub fn advance_to(&mut self, time: Timestamp) {
        self.env.block.time = time;
    }

    pub fn event(&self) -> crate::msg::EventResponse {
        self.event_of(1)
    }

    pub fn event_of(&self, event_id: u64) -> crate::msg::EventResponse {
        self.ask(QueryMsg::Event { event_id })
    }

    pub fn owner_of(&self, token_id: &str) -> String {
        let owner: cw721::msg::OwnerOfResponse = self.ask(QueryMsg::OwnerOf {
            token_id: token_id.into(),
            include_expired: None,
        });
        owner.owner
    }
}

pub fn gift(token_id: &str, to: &Addr) -> ExecuteMsg {
    ExecuteMsg::TransferNft {
        recipient: to.to_string(),
        token_id: token_id.into(),
    }
}

pub fn list(token_id: &str, price: u128) -> ExecuteMsg {
    ExecuteMsg::ListForResale {
        token_id: token_id.into(),
        price: Uint128::new(price),
    }
}

pub fn instantiate_msg(accounts: &Accounts) -> InstantiateMsg {
    InstantiateMsg {
        token: accounts.token.to_string(),
        registry: accounts.registry.to_string(),
        treasury: accounts.treasury.to_string(),
        platform_fee: BasisPoints::new(500).unwrap(),
        burn_share: BasisPoints::new(1_000).unwrap(),
        settlement_delay_seconds: DAY,
        name: "TicketChain Tickets".into(),
        symbol: "TIX".into(),
        owner: None,
        min_holder_identity: None,
        randomness: None,
    }
}

/// An evidence digest as supervisors and complaints carry: 64 hex characters.
pub fn digest() -> String {
    "ab".repeat(32)
}

/// The issuer creates an event from `event_input` as `change` leaves it.
pub fn create_event(
    chain: &mut Chain,
    change: impl FnOnce(&mut EventInput),
) -> Result<Response, ContractError> {
    let mut input = event_input(&chain.env);
    change(&mut input);
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, ExecuteMsg::CreateEvent { event: input })
}

/// Every change in `token_id`'s history, oldest first (the mint's included).
pub fn changes(chain: &Chain, token_id: &str) -> Vec<crate::msg::Provenance> {
    let history: crate::msg::HistoryResponse = chain.ask(QueryMsg::History {
        token_id: token_id.into(),
        start_after: None,
        limit: None,
    });
    history.records.into_iter().map(|r| r.change).collect()
}

/// Makes the registry answer its `Supervisor` query, which a supervisor other than the platform
/// owner costs: `regulators` are regulators, anyone else neither authority nor regulator. Any
/// other registry query fails the test. Replaces the neighbours `set_registry` installed, keeping
/// the token's cw2 identity.
pub fn answer_supervisors(chain: &mut Chain, regulators: &[Addr]) {
    use ctc_interfaces::registry::{RegistryQueryMsg, SupervisorResponse};
    let regulators = regulators.to_vec();
    Neighbours::new()
        .contract(&chain.accounts.token, "crates.io:ctc-token")
        .smart(
            &chain.accounts.registry,
            move |query: RegistryQueryMsg| match query {
                RegistryQueryMsg::Supervisor { address } => SupervisorResponse {
                    authority: false,
                    regulator: regulators.iter().any(|r| r.as_str() == address),
                },
                other => panic!("unexpected registry query {other:?}"),
            },
        )
        .install(&mut chain.unit.deps);
}

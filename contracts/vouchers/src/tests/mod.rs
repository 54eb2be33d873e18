//! Unit tests through the entry points, on ctc-testkit's `Unit`: every refusal is checked to
//! leave the storage unchanged. The registry's mirror is filled as the registry would push it;
//! the mocked registry answers only `Supervisor`, the one query the contract asks.

mod admin;
mod classes;
mod clearing;
mod conservation;
mod moves;
mod queries;
mod redeem;
mod resale;
mod sale;
mod storage_layout;
mod supervision;
mod tickets;
mod units;

use cosmwasm_std::{Addr, Response, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::proof::{check_in_text, redeem_text, HolderProof};
use ctc_interfaces::registry::{
    AttestedLevel, Capability, IdentityLevel, PartnerStanding, RegistryQueryMsg, RegistryUpdate,
    Standing, SupervisorResponse,
};
use ctc_interfaces::vouchers::VoucherReceiveMsg;
use ctc_interfaces::BasisPoints;
use ctc_testkit::{Neighbours, Unit, CTC, DAY};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    ClassInput, ClassResponse, CouponTarget, ExecuteMsg, InstantiateMsg, Off, OnExpiry, QueryMsg,
    TransferRule, VoucherKind, VoucherResponse, VoucherStatus,
};
use crate::state::Earned;
use crate::ContractError;

pub type Vouchers = Unit<ExecuteMsg, ContractError>;

/// 2.5% platform fee and 1% burn, as ticket settlement.
pub const FEE: u16 = 250;
pub const BURN: u16 = 100;
pub const PRICE: u128 = 5 * CTC;

pub struct Accounts {
    pub owner: Addr,
    pub registry: Addr,
    pub token: Addr,
    pub treasury: Addr,
    /// A merchant with `issue_vouchers`: the café that issues the classes under test.
    pub cafe: Addr,
    /// Another merchant with `issue_vouchers`, issuing classes of its own.
    pub bakery: Addr,
    /// An Active merchant without `issue_vouchers`.
    pub florist: Addr,
    pub attester: Addr,
    pub regulator: Addr,
    pub stranger: Addr,
    /// The café's counter scanner, and the bakery's.
    pub scanner: Addr,
    pub bakery_scanner: Addr,
    /// Holders whose addresses come from keys, so they can sign codes: fan and fan2 attested
    /// real name, fan3 only by phone.
    pub fan: Addr,
    pub fan2: Addr,
    pub fan3: Addr,
}

pub struct Chain {
    pub unit: Vouchers,
    pub accounts: Accounts,
    pub start: Timestamp,
}

ctc_testkit::deref_to_unit!(Chain.unit: Vouchers);

pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

pub fn digest() -> String {
    "ab".repeat(32)
}

pub fn partner_update(address: &Addr, standing: Standing, caps: &[Capability]) -> RegistryUpdate {
    RegistryUpdate::Partner {
        address: address.clone(),
        standing: Some(PartnerStanding {
            standing,
            capabilities: caps.to_vec(),
        }),
    }
}

pub fn attest(user: &Addr, attester: &Addr, level: IdentityLevel) -> RegistryUpdate {
    RegistryUpdate::Attestation {
        user: user.clone(),
        attester: attester.clone(),
        attested: Some(AttestedLevel {
            level,
            expires_at: None,
            subject: None,
        }),
    }
}

pub fn instantiate_msg(accounts: &Accounts) -> InstantiateMsg {
    InstantiateMsg {
        token: accounts.token.to_string(),
        registry: accounts.registry.to_string(),
        treasury: accounts.treasury.to_string(),
        platform_fee: BasisPoints::new(FEE).unwrap(),
        burn_share: BasisPoints::new(BURN).unwrap(),
        min_holder_identity: None,
        name: "TicketChain vouchers".into(),
        symbol: "VCH".into(),
        owner: None,
    }
}

impl Chain {
    /// Instantiated, with the registry's mirror holding the partners and attestations.
    pub fn new() -> Self {
        let mut unit = Vouchers::new(execute);
        let name = |n: &str| unit.addr(n);
        let fan = |seed: u8| account(&unit.deps.api, &key(seed)).1;
        let accounts = Accounts {
            owner: name("owner"),
            registry: name("registry"),
            token: name("token"),
            treasury: name("treasury"),
            cafe: name("cafe"),
            bakery: name("bakery"),
            florist: name("florist"),
            attester: name("attester"),
            regulator: name("regulator"),
            stranger: name("stranger"),
            scanner: name("scanner"),
            bakery_scanner: name("bakery_scanner"),
            fan: fan(1),
            fan2: fan(2),
            fan3: fan(3),
        };
        let regulator = accounts.regulator.clone();
        Neighbours::new()
            .smart(
                &accounts.registry,
                move |query: RegistryQueryMsg| match query {
                    RegistryQueryMsg::Supervisor { address } => SupervisorResponse {
                        authority: false,
                        regulator: address == regulator.as_str(),
                    },
                    other => panic!("vouchers does not ask {other:?}"),
                },
            )
            .install(&mut unit.deps);
        let owner = accounts.owner.clone();
        unit.instantiate(instantiate, &owner, instantiate_msg(&accounts))
            .unwrap();
        let start = unit.env.block.time;
        let mut chain = Self {
            unit,
            accounts,
            start,
        };
        let a = &chain.accounts;
        let issue = [Capability::IssueVouchers];
        let updates = vec![
            partner_update(&a.cafe, Standing::Active, &issue),
            partner_update(&a.bakery, Standing::Active, &issue),
            partner_update(&a.florist, Standing::Active, &[Capability::IssueTickets]),
            partner_update(&a.attester, Standing::Active, &[Capability::AttestIdentity]),
            attest(&a.fan, &a.attester, IdentityLevel::RealName),
            attest(&a.fan2, &a.attester, IdentityLevel::RealName),
            attest(&a.fan3, &a.attester, IdentityLevel::Phone),
        ];
        for update in updates {
            chain.push(update);
        }
        let (cafe, scanner) = (chain.accounts.cafe.clone(), chain.accounts.scanner.clone());
        chain.set_scanner(&cafe, &scanner);
        let (bakery, scanner) = (
            chain.accounts.bakery.clone(),
            chain.accounts.bakery_scanner.clone(),
        );
        chain.set_scanner(&bakery, &scanner);
        chain
    }

    /// The registry pushes `update` to the mirror.
    pub fn push(&mut self, update: RegistryUpdate) {
        let registry = self.accounts.registry.clone();
        self.execute(&registry, ExecuteMsg::RegistryUpdate(update))
            .unwrap();
    }

    pub fn set_standing(&mut self, who: &Addr, standing: Standing) {
        let update = partner_update(who, standing, &[Capability::IssueVouchers]);
        self.push(update);
    }

    pub fn set_scanner(&mut self, merchant: &Addr, scanner: &Addr) {
        let msg = ExecuteMsg::SetScanner {
            address: scanner.to_string(),
            allowed: true,
        };
        self.execute(merchant, msg).unwrap();
    }

    pub fn at(&self, days: u64) -> Timestamp {
        self.start.plus_seconds(days * DAY)
    }

    /// Moves the block to `days` after the start.
    pub fn go_to(&mut self, days: u64) {
        let target = self.at(days);
        let now = self.unit.env.block.time;
        self.unit.advance(target.seconds() - now.seconds());
    }

    /// A goods voucher at `price`: cap 100, 5 per holder, on sale for 10 days, valid for 30,
    /// giftable twice, refunded at expiry, real name by any attester.
    pub fn goods(&self, price: u128) -> ClassInput {
        ClassInput {
            name: "Latte".into(),
            product: "One latte, any size".into(),
            uri: Some("ipfs://latte".into()),
            kind: VoucherKind::Goods,
            fungible: false,
            cap: 100,
            price: Uint128::new(price),
            per_holder_limit: Some(5),
            sale_starts_at: self.start,
            sale_ends_at: self.at(10),
            valid_from: self.start,
            valid_until: self.at(30),
            transfer: TransferRule::Gift { max_moves: 2 },
            min_identity: None,
            accepted_attesters: vec![],
            on_expiry: OnExpiry::RefundHolder,
        }
    }

    pub fn coupon(&self) -> ClassInput {
        ClassInput {
            kind: VoucherKind::Coupon {
                off: Off::Percent(BasisPoints::new(2_000).unwrap()),
                on: CouponTarget::Goods,
            },
            ..self.goods(0)
        }
    }

    /// `issuer` creates `input`: its class id.
    pub fn create(&mut self, issuer: &Addr, input: ClassInput) -> u64 {
        let response = self
            .execute(issuer, ExecuteMsg::CreateClass { class: input })
            .unwrap();
        attribute(&response, "class_id").parse().unwrap()
    }

    pub fn send(
        &mut self,
        from: &Addr,
        amount: u128,
        hook: VoucherReceiveMsg,
    ) -> Result<Response, ContractError> {
        let token = self.accounts.token.clone();
        self.unit
            .ctc_send(&token, from, amount, &hook, ExecuteMsg::Receive)
    }

    pub fn buy(
        &mut self,
        from: &Addr,
        class_id: u64,
        quantity: u32,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let hook = VoucherReceiveMsg::Buy {
            class_id,
            quantity,
            recipient: None,
        };
        self.send(from, amount, hook)
    }

    pub fn claim(
        &mut self,
        who: &Addr,
        class_id: u64,
        quantity: u32,
    ) -> Result<Response, ContractError> {
        self.execute(who, ExecuteMsg::Claim { class_id, quantity })
    }

    /// The café's priced goods class (id 1) with the fan holding "1-0".
    pub fn with_paid_voucher() -> Self {
        let mut chain = Self::new();
        let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
        let input = chain.goods(PRICE);
        chain.create(&cafe, input);
        chain.buy(&fan, 1, 1, PRICE).unwrap();
        chain
    }

    /// The holder's code for redeeming a one-unit `token_id`, signed with key `seed`, valid 2
    /// minutes.
    pub fn code(&self, seed: u8, token_id: &str) -> HolderProof {
        self.code_for(seed, token_id, 1, 1)
    }

    /// The code for redeeming `units` of a voucher that holds `held`.
    pub fn code_for(&self, seed: u8, token_id: &str, units: u64, held: u64) -> HolderProof {
        let expires = self.unit.env.block.time.plus_seconds(120);
        let text = redeem_text(
            &self.unit.env.block.chain_id,
            &self.unit.env.contract.address,
            token_id,
            units,
            held,
            expires,
        );
        sign(&self.unit.deps.api, &key(seed), &text, expires)
    }

    /// A check-in code for the same token id: must not redeem a voucher.
    pub fn check_in_code(&self, seed: u8, token_id: &str) -> HolderProof {
        let expires = self.unit.env.block.time.plus_seconds(120);
        let text = check_in_text(
            &self.unit.env.block.chain_id,
            &self.unit.env.contract.address,
            token_id,
            expires,
        );
        sign(&self.unit.deps.api, &key(seed), &text, expires)
    }

    pub fn redeem(
        &mut self,
        scanner: &Addr,
        token_id: &str,
        proof: HolderProof,
    ) -> Result<Response, ContractError> {
        self.redeem_units(scanner, token_id, 1, proof)
    }

    pub fn redeem_units(
        &mut self,
        scanner: &Addr,
        token_id: &str,
        units: u64,
        proof: HolderProof,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Redeem {
            token_id: token_id.into(),
            units,
            proof,
        };
        self.execute(scanner, msg)
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn class(&self, class_id: u64) -> ClassResponse {
        self.ask(QueryMsg::Class { class_id })
    }

    pub fn voucher(&self, token_id: &str) -> VoucherResponse {
        self.ask(QueryMsg::Voucher {
            token_id: token_id.into(),
        })
    }

    pub fn status(&self, token_id: &str) -> VoucherStatus {
        self.voucher(token_id).status
    }

    pub fn earned(&self, merchant: &Addr) -> Earned {
        self.ask(QueryMsg::Earned {
            merchant: merchant.to_string(),
        })
    }

    pub fn transfer(
        &mut self,
        from: &Addr,
        to: &Addr,
        token_id: &str,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::TransferNft {
            recipient: to.to_string(),
            token_id: token_id.into(),
        };
        self.execute(from, msg)
    }
}

/// The value of the attribute `key` in `response`.
pub fn attribute(response: &Response, key: &str) -> String {
    response
        .attributes
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no attribute {key}"))
        .value
        .clone()
}

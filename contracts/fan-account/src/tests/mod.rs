//! Unit tests through the entry points, written as an attacker would (`docs/accounts-design.md`
//! §9). The registry's `has_capability` is answered by a mock reading a table the tests change;
//! every refusal is checked to leave the storage unchanged (ctc-testkit's `Unit`).

mod cw1_conformance;
mod delegates;
mod instantiate;
mod messages;
mod operator;
mod proxy;
mod queries;
mod recovery;
mod smuggling;
mod storage_layout;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{
    to_json_binary, Addr, Binary, Coin, CosmosMsg, Response, Timestamp, Uint128, WasmMsg,
};
use ctc_conventions::ConventionError;
use ctc_interfaces::accounts::{RecoveryBounds, RecoveryConfig, RecoveryMember};
use ctc_interfaces::registry::{Capability, CapabilityResponse, Denial, RegistryQueryMsg};
use ctc_testkit::{Neighbours, Unit, CTC, DAY};
use cw20::Cw20ExecuteMsg;
use serde::de::DeserializeOwned;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    DelegateResponse, ExecuteMsg, InstantiateMsg, ProposalInfo, ProposalResponse, QueryMsg, Rights,
    Spend,
};
use crate::ContractError;

pub const DELAY: u64 = 3 * DAY;
pub const PERIOD: u64 = 30 * DAY;

/// Bounds as a factory passes them (deploy/platform.json's): the delay a day to 30 days, the
/// period 7 days to a year. `DELAY` and `PERIOD` lie within them.
pub fn factory_bounds() -> RecoveryBounds {
    RecoveryBounds {
        min_delay_seconds: DAY,
        max_delay_seconds: 30 * DAY,
        min_period_seconds: 7 * DAY,
        max_period_seconds: 365 * DAY,
    }
}

/// The account under test: its `execute`, where every refusal is checked to change nothing.
pub type Account = Unit<ExecuteMsg, ContractError>;

/// What the mocked registry answers `has_capability(attest_identity)` with, by address: `None`
/// allowed, else the denial. Absent: not a partner.
pub type Registry = Rc<RefCell<BTreeMap<String, Option<Denial>>>>;

pub struct Chain {
    pub unit: Account,
    /// The account's own address.
    pub account: Addr,
    pub operator: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub factory: Addr,
    /// The attesting partner: a partner member of weight 2.
    pub partner: Addr,
    /// Two friends of weight 1 each.
    pub friend1: Addr,
    pub friend2: Addr,
    pub delegate: Addr,
    pub stranger: Addr,
    /// The fan's new key.
    pub new_key: Addr,
    /// A ticket contract, a payee.
    pub tickets: Addr,
    pub registry_answers: Registry,
}

ctc_testkit::deref_to_unit!(Chain.unit: Account);

/// The evidence of the tests: 64 lowercase hex characters.
pub fn evidence() -> String {
    "ab".repeat(32)
}

pub fn member(address: &Addr, weight: u32, partner: bool) -> RecoveryMember {
    RecoveryMember {
        address: address.to_string(),
        weight,
        partner,
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

/// A wasm execute of `msg` on `contract` with `funds`.
pub fn wasm(contract: &Addr, msg: &impl serde::Serialize, funds: Vec<Coin>) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(msg).unwrap(),
        funds,
    }
    .into()
}

/// The same with the JSON given as text, for messages no type writes.
pub fn wasm_json(contract: &Addr, json: &str) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: Binary::from(json.as_bytes()),
        funds: vec![],
    }
    .into()
}

impl Chain {
    /// Partner (2, partner) and two friends (1 each), threshold 2, delay 3 days, period 30 days,
    /// with a factory.
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// Instantiated with the default message as `adjust` leaves it.
    pub fn with(adjust: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let chain = Self::bare();
        let mut chain = chain;
        let mut msg = chain.instantiate_msg();
        adjust(&mut msg);
        let factory = chain.factory.clone();
        chain.instantiate(instantiate, &factory, msg).unwrap();
        chain
    }

    /// Everything but the instantiate.
    pub fn bare() -> Self {
        let mut unit = Account::new(execute);
        let name = |n: &str| unit.addr(n);
        let (operator, token, registry, factory) =
            (name("fan"), name("ctc"), name("registry"), name("factory"));
        let (partner, friend1, friend2) = (name("partner"), name("friend1"), name("friend2"));
        let (delegate, stranger, new_key, tickets) = (
            name("delegate"),
            name("stranger"),
            name("new-key"),
            name("tickets"),
        );
        let registry_answers: Registry = Rc::default();
        registry_answers
            .borrow_mut()
            .insert(partner.to_string(), None);
        let answers = Rc::clone(&registry_answers);
        Neighbours::new()
            .smart(&registry, move |query: RegistryQueryMsg| {
                let RegistryQueryMsg::HasCapability {
                    address,
                    capability: Capability::AttestIdentity,
                } = query
                else {
                    panic!("an account asks the registry only has_capability(attest_identity)")
                };
                let answer = answers
                    .borrow()
                    .get(&address)
                    .copied()
                    .unwrap_or(Some(Denial::NotAPartner));
                CapabilityResponse {
                    allowed: answer.is_none(),
                    reason: answer,
                }
            })
            .install(&mut unit.deps);
        let account = unit.env.contract.address.clone();
        Self {
            unit,
            account,
            operator,
            token,
            registry,
            factory,
            partner,
            friend1,
            friend2,
            delegate,
            stranger,
            new_key,
            tickets,
            registry_answers,
        }
    }

    pub fn instantiate_msg(&self) -> InstantiateMsg {
        InstantiateMsg {
            operator: self.operator.to_string(),
            ctc_token: self.token.to_string(),
            registry: self.registry.to_string(),
            factory: Some(self.factory.to_string()),
            recovery: self.recovery_config(),
            bounds: None,
        }
    }

    pub fn recovery_config(&self) -> RecoveryConfig {
        RecoveryConfig {
            members: vec![
                member(&self.partner, 2, true),
                member(&self.friend1, 1, false),
                member(&self.friend2, 1, false),
            ],
            threshold: 2,
            delay_seconds: DELAY,
            period_seconds: PERIOD,
        }
    }

    pub fn now(&self) -> Timestamp {
        self.env.block.time
    }

    /// Sets the registry's answer for `who`: `None` allowed, else the denial.
    pub fn set_partner(&self, who: &Addr, denial: Option<Denial>) {
        self.registry_answers
            .borrow_mut()
            .insert(who.to_string(), denial);
    }

    pub fn ask<T: DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    /// The query's refusal.
    pub fn ask_refused(&self, msg: QueryMsg) -> ContractError {
        query(self.deps.as_ref(), self.env.clone(), msg).unwrap_err()
    }

    // ---- messages ----

    pub fn transfer(&self, to: &Addr, amount: u128) -> CosmosMsg {
        let msg = Cw20ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount: Uint128::new(amount),
        };
        wasm(&self.token, &msg, vec![])
    }

    pub fn send(&self, contract: &Addr, amount: u128) -> CosmosMsg {
        let msg = Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount: Uint128::new(amount),
            msg: Binary::from(br#"{"buy":{}}"#),
        };
        wasm(&self.token, &msg, vec![])
    }

    /// A CTC `send` of `amount` to `contract` carrying `hook` as given.
    pub fn send_hook(&self, contract: &Addr, amount: u128, hook: &str) -> CosmosMsg {
        let msg = Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount: Uint128::new(amount),
            msg: Binary::from(hook.as_bytes()),
        };
        wasm(&self.token, &msg, vec![])
    }

    pub fn run(&mut self, sender: &Addr, msgs: Vec<CosmosMsg>) -> Result<Response, ContractError> {
        self.execute(sender, ExecuteMsg::Execute { msgs })
    }

    pub fn can_execute(&self, sender: &Addr, msg: CosmosMsg) -> bool {
        let answer: crate::msg::CanExecuteResponse = self.ask(QueryMsg::CanExecute {
            sender: sender.to_string(),
            msg,
        });
        answer.can_execute
    }

    pub fn can_present(&self, key: &Addr, right: crate::msg::PresentRight) -> bool {
        let answer: crate::msg::CanPresentResponse = self.ask(QueryMsg::CanPresent {
            key: key.to_string(),
            right,
        });
        answer.allowed
    }

    /// The operator grants `delegate` these rights for `days`.
    pub fn grant_rights(
        &mut self,
        delegate: &Addr,
        rights: Rights,
        days: u64,
    ) -> Result<Response, ContractError> {
        let operator = self.operator.clone();
        let expires_at = self.now().plus_seconds(days * DAY);
        self.execute(
            &operator,
            ExecuteMsg::Grant {
                delegate: delegate.to_string(),
                rights,
                expires_at,
            },
        )
    }

    /// The operator grants the delegate `daily` CTC a day to anyone, and the door, for 10 days.
    pub fn grant_spend(&mut self, daily: u128, to: Option<Vec<&Addr>>) {
        let delegate = self.delegate.clone();
        let rights = Rights {
            door: true,
            redeem: false,
            spend: Some(Spend {
                daily: Uint128::new(daily * CTC),
                to: to.map(|to| to.iter().map(|a| a.to_string()).collect()),
            }),
        };
        self.grant_rights(&delegate, rights, 10).unwrap();
    }

    pub fn delegate_info(&self, who: &Addr) -> DelegateResponse {
        self.ask(QueryMsg::Delegate {
            address: who.to_string(),
        })
    }

    // ---- recovery ----

    pub fn propose(&mut self, by: &Addr, new_operator: &Addr) -> Result<Response, ContractError> {
        self.execute(
            by,
            ExecuteMsg::ProposeRecovery {
                new_operator: new_operator.to_string(),
                evidence: evidence(),
            },
        )
    }

    pub fn approve(&mut self, by: &Addr, id: u32) -> Result<Response, ContractError> {
        self.execute(by, ExecuteMsg::ApproveRecovery { id })
    }

    pub fn complete(&mut self, by: &Addr, id: u32) -> Result<Response, ContractError> {
        self.execute(by, ExecuteMsg::CompleteRecovery { id })
    }

    pub fn veto(&mut self, id: u32) -> Result<Response, ContractError> {
        let operator = self.operator.clone();
        self.execute(&operator, ExecuteMsg::VetoRecovery { id, reason: None })
    }

    pub fn proposal(&self) -> Option<ProposalInfo> {
        let answer: ProposalResponse = self.ask(QueryMsg::Proposal {});
        answer.proposal
    }

    pub fn current_operator(&self) -> Addr {
        let config: crate::msg::ConfigResponse = self.ask(QueryMsg::Config {});
        config.operator
    }

    /// The partner proposes the new key (quorum at once), the delay passes, a stranger completes.
    pub fn recover(&mut self) -> Result<Response, ContractError> {
        let (partner, new_key, stranger) = (
            self.partner.clone(),
            self.new_key.clone(),
            self.stranger.clone(),
        );
        let id = attribute(&self.propose(&partner, &new_key)?, "id")
            .parse()
            .unwrap();
        self.advance(DELAY);
        let response = self.complete(&stranger, id)?;
        self.operator = new_key;
        Ok(response)
    }
}

//! Unit tests through the entry points. The chain's side of a creation is played here: the
//! instantiate sub-message `create_account` answers is checked, and its reply is delivered with a
//! `MsgInstantiateContractResponse` naming an address the test chose. Every refusal is checked
//! to leave the storage unchanged. The registry's `has_capability` is answered by a mock reading
//! a table the tests change: the partner attests identity, anyone else is no partner.

mod accounts;
mod admin;
mod operator;
mod queries;
mod storage_layout;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{
    from_json, Addr, Binary, CosmosMsg, MsgResponse, Reply, Response, SubMsgResponse, SubMsgResult,
    WasmMsg,
};
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::{Capability, CapabilityResponse, Denial, RegistryQueryMsg};
use ctc_testkit::{Neighbours, Unit, DAY};

use crate::contract::{execute, instantiate, query, reply};
use crate::execute::accounts::{ACCOUNT_CREATED, INSTANTIATE_RESPONSE_TYPE};
use crate::msg::{
    AccountInstantiateMsg, AccountResponse, AccountsResponse, ExecuteMsg, InstantiateMsg, QueryMsg,
    RecoveryConfig, RecoveryMember,
};
use crate::ContractError;

pub const CODE_ID: u64 = 7;
pub const MIN_DELAY: u64 = DAY;
pub const MAX_DELAY: u64 = 30 * DAY;
pub const MIN_PERIOD: u64 = 7 * DAY;
pub const MAX_PERIOD: u64 = 365 * DAY;

/// The factory under test: its `execute`, where every refusal is checked to change nothing.
pub type Factory = Unit<ExecuteMsg, ContractError>;

/// What the mocked registry answers `has_capability(attest_identity)` with, by address: `None`
/// allowed, else the denial. Absent: not a partner.
pub type Registry = Rc<RefCell<BTreeMap<String, Option<Denial>>>>;

/// The capabilities the factory asked the registry about, in order: (address, capability).
pub type Asked = Rc<RefCell<Vec<(String, Capability)>>>;

pub struct Chain {
    pub unit: Factory,
    pub owner: Addr,
    /// The accounts' wasm admin.
    pub committee: Addr,
    pub token: Addr,
    pub registry: Addr,
    /// The identity partner that creates accounts for the fans it verified.
    pub partner: Addr,
    pub fan: Addr,
    pub stranger: Addr,
    /// Accounts instantiated so far, which names the next one.
    pub created: u32,
    pub registry_answers: Registry,
    pub asked: Asked,
}

ctc_testkit::deref_to_unit!(Chain.unit: Factory);

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
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

pub fn instantiate_msg(unit: &Factory) -> InstantiateMsg {
    InstantiateMsg {
        account_code_id: CODE_ID,
        ctc_token: unit.addr("ctc").to_string(),
        registry: unit.addr("registry").to_string(),
        account_admin: unit.addr("committee").to_string(),
        min_delay_seconds: MIN_DELAY,
        max_delay_seconds: MAX_DELAY,
        min_period_seconds: MIN_PERIOD,
        max_period_seconds: MAX_PERIOD,
        owner: None,
    }
}

/// The onboarding default: the partner alone, weight 1, with `delay` and `period`.
pub fn recovery(partner: &Addr, delay_seconds: u64, period_seconds: u64) -> RecoveryConfig {
    RecoveryConfig {
        members: vec![RecoveryMember {
            address: partner.to_string(),
            weight: 1,
            partner: true,
        }],
        threshold: 1,
        delay_seconds,
        period_seconds,
    }
}

/// A `MsgInstantiateContractResponse` naming `address` (field 1) and no data, in protobuf, as
/// the chain writes it.
pub fn instantiate_response(address: &str) -> Binary {
    let mut bytes = vec![0x0a];
    let mut len = address.len();
    while len >= 0x80 {
        bytes.push((len as u8 & 0x7f) | 0x80);
        len >>= 7;
    }
    bytes.push(len as u8);
    bytes.extend_from_slice(address.as_bytes());
    Binary::from(bytes)
}

/// The reply the chain sends once the account's instantiate (the first message of `response`)
/// succeeded at `account`, with `msg_responses` as given.
#[allow(deprecated)]
pub fn reply_with(response: &Response, msg_responses: Vec<MsgResponse>) -> Reply {
    let sub = &response.messages[0];
    Reply {
        id: sub.id,
        payload: sub.payload.clone(),
        gas_used: 0,
        result: SubMsgResult::Ok(SubMsgResponse {
            events: vec![],
            data: None,
            msg_responses,
        }),
    }
}

pub fn instantiated(response: &Response, account: &Addr) -> Reply {
    let answer = MsgResponse {
        type_url: INSTANTIATE_RESPONSE_TYPE.to_owned(),
        value: instantiate_response(account.as_str()),
    };
    reply_with(response, vec![answer])
}

/// The account message the first sub-message of `response` instantiates.
pub fn account_msg(response: &Response) -> AccountInstantiateMsg {
    let CosmosMsg::Wasm(WasmMsg::Instantiate { msg, .. }) = &response.messages[0].msg else {
        panic!("an account instantiate")
    };
    from_json(msg).unwrap()
}

impl Chain {
    pub fn new() -> Self {
        let mut unit = Factory::new(execute);
        let name = |n: &str| unit.addr(n);
        let (owner, committee, token, registry) = (
            name("owner"),
            name("committee"),
            name("ctc"),
            name("registry"),
        );
        let (partner, fan, stranger) = (name("partner"), name("fan"), name("stranger"));
        let registry_answers: Registry = Rc::default();
        registry_answers
            .borrow_mut()
            .insert(partner.to_string(), None);
        let asked: Asked = Rc::default();
        let (answers, log) = (Rc::clone(&registry_answers), Rc::clone(&asked));
        Neighbours::new()
            .smart(&registry, move |query: RegistryQueryMsg| {
                let RegistryQueryMsg::HasCapability {
                    address,
                    capability,
                } = query
                else {
                    panic!("the factory asks the registry only has_capability")
                };
                log.borrow_mut().push((address.clone(), capability));
                let answer = match capability {
                    Capability::AttestIdentity => answers
                        .borrow()
                        .get(&address)
                        .copied()
                        .unwrap_or(Some(Denial::NotAPartner)),
                    _ => Some(Denial::NotGranted),
                };
                CapabilityResponse {
                    allowed: answer.is_none(),
                    reason: answer,
                }
            })
            .install(&mut unit.deps);
        let msg = instantiate_msg(&unit);
        unit.instantiate(instantiate, &owner, msg).unwrap();
        Self {
            unit,
            owner,
            committee,
            token,
            registry,
            partner,
            fan,
            stranger,
            created: 0,
            registry_answers,
            asked,
        }
    }

    /// Sets the registry's answer for `who`: `None` allowed, else the denial.
    pub fn set_partner(&self, who: &Addr, denial: Option<Denial>) {
        self.registry_answers
            .borrow_mut()
            .insert(who.to_string(), denial);
    }

    pub fn create_with(
        &mut self,
        by: &Addr,
        operator: &Addr,
        recovery: RecoveryConfig,
        label: Option<String>,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::CreateAccount {
            operator: operator.to_string(),
            recovery,
            label,
        };
        self.execute(by, msg)
    }

    /// `create_account` by `by` for `operator`, with the partner as recovery set and the
    /// shortest delay and period.
    pub fn create(&mut self, by: &Addr, operator: &Addr) -> Result<Response, ContractError> {
        let partner = self.partner.clone();
        self.create_with(
            by,
            operator,
            recovery(&partner, MIN_DELAY, MIN_PERIOD),
            None,
        )
    }

    /// Delivers `reply`; a refusal is checked to leave the storage as it was.
    pub fn deliver(&mut self, reply_msg: Reply) -> Result<Response, ContractError> {
        let before = ctc_testkit::snapshot(&self.deps.storage);
        let result = reply(self.unit.deps.as_mut(), self.unit.env.clone(), reply_msg);
        if let Err(err) = &result {
            assert!(
                ctc_testkit::snapshot(&self.deps.storage) == before,
                "a refused reply changed storage: {err}"
            );
        }
        result
    }

    /// A name for the next account the chain instantiates.
    pub fn next_account(&mut self) -> Addr {
        self.created += 1;
        self.addr(&format!("account-{}", self.created))
    }

    /// `create_account` by `by` for `operator`, and the chain's reply naming a new address:
    /// answers that address.
    pub fn created(&mut self, by: &Addr, operator: &Addr) -> Addr {
        let response = self.create(by, operator).unwrap();
        let account = self.next_account();
        let reply_msg = instantiated(&response, &account);
        self.deliver(reply_msg).unwrap();
        account
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.unit.deps.as_ref(), self.unit.env.clone(), msg).unwrap_err()
    }

    pub fn account(&self, address: &Addr) -> Option<AccountResponse> {
        self.ask(QueryMsg::Account {
            address: address.to_string(),
        })
    }

    /// The addresses `accounts_of` answers for `operator`, one page.
    pub fn accounts_of(
        &self,
        operator: &Addr,
        start_after: Option<&Addr>,
        limit: Option<u32>,
    ) -> Vec<Addr> {
        let page: AccountsResponse = self.ask(QueryMsg::AccountsOf {
            operator: operator.to_string(),
            start_after: start_after.map(Addr::to_string),
            limit,
        });
        page.accounts.into_iter().map(|a| a.address).collect()
    }

    pub fn operator_changed(
        &mut self,
        account: &Addr,
        old: &Addr,
        new: &Addr,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::OperatorChanged {
            old: old.to_string(),
            new: new.to_string(),
        };
        self.execute(account, msg)
    }
}

#[test]
fn instantiate_response_encodes_as_cw_utils_reads_it() {
    let long = "a".repeat(200);
    for address in ["cosmwasm1abc", long.as_str()] {
        let parsed =
            cw_utils::parse_instantiate_response_data(&instantiate_response(address)).unwrap();
        assert_eq!(parsed.contract_address, address);
        assert_eq!(parsed.data, None);
    }
}

//! Unit tests through the entry points, with the registry's `PartnerStatus` answered by a mock.
//! Every refusal is checked to leave the storage unchanged.

mod allowance_tips;
mod leaderboard;
mod stats;
mod storage_layout;
mod tips;

use std::collections::BTreeSet;

use cosmwasm_std::{coins, from_json, Addr, BankMsg, Coin, CosmosMsg, Response, Uint128, WasmMsg};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::registry::{PartnerStatusResponse, RegistryQueryMsg};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
pub use ctc_testkit::CTC;
use ctc_testkit::{snapshot, Neighbours, Unit};

use crate::contract::{execute, instantiate, query};
use crate::msg::{DenomMinimum, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg};
use crate::ContractError;

/// The tipping contract under test: its `execute`, where every refusal is checked to change
/// nothing.
pub type Tipping = Unit<ExecuteMsg, ContractError>;

pub const NATIVE: &str = "ustake";

pub struct Chain {
    pub tipping: Tipping,
    pub owner: Addr,
    pub token: Addr,
    pub treasury: Addr,
    pub fans: Vec<Addr>,
}

/// What the tests deploy: fee 2.5%, smallest tip 1 CTC or 1,000 ustake.
pub fn instantiate_msg(tipping: &Tipping, treasury: &Addr) -> InstantiateMsg {
    InstantiateMsg {
        token: tipping.addr("ctc").to_string(),
        registry: tipping.addr("registry").to_string(),
        treasury: treasury.to_string(),
        fee: BasisPoints::new(250).unwrap(),
        min_ctc_tip: Uint128::new(CTC),
        native_denoms: vec![DenomMinimum {
            denom: NATIVE.into(),
            min_tip: Uint128::new(1_000),
        }],
        owner: None,
    }
}

/// The token is CTC (a platform contract to the treasury check's cw2 query); no other test
/// address is a contract.
pub fn ctc(token: &Addr) -> Neighbours {
    Neighbours::new().contract(token, "crates.io:ctc-token")
}

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

impl Chain {
    /// Fee 2.5%, smallest tip 1 CTC or 1,000 ustake; nobody verified.
    pub fn new() -> Self {
        let mut tipping = Tipping::new(execute);
        let owner = tipping.addr("owner");
        let treasury = tipping.addr("treasury");
        let msg = instantiate_msg(&tipping, &treasury);
        tipping.instantiate(instantiate, &owner, msg).unwrap();
        let mut chain = Self {
            token: tipping.addr("ctc"),
            fans: (0..16).map(|i| tipping.addr(&format!("fan{i}"))).collect(),
            tipping,
            owner,
            treasury,
        };
        chain.verify(&[]);
        chain
    }

    /// The registry answers that exactly `verified` are Active partners.
    pub fn verify(&mut self, verified: &[&Addr]) {
        let verified: BTreeSet<String> = verified.iter().map(|a| a.to_string()).collect();
        let registry = self.tipping.addr("registry");
        ctc(&self.token)
            .smart(&registry, move |query: RegistryQueryMsg| {
                let RegistryQueryMsg::PartnerStatus { address } = query else {
                    panic!("tipping asks only PartnerStatus");
                };
                let active = verified.contains(&address);
                PartnerStatusResponse {
                    admitted: active,
                    active,
                    kind: None,
                }
            })
            .install(&mut self.tipping.deps);
    }

    /// What a CTC `Send` of `amount` by fan `from` delivers, sent by `token`.
    pub fn tip_ctc_via(
        &mut self,
        token: &Addr,
        from: usize,
        to: &Addr,
        amount: u128,
        context: Option<&str>,
    ) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Tip {
            recipient: to.to_string(),
            memo: Some("bravo".into()),
            context: context.map(String::from),
        };
        let from = &self.fans[from];
        self.tipping
            .ctc_send(token, from, amount, &hook, ExecuteMsg::Receive)
    }

    pub fn tip_ctc(
        &mut self,
        from: usize,
        to: usize,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let (token, to) = (self.token.clone(), self.fans[to].clone());
        self.tip_ctc_via(&token, from, &to, amount, None)
    }

    /// Fan `from` tips `amount` CTC to `to` with `Tip`: taken from the fan under an allowance.
    pub fn tip_from_allowance(
        &mut self,
        from: usize,
        to: &Addr,
        amount: u128,
        context: Option<&str>,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Tip {
            recipient: to.to_string(),
            amount: Uint128::new(amount),
            memo: Some("bravo".into()),
            context: context.map(String::from),
        };
        let from = self.fans[from].clone();
        self.tipping.execute(&from, msg)
    }

    pub fn tip_native(
        &mut self,
        from: usize,
        to: usize,
        funds: &[Coin],
        context: Option<&str>,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::TipNative {
            recipient: self.fans[to].to_string(),
            memo: None,
            context: context.map(String::from),
        };
        self.tipping.execute_with(&self.fans[from], funds, msg)
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        let tipping = &self.tipping;
        from_json(query(tipping.deps.as_ref(), tipping.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn ctc(&self) -> String {
        format!("cw20:{}", self.token)
    }
}

/// The payments a response makes: (recipient, amount, denom label). CTC goes out as one
/// `disburse` that burns nothing, each of its payments listed here in order.
pub fn payments(response: &Response, token: &Addr) -> Vec<(String, u128, String)> {
    response
        .messages
        .iter()
        .flat_map(|sub| match &sub.msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr, msg, ..
            }) => {
                assert_eq!(contract_addr, token.as_str());
                let CtcExecuteMsg::Disburse {
                    payments,
                    burn_or_recycle,
                } = from_json(msg).unwrap()
                else {
                    panic!("not a disburse")
                };
                assert_eq!(burn_or_recycle, Uint128::zero());
                payments
                    .into_iter()
                    .map(|p| (p.recipient, p.amount.u128(), "ctc".to_owned()))
                    .collect()
            }
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => vec![(
                to_address.clone(),
                amount[0].amount.u128(),
                amount[0].denom.clone(),
            )],
            other => panic!("unexpected message {other:?}"),
        })
        .collect()
}

pub fn native(amount: u128) -> Vec<Coin> {
    coins(amount, NATIVE)
}

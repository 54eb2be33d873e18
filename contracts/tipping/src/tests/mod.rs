//! Unit tests through the entry points, with the registry's `PartnerStatus` answered by a mock.

mod leaderboard;
mod stats;
mod tips;

use std::collections::BTreeSet;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, BankMsg, Coin, ContractResult, CosmosMsg, Env, Order,
    OwnedDeps, Response, Storage, SystemResult, Uint128, WasmMsg, WasmQuery,
};
use ctc_interfaces::registry::{PartnerStatusResponse, RegistryQueryMsg};
use ctc_interfaces::BasisPoints;
use cw20::Cw20ReceiveMsg;

use crate::contract::{execute, instantiate, query};
use crate::msg::{DenomMinimum, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

pub const CTC: u128 = 1_000_000;
pub const NATIVE: &str = "ustake";

pub struct Chain {
    pub deps: Deps,
    pub env: Env,
    pub owner: Addr,
    pub token: Addr,
    pub treasury: Addr,
    pub fans: Vec<Addr>,
}

pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

impl Chain {
    /// Fee 2.5%, smallest tip 1 CTC or 1,000 ustake; nobody verified.
    pub fn new() -> Self {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let owner = api.addr_make("owner");
        let token = api.addr_make("ctc");
        let treasury = api.addr_make("treasury");
        let fans = (0..16).map(|i| api.addr_make(&format!("fan{i}"))).collect();
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&owner, &[]),
            InstantiateMsg {
                token: token.to_string(),
                registry: api.addr_make("registry").to_string(),
                treasury: treasury.to_string(),
                fee: BasisPoints::new(250).unwrap(),
                min_ctc_tip: Uint128::new(CTC),
                native_denoms: vec![DenomMinimum {
                    denom: NATIVE.into(),
                    min_tip: Uint128::new(1_000),
                }],
                owner: None,
            },
        )
        .unwrap();
        let mut chain = Self {
            deps,
            env: mock_env(),
            owner,
            token,
            treasury,
            fans,
        };
        chain.verify(&[]);
        chain
    }

    /// The registry answers that exactly `verified` are Active partners.
    pub fn verify(&mut self, verified: &[&Addr]) {
        let verified: BTreeSet<String> = verified.iter().map(|a| a.to_string()).collect();
        let token = self.token.clone();
        self.deps.querier.update_wasm(move |query| {
            let msg = match query {
                WasmQuery::Smart { msg, .. } => msg,
                WasmQuery::Raw { contract_addr, .. } => return cw2_info(contract_addr, &token),
                _ => panic!("unexpected query"),
            };
            let RegistryQueryMsg::PartnerStatus { address } = from_json(msg).unwrap() else {
                panic!("tipping asks only PartnerStatus");
            };
            let active = verified.contains(&address);
            let answer = PartnerStatusResponse {
                admitted: active,
                active,
                kind: None,
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&answer).unwrap()))
        });
    }

    fn run(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        let before = snapshot(&self.deps.storage);
        let result = execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, funds),
            msg,
        );
        if result.is_err() {
            assert_eq!(
                snapshot(&self.deps.storage),
                before,
                "a refusal changed storage"
            );
        }
        result
    }

    pub fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        self.run(sender, &[], msg)
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
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: self.fans[from].to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&ReceiveMsg::Tip {
                recipient: to.to_string(),
                memo: Some("bravo".into()),
                context: context.map(String::from),
            })
            .unwrap(),
        });
        self.run(&token.clone(), &[], msg)
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

    pub fn tip_native(
        &mut self,
        from: usize,
        to: usize,
        funds: &[Coin],
        context: Option<&str>,
    ) -> Result<Response, ContractError> {
        let (sender, recipient) = (self.fans[from].clone(), self.fans[to].clone());
        self.run(
            &sender,
            funds,
            ExecuteMsg::TipNative {
                recipient: recipient.to_string(),
                memo: None,
                context: context.map(String::from),
            },
        )
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn ctc(&self) -> String {
        format!("cw20:{}", self.token)
    }
}

/// The answer to the treasury check's cw2 query: the token is CTC, no other test address is a
/// contract.
pub fn cw2_info(contract_addr: &str, token: &Addr) -> cosmwasm_std::QuerierResult {
    if contract_addr != token.as_str() {
        return SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
            addr: contract_addr.to_owned(),
        });
    }
    let info = cw2::ContractVersion {
        contract: "crates.io:ctc-token".into(),
        version: "0.1.0".into(),
    };
    SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
}

/// The payments a response makes: (recipient, amount, denom label).
pub fn payments(response: &Response, token: &Addr) -> Vec<(String, u128, String)> {
    response
        .messages
        .iter()
        .map(|sub| match &sub.msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr, msg, ..
            }) => {
                assert_eq!(contract_addr, token.as_str());
                let cw20::Cw20ExecuteMsg::Transfer { recipient, amount } = from_json(msg).unwrap()
                else {
                    panic!("not a transfer")
                };
                (recipient, amount.u128(), "ctc".to_owned())
            }
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => (
                to_address.clone(),
                amount[0].amount.u128(),
                amount[0].denom.clone(),
            ),
            other => panic!("unexpected message {other:?}"),
        })
        .collect()
}

pub fn native(amount: u128) -> Vec<Coin> {
    coins(amount, NATIVE)
}

//! The harness every contract's unit tests start from: the contract's own entry points on mock
//! dependencies, where a refusal always means "an error, and the storage exactly as before", CTC
//! `Send` hooks as the token delivers them, and neighbouring contracts answered by closures.
//! [`platform`] reads the platform's configuration (`deploy/platform.json`) for the suites that
//! instantiate the whole platform.

pub mod platform;

use std::collections::BTreeMap;
use std::fmt::Display;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Binary, Coin, ContractResult, DepsMut, Env, MessageInfo,
    Order, OwnedDeps, Response, Storage, SystemError, SystemResult, Uint128, WasmQuery,
};
use cw20::Cw20ReceiveMsg;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;
pub type ExecuteFn<M, E> = fn(DepsMut, Env, MessageInfo, M) -> Result<Response, E>;

/// One micro-CTC unit times a million: 1 CTC.
pub const CTC: u128 = 1_000_000;
pub const DAY: u64 = 86_400;

/// Every stored key and value, in order: what a refusal must leave as it found.
pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// The `Receive` a CTC `Send` of `amount` by `from` carrying `hook` delivers.
pub fn cw20_receive(from: &Addr, amount: u128, hook: &impl Serialize) -> Cw20ReceiveMsg {
    Cw20ReceiveMsg {
        sender: from.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(hook).expect("a hook serializes"),
    }
}

/// A contract under test: its storage, the block it sees and its `execute` entry point.
pub struct Unit<M, E> {
    pub deps: MockDeps,
    pub env: Env,
    execute: ExecuteFn<M, E>,
}

impl<M, E: Display> Unit<M, E> {
    pub fn new(execute: ExecuteFn<M, E>) -> Self {
        Self {
            deps: mock_dependencies(),
            env: mock_env(),
            execute,
        }
    }

    /// A valid address derived from `name`, the same on every run.
    pub fn addr(&self, name: &str) -> Addr {
        self.deps.api.addr_make(name)
    }

    /// Runs `msg` from `sender` with `funds`. Whatever the outcome, a refusal is checked to have
    /// left the storage exactly as it was.
    pub fn execute_with(&mut self, sender: &Addr, funds: &[Coin], msg: M) -> Result<Response, E> {
        let before = snapshot(&self.deps.storage);
        let result = (self.execute)(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, funds),
            msg,
        );
        if let Err(err) = &result {
            assert!(
                snapshot(&self.deps.storage) == before,
                "a refusal changed storage: {err}"
            );
        }
        result
    }

    pub fn execute(&mut self, sender: &Addr, msg: M) -> Result<Response, E> {
        self.execute_with(sender, &[], msg)
    }

    /// Runs `msg`, which must be refused, and returns the refusal.
    pub fn refused(&mut self, sender: &Addr, msg: M) -> E {
        match self.execute(sender, msg) {
            Ok(response) => panic!("expected a refusal, got {response:?}"),
            Err(err) => err,
        }
    }

    /// Delivers a CTC `Send` of `amount` by `from`, as `token` would: `receive` wraps the hook
    /// into the contract's `ExecuteMsg::Receive`.
    pub fn ctc_send(
        &mut self,
        token: &Addr,
        from: &Addr,
        amount: u128,
        hook: &impl Serialize,
        receive: fn(Cw20ReceiveMsg) -> M,
    ) -> Result<Response, E> {
        self.execute(token, receive(cw20_receive(from, amount, hook)))
    }

    pub fn advance(&mut self, seconds: u64) {
        self.env.block.time = self.env.block.time.plus_seconds(seconds);
        self.env.block.height += seconds / 5;
    }
}

type SmartAnswer = Box<dyn Fn(&Binary) -> Binary>;

/// The neighbouring contracts a unit sees: cw2 identities for the recipient check's raw query,
/// and smart-query answers, each a closure over the decoded query. Any other query panics, so a
/// test notices a query it did not expect.
#[derive(Default)]
pub struct Neighbours {
    cw2_names: BTreeMap<String, String>,
    smart: BTreeMap<String, SmartAnswer>,
}

impl Neighbours {
    pub fn new() -> Self {
        Self::default()
    }

    /// `address` answers cw2's raw query as the contract `name` (e.g. `crates.io:ctc-token`).
    pub fn contract(mut self, address: &Addr, name: &str) -> Self {
        self.cw2_names.insert(address.to_string(), name.to_owned());
        self
    }

    /// `address` answers smart queries of type `Q` with `answer`.
    pub fn smart<Q: DeserializeOwned, R: Serialize>(
        mut self,
        address: &Addr,
        answer: impl Fn(Q) -> R + 'static,
    ) -> Self {
        let answer = move |msg: &Binary| {
            let query = from_json(msg).expect("a query this neighbour understands");
            to_json_binary(&answer(query)).expect("an answer serializes")
        };
        self.smart.insert(address.to_string(), Box::new(answer));
        self
    }

    /// Makes `deps` see these neighbours, replacing what it saw before.
    pub fn install(self, deps: &mut MockDeps) {
        deps.querier.update_wasm(move |query| match query {
            WasmQuery::Smart { contract_addr, msg } => match self.smart.get(contract_addr) {
                Some(answer) => SystemResult::Ok(ContractResult::Ok(answer(msg))),
                None => panic!("unexpected smart query to {contract_addr}"),
            },
            WasmQuery::Raw { contract_addr, .. } => match self.cw2_names.get(contract_addr) {
                Some(name) => {
                    let info = cw2::ContractVersion {
                        contract: name.clone(),
                        version: "0.1.0".to_owned(),
                    };
                    SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
                }
                // What a chain answers for an account: no such contract.
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            },
            other => panic!("unexpected query {other:?}"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::StdError;

    fn count(deps: DepsMut, _: Env, _: MessageInfo, by: i32) -> Result<Response, StdError> {
        let now = deps.storage.get(b"n").map_or(0, |n| n[0] as i32);
        deps.storage.set(b"n", &[(now + by) as u8]);
        if now + by > 3 {
            return Err(StdError::generic_err("too many"));
        }
        Ok(Response::new())
    }

    #[test]
    #[should_panic(expected = "a refusal changed storage")]
    fn a_refusal_that_writes_is_caught() {
        let mut unit = Unit::new(count);
        let fan = unit.addr("fan");
        unit.refused(&fan, 4);
    }

    #[test]
    fn neighbours_answer_what_they_were_given() {
        let mut unit = Unit::new(count);
        let (token, wallet) = (unit.addr("token"), unit.addr("wallet"));
        Neighbours::new()
            .contract(&token, "crates.io:ctc-token")
            .smart(&token, |n: u32| n + 1)
            .install(&mut unit.deps);
        let querier = cosmwasm_std::QuerierWrapper::<cosmwasm_std::Empty>::new(&unit.deps.querier);
        assert_eq!(
            cw2::query_contract_info(&querier, &token).unwrap().contract,
            "crates.io:ctc-token"
        );
        assert!(cw2::query_contract_info(&querier, &wallet).is_err());
        let answer: u32 = querier.query_wasm_smart(&token, &41u32).unwrap();
        assert_eq!(answer, 42);
        assert!(unit.execute(&wallet, 2).is_ok());
    }
}

//! The harness every contract's unit tests start from: the contract's own entry points on mock
//! dependencies, where a refusal always means "an error, and the storage exactly as before", CTC
//! `Send` hooks as the token delivers them, and neighbouring contracts answered by closures. Beside
//! it, what the contracts' tests share: the raw storage keys as text (for the storage-layout
//! tests), the executes a response sends, migration from a given cw2 identity and cw-ownable's
//! two-step hand-over. [`platform`] reads the platform's configuration (`deploy/platform.json`)
//! for the suites that instantiate the whole platform.

pub mod platform;

use std::collections::BTreeMap;
use std::fmt::Display;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Binary, Coin, ContractInfoResponse, ContractResult, CosmosMsg,
    Deps, DepsMut, Env, MessageInfo, Order, OwnedDeps, Response, Storage, SystemError,
    SystemResult, Uint128, WasmMsg, WasmQuery,
};
use cw20::Cw20ReceiveMsg;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;
/// An entry point that is sent a message: `execute`, or `instantiate` with its own message type.
pub type ExecuteFn<M, E> = fn(DepsMut, Env, MessageInfo, M) -> Result<Response, E>;
pub type MigrateFn<M, E> = fn(DepsMut, Env, M) -> Result<Response, E>;
pub type QueryFn<Q, E> = fn(Deps, Env, Q) -> Result<Binary, E>;

/// One micro-CTC unit times a million: 1 CTC.
pub const CTC: u128 = 1_000_000;
pub const DAY: u64 = 86_400;

/// Every stored key and value, in order: what a refusal must leave as it found.
pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// `key` as text: printable ASCII (`!` to `~`) as it is, any other byte as `\xNN`: the space,
/// and `\` itself so that an escape reads one way only. A length prefix before an `addr_make`
/// address (67 bytes) reads `\x00C`.
pub fn readable_key(key: &[u8]) -> String {
    key.iter()
        .map(|&byte| match byte {
            b'\\' => "\\x5c".to_owned(),
            b'!'..=b'~' => char::from(byte).to_string(),
            _ => format!("\\x{byte:02x}"),
        })
        .collect()
}

/// Every stored key as [`readable_key`] writes it, in storage order (ascending bytes): what a
/// storage-layout test pins.
pub fn stored_keys(storage: &dyn Storage) -> Vec<String> {
    stored_keys_naming(storage, &[])
}

/// [`stored_keys`], with each address of `names` written as `<name>`, so that a pinned key says
/// whose it is rather than repeating a 67-character address.
pub fn stored_keys_naming(storage: &dyn Storage, names: &[(&str, &Addr)]) -> Vec<String> {
    storage
        .range_keys(None, None, Order::Ascending)
        .map(|key| {
            let mut key = readable_key(&key);
            for (name, address) in names {
                key = key.replace(address.as_str(), &format!("<{name}>"));
            }
            key
        })
        .collect()
}

/// The `Receive` a CTC `Send` of `amount` by `from` carrying `hook` delivers.
pub fn cw20_receive(from: &Addr, amount: u128, hook: &impl Serialize) -> Cw20ReceiveMsg {
    Cw20ReceiveMsg {
        sender: from.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(hook).expect("a hook serializes"),
    }
}

/// The executes `response` sends, as (contract, JSON message); any other message panics.
pub fn executes(response: &Response) -> Vec<(String, String)> {
    response
        .messages
        .iter()
        .map(|sub| match &sub.msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr, msg, ..
            }) => (
                contract_addr.clone(),
                String::from_utf8(msg.to_vec()).expect("a JSON message"),
            ),
            other => panic!("unexpected message {other:?}"),
        })
        .collect()
}

/// The JSON of a cw20 `Transfer` of `amount` to `to`, as [`executes`] shows it.
pub fn cw20_transfer_json(to: &Addr, amount: u128) -> String {
    format!(r#"{{"transfer":{{"recipient":"{to}","amount":"{amount}"}}}}"#)
}

/// The JSON of a CTC `Disburse` paying each `(to, amount)` in order and burning or recycling
/// `burn_or_recycle`, as [`executes`] shows it. Written out rather than serialized from
/// `ctc-interfaces`, so that a change to the message's JSON shows in the tests that expect it.
pub fn ctc_disburse_json(payments: &[(&Addr, u128)], burn_or_recycle: u128) -> String {
    let payments: Vec<String> = payments
        .iter()
        .map(|(to, amount)| format!(r#"{{"recipient":"{to}","amount":"{amount}"}}"#))
        .collect();
    format!(
        r#"{{"disburse":{{"payments":[{}],"burn_or_recycle":"{burn_or_recycle}"}}}}"#,
        payments.join(",")
    )
}

/// The JSON of a CTC `DisburseFrom` of `owner`'s balance, otherwise as [`ctc_disburse_json`].
pub fn ctc_disburse_from_json(
    owner: &Addr,
    payments: &[(&Addr, u128)],
    burn_or_recycle: u128,
) -> String {
    let disburse = ctc_disburse_json(payments, burn_or_recycle);
    let fields = disburse
        .strip_prefix(r#"{"disburse":{"#)
        .expect("a disburse");
    format!(r#"{{"disburse_from":{{"owner":"{owner}",{fields}"#)
}

/// Lets a test fixture that holds its [`Unit`] in a field be used as that unit (`Deref` and
/// `DerefMut`), e.g. `ctc_testkit::deref_to_unit!(Chain.unit: Unit<ExecuteMsg, ContractError>);`.
#[macro_export]
macro_rules! deref_to_unit {
    ($fixture:ident . $field:ident : $unit:ty) => {
        impl ::std::ops::Deref for $fixture {
            type Target = $unit;

            fn deref(&self) -> &Self::Target {
                &self.$field
            }
        }

        impl ::std::ops::DerefMut for $fixture {
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.$field
            }
        }
    };
}

/// What cw-ownable's ownership query answers, as far as the hand-over checks it.
#[derive(Deserialize)]
struct Ownership {
    owner: Option<Addr>,
    pending_owner: Option<Addr>,
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
        self.run(self.execute, sender, funds, msg)
    }

    /// Runs the contract's `instantiate` entry point with `msg` from `sender`; a refusal is
    /// checked to leave the storage as it was, as for `execute`.
    pub fn instantiate<I>(
        &mut self,
        instantiate: ExecuteFn<I, E>,
        sender: &Addr,
        msg: I,
    ) -> Result<Response, E> {
        self.run(instantiate, sender, &[], msg)
    }

    fn run<I>(
        &mut self,
        entry: ExecuteFn<I, E>,
        sender: &Addr,
        funds: &[Coin],
        msg: I,
    ) -> Result<Response, E> {
        let before = snapshot(&self.deps.storage);
        let info = message_info(sender, funds);
        let result = entry(self.deps.as_mut(), self.env.clone(), info, msg);
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
        self.refused_with(sender, &[], msg)
    }

    /// Runs `msg` with `funds`, which must be refused, and returns the refusal.
    pub fn refused_with(&mut self, sender: &Addr, funds: &[Coin], msg: M) -> E {
        match self.execute_with(sender, funds, msg) {
            Ok(response) => panic!("expected a refusal, got {response:?}"),
            Err(err) => err,
        }
    }

    /// Runs `migrate` with `msg` on this storage once its cw2 identity says contract `name` at
    /// `version` (what older, newer or another contract's code would have left). A refusal is
    /// checked to leave the storage as it was.
    pub fn migrate_from<N>(
        &mut self,
        migrate: MigrateFn<N, E>,
        name: &str,
        version: &str,
        msg: N,
    ) -> Result<Response, E> {
        cw2::set_contract_version(&mut self.deps.storage, name, version)
            .expect("a cw2 identity is stored");
        let before = snapshot(&self.deps.storage);
        let result = migrate(self.deps.as_mut(), self.env.clone(), msg);
        if let Err(err) = &result {
            assert!(
                snapshot(&self.deps.storage) == before,
                "a refused migration changed storage: {err}"
            );
        }
        result
    }

    /// The cw2 identity stored: the contract's name and the version it last recorded.
    pub fn contract_version(&self) -> cw2::ContractVersion {
        cw2::get_contract_version(&self.deps.storage).expect("a cw2 identity is stored")
    }

    /// Runs the query `msg` through `query` and decodes the answer; a failed query panics.
    pub fn ask<Q, T: DeserializeOwned, QE: Display>(&self, query: QueryFn<Q, QE>, msg: Q) -> T {
        match query(self.deps.as_ref(), self.env.clone(), msg) {
            Ok(answer) => from_json(answer).expect("an answer of the type asked for"),
            Err(err) => panic!("the query failed: {err}"),
        }
    }

    /// Hands cw-ownable ownership from `owner` to `new_owner` in its two steps, each through
    /// `update` (the contract's `ExecuteMsg::UpdateOwnership`, given cw-ownable's `Action`), and
    /// reads the ownership through `query` (the contract's, asked cw-ownable's
    /// `{"ownership":{}}`) after each. Checks that while the transfer is pending `owner` still
    /// owns and `stranger` cannot accept, and that once `new_owner` accepts it owns and nothing
    /// is pending. Returns the stranger's refusal, for the contract to check as its own error.
    ///
    /// The actions and the query are built from cw-ownable's JSON, so the kit needs no
    /// dependency on cw-ownable (nor pulls one into the tools that use only `platform`).
    pub fn hand_over_ownership<A: DeserializeOwned, Q: DeserializeOwned, QE: Display>(
        &mut self,
        update: fn(A) -> M,
        query: QueryFn<Q, QE>,
        owner: &Addr,
        new_owner: &Addr,
        stranger: &Addr,
    ) -> E {
        let action = |json: String| update(from_json(json).expect("a cw-ownable action"));
        let accept = || action(r#""accept_ownership""#.to_owned());
        let ownership = |unit: &Self| -> Ownership {
            let msg = from_json(br#"{"ownership":{}}"#).expect("a cw-ownable query");
            unit.ask(query, msg)
        };
        let transfer =
            format!(r#"{{"transfer_ownership":{{"new_owner":"{new_owner}","expiry":null}}}}"#);
        if let Err(err) = self.execute(owner, action(transfer)) {
            panic!("the owner's transfer was refused: {err}");
        }
        let pending = ownership(self);
        assert_eq!(pending.owner.as_ref(), Some(owner), "still the owner");
        assert_eq!(pending.pending_owner.as_ref(), Some(new_owner), "pending");
        let refusal = self.refused(stranger, accept());
        if let Err(err) = self.execute(new_owner, accept()) {
            panic!("the new owner's acceptance was refused: {err}");
        }
        let accepted = ownership(self);
        assert_eq!(accepted.owner.as_ref(), Some(new_owner), "the new owner");
        assert_eq!(accepted.pending_owner, None, "nothing pending");
        refusal
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
/// creators for the contract-info query, and smart-query answers, each a closure over the
/// decoded query. Any other query panics, so a test notices a query it did not expect.
#[derive(Default)]
pub struct Neighbours {
    cw2_names: BTreeMap<String, String>,
    creators: BTreeMap<String, Addr>,
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

    /// `address` answers the wasm contract-info query as a contract `creator` instantiated
    /// (code 1, no admin, not pinned, no IBC port), as `verify_platform_token` asks of the token
    /// and of the unit itself. Give the unit's own address (`unit.env.contract.address`) too
    /// when the contract asks about itself.
    pub fn created_by(mut self, address: &Addr, creator: &Addr) -> Self {
        self.creators.insert(address.to_string(), creator.clone());
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
                // What a chain answers for an address with no contract (a wallet holding a
                // ticket, asked whether another key presents for it).
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            },
            WasmQuery::Raw { contract_addr, .. } => match self.cw2_names.get(contract_addr) {
                Some(name) => {
                    let info = cw2::ContractVersion {
                        contract: name.clone(),
                        version: "0.1.0".to_owned(),
                    };
                    SystemResult::Ok(ContractResult::Ok(
                        to_json_binary(&info).expect("a cw2 identity serializes"),
                    ))
                }
                // What a chain answers for an account: no such contract.
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            },
            WasmQuery::ContractInfo { contract_addr } => match self.creators.get(contract_addr) {
                Some(creator) => {
                    // Non-exhaustive in cosmwasm-std: built through its constructor.
                    let info = ContractInfoResponse::new(1, creator.clone(), None, false, None);
                    SystemResult::Ok(ContractResult::Ok(
                        to_json_binary(&info).expect("a contract info serializes"),
                    ))
                }
                // An account, or a contract the test gave no creator.
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
    use cosmwasm_std::{StdError, StdResult};
    use cw_ownable::Action;

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
        let deployer = unit.addr("deployer");
        Neighbours::new()
            .created_by(&token, &deployer)
            .install(&mut unit.deps);
        let querier = cosmwasm_std::QuerierWrapper::<cosmwasm_std::Empty>::new(&unit.deps.querier);
        let info = querier.query_wasm_contract_info(&token).unwrap();
        assert_eq!(
            (info.code_id, info.creator, info.admin),
            (1, deployer, None)
        );
        assert!(querier.query_wasm_contract_info(&wallet).is_err());
        assert!(unit.execute(&wallet, 2).is_ok());
    }

    #[test]
    fn keys_read_as_printable_ascii_with_escapes_and_names() {
        assert_eq!(
            readable_key(b"\x00\x05owned a\\~\xff"),
            r"\x00\x05owned\x20a\x5c~\xff"
        );
        let mut unit = Unit::new(count);
        let alice = unit.addr("alice");
        let storage = &mut unit.deps.storage;
        storage.set(b"config", b"{}");
        storage.set(
            &[b"\x00\x05owned\x00\x43", alice.as_bytes()].concat(),
            b"{}",
        );
        assert_eq!(
            stored_keys(storage),
            [format!(r"\x00\x05owned\x00C{alice}"), "config".to_owned()]
        );
        let named = stored_keys_naming(storage, &[("alice", &alice)]);
        assert_eq!(named, [r"\x00\x05owned\x00C<alice>", "config"]);
    }

    #[test]
    fn executes_shows_each_execute_as_json() {
        let api = MockApi::default();
        let (token, fan) = (api.addr_make("ctc"), api.addr_make("fan"));
        let transfer = cw20::Cw20ExecuteMsg::Transfer {
            recipient: fan.to_string(),
            amount: Uint128::new(5),
        };
        let response = Response::new().add_message(WasmMsg::Execute {
            contract_addr: token.to_string(),
            msg: to_json_binary(&transfer).unwrap(),
            funds: vec![],
        });
        let expected = (token.to_string(), cw20_transfer_json(&fan, 5));
        assert_eq!(executes(&response), [expected]);
    }

    #[test]
    fn ctc_disburse_json_lists_each_payment_in_order() {
        let api = MockApi::default();
        let (troupe, treasury) = (api.addr_make("troupe"), api.addr_make("treasury"));
        let expected = format!(
            r#"{{"disburse":{{"payments":[{{"recipient":"{troupe}","amount":"975"}},{{"recipient":"{treasury}","amount":"25"}}],"burn_or_recycle":"3"}}}}"#
        );
        assert_eq!(
            ctc_disburse_json(&[(&troupe, 975), (&treasury, 25)], 3),
            expected
        );
        assert_eq!(
            ctc_disburse_json(&[], 7),
            r#"{"disburse":{"payments":[],"burn_or_recycle":"7"}}"#
        );
    }

    #[test]
    fn ctc_disburse_from_json_names_the_owner_first() {
        let api = MockApi::default();
        let (fan, troupe) = (api.addr_make("fan"), api.addr_make("troupe"));
        let expected = format!(
            r#"{{"disburse_from":{{"owner":"{fan}","payments":[{{"recipient":"{troupe}","amount":"975"}}],"burn_or_recycle":"0"}}}}"#
        );
        assert_eq!(ctc_disburse_from_json(&fan, &[(&troupe, 975)], 0), expected);
    }

    fn migrate_writing(deps: DepsMut, _: Env, _: ()) -> Result<Response, StdError> {
        deps.storage.set(b"n", &[1]);
        Err(StdError::generic_err("refused after a write"))
    }

    #[test]
    #[should_panic(expected = "a refused migration changed storage")]
    fn a_refused_migration_that_writes_is_caught() {
        let mut unit = Unit::new(count);
        let _ = unit.migrate_from(migrate_writing, "crates.io:count", "0.0.1", ());
    }

    /// A contract that is nothing but cw-ownable: `ExecuteMsg::UpdateOwnership` is the `Action`.
    fn own(deps: DepsMut, env: Env, info: MessageInfo, action: Action) -> StdResult<Response> {
        cw_ownable::update_ownership(deps, &env.block, &info.sender, action)
            .map_err(|err| StdError::generic_err(err.to_string()))?;
        Ok(Response::new())
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum OwnQuery {
        Ownership {},
    }

    fn own_query(deps: Deps, _: Env, query: OwnQuery) -> StdResult<Binary> {
        let OwnQuery::Ownership {} = query;
        to_json_binary(&cw_ownable::get_ownership(deps.storage)?)
    }

    #[test]
    fn ownership_is_handed_over_in_two_steps() {
        let mut unit = Unit::new(own);
        let (owner, dao, stranger) = (unit.addr("owner"), unit.addr("dao"), unit.addr("x"));
        let api = unit.deps.api;
        cw_ownable::initialize_owner(&mut unit.deps.storage, &api, Some(owner.as_str())).unwrap();
        let refusal = unit.hand_over_ownership(|a| a, own_query, &owner, &dao, &stranger);
        assert!(refusal.to_string().contains("pending owner"), "{refusal}");
        let ownership: cw_ownable::Ownership<Addr> = unit.ask(own_query, OwnQuery::Ownership {});
        assert_eq!(ownership.owner, Some(dao));
    }
}

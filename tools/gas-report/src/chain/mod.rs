//! A small chain around the real CosmWasm VM: contracts by address with their own stores, a
//! bank, and a router that runs a transaction's messages, sub-messages and replies in wasmd's
//! order, charging every contract call as wasmd would.

mod meter;
mod querier;
mod state;
mod storage;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::Path;
use std::rc::{Rc, Weak};

use anyhow::{anyhow, bail, Context};
use cosmwasm_std::{
    from_json, Addr, BankMsg, Binary, BlockInfo, Checksum, Coin, ContractInfo, ContractResult,
    CosmosMsg, Empty, Env, Event, MessageInfo, MsgResponse, Reply, ReplyOn, Response,
    SubMsgResponse, SubMsgResult, Timestamp, TransactionInfo, WasmMsg,
};
use cosmwasm_vm::testing::MockApi;
use cosmwasm_vm::{
    call_execute_raw, call_instantiate_raw, call_query_raw, call_reply_raw, capabilities_from_csv,
    to_vec, Backend, Cache, CacheOptions, Instance, InstanceOptions, Size,
};

pub use meter::{CallCharge, Entry, GasBreakdown, KvTally};
use querier::ChainQuerier;
use state::ChainState;
use storage::MeteredStorage;

use crate::addresses;
use crate::gas;

/// A generous per-call limit in CosmWasm gas (100 M SDK gas): the report measures, it does not
/// enforce a block's limit.
const CALL_GAS_LIMIT: u64 = 100_000_000 * gas::GAS_MULTIPLIER;
/// What a CosmWasm 2.x chain offers (the capabilities cosmwasm-vm 2.3's test instances offer).
const CAPABILITIES: &str =
    "iterator,staking,cosmwasm_1_1,cosmwasm_1_2,cosmwasm_1_3,cosmwasm_1_4,cosmwasm_2_0,cosmwasm_2_1,cosmwasm_2_2";
const CHAIN_ID: &str = "gas-report-1";

type VmInstance = Instance<MockApi, MeteredStorage, ChainQuerier>;

struct ContractRecord {
    /// The contract's name in the report.
    name: String,
    checksum: Checksum,
}

/// What a successful message produced: its SDK events (wasmd's `execute`, `wasm`,
/// `wasm-<type>` and bank events, sub-messages' included) and the data it answered with.
pub struct MessageOutcome {
    pub events: Vec<Event>,
    pub data: Option<Binary>,
}

/// A transaction that succeeded, with what each call in it was charged.
pub struct TxOutcome {
    pub outcome: MessageOutcome,
    pub charges: Vec<CallCharge>,
}

impl TxOutcome {
    /// The first value of attribute `key` in any event (`action`, `event_id`, …).
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.outcome
            .events
            .iter()
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == key)
            .map(|a| a.value.as_str())
    }

    pub fn gas(&self) -> GasBreakdown {
        GasBreakdown::of(&self.charges)
    }
}

pub struct Chain {
    this: Weak<Chain>,
    cache: Cache<MockApi, MeteredStorage, ChainQuerier>,
    api: MockApi,
    state: Rc<RefCell<ChainState>>,
    contracts: RefCell<HashMap<String, ContractRecord>>,
    block: RefCell<BlockInfo>,
    /// The charges of the transaction under way.
    ledger: RefCell<Vec<CallCharge>>,
    instance_count: Cell<u64>,
}

impl Chain {
    /// A chain whose compiled modules are cached in `cache_dir` between runs.
    pub fn new(cache_dir: &Path) -> anyhow::Result<Rc<Self>> {
        let options = CacheOptions::new(
            cache_dir,
            capabilities_from_csv(CAPABILITIES),
            Size::mebi(512),
            Size::mebi(32),
        );
        // SAFETY: the cache directory is ours (under the tool's target dir) and only this tool
        // writes compiled modules there.
        let cache = unsafe { Cache::new(options) }.context("creating the VM cache")?;
        Ok(Rc::new_cyclic(|this| Chain {
            this: this.clone(),
            cache,
            api: MockApi::default().with_prefix(addresses::PREFIX),
            state: Rc::new(RefCell::new(ChainState::default())),
            contracts: RefCell::new(HashMap::new()),
            block: RefCell::new(BlockInfo {
                height: 1_000,
                // 2025-01-01T00:00:00Z
                time: Timestamp::from_seconds(1_735_689_600),
                chain_id: CHAIN_ID.to_owned(),
            }),
            ledger: RefCell::new(Vec::new()),
            instance_count: Cell::new(0),
        }))
    }

    /// Checks and compiles `wasm` as a chain does at upload; pinned in memory so that the many
    /// calls of a large setup do not reload it (pinning changes speed here, never the gas).
    pub fn store_code(&self, wasm: &[u8]) -> anyhow::Result<Checksum> {
        let checksum = self
            .cache
            .store_code(wasm, true, true)
            .map_err(|e| anyhow!("the VM refused the code: {e}"))?;
        self.cache
            .pin(&checksum)
            .map_err(|e| anyhow!("pinning the code: {e}"))?;
        Ok(checksum)
    }

    pub fn now(&self) -> Timestamp {
        self.block.borrow().time
    }

    /// Moves the clock (and the height, one block per 5 s).
    pub fn advance(&self, seconds: u64) {
        let mut block = self.block.borrow_mut();
        block.time = block.time.plus_seconds(seconds);
        block.height += seconds / 5 + 1;
    }

    /// Contract instances created so far (setup included): a measure of the run's work.
    pub fn instances_created(&self) -> u64 {
        self.instance_count.get()
    }

    /// Genesis coins.
    pub fn mint_native(&self, account: &str, denom: &str, amount: u128) {
        let mut state = self.state.borrow_mut();
        let balance = state.balance(account, denom);
        state.set_balance(account, denom, balance + amount);
        state.commit();
    }

    pub fn native_balance(&self, account: &str, denom: &str) -> u128 {
        self.state.borrow().balance(account, denom)
    }

    /// Instantiates `checksum` at an address derived from `label`.
    pub fn instantiate(
        &self,
        checksum: Checksum,
        sender: &str,
        msg: &serde_json::Value,
        label: &str,
    ) -> anyhow::Result<String> {
        let address = addresses::contract(label);
        if self.contracts.borrow().contains_key(&address) {
            bail!("a contract labelled {label} exists already");
        }
        self.contracts.borrow_mut().insert(
            address.clone(),
            ContractRecord {
                name: label.to_owned(),
                checksum,
            },
        );
        let msg = serde_json::to_vec(msg)?;
        let result = self.transaction(|| {
            let (response, _) =
                self.call_with_response(&address, Entry::Instantiate, |instance| {
                    let env = to_vec(&self.env(&address))?;
                    let info = to_vec(&message_info(sender, &[]))?;
                    call_instantiate_raw(instance, &env, &info, &msg)
                })?;
            self.finish_response(&address, response, Vec::new())
        });
        if let Err(e) = result {
            self.contracts.borrow_mut().remove(&address);
            bail!("instantiating {label}: {e}");
        }
        Ok(address)
    }

    /// One transaction with one `MsgExecuteContract`: all or nothing.
    pub fn execute(
        &self,
        sender: &str,
        contract: &str,
        msg: &serde_json::Value,
        funds: &[Coin],
    ) -> anyhow::Result<TxOutcome> {
        let msg = serde_json::to_vec(msg)?;
        self.transaction(|| self.execute_contract(sender, contract, &msg, funds))
            .map_err(|e| anyhow!("{} executing {}: {e}", self.name(contract), msg_name(&msg)))
    }

    /// A smart query from a client, metered as a contract's query of another contract is.
    pub fn query(
        &self,
        contract: &str,
        msg: &serde_json::Value,
    ) -> anyhow::Result<(serde_json::Value, Vec<CallCharge>)> {
        self.ledger.borrow_mut().clear();
        let answer = self
            .smart_query(contract, &serde_json::to_vec(msg)?)
            .map_err(|e| anyhow!("querying {}: {e}", self.name(contract)))?;
        let charges = self.ledger.take();
        Ok((from_json(&answer)?, charges))
    }

    pub fn name(&self, address: &str) -> String {
        self.contracts
            .borrow()
            .get(address)
            .map_or_else(|| address.to_owned(), |c| c.name.clone())
    }

    fn transaction(
        &self,
        body: impl FnOnce() -> Result<MessageOutcome, String>,
    ) -> anyhow::Result<TxOutcome> {
        self.ledger.borrow_mut().clear();
        let checkpoint = self.state.borrow().checkpoint();
        match body() {
            Ok(outcome) => {
                self.state.borrow_mut().commit();
                Ok(TxOutcome {
                    outcome,
                    charges: self.ledger.take(),
                })
            }
            Err(e) => {
                self.state.borrow_mut().rollback(checkpoint);
                self.ledger.borrow_mut().clear();
                Err(anyhow!(e))
            }
        }
    }

    fn env(&self, contract: &str) -> Env {
        Env {
            block: self.block.borrow().clone(),
            transaction: Some(TransactionInfo { index: 0 }),
            contract: ContractInfo {
                address: Addr::unchecked(contract),
            },
        }
    }

    fn checksum(&self, contract: &str) -> Result<Checksum, String> {
        self.contracts
            .borrow()
            .get(contract)
            .map(|c| c.checksum)
            .ok_or_else(|| format!("no contract at {contract}"))
    }

    /// Runs one entry point of `contract` on a fresh instance, as wasmd does per call, and
    /// records its charge. Returns the raw JSON result and the charge's index in the ledger.
    fn call(
        &self,
        contract: &str,
        entry: Entry,
        run: impl FnOnce(&mut VmInstance) -> cosmwasm_vm::VmResult<Vec<u8>>,
    ) -> Result<(Vec<u8>, usize), String> {
        let checksum = self.checksum(contract)?;
        // Reserve the charge's place first so that it precedes the queries it makes.
        let index = {
            let mut ledger = self.ledger.borrow_mut();
            ledger.push(CallCharge::new(&self.name(contract), entry));
            ledger.len() - 1
        };
        let tally = Rc::new(RefCell::new(KvTally::default()));
        let backend = Backend {
            api: self.api,
            storage: MeteredStorage::new(self.state.clone(), contract, tally.clone()),
            querier: ChainQuerier::new(self.this.upgrade().expect("the chain is alive")),
        };
        let mut instance = self
            .cache
            .get_instance(
                &checksum,
                backend,
                InstanceOptions {
                    gas_limit: CALL_GAS_LIMIT,
                },
            )
            .map_err(|e| format!("creating an instance: {e}"))?;
        self.instance_count.set(self.instance_count.get() + 1);
        let result = run(&mut instance);
        let vm_gas = instance.create_gas_report().used_internally;
        let mut ledger = self.ledger.borrow_mut();
        let charge = &mut ledger[index];
        charge.vm_gas = vm_gas;
        charge.kv = *tally.borrow();
        match result {
            Ok(raw) => {
                charge.result_bytes = raw.len() as u64;
                Ok((raw, index))
            }
            Err(e) => Err(format!("VM error: {e}")),
        }
    }

    /// A call whose result is a `Response`; charges its events when it succeeded.
    fn call_with_response(
        &self,
        contract: &str,
        entry: Entry,
        run: impl FnOnce(&mut VmInstance) -> cosmwasm_vm::VmResult<Vec<u8>>,
    ) -> Result<(Response<Empty>, usize), String> {
        let (raw, index) = self.call(contract, entry, run)?;
        let result: ContractResult<Response<Empty>> =
            from_json(&raw).map_err(|e| format!("unreadable result: {e}"))?;
        let response = result.into_result()?;
        self.ledger.borrow_mut()[index].event_gas +=
            gas::response_event_gas(&response.attributes, &response.events);
        Ok((response, index))
    }

    pub(crate) fn smart_query(&self, contract: &str, msg: &[u8]) -> Result<Binary, String> {
        let (raw, _) = self.call(contract, Entry::Query, |instance| {
            let env = to_vec(&self.env(contract))?;
            call_query_raw(instance, &env, msg)
        })?;
        let result: ContractResult<Binary> =
            from_json(&raw).map_err(|e| format!("unreadable query result: {e}"))?;
        result.into_result()
    }

    /// A raw read of another contract's store, charged as a read to the caller's transaction.
    pub(crate) fn raw_query(&self, contract: &str, key: &[u8]) -> Option<Vec<u8>> {
        let value = self.state.borrow().get(contract, key).cloned();
        let mut charge = CallCharge::new(&self.name(contract), Entry::RawQuery);
        charge.kv.read(
            gas::CONTRACT_STORE_PREFIX_LEN + key.len() as u64,
            value.as_ref().map_or(0, |v| v.len() as u64),
        );
        self.ledger.borrow_mut().push(charge);
        value
    }

    pub(crate) fn is_contract(&self, address: &str) -> bool {
        self.contracts.borrow().contains_key(address)
    }

    fn execute_contract(
        &self,
        sender: &str,
        contract: &str,
        msg: &[u8],
        funds: &[Coin],
    ) -> Result<MessageOutcome, String> {
        self.checksum(contract)?;
        let mut events = Vec::new();
        if !funds.is_empty() {
            events.extend(self.bank_send(sender, contract, funds)?);
        }
        let (response, _) = self.call_with_response(contract, Entry::Execute, |instance| {
            let env = to_vec(&self.env(contract))?;
            let info = to_vec(&message_info(sender, funds))?;
            call_execute_raw(instance, &env, &info, msg)
        })?;
        events.push(Event::new("execute").add_attribute("_contract_address", contract));
        let outcome = self.finish_response(contract, response, events)?;
        Ok(outcome)
    }

    /// wasmd's `handleContractResponse`: the response's events, then its messages in order.
    fn finish_response(
        &self,
        contract: &str,
        response: Response<Empty>,
        mut events: Vec<Event>,
    ) -> Result<MessageOutcome, String> {
        events.extend(contract_events(contract, &response));
        let mut data = response.data;
        for sub in response.messages {
            let checkpoint = self.state.borrow().checkpoint();
            let result = self.dispatch(contract, &sub.msg);
            let reply_result = match result {
                Ok(outcome) => {
                    events.extend(outcome.events.iter().cloned());
                    if !matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always) {
                        continue;
                    }
                    #[allow(deprecated)] // wasmd still fills `data` for contracts of CosmWasm 1
                    SubMsgResult::Ok(SubMsgResponse {
                        events: outcome.events,
                        data: outcome.data.clone(),
                        msg_responses: vec![msg_response(&sub.msg, outcome.data)],
                    })
                }
                Err(error) => {
                    self.state.borrow_mut().rollback(checkpoint);
                    if !matches!(sub.reply_on, ReplyOn::Error | ReplyOn::Always) {
                        return Err(error);
                    }
                    SubMsgResult::Err(error)
                }
            };
            let reply = Reply {
                id: sub.id,
                payload: sub.payload,
                gas_used: 0,
                result: reply_result,
            };
            let reply_outcome = self.reply(contract, reply)?;
            events.extend(reply_outcome.events);
            if reply_outcome.data.is_some() {
                data = reply_outcome.data;
            }
        }
        Ok(MessageOutcome { events, data })
    }

    fn reply(&self, contract: &str, reply: Reply) -> Result<MessageOutcome, String> {
        let sub_events = match &reply.result {
            SubMsgResult::Ok(response) => gas::reply_event_gas(&response.events),
            SubMsgResult::Err(_) => 0,
        };
        let msg = to_vec(&reply).map_err(|e| e.to_string())?;
        let (response, index) = self.call_with_response(contract, Entry::Reply, |instance| {
            let env = to_vec(&self.env(contract))?;
            call_reply_raw(instance, &env, &msg)
        })?;
        self.ledger.borrow_mut()[index].event_gas += sub_events;
        self.finish_response(contract, response, Vec::new())
    }

    fn dispatch(&self, sender: &str, msg: &CosmosMsg<Empty>) -> Result<MessageOutcome, String> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => self.execute_contract(sender, contract_addr, msg, funds),
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => Ok(MessageOutcome {
                events: self.bank_send(sender, to_address, amount)?,
                data: None,
            }),
            other => Err(format!("the gas report's chain does not route {other:?}")),
        }
    }

    /// x/bank `SendCoins`, charged for the store accesses it makes per coin: the sender's
    /// account (spendable check), its balance read and written, the recipient's balance read
    /// and written, and whether the recipient's account exists.
    fn bank_send(&self, from: &str, to: &str, coins: &[Coin]) -> Result<Vec<Event>, String> {
        let mut charge = CallCharge::new("bank", Entry::Bank);
        let mut events = Vec::new();
        let mut state = self.state.borrow_mut();
        for coin in coins {
            let amount = coin.amount.u128();
            let from_balance = state.balance(from, &coin.denom);
            if from_balance < amount {
                return Err(format!(
                    "insufficient funds: {from} has {from_balance}{} < {amount}",
                    coin.denom
                ));
            }
            let to_balance = state.balance(to, &coin.denom);
            state.set_balance(from, &coin.denom, from_balance - amount);
            state.set_balance(to, &coin.denom, to_balance + amount);
            charge.kv.read(account_key_len(from), ACCOUNT_VALUE_LEN);
            for (account, after) in [(from, from_balance - amount), (to, to_balance + amount)] {
                let key = balance_key_len(account, &coin.denom);
                charge.kv.read(key, 20);
                if after == 0 {
                    charge.kv.delete();
                } else {
                    charge.kv.write(key, after.to_string().len() as u64);
                }
            }
            charge.kv.has();
            let amount = coin.to_string();
            events.push(
                Event::new("coin_spent")
                    .add_attribute("spender", from)
                    .add_attribute("amount", &amount),
            );
            events.push(
                Event::new("coin_received")
                    .add_attribute("receiver", to)
                    .add_attribute("amount", &amount),
            );
            events.push(
                Event::new("transfer")
                    .add_attribute("recipient", to)
                    .add_attribute("sender", from)
                    .add_attribute("amount", &amount),
            );
        }
        self.ledger.borrow_mut().push(charge);
        Ok(events)
    }
}

/// A stored x/auth account (a `BaseAccount` with a public key): about 100 bytes.
const ACCOUNT_VALUE_LEN: u64 = 100;

fn address_len(address: &str) -> u64 {
    bech32::decode(address).map_or(20, |(_, data)| data.len() as u64)
}

/// x/auth `AccountsKeyPrefix` (1 byte) + length-prefixed address.
fn account_key_len(address: &str) -> u64 {
    2 + address_len(address)
}

/// x/bank `BalancesPrefix` (1 byte) + length-prefixed address + denom.
fn balance_key_len(address: &str, denom: &str) -> u64 {
    2 + address_len(address) + denom.len() as u64
}

fn message_info(sender: &str, funds: &[Coin]) -> MessageInfo {
    MessageInfo {
        sender: Addr::unchecked(sender),
        funds: funds.to_vec(),
    }
}

/// The events wasmd makes of a response: `wasm` with the attributes, `wasm-<type>` per
/// custom event, each led by `_contract_address`.
fn contract_events(contract: &str, response: &Response<Empty>) -> Vec<Event> {
    let mut events = Vec::new();
    if !response.attributes.is_empty() {
        events.push(
            Event::new("wasm")
                .add_attribute("_contract_address", contract)
                .add_attributes(response.attributes.clone()),
        );
    }
    for custom in &response.events {
        events.push(
            Event::new(format!("wasm-{}", custom.ty))
                .add_attribute("_contract_address", contract)
                .add_attributes(custom.attributes.clone()),
        );
    }
    events
}

/// The `msg_responses` entry wasmd gives a reply: the protobuf response of the message, e.g.
/// `MsgExecuteContractResponse { data = 1 }`.
fn msg_response(msg: &CosmosMsg<Empty>, data: Option<Binary>) -> MsgResponse {
    let type_url = match msg {
        CosmosMsg::Wasm(WasmMsg::Execute { .. }) => "/cosmwasm.wasm.v1.MsgExecuteContractResponse",
        CosmosMsg::Bank(BankMsg::Send { .. }) => "/cosmos.bank.v1beta1.MsgSendResponse",
        _ => "",
    };
    let value = match data {
        Some(data) if !data.is_empty() => protobuf_bytes_field(1, &data),
        _ => Vec::new(),
    };
    MsgResponse {
        type_url: type_url.to_owned(),
        value: Binary::new(value),
    }
}

/// Protobuf encoding of a `bytes` field: tag (field << 3 | wire type 2), varint length, bytes.
fn protobuf_bytes_field(field: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![(field << 3) | 2];
    let mut len = bytes.len();
    loop {
        let low = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            out.push(low);
            break;
        }
        out.push(low | 0x80);
    }
    out.extend_from_slice(bytes);
    out
}

/// The variant name of a JSON message, for error messages.
fn msg_name(msg: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(msg)
        .ok()
        .and_then(|v| v.as_object().and_then(|o| o.keys().next().cloned()))
        .unwrap_or_else(|| "?".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protobuf_field_encodes_long_lengths_as_varints() {
        assert_eq!(protobuf_bytes_field(1, b"12"), vec![0x0a, 2, b'1', b'2']);
        let long = vec![0u8; 300];
        let encoded = protobuf_bytes_field(1, &long);
        assert_eq!(&encoded[..3], &[0x0a, 0xac, 0x02]);
        assert_eq!(encoded.len(), 303);
    }
}

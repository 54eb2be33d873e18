//! A small chain around the real CosmWasm VM: codes and contracts with wasmd's metadata,
//! accounts and a bank, and a router that runs a transaction's messages, sub-messages and
//! replies in wasmd's order, charging every contract call as wasmd v0.60.8 would.

mod api;
mod bank;
mod calls;
mod meter;
mod proto;
mod querier;
mod state;
mod storage;
mod wasmd;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::rc::{Rc, Weak};

use anyhow::{anyhow, bail, Context};
use cosmwasm_std::{
    Addr, Binary, BlockInfo, Checksum, Coin, ContractInfo, Env, Event, Timestamp, TransactionInfo,
};
use cosmwasm_vm::{capabilities_from_csv, Cache, CacheOptions, Instance, Size};

use api::ChainApi;
use bank::Account;
pub use meter::{CallCharge, Entry, GasBreakdown};
use proto::TxPosition;
use querier::ChainQuerier;
use state::ChainState;
use storage::MeteredStorage;
use wasmd::{CodeRecord, TxContracts};

use crate::addresses;
use crate::gas;
use crate::trace::{self, Message, NativeBalance, Trace, Transaction};

/// A generous per-call limit in CosmWasm gas (100 M SDK gas): the report measures, it does not
/// enforce a block's limit.
const CALL_GAS_LIMIT: u64 = 100_000_000 * gas::GAS_MULTIPLIER;
/// What a CosmWasm 2.x chain offers (the capabilities cosmwasm-vm 2.3's test instances offer).
const CAPABILITIES: &str =
    "iterator,staking,cosmwasm_1_1,cosmwasm_1_2,cosmwasm_1_3,cosmwasm_1_4,cosmwasm_2_0,cosmwasm_2_1,cosmwasm_2_2";

type VmInstance = Instance<ChainApi, MeteredStorage, ChainQuerier>;

/// The chain's identity: what contracts see in `env` and how addresses are spelled.
pub struct ChainConfig {
    pub chain_id: String,
    pub bech32_prefix: String,
}

impl Default for ChainConfig {
    fn default() -> Self {
        Self {
            chain_id: "gas-report-1".to_owned(),
            bech32_prefix: addresses::PREFIX.to_owned(),
        }
    }
}

/// What a successful message produced: its SDK events (wasmd's `execute`, `wasm`,
/// `wasm-<type>`, `reply` and bank events, sub-messages' included) and the data it answered.
#[derive(Debug)]
pub struct MessageOutcome {
    pub events: Vec<Event>,
    pub data: Option<Binary>,
}

/// A transaction that succeeded, with what each call in it was charged.
pub struct TxOutcome {
    /// The transaction's position among all the chain's transactions (its place in a trace).
    pub number: usize,
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

/// What the chain keeps of its own transactions when asked to (`Chain::record_trace`).
struct TraceLog {
    native_balances: Vec<NativeBalance>,
    transactions: Vec<Transaction>,
}

pub struct Chain {
    this: Weak<Chain>,
    cache: Cache<ChainApi, MeteredStorage, ChainQuerier>,
    api: ChainApi,
    chain_id: String,
    state: Rc<RefCell<ChainState>>,
    codes: RefCell<BTreeMap<u64, CodeRecord>>,
    /// Report names given to contracts other than their code's name.
    names: RefCell<HashMap<String, String>>,
    block: RefCell<BlockInfo>,
    /// The transaction's position in its block, and the block gas used before it.
    tx_index: Cell<u32>,
    block_gas_before: Cell<u64>,
    tx_codes: RefCell<TxContracts>,
    /// The charges of the transaction under way.
    ledger: RefCell<Vec<CallCharge>>,
    transactions: Cell<usize>,
    instance_count: Cell<u64>,
    /// Contracts the chain held before this model's first one (a replayed trace's).
    instances_before: Cell<u64>,
    trace: RefCell<Option<TraceLog>>,
}

impl Chain {
    /// A chain whose compiled modules are cached in `cache_dir` between runs.
    pub fn new(cache_dir: &Path, config: ChainConfig) -> anyhow::Result<Rc<Self>> {
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
            api: ChainApi::new(&config.bech32_prefix),
            chain_id: config.chain_id.clone(),
            state: Rc::new(RefCell::new(ChainState::default())),
            codes: RefCell::new(BTreeMap::new()),
            names: RefCell::new(HashMap::new()),
            block: RefCell::new(BlockInfo {
                height: 1_000,
                // 2025-01-01T00:00:00Z
                time: Timestamp::from_seconds(1_735_689_600),
                chain_id: config.chain_id,
            }),
            tx_index: Cell::new(0),
            block_gas_before: Cell::new(0),
            tx_codes: RefCell::new(TxContracts::default()),
            ledger: RefCell::new(Vec::new()),
            transactions: Cell::new(0),
            instance_count: Cell::new(0),
            instances_before: Cell::new(0),
            trace: RefCell::new(None),
        }))
    }

    /// Checks and compiles `wasm` as a chain does at upload, under the next free code id.
    pub fn store_code(&self, wasm: &[u8], creator: &str, name: &str) -> anyhow::Result<u64> {
        let id = self.codes.borrow().keys().last().map_or(1, |last| last + 1);
        self.store_code_as(id, wasm, creator, name)?;
        Ok(id)
    }

    /// The same under a given code id (a trace's). The VM keeps the module in memory so that
    /// the many calls of a large setup do not reload it: that changes speed here, never gas.
    pub fn store_code_as(
        &self,
        id: u64,
        wasm: &[u8],
        creator: &str,
        name: &str,
    ) -> anyhow::Result<Checksum> {
        if self.codes.borrow().contains_key(&id) {
            bail!("code {id} is stored already");
        }
        let checksum = self
            .cache
            .store_code(wasm, true, true)
            .map_err(|e| anyhow!("the VM refused code {id} ({name}): {e}"))?;
        self.cache
            .pin(&checksum)
            .map_err(|e| anyhow!("loading code {id} ({name}): {e}"))?;
        let analysis = self
            .cache
            .analyze(&checksum)
            .map_err(|e| anyhow!("analyzing code {id} ({name}): {e}"))?;
        self.codes.borrow_mut().insert(
            id,
            CodeRecord {
                id,
                checksum,
                creator: creator.to_owned(),
                name: name.to_owned(),
                pinned: false,
                ibc: analysis.has_ibc_entry_points,
                migrate_version: analysis.contract_migrate_version,
            },
        );
        Ok(checksum)
    }

    /// Pins a code on the chain (`MsgPinCodes`): its instances cost the discount from then on.
    pub fn pin_code(&self, id: u64) -> anyhow::Result<()> {
        match self.codes.borrow_mut().get_mut(&id) {
            Some(code) => {
                code.pinned = true;
                Ok(())
            }
            None => bail!("no code {id} to pin"),
        }
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

    /// Puts the next transaction in a given block, at a given position.
    pub fn set_block(&self, height: u64, time: Timestamp, tx_index: u32, block_gas_before: u64) {
        let mut block = self.block.borrow_mut();
        block.height = height;
        block.time = time;
        self.tx_index.set(tx_index);
        self.block_gas_before.set(block_gas_before);
    }

    /// Contracts the replayed chain held before its trace, so that a contract's instantiation gets
    /// the address wasmd gave it.
    pub fn set_instances_before(&self, count: u64) {
        self.instances_before.set(count);
    }

    /// wasmd's instance number of the next contract: one above every contract the chain holds.
    pub fn next_instance_id(&self) -> u64 {
        self.instances_before.get() + self.state.borrow().contract_count() + 1
    }

    /// Contract instances created so far (setup included): a measure of the run's work.
    pub fn instances_created(&self) -> u64 {
        self.instance_count.get()
    }

    /// Genesis coins; the account exists from then on.
    pub fn mint_native(&self, account: &str, denom: &str, amount: u128) -> anyhow::Result<()> {
        if let Some(log) = self.trace.borrow_mut().as_mut() {
            if !log.transactions.is_empty() {
                bail!("a trace holds genesis coins only: {account} is minted after a transaction");
            }
            log.native_balances.push(NativeBalance {
                address: account.to_owned(),
                denom: denom.to_owned(),
                amount: amount.into(),
            });
        }
        let mut state = self.state.borrow_mut();
        let balance = state.balance(account, denom);
        state.set_balance(account, denom, balance + amount);
        if state.account(account).is_none() {
            state.set_account(account, Account::Wallet { signed: false });
        }
        state.commit();
        Ok(())
    }

    /// The ante handler's fee deduction, uncharged: it is the transaction's cost, not the
    /// contracts', but it moves the balances the contracts' transfers later read and write.
    pub fn pay_fee(&self, payer: &str, fee: &[Coin]) -> anyhow::Result<()> {
        let mut state = self.state.borrow_mut();
        for coin in fee {
            let balance = state.balance(payer, &coin.denom);
            let Some(left) = balance.checked_sub(coin.amount.u128()) else {
                bail!(
                    "{payer} cannot pay a fee of {coin}: it holds {balance}{}",
                    coin.denom
                );
            };
            state.set_balance(payer, &coin.denom, left);
        }
        state.commit();
        Ok(())
    }

    /// From now on, keeps every transaction (and the genesis coins minted before the first)
    /// for `trace`.
    pub fn record_trace(&self) {
        *self.trace.borrow_mut() = Some(TraceLog {
            native_balances: Vec::new(),
            transactions: Vec::new(),
        });
    }

    /// The recorded transactions as a trace; `file` names the artifact of a code's name.
    pub fn trace(&self, fee_denom: &str, file: impl Fn(&str) -> String) -> anyhow::Result<Trace> {
        let log = self.trace.borrow();
        let log = log.as_ref().context("the chain recorded no trace")?;
        let codes = self.codes.borrow();
        Ok(Trace {
            format: trace::FORMAT.to_owned(),
            chain_id: self.chain_id.clone(),
            bech32_prefix: self.api_prefix(),
            fee_denom: fee_denom.to_owned(),
            codes: codes
                .values()
                .map(|c| trace::Code {
                    code_id: c.id,
                    checksum: c.checksum.to_hex(),
                    creator: c.creator.clone(),
                    file: file(&c.name),
                })
                .collect(),
            pinned_code_ids: codes.values().filter(|c| c.pinned).map(|c| c.id).collect(),
            native_balances: log.native_balances.clone(),
            instances_before: self.instances_before.get(),
            transactions: log.transactions.clone(),
        })
    }

    fn api_prefix(&self) -> String {
        self.api.prefix().to_owned()
    }

    /// Gives the contract at `address` a name in the report other than its code's.
    pub fn set_name(&self, address: &str, name: &str) {
        self.names
            .borrow_mut()
            .insert(address.to_owned(), name.to_owned());
    }

    pub fn name(&self, address: &str) -> String {
        if let Some(name) = self.names.borrow().get(address) {
            return name.clone();
        }
        self.state
            .borrow()
            .contract(address)
            .map_or_else(|| address.to_owned(), |c| c.name.clone())
    }

    /// One transaction of `sender`, all or nothing, with the chain's block and position.
    pub fn submit(&self, sender: &str, messages: &[Message]) -> anyhow::Result<TxOutcome> {
        self.ledger.borrow_mut().clear();
        self.tx_codes.borrow_mut().clear();
        // The ante handler's work (signature, sequence) is outside the contracts' share, but
        // it leaves the signer with an account holding its key, whatever the messages do.
        self.state
            .borrow_mut()
            .set_account(sender, Account::Wallet { signed: true });
        self.state.borrow_mut().commit();
        let checkpoint = self.state.borrow().checkpoint();
        let mut events = Vec::new();
        let mut data = None;
        for (i, message) in messages.iter().enumerate() {
            match self.run_message(sender, message) {
                Ok(outcome) => {
                    events.extend(outcome.events);
                    data = outcome.data;
                }
                Err(e) => {
                    self.state.borrow_mut().rollback(checkpoint);
                    self.ledger.borrow_mut().clear();
                    let which = if messages.len() > 1 {
                        format!("message {} ", i + 1)
                    } else {
                        String::new()
                    };
                    bail!("{which}{}: {e}", self.describe(message));
                }
            }
        }
        self.state.borrow_mut().commit();
        let charges = self.ledger.take();
        let number = self.transactions.get();
        self.transactions.set(number + 1);
        if let Some(log) = self.trace.borrow_mut().as_mut() {
            let block = self.block.borrow();
            log.transactions.push(Transaction {
                label: format!(
                    "#{number} {}",
                    messages
                        .iter()
                        .map(|m| self.describe(m))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                height: block.height,
                time: block.time,
                tx_index: self.tx_index.get(),
                sender: sender.to_owned(),
                gas_used: GasBreakdown::of(&charges).total,
                messages: messages.to_vec(),
                block_gas_before: match self.block_gas_before.get() {
                    0 => None,
                    gas => Some(gas),
                },
                fee: Vec::new(),
                fee_payer: None,
            });
        }
        Ok(TxOutcome {
            number,
            outcome: MessageOutcome { events, data },
            charges,
        })
    }

    /// One `MsgInstantiateContract` of `code_id` at `address` (the trace's, or derived from
    /// the name here), with `sender` as creator and `admin` as admin.
    pub fn instantiate(
        &self,
        code_id: u64,
        sender: &str,
        admin: Option<&str>,
        msg: &serde_json::Value,
        label: &str,
        address: &str,
    ) -> anyhow::Result<TxOutcome> {
        self.submit(
            sender,
            &[Message::Instantiate {
                code_id,
                label: label.to_owned(),
                admin: admin.map(str::to_owned),
                msg: msg.clone(),
                funds: Vec::new(),
                contract_address: address.to_owned(),
            }],
        )
    }

    /// One `MsgUpdateAdmin`: `sender`, the wasm admin of `contract`, hands it to `new_admin`.
    pub fn update_admin(
        &self,
        sender: &str,
        contract: &str,
        new_admin: &str,
    ) -> anyhow::Result<TxOutcome> {
        self.submit(
            sender,
            &[Message::UpdateAdmin {
                contract: contract.to_owned(),
                new_admin: new_admin.to_owned(),
            }],
        )
    }

    /// The wasm admin of `contract` now, if it has one.
    pub fn admin(&self, contract: &str) -> Option<String> {
        self.state
            .borrow()
            .contract(contract)
            .and_then(|c| c.admin.clone())
    }

    /// The code id `contract` runs now.
    pub fn code_id(&self, contract: &str) -> Option<u64> {
        self.state.borrow().contract(contract).map(|c| c.code_id)
    }

    /// One `MsgExecuteContract`.
    pub fn execute(
        &self,
        sender: &str,
        contract: &str,
        msg: &serde_json::Value,
        funds: &[Coin],
    ) -> anyhow::Result<TxOutcome> {
        self.submit(
            sender,
            &[Message::Execute {
                contract: contract.to_owned(),
                msg: msg.clone(),
                funds: funds.to_vec(),
            }],
        )
    }

    /// A smart query from a client, metered as a contract's query of another contract is
    /// (the first call of its code in a transaction).
    pub fn query(
        &self,
        contract: &str,
        msg: &serde_json::Value,
    ) -> anyhow::Result<(serde_json::Value, Vec<CallCharge>)> {
        self.ledger.borrow_mut().clear();
        self.tx_codes.borrow_mut().clear();
        let answer = self
            .smart_query(contract, &serde_json::to_vec(msg)?)
            .map_err(|e| anyhow!("querying {}: {e}", self.name(contract)))?;
        let charges = self.ledger.take();
        Ok((cosmwasm_std::from_json(&answer)?, charges))
    }

    fn describe(&self, message: &Message) -> String {
        match message {
            Message::Instantiate { code_id, label, .. } => {
                format!("instantiating code {code_id} as {label}")
            }
            Message::Execute { contract, msg, .. } => {
                format!("{} executing {}", self.name(contract), msg_name(msg))
            }
            Message::Migrate {
                contract, code_id, ..
            } => format!("migrating {} to code {code_id}", self.name(contract)),
            Message::UpdateAdmin {
                contract,
                new_admin,
            } => format!(
                "making {} the wasm admin of {}",
                self.name(new_admin),
                self.name(contract)
            ),
            Message::ClearAdmin { contract } => {
                format!("clearing the wasm admin of {}", self.name(contract))
            }
            Message::BankSend { to_address, amount } => {
                let coins: Vec<String> = amount.iter().map(|c| c.to_string()).collect();
                format!("sending {} to {}", coins.join(", "), self.name(to_address))
            }
        }
    }

    fn env(&self, contract: &str) -> Env {
        Env {
            block: self.block.borrow().clone(),
            transaction: Some(TransactionInfo {
                index: self.tx_index.get(),
            }),
            contract: ContractInfo {
                address: Addr::unchecked(contract),
            },
        }
    }

    /// Where a contract is created or migrated now (`NewAbsoluteTxPosition`).
    fn position(&self) -> TxPosition {
        TxPosition {
            block_height: self.block.borrow().height,
            tx_index: self.block_gas_before.get(),
        }
    }

    pub(crate) fn is_contract(&self, address: &str) -> bool {
        self.state.borrow().contract(address).is_some()
    }
}

/// The variant name of a JSON message, for error messages.
fn msg_name(msg: &serde_json::Value) -> String {
    msg.as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_else(|| "?".to_owned())
}

//! The calls of a transaction, in wasmd v0.60.8's order and at its price: keeper.go's
//! `instantiate`, `execute`, `migrate`, `QuerySmart` and `reply`, `handleContractResponse` and
//! msg_dispatcher.go's `DispatchSubmessages`, with the bank transfers in between.

use std::cell::RefCell;
use std::rc::Rc;

use cosmwasm_std::{
    from_json, Addr, BankMsg, Binary, Checksum, Coin, ContractResult, CosmosMsg, Empty, Event,
    MessageInfo, MigrateInfo, MsgResponse, Reply, ReplyOn, Response, SubMsgResponse, SubMsgResult,
    WasmMsg,
};
use cosmwasm_vm::{
    call_execute_raw, call_instantiate_raw, call_migrate_with_info_raw, call_query_raw,
    call_reply_raw, to_vec, Backend, InstanceOptions, VmResult,
};

use super::bank::{self, Account};
use super::meter::{CallCharge, Entry, KvTally, Setup};
use super::querier::ChainQuerier;
use super::storage::MeteredStorage;
use super::wasmd::{self, CodeRecord, ContractRecord};
use super::{Chain, MessageOutcome, VmInstance, CALL_GAS_LIMIT};
use crate::addresses;
use crate::gas;
use crate::trace::Message;

impl Chain {
    pub(super) fn run_message(
        &self,
        sender: &str,
        message: &Message,
    ) -> Result<MessageOutcome, String> {
        let bytes = |msg: &serde_json::Value| serde_json::to_vec(msg).map_err(|e| e.to_string());
        match message {
            Message::Instantiate {
                code_id,
                label,
                admin,
                msg,
                funds,
                contract_address,
            } => self.instantiate_contract(
                sender,
                &Instantiation {
                    code_id: *code_id,
                    label,
                    admin: admin.as_deref(),
                    msg: &bytes(msg)?,
                    funds,
                    address: contract_address,
                },
                false,
            ),
            Message::Execute {
                contract,
                msg,
                funds,
            } => self.execute_contract(sender, contract, &bytes(msg)?, funds, false),
            Message::Migrate {
                contract,
                code_id,
                msg,
            } => self.migrate_contract(sender, contract, *code_id, &bytes(msg)?, false),
            Message::UpdateAdmin {
                contract,
                new_admin,
            } => self.set_admin(sender, contract, Some(new_admin), false),
            Message::ClearAdmin { contract } => self.set_admin(sender, contract, None, false),
            Message::BankSend { to_address, amount } => {
                let events = self.bank_send(sender, to_address, amount, false)?;
                Ok(MessageOutcome { events, data: None })
            }
        }
    }

    fn code(&self, id: u64) -> Result<CodeRecord, String> {
        self.codes
            .borrow()
            .get(&id)
            .cloned()
            .ok_or_else(|| format!("no code {id}"))
    }

    /// What `contractInstance` loads: the contract's record and its code's.
    fn instance_of(&self, contract: &str) -> Result<(ContractRecord, CodeRecord), String> {
        let record = self
            .state
            .borrow()
            .contract(contract)
            .cloned()
            .ok_or_else(|| format!("no contract at {contract}"))?;
        let code = self.code(record.code_id)?;
        Ok((record, code))
    }

    fn setup(&self, code: &CodeRecord) -> Setup {
        self.tx_codes.borrow_mut().setup(code)
    }

    /// Puts a charge in the ledger before the VM runs, so that it precedes the calls it makes.
    fn open(&self, charge: CallCharge) -> usize {
        let mut ledger = self.ledger.borrow_mut();
        ledger.push(charge);
        ledger.len() - 1
    }

    /// Runs one entry point of `contract` on a fresh instance, as wasmd does per call, and
    /// completes charge `index` with its compute and storage. Returns the raw JSON result.
    fn run_vm(
        &self,
        index: usize,
        contract: &str,
        checksum: &Checksum,
        run: impl FnOnce(&mut VmInstance) -> VmResult<Vec<u8>>,
    ) -> Result<Vec<u8>, String> {
        let tally = Rc::new(RefCell::new(KvTally::default()));
        let backend = Backend {
            api: self.api.clone(),
            storage: MeteredStorage::new(self.state.clone(), contract, tally.clone()),
            querier: ChainQuerier::new(self.this.upgrade().expect("the chain is alive")),
        };
        let mut instance = self
            .cache
            .get_instance(
                checksum,
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
                Ok(raw)
            }
            Err(e) => Err(format!("VM error: {e}")),
        }
    }

    /// A call whose result is a `Response`; charges its events (`EventCosts`) when it
    /// succeeded.
    fn run_with_response(
        &self,
        index: usize,
        contract: &str,
        checksum: &Checksum,
        run: impl FnOnce(&mut VmInstance) -> VmResult<Vec<u8>>,
    ) -> Result<Response<Empty>, String> {
        let raw = self.run_vm(index, contract, checksum, run)?;
        let result: ContractResult<Response<Empty>> =
            from_json(&raw).map_err(|e| format!("unreadable result: {e}"))?;
        let response = result.into_result()?;
        self.ledger.borrow_mut()[index].event_gas +=
            gas::response_event_gas(&response.attributes, &response.events);
        Ok(response)
    }

    /// keeper.go `instantiate` with the classic address generator, at the trace's address (a
    /// transaction's message) or at the generator's own (a contract's `WasmMsg::Instantiate`,
    /// `routed` through the message router and its circuit breaker, as a contract's execute is).
    fn instantiate_contract(
        &self,
        sender: &str,
        new: &Instantiation,
        routed: bool,
    ) -> Result<MessageOutcome, String> {
        let &Instantiation {
            code_id,
            label,
            admin,
            msg,
            funds,
            address,
        } = new;
        let code = self.code(code_id)?;
        if self.is_contract(address) {
            return Err(format!("contract address {address} already exists"));
        }
        let name = self
            .names
            .borrow()
            .get(address)
            .cloned()
            .unwrap_or_else(|| code.name.clone());
        let mut charge = CallCharge::new(&name, Entry::Instantiate);
        if routed {
            charge.metadata.has();
        }
        wasmd::read_code_info(&mut charge.metadata, &code);
        wasmd::check_pinned(&mut charge.metadata);
        charge.setup = self.setup(&code);
        let sequence_exists = self.state.borrow().has_contracts();
        wasmd::allocate_address(&mut charge.metadata, sequence_exists);
        // The contract's account: looked up (absent), then created.
        charge.metadata.read(bank::account_key_len(address), 0);
        bank::create_account(
            &mut self.state.borrow_mut(),
            &mut charge.metadata,
            address,
            Account::Contract,
        );
        let created = self.position();
        let record = ContractRecord {
            name,
            code_id,
            creator: sender.to_owned(),
            admin: admin.map(str::to_owned),
            label: label.to_owned(),
            created,
            ibc_port_id: code.ibc.then(|| ibc_port(address)),
            last_history_len: wasmd::init_history_len(code_id, created, msg.len() as u64),
        };
        let index = self.open(charge);
        let mut events = Vec::new();
        if !funds.is_empty() {
            events.extend(self.bank_send(sender, address, funds, false)?);
        }
        let response = self.run_with_response(index, address, &code.checksum, |instance| {
            let env = to_vec(&self.env(address))?;
            let info = to_vec(&message_info(sender, funds))?;
            call_instantiate_raw(instance, &env, &info, msg)
        })?;
        wasmd::store_new_contract(
            &mut self.ledger.borrow_mut()[index].metadata,
            address,
            &record,
        );
        self.state.borrow_mut().set_contract(address, record);
        events.push(
            Event::new("instantiate")
                .add_attribute("_contract_address", address)
                .add_attribute("code_id", code_id.to_string()),
        );
        self.finish_response(address, response, events)
    }

    /// keeper.go `execute`. A `routed` message came from a contract through the SDK's message
    /// router, whose circuit breaker looks the message type up in its disable list first.
    fn execute_contract(
        &self,
        sender: &str,
        contract: &str,
        msg: &[u8],
        funds: &[Coin],
        routed: bool,
    ) -> Result<MessageOutcome, String> {
        let (record, code) = self.instance_of(contract)?;
        let mut charge = CallCharge::new(&self.name(contract), Entry::Execute);
        if routed {
            charge.metadata.has();
        }
        wasmd::read_instance(&mut charge.metadata, contract, &record, &code);
        wasmd::check_pinned(&mut charge.metadata);
        charge.setup = self.setup(&code);
        let index = self.open(charge);
        let mut events = Vec::new();
        if !funds.is_empty() {
            events.extend(self.bank_send(sender, contract, funds, false)?);
        }
        let response = self.run_with_response(index, contract, &code.checksum, |instance| {
            let env = to_vec(&self.env(contract))?;
            let info = to_vec(&message_info(sender, funds))?;
            call_execute_raw(instance, &env, &info, msg)
        })?;
        events.push(Event::new("execute").add_attribute("_contract_address", contract));
        self.finish_response(contract, response, events)
    }

    /// keeper.go `migrate`: the contract's record and both codes' records are read; the
    /// migrate entry point runs (with its setup cost) unless both codes declare the same
    /// migrate version; then the history, the by-code index and the record are rewritten. Only
    /// the contract's admin may migrate it (`DefaultAuthorizationPolicy.CanModifyContract`),
    /// whether it sends `MsgMigrateContract` itself or is a contract whose `WasmMsg::Migrate`
    /// wasmd turns into one (`routed`: through the message router and its circuit breaker, as a
    /// contract's execute is).
    fn migrate_contract(
        &self,
        sender: &str,
        contract: &str,
        new_code_id: u64,
        msg: &[u8],
        routed: bool,
    ) -> Result<MessageOutcome, String> {
        let (before, old_code) = self.instance_of(contract)?;
        if before.admin.as_deref() != Some(sender) {
            return Err(format!(
                "{sender} is not the admin of {contract}: can not migrate: unauthorized"
            ));
        }
        let new_code = self.code(new_code_id)?;
        if before.ibc_port_id.is_some() && !new_code.ibc {
            return Err("migration failed: requires ibc callbacks".to_owned());
        }
        let mut charge = CallCharge::new(&self.name(contract), Entry::Migrate);
        if routed {
            charge.metadata.has();
        }
        wasmd::read_contract_info(&mut charge.metadata, contract, &before);
        wasmd::read_code_info(&mut charge.metadata, &new_code);
        wasmd::read_code_info(&mut charge.metadata, &old_code);
        let runs = new_code.migrate_version.is_none()
            || new_code.migrate_version != old_code.migrate_version;
        if runs {
            wasmd::check_pinned(&mut charge.metadata);
            charge.setup = self.setup(&new_code);
        }
        let index = self.open(charge);
        let response = if runs {
            let info = MigrateInfo {
                sender: Addr::unchecked(sender),
                old_migrate_version: old_code.migrate_version,
            };
            Some(
                self.run_with_response(index, contract, &new_code.checksum, |instance| {
                    let env = to_vec(&self.env(contract))?;
                    let info = to_vec(&info)?;
                    call_migrate_with_info_raw(instance, &env, msg, &info)
                })?,
            )
        } else {
            None
        };
        let updated = self.position();
        let after = ContractRecord {
            code_id: new_code_id,
            ibc_port_id: before
                .ibc_port_id
                .clone()
                .or_else(|| new_code.ibc.then(|| ibc_port(contract))),
            last_history_len: wasmd::migrate_history_len(new_code_id, updated, msg.len() as u64),
            ..before.clone()
        };
        wasmd::store_migration(
            &mut self.ledger.borrow_mut()[index].metadata,
            contract,
            &before,
            &after,
        );
        self.state.borrow_mut().set_contract(contract, after);
        let events = vec![Event::new("migrate")
            .add_attribute("code_id", new_code_id.to_string())
            .add_attribute("_contract_address", contract)];
        match response {
            Some(response) => self.finish_response(contract, response, events),
            None => Ok(MessageOutcome { events, data: None }),
        }
    }

    /// keeper.go `setContractAdmin` (`MsgUpdateAdmin`, `MsgClearAdmin`, or a contract's
    /// `WasmMsg::UpdateAdmin` / `ClearAdmin`, `routed` through the message router): the
    /// contract's record is read, the sender must be its admin, and the record is written back
    /// with the new admin (none when cleared). No contract runs; the SDK event it emits is free.
    fn set_admin(
        &self,
        sender: &str,
        contract: &str,
        new_admin: Option<&str>,
        routed: bool,
    ) -> Result<MessageOutcome, String> {
        let before = self
            .state
            .borrow()
            .contract(contract)
            .cloned()
            .ok_or_else(|| format!("no contract at {contract}"))?;
        if before.admin.as_deref() != Some(sender) {
            return Err(format!(
                "{sender} is not the admin of {contract}: can not modify contract: unauthorized"
            ));
        }
        if let Some(admin) = new_admin {
            if bech32::decode(admin).is_err() {
                return Err(format!("new admin {admin} is not an address"));
            }
        }
        let mut charge = CallCharge::new(&self.name(contract), Entry::Admin);
        if routed {
            charge.metadata.has();
        }
        wasmd::read_contract_info(&mut charge.metadata, contract, &before);
        let after = ContractRecord {
            admin: new_admin.map(str::to_owned),
            ..before
        };
        wasmd::store_contract_info(&mut charge.metadata, contract, &after);
        self.ledger.borrow_mut().push(charge);
        self.state.borrow_mut().set_contract(contract, after);
        let events = vec![Event::new("update_contract_admin")
            .add_attribute("_contract_address", contract)
            .add_attribute("new_admin_address", new_admin.unwrap_or_default())];
        Ok(MessageOutcome { events, data: None })
    }

    /// keeper.go `QuerySmart`, as a contract's smart query reaches it.
    pub(crate) fn smart_query(&self, contract: &str, msg: &[u8]) -> Result<Binary, String> {
        let (record, code) = self.instance_of(contract)?;
        let mut charge = CallCharge::new(&self.name(contract), Entry::Query);
        wasmd::read_instance(&mut charge.metadata, contract, &record, &code);
        wasmd::check_pinned(&mut charge.metadata);
        charge.setup = self.setup(&code);
        let index = self.open(charge);
        let raw = self.run_vm(index, contract, &code.checksum, |instance| {
            let env = to_vec(&self.env(contract))?;
            call_query_raw(instance, &env, msg)
        })?;
        let result: ContractResult<Binary> =
            from_json(&raw).map_err(|e| format!("unreadable query result: {e}"))?;
        result.into_result()
    }

    /// keeper.go `QueryRaw`: one read of the other contract's store.
    pub(crate) fn raw_query(&self, contract: &str, key: &[u8]) -> Option<Vec<u8>> {
        let value = self.state.borrow().get(contract, key).cloned();
        let mut charge = CallCharge::new(&self.name(contract), Entry::RawQuery);
        // `0x03 ‖ address`: 33 bytes for a contract, 21 when the address is an account's.
        charge.kv.read(
            1 + wasmd::address_len(contract) + key.len() as u64,
            value.as_ref().map_or(0, |v| v.len() as u64),
        );
        self.ledger.borrow_mut().push(charge);
        value
    }

    /// The `WasmQuery::ContractInfo` plugin: `GetContractInfo` and `IsPinnedCode`.
    pub(crate) fn contract_info_query(&self, contract: &str) -> Option<serde_json::Value> {
        let (record, code) = self.instance_of(contract).ok()?;
        let mut charge = CallCharge::new(&self.name(contract), Entry::InfoQuery);
        wasmd::read_contract_info(&mut charge.metadata, contract, &record);
        wasmd::check_pinned(&mut charge.metadata);
        self.ledger.borrow_mut().push(charge);
        Some(serde_json::json!({
            "code_id": record.code_id, "creator": record.creator, "admin": record.admin,
            "pinned": code.pinned, "ibc_port": record.ibc_port_id,
        }))
    }

    /// The `BankQuery::Balance` plugin: one balance read.
    pub(crate) fn balance_query(&self, address: &str, denom: &str) -> u128 {
        let mut charge = CallCharge::new("bank", Entry::BankQuery);
        let amount = bank::query_balance(&self.state.borrow(), &mut charge.kv, address, denom);
        self.ledger.borrow_mut().push(charge);
        amount
    }

    /// `handleContractResponse`: the response's events, then its messages in order, each in
    /// its own cache context, with the replies they asked for.
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
            let reply_result = match self.dispatch(contract, &sub.msg) {
                Ok(outcome) => {
                    events.extend(outcome.events.iter().cloned());
                    if !matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always) {
                        continue;
                    }
                    let response = msg_response(&sub.msg, &outcome);
                    // wasmd hands a reply the events of a wasm sub-message only.
                    let reply_events = match sub.msg {
                        CosmosMsg::Wasm(_) => outcome.events,
                        _ => Vec::new(),
                    };
                    // `data` is the first message's whole protobuf response, as the SDK's
                    // router returns it; empty is left out.
                    let data = (!response.value.is_empty()).then(|| response.value.clone());
                    #[allow(deprecated)] // wasmd still fills `data` for contracts of CosmWasm 1
                    SubMsgResult::Ok(SubMsgResponse {
                        events: reply_events,
                        data,
                        msg_responses: vec![response],
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

    /// keeper.go `reply`: both records are read (not the pinned flag) and `ReplyCosts(true,
    /// …)` charges the discounted instance cost and the sub-message's events again.
    fn reply(&self, contract: &str, reply: Reply) -> Result<MessageOutcome, String> {
        let (record, code) = self.instance_of(contract)?;
        let mut charge = CallCharge::new(&self.name(contract), Entry::Reply);
        wasmd::read_instance(&mut charge.metadata, contract, &record, &code);
        charge.setup = Setup::Discounted;
        if let SubMsgResult::Ok(response) = &reply.result {
            charge.event_gas = gas::reply_event_gas(&response.events);
        }
        let index = self.open(charge);
        let msg = to_vec(&reply).map_err(|e| e.to_string())?;
        let response = self.run_with_response(index, contract, &code.checksum, |instance| {
            let env = to_vec(&self.env(contract))?;
            call_reply_raw(instance, &env, &msg)
        })?;
        let events = vec![Event::new("reply").add_attribute("_contract_address", contract)];
        self.finish_response(contract, response, events)
    }

    fn dispatch(&self, sender: &str, msg: &CosmosMsg<Empty>) -> Result<MessageOutcome, String> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => self.execute_contract(sender, contract_addr, msg, funds, true),
            // wasmd's message encoder turns this into a MsgInstantiateContract with the contract
            // as sender; the classic generator numbers it after every contract so far.
            CosmosMsg::Wasm(WasmMsg::Instantiate {
                admin,
                code_id,
                msg,
                funds,
                label,
            }) => {
                let instance_id = self.next_instance_id();
                let address = addresses::classic_contract(*code_id, instance_id);
                self.instantiate_contract(
                    sender,
                    &Instantiation {
                        code_id: *code_id,
                        label,
                        admin: admin.as_deref(),
                        msg,
                        funds,
                        address: &address,
                    },
                    true,
                )
            }
            // wasmd's message encoder turns these into MsgMigrateContract, MsgUpdateAdmin and
            // MsgClearAdmin with the contract as sender, which the router hands to the keeper.
            CosmosMsg::Wasm(WasmMsg::Migrate {
                contract_addr,
                new_code_id,
                msg,
            }) => self.migrate_contract(sender, contract_addr, *new_code_id, msg, true),
            CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
                contract_addr,
                admin,
            }) => self.set_admin(sender, contract_addr, Some(admin), true),
            CosmosMsg::Wasm(WasmMsg::ClearAdmin { contract_addr }) => {
                self.set_admin(sender, contract_addr, None, true)
            }
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => Ok(MessageOutcome {
                events: self.bank_send(sender, to_address, amount, true)?,
                data: None,
            }),
            other => Err(format!("the gas report's chain does not route {other:?}")),
        }
    }

    /// A native transfer: a contract's `BankMsg::Send` (`routed`, through the message router)
    /// or the funds of a message (wasmd's `TransferCoins`).
    fn bank_send(
        &self,
        from: &str,
        to: &str,
        coins: &[Coin],
        routed: bool,
    ) -> Result<Vec<Event>, String> {
        let mut charge = CallCharge::new("bank", Entry::Bank);
        if routed {
            charge.metadata.has();
        }
        let events = bank::transfer(
            &mut self.state.borrow_mut(),
            &mut charge.kv,
            from,
            to,
            coins,
        )?;
        self.ledger.borrow_mut().push(charge);
        Ok(events)
    }
}

/// A `MsgInstantiateContract`, with the address the chain gave the contract.
struct Instantiation<'a> {
    code_id: u64,
    label: &'a str,
    admin: Option<&'a str>,
    msg: &'a [u8],
    funds: &'a [Coin],
    address: &'a str,
}

/// `PortIDForContract`.
fn ibc_port(address: &str) -> String {
    format!("wasm.{address}")
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
/// `MsgExecuteContractResponse { data = 1 }`, or `MsgInstantiateContractResponse { address = 1,
/// data = 2 }` with the address of the `instantiate` event the instantiation emitted first.
fn msg_response(msg: &CosmosMsg<Empty>, outcome: &MessageOutcome) -> MsgResponse {
    let data = outcome.data.as_ref().filter(|data| !data.is_empty());
    if let CosmosMsg::Wasm(WasmMsg::Instantiate { .. }) = msg {
        let address = outcome
            .events
            .iter()
            .find(|event| event.ty == "instantiate")
            .and_then(|event| {
                event
                    .attributes
                    .iter()
                    .find(|a| a.key == "_contract_address")
            })
            .map_or("", |a| a.value.as_str());
        let mut value = Vec::new();
        if !address.is_empty() {
            value = protobuf_bytes_field(1, address.as_bytes());
        }
        if let Some(data) = data {
            value.extend(protobuf_bytes_field(2, data));
        }
        return MsgResponse {
            type_url: "/cosmwasm.wasm.v1.MsgInstantiateContractResponse".to_owned(),
            value: Binary::new(value),
        };
    }
    let type_url = match msg {
        CosmosMsg::Wasm(WasmMsg::Execute { .. }) => "/cosmwasm.wasm.v1.MsgExecuteContractResponse",
        CosmosMsg::Wasm(WasmMsg::Migrate { .. }) => "/cosmwasm.wasm.v1.MsgMigrateContractResponse",
        CosmosMsg::Wasm(WasmMsg::UpdateAdmin { .. }) => "/cosmwasm.wasm.v1.MsgUpdateAdminResponse",
        CosmosMsg::Wasm(WasmMsg::ClearAdmin { .. }) => "/cosmwasm.wasm.v1.MsgClearAdminResponse",
        CosmosMsg::Bank(BankMsg::Send { .. }) => "/cosmos.bank.v1beta1.MsgSendResponse",
        _ => "",
    };
    let value = data.map_or_else(Vec::new, |data| protobuf_bytes_field(1, data));
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

    use crate::addresses;
    use crate::chain::proto::TxPosition;
    use crate::chain::ChainConfig;

    /// A chain holding one contract record (and its code's, with a made-up checksum): enough for
    /// the admin rules, which run no contract.
    fn chain_with_contract(admin: &str) -> (std::rc::Rc<Chain>, String) {
        let dir = std::env::temp_dir().join(format!("gas-report-admin-{}", std::process::id()));
        let chain = Chain::new(&dir, ChainConfig::default()).unwrap();
        let contract = addresses::contract("tipping");
        chain.codes.borrow_mut().insert(
            5,
            CodeRecord {
                id: 5,
                checksum: cosmwasm_std::Checksum::from([5; 32]),
                creator: admin.to_owned(),
                name: "tipping".to_owned(),
                pinned: false,
                ibc: false,
                migrate_version: None,
            },
        );
        let created = TxPosition {
            block_height: 1_000,
            tx_index: 0,
        };
        chain.state.borrow_mut().set_contract(
            &contract,
            ContractRecord {
                name: "tipping".to_owned(),
                code_id: 5,
                creator: admin.to_owned(),
                admin: Some(admin.to_owned()),
                label: "ticketchain tipping".to_owned(),
                created,
                ibc_port_id: None,
                last_history_len: wasmd::init_history_len(5, created, 2),
            },
        );
        (chain, contract)
    }

    #[test]
    fn only_the_admin_may_migrate_or_change_the_admin_from_a_contract() {
        let deployer = addresses::account("platform");
        let committee = addresses::contract("committee");
        let (chain, contract) = chain_with_contract(&deployer);
        let update = CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
            contract_addr: contract.clone(),
            admin: committee.clone(),
        });
        let refused = chain.dispatch(&committee, &update).unwrap_err();
        assert!(refused.contains("unauthorized"), "{refused}");
        let migrate = CosmosMsg::Wasm(WasmMsg::Migrate {
            contract_addr: contract.clone(),
            new_code_id: 5,
            msg: Binary::from(b"{}".to_vec()),
        });
        let refused = chain.dispatch(&committee, &migrate).unwrap_err();
        assert!(
            refused.contains("can not migrate: unauthorized"),
            "{refused}"
        );
        assert!(chain.ledger.borrow().is_empty());

        // The deployer's own MsgUpdateAdmin: a read and a write of the record, no router check.
        let before = chain.state.borrow().contract(&contract).unwrap().clone();
        let outcome = chain
            .run_message(
                &deployer,
                &Message::UpdateAdmin {
                    contract: contract.clone(),
                    new_admin: committee.clone(),
                },
            )
            .unwrap();
        assert_eq!(outcome.events[0].ty, "update_contract_admin");
        let after = chain.state.borrow().contract(&contract).unwrap().clone();
        assert_eq!(after.admin.as_deref(), Some(committee.as_str()));
        let charge = chain.ledger.borrow_mut().pop().unwrap();
        assert_eq!(charge.entry, Entry::Admin);
        assert_eq!(charge.setup, Setup::None);
        assert_eq!(
            charge.metadata.gas,
            gas::read_gas(33, before.info_len()) + gas::write_gas(33, after.info_len())
        );

        // Now the committee (a contract) clears it: routed, so the circuit breaker's Has too.
        let clear = CosmosMsg::Wasm(WasmMsg::ClearAdmin {
            contract_addr: contract.clone(),
        });
        assert!(chain.dispatch(&deployer, &clear).is_err());
        let outcome = chain.dispatch(&committee, &clear).unwrap();
        assert_eq!(outcome.events[0].attributes[1].value, "");
        let cleared = chain.state.borrow().contract(&contract).unwrap().clone();
        assert_eq!(cleared.admin, None);
        let charge = chain.ledger.borrow_mut().pop().unwrap();
        assert_eq!(
            charge.metadata.gas,
            gas::kv::HAS_COST
                + gas::read_gas(33, after.info_len())
                + gas::write_gas(33, cleared.info_len())
        );
        // With no admin, nobody migrates it.
        assert!(chain
            .dispatch(&committee, &migrate)
            .unwrap_err()
            .contains("unauthorized"));
    }

    #[test]
    fn wasm_admin_messages_answer_their_msg_responses() {
        let migrate = CosmosMsg::Wasm(WasmMsg::Migrate {
            contract_addr: "c".to_owned(),
            new_code_id: 2,
            msg: Binary::default(),
        });
        let answered = |data: Option<Binary>| MessageOutcome {
            events: Vec::new(),
            data,
        };
        let response = msg_response(&migrate, &answered(Some(Binary::from(b"ok".to_vec()))));
        assert_eq!(
            response.type_url,
            "/cosmwasm.wasm.v1.MsgMigrateContractResponse"
        );
        assert_eq!(response.value.as_slice(), &[0x0a, 2, b'o', b'k']);
        let clear = CosmosMsg::Wasm(WasmMsg::ClearAdmin {
            contract_addr: "c".to_owned(),
        });
        assert_eq!(
            msg_response(&clear, &answered(None)).type_url,
            "/cosmwasm.wasm.v1.MsgClearAdminResponse"
        );
    }

    #[test]
    fn an_instantiation_answers_its_address_then_its_data() {
        let instantiate = CosmosMsg::Wasm(WasmMsg::Instantiate {
            admin: None,
            code_id: 3,
            msg: Binary::default(),
            funds: vec![],
            label: "a fan account".to_owned(),
        });
        let created = |data: Option<Binary>| MessageOutcome {
            events: vec![
                Event::new("instantiate")
                    .add_attribute("_contract_address", "wasm1c")
                    .add_attribute("code_id", "3"),
                // A contract the new one instantiated in turn comes after it.
                Event::new("instantiate").add_attribute("_contract_address", "wasm1d"),
            ],
            data,
        };
        let response = msg_response(&instantiate, &created(None));
        assert_eq!(
            response.type_url,
            "/cosmwasm.wasm.v1.MsgInstantiateContractResponse"
        );
        assert_eq!(response.value.as_slice(), b"\x0a\x06wasm1c");
        let response = msg_response(&instantiate, &created(Some(Binary::from(b"ok".to_vec()))));
        assert_eq!(response.value.as_slice(), b"\x0a\x06wasm1c\x12\x02ok");
    }

    #[test]
    fn a_bank_sub_message_answers_an_empty_response() {
        let send = CosmosMsg::Bank(BankMsg::Send {
            to_address: "a".to_owned(),
            amount: vec![],
        });
        let response = msg_response(
            &send,
            &MessageOutcome {
                events: Vec::new(),
                data: None,
            },
        );
        assert_eq!(response.type_url, "/cosmos.bank.v1beta1.MsgSendResponse");
        assert!(response.value.is_empty());
    }
}

//! Queries a contract makes while it runs: smart queries run the other contract on its own
//! instance (charged to the transaction as wasmd does: metadata, instance cost, compute,
//! reads), raw queries read its store, contract-info queries its metadata, bank queries a
//! balance.

use std::rc::Rc;

use cosmwasm_std::{
    from_json, to_json_binary, BankQuery, Binary, ContractResult, Empty, QueryRequest, SystemError,
    SystemResult, WasmQuery,
};
use cosmwasm_vm::{BackendResult, GasInfo, Querier};
use serde_json::json;

use super::Chain;

pub struct ChainQuerier {
    chain: Rc<Chain>,
}

impl ChainQuerier {
    pub fn new(chain: Rc<Chain>) -> Self {
        Self { chain }
    }

    fn answer(&self, request: QueryRequest<Empty>) -> SystemResult<ContractResult<Binary>> {
        let no_such_contract = |addr: &str| {
            SystemResult::Err(SystemError::NoSuchContract {
                addr: addr.to_owned(),
            })
        };
        match request {
            QueryRequest::Wasm(WasmQuery::Smart { contract_addr, msg }) => {
                if !self.chain.is_contract(&contract_addr) {
                    return no_such_contract(&contract_addr);
                }
                SystemResult::Ok(self.chain.smart_query(&contract_addr, &msg).into())
            }
            QueryRequest::Wasm(WasmQuery::Raw { contract_addr, key }) => {
                // wasmd's `QueryRaw` reads the address's contract store whether or not a contract
                // lives there: a missing key, or an account, answers empty bytes.
                let value = self.chain.raw_query(&contract_addr, &key);
                SystemResult::Ok(ContractResult::Ok(Binary::new(value.unwrap_or_default())))
            }
            QueryRequest::Wasm(WasmQuery::ContractInfo { contract_addr }) => {
                match self.chain.contract_info_query(&contract_addr) {
                    Some(info) => {
                        SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).expect("json")))
                    }
                    None => no_such_contract(&contract_addr),
                }
            }
            QueryRequest::Bank(BankQuery::Balance { address, denom }) => {
                let amount = self.chain.balance_query(&address, &denom);
                let answer = json!({ "amount": { "denom": denom, "amount": amount.to_string() } });
                SystemResult::Ok(ContractResult::Ok(to_json_binary(&answer).expect("json")))
            }
            other => SystemResult::Err(SystemError::UnsupportedRequest {
                kind: format!("{other:?}"),
            }),
        }
    }
}

impl Querier for ChainQuerier {
    fn query_raw(
        &self,
        request: &[u8],
        _gas_limit: u64,
    ) -> BackendResult<SystemResult<ContractResult<Binary>>> {
        let answer = match from_json::<QueryRequest<Empty>>(request) {
            Ok(request) => self.answer(request),
            Err(e) => SystemResult::Err(SystemError::InvalidRequest {
                error: e.to_string(),
                request: Binary::new(request.to_vec()),
            }),
        };
        // The query's gas is charged to the transaction's ledger directly (as wasmd charges
        // the SDK gas meter), so nothing is reported to the calling instance.
        (Ok(answer), GasInfo::free())
    }
}

//! The trace of a chain's transactions (`ticketchain-gas-trace/1`): what the deploy tool
//! records of the transactions it sends to a real node, and what the season writes of its own,
//! so that `--replay` can run exactly those transactions in the model.

use std::path::Path;

use anyhow::{bail, Context};
use cosmwasm_std::{Coin, Timestamp, Uint128};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "ticketchain-gas-trace/1";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Trace {
    pub format: String,
    pub chain_id: String,
    pub bech32_prefix: String,
    pub fee_denom: String,
    pub codes: Vec<Code>,
    /// Codes pinned on the chain during the whole trace.
    #[serde(default)]
    pub pinned_code_ids: Vec<u64>,
    /// Native balances before the first transaction.
    #[serde(default)]
    pub native_balances: Vec<NativeBalance>,
    /// Contracts the chain held before the first transaction (an earlier season on the same
    /// node): wasmd numbers instances chain-wide, and a contract's `WasmMsg::Instantiate` gets its
    /// address from that number.
    #[serde(default)]
    pub instances_before: u64,
    pub transactions: Vec<Transaction>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Code {
    pub code_id: u64,
    /// sha256 of the wasm, hex.
    pub checksum: String,
    pub creator: String,
    /// The artifact's file name, e.g. `partner_registry.wasm`.
    pub file: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NativeBalance {
    pub address: String,
    pub denom: String,
    pub amount: Uint128,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Transaction {
    pub label: String,
    pub height: u64,
    /// Block time in nanoseconds, as a string.
    pub time: Timestamp,
    /// The transaction's position in its block (the contracts' `env.transaction.index`).
    pub tx_index: u32,
    pub sender: String,
    /// What the chain charged the whole transaction.
    pub gas_used: u64,
    pub messages: Vec<Message>,
    /// Gas the block's earlier transactions used: wasmd stores it as the `tx_index` of a
    /// contract's created/migrated position. Optional; 0 (the block's first transaction)
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_gas_before: Option<u64>,
    /// The fee the sender paid. Optional: the model charges nothing for it, but deducts it so
    /// that native balances keep the chain's digit counts (3 gas per byte to read, 30 to write).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fee: Vec<Coin>,
    /// Who paid `fee` when it is not the sender: a fee grant's granter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_payer: Option<String>,
}

/// A message of a transaction, as `MsgInstantiateContract`, `MsgExecuteContract`,
/// `MsgMigrateContract`, `MsgUpdateAdmin`, `MsgClearAdmin` and `MsgSend` carry it, with the
/// instantiated address the chain chose.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Message {
    Instantiate {
        code_id: u64,
        label: String,
        admin: Option<String>,
        msg: Value,
        #[serde(default)]
        funds: Vec<Coin>,
        contract_address: String,
    },
    Execute {
        contract: String,
        msg: Value,
        #[serde(default)]
        funds: Vec<Coin>,
    },
    Migrate {
        contract: String,
        code_id: u64,
        msg: Value,
    },
    /// `MsgUpdateAdmin`: the contract's wasm admin hands it to `new_admin` (deploy's hand-over of
    /// a contract to the committee).
    UpdateAdmin { contract: String, new_admin: String },
    /// `MsgClearAdmin`: the contract can no longer be migrated.
    ClearAdmin { contract: String },
    /// A top-level `MsgSend` of native coins (the sponsor giving a fan coins to tip with).
    BankSend {
        to_address: String,
        amount: Vec<Coin>,
    },
}

impl Trace {
    pub fn read(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the trace {}", path.display()))?;
        let trace: Self = serde_json::from_str(&text)
            .with_context(|| format!("parsing the trace {}", path.display()))?;
        if trace.format != FORMAT {
            bail!(
                "{} has format {:?}; this tool reads {FORMAT:?}",
                path.display(),
                trace.format
            );
        }
        Ok(trace)
    }

    pub fn write(&self, path: &Path) -> anyhow::Result<()> {
        let mut json = serde_json::to_string_pretty(self)?;
        json.push('\n');
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_format_parses() {
        let text = r#"{ "format": "ticketchain-gas-trace/1",
          "chain_id": "ticketchain-localnet", "bech32_prefix": "wasm", "fee_denom": "ustake",
          "codes": [ { "code_id": 1, "checksum": "ab", "creator": "wasm1a", "file": "partner_registry.wasm" } ],
          "pinned_code_ids": [ ],
          "native_balances": [ { "address": "wasm1a", "denom": "ustake", "amount": "123" } ],
          "transactions": [
            { "label": "fan-2: buy", "height": 41, "time": "1764512345123456789", "tx_index": 0,
              "sender": "wasm1a", "gas_used": 312345,
              "messages": [
                { "instantiate": { "code_id": 3, "label": "ticketchain ticket-nft", "admin": null, "msg": { "a": 1 }, "funds": [], "contract_address": "wasm1c" } },
                { "execute": { "contract": "wasm1c", "msg": { "b": {} }, "funds": [ { "denom": "ustake", "amount": "5000" } ] } },
                { "migrate": { "contract": "wasm1c", "code_id": 9, "msg": { } } },
                { "update_admin": { "contract": "wasm1c", "new_admin": "wasm1m" } },
                { "clear_admin": { "contract": "wasm1c" } } ] } ] }"#;
        let trace: Trace = serde_json::from_str(text).unwrap();
        let tx = &trace.transactions[0];
        assert_eq!(tx.time.nanos(), 1_764_512_345_123_456_789);
        assert_eq!(tx.block_gas_before, None);
        assert!(tx.fee.is_empty());
        assert!(
            matches!(&tx.messages[1], Message::Execute { funds, .. } if funds[0].amount.u128() == 5_000)
        );
        assert!(matches!(
            &tx.messages[2],
            Message::Migrate { code_id: 9, .. }
        ));
        assert!(
            matches!(&tx.messages[3], Message::UpdateAdmin { new_admin, .. } if new_admin == "wasm1m")
        );
        assert!(matches!(&tx.messages[4], Message::ClearAdmin { .. }));
        // Written back, the optional fields stay out.
        let json = serde_json::to_string(tx).unwrap();
        assert!(!json.contains("block_gas_before") && !json.contains("fee"));
    }

    #[test]
    fn messages_keep_their_key_order() {
        // Contracts are charged for the bytes they parse, so a message re-serialized in
        // another order would cost another amount of compute.
        let msg: Value = serde_json::from_str(r#"{"z":1,"a":{"y":2,"b":3}}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&msg).unwrap(),
            r#"{"z":1,"a":{"y":2,"b":3}}"#
        );
    }
}

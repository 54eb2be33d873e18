//! What each contract call of a transaction was charged, kept apart by kind so the report can
//! show where the gas goes.

use serde::Serialize;

use crate::gas;

/// The KV-store charges of one call, with how many operations of each kind were made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KvTally {
    pub reads: u64,
    pub writes: u64,
    pub deletes: u64,
    pub iterator_steps: u64,
    pub gas: u64,
}

impl KvTally {
    pub fn read(&mut self, key_len: u64, value_len: u64) {
        self.reads += 1;
        self.gas += gas::read_gas(key_len, value_len);
    }

    pub fn write(&mut self, key_len: u64, value_len: u64) {
        self.writes += 1;
        self.gas += gas::write_gas(key_len, value_len);
    }

    pub fn delete(&mut self) {
        self.deletes += 1;
        self.gas += gas::delete_gas();
    }

    pub fn iterator_step(&mut self, record: Option<(u64, u64)>) {
        self.iterator_steps += 1;
        self.gas += gas::iterator_step_gas(record);
    }

    /// `gaskv.Store.Has`: flat, whatever the key's length (SDK 0.53).
    pub fn has(&mut self) {
        self.reads += 1;
        self.gas += gas::kv::HAS_COST;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    Instantiate,
    Execute,
    Migrate,
    Query,
    Reply,
    /// A native coin transfer by the bank module (no contract instance).
    Bank,
    /// A contract's query of a native balance.
    BankQuery,
    /// A raw read of another contract's store (no contract instance).
    RawQuery,
    /// A contract's query of another contract's metadata.
    InfoQuery,
    /// A change of a contract's wasm admin (`MsgUpdateAdmin`, `MsgClearAdmin`, or the same sent
    /// by a contract): metadata only, no contract instance.
    Admin,
}

/// The setup cost a call was charged (`SetupContractCost`, `ReplyCosts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setup {
    /// No contract instance: bank transfers, raw and metadata queries, a migration that skips
    /// the migrate entry point.
    None,
    /// `DefaultInstanceCost`.
    Full,
    /// `DefaultInstanceCostDiscount` for pinned code or a reply.
    Discounted,
    /// `DefaultInstanceCostDiscount` because the checksum already ran in the transaction: wasmd
    /// 0.54 and later; older CosmWasm 2 chains charge the full cost.
    Repeated,
}

/// One call inside a transaction.
#[derive(Clone, Debug, Serialize)]
pub struct CallCharge {
    /// The contract's name in the report (or "bank").
    pub contract: String,
    pub entry: Entry,
    pub setup: Setup,
    /// wasmd's and the SDK's own store accesses around the call: contract and code metadata,
    /// the pinned flag, what instantiate and migrate write, the router's circuit-breaker check.
    pub metadata: KvTally,
    /// CosmWasm gas the VM metered: compute plus the API's address conversions.
    pub vm_gas: u64,
    /// Bytes of the JSON result the VM handed back (errors too).
    pub result_bytes: u64,
    /// The contract's own store, or the bank's and accounts' stores for a transfer.
    pub kv: KvTally,
    /// Event attribute costs (on success), and for a reply the re-charged sub-message events.
    pub event_gas: u64,
}

impl CallCharge {
    pub fn new(contract: &str, entry: Entry) -> Self {
        Self {
            contract: contract.to_owned(),
            entry,
            setup: Setup::None,
            metadata: KvTally::default(),
            vm_gas: 0,
            result_bytes: 0,
            kv: KvTally::default(),
            event_gas: 0,
        }
    }

    /// The setup cost, or with `all_pinned` what it would be if every code were pinned.
    pub fn instance_gas(&self, all_pinned: bool) -> u64 {
        match self.setup {
            Setup::None => 0,
            Setup::Full => gas::setup_gas(all_pinned),
            Setup::Discounted | Setup::Repeated => gas::setup_gas(true),
        }
    }

    /// The setup cost on a chain without the in-transaction discount (before wasmd 0.54).
    pub fn instance_gas_undiscounted(&self) -> u64 {
        match self.setup {
            Setup::Repeated => gas::setup_gas(false),
            _ => self.instance_gas(false),
        }
    }

    /// Compute in SDK gas, with wasmvm's per-byte charge for deserializing the result.
    pub fn compute_gas(&self) -> u64 {
        gas::compute_gas(self.vm_gas) + gas::DESERIALIZATION_COST_PER_BYTE * self.result_bytes
    }

    pub fn total(&self, all_pinned: bool) -> u64 {
        self.instance_gas(all_pinned) + self.rest()
    }

    pub fn total_undiscounted(&self) -> u64 {
        self.instance_gas_undiscounted() + self.rest()
    }

    /// Everything but the instance cost.
    fn rest(&self) -> u64 {
        self.metadata.gas + self.compute_gas() + self.kv.gas + self.event_gas
    }
}

/// The sum over the calls of one transaction, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GasBreakdown {
    /// Contract instances set up (executes, queries, replies, instantiations, migrations).
    pub calls: u64,
    /// Of those, the ones charged the discounted instance cost.
    pub discounted_calls: u64,
    pub instance: u64,
    pub metadata: u64,
    pub compute: u64,
    pub kv: u64,
    pub events: u64,
    /// SDK gas as charged (wasmd v0.60: a code that already ran in the transaction is
    /// discounted).
    pub total: u64,
    /// The same without that discount, as CosmWasm 2 chains before wasmd 0.54 charge.
    pub total_undiscounted: u64,
    /// The same with every code pinned (2,000 per instance).
    pub total_pinned: u64,
}

impl GasBreakdown {
    pub fn of(charges: &[CallCharge]) -> Self {
        let mut sum = Self::default();
        for charge in charges {
            match charge.setup {
                Setup::None => {}
                Setup::Full => sum.calls += 1,
                Setup::Discounted | Setup::Repeated => {
                    sum.calls += 1;
                    sum.discounted_calls += 1;
                }
            }
            sum.instance += charge.instance_gas(false);
            sum.metadata += charge.metadata.gas;
            sum.compute += charge.compute_gas();
            sum.kv += charge.kv.gas;
            sum.events += charge.event_gas;
            sum.total += charge.total(false);
            sum.total_undiscounted += charge.total_undiscounted();
            sum.total_pinned += charge.total(true);
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_adds_instance_metadata_compute_kv_and_events() {
        let mut charge = CallCharge::new("cw20-base", Entry::Execute);
        charge.setup = Setup::Full;
        charge.metadata.has();
        charge.vm_gas = 23_000_000; // 164 SDK gas
        charge.result_bytes = 200;
        charge.kv.read(62, 6);
        charge.kv.write(62, 6);
        charge.event_gas = 60;
        let kv = 1_000 + 3 * 68 + 2_000 + 30 * 68;
        assert_eq!(charge.total(false), 60_000 + 1_000 + 164 + 200 + kv + 60);
        assert_eq!(charge.total(true), 2_000 + 1_000 + 164 + 200 + kv + 60);
        let bank = CallCharge::new("bank", Entry::Bank);
        let sum = GasBreakdown::of(&[charge, bank]);
        assert_eq!((sum.calls, sum.discounted_calls), (1, 0));
        assert_eq!(sum.total, 60_000 + 1_000 + 364 + kv + 60);
    }

    #[test]
    fn a_discounted_call_pays_the_discount_pinned_or_not() {
        let mut call = CallCharge::new("ctc-token", Entry::Execute);
        call.setup = Setup::Discounted;
        assert_eq!((call.total(false), call.total(true)), (2_000, 2_000));
        let sum = GasBreakdown::of(&[call]);
        assert_eq!(
            (sum.calls, sum.discounted_calls, sum.instance),
            (1, 1, 2_000)
        );
    }

    #[test]
    fn a_repeated_code_is_discounted_only_where_wasmd_discounts_it() {
        let mut call = CallCharge::new("ctc-token", Entry::Execute);
        call.setup = Setup::Repeated;
        call.kv.write(40, 10);
        let rest = call.kv.gas;
        assert_eq!(call.total(false), 2_000 + rest);
        assert_eq!(call.total_undiscounted(), 60_000 + rest);
        assert_eq!(call.total(true), 2_000 + rest);
        let sum = GasBreakdown::of(&[call]);
        assert_eq!(
            (sum.total, sum.total_undiscounted, sum.discounted_calls),
            (2_000 + rest, 60_000 + rest, 1)
        );
    }
}

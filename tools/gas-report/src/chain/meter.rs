//! What each contract call of a transaction was charged, kept apart by kind so the report can
//! show where the gas goes.

use serde::Serialize;

use crate::gas;

/// The KV-store charges of one call, with how many operations of each kind were made.
#[derive(Clone, Copy, Debug, Default, Serialize)]
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
    Query,
    Reply,
    /// A native coin transfer by the bank module (no contract instance).
    Bank,
    /// A raw read of another contract's store (no contract instance).
    RawQuery,
}

impl Entry {
    /// Whether wasmd sets up a contract instance (and charges its cost) for this call.
    pub fn runs_contract(self) -> bool {
        !matches!(self, Entry::Bank | Entry::RawQuery)
    }
}

/// One call inside a transaction.
#[derive(Clone, Debug, Serialize)]
pub struct CallCharge {
    /// The contract's name in the report (or "bank").
    pub contract: String,
    pub entry: Entry,
    /// CosmWasm gas the VM metered: compute plus the API's address conversions.
    pub vm_gas: u64,
    /// Bytes of the JSON result the VM handed back (errors too).
    pub result_bytes: u64,
    pub kv: KvTally,
    /// Event attribute costs (on success), and for a reply the re-charged sub-message events.
    pub event_gas: u64,
}

impl CallCharge {
    pub fn new(contract: &str, entry: Entry) -> Self {
        Self {
            contract: contract.to_owned(),
            entry,
            vm_gas: 0,
            result_bytes: 0,
            kv: KvTally::default(),
            event_gas: 0,
        }
    }

    pub fn instance_gas(&self, pinned: bool) -> u64 {
        match (self.entry.runs_contract(), pinned) {
            (false, _) => 0,
            (true, false) => gas::INSTANCE_COST,
            (true, true) => gas::INSTANCE_COST_PINNED,
        }
    }

    /// Compute in SDK gas, with wasmvm's per-byte charge for deserializing the result.
    pub fn compute_gas(&self) -> u64 {
        gas::compute_gas(self.vm_gas) + gas::DESERIALIZATION_COST_PER_BYTE * self.result_bytes
    }

    pub fn total(&self, pinned: bool) -> u64 {
        self.instance_gas(pinned) + self.compute_gas() + self.kv.gas + self.event_gas
    }
}

/// The sum over the calls of one transaction, by kind.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct GasBreakdown {
    /// Contract instances set up (executes, queries, replies, instantiations).
    pub calls: u64,
    pub instance: u64,
    pub compute: u64,
    pub kv: u64,
    pub events: u64,
    /// SDK gas with the default instance cost.
    pub total: u64,
    /// The same with every code pinned (2,000 per instance).
    pub total_pinned: u64,
}

impl GasBreakdown {
    pub fn of(charges: &[CallCharge]) -> Self {
        let mut sum = Self::default();
        for charge in charges {
            if charge.entry.runs_contract() {
                sum.calls += 1;
            }
            sum.instance += charge.instance_gas(false);
            sum.compute += charge.compute_gas();
            sum.kv += charge.kv.gas;
            sum.events += charge.event_gas;
            sum.total += charge.total(false);
            sum.total_pinned += charge.total(true);
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_adds_instance_compute_kv_and_events() {
        let mut charge = CallCharge::new("cw20-base", Entry::Execute);
        charge.vm_gas = 23_000_000; // 164 SDK gas
        charge.result_bytes = 200;
        charge.kv.read(62, 6);
        charge.kv.write(62, 6);
        charge.event_gas = 60;
        let kv = 1_000 + 3 * 68 + 2_000 + 30 * 68;
        assert_eq!(charge.total(false), 60_000 + 164 + 200 + kv + 60);
        assert_eq!(charge.total(true), 2_000 + 164 + 200 + kv + 60);
        let bank = CallCharge::new("bank", Entry::Bank);
        let sum = GasBreakdown::of(&[charge, bank]);
        assert_eq!(sum.calls, 1);
        assert_eq!(sum.total, 60_000 + 364 + kv + 60);
    }
}

//! What the report records of a measured transaction.

use serde::Serialize;

use crate::chain::{CallCharge, Entry, GasBreakdown, TxOutcome};

#[derive(Clone, Debug, Serialize)]
pub struct Measurement {
    /// The contract the operation belongs to (the report's section).
    pub group: String,
    /// Stable key, `group/operation`: budgets and the JSON use it.
    pub key: String,
    /// What was done, for a reader.
    pub description: String,
    /// The calls in order: `ctc-token` executed, `?partner-registry` queried,
    /// `↩wager-pool` replied, `bank` moved coins, `#x` raw read.
    pub path: String,
    pub gas: GasBreakdown,
    pub charges: Vec<CallCharge>,
}

pub fn call_path(charges: &[CallCharge]) -> String {
    charges
        .iter()
        .map(|c| match c.entry {
            Entry::Instantiate => format!("+{}", c.contract),
            Entry::Execute => c.contract.clone(),
            Entry::Query => format!("?{}", c.contract),
            Entry::Reply => format!("↩{}", c.contract),
            Entry::Bank => "bank".to_owned(),
            Entry::RawQuery => format!("#{}", c.contract),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

#[derive(Default)]
pub struct Recorder {
    pub measurements: Vec<Measurement>,
}

impl Recorder {
    pub fn record(&mut self, group: &str, operation: &str, description: &str, tx: &TxOutcome) {
        self.record_charges(group, operation, description, &tx.charges);
    }

    pub fn record_charges(
        &mut self,
        group: &str,
        operation: &str,
        description: &str,
        charges: &[CallCharge],
    ) {
        let key = format!("{group}/{operation}");
        assert!(self.get(&key).is_none(), "operation {key} measured twice");
        self.measurements.push(Measurement {
            group: group.to_owned(),
            key,
            description: description.to_owned(),
            path: call_path(charges),
            gas: GasBreakdown::of(charges),
            charges: charges.to_vec(),
        });
    }

    pub fn get(&self, key: &str) -> Option<&Measurement> {
        self.measurements.iter().find(|m| m.key == key)
    }
}

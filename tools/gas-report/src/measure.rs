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
    /// `↩wager-pool` replied, `+x` instantiated, `~x` migrated, `bank` moved coins, `#x` raw
    /// read, `?bank` and `?info:x` module queries, `admin:x` a change of x's wasm admin.
    pub path: String,
    pub gas: GasBreakdown,
    pub charges: Vec<CallCharge>,
    /// The transaction's number on the season's chain (its place in the season's trace);
    /// none for a query.
    #[serde(skip)]
    pub tx_number: Option<usize>,
}

pub fn call_path(charges: &[CallCharge]) -> String {
    charges
        .iter()
        .map(|c| match c.entry {
            Entry::Instantiate => format!("+{}", c.contract),
            Entry::Execute => c.contract.clone(),
            Entry::Migrate => format!("~{}", c.contract),
            Entry::Query => format!("?{}", c.contract),
            Entry::Reply => format!("↩{}", c.contract),
            Entry::Bank => "bank".to_owned(),
            Entry::BankQuery => "?bank".to_owned(),
            Entry::RawQuery => format!("#{}", c.contract),
            Entry::InfoQuery => format!("?info:{}", c.contract),
            Entry::Admin => format!("admin:{}", c.contract),
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
        self.push(group, operation, description, &tx.charges, Some(tx.number));
    }

    pub fn record_charges(
        &mut self,
        group: &str,
        operation: &str,
        description: &str,
        charges: &[CallCharge],
    ) {
        self.push(group, operation, description, charges, None);
    }

    fn push(
        &mut self,
        group: &str,
        operation: &str,
        description: &str,
        charges: &[CallCharge],
        tx_number: Option<usize>,
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
            tx_number,
        });
    }

    /// Shows measured operation `key` right after `after` in the report, wherever it happened in
    /// the season (its transaction and trace label stay where they were).
    pub fn place_after(&mut self, key: &str, after: &str) -> anyhow::Result<()> {
        let from = self
            .position(key)
            .ok_or_else(|| anyhow::anyhow!("operation {key} was not measured"))?;
        let moved = self.measurements.remove(from);
        let to = self
            .position(after)
            .ok_or_else(|| anyhow::anyhow!("operation {after} was not measured"))?;
        self.measurements.insert(to + 1, moved);
        Ok(())
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.measurements.iter().position(|m| m.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Measurement> {
        self.measurements.iter().find(|m| m.key == key)
    }
}

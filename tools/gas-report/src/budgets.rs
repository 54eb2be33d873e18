//! Gas budgets that `--check` enforces. Gas is deterministic, so a budget breaks only when a
//! contract (or the report's gas schedule) changes: then either fix the regression or, when the
//! change is meant, regenerate the file with `--write-budgets` and review its diff.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::report::Report;

#[derive(Serialize, Deserialize)]
pub struct Budgets {
    /// Largest allowed ratio of ours to the reference, by our operation's key.
    pub max_ratio_to_reference: BTreeMap<String, f64>,
    /// Largest allowed gas at the largest size ÷ gas at the smallest.
    pub max_scaling_ratio: f64,
    /// How much above the measured gas `--write-budgets` sets each operation's budget.
    pub margin: f64,
    /// Largest allowed SDK gas (default instance cost) per operation key.
    pub operations: BTreeMap<String, u64>,
}

impl Budgets {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the budgets {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    }

    /// Every operation's budget set `margin` above what `report` measured (rounded up to a
    /// thousand), keeping the ratio limits.
    pub fn regenerate(&self, report: &Report) -> Self {
        let operations = report
            .operations
            .iter()
            .map(|m| {
                let budget =
                    (m.gas.total as f64 * (1.0 + self.margin) / 1_000.0).ceil() as u64 * 1_000;
                (m.key.clone(), budget)
            })
            .collect();
        Self {
            max_ratio_to_reference: self.max_ratio_to_reference.clone(),
            max_scaling_ratio: self.max_scaling_ratio,
            margin: self.margin,
            operations,
        }
    }

    /// Every violation, as a sentence.
    pub fn violations(&self, report: &Report) -> Vec<String> {
        let mut out = Vec::new();
        for (ours, limit) in &self.max_ratio_to_reference {
            match report.comparisons.iter().find(|c| &c.ours == ours) {
                Some(c) if c.ratio > *limit => out.push(format!(
                    "{ours}: {} gas is {:.3} × {} ({}), above the limit of {limit}",
                    c.ours_charged.undiscounted,
                    c.ratio,
                    c.reference,
                    c.reference_charged.undiscounted
                )),
                Some(_) => {}
                None => out.push(format!(
                    "{ours}: no comparison with a reference was measured"
                )),
            }
        }
        for row in &report.scaling {
            if row.ratio > self.max_scaling_ratio {
                out.push(format!(
                    "{}: grows {:.4} × from the smallest to the largest run, above {}",
                    row.key, row.ratio, self.max_scaling_ratio
                ));
            }
        }
        for m in &report.operations {
            match self.operations.get(&m.key) {
                Some(budget) if m.gas.total > *budget => out.push(format!(
                    "{}: {} gas, over its budget of {budget}",
                    m.key, m.gas.total
                )),
                Some(_) => {}
                None => out.push(format!(
                    "{}: no budget (run scripts/gas.sh --write-budgets and review the diff)",
                    m.key
                )),
            }
        }
        for key in self.operations.keys() {
            if !report.operations.iter().any(|m| &m.key == key) {
                out.push(format!("{key}: has a budget but was not measured"));
            }
        }
        out
    }
}

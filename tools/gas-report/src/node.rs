//! The real node's figures (docs/gas-chain.json, written by `./scripts/chain-gas.sh` from a local
//! wasmd node) for the report: each transaction's gas, the transaction's own share measured by
//! calibration, and the contracts' share beside this model's price of the same transaction.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Overhead {
    pub base: i64,
    pub first_transaction: i64,
    pub transfer_share: i64,
    pub steps: [i64; 2],
}

#[derive(Deserialize)]
pub struct Calibration {
    pub direct: Overhead,
    pub granted: Overhead,
}

#[derive(Deserialize)]
pub struct Calibrations {
    pub unpinned: Calibration,
    pub pinned: Calibration,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub label: String,
    pub operation: String,
    pub node: i64,
    pub overhead: i64,
    pub node_contracts: i64,
    pub model: i64,
    pub difference: f64,
}

#[derive(Deserialize)]
pub struct NodeGas {
    pub wasmd: String,
    pub calibration: Calibrations,
    pub unpinned: Vec<Row>,
    pub pinned: Vec<Row>,
}

impl NodeGas {
    pub fn read(path: &Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    }

    /// The first transaction of each operation, in the order the node ran them.
    fn first_of_each(rows: &[Row]) -> Vec<&Row> {
        let mut seen = std::collections::BTreeSet::new();
        rows.iter()
            .filter(|row| seen.insert(row.operation.as_str()))
            .collect()
    }

    /// The node's contract share of `operation` (`group/name`), first occurrence, unpinned.
    pub fn contracts_share(&self, operation: &str) -> Option<i64> {
        self.unpinned
            .iter()
            .find(|row| row.operation == operation)
            .map(|row| row.node_contracts)
    }

    fn largest(rows: &[Row]) -> Option<&Row> {
        rows.iter()
            .max_by(|a, b| a.difference.abs().total_cmp(&b.difference.abs()))
    }
}

fn thousands(n: i64) -> String {
    let digits = crate::report::thousands(n.unsigned_abs());
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

fn percent(fraction: f64) -> String {
    format!("{:+.2}%", fraction * 100.0)
}

pub fn markdown(w: &mut String, node: &NodeGas) {
    let _ = writeln!(w, "\n## On a real node (wasmd {})\n", node.wasmd);
    let (worst, worst_pinned) = (
        NodeGas::largest(&node.unpinned),
        NodeGas::largest(&node.pinned),
    );
    let _ = writeln!(
        w,
        "`./scripts/chain-gas.sh` plays the season, then the operations it lacks, on a local wasmd {} node (`scripts/localnet.sh`), twice: with the platform's codes unpinned, then with a fresh platform on the same codes pinned by a governance proposal (`MsgPinCodes`, voted on the chain). The node reports one figure per transaction. The transaction's own share is measured (calibration, below) and taken off; what remains, the contracts' share, is set beside this model's price of the very same transaction (`gas-report --replay` of the recorded trace: same messages, blocks, addresses and state). The test command fails when the two differ by more than 2% on any transaction. Largest difference: {} unpinned ({} transactions), {} pinned ({} transactions).\n",
        node.wasmd,
        worst.map_or("—".into(), |r| format!("{} ({})", percent(r.difference), r.label)),
        node.unpinned.len(),
        worst_pinned.map_or("—".into(), |r| format!("{} ({})", percent(r.difference), r.label)),
        node.pinned.len(),
    );
    let _ = writeln!(w, "### The transaction's own share\n");
    let _ = writeln!(w, "Measured by difference: a CTC transfer sent alone, then two and three in one transaction, by a fresh account that pays its own fee and by one whose fee a grant pays (`feegrant`). Each extra copy adds its message bytes, two `Has` checks of x/circuit's disable list (one in the ante handler, one in the message router: 2,000, read off the SDK) and the transfer again at wasmd's in-transaction discount (2,000 instead of 60,000 to start the code); the rest of the first transaction is the transaction's own.\n");
    let _ = writeln!(w, "| | pays its fee | fee-granted | pinned: pays its fee | pinned: fee-granted |\n| --- | ---: | ---: | ---: | ---: |");
    let c = &node.calibration;
    let all = [
        &c.unpinned.direct,
        &c.unpinned.granted,
        &c.pinned.direct,
        &c.pinned.granted,
    ];
    let row = |w: &mut String, name: &str, value: &dyn Fn(&Overhead) -> String| {
        let cells: Vec<String> = all.iter().map(|o| value(o)).collect();
        let _ = writeln!(w, "| {name} | {} |", cells.join(" | "));
    };
    row(
        w,
        "fixed (ante handler: account, signature, fee deduction or grant, sequence, tx counter)",
        &|o| thousands(o.base),
    );
    row(w, "per byte of the signed transaction", &|_| "10".into());
    row(w, "per message (x/circuit, twice)", &|_| "2,000".into());
    row(
        w,
        "an account's first transaction (its public key stored)",
        &|o| thousands(o.first_transaction),
    );
    row(
        w,
        "a CTC transfer's contracts' share (first of its code in the transaction)",
        &|o| thousands(o.transfer_share),
    );
    row(w, "gas added by a second, then a third transfer", &|o| {
        format!("{} / {}", thousands(o.steps[0]), thousands(o.steps[1]))
    });

    let _ = writeln!(w, "\n### Each operation on the node\n");
    let _ = writeln!(w, "The first transaction of each operation, in the order the node ran them; `tx share` is the calibrated share above for that transaction's size, payer and messages.\n");
    let _ = writeln!(w, "| operation | transaction | node gas | tx share | contracts (node) | contracts (model) | difference | pinned: contracts (node) | pinned: model | difference |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let pinned: BTreeMap<&str, &Row> = NodeGas::first_of_each(&node.pinned)
        .into_iter()
        .map(|r| (r.operation.as_str(), r))
        .collect();
    for r in NodeGas::first_of_each(&node.unpinned) {
        let (pn, pm, pd) = pinned.get(r.operation.as_str()).map_or(
            ("—".into(), "—".into(), "—".into()),
            |p| {
                (
                    thousands(p.node_contracts),
                    thousands(p.model),
                    percent(p.difference),
                )
            },
        );
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.operation,
            r.label,
            thousands(r.node),
            thousands(r.overhead),
            thousands(r.node_contracts),
            thousands(r.model),
            percent(r.difference),
            pn,
            pm,
            pd
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_report_writes_them() {
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-2_000), "-2,000");
        assert_eq!(percent(-0.0005), "-0.05%");
    }
}

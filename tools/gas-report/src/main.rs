//! gas-report: runs TicketChain's optimized artifacts, and cw20-base and cw721-base built the
//! same way, on the real CosmWasm VM, and reports what wasmd would charge for each operation.
//!
//! Run from the repository root (scripts/gas.sh does):
//!   gas-report [--markdown docs/gas.md] [--json docs/gas.json] [--check] [--write-budgets]
//!              [--trace season-trace.json]
//!              [--artifacts artifacts] [--anchors tools/gas-report/target/anchors]
//!              [--budgets tools/gas-report/budgets.json] [--sizes 10,1000,10000]
//!   gas-report --replay TRACE.json --out RESULT.json [--pinned]
//!              [--artifacts artifacts] [--anchors tools/gas-report/target/anchors]
//!
//! The first form measures the season, the scaling runs and the references, and replays the
//! season's own trace to prove the replay prices it the same. The second runs a recorded
//! trace (src/trace.rs) on the model and writes each transaction's contract share.

mod addresses;
mod budgets;
mod chain;
mod gas;
mod measure;
mod node;
mod operations;
mod platform;
mod replay;
mod report;
mod scaling;
mod trace;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::budgets::Budgets;
use crate::operations::Season;
use crate::platform::{Wasm, ARTIFACTS};
use crate::replay::Breakdown;
use crate::report::Report;
use crate::trace::Trace;

struct Options {
    artifacts: PathBuf,
    anchors: PathBuf,
    cache: PathBuf,
    budgets: PathBuf,
    markdown: Option<PathBuf>,
    /// docs/gas-chain.json: the local node's figures, shown beside the model's when present.
    node: Option<PathBuf>,
    json: Option<PathBuf>,
    trace: Option<PathBuf>,
    replay: Option<PathBuf>,
    out: Option<PathBuf>,
    pinned: bool,
    sizes: Vec<u64>,
    check: bool,
    write_budgets: bool,
}

impl Options {
    fn parse() -> anyhow::Result<Self> {
        let mut options = Options {
            artifacts: "artifacts".into(),
            anchors: "tools/gas-report/target/anchors".into(),
            cache: "tools/gas-report/target/vm-cache".into(),
            budgets: "tools/gas-report/budgets.json".into(),
            markdown: None,
            node: None,
            json: None,
            trace: None,
            replay: None,
            out: None,
            pinned: false,
            sizes: scaling::SIZES.to_vec(),
            check: false,
            write_budgets: false,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--artifacts" => options.artifacts = value()?.into(),
                "--anchors" => options.anchors = value()?.into(),
                "--cache" => options.cache = value()?.into(),
                "--budgets" => options.budgets = value()?.into(),
                "--markdown" => options.markdown = Some(value()?.into()),
                "--json" => options.json = Some(value()?.into()),
                "--node" => options.node = Some(value()?.into()),
                "--trace" => options.trace = Some(value()?.into()),
                "--replay" => options.replay = Some(value()?.into()),
                "--out" => options.out = Some(value()?.into()),
                "--pinned" => options.pinned = true,
                "--sizes" => {
                    options.sizes = value()?
                        .split(',')
                        .map(|n| {
                            n.trim()
                                .parse()
                                .context("--sizes takes numbers, e.g. 10,1000")
                        })
                        .collect::<anyhow::Result<_>>()?;
                    // Two at least: the vouchers' run redeems one voucher and clears another.
                    if options.sizes.is_empty() || options.sizes.iter().any(|&n| n < 2) {
                        bail!("--sizes needs at least one size, each 2 or more");
                    }
                }
                "--check" => options.check = true,
                "--write-budgets" => options.write_budgets = true,
                other => bail!("unknown argument {other} (see the head of src/main.rs)"),
            }
        }
        if options.replay.is_some() != options.out.is_some() {
            bail!("--replay TRACE.json and --out RESULT.json go together");
        }
        if options.pinned && options.replay.is_none() {
            bail!("--pinned applies to --replay (the report has a pinned column)");
        }
        Ok(options)
    }

    /// Where a trace's code files are looked for: the artifacts, then the references.
    fn wasm_dirs(&self) -> Vec<PathBuf> {
        vec![self.artifacts.clone(), self.anchors.clone()]
    }
}

fn run() -> anyhow::Result<bool> {
    let options = Options::parse()?;
    std::fs::create_dir_all(&options.cache)?;
    if let (Some(trace), Some(out)) = (&options.replay, &options.out) {
        run_replay(&options, trace, out)?;
        return Ok(true);
    }
    let wasm = Wasm::load(&options.artifacts, &options.anchors)?;

    eprintln!("measuring every operation");
    let Season {
        mut recorder,
        trace,
    } = operations::measure(&wasm, &options.cache)?;
    if let Some(path) = &options.trace {
        trace.write(path)?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!("replaying the season's trace");
    let replayed = check_season_replay(&options, &trace, &recorder)?;
    eprintln!("  {replayed} transactions replay to the season's own gas");
    // Sections follow the artifact order; within one, the order of the season.
    let section: BTreeMap<&str, usize> = ARTIFACTS
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name, i))
        .collect();
    recorder
        .measurements
        .sort_by_key(|m| section.get(m.group.as_str()).copied().unwrap_or(usize::MAX));
    eprintln!("scaling: {:?} participants", options.sizes);
    let scaling = scaling::measure(&wasm, &options.cache, &options.sizes)?;
    let report = Report {
        tool: "tools/gas-report on cosmwasm-vm 2.3.5",
        constants: report::constants(),
        comparisons: report::comparisons(&recorder)?,
        scaling,
        sizes: report::sizes(&wasm),
        operations: recorder.measurements,
        node: options
            .node
            .as_deref()
            .map(node::NodeGas::read)
            .transpose()?,
    };

    print_summary(&report);
    if let Some(path) = &options.markdown {
        std::fs::write(path, report::markdown(&report))
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    if let Some(path) = &options.json {
        let mut json = serde_json::to_string_pretty(&report)?;
        json.push('\n');
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    let budgets = Budgets::load(&options.budgets)?;
    if options.write_budgets {
        let regenerated = budgets.regenerate(&report);
        let mut json = serde_json::to_string_pretty(&regenerated)?;
        json.push('\n');
        std::fs::write(&options.budgets, json)?;
        eprintln!("wrote {}", options.budgets.display());
    }
    if options.check {
        let violations = budgets.violations(&report);
        if !violations.is_empty() {
            eprintln!("\ngas budgets broken ({}):", options.budgets.display());
            for violation in &violations {
                eprintln!("  ✗ {violation}");
            }
            return Ok(false);
        }
        eprintln!(
            "gas budgets hold: {} operations, {} comparisons, {} scaling runs",
            report.operations.len(),
            report.comparisons.len(),
            report.scaling.len()
        );
    }
    Ok(true)
}

fn run_replay(options: &Options, trace: &Path, out: &Path) -> anyhow::Result<()> {
    let trace = Trace::read(trace)?;
    let result = replay::replay(&trace, &options.wasm_dirs(), &options.cache, options.pinned)?;
    let mut json = serde_json::to_string_pretty(&result)?;
    json.push('\n');
    std::fs::write(out, json).with_context(|| format!("writing {}", out.display()))?;
    let total: u64 = result.transactions.iter().map(|t| t.model_gas).sum();
    eprintln!(
        "replayed {} transactions{}: {total} SDK gas of contract share; wrote {}",
        result.transactions.len(),
        if options.pinned {
            " (every code pinned)"
        } else {
            ""
        },
        out.display()
    );
    Ok(())
}

/// Replays the season's trace from the files, as `--replay` would, and requires every
/// transaction to cost what the season measured (its `gas_used`), breakdown included for the
/// measured operations. Returns the number of transactions.
fn check_season_replay(
    options: &Options,
    trace: &Trace,
    recorder: &measure::Recorder,
) -> anyhow::Result<usize> {
    // Through its JSON, as a file would come back.
    let trace: Trace = serde_json::from_str(&serde_json::to_string(trace)?)?;
    let result = replay::replay(&trace, &options.wasm_dirs(), &options.cache, false)?;
    let mut differences = Vec::new();
    for (traced, replayed) in trace.transactions.iter().zip(&result.transactions) {
        if traced.gas_used != replayed.model_gas {
            differences.push(format!(
                "{}: the season charged {}, the replay {}",
                traced.label, traced.gas_used, replayed.model_gas
            ));
        }
    }
    for m in &recorder.measurements {
        let Some(number) = m.tx_number else { continue };
        let replayed = &result.transactions[number];
        if Breakdown::of(&m.gas) != replayed.breakdown || m.gas.calls != replayed.calls {
            differences.push(format!(
                "{}: measured {} calls {:?}, replayed {} calls {:?}",
                m.key,
                m.gas.calls,
                Breakdown::of(&m.gas),
                replayed.calls,
                replayed.breakdown
            ));
        }
    }
    if result.transactions.len() != trace.transactions.len() {
        differences.push("the replay ran another number of transactions".to_owned());
    }
    if !differences.is_empty() {
        bail!(
            "the season's trace does not replay to the season's gas:\n  {}",
            differences.join("\n  ")
        );
    }
    Ok(result.transactions.len())
}

fn print_summary(report: &Report) {
    println!(
        "{:<34} {:>9}   {:<46} {:>9} {:>7}",
        "ours", "SDK gas", "reference", "SDK gas", "ratio"
    );
    for c in &report.comparisons {
        println!(
            "{:<34} {:>9}   {:<46} {:>9} {:>7.3}",
            c.ours,
            c.ours_charged.undiscounted,
            c.reference,
            c.reference_charged.undiscounted,
            c.ratio
        );
    }
    println!();
    for row in &report.scaling {
        let runs: Vec<String> = row
            .runs
            .iter()
            .map(|(n, g)| format!("{n}: {}", g.total))
            .collect();
        println!(
            "{:<40} {}  ratio {:.4}",
            row.key,
            runs.join(", "),
            row.ratio
        );
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("gas-report: {e:#}");
            ExitCode::from(2)
        }
    }
}

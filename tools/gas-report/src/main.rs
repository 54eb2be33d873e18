//! gas-report: runs TicketChain's optimized artifacts, and cw20-base and cw721-base built the
//! same way, on the real CosmWasm VM, and reports what wasmd would charge for each operation.
//!
//! Run from the repository root (scripts/gas.sh does):
//!   gas-report [--markdown docs/gas.md] [--json docs/gas.json] [--check] [--write-budgets]
//!              [--artifacts artifacts] [--anchors tools/gas-report/target/anchors]
//!              [--budgets tools/gas-report/budgets.json] [--sizes 10,1000,10000]

mod addresses;
mod budgets;
mod chain;
mod gas;
mod measure;
mod operations;
mod platform;
mod report;
mod scaling;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::budgets::Budgets;
use crate::platform::{Wasm, ARTIFACTS};
use crate::report::Report;

struct Options {
    artifacts: PathBuf,
    anchors: PathBuf,
    cache: PathBuf,
    budgets: PathBuf,
    markdown: Option<PathBuf>,
    json: Option<PathBuf>,
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
            json: None,
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
                "--sizes" => {
                    options.sizes = value()?
                        .split(',')
                        .map(|n| {
                            n.trim()
                                .parse()
                                .context("--sizes takes numbers, e.g. 10,1000")
                        })
                        .collect::<anyhow::Result<_>>()?;
                    if options.sizes.is_empty() || options.sizes.contains(&0) {
                        bail!("--sizes needs at least one size above 0");
                    }
                }
                "--check" => options.check = true,
                "--write-budgets" => options.write_budgets = true,
                other => bail!("unknown argument {other} (see the head of src/main.rs)"),
            }
        }
        Ok(options)
    }
}

fn run() -> anyhow::Result<bool> {
    let options = Options::parse()?;
    let wasm = Wasm::load(&options.artifacts, &options.anchors)?;
    std::fs::create_dir_all(&options.cache)?;

    eprintln!("measuring every operation");
    let mut recorder = operations::measure(&wasm, &options.cache)?;
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

fn print_summary(report: &Report) {
    println!(
        "{:<34} {:>9}   {:<46} {:>9} {:>7}",
        "ours", "SDK gas", "reference", "SDK gas", "ratio"
    );
    for c in &report.comparisons {
        println!(
            "{:<34} {:>9}   {:<46} {:>9} {:>7.3}",
            c.ours, c.ours_gas, c.reference, c.reference_gas, c.ratio
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
            "{:<26} {}  ratio {:.4}",
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

//! `--replay`: runs a trace's transactions on the model and writes what it charges each, so a
//! real chain's `gas_used` and the model's contract share can be compared transaction by
//! transaction.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::chain::{Chain, ChainConfig, GasBreakdown};
use crate::measure::call_path;
use crate::trace::Trace;

pub const FORMAT: &str = "ticketchain-gas-replay/1";

#[derive(Serialize)]
pub struct Replay {
    pub format: &'static str,
    /// Every code was treated as pinned (`--pinned`), not only the trace's pinned codes.
    pub pinned: bool,
    pub transactions: Vec<ReplayedTx>,
}

#[derive(Serialize)]
pub struct ReplayedTx {
    pub label: String,
    pub sender: String,
    /// The model's SDK gas for the contracts' share of the whole transaction.
    pub model_gas: u64,
    /// Contract instances set up.
    pub calls: u64,
    pub breakdown: Breakdown,
    /// The calls in order, as in docs/gas.md.
    pub path: String,
}

#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub instance: u64,
    pub metadata: u64,
    pub compute: u64,
    pub kv: u64,
    pub events: u64,
    /// Calls charged the discounted instance cost (pinned, or their code ran before in the
    /// transaction, or a reply).
    pub discounted_calls: u64,
}

impl Breakdown {
    pub fn of(gas: &GasBreakdown) -> Self {
        Self {
            instance: gas.instance,
            metadata: gas.metadata,
            compute: gas.compute,
            kv: gas.kv,
            events: gas.events,
            discounted_calls: gas.discounted_calls,
        }
    }
}

/// The wasm of `file` from the first directory that has it, checked against the trace's
/// checksum.
fn load_code(dirs: &[PathBuf], file: &str, checksum: &str) -> anyhow::Result<Vec<u8>> {
    let Some(path) = dirs.iter().map(|d| d.join(file)).find(|p| p.is_file()) else {
        bail!(
            "{file} is in none of {} (run scripts/build.sh)",
            dirs.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let actual = hex(&Sha256::digest(&bytes));
    if !actual.eq_ignore_ascii_case(checksum) {
        bail!(
            "{} has sha256 {actual}, but the trace's code has {checksum}: \
             build the artifacts of the commit that was deployed",
            path.display()
        );
    }
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The report's name for the code in `file`: `ticket_nft.wasm` → `ticket-nft`.
fn code_name(file: &str) -> String {
    file.trim_end_matches(".wasm").replace('_', "-")
}

/// Runs every transaction of `trace` on a fresh model chain. `dirs` are searched in order for
/// each code's file; `pin_all` treats every code as pinned.
pub fn replay(
    trace: &Trace,
    dirs: &[PathBuf],
    cache: &Path,
    pin_all: bool,
) -> anyhow::Result<Replay> {
    let chain = Chain::new(
        cache,
        ChainConfig {
            chain_id: trace.chain_id.clone(),
            bech32_prefix: trace.bech32_prefix.clone(),
        },
    )?;
    for code in &trace.codes {
        let wasm = load_code(dirs, &code.file, &code.checksum)
            .with_context(|| format!("code {}", code.code_id))?;
        chain.store_code_as(code.code_id, &wasm, &code.creator, &code_name(&code.file))?;
        if pin_all {
            chain.pin_code(code.code_id)?;
        }
    }
    for id in &trace.pinned_code_ids {
        chain
            .pin_code(*id)
            .with_context(|| format!("pinned_code_ids names code {id}, not in codes"))?;
    }
    for balance in &trace.native_balances {
        chain.mint_native(&balance.address, &balance.denom, balance.amount.u128())?;
    }
    chain.set_instances_before(trace.instances_before);
    let mut transactions = Vec::new();
    for (i, tx) in trace.transactions.iter().enumerate() {
        chain.set_block(
            tx.height,
            tx.time,
            tx.tx_index,
            tx.block_gas_before.unwrap_or(0),
        );
        chain
            .pay_fee(tx.fee_payer.as_deref().unwrap_or(&tx.sender), &tx.fee)
            .with_context(|| format!("transaction {} of the trace ({:?})", i + 1, tx.label))?;
        let outcome = chain.submit(&tx.sender, &tx.messages).with_context(|| {
            format!(
                "transaction {} of the trace ({:?}) fails on the model",
                i + 1,
                tx.label
            )
        })?;
        let gas = outcome.gas();
        transactions.push(ReplayedTx {
            label: tx.label.clone(),
            sender: tx.sender.clone(),
            model_gas: gas.total,
            calls: gas.calls,
            breakdown: Breakdown::of(&gas),
            path: call_path(&outcome.charges),
        });
    }
    Ok(Replay {
        format: FORMAT,
        pinned: pin_all,
        transactions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_named_after_their_files() {
        assert_eq!(code_name("partner_registry.wasm"), "partner-registry");
        assert_eq!(code_name("cw20_base.wasm"), "cw20-base");
        assert_eq!(code_name("schedules.wasm"), "schedules");
        // A trace names codes by file: every artifact the season stores comes back by its name.
        for artifact in &crate::platform::ARTIFACTS {
            assert_eq!(code_name(artifact.file), artifact.name);
            assert_eq!(crate::platform::artifact_file(artifact.name), artifact.file);
        }
    }

    #[test]
    fn a_wrong_checksum_is_refused_with_both_hashes() {
        let dir = std::env::temp_dir().join(format!("gas-report-replay-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x.wasm"), b"not wasm").unwrap();
        let dirs = [dir.clone()];
        let right = hex(&Sha256::digest(b"not wasm"));
        assert!(load_code(&dirs, "x.wasm", &right.to_uppercase()).is_ok());
        let error = load_code(&dirs, "x.wasm", "00").unwrap_err();
        assert!(error.to_string().contains(&right), "{error}");
        let missing = load_code(&dirs, "y.wasm", &right).unwrap_err();
        assert!(missing.to_string().contains("y.wasm"), "{missing}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}

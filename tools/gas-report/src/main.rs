//! gas-report: runs TicketChain's optimized artifacts, and cw20-base and cw721-base built the
//! same way, on the real CosmWasm VM, and reports what wasmd would charge for each operation.

mod addresses;
mod chain;
mod gas;
mod measure;
mod operations;
mod platform;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let wasm = platform::Wasm::load(&root.join("artifacts"), &root.join("tools/gas-report/target/anchors"))?;
    let t = std::time::Instant::now();
    let r = operations::measure(&wasm, &root.join("tools/gas-report/target/vm-cache"))?;
    for m in &r.measurements {
        println!("{:<45} {:>9} {:>9} calls {} kv {} ev {} cmp {}  {}", m.key, m.gas.total, m.gas.total_pinned, m.gas.calls, m.gas.kv, m.gas.events, m.gas.compute, m.path);
    }
    println!("{:?}", t.elapsed());
    Ok(())
}

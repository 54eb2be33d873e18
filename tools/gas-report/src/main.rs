//! gas-report: runs TicketChain's optimized artifacts, and cw20-base and cw721-base built the
//! same way, on the real CosmWasm VM, and reports what wasmd would charge for each operation.

mod addresses;
mod chain;
mod gas;

use std::path::PathBuf;

use anyhow::Context;
use serde_json::json;

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let chain = chain::Chain::new(&root.join("tools/gas-report/target/vm-cache"))?;
    let wasm = std::fs::read(root.join("artifacts/ctc_token.wasm")).context("artifact")?;
    let t = std::time::Instant::now();
    let code = chain.store_code(&wasm)?;
    println!("stored in {:?}", t.elapsed());
    let owner = addresses::account("owner");
    let buckets: Vec<String> = (0..6).map(|i| addresses::account(&format!("bucket{i}"))).collect();
    let token = chain.instantiate(code, &owner, &json!({"allocation": {
        "founding_team": buckets[0], "institutional_investors": buckets[1], "service_providers": buckets[2],
        "business_development": buckets[3], "community_rewards": buckets[4], "public_welfare": buckets[5]},
        "recycle_pool": null, "owner": null, "marketing": null}), "ctc-token")?;
    let t = std::time::Instant::now();
    for i in 0..100 {
        chain.execute(&buckets[2], &token, &json!({"transfer": {"recipient": addresses::account(&format!("fan{i}")), "amount": "1000"}}), &[])?;
    }
    println!("100 transfers in {:?}", t.elapsed());
    let tx = chain.execute(&buckets[2], &token, &json!({"transfer": {"recipient": addresses::account("fan0"), "amount": "1000"}}), &[])?;
    println!("{:#?}\n{:?}", tx.charges, tx.gas());
    Ok(())
}

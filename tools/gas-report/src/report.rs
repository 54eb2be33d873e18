//! The report: comparisons with the references, scaling, sizes and every operation, as
//! markdown for people and JSON for machines. Both are deterministic (no times, no paths), so
//! committed copies change only when the gas does.

use std::fmt::Write as _;

use serde::Serialize;

use crate::chain::CallCharge;
use crate::gas;
use crate::measure::{Measurement, Recorder};
use crate::platform::Wasm;
use crate::scaling::ScalingRow;

/// wasmd's default `MaxWasmSize`.
pub const UPLOAD_LIMIT: u64 = 819_200;

#[derive(Serialize)]
pub struct Size {
    pub artifact: String,
    pub contract: String,
    pub bytes: u64,
    pub reference: bool,
}

/// One figure under the three ways a chain may charge the instance cost.
#[derive(Clone, Copy, Serialize)]
pub struct Charged {
    /// Every call of a code after its first in the transaction at the discount (wasmd 0.54 and
    /// later, the model's default).
    pub discounted: u64,
    /// Every call at the full instance cost (CosmWasm 2 chains before wasmd 0.54).
    pub undiscounted: u64,
    /// Every code pinned.
    pub pinned: u64,
}

impl Charged {
    fn of_charges<'a>(charges: impl IntoIterator<Item = &'a CallCharge>) -> Self {
        let mut sum = Self {
            discounted: 0,
            undiscounted: 0,
            pinned: 0,
        };
        for charge in charges {
            sum = sum + Self::of_charge(charge);
        }
        sum
    }

    fn of_charge(charge: &CallCharge) -> Self {
        Self {
            discounted: charge.total(false),
            undiscounted: charge.total_undiscounted(),
            pinned: charge.total(true),
        }
    }
}

impl std::ops::Add for Charged {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            discounted: self.discounted + other.discounted,
            undiscounted: self.undiscounted + other.undiscounted,
            pinned: self.pinned + other.pinned,
        }
    }
}

#[derive(Serialize)]
pub struct Comparison {
    pub ours: String,
    /// Contract calls our operation makes.
    pub calls: u64,
    /// As charged by wasmd v0.60 (the in-transaction discount applies).
    pub ours_gas: u64,
    pub ours_charged: Charged,
    pub reference: String,
    pub reference_gas: u64,
    pub reference_charged: Charged,
    /// ours ÷ reference without the in-transaction discount: the rule the targets are met under.
    pub ratio: f64,
    pub ratio_discounted: f64,
    pub ratio_pinned: f64,
}

impl Comparison {
    fn new(ours: &Measurement, reference: String, reference_charged: Charged) -> Self {
        let ours_charged = Charged::of_charges(&ours.charges);
        let ratio = |a: u64, b: u64| a as f64 / b as f64;
        Self {
            ours: ours.key.clone(),
            calls: ours.gas.calls,
            ours_gas: ours_charged.discounted,
            reference,
            reference_gas: reference_charged.discounted,
            ratio: ratio(ours_charged.undiscounted, reference_charged.undiscounted),
            ratio_discounted: ratio(ours_charged.discounted, reference_charged.discounted),
            ratio_pinned: ratio(ours_charged.pinned, reference_charged.pinned),
            ours_charged,
            reference_charged,
        }
    }
}

#[derive(Serialize)]
pub struct Constant {
    pub name: &'static str,
    pub value: u64,
    pub source: &'static str,
}

#[derive(Serialize)]
pub struct Report {
    pub tool: &'static str,
    pub constants: Vec<Constant>,
    pub comparisons: Vec<Comparison>,
    pub scaling: Vec<ScalingRow>,
    pub sizes: Vec<Size>,
    pub operations: Vec<Measurement>,
    /// The local node's figures, rendered beside the model's (docs/gas-chain.json has them).
    #[serde(skip)]
    pub node: Option<crate::node::NodeGas>,
}

pub fn constants() -> Vec<Constant> {
    use gas::kv;
    let wasmd = "wasmd x/wasm/types/gas_register.go";
    let sdk = "Cosmos SDK store/types/gas.go KVGasConfig()";
    vec![
        Constant {
            name: "DefaultGasMultiplier",
            value: gas::GAS_MULTIPLIER,
            source: wasmd,
        },
        Constant {
            name: "DefaultInstanceCost",
            value: gas::INSTANCE_COST,
            source: wasmd,
        },
        Constant {
            name: "DefaultInstanceCostDiscount",
            value: gas::INSTANCE_COST_DISCOUNT,
            source: wasmd,
        },
        Constant {
            name: "DefaultGasCostHumanAddress",
            value: gas::HUMANIZE_COST / gas::GAS_MULTIPLIER,
            source: "wasmd x/wasm/keeper/api.go",
        },
        Constant {
            name: "DefaultGasCostCanonicalAddress",
            value: gas::CANONICALIZE_COST / gas::GAS_MULTIPLIER,
            source: "wasmd x/wasm/keeper/api.go",
        },
        Constant {
            name: "DefaultPerAttributeCost",
            value: gas::PER_ATTRIBUTE_COST,
            source: wasmd,
        },
        Constant {
            name: "DefaultEventAttributeDataCost",
            value: gas::EVENT_ATTRIBUTE_DATA_COST,
            source: wasmd,
        },
        Constant {
            name: "DefaultEventAttributeDataFreeTier",
            value: gas::EVENT_ATTRIBUTE_DATA_FREE_TIER,
            source: wasmd,
        },
        Constant {
            name: "DefaultPerCustomEventCost",
            value: gas::PER_CUSTOM_EVENT_COST,
            source: wasmd,
        },
        Constant {
            name: "DefaultDeserializationCostPerByte",
            value: gas::DESERIALIZATION_COST_PER_BYTE,
            source: "wasmd x/wasm/keeper/api.go (costJSONDeserialization), charged by wasmvm",
        },
        Constant {
            name: "ReadCostFlat",
            value: kv::READ_COST_FLAT,
            source: sdk,
        },
        Constant {
            name: "ReadCostPerByte",
            value: kv::READ_COST_PER_BYTE,
            source: sdk,
        },
        Constant {
            name: "WriteCostFlat",
            value: kv::WRITE_COST_FLAT,
            source: sdk,
        },
        Constant {
            name: "WriteCostPerByte",
            value: kv::WRITE_COST_PER_BYTE,
            source: sdk,
        },
        Constant {
            name: "HasCost",
            value: kv::HAS_COST,
            source: sdk,
        },
        Constant {
            name: "DeleteCost",
            value: kv::DELETE_COST,
            source: sdk,
        },
        Constant {
            name: "IterNextCostFlat",
            value: kv::ITER_NEXT_COST_FLAT,
            source: sdk,
        },
        Constant {
            name: "contract store key prefix (bytes)",
            value: gas::CONTRACT_STORE_PREFIX_LEN,
            source: "wasmd GetContractStorePrefix: 0x03 + 32-byte contract address",
        },
    ]
}

/// Ours beside what a user would otherwise deploy; a composite reference is summed from the
/// references' own calls.
pub fn comparisons(recorder: &Recorder) -> anyhow::Result<Vec<Comparison>> {
    let gas_of = |key: &str| -> anyhow::Result<&Measurement> {
        recorder
            .get(key)
            .ok_or_else(|| anyhow::anyhow!("operation {key} was not measured"))
    };
    let whole =
        |key: &str| -> anyhow::Result<Charged> { Ok(Charged::of_charges(&gas_of(key)?.charges)) };
    let mut out = Vec::new();
    let mut pair = |ours: &str, reference: &str| -> anyhow::Result<()> {
        out.push(Comparison::new(
            gas_of(ours)?,
            reference.to_owned(),
            whole(reference)?,
        ));
        Ok(())
    };
    for op in [
        "transfer",
        "send",
        "burn",
        "increase_allowance",
        "transfer_from",
        "balance (query)",
    ] {
        pair(&format!("ctc-token/{op}"), &format!("cw20-base/{op}"))?;
    }
    pair("ticket-nft/transfer_nft", "cw721-base/transfer_nft")?;
    pair("ticket-nft/owner_of (query)", "cw721-base/owner_of (query)")?;
    // A tip moves CTC from a fan to a creator: a plain transfer is what it would cost alone.
    pair("tipping/tip", "cw20-base/transfer")?;
    pair("tipping/tip (allowance)", "cw20-base/transfer")?;
    // A purchase is one Send whose receiver mints; the reference is the same composition built
    // from the references: cw20-base's own call in a Send, plus a cw721-base mint. A resale
    // likewise pays and moves the ticket.
    let send = gas_of("cw20-base/send")?;
    let token_call = send
        .charges
        .first()
        .map(Charged::of_charge)
        .ok_or_else(|| anyhow::anyhow!("cw20-base/send made no call"))?;
    for (ours, nft_op) in [
        ("ticket-nft/buy", "mint"),
        ("ticket-nft/buy (no wallet limit)", "mint"),
        ("ticket-nft/buy_resale", "transfer_nft"),
    ] {
        out.push(Comparison::new(
            gas_of(ours)?,
            format!("cw20-base send (token call) + cw721-base/{nft_op}"),
            token_call + whole(&format!("cw721-base/{nft_op}"))?,
        ));
    }
    Ok(out)
}

pub fn sizes(wasm: &Wasm) -> Vec<Size> {
    wasm.blobs
        .iter()
        .map(|(artifact, bytes)| Size {
            artifact: artifact.file.to_owned(),
            contract: artifact.name.to_owned(),
            bytes: bytes.len() as u64,
            reference: artifact.reference,
        })
        .collect()
}

pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn markdown(report: &Report) -> String {
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(w, "# Gas and size report\n");
    let _ = writeln!(w, "Generated by `./scripts/gas.sh` ({}); do not edit by hand. \
        The optimized artifacts run on the real CosmWasm VM (cosmwasm-vm 2.3.5, singlepass, its own \
        gas metering), inside a small chain that routes sub-messages, replies and smart queries \
        between contracts, and every contract call is charged what wasmd v0.60.8 charges it, in SDK \
        gas, as read off its x/wasm/keeper/keeper.go and the SDK v0.53 stores it calls:\n", report.tool);
    let _ = writeln!(w, "- **instance** (`SetupContractCost`, `checkDiscountEligibility`): {} per contract call (instantiate, execute, migrate, smart query); {} when the code's checksum already ran in the same transaction, when the code is pinned (the `pinned` column pins every code), and for every reply (`ReplyCosts(true, …)`);", thousands(gas::INSTANCE_COST), thousands(gas::INSTANCE_COST_DISCOUNT));
    let _ = writeln!(w, "- **metadata** (`contractInstance`, `IsPinnedCode`): an execute, smart query or reply reads the contract's `ContractInfo` (0x02 + address; its protobuf: code id, creator, admin, label, created position) and its code's `CodeInfo` (0x01 + code id: checksum, creator, permission) at read cost; execute, query and migrate also pay a `Has` on the pinned-code index; a message a contract sends through the SDK router pays a `Has` on the circuit breaker's disable list;");
    let _ = writeln!(w, "- **instantiate** (`instantiate`, also metadata): the code's `CodeInfo` and pinned flag, the instance sequence read and advanced, a `Has` on the new address, the contract's x/auth account (looked up, account number advanced, number index checked and written, account written), then after the call the by-code and by-creator index entries, the first code-history entry (after a reverse scan of the empty history) and the `ContractInfo`;");
    let _ = writeln!(w, "- **migrate** (`migrate`, also metadata): the `ContractInfo` and both codes' `CodeInfo`, the pinned flag and the instance cost unless both codes declare the same migrate version, the last history entry read back twice, its by-code index entry deleted, then the new history entry, index entry and `ContractInfo` written; only the contract's wasm admin may migrate it, itself or as a contract whose `WasmMsg::Migrate` (a committee's proposal) goes through the message router;");
    let _ = writeln!(w, "- **admin** (`setContractAdmin`, path `admin:x`): `MsgUpdateAdmin`, `MsgClearAdmin` and a contract's `WasmMsg::UpdateAdmin`/`ClearAdmin`, the admin's only: the `ContractInfo` read and written back with the new admin; no contract runs;");
    let _ = writeln!(w, "- **compute** (`consumeRuntimeGas`): the VM's gas ÷ {} rounded down, with wasmd's address API priced inside (5 per address humanized, 4 per canonicalized, 9 per validated), plus {} per byte of the JSON result wasmvm deserializes;", thousands(gas::GAS_MULTIPLIER), gas::DESERIALIZATION_COST_PER_BYTE);
    let _ = writeln!(w, "- **KV**: the SDK's gas KV store on each access to the contract's storage: read 1,000 + 3/byte, write 2,000 + 30/byte, delete 1,000, has 1,000 (flat in SDK 0.53), iterator 30 + 3/byte per record (the first record is paid at open and at first read); bytes are key + value, and the key includes wasmd's 33-byte contract prefix;");
    let _ = writeln!(w, "- **bank** (`TransferCoins` for a message's funds, x/bank `MsgSend` for a contract's `BankMsg::Send`; counted in KV): the bank params and a `Has` per denom, the sender's account, each balance read and rewritten with its denom index on both sides (both deleted at zero), a `Has` on the recipient's account and its creation when missing; a contract's balance query is one read;");
    let _ = writeln!(w, "- **events** (`EventCosts`, `ReplyCosts`): 10 per attribute, 1 per byte of attribute data beyond a 100-byte free tier per response, 20 + 1 per type byte per custom event; a reply pays again for the events of the wasm sub-message it receives (type bytes, then all their attributes as one set, with the same free tier).\n");
    let _ = writeln!(w, "Not counted: the transaction's own costs (the ante handler's signature checks, 10 gas per transaction byte, fee deduction and transaction counter, and the circuit-breaker check of each top-level message); they are the same whichever contract is called. Account numbers and sequences are taken to fit one varint byte. Wallets have 20-byte addresses and contracts 32-byte ones, as on a real chain; contracts are created as deploy/ creates them (the deployer as creator and admin, labels `ticketchain <name>`). `gas-report --replay` prices a real chain's recorded transactions on the same model (README).\n");

    let _ = writeln!(w, "## Against the references\n");
    let _ = writeln!(w, "cw20-base 2.0.0 and cw721-base 0.22.0, built from their published crates with this repository's release profile and the same `wasm-opt` passes, in the same run. The `send` of both tokens goes into the same receiver, one that accepts the hook and does nothing (`tools/gas-report/anchors/sink`), so the difference is the token's.\n");
    let _ = writeln!(w, "Three columns each, for the three ways a chain charges the 60,000 to start a contract: `undiscounted`, every call pays it (CosmWasm 2 chains before wasmd 0.54), the rule the targets are met under; `wasmd ≥ 0.54`, a code that already ran in the same transaction pays 2,000 (this model's default, wasmd v0.60.8); `pinned`, every code pinned. `calls`: the contract calls of ours.\n");
    let _ = writeln!(
        w,
        "| ours | calls | undiscounted | wasmd ≥ 0.54 | pinned | reference | undiscounted | wasmd ≥ 0.54 | pinned | ratio | ratio ≥ 0.54 | ratio pinned |\n| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for c in &report.comparisons {
        let (o, r) = (&c.ours_charged, &c.reference_charged);
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | `{}` | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.ours,
            c.calls,
            thousands(o.undiscounted),
            thousands(o.discounted),
            thousands(o.pinned),
            c.reference,
            thousands(r.undiscounted),
            thousands(r.discounted),
            thousands(r.pinned),
            c.ratio,
            c.ratio_discounted,
            c.ratio_pinned
        );
    }

    hot_paths(w, report);

    let _ = writeln!(w, "\n## Scaling with participants\n");
    let _ = writeln!(w, "Each size is a fresh chain where that many participants bought tickets of two events, backed two campaigns and bet in one pool, a touring company booked that many evenings of one theater hall in schedules (each published, requested and accepted), and a café sold that many vouchers of each of two classes (20 a purchase, to ten holders), with real transactions (unmetered); then each operation is measured once. Payouts are pulled one message per participant, a booking's acceptance reads only the two calendar entries around its evening, and a voucher is redeemed or cleared alone, so the gas must not grow with their number.\n");
    let mut header = String::from("| operation |");
    let mut rule = String::from("| --- |");
    if let Some(row) = report.scaling.first() {
        for (n, _) in &row.runs {
            let _ = write!(header, " {} |", thousands(*n));
            rule.push_str(" ---: |");
        }
    }
    let _ = writeln!(w, "{header} largest ÷ smallest |\n{rule} ---: |");
    for row in &report.scaling {
        let cells: Vec<String> = row.runs.iter().map(|(_, g)| thousands(g.total)).collect();
        let _ = writeln!(
            w,
            "| `{}` ({}) | {} | {:.4} |",
            row.key,
            row.description,
            cells.join(" | "),
            row.ratio
        );
    }

    let _ = writeln!(w, "\n## Sizes\n");
    let _ = writeln!(w, "| artifact | bytes | KiB | of the 800 KiB upload limit | vs reference |\n| --- | ---: | ---: | ---: | --- |");
    let size_of = |name: &str| {
        report
            .sizes
            .iter()
            .find(|s| s.contract == name)
            .map(|s| s.bytes)
    };
    for s in &report.sizes {
        let versus = match s.contract.as_str() {
            "ctc-token" => size_of("cw20-base")
                .map(|r| format!("{:.2} × cw20-base", s.bytes as f64 / r as f64)),
            "ticket-nft" => size_of("cw721-base")
                .map(|r| format!("{:.2} × cw721-base", s.bytes as f64 / r as f64)),
            "cw3-flex-multisig" | "cw4-group" => Some("cw-plus 2.0.0, the committee".to_owned()),
            _ if s.reference => Some("reference".to_owned()),
            _ => None,
        };
        let _ = writeln!(
            w,
            "| `{}` | {} | {:.1} | {:.1}% | {} |",
            s.artifact,
            thousands(s.bytes),
            s.bytes as f64 / 1024.0,
            s.bytes as f64 * 100.0 / UPLOAD_LIMIT as f64,
            versus.unwrap_or_default()
        );
    }

    if let Some(node) = &report.node {
        crate::node::markdown(w, node);
    }

    let _ = writeln!(w, "\n## Every operation\n");
    let _ = writeln!(w, "One transaction each, in the order of a season (tests/src/festival.rs); before the sales a touring company books an evening of the theater's hall in schedules and issues its show from the booking (tests/src/schedule_flows.rs), so `create_event (from a booking)` sits beside the plain `create_event` with the same tiers. After the show a café runs its vouchers (tests/src/vouchers_flows.rs), and the theater sells tickets of a new show with its ticket coupon and to the members of its pass: those two purchases are shown beside the plain `buy`, which is made, as before, before vouchers do anything. After the season's end come the draws: the reporters bond as providers of randomness, a draw is committed to and revealed, and wager-pool's drawn pool, crowdfund's lucky draws and ticket-nft's random seats run on draws of their own (their rows shown beside the plain ones they compare with). Last, a fan's recoverable account (tests/src/account_flows.rs): the identity provider creates it through the factory and attests it, its key and a delegate buy tickets through it, the delegate's and the key's codes admit its tickets and redeem its voucher (those rows shown beside the wallet's `check_in` and `redeem`), and a recovery is proposed, approved, vetoed, then proposed again and completed. `path` lists the calls: a name is an execute, `?` a smart query, `↩` a reply, `+` an instantiation, `bank` a native transfer. Queries are measured as a smart query from another contract would pay, as the first call of their code in a transaction. The season's whole trace, setup included, replays to these figures (`--trace`, `--replay`). `on the node`: the contracts' share of the same operation on the local wasmd node, in the node's season (its state and messages, not these), from the section above.\n");
    let mut group = "";
    for m in &report.operations {
        if m.group != group {
            group = &m.group;
            let _ = writeln!(w, "\n### {group}\n");
            let _ = writeln!(w, "| operation | SDK gas | pinned | on the node | calls | instance | metadata | compute | KV | events | path |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        }
        let name = m.key.split_once('/').map_or(m.key.as_str(), |(_, op)| op);
        let described = if m.description.is_empty() {
            format!("`{name}`")
        } else {
            format!("`{name}`: {}", m.description)
        };
        let on_node = report
            .node
            .as_ref()
            .and_then(|node| node.contracts_share(&m.key))
            .map_or("—".to_owned(), |gas| thousands(gas.max(0) as u64));
        let g = &m.gas;
        let _ = writeln!(
            w,
            "| {described} | {} | {} | {on_node} | {} | {} | {} | {} | {} | {} | {} |",
            thousands(g.total),
            thousands(g.total_pinned),
            g.calls,
            thousands(g.instance),
            thousands(g.metadata),
            thousands(g.compute),
            thousands(g.kv),
            thousands(g.events),
            m.path
        );
    }
    md
}

/// What a fan, an issuer or a creator pays most often, with the calls each makes and why.
const HOT_PATHS: [(&str, &str, &str); 7] = [
    ("ticket purchase (per-wallet limit)", "ticket-nft/buy", "the payment (token), the sale (ticket-nft); the registry's answers are read from ticket-nft's own copy"),
    ("ticket purchase (no limit)", "ticket-nft/buy (no wallet limit)", "as above, without the wallet's purchase count"),
    ("ticket gift", "ticket-nft/transfer_nft", "one call; a provenance record is written beside the cw721 move"),
    ("settle an event", "ticket-nft/settle", "the settlement (ticket-nft) and one `Disburse` (token): fee, burn or recycle and payout at once"),
    ("tip by CTC Send", "tipping/tip", "the payment (token), the tip (tipping), one `Disburse` of the rest and the fee (token): the tip reaches the creator at once"),
    ("tip under an allowance", "tipping/tip (allowance)", "the tip (tipping) and one `disburse_from` (token) taking it from the fan's balance under the allowance the fan gave tipping once"),
    ("resale purchase", "ticket-nft/buy_resale", "the payment (token), the sale (ticket-nft), the seller's proceeds (token), paid at once: holding them for a withdrawal would only move that call to the seller, later"),
];

fn hot_paths(w: &mut String, report: &Report) {
    let _ = writeln!(w, "\n## The hot paths\n");
    let _ = writeln!(
        w,
        "Each call is a contract started (60,000 undiscounted); the columns are as above.\n"
    );
    let _ = writeln!(w, "| operation | calls | undiscounted | wasmd ≥ 0.54 | pinned | ratio to its reference | why these calls |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (name, key, why) in HOT_PATHS {
        let Some(m) = report.operations.iter().find(|m| m.key == key) else {
            continue;
        };
        let charged = Charged::of_charges(&m.charges);
        let ratio = report
            .comparisons
            .iter()
            .find(|c| c.ours == key)
            .map_or("—".to_owned(), |c| {
                format!("{:.3} (`{}`)", c.ratio, c.reference)
            });
        let _ = writeln!(
            w,
            "| {name} (`{key}`) | {} | {} | {} | {} | {ratio} | {why} |",
            m.gas.calls,
            thousands(charged.undiscounted),
            thousands(charged.discounted),
            thousands(charged.pinned),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}

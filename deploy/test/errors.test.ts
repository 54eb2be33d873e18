import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { loadArtifacts } from "../src/artifacts";
import { main } from "../src/main";
import { explainFunds } from "../src/network-chain";
import { NETWORKS, resolveNetwork } from "../src/networks";
import { ConsoleReport } from "../src/report";

const quiet = () => new ConsoleReport(() => {});

test("a missing artifact names the file and the command that builds it", () => {
  const empty = mkdtempSync(join(tmpdir(), "ticketchain-artifacts-"));
  assert.throws(
    () => loadArtifacts(empty),
    /missing wasm artifact\(s\): .*partner_registry\.wasm.*\.\/scripts\/build\.sh/,
  );
});

test("a network deployment without TICKETCHAIN_MNEMONIC says what to set", async () => {
  await assert.rejects(main(["neutron-testnet"], {}, quiet()), /TICKETCHAIN_MNEMONIC is not set: .*pion-1.*untrn/);
});

test("an invalid mnemonic is refused before any connection", async () => {
  const env = { TICKETCHAIN_MNEMONIC: "not a mnemonic at all" };
  await assert.rejects(main(["osmosis-testnet"], env, quiet()), /not a valid BIP-39 mnemonic/);
});

test("an unreachable RPC names the endpoint and the variable that overrides it", async () => {
  const wallet = await DirectSecp256k1HdWallet.generate(24);
  const env = { TICKETCHAIN_MNEMONIC: wallet.mnemonic, TICKETCHAIN_RPC: "http://127.0.0.1:9" };
  await assert.rejects(
    main(["wasmd-local"], env, quiet()),
    /cannot reach the wasmd-local RPC at http:\/\/127\.0\.0\.1:9 .*set TICKETCHAIN_RPC/,
  );
});

test("an out-of-funds failure says which account needs which coin", () => {
  const network = NETWORKS["juno-testnet"];
  const error = explainFunds(
    new Error("Broadcasting transaction failed with code 5: insufficient funds"),
    network,
    "juno1deployer",
  );
  assert.match(error.message, /^insufficient funds: the deployer juno1deployer cannot pay .* in ujunox/);
  assert.match(error.message, /run the same command again/);
  const other = new Error("out of gas");
  assert.equal(explainFunds(other, network, "juno1deployer"), other);
});

test("network presets: unknown names are listed, RPC and gas price can be overridden", () => {
  assert.throws(
    () => resolveNetwork("moon"),
    /unknown network "moon"; choose one of: local, wasmd-local, neutron-testnet/,
  );
  const network = resolveNetwork("xion-testnet", {
    TICKETCHAIN_RPC: "https://rpc.example",
    TICKETCHAIN_GAS_PRICE: "1uxion",
  });
  assert.equal(network.rpc, "https://rpc.example");
  assert.equal(network.gasPrice, "1uxion");
  assert.equal(network.chainId, "xion-testnet-2");
});

test("the command line refuses unknown flags", async () => {
  assert.equal(await main(["--fast"], {}, quiet()), 2);
});

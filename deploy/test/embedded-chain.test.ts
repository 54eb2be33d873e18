import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fromCosmJS, TippingClient } from "../../clients/ts/src";
import { loadArtifacts } from "../src/artifacts";
import { deployPlatform, type DeployReport } from "../src/deploy";
import { bytewiseCompare, installBytewiseKeyOrder } from "../src/local-chain";
import { DEFAULT_PATHS, deployLocal } from "../src/main";
import { ConsoleReport } from "../src/report";
import { PlatformScenario } from "../src/scenario";

const quiet = () => new ConsoleReport(() => {});
const scratchPaths = () => ({
  artifacts: DEFAULT_PATHS.artifacts,
  deployments: mkdtempSync(join(tmpdir(), "ticketchain-deployments-")),
});

test("storage keys order bytewise, a key before its extensions", () => {
  assert.equal(bytewiseCompare(Uint8Array.of(1), Uint8Array.of(1, 0)), -1);
  assert.equal(bytewiseCompare(Uint8Array.of(1, 0), Uint8Array.of(1)), 1);
  assert.equal(bytewiseCompare(Uint8Array.of(2), Uint8Array.of(1, 255)), 1);
  assert.equal(bytewiseCompare(Uint8Array.of(3, 4), Uint8Array.of(3, 4)), 0);
  assert.doesNotThrow(installBytewiseKeyOrder);
});

test("the platform scenario passes through the generated client on the embedded chain", async () => {
  const report = quiet();
  const { chain, deployment, roles } = await deployLocal(report, scratchPaths());
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  assert.deepEqual(results.filter((step) => step.failure).map((step) => step.failure), []);
  assert.equal(results.length, 14);
  for (const step of results) assert.ok(step.checks.length > 0, `"${step.title}" checks something`);
  const transactions = results.flatMap((step) => step.transactions);
  assert.ok(transactions.every((tx) => tx.gasUsed > 0n), "every transaction reports its gas");
});

test("a step that does not behave as expected fails the scenario at that step", async () => {
  const report = quiet();
  const { chain, deployment, roles } = await deployLocal(report, scratchPaths());
  // A 3% tipping fee instead of 2%: the tip step's balance checks must catch it.
  const tipping = new TippingClient(fromCosmJS(chain.client), roles.owner, deployment.contracts.tipping!.address);
  await tipping.updateConfig({ fee: 300 });
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  const failed = results.find((step) => step.failure);
  assert.match(failed?.title ?? "", /tip the troupe/);
  assert.match(failed?.failure ?? "", /spring-troupe \+19\.6 CTC: moved 19\.4 CTC/);
  assert.equal(results.at(-1), failed, "nothing runs after the failed step");
});

test("re-running skips unchanged contracts and migrates the one whose code changed", async () => {
  const report = quiet();
  const paths = scratchPaths();
  const { chain, deployment, roles } = await deployLocal(report, paths);
  const artifacts = loadArtifacts(paths.artifacts);
  const target = { client: chain.client, sender: roles.owner, fee: "auto" as const, nativeDenom: "ustake" };
  const rerun = async () => {
    const lines: DeployReport[] = [];
    await deployPlatform(target, roles, artifacts, deployment, () => {}, (line) => lines.push(line));
    return lines;
  };

  const unchanged = await rerun();
  assert.deepEqual(unchanged.map((line) => line.action), Array(7).fill("unchanged"), "no upload, no wiring");

  const before = deployment.contracts.tipping!;
  deployment.contracts.tipping = { ...before, checksum: "0".repeat(64) };
  const upgraded = await rerun();
  assert.deepEqual(
    upgraded.filter((line) => line.action !== "unchanged").map((line) => [line.contract, line.action]),
    [["tipping", "migrated"]],
  );
  const after = deployment.contracts.tipping!;
  assert.equal(after.address, before.address, "migration keeps the address");
  assert.notEqual(after.codeId, before.codeId);
  assert.deepEqual(after.previousCodeIds, [before.codeId]);
  assert.equal((await chain.client.getContract(after.address)).codeId, after.codeId);
  const tipping = new TippingClient(fromCosmJS(chain.client), roles.owner, after.address);
  assert.equal((await tipping.config()).fee, 200, "state survives the migration");
});

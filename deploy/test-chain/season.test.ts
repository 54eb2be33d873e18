// The season on a real wasmd node (scripts/localnet.sh, one validator): every check of the
// scenario with real signed transactions, fans who hold no native coin, the web app on the node,
// and the node's gas beside the model's, with the platform's codes first unpinned, then pinned by
// a governance proposal.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pinCodesByGovernance, pinnedCodeIds, type GasRow } from "../src/chain-gas";
import { grantAllowanceMsg, LOCAL_FAN_ALLOWANCE } from "../src/fee-grants";
import { replayAndCompare, seasonOnNode, type SeasonRun } from "../src/chain-season";
import { DEFAULT_PATHS } from "../src/main";
import { ConsoleReport } from "../src/report";
import { webOnNode } from "../../web/test/node-journey";
import { TestLocalnet } from "./localnet-process";

/** The model may differ from the node by this share of the contracts' gas, per transaction. */
const TOLERANCE = 0.02;

// Below Linux's ephemeral range (32768-60999), where outgoing connections could take the ports.
const localnet = new TestLocalnet(1, 27_656);
const report = new ConsoleReport(process.env.TICKETCHAIN_VERBOSE ? console.log : () => {});
const paths = {
  artifacts: DEFAULT_PATHS.artifacts,
  deployments: mkdtempSync(join(tmpdir(), "ticketchain-deployments-")),
};
const runs: { unpinned?: SeasonRun; pinned?: SeasonRun } = {};
const rows: { unpinned?: GasRow[]; pinned?: GasRow[] } = {};

before(() => localnet.start());
after(() => localnet.stop());

const env = () => ({ ...localnet.deployEnv() });

test("the season passes on the node, every check, with real signed transactions", async () => {
  const run = await seasonOnNode(env(), report, { pinned: false, paths });
  runs.unpinned = run;
  assert.equal(run.results.length, 28);
  const transactions = run.results.flatMap((step) => step.transactions);
  assert.ok(transactions.length >= 50, `${transactions.length} transactions`);
  for (const record of run.records) {
    assert.equal(record.code, 0, `${record.label ?? record.hash} was accepted`);
    const found = await run.platform.chain.client.getTx(record.hash);
    assert.equal(found?.height, record.height, `${record.label ?? record.hash} is in block ${record.height}`);
  }
  const fans = [0, 1, 2, 3].map((i) => run.platform.chain.actors.get(`fan-${i}`)!);
  const fanTransactions = run.records.filter((record) => fans.includes(record.signer));
  assert.ok(fanTransactions.length >= 15);
  assert.ok(
    fanTransactions.every((record) => record.granter === run.platform.roles.sponsor),
    "every fan transaction is fee-granted",
  );
  console.log(`season on the node: ${transactions.length} transactions in ${run.scenarioSeconds.toFixed(1)} s`);
});

test("the web app runs on the node: its demo event, a fee-granted fan's purchase and door code, the node's figures", async () => {
  const { chain, deployment } = runs.unpinned!.platform;
  await webOnNode({
    rpc: localnet.rpc(0),
    deployments: paths.deployments,
    client: chain.client,
    token: deployment.contracts["ctc-token"]!.address,
    tickets: deployment.contracts["ticket-nft"]!.address,
    fan: chain.actors.get("fan-1")!,
  });
});

test("a fan's fee grant pays only for executing contracts, not the fan's other messages", async () => {
  const { chain, roles } = runs.unpinned!.platform;
  const fan = chain.actors.get("fan-0")!;
  const other = chain.actors.get("fan-1")!;
  // A fan trying to pass the sponsor's money on to someone else: refused before the block.
  const regrant = grantAllowanceMsg(fan, other, LOCAL_FAN_ALLOWANCE("ustake"));
  const before = await chain.client.getBalance(roles.sponsor, "ustake");
  await assert.rejects(chain.client.signAndBroadcast(fan, [regrant], "auto"), /not allowed|allowed messages/i);
  assert.deepEqual(await chain.client.getBalance(roles.sponsor, "ustake"), before, "the sponsor paid nothing");
});

test("the transaction's own share is the same for one, two and three messages", () => {
  const run = runs.unpinned!;
  for (const kind of ["direct", "granted"] as const) {
    const { steps, base, firstTransaction, transferShare } = run.calibration[kind];
    assert.ok(
      Math.abs(steps[0] - steps[1]) <= 50,
      `${kind}: each extra transfer adds the same gas (${steps.join(", ")})`,
    );
    assert.ok(
      base > 0 && firstTransaction > 0 && transferShare > 60_000,
      `${kind}: ${JSON.stringify(run.calibration[kind])}`,
    );
  }
});

function assertWithinTolerance(gasRows: GasRow[]): void {
  const worst = gasRows.reduce((a, b) => (Math.abs(b.difference) > Math.abs(a.difference) ? b : a));
  console.log(`largest model-vs-node difference: ${(worst.difference * 100).toFixed(2)}% (${worst.label})`);
  const off = gasRows.filter((row) => Math.abs(row.difference) > TOLERANCE);
  assert.deepEqual(
    off.map((row) => `${row.label}: node ${row.nodeContracts}, model ${row.model}`),
    [],
    "the model's contract share is within 2% of the node's on every transaction",
  );
}

test("the model's contract share matches the node's within 2% on every transaction", () => {
  rows.unpinned = replayAndCompare(runs.unpinned!, false);
  assert.ok(rows.unpinned.length >= 60);
  assertWithinTolerance(rows.unpinned);
});

test("a governance proposal pins the codes; the season costs what the pinned model says", async () => {
  const first = runs.unpinned!;
  const { chain, deployment, roles, deployer } = first.platform;
  // The committee's two codes run in the season too (every proposal the platform carries).
  const committee = deployment.committee!;
  const committeeCodes = await Promise.all(
    [committee.group, committee.multisig].map(async (address) => (await chain.client.getContract(address)).codeId),
  );
  const codeIds = [
    ...new Set([...Object.values(deployment.contracts).map((record) => record.codeId), ...committeeCodes]),
  ];
  const { seconds } = await pinCodesByGovernance(chain, deployer, [chain.actors.get("validator-0")!], codeIds, "wasm");
  assert.deepEqual((await pinnedCodeIds(chain)).sort(), [...codeIds].sort());
  console.log(`MsgPinCodes proposal passed and pinned ${codeIds.length} codes in ${seconds.toFixed(1)} s`);
  // The deployer's way to sponsor fans: deploy.sh grants what TICKETCHAIN_FEE_GRANTEES lists.
  const grantee = chain.actors.get("calibration-granted-pinned")!;
  const withGrants = { ...env(), TICKETCHAIN_FEE_GRANTEES: grantee, TICKETCHAIN_FEE_ALLOWANCE: "40000000ustake" };
  runs.pinned = await seasonOnNode(withGrants, report, { pinned: true, paths, pinnedCodeIds: codeIds });
  const { allowance } = await chain.queries.feegrant.allowance(roles.sponsor, grantee);
  assert.ok(allowance, "deploy.sh granted the listed address an allowance from the sponsor");
  rows.pinned = replayAndCompare(runs.pinned, true);
  assertWithinTolerance(rows.pinned);
  const share = (list: GasRow[]) => list.reduce((sum, row) => sum + row.nodeContracts, 0);
  assert.ok(share(rows.pinned) < share(rows.unpinned!) * 0.7, "pinning takes most of the instance cost away");

  const out = process.env.TICKETCHAIN_WRITE_CHAIN_GAS;
  if (out) {
    const summary = {
      wasmd: "v0.60.8",
      calibration: { unpinned: first.calibration, pinned: runs.pinned.calibration },
      scenario_seconds: first.scenarioSeconds,
      unpinned: rows.unpinned,
      pinned: rows.pinned,
    };
    writeFileSync(out, JSON.stringify(summary, null, 1) + "\n");
  }
});

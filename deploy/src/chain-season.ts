// The season on a real node with its gas taken apart: deploy a fresh platform, play the season,
// calibrate the transaction's own share, and trace every transaction for the model's replay.
import { execFileSync } from "node:child_process";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTRACTS, loadArtifacts, loadCommitteeArtifacts, type ContractName } from "./artifacts";
import {
  buildTrace,
  calibrateOverhead,
  compareWithModel,
  type Calibration,
  type GasRow,
  type GasTrace,
  type ReplayResult,
} from "./chain-gas";
import { grantFeeAllowances, LOCAL_FAN_ALLOWANCE } from "./fee-grants";
import { playGasExtras } from "./gas-extras";
import { DEFAULT_PATHS, deployToNetwork, REPO_ROOT, type NetworkPlatform, type Paths } from "./main";
import { hasFeeGrant, NodeChain } from "./node-chain";
import { resolveNetwork, type Network } from "./networks";
import { CTC } from "./platform-config";
import { digest } from "./values";
import type { ConsoleReport, StepResult } from "./report";
import { PlatformScenario } from "./scenario";

export interface SeasonRun {
  network: Network;
  platform: NetworkPlatform;
  results: StepResult[];
  calibration: Calibration;
  trace: GasTrace;
  /** Wall-clock seconds of the scenario alone. */
  scenarioSeconds: number;
  /** The broadcasts of this run (deployment, scenario, calibration), in order. */
  records: NetworkPlatform["chain"]["node"]["broadcasts"];
}

/** Deploys a fresh platform on the local chain and plays the season; `pinned` names the calibration accounts. */
export async function seasonOnNode(
  env: NodeJS.ProcessEnv,
  report: ConsoleReport,
  options: { pinned: boolean; paths?: Paths; pinnedCodeIds?: number[] },
): Promise<SeasonRun> {
  const network = resolveNetwork("wasmd-local", env);
  const paths = options.paths ?? DEFAULT_PATHS;
  const platform = await deployToNetwork(network.name, env, report, paths);
  const { chain, deployment, roles } = platform;
  const first = chain.node.broadcasts.findIndex((r) =>
    r.messages.some((m) => m.typeUrl.endsWith("MsgInstantiateContract")),
  );
  const scenarioChain = new NodeChain(network, chain);
  const started = Date.now();
  const results = await new PlatformScenario(scenarioChain, deployment, roles, report).run();
  const scenarioSeconds = (Date.now() - started) / 1000;
  const failed = results.find((step) => step.failure);
  if (failed) throw new Error(`the season failed on the node at "${failed.title}": ${failed.failure}`);
  await playGasExtras(scenarioChain, deployment, roles);

  const token = deployment.contracts["ctc-token"]!.address;
  const suffix = options.pinned ? "-pinned" : "";
  const payer = scenarioChain.address(`calibration-payer${suffix}`);
  const granted = scenarioChain.address(`calibration-granted${suffix}`);
  // The platform pays the calibration accounts from the community-rewards fund, on the record.
  const fund = deployment.contracts["community-rewards-fund"]!.address;
  for (const account of [payer, granted]) {
    const purpose = "gas calibration of the local node";
    const disburse = { recipient: account, amount: (1_000n * CTC).toString(), purpose, evidence_digest: digest(0x7c) };
    await chain.client.execute(roles.owner, fund, { disburse }, "auto");
  }
  await grantFeeAllowances(chain.client, roles.sponsor, [granted], LOCAL_FAN_ALLOWANCE(network.feeDenom), (grantee) =>
    hasFeeGrant(chain, roles.sponsor, grantee),
  );
  chain.node.sponsor(granted, roles.sponsor);
  const holder = fund;
  const calibration: Calibration = {
    direct: await calibrateOverhead(chain, token, payer, holder, options.pinned),
    granted: await calibrateOverhead(chain, token, granted, holder, options.pinned),
  };

  const records = chain.node.broadcasts.slice(first);
  // The committee's codes run in the season too (every act of the platform is its proposal).
  const artifacts = [
    ...Object.values(loadArtifacts(paths.artifacts)),
    ...Object.values(loadCommitteeArtifacts(paths.artifacts)),
  ];
  const files = Object.fromEntries(artifacts.map((artifact) => [artifact.checksum, artifact.path.split("/").pop()!]));
  const trace = await buildTrace(
    chain,
    deployment,
    files,
    records,
    [], // balances are read below, at the height before the first traced transaction
    options.pinnedCodeIds ?? [],
    network,
  );
  trace.native_balances = await nativeBalancesBefore(platform, records[0].height, network.feeDenom);
  return { network, platform, results, calibration, trace, scenarioSeconds, records };
}

/** Native balances, just before `height`, of every account the traced transactions touch. */
async function nativeBalancesBefore(
  platform: NetworkPlatform,
  height: number,
  denom: string,
): Promise<GasTrace["native_balances"]> {
  const { chain, roles, deployment } = platform;
  const addresses = new Set<string>([
    ...chain.actors.values(),
    platform.deployer,
    ...(deployment.committee?.members.map((member) => member.addr) ?? []),
    roles.owner,
    roles.treasury,
    roles.arbiter,
    roles.nodeIncentive,
    roles.sponsor,
  ]);
  const balances: GasTrace["native_balances"] = [];
  for (const address of addresses) {
    const request = QueryBalanceRequest.encode({ address, denom }).finish();
    const { value } = await chain.queries.queryAbci("/cosmos.bank.v1beta1.Query/Balance", request, height - 1);
    const amount = QueryBalanceResponse.decode(value).balance?.amount ?? "0";
    if (amount !== "0") balances.push({ address, denom, amount });
  }
  return balances;
}

export const GAS_REPORT = join(REPO_ROOT, "tools", "gas-report", "target", "release", "gas-report");

/** Runs the model over `trace` (tools/gas-report --replay) and sets each transaction beside it. */
export function replayAndCompare(run: SeasonRun, pinned: boolean): GasRow[] {
  const dir = mkdtempSync(join(tmpdir(), "ticketchain-gas-"));
  const tracePath = join(dir, "trace.json");
  const outPath = join(dir, "replay.json");
  writeFileSync(tracePath, JSON.stringify(run.trace, null, 1));
  // The trace names the codes the chain pinned; `--pinned` would pin every code, the one the
  // season uploads mid-way to migrate tipping too, which no proposal pinned on the node.
  const args = [
    "--replay",
    tracePath,
    "--out",
    outPath,
    ...(pinned && run.trace.pinned_code_ids.length === 0 ? ["--pinned"] : []),
  ];
  execFileSync(GAS_REPORT, args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const replay = JSON.parse(readFileSync(outPath, "utf8")) as ReplayResult;
  const names = new Map<string, ContractName>(
    CONTRACTS.map((name) => [run.platform.deployment.contracts[name]!.address, name]),
  );
  return compareWithModel(run.trace, replay, run.records, run.calibration, names);
}

// ./scripts/deploy.sh [network] [--no-scenario]
//   no network (nor TICKETCHAIN_NETWORK): deploy on the embedded chain and play the platform
//   scenario through the client; a network preset (see networks.ts): deploy or upgrade there with
//   TICKETCHAIN_MNEMONIC's account.
// Exits non-zero when a deployment step fails or the scenario does not behave as expected.
import { join } from "node:path";
import { loadArtifacts, loadCommitteeArtifacts } from "./artifacts";
import { actAsCommittee, canCarry, committeeFromEnv } from "./committee";
import { deployPlatform } from "./deploy";
import { deploymentPath, emptyDeployment, readDeployment, writeDeployment, type Deployment } from "./deployment";
import {
  deployEmbedded,
  localCommittee,
  playedRoles,
  printDeployStep,
  type Governance,
  type LocalPlatform,
} from "./embedded";
import { connectNetwork, explainFunds, type NetworkChain } from "./network-chain";
import { grantFeeAllowances } from "./fee-grants";
import { hasFeeGrant, NodeChain } from "./node-chain";
import { LOCAL, resolveNetwork, type Network } from "./networks";
import { ROLE_NAMES, type Roles } from "./platform-config";
import { ConsoleReport, gas } from "./report";
import { PlatformScenario } from "./scenario";
import type { ScenarioChain } from "./scenario-chain";
import { nodeSimulatorInternals } from "./simulator-internals";

export { localCommittee, type Governance, type LocalPlatform } from "./embedded";

export const REPO_ROOT = join(__dirname, "..", "..", "..");

export interface Paths {
  artifacts: string;
  deployments: string;
}

export const DEFAULT_PATHS: Paths = {
  artifacts: join(REPO_ROOT, "artifacts"),
  deployments: join(REPO_ROOT, "deployments"),
};

/** TICKETCHAIN_GOVERNANCE, checked. */
export function governanceFromEnv(env: NodeJS.ProcessEnv): Governance | undefined {
  const value = env.TICKETCHAIN_GOVERNANCE;
  if (value === undefined || value === "") return undefined;
  if (value !== "single" && value !== "committee") {
    throw new Error(`TICKETCHAIN_GOVERNANCE "${value}" is neither "single" nor "committee"`);
  }
  return value;
}

/** A fresh embedded chain with the platform deployed and wired on it, governed unless asked not to be. */
export async function deployLocal(
  report: ConsoleReport,
  paths: Paths = DEFAULT_PATHS,
  governance: Governance = "committee",
): Promise<LocalPlatform> {
  // The embedded chain starts empty on every run, so an earlier local record is replaced.
  const path = deploymentPath(paths.deployments, LOCAL.chainId);
  const platform = await deployEmbedded({
    internals: nodeSimulatorInternals(),
    artifacts: loadArtifacts(paths.artifacts),
    committeeArtifacts: () => loadCommitteeArtifacts(paths.artifacts),
    governance,
    report,
    save: (record) => writeDeployment(path, record),
  });
  report.line(`recorded in ${path}`);
  return platform;
}

/**
 * TICKETCHAIN_FEE_GRANTEES (comma-separated addresses) get a fee allowance from the sponsor for
 * executing contracts: TICKETCHAIN_FEE_ALLOWANCE in all (default 5000000 of the fee denom), at most
 * TICKETCHAIN_FEE_ALLOWANCE_PER_DAY a day (default a fifth of it), lasting
 * TICKETCHAIN_FEE_ALLOWANCE_DAYS (default 30). Addresses that already have one are skipped.
 */
async function grantRequestedFees(
  network: Network,
  chain: NetworkChain,
  env: NodeJS.ProcessEnv,
  report: ConsoleReport,
) {
  const grantees = (env.TICKETCHAIN_FEE_GRANTEES ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (grantees.length === 0) return;
  const sponsor = chain.roles.sponsor;
  if (!chain.signers.has(sponsor)) {
    throw new Error(
      `TICKETCHAIN_SPONSOR ${sponsor} is not an account of TICKETCHAIN_MNEMONIC, so this tool cannot sign its fee ` +
        `grants: unset it (the sponsor is then account ${ROLE_NAMES.indexOf("sponsor")} of the mnemonic) or grant ` +
        `from that account yourself`,
    );
  }
  const coin = (variable: string, fallback: string) => {
    const text = env[variable] || fallback;
    const match = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(text);
    if (!match) throw new Error(`${variable} "${text}" is not an amount and denom such as 5000000${network.feeDenom}`);
    return { amount: match[1], denom: match[2] };
  };
  const spendLimit = coin("TICKETCHAIN_FEE_ALLOWANCE", `5000000${network.feeDenom}`);
  const perDay = coin("TICKETCHAIN_FEE_ALLOWANCE_PER_DAY", `${BigInt(spendLimit.amount) / 5n}${spendLimit.denom}`);
  const days = Number(env.TICKETCHAIN_FEE_ALLOWANCE_DAYS || 30);
  if (!(days > 0))
    throw new Error(`TICKETCHAIN_FEE_ALLOWANCE_DAYS "${env.TICKETCHAIN_FEE_ALLOWANCE_DAYS}" is not a number of days`);
  const { granted, gasUsed } = await grantFeeAllowances(
    chain.client,
    sponsor,
    grantees,
    { spendLimit, perDay, expiresAt: new Date(Date.now() + days * 86_400_000) },
    (grantee) => hasFeeGrant(chain, sponsor, grantee),
  );
  const allowance = `${spendLimit.amount}${spendLimit.denom} (${perDay.amount}${perDay.denom} a day)`;
  report.line(
    `fee grants  ${granted.length} new of ${grantees.length} requested: up to ${allowance} each for ${days} days, ` +
      `executing contracts only, paid by the sponsor ${sponsor}${gasUsed > 0n ? `  (gas ${gas(gasUsed)})` : ""}`,
  );
}

export interface NetworkPlatform {
  chain: NetworkChain;
  deployment: Deployment;
  /** As `LocalPlatform.roles`: the committee is the owner once it governs. */
  roles: Roles;
  deployer: string;
}

export async function deployToNetwork(
  name: string,
  env: NodeJS.ProcessEnv,
  report: ConsoleReport,
  paths: Paths = DEFAULT_PATHS,
): Promise<NetworkPlatform> {
  const network = resolveNetwork(name, env);
  const artifacts = loadArtifacts(paths.artifacts);
  const chain = await connectNetwork(network, env);
  const { client, deployer } = chain;
  // Members given in the environment govern any network; the local chain's own three members
  // govern it unless TICKETCHAIN_GOVERNANCE=single.
  const governance = governanceFromEnv(env);
  const requested = committeeFromEnv(env);
  if (requested && governance === "single") {
    throw new Error("TICKETCHAIN_COMMITTEE_MEMBERS names a committee, but TICKETCHAIN_GOVERNANCE=single asks for none");
  }
  const local = network.localnet && governance !== "single" ? localCommittee(chain.roleAddress) : undefined;
  if (governance === "committee" && !requested && !local) {
    throw new Error("TICKETCHAIN_GOVERNANCE=committee needs TICKETCHAIN_COMMITTEE_MEMBERS on this network");
  }
  const committee = requested ?? local;
  const roles: Roles = committee ? { ...chain.roles, committee } : chain.roles;
  const canSign = (address: string) => chain.signers.has(address);
  const path = deploymentPath(paths.deployments, network.chainId);
  let deployment = readDeployment(path) ?? emptyDeployment(network.chainId, network.name, deployer);
  if (network.localnet) {
    // The local chain's season starts from a clean platform on every run: new contracts from the
    // code already stored there (checked against the chain, which may have been reset since).
    const codes = await storedCodes(client, deployment.codes);
    deployment = { ...emptyDeployment(network.chainId, network.name, deployer), codes };
  }
  if (deployment.deployer !== deployer) {
    throw new Error(`${path} was deployed by ${deployment.deployer}; TICKETCHAIN_MNEMONIC gives ${deployer}`);
  }
  report.heading(`Deploying to ${network.name} (${network.chainId}) via ${network.rpc} as ${deployer}`);
  try {
    await deployPlatform(
      {
        client,
        sender: deployer,
        fee: 1.4,
        nativeDenom: network.feeDenom,
        timings: network.timings,
        canSign,
        committeeArtifacts: committee && loadCommitteeArtifacts(paths.artifacts),
      },
      roles,
      artifacts,
      deployment,
      (record) => writeDeployment(path, record),
      printDeployStep(report),
    );
  } catch (error) {
    throw explainFunds(error, network, deployer);
  }
  report.line(`recorded in ${path}`);
  for (const { title } of deployment.pendingProposals ?? []) {
    report.line(`committee   awaits its members: "${title}" (the messages are in ${path}, pendingProposals)`);
  }
  await grantRequestedFees(network, chain, env, report);
  const governed = deployment.committee && canCarry(deployment.committee, canSign);
  if (governed) actAsCommittee(client, deployment.committee!, canSign);
  return { chain, deployment, roles: governed ? playedRoles(roles, deployment) : roles, deployer };
}

/** The recorded uploads the chain still holds with the same code. */
async function storedCodes(
  client: NetworkChain["client"],
  codes: Record<string, number>,
): Promise<Record<string, number>> {
  const kept: Record<string, number> = {};
  for (const [checksum, codeId] of Object.entries(codes)) {
    const details = await client.getCodeDetails(codeId).catch(() => undefined);
    if (details?.checksum === checksum) kept[checksum] = codeId;
  }
  return kept;
}

/** Plays the season; answers the exit code. */
export async function playScenario(
  chain: ScenarioChain,
  deployment: Deployment,
  roles: Roles,
  report: ConsoleReport,
): Promise<number> {
  report.heading("The platform scenario, through the generated TypeScript client");
  const started = Date.now();
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  const failed = results.find((step) => step.failure);
  const transactions = results.reduce((n, step) => n + step.transactions.length, 0);
  const checks = results.reduce((n, step) => n + step.checks.length, 0);
  if (failed) {
    report.heading(`Scenario FAILED at "${failed.title}": ${failed.failure}`);
    return 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report.heading(
    `Scenario passed: ${results.length} steps, ${transactions} transactions, ${checks} checks in ${seconds} s.`,
  );
  return 0;
}

export async function main(args: string[], env: NodeJS.ProcessEnv, report: ConsoleReport): Promise<number> {
  const flags = args.filter((arg) => arg.startsWith("--"));
  const positional = args.filter((arg) => !arg.startsWith("--"));
  const unknown = flags.filter((flag) => flag !== "--no-scenario");
  if (unknown.length > 0 || positional.length > 1) {
    report.line(
      `usage: deploy.sh [network] [--no-scenario]   (unexpected: ${[...unknown, ...positional.slice(1)].join(" ")})`,
    );
    return 2;
  }
  const networkName = positional[0] ?? env.TICKETCHAIN_NETWORK ?? LOCAL.name;
  const play = !flags.includes("--no-scenario");
  if (networkName !== LOCAL.name) {
    const network = resolveNetwork(networkName, env);
    const platform = await deployToNetwork(networkName, env, report, DEFAULT_PATHS);
    // The season needs a dozen funded actors: only the local chain's genesis has them.
    if (!network.localnet || !play) return 0;
    const chain = new NodeChain(network, platform.chain);
    return playScenario(chain, platform.deployment, platform.roles, report);
  }
  const platform = await deployLocal(report, DEFAULT_PATHS, governanceFromEnv(env) ?? "committee");
  if (!play) return 0;
  return playScenario(platform.chain, platform.deployment, platform.roles, report);
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, new ConsoleReport()).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`\nerror: ${error.message}`);
      process.exit(1);
    },
  );
}

// The platform on the embedded chain, with no file access: `deployLocal` (main.ts) runs it with the
// artifacts it reads and a record it writes, the web app with the artifacts it fetches.
import type { Artifact, CommitteeContractName, ContractName, StoredCodeName } from "./contracts";
import { actAsCommittee, checkedCommittee, type CommitteeRequest } from "./committee";
import { deployPlatform, type DeployReport } from "./deploy";
import { emptyDeployment, type Deployment } from "./deployment-record";
import { LocalChain, type SimulatorInternals } from "./local-chain";
import { LOCAL } from "./networks";
import { rolesFrom, type Roles } from "./platform-config";
import { gas, type ConsoleReport } from "./report";

export interface LocalPlatform {
  chain: LocalChain;
  deployment: Deployment;
  /** The roles as the season plays them: `owner` is the committee's multisig when governed. */
  roles: Roles;
  /** The account that deployed and wired the platform (and, single-key, still holds its roles). */
  deployer: string;
}

/** "single": the deployer keeps every role; "committee": a committee takes them (the default locally). */
export type Governance = "single" | "committee";

/** A local chain's committee: the three member roles, two of them carry a proposal. */
export function localCommittee(
  address: (role: "committee_1" | "committee_2" | "committee_3") => string,
): CommitteeRequest {
  return checkedCommittee({
    members: (["committee_1", "committee_2", "committee_3"] as const).map((role) => ({
      addr: address(role),
      weight: 1,
    })),
    threshold: 2,
    votingSeconds: 604_800,
  });
}

/** The roles the season plays with: the committee acts as the platform once it governs. */
export function playedRoles(roles: Roles, deployment: Deployment): Roles {
  return deployment.committee ? { ...roles, owner: deployment.committee.multisig } : roles;
}

export function printDeployStep(report: ConsoleReport) {
  return ({ contract, action, detail, gasUsed }: DeployReport) =>
    report.line(
      `${contract.padEnd(17)} ${action.padEnd(12)} ${detail}${gasUsed > 0n ? `  (gas ${gas(gasUsed)})` : ""}`,
    );
}

export interface EmbeddedDeploy {
  internals: SimulatorInternals;
  artifacts: Record<ContractName | StoredCodeName, Artifact>;
  /** Only read when `governance` is "committee". */
  committeeArtifacts: () => Record<CommitteeContractName, Artifact>;
  governance: Governance;
  report: ConsoleReport;
  /** Called with the record after every step, as a deployment to a network saves it. */
  save?: (record: Deployment) => void;
}

/** A fresh embedded chain with the platform deployed and wired on it. */
export async function deployEmbedded(options: EmbeddedDeploy): Promise<LocalPlatform> {
  const { artifacts, report } = options;
  const chain = new LocalChain(LOCAL, options.internals);
  const deployerRoles = rolesFrom((role) => chain.address(role));
  const roles =
    options.governance === "committee"
      ? { ...deployerRoles, committee: localCommittee((role) => chain.address(role)) }
      : deployerRoles;
  const deployment = emptyDeployment(LOCAL.chainId, LOCAL.name, roles.owner);
  report.heading(`Deploying to the embedded chain ${LOCAL.chainId} (cw-simulate, optimized artifacts)`);
  await deployPlatform(
    {
      client: chain.client,
      sender: roles.owner,
      fee: "auto",
      nativeDenom: LOCAL.feeDenom,
      committeeArtifacts: roles.committee && options.committeeArtifacts(),
      now: () => chain.now(),
    },
    roles,
    artifacts,
    deployment,
    (record) => options.save?.(record),
    printDeployStep(report),
  );
  if (deployment.committee) actAsCommittee(chain.client, deployment.committee, () => true);
  return { chain, deployment, roles: playedRoles(roles, deployment), deployer: roles.owner };
}

// Uploads, instantiates and wires the seven contracts, or brings an earlier deployment up to date:
// a contract whose recorded checksum matches its artifact is left alone, one whose code changed is
// migrated to the new code, a missing one is instantiated. The record is saved after every change,
// so a run that fails half-way resumes where it stopped.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromCosmJS, OutcomeOracleClient, PartnerRegistryClient } from "../../clients/ts/src";
import { CONTRACTS, type Artifact, type ContractName } from "./artifacts";
import type { Deployment } from "./deployment";
import { instantiateMsg, type Roles } from "./platform-config";

export interface DeployTarget {
  client: SigningCosmWasmClient;
  /** Signs every transaction; the admin of every contract, so it alone can migrate them. */
  sender: string;
  /** "auto", or a multiplier of the simulated gas: the client's gas price sets the fee. */
  fee: "auto" | number;
  nativeDenom: string;
}

export interface DeployReport {
  contract: ContractName | "wiring";
  action: "instantiated" | "migrated" | "unchanged" | "granted";
  detail: string;
  gasUsed: bigint;
}

/** The contracts ticket-nft, crowdfund and wager-pool call back into the registry as. */
const PLATFORM_CONTRACTS: ContractName[] = ["ticket-nft", "crowdfund", "wager-pool"];
const ORACLE_CREATOR_WIRING = "outcome-oracle creator: wager-pool";

export async function deployPlatform(
  target: DeployTarget,
  roles: Roles,
  artifacts: Record<ContractName, Artifact>,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<Deployment> {
  const { client, sender, fee } = target;
  for (const name of CONTRACTS) {
    const artifact = artifacts[name];
    const recorded = deployment.contracts[name];
    if (recorded) {
      await ensureOnChain(client, name, recorded.address, deployment.chainId);
      if (recorded.checksum === artifact.checksum) {
        report({ contract: name, action: "unchanged", detail: recorded.address, gasUsed: 0n });
        continue;
      }
      const upload = await client.upload(sender, artifact.wasm, fee);
      const migration = await client.migrate(sender, recorded.address, upload.codeId, {}, fee);
      deployment.contracts[name] = {
        ...recorded,
        previousCodeIds: [...recorded.previousCodeIds, recorded.codeId],
        codeId: upload.codeId,
        checksum: artifact.checksum,
      };
      save(deployment);
      report({
        contract: name,
        action: "migrated",
        detail: `code ${recorded.codeId} -> ${upload.codeId} at ${recorded.address}`,
        gasUsed: upload.gasUsed + migration.gasUsed,
      });
      continue;
    }
    const addresses = Object.fromEntries(
      Object.entries(deployment.contracts).map(([contract, record]) => [contract, record.address]),
    );
    const msg = instantiateMsg(name, roles, target.nativeDenom, addresses);
    const label = `ticketchain ${name}`;
    const upload = await client.upload(sender, artifact.wasm, fee);
    const instance = await client.instantiate(sender, upload.codeId, msg, label, fee, {
      admin: sender,
    });
    deployment.contracts[name] = {
      codeId: upload.codeId,
      checksum: artifact.checksum,
      address: instance.contractAddress,
      label,
      instantiateMsg: msg,
      previousCodeIds: [],
    };
    save(deployment);
    report({
      contract: name,
      action: "instantiated",
      detail: `code ${upload.codeId} at ${instance.contractAddress}`,
      gasUsed: upload.gasUsed + instance.gasUsed,
    });
  }
  await wire(target, deployment, save, report);
  return deployment;
}

/** The authorisations between contracts: each granted once, checked on every run. */
async function wire(
  { client, sender, fee }: DeployTarget,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<void> {
  const address = (name: ContractName): string => deployment.contracts[name]!.address;
  const registry = new PartnerRegistryClient(fromCosmJS(client), sender, address("partner-registry"));
  const { contracts: registered } = await registry.platformContracts({ limit: 50 });
  for (const name of PLATFORM_CONTRACTS) {
    if (registered.some((entry) => entry.name === name && entry.address === address(name))) {
      continue;
    }
    const result = await registry.registerPlatformContract({ name, address: address(name) }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: `registry knows ${name} as a platform contract`,
      gasUsed: result.gasUsed,
    });
  }
  // The oracle has no query for its creators, so the record remembers the grant.
  if (deployment.wiring[ORACLE_CREATOR_WIRING] !== address("wager-pool")) {
    const oracle = new OutcomeOracleClient(fromCosmJS(client), sender, address("outcome-oracle"));
    const result = await oracle.setCreator({ address: address("wager-pool"), allowed: true }, fee);
    deployment.wiring[ORACLE_CREATOR_WIRING] = address("wager-pool");
    save(deployment);
    report({
      contract: "wiring",
      action: "granted",
      detail: "wager-pool may create oracle questions",
      gasUsed: result.gasUsed,
    });
  }
}

async function ensureOnChain(
  client: SigningCosmWasmClient,
  name: ContractName,
  address: string,
  chainId: string,
): Promise<void> {
  try {
    await client.getContract(address);
  } catch {
    throw new Error(
      `deployments/${chainId}.json records ${name} at ${address}, but the chain has no such ` +
        `contract; remove that entry (or the file) to deploy afresh`,
    );
  }
}

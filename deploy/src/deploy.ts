// Uploads, instantiates and wires the nine contracts, or brings an earlier deployment up to date:
// a contract whose recorded checksum matches its artifact is left alone, one whose code changed is
// migrated to the new code, a missing one is instantiated. The record is saved after every
// transaction (uploads included), so a run that fails half-way resumes where it stopped without
// paying for an upload twice.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  cosmJSClient,
  OutcomeOracleClient,
  PartnerRegistryClient,
  TicketNftClient,
  VouchersClient,
} from "../../clients/ts/src";
import { CONTRACTS, type Artifact, type ContractName } from "./artifacts";
import type { DeployedContract, Deployment } from "./deployment";
import { instantiateMsg, type DeploymentTimings, type Roles } from "./platform-config";

export interface DeployTarget {
  client: SigningCosmWasmClient;
  /** Signs every transaction; the admin of every contract, so it alone can migrate them. */
  sender: string;
  /** "auto", or a multiplier of the simulated gas: the client's gas price sets the fee. */
  fee: "auto" | number;
  nativeDenom: string;
  /** Shortened waits for a chain without time travel; production defaults when omitted. */
  timings?: DeploymentTimings;
}

export interface DeployReport {
  contract: ContractName | "wiring";
  action: "instantiated" | "migrated" | "unchanged" | "granted";
  detail: string;
  gasUsed: bigint;
}

/**
 * The contracts that call back into the registry as platform contracts (quota, bonds), and that
 * no platform fee is ever paid to.
 */
const PLATFORM_CONTRACTS: ContractName[] = ["ticket-nft", "crowdfund", "wager-pool", "vouchers"];

export async function deployPlatform(
  target: DeployTarget,
  roles: Roles,
  artifacts: Record<ContractName, Artifact>,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<Deployment> {
  const { client, sender, fee } = target;
  // Uploads `artifact` unless this deployment already stored the same code.
  const codeFor = async (artifact: Artifact): Promise<{ codeId: number; gasUsed: bigint }> => {
    const known = deployment.codes[artifact.checksum];
    if (known !== undefined) return { codeId: known, gasUsed: 0n };
    const upload = await client.upload(sender, artifact.wasm, fee);
    deployment.codes[artifact.checksum] = upload.codeId;
    save(deployment);
    return { codeId: upload.codeId, gasUsed: upload.gasUsed };
  };
  for (const name of CONTRACTS) {
    const artifact = artifacts[name];
    const recorded = deployment.contracts[name];
    const addresses = Object.fromEntries(
      Object.entries(deployment.contracts).map(([contract, record]) => [contract, record.address]),
    );
    const msg = instantiateMsg(name, roles, target.nativeDenom, addresses, target.timings);
    if (recorded) {
      await ensureOnChain(client, name, recorded, deployment.chainId);
      ensureSameConfiguration(name, recorded.instantiateMsg, msg, deployment.chainId);
      if (recorded.checksum === artifact.checksum) {
        report({ contract: name, action: "unchanged", detail: recorded.address, gasUsed: 0n });
        continue;
      }
      const code = await codeFor(artifact);
      const migration = await client.migrate(sender, recorded.address, code.codeId, {}, fee);
      deployment.contracts[name] = {
        ...recorded,
        previousCodeIds: [...recorded.previousCodeIds, recorded.codeId],
        codeId: code.codeId,
        checksum: artifact.checksum,
      };
      save(deployment);
      report({
        contract: name,
        action: "migrated",
        detail: `code ${recorded.codeId} -> ${code.codeId} at ${recorded.address}`,
        gasUsed: code.gasUsed + migration.gasUsed,
      });
      continue;
    }
    const label = `ticketchain ${name}`;
    const code = await codeFor(artifact);
    const instance = await client.instantiate(sender, code.codeId, msg, label, fee, { admin: sender });
    deployment.contracts[name] = {
      codeId: code.codeId,
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
      detail: `code ${code.codeId} at ${instance.contractAddress}`,
      gasUsed: code.gasUsed + instance.gasUsed,
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
  const registry = cosmJSClient(PartnerRegistryClient, client, sender, address("partner-registry"));
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
  // ticket-nft, crowdfund and vouchers answer sales, pledges and voucher issues from their copy of
  // the registry's answers, which the registry pushes on every change; on a fresh deployment this
  // runs before any partner is admitted (a partner admitted earlier reaches a new mirror with
  // `sync_partner`, an attestation with `sync_attestation`).
  const { mirrors } = await registry.mirrors();
  for (const name of ["ticket-nft", "crowdfund", "vouchers"] as const) {
    if (mirrors.includes(address(name))) {
      continue;
    }
    const result = await registry.addMirror({ address: address(name) }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: `registry pushes partner and identity changes to ${name}`,
      gasUsed: result.gasUsed,
    });
  }
  // The oracle has no query for its creators, so the record remembers the grant, per oracle.
  const creatorGrant = `outcome-oracle ${address("outcome-oracle")} creator`;
  if (deployment.wiring[creatorGrant] !== address("wager-pool")) {
    const oracle = cosmJSClient(OutcomeOracleClient, client, sender, address("outcome-oracle"));
    const result = await oracle.setCreator({ address: address("wager-pool"), allowed: true }, fee);
    deployment.wiring[creatorGrant] = address("wager-pool");
    save(deployment);
    report({
      contract: "wiring",
      action: "granted",
      detail: "wager-pool may create oracle questions",
      gasUsed: result.gasUsed,
    });
  }
  // ticket-nft issues events from schedules' bookings; it takes its schedules once, so another
  // one recorded there is refused rather than silently kept.
  const tickets = cosmJSClient(TicketNftClient, client, sender, address("ticket-nft"));
  const { schedules } = await tickets.config();
  if (schedules !== address("schedules")) {
    if (schedules) {
      throw new Error(
        `ticket-nft at ${address("ticket-nft")} issues events from schedules at ${schedules}, not the ` +
          `recorded ${address("schedules")}: it takes its schedules once; deploy a fresh platform`,
      );
    }
    const result = await tickets.setSchedules({ address: address("schedules") }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: "ticket-nft issues events from schedules' bookings",
      gasUsed: result.gasUsed,
    });
  }
  // A ticket purchase may name a voucher: ticket-nft tells vouchers, which accepts it only from
  // its ticket-nft. Each takes the other once, so another one recorded there is refused too.
  const vouchers = cosmJSClient(VouchersClient, client, sender, address("vouchers"));
  const { ticket_nft: ticketNft } = await vouchers.config();
  if (ticketNft !== address("ticket-nft")) {
    if (ticketNft) {
      throw new Error(
        `vouchers at ${address("vouchers")} takes ticket purchases from ticket-nft at ${ticketNft}, not the ` +
          `recorded ${address("ticket-nft")}: it takes its ticket-nft once; deploy a fresh platform`,
      );
    }
    const result = await vouchers.setTicketNft({ address: address("ticket-nft") }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: "vouchers accepts ticket purchases that use a voucher from ticket-nft",
      gasUsed: result.gasUsed,
    });
  }
  const { vouchers: ticketVouchers } = await tickets.config();
  if (ticketVouchers !== address("vouchers")) {
    if (ticketVouchers) {
      throw new Error(
        `ticket-nft at ${address("ticket-nft")} sends vouchers used for tickets to ${ticketVouchers}, not the ` +
          `recorded ${address("vouchers")}: it takes its vouchers once; deploy a fresh platform`,
      );
    }
    const result = await tickets.setVouchers({ address: address("vouchers") }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: "ticket-nft sends the vouchers named in ticket purchases to vouchers",
      gasUsed: result.gasUsed,
    });
  }
}

async function ensureOnChain(
  client: SigningCosmWasmClient,
  name: ContractName,
  recorded: DeployedContract,
  chainId: string,
): Promise<void> {
  let codeId: number;
  try {
    ({ codeId } = await client.getContract(recorded.address));
  } catch (error) {
    const message = (error as Error).message;
    // Anything else (a timeout, a 5xx) says nothing about the contract: report it as it is.
    if (!/not found|no such contract|no contract found/i.test(message)) throw error;
    throw new Error(
      `deployments/${chainId}.json records ${name} at ${recorded.address}, but the chain has no ` +
        `such contract (${message}); if the record belongs to an earlier chain, remove the file to ` +
        `deploy afresh`,
      { cause: error },
    );
  }
  if (codeId !== recorded.codeId) {
    throw new Error(
      `${name} at ${recorded.address} runs code ${codeId}, but deployments/${chainId}.json says ` +
        `${recorded.codeId}: it was migrated outside this tool; update the record before re-running`,
    );
  }
}

/**
 * A recorded contract keeps the addresses and settings it was instantiated with, so a dependency
 * redeployed elsewhere or a role changed since (TICKETCHAIN_TREASURY, ...) would leave it pointing
 * at the old one: refuse rather than report it unchanged.
 */
function ensureSameConfiguration(name: ContractName, recorded: object, wanted: object, chainId: string): void {
  const before = recorded as Record<string, unknown>;
  const after = wanted as Record<string, unknown>;
  const changed = Object.keys({ ...before, ...after }).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length > 0) {
    throw new Error(
      `${name} in deployments/${chainId}.json was instantiated with other ${changed.join(", ")} ` +
        `than this run would use: restore the roles, or redeploy ${name} and what depends on it`,
    );
  }
}

// Uploads, instantiates and wires the nine contracts, or brings an earlier deployment up to date:
// a contract whose recorded checksum matches its artifact is left alone, one whose code changed is
// migrated to the new code, a missing one is instantiated. The record is saved after every
// transaction (uploads included), so a run that fails half-way resumes where it stopped without
// paying for an upload twice. A governed deployment first creates its committee, makes it every
// contract's wasm admin and, after the wiring, hands it every privileged role; its migrations are
// then the committee's proposals (committee.ts).
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  AccountFactoryClient,
  cosmJSClient,
  OutcomeOracleClient,
  PartnerRegistryClient,
  TicketNftClient,
  VouchersClient,
  WagerPoolClient,
  type Cw3FlexMultisigTypes,
  type Cw4GroupTypes,
} from "../../clients/ts/src";
import {
  BUCKET_CONTRACTS,
  CONTRACTS,
  type Artifact,
  type CommitteeContractName,
  type ContractName,
  type StoredCodeName,
} from "./contracts";
import {
  canCarry,
  carryProposal,
  wasmExecute,
  wasmMigrate,
  type CommitteeRecord,
  type CommitteeRequest,
} from "./committee";
import type { DeployedContract, Deployment } from "./deployment-record";
import { instantiateMsg, type AccountCode, type DeploymentTimings, type Roles } from "./platform-config";

export interface DeployTarget {
  client: SigningCosmWasmClient;
  /** Signs every transaction; the admin of every contract, so it alone can migrate them. */
  sender: string;
  /** "auto", or a multiplier of the simulated gas: the client's gas price sets the fee. */
  fee: "auto" | number;
  nativeDenom: string;
  /** Shortened waits for a chain without time travel; production defaults when omitted. */
  timings?: DeploymentTimings;
  /** Whether this tool can sign as `address` (a committee member); any address when omitted. */
  canSign?: (address: string) => boolean;
  /** The committee's artifacts, needed when the roles ask for a committee. */
  committeeArtifacts?: Record<CommitteeContractName, Artifact>;
  /** The chain's time in seconds (the listing time of a new deployment); the wall clock when omitted. */
  now?: () => Promise<number>;
}

export interface DeployReport {
  contract: ContractName | StoredCodeName | "wiring" | "committee";
  action: "instantiated" | "migrated" | "unchanged" | "granted" | "proposed" | "stored";
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
  artifacts: Record<ContractName | StoredCodeName, Artifact>,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<Deployment> {
  const { client, sender, fee } = target;
  const canSign = target.canSign ?? (() => true);
  // Uploads `artifact` unless this deployment already stored the same code.
  const codeFor = async (artifact: Artifact): Promise<{ codeId: number; gasUsed: bigint }> => {
    const known = deployment.codes[artifact.checksum];
    if (known !== undefined) return { codeId: known, gasUsed: 0n };
    const upload = await client.upload(sender, artifact.wasm, fee);
    deployment.codes[artifact.checksum] = upload.codeId;
    save(deployment);
    return { codeId: upload.codeId, gasUsed: upload.gasUsed };
  };
  const committee = roles.committee
    ? await ensureCommittee(target, roles.committee, deployment, save, report, codeFor)
    : undefined;
  if (!committee && deployment.committee) {
    throw new Error(
      `deployments/${deployment.chainId}.json is governed by the committee at ${deployment.committee.multisig}; ` +
        "this run asks for a single key: give the same committee (TICKETCHAIN_COMMITTEE_MEMBERS, ...)",
    );
  }
  // The lock-ups count from the listing: fixed at the first run, so re-runs compare equal.
  deployment.listedAt ??= target.now ? await target.now() : Math.floor(Date.now() / 1000);
  const accountCode = await storeAccountCode(artifacts["fan-account"], deployment, save, report, codeFor);
  const accounts: AccountCode = { codeId: accountCode, admin: committee?.multisig ?? sender };
  for (const name of CONTRACTS) {
    const artifact = artifacts[name];
    const recorded = deployment.contracts[name];
    const addresses = Object.fromEntries(
      Object.entries(deployment.contracts).map(([contract, record]) => [contract, record.address]),
    );
    const msg = instantiateMsg(
      name,
      roles,
      target.nativeDenom,
      addresses,
      target.timings,
      deployment.listedAt,
      accounts,
    );
    if (recorded) {
      await ensureOnChain(client, name, recorded, deployment.chainId);
      ensureSameConfiguration(
        name,
        withoutAccountCode(recorded.instantiateMsg),
        withoutAccountCode(msg),
        deployment.chainId,
      );
      if (recorded.checksum === artifact.checksum) {
        report({ contract: name, action: "unchanged", detail: recorded.address, gasUsed: 0n });
        continue;
      }
      const code = await codeFor(artifact);
      let migrationGas: bigint;
      if (committee) {
        // Only the committee, the contract's wasm admin, can migrate it.
        const title = `migrate ${name} to code ${code.codeId}`;
        const msgs = [wasmMigrate(recorded.address, code.codeId)];
        if (!canCarry(committee, canSign)) {
          deployment.pendingProposals = [...(deployment.pendingProposals ?? []), { title, msgs }];
          save(deployment);
          report({ contract: name, action: "proposed", detail: `${title}: for the members to carry`, gasUsed: 0n });
          continue;
        }
        const carried = await carryProposal(client, committee, canSign, title, msgs, fee);
        migrationGas = carried.transactions.reduce((sum, tx) => sum + tx.gasUsed, 0n);
      } else {
        migrationGas = (await client.migrate(sender, recorded.address, code.codeId, {}, fee)).gasUsed;
      }
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
        gasUsed: code.gasUsed + migrationGas,
      });
      continue;
    }
    const label = `ticketchain ${name}`;
    const code = await codeFor(artifact);
    // A governed platform is the committee's to migrate from its first block.
    const admin = committee?.multisig ?? sender;
    const instance = await client.instantiate(sender, code.codeId, msg, label, fee, { admin });
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
  await pointFactoryAt(target, committee, accountCode, deployment, save, report);
  if (committee) await handOver(target, committee, deployment, save, report);
  return deployment;
}

/** Stores the fan-account code unless this deployment already has it; answers its code id. */
async function storeAccountCode(
  artifact: Artifact,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
  codeFor: (artifact: Artifact) => Promise<{ codeId: number; gasUsed: bigint }>,
): Promise<number> {
  const recorded = deployment.storedCodes?.["fan-account"];
  if (recorded?.checksum === artifact.checksum) {
    report({ contract: "fan-account", action: "unchanged", detail: `code ${recorded.codeId}`, gasUsed: 0n });
    return recorded.codeId;
  }
  const code = await codeFor(artifact);
  deployment.storedCodes = {
    ...deployment.storedCodes,
    "fan-account": { codeId: code.codeId, checksum: artifact.checksum },
  };
  save(deployment);
  report({ contract: "fan-account", action: "stored", detail: `code ${code.codeId}`, gasUsed: code.gasUsed });
  return code.codeId;
}

/**
 * The factory's account code is its one setting that follows the artifacts: a new fan-account code
 * is stored, and the factory's owner (the deployer, or the committee by proposal) points the
 * factory at it. Existing accounts keep their code until the committee migrates them.
 */
async function pointFactoryAt(
  target: DeployTarget,
  committee: CommitteeRecord | undefined,
  codeId: number,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<void> {
  const { client, sender, fee } = target;
  const factory = deployment.contracts["account-factory"]!.address;
  const reader = cosmJSClient(AccountFactoryClient, client, sender, factory);
  if ((await reader.config()).account_code_id === codeId) return;
  const update = { update_config: { account_code_id: codeId, account_admin: null, bounds: null } };
  const { owner } = (await client.queryContractSmart(factory, { ownership: {} })) as Ownership;
  if (owner === sender) {
    const result = await client.execute(sender, factory, update, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: `account-factory creates accounts of code ${codeId}`,
      gasUsed: result.gasUsed,
    });
    return;
  }
  if (!committee || owner !== committee.multisig) {
    throw new Error(`account-factory is owned by ${owner}: neither this deployer nor the committee can update it`);
  }
  const title = `account-factory creates accounts of code ${codeId}`;
  await proposeToCommittee(target, committee, title, [wasmExecute(factory, update)], deployment, save, report, title);
}

/**
 * Carries a committee proposal when this tool holds enough members' keys, else leaves it in the
 * record for the members to carry; `done` says what a carried proposal did.
 */
async function proposeToCommittee(
  target: DeployTarget,
  committee: CommitteeRecord,
  title: string,
  msgs: Cw3FlexMultisigTypes.CosmosMsgForEmpty[],
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
  done: string,
): Promise<void> {
  const canSign = target.canSign ?? (() => true);
  if (!canCarry(committee, canSign)) {
    deployment.pendingProposals = [...(deployment.pendingProposals ?? []), { title, msgs }];
    save(deployment);
    report({ contract: "committee", action: "proposed", detail: `${title}: for the members to carry`, gasUsed: 0n });
    return;
  }
  const carried = await carryProposal(target.client, committee, canSign, title, msgs, target.fee);
  report({
    contract: "committee",
    action: "granted",
    detail: `proposal ${carried.proposalId} carried: ${done}`,
    gasUsed: carried.transactions.reduce((sum, tx) => sum + tx.gasUsed, 0n),
  });
}

/** An instantiate message without the factory's account code, which a re-run may move forward. */
function withoutAccountCode(msg: object): object {
  return Object.fromEntries(Object.entries(msg).filter(([key]) => key !== "account_code_id"));
}

/** The committee this deployment records, or a new one: its group, then the multisig over it. */
async function ensureCommittee(
  { client, sender, fee, committeeArtifacts }: DeployTarget,
  request: CommitteeRequest,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
  codeFor: (artifact: Artifact) => Promise<{ codeId: number; gasUsed: bigint }>,
): Promise<CommitteeRecord> {
  const recorded = deployment.committee;
  if (recorded) {
    const same = (r: CommitteeRequest) => JSON.stringify([r.members, r.threshold, r.votingSeconds]);
    if (same(recorded) !== same(request)) {
      throw new Error(
        `deployments/${deployment.chainId}.json records a committee (${recorded.multisig}) with other members, ` +
          "threshold or voting period than this run asks for: members change by the committee's own proposal " +
          "(cw4-group update_members), not by a re-run",
      );
    }
    report({ contract: "committee", action: "unchanged", detail: recorded.multisig, gasUsed: 0n });
    return recorded;
  }
  if (!committeeArtifacts) throw new Error("a governed deployment needs the committee's artifacts");
  const groupCode = await codeFor(committeeArtifacts["cw4-group"]);
  // The deployer administers the group only until the multisig exists; neither has a wasm admin,
  // since neither can be migrated (no migrate entry point in cw-plus 2.0).
  const groupMsg: Cw4GroupInstantiate = { admin: sender, members: request.members };
  const group = await client.instantiate(sender, groupCode.codeId, groupMsg, "ticketchain committee group", fee);
  const multisigCode = await codeFor(committeeArtifacts["cw3-flex-multisig"]);
  const multisigMsg: Cw3FlexInstantiate = {
    group_addr: group.contractAddress,
    threshold: { absolute_count: { weight: request.threshold } },
    max_voting_period: { time: request.votingSeconds },
    executor: "member",
    proposal_deposit: null,
  };
  const multisig = await client.instantiate(sender, multisigCode.codeId, multisigMsg, "ticketchain committee", fee);
  // Left with the deployer, the group's admin could replace the members and so take every role.
  const handed = await client.execute(
    sender,
    group.contractAddress,
    { update_admin: { admin: multisig.contractAddress } },
    fee,
  );
  deployment.committee = { ...request, group: group.contractAddress, multisig: multisig.contractAddress };
  save(deployment);
  const total = request.members.reduce((sum, member) => sum + member.weight, 0);
  report({
    contract: "committee",
    action: "instantiated",
    detail:
      `cw3-flex-multisig ${multisig.contractAddress} over cw4-group ${group.contractAddress}: ` +
      `${request.members.length} members, ${request.threshold} of ${total} votes carry a proposal`,
    gasUsed: groupCode.gasUsed + group.gasUsed + multisigCode.gasUsed + multisig.gasUsed + handed.gasUsed,
  });
  return deployment.committee;
}

type Cw4GroupInstantiate = Cw4GroupTypes.InstantiateMsg;
type Cw3FlexInstantiate = Cw3FlexMultisigTypes.InstantiateMsg;

interface Ownership {
  owner: string | null;
  pending_owner: string | null;
}

/**
 * Gives the committee what the deployer held: every wasm admin, the wager operator's and an oracle
 * creator's rights, and every contract's ownership, offered by the deployer and accepted by one
 * proposal. Each part is checked on the chain first, so a re-run does only what is left.
 */
async function handOver(
  target: DeployTarget,
  committee: CommitteeRecord,
  deployment: Deployment,
  save: (deployment: Deployment) => void,
  report: (line: DeployReport) => void,
): Promise<void> {
  const { client, sender, fee } = target;
  const { multisig } = committee;
  const address = (name: ContractName): string => deployment.contracts[name]!.address;
  const granted = (detail: string, gasUsed: bigint) =>
    report({ contract: "wiring", action: "granted", detail, gasUsed });
  for (const name of CONTRACTS) {
    const { admin } = await client.getContract(address(name));
    if (admin === multisig) continue;
    if (admin !== sender) {
      throw new Error(`${name}'s wasm admin is ${admin}: neither this deployer nor the committee can hand it over`);
    }
    const result = await client.updateAdmin(sender, address(name), multisig, fee);
    granted(`the committee is ${name}'s wasm admin`, result.gasUsed);
  }
  const ownership = async (name: ContractName) =>
    (await client.queryContractSmart(address(name), { ownership: {} })) as Ownership;
  // The operator's and the creator's rights move while the deployer still owns their contracts.
  if ((await ownership("wager-pool")).owner === sender) {
    const wager = cosmJSClient(WagerPoolClient, client, sender, address("wager-pool"));
    if ((await wager.config()).operator !== multisig) {
      granted("the committee operates wager-pool", (await wager.updateConfig({ operator: multisig }, fee)).gasUsed);
    }
  }
  const creatorGrant = `outcome-oracle ${address("outcome-oracle")} committee creator`;
  if (deployment.wiring[creatorGrant] !== multisig && (await ownership("outcome-oracle")).owner === sender) {
    const oracle = cosmJSClient(OutcomeOracleClient, client, sender, address("outcome-oracle"));
    const added = await oracle.setCreator({ address: multisig, allowed: true }, fee);
    const removed = await oracle.setCreator({ address: sender, allowed: false }, fee);
    deployment.wiring[creatorGrant] = multisig;
    save(deployment);
    granted("the committee, not the deployer, may create oracle questions", added.gasUsed + removed.gasUsed);
  }
  const awaiting: ContractName[] = [];
  for (const name of CONTRACTS) {
    const { owner, pending_owner } = await ownership(name);
    if (owner === multisig) continue;
    if (owner !== sender) throw new Error(`${name} is owned by ${owner}: neither this deployer nor the committee`);
    if (pending_owner !== multisig) {
      const offer = { update_ownership: { transfer_ownership: { new_owner: multisig, expiry: null } } };
      granted(
        `${name}'s ownership offered to the committee`,
        (await client.execute(sender, address(name), offer, fee)).gasUsed,
      );
    }
    awaiting.push(name);
  }
  if (awaiting.length === 0) return;
  const title = `accept ownership of ${awaiting.join(", ")}`;
  const msgs = awaiting.map((name) => wasmExecute(address(name), { update_ownership: "accept_ownership" }));
  await proposeToCommittee(
    target,
    committee,
    title,
    msgs,
    deployment,
    save,
    report,
    `the committee owns all ${awaiting.length} contracts`,
  );
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
  // The lock-ups and funds take the token once it exists; each checks that the token is this
  // deployment's CTC and names it as a bucket, so any account may set it.
  for (const [bucket, name] of Object.entries(BUCKET_CONTRACTS)) {
    const config = (await client.queryContractSmart(address(name), { config: {} })) as { token: string | null };
    if (config.token === address("ctc-token")) continue;
    if (config.token) {
      throw new Error(
        `${name} at ${address(name)} holds the ${bucket} bucket of the token at ${config.token}, not the recorded ` +
          `${address("ctc-token")}: it takes its token once; deploy a fresh platform`,
      );
    }
    const result = await client.execute(sender, address(name), { set_token: { address: address("ctc-token") } }, fee);
    report({
      contract: "wiring",
      action: "granted",
      detail: `${name} holds CTC's ${bucket.replaceAll("_", " ")} bucket`,
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

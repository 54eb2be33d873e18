// What a deployment records: which contracts are deployed where, so a re-run skips unchanged
// contracts and migrates changed ones. deployment.ts keeps it in deployments/<chain-id>.json.
import type { ContractName, StoredCodeName } from "./contracts";
import type { CommitteeRecord } from "./committee";

export interface DeployedContract {
  codeId: number;
  /** sha256 of the code the contract runs now. */
  checksum: string;
  address: string;
  label: string;
  instantiateMsg: object;
  /** Code ids this contract ran before, oldest first. */
  previousCodeIds: number[];
}

export interface Deployment {
  chainId: string;
  network: string;
  deployer: string;
  /** Code uploaded by this deployment, sha256 -> code id: a run that fails after an upload reuses it. */
  codes: Record<string, number>;
  contracts: Partial<Record<ContractName, DeployedContract>>;
  /** Code stored for contracts the platform's own contracts instantiate (fan accounts), by name. */
  storedCodes?: Partial<Record<StoredCodeName, { codeId: number; checksum: string }>>;
  /** Authorisations between the contracts already granted, by name, with the address granted. */
  wiring: Record<string, string>;
  /** When CTC was listed (the token instantiated), in seconds: the lock-ups count from it. */
  listedAt?: number;
  /** The committee that governs the platform, when it is governed. */
  committee?: CommitteeRecord;
  /** Proposals the committee's members must still carry (this tool held too few of their keys). */
  pendingProposals?: Array<{ title: string; msgs: object[] }>;
}

export function emptyDeployment(chainId: string, network: string, deployer: string): Deployment {
  return { chainId, network, deployer, codes: {}, contracts: {}, wiring: {} };
}

/** A deployed contract's address; fails naming the contract when the record has none. */
export function contractAddress(deployment: Deployment, name: ContractName): string {
  const record = deployment.contracts[name];
  if (!record) throw new Error(`the deployment on ${deployment.chainId} has no ${name}`);
  return record.address;
}

/** The addresses the season and the web app call, by a short name. */
export function platformAddresses(deployment: Deployment) {
  const of = (name: ContractName) => contractAddress(deployment, name);
  return {
    token: of("ctc-token"),
    registry: of("partner-registry"),
    tickets: of("ticket-nft"),
    crowdfund: of("crowdfund"),
    tipping: of("tipping"),
    oracle: of("outcome-oracle"),
    wager: of("wager-pool"),
    schedules: of("schedules"),
    vouchers: of("vouchers"),
    draws: of("randomness"),
    accounts: of("account-factory"),
    teamLockup: of("team-lockup"),
    investorLockup: of("investor-lockup"),
    providersFund: of("service-providers-fund"),
    developmentFund: of("business-development-fund"),
    communityFund: of("community-rewards-fund"),
    welfareFund: of("public-welfare-fund"),
  };
}

export type PlatformAddresses = ReturnType<typeof platformAddresses>;

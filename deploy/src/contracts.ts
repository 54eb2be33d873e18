// The platform's contracts and stored codes by name, and the artifact file each runs: what both
// Node and the web app need, with no file access.

/**
 * The platform's seventeen contracts, in the order they are instantiated: each needs only earlier
 * addresses. The six genesis buckets come before the token, which credits them at its instantiate:
 * the team's and the investors' CTC in lock-ups, the other four in allocation funds. The draws come
 * before the three contracts that request them, the fan-account code before the factory that
 * instantiates it.
 */
export const CONTRACTS = [
  "partner-registry",
  "team-lockup",
  "investor-lockup",
  "service-providers-fund",
  "business-development-fund",
  "community-rewards-fund",
  "public-welfare-fund",
  "ctc-token",
  "randomness",
  "ticket-nft",
  "crowdfund",
  "tipping",
  "outcome-oracle",
  "wager-pool",
  "schedules",
  "vouchers",
  "account-factory",
] as const;

/**
 * Code the deployment stores but does not instantiate: the factory instantiates one fan account
 * per fan from it.
 */
export const STORED_CODES = ["fan-account"] as const;

export type StoredCodeName = (typeof STORED_CODES)[number];

/** The lock-ups and funds that hold the genesis buckets, by the bucket each holds. */
export const BUCKET_CONTRACTS = {
  founding_team: "team-lockup",
  institutional_investors: "investor-lockup",
  service_providers: "service-providers-fund",
  business_development: "business-development-fund",
  community_rewards: "community-rewards-fund",
  public_welfare: "public-welfare-fund",
} as const;

export type ContractName = (typeof CONTRACTS)[number];

/** The code a contract runs: a bucket's lock-up or fund shares its code with the others of its kind. */
export function codeOf(name: ContractName): string {
  if (name.endsWith("-lockup")) return "lockups";
  if (name.endsWith("-fund")) return "allocation-fund";
  return name;
}

export interface Artifact {
  name: ContractName | StoredCodeName | CommitteeContractName;
  path: string;
  wasm: Uint8Array;
  /** Lowercase hex sha256 of `wasm`. */
  checksum: string;
}

/** The ecosystem's contracts of the committee (ecosystem/Cargo.toml), built beside ours. */
export const COMMITTEE_CONTRACTS = ["cw4-group", "cw3-flex-multisig"] as const;

export type CommitteeContractName = (typeof COMMITTEE_CONTRACTS)[number];

/** The file scripts/build.sh writes for a contract's code. */
export function artifactFile(name: ContractName | StoredCodeName | CommitteeContractName): string {
  const code = name === "cw4-group" || name === "cw3-flex-multisig" || name === "fan-account" ? name : codeOf(name);
  return `${code.replaceAll("-", "_")}.wasm`;
}

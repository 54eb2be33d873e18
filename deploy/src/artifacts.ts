// The optimized wasm artifacts scripts/build.sh writes, with the sha256 checksums a chain reports
// for stored code.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The nine contracts, in the order they are instantiated: each needs only earlier addresses. */
export const CONTRACTS = [
  "partner-registry",
  "ctc-token",
  "ticket-nft",
  "crowdfund",
  "tipping",
  "outcome-oracle",
  "wager-pool",
  "schedules",
  "vouchers",
] as const;

export type ContractName = (typeof CONTRACTS)[number];

export interface Artifact {
  name: ContractName | CommitteeContractName;
  path: string;
  wasm: Uint8Array;
  /** Lowercase hex sha256 of `wasm`. */
  checksum: string;
}

/** Reads every artifact, failing with the command that builds them when one is missing. */
export function loadArtifacts(dir: string): Record<ContractName, Artifact> {
  const missing = CONTRACTS.map((name) => artifactPath(dir, name)).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`missing wasm artifact(s): ${missing.join(", ")}; build them with ./scripts/build.sh`);
  }
  const entries = CONTRACTS.map((name) => {
    const path = artifactPath(dir, name);
    const wasm = new Uint8Array(readFileSync(path));
    const checksum = createHash("sha256").update(wasm).digest("hex");
    return [name, { name, path, wasm, checksum }] as const;
  });
  return Object.fromEntries(entries) as Record<ContractName, Artifact>;
}

/** The ecosystem's contracts of the committee (ecosystem/Cargo.toml), built beside ours. */
export const COMMITTEE_CONTRACTS = ["cw4-group", "cw3-flex-multisig"] as const;

export type CommitteeContractName = (typeof COMMITTEE_CONTRACTS)[number];

/** Reads the committee's artifacts, failing as `loadArtifacts` does when one is missing. */
export function loadCommitteeArtifacts(dir: string): Record<CommitteeContractName, Artifact> {
  const entries = COMMITTEE_CONTRACTS.map((name) => {
    const path = artifactPath(dir, name);
    if (!existsSync(path)) throw new Error(`missing wasm artifact ${path}; build it with ./scripts/build.sh`);
    const wasm = new Uint8Array(readFileSync(path));
    const checksum = createHash("sha256").update(wasm).digest("hex");
    return [name, { name, path, wasm, checksum }] as const;
  });
  return Object.fromEntries(entries) as Record<CommitteeContractName, Artifact>;
}

function artifactPath(dir: string, name: ContractName | CommitteeContractName): string {
  return join(dir, `${name.replaceAll("-", "_")}.wasm`);
}

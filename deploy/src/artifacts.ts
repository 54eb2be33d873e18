// The optimized wasm artifacts scripts/build.sh writes, with the sha256 checksums a chain reports
// for stored code.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  artifactFile,
  COMMITTEE_CONTRACTS,
  CONTRACTS,
  STORED_CODES,
  type Artifact,
  type CommitteeContractName,
  type ContractName,
  type StoredCodeName,
} from "./contracts";

export * from "./contracts";

/** Reads every artifact, failing with the command that builds them when one is missing. */
export function loadArtifacts(dir: string): Record<ContractName | StoredCodeName, Artifact> {
  const names = [...CONTRACTS, ...STORED_CODES];
  const missing = [...new Set(names.map((name) => artifactPath(dir, name)))].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`missing wasm artifact(s): ${missing.join(", ")}; build them with ./scripts/build.sh`);
  }
  const entries = names.map((name) => {
    const path = artifactPath(dir, name);
    const wasm = new Uint8Array(readFileSync(path));
    const checksum = createHash("sha256").update(wasm).digest("hex");
    return [name, { name, path, wasm, checksum }] as const;
  });
  return Object.fromEntries(entries) as Record<ContractName | StoredCodeName, Artifact>;
}

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

function artifactPath(dir: string, name: ContractName | StoredCodeName | CommitteeContractName): string {
  return join(dir, artifactFile(name));
}

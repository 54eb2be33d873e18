// The embedded chain in the page: the same optimized artifacts the Node tools deploy, checked
// against artifacts/checksums.txt, deployed and wired by deploy/src/embedded.ts.
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import {
  artifactFile,
  COMMITTEE_CONTRACTS,
  CONTRACTS,
  STORED_CODES,
  type Artifact,
  type CommitteeContractName,
  type ContractName,
  type StoredCodeName,
} from "../../../deploy/src/contracts";
import { deployEmbedded, type LocalPlatform } from "../../../deploy/src/embedded";
import type { ConsoleReport } from "../../../deploy/src/report";
import checksumsText from "../../../artifacts/checksums.txt?raw";
import internals from "./simulator-internals.cjs";

const wasmUrls = import.meta.glob<string>("../../../artifacts/*.wasm", {
  query: "?url",
  import: "default",
  eager: true,
});

/** sha256 by file name, as build.sh recorded it. */
function recordedChecksums(): Map<string, string> {
  const recorded = new Map<string, string>();
  for (const line of checksumsText.split("\n")) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+\.wasm)$/.exec(line.trim());
    if (match) recorded.set(match[2], match[1]);
  }
  return recorded;
}

async function fetchArtifact<N extends Artifact["name"]>(name: N, recorded: Map<string, string>): Promise<Artifact> {
  const file = artifactFile(name);
  const url = wasmUrls[`../../../artifacts/${file}`];
  if (!url) throw new Error(`the build holds no ${file}; run ./scripts/build.sh`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const wasm = new Uint8Array(await response.arrayBuffer());
  const checksum = toHex(sha256(wasm));
  if (checksum !== recorded.get(file)) {
    throw new Error(`${file} has sha256 ${checksum}, not the ${recorded.get(file)} artifacts/checksums.txt records`);
  }
  return { name, path: url, wasm, checksum };
}

export async function deployInPage(report: ConsoleReport): Promise<LocalPlatform> {
  const recorded = recordedChecksums();
  const names = [...CONTRACTS, ...STORED_CODES];
  const artifacts = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await fetchArtifact(name, recorded)] as const)),
  ) as Record<ContractName | StoredCodeName, Artifact>;
  const committee = Object.fromEntries(
    await Promise.all(COMMITTEE_CONTRACTS.map(async (name) => [name, await fetchArtifact(name, recorded)] as const)),
  ) as Record<CommitteeContractName, Artifact>;
  return deployEmbedded({ internals, artifacts, committeeArtifacts: () => committee, governance: "committee", report });
}

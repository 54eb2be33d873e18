// The Merkle sum tree of allocation-fund's distribution rounds and of custodians' proofs of
// holdings, built off chain as ctc_interfaces::merkle builds and checks it (the byte format is
// documented there): a publisher builds the tree of its list and opens a round with the root and
// the total; each claimant (or a frontend on its behalf) sends its own entry's proof. The domain is
// the publisher's address: the fund's own for its rounds, the custodian's for a holdings tree, so a
// round's leaves cannot be replayed in another fund nor holdings passed off as a round.

import { sha256 } from "@cosmjs/crypto";
import { fromHex, toHex } from "@cosmjs/encoding";

/** One level of a proof, as `claim` and `verify_holdings` take it. */
export interface MerkleProofStep {
  /** The sibling's hash, 64 hex characters. */
  sibling: string;
  /** The amounts beneath the sibling, in micro-units. */
  sibling_sum: string;
  sibling_is_left: boolean;
}

export interface MerkleTree {
  /** 64 hex characters. */
  root: string;
  total: string;
  /** One proof per entry, in the order of the list. */
  proofs: MerkleProofStep[][];
}

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
const U128_MAX = (1n << 128n) - 1n;

function bigEndian(value: bigint, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = bytes - 1, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A leaf's hash: what `address` holds (or may claim) in the tree `domain` (the publisher's address)
 * published for `scope` (a round id).
 */
export function merkleLeaf(domain: string, scope: bigint | number, address: string, amount: bigint): Uint8Array {
  const publisher = new TextEncoder().encode(domain);
  if (publisher.length > 255) throw new Error(`a tree's domain is at most 255 bytes, not ${publisher.length}`);
  const text = new TextEncoder().encode(address);
  if (text.length > 255) throw new Error(`an address in a leaf is at most 255 bytes, not ${text.length}`);
  if (amount < 0n || amount > U128_MAX) throw new Error(`amount ${amount} is not a u128`);
  return sha256(
    concat([
      Uint8Array.of(LEAF_PREFIX),
      Uint8Array.of(publisher.length),
      publisher,
      bigEndian(BigInt(scope), 8),
      Uint8Array.of(text.length),
      text,
      bigEndian(amount, 16),
    ]),
  );
}

/** An inner node's hash; its sum is `leftSum + rightSum`. */
export function merkleNode(left: Uint8Array, leftSum: bigint, right: Uint8Array, rightSum: bigint): Uint8Array {
  return sha256(concat([Uint8Array.of(NODE_PREFIX), left, bigEndian(leftSum, 16), right, bigEndian(rightSum, 16)]));
}

/**
 * Refuses a text the contracts would never accept as an address: they validate addresses, and the
 * validated spelling of a bech32 address is lower case, so an upper-case leaf could never be claimed.
 */
function ensureLowerCase(address: string): void {
  if (address !== address.toLowerCase()) {
    throw new Error(
      `${address} is not lower case: the contracts only take addresses in lower case, so its leaf could never be claimed`,
    );
  }
}

/**
 * The tree `domain` (the publisher's address) publishes of `entries` (address, micro-units) for
 * `scope`, in the list's order: pairs left to right at each level, a last unpaired node moving up
 * unchanged. Refuses an empty list, a domain or an address not in lower case, an address listed twice
 * and a total over u128, as the contract's builder does.
 */
export function buildMerkleTree(domain: string, scope: bigint | number, entries: [string, bigint][]): MerkleTree {
  if (entries.length === 0) throw new Error("a tree needs at least one entry");
  ensureLowerCase(domain);
  const seen = new Set<string>();
  let level = entries.map(([address, amount]) => {
    ensureLowerCase(address);
    if (seen.has(address)) throw new Error(`${address} is listed twice: a tree holds one entry per address`);
    seen.add(address);
    return { hash: merkleLeaf(domain, scope, address, amount), sum: amount };
  });
  const proofs: MerkleProofStep[][] = entries.map(() => []);
  const positions = entries.map((_, i) => i);
  while (level.length > 1) {
    positions.forEach((position, i) => {
      const sibling = position ^ 1;
      const node = level[sibling];
      if (node) {
        proofs[i].push({
          sibling: toHex(node.hash),
          sibling_sum: node.sum.toString(),
          sibling_is_left: sibling < position,
        });
      }
      positions[i] = position >> 1;
    });
    const next: typeof level = [];
    for (let i = 0; i < level.length; i += 2) {
      const [left, right] = [level[i], level[i + 1]];
      if (!right) {
        next.push(left);
        continue;
      }
      const sum = left.sum + right.sum;
      if (sum > U128_MAX) throw new Error("the total overflows u128");
      next.push({ hash: merkleNode(left.hash, left.sum, right.hash, right.sum), sum });
    }
    level = next;
  }
  return { root: toHex(level[0].hash), total: level[0].sum.toString(), proofs };
}

/**
 * Whether `proof` rebuilds both `root` and `total` from the entry (`domain`, `scope`, `address`,
 * `amount`).
 */
export function verifyMerkleProof(
  root: string,
  total: bigint,
  domain: string,
  scope: bigint | number,
  address: string,
  amount: bigint,
  proof: MerkleProofStep[],
): boolean {
  let hash = merkleLeaf(domain, scope, address, amount);
  let sum = amount;
  for (const step of proof) {
    const sibling = fromHex(step.sibling);
    const siblingSum = BigInt(step.sibling_sum);
    hash = step.sibling_is_left
      ? merkleNode(sibling, siblingSum, hash, sum)
      : merkleNode(hash, sum, sibling, siblingSum);
    sum += siblingSum;
    if (sum > U128_MAX) return false;
  }
  return toHex(hash) === root.toLowerCase() && sum === total;
}

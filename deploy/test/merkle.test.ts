import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { toHex } from "@cosmjs/encoding";
import { buildMerkleTree, merkleLeaf, verifyMerkleProof, type MerkleProofStep } from "../../clients/ts/src/merkle";

interface Vector {
  domain: string;
  scope: number;
  entries: { address: string; amount: string }[];
  leaves: string[];
  root: string;
  total: string;
  proofs: MerkleProofStep[][];
}

// .build/deploy/test/ at run time: the vectors stay in the source tree, where the Rust tests pin them.
const file = join(__dirname, "../../../packages/ctc-interfaces/tests/merkle_vector.json");
const { vectors } = JSON.parse(readFileSync(file, "utf8")) as { vectors: Vector[] };

test("the client builds the trees ctc_interfaces::merkle builds, byte for byte", () => {
  assert.ok(vectors.length >= 2);
  for (const vector of vectors) {
    const entries = vector.entries.map(({ address, amount }): [string, bigint] => [address, BigInt(amount)]);
    assert.deepEqual(
      entries.map(([address, amount]) => toHex(merkleLeaf(vector.domain, vector.scope, address, amount))),
      vector.leaves,
    );
    const tree = buildMerkleTree(vector.domain, vector.scope, entries);
    assert.equal(tree.root, vector.root);
    assert.equal(tree.total, vector.total);
    assert.deepEqual(tree.proofs, vector.proofs);
  }
});

test("a proof verifies only its own entry, amount, domain, scope and root", () => {
  const vector = vectors[vectors.length - 1];
  const { root, domain, scope } = vector;
  const total = BigInt(vector.total);
  // Another publisher: one of the listed addresses stands in for another fund's.
  const otherDomain = vector.entries[0].address;
  vector.entries.forEach(({ address, amount }, i) => {
    const proof = vector.proofs[i];
    const value = BigInt(amount);
    assert.ok(verifyMerkleProof(root, total, domain, scope, address, value, proof));
    assert.ok(!verifyMerkleProof(root, total, domain, scope, address, value + 1n, proof));
    assert.ok(!verifyMerkleProof(root, total, domain, scope + 1, address, value, proof));
    assert.ok(!verifyMerkleProof(root, total + 1n, domain, scope, address, value, proof));
    assert.ok(!verifyMerkleProof(root, total, otherDomain, scope, address, value, proof));
    const other = vector.entries[(i + 1) % vector.entries.length].address;
    assert.ok(!verifyMerkleProof(root, total, domain, scope, other, value, proof));
  });
});

test("the builder refuses what the contract's builder refuses", () => {
  assert.throws(() => buildMerkleTree("fund", 1, []), /at least one entry/);
  assert.throws(
    () =>
      buildMerkleTree("fund", 1, [
        ["a", 1n],
        ["a", 2n],
      ]),
    /listed twice/,
  );
  assert.throws(() => buildMerkleTree("fund", 1, [["a", 1n << 128n]]), /not a u128/);
  // The contract validates addresses: an upper-case leaf could never be claimed.
  const [{ address }] = vectors[0].entries;
  assert.throws(() => buildMerkleTree("fund", 1, [[address.toUpperCase(), 1n]]), /not lower case/);
  assert.throws(() => buildMerkleTree(vectors[0].domain.toUpperCase(), 1, [[address, 1n]]), /not lower case/);
  assert.throws(() => merkleLeaf("d".repeat(256), 1, address, 1n), /domain is at most 255 bytes/);
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { toHex } from "@cosmjs/encoding";
import { buildMerkleTree, merkleLeaf, verifyMerkleProof, type MerkleProofStep } from "../../clients/ts/src/merkle";

interface Vector {
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
      entries.map(([address, amount]) => toHex(merkleLeaf(vector.scope, address, amount))),
      vector.leaves,
    );
    const tree = buildMerkleTree(vector.scope, entries);
    assert.equal(tree.root, vector.root);
    assert.equal(tree.total, vector.total);
    assert.deepEqual(tree.proofs, vector.proofs);
  }
});

test("a proof verifies only its own entry, amount, scope and root", () => {
  const vector = vectors[vectors.length - 1];
  const total = BigInt(vector.total);
  vector.entries.forEach(({ address, amount }, i) => {
    const proof = vector.proofs[i];
    assert.ok(verifyMerkleProof(vector.root, total, vector.scope, address, BigInt(amount), proof));
    assert.ok(!verifyMerkleProof(vector.root, total, vector.scope, address, BigInt(amount) + 1n, proof));
    assert.ok(!verifyMerkleProof(vector.root, total, vector.scope + 1, address, BigInt(amount), proof));
    assert.ok(!verifyMerkleProof(vector.root, total + 1n, vector.scope, address, BigInt(amount), proof));
    const other = vector.entries[(i + 1) % vector.entries.length].address;
    assert.ok(!verifyMerkleProof(vector.root, total, vector.scope, other, BigInt(amount), proof));
  });
});

test("the builder refuses what the contract's builder refuses", () => {
  assert.throws(() => buildMerkleTree(1, []), /at least one entry/);
  assert.throws(
    () =>
      buildMerkleTree(1, [
        ["a", 1n],
        ["a", 2n],
      ]),
    /listed twice/,
  );
  assert.throws(() => buildMerkleTree(1, [["a", 1n << 128n]]), /not a u128/);
});

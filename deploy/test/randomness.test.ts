import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fromHex, toHex } from "@cosmjs/encoding";
import {
  drawCommitment,
  drawDistinctPicks,
  drawMix,
  drawPick,
  drawSeat,
  drawSeed,
} from "../../clients/ts/src/randomness";

interface Vector {
  requester: string;
  key: number;
  providers: string[];
  secrets: string[];
  commitments: string[];
  seed: string;
  picks_of_6: number[];
  distinct_3_of_10: number[];
  seats_of_10: number[];
}

// .build/deploy/test/ at run time: the vector stays in the source tree, where the Rust tests pin it.
const file = join(__dirname, "../../../packages/ctc-interfaces/tests/randomness_vector.json");
const vector = JSON.parse(readFileSync(file, "utf8")) as Vector;

test("the client computes the draws ctc_interfaces::randomness computes, byte for byte", () => {
  const secrets = vector.secrets.map(fromHex);
  assert.deepEqual(
    vector.providers.map((provider, i) => drawCommitment(vector.requester, vector.key, provider, secrets[i])),
    vector.commitments,
  );
  const seed = drawSeed(vector.requester, vector.key, drawMix(secrets));
  assert.equal(toHex(seed), vector.seed);
  assert.deepEqual(
    Array.from({ length: 8 }, (_, i) => drawPick(seed, i, 6)),
    vector.picks_of_6,
  );
  assert.deepEqual(drawDistinctPicks(seed, 3, 10), vector.distinct_3_of_10);
  assert.deepEqual(
    Array.from({ length: 10 }, (_, p) => drawSeat(seed, p, 10)),
    vector.seats_of_10,
  );
});

test("the mix ignores the order of reveals and a commitment binds its provider", () => {
  const secrets = vector.secrets.map(fromHex);
  assert.deepEqual(drawMix(secrets), drawMix([...secrets].reverse()));
  const [a, b] = vector.providers;
  assert.notEqual(
    drawCommitment(vector.requester, vector.key, a, secrets[0]),
    drawCommitment(vector.requester, vector.key, b, secrets[0]),
  );
  assert.throws(() => drawCommitment(vector.requester, vector.key, a, new Uint8Array(31)), /32 bytes/);
});

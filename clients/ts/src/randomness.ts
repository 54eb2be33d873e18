// Draws of the randomness contract, computed off chain as ctc_interfaces::randomness computes them
// (the byte format is documented there): a provider makes its commitment from a secret before
// revealing it; anyone recomputes a draw's seed from the revealed secrets, and a pool's winner, a
// crowdfund's lucky backers or a tier's seats from the seed.

import { sha256 } from "@cosmjs/crypto";
import { toAscii, toHex } from "@cosmjs/encoding";

const U64_MAX = (1n << 64n) - 1n;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function text(value: string): Uint8Array {
  const bytes = toAscii(value);
  return concat(Uint8Array.of(bytes.length), bytes);
}

function u64(value: bigint | number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function exact32(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length !== 32) throw new Error(`${what} is 32 bytes, not ${bytes.length}`);
  return bytes;
}

/** What `provider` commits to the draw (`requester`, `key`) before revealing `secret` (32 bytes). */
export function drawCommitment(requester: string, key: number | bigint, provider: string, secret: Uint8Array): string {
  return toHex(
    sha256(
      concat(toAscii("ticketchain/commit"), text(requester), u64(key), text(provider), exact32(secret, "a secret")),
    ),
  );
}

/** The XOR of revealed secrets: a draw's mix. */
export function drawMix(secrets: Uint8Array[]): Uint8Array {
  const mix = new Uint8Array(32);
  for (const secret of secrets) {
    exact32(secret, "a secret").forEach((byte, i) => (mix[i] ^= byte));
  }
  return mix;
}

/** The draw's seed from its mix. */
export function drawSeed(requester: string, key: number | bigint, mix: Uint8Array): Uint8Array {
  return sha256(concat(toAscii("ticketchain/seed"), text(requester), u64(key), exact32(mix, "a mix")));
}

function word(seed: Uint8Array, domain: string, a: number, b: number): bigint {
  const digest = sha256(concat(seed, toAscii(domain), u32(a), u32(b)));
  return new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0);
}

/** The `index`-th pick from a draw, uniform over `0..n`: a drawn pool's winner is `drawPick(seed, 0, outcomes)`. */
export function drawPick(seed: Uint8Array, index: number, n: number): number {
  if (n <= 0) throw new Error("a pick needs at least one choice");
  const choices = BigInt(n);
  const zone = U64_MAX - (((U64_MAX % choices) + 1n) % choices);
  for (let attempt = 0; ; attempt++) {
    const value = word(seed, "pick", index, attempt);
    if (value <= zone || attempt === 0xffffffff) return Number(value % choices);
  }
}

/** `count` distinct picks from `0..n`, in the order drawn: a crowdfund's lucky backers by number. */
export function drawDistinctPicks(seed: Uint8Array, count: number, n: number): number[] {
  const picked: number[] = [];
  for (let index = 0; picked.length < Math.min(count, n); index++) {
    const candidate = drawPick(seed, index, n);
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

/** The seat (in `0..n`) of the ticket at `position` of a random-seat tier of `n` seats. */
export function drawSeat(seed: Uint8Array, position: number, n: number): number {
  if (position < 0 || position >= n) throw new Error("a position within the tier");
  let halfBits = 1;
  while (1n << BigInt(2 * halfBits) < BigInt(n)) halfBits++;
  const half = BigInt(halfBits);
  const mask = (1n << half) - 1n;
  let value = BigInt(position);
  for (;;) {
    let left = value >> half;
    let right = value & mask;
    for (let round = 0; round < 4; round++) {
      const mixed = left ^ (word(seed, "seat", round, Number(right)) & mask);
      left = right;
      right = mixed;
    }
    value = (left << half) | right;
    if (value < BigInt(n)) return Number(value);
  }
}

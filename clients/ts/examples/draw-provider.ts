// A randomness provider's part in one draw, and how anyone checks its result, kept compiling by
// scripts/test.sh (tsc). The provider commits a fresh secret while the draw takes commitments and
// reveals it once they close; a secret lost or withheld forfeits one stake of its deposit.
import { randomBytes } from "node:crypto";
import { fromHex, toHex } from "@cosmjs/encoding";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  drawCommitment,
  drawMix,
  drawPick,
  drawSeed,
  fromCosmJS,
  RandomnessClient,
  RandomnessQueryClient,
} from "../src";

/** Commits to draw `key` of `requester` (a drawn pool's id in wager-pool); answers the secret to keep. */
export async function commitToDraw(
  cosmjs: SigningCosmWasmClient,
  provider: string,
  randomness: string,
  requester: string,
  key: number,
): Promise<string> {
  const secret = randomBytes(32);
  const draws = new RandomnessClient(fromCosmJS(cosmjs), provider, randomness);
  await draws.commit({ requester, key, commitment: drawCommitment(requester, key, provider, secret) });
  // Store it where only the provider reads it: it is its stake until revealed.
  return toHex(secret);
}

/** Reveals the kept secret once the draw's commitments closed (its status is "revealing"). */
export async function revealToDraw(
  cosmjs: SigningCosmWasmClient,
  provider: string,
  randomness: string,
  requester: string,
  key: number,
  secret: string,
): Promise<void> {
  const draws = new RandomnessClient(fromCosmJS(cosmjs), provider, randomness);
  const { status } = await draws.draw({ requester, key });
  if (status !== "revealing") throw new Error(`draw ${key} is ${status}, not taking reveals`);
  await draws.reveal({ requester, key, secret });
}

/**
 * Anyone: the winning outcome of a drawn pool from the secrets its providers revealed (read from
 * their `reveal` transactions' `secret` attributes), checked against the seed the contract answers.
 */
export async function drawnWinner(
  cosmjs: SigningCosmWasmClient,
  randomness: string,
  wagerPool: string,
  poolId: number,
  outcomes: number,
  revealedSecrets: string[],
): Promise<number> {
  const seed = drawSeed(wagerPool, poolId, drawMix(revealedSecrets.map(fromHex)));
  const draw = await new RandomnessQueryClient(fromCosmJS(cosmjs), randomness).draw({
    requester: wagerPool,
    key: poolId,
  });
  if (draw.seed !== toHex(seed)) throw new Error("the revealed secrets do not give the draw's seed");
  return drawPick(seed, 0, outcomes);
}

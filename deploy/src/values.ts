// The values the scenario, its extra operations and the real-chain code write or read alike.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";

/** A 32-byte digest as the registry stores it (hex), every byte `byte`. */
export const digest = (byte: number): string => byte.toString(16).padStart(2, "0").repeat(32);

/** Seconds to the nanosecond Timestamp the contracts take. */
export const timestamp = (seconds: number): string => (BigInt(seconds) * 1_000_000_000n).toString();

/** A contract's timestamp (nanoseconds, as a string) in whole seconds, rounded up. */
export const seconds = (timestamp: string): number => Number((BigInt(timestamp) + 999_999_999n) / 1_000_000_000n);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A wasm event attribute of the transaction, e.g. the `event_id` a contract assigned. */
export function attribute(response: ExecuteResult, key: string): string {
  for (const event of response.events) {
    const found = event.attributes.find((entry) => entry.key === key);
    if (found) return found.value;
  }
  throw new Error(`the transaction ${response.transactionHash} has no "${key}" attribute`);
}

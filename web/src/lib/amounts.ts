// CTC amounts as people write them ("12.5") and as the contracts hold them (micro-CTC).
import { CTC } from "../../../deploy/src/platform-config";

export { ctc } from "../../../deploy/src/report";

/** "12.5" → 12500000n; undefined when the text is not an amount of at most six decimals. */
export function parseCtc(text: string): bigint | undefined {
  const match = /^\s*(\d+)(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!match) return undefined;
  return BigInt(match[1]) * CTC + BigInt((match[2] ?? "").padEnd(6, "0"));
}

/** A whole-CTC figure for charts. */
export function ctcNumber(micro: bigint | string): number {
  return Number(BigInt(micro)) / Number(CTC);
}

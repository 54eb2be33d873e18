// A failed transaction in words: the contract's own refusal (its thiserror text) without the
// wrapping the embedded chain, CosmJS or wasmd put around it.

export interface Refusal {
  /** What to show: the contract's reason, or what went wrong on the way to the chain. */
  words: string;
  /** The error as it arrived, for the details. */
  raw: string;
}

const NETWORK_FAILURES: Array<[RegExp, string]> = [
  [/request rejected|rejected by the user|user denied/i, "you declined to sign in the wallet"],
  [/failed to fetch|networkerror|econnrefused|socket hang up/i, "the node did not answer; is it running?"],
  [
    /insufficient fees|fee-grant not found|fee allowance/i,
    "this account has no coin for fees: ask the sponsor for a fee grant",
  ],
  [/account .* not found/i, "this account does not exist on the chain yet: it needs coins or a fee grant first"],
];

/** The contract's reason inside any of the wrappings seen on the embedded chain and on wasmd. */
export function explainRefusal(error: unknown): Refusal {
  const raw = error instanceof Error ? error.message : String(error);
  let text = raw;
  // wasmd: "... failed to execute message; message index: 0: <reason>: execute wasm contract failed ..."
  const index = text.lastIndexOf("message index: ");
  if (index >= 0) text = text.slice(index).replace(/^message index: \d+: /, "");
  text = text.replace(/^(Error: )+/, "");
  for (;;) {
    const stripped = text.replace(/^(dispatch: submessages: |reply: |Generic error: |Std error: )/, "");
    if (stripped === text) break;
    text = stripped;
  }
  const wrapper = text.indexOf(": execute wasm contract failed");
  if (wrapper >= 0) text = text.slice(0, wrapper);
  text = text.replace(/\s*With gas wanted:.*$/s, "").trim();
  for (const [pattern, words] of NETWORK_FAILURES) {
    if (pattern.test(raw) && !/message index/.test(raw)) return { words, raw };
  }
  return { words: text || raw, raw };
}

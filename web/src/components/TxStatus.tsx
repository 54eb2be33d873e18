// A transaction's progress and outcome beside the action that sent it. The live region stays in
// the page whatever it shows, so each change is announced; a refusal inside it is an alert.
import type { TxState } from "../app/hooks";
import { useApp } from "../app/context";
import { gas } from "../../../deploy/src/report";

export function TxStatus({ state, id }: { state: TxState; id?: string }) {
  const { session } = useApp();
  return (
    <div className="tx" aria-live="polite" id={id}>
      {state.phase === "sending" && (
        <span className="tx-sending">
          <span className="spinner" aria-hidden="true" /> {state.what}:{" "}
          {session.kind === "embedded"
            ? "executing on the chain in this tab…"
            : (state.step ?? "preparing") === "signing"
              ? "waiting for the signature…"
              : state.step === "broadcast"
                ? "broadcast, waiting for a block…"
                : "simulating the gas…"}
        </span>
      )}
      {state.phase === "included" && (
        <span className="tx-included" data-included>
          ✓ {state.what}: included at height {state.height}, gas {gas(state.gasUsed)}
        </span>
      )}
      {state.phase === "refused" && (
        <div className="tx-refused" role="alert">
          <strong>Refused:</strong> <span data-refusal>{state.words}</span>
          <details>
            <summary>What the chain answered</summary>
            <code>{state.raw}</code>
          </details>
        </div>
      )}
    </div>
  );
}

// A transaction's progress and outcome beside the action that sent it: announced politely while
// it runs and when it is included, as an alert when the chain refuses it.
import type { TxState } from "../app/hooks";
import { gas } from "../../../deploy/src/report";

export function TxStatus({ state, id }: { state: TxState; id?: string }) {
  if (state.phase === "refused") {
    return (
      <div className="tx tx-refused" role="alert" id={id}>
        <strong>Refused:</strong> <span data-refusal>{state.words}</span>
        <details>
          <summary>What the chain answered</summary>
          <code>{state.raw}</code>
        </details>
      </div>
    );
  }
  return (
    <div className="tx" aria-live="polite" id={id}>
      {state.phase === "sending" && (
        <span className="tx-sending">
          <span className="spinner" aria-hidden="true" /> {state.what}: sending…
        </span>
      )}
      {state.phase === "included" && (
        <span className="tx-included" data-included>
          ✓ {state.what}: included at height {state.height}, gas {gas(state.gasUsed)}
        </span>
      )}
    </div>
  );
}

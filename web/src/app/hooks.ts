// Reading the chain and sending transactions from a page.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import { useCallback, useEffect, useState } from "react";
import { recordTx, type TxStep } from "../chain/session";
import { explainRefusal, type Refusal } from "../lib/refusals";
import { useApp } from "./context";

export type Loaded<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "failed"; error: string };

/**
 * `load()` now and again after every transaction or clock move, and when `deps` change; while the
 * answer for new `deps` is on its way it is "loading", never the old answer (another holder's).
 */
export function useChainQuery<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { version } = useApp();
  const key = JSON.stringify(deps);
  const [loaded, setLoaded] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: "loading" } });
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ key, loaded: { state: "ready", value } }),
      (error: unknown) =>
        current && setLoaded({ key, loaded: { state: "failed", error: explainRefusal(error).words } }),
    );
    return () => {
      current = false;
    };
  }, [version, key]);
  return loaded.key === key ? loaded.loaded : { state: "loading" };
}

export type TxState =
  | { phase: "idle" }
  | { phase: "sending"; what: string; step?: TxStep }
  | { phase: "included"; what: string; height: number; gasUsed: bigint; hash: string }
  | ({ phase: "refused"; what: string } & Refusal);

/** Sends one transaction at a time and reports its progress and outcome. */
export function useTx() {
  const { session, actor, refresh } = useApp();
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const run = useCallback(
    async (what: string, send: () => Promise<ExecuteResult>): Promise<ExecuteResult | undefined> => {
      setState({ phase: "sending", what });
      session.txSteps.listener = (step) => setState({ phase: "sending", what, step });
      try {
        const result = await send();
        const sent = recordTx(session, actor.name, what, result);
        setState({ phase: "included", what, height: sent.height, gasUsed: sent.gasUsed, hash: sent.hash });
        refresh();
        return result;
      } catch (error) {
        setState({ phase: "refused", what, ...explainRefusal(error) });
        return undefined;
      } finally {
        session.txSteps.listener = undefined;
      }
    },
    [session, actor, refresh],
  );
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, run, reset, busy: state.phase === "sending" };
}

export type TxRunner = ReturnType<typeof useTx>;

import type { Loaded } from "../app/hooks";
import type { ReactNode } from "react";

/** What a query answered, or that it is still loading, or why it failed. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === "loading") return <p className="muted">Loading…</p>;
  if (loaded.state === "failed") return <p role="alert">Could not read the chain: {loaded.error}</p>;
  return <>{children(loaded.value)}</>;
}

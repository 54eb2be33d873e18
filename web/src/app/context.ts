// The session, who the visitor acts as, and a version that moves after every transaction so that
// what a page shows is read again.
import { createContext, useContext } from "react";
import type { Fixtures } from "../chain/fixtures";
import type { Actor, Session } from "../chain/session";

export interface AppState {
  session: Session;
  fixtures?: Fixtures;
  actor: Actor;
  setActor: (name: string) => void;
  /** Moves after every transaction and clock change. */
  version: number;
  refresh: () => void;
}

export const AppContext = createContext<AppState | undefined>(undefined);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp outside the app");
  return state;
}

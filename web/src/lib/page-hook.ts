// What the page exposes on `window.__ticketchain` once the chain is ready, so a browser test can
// compare what the page shows with what the chain holds (its own queries, not copied constants).
import type { signDoorCode } from "../chain/door";
import type { Fixtures } from "../chain/fixtures";
import type { clientsFor, Session } from "../chain/session";

export interface PageHook {
  session: Session;
  fixtures?: Fixtures;
  clientsFor: typeof clientsFor;
  signDoorCode: typeof signDoorCode;
}

declare global {
  interface Window {
    __ticketchain?: PageHook;
  }
}

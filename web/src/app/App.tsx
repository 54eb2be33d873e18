// The shell: who you act as, the chain's clock, your CTC, and the five sections.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { Started } from "../chain/embedded-session";
import { clientsFor } from "../chain/session";
import { ctc } from "../lib/amounts";
import { AppContext, useApp, type AppState } from "./context";
import { useChainQuery } from "./hooks";
import { Door } from "../pages/Door";
import { Events } from "../pages/Events";
import { Tickets } from "../pages/Tickets";
import { More } from "../pages/More";
import { Organiser } from "../pages/Organiser";
import { Operations } from "../pages/Operations";

interface Route {
  path: string;
  label: string;
  page: () => ReactNode;
}

const ROUTES: Route[] = [
  { path: "events", label: "Events", page: () => <Events /> },
  { path: "tickets", label: "My tickets", page: () => <Tickets /> },
  { path: "more", label: "Tip · Pledge · Bet", page: () => <More /> },
  { path: "door", label: "Door", page: () => <Door /> },
  { path: "organiser", label: "Organiser", page: () => <Organiser /> },
  { path: "ops", label: "Operations", page: () => <Operations /> },
];

/** The routes live in the hash, so the skip link moves focus instead of the hash. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById("main")?.focus();
}

function currentRoute(): string {
  const path = window.location.hash.replace(/^#\/?/, "").split("?")[0];
  return ROUTES.some((r) => r.path === path) ? path : "events";
}

export function App({ started }: { started: Started }) {
  const { session, fixtures } = started;
  const [actorName, setActorName] = useState(() => new URLSearchParams(window.location.search).get("as") ?? "fan-0");
  const [version, setVersion] = useState(0);
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const actor = session.actors.find((a) => a.name === actorName) ?? session.actors[0];
  const state: AppState = useMemo(
    () => ({ session, fixtures, actor, setActor: setActorName, version, refresh }),
    [session, fixtures, actor, version, refresh],
  );
  const active = ROUTES.find((r) => r.path === route) ?? ROUTES[0];
  const firstRoute = useRef(true);
  useEffect(() => {
    document.title = `${active.label} · TicketChain`;
    // A new section is announced and read from its start, as a new page would be.
    if (!firstRoute.current) document.getElementById("main")?.focus();
    firstRoute.current = false;
  }, [active]);
  return (
    <AppContext.Provider value={state}>
      <a className="skip" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="top">
        <div className="brand">
          TicketChain <span lang="zh-Hans">票链</span>
        </div>
        <Identity />
        <Clock />
      </header>
      <nav aria-label="Sections" className="sections">
        <ul>
          {ROUTES.map((r) => (
            <li key={r.path}>
              <a href={`#/${r.path}`} aria-current={r.path === active.path ? "page" : undefined}>
                {r.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {active.page()}
      </main>
      <footer className="foot">
        <span data-network>{session.networkName}</span> · chain id <code>{session.chainId}</code> ·{" "}
        {session.sent.length} transactions sent from this page
      </footer>
    </AppContext.Provider>
  );
}

function Identity() {
  const { session, actor, setActor } = useApp();
  const balance = useChainQuery(
    () => clientsFor(session, actor.address).ctc.balance({ address: actor.address }),
    [actor.address],
  );
  const people = session.actors.filter((a) => a.role !== "partner");
  return (
    <div className="identity">
      <label htmlFor="act-as">Act as</label>
      <select id="act-as" value={actor.name} onChange={(e) => setActor(e.target.value)}>
        {people.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name} ({a.role})
          </option>
        ))}
      </select>
      <span className="balance" data-balance aria-live="polite">
        {balance.state === "ready" ? ctc(BigInt(balance.value.balance)) : "…"}
      </span>
    </div>
  );
}

/** Block time, and on the embedded chain the jumps that reach doors and settlement without waiting. */
function Clock() {
  const { session, fixtures, refresh } = useApp();
  const now = useChainQuery(() => session.now(), []);
  const jump = async (to: number) => {
    await session.advanceTo?.(to);
    refresh();
  };
  const seconds = now.state === "ready" ? now.value : undefined;
  return (
    <div className="clock">
      <span data-clock={seconds}>
        Chain time: {seconds ? new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "…"}
      </span>
      {session.advanceTo && seconds !== undefined && fixtures && (
        <span className="jumps" role="group" aria-label="Move the embedded chain's clock">
          <button type="button" onClick={() => void jump(fixtures.galaStartsAt - 3_600)}>
            Doors open
          </button>
          <button type="button" onClick={() => void jump(fixtures.galaStartsAt + 4 * 3_600)}>
            After the show
          </button>
          <button type="button" onClick={() => void jump(seconds + 86_400)}>
            +1 day
          </button>
          <button type="button" onClick={() => void jump(seconds + 360)}>
            +6 min
          </button>
        </span>
      )}
    </div>
  );
}

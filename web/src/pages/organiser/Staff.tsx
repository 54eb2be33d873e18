// Door staff: who may check tickets in for one of the organiser's events.
import { useState, type FormEvent } from "react";
import { useApp } from "../../app/context";
import { useChainQuery, useTx } from "../../app/hooks";
import { TxStatus } from "../../components/TxStatus";
import { clientsFor, nameOf } from "../../chain/session";
import { EventSelect, statusOf, type EventResponse } from "./common";

const OTHER = "other";

export function Staff({ events }: { events: EventResponse[] }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const open = events.filter((e) => statusOf(e) === "scheduled");
  const [chosenEvent, setChosenEvent] = useState<number>();
  const eventId = open.some((e) => e.event_id === chosenEvent) ? chosenEvent : open[0]?.event_id;
  const scanner = session.actors.find((a) => a.role === "door") ?? session.actors[0];
  const [person, setPerson] = useState(scanner.address);
  const [pasted, setPasted] = useState("");
  const [allowed, setAllowed] = useState(true);
  const address = person === OTHER ? pasted.trim() : person;
  const roles = useChainQuery(
    async () =>
      eventId === undefined || !address
        ? undefined
        : clientsFor(session, actor.address).tickets.roles({ eventId, address }),
    [eventId, address],
  );

  if (open.length === 0) {
    return (
      <section aria-labelledby="org-staff" className="card">
        <h2 id="org-staff">Staff</h2>
        <p>Door scanners are appointed per event: you have no scheduled event.</p>
      </section>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (eventId === undefined) return;
    const who = nameOf(session, address);
    void run(`${allowed ? "appoint" : "remove"} ${who} as scanner of #${eventId}`, () =>
      clientsFor(session, actor.address).tickets.setScanner({ eventId, address, allowed }),
    );
  };
  return (
    <section aria-labelledby="org-staff" className="card">
      <h2 id="org-staff">Staff</h2>
      <form onSubmit={submit} aria-describedby="org-staff-status">
        <EventSelect
          id="org-staff-event"
          events={open}
          eventId={eventId ?? open[0].event_id}
          onChoose={setChosenEvent}
        />
        <div className="field">
          <label htmlFor="org-staff-person">Door scanner</label>
          <select id="org-staff-person" value={person} onChange={(e) => setPerson(e.target.value)}>
            {session.actors.map((a) => (
              <option key={a.address} value={a.address}>
                {a.name} ({a.role})
              </option>
            ))}
            <option value={OTHER}>Another address…</option>
          </select>
        </div>
        {person === OTHER && (
          <div className="field">
            <label htmlFor="org-staff-address">Address</label>
            <input
              id="org-staff-address"
              required
              spellCheck={false}
              autoComplete="off"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
            />
          </div>
        )}
        <div className="row" style={{ flexWrap: "nowrap" }}>
          <input
            id="org-staff-allowed"
            type="checkbox"
            checked={allowed}
            onChange={(e) => setAllowed(e.target.checked)}
            style={{ minHeight: "auto", width: "1.3rem", height: "1.3rem" }}
          />
          <label htmlFor="org-staff-allowed" style={{ fontWeight: 400 }}>
            Allowed to check tickets in (untick to remove)
          </label>
        </div>
        <p className="muted" data-scanner-now>
          {roles.state === "ready" && roles.value
            ? `Now: ${roles.value.scanner ? "may" : "may not"} scan at #${eventId}.`
            : "\u00a0"}
        </p>
        <button type="submit" className="primary" disabled={busy || !address}>
          {allowed ? "Appoint" : "Remove"} scanner
        </button>
        <TxStatus state={state} id="org-staff-status" />
      </form>
    </section>
  );
}

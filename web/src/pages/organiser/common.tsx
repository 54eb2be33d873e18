// What the organiser's sections share: the actor's events, an event's status, and times in words.
import type { TicketNftTypes } from "../../../../clients/ts/src";
import { seconds } from "../../../../deploy/src/values";
import { allEvents } from "../../chain/reads";
import type { Session } from "../../chain/session";

export type EventResponse = TicketNftTypes.EventResponse;

/** Every event `issuer` issued, newest first. */
export async function eventsIssuedBy(session: Session, issuer: string): Promise<EventResponse[]> {
  return (await allEvents(session)).filter((event) => event.issuer === issuer).reverse();
}

export type Status = "scheduled" | "cancelled" | "settled";

export function statusOf(event: EventResponse): Status {
  if (event.status === "scheduled") return "scheduled";
  return "settled" in event.status ? "settled" : "cancelled";
}

export function StatusBadge({ event }: { event: EventResponse }) {
  const status = statusOf(event);
  const tone = status === "settled" ? " ok" : status === "cancelled" ? " bad" : "";
  return (
    <span className={`badge${tone}`} data-status={status}>
      {status}
    </span>
  );
}

/** When anyone may settle the event: the contract's own rule (end plus the delay fixed into it). */
export function settlementOpensAt(event: EventResponse): number {
  return seconds(event.ends_at) + event.settlement_delay_seconds;
}

export { whenSeconds as when } from "../../chain/reads";

/** A delay in its largest whole unit: a testnet settles after seconds, the platform after a day. */
export function duration(length: number): string {
  if (length % 86_400 === 0 && length > 0) return `${length / 86_400} d`;
  if (length % 3_600 === 0 && length > 0) return `${length / 3_600} h`;
  if (length % 60 === 0 && length > 0) return `${length / 60} min`;
  return `${length} s`;
}

/** "in 1 d 3 h", "in 25 min", or "now" once `at` has passed. */
export function until(at: number, now: number): string {
  const left = at - now;
  if (left <= 0) return "now";
  const days = Math.floor(left / 86_400);
  const hours = Math.floor((left % 86_400) / 3_600);
  const minutes = Math.ceil((left % 3_600) / 60);
  if (days > 0) return `in ${days} d ${hours} h`;
  if (hours > 0) return `in ${hours} h ${minutes} min`;
  return `in ${minutes} min`;
}

/** A share in basis points of `micro`, rounded down as the contract rounds it. */
export const share = (micro: bigint, bps: number): bigint => (micro * BigInt(bps)) / 10_000n;

/** Picks one of the organiser's scheduled events for an action (Staff, Tiers and sale). */
export function EventSelect(props: {
  id: string;
  events: EventResponse[];
  eventId: number;
  onChoose: (id: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Event</label>
      <select id={props.id} value={props.eventId} onChange={(e) => props.onChoose(Number(e.target.value))}>
        {props.events.map((e) => (
          <option key={e.event_id} value={e.event_id}>
            #{e.event_id} {e.title}
          </option>
        ))}
      </select>
    </div>
  );
}

// Reads several pages share: every event, and a holder's tickets with what each is.
import type { TicketNftTypes } from "../../../clients/ts/src";
import { clientsFor, type Session } from "./session";

const PAGE = 30;

export async function allEvents(session: Session): Promise<TicketNftTypes.EventResponse[]> {
  const tickets = clientsFor(session, session.operator).tickets;
  const events: TicketNftTypes.EventResponse[] = [];
  for (;;) {
    const startAfter = events.at(-1)?.event_id;
    const { events: page } = await tickets.events({ limit: PAGE, startAfter });
    events.push(...page);
    if (page.length < PAGE) return events;
  }
}

export interface HeldTicket {
  tokenId: string;
  info: TicketNftTypes.TicketInfo;
  event?: TicketNftTypes.EventResponse;
  listing?: TicketNftTypes.ListingResponse | null;
}

export async function ticketsOf(session: Session, owner: string): Promise<HeldTicket[]> {
  const tickets = clientsFor(session, owner).tickets;
  const ids: string[] = [];
  for (;;) {
    const { tokens } = await tickets.tokens({ owner, limit: PAGE, startAfter: ids.at(-1) });
    ids.push(...tokens);
    if (tokens.length < PAGE) break;
  }
  const events = new Map((await allEvents(session)).map((e) => [e.event_id, e]));
  return Promise.all(
    ids.map(async (tokenId) => {
      const { extension } = await tickets.nftInfo({ tokenId });
      const listing = await tickets.listing({ tokenId });
      return { tokenId, info: extension, event: events.get(extension.event_id), listing };
    }),
  );
}

/** A contract timestamp (nanoseconds) in seconds. */
export const secondsOf = (timestamp: string): number => Number(BigInt(timestamp) / 1_000_000_000n);

export function when(timestamp: string): string {
  return new Date(secondsOf(timestamp) * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

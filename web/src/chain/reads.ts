// Reads several pages share: whole lists paged through, every event, a holder's tickets with what
// each is, and contract times in words.
import type { TicketNftTypes } from "../../../clients/ts/src";
import { clientsFor, type Session } from "./session";

/** The contracts' largest page (ctc-interfaces' MAX_PAGE_LIMIT). */
export const PAGE = 50;

/** Every item of a list the contract pages by the key of its last item; a short page is the last. */
export async function everyPage<T, K>(read: (startAfter: K | undefined) => Promise<T[]>, keyOf: (item: T) => K) {
  const all: T[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await read(last === undefined ? undefined : keyOf(last));
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/**
 * Every item of a list whose pages say where the next starts: a filtered page can be short and
 * still have more after it.
 */
export async function everyMarkedPage<T, K>(
  read: (startAfter: K | undefined) => Promise<{ items: T[]; next?: K | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let startAfter: K | undefined;
  for (;;) {
    const { items, next } = await read(startAfter);
    all.push(...items);
    if (next === undefined || next === null) return all;
    startAfter = next;
  }
}

export function allEvents(session: Session): Promise<TicketNftTypes.EventResponse[]> {
  const tickets = clientsFor(session, session.operator).tickets;
  return everyPage(
    async (startAfter?: number) => (await tickets.events({ limit: PAGE, startAfter })).events,
    (event) => event.event_id,
  );
}

export interface HeldTicket {
  tokenId: string;
  info: TicketNftTypes.TicketInfo;
  event?: TicketNftTypes.EventResponse;
  listing?: TicketNftTypes.ListingResponse | null;
}

export async function ticketsOf(session: Session, owner: string): Promise<HeldTicket[]> {
  const tickets = clientsFor(session, owner).tickets;
  const ids = await everyPage(
    async (startAfter?: string) => (await tickets.tokens({ owner, limit: PAGE, startAfter })).tokens,
    (id) => id,
  );
  const events = new Map((await allEvents(session)).map((e) => [e.event_id, e]));
  return Promise.all(
    ids.map(async (tokenId) => {
      const { extension } = await tickets.nftInfo({ tokenId });
      const listing = await tickets.listing({ tokenId });
      return { tokenId, info: extension, event: events.get(extension.event_id), listing };
    }),
  );
}

/** A contract timestamp (nanoseconds) in whole seconds. */
export const secondsOf = (timestamp: string): number => Number(BigInt(timestamp) / 1_000_000_000n);

/** Seconds since the epoch as a UTC time to the minute. */
export function whenSeconds(at: number): string {
  return new Date(at * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** A contract timestamp as a UTC time to the minute. */
export function when(timestamp: string): string {
  return whenSeconds(secondsOf(timestamp));
}

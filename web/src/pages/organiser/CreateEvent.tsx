// A new event: free text, or from a hall booking a theater accepted (then the hall names the venue,
// bounds the evening and caps the seats). The terms start from the Spring Gala's.
import { useState, type FormEvent } from "react";
import type { SchedulesTypes, TicketNftTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery, useTx } from "../../app/hooks";
import { TxStatus } from "../../components/TxStatus";
import { galaEvent } from "../../chain/fixtures";
import { everyPage, PAGE } from "../../chain/reads";
import { clientsFor, type Session } from "../../chain/session";
import { ctcNumber, parseCtc } from "../../lib/amounts";
import { attribute, seconds, timestamp } from "../../../../deploy/src/values";
import { when } from "./common";

const HOUR = 3_600;
const GALA = galaEvent(0, 0);

interface TierDraft {
  name: string;
  price: string;
  supply: string;
}

/** A field in a row: it grows by `grow` from `basis` and its input fills it, so a row fits a column. */
const cell = (grow: number, basis: string) => ({ flex: `${grow} 1 ${basis}`, minWidth: 0 });
const FILL = { width: "100%" };

const firstTiers = (): TierDraft[] =>
  GALA.tiers.map((tier) => ({ name: tier.name, price: String(ctcNumber(tier.price)), supply: String(tier.supply) }));

type Booking = SchedulesTypes.BookingResponse;

/** Bookings the theater confirmed for `requester` that no event uses yet and whose evening is ahead. */
async function openBookings(session: Session, requester: string): Promise<Booking[]> {
  const schedules = clientsFor(session, requester).schedules;
  const now = await session.now();
  const bookings = await everyPage(
    async (startAfter?: number) => (await schedules.tour({ requester, startAfter, limit: PAGE })).bookings,
    (booking) => booking.booking_id,
  );
  return bookings.filter((b) => b.status === "confirmed" && b.event_id == null && seconds(b.starts_at) > now);
}

export function CreateEvent() {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const bookings = useChainQuery(() => openBookings(session, actor.address), [actor.address]);
  const [title, setTitle] = useState("");
  const [venue, setVenue] = useState(GALA.venue);
  const [startsIn, setStartsIn] = useState("72");
  const [tiers, setTiers] = useState(firstTiers);
  const [capPercent, setCapPercent] = useState(String(GALA.resale_cap_bps / 100));
  const [royaltyPercent, setRoyaltyPercent] = useState(String(GALA.royalty / 100));
  const [identity, setIdentity] = useState<"none" | "real_name">("real_name");
  const [bookingId, setBookingId] = useState("");
  const [problem, setProblem] = useState<string>();
  const [createdId, setCreatedId] = useState<string>();

  const available = bookings.state === "ready" ? bookings.value : [];
  const booking = available.find((b) => String(b.booking_id) === bookingId);
  const totalSupply = tiers.reduce((sum, tier) => sum + (Number(tier.supply) || 0), 0);
  const editTier = (index: number, change: Partial<TierDraft>) =>
    setTiers((drafts) => drafts.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));

  const tierInputs = (): TicketNftTypes.TierInput[] | string => {
    const inputs: TicketNftTypes.TierInput[] = [];
    for (const [index, draft] of tiers.entries()) {
      const price = parseCtc(draft.price);
      const supply = Number(draft.supply);
      if (price === undefined) return `Tier ${index + 1}: "${draft.price}" is not an amount of CTC (e.g. 80 or 12.5)`;
      if (!Number.isInteger(supply) || supply < 1) return `Tier ${index + 1}: the supply is a whole number of tickets`;
      inputs.push({ name: draft.name.trim(), price: price.toString(), supply, seats: [], per_wallet_limit: 4 });
    }
    return inputs;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreatedId(undefined);
    const tierList = tierInputs();
    const hours = Number(startsIn);
    const problem =
      typeof tierList === "string" ? tierList : !(hours > 0) ? "The show starts a whole number of hours ahead" : "";
    setProblem(problem || undefined);
    if (typeof tierList === "string" || problem) return;
    const result = await run(`create “${title.trim()}”`, async () => {
      const base = galaEvent(await session.now(), Math.round(hours * HOUR), title.trim());
      const event: TicketNftTypes.EventInput = {
        ...base,
        venue: venue.trim(),
        tiers: tierList,
        resale_cap_bps: Math.round(Number(capPercent) * 100),
        royalty: Math.round(Number(royaltyPercent) * 100),
        min_identity: identity === "none" ? null : identity,
      };
      if (booking) {
        // Doors open when the booking starts and the show fills the rest of the evening: the
        // contract holds both inside the booking.
        const startsAt = seconds(booking.starts_at) + HOUR;
        Object.assign(event, {
          booking_id: booking.booking_id,
          venue: "",
          starts_at: timestamp(startsAt),
          ends_at: booking.ends_at,
          sale_ends_at: timestamp(startsAt),
          check_in_opens_before_seconds: HOUR,
          lock_before_start_seconds: HOUR,
        });
      }
      return clientsFor(session, actor.address).tickets.createEvent({ event });
    });
    if (result) setCreatedId(attribute(result, "event_id"));
  };

  return (
    <section aria-labelledby="org-create" className="card">
      <h2 id="org-create">Create an event</h2>
      <form onSubmit={(e) => void submit(e)} aria-describedby="org-create-status">
        <div className="field">
          <label htmlFor="org-title">Title</label>
          <input id="org-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        {available.length > 0 && (
          <div className="field">
            <label htmlFor="org-booking">Hall</label>
            <select id="org-booking" value={bookingId} onChange={(e) => setBookingId(e.target.value)}>
              <option value="">Free text (no theater confirmed this)</option>
              {available.map((b) => (
                <option key={b.booking_id} value={b.booking_id}>
                  From booking #{b.booking_id} ({b.venue_name}, {b.hall_name}, {b.capacity} seats)
                </option>
              ))}
            </select>
          </div>
        )}
        {booking ? (
          <p data-booking={booking.booking_id}>
            <span className="badge ok">confirmed by the theater</span> {booking.venue_name}, {booking.hall_name},{" "}
            {booking.city}: doors {when(seconds(booking.starts_at))}, show an hour later until{" "}
            {when(seconds(booking.ends_at))}. The hall seats {booking.capacity}; your tiers hold {totalSupply}.
          </p>
        ) : (
          <div className="row" style={{ alignItems: "flex-end" }}>
            <div className="field" style={cell(2, "14rem")}>
              <label htmlFor="org-venue">
                Venue <span className="muted">(free text: no theater confirmed this)</span>
              </label>
              <input id="org-venue" style={FILL} required value={venue} onChange={(e) => setVenue(e.target.value)} />
            </div>
            <div className="field" style={cell(1, "8rem")}>
              <label htmlFor="org-starts">Starts in (hours)</label>
              <input
                id="org-starts"
                style={FILL}
                type="number"
                min={1}
                step={1}
                required
                value={startsIn}
                onChange={(e) => setStartsIn(e.target.value)}
              />
            </div>
          </div>
        )}
        {tiers.map((tier, index) => (
          <fieldset key={index} data-tier={index}>
            <legend>Tier {index + 1}</legend>
            <div className="row" style={{ alignItems: "flex-end" }}>
              <div className="field" style={cell(2, "9rem")}>
                <label htmlFor={`org-tier-${index}-name`}>Name</label>
                <input
                  id={`org-tier-${index}-name`}
                  style={FILL}
                  required
                  value={tier.name}
                  onChange={(e) => editTier(index, { name: e.target.value })}
                />
              </div>
              <div className="field" style={cell(1, "6rem")}>
                <label htmlFor={`org-tier-${index}-price`}>Price (CTC)</label>
                <input
                  id={`org-tier-${index}-price`}
                  style={FILL}
                  inputMode="decimal"
                  required
                  value={tier.price}
                  onChange={(e) => editTier(index, { price: e.target.value })}
                />
              </div>
              <div className="field" style={cell(1, "6rem")}>
                <label htmlFor={`org-tier-${index}-supply`}>Supply</label>
                <input
                  id={`org-tier-${index}-supply`}
                  style={FILL}
                  type="number"
                  min={1}
                  step={1}
                  required
                  value={tier.supply}
                  onChange={(e) => editTier(index, { supply: e.target.value })}
                />
              </div>
              {tiers.length > 1 && (
                <button
                  type="button"
                  onClick={() => setTiers((drafts) => drafts.filter((_, i) => i !== index))}
                  style={{ marginBottom: "0.5rem" }}
                  aria-label={`Remove tier ${index + 1}`}
                >
                  Remove
                </button>
              )}
            </div>
          </fieldset>
        ))}
        <button type="button" onClick={() => setTiers((drafts) => [...drafts, { name: "", price: "", supply: "" }])}>
          Add a tier
        </button>
        <div className="row" style={{ alignItems: "flex-end" }}>
          <div className="field" style={cell(1, "8rem")}>
            <label htmlFor="org-cap">Resale cap (% of face)</label>
            <input
              id="org-cap"
              style={FILL}
              type="number"
              min={100}
              step={1}
              required
              value={capPercent}
              onChange={(e) => setCapPercent(e.target.value)}
            />
          </div>
          <div className="field" style={cell(1, "8rem")}>
            <label htmlFor="org-royalty">Royalty (%)</label>
            <input
              id="org-royalty"
              style={FILL}
              type="number"
              min={0}
              step={0.01}
              required
              value={royaltyPercent}
              onChange={(e) => setRoyaltyPercent(e.target.value)}
            />
          </div>
          <div className="field" style={cell(1, "10rem")}>
            <label htmlFor="org-identity">Buyers' identity</label>
            <select
              id="org-identity"
              style={FILL}
              value={identity}
              onChange={(e) => setIdentity(e.target.value === "none" ? "none" : "real_name")}
            >
              <option value="none">None required</option>
              <option value="real_name">Real name</option>
            </select>
          </div>
        </div>
        <p className="muted">
          On sale from now until the show starts, at most 4 tickets a wallet
          {booking ? "." : "; the show lasts three hours."}
        </p>
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" className="primary" disabled={busy}>
          Create event
        </button>
        <TxStatus state={state} id="org-create-status" />
        {createdId && (
          <p data-created={createdId}>
            Event <strong>#{createdId}</strong> is on the chain: it is listed under “Your events”.
          </p>
        )}
      </form>
    </section>
  );
}

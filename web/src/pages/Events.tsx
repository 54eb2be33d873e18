// Fans: what is on sale, buying with CTC, and the resale market under each event's cap.
import { useState } from "react";
import { ctcSend, type TicketNftTypes } from "../../../clients/ts/src";
import { useApp } from "../app/context";
import { useChainQuery, useTx } from "../app/hooks";
import { Show } from "../components/Loading";
import { TxStatus } from "../components/TxStatus";
import { addFixtures } from "../chain/fixtures";
import { allEvents, everyPage, PAGE, secondsOf, when } from "../chain/reads";
import { clientsFor, nameOf } from "../chain/session";
import { ctc } from "../lib/amounts";
import { explainRefusal } from "../lib/refusals";

export function Events() {
  const { session } = useApp();
  const loaded = useChainQuery(async () => {
    const now = await session.now();
    const events = (await allEvents(session)).filter(
      (e) => e.status === "scheduled" && secondsOf(e.sale_ends_at) > now && !e.tiers.every((t) => t.members_of),
    );
    return { now, events: events.reverse() };
  }, []);
  return (
    <>
      <h1>Events</h1>
      {session.kind === "rpc" && <DemoData />}
      <Show loaded={loaded}>
        {({ events, now }) =>
          events.length === 0 ? (
            <p>Nothing is on sale now.</p>
          ) : (
            <div className="grid two">
              {events.map((event) => (
                <EventCard key={event.event_id} event={event} now={now} />
              ))}
            </div>
          )
        }
      </Show>
    </>
  );
}

function EventCard({ event, now }: { event: TicketNftTypes.EventResponse; now: number }) {
  const { session } = useApp();
  const onSale = secondsOf(event.sale_starts_at) <= now && !event.sale_paused && !event.frozen;
  return (
    <article className="card" aria-labelledby={`event-${event.event_id}`} data-event={event.event_id}>
      <h2 id={`event-${event.event_id}`}>{event.title}</h2>
      <p className="muted">
        {event.venue} · {when(event.starts_at)} · by {nameOf(session, event.issuer)}
        {event.booking ? " · confirmed by the theater" : ""}
      </p>
      <p>
        {event.min_identity ? <span className="badge">ID: {event.min_identity.replace("_", " ")}</span> : null}{" "}
        <span className="badge">Resale cap {event.resale_cap_bps / 100}% of face</span>{" "}
        {event.frozen && <span className="badge bad">Frozen by supervision</span>}
      </p>
      {onSale ? <BuyForm event={event} /> : <p>Sale {event.frozen ? "is frozen" : "has not started"}.</p>}
      <Resale event={event} />
    </article>
  );
}

function BuyForm({ event }: { event: TicketNftTypes.EventResponse }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const tiers = event.tiers.map((tier, index) => ({ tier, index })).filter(({ tier }) => !tier.members_of);
  const [tierIndex, setTierIndex] = useState(tiers[0]?.index ?? 0);
  const [quantityText, setQuantityText] = useState("1");
  // What is typed stays as typed; the purchase takes a whole number of at least one.
  const quantity = Math.max(1, Math.floor(Number(quantityText)) || 1);
  const tier = event.tiers[tierIndex];
  const total = BigInt(tier.price) * BigInt(quantity);
  const id = `buy-${event.event_id}`;
  const buy = () =>
    run(`buy ${quantity} × ${tier.name}`, () =>
      clientsFor(session, actor.address).ctc.send(
        ctcSend(session.addresses.tickets, total, { buy: { event_id: event.event_id, tier: tierIndex, quantity } }),
      ),
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void buy();
      }}
      aria-describedby={`${id}-status`}
    >
      <fieldset>
        <legend>Tier</legend>
        {tiers.map(({ tier: t, index }) => (
          <label key={index} className="row" style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name={`${id}-tier`}
              value={index}
              checked={tierIndex === index}
              onChange={() => setTierIndex(index)}
            />
            {t.name}: {ctc(BigInt(t.price))}{" "}
            <span className="muted">
              ({t.supply - t.sold} of {t.supply} left{t.per_wallet_limit ? `, at most ${t.per_wallet_limit} each` : ""})
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-qty`}>Quantity</label>
          <input
            id={`${id}-qty`}
            type="number"
            min={1}
            max={10}
            value={quantityText}
            onChange={(e) => setQuantityText(e.target.value)}
            style={{ width: "6rem" }}
          />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          Buy for {ctc(total)}
        </button>
      </div>
      <TxStatus state={state} id={`${id}-status`} />
    </form>
  );
}

function Resale({ event }: { event: TicketNftTypes.EventResponse }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const listings = useChainQuery(() => {
    const tickets = clientsFor(session, actor.address).tickets;
    return everyPage(
      async (startAfter?: string) =>
        (await tickets.listings({ eventId: event.event_id, limit: PAGE, startAfter })).listings,
      (listing) => listing.token_id,
    );
  }, [event.event_id]);
  // The status stays when the last listing is bought and the list goes.
  if (listings.state !== "ready" || listings.value.length === 0) return <TxStatus state={state} />;
  return (
    <section aria-label={`Resale of ${event.title}`}>
      <h3>Resale</h3>
      <ul>
        {listings.value.map((listing) => (
          <li key={listing.token_id} className="row" data-listing={listing.token_id}>
            Ticket {listing.token_id} from {nameOf(session, listing.seller)} for {ctc(BigInt(listing.price))}
            {listing.seller !== actor.address && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(`buy ticket ${listing.token_id} on resale`, () =>
                    clientsFor(session, actor.address).ctc.send(
                      ctcSend(session.addresses.tickets, BigInt(listing.price), {
                        buy_resale: { token_id: listing.token_id },
                      }),
                    ),
                  )
                }
              >
                Buy resale {listing.token_id}
              </button>
            )}
          </li>
        ))}
      </ul>
      <TxStatus state={state} />
    </section>
  );
}

/** On a real chain the page adds its demo event and campaign only when asked: each is a transaction. */
function DemoData() {
  const { session, refresh } = useApp();
  // "idle", "adding", "added", or why adding failed.
  const [state, setState] = useState("idle");
  if (!session.actors.some((a) => a.name === "grand-theater")) return null;
  const add = async () => {
    setState("adding");
    try {
      await addFixtures(session, () => refresh());
      setState("added");
    } catch (error) {
      setState(explainRefusal(error).words);
    }
    refresh();
  };
  return (
    <p className="row" aria-live="polite">
      <button type="button" disabled={state === "adding"} onClick={() => void add()}>
        Add the demo event and campaign
      </button>
      {state === "adding" && "sending the transactions…"}
      {state === "added" && "added: the Spring Gala is on sale"}
      {!["idle", "adding", "added"].includes(state) && <span role="alert">{state}</span>}
    </p>
  );
}

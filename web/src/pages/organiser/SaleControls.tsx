// After issuing: another tier for an event, and pausing or resuming its sale.
import { useState, type FormEvent } from "react";
import { useApp } from "../../app/context";
import { useTx } from "../../app/hooks";
import { TxStatus } from "../../components/TxStatus";
import { clientsFor } from "../../chain/session";
import { parseCtc } from "../../lib/amounts";
import { EventSelect, statusOf, type EventResponse } from "./common";
import { Field } from "../../components/Field";

export function SaleControls({ events }: { events: EventResponse[] }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const open = events.filter((e) => statusOf(e) === "scheduled");
  const [chosen, setChosen] = useState<number>();
  const event = open.find((e) => e.event_id === chosen) ?? open[0];
  const [name, setName] = useState("Gallery");
  const [price, setPrice] = useState("30");
  const [supply, setSupply] = useState("20");
  if (!event) return null;
  const tickets = clientsFor(session, actor.address).tickets;
  const micro = parseCtc(price);
  const count = Number(supply);
  const addTier = (e: FormEvent) => {
    e.preventDefault();
    if (micro === undefined || !Number.isInteger(count) || count < 1) return;
    void run(`add the tier ${name} to event ${event.event_id}`, () =>
      tickets.addTier({
        eventId: event.event_id,
        tier: { name, price: micro.toString(), supply: count, seats: [], per_wallet_limit: 4 },
      }),
    );
  };
  return (
    <section aria-labelledby="org-sale" className="card">
      <h2 id="org-sale">Tiers and sale</h2>
      <EventSelect id="sale-event" events={open} eventId={event.event_id} onChoose={setChosen} />
      <p className="row">
        Sale is <strong data-sale-paused={event.sale_paused}>{event.sale_paused ? "paused" : "open"}</strong>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(`${event.sale_paused ? "resume" : "pause"} the sale of event ${event.event_id}`, () =>
              tickets.setSalePaused({ eventId: event.event_id, paused: !event.sale_paused }),
            )
          }
        >
          {event.sale_paused ? "Resume the sale" : "Pause the sale"}
        </button>
      </p>
      <form onSubmit={addTier}>
        <fieldset>
          <legend>Another tier</legend>
          <p className="muted">The contract takes new tiers until the event's sale starts.</p>
          <div className="row">
            <Field id="tier-name" label="Name" value={name} onChange={setName} width={9} />
            <Field
              id="tier-price"
              label="Price (CTC)"
              value={price}
              onChange={setPrice}
              inputMode="decimal"
              width={6}
            />
            <Field id="tier-supply" label="Supply" value={supply} onChange={setSupply} inputMode="numeric" width={5} />
          </div>
          <button type="submit" disabled={busy || micro === undefined}>
            Add the tier
          </button>
        </fieldset>
      </form>
      <TxStatus state={state} />
    </section>
  );
}

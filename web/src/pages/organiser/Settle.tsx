// Settlement: when each scheduled event may settle, the split its escrow should make, and after
// settling the CTC that actually moved, read from the transaction's events.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import { useState } from "react";
import type { TicketNftTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useTx } from "../../app/hooks";
import { TxStatus } from "../../components/TxStatus";
import { clientsFor, nameOf, type Session } from "../../chain/session";
import { ctc } from "../../lib/amounts";
import { seconds } from "../../../../deploy/src/values";
import { duration, settlementOpensAt, share, statusOf, StatusBadge, until, when, type EventResponse } from "./common";

interface Props {
  events: EventResponse[];
  now: number;
  config: TicketNftTypes.ConfigResponse;
}

export function Settle({ events, now, config }: Props) {
  // An event leaves "scheduled" when it settles; the ones settled here stay, with what moved.
  const [settledHere, setSettledHere] = useState<number[]>([]);
  const shown = events.filter((e) => statusOf(e) === "scheduled" || settledHere.includes(e.event_id));
  return (
    <section aria-labelledby="org-settle">
      <h2 id="org-settle">Settle</h2>
      <p className="muted">
        Once an event has ended and its settlement delay has passed, anyone may settle it: the platform fee goes to the
        treasury, the burn share is burned and the rest of the escrow is paid to you.
      </p>
      {shown.length === 0 ? (
        <p>None of your events is waiting for settlement.</p>
      ) : (
        <div className="grid two">
          {shown.map((event) => (
            <SettleEvent
              key={event.event_id}
              event={event}
              now={now}
              treasury={config.treasury}
              onSettled={() => setSettledHere((ids) => [...ids, event.event_id])}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function SettleEvent({
  event,
  now,
  treasury,
  onSettled,
}: {
  event: EventResponse;
  now: number;
  treasury: string;
  onSettled: () => void;
}) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const [movements, setMovements] = useState<string[]>();
  const opensAt = settlementOpensAt(event);
  const escrow = BigInt(event.escrow);
  const fee = share(escrow, event.platform_fee);
  const burn = share(escrow, event.burn_share);
  const id = `org-settle-${event.event_id}`;
  // The contract's refusal names the opening in seconds since 1970; the hint puts it in a date.
  const refusedAt = state.phase === "refused" ? /^settlement opens at (\d+)\./.exec(state.words) : null;
  const refusedUntil = refusedAt ? Number(refusedAt[1]) : undefined;
  const settle = async () => {
    setMovements(undefined);
    // Sent even before settlement opens: the contract's refusal says why, in its own words.
    const result = await run(`settle #${event.event_id}`, () =>
      clientsFor(session, actor.address).tickets.settle({ eventId: event.event_id }),
    );
    if (!result) return;
    setMovements(movementsOf(session, result, { [treasury]: "the treasury", [event.issuer]: "you" }));
    onSettled();
  };
  return (
    <article className="card" aria-labelledby={`${id}-title`} data-settle={event.event_id}>
      <h3 id={`${id}-title`}>
        {event.title} <StatusBadge event={event} />
      </h3>
      {typeof event.status === "object" && "settled" in event.status ? (
        <p>Settled {when(seconds(event.status.settled.at))}.</p>
      ) : (
        <>
          <p>
            Settlement opens {when(opensAt)}{" "}
            {opensAt <= now ? (
              <span className="badge ok">open now</span>
            ) : (
              <span className="badge">{until(opensAt, now)}</span>
            )}
            <br />
            <span className="muted">
              {`ends ${when(seconds(event.ends_at))}, then a delay of ${duration(event.settlement_delay_seconds)}`}
              {event.complaints > 0 && !event.ruled_happened ? `; ${event.complaints} complaint(s) await a ruling` : ""}
            </span>
          </p>
          <p>
            {`Escrow ${ctc(escrow)}: fee ${ctc(fee)} (${event.platform_fee / 100}%), burn ${ctc(burn)} `}
            {`(${event.burn_share / 100}%), payout ${ctc(escrow - fee - burn)} to you.`}
          </p>
        </>
      )}
      {statusOf(event) === "scheduled" && (
        <button type="button" className="primary" disabled={busy} onClick={() => void settle()}>
          Settle #{event.event_id}
        </button>
      )}
      <TxStatus state={state} id={`${id}-status`} />
      {refusedUntil !== undefined && (
        <p className="muted" data-hint>
          That is {when(refusedUntil)}.
        </p>
      )}
      {movements && (
        <>
          <h4 style={{ margin: "0.4rem 0" }}>What moved</h4>
          <ul data-movements>
            {movements.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

type Attributes = ReadonlyArray<{ key: string; value: string }>;

/** The CTC the settlement moved: the token's disbursement (each payment and the burn) in words. */
function movementsOf(session: Session, result: ExecuteResult, names: Record<string, string>): string[] {
  const wasm = result.events.filter((e) => e.type === "wasm" || e.type.startsWith("wasm-"));
  const action = (attributes: Attributes) => attributes.find((a) => a.key === "action")?.value;
  const named = (address: string) => names[address] ?? nameOf(session, address);
  const lines: string[] = [];
  const settled = wasm.find((e) => action(e.attributes) === "settle");
  const outcome = settled?.attributes.find((a) => a.key === "outcome")?.value;
  if (outcome && outcome !== "settled") lines.push(`outcome: ${outcome.replace(/_/g, " ")}`);
  for (const { attributes } of wasm.filter((e) => action(e.attributes) === "disburse")) {
    const from = attributes.find((a) => a.key === "from")?.value;
    attributes.forEach(({ key, value }, index) => {
      const next = attributes[index + 1];
      if (key === "to" && next?.key === "paid") {
        lines.push(`${ctc(BigInt(next.value))} from ${from ? named(from) : "escrow"} to ${named(value)}`);
      }
      if (key === "burned" && value !== "0") lines.push(`${ctc(BigInt(value))} burned`);
      if (key === "recycled" && value !== "0") lines.push(`${ctc(BigInt(value))} recycled`);
    });
  }
  if (lines.length === 0) lines.push("no CTC moved: nothing was held in escrow");
  return lines;
}

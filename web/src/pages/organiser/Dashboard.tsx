// The organiser's sales: each event's tiers, escrow and standing, then the partner report the
// contract keeps per UTC day.
import type { TicketNftTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { TableScroll } from "../../components/Charts";
import { Show } from "../../components/Loading";
import { clientsFor } from "../../chain/session";
import { ctc, ctcNumber } from "../../lib/amounts";
import { seconds } from "../../../../deploy/src/values";
import { StatusBadge, when, type EventResponse } from "./common";

export function YourEvents({ events }: { events: EventResponse[] }) {
  return (
    <section aria-labelledby="org-events">
      <h2 id="org-events">Your events</h2>
      {events.length === 0 ? (
        <p>You have not issued an event yet.</p>
      ) : (
        <div className="grid three">
          {events.map((event) => (
            <EventSales key={event.event_id} event={event} />
          ))}
        </div>
      )}
      <PartnerReport events={events} />
    </section>
  );
}

function EventSales({ event }: { event: EventResponse }) {
  const headingId = `org-event-${event.event_id}`;
  return (
    <article className="card" aria-labelledby={headingId} data-event={event.event_id}>
      <h3 id={headingId}>{event.title}</h3>
      <p className="muted">
        #{event.event_id} · {event.venue} · {when(seconds(event.starts_at))}
      </p>
      <p className="row">
        <StatusBadge event={event} />
        {event.frozen && <span className="badge bad">frozen by supervision</span>}
        {event.sale_paused && <span className="badge bad">sale paused</span>}
        {event.booking && <span className="badge">booked hall · {event.booking.capacity} seats</span>}
      </p>
      <table>
        <caption className="muted" style={{ textAlign: "left" }}>
          Tickets sold per tier
        </caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Sold / supply</th>
            <th scope="col" className="num">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {event.tiers.map((tier) => (
            <tr key={tier.name}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {tier.name}
              </th>
              <td>
                <div className="progress" aria-hidden="true">
                  <span style={{ width: `${tier.supply ? (100 * tier.sold) / tier.supply : 0}%` }} />
                </div>
                {tier.sold} / {tier.supply}
              </td>
              <td className="num">{ctc(BigInt(tier.price))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Escrow <strong data-escrow>{ctc(BigInt(event.escrow))}</strong> · complaints {event.complaints} · frozen{" "}
        {event.frozen ? "yes" : "no"}
      </p>
    </article>
  );
}

type Totals = TicketNftTypes.ReportTotals;
const COLUMNS: Array<[keyof Totals, string]> = [
  ["sold", "Sold"],
  ["refunded", "Refunded"],
  ["fees", "Fees"],
  ["burned", "Burned"],
  ["settled", "Paid to you"],
];
/** The contract reports at most 366 days at once. */
const REPORT_DAYS = 366;
const DAY = 86_400;

/** A figure without the unit, which the table's caption names once. */
const figure = (micro: string): string => ctc(BigInt(micro)).replace(/ CTC$/, "");
const dayText = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

function PartnerReport({ events }: { events: EventResponse[] }) {
  const { session, actor } = useApp();
  // Nothing moves before an event's sale opens: the report starts at the earliest.
  const firstDay = Math.min(...events.map((e) => Math.floor(seconds(e.sale_starts_at) / DAY)));
  const report = useChainQuery(async () => {
    const today = Math.floor((await session.now()) / DAY);
    const tickets = clientsFor(session, actor.address).tickets;
    const days: TicketNftTypes.DayReport[] = [];
    const total: Totals = { sold: "0", refunded: "0", fees: "0", burned: "0", settled: "0" };
    for (let fromDay = Math.min(firstDay, today); fromDay <= today; fromDay += REPORT_DAYS) {
      const toDay = Math.min(today, fromDay + REPORT_DAYS - 1);
      const part = await tickets.partnerReport({ partner: actor.address, fromDay, toDay });
      days.push(...part.days);
      for (const [key] of COLUMNS) total[key] = (BigInt(total[key]) + BigInt(part.total[key])).toString();
    }
    return { days, total };
  }, [actor.address, firstDay]);
  return (
    <section aria-labelledby="org-report" data-report>
      <h3 id="org-report">Partner report</h3>
      <p className="muted">
        The money of your events on each UTC day something moved. A sale counts when its event settles; a refund when
        the holder takes it.
      </p>
      <Show loaded={report}>
        {({ days, total }) => (
          <>
            {days.length > 0 && <DayBars days={days} />}
            <TableScroll label="Partner report by day">
              <table>
                <caption className="muted" style={{ textAlign: "left" }}>
                  CTC per day
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    {COLUMNS.map(([key, label]) => (
                      <th key={key} scope="col" className="num">
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {days.map(({ day, totals }) => (
                    <tr key={day}>
                      <th scope="row" style={{ fontWeight: 400 }}>
                        {dayText(day)}
                      </th>
                      {COLUMNS.map(([key]) => (
                        <td key={key} className="num">
                          {figure(totals[key])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-report-total>
                    <th scope="row">Total</th>
                    {COLUMNS.map(([key]) => (
                      <td key={key} className="num" data-total={key}>
                        <strong>{figure(total[key])}</strong>
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </>
        )}
      </Show>
    </section>
  );
}

/** Sold and paid out per day as paired bars; the table under it holds the same numbers. */
function DayBars({ days }: { days: TicketNftTypes.DayReport[] }) {
  const height = 110;
  const top = 16;
  const group = 70;
  const width = Math.max(240, days.length * group + 20);
  const largest = Math.max(1, ...days.map(({ totals }) => ctcNumber(totals.sold)));
  const scale = (micro: string) => (ctcNumber(micro) / largest) * (height - top);
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby="org-report-chart"
      viewBox={`0 0 ${width} ${height + 36}`}
      style={{ maxWidth: `${width * 1.3}px` }}
    >
      <title id="org-report-chart">
        Sold and paid out per day, CTC:{" "}
        {days
          .map(({ day, totals }) => `${dayText(day)} sold ${figure(totals.sold)}, paid ${figure(totals.settled)}`)
          .join("; ")}
      </title>
      {days.map(({ day, totals }, index) => {
        const x = 10 + index * group;
        const sold = scale(totals.sold);
        const settled = scale(totals.settled);
        return (
          <g key={day}>
            <rect className="bar" x={x} y={height - sold} width={26} height={sold} />
            <rect className="bar alt" x={x + 28} y={height - settled} width={26} height={settled} />
            <text x={x + 27} y={height - sold - 4} fontSize="11" textAnchor="middle">
              {Math.round(ctcNumber(totals.sold)).toLocaleString("en-US")}
            </text>
            <text x={x + 27} y={height + 14} fontSize="10" textAnchor="middle">
              {dayText(day)}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={width} y1={height} y2={height} stroke="currentColor" strokeWidth={0.5} />
      <rect className="bar" x={10} y={height + 24} width={10} height={10} />
      <text x={24} y={height + 33} fontSize="11">
        sold
      </text>
      <rect className="bar alt" x={60} y={height + 24} width={10} height={10} />
      <text x={74} y={height + 33} fontSize="11">
        paid to you
      </text>
    </svg>
  );
}

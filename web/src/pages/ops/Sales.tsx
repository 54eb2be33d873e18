// 经营分析: tickets sold against supply per event, and per ticketing partner the money of its events
// (ticket-nft's partner_report: sold, refunded, the platform's fee, burned, paid out at settlement).
import type { PartnerRegistryTypes, TicketNftTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { clientsFor, nameOf, type Session } from "../../chain/session";
import { GroupedBarChart, TableScroll } from "../../components/Charts";
import { ctc, ctcNumber } from "../../lib/amounts";
import { DAY, everyMarkedPage, everyPage, Exact, Num, OpsSection, PAGE, secondsOf, when } from "./shared";

type Totals = Record<keyof TicketNftTypes.ReportTotals, bigint>;

interface PartnerSales {
  address: string;
  name: string;
  kind?: PartnerRegistryTypes.PartnerKind;
  totals: Totals;
  /** Days on which something moved. */
  days: number;
}

interface Sales {
  events: TicketNftTypes.EventResponse[];
  partners: PartnerSales[];
  fromDay: number;
  toDay: number;
}

/** partner_report answers at most 366 days at a time. */
const REPORT_DAYS = 366;

async function partnerSales(session: Session, address: string, fromDay: number, toDay: number) {
  const tickets = clientsFor(session, session.operator).tickets;
  const totals: Totals = { sold: 0n, refunded: 0n, fees: 0n, burned: 0n, settled: 0n };
  let days = 0;
  for (let from = fromDay; from <= toDay; from += REPORT_DAYS) {
    const to = Math.min(from + REPORT_DAYS - 1, toDay);
    const report = await tickets.partnerReport({ partner: address, fromDay: from, toDay: to });
    for (const key of Object.keys(totals) as Array<keyof Totals>) totals[key] += BigInt(report.total[key]);
    days += report.days.length;
  }
  return { totals, days };
}

async function readSales(session: Session): Promise<Sales> {
  const c = clientsFor(session, session.operator);
  const [events, registered, now] = await Promise.all([
    everyPage(
      async (startAfter: number | undefined) => (await c.tickets.events({ limit: PAGE, startAfter })).events,
      (e) => e.event_id,
    ),
    everyMarkedPage(async (startAfter: string | undefined) => {
      const page = await c.registry.partners({ capability: "issue_tickets", limit: PAGE, startAfter });
      return { items: page.partners, next: page.next_start_after };
    }),
    session.now(),
  ]);
  // An issuer whose capability was since withdrawn still has its events' money to account for.
  const issuers = new Map<string, { name: string; kind?: PartnerRegistryTypes.PartnerKind }>(
    registered.map((p) => [p.address, { name: p.name, kind: p.kind }]),
  );
  for (const event of events) {
    if (!issuers.has(event.issuer)) issuers.set(event.issuer, { name: nameOf(session, event.issuer), kind: undefined });
  }
  // Nothing can have been sold before CTC was listed, nor before the first sale opened.
  const starts = events.map((e) => secondsOf(e.sale_starts_at));
  if (session.deployment.listedAt !== undefined) starts.push(session.deployment.listedAt);
  const toDay = Math.floor(now / DAY);
  const fromDay = Math.min(toDay, ...starts.map((s) => Math.floor(s / DAY)));
  const partners = await Promise.all(
    [...issuers].map(async ([address, { name, kind }]) => ({
      address,
      name,
      kind,
      ...(await partnerSales(session, address, fromDay, toDay)),
    })),
  );
  return { events, partners, fromDay, toDay };
}

export function Sales() {
  const { session } = useApp();
  const loaded = useChainQuery(() => readSales(session), []);
  return (
    <OpsSection id="sales" title="Sales and refunds" loaded={loaded}>
      {(sales) => (
        <>
          <h3>Per event</h3>
          <EventTable events={sales.events} />
          <GroupedBarChart
            caption="Tickets sold against supply, per event"
            series={[
              { name: "Sold", className: "bar" },
              { name: "Supply", className: "bar alt" },
            ]}
            groups={sales.events.map((event) => {
              const { sold, supply } = soldOf(event);
              return {
                label: `#${event.event_id} ${event.title}`,
                values: [sold, supply],
                shown: [`${sold}`, `${supply}`],
              };
            })}
          />
          <h3>Per ticketing partner</h3>
          <PartnerTable sales={sales} />
        </>
      )}
    </OpsSection>
  );
}

function soldOf(event: TicketNftTypes.EventResponse) {
  return {
    sold: event.tiers.reduce((sum, tier) => sum + tier.sold, 0),
    supply: event.tiers.reduce((sum, tier) => sum + tier.supply, 0),
  };
}

function EventStatus({ event }: { event: TicketNftTypes.EventResponse }) {
  const status = event.status;
  return (
    <>
      {status === "scheduled" ? (
        <span className="badge">scheduled</span>
      ) : "settled" in status ? (
        <span className="badge ok" title={when(status.settled.at)}>
          settled
        </span>
      ) : (
        <span className="badge bad" title={when(status.cancelled.at)}>
          cancelled
        </span>
      )}
      {event.frozen && (
        <>
          {" "}
          <span className="badge bad">frozen</span>
        </>
      )}
      {event.sale_paused && (
        <>
          {" "}
          <span className="badge">sale paused</span>
        </>
      )}
    </>
  );
}

function EventTable({ events }: { events: TicketNftTypes.EventResponse[] }) {
  const { session } = useApp();
  if (events.length === 0) return <p>No event has been issued.</p>;
  return (
    <TableScroll label="Events: tickets sold, escrow and status">
      <table>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Tiers sold</th>
            <th scope="col" className="num">
              Sold
            </th>
            <th scope="col" className="num">
              Escrow
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const { sold, supply } = soldOf(event);
            return (
              <tr key={event.event_id}>
                <th scope="row">
                  #{event.event_id} {event.title}
                  <div className="muted" style={{ fontWeight: 400, fontSize: "0.85rem", whiteSpace: "nowrap" }}>
                    by {nameOf(session, event.issuer)}
                  </div>
                </th>
                <td>
                  {event.tiers.map((tier, i) => (
                    <div key={i} style={{ whiteSpace: "nowrap" }}>
                      {tier.name} {tier.sold}/{tier.supply}
                    </div>
                  ))}
                </td>
                <Num>
                  <Exact value={sold} data-event-sold={event.event_id}>
                    {sold}
                  </Exact>{" "}
                  / {supply}
                </Num>
                <Num>
                  <Exact value={event.escrow} data-event-escrow={event.event_id}>
                    {ctc(BigInt(event.escrow))}
                  </Exact>
                </Num>
                <td>
                  <EventStatus event={event} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function PartnerTable({ sales }: { sales: Sales }) {
  const { partners, fromDay, toDay } = sales;
  if (partners.length === 0) return <p>No partner may issue tickets yet.</p>;
  const day = (n: number) => new Date(n * DAY * 1000).toISOString().slice(0, 10);
  const columns: Array<[keyof Totals, string]> = [
    ["sold", "Sold"],
    ["refunded", "Refunded"],
    ["fees", "Fees"],
    ["burned", "Burned"],
    ["settled", "Settled"],
  ];
  return (
    <>
      <p className="muted" data-report-days={`${fromDay}-${toDay}`}>
        Totals of ticket-nft&apos;s <code>partner_report</code> from {day(fromDay)} to {day(toDay)}: revenue of events
        settled, refunds of cancelled ones, the platform&apos;s fee, what was burned and what was paid out.
      </p>
      <TableScroll label="Ticketing partners: sold, refunded, fees, burned, settled">
        <table>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              {columns.map(([key, words]) => (
                <th key={key} scope="col" className="num">
                  {words}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <tr key={partner.address}>
                <th scope="row">
                  <span style={{ whiteSpace: "nowrap" }}>{partner.name}</span>
                  {partner.kind && (
                    <div className="muted" style={{ fontWeight: 400, fontSize: "0.85rem" }}>
                      {partner.kind.replace(/_/g, " ")}
                    </div>
                  )}
                </th>
                {columns.map(([key]) => (
                  <Num key={key}>
                    <Exact value={partner.totals[key].toString()} {...{ [`data-partner-${key}`]: partner.address }}>
                      {ctc(partner.totals[key])}
                    </Exact>
                  </Num>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <GroupedBarChart
        caption="Sold and refunded per ticketing partner, in CTC"
        series={[
          { name: "Sold", className: "bar" },
          { name: "Refunded", className: "bar alt" },
        ]}
        groups={partners.map((p) => ({
          label: p.name,
          values: [ctcNumber(p.totals.sold), ctcNumber(p.totals.refunded)],
          shown: [ctc(p.totals.sold), ctc(p.totals.refunded)],
        }))}
      />
    </>
  );
}

// 监管: what supervisors did to events (froze, ruled, returned tickets), read from ticket-nft for the
// events that count any record.
import type { TicketNftTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { clientsFor, nameOf, type Session } from "../../chain/session";
import { TableScroll } from "../../components/Charts";
import { everyPage, Exact, OpsSection, PAGE, when } from "./shared";

interface Supervised {
  event: TicketNftTypes.EventResponse;
  records: TicketNftTypes.SupervisionRecord[];
}

async function readSupervision(session: Session): Promise<Supervised[]> {
  const tickets = clientsFor(session, session.operator).tickets;
  const events = await everyPage(
    async (startAfter: number | undefined) => (await tickets.events({ limit: PAGE, startAfter })).events,
    (e) => e.event_id,
  );
  return Promise.all(
    events
      .filter((event) => event.supervision_records > 0)
      .map(async (event) => ({
        event,
        records: await everyPage(
          async (startAfter: number | undefined) =>
            (await tickets.supervisionRecords({ eventId: event.event_id, limit: PAGE, startAfter })).records,
          (r) => r.id,
        ),
      })),
  );
}

export function Supervision() {
  const { session } = useApp();
  const loaded = useChainQuery(() => readSupervision(session), []);
  return (
    <OpsSection id="supervision" title="Supervision" loaded={loaded}>
      {(supervised) => {
        const count = supervised.reduce((sum, s) => sum + s.records.length, 0);
        return (
          <>
            <p>
              <Exact value={count} data-figure="supervision-records">
                {count}
              </Exact>{" "}
              supervision {count === 1 ? "record" : "records"} on {supervised.length}{" "}
              {supervised.length === 1 ? "event" : "events"}.
            </p>
            {count > 0 && (
              <TableScroll label="Supervision records">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">Action</th>
                      <th scope="col">By</th>
                      <th scope="col">Reason</th>
                      <th scope="col">Time</th>
                    </tr>
                  </thead>
                  <tbody>
                    {supervised.flatMap(({ event, records }) =>
                      records.map((record) => (
                        <tr key={`${event.event_id}-${record.id}`} data-supervision-record={event.event_id}>
                          <th scope="row">
                            #{event.event_id} {event.title}
                          </th>
                          <td>{record.action.replace(/_/g, " ")}</td>
                          <td>{nameOf(session, record.by)}</td>
                          <td>{record.reason}</td>
                          <td style={{ whiteSpace: "nowrap" }}>{when(record.time)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </>
        );
      }}
    </OpsSection>
  );
}

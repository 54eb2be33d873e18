// Organisers: their events' sales and the partner report, settlement, halls and bookings, a new
// event (free text or from a theater's booking), and door staff, all signed as the actor chosen in
// the header.
import { useApp } from "../app/context";
import { useChainQuery } from "../app/hooks";
import { Show } from "../components/Loading";
import { clientsFor } from "../chain/session";
import { eventsIssuedBy } from "./organiser/common";
import { YourEvents } from "./organiser/Dashboard";
import { Settle } from "./organiser/Settle";
import { CreateEvent } from "./organiser/CreateEvent";
import { Staff } from "./organiser/Staff";
import { Bookings } from "./organiser/Bookings";
import { SaleControls } from "./organiser/SaleControls";

export function Organiser() {
  const { actor } = useApp();
  return (
    <>
      <h1>Organiser</h1>
      <p>
        Signed as <strong>{actor.name}</strong>
        {actor.role !== "organiser" && (
          <span className="muted">
            {" "}
            — not an organiser of the season: choose grand-theater or spring-troupe under “Act as”.
          </span>
        )}
      </p>
      {/* Keyed by the actor: one organiser's drafts and results do not carry over to another. */}
      <Sections key={actor.address} />
    </>
  );
}

function Sections() {
  const { session, actor } = useApp();
  const loaded = useChainQuery(async () => {
    const [now, config, events] = await Promise.all([
      session.now(),
      clientsFor(session, actor.address).tickets.config(),
      eventsIssuedBy(session, actor.address),
    ]);
    return { now, config, events };
  }, [actor.address]);
  return (
    <Show loaded={loaded}>
      {({ now, config, events }) => (
        <>
          <YourEvents events={events} />
          <Settle events={events} now={now} config={config} />
          <Bookings />
          <div className="grid two">
            <CreateEvent />
            <div>
              <Staff events={events} />
              <SaleControls events={events} />
            </div>
          </div>
        </>
      )}
    </Show>
  );
}

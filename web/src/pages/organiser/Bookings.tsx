// 档期: a theater publishes evenings of its halls and answers requests; an organiser finds a free
// evening in a city and asks for it. The event is then issued from the booking (Create an event).
import { useState } from "react";
import type { SchedulesTypes } from "../../../../clients/ts/src";
import { timestamp, attribute } from "../../../../deploy/src/values";
import { useApp } from "../../app/context";
import { useChainQuery, useTx } from "../../app/hooks";
import { Show } from "../../components/Loading";
import { TxStatus } from "../../components/TxStatus";
import { everyMarkedPage, everyPage, PAGE, when } from "../../chain/reads";
import { clientsFor, nameOf, type Session } from "../../chain/session";
import { Field } from "../../components/Field";

const DAY = 86_400;
/** How far ahead the page looks for free evenings. */
const HORIZON_DAYS = 120;

type Venue = SchedulesTypes.VenueResponse;

/**
 * Every venue, by id from 1 until one is missing: schedules answers no list of venues (nor of a
 * theater's), and venues are numbered in order, never deleted.
 */
async function allVenues(session: Session): Promise<Venue[]> {
  const schedules = clientsFor(session, session.operator).schedules;
  const venues: Venue[] = [];
  for (let venueId = 1; ; venueId++) {
    const venue = await schedules.venue({ venueId }).catch(() => undefined);
    if (!venue) return venues;
    venues.push(venue);
  }
}

function hallName(venues: Venue[], hallId: number): string {
  for (const venue of venues) {
    const hall = venue.halls.find((h) => h.hall_id === hallId);
    if (hall) return `${venue.name}, ${hall.name} (${hall.capacity} seats)`;
  }
  return `hall ${hallId}`;
}

export function Bookings() {
  const { session, actor } = useApp();
  const venues = useChainQuery(() => allVenues(session), []);
  return (
    <section aria-labelledby="org-bookings" className="card">
      <h2 id="org-bookings">
        Halls and bookings <span lang="zh-Hans">档期</span>
      </h2>
      <Show loaded={venues}>
        {(all) => (
          <div className="grid two">
            <FreeEvenings venues={all} />
            <YourRequests />
            {all.some((v) => v.owner === actor.address) && (
              <TheaterDesk venues={all.filter((v) => v.owner === actor.address)} all={all} />
            )}
          </div>
        )}
      </Show>
    </section>
  );
}

function FreeEvenings({ venues }: { venues: Venue[] }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const cities = [...new Set(venues.map((v) => v.city))];
  const [city, setCity] = useState(cities[0] ?? "");
  const [requested, setRequested] = useState<number>();
  const slots = useChainQuery(async () => {
    const now = await session.now();
    const schedules = clientsFor(session, actor.address).schedules;
    return everyMarkedPage(async (startAfter?: SchedulesTypes.SlotCursor) => {
      const page = await schedules.freeSlots({
        city,
        from: timestamp(now),
        to: timestamp(now + HORIZON_DAYS * DAY),
        limit: PAGE,
        startAfter,
      });
      return { items: page.slots, next: page.next };
    });
  }, [city, actor.address]);
  const request = async (slot: SchedulesTypes.SlotResponse) => {
    const result = await run(`request the evening of ${when(slot.starts_at)}`, () =>
      clientsFor(session, actor.address).schedules.requestBooking({ slotId: slot.slot_id }),
    );
    if (result) setRequested(Number(attribute(result, "booking_id")));
  };
  return (
    <div>
      <h3>Free evenings</h3>
      <div className="field">
        <label htmlFor="free-city">City</label>
        <select id="free-city" value={city} onChange={(e) => setCity(e.target.value)}>
          {cities.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <Show loaded={slots}>
        {(free) =>
          free.length === 0 ? (
            <p>
              No evening in {city} is free in the next {HORIZON_DAYS} days.
            </p>
          ) : (
            <ul>
              {free.map((slot) => (
                <li key={slot.slot_id} className="row" data-slot={slot.slot_id}>
                  {hallName(venues, slot.hall_id)}: {when(slot.starts_at)} to {when(slot.ends_at)}
                  <button type="button" disabled={busy} onClick={() => void request(slot)}>
                    Request slot {slot.slot_id}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      {requested !== undefined && (
        <p data-requested={requested}>Requested as booking #{requested}: the theater accepts it by that number.</p>
      )}
      <TxStatus state={state} />
    </div>
  );
}

function YourRequests() {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const schedules = clientsFor(session, actor.address).schedules;
  const bookings = useChainQuery(
    () =>
      everyPage(
        async (startAfter?: number) =>
          (await schedules.tour({ requester: actor.address, startAfter, limit: PAGE })).bookings,
        (booking) => booking.booking_id,
      ),
    [actor.address],
  );
  return (
    <div>
      <h3>Your requests and bookings</h3>
      <Show loaded={bookings}>
        {(mine) =>
          mine.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul>
              {[...mine].reverse().map((b) => (
                <li key={b.booking_id} data-booking-status={b.booking_id}>
                  #{b.booking_id} {b.hall_name}, {b.city}: {when(b.starts_at)} ·{" "}
                  <span className="badge">{b.status}</span>
                  {b.event_id != null && ` · event ${b.event_id}`}
                  {b.status === "requested" && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void run(`withdraw request #${b.booking_id}`, () =>
                          schedules.withdrawRequest({ bookingId: b.booking_id }),
                        )
                      }
                    >
                      Withdraw
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <TxStatus state={state} />
    </div>
  );
}

function TheaterDesk({ venues, all }: { venues: Venue[]; all: Venue[] }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const schedules = clientsFor(session, actor.address).schedules;
  const halls = venues.flatMap((v) => v.halls.map((h) => ({ ...h, venue: v.name })));
  const [hallId, setHallId] = useState(String(halls[0]?.hall_id ?? ""));
  const [inDays, setInDays] = useState("14");
  const [startHour, setStartHour] = useState("11");
  const [hours, setHours] = useState("4");
  const [bookingText, setBookingText] = useState("");
  const [published, setPublished] = useState<number>();
  const bookingId = Number(bookingText);
  const booking = useChainQuery(
    () => (bookingId > 0 ? schedules.booking({ bookingId }) : Promise.resolve(undefined)),
    [bookingId],
  );
  const publish = async () => {
    const now = await session.now();
    const day = Math.floor(now / DAY) + Number(inDays);
    const startsAt = day * DAY + Number(startHour) * 3_600;
    const result = await run(`publish an evening of hall ${hallId}`, () =>
      schedules.publishSlot({
        hallId: Number(hallId),
        startsAt: timestamp(startsAt),
        endsAt: timestamp(startsAt + Number(hours) * 3_600),
        terms: { cancel_notice_seconds: 7 * DAY },
      }),
    );
    if (result) setPublished(Number(attribute(result, "slot_id")));
  };
  return (
    <div>
      <h3>Your halls</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <fieldset>
          <legend>Publish an evening</legend>
          <div className="field">
            <label htmlFor="publish-hall">Hall</label>
            <select id="publish-hall" value={hallId} onChange={(e) => setHallId(e.target.value)}>
              {halls.map((h) => (
                <option key={h.hall_id} value={h.hall_id}>
                  {h.venue}, {h.name} ({h.capacity} seats)
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <Field
              id="publish-days"
              label="In days"
              value={inDays}
              onChange={setInDays}
              inputMode="numeric"
              width={5}
            />
            <Field
              id="publish-hour"
              label="From (UTC hour)"
              value={startHour}
              onChange={setStartHour}
              inputMode="numeric"
              width={5}
            />
            <Field id="publish-hours" label="Hours" value={hours} onChange={setHours} inputMode="numeric" width={5} />
          </div>
          <button type="submit" disabled={busy}>
            Publish
          </button>
          {published !== undefined && <p data-published={published}>Published as slot {published}.</p>}
        </fieldset>
      </form>
      <Field
        id="answer-booking"
        label="A request to answer (booking number)"
        value={bookingText}
        onChange={setBookingText}
        inputMode="numeric"
        width={8}
      />
      {booking.state === "ready" && booking.value && (
        <div data-answer={booking.value.booking_id}>
          <p>
            #{booking.value.booking_id} from {nameOf(session, booking.value.requester)}:{" "}
            {hallName(all, booking.value.hall_id)}, {when(booking.value.starts_at)} ·{" "}
            <span className="badge">{booking.value.status}</span>
          </p>
          {booking.value.status === "requested" && (
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void run(`accept booking #${bookingId}`, () => schedules.acceptBooking({ bookingId }))}
              >
                Accept
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(`decline booking #${bookingId}`, () => schedules.declineBooking({ bookingId }))}
              >
                Decline
              </button>
            </div>
          )}
        </div>
      )}
      {booking.state === "failed" && (
        <p role="alert">
          No booking #{bookingText}: {booking.error}
        </p>
      )}
      <TxStatus state={state} />
    </div>
  );
}

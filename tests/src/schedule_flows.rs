//! Schedules with the real registry and ticket-nft: a theater's hall booked by a touring company
//! and the event issued from the booking, refused to strangers, to suspended partners, at a
//! clashing minute, beyond the hall's seats and a second time; a cancelled event's hall let again
//! while its refunds never wait on schedules.

use cosmwasm_std::{Addr, Timestamp, Uint128};
use ctc_interfaces::registry::{Capability, PartnerKind};
use partner_registry::msg::ExecuteMsg as RegistryMsg;
use schedules::msg::{
    BookingResponse, BookingStatus, BookingTerms, CalendarResponse, ExecuteMsg as ScheduleMsg,
    QueryMsg as ScheduleQuery,
};
use ticket_nft::msg::{EventBooking, EventInput, ExecuteMsg, TierInput};

use crate::platform::{admit, attribute, digest, id, root, Platform, CTC};
use crate::ticket_flows::stalls_and_vip;

const DAY: u64 = 86_400;
const HOUR: u64 = 3_600;
const SEATS: u32 = 120;

/// The Grand's main hall (120 seats), a six-hour evening slot in ten days, and a touring company
/// admitted with IssueTickets.
struct Stage {
    company: Addr,
    hall_id: u64,
    evening: (Timestamp, Timestamp),
}

impl Platform {
    fn schedule(&self, sender: &Addr, msg: &ScheduleMsg) -> anyhow::Result<u64> {
        let response = self.execute(sender, &self.schedules, msg)?;
        Ok(["booking_id", "slot_id", "hall_id", "venue_id"]
            .iter()
            .find_map(|key| {
                response
                    .events
                    .iter()
                    .flat_map(|event| &event.attributes)
                    .find(|attribute| attribute.key == *key)
                    .and_then(|attribute| attribute.value.parse().ok())
            })
            .unwrap_or_default())
    }

    fn booking(&self, booking_id: u64) -> BookingResponse {
        self.query(&self.schedules, &ScheduleQuery::Booking { booking_id })
    }

    /// A partner with IssueTickets that does not own the venue.
    fn touring_company(&self, name: &str, agreement: u8) -> Addr {
        let company = self.addr(name);
        let msg = admit(
            &company,
            name,
            PartnerKind::Troupe,
            Capability::IssueTickets,
            agreement,
            vec![],
        );
        self.execute(&self.owner, &self.registry, &msg).unwrap();
        company
    }

    fn stage(&self) -> Stage {
        let venue_id = self
            .schedule(
                &self.theater,
                &ScheduleMsg::RegisterVenue {
                    name: "Grand".into(),
                    city: "Shanghai".into(),
                    address_digest: digest(0x51),
                },
            )
            .unwrap();
        let hall_id = self
            .schedule(
                &self.theater,
                &ScheduleMsg::AddHall {
                    venue_id,
                    name: "Main".into(),
                    capacity: SEATS,
                },
            )
            .unwrap();
        let starts_at = self.now().plus_seconds(10 * DAY);
        Stage {
            company: self.touring_company("Touring Company", 0xc1),
            hall_id,
            evening: (starts_at, starts_at.plus_seconds(6 * HOUR)),
        }
    }

    fn publish(&self, hall_id: u64, (starts_at, ends_at): (Timestamp, Timestamp)) -> u64 {
        let msg = ScheduleMsg::PublishSlot {
            hall_id,
            starts_at,
            ends_at,
            terms: BookingTerms {
                cancel_notice_seconds: 2 * DAY,
            },
        };
        self.schedule(&self.theater, &msg).unwrap()
    }

    /// `requester` asks for the slot and the theater accepts.
    fn book(&self, requester: &Addr, slot_id: u64) -> anyhow::Result<u64> {
        let booking_id = self.schedule(requester, &ScheduleMsg::RequestBooking { slot_id })?;
        self.schedule(&self.theater, &ScheduleMsg::AcceptBooking { booking_id })?;
        Ok(booking_id)
    }

    /// Hamlet for the booked evening (stalls 100, VIP 2), on sale from now: doors open as the
    /// evening starts, the show two hours later, for three hours.
    fn booked_hamlet(&self, booking_id: u64, (starts_at, _): (Timestamp, Timestamp)) -> EventInput {
        let show = starts_at.plus_seconds(2 * HOUR);
        EventInput {
            venue: String::new(),
            booking_id: Some(booking_id),
            ..stalls_and_vip(show, self.now())
        }
    }

    fn issue(&self, issuer: &Addr, input: EventInput) -> anyhow::Result<u64> {
        let response = self.execute(
            issuer,
            &self.tickets,
            &ExecuteMsg::CreateEvent { event: input },
        )?;
        Ok(id(&response, "event_id"))
    }

    fn suspend(&self, address: &Addr) {
        let msg = RegistryMsg::Suspend {
            address: address.to_string(),
            reason: "review".into(),
            digest: digest(0x66),
        };
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }

    fn reinstate(&self, address: &Addr) {
        let msg = RegistryMsg::Reinstate {
            address: address.to_string(),
            reason: "cleared".into(),
            digest: digest(0x67),
        };
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }
}

#[test]
fn a_booked_hall_issues_one_event_that_shows_the_theaters_consent() {
    let p = Platform::new();
    let stage = p.stage();
    let slot_id = p.publish(stage.hall_id, stage.evening);
    let booking_id = p.book(&stage.company, slot_id).unwrap();
    let booking = p.booking(booking_id);
    assert_eq!(booking.status, BookingStatus::Confirmed);
    assert!(booking.theater_confirmed && booking.requester_confirmed);

    let event_id = p
        .issue(&stage.company, p.booked_hamlet(booking_id, stage.evening))
        .unwrap();
    let event = p.event(event_id);
    assert_eq!(event.issuer, stage.company);
    assert_eq!(event.venue, "Grand, Main, Shanghai");
    assert_eq!(
        event.booking,
        Some(EventBooking {
            schedules: p.schedules.clone(),
            booking_id,
            capacity: SEATS,
        })
    );
    assert_eq!(p.booking(booking_id).event_id, Some(event_id));
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();

    // The same booking a second time: refused, and nothing changes.
    let again = p.issue(&stage.company, p.booked_hamlet(booking_id, stage.evening));
    assert_eq!(
        root(again.unwrap_err()),
        format!("booking {booking_id} already issued event {event_id}")
    );
    // Nor can the issued booking be cancelled behind the event's back.
    let cancel = ScheduleMsg::CancelBooking { booking_id };
    assert_eq!(
        root(p.schedule(&p.theater, &cancel).unwrap_err()),
        format!(
            "event {event_id} was issued for the booking: it is cancelled once ticket-nft cancels the event"
        )
    );
    // An event elsewhere, on free text, remains possible and says no theater confirmed it.
    let abroad = p.create_event(stalls_and_vip(p.now().plus_seconds(5 * DAY), p.now()));
    assert_eq!(p.event(abroad).booking, None);
}

#[test]
fn strangers_get_nothing_from_a_schedule() {
    let p = Platform::new();
    let stage = p.stage();
    let fan = p.fans[0].clone();
    let register = ScheduleMsg::RegisterVenue {
        name: "Garage".into(),
        city: "Shanghai".into(),
        address_digest: digest(0x52),
    };
    assert_eq!(
        root(p.schedule(&fan, &register).unwrap_err()),
        format!("{fan} was never admitted as a partner")
    );
    // The troupe launches crowdfunds but issues no tickets: it cannot book.
    let slot_id = p.publish(stage.hall_id, stage.evening);
    let request = ScheduleMsg::RequestBooking { slot_id };
    assert_eq!(
        root(p.schedule(&p.troupe, &request).unwrap_err()),
        format!("{} may not issue tickets: not_granted", p.troupe)
    );
    // The theater cannot book its own evening, and only it accepts.
    assert_eq!(
        root(p.schedule(&p.theater, &request).unwrap_err()),
        "a venue's owner cannot book its own slot"
    );
    let booking_id = p.schedule(&stage.company, &request).unwrap();
    let accept = ScheduleMsg::AcceptBooking { booking_id };
    assert_eq!(
        root(p.schedule(&stage.company, &accept).unwrap_err()),
        "only the owner of venue 1 may do this"
    );
    // Nobody issues an event from a booking that is only requested ...
    let early = p.issue(&stage.company, p.booked_hamlet(booking_id, stage.evening));
    assert_eq!(
        root(early.unwrap_err()),
        format!("booking {booking_id} is requested, not confirmed")
    );
    p.schedule(&p.theater, &accept).unwrap();
    // ... nor from another partner's confirmed booking, nor marks it issued directly.
    let theater_event = p.issue(&p.theater, p.booked_hamlet(booking_id, stage.evening));
    assert_eq!(
        root(theater_event.unwrap_err()),
        format!("booking {booking_id} holds the hall for another partner")
    );
    let mark = ScheduleMsg::MarkIssued {
        booking_id,
        event_id: 1,
    };
    assert_eq!(
        root(p.schedule(&stage.company, &mark).unwrap_err()),
        "only the configured ticket-nft may mark a booking issued"
    );
    assert_eq!(p.booking(booking_id).event_id, None);
}

#[test]
fn suspended_partners_neither_accept_nor_issue() {
    let p = Platform::new();
    let stage = p.stage();
    let slot_id = p.publish(stage.hall_id, stage.evening);
    let booking_id = p
        .schedule(&stage.company, &ScheduleMsg::RequestBooking { slot_id })
        .unwrap();
    let accept = ScheduleMsg::AcceptBooking { booking_id };

    p.suspend(&p.theater);
    assert_eq!(
        root(p.schedule(&p.theater, &accept).unwrap_err()),
        format!("{} is a partner but not an active one", p.theater)
    );
    p.reinstate(&p.theater);

    p.suspend(&stage.company);
    assert_eq!(
        root(p.schedule(&p.theater, &accept).unwrap_err()),
        format!("{} may not issue tickets: suspended", stage.company)
    );
    p.reinstate(&stage.company);
    p.schedule(&p.theater, &accept).unwrap();

    // Suspended after the booking was confirmed: the registry refuses the event's quota.
    p.suspend(&stage.company);
    let refused = p.issue(&stage.company, p.booked_hamlet(booking_id, stage.evening));
    assert!(refused.is_err());
    assert_eq!(p.booking(booking_id).event_id, None, "nothing was marked");
    p.reinstate(&stage.company);
    p.issue(&stage.company, p.booked_hamlet(booking_id, stage.evening))
        .unwrap();
}

#[test]
fn a_minute_of_overlap_is_a_clash_and_touching_evenings_are_not() {
    let p = Platform::new();
    let stage = p.stage();
    let rival = p.touring_company("Rival Company", 0xc2);
    let (starts_at, ends_at) = stage.evening;
    let first = p.publish(stage.hall_id, stage.evening);
    let overlapping = p.publish(
        stage.hall_id,
        (ends_at.minus_seconds(60), ends_at.plus_seconds(3 * HOUR)),
    );
    let touching = p.publish(stage.hall_id, (ends_at, ends_at.plus_seconds(3 * HOUR)));
    let before = p.publish(
        stage.hall_id,
        (
            starts_at.minus_seconds(3 * HOUR),
            starts_at.plus_seconds(60),
        ),
    );

    // Asked for while the hall is free, the minute of overlap is refused at acceptance ...
    let early = p
        .schedule(
            &rival,
            &ScheduleMsg::RequestBooking {
                slot_id: overlapping,
            },
        )
        .unwrap();
    let held = p.book(&stage.company, first).unwrap();
    let clash = format!("the hall is held by confirmed booking {held} for part of that time");
    let accept = ScheduleMsg::AcceptBooking { booking_id: early };
    assert_eq!(root(p.schedule(&p.theater, &accept).unwrap_err()), clash);
    // ... and asked for once the hall is held, at once: it could never be accepted.
    for slot_id in [overlapping, before] {
        let request = ScheduleMsg::RequestBooking { slot_id };
        assert_eq!(root(p.schedule(&rival, &request).unwrap_err()), clash);
    }
    let late_show = p.book(&rival, touching).unwrap();
    let calendar: CalendarResponse = p.query(
        &p.schedules,
        &ScheduleQuery::HallCalendar {
            hall_id: stage.hall_id,
            from: starts_at,
            to: ends_at.plus_seconds(DAY),
            start_after: None,
            limit: None,
        },
    );
    let held_ids: Vec<u64> = calendar
        .bookings
        .iter()
        .map(|booking| booking.booking_id)
        .collect();
    assert_eq!(held_ids, [held, late_show]);
}

#[test]
fn an_event_never_sells_more_seats_than_its_hall_has() {
    let p = Platform::new();
    let stage = p.stage();
    let slot_id = p.publish(stage.hall_id, stage.evening);
    let booking_id = p.book(&stage.company, slot_id).unwrap();

    // 100 stalls and 2 VIP seats, then 19 more: 121 for 120 seats.
    let mut crowded = p.booked_hamlet(booking_id, stage.evening);
    crowded.tiers[0].supply = 119;
    assert_eq!(
        root(p.issue(&stage.company, crowded).unwrap_err()),
        "121 tickets exceed the hall's 120 seats"
    );
    let mut input = p.booked_hamlet(booking_id, stage.evening);
    input.sale_starts_at = p.now().plus_seconds(DAY);
    let event_id = p.issue(&stage.company, input).unwrap();
    let balcony = |supply| ExecuteMsg::AddTier {
        event_id,
        tier: TierInput {
            name: "Balcony".into(),
            price: Uint128::new(80 * CTC),
            supply,
            seats: vec![],
            per_wallet_limit: None,
            members_of: None,
            random_seats: false,
        },
    };
    assert_eq!(
        root(
            p.execute(&stage.company, &p.tickets, &balcony(19))
                .unwrap_err()
        ),
        "121 tickets exceed the hall's 120 seats"
    );
    p.execute(&stage.company, &p.tickets, &balcony(18)).unwrap();
    let supply: u32 = p.event(event_id).tiers.iter().map(|tier| tier.supply).sum();
    assert_eq!(supply, SEATS);
}

#[test]
fn a_cancelled_event_frees_its_hall_for_another_company() {
    let p = Platform::new();
    let stage = p.stage();
    let rival = p.touring_company("Rival Company", 0xc2);
    let slot_id = p.publish(stage.hall_id, stage.evening);
    let booking_id = p.book(&stage.company, slot_id).unwrap();
    let event_id = p
        .issue(&stage.company, p.booked_hamlet(booking_id, stage.evening))
        .unwrap();
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
    // While the event stands, the theater cannot take its hall back.
    let free = ScheduleMsg::CancelBooking { booking_id };
    assert_eq!(
        root(p.schedule(&p.theater, &free).unwrap_err()),
        format!(
            "event {event_id} was issued for the booking: it is cancelled once ticket-nft cancels the event"
        )
    );
    // Cancelling the event asks nothing of schedules: refunds never wait on it.
    let response = p
        .execute(
            &stage.company,
            &p.tickets,
            &ExecuteMsg::CancelEvent { event_id },
        )
        .unwrap();
    assert!(response
        .events
        .iter()
        .flat_map(|event| &event.attributes)
        .all(|attribute| attribute.value != p.schedules.as_str()));
    let response = p.execute(&p.theater, &p.schedules, &free).unwrap();
    assert_eq!(attribute(&response, "how"), "event_cancelled");
    let released = p.booking(booking_id);
    assert_eq!(released.status, BookingStatus::Cancelled);
    assert_eq!(released.event_id, Some(event_id));

    // The evening is let again, and the released booking issues nothing more.
    let again = p.book(&rival, slot_id).unwrap();
    let reused = p.issue(&stage.company, p.booked_hamlet(booking_id, stage.evening));
    assert_eq!(
        root(reused.unwrap_err()),
        format!("booking {booking_id} is cancelled, not confirmed")
    );
    p.issue(&rival, p.booked_hamlet(again, stage.evening))
        .unwrap();

    let fan = p.fans[0].clone();
    let before = p.balance(&fan);
    let refund = ExecuteMsg::ClaimRefund {
        token_id: format!("{event_id}-0"),
    };
    p.execute(&fan, &p.tickets, &refund).unwrap();
    assert_eq!(p.balance(&fan), before + 100 * CTC);
    p.assert_escrow_conserved();
}

#[test]
fn schedules_keeps_the_ticket_nft_that_issues_its_bookings() {
    let p = Platform::new();
    let elsewhere = p.addr("another-ticket-nft");
    let set = ScheduleMsg::SetTicketNft {
        address: elsewhere.to_string(),
    };
    assert_eq!(
        root(p.execute(&p.owner, &p.schedules, &set).unwrap_err()),
        "ticket-nft is set once: the bookings already issued name its events"
    );
    let set = ExecuteMsg::SetSchedules {
        address: elsewhere.to_string(),
    };
    assert_eq!(
        root(p.execute(&p.owner, &p.tickets, &set).unwrap_err()),
        "the schedules contract is set once: events already name their bookings there"
    );
}

#[test]
fn a_run_whose_show_is_cancelled_frees_the_rest_of_its_days() {
    let p = Platform::new();
    let stage = p.stage();
    let rival = p.touring_company("Rival Company", 0xc2);
    // Ten days from day 3; the show on day 5.
    let run_starts = p.now().plus_seconds(3 * DAY);
    let run = (run_starts, run_starts.plus_seconds(10 * DAY));
    let slot_id = p.publish(stage.hall_id, run);
    let booking_id = p.book(&stage.company, slot_id).unwrap();
    let event_id = p
        .issue(
            &stage.company,
            p.booked_hamlet(booking_id, (run_starts.plus_seconds(2 * DAY), run.1)),
        )
        .unwrap();
    // Day 4: the run has begun; the show is cancelled, and the company frees the rest.
    p.advance_to(run_starts.plus_seconds(DAY));
    let cancel = ExecuteMsg::CancelEvent { event_id };
    p.execute(&stage.company, &p.tickets, &cancel).unwrap();
    let free = ScheduleMsg::CancelBooking { booking_id };
    let response = p.execute(&stage.company, &p.schedules, &free).unwrap();
    assert_eq!(attribute(&response, "action"), "cut_short");
    let cut = p.booking(booking_id);
    assert_eq!(
        (cut.status, cut.ends_at),
        (BookingStatus::Confirmed, p.now())
    );
    // Days 7 and 8 go to another company.
    let later = p.now().plus_seconds(3 * DAY);
    let rest = p.publish(stage.hall_id, (later, later.plus_seconds(DAY)));
    p.book(&rival, rest).unwrap();
}

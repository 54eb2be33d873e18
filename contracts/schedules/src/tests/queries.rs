use cosmwasm_std::{from_json, to_json_binary};
use ctc_interfaces::paging::PageLimitError;
use ctc_interfaces::schedules::{BookingSummary, ScheduleExecuteMsg, ScheduleQueryMsg};

use super::*;
use crate::msg::{CalendarResponse, ConfigResponse, FreeSlotsResponse, SlotCursor, TourResponse};
use crate::query::MAX_FREE_SLOTS_SCANNED;

fn free_slots(
    chain: &Chain,
    city: &str,
    (from, to): (u64, u64),
    start_after: Option<SlotCursor>,
    limit: Option<u32>,
) -> (Vec<u64>, Option<SlotCursor>) {
    let answer: FreeSlotsResponse = chain.ask(QueryMsg::FreeSlots {
        city: city.into(),
        from: chain.at(from),
        to: chain.at(to),
        start_after,
        limit,
    });
    let ids = answer.slots.iter().map(|slot| slot.slot_id).collect();
    (ids, answer.next)
}

#[test]
fn free_slots_lists_a_citys_unbooked_slots_in_time_order() {
    let mut chain = Chain::with_venue();
    let (troupe, theater2) = (
        chain.accounts.troupe.clone(),
        chain.accounts.theater2.clone(),
    );
    // Slot n starts at hour 9 + n; slot 2 gets booked.
    for hour in 10..15 {
        chain.publish(1, hour, hour + 1, 0).unwrap();
    }
    let booking = chain.request(&troupe, 2).unwrap();
    chain.accept(booking).unwrap();
    // Another city's slot at the same time.
    chain
        .execute(&theater2, register_venue("Capital", "Beijing"))
        .unwrap();
    let hall = ExecuteMsg::AddHall {
        venue_id: 2,
        name: "Hall".into(),
        capacity: 100,
    };
    chain.execute(&theater2, hall).unwrap();
    let beijing = ExecuteMsg::PublishSlot {
        hall_id: 3,
        starts_at: chain.at(12),
        ends_at: chain.at(13),
        terms: terms(0),
    };
    chain.execute(&theater2, beijing).unwrap();

    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), None, None),
        (vec![1, 3, 4, 5], None)
    );
    assert_eq!(
        free_slots(&chain, "Beijing", (0, 100), None, None),
        (vec![6], None)
    );
    assert_eq!(
        free_slots(&chain, "Shenzhen", (0, 100), None, None),
        (vec![], None)
    );
    // [from, to): a slot starting at `to` is left out.
    assert_eq!(
        free_slots(&chain, "Shanghai", (11, 13), None, None),
        (vec![3], None)
    );
    let (first, next) = free_slots(&chain, "Shanghai", (0, 100), None, Some(2));
    assert_eq!(first, [1, 3]);
    let cursor = next.unwrap();
    assert_eq!(
        cursor,
        SlotCursor {
            starts_at: chain.at(12),
            slot_id: 3
        }
    );
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), Some(cursor), Some(2)),
        (vec![4, 5], None)
    );
    let refused = query(
        chain.deps.as_ref(),
        chain.env.clone(),
        QueryMsg::FreeSlots {
            city: "Shanghai".into(),
            from: chain.start,
            to: chain.at(100),
            start_after: None,
            limit: Some(51),
        },
    );
    assert_eq!(
        refused.unwrap_err(),
        convention(PageLimitError {
            requested: 51,
            max: 50
        })
    );
}

#[test]
fn a_free_slots_page_reads_a_bounded_number_of_slots() {
    let mut chain = Chain::with_venue();
    let booked = MAX_FREE_SLOTS_SCANNED as u64 + 1;
    for n in 0..booked {
        chain.confirmed(1, 10 + n, 11 + n, 0);
    }
    let free = chain.publish(1, 10 + booked, 11 + booked, 0).unwrap();
    // The first page reads 100 booked slots and stops, empty, with where to go on from.
    let (first, next) = free_slots(&chain, "Shanghai", (0, 1_000), None, None);
    assert_eq!(first, Vec::<u64>::new());
    let next = next.unwrap();
    assert_eq!(next.slot_id, MAX_FREE_SLOTS_SCANNED as u64);
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 1_000), Some(next), None),
        (vec![free], None)
    );
}

#[test]
fn the_hall_calendar_pages_the_confirmed_bookings_in_a_time_range() {
    let mut chain = Chain::with_venue();
    let troupe = chain.accounts.troupe.clone();
    let bookings: Vec<u64> = (0..5)
        .map(|n| chain.confirmed(1, 10 + 2 * n, 11 + 2 * n, 0))
        .collect();
    // Requested and other halls' bookings are not on hall 1's calendar.
    let slot = chain.publish(1, 30, 31, 0).unwrap();
    chain.request(&troupe, slot).unwrap();
    chain.confirmed(2, 10, 11, 0);
    let calendar = |from: u64, to: u64, start_after: Option<Timestamp>, limit| {
        let answer: CalendarResponse = chain.ask(QueryMsg::HallCalendar {
            hall_id: 1,
            from: chain.at(from),
            to: chain.at(to),
            start_after,
            limit,
        });
        answer.bookings
    };
    let all = calendar(0, 100, None, None);
    assert_eq!(
        all.iter().map(|entry| entry.booking_id).collect::<Vec<_>>(),
        bookings
    );
    assert_eq!(all[0].starts_at, chain.at(10));
    assert_eq!(all[0].ends_at, chain.at(11));
    assert_eq!(all[0].requester, troupe);
    assert_eq!(all[0].event_id, None);
    let page = calendar(0, 100, None, Some(2));
    assert_eq!(page, all[..2]);
    let page = calendar(0, 100, Some(page[1].starts_at), Some(2));
    assert_eq!(page, all[2..4]);
    // From 12:00 (inclusive) to 16:00 (exclusive).
    assert_eq!(calendar(12, 16, None, None), all[1..3]);
    assert_eq!(
        chain.ask_err(QueryMsg::HallCalendar {
            hall_id: 9,
            from: chain.start,
            to: chain.at(1),
            start_after: None,
            limit: None
        }),
        ContractError::UnknownHall { hall_id: 9 }
    );
}

#[test]
fn a_tour_lists_one_requesters_bookings() {
    let mut chain = Chain::with_venue();
    let (troupe, troupe2) = (
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let mut mine = vec![];
    for hour in [10, 20, 30] {
        let slot = chain.publish(1, hour, hour + 1, 0).unwrap();
        mine.push(chain.request(&troupe, slot).unwrap());
        chain.request(&troupe2, slot).unwrap();
    }
    chain.accept(mine[1]).unwrap();
    let tour = |start_after, limit| {
        let answer: TourResponse = chain.ask(QueryMsg::Tour {
            requester: troupe.to_string(),
            start_after,
            limit,
        });
        answer.bookings
    };
    let all = tour(None, None);
    assert_eq!(all.iter().map(|b| b.booking_id).collect::<Vec<_>>(), mine);
    assert!(all.iter().all(|b| b.requester == troupe));
    assert_eq!(all[1].status, BookingStatus::Confirmed);
    assert_eq!(tour(Some(mine[0]), Some(1)), all[1..2]);
    let refused = query(
        chain.deps.as_ref(),
        chain.env.clone(),
        QueryMsg::Tour {
            requester: "not-an-address".into(),
            start_after: None,
            limit: None,
        },
    );
    assert!(matches!(
        refused,
        Err(ContractError::Convention(ConventionError::InvalidAddress {
            field: "requester",
            ..
        }))
    ));
}

#[test]
fn the_booking_answer_reads_as_the_interfaces_booking_summary() {
    let mut chain = Chain::with_venue();
    let ticket_nft = chain.accounts.ticket_nft.clone();
    let booking = chain.confirmed(2, 24, 27, 0);
    chain
        .execute(
            &ticket_nft,
            ExecuteMsg::MarkIssued {
                booking_id: booking,
                event_id: 5,
            },
        )
        .unwrap();
    // ticket-nft asks with the interface's message and reads the answer with its summary.
    let asked: QueryMsg = from_json(
        to_json_binary(&ScheduleQueryMsg::Booking {
            booking_id: booking,
        })
        .unwrap(),
    )
    .unwrap();
    let answer = query(chain.deps.as_ref(), chain.env.clone(), asked).unwrap();
    let summary: BookingSummary = from_json(answer).unwrap();
    assert_eq!(
        summary,
        BookingSummary {
            venue_id: 1,
            hall_id: 2,
            venue_name: "Grand Theatre".into(),
            hall_name: "Studio".into(),
            city: "Shanghai".into(),
            capacity: 200,
            requester: chain.accounts.troupe.clone(),
            starts_at: chain.at(24),
            ends_at: chain.at(27),
            status: BookingStatus::Confirmed,
            event_id: Some(5),
        }
    );
    let mark = ScheduleExecuteMsg::MarkIssued {
        booking_id: 1,
        event_id: 2,
    };
    let sent: ExecuteMsg = from_json(to_json_binary(&mark).unwrap()).unwrap();
    assert_eq!(
        sent,
        ExecuteMsg::MarkIssued {
            booking_id: 1,
            event_id: 2
        }
    );
    assert_eq!(
        chain.ask_err(QueryMsg::Booking { booking_id: 9 }),
        ContractError::UnknownBooking { booking_id: 9 }
    );
}

#[test]
fn config_answers_the_registry_and_ticket_nft() {
    let chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(
        config,
        ConfigResponse {
            registry: chain.accounts.registry.clone(),
            ticket_nft: Some(chain.accounts.ticket_nft.clone()),
        }
    );
}

#[test]
fn free_slots_leaves_out_slots_that_have_started() {
    let mut chain = Chain::with_venue();
    let troupe = chain.accounts.troupe.clone();
    let early = chain.publish(1, 1, 2, 0).unwrap();
    let now = chain.publish(1, 3, 4, 0).unwrap();
    let later = chain.publish(1, 5, 6, 0).unwrap();
    chain.advance(3 * HOUR);
    // `from` in the past is raised to the block time; a slot starting at it has started.
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), None, None),
        (vec![later], None)
    );
    assert_eq!(
        chain.refused(&troupe, ExecuteMsg::RequestBooking { slot_id: now }),
        ContractError::SlotStarted { slot_id: now }
    );
    // A cursor from before the block time goes on from the block time.
    let stale = SlotCursor {
        starts_at: chain.at(1),
        slot_id: early,
    };
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), Some(stale), None),
        (vec![later], None)
    );
    chain.advance(2 * HOUR);
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), None, None),
        (vec![], None)
    );
}

#[test]
fn free_slots_leaves_out_slots_whose_hall_is_held_for_part_of_their_time() {
    let mut chain = Chain::with_venue();
    let troupe2 = chain.accounts.troupe2.clone();
    // Hall 1 is held from hour 20 to hour 23 by the booking of slot 1.
    let held = chain.confirmed(1, 20, 23, 0);
    let mut published = vec![(20, 1)];
    // Same time, starting inside, ending inside, covering, inside: all overlap.
    let mut overlapping = vec![];
    for (from, to) in [(20, 23), (21, 25), (18, 21), (19, 24), (21, 22)] {
        let slot = chain.publish(1, from, to, 0).unwrap();
        overlapping.push(slot);
        published.push((from, slot));
    }
    // Touching ends and the other hall are free.
    let before = chain.publish(1, 17, 20, 0).unwrap();
    let other_hall = chain.publish(2, 20, 23, 0).unwrap();
    let after = chain.publish(1, 23, 26, 0).unwrap();
    published.extend([(17, before), (20, other_hall), (23, after)]);
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), None, None),
        (vec![before, other_hall, after], None)
    );
    // What it leaves out could not be booked anyway: not even requested.
    assert_eq!(
        chain.request(&troupe2, overlapping[1]).unwrap_err(),
        ContractError::HallTaken { booking_id: held }
    );
    // Cancelled, the booking frees them all.
    let troupe = chain.accounts.troupe.clone();
    chain
        .execute(&troupe, ExecuteMsg::CancelBooking { booking_id: held })
        .unwrap();
    published.sort();
    let all: Vec<u64> = published.iter().map(|&(_, slot)| slot).collect();
    assert_eq!(
        free_slots(&chain, "Shanghai", (0, 100), None, Some(50)),
        (all, None)
    );
}

#[test]
fn a_first_calendar_page_includes_the_booking_still_running_at_from() {
    let mut chain = Chain::with_venue();
    let ended = chain.confirmed(1, 10, 12, 0);
    let running = chain.confirmed(1, 20, 30, 0);
    let next = chain.confirmed(1, 30, 32, 0);
    // Another hall's booking running at the same time is another calendar.
    chain.confirmed(2, 20, 30, 0);
    let calendar = |from: u64, to: u64, start_after: Option<Timestamp>, limit| {
        let answer: CalendarResponse = chain.ask(QueryMsg::HallCalendar {
            hall_id: 1,
            from: chain.at(from),
            to: chain.at(to),
            start_after,
            limit,
        });
        answer.bookings
    };
    let ids = |from, to| -> Vec<u64> {
        calendar(from, to, None, None)
            .iter()
            .map(|entry| entry.booking_id)
            .collect()
    };
    // Started at 20:00, running at 25:00.
    assert_eq!(ids(25, 100), [running, next]);
    assert_eq!(ids(25, 26), [running]);
    // Starting at `from` it is in the range already, and listed once.
    assert_eq!(ids(20, 100), [running, next]);
    // Ending at `from` it is over; ended earlier, it is not listed either.
    assert_eq!(ids(30, 100), [next]);
    assert_eq!(ids(13, 20), Vec::<u64>::new());
    assert_eq!(ids(11, 20), [ended]);
    // An empty range holds nothing.
    assert_eq!(ids(25, 25), Vec::<u64>::new());
    // Paging on from a page holding only the running booking reads from `from`, once.
    let first = calendar(25, 100, None, Some(1));
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].booking_id, running);
    assert_eq!(first[0].starts_at, chain.at(20));
    let rest = calendar(25, 100, Some(first[0].starts_at), None);
    assert_eq!(
        rest.iter()
            .map(|entry| entry.booking_id)
            .collect::<Vec<_>>(),
        [next]
    );
}

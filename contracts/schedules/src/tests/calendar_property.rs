//! Random publishing, requests, acceptances, declines, withdrawals, cancellations (and their
//! retractions), issuing and cancelled events on two halls with random times: after every step no two Confirmed bookings of a hall overlap, and
//! `hall_calendar` answers exactly the Confirmed bookings. The harness also checks that every
//! refused step left the storage as it was.

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::CalendarResponse;

#[derive(Clone, Debug)]
enum Step {
    /// Hall, start and length in hours from now, notice in hours.
    Publish(u64, u64, u64, u64),
    /// A slot published so far, by troupe (false) or troupe2 (true).
    Request(Index, bool),
    Accept(Index),
    Decline(Index),
    Withdraw(Index),
    /// By the theater (true) or the requester (false).
    Cancel(Index, bool),
    /// ticket-nft marks a booking issued (as the event of the same number).
    Issue(Index),
    /// ticket-nft cancels the booking's event, and the theater (true) or the requester asks to
    /// cancel the booking.
    EventCancelled(Index, bool),
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (1u64..=2, 1u64..16, 1u64..6, 0u64..12)
            .prop_map(|(hall, from, hours, notice)| Step::Publish(hall, from, hours, notice)),
        4 => (any::<Index>(), any::<bool>()).prop_map(|(slot, who)| Step::Request(slot, who)),
        5 => any::<Index>().prop_map(Step::Accept),
        1 => any::<Index>().prop_map(Step::Decline),
        1 => any::<Index>().prop_map(Step::Withdraw),
        2 => (any::<Index>(), any::<bool>()).prop_map(|(b, theater)| Step::Cancel(b, theater)),
        1 => any::<Index>().prop_map(Step::Issue),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(b, theater)| Step::EventCancelled(b, theater)),
        1 => (1u64..4).prop_map(Step::Wait),
    ]
}

/// Every Confirmed booking of `hall` as (id, start, end), read booking by booking.
fn confirmed(chain: &Chain, bookings: u64, hall: u64) -> Vec<(u64, Timestamp, Timestamp)> {
    (1..=bookings)
        .map(|id| chain.booking(id))
        .filter(|b| b.hall_id == hall && b.status == BookingStatus::Confirmed)
        .map(|b| (b.booking_id, b.starts_at, b.ends_at))
        .collect()
}

/// The hall's whole calendar, page by page.
fn calendar(chain: &Chain, hall: u64) -> Vec<(u64, Timestamp, Timestamp)> {
    let mut entries = vec![];
    let mut start_after = None;
    loop {
        let page: CalendarResponse = chain.ask(QueryMsg::HallCalendar {
            hall_id: hall,
            from: Timestamp::from_nanos(0),
            to: Timestamp::from_nanos(u64::MAX),
            start_after,
            limit: Some(3),
        });
        let Some(last) = page.bookings.last() else {
            return entries;
        };
        start_after = Some(last.starts_at);
        entries.extend(
            page.bookings
                .iter()
                .map(|e| (e.booking_id, e.starts_at, e.ends_at)),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn confirmed_bookings_of_a_hall_never_overlap(steps in prop::collection::vec(step(), 1..60)) {
        let mut chain = Chain::with_venue();
        let Accounts { theater, troupe, troupe2, ticket_nft, .. } = &chain.accounts;
        let (theater, troupe, troupe2, ticket_nft) =
            (theater.clone(), troupe.clone(), troupe2.clone(), ticket_nft.clone());
        let (mut slots, mut bookings) = (0u64, 0u64);
        let pick = |index: &Index, count: u64| index.index(count as usize) as u64 + 1;
        for step in steps {
            let now = chain.env.block.time;
            match step {
                Step::Publish(hall_id, from, hours, notice) => {
                    let msg = ExecuteMsg::PublishSlot {
                        hall_id,
                        starts_at: now.plus_seconds(from * HOUR),
                        ends_at: now.plus_seconds((from + hours) * HOUR),
                        terms: terms(notice),
                    };
                    chain.execute(&theater, msg).unwrap();
                    slots += 1;
                }
                Step::Request(slot, second) if slots > 0 => {
                    let who = if second { &troupe2 } else { &troupe };
                    if chain.request(who, pick(&slot, slots)).is_ok() {
                        bookings += 1;
                    }
                }
                Step::Accept(booking) if bookings > 0 => {
                    let _ = chain.accept(pick(&booking, bookings));
                }
                Step::Decline(booking) if bookings > 0 => {
                    let msg = ExecuteMsg::DeclineBooking { booking_id: pick(&booking, bookings) };
                    let _ = chain.execute(&theater, msg);
                }
                Step::Withdraw(booking) if bookings > 0 => {
                    let booking_id = pick(&booking, bookings);
                    let requester = chain.booking(booking_id).requester;
                    let _ = chain.execute(&requester, ExecuteMsg::WithdrawRequest { booking_id });
                }
                Step::Cancel(booking, by_theater) if bookings > 0 => {
                    let booking_id = pick(&booking, bookings);
                    let who = if by_theater { theater.clone() } else { chain.booking(booking_id).requester };
                    let _ = chain.execute(&who, ExecuteMsg::CancelBooking { booking_id });
                }
                Step::Issue(booking) if bookings > 0 => {
                    let booking_id = pick(&booking, bookings);
                    let msg = ExecuteMsg::MarkIssued { booking_id, event_id: booking_id };
                    let _ = chain.execute(&ticket_nft, msg);
                }
                Step::EventCancelled(booking, by_theater) if bookings > 0 => {
                    let booking_id = pick(&booking, bookings);
                    chain.cancel_event(booking_id);
                    let who = if by_theater { theater.clone() } else { chain.booking(booking_id).requester };
                    let _ = chain.execute(&who, ExecuteMsg::CancelBooking { booking_id });
                }
                Step::Wait(hours) => chain.advance(hours * HOUR),
                _ => {}
            }
            for hall in 1..=2 {
                let mut held = confirmed(&chain, bookings, hall);
                held.sort_by_key(|&(_, starts, _)| starts);
                for pair in held.windows(2) {
                    prop_assert!(pair[0].2 <= pair[1].1, "overlap on hall {}: {:?}", hall, pair);
                }
                prop_assert_eq!(calendar(&chain, hall), held);
            }
        }
    }
}

use ctc_interfaces::registry::Denial;

use super::*;
use crate::msg::{Party, SlotResponse};

#[test]
fn a_partner_that_issues_tickets_requests_a_slot_and_the_theater_accepts() {
    let mut chain = Chain::with_venue();
    let troupe = chain.accounts.troupe.clone();
    let slot = chain.publish(1, 24, 27, 12).unwrap();
    let response = chain
        .execute(&troupe, ExecuteMsg::RequestBooking { slot_id: slot })
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "request_booking".into()),
            ("booking_id".into(), "1".into()),
            ("slot_id".into(), slot.to_string()),
            ("requester".into(), troupe.to_string()),
        ]
    );
    let requested = chain.booking(1);
    assert_eq!(
        requested,
        BookingResponse {
            booking_id: 1,
            slot_id: slot,
            venue_id: 1,
            hall_id: 1,
            venue_name: "Grand Theatre".into(),
            hall_name: "Main".into(),
            city: "Shanghai".into(),
            capacity: 800,
            requester: troupe.clone(),
            starts_at: chain.at(24),
            ends_at: chain.at(27),
            status: BookingStatus::Requested,
            theater_confirmed: false,
            requester_confirmed: true,
            terms: terms(12),
            cancel_proposed_by: None,
            event_id: None,
        }
    );
    let response = chain.accept(1).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "accept_booking".into()),
            ("booking_id".into(), "1".into()),
            ("hall_id".into(), "1".into()),
            ("requester".into(), troupe.to_string()),
        ]
    );
    let confirmed = chain.booking(1);
    assert_eq!(confirmed.status, BookingStatus::Confirmed);
    assert!(confirmed.theater_confirmed && confirmed.requester_confirmed);
    let slot: SlotResponse = chain.ask(QueryMsg::Slot { slot_id: slot });
    assert_eq!(slot.booking_id, Some(1));
}

#[test]
fn a_request_is_refused_to_the_venue_owner_and_to_partners_that_may_not_issue() {
    let mut chain = Chain::with_venue();
    let Accounts {
        theater,
        troupe,
        agency,
        stranger,
        ..
    } = &chain.accounts;
    let (theater, troupe, agency, stranger) = (
        theater.clone(),
        troupe.clone(),
        agency.clone(),
        stranger.clone(),
    );
    let slot = chain.publish(1, 24, 27, 0).unwrap();
    let request = || ExecuteMsg::RequestBooking { slot_id: slot };
    assert_eq!(chain.refused(&theater, request()), ContractError::OwnSlot);
    let cannot = |address: &Addr, reason| ContractError::CannotIssueTickets {
        address: address.to_string(),
        reason,
    };
    assert_eq!(
        chain.refused(&stranger, request()),
        cannot(&stranger, Denial::NotAPartner)
    );
    assert_eq!(
        chain.refused(&agency, request()),
        cannot(&agency, Denial::NotGranted)
    );
    chain.set_standing(&troupe, Standing::Suspended);
    assert_eq!(
        chain.refused(&troupe, request()),
        cannot(&troupe, Denial::Suspended)
    );
    chain.set_standing(&troupe, Standing::Revoked);
    assert_eq!(
        chain.refused(&troupe, request()),
        cannot(&troupe, Denial::Revoked)
    );
    assert_eq!(
        chain.refused(&troupe, ExecuteMsg::RequestBooking { slot_id: 9 }),
        ContractError::UnknownSlot { slot_id: 9 }
    );
    // Another theater holding IssueTickets may book a hall it does not own.
    chain
        .request(&chain.accounts.theater2.clone(), slot)
        .unwrap();
}

#[test]
fn a_started_or_booked_slot_takes_no_request() {
    let mut chain = Chain::with_venue();
    let (troupe, troupe2) = (
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let booked = chain.confirmed(1, 10, 12, 0);
    let booked_slot = chain.booking(booked).slot_id;
    assert_eq!(
        chain.refused(
            &troupe2,
            ExecuteMsg::RequestBooking {
                slot_id: booked_slot
            }
        ),
        ContractError::SlotBooked { booking_id: booked }
    );
    let later = chain.publish(2, 5, 6, 0).unwrap();
    let pending = chain.request(&troupe, later).unwrap();
    chain.advance(5 * HOUR);
    assert_eq!(
        chain.refused(&troupe2, ExecuteMsg::RequestBooking { slot_id: later }),
        ContractError::SlotStarted { slot_id: later }
    );
    assert_eq!(
        chain.accept(pending).unwrap_err(),
        ContractError::SlotStarted { slot_id: later }
    );
}

#[test]
fn only_the_venue_owner_accepts_and_only_a_request() {
    let mut chain = Chain::with_venue();
    let (troupe, theater2) = (
        chain.accounts.troupe.clone(),
        chain.accounts.theater2.clone(),
    );
    let slot = chain.publish(1, 10, 12, 0).unwrap();
    let booking = chain.request(&troupe, slot).unwrap();
    for who in [&troupe, &theater2] {
        assert_eq!(
            chain.refused(
                who,
                ExecuteMsg::AcceptBooking {
                    booking_id: booking
                }
            ),
            ContractError::NotVenueOwner { venue_id: 1 }
        );
    }
    assert_eq!(
        chain.accept(7).unwrap_err(),
        ContractError::UnknownBooking { booking_id: 7 }
    );
    chain.accept(booking).unwrap();
    assert_eq!(
        chain.accept(booking).unwrap_err(),
        ContractError::NotRequested {
            status: BookingStatus::Confirmed
        }
    );
}

#[test]
fn an_overlapping_booking_of_the_hall_is_refused_but_touching_ends_are_not() {
    let mut chain = Chain::with_venue();
    let troupe2 = chain.accounts.troupe2.clone();
    // Hall 1 is held from hour 20 to hour 23.
    let held = chain.confirmed(1, 20, 23, 0);
    let try_accept = |chain: &mut Chain, hall: u64, from: u64, to: u64| {
        let slot = chain.publish(hall, from, to, 0).unwrap();
        let booking = chain.request(&troupe2, slot)?;
        chain.accept(booking).map(|_| booking)
    };
    let taken = Err(ContractError::HallTaken { booking_id: held });
    // Same time, starting inside, ending inside, covering, inside.
    for (from, to) in [(20, 23), (21, 25), (18, 21), (19, 24), (21, 22)] {
        assert_eq!(try_accept(&mut chain, 1, from, to), taken, "{from}-{to}");
    }
    // One minute into the held time overlaps.
    let theater = chain.accounts.theater.clone();
    let publish = ExecuteMsg::PublishSlot {
        hall_id: 1,
        starts_at: chain.at(23).minus_seconds(60),
        ends_at: chain.at(24),
        terms: terms(0),
    };
    let response = chain.execute(&theater, publish).unwrap();
    let slot = attribute(&response, "slot_id").parse().unwrap();
    assert_eq!(
        chain.request(&troupe2, slot).unwrap_err(),
        ContractError::HallTaken { booking_id: held }
    );
    // Ending at 20:00 and starting at 23:00 exactly do not overlap with 20:00–23:00.
    let before = try_accept(&mut chain, 1, 17, 20).unwrap();
    let after = try_accept(&mut chain, 1, 23, 26).unwrap();
    // The other hall is another calendar.
    try_accept(&mut chain, 2, 20, 23).unwrap();
    // Between two held blocks, the gap fits exactly and nothing more.
    assert_eq!(
        try_accept(&mut chain, 1, 16, 18),
        Err(ContractError::HallTaken { booking_id: before })
    );
    assert_eq!(
        try_accept(&mut chain, 1, 25, 30),
        Err(ContractError::HallTaken { booking_id: after })
    );
    // Two requests for one slot: once one is confirmed the other finds the hall taken.
    let shared = chain.publish(2, 40, 42, 0).unwrap();
    let first = chain.request(&troupe2, shared).unwrap();
    let second = chain
        .request(&chain.accounts.troupe.clone(), shared)
        .unwrap();
    chain.accept(first).unwrap();
    assert_eq!(
        chain.accept(second).unwrap_err(),
        ContractError::HallTaken { booking_id: first }
    );
    assert_eq!(chain.status(second), BookingStatus::Requested);
}

#[test]
fn the_theater_declines_and_the_requester_withdraws_only_a_request() {
    let mut chain = Chain::with_venue();
    let (theater, troupe, troupe2) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let slot = chain.publish(1, 10, 12, 0).unwrap();
    let declined = chain.request(&troupe, slot).unwrap();
    let withdrawn = chain.request(&troupe2, slot).unwrap();
    let confirmed = chain.request(&troupe, slot).unwrap();

    assert_eq!(
        chain.refused(
            &troupe,
            ExecuteMsg::DeclineBooking {
                booking_id: declined
            }
        ),
        ContractError::NotVenueOwner { venue_id: 1 }
    );
    let response = chain
        .execute(
            &theater,
            ExecuteMsg::DeclineBooking {
                booking_id: declined,
            },
        )
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "decline_booking".into()),
            ("booking_id".into(), declined.to_string()),
        ]
    );
    assert_eq!(chain.status(declined), BookingStatus::Declined);
    assert_eq!(
        chain.refused(
            &theater,
            ExecuteMsg::DeclineBooking {
                booking_id: declined
            }
        ),
        ContractError::NotRequested {
            status: BookingStatus::Declined
        }
    );
    assert_eq!(
        chain.accept(declined).unwrap_err(),
        ContractError::NotRequested {
            status: BookingStatus::Declined
        }
    );

    for who in [&troupe, &theater] {
        assert_eq!(
            chain.refused(
                who,
                ExecuteMsg::WithdrawRequest {
                    booking_id: withdrawn
                }
            ),
            ContractError::NotRequester
        );
    }
    let response = chain
        .execute(
            &troupe2,
            ExecuteMsg::WithdrawRequest {
                booking_id: withdrawn,
            },
        )
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "withdraw_request".into()),
            ("booking_id".into(), withdrawn.to_string()),
        ]
    );
    assert_eq!(chain.status(withdrawn), BookingStatus::Withdrawn);
    assert_eq!(
        chain.refused(
            &troupe2,
            ExecuteMsg::WithdrawRequest {
                booking_id: withdrawn
            }
        ),
        ContractError::NotRequested {
            status: BookingStatus::Withdrawn
        }
    );

    chain.accept(confirmed).unwrap();
    assert_eq!(
        chain.refused(
            &troupe,
            ExecuteMsg::WithdrawRequest {
                booking_id: confirmed
            }
        ),
        ContractError::NotRequested {
            status: BookingStatus::Confirmed
        }
    );
    assert_eq!(
        chain.refused(
            &theater,
            ExecuteMsg::DeclineBooking {
                booking_id: confirmed
            }
        ),
        ContractError::NotRequested {
            status: BookingStatus::Confirmed
        }
    );
    assert_eq!(chain.booking(confirmed).cancel_proposed_by, None::<Party>);
}

#[test]
fn a_request_is_not_accepted_inside_its_notice() {
    let mut chain = Chain::with_venue();
    let troupe = chain.accounts.troupe.clone();
    let late = chain.publish(1, 100, 103, 48).unwrap();
    let in_time = chain.publish(2, 100, 103, 48).unwrap();
    let refused = chain.request(&troupe, late).unwrap();
    let accepted = chain.request(&troupe, in_time).unwrap();
    // Exactly the notice before the start: accepted, and the requester can still leave alone.
    chain.advance(52 * HOUR);
    chain.accept(accepted).unwrap();
    let response = chain
        .execute(
            &troupe,
            ExecuteMsg::CancelBooking {
                booking_id: accepted,
            },
        )
        .unwrap();
    assert_eq!(attribute(&response, "how"), "notice");
    // One second later, accepting would bind the requester at once: refused, nothing held.
    chain.advance(1);
    assert_eq!(
        chain.accept(refused).unwrap_err(),
        ContractError::InsideNotice {
            notice_seconds: 48 * HOUR
        }
    );
    assert_eq!(chain.status(refused), BookingStatus::Requested);
    let slot: SlotResponse = chain.ask(QueryMsg::Slot { slot_id: late });
    assert_eq!(slot.booking_id, None);
    // The requester may still take the request back.
    chain
        .execute(
            &troupe,
            ExecuteMsg::WithdrawRequest {
                booking_id: refused,
            },
        )
        .unwrap();
}

#[test]
fn a_request_that_could_never_be_accepted_is_refused_before_the_registry_is_asked() {
    let mut chain = Chain::with_venue();
    let troupe2 = chain.accounts.troupe2.clone();
    // Inside its notice: acceptance would be refused, so the request is.
    let soon = chain.publish(1, 10, 12, 24).unwrap();
    let held = chain.confirmed(2, 30, 33, 0);
    // Its hall held for part of its time by another slot's booking.
    let clash = chain.publish(2, 32, 35, 0).unwrap();
    chain.registry_queries();
    assert_eq!(
        chain.refused(&troupe2, ExecuteMsg::RequestBooking { slot_id: soon }),
        ContractError::InsideNotice {
            notice_seconds: 24 * HOUR
        }
    );
    assert_eq!(
        chain.refused(&troupe2, ExecuteMsg::RequestBooking { slot_id: clash }),
        ContractError::HallTaken { booking_id: held }
    );
    assert_eq!(chain.registry_queries(), []);
    let free = chain.publish(2, 33, 35, 0).unwrap();
    chain.request(&troupe2, free).unwrap();
}

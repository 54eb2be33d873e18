use super::*;
use crate::msg::{CalendarResponse, Party, SlotResponse};

fn cancel(booking_id: u64) -> ExecuteMsg {
    ExecuteMsg::CancelBooking { booking_id }
}

fn mark(booking_id: u64, event_id: u64) -> ExecuteMsg {
    ExecuteMsg::MarkIssued {
        booking_id,
        event_id,
    }
}

fn calendar(chain: &Chain, hall_id: u64) -> Vec<u64> {
    let answer: CalendarResponse = chain.ask(QueryMsg::HallCalendar {
        hall_id,
        from: chain.start,
        to: chain.at(10_000),
        start_after: None,
        limit: None,
    });
    answer
        .bookings
        .iter()
        .map(|entry| entry.booking_id)
        .collect()
}

#[test]
fn either_side_cancels_alone_up_to_the_notice_and_the_hall_is_free_again() {
    let mut chain = Chain::with_venue();
    let (theater, troupe, troupe2) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let by_requester = chain.confirmed(1, 100, 103, 48);
    let by_theater = chain.confirmed(2, 100, 103, 48);
    // Exactly the notice before the start is still in time.
    chain.advance(52 * HOUR);
    let response = chain.execute(&troupe, cancel(by_requester)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("booking_id".into(), by_requester.to_string()),
            ("by".into(), "requester".into()),
            ("action".into(), "cancel_booking".into()),
            ("how".into(), "notice".into()),
        ]
    );
    let response = chain.execute(&theater, cancel(by_theater)).unwrap();
    assert_eq!(attribute(&response, "by"), "theater");
    assert_eq!(attribute(&response, "how"), "notice");
    for booking in [by_requester, by_theater] {
        assert_eq!(chain.status(booking), BookingStatus::Cancelled);
    }
    assert_eq!(calendar(&chain, 1), Vec::<u64>::new());
    let slot_id = chain.booking(by_requester).slot_id;
    let slot: SlotResponse = chain.ask(QueryMsg::Slot { slot_id });
    assert_eq!(slot.booking_id, None);
    // The freed slot is booked again by someone else.
    let again = chain.request(&troupe2, slot_id).unwrap();
    chain.accept(again).unwrap();
    assert_eq!(calendar(&chain, 1), [again]);
    assert_eq!(
        chain.refused(&troupe, cancel(by_requester)),
        ContractError::NotConfirmed {
            status: BookingStatus::Cancelled
        }
    );
}

#[test]
fn inside_the_notice_one_side_proposes_and_the_other_completes() {
    let mut chain = Chain::with_venue();
    let (theater, troupe, troupe2) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let booking = chain.confirmed(1, 100, 103, 48);
    // One second too late to leave alone.
    chain.advance(52 * HOUR + 1);
    let response = chain.execute(&troupe, cancel(booking)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("booking_id".into(), booking.to_string()),
            ("by".into(), "requester".into()),
            ("action".into(), "propose_cancellation".into()),
        ]
    );
    let proposed = chain.booking(booking);
    assert_eq!(proposed.status, BookingStatus::Confirmed);
    assert_eq!(proposed.cancel_proposed_by, Some(Party::Requester));
    // The hall is still held while only one side wants out.
    assert_eq!(calendar(&chain, 1), [booking]);
    assert_eq!(
        chain.refused(&troupe2, cancel(booking)),
        ContractError::NotAParty
    );
    let response = chain.execute(&theater, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "action"), "cancel_booking");
    assert_eq!(attribute(&response, "by"), "theater");
    assert_eq!(attribute(&response, "how"), "agreement");
    assert_eq!(chain.status(booking), BookingStatus::Cancelled);
    assert_eq!(calendar(&chain, 1), Vec::<u64>::new());
}

#[test]
fn the_theater_may_propose_first_too() {
    let mut chain = Chain::with_venue();
    let (theater, troupe) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
    );
    let booking = chain.confirmed(1, 100, 102, 48);
    chain.advance(60 * HOUR);
    chain.execute(&theater, cancel(booking)).unwrap();
    assert_eq!(
        chain.booking(booking).cancel_proposed_by,
        Some(Party::Theater)
    );
    let response = chain.execute(&troupe, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "how"), "agreement");
    assert_eq!(chain.status(booking), BookingStatus::Cancelled);
}

#[test]
fn a_booking_is_cancelled_only_by_its_sides_and_cut_short_once_it_runs() {
    let mut chain = Chain::with_venue();
    let (theater, troupe, stranger) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.stranger.clone(),
    );
    let booking = chain.confirmed(1, 10, 12, 0);
    let slot = chain.publish(2, 10, 12, 0).unwrap();
    let requested = chain.request(&troupe, slot).unwrap();
    assert_eq!(
        chain.refused(&stranger, cancel(booking)),
        ContractError::NotAParty
    );
    assert_eq!(
        chain.refused(&troupe, cancel(requested)),
        ContractError::NotConfirmed {
            status: BookingStatus::Requested
        }
    );
    assert_eq!(
        chain.refused(&troupe, cancel(99)),
        ContractError::UnknownBooking { booking_id: 99 }
    );
    // With no notice, the theater leaves alone at once.
    let response = chain.execute(&theater, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "action"), "cancel_booking");
    let late = chain.confirmed(1, 11, 13, 0);
    chain.execute(&troupe, cancel(late)).unwrap();
    let late = chain.confirmed(1, 60, 62, 48);
    // Proposed inside the notice, but the show starts before the other side agrees.
    chain.advance(13 * HOUR);
    let response = chain.execute(&troupe, cancel(late)).unwrap();
    assert_eq!(attribute(&response, "action"), "propose_cancellation");
    chain.advance(47 * HOUR + 1_800);
    // Running: the theater's word completes the agreement, and the rest of the booking is free.
    let response = chain.execute(&theater, cancel(late)).unwrap();
    let now = chain.env.block.time;
    assert_eq!(
        attributes(&response),
        [
            ("booking_id".into(), late.to_string()),
            ("by".into(), "theater".into()),
            ("action".into(), "cut_short".into()),
            ("ends_at".into(), now.to_string()),
            ("how".into(), "agreement".into()),
        ]
    );
    let cut = chain.booking(late);
    assert_eq!(
        (cut.status, cut.ends_at, cut.cancel_proposed_by),
        (BookingStatus::Confirmed, now, None)
    );
    // Over: nothing is left to free.
    chain.advance(2 * HOUR);
    for who in [&theater, &troupe] {
        assert_eq!(
            chain.refused(who, cancel(late)),
            ContractError::BookingEnded
        );
    }
}

#[test]
fn only_the_configured_ticket_nft_marks_a_confirmed_booking_issued_once() {
    let mut chain = Chain::with_venue();
    let Accounts {
        ticket_nft,
        troupe,
        theater,
        stranger,
        ..
    } = &chain.accounts;
    let (ticket_nft, troupe, theater, stranger) = (
        ticket_nft.clone(),
        troupe.clone(),
        theater.clone(),
        stranger.clone(),
    );
    let booking = chain.confirmed(1, 100, 103, 48);
    for who in [&stranger, &troupe, &theater] {
        assert_eq!(
            chain.refused(who, mark(booking, 7)),
            ContractError::NotTicketNft
        );
    }
    assert_eq!(
        chain.refused(&ticket_nft, mark(99, 7)),
        ContractError::UnknownBooking { booking_id: 99 }
    );
    let slot = chain.publish(2, 10, 12, 0).unwrap();
    let requested = chain.request(&troupe, slot).unwrap();
    assert_eq!(
        chain.refused(&ticket_nft, mark(requested, 7)),
        ContractError::NotConfirmed {
            status: BookingStatus::Requested
        }
    );
    let response = chain.execute(&ticket_nft, mark(booking, 7)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "mark_issued".into()),
            ("booking_id".into(), booking.to_string()),
            ("event_id".into(), "7".into()),
        ]
    );
    assert_eq!(chain.booking(booking).event_id, Some(7));
    assert_eq!(
        chain.refused(&ticket_nft, mark(booking, 8)),
        ContractError::AlreadyIssued { event_id: 7 }
    );
    // Issued: neither side may cancel while the event stands, not even with all the notice in
    // the world.
    for who in [&troupe, &theater] {
        assert_eq!(
            chain.refused(who, cancel(booking)),
            ContractError::BookingIssued { event_id: 7 }
        );
    }
    // A cancelled booking is not issued.
    let cancelled = chain.confirmed(2, 200, 203, 0);
    chain.execute(&troupe, cancel(cancelled)).unwrap();
    assert_eq!(
        chain.refused(&ticket_nft, mark(cancelled, 9)),
        ContractError::NotConfirmed {
            status: BookingStatus::Cancelled
        }
    );
}

#[test]
fn the_proposer_retracts_its_proposal_and_the_other_side_then_only_proposes() {
    let mut chain = Chain::with_venue();
    let (theater, troupe, troupe2) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
    );
    let booking = chain.confirmed(1, 100, 103, 48);
    chain.advance(60 * HOUR);
    chain.execute(&troupe, cancel(booking)).unwrap();
    // Asking again takes the proposal back.
    let response = chain.execute(&troupe, cancel(booking)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("booking_id".into(), booking.to_string()),
            ("by".into(), "requester".into()),
            ("action".into(), "retract_cancellation".into()),
        ]
    );
    let kept = chain.booking(booking);
    assert_eq!(kept.status, BookingStatus::Confirmed);
    assert_eq!(kept.cancel_proposed_by, None);
    assert_eq!(calendar(&chain, 1), [booking]);
    // The theater's word no longer completes anything: it only proposes, and it may retract too.
    let response = chain.execute(&theater, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "action"), "propose_cancellation");
    assert_eq!(
        chain.booking(booking).cancel_proposed_by,
        Some(Party::Theater)
    );
    // A stranger retracts nothing.
    assert_eq!(
        chain.refused(&troupe2, cancel(booking)),
        ContractError::NotAParty
    );
    let response = chain.execute(&theater, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "action"), "retract_cancellation");
    assert_eq!(chain.booking(booking).cancel_proposed_by, None);
    // A new proposal and the other side's word still end it.
    chain.execute(&theater, cancel(booking)).unwrap();
    let response = chain.execute(&troupe, cancel(booking)).unwrap();
    assert_eq!(attribute(&response, "how"), "agreement");
    assert_eq!(chain.status(booking), BookingStatus::Cancelled);
    // Once the booking is over, a proposal can no longer be retracted either: it no longer
    // matters.
    let late = chain.confirmed(2, 100, 103, 40);
    chain.advance(1);
    let response = chain.execute(&troupe, cancel(late)).unwrap();
    assert_eq!(attribute(&response, "action"), "propose_cancellation");
    let over = chain.at(103).seconds() - chain.env.block.time.seconds();
    chain.advance(over);
    assert_eq!(
        chain.refused(&troupe, cancel(late)),
        ContractError::BookingEnded
    );
}

#[test]
fn an_issued_booking_is_cancelled_only_once_ticket_nft_cancelled_its_event() {
    let mut chain = Chain::with_venue();
    let Accounts {
        ticket_nft,
        troupe,
        troupe2,
        theater,
        stranger,
        ..
    } = &chain.accounts;
    let (ticket_nft, troupe, troupe2, theater, stranger) = (
        ticket_nft.clone(),
        troupe.clone(),
        troupe2.clone(),
        theater.clone(),
        stranger.clone(),
    );
    let issued = chain.confirmed(1, 100, 103, 48);
    chain.execute(&ticket_nft, mark(issued, 7)).unwrap();
    // While ticket-nft answers the event is scheduled, neither side frees the hall.
    for who in [&troupe, &theater] {
        assert_eq!(
            chain.refused(who, cancel(issued)),
            ContractError::BookingIssued { event_id: 7 }
        );
    }
    assert_eq!(
        chain
            .events_asked
            .borrow_mut()
            .drain(..)
            .collect::<Vec<_>>(),
        [7, 7]
    );
    chain.cancel_event(7);
    // Nor does a stranger once it is cancelled; either side does, alone, inside the notice too.
    assert_eq!(
        chain.refused(&stranger, cancel(issued)),
        ContractError::NotAParty
    );
    chain.advance(90 * HOUR);
    let response = chain.execute(&theater, cancel(issued)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("booking_id".into(), issued.to_string()),
            ("by".into(), "theater".into()),
            ("action".into(), "cancel_booking".into()),
            ("how".into(), "event_cancelled".into()),
        ]
    );
    let released = chain.booking(issued);
    assert_eq!(released.status, BookingStatus::Cancelled);
    // The record of what was issued stays, and it issues nothing more.
    assert_eq!(released.event_id, Some(7));
    assert_eq!(
        chain.refused(&ticket_nft, mark(issued, 8)),
        ContractError::AlreadyIssued { event_id: 7 }
    );
    assert_eq!(calendar(&chain, 1), Vec::<u64>::new());
    let slot: SlotResponse = chain.ask(QueryMsg::Slot {
        slot_id: released.slot_id,
    });
    assert_eq!(slot.booking_id, None);
    // The freed slot is free again, but now inside its own notice: a request could never be
    // accepted, so it is refused; the theater publishes the evening anew on shorter terms.
    assert_eq!(
        chain.request(&troupe2, released.slot_id).unwrap_err(),
        ContractError::InsideNotice {
            notice_seconds: 48 * HOUR
        }
    );
    let again = chain.publish(1, 100, 103, 0).unwrap();
    let booking = chain.request(&troupe2, again).unwrap();
    chain.accept(booking).unwrap();
    assert_eq!(calendar(&chain, 1), [booking]);
}

#[test]
fn a_running_booking_whose_event_is_cancelled_frees_the_rest_of_the_run() {
    let mut chain = Chain::with_venue();
    let (ticket_nft, troupe, troupe2, theater) = (
        chain.accounts.ticket_nft.clone(),
        chain.accounts.troupe.clone(),
        chain.accounts.troupe2.clone(),
        chain.accounts.theater.clone(),
    );
    // A ten-day run from hour 100, its event cancelled on its second day.
    let run = chain.confirmed(1, 100, 340, 48);
    chain.execute(&ticket_nft, mark(run, 7)).unwrap();
    let second_day = chain.at(124).seconds() - chain.env.block.time.seconds();
    chain.advance(second_day);
    assert_eq!(
        chain.refused(&theater, cancel(run)),
        ContractError::BookingIssued { event_id: 7 }
    );
    chain.cancel_event(7);
    let response = chain.execute(&troupe, cancel(run)).unwrap();
    assert_eq!(attribute(&response, "action"), "cut_short");
    assert_eq!(attribute(&response, "how"), "event_cancelled");
    assert_eq!(chain.booking(run).ends_at, chain.at(124));
    // The days already held stay on the calendar; the rest is let to another company.
    assert_eq!(calendar(&chain, 1), [run]);
    let rest = chain.publish(1, 150, 200, 0).unwrap();
    let booking = chain.request(&troupe2, rest).unwrap();
    chain.accept(booking).unwrap();
    assert_eq!(calendar(&chain, 1), [run, booking]);
    // Past its new end, nothing more is freed.
    assert_eq!(
        chain.refused(&theater, cancel(run)),
        ContractError::BookingEnded
    );
}

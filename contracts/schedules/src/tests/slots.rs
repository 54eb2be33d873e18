use super::*;
use crate::msg::{FreeSlotsResponse, SlotResponse};
use crate::validate::{MAX_NOTICE_SECONDS, MAX_SLOT_SECONDS};

fn publish(hall_id: u64, starts_at: Timestamp, ends_at: Timestamp, notice: u64) -> ExecuteMsg {
    ExecuteMsg::PublishSlot {
        hall_id,
        starts_at,
        ends_at,
        terms: BookingTerms {
            cancel_notice_seconds: notice,
        },
    }
}

fn free_in_shanghai(chain: &Chain) -> Vec<u64> {
    let free: FreeSlotsResponse = chain.ask(QueryMsg::FreeSlots {
        city: "Shanghai".into(),
        from: chain.start,
        to: chain.at(10_000),
        start_after: None,
        limit: None,
    });
    free.slots.iter().map(|slot| slot.slot_id).collect()
}

#[test]
fn the_venue_owner_publishes_a_slot() {
    let mut chain = Chain::with_venue();
    let theater = chain.accounts.theater.clone();
    let (starts_at, ends_at) = (chain.at(24), chain.at(27));
    let response = chain
        .execute(&theater, publish(1, starts_at, ends_at, 7 * HOUR))
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "publish_slot".into()),
            ("slot_id".into(), "1".into()),
            ("hall_id".into(), "1".into()),
            ("starts_at".into(), starts_at.to_string()),
            ("ends_at".into(), ends_at.to_string()),
        ]
    );
    let slot: SlotResponse = chain.ask(QueryMsg::Slot { slot_id: 1 });
    assert_eq!(
        slot,
        SlotResponse {
            slot_id: 1,
            venue_id: 1,
            hall_id: 1,
            starts_at,
            ends_at,
            terms: terms(7),
            booking_id: None,
        }
    );
    assert_eq!(free_in_shanghai(&chain), [1]);
}

#[test]
fn a_slot_is_refused_to_others_and_out_of_its_bounds() {
    let mut chain = Chain::with_venue();
    let (theater, theater2) = (
        chain.accounts.theater.clone(),
        chain.accounts.theater2.clone(),
    );
    let now = chain.start;
    let at = |hours: u64| now.plus_seconds(hours * HOUR);
    assert_eq!(
        chain.refused(&theater2, publish(1, at(1), at(2), 0)),
        ContractError::NotVenueOwner { venue_id: 1 }
    );
    assert_eq!(
        chain.refused(&theater, publish(3, at(1), at(2), 0)),
        ContractError::UnknownHall { hall_id: 3 }
    );
    // Starting now is starting in the past.
    assert_eq!(
        chain.refused(&theater, publish(1, now, at(2), 0)),
        ContractError::StartsInPast
    );
    // At most two years ahead, to the second.
    let horizon = now.plus_seconds(crate::validate::MAX_LEAD_SECONDS);
    assert_eq!(
        chain.refused(
            &theater,
            publish(1, horizon.plus_seconds(1), horizon.plus_seconds(3_600), 0)
        ),
        ContractError::StartsTooLate {
            max_seconds: 2 * 365 * 86_400
        }
    );
    chain
        .execute(
            &theater,
            publish(1, horizon, horizon.plus_seconds(3_600), 0),
        )
        .unwrap();
    assert_eq!(
        chain.refused(&theater, publish(1, at(2), at(2), 0)),
        ContractError::EndsBeforeStart
    );
    assert_eq!(
        chain.refused(&theater, publish(1, at(2), at(1), 0)),
        ContractError::EndsBeforeStart
    );
    let longest = at(1).plus_seconds(MAX_SLOT_SECONDS);
    assert_eq!(
        chain.refused(&theater, publish(1, at(1), longest.plus_nanos(1), 0)),
        ContractError::SlotTooLong {
            max_seconds: MAX_SLOT_SECONDS
        }
    );
    assert_eq!(
        chain.refused(&theater, publish(1, at(1), at(2), MAX_NOTICE_SECONDS + 1)),
        ContractError::NoticeTooLong {
            max_seconds: MAX_NOTICE_SECONDS
        }
    );
    chain
        .execute(&theater, publish(1, at(1), longest, MAX_NOTICE_SECONDS))
        .unwrap();
}

#[test]
fn a_slot_is_withdrawn_by_its_owner_while_unbooked() {
    let mut chain = Chain::with_venue();
    let (theater, theater2, troupe) = (
        chain.accounts.theater.clone(),
        chain.accounts.theater2.clone(),
        chain.accounts.troupe.clone(),
    );
    let free = chain.publish(1, 10, 12, 0).unwrap();
    let booked = chain.confirmed(2, 10, 12, 0);
    let booked_slot = chain.booking(booked).slot_id;
    let pending_slot = chain.publish(1, 20, 22, 0).unwrap();
    let pending = chain.request(&troupe, pending_slot).unwrap();
    assert_eq!(free_in_shanghai(&chain), [free, pending_slot]);

    assert_eq!(
        chain.refused(&theater2, ExecuteMsg::WithdrawSlot { slot_id: free }),
        ContractError::NotVenueOwner { venue_id: 1 }
    );
    assert_eq!(
        chain.refused(&theater, ExecuteMsg::WithdrawSlot { slot_id: 99 }),
        ContractError::UnknownSlot { slot_id: 99 }
    );
    assert_eq!(
        chain.refused(
            &theater,
            ExecuteMsg::WithdrawSlot {
                slot_id: booked_slot
            }
        ),
        ContractError::SlotBooked { booking_id: booked }
    );
    let response = chain
        .execute(&theater, ExecuteMsg::WithdrawSlot { slot_id: free })
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "withdraw_slot".into()),
            ("slot_id".into(), free.to_string()),
        ]
    );
    assert_eq!(
        chain.ask_err(QueryMsg::Slot { slot_id: free }),
        ContractError::UnknownSlot { slot_id: free }
    );
    assert_eq!(
        chain.refused(&troupe, ExecuteMsg::RequestBooking { slot_id: free }),
        ContractError::UnknownSlot { slot_id: free }
    );
    // A request pending on a withdrawn slot can no longer be accepted.
    chain
        .execute(
            &theater,
            ExecuteMsg::WithdrawSlot {
                slot_id: pending_slot,
            },
        )
        .unwrap();
    assert_eq!(free_in_shanghai(&chain), Vec::<u64>::new());
    assert_eq!(
        chain.accept(pending).unwrap_err(),
        ContractError::SlotWithdrawn {
            slot_id: pending_slot
        }
    );
    // Its requester may still take it back.
    chain
        .execute(
            &troupe,
            ExecuteMsg::WithdrawRequest {
                booking_id: pending,
            },
        )
        .unwrap();
}

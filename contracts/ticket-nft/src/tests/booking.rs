//! Events issued from a confirmed booking in schedules: the theater's consent, the hall's seats
//! and times, one event per booking.

use ctc_interfaces::schedules::{BookingStatus, BookingSummary, ScheduleQueryMsg};

use super::*;
use crate::msg::{EventBooking, EventStatus, TierResponse};

const BOOKING: u64 = 7;

/// Booking 7 of hall "Main" (12 seats) at the Grand, from three hours before event 1's input
/// starts (its doors open two hours before) until an hour after it ends, confirmed for the
/// issuer.
fn booking(chain: &Chain) -> BookingSummary {
    let input = event_input(&chain.env);
    BookingSummary {
        venue_id: 1,
        hall_id: 2,
        venue_name: "Grand".into(),
        hall_name: "Main".into(),
        city: "Shanghai".into(),
        capacity: 12,
        requester: chain.accounts.issuer.clone(),
        starts_at: input.starts_at.minus_seconds(3 * 3_600),
        ends_at: input.ends_at.plus_seconds(3_600),
        status: BookingStatus::Confirmed,
        event_id: None,
    }
}

fn schedules(chain: &Chain) -> Addr {
    chain.deps.api.addr_make("schedules")
}

/// Configures schedules and makes it answer `summary` for booking 7 (and fail the test on any
/// other booking).
fn with_booking(chain: &mut Chain, summary: BookingSummary) {
    let (owner, address) = (chain.accounts.owner.clone(), schedules(chain));
    if chain
        .ask::<crate::msg::ConfigResponse>(QueryMsg::Config {})
        .schedules
        .is_none()
    {
        chain
            .execute(
                &owner,
                ExecuteMsg::SetSchedules {
                    address: address.to_string(),
                },
            )
            .unwrap();
    }
    Neighbours::new()
        .contract(&chain.accounts.token, "crates.io:ctc-token")
        .smart(&address, move |query: ScheduleQueryMsg| match query {
            ScheduleQueryMsg::Booking { booking_id } => {
                assert_eq!(booking_id, BOOKING);
                summary.clone()
            }
        })
        .install(&mut chain.unit.deps);
}

/// Event 1's input at the booked hall, its sale opening in a day so that it stays editable.
fn booked_input(chain: &Chain) -> EventInput {
    EventInput {
        venue: String::new(),
        booking_id: Some(BOOKING),
        sale_starts_at: chain.env.block.time.plus_seconds(DAY),
        ..event_input(&chain.env)
    }
}

fn create_booked(chain: &mut Chain, input: EventInput) -> Result<Response, ContractError> {
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, ExecuteMsg::CreateEvent { event: input })
}

fn refused_booked(chain: &mut Chain, input: EventInput) -> ContractError {
    let issuer = chain.accounts.issuer.clone();
    chain.refused(&issuer, ExecuteMsg::CreateEvent { event: input })
}

#[test]
fn schedules_is_set_once_by_the_owner() {
    let mut chain = Chain::bare();
    let (owner, fan) = (chain.accounts.owner.clone(), chain.accounts.fans[0].clone());
    let address = schedules(&chain).to_string();
    let set = |address: &str| ExecuteMsg::SetSchedules {
        address: address.to_owned(),
    };
    assert!(matches!(
        chain.refused(&fan, set(&address)),
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(_)))
    ));
    assert!(matches!(
        chain.refused(&owner, set("not an address")),
        ContractError::Convention(_)
    ));
    chain.execute(&owner, set(&address)).unwrap();
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.schedules, Some(schedules(&chain)));
    let other = chain.deps.api.addr_make("other-schedules").to_string();
    assert_eq!(
        chain.refused(&owner, set(&other)),
        ContractError::SchedulesAlreadySet
    );
}

#[test]
fn an_event_issued_from_a_booking_names_the_hall_and_marks_the_booking() {
    let mut chain = Chain::bare();
    let summary = booking(&chain);
    with_booking(&mut chain, summary);
    let input = booked_input(&chain);
    let response = create_booked(&mut chain, input).unwrap();
    let sent = executes(&response);
    assert_eq!(sent.len(), 2, "the quota, then the booking");
    assert_eq!(sent[0].0, chain.accounts.registry.as_str());
    assert_eq!(sent[1].0, schedules(&chain).as_str());
    assert_eq!(
        sent[1].1,
        r#"{"mark_issued":{"booking_id":7,"event_id":1}}"#
    );
    let event = chain.event();
    assert_eq!(event.venue, "Grand, Main, Shanghai");
    assert_eq!(
        event.booking,
        Some(EventBooking {
            schedules: schedules(&chain),
            booking_id: BOOKING,
            capacity: 12,
        })
    );
}

#[test]
fn an_event_without_a_booking_says_its_venue_is_unconfirmed() {
    let chain = Chain::new();
    let event = chain.event();
    assert_eq!(event.venue, "Grand Theater");
    assert_eq!(event.booking, None);
}

#[test]
fn a_booking_needs_a_configured_schedules_contract() {
    let mut chain = Chain::bare();
    let input = booked_input(&chain);
    assert_eq!(
        refused_booked(&mut chain, input),
        ContractError::SchedulesNotSet
    );
}

#[test]
fn only_a_confirmed_booking_of_the_issuer_not_yet_used_issues_an_event() {
    let mut chain = Chain::bare();
    for status in [
        BookingStatus::Requested,
        BookingStatus::Declined,
        BookingStatus::Withdrawn,
        BookingStatus::Cancelled,
    ] {
        let summary = BookingSummary {
            status,
            ..booking(&chain)
        };
        with_booking(&mut chain, summary);
        let input = booked_input(&chain);
        assert_eq!(
            refused_booked(&mut chain, input),
            ContractError::BookingNotConfirmed {
                booking_id: BOOKING,
                status
            }
        );
    }

    let stranger = BookingSummary {
        requester: chain.deps.api.addr_make("another-troupe"),
        ..booking(&chain)
    };
    with_booking(&mut chain, stranger);
    let input = booked_input(&chain);
    assert_eq!(
        refused_booked(&mut chain, input),
        ContractError::NotBookingRequester {
            booking_id: BOOKING
        }
    );

    let used = BookingSummary {
        event_id: Some(3),
        ..booking(&chain)
    };
    with_booking(&mut chain, used);
    let input = booked_input(&chain);
    assert_eq!(
        refused_booked(&mut chain, input),
        ContractError::BookingAlreadyIssued {
            booking_id: BOOKING,
            event_id: 3
        }
    );
}

#[test]
fn the_event_lies_inside_its_booking_to_the_nanosecond() {
    let mut chain = Chain::bare();
    let summary = booking(&chain);
    let (starts_at, ends_at) = (summary.starts_at, summary.ends_at);
    with_booking(&mut chain, summary);
    let outside = ContractError::OutsideBooking { starts_at, ends_at };

    let mut early = booked_input(&chain);
    early.starts_at = starts_at.minus_nanos(1);
    assert_eq!(refused_booked(&mut chain, early), outside);
    let mut late = booked_input(&chain);
    late.ends_at = ends_at.plus_nanos(1);
    assert_eq!(refused_booked(&mut chain, late), outside);

    // Doors open before the show: they too must open inside the booking.
    let mut doors_early = booked_input(&chain);
    doors_early.starts_at = starts_at;
    doors_early.check_in_opens_before_seconds = 1;
    assert_eq!(refused_booked(&mut chain, doors_early), outside);

    let mut whole = booked_input(&chain);
    (whole.starts_at, whole.ends_at, whole.sale_ends_at) = (starts_at, ends_at, ends_at);
    whole.check_in_opens_before_seconds = 0;
    create_booked(&mut chain, whole).unwrap();
    assert_eq!(chain.event().starts_at, starts_at);
}

#[test]
fn the_venue_comes_from_the_booking_and_cannot_be_rewritten() {
    let mut chain = Chain::bare();
    let summary = booking(&chain);
    with_booking(&mut chain, summary);
    let mut claimed = booked_input(&chain);
    claimed.venue = "Grand Theater".into();
    assert_eq!(
        refused_booked(&mut chain, claimed),
        ContractError::VenueFromBooking
    );
    let input = booked_input(&chain);
    create_booked(&mut chain, input).unwrap();
    let issuer = chain.accounts.issuer.clone();
    let update = |venue: Option<&str>| ExecuteMsg::UpdateEvent {
        event_id: 1,
        title: Some("Hamlet, revived".into()),
        venue: venue.map(str::to_owned),
        description_uri: None,
    };
    assert_eq!(
        chain.refused(&issuer, update(Some("Elsewhere"))),
        ContractError::VenueFromBooking
    );
    chain.execute(&issuer, update(None)).unwrap();
    let event = chain.event();
    assert_eq!(event.title, "Hamlet, revived");
    assert_eq!(event.venue, "Grand, Main, Shanghai");
}

#[test]
fn the_supply_never_exceeds_the_halls_seats() {
    let mut chain = Chain::bare();
    // event_input sells 12 tickets: 10 stalls and 2 boxes.
    let small = BookingSummary {
        capacity: 11,
        ..booking(&chain)
    };
    with_booking(&mut chain, small);
    let input = booked_input(&chain);
    assert_eq!(
        refused_booked(&mut chain, input),
        ContractError::OverCapacity {
            capacity: 11,
            supply: 12
        }
    );

    let exact = BookingSummary {
        capacity: 13,
        ..booking(&chain)
    };
    with_booking(&mut chain, exact);
    let input = booked_input(&chain);
    create_booked(&mut chain, input).unwrap();
    let issuer = chain.accounts.issuer.clone();
    let tier = |supply| TierInput {
        name: "Gallery".into(),
        price: Uint128::new(50 * CTC),
        supply,
        seats: vec![],
        per_wallet_limit: None,
        members_of: None,
        random_seats: false,
    };
    assert_eq!(
        chain.refused(
            &issuer,
            ExecuteMsg::AddTier {
                event_id: 1,
                tier: tier(2)
            }
        ),
        ContractError::OverCapacity {
            capacity: 13,
            supply: 14
        }
    );
    chain
        .execute(
            &issuer,
            ExecuteMsg::AddTier {
                event_id: 1,
                tier: tier(1),
            },
        )
        .unwrap();
    let tiers: Vec<TierResponse> = chain.event().tiers;
    assert_eq!(tiers.iter().map(|tier| tier.supply).sum::<u32>(), 13);
}

#[test]
fn cancelling_a_booked_event_sends_nothing_to_schedules() {
    // Refunds never wait on schedules: the theater frees the hall there once the event is
    // cancelled, after reading it here.
    let mut chain = Chain::bare();
    let summary = booking(&chain);
    with_booking(&mut chain, summary);
    let input = booked_input(&chain);
    create_booked(&mut chain, input).unwrap();
    let issuer = chain.accounts.issuer.clone();
    let response = chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert!(response.messages.is_empty());
    assert!(matches!(
        chain.event().status,
        EventStatus::Cancelled { .. }
    ));
    assert_eq!(
        chain.event().booking.map(|booking| booking.booking_id),
        Some(BOOKING)
    );
}

//! The registry is asked again whenever a theater acts on its venue and whenever a request is
//! accepted: standing lost after registering or requesting stops the theater and the requester
//! from then on. One query per check, nothing more.

use ctc_interfaces::registry::{Capability, Denial, PartnerKind, RegistryQueryMsg};

use super::*;
use crate::msg::SlotResponse;

fn add_hall(name: &str) -> ExecuteMsg {
    ExecuteMsg::AddHall {
        venue_id: 1,
        name: name.into(),
        capacity: 100,
    }
}

fn publish(chain: &Chain, from: u64) -> ExecuteMsg {
    ExecuteMsg::PublishSlot {
        hall_id: 1,
        starts_at: chain.at(from),
        ends_at: chain.at(from + 2),
        terms: terms(0),
    }
}

#[test]
fn a_theater_that_lost_its_standing_adds_publishes_and_accepts_nothing() {
    let mut chain = Chain::with_venue();
    let (theater, troupe) = (
        chain.accounts.theater.clone(),
        chain.accounts.troupe.clone(),
    );
    let slot = chain.publish(1, 24, 27, 0).unwrap();
    let spare = chain.publish(2, 40, 42, 0).unwrap();
    let booking = chain.request(&troupe, slot).unwrap();
    let late_slot = publish(&chain, 30);
    let accept = ExecuteMsg::AcceptBooking {
        booking_id: booking,
    };
    let address = theater.to_string();
    for standing in [Standing::Suspended, Standing::Revoked] {
        chain.set_standing(&theater, standing);
        let not_active = ContractError::PartnerNotActive {
            address: address.clone(),
        };
        assert_eq!(chain.refused(&theater, add_hall("Late")), not_active);
        assert_eq!(chain.refused(&theater, late_slot.clone()), not_active);
        assert_eq!(chain.refused(&theater, accept.clone()), not_active);
    }
    // Expelled from the registry altogether, or no longer a theater: the same refusals as
    // `register_venue`.
    let known = chain.partners.remove(&theater).unwrap();
    chain.install_registry();
    let not_a_partner = ContractError::NotAPartner {
        address: address.clone(),
    };
    assert_eq!(chain.refused(&theater, add_hall("Late")), not_a_partner);
    assert_eq!(chain.refused(&theater, late_slot.clone()), not_a_partner);
    assert_eq!(chain.refused(&theater, accept.clone()), not_a_partner);
    chain.partners.insert(
        theater.clone(),
        partner(PartnerKind::Agency, Standing::Active, &[]),
    );
    chain.install_registry();
    let not_a_theater = ContractError::NotATheater {
        address: address.clone(),
    };
    assert_eq!(chain.refused(&theater, add_hall("Late")), not_a_theater);
    assert_eq!(chain.refused(&theater, late_slot.clone()), not_a_theater);
    assert_eq!(chain.refused(&theater, accept.clone()), not_a_theater);
    assert_eq!(chain.status(booking), BookingStatus::Requested);

    // What only lets go stays open: declining a request, withdrawing a slot.
    chain.partners.insert(theater.clone(), known);
    chain.set_standing(&theater, Standing::Suspended);
    chain
        .execute(&theater, ExecuteMsg::WithdrawSlot { slot_id: spare })
        .unwrap();
    chain
        .execute(
            &theater,
            ExecuteMsg::DeclineBooking {
                booking_id: booking,
            },
        )
        .unwrap();

    // Active again, it goes on.
    chain.set_standing(&theater, Standing::Active);
    chain.execute(&theater, add_hall("Again")).unwrap();
    chain.execute(&theater, late_slot).unwrap();
    chain.confirmed(1, 50, 52, 0);
}

#[test]
fn a_request_whose_requester_lost_issue_tickets_is_not_accepted() {
    let mut chain = Chain::with_venue();
    let troupe = chain.accounts.troupe.clone();
    let slot = chain.publish(1, 24, 27, 0).unwrap();
    let booking = chain.request(&troupe, slot).unwrap();
    let cannot = |reason| ContractError::CannotIssueTickets {
        address: troupe.to_string(),
        reason,
    };
    for (standing, reason) in [
        (Standing::Suspended, Denial::Suspended),
        (Standing::Revoked, Denial::Revoked),
    ] {
        chain.set_standing(&troupe, standing);
        assert_eq!(chain.accept(booking).unwrap_err(), cannot(reason));
    }
    // Active, but the capability withdrawn.
    chain.set_standing(&troupe, Standing::Active);
    let capabilities = std::mem::take(
        &mut chain
            .partners
            .get_mut(&troupe)
            .unwrap()
            .standing
            .capabilities,
    );
    chain.install_registry();
    assert_eq!(
        chain.accept(booking).unwrap_err(),
        cannot(Denial::NotGranted)
    );
    // Gone from the registry.
    let known = chain.partners.remove(&troupe).unwrap();
    chain.install_registry();
    assert_eq!(
        chain.accept(booking).unwrap_err(),
        cannot(Denial::NotAPartner)
    );
    // Nothing was held meanwhile.
    assert_eq!(chain.status(booking), BookingStatus::Requested);
    let held: SlotResponse = chain.ask(QueryMsg::Slot { slot_id: slot });
    assert_eq!(held.booking_id, None);
    chain.partners.insert(troupe.clone(), known);
    chain
        .partners
        .get_mut(&troupe)
        .unwrap()
        .standing
        .capabilities = capabilities;
    chain.install_registry();
    chain.accept(booking).unwrap();
    assert_eq!(chain.status(booking), BookingStatus::Confirmed);
}

#[test]
fn each_message_asks_the_registry_one_query_per_check() {
    let mut chain = Chain::with_venue();
    let Accounts {
        theater,
        troupe,
        troupe2,
        ticket_nft,
        ..
    } = &chain.accounts;
    let (theater, troupe, troupe2, ticket_nft) = (
        theater.clone(),
        troupe.clone(),
        troupe2.clone(),
        ticket_nft.clone(),
    );
    let status = |address: &Addr| RegistryQueryMsg::PartnerStatus {
        address: address.to_string(),
    };
    let issue = |address: &Addr| RegistryQueryMsg::HasCapability {
        address: address.to_string(),
        capability: Capability::IssueTickets,
    };
    chain.registry_queries();

    chain
        .execute(&theater, register_venue("Annex", "Shanghai"))
        .unwrap();
    assert_eq!(chain.registry_queries(), [status(&theater)]);
    chain.execute(&theater, add_hall("Third")).unwrap();
    assert_eq!(chain.registry_queries(), [status(&theater)]);
    // A malformed message is refused before any query.
    chain.refused(
        &theater,
        ExecuteMsg::AddHall {
            venue_id: 1,
            name: "Empty".into(),
            capacity: 0,
        },
    );
    assert_eq!(chain.registry_queries(), []);
    let slot = chain.publish(1, 24, 27, 0).unwrap();
    assert_eq!(chain.registry_queries(), [status(&theater)]);
    let booking = chain.request(&troupe, slot).unwrap();
    let other = chain.request(&troupe2, slot).unwrap();
    assert_eq!(chain.registry_queries(), [issue(&troupe), issue(&troupe2)]);
    chain.accept(booking).unwrap();
    assert_eq!(chain.registry_queries(), [status(&theater), issue(&troupe)]);
    // Refused on the contract's own records (the hall is taken): no query.
    chain.accept(other).unwrap_err();
    assert_eq!(chain.registry_queries(), []);
    // Declining, withdrawing, cancelling and issuing ask the registry nothing.
    chain
        .execute(&theater, ExecuteMsg::DeclineBooking { booking_id: other })
        .unwrap();
    chain
        .execute(
            &ticket_nft,
            ExecuteMsg::MarkIssued {
                booking_id: booking,
                event_id: 1,
            },
        )
        .unwrap();
    chain.cancel_event(1);
    chain
        .execute(
            &theater,
            ExecuteMsg::CancelBooking {
                booking_id: booking,
            },
        )
        .unwrap();
    let later = chain.confirmed(2, 30, 32, 0);
    chain.registry_queries();
    chain
        .execute(&troupe, ExecuteMsg::CancelBooking { booking_id: later })
        .unwrap();
    chain
        .execute(&theater, ExecuteMsg::WithdrawSlot { slot_id: slot })
        .unwrap();
    assert_eq!(chain.registry_queries(), []);
}

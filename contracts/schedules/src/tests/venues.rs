use super::*;
use crate::msg::{HallResponse, VenueResponse};
use crate::validate::{MAX_CAPACITY, MAX_HALLS};

fn add_hall(venue_id: u64, name: &str, capacity: u32) -> ExecuteMsg {
    ExecuteMsg::AddHall {
        venue_id,
        name: name.into(),
        capacity,
    }
}

#[test]
fn a_theater_registers_a_venue_and_adds_halls() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let response = chain
        .execute(&theater, register_venue("Grand Theatre", "上海"))
        .unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "register_venue".into()),
            ("venue_id".into(), "1".into()),
            ("owner".into(), theater.to_string()),
            ("city".into(), "上海".into()),
        ]
    );
    let response = chain.execute(&theater, add_hall(1, "Main", 800)).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "add_hall".into()),
            ("venue_id".into(), "1".into()),
            ("hall_id".into(), "1".into()),
            ("capacity".into(), "800".into()),
        ]
    );
    chain.execute(&theater, add_hall(1, "Studio", 1)).unwrap();
    let venue: VenueResponse = chain.ask(QueryMsg::Venue { venue_id: 1 });
    assert_eq!(
        venue,
        VenueResponse {
            venue_id: 1,
            owner: theater.clone(),
            name: "Grand Theatre".into(),
            city: "上海".into(),
            address_digest: DIGEST.repeat(32),
            halls: vec![
                HallResponse {
                    hall_id: 1,
                    name: "Main".into(),
                    capacity: 800
                },
                HallResponse {
                    hall_id: 2,
                    name: "Studio".into(),
                    capacity: 1
                },
            ],
        }
    );
    // Ids count on across venues: a second venue's first hall is hall 3.
    chain
        .execute(&theater, register_venue("Annex", "上海"))
        .unwrap();
    let response = chain.execute(&theater, add_hall(2, "Loft", 90)).unwrap();
    assert_eq!(attribute(&response, "hall_id"), "3");
}

#[test]
fn only_an_active_admitted_theater_registers_a_venue() {
    let mut chain = Chain::new();
    let (stranger, agency, theater) = (
        chain.accounts.stranger.clone(),
        chain.accounts.agency.clone(),
        chain.accounts.theater.clone(),
    );
    let msg = || register_venue("Grand Theatre", "Shanghai");
    assert_eq!(
        chain.refused(&stranger, msg()),
        ContractError::NotAPartner {
            address: stranger.to_string()
        }
    );
    assert_eq!(
        chain.refused(&agency, msg()),
        ContractError::NotATheater {
            address: agency.to_string()
        }
    );
    chain.set_standing(&theater, Standing::Suspended);
    assert_eq!(
        chain.refused(&theater, msg()),
        ContractError::PartnerNotActive {
            address: theater.to_string()
        }
    );
    chain.set_standing(&theater, Standing::Revoked);
    assert_eq!(
        chain.refused(&theater, msg()),
        ContractError::PartnerNotActive {
            address: theater.to_string()
        }
    );
    chain.set_standing(&theater, Standing::Active);
    chain.execute(&theater, msg()).unwrap();
}

#[test]
fn a_malformed_venue_is_refused() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let long = "x".repeat(129);
    assert_eq!(
        chain.refused(&theater, register_venue("", "Shanghai")),
        convention(ConventionError::InvalidLength {
            field: "name",
            max: 128
        })
    );
    assert_eq!(
        chain.refused(&theater, register_venue(&long, "Shanghai")),
        convention(ConventionError::InvalidLength {
            field: "name",
            max: 128
        })
    );
    assert_eq!(
        chain.refused(&theater, register_venue("Grand", &"x".repeat(65))),
        convention(ConventionError::InvalidLength {
            field: "city",
            max: 64
        })
    );
    for digest in ["ab".repeat(31), "zz".repeat(32), String::new()] {
        let msg = ExecuteMsg::RegisterVenue {
            name: "Grand".into(),
            city: "Shanghai".into(),
            address_digest: digest,
        };
        assert_eq!(
            chain.refused(&theater, msg),
            convention(ConventionError::InvalidDigest {
                field: "address_digest"
            })
        );
    }
    // One spelling: an upper-case digest is stored in lower case.
    let msg = ExecuteMsg::RegisterVenue {
        name: "Grand".into(),
        city: "Shanghai".into(),
        address_digest: "AB".repeat(32),
    };
    chain.execute(&theater, msg).unwrap();
    let venue: VenueResponse = chain.ask(QueryMsg::Venue { venue_id: 1 });
    assert_eq!(venue.address_digest, "ab".repeat(32));
}

#[test]
fn only_the_venue_owner_adds_halls_within_the_limits() {
    let mut chain = Chain::with_venue();
    let (theater, theater2) = (
        chain.accounts.theater.clone(),
        chain.accounts.theater2.clone(),
    );
    assert_eq!(
        chain.refused(&theater2, add_hall(1, "Mine", 10)),
        ContractError::NotVenueOwner { venue_id: 1 }
    );
    assert_eq!(
        chain.refused(&theater, add_hall(9, "Main", 10)),
        ContractError::UnknownVenue { venue_id: 9 }
    );
    for capacity in [0, MAX_CAPACITY + 1] {
        assert_eq!(
            chain.refused(&theater, add_hall(1, "Main", capacity)),
            ContractError::InvalidCapacity { max: MAX_CAPACITY }
        );
    }
    assert_eq!(
        chain.refused(&theater, add_hall(1, &"x".repeat(65), 10)),
        convention(ConventionError::InvalidLength {
            field: "name",
            max: 64
        })
    );
    chain
        .execute(&theater, add_hall(1, "Largest", MAX_CAPACITY))
        .unwrap();
    for n in 3..MAX_HALLS {
        chain
            .execute(&theater, add_hall(1, &format!("Hall {n}"), 10))
            .unwrap();
    }
    assert_eq!(
        chain.refused(&theater, add_hall(1, "One too many", 10)),
        ContractError::TooManyHalls { max: MAX_HALLS }
    );
    let venue: VenueResponse = chain.ask(QueryMsg::Venue { venue_id: 1 });
    assert_eq!(venue.halls.len(), MAX_HALLS);
    assert_eq!(
        chain.ask_err(QueryMsg::Venue { venue_id: 2 }),
        ContractError::UnknownVenue { venue_id: 2 }
    );
}

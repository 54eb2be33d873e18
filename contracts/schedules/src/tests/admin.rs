use cosmwasm_std::coins;
use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::{ConfigResponse, MigrateMsg};

fn is_nonpayable(err: &ContractError) -> bool {
    matches!(
        err,
        ContractError::Convention(ConventionError::Payment(payment))
            if payment.to_string().contains("accept funds")
    )
}

#[test]
fn instantiate_records_the_config_and_the_owner() {
    let mut unit = Schedules::new(execute);
    let (deployer, dao, registry) = (
        unit.addr("deployer"),
        unit.addr("dao"),
        unit.addr("registry"),
    );
    let msg = InstantiateMsg {
        registry: registry.to_string(),
        ticket_nft: None,
        owner: Some(dao.to_string()),
    };
    let response = unit.instantiate(instantiate, &deployer, msg).unwrap();
    assert_eq!(attribute(&response, "action"), "instantiate");
    assert_eq!(attribute(&response, "owner"), dao.as_str());
    assert_eq!(attribute(&response, "registry"), registry.as_str());
    let config: ConfigResponse = unit.ask(query, QueryMsg::Config {});
    assert_eq!(config.ticket_nft, None);
    assert_eq!(unit.contract_version().contract, CONTRACT.name);
    // Without a ticket-nft nobody can mark a booking issued.
    assert_eq!(
        unit.refused(
            &dao,
            ExecuteMsg::MarkIssued {
                booking_id: 1,
                event_id: 1
            }
        ),
        ContractError::NotTicketNft
    );
}

#[test]
fn instantiate_refuses_bad_addresses_and_coins() {
    let mut unit = Schedules::new(execute);
    let deployer = unit.addr("deployer");
    let registry = unit.addr("registry").to_string();
    for (registry, ticket_nft, field) in [
        ("bad", None, "registry"),
        (registry.as_str(), Some("bad".to_owned()), "ticket_nft"),
    ] {
        let msg = InstantiateMsg {
            registry: registry.into(),
            ticket_nft,
            owner: None,
        };
        let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
        assert!(
            matches!(
                &refused,
                ContractError::Convention(ConventionError::InvalidAddress { field: f, .. })
                    if *f == field
            ),
            "{refused}"
        );
    }
    let msg = InstantiateMsg {
        registry,
        ticket_nft: None,
        owner: None,
    };
    let info = cosmwasm_std::testing::message_info(&deployer, &coins(5, "ustake"));
    let refused = instantiate(unit.deps.as_mut(), unit.env.clone(), info, msg).unwrap_err();
    assert!(is_nonpayable(&refused), "{refused}");
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
}

#[test]
fn every_message_refuses_coins() {
    let mut chain = Chain::with_venue();
    let theater = chain.accounts.theater.clone();
    let refused = chain.refused_with(
        &theater,
        &coins(1, "ustake"),
        ExecuteMsg::AddHall {
            venue_id: 1,
            name: "Paid".into(),
            capacity: 10,
        },
    );
    assert!(is_nonpayable(&refused), "{refused}");
}

#[test]
fn only_the_owner_sets_ticket_nft_and_only_once() {
    let mut chain = Chain::new();
    let owner = chain.accounts.owner.clone();
    let set = |address: &str| ExecuteMsg::SetTicketNft {
        address: address.into(),
    };
    // The events already issued are asked about at the ticket-nft that issued them.
    let elsewhere = chain.addr("ticket_nft_v2");
    assert_eq!(
        chain.refused(&owner, set(elsewhere.as_str())),
        ContractError::TicketNftAlreadySet
    );

    let mut unit = Schedules::new(execute);
    let (owner, stranger) = (unit.addr("owner"), unit.addr("stranger"));
    let msg = InstantiateMsg {
        registry: unit.addr("registry").to_string(),
        ticket_nft: None,
        owner: None,
    };
    unit.instantiate(instantiate, &owner, msg).unwrap();
    let mut chain = unit;
    let next = chain.addr("ticket_nft_v2");
    assert_eq!(
        chain.refused(&stranger, set(next.as_str())),
        convention(OwnershipError::NotOwner)
    );
    assert!(matches!(
        chain.refused(&owner, set("bad")),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "ticket_nft",
            ..
        })
    ));
    let response = chain.execute(&owner, set(next.as_str())).unwrap();
    assert_eq!(
        attributes(&response),
        [
            ("action".into(), "set_ticket_nft".into()),
            ("ticket_nft".into(), next.to_string()),
        ]
    );
    let config: ConfigResponse = chain.ask(query, QueryMsg::Config {});
    assert_eq!(config.ticket_nft, Some(next.clone()));
    assert_eq!(
        chain.refused(&owner, set(next.as_str())),
        ContractError::TicketNftAlreadySet
    );
}

#[test]
fn ownership_moves_in_two_steps_and_cannot_be_renounced() {
    let mut chain = Chain::new();
    let (owner, stranger) = (
        chain.accounts.owner.clone(),
        chain.accounts.stranger.clone(),
    );
    let dao = chain.addr("dao");
    assert_eq!(
        chain.refused(
            &owner,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
    let refusal =
        chain.hand_over_ownership(ExecuteMsg::UpdateOwnership, query, &owner, &dao, &stranger);
    assert_eq!(refusal, convention(OwnershipError::NotPendingOwner));
    // The new owner passes the owner's check (and meets the set-once rule); the old one does not.
    let set = ExecuteMsg::SetTicketNft {
        address: dao.to_string(),
    };
    assert_eq!(
        chain.refused(&dao, set.clone()),
        ContractError::TicketNftAlreadySet
    );
    assert_eq!(
        chain.refused(&owner, set),
        convention(OwnershipError::NotOwner)
    );
}

#[test]
fn migration_goes_forward_only() {
    let mut chain = Chain::new();
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(attribute(&response, "to_version"), CONTRACT.version);
    for (name, version) in [(CONTRACT.name, "9.0.0"), ("crates.io:tipping", "0.1.0")] {
        let refused = chain
            .migrate_from(migrate, name, version, MigrateMsg {})
            .unwrap_err();
        assert!(
            matches!(
                refused,
                ContractError::Convention(ConventionError::CannotMigrate { .. })
            ),
            "{refused}"
        );
    }
}

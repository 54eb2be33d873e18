use ctc_conventions::ConventionError;
use ctc_interfaces::registry::Denial;

use super::*;
use crate::msg::{
    AddressesResponse, CapabilityResponse, PartnerResponse, PartnerStatus, SupervisionAction,
    SupervisionResponse, SupervisorResponse,
};

fn suspend(address: &Addr, n: u8) -> ExecuteMsg {
    ExecuteMsg::Suspend {
        address: address.to_string(),
        reason: format!("inspection {n}"),
        digest: digest(n),
    }
}

fn reinstate(address: &Addr, n: u8) -> ExecuteMsg {
    ExecuteMsg::Reinstate {
        address: address.to_string(),
        reason: format!("cleared {n}"),
        digest: digest(n),
    }
}

fn records(chain: &Chain, address: &Addr, start_after: Option<u32>) -> SupervisionResponse {
    chain.ask(QueryMsg::SupervisionRecords {
        address: address.to_string(),
        start_after,
        limit: Some(2),
    })
}

#[test]
fn regulator_suspends_and_reinstates_leaving_records() {
    let mut chain = Chain::new();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let response = chain.execute(&regulator, suspend(&theater, 1)).unwrap();
    assert_eq!(
        (
            response.attributes[0].key.as_str(),
            response.attributes[0].value.as_str()
        ),
        ("action", "suspend")
    );
    assert_eq!(response.attributes[1].value, theater.as_str());

    let partner: PartnerResponse = chain.ask(QueryMsg::Partner {
        address: theater.to_string(),
    });
    assert_eq!(
        partner.status,
        PartnerStatus::Suspended {
            reason: "inspection 1".into(),
            since: chain.env.block.time
        }
    );
    let answer: CapabilityResponse = chain.ask(QueryMsg::HasCapability {
        address: theater.to_string(),
        capability: Capability::IssueTickets,
    });
    assert_eq!(answer.reason, Some(Denial::Suspended));

    chain.advance(3_600);
    chain.execute(&regulator, reinstate(&theater, 2)).unwrap();
    let authority = chain.accounts.authority.clone();
    chain.execute(&authority, suspend(&theater, 3)).unwrap();

    let first_page = records(&chain, &theater, None).records;
    assert_eq!(first_page.len(), 2);
    assert_eq!(first_page[0].action, SupervisionAction::Suspended);
    assert_eq!(first_page[0].by, regulator);
    assert_eq!(first_page[0].digest, digest(1));
    assert_eq!(first_page[1].action, SupervisionAction::Reinstated);
    assert_eq!(first_page[1].reason, "cleared 2");
    assert_eq!(first_page[1].time, chain.env.block.time);
    let second_page = records(&chain, &theater, Some(first_page[1].id)).records;
    assert_eq!(second_page.len(), 1);
    assert_eq!(second_page[0].by, authority);
}

#[test]
fn supervision_refuses_wrong_states_and_changes_nothing() {
    let mut chain = Chain::new();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let err = chain.refused(&regulator, reinstate(&theater, 1));
    assert_eq!(
        err,
        ContractError::NotSuspended {
            address: theater.to_string()
        }
    );
    chain.execute(&regulator, suspend(&theater, 1)).unwrap();
    let err = chain.refused(&regulator, suspend(&theater, 2));
    assert_eq!(
        err,
        ContractError::PartnerSuspended {
            address: theater.to_string()
        }
    );
    let unknown = chain.addr("unknown");
    let err = chain.refused(&regulator, suspend(&unknown, 1));
    assert_eq!(
        err,
        ContractError::NotAPartner {
            address: unknown.to_string()
        }
    );
    let bad_digest = ExecuteMsg::Reinstate {
        address: theater.to_string(),
        reason: "ok".into(),
        digest: "not-a-digest".into(),
    };
    assert_eq!(
        chain.refused(&regulator, bad_digest),
        ContractError::InvalidDigest { field: "digest" }
    );
    let empty_reason = ExecuteMsg::Reinstate {
        address: theater.to_string(),
        reason: String::new(),
        digest: digest(4),
    };
    assert_eq!(
        chain.refused(&regulator, empty_reason),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "reason",
            max: 256
        })
    );
}

#[test]
fn regulators_cannot_revoke_and_strangers_cannot_supervise() {
    let mut chain = Chain::new();
    let regulator = chain.accounts.regulator.clone();
    let stranger = chain.accounts.stranger.clone();
    let theater = chain.accounts.theater.clone();
    let revoke = ExecuteMsg::Revoke {
        address: theater.to_string(),
        reason: "fraud".into(),
        digest: digest(9),
    };
    assert_eq!(
        chain.refused(&regulator, revoke.clone()),
        ContractError::NotAuthority
    );
    assert_eq!(
        chain.refused(&stranger, suspend(&theater, 1)),
        ContractError::NotSupervisor
    );
    // Being a partner gives no supervisory power.
    assert_eq!(
        chain.refused(&theater, suspend(&theater, 1)),
        ContractError::NotSupervisor
    );
    let appoint = ExecuteMsg::AppointRegulator {
        address: stranger.to_string(),
    };
    assert_eq!(
        chain.refused(&regulator, appoint),
        ContractError::NotAuthority
    );
}

#[test]
fn revocation_is_final() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    chain
        .execute(
            &authority,
            ExecuteMsg::Revoke {
                address: theater.to_string(),
                reason: "fraud".into(),
                digest: digest(9),
            },
        )
        .unwrap();
    let revoked = ContractError::PartnerRevoked {
        address: theater.to_string(),
    };
    assert_eq!(chain.refused(&regulator, reinstate(&theater, 1)), revoked);
    assert_eq!(chain.refused(&regulator, suspend(&theater, 1)), revoked);
    let err = chain.refused(
        &authority,
        admit_msg(&theater, PartnerKind::Theater, vec![]),
    );
    assert!(matches!(err, ContractError::AlreadyAdmitted { .. }));
    let answer: CapabilityResponse = chain.ask(QueryMsg::HasCapability {
        address: theater.to_string(),
        capability: Capability::IssueTickets,
    });
    assert_eq!(answer.reason, Some(Denial::Revoked));
}

#[test]
fn authority_appoints_and_removes_regulators() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let listed: AddressesResponse = chain.ask(QueryMsg::Regulators {
        start_after: None,
        limit: None,
    });
    assert_eq!(listed.addresses, vec![regulator.clone()]);
    let err = chain.refused(
        &authority,
        ExecuteMsg::AppointRegulator {
            address: regulator.to_string(),
        },
    );
    assert!(matches!(err, ContractError::AlreadyRegulator { .. }));

    chain
        .execute(
            &authority,
            ExecuteMsg::RemoveRegulator {
                address: regulator.to_string(),
            },
        )
        .unwrap();
    assert_eq!(
        chain.refused(&regulator, suspend(&theater, 1)),
        ContractError::NotSupervisor
    );
    let err = chain.refused(
        &authority,
        ExecuteMsg::RemoveRegulator {
            address: regulator.to_string(),
        },
    );
    assert!(matches!(err, ContractError::NotARegulator { .. }));
}

#[test]
fn a_regulator_that_is_a_partner_cannot_supervise_itself_or_act_while_suspended() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let theater = chain.accounts.theater.clone();
    let provider = chain.accounts.identity_provider.clone();
    chain
        .execute(
            &authority,
            ExecuteMsg::AppointRegulator {
                address: theater.to_string(),
            },
        )
        .unwrap();
    let lift_own_cap = ExecuteMsg::SetQuota {
        address: theater.to_string(),
        capability: Capability::IssueTickets,
        limit: None,
        reason: "mine".into(),
        digest: digest(5),
    };
    assert_eq!(
        chain.refused(&theater, lift_own_cap),
        ContractError::SelfSupervision
    );
    chain.execute(&theater, suspend(&provider, 1)).unwrap();
    chain.execute(&theater, reinstate(&provider, 2)).unwrap();

    chain.execute(&authority, suspend(&theater, 3)).unwrap();
    assert_eq!(
        chain.refused(&theater, reinstate(&theater, 4)),
        ContractError::PartnerSuspended {
            address: theater.to_string()
        }
    );
    assert_eq!(
        chain.refused(&theater, suspend(&provider, 5)),
        ContractError::PartnerSuspended {
            address: theater.to_string()
        }
    );
}

#[test]
fn updating_a_revoked_partner_and_reading_unknown_records_are_refused() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let theater = chain.accounts.theater.clone();
    chain
        .execute(
            &authority,
            ExecuteMsg::Revoke {
                address: theater.to_string(),
                reason: "closed".into(),
                digest: digest(9),
            },
        )
        .unwrap();
    let update = ExecuteMsg::UpdatePartner {
        address: theater.to_string(),
        name: Some("Reborn".into()),
        kind: None,
        capabilities: None,
        agreement_digest: None,
        metadata_uri: None,
    };
    assert!(matches!(
        chain.refused(&authority, update),
        ContractError::PartnerRevoked { .. }
    ));
    let unknown = chain.addr("unknown");
    let err = chain.ask_err(QueryMsg::SupervisionRecords {
        address: unknown.to_string(),
        start_after: None,
        limit: None,
    });
    assert!(matches!(err, ContractError::NotAPartner { .. }));
    let err = chain.ask_err(QueryMsg::SupervisionRecords {
        address: theater.to_string(),
        start_after: None,
        limit: Some(51),
    });
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::PageLimit(_))
    ));
}

#[test]
fn partner_status_says_who_is_admitted_and_active() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let alice = chain.accounts.alice.clone();
    let status = |chain: &Chain, who: &Addr| -> crate::msg::PartnerStatusResponse {
        chain.ask(QueryMsg::PartnerStatus {
            address: who.to_string(),
        })
    };
    let active = status(&chain, &theater);
    assert!(active.admitted && active.active);
    assert_eq!(active.kind, Some(PartnerKind::Theater));
    assert!(!status(&chain, &alice).admitted);
    let regulator = chain.accounts.regulator.clone();
    chain.execute(&regulator, suspend(&theater, 1)).unwrap();
    let suspended = status(&chain, &theater);
    assert!(suspended.admitted && !suspended.active);
}

fn supervisor(chain: &Chain, address: &str) -> SupervisorResponse {
    chain.ask(QueryMsg::Supervisor {
        address: address.to_owned(),
    })
}

/// `(authority, regulator)` as the `Supervisor` query answers them for `address`.
fn supervises(chain: &Chain, address: &Addr) -> (bool, bool) {
    let answer = supervisor(chain, address.as_str());
    (answer.authority, answer.regulator)
}

#[test]
fn the_supervisor_query_names_the_authority_and_acting_regulators() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let stranger = chain.accounts.stranger.clone();
    assert_eq!(supervises(&chain, &authority), (true, false));
    assert_eq!(supervises(&chain, &regulator), (false, true));
    assert!(supervisor(&chain, authority.as_str()).supervises());
    assert!(supervisor(&chain, regulator.as_str()).supervises());
    // Neither, and no error: a stranger, and a partner that was never appointed.
    assert_eq!(supervises(&chain, &stranger), (false, false));
    assert_eq!(supervises(&chain, &theater), (false, false));
    assert!(!supervisor(&chain, stranger.as_str()).supervises());

    chain
        .execute(
            &authority,
            ExecuteMsg::RemoveRegulator {
                address: regulator.to_string(),
            },
        )
        .unwrap();
    assert_eq!(supervises(&chain, &regulator), (false, false));

    // A regulator that is itself a suspended partner may not act in the registry, so it is not
    // named to other contracts either; reinstated, it is again.
    chain
        .execute(
            &authority,
            ExecuteMsg::AppointRegulator {
                address: theater.to_string(),
            },
        )
        .unwrap();
    assert_eq!(supervises(&chain, &theater), (false, true));
    chain.execute(&authority, suspend(&theater, 1)).unwrap();
    assert_eq!(supervises(&chain, &theater), (false, false));
    chain.execute(&authority, reinstate(&theater, 2)).unwrap();
    assert_eq!(supervises(&chain, &theater), (false, true));

    // The authority is the owner: once ownership passes, the old owner is no longer it.
    let successor = chain.addr("successor");
    let transfer = ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
        new_owner: successor.to_string(),
        expiry: None,
    });
    chain.execute(&authority, transfer).unwrap();
    // Pending, the successor is not the authority yet.
    assert_eq!(supervises(&chain, &successor), (false, false));
    chain
        .execute(
            &successor,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
        )
        .unwrap();
    assert_eq!(supervises(&chain, &successor), (true, false));
    assert_eq!(supervises(&chain, &authority), (false, false));

    // Other contracts ask in `RegistryQueryMsg`'s words: the same JSON reaches this query.
    let asked =
        cosmwasm_std::to_json_vec(&ctc_interfaces::registry::RegistryQueryMsg::Supervisor {
            address: successor.to_string(),
        })
        .unwrap();
    let answer: SupervisorResponse = from_json(
        query(
            chain.deps.as_ref(),
            chain.env.clone(),
            from_json(&asked).unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(answer.authority && !answer.regulator);

    let err = chain.ask_err(QueryMsg::Supervisor {
        address: "not an address".into(),
    });
    assert!(
        matches!(
            &err,
            ContractError::Convention(ConventionError::InvalidAddress { field, .. })
                if *field == "address"
        ),
        "{err:?}"
    );
}

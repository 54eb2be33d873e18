use ctc_conventions::ConventionError;
use ctc_interfaces::registry::Denial;

use super::*;
use crate::msg::{
    CapabilityResponse, PartnerResponse, PartnerStatus, PartnersResponse, QuotaResponse,
    StatusFilter,
};

fn has(chain: &Chain, address: &Addr, capability: Capability) -> CapabilityResponse {
    chain.ask(QueryMsg::HasCapability {
        address: address.to_string(),
        capability,
    })
}

#[test]
fn admitted_partner_is_recorded_with_its_capabilities_and_quota() {
    let chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let partner: PartnerResponse = chain.ask(QueryMsg::Partner {
        address: theater.to_string(),
    });
    assert_eq!(partner.address, theater);
    assert_eq!(partner.kind, PartnerKind::Theater);
    assert_eq!(
        partner.capabilities,
        vec![Capability::IssueTickets, Capability::LaunchCrowdfunds]
    );
    assert_eq!(partner.status, PartnerStatus::Active);
    assert_eq!(partner.agreement_digest, digest(0xaa));
    assert_eq!(partner.admitted_at, chain.env.block.time);
    let issue_quota: &QuotaResponse = &partner.quotas[0];
    assert_eq!(issue_quota.remaining, Some(100));
    assert_eq!(partner.quotas[1].limit, None, "crowdfunds are uncapped");

    assert_eq!(
        has(&chain, &theater, Capability::IssueTickets),
        CapabilityResponse {
            allowed: true,
            reason: None
        }
    );
    assert_eq!(
        has(&chain, &theater, Capability::CreatePools).reason,
        Some(Denial::NotGranted)
    );
    assert_eq!(
        has(&chain, &chain.accounts.alice, Capability::IssueTickets).reason,
        Some(Denial::NotAPartner)
    );
}

#[test]
fn capabilities_are_stored_sorted_without_duplicates() {
    let mut chain = Chain::new();
    let troupe = chain.addr("troupe");
    let authority = chain.accounts.authority.clone();
    let caps = vec![
        Capability::LaunchCrowdfunds,
        Capability::IssueTickets,
        Capability::LaunchCrowdfunds,
    ];
    chain
        .execute(&authority, admit_msg(&troupe, PartnerKind::Troupe, caps))
        .unwrap();
    let partner: PartnerResponse = chain.ask(QueryMsg::Partner {
        address: troupe.to_string(),
    });
    assert_eq!(
        partner.capabilities,
        vec![Capability::IssueTickets, Capability::LaunchCrowdfunds]
    );
}

#[test]
fn only_the_authority_admits() {
    let mut chain = Chain::new();
    let troupe = chain.addr("troupe");
    let msg = admit_msg(&troupe, PartnerKind::Troupe, vec![]);
    let regulator = chain.accounts.regulator.clone();
    assert_eq!(
        chain.refused(&regulator, msg.clone()),
        ContractError::NotAuthority
    );
    let theater = chain.accounts.theater.clone();
    assert_eq!(chain.refused(&theater, msg), ContractError::NotAuthority);
}

#[test]
fn refuses_bad_admissions_and_changes_nothing() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let troupe = chain.addr("troupe");
    let theater = chain.accounts.theater.clone();

    let err = chain.refused(
        &authority,
        admit_msg(&theater, PartnerKind::Theater, vec![]),
    );
    assert_eq!(
        err,
        ContractError::AlreadyAdmitted {
            address: theater.to_string()
        }
    );

    let admit =
        |address: &str, name: &str, agreement: &str, quotas: Vec<QuotaLimit>| ExecuteMsg::Admit {
            address: address.to_owned(),
            name: name.to_owned(),
            kind: PartnerKind::Troupe,
            capabilities: vec![Capability::IssueTickets],
            agreement_digest: agreement.to_owned(),
            metadata_uri: None,
            quotas,
        };
    let (address, name, agreement_digest, quotas) = (
        troupe.to_string(),
        "Troupe".to_owned(),
        digest(0xaa),
        vec![],
    );
    let err = chain.refused(&authority, admit(&address, &name, "abc", quotas.clone()));
    assert_eq!(
        err,
        ContractError::InvalidDigest {
            field: "agreement_digest"
        }
    );
    let long_name = "x".repeat(65);
    let err = chain.refused(
        &authority,
        admit(&address, &long_name, &agreement_digest, quotas.clone()),
    );
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::InvalidLength {
            field: "name",
            max: 64
        })
    );
    let err = chain.refused(
        &authority,
        admit("Troupe", &name, &agreement_digest, quotas.clone()),
    );
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "address",
            ..
        })
    ));
    let pools_quota = QuotaLimit {
        capability: Capability::CreatePools,
        limit: QuotaWindow {
            units_per_window: 1,
            window_seconds: 60,
        },
    };
    let err = chain.refused(
        &authority,
        admit(&address, &name, &agreement_digest, vec![pools_quota]),
    );
    assert_eq!(
        err,
        ContractError::QuotaForUngrantedCapability {
            capability: Capability::CreatePools
        }
    );
    let empty_window = QuotaLimit {
        capability: Capability::IssueTickets,
        limit: QuotaWindow {
            units_per_window: 10,
            window_seconds: 0,
        },
    };
    let err = chain.refused(
        &authority,
        admit(&address, &name, &agreement_digest, vec![empty_window]),
    );
    assert_eq!(err, ContractError::InvalidQuota);
}

#[test]
fn authority_updates_a_partner_profile() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let theater = chain.accounts.theater.clone();
    chain
        .execute(
            &authority,
            ExecuteMsg::UpdatePartner {
                address: theater.to_string(),
                name: Some("Grand Theater".into()),
                kind: None,
                capabilities: Some(vec![Capability::IssueTickets]),
                agreement_digest: Some(digest(0xbb)),
                metadata_uri: None,
            },
        )
        .unwrap();
    let partner: PartnerResponse = chain.ask(QueryMsg::Partner {
        address: theater.to_string(),
    });
    assert_eq!(partner.name, "Grand Theater");
    assert_eq!(partner.capabilities, vec![Capability::IssueTickets]);
    assert_eq!(partner.agreement_digest, digest(0xbb));
    assert_eq!(partner.metadata_uri.as_deref(), Some("ipfs://agreement"));

    let regulator = chain.accounts.regulator.clone();
    let update = ExecuteMsg::UpdatePartner {
        address: theater.to_string(),
        name: Some("Renamed".into()),
        kind: None,
        capabilities: None,
        agreement_digest: None,
        metadata_uri: None,
    };
    assert_eq!(
        chain.refused(&regulator, update),
        ContractError::NotAuthority
    );
    let unknown = chain.addr("unknown");
    let err = chain.refused(
        &authority,
        ExecuteMsg::UpdatePartner {
            address: unknown.to_string(),
            name: None,
            kind: None,
            capabilities: None,
            agreement_digest: None,
            metadata_uri: None,
        },
    );
    assert_eq!(
        err,
        ContractError::NotAPartner {
            address: unknown.to_string()
        }
    );
}

#[test]
fn partners_are_listed_with_filters_and_pages() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    for i in 0..4 {
        let troupe = chain.addr(&format!("troupe{i}"));
        chain
            .execute(
                &authority,
                admit_msg(
                    &troupe,
                    PartnerKind::Troupe,
                    vec![Capability::LaunchCrowdfunds],
                ),
            )
            .unwrap();
    }
    let list = |chain: &Chain,
                kind: Option<PartnerKind>,
                capability: Option<Capability>,
                status: Option<StatusFilter>,
                start_after: Option<String>,
                limit: Option<u32>| {
        chain
            .ask::<PartnersResponse>(QueryMsg::Partners {
                kind,
                capability,
                status,
                start_after,
                limit,
            })
            .partners
    };
    assert_eq!(list(&chain, None, None, None, None, None).len(), 6);
    assert_eq!(
        list(&chain, Some(PartnerKind::Troupe), None, None, None, None).len(),
        4
    );
    let crowdfunders = list(
        &chain,
        None,
        Some(Capability::LaunchCrowdfunds),
        None,
        None,
        None,
    );
    assert_eq!(crowdfunders.len(), 5, "four troupes and the theater");

    let first = list(&chain, Some(PartnerKind::Troupe), None, None, None, Some(3));
    assert_eq!(first.len(), 3);
    let rest = list(
        &chain,
        Some(PartnerKind::Troupe),
        None,
        None,
        Some(first[2].address.to_string()),
        Some(3),
    );
    assert_eq!(rest.len(), 1);
    assert!(first.iter().all(|p| p.address != rest[0].address));

    let regulator = chain.accounts.regulator.clone();
    let suspended = first[0].address.to_string();
    chain
        .execute(
            &regulator,
            ExecuteMsg::Suspend {
                address: suspended.clone(),
                reason: "unpaid fees".into(),
                digest: digest(1),
            },
        )
        .unwrap();
    let listed = list(
        &chain,
        None,
        None,
        Some(StatusFilter::Suspended),
        None,
        None,
    );
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].address.as_str(), suspended);
    assert_eq!(
        list(
            &chain,
            Some(PartnerKind::Troupe),
            None,
            Some(StatusFilter::Active),
            None,
            None
        )
        .len(),
        3
    );

    let err = chain.ask_err(QueryMsg::Partners {
        kind: None,
        capability: None,
        status: None,
        start_after: None,
        limit: Some(51),
    });
    assert_eq!(err.to_string(), "page limit 51 is above the maximum of 50");
}

#[test]
fn a_rare_filter_reads_a_bounded_page_and_says_where_to_go_on() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    for i in 0..210 {
        let merchant = chain.addr(&format!("merchant{i}"));
        chain
            .execute(
                &authority,
                admit_msg(&merchant, PartnerKind::Merchant, vec![]),
            )
            .unwrap();
    }
    let page = |start_after: Option<String>| -> PartnersResponse {
        chain.ask(QueryMsg::Partners {
            kind: None,
            capability: None,
            status: Some(StatusFilter::Revoked),
            start_after,
            limit: None,
        })
    };
    let first = page(None);
    assert!(first.partners.is_empty());
    let cursor = first.next_start_after.expect("212 partners, 200 read");
    let second = page(Some(cursor.to_string()));
    assert!(second.partners.is_empty());
    assert_eq!(second.next_start_after, None, "the other 12 end the walk");
}

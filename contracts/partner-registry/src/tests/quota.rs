use proptest::prelude::*;

use super::*;
use crate::msg::{
    PlatformContractsResponse, QuotaResponse, SupervisionAction, SupervisionResponse,
};

fn consume(chain: &Chain, units: u64) -> ExecuteMsg {
    ExecuteMsg::ConsumeQuota {
        partner: chain.accounts.theater.to_string(),
        capability: Capability::IssueTickets,
        units,
    }
}

fn quota(chain: &Chain) -> QuotaResponse {
    chain.ask(QueryMsg::Quota {
        partner: chain.accounts.theater.to_string(),
        capability: Capability::IssueTickets,
    })
}

#[test]
fn platform_contract_consumes_within_the_window() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let response = chain.execute(&platform, consume(&chain, 60)).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "remaining" && a.value == "40"));
    chain.execute(&platform, consume(&chain, 40)).unwrap();
    let q = quota(&chain);
    assert_eq!((q.used, q.remaining), (100, Some(0)));

    let err = chain.refused(&platform, consume(&chain, 1));
    assert_eq!(
        err,
        ContractError::QuotaExceeded {
            capability: Capability::IssueTickets,
            remaining: 0,
            requested: 1
        }
    );
}

#[test]
fn the_window_rolls_over_at_its_boundary() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    chain.execute(&platform, consume(&chain, 100)).unwrap();
    let ends_at = quota(&chain).window_ends_at.unwrap();
    // 1,000,000 s lies in day 11 (950,400 .. 1,036,800).
    assert_eq!(ends_at.seconds(), 1_036_800);

    let until_the_last_second = ends_at.seconds() - chain.env.block.time.seconds() - 1;
    chain.advance(until_the_last_second);
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::QuotaExceeded { remaining: 0, .. }
    ));
    chain.advance(1);
    assert_eq!(quota(&chain).remaining, Some(100));
    chain.execute(&platform, consume(&chain, 100)).unwrap();
    assert_eq!(quota(&chain).used, 100);
}

#[test]
fn only_platform_contracts_consume_and_only_for_active_capable_partners() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let platform = chain.accounts.platform.clone();
    assert_eq!(
        chain.refused(&theater, consume(&chain, 1)),
        ContractError::NotPlatformContract
    );
    assert_eq!(
        chain.refused(&platform, consume(&chain, 0)),
        ContractError::ZeroUnits
    );
    let pools = ExecuteMsg::ConsumeQuota {
        partner: theater.to_string(),
        capability: Capability::CreatePools,
        units: 1,
    };
    assert!(matches!(
        chain.refused(&platform, pools),
        ContractError::CapabilityNotGranted { .. }
    ));
    let regulator = chain.accounts.regulator.clone();
    chain
        .execute(
            &regulator,
            ExecuteMsg::Suspend {
                address: theater.to_string(),
                reason: "audit".into(),
                digest: digest(1),
            },
        )
        .unwrap();
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::PartnerSuspended { .. }
    ));

    let authority = chain.accounts.authority.clone();
    chain
        .execute(
            &authority,
            ExecuteMsg::RemovePlatformContract {
                address: platform.to_string(),
            },
        )
        .unwrap();
    let listed: PlatformContractsResponse = chain.ask(QueryMsg::PlatformContracts {
        start_after: None,
        limit: None,
    });
    assert!(listed.contracts.is_empty());
    assert_eq!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::NotPlatformContract
    );
    let register = ExecuteMsg::RegisterPlatformContract {
        name: "crowdfund".into(),
        address: platform.to_string(),
    };
    assert_eq!(
        chain.refused(&regulator, register),
        ContractError::NotAuthority
    );
}

#[test]
fn an_uncapped_capability_is_unlimited() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let msg = ExecuteMsg::ConsumeQuota {
        partner: chain.accounts.theater.to_string(),
        capability: Capability::LaunchCrowdfunds,
        units: u64::MAX,
    };
    let response = chain.execute(&platform, msg).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "remaining" && a.value == "unlimited"));
}

#[test]
fn regulator_changes_a_cap_keeping_usage_and_leaving_a_record() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    chain.execute(&platform, consume(&chain, 30)).unwrap();
    let set = |units: u64| ExecuteMsg::SetQuota {
        address: theater.to_string(),
        capability: Capability::IssueTickets,
        limit: Some(QuotaWindow {
            units_per_window: units,
            window_seconds: 86_400,
        }),
        reason: "festival week".into(),
        digest: digest(7),
    };
    chain.execute(&regulator, set(50)).unwrap();
    assert_eq!(quota(&chain).remaining, Some(20));
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 21)),
        ContractError::QuotaExceeded {
            remaining: 20,
            requested: 21,
            ..
        }
    ));

    chain.execute(&regulator, set(500)).unwrap();
    assert_eq!(quota(&chain).remaining, Some(470));

    let records: SupervisionResponse = chain.ask(QueryMsg::SupervisionRecords {
        address: theater.to_string(),
        start_after: None,
        limit: None,
    });
    assert_eq!(records.records.len(), 2);
    assert!(matches!(
        records.records[0].action,
        SupervisionAction::QuotaChanged {
            capability: Capability::IssueTickets,
            limit: Some(QuotaWindow {
                units_per_window: 50,
                ..
            })
        }
    ));
    assert_eq!(records.records[1].by, regulator);
    let stranger = chain.accounts.stranger.clone();
    assert_eq!(
        chain.refused(&stranger, set(10)),
        ContractError::NotSupervisor
    );
}

#[test]
fn refuses_unknown_revoked_and_ungranted_targets() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let unknown = chain.addr("unknown");
    let for_unknown = ExecuteMsg::ConsumeQuota {
        partner: unknown.to_string(),
        capability: Capability::IssueTickets,
        units: 1,
    };
    assert!(matches!(
        chain.refused(&platform, for_unknown),
        ContractError::NotAPartner { .. }
    ));
    let pools_cap = ExecuteMsg::SetQuota {
        address: theater.to_string(),
        capability: Capability::CreatePools,
        limit: Some(QuotaWindow {
            units_per_window: 1,
            window_seconds: 60,
        }),
        reason: "no".into(),
        digest: digest(1),
    };
    assert_eq!(
        chain.refused(&regulator, pools_cap),
        ContractError::QuotaForUngrantedCapability {
            capability: Capability::CreatePools
        }
    );
    let err = chain.ask_err(QueryMsg::Quota {
        partner: unknown.to_string(),
        capability: Capability::IssueTickets,
    });
    assert!(matches!(err, ContractError::NotAPartner { .. }));
    let err = chain.ask_err(QueryMsg::Quota {
        partner: theater.to_string(),
        capability: Capability::CreatePools,
    });
    assert!(matches!(err, ContractError::CapabilityNotGranted { .. }));

    chain
        .execute(
            &authority,
            ExecuteMsg::Revoke {
                address: theater.to_string(),
                reason: "closed".into(),
                digest: digest(2),
            },
        )
        .unwrap();
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::PartnerRevoked { .. }
    ));
}

fn lift(chain: &Chain) -> ExecuteMsg {
    ExecuteMsg::SetQuota {
        address: chain.accounts.theater.to_string(),
        capability: Capability::IssueTickets,
        limit: None,
        reason: "festival week".into(),
        digest: digest(8),
    }
}

#[test]
fn a_regulator_cannot_lift_a_cap() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let regulator = chain.accounts.regulator.clone();
    let authority = chain.accounts.authority.clone();
    let theater = chain.accounts.theater.clone();
    chain.execute(&platform, consume(&chain, 100)).unwrap();

    assert_eq!(
        chain.refused(&regulator, lift(&chain)),
        ContractError::OnlyAuthorityLiftsQuota {
            capability: Capability::IssueTickets
        }
    );
    let q = quota(&chain);
    assert_eq!(
        (q.limit.map(|l| l.units_per_window), q.remaining),
        (Some(100), Some(0))
    );
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::QuotaExceeded { remaining: 0, .. }
    ));

    // The authority may lift it, and that leaves a record like any act of supervision.
    chain.execute(&authority, lift(&chain)).unwrap();
    assert_eq!(quota(&chain).limit, None);
    chain.execute(&platform, consume(&chain, 1_000)).unwrap();
    let records: SupervisionResponse = chain.ask(QueryMsg::SupervisionRecords {
        address: theater.to_string(),
        start_after: None,
        limit: None,
    });
    assert_eq!(records.records.len(), 1);
    let record = &records.records[0];
    assert_eq!(record.by, authority);
    assert_eq!(record.reason, "festival week");
    assert_eq!(
        record.action,
        SupervisionAction::QuotaChanged {
            capability: Capability::IssueTickets,
            limit: None
        }
    );
}

#[test]
fn a_capability_granted_again_comes_back_capped() {
    let mut chain = Chain::new();
    let platform = chain.accounts.platform.clone();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    chain.execute(&platform, consume(&chain, 60)).unwrap();
    let grant = |capabilities: Vec<Capability>| ExecuteMsg::UpdatePartner {
        address: theater.to_string(),
        name: None,
        kind: None,
        capabilities: Some(capabilities),
        agreement_digest: None,
        metadata_uri: None,
    };
    // Only the authority changes capabilities; a regulator cannot drop and regrant one.
    assert_eq!(
        chain.refused(&regulator, grant(vec![Capability::LaunchCrowdfunds])),
        ContractError::NotAuthority
    );
    chain
        .execute(&authority, grant(vec![Capability::LaunchCrowdfunds]))
        .unwrap();
    assert!(matches!(
        chain.refused(&platform, consume(&chain, 1)),
        ContractError::CapabilityNotGranted { .. }
    ));
    chain
        .execute(&authority, grant(vec![Capability::IssueTickets]))
        .unwrap();

    let q = quota(&chain);
    assert_eq!(
        q.limit,
        Some(QuotaWindow {
            units_per_window: 100,
            window_seconds: 86_400
        }),
        "granted again with its old cap"
    );
    assert_eq!((q.used, q.remaining), (60, Some(40)));
    assert_eq!(
        chain.refused(&platform, consume(&chain, 500)),
        ContractError::QuotaExceeded {
            capability: Capability::IssueTickets,
            remaining: 40,
            requested: 500
        }
    );
    chain.execute(&platform, consume(&chain, 40)).unwrap();
}

#[test]
fn refuses_two_quotas_for_one_capability() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let troupe = chain.addr("troupe");
    let limit = |units| QuotaLimit {
        capability: Capability::IssueTickets,
        limit: QuotaWindow {
            units_per_window: units,
            window_seconds: 60,
        },
    };
    let msg = super::admit_with_quotas(
        &troupe,
        PartnerKind::Troupe,
        vec![Capability::IssueTickets],
        vec![limit(1), limit(1_000)],
    );
    assert_eq!(
        chain.refused(&authority, msg),
        ContractError::DuplicateQuota {
            capability: Capability::IssueTickets
        }
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the sequence of consumptions and clock moves, usage inside one window never
    /// passes the cap, and each call succeeds exactly when the model says it fits.
    #[test]
    fn usage_never_passes_the_cap(
        steps in prop::collection::vec((0u64..40, 0u64..30_000), 1..60)
    ) {
        let mut chain = Chain::new();
        let platform = chain.accounts.platform.clone();
        let (cap, window_seconds) = (100u64, 86_400u64);
        let mut model_window = chain.env.block.time.seconds() / window_seconds;
        let mut model_used = 0u64;
        for (units, wait) in steps {
            chain.advance(wait);
            let window = chain.env.block.time.seconds() / window_seconds;
            if window != model_window {
                model_window = window;
                model_used = 0;
            }
            let fits = units > 0 && model_used + units <= cap;
            let result = chain.execute(&platform, consume(&chain, units));
            prop_assert_eq!(result.is_ok(), fits);
            if fits {
                model_used += units;
            }
            let q = quota(&chain);
            prop_assert_eq!(q.used, model_used);
            prop_assert!(q.used <= cap);
            prop_assert_eq!(q.remaining, Some(cap - model_used));
        }
    }
}

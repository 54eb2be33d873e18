//! The partner registry on a simulated chain, reached by a platform contract through the
//! interface package: capability checks, quota draws, identity levels, evidence and migration.

use cosmwasm_std::Addr;
use ctc_interfaces::registry::{
    Capability, CapabilityResponse, Denial, IdentityLevel, IdentityLevelResponse, PartnerKind,
};
use cw_multi_test::{App, AppResponse, Executor};
use partner_registry::msg::{
    ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, QuotaResponse, VerifyResponse,
};

use crate::contracts;
use crate::platform::{admit, digest, quota};
use crate::platform_probe;

struct Suite {
    app: App,
    registry: Addr,
    probe: Addr,
    authority: Addr,
    regulator: Addr,
    theater: Addr,
    provider: Addr,
    alice: Addr,
}

impl Suite {
    /// A registry with a regulator, the probe registered as a platform contract, a theater allowed
    /// 10 ticket units an hour and an identity provider.
    fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let [authority, regulator, theater, provider, alice] =
            ["authority", "regulator", "theater", "provider", "alice"].map(|n| api.addr_make(n));
        let registry_code = app.store_code(contracts::partner_registry());
        let registry = app
            .instantiate_contract(
                registry_code,
                authority.clone(),
                &InstantiateMsg {
                    authority: None,
                    open_anchoring: false,
                },
                &[],
                "registry",
                Some(authority.to_string()),
            )
            .unwrap();
        let probe_code = app.store_code(platform_probe::contract());
        let probe = app
            .instantiate_contract(
                probe_code,
                authority.clone(),
                &platform_probe::InstantiateMsg {
                    registry: registry.to_string(),
                },
                &[],
                "ticket-nft stand-in",
                None,
            )
            .unwrap();
        let mut suite = Self {
            app,
            registry,
            probe,
            authority: authority.clone(),
            regulator: regulator.clone(),
            theater: theater.clone(),
            provider: provider.clone(),
            alice,
        };
        let setup = [
            ExecuteMsg::AppointRegulator {
                address: regulator.to_string(),
            },
            ExecuteMsg::RegisterPlatformContract {
                name: "ticket-nft".into(),
                address: suite.probe.to_string(),
            },
            admit(
                &theater,
                "Grand Theater",
                PartnerKind::Theater,
                Capability::IssueTickets,
                0xaa,
                vec![quota(Capability::IssueTickets, 10, 3_600)],
            ),
            admit(
                &provider,
                "Civil ID",
                PartnerKind::IdentityProvider,
                Capability::AttestIdentity,
                0xab,
                vec![],
            ),
        ];
        for msg in setup {
            suite.registry_exec(&authority, &msg).unwrap();
        }
        suite
    }

    fn registry_exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.registry.clone(), msg, &[])
    }

    fn issue(&mut self, units: u64) -> anyhow::Result<AppResponse> {
        let msg = platform_probe::ExecuteMsg::Issue {
            partner: self.theater.to_string(),
            units,
        };
        self.app
            .execute_contract(self.theater.clone(), self.probe.clone(), &msg, &[])
    }

    fn can_issue(&self) -> CapabilityResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                &self.probe,
                &platform_probe::QueryMsg::CanIssue {
                    partner: self.theater.to_string(),
                },
            )
            .unwrap()
    }

    fn remaining(&self) -> Option<u64> {
        let quota: QuotaResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.registry,
                &QueryMsg::Quota {
                    partner: self.theater.to_string(),
                    capability: Capability::IssueTickets,
                },
            )
            .unwrap();
        quota.remaining
    }
}

#[test]
fn a_platform_contract_checks_and_draws_quota_through_the_interface() {
    let mut suite = Suite::new();
    assert!(suite.can_issue().allowed);
    suite.issue(7).unwrap();
    assert_eq!(suite.remaining(), Some(3));
    let err = suite.issue(4).unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "quota for issue_tickets exceeded: 3 left in this window, 4 requested"
    );
    assert_eq!(
        suite.remaining(),
        Some(3),
        "a refused draw consumes nothing"
    );

    suite.app.update_block(|block| {
        block.time = block.time.plus_seconds(3_600);
        block.height += 720;
    });
    assert_eq!(suite.remaining(), Some(10));
    suite.issue(10).unwrap();
}

#[test]
fn a_suspended_partner_stops_issuing_until_reinstated() {
    let mut suite = Suite::new();
    let regulator = suite.regulator.clone();
    let theater = suite.theater.to_string();
    suite
        .registry_exec(
            &regulator,
            &ExecuteMsg::Suspend {
                address: theater.clone(),
                reason: "ticket fraud complaint".into(),
                digest: digest(1),
            },
        )
        .unwrap();
    assert_eq!(
        suite.can_issue(),
        CapabilityResponse {
            allowed: false,
            reason: Some(Denial::Suspended)
        }
    );
    let err = suite.issue(1).unwrap_err();
    assert!(
        err.root_cause().to_string().contains("is suspended"),
        "{err}"
    );

    suite
        .registry_exec(
            &regulator,
            &ExecuteMsg::Reinstate {
                address: theater,
                reason: "complaint dismissed".into(),
                digest: digest(2),
            },
        )
        .unwrap();
    assert!(suite.can_issue().allowed);
    suite.issue(1).unwrap();
}

#[test]
fn only_registered_platform_contracts_draw_quota() {
    let mut suite = Suite::new();
    let authority = suite.authority.clone();
    let probe = suite.probe.to_string();
    suite
        .registry_exec(
            &authority,
            &ExecuteMsg::RemovePlatformContract { address: probe },
        )
        .unwrap();
    let err = suite.issue(1).unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "only a registered platform contract may consume quota"
    );
    // Nor may the partner draw on itself directly.
    let theater = suite.theater.clone();
    let direct = ExecuteMsg::ConsumeQuota {
        partner: theater.to_string(),
        capability: Capability::IssueTickets,
        units: 1,
    };
    let err = suite.registry_exec(&theater, &direct).unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "only a registered platform contract may consume quota"
    );
    assert_eq!(suite.remaining(), Some(10));
}

#[test]
fn identity_levels_reach_platform_contracts_and_expire_with_block_time() {
    let mut suite = Suite::new();
    let provider = suite.provider.clone();
    let alice = suite.alice.clone();
    let expires_at = suite.app.block_info().time.plus_seconds(600);
    suite
        .registry_exec(
            &provider,
            &ExecuteMsg::Attest {
                user: alice.to_string(),
                level: IdentityLevel::RealName,
                digest: digest(0x77),
                expires_at: Some(expires_at),
                subject: None,
            },
        )
        .unwrap();
    let level = |suite: &Suite| -> IdentityLevelResponse {
        suite
            .app
            .wrap()
            .query_wasm_smart(
                &suite.probe,
                &platform_probe::QueryMsg::BuyerLevel {
                    buyer: alice.to_string(),
                },
            )
            .unwrap()
    };
    let answer = level(&suite);
    assert_eq!(answer.level, Some(IdentityLevel::RealName));
    assert_eq!(answer.attester, Some(provider));

    suite
        .app
        .update_block(|block| block.time = block.time.plus_seconds(600));
    assert_eq!(level(&suite).level, None);
}

#[test]
fn evidence_anchored_by_a_partner_verifies_and_the_registry_migrates() {
    let mut suite = Suite::new();
    let theater = suite.theater.clone();
    suite
        .registry_exec(
            &theater,
            &ExecuteMsg::Anchor {
                namespace: "tickets".into(),
                key: "hamlet-batch-1".into(),
                digest: digest(0x42),
                note: None,
            },
        )
        .unwrap();
    let verify = |suite: &Suite| -> VerifyResponse {
        suite
            .app
            .wrap()
            .query_wasm_smart(
                &suite.registry,
                &QueryMsg::Verify {
                    anchorer: suite.theater.to_string(),
                    namespace: "tickets".into(),
                    key: "hamlet-batch-1".into(),
                    digest: digest(0x42),
                },
            )
            .unwrap()
    };
    let record = verify(&suite).record.unwrap();
    assert_eq!(record.anchorer, theater);
    assert_eq!(record.height, suite.app.block_info().height);

    contracts::migrate_by_admin_only(
        &mut suite.app,
        contracts::partner_registry(),
        &suite.registry,
        &suite.authority,
        &theater,
        &MigrateMsg {},
    );
    assert!(
        verify(&suite).record.is_some(),
        "evidence survives migration"
    );
}

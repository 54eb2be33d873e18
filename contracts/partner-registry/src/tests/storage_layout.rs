//! The raw keys the registry stores under. A renamed namespace or a changed key encoding (a
//! capability's quota byte above all) would strand what a deployed registry holds, so every key
//! shape is pinned here, one entry per `Item` and `Map` of `state.rs`.

use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{to_json_vec, Empty, HexBinary, Storage};
use ctc_testkit::stored_keys_naming;

use super::*;
use crate::msg::{
    AttestationsResponse, IdentityLevel, IdentityLevelResponse, PartnerStatus, PartyConfirmation,
    SupervisionAction, SupervisionRecord,
};
use crate::state::{
    capability_key, Anchor, Attestation, ChainHead, Partner, Proposal, Quota, ATTESTATIONS, CHAINS,
    CHAIN_DIGESTS, CHAIN_RECORDS, MIRRORS, NEXT_CHAIN_ID, PARTNERS, PLATFORM_CONTRACTS, PROPOSALS,
    QUOTAS, REGULATORS, SUPERVISION,
};

/// Every capability, so each one's quota key is pinned. The match makes a new capability a
/// compile error here until it is listed, and its key then fails the test until it is pinned.
fn every_capability() -> [Capability; 6] {
    let all = [
        Capability::IssueTickets,
        Capability::LaunchCrowdfunds,
        Capability::ReportOutcomes,
        Capability::AttestIdentity,
        Capability::CreatePools,
        Capability::IssueVouchers,
    ];
    for capability in all {
        match capability {
            Capability::IssueTickets
            | Capability::LaunchCrowdfunds
            | Capability::ReportOutcomes
            | Capability::AttestIdentity
            | Capability::CreatePools
            | Capability::IssueVouchers => {}
        }
    }
    all
}

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut deps = mock_dependencies();
    let env = mock_env();
    let (a, b) = (deps.api.addr_make("a"), deps.api.addr_make("b"));
    // Each capability's quota under a partner named after it, so a key says whose byte it holds.
    let quota_holders =
        every_capability().map(|capability| (capability, deps.api.addr_make(capability.as_str())));
    // Config, ownership and the cw2 identity.
    let authority = deps.api.addr_make("authority");
    instantiate(
        deps.as_mut(),
        env.clone(),
        message_info(&authority, &[]),
        InstantiateMsg {
            authority: None,
            open_anchoring: false,
        },
    )
    .unwrap();
    let storage = &mut deps.storage;
    let now = env.block.time;
    PARTNERS
        .save(
            storage,
            &a,
            &Partner {
                name: "n".into(),
                kind: PartnerKind::Theater,
                capabilities: every_capability().to_vec(),
                status: PartnerStatus::Active,
                agreement_digest: digest(1),
                metadata_uri: None,
                admitted_at: now,
                supervision_records: 1,
            },
        )
        .unwrap();
    for (capability, partner) in &quota_holders {
        let quota = Quota {
            limit: QuotaWindow {
                units_per_window: 1,
                window_seconds: 1,
            },
            window: 0,
            used: 0,
        };
        QUOTAS
            .save(storage, (partner, capability_key(*capability)), &quota)
            .unwrap();
    }
    let record = SupervisionRecord {
        id: 1,
        action: SupervisionAction::Suspended,
        by: b.clone(),
        reason: "r".into(),
        digest: digest(2),
        time: now,
        height: 1,
    };
    SUPERVISION.save(storage, (&a, 1), &record).unwrap();
    REGULATORS.save(storage, &a, &Empty {}).unwrap();
    MIRRORS.save(storage, &a, &Empty {}).unwrap();
    PLATFORM_CONTRACTS.save(storage, &a, &"n".into()).unwrap();
    let attestation = Attestation {
        level: IdentityLevel::Phone,
        digest: digest(3),
        attested_at: now,
        expires_at: None,
        subject: Some(HexBinary::from(vec![0xc3; 32])),
    };
    ATTESTATIONS.save(storage, (&a, &b), &attestation).unwrap();
    let head = ChainHead {
        id: 1,
        sequence: 2,
        digest: digest(4),
    };
    CHAINS.save(storage, (&a, "ns", "k"), &head).unwrap();
    NEXT_CHAIN_ID.save(storage, &2).unwrap();
    let anchor = Anchor {
        digest: digest(4),
        previous_digest: None,
        time: now,
        height: 1,
        note: None,
    };
    CHAIN_RECORDS.save(storage, (1, 2), &anchor).unwrap();
    CHAIN_DIGESTS.save(storage, (1, &[0xd4, 0x1d]), &2).unwrap();
    let proposal = Proposal {
        digest: digest(5),
        parties: vec![PartyConfirmation {
            party: b.clone(),
            confirmed_at: None,
        }],
        proposed_at: now,
        completed_at: None,
    };
    PROPOSALS.save(storage, (&a, "id"), &proposal).unwrap();

    // cw-storage-plus: an `Item` is its namespace; a `Map` key is the namespace and each part of
    // the key but the last behind a two-byte length. Numbers are big-endian; a capability is its
    // pinned byte. `<a>` is the address of `a`, 67 bytes long: `\x00C` in front of it.
    let pinned = [
        r"\x00\x06chains\x00C<a>\x00\x02nsk",
        r"\x00\x06quotas\x00C<create_pools>\x04",
        r"\x00\x06quotas\x00C<launch_crowdfunds>\x01",
        r"\x00\x06quotas\x00C<issue_tickets>\x00",
        r"\x00\x06quotas\x00C<issue_vouchers>\x05",
        r"\x00\x06quotas\x00C<report_outcomes>\x02",
        r"\x00\x06quotas\x00C<attest_identity>\x03",
        r"\x00\x07mirrors<a>",
        r"\x00\x08partners<a>",
        r"\x00\x08platform<a>",
        r"\x00\x0aregulators<a>",
        r"\x00\x0bsupervision\x00C<a>\x00\x00\x00\x01",
        r"\x00\x0cattestations\x00C<a><b>",
        r"\x00\x0dchain_digests\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\xd4\x1d",
        r"\x00\x0dchain_records\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02",
        r"\x00\x0dconfirmations\x00C<a>id",
        "config",
        "contract_info",
        "next_chain_id",
        "ownership",
    ];
    let mut names = vec![("a", &a), ("b", &b)];
    names.extend(
        quota_holders
            .iter()
            .map(|(capability, holder)| (capability.as_str(), holder)),
    );
    assert_eq!(stored_keys_naming(&deps.storage, &names), pinned);
}

/// An attestation exactly as the version before subjects stored it.
fn stored_before_subjects(attested_at: Timestamp) -> String {
    format!(
        r#"{{"level":"real_name","digest":"{}","attested_at":"{}","expires_at":null}}"#,
        digest(3),
        attested_at.nanos()
    )
}

#[test]
fn attestations_stored_before_subjects_load_and_are_answered_without_one() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let attested_at = chain.env.block.time;
    let old = stored_before_subjects(attested_at);
    let key = ATTESTATIONS.key((&alice, &registrar));
    chain.deps.storage.set(&key, old.as_bytes());

    let loaded = ATTESTATIONS
        .load(&chain.deps.storage, (&alice, &registrar))
        .unwrap();
    let expected = Attestation {
        level: IdentityLevel::RealName,
        digest: digest(3),
        attested_at,
        expires_at: None,
        subject: None,
    };
    assert_eq!(loaded, expected);
    // Written again without a subject it is the same bytes: the previous version, after a
    // rollback, still reads what this one stores.
    assert_eq!(to_json_vec(&loaded).unwrap(), old.as_bytes());

    let answer: IdentityLevelResponse = chain.ask(QueryMsg::IdentityLevel {
        address: alice.to_string(),
        accepted_attesters: None,
    });
    assert_eq!(answer.level, Some(IdentityLevel::RealName));
    assert_eq!(answer.attester, Some(registrar.clone()));
    assert_eq!(answer.subject, None);
    let listed: AttestationsResponse = chain.ask(QueryMsg::Attestations {
        address: alice.to_string(),
    });
    assert_eq!(listed.attestations.len(), 1);
    assert!(listed.attestations[0].counts);
    assert_eq!(listed.attestations[0].subject, None);
    // It can still be withdrawn.
    chain
        .execute(
            &registrar,
            ExecuteMsg::RevokeAttestation {
                user: alice.to_string(),
            },
        )
        .unwrap();
    assert!(!ATTESTATIONS.has(&chain.deps.storage, (&alice, &registrar)));
}

#[test]
fn a_subject_is_stored_as_one_more_field() {
    let subject = HexBinary::from(vec![0xc3; 32]);
    let attestation = Attestation {
        level: IdentityLevel::RealName,
        digest: digest(3),
        attested_at: Timestamp::from_seconds(1),
        expires_at: None,
        subject: Some(subject),
    };
    let stored = String::from_utf8(to_json_vec(&attestation).unwrap()).unwrap();
    let before = stored_before_subjects(Timestamp::from_seconds(1));
    assert_eq!(
        stored,
        format!(
            r#"{},"subject":"{}"}}"#,
            before.trim_end_matches('}'),
            "c3".repeat(32)
        )
    );
}

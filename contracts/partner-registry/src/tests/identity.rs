use cosmwasm_std::HexBinary;

use super::*;
use crate::msg::{AttestationsResponse, IdentityLevel, IdentityLevelResponse};

fn attest(user: &Addr, level: IdentityLevel, expires_at: Option<Timestamp>) -> ExecuteMsg {
    ExecuteMsg::Attest {
        user: user.to_string(),
        level,
        digest: digest(0x5a),
        expires_at,
        subject: None,
    }
}

/// An attestation without expiry carrying `subject` as given (`None`: none).
fn attest_subject(user: &Addr, level: IdentityLevel, subject: Option<String>) -> ExecuteMsg {
    ExecuteMsg::Attest {
        user: user.to_string(),
        level,
        digest: digest(0x5a),
        expires_at: None,
        subject,
    }
}

fn level_of(chain: &Chain, user: &Addr, accepted: Option<Vec<&Addr>>) -> IdentityLevelResponse {
    chain.ask(QueryMsg::IdentityLevel {
        address: user.to_string(),
        accepted_attesters: accepted.map(|list| list.iter().map(|a| a.to_string()).collect()),
    })
}

/// A second identity provider, admitted by the authority.
fn second_provider(chain: &mut Chain) -> Addr {
    let provider = chain.addr("telecom");
    let authority = chain.accounts.authority.clone();
    chain
        .execute(
            &authority,
            admit_msg(
                &provider,
                PartnerKind::IdentityProvider,
                vec![Capability::AttestIdentity],
            ),
        )
        .unwrap();
    provider
}

#[test]
fn the_highest_unexpired_level_counts() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let telecom = second_provider(&mut chain);
    assert_eq!(level_of(&chain, &alice, None).level, None);

    chain
        .execute(&telecom, attest(&alice, IdentityLevel::Phone, None))
        .unwrap();
    let expiry = chain.env.block.time.plus_seconds(100);
    chain
        .execute(
            &registrar,
            attest(&alice, IdentityLevel::RealName, Some(expiry)),
        )
        .unwrap();
    let best = level_of(&chain, &alice, None);
    assert_eq!(best.level, Some(IdentityLevel::RealName));
    assert_eq!(best.attester, Some(registrar.clone()));
    assert_eq!(best.expires_at, Some(expiry));

    // Only the listed attesters count when a list is given.
    let phone_only = level_of(&chain, &alice, Some(vec![&telecom]));
    assert_eq!(phone_only.level, Some(IdentityLevel::Phone));

    chain.advance(100);
    let after_expiry = level_of(&chain, &alice, None);
    assert_eq!(after_expiry.level, Some(IdentityLevel::Phone));
    assert_eq!(after_expiry.attester, Some(telecom));

    let listed: AttestationsResponse = chain.ask(QueryMsg::Attestations {
        address: alice.to_string(),
    });
    assert_eq!(listed.attestations.len(), 2);
    let expired = listed
        .attestations
        .iter()
        .find(|a| a.attester == registrar)
        .unwrap();
    assert!(!expired.counts);
    assert_eq!(expired.digest, digest(0x5a));
}

#[test]
fn a_suspended_attesters_word_stops_counting() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    chain
        .execute(&registrar, attest(&alice, IdentityLevel::Certificate, None))
        .unwrap();
    assert_eq!(
        level_of(&chain, &alice, None).level,
        Some(IdentityLevel::Certificate)
    );
    let regulator = chain.accounts.regulator.clone();
    chain
        .execute(
            &regulator,
            ExecuteMsg::Suspend {
                address: registrar.to_string(),
                reason: "leaked data".into(),
                digest: digest(3),
            },
        )
        .unwrap();
    assert_eq!(level_of(&chain, &alice, None).level, None);
    // And it can no longer attest.
    let err = chain.refused(&registrar, attest(&alice, IdentityLevel::Phone, None));
    assert!(matches!(err, ContractError::PartnerSuspended { .. }));
}

#[test]
fn attesters_revoke_only_their_own_word() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let telecom = second_provider(&mut chain);
    chain
        .execute(&registrar, attest(&alice, IdentityLevel::RealName, None))
        .unwrap();
    let revoke = ExecuteMsg::RevokeAttestation {
        user: alice.to_string(),
    };
    let err = chain.refused(&telecom, revoke.clone());
    assert_eq!(
        err,
        ContractError::AttestationNotFound {
            user: alice.to_string()
        }
    );
    chain.execute(&registrar, revoke).unwrap();
    assert_eq!(level_of(&chain, &alice, None).level, None);
}

#[test]
fn refuses_bad_attestations() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let theater = chain.accounts.theater.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let err = chain.refused(&theater, attest(&alice, IdentityLevel::Phone, None));
    assert!(matches!(
        err,
        ContractError::CapabilityNotGranted {
            capability: Capability::AttestIdentity,
            ..
        }
    ));
    let stranger = chain.accounts.stranger.clone();
    let err = chain.refused(&stranger, attest(&alice, IdentityLevel::Phone, None));
    assert!(matches!(err, ContractError::NotAPartner { .. }));
    let now = chain.env.block.time;
    let err = chain.refused(&registrar, attest(&alice, IdentityLevel::Phone, Some(now)));
    assert_eq!(err, ContractError::ExpiryInPast { expires_at: now });
    let bad_digest = ExecuteMsg::Attest {
        user: alice.to_string(),
        level: IdentityLevel::Phone,
        digest: "12".repeat(31),
        expires_at: None,
        subject: None,
    };
    assert_eq!(
        chain.refused(&registrar, bad_digest),
        ContractError::InvalidDigest { field: "digest" }
    );

    let many: Vec<String> = (0..11)
        .map(|i| chain.addr(&format!("p{i}")).to_string())
        .collect();
    let err = chain.ask_err(QueryMsg::IdentityLevel {
        address: alice.to_string(),
        accepted_attesters: Some(many),
    });
    assert_eq!(err, ContractError::TooManyAttesters { max: 10 });
}

#[test]
fn clearance_answers_capability_and_identity_in_one_query() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let theater = chain.accounts.theater.clone();
    let registrar = chain.accounts.identity_provider.clone();
    chain
        .execute(&registrar, attest(&alice, IdentityLevel::RealName, None))
        .unwrap();
    let answer: crate::msg::ClearanceResponse = chain.ask(QueryMsg::Clearance {
        partner: theater.to_string(),
        capability: Capability::IssueTickets,
        user: Some(alice.to_string()),
    });
    assert!(answer.partner.allowed);
    assert_eq!(
        answer.user.and_then(|u| u.level),
        Some(IdentityLevel::RealName)
    );
    let answer: crate::msg::ClearanceResponse = chain.ask(QueryMsg::Clearance {
        partner: alice.to_string(),
        capability: Capability::IssueTickets,
        user: None,
    });
    assert_eq!(
        answer.partner.reason,
        Some(ctc_interfaces::registry::Denial::NotAPartner)
    );
    assert_eq!(answer.user, None);
}

/// A subject as an attester derives it: 32 bytes, here all the byte `n`, as 64 hex characters.
fn subject(n: u8) -> String {
    format!("{n:02X}").repeat(32)
}

fn attestations_of(chain: &Chain, user: &Addr) -> AttestationsResponse {
    chain.ask(QueryMsg::Attestations {
        address: user.to_string(),
    })
}

#[test]
fn identity_level_answers_the_subject_of_the_attestation_that_counts() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let telecom = second_provider(&mut chain);
    // Given in upper case, held as bytes: answered as the same 32 bytes, in lower case.
    chain
        .execute(
            &registrar,
            attest_subject(&alice, IdentityLevel::RealName, Some(subject(0xc3))),
        )
        .unwrap();
    chain
        .execute(
            &telecom,
            attest_subject(&alice, IdentityLevel::Phone, Some(subject(0x7e))),
        )
        .unwrap();
    let best = level_of(&chain, &alice, None);
    assert_eq!(best.level, Some(IdentityLevel::RealName));
    assert_eq!(best.attester, Some(registrar.clone()));
    assert_eq!(best.subject, Some(HexBinary::from(vec![0xc3; 32])));
    assert_eq!(
        cosmwasm_std::to_json_string(&best.subject).unwrap(),
        format!(r#""{}""#, "c3".repeat(32))
    );
    // Each attester's pseudonym comes with its own word, never another's.
    let phone = level_of(&chain, &alice, Some(vec![&telecom]));
    assert_eq!(phone.subject, Some(HexBinary::from(vec![0x7e; 32])));
    let listed = attestations_of(&chain, &alice).attestations;
    let subjects: Vec<_> = listed
        .iter()
        .map(|a| (a.attester.clone(), a.subject.clone()))
        .collect();
    let mut expected = vec![
        (registrar, Some(HexBinary::from(vec![0xc3; 32]))),
        (telecom, Some(HexBinary::from(vec![0x7e; 32]))),
    ];
    expected.sort();
    assert_eq!(subjects, expected);

    // Nothing counts: no subject either.
    let bob = chain.addr("bob");
    assert_eq!(level_of(&chain, &bob, None).subject, None);
}

#[test]
fn a_new_attestation_without_a_subject_clears_the_one_before() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let registrar = chain.accounts.identity_provider.clone();
    chain
        .execute(
            &registrar,
            attest_subject(&alice, IdentityLevel::RealName, Some(subject(0xc3))),
        )
        .unwrap();
    chain
        .execute(
            &registrar,
            attest_subject(&alice, IdentityLevel::Certificate, None),
        )
        .unwrap();
    let best = level_of(&chain, &alice, None);
    assert_eq!(best.level, Some(IdentityLevel::Certificate));
    assert_eq!(best.subject, None);
    let listed = attestations_of(&chain, &alice).attestations;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].subject, None);
}

#[test]
fn a_malformed_subject_is_refused_and_changes_nothing() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let alice = chain.accounts.alice.clone();
    let bob = chain.addr("bob");
    let registrar = chain.accounts.identity_provider.clone();
    // A mirror, so that an accepted attestation would send a message.
    let mirror = chain.addr("mirror0");
    chain
        .execute(
            &authority,
            ExecuteMsg::AddMirror {
                address: mirror.to_string(),
            },
        )
        .unwrap();
    chain
        .execute(
            &registrar,
            attest_subject(&alice, IdentityLevel::Phone, Some(subject(0xc3))),
        )
        .unwrap();
    let before = level_of(&chain, &alice, None);

    let malformed = [
        "c".repeat(63),
        format!("{}zz", "c3".repeat(31)),
        "c3".repeat(33),
    ];
    for bad in malformed {
        // `refused` also checks that the storage is exactly as it was. A refused execute sends
        // no message at all: its response, mirror pushes included, never exists.
        for user in [&alice, &bob] {
            let msg = attest_subject(user, IdentityLevel::Certificate, Some(bad.clone()));
            assert_eq!(
                chain.refused(&registrar, msg),
                ContractError::InvalidSubject,
                "{bad}"
            );
        }
    }
    // No attestation for the new user, and the earlier word on alice stands, subject and all.
    assert!(attestations_of(&chain, &bob).attestations.is_empty());
    assert_eq!(level_of(&chain, &alice, None), before);
    assert_eq!(before.level, Some(IdentityLevel::Phone));
    assert_eq!(before.subject, Some(HexBinary::from(vec![0xc3; 32])));
}

//! Mirrors: each change to a partner's standing or to an attestation reaches every mirror as one
//! `RegistryUpdate` in the response that makes it, so a mirror never answers from a state the
//! registry has left; nothing else reaches them. The JSON is written out in full because the
//! mirrors (ticket-nft first) decode it in other crates: a renamed field must fail here.

use cosmwasm_std::testing::MockStorage;
use cosmwasm_std::{CosmosMsg, HexBinary, ReplyOn, WasmMsg};
use ctc_conventions::{mirror, ConventionError};
use ctc_interfaces::registry::{Denial, MirrorExecuteMsg, PartnerStanding, RegistryUpdate};
use ctc_testkit::executes;

use super::*;
use crate::access;
use crate::msg::{
    CapabilityResponse, IdentityLevel, IdentityLevelResponse, MirrorsResponse, PartnerStatus,
};
use crate::state::Partner;

const EVERY_CAPABILITY: [Capability; 6] = [
    Capability::IssueTickets,
    Capability::LaunchCrowdfunds,
    Capability::ReportOutcomes,
    Capability::AttestIdentity,
    Capability::CreatePools,
    Capability::IssueVouchers,
];

/// The theater's capabilities as `Chain::new` admits it, as JSON.
const THEATER_CAPABILITIES: &str = r#"["issue_tickets","launch_crowdfunds"]"#;

fn add_mirror(address: &Addr) -> ExecuteMsg {
    ExecuteMsg::AddMirror {
        address: address.to_string(),
    }
}

/// The registry of `Chain::new` with `count` mirrors, added after its partners, listed in address
/// order: the order the registry sends in.
fn with_mirrors(count: usize) -> (Chain, Vec<Addr>) {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let mut mirrors: Vec<Addr> = (0..count)
        .map(|n| chain.addr(&format!("mirror{n}")))
        .collect();
    for mirror in &mirrors {
        chain.execute(&authority, add_mirror(mirror)).unwrap();
    }
    mirrors.sort();
    (chain, mirrors)
}

fn listed(chain: &Chain) -> Vec<Addr> {
    chain.ask::<MirrorsResponse>(QueryMsg::Mirrors {}).mirrors
}

/// A `PartnerStanding` as JSON; `capabilities` is already a JSON array.
fn standing(standing: &str, capabilities: &str) -> String {
    format!(r#"{{"standing":"{standing}","capabilities":{capabilities}}}"#)
}

/// What a mirror is sent about a partner; `standing` is JSON (`null` for no partner).
fn partner_update(address: &Addr, standing: &str) -> String {
    format!(
        r#"{{"registry_update":{{"partner":{{"address":"{address}","standing":{standing}}}}}}}"#
    )
}

/// An `AttestedLevel` as JSON: a timestamp is a string of nanoseconds.
fn attested(level: &str, expires_at: Option<Timestamp>) -> String {
    let expires_at = expires_at.map_or("null".to_owned(), |at| format!(r#""{}""#, at.nanos()));
    format!(r#"{{"level":"{level}","expires_at":{expires_at}}}"#)
}

/// An `AttestedLevel` without expiry carrying a subject, as JSON: the subject is lower-case hex.
fn attested_with_subject(level: &str, subject: &str) -> String {
    format!(r#"{{"level":"{level}","expires_at":null,"subject":"{subject}"}}"#)
}

/// What a mirror is sent about one attester's word; `attested` is JSON (`null` once withdrawn).
fn attestation_update(user: &Addr, attester: &Addr, attested: &str) -> String {
    format!(
        r#"{{"registry_update":{{"attestation":{{"user":"{user}","attester":"{attester}","attested":{attested}}}}}}}"#
    )
}

/// `response` sends `json` once to each of `mirrors`, in order, and nothing else. Without funds,
/// and without a reply: a reply could catch a mirror's refusal, and the change it was sent for
/// would then stand while the mirror kept the old answer.
fn assert_pushed(response: &Response, mirrors: &[Addr], json: &str) {
    let expected: Vec<_> = mirrors
        .iter()
        .map(|mirror| (mirror.to_string(), json.to_owned()))
        .collect();
    assert_eq!(executes(response), expected);
    for sub in &response.messages {
        assert_eq!(sub.reply_on, ReplyOn::Never);
        let CosmosMsg::Wasm(WasmMsg::Execute { funds, .. }) = &sub.msg else {
            unreachable!("`executes` accepted only executes");
        };
        assert!(funds.is_empty(), "a mirror is sent no funds");
    }
}

fn grounds(n: u8) -> (String, String) {
    (format!("grounds {n}"), digest(n))
}

fn suspend(address: &Addr, n: u8) -> ExecuteMsg {
    let (reason, digest) = grounds(n);
    ExecuteMsg::Suspend {
        address: address.to_string(),
        reason,
        digest,
    }
}

fn reinstate(address: &Addr, n: u8) -> ExecuteMsg {
    let (reason, digest) = grounds(n);
    ExecuteMsg::Reinstate {
        address: address.to_string(),
        reason,
        digest,
    }
}

fn revoke(address: &Addr, n: u8) -> ExecuteMsg {
    let (reason, digest) = grounds(n);
    ExecuteMsg::Revoke {
        address: address.to_string(),
        reason,
        digest,
    }
}

fn rename(address: &Addr, capabilities: Option<Vec<Capability>>) -> ExecuteMsg {
    ExecuteMsg::UpdatePartner {
        address: address.to_string(),
        name: Some("Renamed".into()),
        kind: None,
        capabilities,
        agreement_digest: None,
        metadata_uri: None,
    }
}

fn attest(user: &Addr, level: IdentityLevel, expires_at: Option<Timestamp>) -> ExecuteMsg {
    ExecuteMsg::Attest {
        user: user.to_string(),
        level,
        digest: digest(0x5a),
        expires_at,
        subject: None,
    }
}

fn withdraw(user: &Addr) -> ExecuteMsg {
    ExecuteMsg::RevokeAttestation {
        user: user.to_string(),
    }
}

fn sync_partner(address: &str) -> ExecuteMsg {
    ExecuteMsg::SyncPartner {
        address: address.to_owned(),
    }
}

fn sync_attestation(user: &str, attester: &str) -> ExecuteMsg {
    ExecuteMsg::SyncAttestation {
        user: user.to_owned(),
        attester: attester.to_owned(),
    }
}

fn invalid_address(field: &'static str) -> impl Fn(&ContractError) -> bool {
    move |err| {
        matches!(
            err,
            ContractError::Convention(ConventionError::InvalidAddress { field: got, .. })
                if *got == field
        )
    }
}

#[test]
fn the_authority_adds_mirrors_and_the_query_lists_them() {
    let mut chain = Chain::new();
    assert_eq!(listed(&chain), Vec::<Addr>::new());
    let authority = chain.accounts.authority.clone();
    let (first, second) = (chain.addr("mirror0"), chain.addr("mirror1"));
    let response = chain.execute(&authority, add_mirror(&first)).unwrap();
    // Adding a mirror sends it one true update, its own address's standing, so an address that
    // cannot take updates fails here rather than blocking every later change.
    assert_eq!(response.messages.len(), 1);
    let probe = &response.messages[0];
    assert!(probe.reply_on == cosmwasm_std::ReplyOn::Never);
    match &probe.msg {
        cosmwasm_std::CosmosMsg::Wasm(cosmwasm_std::WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        }) => {
            assert_eq!(contract_addr, first.as_str());
            assert!(funds.is_empty());
            assert_eq!(
                std::str::from_utf8(msg).unwrap(),
                format!(
                    r#"{{"registry_update":{{"partner":{{"address":"{first}","standing":null}}}}}}"#
                )
            );
        }
        other => panic!("expected a wasm execute, got {other:?}"),
    }
    let attributes: Vec<_> = response
        .attributes
        .iter()
        .map(|a| (a.key.as_str(), a.value.as_str()))
        .collect();
    assert_eq!(
        attributes,
        [("action", "add_mirror"), ("mirror", first.as_str())]
    );
    chain.execute(&authority, add_mirror(&second)).unwrap();
    let mut expected = vec![first, second];
    expected.sort();
    assert_eq!(listed(&chain), expected);
}

#[test]
fn only_the_authority_adds_a_mirror_once_and_at_most_four() {
    let (mut chain, mirrors) = with_mirrors(3);
    let authority = chain.accounts.authority.clone();
    let fourth = chain.addr("mirror3");
    for outsider in [
        chain.accounts.regulator.clone(),
        chain.accounts.theater.clone(),
        chain.accounts.stranger.clone(),
    ] {
        assert_eq!(
            chain.refused(&outsider, add_mirror(&fourth)),
            ContractError::NotAuthority
        );
    }
    assert_eq!(
        chain.refused(&authority, add_mirror(&mirrors[0])),
        ContractError::MirrorAlreadyAdded {
            address: mirrors[0].to_string()
        }
    );
    let bad = ExecuteMsg::AddMirror {
        address: "not an address".into(),
    };
    assert!(invalid_address("address")(&chain.refused(&authority, bad)));

    chain.execute(&authority, add_mirror(&fourth)).unwrap();
    let fifth = chain.addr("mirror4");
    assert_eq!(
        chain.refused(&authority, add_mirror(&fifth)),
        ContractError::TooManyMirrors { max: 4 }
    );
    // A full list still names the duplicate for what it is.
    assert_eq!(
        chain.refused(&authority, add_mirror(&fourth)),
        ContractError::MirrorAlreadyAdded {
            address: fourth.to_string()
        }
    );
    assert_eq!(listed(&chain).len(), 4);
}

#[test]
fn without_mirrors_no_change_sends_a_message() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let theater = chain.accounts.theater.clone();
    let alice = chain.accounts.alice.clone();
    let troupe = chain.addr("troupe");
    let steps = [
        (
            authority.clone(),
            admit_msg(&troupe, PartnerKind::Troupe, vec![]),
        ),
        (authority.clone(), rename(&troupe, None)),
        (regulator.clone(), suspend(&troupe, 1)),
        (regulator, reinstate(&troupe, 2)),
        (authority.clone(), revoke(&troupe, 3)),
        (
            registrar.clone(),
            attest(&alice, IdentityLevel::Phone, None),
        ),
        (registrar.clone(), withdraw(&alice)),
        (authority.clone(), sync_partner(theater.as_str())),
        (
            authority,
            sync_attestation(alice.as_str(), registrar.as_str()),
        ),
    ];
    for (sender, msg) in steps {
        let response = chain.execute(&sender, msg).unwrap();
        assert!(response.messages.is_empty(), "{response:?}");
    }
}

#[test]
fn admission_pushes_the_new_partners_standing_to_every_mirror() {
    let (mut chain, mirrors) = with_mirrors(4);
    let authority = chain.accounts.authority.clone();
    let troupe = chain.addr("troupe");
    // Stored sorted and without the duplicate, and pushed as stored.
    let capabilities = vec![
        Capability::LaunchCrowdfunds,
        Capability::IssueTickets,
        Capability::LaunchCrowdfunds,
    ];
    let response = chain
        .execute(
            &authority,
            admit_msg(&troupe, PartnerKind::Troupe, capabilities),
        )
        .unwrap();
    let json = partner_update(&troupe, &standing("active", THEATER_CAPABILITIES));
    assert_pushed(&response, &mirrors, &json);
}

#[test]
fn an_update_pushes_the_standing_with_the_capabilities_it_leaves() {
    let (mut chain, mirrors) = with_mirrors(2);
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let new_capabilities = vec![Capability::CreatePools, Capability::IssueTickets];
    let response = chain
        .execute(&authority, rename(&theater, Some(new_capabilities)))
        .unwrap();
    let json = partner_update(
        &theater,
        &standing("active", r#"["issue_tickets","create_pools"]"#),
    );
    assert_pushed(&response, &mirrors, &json);

    // An update that leaves the standing as it was still repeats it: a mirror added after the
    // partner's last change is brought up to date by it.
    chain.execute(&regulator, suspend(&theater, 1)).unwrap();
    let response = chain.execute(&authority, rename(&theater, None)).unwrap();
    let json = partner_update(
        &theater,
        &standing("suspended", r#"["issue_tickets","create_pools"]"#),
    );
    assert_pushed(&response, &mirrors, &json);
}

#[test]
fn suspension_reinstatement_and_revocation_each_push_the_new_standing() {
    let (mut chain, mirrors) = with_mirrors(2);
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let theater = chain.accounts.theater.clone();
    let steps = [
        (regulator.clone(), suspend(&theater, 1), "suspended"),
        (regulator, reinstate(&theater, 2), "active"),
        (authority.clone(), suspend(&theater, 3), "suspended"),
        // Revoking a suspended partner: the standing moves on from suspended, not from active.
        (authority, revoke(&theater, 4), "revoked"),
    ];
    for (sender, msg, expected) in steps {
        let response = chain.execute(&sender, msg).unwrap();
        let json = partner_update(&theater, &standing(expected, THEATER_CAPABILITIES));
        assert_pushed(&response, &mirrors, &json);
    }
}

#[test]
fn quota_changes_and_draws_push_nothing() {
    let (mut chain, _) = with_mirrors(2);
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let platform = chain.accounts.platform.clone();
    let theater = chain.accounts.theater.clone();
    let set_quota = |limit: Option<QuotaWindow>, n: u8| ExecuteMsg::SetQuota {
        address: theater.to_string(),
        capability: Capability::IssueTickets,
        limit,
        reason: format!("quota {n}"),
        digest: digest(n),
    };
    let tighter = QuotaWindow {
        units_per_window: 10,
        window_seconds: 3_600,
    };
    let consume = ExecuteMsg::ConsumeQuota {
        partner: theater.to_string(),
        capability: Capability::IssueTickets,
        units: 1,
    };
    let steps = [
        (regulator, set_quota(Some(tighter), 1)),
        (platform.clone(), consume.clone()),
        (authority, set_quota(None, 2)),
        (platform, consume),
    ];
    for (sender, msg) in steps {
        let response = chain.execute(&sender, msg).unwrap();
        assert!(response.messages.is_empty(), "{response:?}");
    }
}

#[test]
fn attesting_pushes_the_level_and_expiry_and_withdrawing_pushes_none() {
    let (mut chain, mirrors) = with_mirrors(2);
    let registrar = chain.accounts.identity_provider.clone();
    let alice = chain.accounts.alice.clone();
    let expiry = chain.env.block.time.plus_seconds(86_400);
    let response = chain
        .execute(
            &registrar,
            attest(&alice, IdentityLevel::RealName, Some(expiry)),
        )
        .unwrap();
    let json = attestation_update(&alice, &registrar, &attested("real_name", Some(expiry)));
    assert_pushed(&response, &mirrors, &json);

    // A new word from the same attester replaces its last one, here with no expiry.
    let response = chain
        .execute(&registrar, attest(&alice, IdentityLevel::Certificate, None))
        .unwrap();
    let json = attestation_update(&alice, &registrar, &attested("certificate", None));
    assert_pushed(&response, &mirrors, &json);

    let response = chain.execute(&registrar, withdraw(&alice)).unwrap();
    assert_pushed(
        &response,
        &mirrors,
        &attestation_update(&alice, &registrar, "null"),
    );
}

#[test]
fn the_subject_is_pushed_with_the_attestation_and_a_word_without_one_drops_it() {
    let (mut chain, mirrors) = with_mirrors(2);
    let registrar = chain.accounts.identity_provider.clone();
    let stranger = chain.accounts.stranger.clone();
    let alice = chain.accounts.alice.clone();
    let with_subject = ExecuteMsg::Attest {
        user: alice.to_string(),
        level: IdentityLevel::RealName,
        digest: digest(0x5a),
        expires_at: None,
        subject: Some("AB".repeat(32)),
    };
    let response = chain.execute(&registrar, with_subject).unwrap();
    let json = attestation_update(
        &alice,
        &registrar,
        &attested_with_subject("real_name", &"ab".repeat(32)),
    );
    assert_pushed(&response, &mirrors, &json);
    // What a mirror decodes: the 32 bytes the attester gave.
    let (_, sent) = &executes(&response)[0];
    let MirrorExecuteMsg::RegistryUpdate(RegistryUpdate::Attestation {
        attested: decoded, ..
    }) = from_json(sent).unwrap()
    else {
        panic!("expected an attestation update, got {sent}");
    };
    assert_eq!(
        decoded.and_then(|a| a.subject),
        Some(HexBinary::from(vec![0xab; 32]))
    );
    // A sync repeats it.
    let sync = sync_attestation(alice.as_str(), registrar.as_str());
    let response = chain.execute(&stranger, sync.clone()).unwrap();
    assert_pushed(&response, &mirrors, &json);

    // The attester's new word has no subject: the update has none, so the mirror's copy, which
    // the update replaces whole, drops the old one.
    let response = chain
        .execute(&registrar, attest(&alice, IdentityLevel::Certificate, None))
        .unwrap();
    let json = attestation_update(&alice, &registrar, &attested("certificate", None));
    assert_pushed(&response, &mirrors, &json);
    let response = chain.execute(&stranger, sync).unwrap();
    assert_pushed(&response, &mirrors, &json);
}

#[test]
fn anyone_syncs_a_partner_with_what_the_registry_holds_now() {
    // The theater was admitted before the mirrors: only a sync tells them about it.
    let (mut chain, mirrors) = with_mirrors(2);
    let stranger = chain.accounts.stranger.clone();
    let regulator = chain.accounts.regulator.clone();
    let authority = chain.accounts.authority.clone();
    let theater = chain.accounts.theater.clone();
    let alice = chain.accounts.alice.clone();
    let sync = |chain: &mut Chain, address: &Addr, expected: &str| {
        let response = chain
            .execute(&stranger, sync_partner(address.as_str()))
            .unwrap();
        assert_pushed(&response, &mirrors, &partner_update(address, expected));
        assert_eq!(response.attributes[0].value, "sync_partner");
        assert_eq!(response.attributes[1].value, address.as_str());
    };
    sync(
        &mut chain,
        &theater,
        &standing("active", THEATER_CAPABILITIES),
    );
    chain.execute(&regulator, suspend(&theater, 1)).unwrap();
    sync(
        &mut chain,
        &theater,
        &standing("suspended", THEATER_CAPABILITIES),
    );
    chain.execute(&authority, revoke(&theater, 2)).unwrap();
    sync(
        &mut chain,
        &theater,
        &standing("revoked", THEATER_CAPABILITIES),
    );
    // An address that is no partner is said to be none, so a mirror drops whatever it holds.
    sync(&mut chain, &alice, "null");

    assert!(invalid_address("address")(
        &chain.refused(&stranger, sync_partner("not an address"))
    ));
}

#[test]
fn anyone_syncs_an_attestation_with_what_the_registry_holds_now() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let stranger = chain.accounts.stranger.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let theater = chain.accounts.theater.clone();
    let alice = chain.accounts.alice.clone();
    // Attested before the mirror existed.
    let expiry = chain.env.block.time.plus_seconds(100);
    chain
        .execute(
            &registrar,
            attest(&alice, IdentityLevel::Phone, Some(expiry)),
        )
        .unwrap();
    let mirror = chain.addr("mirror0");
    chain.execute(&authority, add_mirror(&mirror)).unwrap();
    let mirrors = [mirror];

    let sync = |chain: &mut Chain, attester: &Addr, expected: &str| {
        let msg = sync_attestation(alice.as_str(), attester.as_str());
        let response = chain.execute(&stranger, msg).unwrap();
        let json = attestation_update(&alice, attester, expected);
        assert_pushed(&response, &mirrors, &json);
        let attributes: Vec<_> = response
            .attributes
            .iter()
            .map(|a| (a.key.as_str(), a.value.as_str()))
            .collect();
        assert_eq!(
            attributes,
            [
                ("action", "sync_attestation"),
                ("user", alice.as_str()),
                ("attester", attester.as_str())
            ]
        );
    };
    sync(&mut chain, &registrar, &attested("phone", Some(expiry)));
    // Expired, it is still the attester's word: the mirror judges expiry against its own clock.
    chain.advance(200);
    sync(&mut chain, &registrar, &attested("phone", Some(expiry)));
    // Nothing from this attester: none.
    sync(&mut chain, &theater, "null");
    chain.execute(&registrar, withdraw(&alice)).unwrap();
    sync(&mut chain, &registrar, "null");

    let err = chain.refused(&stranger, sync_attestation("nobody", registrar.as_str()));
    assert!(invalid_address("user")(&err));
    let err = chain.refused(&stranger, sync_attestation(alice.as_str(), "nobody"));
    assert!(invalid_address("attester")(&err));
}

/// A partner record in `status` holding `capabilities`; the rest does not enter the rule.
fn partner(status: PartnerStatus, capabilities: Vec<Capability>) -> Partner {
    Partner {
        name: "p".into(),
        kind: PartnerKind::Theater,
        capabilities,
        status,
        agreement_digest: digest(1),
        metadata_uri: None,
        admitted_at: Timestamp::from_seconds(1),
        supervision_records: 0,
    }
}

/// `HasCapability`'s answers as the registry gave them before it shared its rule with the
/// mirrors: a suspension or revocation is named before a missing capability.
fn answered_before(partner: Option<&Partner>, capability: Capability) -> Option<Denial> {
    let Some(partner) = partner else {
        return Some(Denial::NotAPartner);
    };
    match (&partner.status, partner.capabilities.contains(&capability)) {
        (PartnerStatus::Suspended { .. }, _) => Some(Denial::Suspended),
        (PartnerStatus::Revoked { .. }, _) => Some(Denial::Revoked),
        (PartnerStatus::Active, false) => Some(Denial::NotGranted),
        (PartnerStatus::Active, true) => None,
    }
}

#[test]
fn the_registry_and_its_mirrors_deny_by_one_rule_with_the_answers_of_before() {
    let since = Timestamp::from_seconds(5);
    let statuses = [
        PartnerStatus::Active,
        PartnerStatus::Suspended {
            reason: "r".into(),
            since,
        },
        PartnerStatus::Revoked {
            reason: "r".into(),
            since,
        },
    ];
    for capability in EVERY_CAPABILITY {
        assert_eq!(access::denial(None, capability), Some(Denial::NotAPartner));
        assert_eq!(
            PartnerStanding::denial(None, capability),
            Some(Denial::NotAPartner)
        );
    }
    // Every status with every set of capabilities, asked about every capability.
    for status in statuses {
        for set in 0..1u8 << EVERY_CAPABILITY.len() {
            let granted = EVERY_CAPABILITY
                .into_iter()
                .enumerate()
                .filter(|(bit, _)| set & (1 << bit) != 0)
                .map(|(_, capability)| capability)
                .collect();
            let partner = partner(status.clone(), granted);
            let standing = partner.standing();
            for capability in EVERY_CAPABILITY {
                let expected = answered_before(Some(&partner), capability);
                let context = format!("{status:?}, {:?}, {capability:?}", partner.capabilities);
                assert_eq!(
                    access::denial(Some(&partner), capability),
                    expected,
                    "{context}"
                );
                assert_eq!(
                    PartnerStanding::denial(Some(&standing), capability),
                    expected,
                    "{context}"
                );
            }
        }
    }
}

/// A mirror's storage, fed only what the registry sends it.
struct MirrorCopy {
    storage: MockStorage,
    registry: Addr,
    address: Addr,
}

impl MirrorCopy {
    /// Applies every update `response` sends to this mirror, as its registry.
    fn receive(&mut self, response: &Response) {
        for (contract, json) in executes(response) {
            if contract != self.address.as_str() {
                continue;
            }
            let MirrorExecuteMsg::RegistryUpdate(update) = from_json(json).unwrap();
            mirror::apply(&mut self.storage, &self.registry, &self.registry, update).unwrap();
        }
    }
}

/// The copy answers every partner × capability and the user's identity level as the registry
/// does at this block.
fn assert_agree(chain: &Chain, copy: &MirrorCopy, partners: &[&Addr], user: &Addr) {
    for partner in partners {
        for capability in EVERY_CAPABILITY {
            let registry: CapabilityResponse = chain.ask(QueryMsg::HasCapability {
                address: partner.to_string(),
                capability,
            });
            let mirrored = mirror::denial(&copy.storage, partner, capability).unwrap();
            assert_eq!(mirrored, registry.reason, "{partner} {capability:?}");
        }
    }
    let registry: IdentityLevelResponse = chain.ask(QueryMsg::IdentityLevel {
        address: user.to_string(),
        accepted_attesters: None,
    });
    let mirrored = mirror::identity_level(&copy.storage, user, chain.env.block.time).unwrap();
    assert_eq!(mirrored, registry.level);
}

#[test]
fn a_mirror_fed_by_the_pushes_answers_as_the_registry_does() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let regulator = chain.accounts.regulator.clone();
    let stranger = chain.accounts.stranger.clone();
    let theater = chain.accounts.theater.clone();
    let registrar = chain.accounts.identity_provider.clone();
    let alice = chain.accounts.alice.clone();
    let (telecom, troupe) = (chain.addr("telecom"), chain.addr("troupe"));
    let partners = [&theater, &registrar, &telecom, &troupe, &alice];
    let expiry = chain.env.block.time.plus_seconds(1_000);
    chain
        .execute(
            &registrar,
            attest(&alice, IdentityLevel::RealName, Some(expiry)),
        )
        .unwrap();
    let address = chain.addr("mirror0");
    chain.execute(&authority, add_mirror(&address)).unwrap();
    let mut copy = MirrorCopy {
        storage: MockStorage::new(),
        registry: chain.env.contract.address.clone(),
        address,
    };

    // Added after the theater was admitted, the mirror refuses it until it is synced.
    assert_eq!(
        mirror::denial(&copy.storage, &theater, Capability::IssueTickets).unwrap(),
        Some(Denial::NotAPartner)
    );
    let syncs = [
        sync_partner(theater.as_str()),
        sync_partner(registrar.as_str()),
        sync_attestation(alice.as_str(), registrar.as_str()),
    ];
    for msg in syncs {
        let response = chain.execute(&stranger, msg).unwrap();
        copy.receive(&response);
    }
    assert_agree(&chain, &copy, &partners, &alice);

    let steps = [
        (
            authority.clone(),
            admit_msg(
                &telecom,
                PartnerKind::IdentityProvider,
                vec![Capability::AttestIdentity],
            ),
        ),
        (telecom.clone(), attest(&alice, IdentityLevel::Phone, None)),
        (
            authority.clone(),
            admit_msg(&troupe, PartnerKind::Troupe, vec![Capability::IssueTickets]),
        ),
        (
            authority.clone(),
            rename(&theater, Some(vec![Capability::CreatePools])),
        ),
        (regulator.clone(), suspend(&theater, 1)),
        (regulator.clone(), suspend(&registrar, 2)),
        // Only the telecom's word counts now, so its withdrawal changes the answer.
        (telecom.clone(), withdraw(&alice)),
        (regulator.clone(), reinstate(&registrar, 3)),
        (regulator, suspend(&telecom, 4)),
        (authority.clone(), revoke(&theater, 5)),
        (authority, revoke(&registrar, 6)),
    ];
    for (sender, msg) in steps {
        let response = chain.execute(&sender, msg).unwrap();
        copy.receive(&response);
        assert_agree(&chain, &copy, &partners, &alice);
    }
}

#[test]
fn expiry_needs_no_push_the_mirror_reads_its_own_clock() {
    let (mut chain, mirrors) = with_mirrors(1);
    let registrar = chain.accounts.identity_provider.clone();
    let alice = chain.accounts.alice.clone();
    let stranger = chain.accounts.stranger.clone();
    let mut copy = MirrorCopy {
        storage: MockStorage::new(),
        registry: chain.env.contract.address.clone(),
        address: mirrors[0].clone(),
    };
    let response = chain
        .execute(&stranger, sync_partner(registrar.as_str()))
        .unwrap();
    copy.receive(&response);
    let expiry = chain.env.block.time.plus_seconds(60);
    let response = chain
        .execute(
            &registrar,
            attest(&alice, IdentityLevel::Certificate, Some(expiry)),
        )
        .unwrap();
    copy.receive(&response);
    assert_agree(&chain, &copy, &[&registrar], &alice);
    chain.advance(59);
    assert_agree(&chain, &copy, &[&registrar], &alice);
    chain.advance(1);
    assert_agree(&chain, &copy, &[&registrar], &alice);
    assert_eq!(
        mirror::identity_level(&copy.storage, &alice, chain.env.block.time).unwrap(),
        None
    );
}

use ctc_conventions::ConventionError;

use super::*;
use crate::msg::{HistoryResponse, VerifyResponse};

fn anchor(key: &str, n: u8) -> ExecuteMsg {
    ExecuteMsg::Anchor {
        namespace: "schedule".into(),
        key: key.into(),
        digest: digest(n),
        note: Some(format!("revision {n}")),
    }
}

fn verify_by(chain: &Chain, anchorer: &Addr, key: &str, n: u8) -> VerifyResponse {
    chain.ask(QueryMsg::Verify {
        anchorer: anchorer.to_string(),
        namespace: "schedule".into(),
        key: key.into(),
        digest: digest(n),
    })
}

/// In the theater's chains.
fn verify(chain: &Chain, key: &str, n: u8) -> VerifyResponse {
    verify_by(chain, &chain.accounts.theater, key, n)
}

fn history_of(
    chain: &Chain,
    anchorer: &Addr,
    start_before: Option<u32>,
    limit: u32,
) -> HistoryResponse {
    chain.ask(QueryMsg::History {
        anchorer: anchorer.to_string(),
        namespace: "schedule".into(),
        key: "hamlet-2026".into(),
        start_before,
        limit: Some(limit),
    })
}

/// Of the theater's chain.
fn history(chain: &Chain, start_before: Option<u32>, limit: u32) -> HistoryResponse {
    history_of(chain, &chain.accounts.theater, start_before, limit)
}

#[test]
fn anchored_records_form_a_linked_chain() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    for n in 1..=3 {
        chain.execute(&theater, anchor("hamlet-2026", n)).unwrap();
        chain.advance(60);
    }
    let page = history(&chain, None, 2).records;
    assert_eq!(
        page.iter().map(|r| r.sequence).collect::<Vec<_>>(),
        vec![3, 2],
        "newest first"
    );
    assert_eq!(page[0].previous_digest, Some(digest(2)));
    assert_eq!(page[1].previous_digest, Some(digest(1)));
    let rest = history(&chain, Some(2), 2).records;
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].sequence, 1);
    assert_eq!(rest[0].previous_digest, None);

    let found = verify(&chain, "hamlet-2026", 2).record.unwrap();
    assert_eq!(found.sequence, 2);
    assert_eq!(found.anchorer, theater);
    assert_eq!(found.note.as_deref(), Some("revision 2"));
    assert_eq!(found.time.seconds(), 1_000_060);
    assert_eq!(verify(&chain, "hamlet-2026", 9).record, None);
    assert_eq!(verify(&chain, "other-show", 2).record, None);
}

#[test]
fn an_anchored_digest_cannot_be_anchored_again_under_the_same_key() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    chain.execute(&theater, anchor("hamlet-2026", 1)).unwrap();
    assert_eq!(
        chain.refused(&theater, anchor("hamlet-2026", 1)),
        ContractError::AlreadyAnchored { sequence: 1 }
    );
    chain.execute(&theater, anchor("macbeth-2026", 1)).unwrap();
}

#[test]
fn a_squatter_cannot_occupy_another_partners_chain() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let squatter = chain.accounts.identity_provider.clone();
    // The squatter anchors first under the theater's namespace and key, even the theater's
    // digest.
    chain.execute(&squatter, anchor("hamlet-2026", 1)).unwrap();
    chain.execute(&squatter, anchor("hamlet-2026", 9)).unwrap();
    assert_eq!(verify(&chain, "hamlet-2026", 1).record, None);

    chain.advance(60);
    let response = chain.execute(&theater, anchor("hamlet-2026", 1)).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "sequence" && a.value == "1"));
    chain.execute(&theater, anchor("hamlet-2026", 2)).unwrap();

    let ours = history(&chain, None, 10).records;
    assert_eq!(
        ours.iter()
            .map(|r| (r.sequence, r.digest.clone(), r.anchorer.clone()))
            .collect::<Vec<_>>(),
        vec![
            (2, digest(2), theater.clone()),
            (1, digest(1), theater.clone())
        ]
    );
    assert_eq!(
        ours[1].previous_digest, None,
        "the squatter's record is no link"
    );
    let found = verify(&chain, "hamlet-2026", 1).record.unwrap();
    assert_eq!((found.anchorer, found.time.seconds()), (theater, 1_000_060));
    assert_eq!(verify(&chain, "hamlet-2026", 9).record, None);

    let theirs = history_of(&chain, &squatter, None, 10).records;
    assert_eq!(
        theirs.iter().map(|r| r.sequence).collect::<Vec<_>>(),
        vec![2, 1]
    );
    let found = verify_by(&chain, &squatter, "hamlet-2026", 1)
        .record
        .unwrap();
    assert_eq!(
        (found.anchorer, found.time.seconds()),
        (squatter, 1_000_000)
    );
}

#[test]
fn who_may_anchor_depends_on_partnership_and_the_open_switch() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let authority = chain.accounts.authority.clone();
    assert_eq!(
        chain.refused(&alice, anchor("hamlet-2026", 1)),
        ContractError::AnchoringClosed
    );
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::SetOpenAnchoring { open: true }),
        ContractError::NotAuthority
    );
    chain
        .execute(&authority, ExecuteMsg::SetOpenAnchoring { open: true })
        .unwrap();
    chain.execute(&alice, anchor("hamlet-2026", 1)).unwrap();

    let theater = chain.accounts.theater.clone();
    let regulator = chain.accounts.regulator.clone();
    chain
        .execute(
            &regulator,
            ExecuteMsg::Suspend {
                address: theater.to_string(),
                reason: "audit".into(),
                digest: digest(4),
            },
        )
        .unwrap();
    assert!(matches!(
        chain.refused(&theater, anchor("hamlet-2026", 2)),
        ContractError::PartnerSuspended { .. }
    ));
}

#[test]
fn refuses_malformed_evidence() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let with =
        |namespace: &str, key: &str, digest: String, note: Option<String>| ExecuteMsg::Anchor {
            namespace: namespace.into(),
            key: key.into(),
            digest,
            note,
        };
    assert_eq!(
        chain.refused(&theater, with("schedule", "k", "0x12".into(), None)),
        ContractError::InvalidDigest { field: "digest" }
    );
    assert_eq!(
        chain.refused(&theater, with("", "k", digest(1), None)),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "namespace",
            max: 64
        })
    );
    assert_eq!(
        chain.refused(
            &theater,
            with("schedule", &"k".repeat(129), digest(1), None)
        ),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "key",
            max: 128
        })
    );
    assert_eq!(
        chain.refused(
            &theater,
            with("schedule", "k", digest(1), Some("n".repeat(257)))
        ),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "note",
            max: 256
        })
    );
    let err = chain.ask_err(QueryMsg::History {
        anchorer: theater.to_string(),
        namespace: "schedule".into(),
        key: "k".into(),
        start_before: None,
        limit: Some(500),
    });
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::PageLimit(_))
    ));
}

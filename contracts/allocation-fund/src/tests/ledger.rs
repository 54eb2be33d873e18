use ctc_conventions::AdminError;
use ctc_testkit::cw20_transfer_json;
use cw_ownable::OwnershipError;

use super::*;
use crate::msg::{EntriesResponse, EntryKind, EntryResponse};

fn entry(chain: &Chain, id: u64) -> EntryResponse {
    let page: EntriesResponse = chain.ask(QueryMsg::Entries {
        start_after: Some(id - 1),
        limit: Some(1),
    });
    page.entries.into_iter().next().expect("an entry")
}

fn disburse(to: &Addr, amount: u128, purpose: &str, evidence: &str) -> ExecuteMsg {
    ExecuteMsg::Disburse {
        recipient: to.to_string(),
        amount: Uint128::new(amount),
        purpose: purpose.into(),
        evidence_digest: evidence.into(),
    }
}

#[test]
fn a_donation_is_booked_under_its_donor() {
    let mut chain = Chain::funded();
    let donor = chain.addr("donor");
    let hook = donate(Some("for the flood relief concert"), Some("AB".repeat(32)));
    let response = chain.send(&donor, 70 * CTC, &hook).unwrap();
    assert_eq!(attribute(&response, "action"), "donate");
    assert_eq!(attribute(&response, "entry_id"), "2");
    assert_eq!(attribute(&response, "from"), donor.as_str());
    assert_eq!(attribute(&response, "amount"), (70 * CTC).to_string());
    let booked = entry(&chain, 2);
    assert_eq!(
        booked,
        EntryResponse {
            id: 2,
            kind: EntryKind::Receipt,
            amount: Uint128::new(70 * CTC),
            at: Timestamp::from_seconds(chain.env.block.time.seconds()),
            party: Some(donor.clone()),
            round_id: None,
            note: Some("for the flood relief concert".into()),
            // One spelling: lower case.
            evidence_digest: Some("ab".repeat(32)),
        }
    );
    // Neither memo nor digest is needed.
    chain.send(&donor, CTC, &donate(None, None)).unwrap();
    let ledger = chain.ledger();
    assert_eq!(ledger.received.u128(), GENESIS + 71 * CTC);
    assert_eq!(ledger.available, ledger.received);
    assert!(ledger.balanced);
}

#[test]
fn donations_are_refused_from_other_tokens_and_with_bad_fields() {
    let mut chain = Chain::new();
    let donor = chain.addr("donor");
    assert_eq!(
        chain.send(&donor, CTC, &donate(None, None)).unwrap_err(),
        ContractError::TokenNotSet
    );
    let mut chain = Chain::funded();
    let fake = chain.addr("fake_token");
    assert_eq!(
        chain
            .ctc_send(&fake, &donor, CTC, &donate(None, None), ExecuteMsg::Receive)
            .unwrap_err(),
        convention(ConventionError::WrongToken)
    );
    // Each donation is an entry for good: dust is refused, 1 CTC passes.
    for dust in [0, 1, CTC - 1] {
        assert_eq!(
            chain.send(&donor, dust, &donate(None, None)).unwrap_err(),
            ContractError::DonationTooSmall {
                min: Uint128::new(CTC)
            }
        );
    }
    let entries = chain.ledger().entries;
    chain
        .send(&donor, CTC, &donate(Some("dust no more"), None))
        .unwrap();
    assert_eq!(chain.ledger().entries, entries + 1);
    for memo in ["", &"m".repeat(257)] {
        assert_eq!(
            chain
                .send(&donor, CTC, &donate(Some(memo), None))
                .unwrap_err(),
            convention(ConventionError::InvalidLength {
                field: "memo",
                max: 256
            })
        );
    }
    chain
        .send(&donor, CTC, &donate(Some(&"m".repeat(256)), None))
        .unwrap();
    for bad in ["ab".repeat(31), "zz".repeat(32)] {
        assert_eq!(
            chain
                .send(&donor, CTC, &donate(None, Some(bad)))
                .unwrap_err(),
            convention(ConventionError::InvalidDigest {
                field: "evidence_digest"
            })
        );
    }
    assert!(chain.ledger().balanced);
}

#[test]
fn reconcile_books_what_came_without_a_hook() {
    let mut chain = Chain::funded();
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::NothingToReconcile
    );
    // A plain transfer, or CTC the token recycles into the fund.
    chain.transfer_in(12 * CTC);
    let ledger = chain.ledger();
    assert!(!ledger.balanced);
    assert_eq!(ledger.balance.u128(), GENESIS + 12 * CTC);
    assert_eq!(ledger.received.u128(), GENESIS);
    let response = chain.run(&stranger, ExecuteMsg::Reconcile {}).unwrap();
    assert_eq!(attribute(&response, "action"), "reconcile");
    assert_eq!(attribute(&response, "amount"), (12 * CTC).to_string());
    let booked = entry(&chain, 2);
    assert_eq!(
        (booked.kind, booked.amount.u128(), booked.party, booked.note),
        (EntryKind::Receipt, 12 * CTC, None, Some("reconcile".into()))
    );
    let ledger = chain.ledger();
    assert!(ledger.balanced);
    assert_eq!(ledger.available.u128(), GENESIS + 12 * CTC);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::NothingToReconcile
    );
}

#[test]
fn the_owner_disburses_with_purpose_and_evidence() {
    let mut chain = Chain::funded();
    let (owner, school) = (chain.owner.clone(), chain.addr("school"));
    let response = chain
        .run(
            &owner,
            disburse(
                &school,
                300 * CTC,
                "music lessons, spring term",
                &"CD".repeat(32),
            ),
        )
        .unwrap();
    assert_eq!(
        executes(&response),
        [(
            chain.token.to_string(),
            cw20_transfer_json(&school, 300 * CTC)
        )]
    );
    assert_eq!(attribute(&response, "action"), "disburse");
    assert_eq!(attribute(&response, "entry_id"), "2");
    assert_eq!(attribute(&response, "recipient"), school.as_str());
    assert_eq!(attribute(&response, "evidence_digest"), "cd".repeat(32));
    let booked = entry(&chain, 2);
    assert_eq!(
        (booked.kind, booked.party.as_ref(), booked.note.as_deref()),
        (
            EntryKind::Disbursement,
            Some(&school),
            Some("music lessons, spring term")
        )
    );
    assert_eq!(booked.evidence_digest, Some("cd".repeat(32)));
    let ledger = chain.ledger();
    assert_eq!(ledger.paid_out.u128(), 300 * CTC);
    assert_eq!(ledger.available.u128(), GENESIS - 300 * CTC);
    assert_eq!(ledger.balance.u128(), GENESIS - 300 * CTC);
    assert!(ledger.balanced);
    // All that is available, to the unit.
    chain
        .run(
            &owner,
            disburse(&school, GENESIS - 300 * CTC, "rest", &digest(1)),
        )
        .unwrap();
    assert_eq!(chain.ledger().available, Uint128::zero());
}

#[test]
fn disbursements_are_refused_to_strangers_and_past_the_available() {
    let mut chain = Chain::funded();
    let (owner, stranger, school) = (
        chain.owner.clone(),
        chain.stranger.clone(),
        chain.addr("school"),
    );
    let good = |amount| disburse(&school, amount, "lessons", &digest(1));
    assert_eq!(
        chain.refused(&stranger, good(CTC)),
        convention(OwnershipError::NotOwner)
    );
    assert_eq!(
        chain.refused(&owner, good(GENESIS + 1)),
        ContractError::InsufficientAvailable {
            available: Uint128::new(GENESIS)
        }
    );
    assert_eq!(chain.refused(&owner, good(0)), ContractError::ZeroAmount);
    for purpose in ["", &"p".repeat(257)] {
        assert_eq!(
            chain.refused(&owner, disburse(&school, CTC, purpose, &digest(1))),
            convention(ConventionError::InvalidLength {
                field: "purpose",
                max: 256
            })
        );
    }
    for evidence in ["", "ab", &"gg".repeat(32)] {
        assert_eq!(
            chain.refused(&owner, disburse(&school, CTC, "lessons", evidence)),
            convention(ConventionError::InvalidDigest {
                field: "evidence_digest"
            })
        );
    }
    // The token and the fund itself could never pass the CTC on.
    let token = chain.token.clone();
    let itself = chain.env.contract.address.clone();
    for (to, name) in [
        (&token, "crates.io:ctc-token"),
        (&itself, "crates.io:allocation-fund"),
    ] {
        assert_eq!(
            chain.refused(&owner, disburse(to, CTC, "lessons", &digest(1))),
            convention(AdminError::RecipientCannotSpend {
                field: "recipient",
                address: to.to_string(),
                name: name.into(),
            })
        );
    }
    assert!(matches!(
        chain.refused(
            &owner,
            ExecuteMsg::Disburse {
                recipient: "bad".into(),
                amount: Uint128::new(CTC),
                purpose: "lessons".into(),
                evidence_digest: digest(1),
            }
        ),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "recipient",
            ..
        })
    ));
    // Before the token is set, nothing is available.
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    assert_eq!(
        chain.refused(&owner, disburse(&school, CTC, "lessons", &digest(1))),
        ContractError::TokenNotSet
    );
}

#[test]
fn a_disbursement_never_touches_what_a_round_reserved() {
    let mut chain = Chain::funded();
    let (owner, school, org) = (chain.owner.clone(), chain.addr("school"), chain.addr("org"));
    chain.open(&[(&org, GENESIS - 10 * CTC)], false);
    assert_eq!(chain.ledger().available.u128(), 10 * CTC);
    assert_eq!(
        chain.refused(
            &owner,
            disburse(&school, 10 * CTC + 1, "lessons", &digest(1))
        ),
        ContractError::InsufficientAvailable {
            available: Uint128::new(10 * CTC)
        }
    );
    chain
        .run(&owner, disburse(&school, 10 * CTC, "lessons", &digest(1)))
        .unwrap();
}

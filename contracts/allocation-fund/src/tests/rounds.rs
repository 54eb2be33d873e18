use ctc_interfaces::merkle::MerkleError;
use ctc_testkit::{cw20_transfer_json, DAY};
use cw_ownable::OwnershipError;

use super::*;
use crate::msg::{EntriesResponse, EntryKind, RoundResponse};

struct Orgs {
    a: Addr,
    b: Addr,
    c: Addr,
}

fn orgs(chain: &Chain) -> Orgs {
    Orgs {
        a: chain.addr("org_a"),
        b: chain.addr("org_b"),
        c: chain.addr("org_c"),
    }
}

/// A round of three organisations: 600, 250 and 150 CTC.
fn three(chain: &mut Chain, partners_only: bool) -> (u64, Tree, Orgs) {
    let o = orgs(chain);
    let (round_id, tree) = chain.open(
        &[(&o.a, 600 * CTC), (&o.b, 250 * CTC), (&o.c, 150 * CTC)],
        partners_only,
    );
    (round_id, tree, o)
}

fn round(chain: &Chain, round_id: u64) -> RoundResponse {
    chain.ask(QueryMsg::Round { round_id })
}

#[test]
fn opening_a_round_reserves_its_total() {
    let mut chain = Chain::funded();
    let o = orgs(&chain);
    let tree = chain.next_tree(&[(&o.a, 600 * CTC), (&o.b, 400 * CTC)]);
    let until = chain.in_hours(48);
    let owner = chain.owner.clone();
    let response = chain.run(&owner, open_round(&tree, until, true)).unwrap();
    assert_eq!(attribute(&response, "action"), "open_round");
    assert_eq!(attribute(&response, "round_id"), "1");
    assert_eq!(attribute(&response, "total"), (1_000 * CTC).to_string());
    assert_eq!(attribute(&response, "root"), tree.root.to_hex());
    assert_eq!(attribute(&response, "list_digest"), digest(0x15));
    assert_eq!(attribute(&response, "partners_only"), "true");
    assert_eq!(
        round(&chain, 1),
        RoundResponse {
            round_id: 1,
            root: tree.root.clone(),
            total: Uint128::new(1_000 * CTC),
            claimed: Uint128::zero(),
            list_digest: digest(0x15),
            list_uri: "ipfs://bafy-round-list".into(),
            opened_at: chain.env.block.time,
            claims_until: until,
            partners_only: true,
            closed: false,
        }
    );
    let ledger = chain.ledger();
    assert_eq!(ledger.reserved.u128(), 1_000 * CTC);
    assert_eq!(ledger.available.u128(), GENESIS - 1_000 * CTC);
    assert_eq!(ledger.rounds, 1);
    // Opening moves no CTC and books no entry.
    assert!(response.messages.is_empty());
    assert_eq!(ledger.entries, 1);
    // Ids are sequential.
    let (second, _) = chain.open(&[(&o.c, CTC)], false);
    assert_eq!(second, 2);
}

#[test]
fn a_round_is_refused_to_strangers_past_the_available_and_with_bad_fields() {
    let mut chain = Chain::funded();
    let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
    let o = orgs(&chain);
    let tree = chain.next_tree(&[(&o.a, GENESIS)]);
    let until = chain.in_hours(24);
    let good = open_round(&tree, until, false);
    assert_eq!(
        chain.refused(&stranger, good.clone()),
        convention(OwnershipError::NotOwner)
    );
    let over = chain.next_tree(&[(&o.a, GENESIS), (&o.b, 1)]);
    assert_eq!(
        chain.refused(&owner, open_round(&over, until, false)),
        ContractError::InsufficientAvailable {
            available: Uint128::new(GENESIS)
        }
    );
    let msg = |root: HexBinary, total: Uint128, list_digest: &str, list_uri: &str| {
        ExecuteMsg::OpenRound {
            root,
            total,
            list_digest: list_digest.into(),
            list_uri: list_uri.into(),
            claims_until: until,
            partners_only: false,
        }
    };
    let (root, total, uri) = (tree.root.clone(), tree.total, "ipfs://list");
    let cases = [
        (
            msg(root_of(31), total, &digest(1), uri),
            ContractError::InvalidRoot { len: 31 },
        ),
        (
            msg(root_of(33), total, &digest(1), uri),
            ContractError::InvalidRoot { len: 33 },
        ),
        (
            msg(root.clone(), Uint128::zero(), &digest(1), uri),
            ContractError::ZeroAmount,
        ),
        (
            msg(root.clone(), total, "ab", uri),
            convention(ConventionError::InvalidDigest {
                field: "list_digest",
            }),
        ),
        (
            msg(root.clone(), total, &digest(1), &"u".repeat(257)),
            convention(ConventionError::InvalidLength {
                field: "list_uri",
                max: 256,
            }),
        ),
        (
            msg(root.clone(), total, &digest(1), ""),
            convention(ConventionError::InvalidLength {
                field: "list_uri",
                max: 256,
            }),
        ),
    ];
    for (msg, refusal) in cases {
        assert_eq!(chain.refused(&owner, msg), refusal);
    }
    let now = chain.env.block.time;
    for until in [now, now.minus_seconds(1)] {
        assert_eq!(
            chain.refused(&owner, open_round(&tree, until, false)),
            ContractError::ClaimsUntilInPast
        );
    }
    chain.run(&owner, good).unwrap();
    // Reserved once: the same CTC cannot back a second round.
    let again = chain.next_tree(&[(&o.b, 1)]);
    assert_eq!(
        chain.refused(&owner, open_round(&again, until, false)),
        ContractError::InsufficientAvailable {
            available: Uint128::zero()
        }
    );
    // No token, nothing to reserve.
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    assert_eq!(
        chain.refused(&owner, open_round(&tree, until, false)),
        ContractError::TokenNotSet
    );
}

#[test]
fn a_claim_pays_exactly_its_leaf_once() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, false);
    // Anyone may send the claim: it pays the listed address.
    let response = chain
        .claim(round_id, &o.b, 250 * CTC, &tree.proofs[1])
        .unwrap();
    assert_eq!(
        executes(&response),
        [(chain.token.to_string(), cw20_transfer_json(&o.b, 250 * CTC))]
    );
    assert_eq!(attribute(&response, "action"), "claim");
    assert_eq!(attribute(&response, "round_id"), "1");
    assert_eq!(attribute(&response, "address"), o.b.as_str());
    assert_eq!(attribute(&response, "amount"), (250 * CTC).to_string());
    assert_eq!(attribute(&response, "entry_id"), "2");
    let page: EntriesResponse = chain.ask(QueryMsg::Entries {
        start_after: Some(1),
        limit: None,
    });
    let booked = &page.entries[0];
    assert_eq!(
        (
            booked.kind,
            booked.party.as_ref(),
            booked.round_id,
            booked.amount.u128()
        ),
        (EntryKind::Claim, Some(&o.b), Some(1), 250 * CTC)
    );
    assert_eq!(round(&chain, 1).claimed.u128(), 250 * CTC);
    let ledger = chain.ledger();
    assert_eq!(ledger.reserved.u128(), 750 * CTC);
    assert_eq!(ledger.paid_out.u128(), 250 * CTC);
    assert!(ledger.balanced);
    let claimed = |chain: &Chain, who: &Addr| -> bool {
        chain.ask(QueryMsg::Claimed {
            round_id: 1,
            address: who.to_string(),
        })
    };
    assert!(claimed(&chain, &o.b));
    assert!(!claimed(&chain, &o.a));
    assert_eq!(
        chain
            .claim(round_id, &o.b, 250 * CTC, &tree.proofs[1])
            .unwrap_err(),
        ContractError::AlreadyClaimed {
            round_id: 1,
            address: o.b.to_string()
        }
    );
    // Every leaf claimed: the round paid exactly its total.
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
    chain
        .claim(round_id, &o.c, 150 * CTC, &tree.proofs[2])
        .unwrap();
    assert_eq!(round(&chain, 1).claimed, tree.total);
    let ledger = chain.ledger();
    assert_eq!(ledger.reserved, Uint128::zero());
    assert_eq!(ledger.balance.u128(), GENESIS - 1_000 * CTC);
    assert!(ledger.balanced);
}

#[test]
fn forged_and_foreign_proofs_are_refused() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, false);
    // A second round of the same list: only the scope differs.
    let (second, second_tree) = chain.open(
        &[(&o.a, 600 * CTC), (&o.b, 250 * CTC), (&o.c, 150 * CTC)],
        false,
    );
    let mismatch = ContractError::InvalidProof(MerkleError::Mismatch);
    // More than the leaf says.
    assert_eq!(
        chain
            .claim(round_id, &o.a, 600 * CTC + 1, &tree.proofs[0])
            .unwrap_err(),
        mismatch
    );
    // Another organisation's proof, for the same or for its amount.
    assert_eq!(
        chain
            .claim(round_id, &o.a, 250 * CTC, &tree.proofs[1])
            .unwrap_err(),
        mismatch
    );
    assert_eq!(
        chain
            .claim(round_id, &o.a, 600 * CTC, &tree.proofs[1])
            .unwrap_err(),
        mismatch
    );
    // An outsider with a listed organisation's proof.
    let outsider = chain.addr("outsider");
    assert_eq!(
        chain
            .claim(round_id, &outsider, 600 * CTC, &tree.proofs[0])
            .unwrap_err(),
        mismatch
    );
    // The other round's proof.
    assert_eq!(
        chain
            .claim(round_id, &o.a, 600 * CTC, &second_tree.proofs[0])
            .unwrap_err(),
        mismatch
    );
    assert_eq!(
        chain
            .claim(second, &o.a, 600 * CTC, &tree.proofs[0])
            .unwrap_err(),
        mismatch
    );
    // A made-up sibling claiming the whole total in one leaf.
    let forged = vec![ProofStep {
        sibling: HexBinary::from([9u8; 32]),
        sibling_sum: Uint128::new(400 * CTC),
        sibling_is_left: false,
    }];
    assert_eq!(
        chain
            .claim(round_id, &outsider, 600 * CTC, &forged)
            .unwrap_err(),
        mismatch
    );
    let mut short = tree.proofs[0].clone();
    short[0].sibling = HexBinary::from(vec![1; 31]);
    assert_eq!(
        chain.claim(round_id, &o.a, 600 * CTC, &short).unwrap_err(),
        ContractError::InvalidProof(MerkleError::BadSibling { step: 0, len: 31 })
    );
    let deep = vec![tree.proofs[0][0].clone(); 33];
    assert_eq!(
        chain.claim(round_id, &o.a, 600 * CTC, &deep).unwrap_err(),
        ContractError::InvalidProof(MerkleError::TooDeep { steps: 33, max: 32 })
    );
    assert_eq!(
        chain.claim(round_id, &o.a, 0, &tree.proofs[0]).unwrap_err(),
        ContractError::ZeroAmount
    );
    assert!(matches!(
        chain.run(
            &o.a,
            ExecuteMsg::Claim {
                round_id,
                address: "bad".into(),
                amount: Uint128::new(600 * CTC),
                proof: tree.proofs[0].clone(),
            }
        ),
        Err(ContractError::Convention(ConventionError::InvalidAddress {
            field: "address",
            ..
        }))
    ));
    assert_eq!(
        chain
            .claim(9, &o.a, 600 * CTC, &tree.proofs[0])
            .unwrap_err(),
        ContractError::UnknownRound { round_id: 9 }
    );
    // The genuine claims still pass, in either round.
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
    chain
        .claim(second, &o.a, 600 * CTC, &second_tree.proofs[0])
        .unwrap();
}

#[test]
fn claims_end_and_the_round_closes_with_the_rest_returned() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, false);
    let stranger = chain.stranger.clone();
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
    let until = round(&chain, round_id).claims_until;
    let close = ExecuteMsg::CloseRound { round_id };
    assert_eq!(
        chain.refused(&stranger, close.clone()),
        ContractError::ClaimsOpen { round_id, until }
    );
    // The last moment still takes claims, and the round cannot close yet.
    chain.advance(DAY);
    assert_eq!(chain.env.block.time, until);
    chain
        .claim(round_id, &o.b, 250 * CTC, &tree.proofs[1])
        .unwrap();
    assert_eq!(
        chain.refused(&stranger, close.clone()),
        ContractError::ClaimsOpen { round_id, until }
    );
    chain.advance(1);
    assert_eq!(
        chain
            .claim(round_id, &o.c, 150 * CTC, &tree.proofs[2])
            .unwrap_err(),
        ContractError::ClaimsEnded { round_id, until }
    );
    let before = chain.ledger();
    assert_eq!(before.reserved.u128(), 150 * CTC);
    let response = chain.run(&stranger, close.clone()).unwrap();
    assert_eq!(attribute(&response, "action"), "close_round");
    assert_eq!(attribute(&response, "claimed"), (850 * CTC).to_string());
    assert_eq!(attribute(&response, "returned"), (150 * CTC).to_string());
    assert!(response.messages.is_empty());
    let after = chain.ledger();
    assert_eq!(after.reserved, Uint128::zero());
    assert_eq!(after.available, before.available + Uint128::new(150 * CTC));
    assert_eq!(after.entries, before.entries);
    assert!(after.balanced);
    assert!(round(&chain, round_id).closed);
    assert_eq!(
        chain.refused(&stranger, close),
        ContractError::RoundClosed { round_id }
    );
    assert_eq!(
        chain
            .claim(round_id, &o.c, 150 * CTC, &tree.proofs[2])
            .unwrap_err(),
        ContractError::RoundClosed { round_id }
    );
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::CloseRound { round_id: 5 }),
        ContractError::UnknownRound { round_id: 5 }
    );
}

#[test]
fn a_partners_only_round_pays_active_partners_only() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, true);
    chain.set_partner(&o.a, Standing::Active);
    chain.set_partner(&o.b, Standing::Suspended);
    // o.c was never admitted.
    assert_eq!(
        chain
            .claim(round_id, &o.c, 150 * CTC, &tree.proofs[2])
            .unwrap_err(),
        ContractError::NotAPartner {
            round_id,
            address: o.c.to_string()
        }
    );
    assert_eq!(
        chain
            .claim(round_id, &o.b, 250 * CTC, &tree.proofs[1])
            .unwrap_err(),
        ContractError::PartnerNotActive {
            round_id,
            address: o.b.to_string()
        }
    );
    chain.asked.borrow_mut().clear();
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
    // One query per claim.
    assert_eq!(
        *chain.asked.borrow(),
        [RegistryQueryMsg::PartnerStatus {
            address: o.a.to_string()
        }]
    );
    // A forged proof is refused before the registry is asked.
    chain.asked.borrow_mut().clear();
    assert_eq!(
        chain
            .claim(round_id, &o.c, 600 * CTC, &tree.proofs[0])
            .unwrap_err(),
        ContractError::InvalidProof(MerkleError::Mismatch)
    );
    assert!(chain.asked.borrow().is_empty());
    // Reinstated, the suspended partner claims.
    chain.set_partner(&o.b, Standing::Active);
    chain
        .claim(round_id, &o.b, 250 * CTC, &tree.proofs[1])
        .unwrap();
}

#[test]
fn an_open_round_asks_the_registry_nothing() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, false);
    chain
        .claim(round_id, &o.c, 150 * CTC, &tree.proofs[2])
        .unwrap();
    assert!(chain.asked.borrow().is_empty());
}

use cosmwasm_std::{ContractResult, SystemError, SystemResult, WasmQuery};
use ctc_conventions::AdminError;
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
    let response = chain
        .run(&owner, open_round(1, &tree, until, true))
        .unwrap();
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
            cancelled: false,
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
    let good = open_round(1, &tree, until, false);
    assert_eq!(
        chain.refused(&stranger, good.clone()),
        convention(OwnershipError::NotOwner)
    );
    let over = chain.next_tree(&[(&o.a, GENESIS), (&o.b, 1)]);
    assert_eq!(
        chain.refused(&owner, open_round(1, &over, until, false)),
        ContractError::InsufficientAvailable {
            available: Uint128::new(GENESIS)
        }
    );
    let msg = |root: HexBinary, total: Uint128, list_digest: &str, list_uri: &str| {
        ExecuteMsg::OpenRound {
            round_id: 1,
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
            chain.refused(&owner, open_round(1, &tree, until, false)),
            ContractError::ClaimsUntilInPast
        );
    }
    // Claims for at most 365 days: a round's reserve is locked until they end.
    let latest = now.plus_seconds(365 * DAY);
    assert_eq!(
        chain.refused(&owner, open_round(1, &tree, latest.plus_seconds(1), false)),
        ContractError::ClaimWindowTooLong { latest }
    );
    // Only under the next id: the leaves were built for it.
    for round_id in [0, 2, u64::MAX] {
        assert_eq!(
            chain.refused(&owner, open_round(round_id, &tree, until, false)),
            ContractError::UnexpectedRoundId {
                expected: 1,
                given: round_id
            }
        );
    }
    chain.run(&owner, good).unwrap();
    // Reserved once: the same CTC cannot back a second round.
    let again = chain.next_tree(&[(&o.b, 1)]);
    assert_eq!(
        chain.refused(&owner, open_round(2, &again, until, false)),
        ContractError::InsufficientAvailable {
            available: Uint128::zero()
        }
    );
    // No token, nothing to reserve.
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    assert_eq!(
        chain.refused(&owner, open_round(1, &tree, until, false)),
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

/// The owner opens `tree` as round `round_id` with claims for a day.
fn open_as(chain: &mut Chain, round_id: u64, tree: &Tree) -> Result<Response, ContractError> {
    let (owner, until) = (chain.owner.clone(), chain.in_hours(24));
    chain.run(&owner, open_round(round_id, tree, until, false))
}

#[test]
fn a_tree_built_for_a_round_id_another_round_took_is_refused() {
    let mut chain = Chain::funded();
    let o = orgs(&chain);
    chain.open(&[(&o.c, CTC)], false);
    // Two proposals, both built for round 2; the first to pass takes it.
    let n = chain.next_round();
    assert_eq!(n, 2);
    let first = chain.next_tree(&[(&o.a, 10 * CTC)]);
    let second = chain.next_tree(&[(&o.b, 20 * CTC)]);
    open_as(&mut chain, n, &first).unwrap();
    assert_eq!(
        open_as(&mut chain, n, &second).unwrap_err(),
        ContractError::UnexpectedRoundId {
            expected: n + 1,
            given: n
        }
    );
    // Opened as round 3 it would reserve its total for proofs that could never verify there.
    let stale = tree(&chain.fund(), n + 1, &[(&o.b, 20 * CTC)]);
    assert_ne!(stale.root, second.root);
    assert_eq!(chain.ledger().rounds, n);
    assert_eq!(chain.ledger().reserved.u128(), 11 * CTC);
}

#[test]
fn claims_run_for_365_days_at_most() {
    let mut chain = Chain::funded();
    let (owner, o) = (chain.owner.clone(), orgs(&chain));
    let tree = chain.next_tree(&[(&o.a, CTC)]);
    let latest = chain.env.block.time.plus_seconds(365 * DAY);
    assert_eq!(
        chain.refused(&owner, open_round(1, &tree, latest.plus_seconds(1), false)),
        ContractError::ClaimWindowTooLong { latest }
    );
    assert_eq!(
        chain.refused(
            &owner,
            open_round(1, &tree, latest.plus_days(36_500), false)
        ),
        ContractError::ClaimWindowTooLong { latest }
    );
    chain
        .run(&owner, open_round(1, &tree, latest, false))
        .unwrap();
    assert_eq!(round(&chain, 1).claims_until, latest);
}

#[test]
fn an_upper_case_address_is_refused_before_anything_is_written() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, false);
    let upper = o.a.as_str().to_uppercase();
    let refused = chain.refused(
        &o.a,
        ExecuteMsg::Claim {
            round_id,
            address: upper.clone(),
            amount: Uint128::new(600 * CTC),
            proof: tree.proofs[0].clone(),
        },
    );
    assert!(
        matches!(
            &refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "address",
                ..
            })
        ),
        "{refused}"
    );
    assert!(matches!(
        chain.ask_err(QueryMsg::Claimed {
            round_id,
            address: upper
        }),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "address",
            ..
        })
    ));
    assert_eq!(round(&chain, round_id).claimed, Uint128::zero());
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
}

#[test]
fn a_platform_contract_listed_by_mistake_is_never_paid() {
    let mut chain = Chain::funded();
    let (token, registry, fund, o) = (
        chain.token.clone(),
        chain.registry.clone(),
        chain.fund(),
        orgs(&chain),
    );
    let (round_id, tree) = chain.open(
        &[
            (&token, CTC),
            (&registry, 2 * CTC),
            (&fund, 3 * CTC),
            (&o.a, 4 * CTC),
        ],
        false,
    );
    for (k, address, amount, name) in [
        (0, &token, CTC, "crates.io:ctc-token"),
        (1, &registry, 2 * CTC, "crates.io:partner-registry"),
        (2, &fund, 3 * CTC, "crates.io:allocation-fund"),
    ] {
        assert_eq!(
            chain
                .claim(round_id, address, amount, &tree.proofs[k])
                .unwrap_err(),
            convention(AdminError::RecipientCannotSpend {
                field: "address",
                address: address.to_string(),
                name: name.into(),
            })
        );
    }
    chain
        .claim(round_id, &o.a, 4 * CTC, &tree.proofs[3])
        .unwrap();
    // What they were listed for goes back when the round closes.
    chain.advance(DAY + 1);
    let stranger = chain.stranger.clone();
    let response = chain
        .run(&stranger, ExecuteMsg::CloseRound { round_id })
        .unwrap();
    assert_eq!(attribute(&response, "returned"), (6 * CTC).to_string());
}

#[test]
fn one_address_in_two_leaves_claims_once_and_the_rest_returns_on_close() {
    let mut chain = Chain::funded();
    let o = orgs(&chain);
    // Built by hand: `merkle::build` refuses a list that names an address twice.
    let (fund, round_id) = (chain.fund(), chain.next_round());
    let leaf = |amount: u128| {
        merkle::leaf_hash(fund.as_str(), round_id, o.a.as_str(), Uint128::new(amount)).unwrap()
    };
    let (first, second) = (leaf(100 * CTC), leaf(50 * CTC));
    let (first_sum, second_sum) = (Uint128::new(100 * CTC), Uint128::new(50 * CTC));
    let tree = Tree {
        root: HexBinary::from(merkle::node_hash(&first, first_sum, &second, second_sum)),
        total: first_sum + second_sum,
        proofs: vec![
            vec![ProofStep {
                sibling: HexBinary::from(second),
                sibling_sum: second_sum,
                sibling_is_left: false,
            }],
            vec![ProofStep {
                sibling: HexBinary::from(first),
                sibling_sum: first_sum,
                sibling_is_left: true,
            }],
        ],
    };
    open_as(&mut chain, round_id, &tree).unwrap();
    chain
        .claim(round_id, &o.a, 100 * CTC, &tree.proofs[0])
        .unwrap();
    // The second leaf is genuine, but the address has claimed.
    assert_eq!(
        chain
            .claim(round_id, &o.a, 50 * CTC, &tree.proofs[1])
            .unwrap_err(),
        ContractError::AlreadyClaimed {
            round_id,
            address: o.a.to_string()
        }
    );
    assert_eq!(chain.ledger().reserved.u128(), 50 * CTC);
    chain.advance(DAY + 1);
    let stranger = chain.stranger.clone();
    let response = chain
        .run(&stranger, ExecuteMsg::CloseRound { round_id })
        .unwrap();
    assert_eq!(attribute(&response, "claimed"), (100 * CTC).to_string());
    assert_eq!(attribute(&response, "returned"), (50 * CTC).to_string());
    let ledger = chain.ledger();
    assert_eq!(ledger.reserved, Uint128::zero());
    assert_eq!(ledger.available.u128(), GENESIS - 100 * CTC);
    assert!(ledger.balanced);
}

#[test]
fn a_proof_from_another_fund_with_the_same_round_id_is_refused() {
    let mut chain = Chain::funded();
    let o = orgs(&chain);
    // Another instance (another bucket) published round 1 of this list; its root copied into
    // this fund's round 1 pays no one here, since this fund's leaves carry its own address.
    let other_fund = chain.addr("service_providers_fund");
    let list = [(&o.a, 600 * CTC), (&o.b, 400 * CTC)];
    let theirs = tree(&other_fund, 1, &list);
    open_as(&mut chain, 1, &theirs).unwrap();
    for (k, (address, amount)) in list.iter().enumerate() {
        assert_eq!(
            chain
                .claim(1, address, *amount, &theirs.proofs[k])
                .unwrap_err(),
            ContractError::InvalidProof(MerkleError::Mismatch)
        );
    }
    // This fund's own tree of the same list and id differs, and its proofs do not fit their root.
    let ours = tree(&chain.fund(), 1, &list);
    assert_ne!(ours.root, theirs.root);
    assert_eq!(
        chain
            .claim(1, &o.a, 600 * CTC, &ours.proofs[0])
            .unwrap_err(),
        ContractError::InvalidProof(MerkleError::Mismatch)
    );
}

#[test]
fn a_partners_only_claim_is_refused_while_the_registry_cannot_answer() {
    let mut chain = Chain::funded();
    let (round_id, tree, o) = three(&mut chain, true);
    chain.set_partner(&o.a, Standing::Active);
    let registry = chain.registry.clone();
    chain.deps.querier.update_wasm(move |query| match query {
        WasmQuery::Smart { contract_addr, .. } if *contract_addr == registry.as_str() => {
            SystemResult::Ok(ContractResult::Err("the registry is being migrated".into()))
        }
        // The claimant is an account: the recipient check's raw query finds no contract.
        WasmQuery::Raw { contract_addr, .. } => SystemResult::Err(SystemError::NoSuchContract {
            addr: contract_addr.clone(),
        }),
        other => panic!("unexpected query {other:?}"),
    });
    let refused = chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap_err();
    assert!(
        matches!(&refused, ContractError::Std(_)) && refused.to_string().contains("migrated"),
        "{refused}"
    );
    assert_eq!(round(&chain, round_id).claimed, Uint128::zero());
    // Once it answers again, the partner claims.
    chain.install_neighbours();
    chain
        .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
        .unwrap();
}

#[test]
fn the_owner_cancels_a_round_only_before_its_first_claim() {
    let mut chain = Chain::funded();
    let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
    let (round_id, tree, o) = three(&mut chain, false);
    let cancel = |round_id| ExecuteMsg::CancelRound { round_id };
    assert_eq!(
        chain.refused(&stranger, cancel(round_id)),
        convention(OwnershipError::NotOwner)
    );
    assert_eq!(
        chain.refused(&owner, cancel(9)),
        ContractError::UnknownRound { round_id: 9 }
    );
    let before = chain.ledger();
    let response = chain.run(&owner, cancel(round_id)).unwrap();
    assert_eq!(attribute(&response, "action"), "cancel_round");
    assert_eq!(attribute(&response, "round_id"), round_id.to_string());
    assert_eq!(attribute(&response, "returned"), tree.total.to_string());
    assert!(response.messages.is_empty());
    let after = chain.ledger();
    assert_eq!(after.reserved, Uint128::zero());
    assert_eq!(after.available, before.available + tree.total);
    assert_eq!(after.entries, before.entries);
    let cancelled = round(&chain, round_id);
    assert!(cancelled.closed && cancelled.cancelled);
    // Closed: no claim, no second cancellation, no close.
    assert_eq!(
        chain
            .claim(round_id, &o.a, 600 * CTC, &tree.proofs[0])
            .unwrap_err(),
        ContractError::RoundClosed { round_id }
    );
    assert_eq!(
        chain.refused(&owner, cancel(round_id)),
        ContractError::RoundClosed { round_id }
    );
    chain.advance(DAY + 1);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::CloseRound { round_id }),
        ContractError::RoundClosed { round_id }
    );

    // After a claim, the round runs its course.
    let (second, tree, o) = three(&mut chain, false);
    chain
        .claim(second, &o.b, 250 * CTC, &tree.proofs[1])
        .unwrap();
    assert_eq!(
        chain.refused(&owner, cancel(second)),
        ContractError::RoundHasClaims {
            round_id: second,
            claimed: Uint128::new(250 * CTC)
        }
    );
    chain.advance(DAY + 1);
    assert_eq!(
        chain.refused(&owner, cancel(second)),
        ContractError::RoundHasClaims {
            round_id: second,
            claimed: Uint128::new(250 * CTC)
        }
    );
    let response = chain
        .run(&stranger, ExecuteMsg::CloseRound { round_id: second })
        .unwrap();
    assert_eq!(attribute(&response, "returned"), (750 * CTC).to_string());
    let closed = round(&chain, second);
    assert!(closed.closed && !closed.cancelled);
    assert_eq!(chain.ledger().reserved, Uint128::zero());
}

//! A Merkle sum tree: every node commits to its children's hashes and to the amounts beneath
//! them, so a root and a total published together promise exactly that total, no more. One
//! verified leaf proves that an address holds (or may claim) an amount within the total, for
//! allocation-fund's distribution rounds and for a custodian's proof of holdings (络谱 §3.4.3).
//!
//! The format, byte for byte (integers big-endian):
//!
//! - leaf = sha256(`0x00` ‖ len(domain) (u8) ‖ domain (its bech32 text) ‖ scope (u64) ‖
//!   len(address) (u8) ‖ address (its bech32 text) ‖ amount (u128));
//! - node = sha256(`0x01` ‖ left hash ‖ left sum (u128) ‖ right hash ‖ right sum (u128)), and the
//!   node's sum is left sum + right sum (an overflow is an invalid proof);
//! - the leaves, in the order of the published list, are paired left to right at each level; a
//!   last, unpaired node moves up to the next level unchanged (it gets no step in its proofs);
//! - the root is the one node left; the total is its sum.
//!
//! The `0x00`/`0x01` prefixes keep a leaf from ever being read as a node (and the reverse): the
//! rest of a leaf's preimage can be made to equal a node's, the first byte never. The domain is
//! the address of whoever publishes the tree (an allocation fund for its rounds, a custodian for
//! its holdings): a round's leaves cannot be replayed in another fund, nor a custodian's holdings
//! passed off as a round, even with the same list and scope. The scope (a round id) keeps one
//! round's proof from being replayed in another round of the same publisher.
//!
//! Addresses are hashed as given. The contracts accept only validated (lower-case) addresses, so
//! [`build`] refuses any other spelling: a leaf for an upper-case address could never be claimed.

use std::collections::BTreeSet;

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{HexBinary, Uint128};
use sha2::{Digest, Sha256};

/// Deep enough for 2³² entries; a longer proof only costs the verifier gas.
pub const MAX_PROOF_STEPS: usize = 32;

const LEAF_PREFIX: u8 = 0x00;
const NODE_PREFIX: u8 = 0x01;

/// One level of a proof: the node beside the one being rebuilt.
#[cw_serde]
pub struct ProofStep {
    /// The sibling's hash, 32 bytes.
    pub sibling: HexBinary,
    /// The amounts beneath the sibling.
    pub sibling_sum: Uint128,
    /// Whether the sibling is the left child (and the node being rebuilt the right one).
    pub sibling_is_left: bool,
}

#[derive(thiserror::Error, Debug, PartialEq)]
pub enum MerkleError {
    #[error("a root is 32 bytes, not {len}")]
    BadRoot { len: usize },

    #[error("the sibling of proof step {step} is 32 bytes, not {len}")]
    BadSibling { step: usize, len: usize },

    #[error("a proof has at most {max} steps, not {steps}")]
    TooDeep { steps: usize, max: usize },

    #[error("the sums overflow at proof step {step}")]
    Overflow { step: usize },

    #[error("an address in a leaf is at most 255 bytes, not {len}")]
    AddressTooLong { len: usize },

    #[error("a tree's domain is at most 255 bytes, not {len}")]
    DomainTooLong { len: usize },

    #[error("{address} is not lower case: the contracts only take addresses in lower case, so its leaf could never be claimed")]
    NotLowerCase { address: String },

    #[error("the proof does not rebuild the root and its total")]
    Mismatch,

    #[error("a tree needs at least one entry")]
    Empty,

    #[error("{address} is listed twice: a tree holds one entry per address")]
    Duplicate { address: String },
}

/// A leaf's hash: what `address` holds (or may claim) in the tree `domain` published for `scope`.
pub fn leaf_hash(
    domain: &str,
    scope: u64,
    address: &str,
    amount: Uint128,
) -> Result<[u8; 32], MerkleError> {
    let domain_len =
        u8::try_from(domain.len()).map_err(|_| MerkleError::DomainTooLong { len: domain.len() })?;
    let len = u8::try_from(address.len())
        .map_err(|_| MerkleError::AddressTooLong { len: address.len() })?;
    // Both texts carry their length, so no two (domain, address) pairs give the same bytes.
    Ok(Sha256::new()
        .chain_update([LEAF_PREFIX])
        .chain_update([domain_len])
        .chain_update(domain.as_bytes())
        .chain_update(scope.to_be_bytes())
        .chain_update([len])
        .chain_update(address.as_bytes())
        .chain_update(amount.u128().to_be_bytes())
        .finalize()
        .into())
}

/// An inner node's hash; its sum is `left_sum + right_sum`, which the caller checks.
pub fn node_hash(
    left: &[u8; 32],
    left_sum: Uint128,
    right: &[u8; 32],
    right_sum: Uint128,
) -> [u8; 32] {
    Sha256::new()
        .chain_update([NODE_PREFIX])
        .chain_update(left)
        .chain_update(left_sum.u128().to_be_bytes())
        .chain_update(right)
        .chain_update(right_sum.u128().to_be_bytes())
        .finalize()
        .into()
}

/// `bytes` as a 32-byte hash, or `None`.
fn hash32(bytes: &[u8]) -> Option<[u8; 32]> {
    bytes.try_into().ok()
}

/// Checks that `proof` rebuilds, from the leaf of (`domain`, `scope`, `address`, `amount`), both
/// `root` and `total`: that the tree `domain` published as `root` with sum `total` holds this
/// entry.
pub fn verify(
    root: &[u8],
    total: Uint128,
    domain: &str,
    scope: u64,
    address: &str,
    amount: Uint128,
    proof: &[ProofStep],
) -> Result<(), MerkleError> {
    // Before any hashing, so an oversized proof costs little.
    if proof.len() > MAX_PROOF_STEPS {
        return Err(MerkleError::TooDeep {
            steps: proof.len(),
            max: MAX_PROOF_STEPS,
        });
    }
    let root = hash32(root).ok_or(MerkleError::BadRoot { len: root.len() })?;
    let mut hash = leaf_hash(domain, scope, address, amount)?;
    let mut sum = amount;
    for (
        step,
        ProofStep {
            sibling,
            sibling_sum,
            sibling_is_left,
        },
    ) in proof.iter().enumerate()
    {
        let sibling = hash32(sibling).ok_or(MerkleError::BadSibling {
            step,
            len: sibling.len(),
        })?;
        hash = if *sibling_is_left {
            node_hash(&sibling, *sibling_sum, &hash, sum)
        } else {
            node_hash(&hash, sum, &sibling, *sibling_sum)
        };
        sum = sum
            .checked_add(*sibling_sum)
            .map_err(|_| MerkleError::Overflow { step })?;
    }
    if hash != root || sum != total {
        return Err(MerkleError::Mismatch);
    }
    Ok(())
}

/// Refuses a text the contracts would never accept as an address: the validated spelling of a
/// bech32 address is lower case, and the claim or the query hashes that spelling.
fn ensure_lower_case(address: &str) -> Result<(), MerkleError> {
    if address.chars().any(char::is_uppercase) {
        return Err(MerkleError::NotLowerCase {
            address: address.to_owned(),
        });
    }
    Ok(())
}

/// A tree built from a list: its root, its total and each entry's proof, in the list's order.
#[cw_serde]
pub struct Tree {
    pub root: HexBinary,
    pub total: Uint128,
    pub proofs: Vec<Vec<ProofStep>>,
}

/// Builds the tree `domain` publishes of `entries` (address, amount) for `scope`, in the given
/// order: what the publisher of a round or of holdings computes off chain (and tests compute
/// here). Refuses an empty list, a domain or an address that is not lower case or is over 255
/// bytes, an address listed twice (its second entry could never be claimed) and a total over
/// `u128`.
pub fn build(domain: &str, scope: u64, entries: &[(String, Uint128)]) -> Result<Tree, MerkleError> {
    if entries.is_empty() {
        return Err(MerkleError::Empty);
    }
    ensure_lower_case(domain)?;
    let mut seen = BTreeSet::new();
    let mut level = Vec::with_capacity(entries.len());
    for (address, amount) in entries {
        ensure_lower_case(address)?;
        if !seen.insert(address.as_str()) {
            return Err(MerkleError::Duplicate {
                address: address.clone(),
            });
        }
        level.push((leaf_hash(domain, scope, address, *amount)?, *amount));
    }
    let mut proofs = vec![Vec::new(); entries.len()];
    // Where each entry's node sits in the current level.
    let mut positions: Vec<usize> = (0..entries.len()).collect();
    let mut depth = 0;
    while level.len() > 1 {
        for (proof, position) in proofs.iter_mut().zip(positions.iter_mut()) {
            let sibling = *position ^ 1;
            if let Some(&(hash, sum)) = level.get(sibling) {
                proof.push(ProofStep {
                    sibling: HexBinary::from(hash),
                    sibling_sum: sum,
                    sibling_is_left: sibling < *position,
                });
            }
            *position /= 2;
        }
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [(left, left_sum), (right, right_sum)] => left_sum
                    .checked_add(*right_sum)
                    .map(|sum| (node_hash(left, *left_sum, right, *right_sum), sum))
                    .map_err(|_| MerkleError::Overflow { step: depth }),
                [unpaired] => Ok(*unpaired),
                _ => unreachable!("chunks of two"),
            })
            .collect::<Result<_, _>>()?;
        depth += 1;
    }
    let (root, total) = level[0];
    Ok(Tree {
        root: HexBinary::from(root),
        total,
        proofs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockApi;
    use proptest::prelude::*;

    fn entries(list: &[(&str, u128)]) -> Vec<(String, Uint128)> {
        list.iter()
            .map(|&(address, amount)| (address.to_owned(), Uint128::new(amount)))
            .collect()
    }

    /// The publisher of the vectors of `tests/merkle_vector.json`:
    /// `MockApi::addr_make("allocation_fund")`.
    const DOMAIN: &str = "cosmwasm13s7hj6n538uvwcagkm7wrk0w88px8wkdmz94n5mxym4emy8yu3wsqhzuf6";

    /// The lists of `tests/merkle_vector.json`: `MockApi::addr_make("org1")` to `("org5")`.
    const ADDRESSES: [&str; 5] = [
        "cosmwasm138svz0ax2t6jmy0ujr2k3dcqwrtw6xjechvlg5klkxe2rxd3j28quzcwg0",
        "cosmwasm1j72e3a33mz5ahqy9rny3jr0l7pnamq3p0nsatduqatvphyfkgmaqsjahvn",
        "cosmwasm1w02kjks834qqns0qe93t9dsne65yq88evklr6new49f5phl2ceds5lzs6s",
        "cosmwasm1senmxvwnjnepx7x4etw5eaagy5dtqym3x33vn8lu9qevrgxj88wstd6r6v",
        "cosmwasm19qu52h789m63vpuqa0eamqf8a332t7c934cdl0h9es63z3vdv0lqw9qay6",
    ];

    fn vector(count: usize) -> Vec<(String, Uint128)> {
        let amounts = [
            600_000_000u128,
            250_000_000,
            150_000_000,
            1,
            340_282_366_920_938_463_463_374_607_431_768u128,
        ];
        ADDRESSES[..count]
            .iter()
            .zip(amounts)
            .map(|(address, amount)| ((*address).to_owned(), Uint128::new(amount)))
            .collect()
    }

    #[test]
    fn the_vector_addresses_are_mock_api_addresses() {
        let api = MockApi::default();
        assert_eq!(api.addr_make("allocation_fund").as_str(), DOMAIN);
        for (i, address) in ADDRESSES.iter().enumerate() {
            assert_eq!(api.addr_make(&format!("org{}", i + 1)).as_str(), *address);
        }
    }

    /// The committed vector, for a TypeScript builder to reproduce.
    #[derive(serde::Deserialize)]
    struct VectorFile {
        vectors: Vec<Vector>,
    }

    #[derive(serde::Deserialize)]
    struct Vector {
        domain: String,
        scope: u64,
        entries: Vec<VectorEntry>,
        leaves: Vec<HexBinary>,
        root: HexBinary,
        total: Uint128,
        proofs: Vec<Vec<ProofStep>>,
    }

    #[derive(serde::Deserialize)]
    struct VectorEntry {
        address: String,
        amount: Uint128,
    }

    /// Also computed by an independent script from the format above, not from this code.
    const EXPECTED_ROOT_3: &str =
        "83507d373b9f928e81aacd550cf808d7f9a1593119c3e061e61b28773a5f3fdd";
    const EXPECTED_ROOT_5: &str =
        "5dc3a4fbf5214e52f0ca4ca9a68358aaf82ce0133432b54a4e2ab288a6e6b1f6";

    #[test]
    fn fixed_vectors_give_their_roots() {
        let three = build(DOMAIN, 7, &vector(3)).unwrap();
        let five = build(DOMAIN, 7, &vector(5)).unwrap();
        assert_eq!(three.root.to_hex(), EXPECTED_ROOT_3);
        assert_eq!(three.total, Uint128::new(1_000_000_000));
        assert_eq!(five.root.to_hex(), EXPECTED_ROOT_5);
        // Three leaves: the third is carried up, so its proof has one step (the pair's node).
        assert_eq!(
            three.proofs.iter().map(Vec::len).collect::<Vec<_>>(),
            [2, 2, 1]
        );
        // Five: pairs (0,1), (2,3), 4 carried; then (01,23), 4 carried; then the root.
        assert_eq!(
            five.proofs.iter().map(Vec::len).collect::<Vec<_>>(),
            [3, 3, 3, 3, 1]
        );
    }

    #[test]
    fn the_committed_json_vector_is_this_implementation() {
        let file: VectorFile =
            cosmwasm_std::from_json(include_str!("../tests/merkle_vector.json")).unwrap();
        assert_eq!(file.vectors.len(), 2);
        for vector in file.vectors {
            assert_eq!(vector.domain, DOMAIN);
            let list: Vec<(String, Uint128)> = vector
                .entries
                .iter()
                .map(|e| (e.address.clone(), e.amount))
                .collect();
            let leaves: Vec<HexBinary> = list
                .iter()
                .map(|(address, amount)| {
                    HexBinary::from(
                        leaf_hash(&vector.domain, vector.scope, address, *amount).unwrap(),
                    )
                })
                .collect();
            assert_eq!(leaves, vector.leaves);
            let tree = build(&vector.domain, vector.scope, &list).unwrap();
            assert_eq!(tree.root, vector.root);
            assert_eq!(tree.total, vector.total);
            assert_eq!(tree.proofs, vector.proofs);
            for ((address, amount), proof) in list.iter().zip(&vector.proofs) {
                verify(
                    &vector.root,
                    vector.total,
                    &vector.domain,
                    vector.scope,
                    address,
                    *amount,
                    proof,
                )
                .unwrap();
            }
        }
    }

    #[test]
    fn one_entry_is_its_own_root() {
        let tree = build("fund", 1, &entries(&[("alice", 5)])).unwrap();
        assert_eq!(
            tree.root,
            HexBinary::from(leaf_hash("fund", 1, "alice", Uint128::new(5)).unwrap())
        );
        assert_eq!(tree.total, Uint128::new(5));
        assert_eq!(tree.proofs, vec![vec![]]);
        verify(
            &tree.root,
            tree.total,
            "fund",
            1,
            "alice",
            Uint128::new(5),
            &[],
        )
        .unwrap();
    }

    fn sha256(prefix: u8, body: &[u8]) -> [u8; 32] {
        Sha256::new()
            .chain_update([prefix])
            .chain_update(body)
            .finalize()
            .into()
    }

    #[test]
    fn a_leaf_is_never_a_node() {
        // What follows a leaf's prefix can be made, byte for byte, what follows a node's: a
        // 31-byte domain and its length fill the left hash, the scope, the address's length and
        // its first 7 bytes the left sum, the rest of a 39-byte address the right hash, and the
        // amount the right sum. Only the prefix tells the two apart.
        let (domain, address) = ("d".repeat(31), "a".repeat(39));
        let (scope, amount) = (0x0102_0304_0506_0708u64, Uint128::new(77));
        let mut body = vec![31u8];
        body.extend(domain.as_bytes());
        body.extend(scope.to_be_bytes());
        body.push(39);
        body.extend(address.as_bytes());
        body.extend(amount.u128().to_be_bytes());
        assert_eq!(body.len(), 32 + 16 + 32 + 16);
        let sum = |bytes: &[u8]| Uint128::new(u128::from_be_bytes(bytes.try_into().unwrap()));
        let (left, right) = (hash32(&body[..32]).unwrap(), hash32(&body[48..80]).unwrap());
        let node = node_hash(&left, sum(&body[32..48]), &right, sum(&body[80..]));
        let leaf = leaf_hash(&domain, scope, &address, amount).unwrap();
        assert_eq!(leaf, sha256(LEAF_PREFIX, &body));
        assert_eq!(node, sha256(NODE_PREFIX, &body));
        assert_ne!(leaf, node);

        // In a tree: the node over the first two leaves, with the rest of the first proof,
        // rebuilds the root and the total, so a leaf hashing to that node would pass for both
        // entries at once. No entry claiming the node's sum with that rest verifies.
        let tree = build(
            "fund",
            9,
            &entries(&[("a", 1), ("b", 2), ("c", 3), ("d", 4)]),
        )
        .unwrap();
        let leaf = |address: &str, amount: u128| {
            leaf_hash("fund", 9, address, Uint128::new(amount)).unwrap()
        };
        let pair = node_hash(
            &leaf("a", 1),
            Uint128::new(1),
            &leaf("b", 2),
            Uint128::new(2),
        );
        let rest = &tree.proofs[0][1..];
        assert_eq!(rest.len(), 1);
        assert!(!rest[0].sibling_is_left);
        let sibling = hash32(&rest[0].sibling).unwrap();
        let root = node_hash(&pair, Uint128::new(3), &sibling, rest[0].sibling_sum);
        assert_eq!(HexBinary::from(root), tree.root);
        assert_eq!(Uint128::new(3) + rest[0].sibling_sum, tree.total);
        for address in [
            HexBinary::from(pair).to_hex(),
            "a".into(),
            "b".into(),
            "ab".into(),
        ] {
            assert_eq!(
                verify(
                    &tree.root,
                    tree.total,
                    "fund",
                    9,
                    &address,
                    Uint128::new(3),
                    rest
                ),
                Err(MerkleError::Mismatch)
            );
        }
    }

    #[test]
    fn bad_shapes_are_named() {
        let tree = build(DOMAIN, 1, &vector(3)).unwrap();
        let (address, amount) = &vector(3)[0];
        let proof = &tree.proofs[0];
        let check = |root: &[u8], domain: &str, address: &str, proof: &[ProofStep]| {
            verify(root, tree.total, domain, 1, address, *amount, proof)
        };
        assert_eq!(
            check(&[0; 31], DOMAIN, address, proof),
            Err(MerkleError::BadRoot { len: 31 })
        );
        let mut short = proof.clone();
        short[1].sibling = HexBinary::from(vec![0; 33]);
        assert_eq!(
            check(&tree.root, DOMAIN, address, &short),
            Err(MerkleError::BadSibling { step: 1, len: 33 })
        );
        let deep = vec![proof[0].clone(); MAX_PROOF_STEPS + 1];
        assert_eq!(
            check(&tree.root, DOMAIN, address, &deep),
            Err(MerkleError::TooDeep {
                steps: 33,
                max: MAX_PROOF_STEPS
            })
        );
        let mut overflowing = proof.clone();
        overflowing[0].sibling_sum = Uint128::MAX;
        assert_eq!(
            check(&tree.root, DOMAIN, address, &overflowing),
            Err(MerkleError::Overflow { step: 0 })
        );
        let long = "a".repeat(256);
        assert_eq!(
            check(&tree.root, DOMAIN, &long, proof),
            Err(MerkleError::AddressTooLong { len: 256 })
        );
        assert_eq!(
            check(&tree.root, &long, address, proof),
            Err(MerkleError::DomainTooLong { len: 256 })
        );
        assert_eq!(build("fund", 1, &[]), Err(MerkleError::Empty));
        assert_eq!(
            build("fund", 1, &entries(&[("a", 1), ("b", 2), ("a", 3)])),
            Err(MerkleError::Duplicate {
                address: "a".into()
            })
        );
        assert_eq!(
            build("fund", 1, &entries(&[("a", u128::MAX), ("b", 1)])),
            Err(MerkleError::Overflow { step: 0 })
        );
        assert_eq!(
            build(&long, 1, &entries(&[("a", 1)])),
            Err(MerkleError::DomainTooLong { len: 256 })
        );
        // The contracts validate addresses, and a validated address is lower case: a leaf for
        // any other spelling could never be claimed.
        let upper = ADDRESSES[1].to_uppercase();
        let mut list = vector(3);
        list[1].0 = upper.clone();
        assert_eq!(
            build(DOMAIN, 1, &list),
            Err(MerkleError::NotLowerCase {
                address: upper.clone()
            })
        );
        assert_eq!(
            build(&DOMAIN.to_uppercase(), 1, &vector(3)),
            Err(MerkleError::NotLowerCase {
                address: DOMAIN.to_uppercase()
            })
        );
    }

    #[test]
    fn the_root_alone_does_not_pass_a_larger_total() {
        let tree = build(DOMAIN, 1, &vector(3)).unwrap();
        let (address, amount) = &vector(3)[2];
        let more = tree.total + Uint128::one();
        assert_eq!(
            verify(
                &tree.root,
                more,
                DOMAIN,
                1,
                address,
                *amount,
                &tree.proofs[2]
            ),
            Err(MerkleError::Mismatch)
        );
    }

    #[test]
    fn another_publisher_with_the_same_list_and_scope_has_another_tree() {
        let ours = build(DOMAIN, 3, &vector(5)).unwrap();
        let theirs = build(ADDRESSES[0], 3, &vector(5)).unwrap();
        assert_ne!(ours.root, theirs.root);
        assert_eq!(ours.total, theirs.total);
        for ((address, amount), proof) in vector(5).iter().zip(&theirs.proofs) {
            assert_eq!(
                verify(&ours.root, ours.total, DOMAIN, 3, address, *amount, proof),
                Err(MerkleError::Mismatch)
            );
        }
    }

    fn list() -> impl Strategy<Value = Vec<(String, Uint128)>> {
        prop::collection::btree_map("[a-z0-9]{1,20}", 0u128..=u64::MAX as u128, 1..40).prop_map(
            |map| {
                map.into_iter()
                    .map(|(address, amount)| (address, Uint128::new(amount)))
                    .collect()
            },
        )
    }

    proptest! {
        #[test]
        fn every_built_proof_verifies_and_any_change_fails(
            list in list(),
            domain in "[a-z0-9]{1,64}",
            other_domain in "[a-z0-9]{1,64}",
            scope in any::<u64>(),
            pick in any::<prop::sample::Index>(),
            flip in any::<prop::sample::Index>(),
        ) {
            let tree = build(&domain, scope, &list).unwrap();
            let total: u128 = list.iter().map(|(_, amount)| amount.u128()).sum();
            prop_assert_eq!(tree.total.u128(), total);
            for ((address, amount), proof) in list.iter().zip(&tree.proofs) {
                prop_assert!(proof.len() <= MAX_PROOF_STEPS);
                prop_assert_eq!(
                    verify(&tree.root, tree.total, &domain, scope, address, *amount, proof),
                    Ok(())
                );
            }
            let k = pick.index(list.len());
            let (address, amount) = &list[k];
            let proof = &tree.proofs[k];
            let fails = |domain: &str, scope: u64, address: &str, amount: Uint128, proof: &[ProofStep]| {
                verify(&tree.root, tree.total, domain, scope, address, amount, proof).is_err()
            };
            prop_assert!(fails(&domain, scope, address, *amount + Uint128::one(), proof));
            if !amount.is_zero() {
                prop_assert!(fails(&domain, scope, address, *amount - Uint128::one(), proof));
            }
            prop_assert!(fails(&domain, scope.wrapping_add(1), address, *amount, proof));
            let longer_address = address.clone() + "x";
            prop_assert!(fails(&domain, scope, &longer_address, *amount, proof));
            // Another publisher's domain, or this one's lengthened: the same list, scope and
            // proof never verify.
            let longer_domain = domain.clone() + "x";
            prop_assert!(fails(&longer_domain, scope, address, *amount, proof));
            if other_domain != domain {
                prop_assert!(fails(&other_domain, scope, address, *amount, proof));
            }
            // Another entry's proof does not carry this one.
            if list.len() > 1 {
                let other = (k + 1) % list.len();
                prop_assert!(fails(&domain, scope, address, *amount, &tree.proofs[other]));
            }
            // Every step of the proof, each changed on its own: a byte of its sibling, its
            // sibling's sum up or down, its side.
            for step in 0..proof.len() {
                let mut forged = proof.clone();
                let mut sibling = forged[step].sibling.to_vec();
                sibling[flip.index(32)] ^= 1 << (step % 8);
                forged[step].sibling = HexBinary::from(sibling);
                prop_assert!(fails(&domain, scope, address, *amount, &forged));
                let mut forged = proof.clone();
                forged[step].sibling_sum += Uint128::one();
                prop_assert!(fails(&domain, scope, address, *amount, &forged));
                if !proof[step].sibling_sum.is_zero() {
                    let mut forged = proof.clone();
                    forged[step].sibling_sum -= Uint128::one();
                    prop_assert!(fails(&domain, scope, address, *amount, &forged));
                }
                let mut forged = proof.clone();
                forged[step].sibling_is_left = !forged[step].sibling_is_left;
                prop_assert!(fails(&domain, scope, address, *amount, &forged));
            }
            if !proof.is_empty() {
                // A step dropped or repeated.
                prop_assert!(fails(&domain, scope, address, *amount, &proof[1..]));
                let mut longer = proof.clone();
                longer.push(proof[0].clone());
                prop_assert!(fails(&domain, scope, address, *amount, &longer));
            }
        }
    }
}

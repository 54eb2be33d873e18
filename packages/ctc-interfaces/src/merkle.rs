//! A Merkle sum tree: every node commits to its children's hashes and to the amounts beneath
//! them, so a root and a total published together promise exactly that total, no more. One
//! verified leaf proves that an address holds (or may claim) an amount within the total, for
//! allocation-fund's distribution rounds and for a custodian's proof of holdings (络谱 §3.4.3).
//!
//! The format, byte for byte (integers big-endian):
//!
//! - leaf = sha256(`0x00` ‖ scope (u64) ‖ len(address) (u8) ‖ address (its bech32 text) ‖
//!   amount (u128));
//! - node = sha256(`0x01` ‖ left hash ‖ left sum (u128) ‖ right hash ‖ right sum (u128)), and the
//!   node's sum is left sum + right sum (an overflow is an invalid proof);
//! - the leaves, in the order of the published list, are paired left to right at each level; a
//!   last, unpaired node moves up to the next level unchanged (it gets no step in its proofs);
//! - the root is the one node left; the total is its sum.
//!
//! The `0x00`/`0x01` prefixes keep a leaf from ever being read as a node (and the reverse); the
//! scope (a round id) keeps one round's proof from being replayed in another with the same list.

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

    #[error("the proof does not rebuild the root and its total")]
    Mismatch,

    #[error("a tree needs at least one entry")]
    Empty,

    #[error("{address} is listed twice: a tree holds one entry per address")]
    Duplicate { address: String },
}

/// A leaf's hash: what `address` holds (or may claim) in the tree of `scope`.
pub fn leaf_hash(scope: u64, address: &str, amount: Uint128) -> Result<[u8; 32], MerkleError> {
    let len = u8::try_from(address.len())
        .map_err(|_| MerkleError::AddressTooLong { len: address.len() })?;
    Ok(Sha256::new()
        .chain_update([LEAF_PREFIX])
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

/// Checks that `proof` rebuilds, from the leaf of (`scope`, `address`, `amount`), both `root` and
/// `total`: that the tree published as `root` with sum `total` holds this entry.
pub fn verify(
    root: &[u8],
    total: Uint128,
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
    let mut hash = leaf_hash(scope, address, amount)?;
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

/// A tree built from a list: its root, its total and each entry's proof, in the list's order.
#[cw_serde]
pub struct Tree {
    pub root: HexBinary,
    pub total: Uint128,
    pub proofs: Vec<Vec<ProofStep>>,
}

/// Builds the tree of `entries` (address, amount) for `scope`, in the given order: what the
/// publisher of a round or of holdings computes off chain (and tests compute here). Refuses an
/// empty list, an address listed twice (its second entry could never be claimed), an address
/// over 255 bytes and a total over `u128`.
pub fn build(scope: u64, entries: &[(String, Uint128)]) -> Result<Tree, MerkleError> {
    if entries.is_empty() {
        return Err(MerkleError::Empty);
    }
    let mut seen = BTreeSet::new();
    let mut level = Vec::with_capacity(entries.len());
    for (address, amount) in entries {
        if !seen.insert(address.as_str()) {
            return Err(MerkleError::Duplicate {
                address: address.clone(),
            });
        }
        level.push((leaf_hash(scope, address, *amount)?, *amount));
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
    use proptest::prelude::*;

    fn entries(list: &[(&str, u128)]) -> Vec<(String, Uint128)> {
        list.iter()
            .map(|&(address, amount)| (address.to_owned(), Uint128::new(amount)))
            .collect()
    }

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

    /// The committed vector, for a TypeScript builder to reproduce.
    #[derive(serde::Deserialize)]
    struct VectorFile {
        vectors: Vec<Vector>,
    }

    #[derive(serde::Deserialize)]
    struct Vector {
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
        "e4987d5123543fe54fe80f559482a8b6b226ce4084f8de5e18e1d23b28b9ab22";
    const EXPECTED_ROOT_5: &str =
        "b90c9a3db97143992dab880425cf1b09838cb3161a369dc38b403afd86551889";

    #[test]
    fn fixed_vectors_give_their_roots() {
        let three = build(7, &vector(3)).unwrap();
        let five = build(7, &vector(5)).unwrap();
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
            let list: Vec<(String, Uint128)> = vector
                .entries
                .iter()
                .map(|e| (e.address.clone(), e.amount))
                .collect();
            let leaves: Vec<HexBinary> = list
                .iter()
                .map(|(address, amount)| {
                    HexBinary::from(leaf_hash(vector.scope, address, *amount).unwrap())
                })
                .collect();
            assert_eq!(leaves, vector.leaves);
            let tree = build(vector.scope, &list).unwrap();
            assert_eq!(tree.root, vector.root);
            assert_eq!(tree.total, vector.total);
            assert_eq!(tree.proofs, vector.proofs);
            for ((address, amount), proof) in list.iter().zip(&vector.proofs) {
                verify(
                    &vector.root,
                    vector.total,
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
        let tree = build(1, &entries(&[("alice", 5)])).unwrap();
        assert_eq!(
            tree.root,
            HexBinary::from(leaf_hash(1, "alice", Uint128::new(5)).unwrap())
        );
        assert_eq!(tree.total, Uint128::new(5));
        assert_eq!(tree.proofs, vec![vec![]]);
        verify(&tree.root, tree.total, 1, "alice", Uint128::new(5), &[]).unwrap();
    }

    #[test]
    fn a_leaf_is_never_a_node() {
        // A node's preimage is 97 bytes, a leaf's 26 + the address: even an address that makes
        // them the same length differs in the first byte.
        let node = node_hash(&[1; 32], Uint128::new(2), &[3; 32], Uint128::new(4));
        let address = "a".repeat(97 - 26);
        assert_ne!(leaf_hash(0, &address, Uint128::zero()).unwrap(), node);
    }

    #[test]
    fn bad_shapes_are_named() {
        let tree = build(1, &vector(3)).unwrap();
        let (address, amount) = &vector(3)[0];
        let proof = &tree.proofs[0];
        assert_eq!(
            verify(&[0; 31], tree.total, 1, address, *amount, proof),
            Err(MerkleError::BadRoot { len: 31 })
        );
        let mut short = proof.clone();
        short[1].sibling = HexBinary::from(vec![0; 33]);
        assert_eq!(
            verify(&tree.root, tree.total, 1, address, *amount, &short),
            Err(MerkleError::BadSibling { step: 1, len: 33 })
        );
        let deep = vec![proof[0].clone(); MAX_PROOF_STEPS + 1];
        assert_eq!(
            verify(&tree.root, tree.total, 1, address, *amount, &deep),
            Err(MerkleError::TooDeep {
                steps: 33,
                max: MAX_PROOF_STEPS
            })
        );
        let mut overflowing = proof.clone();
        overflowing[0].sibling_sum = Uint128::MAX;
        assert_eq!(
            verify(&tree.root, tree.total, 1, address, *amount, &overflowing),
            Err(MerkleError::Overflow { step: 0 })
        );
        let long = "a".repeat(256);
        assert_eq!(
            verify(&tree.root, tree.total, 1, &long, *amount, proof),
            Err(MerkleError::AddressTooLong { len: 256 })
        );
        assert_eq!(build(1, &[]), Err(MerkleError::Empty));
        assert_eq!(
            build(1, &entries(&[("a", 1), ("b", 2), ("a", 3)])),
            Err(MerkleError::Duplicate {
                address: "a".into()
            })
        );
        assert_eq!(
            build(1, &entries(&[("a", u128::MAX), ("b", 1)])),
            Err(MerkleError::Overflow { step: 0 })
        );
    }

    #[test]
    fn the_root_alone_does_not_pass_a_larger_total() {
        let tree = build(1, &vector(3)).unwrap();
        let (address, amount) = &vector(3)[2];
        let more = tree.total + Uint128::one();
        assert_eq!(
            verify(&tree.root, more, 1, address, *amount, &tree.proofs[2]),
            Err(MerkleError::Mismatch)
        );
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
            scope in any::<u64>(),
            pick in any::<prop::sample::Index>(),
            flip in any::<prop::sample::Index>(),
        ) {
            let tree = build(scope, &list).unwrap();
            let total: u128 = list.iter().map(|(_, amount)| amount.u128()).sum();
            prop_assert_eq!(tree.total.u128(), total);
            for ((address, amount), proof) in list.iter().zip(&tree.proofs) {
                prop_assert!(proof.len() <= MAX_PROOF_STEPS);
                prop_assert_eq!(verify(&tree.root, tree.total, scope, address, *amount, proof), Ok(()));
            }
            let k = pick.index(list.len());
            let (address, amount) = &list[k];
            let proof = &tree.proofs[k];
            let fails = |scope: u64, address: &str, amount: Uint128, proof: &[ProofStep]| {
                verify(&tree.root, tree.total, scope, address, amount, proof).is_err()
            };
            prop_assert!(fails(scope, address, *amount + Uint128::one(), proof));
            if !amount.is_zero() {
                prop_assert!(fails(scope, address, *amount - Uint128::one(), proof));
            }
            prop_assert!(fails(scope.wrapping_add(1), address, *amount, proof));
            let longer_address = address.clone() + "x";
            prop_assert!(fails(scope, &longer_address, *amount, proof));
            // Another entry's proof does not carry this one.
            if list.len() > 1 {
                let other = (k + 1) % list.len();
                prop_assert!(fails(scope, address, *amount, &tree.proofs[other]));
            }
            if !proof.is_empty() {
                let step = flip.index(proof.len());
                let mut forged = proof.clone();
                let mut sibling = forged[step].sibling.to_vec();
                sibling[flip.index(32)] ^= 1;
                forged[step].sibling = HexBinary::from(sibling);
                prop_assert!(fails(scope, address, *amount, &forged));
                let mut forged = proof.clone();
                forged[step].sibling_sum += Uint128::one();
                prop_assert!(fails(scope, address, *amount, &forged));
                let mut forged = proof.clone();
                forged[step].sibling_is_left = !forged[step].sibling_is_left;
                prop_assert!(fails(scope, address, *amount, &forged));
                // A step dropped or repeated.
                prop_assert!(fails(scope, address, *amount, &proof[1..]));
                let mut longer = proof.clone();
                longer.push(proof[0].clone());
                prop_assert!(fails(scope, address, *amount, &longer));
            }
        }
    }
}

//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what deployed pools have stored, so each fails here first.

use cosmwasm_std::{Empty, Timestamp};
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::msg::PoolStatus;
use crate::state::{Config, Pool, Position, BETTOR_POOLS, CONFIG, POOLS, POOL_COUNT, POSITIONS};

#[test]
fn every_item_and_map_has_its_pinned_key() {
    let mut pools = Pools::new(execute);
    let alice = pools.addr("alice");
    let storage = &mut pools.deps.storage;
    let config = Config {
        token: alice.clone(),
        registry: alice.clone(),
        oracle: alice.clone(),
        operator: alice.clone(),
        treasury: alice.clone(),
        node_incentive: alice.clone(),
        treasury_share: BasisPoints::ZERO,
        creation_bond: Uint128::one(),
    };
    CONFIG.save(storage, &config).unwrap();
    let zero = Uint128::zero();
    let pool = Pool {
        creator: alice.clone(),
        title: "t".into(),
        outcomes: vec!["a".into(), "b".into()],
        question_id: 1,
        closes_at: Timestamp::from_seconds(1),
        fee: BasisPoints::ZERO,
        min_bet: Uint128::one(),
        max_bet: Uint128::one(),
        cap_per_address: None,
        bond: zero,
        status: PoolStatus::Open,
        stakes: vec![zero; 2],
        backers: vec![0; 2],
        total: zero,
        fee_taken: zero,
        paid: zero,
        unclaimed_winners: 0,
        answer_due: Timestamp::from_seconds(2),
        swept: false,
    };
    POOLS.save(storage, 1, &pool).unwrap();
    POOL_COUNT.save(storage, &1).unwrap();
    let position = Position {
        stakes: vec![zero; 2],
        claimed: false,
    };
    POSITIONS.save(storage, (1, &alice), &position).unwrap();
    BETTOR_POOLS.save(storage, (&alice, 1), &Empty {}).unwrap();

    // `<alice>` is alice's address, 67 bytes long: `\x00C` in front of it when a part follows.
    assert_eq!(
        stored_keys_naming(&pools.deps.storage, &[("alice", &alice)]),
        [
            r"\x00\x05pools\x00\x00\x00\x00\x00\x00\x00\x01",
            r"\x00\x09positions\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<alice>",
            r"\x00\x0cbettor_pools\x00C<alice>\x00\x00\x00\x00\x00\x00\x00\x01",
            "config",
            "pool_count",
        ]
    );
}

/// Beside the contract's own: cw2 and cw-ownable.
#[test]
fn an_instantiated_contract_stores_exactly_these_keys() {
    let chain = Chain::new();
    assert_eq!(
        stored_keys(&chain.pools.deps.storage),
        ["config", "contract_info", "ownership"]
    );
}

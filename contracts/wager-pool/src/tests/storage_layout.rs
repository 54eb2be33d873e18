//! The raw keys this contract writes, pinned: a renamed namespace or a changed key encoding would
//! strand what deployed pools have stored, so each fails here first.

use cosmwasm_std::{Empty, Timestamp};
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::msg::PoolStatus;
use crate::msg::RefundReason;
use crate::state::{
    Config, Pool, Position, BETTOR_POOLS, CONFIG, OPEN_SCENARIOS, POOLS, POOL_COUNT, POSITIONS,
};
use ctc_interfaces::registry::IdentityLevel;

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
        bet_floor: Uint128::one(),
        bet_ceiling: Uint128::one(),
        scenario_bond: Uint128::one(),
        scenario_min_identity: IdentityLevel::Phone,
        max_open_scenarios: 1,
        randomness: Some(alice.clone()),
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
        drawn: true,
        fan: true,
        min_identity: Some(IdentityLevel::RealName),
        payout_cursor: Some(alice.clone()),
        payout_done: false,
    };
    POOLS.save(storage, 1, &pool).unwrap();
    POOL_COUNT.save(storage, &1).unwrap();
    let position = Position {
        stakes: vec![zero; 2],
        claimed: false,
    };
    POSITIONS.save(storage, (1, &alice), &position).unwrap();
    BETTOR_POOLS.save(storage, (&alice, 1), &Empty {}).unwrap();
    OPEN_SCENARIOS.save(storage, &alice, &1).unwrap();

    // `<alice>` is alice's address, 67 bytes long: `\x00C` in front of it when a part follows.
    assert_eq!(
        stored_keys_naming(&pools.deps.storage, &[("alice", &alice)]),
        [
            r"\x00\x05pools\x00\x00\x00\x00\x00\x00\x00\x01",
            r"\x00\x09positions\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<alice>",
            r"\x00\x0cbettor_pools\x00C<alice>\x00\x00\x00\x00\x00\x00\x00\x01",
            r"\x00\x0eopen_scenarios<alice>",
            "config",
            "pool_count",
        ]
    );
}

/// A config and a pool as stored before bet limits, scenario pools, drawn pools and the payout
/// crank: they load, with the platform's defaults and every new pool field off, and a pool
/// without the new fields is stored as it was (no byte more for pools that use none of them).
#[test]
fn config_and_pools_stored_before_this_version_still_load() {
    let api = cosmwasm_std::testing::MockApi::default();
    let alice = api.addr_make("alice");
    let old_config = format!(
        r#"{{"token":"{alice}","registry":"{alice}","oracle":"{alice}","operator":"{alice}","treasury":"{alice}","node_incentive":"{alice}","treasury_share":5000,"creation_bond":"10"}}"#
    );
    let config: Config = cosmwasm_std::from_json(&old_config).unwrap();
    assert_eq!(config.bet_floor, Uint128::new(100_000));
    assert_eq!(config.bet_ceiling, Uint128::new(200_000_000));
    assert_eq!(config.scenario_bond, Uint128::new(20_000_000));
    assert_eq!(config.scenario_min_identity, IdentityLevel::Phone);
    assert_eq!(config.max_open_scenarios, 3);
    assert_eq!(config.randomness, None);

    let old_pool = format!(
        r#"{{"creator":"{alice}","title":"t","outcomes":["a","b"],"question_id":1,"closes_at":"1","fee":500,"min_bet":"100","max_bet":"200","cap_per_address":null,"bond":"0","status":{{"refunding":{{"reason":"cancelled","at":"3"}}}},"stakes":["0","0"],"backers":[0,0],"total":"0","fee_taken":"0","paid":"0","unclaimed_winners":0,"answer_due":"2","swept":false}}"#
    );
    let pool: Pool = cosmwasm_std::from_json(&old_pool).unwrap();
    assert!(!pool.drawn && !pool.fan && !pool.payout_done);
    assert_eq!(
        (pool.min_identity, pool.payout_cursor.clone()),
        (None, None)
    );
    assert_eq!(
        pool.status,
        PoolStatus::Refunding {
            reason: RefundReason::Cancelled,
            at: Timestamp::from_nanos(3),
        }
    );
    assert_eq!(cosmwasm_std::to_json_string(&pool).unwrap(), old_pool);
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

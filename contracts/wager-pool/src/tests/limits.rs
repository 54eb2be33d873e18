//! Platform bet limits (令吉 §2: 0.1 CTC to 200 CTC a bet): owner-set, every pool within them,
//! and every bet within the limits current when it is placed.

use super::*;

#[test]
fn a_pool_defaults_to_the_platform_limits_and_may_only_narrow_them() {
    let mut chain = Chain::new();
    let outside = ContractError::OutsidePlatformLimits {
        floor: Uint128::new(100_000),
        ceiling: Uint128::new(200_000_000),
    };
    let mut below = chain.input();
    below.min_bet = Some(Uint128::new(99_999));
    assert_eq!(chain.create(below).unwrap_err(), outside);
    let mut above = chain.input();
    above.max_bet = Some(Uint128::new(200_000_001));
    assert_eq!(chain.create(above).unwrap_err(), outside);
    assert_eq!(
        outside.to_string(),
        "a pool's bets lie within the platform's limits, 100000 to 200000000"
    );

    chain.create(chain.input()).unwrap();
    let pool = chain.pool(1);
    assert_eq!(
        (pool.min_bet, pool.max_bet),
        (Uint128::new(100_000), Uint128::new(200_000_000))
    );
    let mut narrow = chain.input();
    narrow.min_bet = Some(Uint128::new(CTC));
    narrow.max_bet = Some(Uint128::new(50 * CTC));
    chain.create(narrow).unwrap();
    let pool = chain.pool(2);
    assert_eq!(
        (pool.min_bet, pool.max_bet),
        (Uint128::new(CTC), Uint128::new(50 * CTC))
    );
}

#[test]
fn instantiate_takes_the_limits_and_refuses_ones_that_cannot_hold() {
    let chain = Chain::with(|msg| {
        msg.bet_floor = Some(Uint128::new(CTC));
        msg.bet_ceiling = Some(Uint128::new(100 * CTC));
    });
    let config = chain.config();
    assert_eq!(
        (config.bet_floor, config.bet_ceiling),
        (Uint128::new(CTC), Uint128::new(100 * CTC))
    );
    let defaults = Chain::new().config();
    assert_eq!(
        (defaults.bet_floor, defaults.bet_ceiling),
        (Uint128::new(100_000), Uint128::new(200_000_000))
    );

    for (floor, ceiling, refusal) in [
        (99, 1_000, "bet limits need 100 <= bet_floor <= bet_ceiling"),
        (
            1_000,
            999,
            "bet limits need 100 <= bet_floor <= bet_ceiling",
        ),
    ] {
        let mut pools = Pools::new(execute);
        let (operator, token) = (pools.addr("operator"), pools.addr("ctc"));
        answer_question(&mut pools.deps, &token, loose_question(&pools.env));
        let mut msg = instantiate_msg(&pools, &operator, &token);
        msg.bet_floor = Some(Uint128::new(floor));
        msg.bet_ceiling = Some(Uint128::new(ceiling));
        let err = pools.instantiate(instantiate, &operator, msg).unwrap_err();
        assert_eq!(err, ContractError::InvalidConfig { reason: refusal });
        assert_eq!(snapshot(&pools.deps.storage), vec![]);
    }
}

#[test]
fn only_the_owner_changes_the_limits_and_only_to_limits_that_hold() {
    let mut chain = Chain::new();
    let (fan, owner) = (chain.fan.clone(), chain.operator.clone());
    let narrower = update(r#"{"bet_floor":"1000000","bet_ceiling":"100000000"}"#);
    assert_eq!(
        chain.refused(&fan, narrower.clone()),
        convention(OwnershipError::NotOwner)
    );
    for bad in [
        r#"{"bet_floor":"99"}"#,
        r#"{"bet_floor":"200000001"}"#,
        r#"{"bet_floor":"2000","bet_ceiling":"1000"}"#,
    ] {
        assert_eq!(
            chain.refused(&owner, update(bad)),
            ContractError::InvalidConfig {
                reason: "bet limits need 100 <= bet_floor <= bet_ceiling"
            },
            "{bad}"
        );
    }
    chain.run(&owner, narrower).unwrap();
    let config = chain.config();
    assert_eq!(
        (config.bet_floor, config.bet_ceiling),
        (Uint128::new(CTC), Uint128::new(100 * CTC))
    );
    // A pool opened now defaults to the new limits and cannot reach past them.
    chain.create(chain.input()).unwrap();
    let pool = chain.pool(1);
    assert_eq!(
        (pool.min_bet, pool.max_bet),
        (Uint128::new(CTC), Uint128::new(100 * CTC))
    );
    let mut old_ceiling = chain.input();
    old_ceiling.max_bet = Some(Uint128::new(200 * CTC));
    assert_eq!(
        chain.create(old_ceiling).unwrap_err(),
        ContractError::OutsidePlatformLimits {
            floor: Uint128::new(CTC),
            ceiling: Uint128::new(100 * CTC)
        }
    );
}

/// An open pool made under the old limits takes no bet outside the new ones; its own narrower
/// limits still bind when the platform's widen again.
#[test]
fn a_narrowing_binds_pools_already_open() {
    let mut chain = Chain::new();
    let (owner, token) = (chain.operator.clone(), chain.token.clone());
    chain.create(chain.input()).unwrap();
    chain.bet(&token, 0, 150 * CTC).unwrap();
    chain
        .run(&owner, update(r#"{"bet_ceiling":"100000000"}"#))
        .unwrap();
    assert_eq!(
        chain.bet(&token, 0, 150 * CTC).unwrap_err(),
        ContractError::BetOutOfRange {
            min: Uint128::new(100_000),
            max: Uint128::new(100 * CTC)
        }
    );
    chain.bet(&token, 0, 100 * CTC).unwrap();
    chain
        .run(&owner, update(r#"{"bet_floor":"1000000"}"#))
        .unwrap();
    assert_eq!(
        chain.bet(&token, 1, 500_000).unwrap_err(),
        ContractError::BetOutOfRange {
            min: Uint128::new(CTC),
            max: Uint128::new(100 * CTC)
        }
    );
    chain
        .run(
            &owner,
            update(r#"{"bet_floor":"100000","bet_ceiling":"300000000"}"#),
        )
        .unwrap();
    // The pool's own 200 CTC ceiling, set from the old platform limit, still holds.
    assert_eq!(
        chain.bet(&token, 0, 250 * CTC).unwrap_err(),
        ContractError::BetOutOfRange {
            min: Uint128::new(100_000),
            max: Uint128::new(200 * CTC)
        }
    );
    assert_eq!(chain.pool(1).total, Uint128::new(250 * CTC));
}

//! A pool's own identity floor for bettors (令吉 §7: not everyone may take part; some must show
//! who they are): one registry query a bet, and none for pools without a floor.

use super::*;

#[test]
fn a_bettor_below_the_pools_identity_level_is_refused_and_one_at_it_bets() {
    let mut chain = Chain::new();
    let mut input = chain.input();
    input.min_identity = Some(IdentityLevel::RealName);
    chain.create(input).unwrap();
    assert_eq!(chain.pool(1).min_identity, Some(IdentityLevel::RealName));
    let (alice, bob, carol) = (
        chain.pools.addr("alice"),
        chain.pools.addr("bob"),
        chain.pools.addr("carol"),
    );
    let too_low = ContractError::IdentityTooLow {
        required: IdentityLevel::RealName,
    };
    assert_eq!(too_low.to_string(), "identity level real_name required");
    // No attestation at all, then one a level short.
    assert_eq!(chain.bet_as(&alice, 1, 0, CTC).unwrap_err(), too_low);
    chain.attest(&alice, IdentityLevel::Phone);
    assert_eq!(chain.bet_as(&alice, 1, 0, CTC).unwrap_err(), too_low);
    chain.attest(&bob, IdentityLevel::RealName);
    chain.attest(&carol, IdentityLevel::Certificate);
    chain.bet_as(&bob, 1, 0, CTC).unwrap();
    chain.bet_as(&carol, 1, 1, CTC).unwrap();
    assert_eq!(chain.identity_queries(), 4, "one query a bet");
    // Every bet asks again: an attestation that lapses stops the next one.
    chain.attest(&bob, IdentityLevel::Anonymous);
    assert_eq!(chain.bet_as(&bob, 1, 0, CTC).unwrap_err(), too_low);
    assert_eq!(chain.pool(1).total, Uint128::new(2 * CTC));
}

#[test]
fn a_pool_without_an_identity_level_asks_the_registry_nothing() {
    let mut chain = Chain::new();
    chain.create(chain.input()).unwrap();
    assert_eq!(chain.pool(1).min_identity, None);
    let anyone = chain.anyone();
    chain.bet_as(&anyone, 1, 0, CTC).unwrap();
    chain.bet_as(&anyone, 1, 1, CTC).unwrap();
    assert_eq!(chain.identity_queries(), 0);
    // A refused bet (out of range) is refused before any query, too.
    let mut input = chain.input();
    input.min_identity = Some(IdentityLevel::Phone);
    chain.create(input).unwrap();
    assert!(matches!(
        chain.bet_as(&anyone, 2, 0, 1).unwrap_err(),
        ContractError::BetOutOfRange { .. }
    ));
    assert_eq!(chain.identity_queries(), 0);
}

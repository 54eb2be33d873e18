//! Circulating supply: what the lock-ups and the platform's buckets do not hold.

use cosmwasm_std::Uint128;
use ctc_interfaces::token::{AllocationBucket, CTC_ISSUANCE};

use super::*;
use crate::msg::ExecuteMsg;

fn transfer(token: &mut Token, from: &Addr, to: &Addr, amount: u128) {
    token
        .execute(
            from,
            ExecuteMsg::Transfer {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
            },
        )
        .unwrap();
}

#[test]
fn at_genesis_everything_is_locked_or_undistributed() {
    let (token, _) = setup();
    let t = tokenomics(&token);
    let locked =
        AllocationBucket::FoundingTeam.amount() + AllocationBucket::InstitutionalInvestors.amount();
    assert_eq!(t.locked, locked);
    assert_eq!(t.undistributed, CTC_ISSUANCE - locked);
    assert_eq!(t.circulating, Uint128::zero());
}

#[test]
fn a_payout_from_a_bucket_circulates_and_a_return_to_one_does_not() {
    let (mut token, accounts) = setup();
    let (team, welfare) = (accounts.genesis[0].clone(), accounts.genesis[5].clone());
    transfer(&mut token, &team, &accounts.alice, 700);
    transfer(&mut token, &welfare, &accounts.bob, 300);
    transfer(&mut token, &accounts.bob, &accounts.genesis[2], 100);
    let t = tokenomics(&token);
    assert_eq!(t.circulating, Uint128::new(900));
    assert_eq!(t.locked + t.undistributed + t.circulating, t.total_supply);
    assert_eq!(
        t.locked,
        AllocationBucket::FoundingTeam.amount() + AllocationBucket::InstitutionalInvestors.amount()
            - Uint128::new(700)
    );
}

#[test]
fn burning_lowers_supply_and_circulating_alike() {
    let (mut token, accounts) = setup();
    transfer(&mut token, &accounts.genesis[3], &accounts.alice, 1_000);
    token
        .execute(
            &accounts.alice,
            ExecuteMsg::Burn {
                amount: Uint128::new(400),
            },
        )
        .unwrap();
    let t = tokenomics(&token);
    assert_eq!(t.circulating, Uint128::new(600));
    assert_eq!(t.total_supply, CTC_ISSUANCE - Uint128::new(400));
}

#[test]
fn a_recycle_pool_outside_the_buckets_counts_as_undistributed() {
    let (mut token, accounts) = setup();
    let pool = token.addr("recycle_pool");
    token
        .execute(
            &accounts.owner,
            ExecuteMsg::SetRecyclePool {
                address: pool.to_string(),
            },
        )
        .unwrap();
    transfer(&mut token, &accounts.genesis[4], &pool, 5_000);
    let t = tokenomics(&token);
    assert_eq!(t.circulating, Uint128::zero());
    assert_eq!(t.undistributed, CTC_ISSUANCE - t.locked);
}

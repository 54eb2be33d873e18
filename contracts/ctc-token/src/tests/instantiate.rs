use cosmwasm_std::testing::{message_info, mock_env};
use cosmwasm_std::{coins, Coin, Uint128};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::token::{AllocationBucket, AllocationResponse, CTC_ISSUANCE, CTC_SUPPLY_FLOOR};
use ctc_interfaces::BasisPoints;
use ctc_testkit::snapshot;
use cw_ownable::Ownership;

use super::*;

/// A token not instantiated yet, and its accounts.
fn fresh() -> (Token, Accounts) {
    let token = Token::new(execute);
    let accounts = Accounts::new(&token.deps.api);
    (token, accounts)
}

/// Instantiates `token` as `accounts.owner`, sending `funds`.
fn instantiate_with(
    token: &mut Token,
    accounts: &Accounts,
    funds: &[Coin],
    msg: InstantiateMsg,
) -> Result<cosmwasm_std::Response, ContractError> {
    instantiate(
        token.deps.as_mut(),
        token.env.clone(),
        message_info(&accounts.owner, funds),
        msg,
    )
}

#[test]
fn allocates_every_bucket_its_fixed_share() {
    let (token, accounts) = setup();
    let expected_ctc: [u128; 6] = [
        225_000_000,
        150_000_000,
        450_000_000,
        225_000_000,
        375_000_000,
        75_000_000,
    ];
    for (holder, ctc) in accounts.genesis.iter().zip(expected_ctc) {
        assert_eq!(balance(&token, holder), Uint128::new(ctc * 1_000_000));
    }

    let table: AllocationResponse = ask(&token, QueryMsg::Allocation {});
    let shares: Vec<u16> = table.buckets.iter().map(|row| row.share.get()).collect();
    assert_eq!(shares, [1_500, 1_000, 3_000, 1_500, 2_500, 500]);
    for ((row, bucket), holder) in table
        .buckets
        .iter()
        .zip(AllocationBucket::ALL)
        .zip(&accounts.genesis)
    {
        assert_eq!(row.bucket, bucket);
        assert_eq!(&row.address, holder);
        assert_eq!(row.amount, balance(&token, holder));
    }
    let allocated: Uint128 = table.buckets.iter().map(|row| row.amount).sum();
    assert_eq!(allocated, CTC_ISSUANCE);
    let total_share = table
        .buckets
        .iter()
        .try_fold(BasisPoints::ZERO, |sum, row| sum.checked_add(row.share))
        .unwrap();
    assert_eq!(total_share, BasisPoints::WHOLE);
}

#[test]
fn token_info_is_ctc_with_six_decimals_and_no_minter() {
    let (token, _) = setup();
    let info: cw20::TokenInfoResponse = ask(&token, QueryMsg::TokenInfo {});
    assert_eq!(info.symbol, "CTC");
    assert_eq!(info.decimals, 6);
    assert_eq!(info.total_supply, CTC_ISSUANCE);
    let minter: Option<cw20::MinterResponse> = ask(&token, QueryMsg::Minter {});
    assert_eq!(minter, None);
}

#[test]
fn starts_with_full_supply_and_the_community_bucket_as_recycle_pool() {
    let (token, accounts) = setup();
    let t = tokenomics(&token);
    assert_eq!(t.issuance, CTC_ISSUANCE);
    assert_eq!(t.total_supply, CTC_ISSUANCE);
    assert_eq!(t.burned, Uint128::zero());
    assert_eq!(t.floor, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burnable, Uint128::new(1_050_000_000_000_000));
    assert_eq!(t.recycled, Uint128::zero());
    assert_eq!(&t.recycle_pool, accounts.community());

    let ownership: Ownership<Addr> = ask(&token, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(accounts.owner.clone()));
    let version = cw2::get_contract_version(&token.deps.storage).unwrap();
    assert_eq!(version.contract, "crates.io:ctc-token");
}

#[test]
fn takes_an_explicit_owner_and_recycle_pool() {
    let (mut token, accounts) = fresh();
    let pool = token.addr("recycle_pool");
    let msg = InstantiateMsg {
        owner: Some(accounts.alice.to_string()),
        recycle_pool: Some(pool.to_string()),
        ..instantiate_msg(&accounts)
    };
    let response = instantiate_with(&mut token, &accounts, &[], msg).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "recycle_pool" && a.value == pool.as_str()));
    assert_eq!(tokenomics(&token).recycle_pool, pool);
    let ownership: Ownership<Addr> = ask(&token, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(accounts.alice));
}

fn instantiate_error(msg: impl FnOnce(&Accounts, &mut InstantiateMsg)) -> ContractError {
    let (mut token, accounts) = fresh();
    let mut instantiate_msg = instantiate_msg(&accounts);
    msg(&accounts, &mut instantiate_msg);
    let err = instantiate_with(&mut token, &accounts, &[], instantiate_msg).unwrap_err();
    assert!(
        snapshot(&token.deps.storage).is_empty(),
        "a refused instantiate stores nothing"
    );
    err
}

/// Finding 4 at instantiation: a recycle pool that is a platform contract, chosen or the default
/// community-rewards address, is refused and nothing is stored.
#[test]
fn refuses_a_platform_contract_as_recycle_pool_even_by_default() {
    let cannot_spend = |address: &Addr, name: &str| {
        ContractError::Convention(ConventionError::Admin(AdminError::RecipientCannotSpend {
            field: "recycle_pool",
            address: address.to_string(),
            name: format!("crates.io:{name}"),
        }))
    };
    for default in [false, true] {
        let (mut token, accounts) = fresh();
        let registry = platform_contract(&mut token.deps, "partner-registry");
        let mut msg = instantiate_msg(&accounts);
        if default {
            msg.allocation.community_rewards = registry.to_string();
        } else {
            msg.recycle_pool = Some(registry.to_string());
        }
        let err = instantiate_with(&mut token, &accounts, &[], msg);
        assert_eq!(
            err.unwrap_err(),
            cannot_spend(&registry, "partner-registry")
        );
        assert!(snapshot(&token.deps.storage).is_empty());
    }
    let err = instantiate_error(|_, msg| {
        msg.recycle_pool = Some(mock_env().contract.address.to_string());
    });
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
}

#[test]
fn refuses_an_invalid_or_empty_bucket_address() {
    let err =
        instantiate_error(|_, msg| msg.allocation.service_providers = "not-an-address".into());
    assert!(matches!(
        err,
        ContractError::InvalidBucketAddress {
            bucket: AllocationBucket::ServiceProviders,
            ..
        }
    ));
    let err = instantiate_error(|_, msg| msg.allocation.public_welfare = String::new());
    assert!(matches!(
        err,
        ContractError::InvalidBucketAddress {
            bucket: AllocationBucket::PublicWelfare,
            ..
        }
    ));
}

#[test]
fn refuses_a_bucket_address_in_upper_case() {
    let err = instantiate_error(|accounts, msg| {
        msg.allocation.founding_team = accounts.genesis[0].as_str().to_uppercase()
    });
    assert!(matches!(
        err,
        ContractError::InvalidBucketAddress {
            bucket: AllocationBucket::FoundingTeam,
            ..
        }
    ));
}

#[test]
fn refuses_two_buckets_at_one_address() {
    let err = instantiate_error(|accounts, msg| {
        msg.allocation.public_welfare = accounts.genesis[1].to_string()
    });
    assert_eq!(
        err,
        ContractError::DuplicateBucketAddress {
            first: AllocationBucket::InstitutionalInvestors,
            second: AllocationBucket::PublicWelfare,
        }
    );
}

#[test]
fn refuses_an_invalid_recycle_pool() {
    let err = instantiate_error(|_, msg| msg.recycle_pool = Some("pool".into()));
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
}

#[test]
fn refuses_native_funds() {
    let (mut token, accounts) = fresh();
    let msg = instantiate_msg(&accounts);
    let err = instantiate_with(&mut token, &accounts, &coins(5, "ustake"), msg).unwrap_err();
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
    assert!(snapshot(&token.deps.storage).is_empty());
}

#[test]
fn refuses_an_invalid_marketing_address_before_storing_anything() {
    let err = instantiate_error(|_, msg| {
        msg.marketing = Some(cw20_base::msg::InstantiateMarketingInfo {
            project: None,
            description: None,
            marketing: Some("Marketing".into()),
            logo: None,
        })
    });
    assert!(matches!(err, ContractError::Std(_)), "{err:?}");
}

#[test]
fn refuses_the_token_itself_as_recycle_pool() {
    let token = mock_env().contract.address;
    let err = instantiate_error(|_, msg| msg.recycle_pool = Some(token.to_string()));
    assert!(matches!(err, ContractError::InvalidRecyclePool { .. }));
}

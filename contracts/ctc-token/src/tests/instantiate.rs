use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{coins, Uint128};
use ctc_interfaces::token::{AllocationBucket, AllocationResponse, CTC_ISSUANCE, CTC_SUPPLY_FLOOR};
use ctc_interfaces::BasisPoints;
use cw_ownable::Ownership;

use super::*;

#[test]
fn allocates_every_bucket_its_fixed_share() {
    let (deps, accounts) = setup();
    let expected_ctc: [u128; 6] = [
        225_000_000,
        150_000_000,
        450_000_000,
        225_000_000,
        375_000_000,
        75_000_000,
    ];
    for (holder, ctc) in accounts.genesis.iter().zip(expected_ctc) {
        assert_eq!(balance(&deps, holder), Uint128::new(ctc * 1_000_000));
    }

    let table: AllocationResponse = ask(&deps, QueryMsg::Allocation {});
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
        assert_eq!(row.amount, balance(&deps, holder));
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
    let (deps, _) = setup();
    let info: cw20::TokenInfoResponse = ask(&deps, QueryMsg::TokenInfo {});
    assert_eq!(info.symbol, "CTC");
    assert_eq!(info.decimals, 6);
    assert_eq!(info.total_supply, CTC_ISSUANCE);
    let minter: Option<cw20::MinterResponse> = ask(&deps, QueryMsg::Minter {});
    assert_eq!(minter, None);
}

#[test]
fn starts_with_full_supply_and_the_community_bucket_as_recycle_pool() {
    let (deps, accounts) = setup();
    let t = tokenomics(&deps);
    assert_eq!(t.issuance, CTC_ISSUANCE);
    assert_eq!(t.total_supply, CTC_ISSUANCE);
    assert_eq!(t.burned, Uint128::zero());
    assert_eq!(t.floor, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burnable, Uint128::new(1_050_000_000_000_000));
    assert_eq!(t.recycled, Uint128::zero());
    assert_eq!(&t.recycle_pool, accounts.community());

    let ownership: Ownership<Addr> = ask(&deps, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(accounts.owner.clone()));
    let version = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(version.contract, "crates.io:ctc-token");
}

#[test]
fn takes_an_explicit_owner_and_recycle_pool() {
    let mut deps = mock_dependencies();
    let accounts = Accounts::new(&deps.api);
    let pool = deps.api.addr_make("recycle_pool");
    let msg = InstantiateMsg {
        owner: Some(accounts.alice.to_string()),
        recycle_pool: Some(pool.to_string()),
        ..instantiate_msg(&accounts)
    };
    let response = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&accounts.owner, &[]),
        msg,
    )
    .unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "recycle_pool" && a.value == pool.as_str()));
    assert_eq!(tokenomics(&deps).recycle_pool, pool);
    let ownership: Ownership<Addr> = ask(&deps, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(accounts.alice));
}

fn instantiate_error(msg: impl FnOnce(&Accounts, &mut InstantiateMsg)) -> ContractError {
    let mut deps = mock_dependencies();
    let accounts = Accounts::new(&deps.api);
    let mut instantiate_msg = instantiate_msg(&accounts);
    msg(&accounts, &mut instantiate_msg);
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&accounts.owner, &[]),
        instantiate_msg,
    )
    .unwrap_err();
    assert!(
        snapshot(&deps.storage).is_empty(),
        "a refused instantiate stores nothing"
    );
    err
}

/// Finding 4 at instantiation: a recycle pool that is a platform contract, chosen or the default
/// community-rewards address, is refused and nothing is stored.
#[test]
fn refuses_a_platform_contract_as_recycle_pool_even_by_default() {
    let cannot_spend = |address: &Addr, name: &str| {
        ContractError::Admin(ctc_conventions::AdminError::RecipientCannotSpend {
            field: "recycle_pool",
            address: address.to_string(),
            name: format!("crates.io:{name}"),
        })
    };
    for default in [false, true] {
        let mut deps = mock_dependencies();
        let accounts = Accounts::new(&deps.api);
        let registry = platform_contract(&mut deps, "partner-registry");
        let mut msg = instantiate_msg(&accounts);
        if default {
            msg.allocation.community_rewards = registry.to_string();
        } else {
            msg.recycle_pool = Some(registry.to_string());
        }
        let err = instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&accounts.owner, &[]),
            msg,
        );
        assert_eq!(
            err.unwrap_err(),
            cannot_spend(&registry, "partner-registry")
        );
        assert!(snapshot(&deps.storage).is_empty());
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
    let mut deps = mock_dependencies();
    let accounts = Accounts::new(&deps.api);
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&accounts.owner, &coins(5, "ustake")),
        instantiate_msg(&accounts),
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
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

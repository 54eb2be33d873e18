use cosmwasm_std::Uint128;
use ctc_interfaces::token::CTC_SUPPLY_FLOOR;

use super::*;

#[test]
fn burn_lowers_balance_and_supply() {
    let (mut deps, accounts) = setup();
    let holder = accounts.genesis[0].clone();
    let before = balance(&deps, &holder);
    let response = exec(
        &mut deps,
        &holder,
        ExecuteMsg::Burn {
            amount: Uint128::new(7),
        },
    )
    .unwrap();
    assert_eq!(response.attributes[0].value, "burn");
    assert_eq!(balance(&deps, &holder), before - Uint128::new(7));
    assert_eq!(tokenomics(&deps).burned, Uint128::new(7));
}

#[test]
fn burns_exactly_to_the_floor_then_refuses_one_unit_more() {
    let (mut deps, accounts) = setup();
    burn_until_burnable(&mut deps, &accounts, Uint128::zero());
    let t = tokenomics(&deps);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burned, t.issuance - CTC_SUPPLY_FLOOR);

    let holder = accounts.genesis[5].clone();
    let before = snapshot(&deps.storage);
    let err = exec(
        &mut deps,
        &holder,
        ExecuteMsg::Burn {
            amount: Uint128::one(),
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::BurnBelowFloor {
            requested: Uint128::one(),
            burnable: Uint128::zero(),
        }
    );
    assert_eq!(snapshot(&deps.storage), before);
}

#[test]
fn refused_burn_states_what_is_still_burnable() {
    let (mut deps, accounts) = setup();
    burn_until_burnable(&mut deps, &accounts, Uint128::new(500));
    let holder = accounts.genesis[5].clone();
    let before = snapshot(&deps.storage);
    let err = exec(
        &mut deps,
        &holder,
        ExecuteMsg::Burn {
            amount: Uint128::new(501),
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "burning 501 would take the supply below the floor; 500 is still burnable"
    );
    assert_eq!(snapshot(&deps.storage), before);
}

#[test]
fn burn_beyond_balance_is_refused_by_cw20() {
    let (mut deps, accounts) = setup();
    let before = snapshot(&deps.storage);
    let err = exec(
        &mut deps,
        &accounts.alice.clone(),
        ExecuteMsg::Burn {
            amount: Uint128::one(),
        },
    )
    .unwrap_err();
    assert!(matches!(err, ContractError::Cw20(_)), "{err:?}");
    assert_eq!(snapshot(&deps.storage), before);
}

#[test]
fn burn_from_spends_the_allowance_and_obeys_the_floor() {
    let (mut deps, accounts) = setup();
    let owner = accounts.genesis[5].clone();
    let spender = accounts.bob.clone();
    exec(
        &mut deps,
        &owner,
        ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(1_000),
            expires: None,
        },
    )
    .unwrap();
    exec(
        &mut deps,
        &spender,
        ExecuteMsg::BurnFrom {
            owner: owner.to_string(),
            amount: Uint128::new(400),
        },
    )
    .unwrap();
    assert_eq!(tokenomics(&deps).burned, Uint128::new(400));

    burn_until_burnable(&mut deps, &accounts, Uint128::new(100));
    let before = snapshot(&deps.storage);
    let err = exec(
        &mut deps,
        &spender,
        ExecuteMsg::BurnFrom {
            owner: owner.to_string(),
            amount: Uint128::new(101),
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::BurnBelowFloor {
            requested: Uint128::new(101),
            burnable: Uint128::new(100),
        }
    );
    assert_eq!(snapshot(&deps.storage), before);
}

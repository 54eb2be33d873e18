use cosmwasm_std::Uint128;
use ctc_interfaces::token::CTC_SUPPLY_FLOOR;

use super::*;

#[test]
fn burn_lowers_balance_and_supply() {
    let (mut token, accounts) = setup();
    let holder = &accounts.genesis[0];
    let before = balance(&token, holder);
    let response = token
        .execute(
            holder,
            ExecuteMsg::Burn {
                amount: Uint128::new(7),
            },
        )
        .unwrap();
    assert_eq!(response.attributes[0].value, "burn");
    assert_eq!(balance(&token, holder), before - Uint128::new(7));
    assert_eq!(tokenomics(&token).burned, Uint128::new(7));
}

#[test]
fn burns_exactly_to_the_floor_then_refuses_one_unit_more() {
    let (mut token, accounts) = setup();
    burn_until_burnable(&mut token, &accounts, Uint128::zero());
    let t = tokenomics(&token);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burned, t.issuance - CTC_SUPPLY_FLOOR);

    let err = token.refused(
        &accounts.genesis[5],
        ExecuteMsg::Burn {
            amount: Uint128::one(),
        },
    );
    assert_eq!(
        err,
        ContractError::BurnBelowFloor {
            requested: Uint128::one(),
            burnable: Uint128::zero(),
        }
    );
}

#[test]
fn refused_burn_states_what_is_still_burnable() {
    let (mut token, accounts) = setup();
    burn_until_burnable(&mut token, &accounts, Uint128::new(500));
    let err = token.refused(
        &accounts.genesis[5],
        ExecuteMsg::Burn {
            amount: Uint128::new(501),
        },
    );
    assert_eq!(
        err.to_string(),
        "burning 501 would take the supply below the floor; 500 is still burnable"
    );
}

#[test]
fn burn_beyond_balance_is_refused_by_cw20() {
    let (mut token, accounts) = setup();
    let err = token.refused(
        &accounts.alice,
        ExecuteMsg::Burn {
            amount: Uint128::one(),
        },
    );
    assert!(matches!(err, ContractError::Cw20(_)), "{err:?}");
}

#[test]
fn burn_from_spends_the_allowance_and_obeys_the_floor() {
    let (mut token, accounts) = setup();
    let owner = &accounts.genesis[5];
    let spender = &accounts.bob;
    token
        .execute(
            owner,
            ExecuteMsg::IncreaseAllowance {
                spender: spender.to_string(),
                amount: Uint128::new(1_000),
                expires: None,
            },
        )
        .unwrap();
    token
        .execute(
            spender,
            ExecuteMsg::BurnFrom {
                owner: owner.to_string(),
                amount: Uint128::new(400),
            },
        )
        .unwrap();
    assert_eq!(tokenomics(&token).burned, Uint128::new(400));

    burn_until_burnable(&mut token, &accounts, Uint128::new(100));
    let err = token.refused(
        spender,
        ExecuteMsg::BurnFrom {
            owner: owner.to_string(),
            amount: Uint128::new(101),
        },
    );
    assert_eq!(
        err,
        ContractError::BurnBelowFloor {
            requested: Uint128::new(101),
            burnable: Uint128::new(100),
        }
    );
}

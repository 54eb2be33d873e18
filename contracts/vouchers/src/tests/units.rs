//! Fungible classes: one voucher per purchase holding its units, split by `transfer_units`,
//! redeemed in parts, cleared for what is left.

use ctc_testkit::executes;

use super::*;

/// The café's fungible goods class (id 1, 1 CTC a unit, 10 per holder): the fan bought 5.
fn with_five_units() -> Chain {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let input = ClassInput {
        fungible: true,
        per_holder_limit: Some(10),
        ..chain.goods(CTC)
    };
    chain.create(&cafe, input);
    let response = chain.buy(&fan, 1, 5, 5 * CTC).unwrap();
    assert_eq!(attribute(&response, "token_ids"), "1-0");
    chain
}

fn split(
    chain: &mut Chain,
    from: &Addr,
    to: &Addr,
    token_id: &str,
    units: u64,
) -> Result<Response, ContractError> {
    let msg = ExecuteMsg::TransferUnits {
        token_id: token_id.into(),
        recipient: to.to_string(),
        units,
    };
    chain.execute(from, msg)
}

#[test]
fn a_purchase_of_a_fungible_class_is_one_voucher_holding_its_units() {
    let chain = with_five_units();
    let voucher = chain.voucher("1-0");
    assert_eq!((voucher.units, voucher.value), (5, Uint128::new(5 * CTC)));
    let class = chain.class(1);
    assert_eq!((class.supply.issued, class.supply.tokens), (5, 1));
    assert_eq!(class.escrow, Uint128::new(5 * CTC));
}

#[test]
fn a_holder_splits_off_part_of_a_voucher_for_a_qualified_receiver() {
    let mut chain = with_five_units();
    let a = &chain.accounts;
    let (fan, fan2, fan3, stranger) = (
        a.fan.clone(),
        a.fan2.clone(),
        a.fan3.clone(),
        a.stranger.clone(),
    );
    for (units, held) in [(0, 5), (5, 5), (6, 5)] {
        assert_eq!(
            split(&mut chain, &fan, &fan2, "1-0", units).unwrap_err(),
            ContractError::InvalidUnits { held },
            "{units} units of 5 do not split"
        );
    }
    assert_eq!(
        split(&mut chain, &stranger, &fan2, "1-0", 2).unwrap_err(),
        ContractError::NotHolder
    );
    assert_eq!(
        split(&mut chain, &fan, &fan3, "1-0", 2).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
    let response = split(&mut chain, &fan, &fan2, "1-0", 2).unwrap();
    assert_eq!(attribute(&response, "new_token_id"), "1-1");
    let (kept, given) = (chain.voucher("1-0"), chain.voucher("1-1"));
    assert_eq!((kept.owner, kept.units, kept.moves), (fan.clone(), 3, 0));
    assert_eq!(
        (given.owner, given.units, given.moves),
        (fan2.clone(), 2, 1)
    );
    let class = chain.class(1);
    assert_eq!(
        (class.supply.issued, class.supply.tokens, class.escrow),
        (5, 2, Uint128::new(5 * CTC)),
        "a split issues nothing and moves no CTC"
    );
    // The split-off voucher inherits the moves: the Gift rule allows 2.
    split(&mut chain, &fan2, &fan, "1-1", 1).unwrap();
    assert_eq!(chain.voucher("1-2").moves, 2);
    assert_eq!(
        split(&mut chain, &fan, &fan, "1-0", 1).unwrap_err(),
        ContractError::SelfTransfer
    );
    assert_eq!(
        chain.transfer(&fan, &fan2, "1-2").unwrap_err(),
        ContractError::MoveLimit { max: 2 }
    );
}

#[test]
fn only_fungible_classes_split() {
    let mut chain = Chain::with_paid_voucher();
    let (fan, fan2) = (chain.accounts.fan.clone(), chain.accounts.fan2.clone());
    chain.buy(&fan, 1, 2, 2 * PRICE).unwrap();
    assert_eq!(
        chain.voucher("1-1").units,
        1,
        "each unit of a one-per-token class is its own voucher"
    );
    assert_eq!(
        split(&mut chain, &fan, &fan2, "1-1", 1).unwrap_err(),
        ContractError::NotFungible
    );
}

#[test]
fn a_voucher_is_redeemed_in_parts_each_code_once() {
    let mut chain = with_five_units();
    let (cafe, scanner) = (chain.accounts.cafe.clone(), chain.accounts.scanner.clone());
    let code = chain.code_for(1, "1-0", 2, 5);
    chain
        .redeem_units(&scanner, "1-0", 2, code.clone())
        .unwrap();
    assert_eq!(chain.voucher("1-0").units, 3);
    assert_eq!(
        chain.earned(&cafe).total(),
        Uint128::new(2 * CTC),
        "the price of the units redeemed moves to the merchant"
    );
    // The same code again: the voucher now holds 3, so the signed text no longer matches.
    assert!(matches!(
        chain.redeem_units(&scanner, "1-0", 2, code).unwrap_err(),
        ContractError::Proof(_)
    ));
    // A code for 1 unit cannot take 3.
    let one = chain.code_for(1, "1-0", 1, 3);
    assert!(matches!(
        chain.redeem_units(&scanner, "1-0", 3, one).unwrap_err(),
        ContractError::Proof(_)
    ));
    let too_many = chain.code_for(1, "1-0", 4, 3);
    assert_eq!(
        chain
            .redeem_units(&scanner, "1-0", 4, too_many)
            .unwrap_err(),
        ContractError::InvalidUnits { held: 3 }
    );
    let rest = chain.code_for(1, "1-0", 3, 3);
    chain.redeem_units(&scanner, "1-0", 3, rest).unwrap();
    let voucher = chain.voucher("1-0");
    assert_eq!(
        (voucher.units, voucher.status),
        (0, VoucherStatus::Redeemed)
    );
    let class = chain.class(1);
    assert_eq!((class.supply.redeemed, class.escrow), (5, Uint128::zero()));
}

#[test]
fn clearing_refunds_only_the_units_left() {
    let mut chain = with_five_units();
    let (fan, scanner, stranger) = (
        chain.accounts.fan.clone(),
        chain.accounts.scanner.clone(),
        chain.accounts.stranger.clone(),
    );
    let code = chain.code_for(1, "1-0", 2, 5);
    chain.redeem_units(&scanner, "1-0", 2, code).unwrap();
    chain.go_to(30);
    let response = chain
        .execute(
            &stranger,
            ExecuteMsg::Clear {
                token_id: "1-0".into(),
            },
        )
        .unwrap();
    let token = chain.accounts.token.to_string();
    assert_eq!(
        executes(&response),
        [(token, ctc_testkit::ctc_disburse_json(&[(&fan, 3 * CTC)], 0))]
    );
    let class = chain.class(1);
    assert_eq!(
        (class.supply.redeemed, class.supply.cleared, class.escrow),
        (2, 3, Uint128::zero())
    );
    assert_eq!(chain.voucher("1-0").status, VoucherStatus::Cleared);
}

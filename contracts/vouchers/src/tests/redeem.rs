//! Redeem by scan: only the issuer's scanners, only with the holder's fresh code for this
//! voucher, once, within the validity.

use ctc_interfaces::proof::ProofError;

use super::*;

#[test]
fn the_merchants_scanner_redeems_with_the_holders_code_once_and_the_merchant_earns() {
    let mut chain = Chain::with_paid_voucher();
    let (scanner, cafe) = (chain.accounts.scanner.clone(), chain.accounts.cafe.clone());
    let code = chain.code(1, "1-0");
    let response = chain.redeem(&scanner, "1-0", code.clone()).unwrap();
    assert_eq!(attribute(&response, "action"), "redeem");
    assert!(
        response.messages.is_empty(),
        "earnings wait for a withdrawal"
    );
    assert_eq!(chain.status("1-0"), VoucherStatus::Redeemed);
    let fee = PRICE * u128::from(FEE) / 10_000;
    let burn = PRICE * u128::from(BURN) / 10_000;
    assert_eq!(
        chain.earned(&cafe),
        Earned {
            payout: Uint128::new(PRICE - fee - burn),
            fee: Uint128::new(fee),
            burn: Uint128::new(burn),
        }
    );
    let class = chain.class(1);
    assert_eq!((class.supply.redeemed, class.escrow), (1, Uint128::zero()));
    // The same code, again: once only.
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::AlreadyRedeemed
    );
}

#[test]
fn nobody_but_the_issuers_scanners_redeems() {
    let mut chain = Chain::with_paid_voucher();
    let a = &chain.accounts;
    let (fan, cafe, bakery_scanner, stranger, regulator, owner) = (
        a.fan.clone(),
        a.cafe.clone(),
        a.bakery_scanner.clone(),
        a.stranger.clone(),
        a.regulator.clone(),
        a.owner.clone(),
    );
    let code = chain.code(1, "1-0");
    for who in [&fan, &cafe, &bakery_scanner, &stranger, &regulator, &owner] {
        assert_eq!(
            chain.redeem(who, "1-0", code.clone()).unwrap_err(),
            ContractError::NotScanner
        );
    }
    assert_eq!(chain.status("1-0"), VoucherStatus::Valid);
}

#[test]
fn a_code_for_another_action_voucher_or_holder_or_a_stale_one_does_not_redeem() {
    let mut chain = Chain::with_paid_voucher();
    let (scanner, fan) = (chain.accounts.scanner.clone(), chain.accounts.fan.clone());
    chain.buy(&fan, 1, 1, PRICE).unwrap();
    let check_in = chain.check_in_code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", check_in).unwrap_err(),
        ContractError::Proof(ProofError::InvalidSignature)
    );
    let other_voucher = chain.code(1, "1-1");
    assert_eq!(
        chain.redeem(&scanner, "1-0", other_voucher).unwrap_err(),
        ContractError::Proof(ProofError::InvalidSignature)
    );
    let someone_else = chain.code(2, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", someone_else).unwrap_err(),
        ContractError::Proof(ProofError::NotTheHolder {
            holder: fan.to_string()
        })
    );
    let code = chain.code(1, "1-0");
    chain.advance(120);
    assert!(matches!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::Proof(ProofError::Expired { .. })
    ));
    // After a gift, only the new holder's code redeems.
    let fan2 = chain.accounts.fan2.clone();
    chain.transfer(&fan, &fan2, "1-0").unwrap();
    let old_holder = chain.code(1, "1-0");
    assert!(matches!(
        chain.redeem(&scanner, "1-0", old_holder).unwrap_err(),
        ContractError::Proof(ProofError::NotTheHolder { .. })
    ));
    let new_holder = chain.code(2, "1-0");
    chain.redeem(&scanner, "1-0", new_holder).unwrap();
}

#[test]
fn redemption_happens_within_the_validity_while_not_frozen_and_for_goods_only() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, fan, scanner, owner) = (
        a.cafe.clone(),
        a.fan.clone(),
        a.scanner.clone(),
        a.owner.clone(),
    );
    let later = ClassInput {
        valid_from: chain.at(5),
        ..chain.coupon()
    };
    let pass = ClassInput {
        kind: VoucherKind::Pass {
            member_off: None,
            tickets_per_event: Some(2),
        },
        ..chain.coupon()
    };
    let ticket_coupon = ClassInput {
        kind: VoucherKind::Coupon {
            off: Off::Fixed(Uint128::new(CTC)),
            on: CouponTarget::Tickets { events: vec![] },
        },
        ..chain.coupon()
    };
    chain.create(&cafe, later);
    chain.create(&cafe, pass);
    chain.create(&cafe, ticket_coupon);
    for class_id in 1..=3 {
        chain.claim(&fan, class_id, 1).unwrap();
    }
    let code = chain.code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::NotYetValid {
            valid_from: chain.at(5)
        }
    );
    for token in ["2-0", "3-0"] {
        let code = chain.code(1, token);
        assert_eq!(
            chain.redeem(&scanner, token, code).unwrap_err(),
            ContractError::NotRedeemable
        );
    }
    chain.go_to(5);
    let freeze = |frozen| ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen,
        reason: "inquiry".into(),
        digest: digest(),
    };
    chain.execute(&owner, freeze(true)).unwrap();
    let code = chain.code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::ClassFrozen
    );
    chain.execute(&owner, freeze(false)).unwrap();
    chain.go_to(30);
    let code = chain.code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::Expired {
            valid_until: chain.at(30)
        }
    );
}

#[test]
fn a_suspended_merchant_still_redeems_what_it_sold() {
    let mut chain = Chain::with_paid_voucher();
    let (cafe, scanner) = (chain.accounts.cafe.clone(), chain.accounts.scanner.clone());
    chain.set_standing(&cafe, Standing::Suspended);
    let code = chain.code(1, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
    assert_eq!(chain.status("1-0"), VoucherStatus::Redeemed);
}

#[test]
fn a_revoked_merchant_redeems_nothing_its_holders_are_refunded() {
    let mut chain = Chain::with_paid_voucher();
    let (cafe, scanner, fan) = (
        chain.accounts.cafe.clone(),
        chain.accounts.scanner.clone(),
        chain.accounts.fan.clone(),
    );
    chain.set_standing(&cafe, Standing::Revoked);
    let code = chain.code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::IssuerNotAllowed { reason: "revoked" }
    );
    let clear = ExecuteMsg::Clear {
        token_id: "1-0".into(),
    };
    let response = chain.execute(&fan, clear).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refunded");
    assert_eq!(chain.earned(&cafe).total(), Uint128::zero());
}

//! Expiry clearing, one voucher per message, and merchants' withdrawals.

use ctc_testkit::{ctc_disburse_json, executes};

use super::*;

fn clear(token_id: &str) -> ExecuteMsg {
    ExecuteMsg::Clear {
        token_id: token_id.into(),
    }
}

fn withdraw(merchant: &Addr) -> ExecuteMsg {
    ExecuteMsg::Withdraw {
        merchant: merchant.to_string(),
    }
}

#[test]
fn an_expired_paid_voucher_is_refunded_to_its_holder_once_by_anyone() {
    let mut chain = Chain::with_paid_voucher();
    let (fan, stranger, token) = (
        chain.accounts.fan.clone(),
        chain.accounts.stranger.clone(),
        chain.accounts.token.clone(),
    );
    assert_eq!(
        chain.refused(&stranger, clear("1-0")),
        ContractError::NotExpired {
            valid_until: chain.at(30)
        }
    );
    chain.go_to(30);
    let response = chain.execute(&stranger, clear("1-0")).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refunded");
    assert_eq!(
        executes(&response),
        vec![(token.to_string(), ctc_disburse_json(&[(&fan, PRICE)], 0))]
    );
    assert_eq!(chain.status("1-0"), VoucherStatus::Cleared);
    assert_eq!(chain.class(1).escrow, Uint128::zero());
    assert_eq!(
        chain.refused(&fan, clear("1-0")),
        ContractError::AlreadyCleared
    );
}

#[test]
fn an_expired_prepaid_service_pays_the_merchant_and_a_free_voucher_just_expires() {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let prepaid = ClassInput {
        on_expiry: OnExpiry::PayMerchant,
        ..chain.goods(PRICE)
    };
    let free = chain.coupon();
    chain.create(&cafe, prepaid);
    chain.create(&cafe, free);
    chain.buy(&fan, 1, 1, PRICE).unwrap();
    chain.claim(&fan, 2, 1).unwrap();
    chain.go_to(31);
    let response = chain.execute(&fan, clear("1-0")).unwrap();
    assert_eq!(attribute(&response, "outcome"), "paid_merchant");
    assert!(response.messages.is_empty());
    assert_eq!(chain.earned(&cafe).total(), Uint128::new(PRICE));
    let response = chain.execute(&fan, clear("2-0")).unwrap();
    assert_eq!(attribute(&response, "outcome"), "expired");
    assert!(response.messages.is_empty());
    assert_eq!(chain.class(2).supply.cleared, 1);
}

#[test]
fn a_redeemed_voucher_is_not_cleared_and_a_frozen_class_waits() {
    let mut chain = Chain::with_paid_voucher();
    let (fan, scanner, owner) = (
        chain.accounts.fan.clone(),
        chain.accounts.scanner.clone(),
        chain.accounts.owner.clone(),
    );
    chain.buy(&fan, 1, 1, PRICE).unwrap();
    let code = chain.code(1, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
    chain.go_to(30);
    assert_eq!(
        chain.refused(&fan, clear("1-0")),
        ContractError::AlreadyRedeemed
    );
    let freeze = ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen: true,
        reason: "inquiry".into(),
        digest: digest(),
    };
    chain.execute(&owner, freeze).unwrap();
    assert_eq!(
        chain.refused(&fan, clear("1-1")),
        ContractError::ClassFrozen
    );
    assert_eq!(
        chain.refused(&fan, clear("1-x")),
        ContractError::VoucherNotFound {
            token_id: "1-x".into()
        }
    );
}

#[test]
fn a_revoked_issuer_opens_clearing_at_once_by_refund_whatever_the_terms() {
    let mut chain = Chain::new();
    let (cafe, fan, token) = (
        chain.accounts.cafe.clone(),
        chain.accounts.fan.clone(),
        chain.accounts.token.clone(),
    );
    let prepaid = ClassInput {
        on_expiry: OnExpiry::PayMerchant,
        ..chain.goods(PRICE)
    };
    chain.create(&cafe, prepaid);
    chain.buy(&fan, 1, 1, PRICE).unwrap();
    chain.set_standing(&cafe, Standing::Suspended);
    assert!(matches!(
        chain.refused(&fan, clear("1-0")),
        ContractError::NotExpired { .. }
    ));
    chain.set_standing(&cafe, Standing::Revoked);
    let response = chain.execute(&fan, clear("1-0")).unwrap();
    assert_eq!(
        executes(&response),
        vec![(token.to_string(), ctc_disburse_json(&[(&fan, PRICE)], 0))]
    );
}

#[test]
fn anyone_pays_a_merchant_its_earnings_fee_and_burn_in_one_disburse() {
    let mut chain = Chain::with_paid_voucher();
    let a = &chain.accounts;
    let (cafe, bakery, stranger, scanner, treasury, token) = (
        a.cafe.clone(),
        a.bakery.clone(),
        a.stranger.clone(),
        a.scanner.clone(),
        a.treasury.clone(),
        a.token.clone(),
    );
    assert_eq!(
        chain.refused(&stranger, withdraw(&cafe)),
        ContractError::NothingToWithdraw
    );
    let code = chain.code(1, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
    assert_eq!(
        chain.refused(&stranger, withdraw(&bakery)),
        ContractError::NothingToWithdraw
    );
    chain.set_standing(&cafe, Standing::Suspended);
    assert_eq!(
        chain.refused(&stranger, withdraw(&cafe)),
        ContractError::MerchantSuspended
    );
    chain.set_standing(&cafe, Standing::Active);
    let response = chain.execute(&stranger, withdraw(&cafe)).unwrap();
    let fee = PRICE * u128::from(FEE) / 10_000;
    let burn = PRICE * u128::from(BURN) / 10_000;
    assert_eq!(
        executes(&response),
        vec![(
            token.to_string(),
            ctc_disburse_json(&[(&cafe, PRICE - fee - burn), (&treasury, fee)], burn)
        )]
    );
    assert_eq!(chain.earned(&cafe), Earned::default());
    assert_eq!(
        chain.refused(&cafe, withdraw(&cafe)),
        ContractError::NothingToWithdraw
    );
}

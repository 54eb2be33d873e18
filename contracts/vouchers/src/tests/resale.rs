//! Resale under the class's cap (络谱 §4.3.1): listed whole, bought with a CTC `Send`, the seller
//! paid at once, the class price kept in escrow.

use ctc_testkit::executes;

use super::*;

/// A resale class of the café (id 1, 5 CTC, resold for at most 6 CTC a unit): the fan holds 1-0.
fn with_resale_voucher() -> Chain {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let input = ClassInput {
        transfer: TransferRule::Resale {
            max_moves: 2,
            max_unit_price: Uint128::new(6 * CTC),
        },
        ..chain.goods(PRICE)
    };
    chain.create(&cafe, input);
    chain.buy(&fan, 1, 1, PRICE).unwrap();
    chain
}

fn list(
    chain: &mut Chain,
    who: &Addr,
    token_id: &str,
    price: u128,
) -> Result<Response, ContractError> {
    let msg = ExecuteMsg::List {
        token_id: token_id.into(),
        price: Uint128::new(price),
    };
    chain.execute(who, msg)
}

fn buy_listed(chain: &mut Chain, who: &Addr, amount: u128) -> Result<Response, ContractError> {
    let hook = VoucherReceiveMsg::BuyListed {
        token_id: "1-0".into(),
    };
    chain.send(who, amount, hook)
}

#[test]
fn a_listing_stays_under_the_cap_and_only_on_resale_classes() {
    let mut chain = with_resale_voucher();
    let (fan, fan2) = (chain.accounts.fan.clone(), chain.accounts.fan2.clone());
    assert_eq!(
        list(&mut chain, &fan, "1-0", 6 * CTC + 1).unwrap_err(),
        ContractError::AboveResaleCap {
            cap: Uint128::new(6 * CTC)
        }
    );
    assert_eq!(
        list(&mut chain, &fan2, "1-0", CTC).unwrap_err(),
        ContractError::NotHolder
    );
    list(&mut chain, &fan, "1-0", 6 * CTC).unwrap();
    assert_eq!(chain.voucher("1-0").listed, Some(Uint128::new(6 * CTC)));

    let mut gift_only = Chain::with_paid_voucher();
    let fan = gift_only.accounts.fan.clone();
    assert_eq!(
        list(&mut gift_only, &fan, "1-0", CTC).unwrap_err(),
        ContractError::ResaleNotAllowed
    );
}

#[test]
fn a_listed_voucher_is_neither_redeemed_nor_given_until_unlisted() {
    let mut chain = with_resale_voucher();
    let (fan, fan2, scanner) = (
        chain.accounts.fan.clone(),
        chain.accounts.fan2.clone(),
        chain.accounts.scanner.clone(),
    );
    list(&mut chain, &fan, "1-0", 6 * CTC).unwrap();
    let code = chain.code(1, "1-0");
    assert_eq!(
        chain.redeem(&scanner, "1-0", code).unwrap_err(),
        ContractError::Listed
    );
    assert_eq!(
        chain.transfer(&fan, &fan2, "1-0").unwrap_err(),
        ContractError::Listed
    );
    let unlist = ExecuteMsg::Unlist {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.execute(&fan2, unlist.clone()).unwrap_err(),
        ContractError::NotHolder
    );
    chain.execute(&fan, unlist.clone()).unwrap();
    assert_eq!(
        chain.execute(&fan, unlist).unwrap_err(),
        ContractError::NotListed
    );
    let code = chain.code(1, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
}

#[test]
fn a_buyer_pays_the_seller_at_once_and_the_escrow_stays() {
    let mut chain = with_resale_voucher();
    let (fan, fan2, fan3) = (
        chain.accounts.fan.clone(),
        chain.accounts.fan2.clone(),
        chain.accounts.fan3.clone(),
    );
    assert_eq!(
        buy_listed(&mut chain, &fan2, 6 * CTC).unwrap_err(),
        ContractError::NotListed
    );
    list(&mut chain, &fan, "1-0", 6 * CTC).unwrap();
    assert_eq!(
        buy_listed(&mut chain, &fan2, 5 * CTC).unwrap_err(),
        ContractError::WrongAmount {
            expected: Uint128::new(6 * CTC),
            received: Uint128::new(5 * CTC)
        }
    );
    assert_eq!(
        buy_listed(&mut chain, &fan, 6 * CTC).unwrap_err(),
        ContractError::SelfTransfer
    );
    assert_eq!(
        buy_listed(&mut chain, &fan3, 6 * CTC).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        },
        "a buyer is a receiver the issuer recognises"
    );
    let response = buy_listed(&mut chain, &fan2, 6 * CTC).unwrap();
    let token = chain.accounts.token.to_string();
    assert_eq!(
        executes(&response),
        [(token, ctc_testkit::ctc_disburse_json(&[(&fan, 6 * CTC)], 0))]
    );
    let voucher = chain.voucher("1-0");
    assert_eq!(
        (voucher.owner, voucher.moves, voucher.listed),
        (fan2.clone(), 1, None)
    );
    assert_eq!(chain.class(1).escrow, Uint128::new(PRICE));
}

#[test]
fn an_expired_listing_is_bought_by_nobody_and_cleared_with_its_voucher() {
    let mut chain = with_resale_voucher();
    let (fan, fan2, stranger) = (
        chain.accounts.fan.clone(),
        chain.accounts.fan2.clone(),
        chain.accounts.stranger.clone(),
    );
    list(&mut chain, &fan, "1-0", 6 * CTC).unwrap();
    chain.go_to(30);
    assert_eq!(
        buy_listed(&mut chain, &fan2, 6 * CTC).unwrap_err(),
        ContractError::Expired {
            valid_until: chain.at(30)
        }
    );
    let clear = ExecuteMsg::Clear {
        token_id: "1-0".into(),
    };
    chain.execute(&stranger, clear).unwrap();
    let voucher = chain.voucher("1-0");
    assert_eq!(
        (voucher.status, voucher.listed),
        (VoucherStatus::Cleared, None)
    );
}

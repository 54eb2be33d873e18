//! Claims, purchases and distributions: windows, pauses, freezes, the issuer's standing, the
//! cap, the per-holder limit, identity, exact amounts and the token.

use cosmwasm_std::coins;

use super::*;

fn tokens_of(chain: &Chain, owner: &Addr) -> Vec<String> {
    let answer: cw721::msg::TokensResponse = chain.ask(QueryMsg::Tokens {
        owner: owner.to_string(),
        start_after: None,
        limit: None,
    });
    answer.tokens
}

#[test]
fn a_free_class_is_claimed_and_a_priced_one_bought_at_exactly_its_price() {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let free = chain.coupon();
    let paid = chain.goods(PRICE);
    chain.create(&cafe, free);
    chain.create(&cafe, paid);
    let response = chain.claim(&fan, 1, 2).unwrap();
    assert_eq!(attribute(&response, "token_ids"), "1-0,1-1");
    assert_eq!(
        chain.refused(
            &fan,
            ExecuteMsg::Claim {
                class_id: 2,
                quantity: 1
            }
        ),
        ContractError::NotFree
    );
    assert_eq!(
        chain.buy(&fan, 1, 1, PRICE).unwrap_err(),
        ContractError::NotPriced
    );
    assert_eq!(
        chain.buy(&fan, 2, 2, PRICE).unwrap_err(),
        ContractError::WrongAmount {
            expected: Uint128::new(2 * PRICE),
            received: Uint128::new(PRICE)
        }
    );
    let response = chain.buy(&fan, 2, 2, 2 * PRICE).unwrap();
    assert_eq!(attribute(&response, "action"), "buy");
    assert_eq!(attribute(&response, "token_ids"), "2-0,2-1");
    assert!(response.messages.is_empty(), "the price stays in escrow");
    let class = chain.class(2);
    assert_eq!(class.supply.issued, 2);
    assert_eq!(class.escrow, Uint128::new(2 * PRICE));
    assert_eq!(tokens_of(&chain, &fan), ["1-0", "1-1", "2-0", "2-1"]);
    assert_eq!(chain.voucher("2-1").value, Uint128::new(PRICE));
}

#[test]
fn a_purchase_can_name_a_recipient_who_must_qualify() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, fan, fan2, fan3) = (
        a.cafe.clone(),
        a.fan.clone(),
        a.fan2.clone(),
        a.fan3.clone(),
    );
    let input = chain.goods(PRICE);
    chain.create(&cafe, input);
    let to = |who: &Addr| VoucherReceiveMsg::Buy {
        class_id: 1,
        quantity: 1,
        recipient: Some(who.to_string()),
    };
    chain.send(&fan, PRICE, to(&fan2)).unwrap();
    assert_eq!(chain.voucher("1-0").owner, fan2);
    assert_eq!(
        chain.send(&fan, PRICE, to(&fan3)).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
}

#[test]
fn only_the_configured_token_pays_and_coins_are_refused() {
    let mut chain = Chain::new();
    let (cafe, fan, stranger) = (
        chain.accounts.cafe.clone(),
        chain.accounts.fan.clone(),
        chain.accounts.stranger.clone(),
    );
    let input = chain.goods(PRICE);
    chain.create(&cafe, input);
    let hook = VoucherReceiveMsg::Buy {
        class_id: 1,
        quantity: 1,
        recipient: None,
    };
    let forged = chain
        .unit
        .ctc_send(&stranger, &fan, PRICE, &hook, ExecuteMsg::Receive)
        .unwrap_err();
    assert_eq!(forged, convention(ConventionError::WrongToken));
    let coins = chain.refused_with(
        &fan,
        &coins(5, "ustake"),
        ExecuteMsg::Claim {
            class_id: 1,
            quantity: 1,
        },
    );
    assert!(matches!(
        coins,
        ContractError::Convention(ConventionError::Payment(_))
    ));
}

#[test]
fn sales_open_and_close_with_the_window_and_stop_while_frozen() {
    let mut chain = Chain::new();
    let (cafe, fan, owner) = (
        chain.accounts.cafe.clone(),
        chain.accounts.fan.clone(),
        chain.accounts.owner.clone(),
    );
    let input = ClassInput {
        sale_starts_at: chain.at(1),
        ..chain.coupon()
    };
    chain.create(&cafe, input);
    let closed = ContractError::SaleClosed {
        opens_at: chain.at(1),
        closes_at: chain.at(10),
    };
    assert_eq!(chain.claim(&fan, 1, 1).unwrap_err(), closed);
    chain.go_to(1);
    chain.claim(&fan, 1, 1).unwrap();
    let freeze = |frozen| ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen,
        reason: "inquiry".into(),
        digest: digest(),
    };
    chain.execute(&owner, freeze(true)).unwrap();
    assert_eq!(
        chain.claim(&fan, 1, 1).unwrap_err(),
        ContractError::ClassFrozen
    );
    chain.execute(&owner, freeze(false)).unwrap();
    chain.claim(&fan, 1, 1).unwrap();
    chain.go_to(10);
    assert_eq!(chain.claim(&fan, 1, 1).unwrap_err(), closed);
}

#[test]
fn an_issuer_out_of_good_standing_sells_nothing() {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let input = chain.goods(PRICE);
    chain.create(&cafe, input);
    for (standing, reason) in [
        (Standing::Suspended, "suspended"),
        (Standing::Revoked, "revoked"),
    ] {
        chain.set_standing(&cafe, standing);
        assert_eq!(
            chain.buy(&fan, 1, 1, PRICE).unwrap_err(),
            ContractError::IssuerNotAllowed { reason }
        );
    }
    let update = partner_update(&cafe, Standing::Active, &[Capability::IssueTickets]);
    chain.push(update);
    assert_eq!(
        chain.buy(&fan, 1, 1, PRICE).unwrap_err(),
        ContractError::IssuerNotAllowed {
            reason: "not_granted"
        }
    );
    chain.set_standing(&cafe, Standing::Active);
    chain.buy(&fan, 1, 1, PRICE).unwrap();
}

#[test]
fn the_cap_the_per_holder_limit_quantity_and_identity_bound_every_issue() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, fan, fan2, fan3, stranger) = (
        a.cafe.clone(),
        a.fan.clone(),
        a.fan2.clone(),
        a.fan3.clone(),
        a.stranger.clone(),
    );
    let input = ClassInput {
        cap: 7,
        per_holder_limit: Some(4),
        ..chain.coupon()
    };
    chain.create(&cafe, input);
    chain.claim(&fan, 1, 3).unwrap();
    assert_eq!(
        chain.claim(&fan, 1, 2).unwrap_err(),
        ContractError::HolderLimit { limit: 4 }
    );
    chain.claim(&fan2, 1, 3).unwrap();
    assert_eq!(
        chain.claim(&fan2, 1, 2).unwrap_err(),
        ContractError::CapReached { left: 1 }
    );
    for quantity in [0, 21] {
        assert_eq!(
            chain.claim(&fan, 1, quantity).unwrap_err(),
            ContractError::InvalidQuantity { max: 20 }
        );
    }
    let too_low = ContractError::IdentityTooLow {
        required: IdentityLevel::RealName,
    };
    assert_eq!(chain.claim(&fan3, 1, 1).unwrap_err(), too_low);
    assert_eq!(chain.claim(&stranger, 1, 1).unwrap_err(), too_low);
    assert_eq!(
        chain.claim(&fan, 9, 1).unwrap_err(),
        ContractError::ClassNotFound { class_id: 9 }
    );
}

#[test]
fn only_attestations_of_the_accepted_attesters_count() {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let other = chain.addr("other_attester");
    chain.push(partner_update(
        &other,
        Standing::Active,
        &[Capability::AttestIdentity],
    ));
    let input = ClassInput {
        accepted_attesters: vec![other.to_string()],
        ..chain.coupon()
    };
    chain.create(&cafe, input);
    assert_eq!(
        chain.claim(&fan, 1, 1).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
    chain.push(attest(&fan, &other, IdentityLevel::RealName));
    chain.claim(&fan, 1, 1).unwrap();
}

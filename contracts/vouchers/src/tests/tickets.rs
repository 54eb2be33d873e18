//! Coupons and passes in a ticket purchase: what vouchers answers ticket-nft's `use_for_tickets`.

use crate::msg::TicketUse;

use super::*;

const FACE: u128 = 100 * CTC;

/// The café issues a 20%-off ticket coupon (class 1, free, 3 units to the fan as one fungible
/// voucher) and a pass with 10 CTC off, two tickets an event (class 2, the fan holds 2-0);
/// ticket-nft is set.
fn with_coupon_and_pass() -> Chain {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (owner, cafe, fan) = (a.owner.clone(), a.cafe.clone(), a.fan.clone());
    let ticket_nft = chain.addr("ticket_nft");
    chain
        .execute(
            &owner,
            ExecuteMsg::SetTicketNft {
                address: ticket_nft.to_string(),
            },
        )
        .unwrap();
    let coupon = ClassInput {
        kind: VoucherKind::Coupon {
            off: Off::Percent(BasisPoints::new(2_000).unwrap()),
            on: CouponTarget::Tickets { events: vec![] },
        },
        fungible: true,
        ..chain.goods(0)
    };
    let pass = ClassInput {
        kind: VoucherKind::Pass {
            member_off: Some(Off::Fixed(Uint128::new(10 * CTC))),
            tickets_per_event: Some(2),
        },
        transfer: TransferRule::None,
        ..chain.goods(0)
    };
    chain.create(&cafe, coupon);
    chain.create(&cafe, pass);
    chain.claim(&fan, 1, 3).unwrap();
    chain.claim(&fan, 2, 1).unwrap();
    chain
}

fn ticket_use(chain: &Chain, token_id: &str, quantity: u32, paid_each: u128) -> TicketUse {
    TicketUse {
        token_id: token_id.into(),
        holder: chain.accounts.fan.to_string(),
        issuer: chain.accounts.cafe.to_string(),
        event_id: 7,
        members_of: None,
        quantity,
        price: Uint128::new(FACE),
        paid_each: Uint128::new(paid_each),
    }
}

/// ticket-nft's message for the fan's purchase of `quantity` of the café's event 7 at
/// `paid_each`, naming `token_id`.
fn spend(
    chain: &mut Chain,
    token_id: &str,
    quantity: u32,
    paid_each: u128,
) -> Result<Response, ContractError> {
    let use_ = ticket_use(chain, token_id, quantity, paid_each);
    use_for(chain, use_)
}

fn use_for(chain: &mut Chain, use_: TicketUse) -> Result<Response, ContractError> {
    let ticket_nft = chain.addr("ticket_nft");
    chain.execute(&ticket_nft, ExecuteMsg::UseForTickets(use_))
}

#[test]
fn only_the_configured_ticket_nft_uses_vouchers_and_it_is_set_once() {
    let mut chain = with_coupon_and_pass();
    let (owner, fan, stranger) = (
        chain.accounts.owner.clone(),
        chain.accounts.fan.clone(),
        chain.accounts.stranger.clone(),
    );
    let use_ = ticket_use(&chain, "1-0", 1, 80 * CTC);
    for who in [&fan, &stranger, &owner] {
        assert_eq!(
            chain
                .execute(who, ExecuteMsg::UseForTickets(use_.clone()))
                .unwrap_err(),
            ContractError::NotTicketNft
        );
    }
    let again = ExecuteMsg::SetTicketNft {
        address: stranger.to_string(),
    };
    assert!(matches!(
        chain.execute(&stranger, again.clone()).unwrap_err(),
        ContractError::Convention(_)
    ));
    assert_eq!(
        chain.execute(&owner, again).unwrap_err(),
        ContractError::TicketNftAlreadySet
    );
}

#[test]
fn a_coupon_is_spent_one_unit_a_ticket_at_exactly_its_discount() {
    let mut chain = with_coupon_and_pass();
    assert_eq!(
        spend(&mut chain, "1-0", 2, 81 * CTC).unwrap_err(),
        ContractError::WrongDiscount {
            expected: Uint128::new(80 * CTC)
        }
    );
    assert_eq!(
        spend(&mut chain, "1-0", 4, 80 * CTC).unwrap_err(),
        ContractError::InvalidUnits { held: 3 }
    );
    spend(&mut chain, "1-0", 2, 80 * CTC).unwrap();
    let voucher = chain.voucher("1-0");
    assert_eq!(voucher.units, 1);
    assert_eq!(chain.class(1).supply.redeemed, 2);
    spend(&mut chain, "1-0", 1, 80 * CTC).unwrap();
    assert_eq!(chain.status("1-0"), VoucherStatus::Redeemed);
    assert_eq!(
        spend(&mut chain, "1-0", 1, 80 * CTC).unwrap_err(),
        ContractError::AlreadyRedeemed
    );
}

#[test]
fn a_ticket_coupon_is_free_and_a_priced_pass_pays_its_issuer_at_expiry() {
    let mut chain = with_coupon_and_pass();
    let cafe = chain.accounts.cafe.clone();
    // A coupon's price would reach the café when the tickets are bought, outside the show's
    // escrow; a pass refunded at expiry would make a season of member prices free.
    let priced_coupon = ClassInput {
        kind: VoucherKind::Coupon {
            off: Off::Fixed(Uint128::new(30 * CTC)),
            on: CouponTarget::Tickets { events: vec![7] },
        },
        ..chain.goods(PRICE)
    };
    let refunded_pass = ClassInput {
        kind: VoucherKind::Pass {
            member_off: None,
            tickets_per_event: None,
        },
        ..chain.goods(PRICE)
    };
    for (input, reason) in [
        (priced_coupon, "a ticket coupon is free"),
        (refunded_pass, "a priced pass pays its issuer at expiry"),
    ] {
        assert_eq!(
            chain
                .execute(&cafe, ExecuteMsg::CreateClass { class: input })
                .unwrap_err(),
            ContractError::InvalidClass { reason }
        );
    }
    let paid_pass = ClassInput {
        kind: VoucherKind::Pass {
            member_off: None,
            tickets_per_event: None,
        },
        on_expiry: OnExpiry::PayMerchant,
        ..chain.goods(PRICE)
    };
    chain.create(&cafe, paid_pass);
}

#[test]
fn a_coupons_event_list_binds() {
    let mut chain = with_coupon_and_pass();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let listed = ClassInput {
        kind: VoucherKind::Coupon {
            off: Off::Fixed(Uint128::new(30 * CTC)),
            on: CouponTarget::Tickets { events: vec![7] },
        },
        ..chain.goods(0)
    };
    chain.create(&cafe, listed);
    chain.claim(&fan, 3, 1).unwrap();
    let mut other_event = ticket_use(&chain, "3-0", 1, 70 * CTC);
    other_event.event_id = 8;
    assert_eq!(
        use_for(&mut chain, other_event).unwrap_err(),
        ContractError::NotForEvent
    );
    spend(&mut chain, "3-0", 1, 70 * CTC).unwrap();
    assert_eq!(chain.status("3-0"), VoucherStatus::Redeemed);
}

#[test]
fn a_voucher_fits_only_its_holder_its_issuer_and_its_kind() {
    let mut chain = with_coupon_and_pass();
    let (bakery, fan2) = (chain.accounts.bakery.clone(), chain.accounts.fan2.clone());
    let mut someone_else = ticket_use(&chain, "1-0", 1, 80 * CTC);
    someone_else.holder = fan2.to_string();
    assert_eq!(
        use_for(&mut chain, someone_else).unwrap_err(),
        ContractError::NotHolder
    );
    let mut bakerys_event = ticket_use(&chain, "1-0", 1, 80 * CTC);
    bakerys_event.issuer = bakery.to_string();
    assert_eq!(
        use_for(&mut chain, bakerys_event).unwrap_err(),
        ContractError::NotEventIssuer
    );
    let fan = chain.accounts.fan.clone();
    let cafe = chain.accounts.cafe.clone();
    let goods_coupon = chain.coupon();
    chain.create(&cafe, goods_coupon);
    chain.claim(&fan, 3, 1).unwrap();
    assert_eq!(
        spend(&mut chain, "3-0", 1, 80 * CTC).unwrap_err(),
        ContractError::NotForTickets,
        "a coupon for the café's goods is scanned, not used for tickets"
    );
    let mut members_tier = ticket_use(&chain, "1-0", 1, 80 * CTC);
    members_tier.members_of = Some(1);
    assert_eq!(
        use_for(&mut chain, members_tier).unwrap_err(),
        ContractError::NotForTier,
        "a coupon does not open a members' tier"
    );
    chain.go_to(30);
    assert_eq!(
        spend(&mut chain, "1-0", 1, 80 * CTC).unwrap_err(),
        ContractError::Expired {
            valid_until: chain.at(30)
        }
    );
}

#[test]
fn a_pass_gives_its_member_price_and_counts_its_tickets_per_event() {
    let mut chain = with_coupon_and_pass();
    assert_eq!(
        spend(&mut chain, "2-0", 1, FACE).unwrap_err(),
        ContractError::WrongDiscount {
            expected: Uint128::new(90 * CTC)
        }
    );
    spend(&mut chain, "2-0", 2, 90 * CTC).unwrap();
    assert_eq!(
        spend(&mut chain, "2-0", 1, 90 * CTC).unwrap_err(),
        ContractError::PassUsesExhausted { max: 2 }
    );
    let uses: u32 = chain.ask(QueryMsg::PassUses {
        token_id: "2-0".into(),
        event_id: 7,
    });
    assert_eq!(uses, 2);
    let voucher = chain.voucher("2-0");
    assert_eq!(
        (voucher.units, voucher.status),
        (1, VoucherStatus::Valid),
        "a pass is shown, not spent"
    );
    let mut next_event = ticket_use(&chain, "2-0", 2, 90 * CTC);
    next_event.event_id = 8;
    use_for(&mut chain, next_event).unwrap();
}

#[test]
fn a_members_tier_admits_the_pass_it_names_whoever_issues_the_event() {
    let mut chain = with_coupon_and_pass();
    let bakery = chain.accounts.bakery.clone();
    let mut members = ticket_use(&chain, "2-0", 1, 90 * CTC);
    members.issuer = bakery.to_string();
    members.members_of = Some(2);
    // The café's pass admits its holder to the bakery's members' tier, at the bakery's price:
    // no partner sets the prices of another's event.
    assert_eq!(
        use_for(&mut chain, members.clone()).unwrap_err(),
        ContractError::WrongDiscount {
            expected: Uint128::new(FACE)
        }
    );
    members.paid_each = Uint128::new(FACE);
    use_for(&mut chain, members.clone()).unwrap();
    members.members_of = Some(5);
    assert_eq!(
        use_for(&mut chain, members).unwrap_err(),
        ContractError::NotForTier
    );
    let mut not_a_member_price = ticket_use(&chain, "2-0", 1, 90 * CTC);
    not_a_member_price.issuer = bakery.to_string();
    assert_eq!(
        use_for(&mut chain, not_a_member_price).unwrap_err(),
        ContractError::NotEventIssuer,
        "another issuer's tiers give the member price only where they name the pass"
    );
}

#[test]
fn a_frozen_class_is_used_for_no_ticket() {
    let mut chain = with_coupon_and_pass();
    let owner = chain.accounts.owner.clone();
    let freeze = ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen: true,
        reason: "complaints".into(),
        digest: digest(),
    };
    chain.execute(&owner, freeze).unwrap();
    assert_eq!(
        spend(&mut chain, "1-0", 1, 80 * CTC).unwrap_err(),
        ContractError::ClassFrozen
    );
}

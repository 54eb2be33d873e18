//! Creating classes, listing and delisting them, naming scanners.

use ctc_testkit::executes;

use super::*;

#[test]
fn a_partner_with_issue_vouchers_creates_a_class_and_draws_its_cap_from_the_quota() {
    let mut chain = Chain::new();
    let cafe = chain.accounts.cafe.clone();
    let input = chain.goods(PRICE);
    let response = chain
        .execute(&cafe, ExecuteMsg::CreateClass { class: input })
        .unwrap();
    assert_eq!(attribute(&response, "class_id"), "1");
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.registry.to_string(),
            format!(
                r#"{{"consume_quota":{{"partner":"{cafe}","capability":"issue_vouchers","units":100}}}}"#
            )
        )]
    );
    let class = chain.class(1);
    assert_eq!(class.terms.issuer, cafe);
    assert_eq!(
        class.terms.min_identity,
        IdentityLevel::RealName,
        "the platform's"
    );
    assert_eq!(class.terms.platform_fee.get(), FEE);
    assert_eq!(class.terms.burn_share.get(), BURN);
    assert_eq!(class.supply.issued, 0);
    assert_eq!(class.escrow, Uint128::zero());
    assert_eq!(class.meta.name, "Latte");
    // The next class is 2, whoever issues it.
    let bakery = chain.accounts.bakery.clone();
    let input = chain.coupon();
    assert_eq!(chain.create(&bakery, input), 2);
}

#[test]
fn invalid_terms_are_refused_before_anything_is_written() {
    let mut chain = Chain::new();
    let cafe = chain.accounts.cafe.clone();
    let base = chain.goods(PRICE);
    let invalid = |reason| ContractError::InvalidClass { reason };
    let cases: Vec<(ClassInput, ContractError)> = vec![
        (
            ClassInput {
                cap: 0,
                ..base.clone()
            },
            invalid("the cap is between 1 and 1,000,000"),
        ),
        (
            ClassInput {
                cap: 1_000_001,
                ..base.clone()
            },
            invalid("the cap is between 1 and 1,000,000"),
        ),
        (
            ClassInput {
                per_holder_limit: Some(0),
                ..base.clone()
            },
            invalid("a per-holder limit of zero sells nothing"),
        ),
        (
            ClassInput {
                sale_ends_at: base.sale_starts_at,
                ..base.clone()
            },
            invalid("the sale ends after it starts"),
        ),
        (
            ClassInput {
                sale_ends_at: chain.at(31),
                ..base.clone()
            },
            invalid("the sale ends by the end of the validity"),
        ),
        (
            ClassInput {
                valid_from: chain.at(30),
                ..base.clone()
            },
            invalid("the validity ends after it starts"),
        ),
        (
            ClassInput {
                valid_until: chain.at(6 * 365),
                ..base.clone()
            },
            invalid("the validity ends within five years"),
        ),
        (
            ClassInput {
                transfer: TransferRule::Gift { max_moves: 0 },
                ..base.clone()
            },
            invalid("a transfer rule allows 1 to 100 moves"),
        ),
        (
            ClassInput {
                kind: VoucherKind::Coupon {
                    off: Off::Fixed(Uint128::zero()),
                    on: CouponTarget::Goods,
                },
                ..base.clone()
            },
            invalid("a discount takes something off"),
        ),
        (
            ClassInput {
                kind: VoucherKind::Coupon {
                    off: Off::Fixed(Uint128::new(1)),
                    on: CouponTarget::Tickets {
                        events: (1..=9).collect(),
                    },
                },
                ..base.clone()
            },
            invalid("a ticket coupon names at most 8 events"),
        ),
        (
            ClassInput {
                kind: VoucherKind::Pass {
                    member_off: None,
                    tickets_per_event: Some(0),
                },
                ..base.clone()
            },
            invalid("a pass that admits no ticket is no pass"),
        ),
        (
            ClassInput {
                accepted_attesters: vec![chain.accounts.attester.to_string(); 5],
                ..base.clone()
            },
            invalid("at most 4 accepted attesters"),
        ),
        (
            ClassInput {
                min_identity: Some(IdentityLevel::Phone),
                ..base.clone()
            },
            ContractError::IdentityBelowPlatform {
                minimum: IdentityLevel::RealName,
            },
        ),
        (
            ClassInput {
                name: String::new(),
                ..base.clone()
            },
            convention(ConventionError::InvalidLength {
                field: "name",
                max: 64,
            }),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            chain.refused(&cafe, ExecuteMsg::CreateClass { class: input }),
            expected
        );
    }
    // The validity must not have ended already.
    chain.go_to(40);
    let input = chain.goods(PRICE);
    let late = ClassInput {
        sale_starts_at: chain.at(39),
        sale_ends_at: chain.at(39).plus_seconds(1),
        valid_from: chain.at(1),
        valid_until: chain.at(40),
        ..input
    };
    assert_eq!(
        chain.refused(&cafe, ExecuteMsg::CreateClass { class: late }),
        invalid("the validity ends in the future")
    );
}

#[test]
fn only_the_issuer_lists_and_delists_its_class() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, bakery, fan, regulator) = (
        a.cafe.clone(),
        a.bakery.clone(),
        a.fan.clone(),
        a.regulator.clone(),
    );
    let input = chain.goods(0);
    chain.create(&cafe, input);
    let pause = |paused| ExecuteMsg::SetSalePaused {
        class_id: 1,
        paused,
    };
    for who in [&bakery, &fan, &regulator] {
        assert_eq!(chain.refused(who, pause(true)), ContractError::NotIssuer);
    }
    assert_eq!(
        chain.refused(
            &cafe,
            ExecuteMsg::SetSalePaused {
                class_id: 9,
                paused: true
            }
        ),
        ContractError::ClassNotFound { class_id: 9 }
    );
    chain.execute(&cafe, pause(true)).unwrap();
    assert!(chain.class(1).terms.paused);
    assert_eq!(
        chain.claim(&fan, 1, 1).unwrap_err(),
        ContractError::SalePaused
    );
    chain.execute(&cafe, pause(false)).unwrap();
    chain.claim(&fan, 1, 1).unwrap();
}

#[test]
fn only_a_reported_partner_names_scanners_and_only_its_own() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, stranger, fan, scanner) = (
        a.cafe.clone(),
        a.stranger.clone(),
        a.fan.clone(),
        a.scanner.clone(),
    );
    let name = |address: &Addr, allowed| ExecuteMsg::SetScanner {
        address: address.to_string(),
        allowed,
    };
    assert_eq!(
        chain.refused(&stranger, name(&stranger, true)),
        ContractError::NotAPartner
    );
    assert_eq!(
        chain.refused(&fan, name(&fan, true)),
        ContractError::NotAPartner
    );
    let is_scanner = |chain: &Chain, merchant: &Addr| -> bool {
        crate::state::SCANNERS.has(&chain.deps.storage, (merchant, &scanner))
    };
    assert!(is_scanner(&chain, &cafe));
    assert!(!is_scanner(&chain, &chain.accounts.bakery.clone()));
    chain.execute(&cafe, name(&scanner, false)).unwrap();
    assert!(!is_scanner(&chain, &cafe));
}

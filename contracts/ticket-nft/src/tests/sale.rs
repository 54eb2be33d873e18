use super::*;

#[test]
fn a_sale_mints_numbered_tickets_and_escrows_the_price() {
    let mut chain = Chain::new();
    let response = chain.buy(0, 1, 2, 500 * CTC).unwrap();
    let token_ids = response
        .attributes
        .iter()
        .find(|a| a.key == "token_ids")
        .unwrap();
    // Tickets are numbered tier by tier: the Box tier's follow the Stalls' ten serials.
    assert_eq!(token_ids.value, "1-10,1-11");
    assert!(response.messages.is_empty(), "the price stays in escrow");
    let event = chain.event();
    assert_eq!(event.escrow, Uint128::new(500 * CTC));
    assert_eq!(event.tiers[1].sold, 2);
    let info: cw721::msg::NftInfoResponse<crate::msg::TicketInfo> = chain.ask(QueryMsg::NftInfo {
        token_id: "1-11".into(),
    });
    assert_eq!(info.extension.seat.as_deref(), Some("B2"));
    assert_eq!(chain.owner_of("1-10"), chain.accounts.fans[0].to_string());

    // A gift purchase: the recipient holds, the buyer's limit counts.
    let (buyer, friend) = (
        chain.accounts.fans[1].clone(),
        chain.accounts.fans[2].clone(),
    );
    chain
        .pay(
            &buyer,
            400 * CTC,
            &ReceiveMsg::Buy {
                event_id: 1,
                tier: 0,
                quantity: 4,
                recipient: Some(friend.to_string()),
                voucher: None,
            },
        )
        .unwrap();
    assert_eq!(chain.owner_of("1-3"), friend.to_string());
    assert_eq!(chain.event().tiers[0].sold, 4);
    assert_eq!(chain.event().tickets_minted, 6);
    assert_eq!(
        chain.buy(1, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::WalletLimit {
            limit: 4,
            already: 4
        }
    );
}

#[test]
fn only_ctc_pays() {
    let mut chain = Chain::new();
    let fake = chain.deps.api.addr_make("fake_token");
    let fan = chain.accounts.fans[0].clone();
    let hook = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: None,
    };
    assert_eq!(
        chain
            .ctc_send(&fake, &fan, 100 * CTC, &hook, ExecuteMsg::Receive)
            .unwrap_err(),
        ContractError::Convention(ConventionError::WrongToken)
    );
}

#[test]
fn refuses_sales_outside_the_rules() {
    let mut chain = Chain::new();
    assert_eq!(
        chain.buy(0, 0, 0, 0).unwrap_err(),
        ContractError::InvalidQuantity { max: 20 }
    );
    assert_eq!(
        chain.buy(0, 0, 21, 2_100 * CTC).unwrap_err(),
        ContractError::InvalidQuantity { max: 20 }
    );
    assert_eq!(
        chain.buy(0, 1, 3, 750 * CTC).unwrap_err(),
        ContractError::SoldOut { left: 2 }
    );
    assert_eq!(
        chain.buy(0, 0, 1, 101 * CTC).unwrap_err(),
        ContractError::WrongAmount {
            expected: Uint128::new(100 * CTC),
            received: Uint128::new(101 * CTC)
        }
    );
    assert_eq!(
        chain.buy(0, 7, 1, 100 * CTC).unwrap_err(),
        ContractError::TierNotFound {
            event_id: 1,
            tier: 7
        }
    );
    let fan = chain.accounts.fans[0].clone();
    let unknown = ReceiveMsg::Buy {
        event_id: 5,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: None,
    };
    assert_eq!(
        chain.pay(&fan, 100 * CTC, &unknown).unwrap_err(),
        ContractError::EventNotFound { event_id: 5 }
    );
    let sale_end = chain.event().sale_ends_at;
    chain.advance_to(sale_end);
    assert!(matches!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::SaleClosed { .. }
    ));
}

#[test]
fn the_registry_decides_whether_the_issuer_sells_and_who_may_hold() {
    let mut chain = Chain::new();
    chain.set_registry(Registry {
        issuer_denial: Some(Denial::Suspended),
        ..Registry::default()
    });
    assert_eq!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::IssuerNotAllowed {
            reason: "suspended"
        }
    );

    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.min_identity = Some(IdentityLevel::RealName);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    let mut registry = Registry::default();
    registry.levels.insert(
        chain.accounts.fans[0].to_string(),
        IdentityLevel::Certificate,
    );
    registry
        .levels
        .insert(chain.accounts.fans[1].to_string(), IdentityLevel::Phone);
    chain.set_registry(registry);
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    assert_eq!(
        chain.buy(1, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
    // Paying for someone else: the recipient needs the level, not the payer.
    let (payer, unverified) = (
        chain.accounts.fans[0].clone(),
        chain.accounts.fans[3].clone(),
    );
    let for_unverified = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: Some(unverified.to_string()),
        voucher: None,
    };
    assert!(matches!(
        chain.pay(&payer, 100 * CTC, &for_unverified).unwrap_err(),
        ContractError::IdentityTooLow { .. }
    ));
}

#[test]
fn reserved_minting_needs_the_issuers_authorisation() {
    let mut chain = Chain::new();
    let minter = chain.accounts.minter.clone();
    let fan = chain.accounts.fans[2].clone();
    let mint = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: fan.to_string(),
        quantity: 3,
    };
    assert_eq!(
        chain.refused(&minter, mint.clone()),
        ContractError::NotMinter
    );
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(
            &issuer,
            ExecuteMsg::SetMinter {
                event_id: 1,
                address: minter.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    chain.execute(&minter, mint).unwrap();
    assert_eq!(chain.event().escrow, Uint128::zero());
    assert_eq!(chain.event().tiers[0].sold, 3);
    let count: cw721::msg::NumTokensResponse = chain.ask(QueryMsg::NumTokens {});
    assert_eq!(count.count, 3);
}

#[test]
fn refunds_are_pulled_once_by_the_holder_of_a_cancelled_event() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    let fan = chain.accounts.fans[0].clone();
    let stranger = chain.accounts.fans[1].clone();
    let refund = ExecuteMsg::ClaimRefund {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.refused(&fan, refund.clone()),
        ContractError::EventNotCancelled
    );
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert_eq!(
        chain.refused(&stranger, refund.clone()),
        ContractError::NotOwner
    );
    let response = chain.execute(&fan, refund.clone()).unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(&fan, 100 * CTC)], 0)
        )]
    );
    assert_eq!(chain.event().escrow, Uint128::new(100 * CTC));
    assert_eq!(chain.refused(&fan, refund), ContractError::AlreadyRefunded);
    assert_eq!(
        chain.refused(
            &fan,
            ExecuteMsg::ClaimRefund {
                token_id: "1-9".into()
            }
        ),
        ContractError::TicketNotFound {
            token_id: "1-9".into()
        }
    );
}

#[test]
fn the_wallet_limit_binds_payers_and_holders() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let buy_for = |recipient: &Addr, quantity: u32| ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity,
        recipient: Some(recipient.to_string()),
        voucher: None,
    };
    // One payer cannot buy more than the limit by spreading tickets over friends...
    chain
        .pay(&fans[0], 300 * CTC, &buy_for(&fans[1], 3))
        .unwrap();
    assert_eq!(
        chain
            .pay(&fans[0], 200 * CTC, &buy_for(&fans[2], 2))
            .unwrap_err(),
        ContractError::WalletLimit {
            limit: 4,
            already: 3
        }
    );
    // ...nor can several payers fill one holder past it.
    assert_eq!(
        chain
            .pay(&fans[3], 200 * CTC, &buy_for(&fans[1], 2))
            .unwrap_err(),
        ContractError::WalletLimit {
            limit: 4,
            already: 3
        }
    );
    chain
        .pay(&fans[3], 100 * CTC, &buy_for(&fans[1], 1))
        .unwrap();
}

#[test]
fn reserved_minting_stops_when_the_event_ends_or_is_cancelled() {
    let mut chain = Chain::new();
    let (issuer, minter) = (chain.accounts.issuer.clone(), chain.accounts.minter.clone());
    chain
        .execute(
            &issuer,
            ExecuteMsg::SetMinter {
                event_id: 1,
                address: minter.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    let mint = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: chain.accounts.fans[0].to_string(),
        quantity: 1,
    };
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at);
    assert_eq!(
        chain.refused(&minter, mint.clone()),
        ContractError::EventEnded
    );
    chain.advance_to(ends_at.minus_seconds(10));
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert_eq!(chain.refused(&minter, mint), ContractError::EventCancelled);
}

/// Finding 1: the issuer appoints itself (or a second wallet) minter, mints reserved tickets for
/// nothing and sells them on resale, around escrow, fee, burn and refunds.
#[test]
fn a_reserved_ticket_is_no_side_door_to_selling() {
    let mut chain = Chain::new();
    let issuer = chain.accounts.issuer.clone();
    let second_wallet = chain.accounts.fans[3].clone();
    for minter in [&issuer, &second_wallet] {
        chain
            .execute(
                &issuer,
                ExecuteMsg::SetMinter {
                    event_id: 1,
                    address: minter.to_string(),
                    allowed: true,
                },
            )
            .unwrap();
    }
    for (minter, recipient) in [(&issuer, &issuer), (&second_wallet, &second_wallet)] {
        chain
            .execute(
                minter,
                ExecuteMsg::MintReserved {
                    event_id: 1,
                    tier: 0,
                    recipient: recipient.to_string(),
                    quantity: 1,
                },
            )
            .unwrap();
    }
    for (seller, token_id) in [(&issuer, "1-0"), (&second_wallet, "1-1")] {
        assert_eq!(
            chain.refused(
                seller,
                ExecuteMsg::ListForResale {
                    token_id: token_id.into(),
                    price: Uint128::new(110 * CTC),
                },
            ),
            ContractError::ReservedNotForSale
        );
    }
    assert_eq!(chain.event().escrow, Uint128::zero());
}

/// Finding 2: a suspended issuer can no longer sell, and no minter issues tickets in its name.
#[test]
fn a_suspended_issuer_issues_no_reserved_tickets() {
    let mut chain = Chain::new();
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(
            &issuer,
            ExecuteMsg::SetMinter {
                event_id: 1,
                address: issuer.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    chain.set_registry(Registry {
        issuer_denial: Some(Denial::Suspended),
        ..Registry::default()
    });
    let mint = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: issuer.to_string(),
        quantity: 5,
    };
    assert_eq!(
        chain.refused(&issuer, mint),
        ContractError::IssuerNotAllowed {
            reason: "suspended"
        }
    );
    assert_eq!(chain.event().tiers[0].sold, 0);
}

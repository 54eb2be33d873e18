use super::*;
use crate::msg::{HistoryResponse, ListingResponse, VerifyTicketResponse};
use ctc_interfaces::proof::ProofError;

/// Event 1 with fan 0 holding "1-0" and "1-1" (Stalls).
fn two_tickets() -> Chain {
    let mut chain = Chain::new();
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    chain
}

#[test]
fn gifts_count_against_the_policy_and_stop_at_the_lock() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    let stranger = fans[3].clone();
    assert_eq!(
        chain.refused(&stranger, gift("1-0", &stranger)),
        ContractError::NotAllowedToMove {
            token_id: "1-0".into()
        }
    );
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    chain.execute(&fans[1], gift("1-0", &fans[2])).unwrap();
    assert_eq!(
        chain.refused(&fans[2], gift("1-0", &fans[0])),
        ContractError::TransferLimitReached { max: 2 }
    );
    let history: HistoryResponse = chain.ask(QueryMsg::History {
        token_id: "1-0".into(),
        start_after: Some(0),
        limit: Some(1),
    });
    assert_eq!(history.records.len(), 1);
    assert_eq!(history.records[0].sequence, 1);

    let locked_at = chain.event().starts_at.minus_seconds(3_600);
    chain.advance_to(locked_at);
    assert_eq!(
        chain.refused(&fans[0], gift("1-1", &fans[1])),
        ContractError::TicketsLocked { locked_at }
    );
}

#[test]
fn non_transferable_tickets_stay_put() {
    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.transfer_policy = TransferPolicy::NonTransferable;
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let fans = chain.accounts.fans.clone();
    assert_eq!(
        chain.refused(&fans[0], gift("1-0", &fans[1])),
        ContractError::NonTransferable
    );
    assert_eq!(
        chain.refused(&fans[0], list("1-0", 100 * CTC)),
        ContractError::ResaleNotAllowed
    );
}

#[test]
fn resale_pays_the_seller_at_once_and_escrows_the_royalty_within_the_cap() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    assert_eq!(
        chain.refused(&fans[1], list("1-0", 100 * CTC)),
        ContractError::NotOwner
    );
    assert_eq!(
        chain.refused(&fans[0], list("1-0", 0)),
        ContractError::ZeroPrice
    );
    assert_eq!(
        chain.refused(&fans[0], list("1-0", 110 * CTC + 1)),
        ContractError::AboveResaleCap {
            price: Uint128::new(110 * CTC + 1),
            cap: Uint128::new(110 * CTC)
        }
    );
    chain.execute(&fans[0], list("1-0", 105 * CTC + 3)).unwrap();
    let listing: Option<ListingResponse> = chain.ask(QueryMsg::Listing {
        token_id: "1-0".into(),
    });
    assert_eq!(listing.unwrap().price, Uint128::new(105 * CTC + 3));

    let buy = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.pay(&fans[0], 105 * CTC + 3, &buy).unwrap_err(),
        ContractError::OwnListing
    );
    assert_eq!(
        chain.pay(&fans[1], 105 * CTC, &buy).unwrap_err(),
        ContractError::WrongAmount {
            expected: Uint128::new(105 * CTC + 3),
            received: Uint128::new(105 * CTC)
        }
    );
    let response = chain.pay(&fans[1], 105 * CTC + 3, &buy).unwrap();
    // 5% of 105,000,003 is 5,250,000.15: the royalty rounds down, the seller keeps the dust.
    // The royalty is the issuer's income from the ticket: it waits in escrow, not in its wallet.
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(&fans[0], 99_750_003)], 0)
        )]
    );
    assert_eq!(chain.owner_of("1-0"), fans[1].to_string());
    assert_eq!(chain.event().escrow, Uint128::new(205_250_000));
    assert_eq!(
        chain.pay(&fans[2], 105 * CTC + 3, &buy).unwrap_err(),
        ContractError::NotListed {
            token_id: "1-0".into()
        }
    );

    // If the show is then cancelled, the buyer gets the face price and the royalty back; only the
    // seller's margin (here 3 micro-CTC of dust) is not the issuer's to return.
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    let refund = chain
        .execute(
            &fans[1],
            ExecuteMsg::ClaimRefund {
                token_id: "1-0".into(),
            },
        )
        .unwrap();
    assert_eq!(
        executes(&refund),
        vec![(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(&fans[1], 105_250_000)], 0)
        )]
    );
    assert_eq!(chain.event().escrow, Uint128::new(100 * CTC));
}

#[test]
fn a_transfer_or_delist_closes_the_listing() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    let listing: Option<ListingResponse> = chain.ask(QueryMsg::Listing {
        token_id: "1-0".into(),
    });
    assert_eq!(listing, None);

    chain.execute(&fans[0], list("1-1", 100 * CTC)).unwrap();
    let delist = ExecuteMsg::Delist {
        token_id: "1-1".into(),
    };
    assert_eq!(
        chain.refused(&fans[1], delist.clone()),
        ContractError::NotOwner
    );
    chain.execute(&fans[0], delist.clone()).unwrap();
    assert_eq!(
        chain.refused(&fans[0], delist),
        ContractError::NotListed {
            token_id: "1-1".into()
        }
    );
}

#[test]
fn check_in_happens_once_inside_the_window_for_the_holder() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    let scanner = chain.accounts.scanner.clone();
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(
            &issuer,
            ExecuteMsg::SetScanner {
                event_id: 1,
                address: scanner.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    let check_in = |proof: HolderProof| ExecuteMsg::CheckIn {
        token_id: "1-0".into(),
        proof,
    };
    let event = chain.event();
    let opens_at = event.starts_at.minus_seconds(2 * 3_600);
    let proof = chain.door_proof(0, "1-0");
    assert_eq!(
        chain.refused(&scanner, check_in(proof)),
        ContractError::CheckInClosed {
            opens_at,
            closes_at: event.ends_at
        }
    );
    chain.advance_to(opens_at);
    let proof = chain.door_proof(1, "1-0");
    assert_eq!(
        chain.refused(&scanner, check_in(proof)),
        ContractError::Proof(ProofError::NotTheHolder {
            holder: fans[0].to_string()
        })
    );
    // The holder's code for its other ticket does not admit this one.
    let proof = chain.door_proof(0, "1-1");
    assert_eq!(
        chain.refused(&scanner, check_in(proof)),
        ContractError::Proof(ProofError::InvalidSignature)
    );
    let screenshot = chain.door_proof(0, "1-0");
    chain.advance_to(opens_at.plus_seconds(60));
    assert_eq!(
        chain.refused(&scanner, check_in(screenshot)),
        ContractError::Proof(ProofError::Expired {
            expires_at: opens_at.plus_seconds(60)
        })
    );
    let proof = chain.door_proof(0, "1-0");
    chain.execute(&scanner, check_in(proof)).unwrap();
    let proof = chain.door_proof(0, "1-0");
    assert_eq!(
        chain.refused(&scanner, check_in(proof)),
        ContractError::AlreadyCheckedIn
    );
    let listing: Option<ListingResponse> = chain.ask(QueryMsg::Listing {
        token_id: "1-0".into(),
    });
    assert_eq!(listing, None, "a used ticket is no longer for sale");
    let verified: VerifyTicketResponse = chain.ask(QueryMsg::VerifyTicket {
        token_id: "1-1".into(),
        holder: Some(fans[1].to_string()),
    });
    assert_eq!(
        (verified.valid, verified.reason.as_deref()),
        (false, Some("held by someone else"))
    );
    let verified: VerifyTicketResponse = chain.ask(QueryMsg::VerifyTicket {
        token_id: "1-1".into(),
        holder: Some(fans[0].to_string()),
    });
    assert!(verified.valid);
    chain.advance_to(event.ends_at.plus_seconds(1));
    let proof = chain.door_proof(0, "1-0");
    assert!(matches!(
        chain.refused(&scanner, check_in(proof)),
        ContractError::CheckInClosed { .. }
    ));
}

#[test]
fn a_resale_needs_an_issuer_still_allowed_to_sell() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    chain.set_registry(Registry {
        issuer_denial: Some(Denial::Revoked),
        ..Registry::default()
    });
    let buy = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.pay(&fans[1], 100 * CTC, &buy).unwrap_err(),
        ContractError::IssuerNotAllowed { reason: "revoked" }
    );
}

#[test]
fn a_transfer_to_the_owner_is_not_a_move() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    for _ in 0..3 {
        chain.execute(&fans[0], gift("1-0", &fans[0])).unwrap();
    }
    let history: HistoryResponse = chain.ask(QueryMsg::History {
        token_id: "1-0".into(),
        start_after: None,
        limit: None,
    });
    assert_eq!(history.records.len(), 1, "only the mint");
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    chain.execute(&fans[1], gift("1-0", &fans[2])).unwrap();
}

#[test]
fn listings_disappear_at_the_lock_and_on_cancellation() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    let listed = |chain: &Chain| -> (usize, Option<ListingResponse>) {
        let page: crate::msg::ListingsResponse = chain.ask(QueryMsg::Listings {
            event_id: 1,
            start_after: None,
            limit: None,
        });
        let one = chain.ask(QueryMsg::Listing {
            token_id: "1-0".into(),
        });
        (page.listings.len(), one)
    };
    assert_eq!(listed(&chain).0, 1);
    let locks_at = chain.event().starts_at.minus_seconds(3_600);
    chain.advance_to(locks_at);
    assert_eq!(listed(&chain), (0, None));
    let buy = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.pay(&fans[1], 100 * CTC, &buy).unwrap_err(),
        ContractError::TicketsLocked {
            locked_at: locks_at
        }
    );
}

#[test]
fn expired_approvals_are_hidden_unless_asked_for() {
    let mut chain = two_tickets();
    let fans = chain.accounts.fans.clone();
    let height = chain.env.block.height;
    chain
        .execute(
            &fans[0],
            ExecuteMsg::Approve {
                spender: fans[1].to_string(),
                token_id: "1-0".into(),
                expires: Some(cw721::Expiration::AtHeight(height + 10)),
            },
        )
        .unwrap();
    chain.env.block.height = height + 10;
    let owner = |include_expired| -> cw721::msg::OwnerOfResponse {
        chain.ask(QueryMsg::OwnerOf {
            token_id: "1-0".into(),
            include_expired: Some(include_expired),
        })
    };
    assert!(owner(false).approvals.is_empty());
    assert_eq!(owner(true).approvals.len(), 1);
    assert_eq!(
        chain.refused(&fans[1], gift("1-0", &fans[1])),
        ContractError::NotAllowedToMove {
            token_id: "1-0".into()
        }
    );
}

/// Finding 9: an owner cannot inflate a ticket's approvals to raise the gas of buyers and
/// scanners; expired approvals make room.
#[test]
fn a_ticket_has_a_bounded_number_of_approvals() {
    let mut chain = two_tickets();
    let owner = chain.accounts.fans[0].clone();
    let api = chain.deps.api;
    let approve = |spender: &str, expires: Option<cw721::Expiration>| ExecuteMsg::Approve {
        spender: api.addr_make(spender).to_string(),
        token_id: "1-0".into(),
        expires,
    };
    let soon = cw721::Expiration::AtHeight(chain.env.block.height + 1);
    chain.execute(&owner, approve("short", Some(soon))).unwrap();
    for i in 1..crate::validate::MAX_APPROVALS {
        chain
            .execute(&owner, approve(&format!("spender{i}"), None))
            .unwrap();
    }
    assert_eq!(
        chain.refused(&owner, approve("one-too-many", None)),
        ContractError::TooManyApprovals {
            max: crate::validate::MAX_APPROVALS
        }
    );
    chain.env.block.height += 1;
    chain
        .execute(&owner, approve("one-too-many", None))
        .unwrap();
    let approvals: cw721::msg::ApprovalsResponse = chain.ask(QueryMsg::Approvals {
        token_id: "1-0".into(),
        include_expired: Some(true),
    });
    assert_eq!(approvals.approvals.len(), crate::validate::MAX_APPROVALS);
}

/// Finding 11: a cancelled show refunds every holder what is in escrow for its ticket, a ticket
/// already used at the door included (the show was not delivered as sold).
#[test]
fn a_cancelled_show_refunds_a_used_ticket_too() {
    let mut chain = two_tickets();
    let (issuer, scanner) = (
        chain.accounts.issuer.clone(),
        chain.accounts.scanner.clone(),
    );
    let fan = chain.accounts.fans[0].clone();
    chain
        .execute(
            &issuer,
            ExecuteMsg::SetScanner {
                event_id: 1,
                address: scanner.to_string(),
                allowed: true,
            },
        )
        .unwrap();
    chain.advance_to(chain.event().starts_at);
    let proof = chain.door_proof(0, "1-0");
    chain
        .execute(
            &scanner,
            ExecuteMsg::CheckIn {
                token_id: "1-0".into(),
                proof,
            },
        )
        .unwrap();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    let refund = chain
        .execute(
            &fan,
            ExecuteMsg::ClaimRefund {
                token_id: "1-0".into(),
            },
        )
        .unwrap();
    assert_eq!(
        executes(&refund),
        vec![(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(&fan, 100 * CTC)], 0)
        )]
    );
}

//! A ticket's `listed` flag and its listing stay together: whatever ends a listing (a move, a
//! resale, a delisting, the door) ends both, and a ticket without a listing has none to end.

use super::*;
use crate::msg::{ListingResponse, ListingsResponse};
use crate::state::{LISTINGS, TICKETS};

fn listing(chain: &Chain, token_id: &str) -> Option<ListingResponse> {
    chain.ask(QueryMsg::Listing {
        token_id: token_id.into(),
    })
}

fn listed(chain: &Chain) -> Vec<String> {
    let page: ListingsResponse = chain.ask(QueryMsg::Listings {
        event_id: 1,
        start_after: None,
        limit: None,
    });
    page.listings.into_iter().map(|l| l.token_id).collect()
}

/// Whether event 1's ticket `serial` is stored as listed, and a listing stored for it.
fn stored(chain: &Chain, serial: u32) -> (bool, bool) {
    let storage = &chain.deps.storage;
    let token_id = format!("1-{serial}");
    (
        TICKETS.load(storage, (1, serial)).unwrap().listed,
        LISTINGS.has(storage, (1, &token_id)),
    )
}

fn buy_resale(token_id: &str) -> ReceiveMsg {
    ReceiveMsg::BuyResale {
        token_id: token_id.into(),
    }
}

fn delist(token_id: &str) -> ExecuteMsg {
    ExecuteMsg::Delist {
        token_id: token_id.into(),
    }
}

fn not_listed(token_id: &str) -> ContractError {
    ContractError::NotListed {
        token_id: token_id.into(),
    }
}

#[test]
fn a_move_ends_the_listing_for_good() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 3, 300 * CTC).unwrap();
    let fans = chain.accounts.fans.clone();
    for token_id in ["1-0", "1-1", "1-2"] {
        chain.execute(&fans[0], list(token_id, 100 * CTC)).unwrap();
    }
    assert_eq!(listed(&chain), ["1-0", "1-1", "1-2"]);
    assert_eq!(stored(&chain, 0), (true, true));

    // A gift, a send to a contract, and a transfer by an approved spender.
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    let vault = chain.addr("vault");
    let send = ExecuteMsg::SendNft {
        contract: vault.to_string(),
        token_id: "1-1".into(),
        msg: to_json_binary(&"hold").unwrap(),
    };
    chain.execute(&fans[0], send).unwrap();
    let approve = ExecuteMsg::Approve {
        spender: fans[2].to_string(),
        token_id: "1-2".into(),
        expires: None,
    };
    chain.execute(&fans[0], approve).unwrap();
    chain.execute(&fans[2], gift("1-2", &fans[2])).unwrap();

    assert!(listed(&chain).is_empty());
    for (serial, token_id) in [(0, "1-0"), (1, "1-1"), (2, "1-2")] {
        assert_eq!(listing(&chain, token_id), None);
        assert_eq!(stored(&chain, serial), (false, false), "{token_id}");
        // The seller's old price buys nothing from the new holder.
        assert_eq!(
            chain
                .pay(&fans[3], 100 * CTC, &buy_resale(token_id))
                .unwrap_err(),
            not_listed(token_id)
        );
    }
    assert_eq!(chain.refused(&fans[1], delist("1-0")), not_listed("1-0"));

    // The new holder's listing is its own.
    chain.execute(&fans[1], list("1-0", 105 * CTC)).unwrap();
    assert_eq!(
        listing(&chain, "1-0"),
        Some(ListingResponse {
            token_id: "1-0".into(),
            seller: fans[1].clone(),
            price: Uint128::new(105 * CTC),
        })
    );
}

#[test]
fn only_a_listed_ticket_can_be_delisted() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let fans = chain.accounts.fans.clone();
    assert_eq!(chain.refused(&fans[0], delist("1-0")), not_listed("1-0"));

    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    chain.execute(&fans[0], list("1-0", 90 * CTC)).unwrap();
    assert_eq!(
        listing(&chain, "1-0").unwrap().price,
        Uint128::new(90 * CTC)
    );
    assert_eq!(
        chain.refused(&fans[1], delist("1-0")),
        ContractError::NotOwner
    );
    chain.execute(&fans[0], delist("1-0")).unwrap();
    assert_eq!(listing(&chain, "1-0"), None);
    assert_eq!(stored(&chain, 0), (false, false));
    assert_eq!(chain.refused(&fans[0], delist("1-0")), not_listed("1-0"));
    assert_eq!(
        chain
            .pay(&fans[1], 90 * CTC, &buy_resale("1-0"))
            .unwrap_err(),
        not_listed("1-0")
    );

    // Sold on: the buyer holds it unlisted.
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    chain.pay(&fans[1], 100 * CTC, &buy_resale("1-0")).unwrap();
    assert_eq!(listing(&chain, "1-0"), None);
    assert_eq!(stored(&chain, 0), (false, false));
    assert_eq!(chain.refused(&fans[1], delist("1-0")), not_listed("1-0"));
}

#[test]
fn check_in_ends_the_listing() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    let fans = chain.accounts.fans.clone();
    chain.appoint_scanner();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    // The door opens two hours before the start, the market closes one hour before it.
    let opens_at = chain.event().starts_at.minus_seconds(2 * 3_600);
    chain.advance_to(opens_at);
    assert!(listing(&chain, "1-0").is_some());

    let proof = chain.door_proof(0, "1-0");
    let scanner = chain.accounts.scanner.clone();
    chain
        .execute(
            &scanner,
            ExecuteMsg::CheckIn {
                token_id: "1-0".into(),
                proof,
            },
        )
        .unwrap();
    assert_eq!(listing(&chain, "1-0"), None);
    assert!(listed(&chain).is_empty());
    assert_eq!(stored(&chain, 0), (false, false));
    assert_eq!(
        chain
            .pay(&fans[1], 100 * CTC, &buy_resale("1-0"))
            .unwrap_err(),
        not_listed("1-0")
    );
    assert_eq!(chain.refused(&fans[0], delist("1-0")), not_listed("1-0"));
}

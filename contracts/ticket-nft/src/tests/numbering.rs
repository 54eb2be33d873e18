//! Token ids: each tier owns a range of serials, a token id names a ticket in one spelling only,
//! and the collection lists in (event, serial) order.

use cw721::msg::{NftInfoResponse, TokensResponse};

use super::*;
use crate::msg::TicketInfo;

fn token_ids(response: &Response) -> String {
    response
        .attributes
        .iter()
        .find(|a| a.key == "token_ids")
        .expect("a sale names its tickets")
        .value
        .clone()
}

fn info(chain: &Chain, token_id: &str) -> TicketInfo {
    let info: NftInfoResponse<TicketInfo> = chain.ask(QueryMsg::NftInfo {
        token_id: token_id.into(),
    });
    info.extension
}

fn sold(chain: &Chain) -> Vec<u32> {
    chain.event().tiers.iter().map(|tier| tier.sold).collect()
}

#[test]
fn each_tier_sells_from_its_own_range_of_serials() {
    let mut chain = Chain::new();
    assert_eq!(token_ids(&chain.buy(0, 1, 1, 250 * CTC).unwrap()), "1-10");
    assert_eq!(
        token_ids(&chain.buy(1, 0, 2, 200 * CTC).unwrap()),
        "1-0,1-1"
    );
    assert_eq!(
        token_ids(&chain.buy(2, 0, 4, 400 * CTC).unwrap()),
        "1-2,1-3,1-4,1-5"
    );
    assert_eq!(
        token_ids(&chain.buy(3, 0, 4, 400 * CTC).unwrap()),
        "1-6,1-7,1-8,1-9"
    );
    // The Stalls end at their tenth ticket: none spills into the Box's serials.
    assert_eq!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::SoldOut { left: 0 }
    );
    assert_eq!(sold(&chain), [10, 1]);

    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    let recipient = chain.accounts.fans[1].to_string();
    let mint = |tier| ExecuteMsg::MintReserved {
        event_id: 1,
        tier,
        recipient: recipient.clone(),
        quantity: 1,
    };
    assert_eq!(
        chain.refused(&minter, mint(0)),
        ContractError::SoldOut { left: 0 }
    );
    assert_eq!(token_ids(&chain.execute(&minter, mint(1)).unwrap()), "1-11");
    assert_eq!(
        chain.buy(0, 1, 1, 250 * CTC).unwrap_err(),
        ContractError::SoldOut { left: 0 }
    );
    assert_eq!(sold(&chain), [10, 2]);
    assert_eq!(chain.event().tickets_minted, 12);

    let (box_1, box_2, stalls) = (
        info(&chain, "1-10"),
        info(&chain, "1-11"),
        info(&chain, "1-9"),
    );
    assert_eq!((box_1.tier, box_1.seat.as_deref()), (1, Some("B1")));
    assert_eq!((box_2.tier, box_2.seat.as_deref()), (1, Some("B2")));
    assert_eq!((stalls.tier, stalls.seat), (0, None));
    assert_eq!(
        chain.query_refused(QueryMsg::NftInfo {
            token_id: "1-12".into()
        }),
        ContractError::TicketNotFound {
            token_id: "1-12".into()
        }
    );
}

#[test]
fn an_added_tier_continues_the_numbering() {
    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.sale_starts_at = chain.env.block.time.plus_seconds(DAY);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    for (name, supply) in [("Gallery", 3), ("Standing", 2)] {
        let tier = TierInput {
            name: name.into(),
            price: Uint128::new(20 * CTC),
            supply,
            seats: vec![],
            per_wallet_limit: None,
            members_of: None,
            random_seats: false,
        };
        chain
            .execute(&issuer, ExecuteMsg::AddTier { event_id: 1, tier })
            .unwrap();
    }
    chain.advance(DAY);

    assert_eq!(
        token_ids(&chain.buy(0, 3, 2, 40 * CTC).unwrap()),
        "1-15,1-16"
    );
    assert_eq!(
        chain.buy(1, 3, 1, 20 * CTC).unwrap_err(),
        ContractError::SoldOut { left: 0 }
    );
    assert_eq!(
        token_ids(&chain.buy(1, 2, 3, 60 * CTC).unwrap()),
        "1-12,1-13,1-14"
    );
    assert_eq!(token_ids(&chain.buy(1, 1, 1, 250 * CTC).unwrap()), "1-10");
    assert_eq!(token_ids(&chain.buy(1, 0, 1, 100 * CTC).unwrap()), "1-0");
    assert_eq!(sold(&chain), [1, 1, 3, 2]);
    assert_eq!(chain.event().tickets_minted, 7);
    let gallery = info(&chain, "1-12");
    assert_eq!((gallery.tier, gallery.tier_name.as_str()), (2, "Gallery"));
    assert_eq!(info(&chain, "1-16").tier, 3);
}

#[test]
fn a_token_id_names_a_ticket_in_its_one_spelling_only() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    let fans = chain.accounts.fans.clone();
    for spelling in [
        "1-01", "01-1", "+1-1", "1-+1", "1-1-1", "x", "", "1-", "-1", " 1-1", "1-1 ", "1_1",
    ] {
        let not_found = ContractError::TicketNotFound {
            token_id: spelling.into(),
        };
        let token_id = || spelling.to_owned();
        for query in [
            QueryMsg::OwnerOf {
                token_id: token_id(),
                include_expired: None,
            },
            QueryMsg::NftInfo {
                token_id: token_id(),
            },
            QueryMsg::AllNftInfo {
                token_id: token_id(),
                include_expired: None,
            },
            QueryMsg::Approvals {
                token_id: token_id(),
                include_expired: None,
            },
            QueryMsg::History {
                token_id: token_id(),
                start_after: None,
                limit: None,
            },
            QueryMsg::Listing {
                token_id: token_id(),
            },
            QueryMsg::VerifyTicket {
                token_id: token_id(),
                holder: None,
            },
        ] {
            assert_eq!(chain.query_refused(query), not_found, "{spelling:?}");
        }
        for msg in [
            gift(spelling, &fans[1]),
            list(spelling, 100 * CTC),
            ExecuteMsg::Approve {
                spender: fans[1].to_string(),
                token_id: token_id(),
                expires: None,
            },
            ExecuteMsg::Delist {
                token_id: token_id(),
            },
        ] {
            assert_eq!(chain.refused(&fans[0], msg), not_found, "{spelling:?}");
        }
        let resale = ReceiveMsg::BuyResale {
            token_id: token_id(),
        };
        assert_eq!(
            chain.pay(&fans[1], 100 * CTC, &resale).unwrap_err(),
            not_found,
            "{spelling:?}"
        );
    }
    assert_eq!(chain.owner_of("1-1"), fans[0].to_string());
}

fn all_tokens(chain: &Chain, start_after: Option<&str>, limit: Option<u32>) -> Vec<String> {
    let page: TokensResponse = chain.ask(QueryMsg::AllTokens {
        start_after: start_after.map(str::to_owned),
        limit,
    });
    page.tokens
}

#[test]
fn all_tokens_lists_by_event_then_serial_as_numbers() {
    let mut chain = Chain::new();
    let issuer = chain.accounts.issuer.clone();
    for _ in 2..=10 {
        let input = event_input(&chain.env);
        chain
            .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
            .unwrap();
    }
    chain.buy_in(0, (10, 1), 1, 250 * CTC).unwrap();
    chain.buy_in(0, (1, 1), 1, 250 * CTC).unwrap();
    chain.buy_in(0, (2, 0), 1, 100 * CTC).unwrap();
    chain.buy_in(0, (1, 0), 3, 300 * CTC).unwrap();
    chain.buy_in(0, (10, 0), 1, 100 * CTC).unwrap();

    let all = ["1-0", "1-1", "1-2", "1-10", "2-0", "10-0", "10-10"];
    assert_eq!(all_tokens(&chain, None, None), all);
    assert_eq!(all_tokens(&chain, None, Some(3)), all[..3]);
    assert_eq!(all_tokens(&chain, Some("1-2"), Some(3)), all[3..6]);
    assert_eq!(all_tokens(&chain, Some("10-0"), None), all[6..]);
    assert!(all_tokens(&chain, Some("10-10"), None).is_empty());
    // A cursor names a place, minted or not.
    assert_eq!(all_tokens(&chain, Some("1-5"), None), all[3..]);
    assert_eq!(all_tokens(&chain, Some("3-0"), None), all[5..]);

    let mut walked = vec![];
    let mut cursor = None;
    loop {
        let page = all_tokens(&chain, cursor.as_deref(), Some(2));
        let Some(last) = page.last().cloned() else {
            break;
        };
        walked.extend(page);
        cursor = Some(last);
    }
    assert_eq!(walked, all);

    // A cursor in another spelling is no place in the order.
    assert_eq!(
        chain.query_refused(QueryMsg::AllTokens {
            start_after: Some("1-02".into()),
            limit: None,
        }),
        ContractError::TicketNotFound {
            token_id: "1-02".into()
        }
    );
    let count: cw721::msg::NumTokensResponse = chain.ask(QueryMsg::NumTokens {});
    assert_eq!(count.count, 7);
}

//! A ticket's history: the mint's record is worked out from the ticket (sequence 0), the records
//! of what happened after it are stored from 1.

use cosmwasm_std::Order;

use super::*;
use crate::msg::{HistoryResponse, Provenance, ProvenanceRecord};
use crate::state::HISTORY;

fn history(
    chain: &Chain,
    token_id: &str,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Vec<ProvenanceRecord> {
    let history: HistoryResponse = chain.ask(QueryMsg::History {
        token_id: token_id.into(),
        start_after,
        limit,
    });
    history.records
}

/// A record of `change` at the chain's current block.
fn now(chain: &Chain, sequence: u32, change: Provenance) -> ProvenanceRecord {
    ProvenanceRecord {
        sequence,
        change,
        time: chain.env.block.time,
        height: chain.env.block.height,
    }
}

fn minted(to: &Addr, paid: u128) -> Provenance {
    Provenance::Minted {
        to: to.clone(),
        paid: Uint128::new(paid),
    }
}

#[test]
fn the_mint_reads_as_record_zero_after_gifts_and_resales() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let mint = now(&chain, 0, minted(&fans[0], 100 * CTC));
    assert_eq!(
        history(&chain, "1-0", None, None),
        std::slice::from_ref(&mint)
    );

    chain.advance(3_600);
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    let gifted = now(
        &chain,
        1,
        Provenance::Transferred {
            from: fans[0].clone(),
            to: fans[1].clone(),
        },
    );
    chain.advance(3_600);
    chain.execute(&fans[1], list("1-0", 105 * CTC)).unwrap();
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    chain.pay(&fans[2], 105 * CTC, &resale).unwrap();
    let resold = now(
        &chain,
        2,
        Provenance::Resold {
            from: fans[1].clone(),
            to: fans[2].clone(),
            price: Uint128::new(105 * CTC),
        },
    );
    chain.advance(3_600);

    // Minted to the first owner at the mint's block, whoever holds the ticket now.
    let all = [mint, gifted, resold];
    assert_eq!(history(&chain, "1-0", None, None), all);
    // Sequence 0 is the mint: a cursor at it skips it, a limit counts it.
    assert_eq!(history(&chain, "1-0", Some(0), None), all[1..]);
    assert_eq!(history(&chain, "1-0", Some(1), None), all[2..]);
    assert!(history(&chain, "1-0", Some(2), None).is_empty());
    assert_eq!(history(&chain, "1-0", None, Some(1)), all[..1]);
    assert_eq!(history(&chain, "1-0", None, Some(2)), all[..2]);
    assert_eq!(history(&chain, "1-0", Some(0), Some(1)), all[1..2]);

    let stored: Vec<u32> = HISTORY
        .prefix("1-0")
        .keys(&chain.deps.storage, None, None, Order::Ascending)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored, [1, 2]);
}

#[test]
fn a_reserved_ticket_was_minted_for_nothing() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    chain.advance(60);
    let mint = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 1,
        recipient: fans[1].to_string(),
        quantity: 1,
    };
    chain.execute(&minter, mint).unwrap();
    let reserved = now(&chain, 0, minted(&fans[1], 0));
    chain.advance(60);
    chain.buy(0, 1, 1, 250 * CTC).unwrap();
    let paid = now(&chain, 0, minted(&fans[0], 250 * CTC));
    assert_eq!(
        history(&chain, "1-10", None, None),
        std::slice::from_ref(&reserved)
    );
    assert_eq!(history(&chain, "1-11", None, None), [paid]);

    chain.advance(60);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    let refund = ExecuteMsg::ClaimRefund {
        token_id: "1-10".into(),
    };
    chain.execute(&fans[1], refund).unwrap();
    let refunded = now(
        &chain,
        1,
        Provenance::Refunded {
            to: fans[1].clone(),
            amount: Uint128::zero(),
        },
    );
    assert_eq!(history(&chain, "1-10", None, None), [reserved, refunded]);
}

#[test]
fn a_ticket_bought_for_someone_was_minted_to_them() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let for_friend = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: Some(fans[1].to_string()),
        voucher: None,
    };
    chain.pay(&fans[0], 100 * CTC, &for_friend).unwrap();
    let mint = now(&chain, 0, minted(&fans[1], 100 * CTC));

    // A check-in as the first stored record: the mint still names the friend.
    chain.appoint_scanner();
    let opens_at = chain.event().starts_at.minus_seconds(2 * 3_600);
    chain.advance_to(opens_at);
    let proof = chain.door_proof(1, "1-0");
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
    let checked_in = now(
        &chain,
        1,
        Provenance::CheckedIn {
            holder: fans[1].clone(),
            scanner,
        },
    );
    assert_eq!(history(&chain, "1-0", None, None), [mint, checked_in]);
}

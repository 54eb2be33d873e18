//! The escrow an event holds, worked out from its tickets rather than kept as a running total:
//! what was paid for them at face value, plus resale royalties, less refunds.

use super::*;

fn escrow(chain: &Chain) -> u128 {
    chain.event().escrow.u128()
}

/// Sold per tier, and in all.
fn counts(chain: &Chain) -> (Vec<u32>, u32) {
    let event = chain.event();
    let sold = event.tiers.iter().map(|tier| tier.sold).collect();
    (sold, event.tickets_minted)
}

/// `seller` lists `token_id` at `price` and `buyer` buys it.
fn resell(
    chain: &mut Chain,
    (seller, buyer): (usize, usize),
    token_id: &str,
    price: u128,
) -> Response {
    let fans = chain.accounts.fans.clone();
    chain.execute(&fans[seller], list(token_id, price)).unwrap();
    let hook = ReceiveMsg::BuyResale {
        token_id: token_id.into(),
    };
    chain.pay(&fans[buyer], price, &hook).unwrap()
}

/// Event 1 after paid sales in both tiers, reserved mints in both and three resales, checking the
/// escrow after each step. Fan 1 then holds "1-0" (bought twice on resale, 10.7 CTC of royalties),
/// fan 3 "1-10" (13.75 CTC of royalties), fan 0 "1-1" and "1-2", fan 2 the reserved "1-3", "1-4"
/// and "1-11".
fn busy_event() -> Chain {
    let mut chain = Chain::new();
    chain.buy(0, 0, 3, 300 * CTC).unwrap();
    assert_eq!(escrow(&chain), 300 * CTC);
    chain.buy(1, 1, 1, 250 * CTC).unwrap();
    assert_eq!(escrow(&chain), 550 * CTC);

    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    let recipient = chain.accounts.fans[2].to_string();
    for (tier, quantity) in [(0, 2), (1, 1)] {
        let mint = ExecuteMsg::MintReserved {
            event_id: 1,
            tier,
            recipient: recipient.clone(),
            quantity,
        };
        chain.execute(&minter, mint).unwrap();
        assert_eq!(escrow(&chain), 550 * CTC, "reserved tickets hold nothing");
    }
    assert_eq!(counts(&chain), (vec![5, 2], 7));

    let fans = chain.accounts.fans.clone();
    let token = chain.accounts.token.to_string();
    // 5% of each resale price stays in escrow, the rest goes to the seller at once.
    for ((seller, buyer), token_id, price, to_seller, after) in [
        ((0, 3), "1-0", 110 * CTC, 104_500_000, 555_500_000),
        ((3, 1), "1-0", 104 * CTC, 98_800_000, 560_700_000),
        ((1, 3), "1-10", 275 * CTC, 261_250_000, 574_450_000),
    ] {
        let response = resell(&mut chain, (seller, buyer), token_id, price);
        assert_eq!(
            executes(&response),
            [(
                token.clone(),
                ctc_disburse_json(&[(&fans[seller], to_seller)], 0)
            )]
        );
        assert_eq!(escrow(&chain), after, "after the resale of {token_id}");
    }
    assert_eq!(counts(&chain), (vec![5, 2], 7));
    chain
}

#[test]
fn settlement_pays_out_exactly_the_escrow() {
    let mut chain = busy_event();
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at.plus_seconds(DAY));
    let cranker = chain.accounts.fans[2].clone();
    let response = chain
        .execute(&cranker, ExecuteMsg::Settle { event_id: 1 })
        .unwrap();
    let token = chain.accounts.token.to_string();
    // 574.45 CTC: 5% fee 28.7225, 10% burn 57.445, the issuer 488.2825, in one call.
    assert_eq!(
        executes(&response),
        [(
            token,
            ctc_disburse_json(
                &[
                    (&chain.accounts.treasury, 28_722_500),
                    (&chain.accounts.issuer, 488_282_500)
                ],
                57_445_000
            )
        )]
    );
    assert_eq!(escrow(&chain), 0);
    assert_eq!(counts(&chain), (vec![5, 2], 7));
}

#[test]
fn a_refund_returns_the_tickets_price_and_royalties_and_nothing_for_a_reserved_one() {
    let mut chain = busy_event();
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert_eq!(escrow(&chain), 574_450_000);
    let fans = chain.accounts.fans.clone();
    let token = chain.accounts.token.to_string();
    let refund = |token_id: &str| ExecuteMsg::ClaimRefund {
        token_id: token_id.into(),
    };
    // The first owner sold "1-0" on: its refund is its holder's.
    assert_eq!(
        chain.refused(&fans[0], refund("1-0")),
        ContractError::NotOwner
    );
    for (fan, token_id, amount, after) in [
        (1, "1-0", 110_700_000, 463_750_000),
        (2, "1-3", 0, 463_750_000),
        (3, "1-10", 263_750_000, 200_000_000),
        (0, "1-1", 100 * CTC, 100 * CTC),
    ] {
        let response = chain.execute(&fans[fan], refund(token_id)).unwrap();
        let paid: Vec<_> = match amount {
            0 => vec![],
            _ => vec![(token.clone(), ctc_disburse_json(&[(&fans[fan], amount)], 0))],
        };
        assert_eq!(executes(&response), paid, "refund of {token_id}");
        assert_eq!(escrow(&chain), after, "after the refund of {token_id}");
        assert_eq!(
            chain.refused(&fans[fan], refund(token_id)),
            ContractError::AlreadyRefunded
        );
        assert_eq!(escrow(&chain), after);
    }
    // What is left is what was paid for the one paid ticket not refunded, "1-2".
    assert_eq!(counts(&chain), (vec![5, 2], 7));
}

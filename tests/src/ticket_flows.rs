//! Ticket life on a simulated chain with the real CTC token and partner registry: sale, gift,
//! capped resale, check-in, settlement with fee, burn and payout, cancellation with refunds, a
//! suspended issuer, an identity-gated event and a crowdfund-style minter. Every step checks that
//! ticket-nft's CTC balance equals the escrow it reports.

use cosmwasm_std::{Timestamp, Uint128};
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::token::CTC_ISSUANCE;
use ctc_interfaces::BasisPoints;
use cw_multi_test::AppResponse;
use ticket_nft::msg::{
    EventInput, EventResponse, EventStatus, ExecuteMsg, HistoryResponse, Provenance, QueryMsg,
    TierInput, TransferPolicy, VerifyTicketResponse,
};

use crate::platform::{attribute, id, root, Platform, CTC};

const DAY: u64 = 86_400;

pub(crate) fn stalls_and_vip(starts_at: Timestamp, sale_starts_at: Timestamp) -> EventInput {
    EventInput {
        title: "Hamlet".into(),
        venue: "Grand Theater".into(),
        description_uri: Some("ipfs://hamlet".into()),
        starts_at,
        ends_at: starts_at.plus_seconds(3 * 3_600),
        sale_starts_at,
        sale_ends_at: starts_at,
        tiers: vec![
            TierInput {
                name: "Stalls".into(),
                price: Uint128::new(100 * CTC),
                supply: 100,
                seats: vec![],
                per_wallet_limit: Some(4),
                members_of: None,
                random_seats: false,
            },
            TierInput {
                name: "VIP".into(),
                price: Uint128::new(300 * CTC),
                supply: 2,
                seats: vec!["A1".into(), "A2".into()],
                per_wallet_limit: None,
                members_of: None,
                random_seats: false,
            },
        ],
        min_identity: None,
        accepted_attesters: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 3 },
        anti_scalping: None,
        lock_before_start_seconds: 3_600,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(500).unwrap(),
        check_in_opens_before_seconds: 2 * 3_600,
        booking_id: None,
    }
}

impl Platform {
    pub(crate) fn create_event(&self, input: EventInput) -> u64 {
        let response = self
            .execute(
                &self.theater,
                &self.tickets,
                &ExecuteMsg::CreateEvent { event: input },
            )
            .unwrap();
        id(&response, "event_id")
    }

    pub(crate) fn event(&self, event_id: u64) -> EventResponse {
        self.query(&self.tickets, &QueryMsg::Event { event_id })
    }

    pub(crate) fn buy(
        &self,
        fan: usize,
        event_id: u64,
        tier: u8,
        quantity: u32,
        amount: u128,
    ) -> anyhow::Result<AppResponse> {
        let hook = TicketReceiveMsg::Buy {
            event_id,
            tier,
            quantity,
            recipient: None,
            voucher: None,
        };
        self.send_ctc(&self.fans[fan], &self.tickets, amount, &hook)
    }

    pub(crate) fn owner_of(&self, token_id: &str) -> String {
        let owner: cw721::msg::OwnerOfResponse = self.query(
            &self.tickets,
            &QueryMsg::OwnerOf {
                token_id: token_id.into(),
                include_expired: None,
            },
        );
        owner.owner
    }

    /// Conservation: ticket-nft holds exactly the escrow of its events.
    pub(crate) fn assert_escrow_conserved(&self) {
        let events: ticket_nft::msg::EventsResponse = self.query(
            &self.tickets,
            &QueryMsg::Events {
                start_after: None,
                limit: Some(50),
            },
        );
        let escrow: u128 = events.events.iter().map(|e| e.escrow.u128()).sum();
        assert_eq!(self.balance(&self.tickets), escrow);
    }
}

#[test]
fn a_full_event_life_settles_every_unit() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(10 * DAY);
    let event_id = p.create_event(stalls_and_vip(starts_at, p.now()));
    let fans = &p.fans;
    let theater_start = p.balance(&p.theater);
    let supply_start = p.total_supply();

    // Primary sale: exact amounts only, within the wallet limit.
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();
    p.buy(1, event_id, 1, 1, 300 * CTC).unwrap();
    assert_eq!(
        root(p.buy(1, event_id, 0, 1, 99 * CTC).unwrap_err()),
        format!(
            "wrong amount: {} expected, {} received",
            100 * CTC,
            99 * CTC
        )
    );
    assert_eq!(
        root(p.buy(0, event_id, 0, 3, 300 * CTC).unwrap_err()),
        "over the wallet limit of 4: 2 already bought"
    );
    p.assert_escrow_conserved();
    assert_eq!(p.event(event_id).escrow, Uint128::new(500 * CTC));
    let vip: cw721::msg::NftInfoResponse<ticket_nft::msg::TicketInfo> = p.query(
        &p.tickets,
        &QueryMsg::NftInfo {
            token_id: "1-100".into(),
        },
    );
    assert_eq!(vip.extension.seat.as_deref(), Some("A1"));
    assert_eq!(vip.extension.tier_name, "VIP");

    // A gift, then a resale capped at 110% of face with a 5% royalty.
    p.execute(
        &fans[0],
        &p.tickets,
        &ExecuteMsg::TransferNft {
            recipient: fans[2].to_string(),
            token_id: "1-1".into(),
        },
    )
    .unwrap();
    let over_cap = ExecuteMsg::ListForResale {
        token_id: "1-1".into(),
        price: Uint128::new(110 * CTC + 1),
    };
    assert_eq!(
        p.refused(&fans[2], &p.tickets, &over_cap),
        format!(
            "price {} is above the resale cap of {}",
            110 * CTC + 1,
            110 * CTC
        )
    );
    p.execute(
        &fans[2],
        &p.tickets,
        &ExecuteMsg::ListForResale {
            token_id: "1-1".into(),
            price: Uint128::new(110 * CTC),
        },
    )
    .unwrap();
    let (seller_before, buyer_before) = (p.balance(&fans[2]), p.balance(&fans[3]));
    p.send_ctc(
        &fans[3],
        &p.tickets,
        110 * CTC,
        &TicketReceiveMsg::BuyResale {
            token_id: "1-1".into(),
        },
    )
    .unwrap();
    assert_eq!(p.owner_of("1-1"), fans[3].to_string());
    assert_eq!(p.balance(&fans[2]), seller_before + 104_500_000);
    assert_eq!(p.balance(&fans[3]), buyer_before - 110 * CTC);
    // The 5% royalty is the issuer's income from the ticket: it is escrowed with the face price.
    assert_eq!(p.balance(&p.theater), theater_start);
    assert_eq!(p.event(event_id).escrow.u128(), 505_500_000);
    p.assert_escrow_conserved();

    let history: HistoryResponse = p.query(
        &p.tickets,
        &QueryMsg::History {
            token_id: "1-1".into(),
            start_after: None,
            limit: None,
        },
    );
    let kinds: Vec<&str> = history
        .records
        .iter()
        .map(|r| match r.change {
            Provenance::Minted { .. } => "minted",
            Provenance::Transferred { .. } => "transferred",
            Provenance::Resold { .. } => "resold",
            Provenance::CheckedIn { .. } => "checked_in",
            Provenance::Refunded { .. } => "refunded",
            Provenance::Complained { .. } => "complained",
            Provenance::Hold { .. } => "hold",
        })
        .collect();
    assert_eq!(kinds, ["minted", "transferred", "resold"]);

    // At the door: after the lock nothing moves; each ticket enters once.
    let scanner = p.addr("door_staff");
    p.execute(
        &p.theater,
        &p.tickets,
        &ExecuteMsg::SetScanner {
            event_id,
            address: scanner.to_string(),
            allowed: true,
        },
    )
    .unwrap();
    p.advance_to(starts_at.minus_seconds(1_800));
    let late_gift = ExecuteMsg::TransferNft {
        recipient: fans[1].to_string(),
        token_id: "1-0".into(),
    };
    assert!(p
        .refused(&fans[0], &p.tickets, &late_gift)
        .starts_with("tickets stopped moving"));
    let check_in = p.check_in(3, "1-1");
    assert_eq!(
        p.refused(&fans[3], &p.tickets, &check_in),
        "only a scanner of this event may check tickets in"
    );
    p.execute(&scanner, &p.tickets, &check_in).unwrap();
    assert_eq!(
        p.refused(&scanner, &p.tickets, &check_in),
        "the ticket was already checked in"
    );
    let verified: VerifyTicketResponse = p.query(
        &p.tickets,
        &QueryMsg::VerifyTicket {
            token_id: "1-1".into(),
            holder: Some(fans[3].to_string()),
        },
    );
    assert!(!verified.valid);
    assert_eq!(verified.reason.as_deref(), Some("ticket is used"));

    // Settlement: not before the delay; then fee, burn and payout to the unit, the royalty
    // charged as the face prices are: 5% fee and 10% burn of 505.5 CTC.
    let ends_at = starts_at.plus_seconds(3 * 3_600);
    p.advance_to(ends_at.plus_seconds(DAY - 1));
    assert!(p
        .refused(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id })
        .starts_with("settlement opens at"));
    p.advance_to(ends_at.plus_seconds(DAY));
    let treasury_before = p.balance(&p.treasury);
    p.execute(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id })
        .unwrap();
    assert_eq!(p.balance(&p.treasury), treasury_before + 25_275_000);
    assert_eq!(p.total_supply(), supply_start - 50_550_000);
    assert_eq!(p.balance(&p.theater), theater_start + 429_675_000);
    assert_eq!(p.balance(&p.tickets), 0);
    assert!(matches!(
        p.event(event_id).status,
        EventStatus::Settled { .. }
    ));
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id }),
        "the event is settled"
    );
    assert_eq!(p.total_supply() + 50_550_000, CTC_ISSUANCE.u128());
    p.assert_escrow_conserved();
}

#[test]
fn a_cancelled_event_refunds_each_holder_once() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(5 * DAY);
    let event_id = p.create_event(stalls_and_vip(starts_at, p.now()));
    let fans = &p.fans;
    let before: Vec<u128> = fans.iter().map(|f| p.balance(f)).collect();
    p.buy(0, event_id, 0, 3, 300 * CTC).unwrap();
    p.buy(1, event_id, 1, 2, 600 * CTC).unwrap();
    p.execute(
        &fans[0],
        &p.tickets,
        &ExecuteMsg::ListForResale {
            token_id: "1-0".into(),
            price: Uint128::new(100 * CTC),
        },
    )
    .unwrap();

    let stranger = fans[2].clone();
    assert_eq!(
        p.refused(&stranger, &p.tickets, &ExecuteMsg::CancelEvent { event_id }),
        "only the event's issuer or the platform owner may do this"
    );
    let refund = |token: &str| ExecuteMsg::ClaimRefund {
        token_id: token.into(),
    };
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &refund("1-0")),
        "the event is not cancelled"
    );
    p.execute(
        &p.theater,
        &p.tickets,
        &ExecuteMsg::CancelEvent { event_id },
    )
    .unwrap();
    let listings: ticket_nft::msg::ListingsResponse = p.query(
        &p.tickets,
        &QueryMsg::Listings {
            event_id,
            start_after: None,
            limit: None,
        },
    );
    assert!(
        listings.listings.is_empty(),
        "listings close on cancellation"
    );
    assert_eq!(
        root(p.buy(2, event_id, 0, 1, 100 * CTC).unwrap_err()),
        "the event is cancelled"
    );

    assert_eq!(
        p.refused(&fans[1], &p.tickets, &refund("1-0")),
        "only the ticket's owner may do this"
    );
    for token in ["1-0", "1-1", "1-2"] {
        p.execute(&fans[0], &p.tickets, &refund(token)).unwrap();
        p.assert_escrow_conserved();
    }
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &refund("1-0")),
        "the ticket was already refunded"
    );
    for token in ["1-100", "1-101"] {
        p.execute(&fans[1], &p.tickets, &refund(token)).unwrap();
    }
    assert_eq!(p.balance(&fans[0]), before[0]);
    assert_eq!(p.balance(&fans[1]), before[1]);
    assert_eq!(p.balance(&p.tickets), 0);
    assert_eq!(p.event(event_id).escrow, Uint128::zero());
    p.advance_to(starts_at.plus_seconds(2 * DAY));
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id }),
        "the event is cancelled"
    );
}

#[test]
fn a_suspended_issuer_can_neither_sell_nor_create() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(5 * DAY);
    let event_id = p.create_event(stalls_and_vip(starts_at, p.now()));
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
    p.execute(
        &p.owner,
        &p.registry,
        &partner_registry::msg::ExecuteMsg::Suspend {
            address: p.theater.to_string(),
            reason: "unpaid venue fees".into(),
            digest: crate::platform::digest(3),
        },
    )
    .unwrap();
    let fan_before = p.balance(&p.fans[1].clone());
    assert_eq!(
        root(p.buy(1, event_id, 0, 1, 100 * CTC).unwrap_err()),
        "the issuer cannot sell: suspended"
    );
    assert_eq!(
        p.balance(&p.fans[1].clone()),
        fan_before,
        "a refused sale keeps the CTC"
    );
    let err = p
        .execute(
            &p.theater,
            &p.tickets,
            &ExecuteMsg::CreateEvent {
                event: stalls_and_vip(starts_at, p.now()),
            },
        )
        .unwrap_err();
    assert!(root(err).contains("is suspended"));
    p.assert_escrow_conserved();
}

#[test]
fn a_real_name_event_checks_buyers_and_receivers() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(5 * DAY);
    let mut input = stalls_and_vip(starts_at, p.now());
    input.min_identity = Some(IdentityLevel::RealName);
    input.transfer_policy = TransferPolicy::GiftOnly { max_transfers: 1 };
    let event_id = p.create_event(input);
    let fans = &p.fans;
    p.attest(&fans[0], IdentityLevel::RealName);
    p.attest(&fans[1], IdentityLevel::Phone);

    assert_eq!(
        root(p.buy(1, event_id, 0, 1, 100 * CTC).unwrap_err()),
        "identity level real_name required"
    );
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();
    let gift_to = |to: &cosmwasm_std::Addr, token: &str| ExecuteMsg::TransferNft {
        recipient: to.to_string(),
        token_id: token.into(),
    };
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &gift_to(&fans[1], "1-0")),
        "identity level real_name required"
    );
    p.attest(&fans[2], IdentityLevel::Certificate);
    p.execute(&fans[0], &p.tickets, &gift_to(&fans[2], "1-0"))
        .unwrap();
    // GiftOnly with one transfer: the receiver cannot pass it on, nor list it.
    assert_eq!(
        p.refused(&fans[2], &p.tickets, &gift_to(&fans[0], "1-0")),
        "this ticket reached its limit of 1 transfers"
    );
    let list = ExecuteMsg::ListForResale {
        token_id: "1-1".into(),
        price: Uint128::new(100 * CTC),
    };
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &list),
        "resale is not allowed for this event"
    );
}

#[test]
fn an_authorised_minter_mints_reserved_tickets_within_supply() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(5 * DAY);
    let event_id = p.create_event(stalls_and_vip(starts_at, p.now()));
    let crowdfund = p.addr("crowdfund");
    let fans = &p.fans;
    let reserve = |quantity| ExecuteMsg::MintReserved {
        event_id,
        tier: 1,
        recipient: fans[3].to_string(),
        quantity,
    };
    assert_eq!(
        p.refused(&crowdfund, &p.tickets, &reserve(1)),
        "only a minter authorised for this event may mint reserved tickets"
    );
    p.execute(
        &p.theater,
        &p.tickets,
        &ExecuteMsg::SetMinter {
            event_id,
            address: crowdfund.to_string(),
            allowed: true,
        },
    )
    .unwrap();
    let interface_msg = ctc_interfaces::tickets::TicketExecuteMsg::MintReserved {
        event_id,
        tier: 1,
        recipient: fans[3].to_string(),
        quantity: 2,
    };
    p.execute(&crowdfund, &p.tickets, &interface_msg).unwrap();
    assert_eq!(
        p.refused(&crowdfund, &p.tickets, &reserve(1)),
        "sold out: 0 left"
    );
    assert_eq!(p.owner_of("1-101"), fans[3].to_string());
    assert_eq!(p.event(event_id).escrow, Uint128::zero());
    // A reserved ticket was paid to the crowdfund, not here: its refund is zero.
    p.execute(
        &p.theater,
        &p.tickets,
        &ExecuteMsg::CancelEvent { event_id },
    )
    .unwrap();
    let response = p
        .execute(
            &fans[3],
            &p.tickets,
            &ExecuteMsg::ClaimRefund {
                token_id: "1-100".into(),
            },
        )
        .unwrap();
    assert_eq!(attribute(&response, "amount"), "0");
    p.assert_escrow_conserved();
}

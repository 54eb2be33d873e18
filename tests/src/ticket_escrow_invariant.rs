//! Random sequences of buys (some with the theater's 20% coupons), funded mints, gifts, resales,
//! cancellations, refunds, settlements, freezes, complaints, rulings, holds, the issuer's
//! suspension or revocation and time moves: after every step ticket-nft's CTC balance equals the
//! escrow of its events, and each event's escrow equals what its tickets paid (face prices, the
//! discounted prices paid with a coupon, minters' funded values and resale royalties) minus what
//! was refunded, until settlement empties it; vouchers holds exactly what it owes.

use cosmwasm_std::Uint128;
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::BasisPoints;
use proptest::prelude::*;
use ticket_nft::msg::{EventInput, EventResponse, ExecuteMsg, QueryMsg, TierInput, TransferPolicy};

use crate::platform::{attribute, digest, Platform, CTC};
use crate::vouchers_flows::{
    assert_vouchers_conserved, create_class, theater_issues_vouchers, ticket_coupon,
};
use partner_registry::msg::{ExecuteMsg as RegistryMsg, IdentityLevel};
use vouchers::msg::{ClassInput, ExecuteMsg as VoucherMsg, Off};

const PRICES: [u128; 2] = [40 * CTC, 75 * CTC];

#[derive(Clone, Debug)]
enum Op {
    Buy {
        fan: usize,
        event: u64,
        tier: u8,
        quantity: u32,
    },
    Gift {
        token: usize,
        to: usize,
    },
    Resell {
        token: usize,
        buyer: usize,
        permille: u128,
    },
    Cancel {
        event: u64,
    },
    Refund {
        token: usize,
    },
    Advance {
        hours: u64,
    },
    Settle {
        event: u64,
    },
    MintFunded {
        fan: usize,
        event: u64,
        quantity: u32,
        each: u128,
    },
    Freeze {
        event: u64,
        frozen: bool,
    },
    Complain {
        token: usize,
    },
    Rule {
        event: u64,
        happened: bool,
    },
    Hold {
        token: usize,
        held: bool,
    },
    /// Suspends the issuer (0, 1), reinstates it (2, 3) or revokes it for good (4).
    Standing {
        change: u8,
    },
    /// Pays 80% of the face price with the fan's book of coupons (voucher `1-{fan}`).
    CouponBuy {
        fan: usize,
        event: u64,
        tier: u8,
        quantity: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..4, 1u64..=2, 0u8..2, 1u32..4)
            .prop_map(|(fan, event, tier, quantity)| Op::Buy { fan, event, tier, quantity }),
        2 => (0usize..40, 0usize..4).prop_map(|(token, to)| Op::Gift { token, to }),
        2 => (0usize..40, 0usize..4, 500u128..1_200)
            .prop_map(|(token, buyer, permille)| Op::Resell { token, buyer, permille }),
        1 => (1u64..=2).prop_map(|event| Op::Cancel { event }),
        2 => (0usize..40).prop_map(|token| Op::Refund { token }),
        3 => (1u64..72).prop_map(|hours| Op::Advance { hours }),
        1 => (1u64..=2).prop_map(|event| Op::Settle { event }),
        1 => (0usize..4, 1u64..=2, 1u32..3, 1u128..50)
            .prop_map(|(fan, event, quantity, each)| Op::MintFunded { fan, event, quantity, each: each * CTC }),
        1 => (1u64..=2, any::<bool>()).prop_map(|(event, frozen)| Op::Freeze { event, frozen }),
        1 => (0usize..40).prop_map(|token| Op::Complain { token }),
        1 => (1u64..=2, any::<bool>()).prop_map(|(event, happened)| Op::Rule { event, happened }),
        1 => (0usize..40, any::<bool>()).prop_map(|(token, held)| Op::Hold { token, held }),
        1 => (0u8..5).prop_map(|change| Op::Standing { change }),
        2 => (0usize..4, 1u64..=2, 0u8..2, 1u32..4)
            .prop_map(|(fan, event, tier, quantity)| Op::CouponBuy { fan, event, tier, quantity }),
    ]
}

fn event_input(p: &Platform, days: u64) -> EventInput {
    let starts_at = p.now().plus_seconds(days * 86_400);
    EventInput {
        title: format!("Show in {days} days"),
        venue: "Hall".into(),
        description_uri: None,
        starts_at,
        ends_at: starts_at.plus_seconds(3_600),
        sale_starts_at: p.now(),
        sale_ends_at: starts_at,
        tiers: PRICES
            .iter()
            .map(|price| TierInput {
                name: format!("{price}"),
                price: Uint128::new(*price),
                supply: 15,
                seats: vec![],
                per_wallet_limit: Some(6),
                members_of: None,
                random_seats: false,
            })
            .collect(),
        min_identity: None,
        accepted_attesters: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 2 },
        anti_scalping: None,
        lock_before_start_seconds: 3_600,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(750).unwrap(),
        check_in_opens_before_seconds: 3_600,
        booking_id: None,
    }
}

fn escrows(p: &Platform) -> Vec<u128> {
    (1..=2u64)
        .map(|event_id| {
            let event: EventResponse = p.query(&p.tickets, &QueryMsg::Event { event_id });
            event.escrow.u128()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ticket_nft_holds_exactly_the_escrow(ops in prop::collection::vec(op(), 1..40)) {
        let p = Platform::new();
        // A minter (as crowdfund would be) pays value into tickets it mints for backers.
        let minter = p.addr("reward-minter");
        p.fund(&minter, 10_000 * CTC);
        for days in [3, 6] {
            let event = event_input(&p, days);
            p.execute(&p.theater, &p.tickets, &ExecuteMsg::CreateEvent { event }).unwrap();
        }
        for event_id in 1..=2 {
            let appoint = ExecuteMsg::SetMinter { event_id, address: minter.to_string(), allowed: true };
            p.execute(&p.theater, &p.tickets, &appoint).unwrap();
        }
        let fans = &p.fans;
        // Identified, so the provider that attested them can hold their tickets.
        for fan in fans {
            p.attest(fan, IdentityLevel::RealName);
        }
        // The theater's coupons, 20% off its shows: a book of 20 for each fan, claimed free and
        // valid all along (the sale is only for the start).
        theater_issues_vouchers(&p);
        let coupons = ClassInput {
            fungible: true,
            per_holder_limit: None,
            valid_until: p.now().plus_seconds(400 * 86_400),
            ..ticket_coupon(p.now(), Off::Percent(BasisPoints::new(2_000).unwrap()))
        };
        let class_id = create_class(&p, &p.theater, coupons).unwrap();
        for fan in fans {
            p.execute(fan, &p.vouchers, &VoucherMsg::Claim { class_id, quantity: 20 }).unwrap();
        }
        let evidence = |why: &str| (why.to_owned(), digest(0x5e));
        // (token id, event index, face price) of every ticket minted, in order, and what is held
        // in escrow for each: its face price (what was paid, with a coupon), plus the royalty of
        // every resale.
        let mut minted: Vec<(String, usize, u128)> = vec![];
        let mut held: Vec<u128> = vec![];
        let mut refunded: Vec<bool> = vec![];
        let mut model = [0u128; 2];

        for op in ops {
            match op {
                Op::Buy { fan, event, tier, quantity } => {
                    let price = PRICES[tier as usize];
                    let hook = TicketReceiveMsg::Buy { event_id: event, tier, quantity, recipient: None, voucher: None };
                    if let Ok(response) = p.send_ctc(&fans[fan], &p.tickets, price * u128::from(quantity), &hook) {
                        for id in attribute(&response, "token_ids").split(',') {
                            minted.push((id.to_owned(), event as usize - 1, price));
                            held.push(price);
                            refunded.push(false);
                        }
                        model[event as usize - 1] += price * u128::from(quantity);
                    }
                }
                Op::Gift { token, to } => {
                    if let Some((id, _, _)) = minted.get(token) {
                        let owner = p.owner_of_token(id);
                        let _ = p.execute(&owner, &p.tickets, &ExecuteMsg::TransferNft {
                            recipient: fans[to].to_string(), token_id: id.clone(),
                        });
                    }
                }
                Op::Resell { token, buyer, permille } => {
                    if let Some((id, event, face)) = minted.get(token).cloned() {
                        let owner = p.owner_of_token(&id);
                        let price = face * permille / 1_000;
                        let listed = p.execute(&owner, &p.tickets, &ExecuteMsg::ListForResale {
                            token_id: id.clone(), price: Uint128::new(price),
                        });
                        if listed.is_ok()
                            && p.send_ctc(&fans[buyer], &p.tickets, price, &TicketReceiveMsg::BuyResale { token_id: id }).is_ok()
                        {
                            let royalty = price * 750 / 10_000;
                            held[token] += royalty;
                            model[event] += royalty;
                        }
                    }
                }
                Op::Cancel { event } => {
                    let _ = p.execute(&p.theater, &p.tickets, &ExecuteMsg::CancelEvent { event_id: event });
                }
                Op::Refund { token } => {
                    if let Some((id, event, _)) = minted.get(token).cloned() {
                        let owner = p.owner_of_token(&id);
                        if p.execute(&owner, &p.tickets, &ExecuteMsg::ClaimRefund { token_id: id }).is_ok() {
                            prop_assert!(!refunded[token], "refunded twice");
                            refunded[token] = true;
                            model[event] -= held[token];
                        }
                    }
                }
                Op::Advance { hours } => {
                    p.advance(hours * 3_600);
                }
                Op::Settle { event } => {
                    if let Ok(response) = p.execute(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id: event }) {
                        // A revoked issuer's settlement cancels instead: the escrow waits for refunds.
                        if attribute(&response, "outcome") == "settled" {
                            model[event as usize - 1] = 0;
                        }
                    }
                }
                Op::MintFunded { fan, event, quantity, each } => {
                    let hook = TicketReceiveMsg::MintFunded {
                        event_id: event, tier: 0, recipient: fans[fan].to_string(), quantity,
                    };
                    if let Ok(response) = p.send_ctc(&minter, &p.tickets, each * u128::from(quantity), &hook) {
                        for id in attribute(&response, "token_ids").split(',') {
                            minted.push((id.to_owned(), event as usize - 1, each));
                            held.push(each);
                            refunded.push(false);
                        }
                        model[event as usize - 1] += each * u128::from(quantity);
                    }
                }
                Op::Freeze { event, frozen } => {
                    let (reason, digest) = evidence("inquiry");
                    let freeze = ExecuteMsg::FreezeEvent { event_id: event, frozen, reason, digest };
                    let _ = p.execute(&p.owner, &p.tickets, &freeze);
                }
                Op::Complain { token } => {
                    if let Some((id, _, _)) = minted.get(token) {
                        let owner = p.owner_of_token(id);
                        let complaint = ExecuteMsg::FileComplaint { token_id: id.clone(), digest: digest(0xc0) };
                        let _ = p.execute(&owner, &p.tickets, &complaint);
                    }
                }
                Op::Rule { event, happened } => {
                    let (reason, digest) = evidence("ruling");
                    let rule = ExecuteMsg::RuleOnEvent { event_id: event, happened, reason, digest };
                    let _ = p.execute(&p.owner, &p.tickets, &rule);
                }
                Op::Hold { token, held } => {
                    if let Some((id, _, _)) = minted.get(token) {
                        let (reason, digest) = evidence("court order");
                        let hold = ExecuteMsg::HoldTicket { token_id: id.clone(), held, reason, digest };
                        let _ = p.execute(&p.identity_provider, &p.tickets, &hold);
                    }
                }
                Op::Standing { change } => {
                    let theater = p.theater.to_string();
                    let (reason, digest) = evidence("review");
                    let msg = match change {
                        0 | 1 => RegistryMsg::Suspend { address: theater, reason, digest },
                        2 | 3 => RegistryMsg::Reinstate { address: theater, reason, digest },
                        _ => RegistryMsg::Revoke { address: theater, reason, digest },
                    };
                    let _ = p.execute(&p.owner, &p.registry, &msg);
                }
                Op::CouponBuy { fan, event, tier, quantity } => {
                    let each = PRICES[tier as usize] * 8 / 10;
                    let hook = TicketReceiveMsg::Buy {
                        event_id: event, tier, quantity, recipient: None, voucher: Some(format!("1-{fan}")),
                    };
                    if let Ok(response) = p.send_ctc(&fans[fan], &p.tickets, each * u128::from(quantity), &hook) {
                        for id in attribute(&response, "token_ids").split(',') {
                            minted.push((id.to_owned(), event as usize - 1, PRICES[tier as usize]));
                            held.push(each);
                            refunded.push(false);
                        }
                        model[event as usize - 1] += each * u128::from(quantity);
                    }
                }
            }
            assert_vouchers_conserved(&p);
            let on_chain = escrows(&p);
            prop_assert_eq!(on_chain.clone(), model.to_vec());
            prop_assert_eq!(p.balance(&p.tickets), on_chain.iter().sum::<u128>());
        }
    }
}

impl Platform {
    fn owner_of_token(&self, token_id: &str) -> cosmwasm_std::Addr {
        let owner: cw721::msg::OwnerOfResponse = self.query(
            &self.tickets,
            &QueryMsg::OwnerOf {
                token_id: token_id.into(),
                include_expired: None,
            },
        );
        cosmwasm_std::Api::addr_validate(self.app().api(), &owner.owner).unwrap()
    }
}

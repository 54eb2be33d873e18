//! Random sequences of buys, gifts, resales, cancellations, refunds, settlements and time moves:
//! after every step ticket-nft's CTC balance equals the escrow of its events, and each event's
//! escrow equals what its tickets paid (face prices and resale royalties) minus what was refunded,
//! until settlement empties it.

use cosmwasm_std::Uint128;
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::BasisPoints;
use proptest::prelude::*;
use ticket_nft::msg::{EventInput, EventResponse, ExecuteMsg, QueryMsg, TierInput, TransferPolicy};

use crate::platform::{attribute, Platform, CTC};

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
        2 => (1u64..72).prop_map(|hours| Op::Advance { hours }),
        1 => (1u64..=2).prop_map(|event| Op::Settle { event }),
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
            })
            .collect(),
        min_identity: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 2 },
        lock_before_start_seconds: 3_600,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(750).unwrap(),
        check_in_opens_before_seconds: 3_600,
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
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn ticket_nft_holds_exactly_the_escrow(ops in prop::collection::vec(op(), 1..30)) {
        let p = Platform::new();
        for days in [3, 6] {
            let event = event_input(&p, days);
            p.execute(&p.theater, &p.tickets, &ExecuteMsg::CreateEvent { event }).unwrap();
        }
        let fans = &p.fans;
        // (token id, event index, face price) of every ticket minted, in order, and what is held
        // in escrow for each: its face price, plus the royalty of every resale.
        let mut minted: Vec<(String, usize, u128)> = vec![];
        let mut held: Vec<u128> = vec![];
        let mut refunded: Vec<bool> = vec![];
        let mut model = [0u128; 2];

        for op in ops {
            match op {
                Op::Buy { fan, event, tier, quantity } => {
                    let price = PRICES[tier as usize];
                    let hook = TicketReceiveMsg::Buy { event_id: event, tier, quantity, recipient: None };
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
                    if p.execute(&fans[0], &p.tickets, &ExecuteMsg::Settle { event_id: event }).is_ok() {
                        model[event as usize - 1] = 0;
                    }
                }
            }
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

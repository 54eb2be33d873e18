//! The money rule under random traffic: after every step, the CTC this contract holds (what was
//! sent to it minus what it paid out through the token) equals what it owes: the price of every
//! valid voucher of a priced class and every merchant's unwithdrawn earnings.

use cosmwasm_std::{from_json, Order};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_testkit::executes;
use proptest::prelude::*;

use crate::state::{CLASSES, EARNED, VOUCHERS};

use super::*;

#[derive(Clone, Debug)]
enum Op {
    Buy {
        fan: usize,
        class: u64,
        quantity: u32,
        exact: bool,
    },
    Claim {
        fan: usize,
        class: u64,
        quantity: u32,
    },
    Gift {
        token: usize,
        to: usize,
    },
    Redeem {
        token: usize,
    },
    Clear {
        token: usize,
    },
    Withdraw {
        merchant: usize,
    },
    Freeze {
        class: u64,
        frozen: bool,
    },
    Advance {
        days: u64,
    },
    Split {
        token: usize,
        to: usize,
        units: u64,
    },
    List {
        token: usize,
        price: u128,
    },
    BuyListed {
        token: usize,
        fan: usize,
    },
    Tickets {
        token: usize,
        quantity: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..2usize, prop_oneof![Just(1u64), Just(2), Just(4), Just(5)], 1..=3u32, any::<bool>())
            .prop_map(|(fan, class, quantity, exact)| Op::Buy { fan, class, quantity, exact }),
        2 => (0..2usize, prop_oneof![Just(3u64), Just(5)], 1..=3u32)
            .prop_map(|(fan, class, quantity)| Op::Claim { fan, class, quantity }),
        2 => (0..40usize, 0..2usize).prop_map(|(token, to)| Op::Gift { token, to }),
        3 => (0..40usize).prop_map(|token| Op::Redeem { token }),
        3 => (0..40usize).prop_map(|token| Op::Clear { token }),
        1 => (0..2usize).prop_map(|merchant| Op::Withdraw { merchant }),
        1 => (1..=3u64, any::<bool>()).prop_map(|(class, frozen)| Op::Freeze { class, frozen }),
        2 => (1..=8u64).prop_map(|days| Op::Advance { days }),
        2 => (0..40usize, 0..2usize, 1..=3u64).prop_map(|(token, to, units)| Op::Split { token, to, units }),
        2 => (0..40usize, 0..=10u128).prop_map(|(token, price)| Op::List { token, price: price * CTC }),
        2 => (0..40usize, 0..2usize).prop_map(|(token, fan)| Op::BuyListed { token, fan }),
        2 => (0..40usize, 1..=3u32).prop_map(|(token, quantity)| Op::Tickets { token, quantity }),
    ]
}

/// What the contract owes: the price of each unit a valid voucher holds and the merchants'
/// earnings.
fn owed(chain: &Chain) -> u128 {
    let storage = &chain.deps.storage;
    let mut total = 0u128;
    for entry in VOUCHERS.range(storage, None, None, Order::Ascending) {
        let ((class_id, _), voucher) = entry.unwrap();
        if voucher.status == VoucherStatus::Valid {
            let price = CLASSES.load(storage, class_id).unwrap().price.u128();
            total += price * u128::from(voucher.units);
        }
    }
    for entry in EARNED.range(storage, None, None, Order::Ascending) {
        total += entry.unwrap().1.total().u128();
    }
    total
}

/// What `response` pays out of the contract through the token.
fn paid_out(chain: &Chain, response: &Response) -> u128 {
    executes(response)
        .into_iter()
        .map(|(contract, json)| {
            assert_eq!(
                contract,
                chain.accounts.token.to_string(),
                "only the token is called"
            );
            match from_json::<CtcExecuteMsg>(json.as_bytes()).unwrap() {
                CtcExecuteMsg::Disburse {
                    payments,
                    burn_or_recycle,
                } => {
                    payments.iter().map(|p| p.amount.u128()).sum::<u128>() + burn_or_recycle.u128()
                }
                other => panic!("unexpected {other:?}"),
            }
        })
        .sum()
}

fn token_id(chain: &Chain, index: usize) -> Option<String> {
    let keys: Vec<(u64, u32)> = VOUCHERS
        .keys(&chain.deps.storage, None, None, Order::Ascending)
        .collect::<Result<_, _>>()
        .unwrap();
    if keys.is_empty() {
        return None;
    }
    let (class, serial) = keys[index % keys.len()];
    Some(format!("{class}-{serial}"))
}

/// Runs `ops`, checking the rule after each; answers which succeeded (time always does).
fn run(ops: Vec<Op>) -> Vec<bool> {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, bakery, owner, scanner, bakery_scanner) = (
        a.cafe.clone(),
        a.bakery.clone(),
        a.owner.clone(),
        a.scanner.clone(),
        a.bakery_scanner.clone(),
    );
    let fans = [(a.fan.clone(), 1u8), (a.fan2.clone(), 2u8)];
    let merchants = [cafe.clone(), bakery.clone()];
    let refunded = ClassInput {
        cap: 60,
        per_holder_limit: None,
        ..chain.goods(PRICE)
    };
    let prepaid = ClassInput {
        cap: 60,
        per_holder_limit: None,
        price: Uint128::new(3 * CTC + 7),
        on_expiry: OnExpiry::PayMerchant,
        transfer: TransferRule::Gift { max_moves: 100 },
        ..chain.goods(PRICE)
    };
    let free = ClassInput {
        per_holder_limit: None,
        ..chain.coupon()
    };
    // A fungible class resold under a cap, and a fungible coupon for the café's tickets.
    let resold = ClassInput {
        cap: 200,
        per_holder_limit: None,
        fungible: true,
        price: Uint128::new(2 * CTC + 3),
        transfer: TransferRule::Resale {
            max_moves: 100,
            max_unit_price: Uint128::new(3 * CTC),
        },
        ..chain.goods(PRICE)
    };
    let for_tickets = ClassInput {
        cap: 200,
        per_holder_limit: None,
        fungible: true,
        kind: VoucherKind::Coupon {
            off: Off::Percent(BasisPoints::new(1_500).unwrap()),
            on: CouponTarget::Tickets { events: vec![] },
        },
        ..chain.goods(0)
    };
    chain.create(&cafe, refunded);
    chain.create(&bakery, prepaid);
    chain.create(&cafe, free);
    chain.create(&cafe, resold);
    chain.create(&cafe, for_tickets);
    let ticket_nft = chain.addr("ticket_nft");
    let set = ExecuteMsg::SetTicketNft {
        address: ticket_nft.to_string(),
    };
    chain.execute(&owner, set).unwrap();
    let mut balance = 0u128;
    let mut succeeded = Vec::with_capacity(ops.len());
    for op in ops {
        let outcome = match op.clone() {
            Op::Buy {
                fan,
                class,
                quantity,
                exact,
            } => {
                let price = chain.class(class).terms.price.u128();
                let amount = price * u128::from(quantity) + u128::from(!exact);
                let result = chain.buy(&fans[fan].0, class, quantity, amount);
                if result.is_ok() {
                    balance += amount;
                }
                result
            }
            Op::Claim {
                fan,
                class,
                quantity,
            } => chain.claim(&fans[fan].0, class, quantity),
            Op::Gift { token, to } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let from = chain.voucher(&id).owner;
                    chain.transfer(&from, &fans[to].0, &id)
                }
            },
            Op::Redeem { token } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let voucher = chain.voucher(&id);
                    let seed = fans.iter().find(|(f, _)| *f == voucher.owner).unwrap().1;
                    let code = chain.code_for(seed, &id, 1, voucher.units);
                    let who = if voucher.class_id == 2 {
                        &bakery_scanner
                    } else {
                        &scanner
                    };
                    chain.redeem_units(who, &id, 1, code)
                }
            },
            Op::Clear { token } => match token_id(&chain, token) {
                None => continue,
                Some(id) => chain.execute(&owner, ExecuteMsg::Clear { token_id: id }),
            },
            Op::Withdraw { merchant } => chain.execute(
                &owner,
                ExecuteMsg::Withdraw {
                    merchant: merchants[merchant].to_string(),
                },
            ),
            Op::Freeze { class, frozen } => chain.execute(
                &owner,
                ExecuteMsg::FreezeClass {
                    class_id: class,
                    frozen,
                    reason: "r".into(),
                    digest: digest(),
                },
            ),
            Op::Advance { days } => {
                chain.advance(days * DAY);
                succeeded.push(true);
                continue;
            }
            Op::Split { token, to, units } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let from = chain.voucher(&id).owner;
                    let msg = ExecuteMsg::TransferUnits {
                        token_id: id,
                        recipient: fans[to].0.to_string(),
                        units,
                    };
                    chain.execute(&from, msg)
                }
            },
            Op::List { token, price } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let from = chain.voucher(&id).owner;
                    let msg = ExecuteMsg::List {
                        token_id: id,
                        price: Uint128::new(price),
                    };
                    chain.execute(&from, msg)
                }
            },
            Op::BuyListed { token, fan } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let amount = chain.voucher(&id).listed.map_or(CTC, |price| price.u128());
                    let hook = VoucherReceiveMsg::BuyListed { token_id: id };
                    let result = chain.send(&fans[fan].0, amount, hook);
                    if result.is_ok() {
                        balance += amount;
                    }
                    result
                }
            },
            Op::Tickets { token, quantity } => match token_id(&chain, token) {
                None => continue,
                Some(id) => {
                    let voucher = chain.voucher(&id);
                    let use_ = crate::msg::TicketUse {
                        token_id: id,
                        holder: voucher.owner.to_string(),
                        issuer: cafe.to_string(),
                        event_id: 1,
                        members_of: None,
                        quantity,
                        price: Uint128::new(40 * CTC),
                        paid_each: Uint128::new(34 * CTC),
                    };
                    chain.execute(&ticket_nft, ExecuteMsg::UseForTickets(use_))
                }
            },
        };
        if let Ok(response) = &outcome {
            let out = paid_out(&chain, response);
            assert!(out <= balance, "{op:?} paid more than held");
            balance -= out;
        }
        assert_eq!(balance, owed(&chain), "after {op:?} ({outcome:?})");
        succeeded.push(outcome.is_ok());
    }
    // Everything clears in the end: once all expired and unfrozen, cranking every voucher and
    // withdrawing every merchant leaves nothing.
    for class in 1..=5 {
        let _ = chain.execute(
            &owner,
            ExecuteMsg::FreezeClass {
                class_id: class,
                frozen: false,
                reason: "r".into(),
                digest: digest(),
            },
        );
    }
    chain.advance(60 * DAY);
    let ids: Vec<String> = VOUCHERS
        .keys(&chain.deps.storage, None, None, Order::Ascending)
        .map(|k| k.map(|(c, s)| format!("{c}-{s}")))
        .collect::<Result<_, _>>()
        .unwrap();
    for id in ids {
        if let Ok(response) = chain.execute(&owner, ExecuteMsg::Clear { token_id: id }) {
            balance -= paid_out(&chain, &response);
        }
    }
    for merchant in &merchants {
        let msg = ExecuteMsg::Withdraw {
            merchant: merchant.to_string(),
        };
        if let Ok(response) = chain.execute(&owner, msg) {
            balance -= paid_out(&chain, &response);
        }
    }
    assert_eq!(balance, 0);
    assert_eq!(owed(&chain), 0);
    succeeded
}

/// One run that surely does each thing once: bought, gifted, redeemed, cleared both ways, claimed,
/// withdrawn.
#[test]
fn a_known_run_moves_money_every_way_and_conserves_it() {
    use Op::*;
    let succeeded = run(vec![
        Buy {
            fan: 0,
            class: 1,
            quantity: 3,
            exact: true,
        },
        Buy {
            fan: 1,
            class: 2,
            quantity: 2,
            exact: true,
        },
        Buy {
            fan: 1,
            class: 2,
            quantity: 1,
            exact: false,
        },
        Claim {
            fan: 0,
            class: 3,
            quantity: 2,
        },
        Gift { token: 1, to: 1 },
        Redeem { token: 0 },
        Redeem { token: 3 },
        Withdraw { merchant: 1 },
        Freeze {
            class: 1,
            frozen: true,
        },
        Advance { days: 31 },
        Clear { token: 1 },
        Freeze {
            class: 1,
            frozen: false,
        },
        Clear { token: 1 },
        Clear { token: 4 },
        Clear { token: 5 },
        Withdraw { merchant: 0 },
        Withdraw { merchant: 1 },
    ]);
    let (yes, no) = (true, false);
    // The inexact purchase and the clearing of a frozen class are refused; all else passes.
    assert_eq!(
        succeeded,
        [yes, yes, no, yes, yes, yes, yes, yes, yes, yes, no, yes, yes, yes, yes, yes, yes]
    );
}

/// The fungible side: bought, split, listed and bought back, spent on tickets, redeemed in part,
/// cleared and withdrawn.
#[test]
fn a_known_run_over_units_resale_and_tickets_conserves_money() {
    use Op::*;
    let succeeded = run(vec![
        Buy {
            fan: 0,
            class: 4,
            quantity: 3,
            exact: true,
        },
        Split {
            token: 0,
            to: 1,
            units: 1,
        },
        List {
            token: 0,
            price: 6 * CTC + 1,
        },
        List {
            token: 0,
            price: 6 * CTC,
        },
        BuyListed { token: 0, fan: 1 },
        Claim {
            fan: 0,
            class: 5,
            quantity: 3,
        },
        Tickets {
            token: 2,
            quantity: 2,
        },
        Tickets {
            token: 2,
            quantity: 2,
        },
        Redeem { token: 1 },
        Advance { days: 31 },
        Clear { token: 0 },
        Clear { token: 2 },
        Withdraw { merchant: 0 },
    ]);
    let (yes, no) = (true, false);
    // Listing above the cap, and spending more coupon units than held, are refused.
    assert_eq!(
        succeeded,
        [yes, yes, no, yes, yes, yes, yes, no, yes, yes, yes, yes, yes]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_contract_holds_exactly_what_it_owes(ops in prop::collection::vec(op(), 1..40)) {
        run(ops);
    }
}

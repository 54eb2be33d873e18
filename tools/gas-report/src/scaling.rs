//! The O(1) promise: claim, refund, settle and resolve measured after 10, 1,000 and 10,000
//! participants joined with real transactions, a booking requested, accepted, issued and
//! cancelled among that many confirmed bookings of one hall, and a voucher redeemed and cleared
//! both ways among that many vouchers of its class. Setup is unmetered; the measured operation is
//! the one a participant makes last (or the one that closes the event or pool, or the last
//! voucher issued).

use serde::Serialize;
use serde_json::json;

use crate::addresses::account;
use crate::chain::{Chain, ChainConfig, GasBreakdown, TxOutcome};
use crate::platform::{
    booked_show, buy, buy_vouchers, id, key_account, redeem_code, show, ts, voucher_class,
    Platform, Wasm, CTC, DAY, HOUR,
};

pub const SIZES: [u64; 3] = [10, 1_000, 10_000];

#[derive(Clone, Debug, Serialize)]
pub struct ScalingRow {
    /// Stable key, e.g. `crowdfund/claim_rewards`.
    pub key: String,
    pub description: String,
    /// (participants, gas) for each size.
    pub runs: Vec<(u64, GasBreakdown)>,
    /// Gas at the largest size ÷ gas at the smallest.
    pub ratio: f64,
}

struct Operation {
    key: &'static str,
    description: &'static str,
}

const OPERATIONS: [Operation; 13] = [
    Operation {
        key: "crowdfund/claim_rewards",
        description: "a backer's reward claim (its value → ticket-nft mint_funded) after N backers",
    },
    Operation {
        key: "crowdfund/refund",
        description: "a backer's refund from a failed campaign of N backers",
    },
    Operation {
        key: "ticket-nft/claim_refund",
        description: "a holder's refund from a cancelled event with N tickets sold",
    },
    Operation {
        key: "ticket-nft/settle",
        description: "settlement (one Disburse: fee, burn, payout) of an event with N tickets sold",
    },
    Operation {
        key: "wager-pool/resolve",
        description: "resolution of a pool with N bettors",
    },
    Operation {
        key: "wager-pool/claim",
        description: "a winner's claim in a pool with N bettors",
    },
    Operation {
        key: "schedules/request_booking",
        description: "a request for the free evening between two of N confirmed bookings of one hall",
    },
    Operation {
        key: "schedules/accept_booking",
        description: "its acceptance: the overlap check finds both neighbours among the hall's N confirmed bookings",
    },
    Operation {
        key: "ticket-nft/create_event (from a booking)",
        description: "an event issued from that booking (schedules query, mark_issued) with N bookings in schedules",
    },
    Operation {
        key: "schedules/cancel_booking",
        description: "one of the hall's N confirmed bookings cancelled alone by its requester, before the notice",
    },
    Operation {
        key: "vouchers/redeem",
        description: "the last of N vouchers issued in one class redeemed at the café's counter with its holder's code",
    },
    Operation {
        key: "vouchers/clear (paid to the merchant)",
        description: "another of those N cleared after their validity, its price to the café's earnings",
    },
    Operation {
        key: "vouchers/clear (refunded to the holder)",
        description: "the last of N vouchers of a refunded class cleared after their validity, its price back to its holder",
    },
];

/// Vouchers a scaling purchase issues (the most one purchase may), and the wallets holding them:
/// test keys, so that they sign the counter's codes.
const VOUCHERS_A_PURCHASE: u64 = 20;
const VOUCHER_HOLDERS: u8 = 10;
/// Scaling vouchers are valid until then, past the other flows' measurements (38 days in).
const VOUCHERS_VALID: u64 = 60 * DAY;

/// The scaling hall's evenings: half an hour each, so that 20,000 of them fit inside the two
/// years ahead a slot may start, back to back from 60 days out (past the 38 days a run waits);
/// booking `i` holds evening `2i`, so evening `2i + 1` is free and touches two confirmed bookings.
const EVENINGS_FROM: u64 = 60 * DAY;
const EVENING: u64 = HOUR / 2;

pub fn measure(
    wasm: &Wasm,
    cache_dir: &std::path::Path,
    sizes: &[u64],
) -> anyhow::Result<Vec<ScalingRow>> {
    let mut per_size = Vec::new();
    for &participants in sizes {
        per_size.push((participants, run(wasm, cache_dir, participants)?));
    }
    let rows = OPERATIONS
        .iter()
        .enumerate()
        .map(|(i, op)| {
            let runs: Vec<(u64, GasBreakdown)> =
                per_size.iter().map(|(n, gases)| (*n, gases[i])).collect();
            let smallest = runs.first().map_or(1, |(_, g)| g.total.max(1));
            let largest = runs.last().map_or(1, |(_, g)| g.total);
            ScalingRow {
                key: op.key.to_owned(),
                description: op.description.to_owned(),
                ratio: largest as f64 / smallest as f64,
                runs,
            }
        })
        .collect();
    Ok(rows)
}

/// One chain with `n` participants in every flow; the gas of each operation in `OPERATIONS`
/// order.
fn run(wasm: &Wasm, cache_dir: &std::path::Path, n: u64) -> anyhow::Result<Vec<GasBreakdown>> {
    let started = std::time::Instant::now();
    let chain = Chain::new(cache_dir, ChainConfig::default())?;
    let p = Platform::new(chain.clone(), wasm, None)?;
    let people: Vec<String> = (0..n)
        .map(|i| account(&format!("participant{i}")))
        .collect();
    for person in &people {
        p.fund(person, 1_000 * CTC)?;
    }
    let t0 = p.now();
    let last = people.last().expect("at least one participant");

    let create_event = || -> anyhow::Result<u64> {
        let created = p.exec(
            &p.theater,
            &p.tickets,
            json!({ "create_event": { "event": show(t0, 30 * DAY, n as u32, None) } }),
        )?;
        id(&created, "event_id")
    };
    // Tickets: one event settles, one is cancelled; everyone holds one ticket of each.
    let settled = create_event()?;
    let cancelled = create_event()?;
    // Crowdfund rewards come from a third event's Patron tier.
    let rewards = create_event()?;
    p.exec(
        &p.theater,
        &p.tickets,
        json!({ "set_minter": { "event_id": rewards, "address": p.crowdfund, "allowed": true } }),
    )?;
    for person in &people {
        p.send(person, &p.tickets, 100 * CTC, buy(settled, 0, 1))?;
        p.send(person, &p.tickets, 100 * CTC, buy(cancelled, 0, 1))?;
    }

    // Schedules: the theater's hall holds n confirmed bookings of the touring company, a free
    // evening after each.
    let venue_id = id(
        &p.exec(
            &p.theater,
            &p.schedules,
            json!({ "register_venue": {
                "name": "Scaling Hall", "city": "Shanghai", "address_digest": "ab".repeat(32),
            }}),
        )?,
        "venue_id",
    )?;
    let hall_id = id(
        &p.exec(
            &p.theater,
            &p.schedules,
            json!({ "add_hall": { "venue_id": venue_id, "name": "Main", "capacity": 500 } }),
        )?,
        "hall_id",
    )?;
    let evening = |i: u64| t0 + EVENINGS_FROM + i * EVENING;
    let publish = |i: u64| -> anyhow::Result<u64> {
        let tx = p.exec(
            &p.theater,
            &p.schedules,
            json!({ "publish_slot": {
                "hall_id": hall_id, "starts_at": ts(evening(i)), "ends_at": ts(evening(i + 1)),
                "terms": { "cancel_notice_seconds": 2 * DAY },
            }}),
        )?;
        id(&tx, "slot_id")
    };
    let request = |slot_id: u64| json!({ "request_booking": { "slot_id": slot_id } });
    let accept = |booking_id: u64| json!({ "accept_booking": { "booking_id": booking_id } });
    let mut bookings = Vec::new();
    for i in 0..n {
        let slot_id = publish(2 * i)?;
        let booking_id = id(
            &p.exec(&p.company, &p.schedules, request(slot_id))?,
            "booking_id",
        )?;
        p.exec(&p.theater, &p.schedules, accept(booking_id))?;
        bookings.push(booking_id);
    }

    // Crowdfund: one campaign reaches its goal, one fails.
    let campaign = |goal: u128, reward: bool| {
        let tiers = if reward {
            json!([{ "min_pledge": (10 * CTC).to_string(), "event_id": rewards, "tier": 1, "tickets": 1 }])
        } else {
            json!([])
        };
        json!({ "launch": { "campaign": {
            "title": "Scaling", "description_uri": null, "goal": (goal * CTC).to_string(),
            "hard_cap": null, "starts_at": ts(t0), "deadline": ts(t0 + 7 * DAY),
            "min_pledge": (10 * CTC).to_string(), "reward_tiers": tiers,
        }}})
    };
    let succeeding = id(
        &p.exec(&p.troupe, &p.crowdfund, campaign(10, true))?,
        "campaign_id",
    )?;
    p.exec(
        &p.theater,
        &p.crowdfund,
        json!({ "approve_rewards": { "campaign_id": succeeding, "event_id": rewards } }),
    )?;
    let failing = id(
        &p.exec(&p.troupe, &p.crowdfund, campaign(1_000_000_000, false))?,
        "campaign_id",
    )?;
    for person in &people {
        for campaign_id in [succeeding, failing] {
            p.send(
                person,
                &p.crowdfund,
                10 * CTC,
                json!({ "contribute": { "campaign_id": campaign_id } }),
            )?;
        }
    }

    // Wager: everyone bets, alternating outcomes; the last participant backs the winner.
    let question = json!({
        "resolve_after": ts(t0 + DAY), "deadline": ts(t0 + 20 * DAY),
        "reporters": null, "quorum": 2, "dispute_window_seconds": DAY,
    });
    let pool_id = id(
        &p.exec(
            &p.owner,
            &p.wager,
            json!({ "create_pool": { "pool": {
                "title": "Scaling", "outcomes": ["a", "b"], "question": { "new": question },
                "closes_at": ts(t0 + DAY), "fee": null, "min_bet": null, "max_bet": null,
                "cap_per_address": null,
            }}}),
        )?,
        "pool_id",
    )?;
    let winner = ((n - 1) % 2) as u8;
    for (i, person) in people.iter().enumerate() {
        p.send(
            person,
            &p.wager,
            CTC,
            json!({ "bet": { "pool_id": pool_id, "outcome": (i % 2) as u8 } }),
        )?;
    }

    // Vouchers: the café's two classes of n one-unit vouchers at 1 CTC, one paid to it at expiry
    // and one refunded, bought 20 a purchase by ten attested holders in turn. Each holder is
    // funded what it spends and 1,000 CTC more, so its balance is the same at every size.
    let holders: Vec<String> = (1..=VOUCHER_HOLDERS).map(key_account).collect();
    let purchases = n.div_ceil(VOUCHERS_A_PURCHASE);
    let quantity = |purchase: u64| VOUCHERS_A_PURCHASE.min(n - purchase * VOUCHERS_A_PURCHASE);
    let holder_of = |purchase: u64| (purchase % u64::from(VOUCHER_HOLDERS)) as usize;
    let mut spends = vec![1_000 * CTC; holders.len()];
    for purchase in 0..purchases {
        // One purchase of each class.
        spends[holder_of(purchase)] += 2 * CTC * u128::from(quantity(purchase));
    }
    for (holder, spend) in holders.iter().zip(spends) {
        p.attest(holder)?;
        p.fund(holder, spend)?;
    }
    let class = |on_expiry: &str| -> anyhow::Result<u64> {
        let mut class = voucher_class(t0, json!("goods"), CTC);
        class["cap"] = json!(n);
        class["valid_until"] = json!(ts(t0 + VOUCHERS_VALID));
        class["on_expiry"] = json!(on_expiry);
        id(
            &p.exec(
                &p.cafe,
                &p.vouchers,
                json!({ "create_class": { "class": class } }),
            )?,
            "class_id",
        )
    };
    let (paid_class, refunded_class) = (class("pay_merchant")?, class("refund_holder")?);
    for class_id in [paid_class, refunded_class] {
        for purchase in 0..purchases {
            let quantity = quantity(purchase);
            p.send(
                &holders[holder_of(purchase)],
                &p.vouchers,
                CTC * u128::from(quantity),
                buy_vouchers(class_id, quantity as u32),
            )?;
        }
    }

    let mut gas = Vec::new();
    let mut measured = |tx: TxOutcome| gas.push(tx.gas());

    p.advance(7 * DAY);
    p.exec(
        last,
        &p.crowdfund,
        json!({ "finalize": { "campaign_id": succeeding } }),
    )?;
    p.exec(
        last,
        &p.crowdfund,
        json!({ "finalize": { "campaign_id": failing } }),
    )?;
    measured(p.exec(
        last,
        &p.crowdfund,
        json!({ "claim_rewards": { "campaign_id": succeeding } }),
    )?);
    measured(p.exec(
        last,
        &p.crowdfund,
        json!({ "refund": { "campaign_id": failing } }),
    )?);

    p.exec(
        &p.theater,
        &p.tickets,
        json!({ "cancel_event": { "event_id": cancelled } }),
    )?;
    let last_ticket = format!("{cancelled}-{}", n - 1);
    measured(p.exec(
        last,
        &p.tickets,
        json!({ "claim_refund": { "token_id": last_ticket } }),
    )?);

    let (pool, _) = chain.query(&p.wager, &json!({ "pool": { "pool_id": pool_id } }))?;
    let question_id = pool["question_id"].as_u64().unwrap_or_default();
    for reporter in &p.reporters[..2] {
        p.exec(
            reporter,
            &p.oracle,
            json!({ "report": { "question_id": question_id, "verdict": { "outcome": winner } } }),
        )?;
    }
    p.advance(DAY);
    p.exec(
        last,
        &p.oracle,
        json!({ "finalize": { "question_id": question_id } }),
    )?;

    p.advance(30 * DAY);
    measured(p.exec(
        last,
        &p.tickets,
        json!({ "settle": { "event_id": settled } }),
    )?);
    measured(p.exec(last, &p.wager, json!({ "resolve": { "pool_id": pool_id } }))?);
    measured(p.exec(last, &p.wager, json!({ "claim": { "pool_id": pool_id } }))?);

    // The free evening after the middle booking, between two confirmed ones.
    let middle = n / 2;
    let slot_id = publish(2 * middle + 1)?;
    let tx = p.exec(&p.company, &p.schedules, request(slot_id))?;
    let booking_id = id(&tx, "booking_id")?;
    measured(tx);
    measured(p.exec(&p.theater, &p.schedules, accept(booking_id))?);
    // A show for the whole evening (its sale ends as it starts).
    let starts_in = evening(2 * middle + 1) - p.now();
    let mut event = booked_show(p.now(), starts_in, 10, None, booking_id);
    event["ends_at"] = json!(ts(evening(2 * middle + 2)));
    measured(p.exec(
        &p.company,
        &p.tickets,
        json!({ "create_event": { "event": event } }),
    )?);
    measured(p.exec(
        &p.company,
        &p.schedules,
        json!({ "cancel_booking": { "booking_id": bookings[middle as usize] } }),
    )?);

    // The last voucher of each class is its last purchase's; holder i holds test key i + 1.
    let last_voucher = |class_id: u64| format!("{class_id}-{}", n - 1);
    let seed = holder_of(purchases - 1) as u8 + 1;
    let token_id = last_voucher(paid_class);
    let proof = redeem_code(&p, seed, &token_id, 1, 1)?;
    measured(p.exec(
        &p.counter,
        &p.vouchers,
        json!({ "redeem": { "token_id": token_id, "units": 1, "proof": proof } }),
    )?);
    p.advance(t0 + VOUCHERS_VALID - p.now());
    let clear = |token_id: String| json!({ "clear": { "token_id": token_id } });
    measured(p.exec(
        last,
        &p.vouchers,
        clear(format!("{paid_class}-{}", n.saturating_sub(2))),
    )?);
    measured(p.exec(last, &p.vouchers, clear(last_voucher(refunded_class)))?);
    eprintln!(
        "  {n:>6} participants: {} contract calls in {:.1} s",
        chain.instances_created(),
        started.elapsed().as_secs_f64()
    );
    Ok(gas)
}

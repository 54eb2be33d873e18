//! Draws with the real randomness contract and its consumers: the reporters join as bonded
//! providers (a fan cannot); a fan's drawn scenario pool from bets to the crank's last payment,
//! with a withheld reveal forfeited; a drawn pool whose draw gets no reveal refunds; no reveal
//! before betting closes; a crowdfund's lucky backers; a tier's random seats; the key bound
//! into the seed (and a stake locked by each pending commitment); and a lone commitment
//! retracted so that its provider can leave. Every result is recomputed here from the secrets
//! with `ctc_interfaces::randomness`.

use cosmwasm_std::{Addr, HexBinary, Timestamp, Uint128};
use crowdfund::msg::{
    CampaignInput, CampaignStatus, ExecuteMsg as CrowdfundMsg, LuckyBackersResponse,
    LuckyDrawInput, PledgeResponse, QueryMsg as CrowdfundQuery,
};
use ctc_interfaces::crowdfund::CrowdfundReceiveMsg;
use ctc_interfaces::randomness::{
    commitment, distinct_picks, mix_in, pick, seat_of, seed, DrawResponse, DrawStatus,
    RandomnessReceiveMsg,
};
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg};
use cw_multi_test::AppResponse;
use partner_registry::msg::ExecuteMsg as RegistryMsg;
use randomness::msg::{
    ExecuteMsg as RandomnessMsg, ProviderResponse, ProvidersResponse, QueryMsg as RandomnessQuery,
    Standing,
};
use sha2::{Digest, Sha256};
use wager_pool::msg::{
    ExecuteMsg as WagerMsg, PoolResponse, PoolStatus, QueryMsg as WagerQuery, RefundReason,
};

use crate::platform::{attribute, digest, id, root, Platform, CTC};
use crate::ticket_flows::stalls_and_vip;

const HOUR: u64 = 3_600;
const DAY: u64 = 24 * HOUR;
/// deploy/platform.json's randomness windows.
const COMMIT_SECONDS: u64 = 600;
const REVEAL_SECONDS: u64 = 3_600;
/// A drawn pool refunds this long after betting closes without a seed.
const DRAW_WAIT: u64 = 7 * DAY;

/// A provider's secret: the SHA-256 of `label`.
fn secret(label: &str) -> [u8; 32] {
    Sha256::digest(label.as_bytes()).into()
}

/// The XOR of `secrets`, as the randomness contract mixes revealed secrets.
fn mix_of(secrets: &[[u8; 32]]) -> [u8; 32] {
    let mut mix = [0u8; 32];
    for secret in secrets {
        mix_in(&mut mix, secret);
    }
    mix
}

fn ready_seed(draw: &DrawResponse) -> [u8; 32] {
    assert!(matches!(draw.status, DrawStatus::Ready), "{draw:?}");
    draw.ready_seed().expect("a ready draw has a seed")
}

/// A pool whose winner is drawn, betting for a day.
fn drawn_pool(now: Timestamp, outcomes: &[&str], min_identity: Option<IdentityLevel>) -> PoolInput {
    PoolInput {
        title: "Which colour wins the lantern parade".into(),
        outcomes: outcomes.iter().map(|o| (*o).to_owned()).collect(),
        question: QuestionSource::Drawn {},
        closes_at: now.plus_seconds(DAY),
        fee: None,
        min_bet: None,
        max_bet: None,
        cap_per_address: None,
        min_identity,
    }
}

fn scenario_bond(p: &Platform) -> u128 {
    let config: wager_pool::msg::ConfigResponse = p.query(&p.wager, &WagerQuery::Config {});
    config.scenario_bond.u128()
}

/// `fan` opens `input` as its scenario pool, posting `bond`.
fn open_scenario(p: &Platform, fan: &Addr, bond: u128, input: PoolInput) -> anyhow::Result<u64> {
    let open = WagerReceiveMsg::OpenScenarioPool {
        pool: Box::new(input),
    };
    let response = p.send_ctc(fan, &p.wager, bond, &open)?;
    Ok(id(&response, "pool_id"))
}

/// The operator opens `input` without a bond.
fn operator_pool(p: &Platform, input: PoolInput) -> u64 {
    let create = WagerMsg::CreatePool { pool: input };
    id(&p.execute(&p.owner, &p.wager, &create).unwrap(), "pool_id")
}

fn bet(
    p: &Platform,
    bettor: &Addr,
    pool_id: u64,
    outcome: u32,
    amount: u128,
) -> anyhow::Result<AppResponse> {
    let hook = WagerReceiveMsg::Bet { pool_id, outcome };
    p.send_ctc(bettor, &p.wager, amount, &hook)
}

fn pool(p: &Platform, pool_id: u64) -> PoolResponse {
    p.query(&p.wager, &WagerQuery::Pool { pool_id })
}

/// A wallet named `name` with 1,000 CTC, attested at `level` when given.
fn wallet(p: &Platform, name: &str, level: Option<IdentityLevel>) -> Addr {
    let address = p.addr(name);
    p.fund(&address, 1_000 * CTC);
    if let Some(level) = level {
        p.attest(&address, level);
    }
    address
}

fn provider(p: &Platform, address: &Addr) -> ProviderResponse {
    let query = RandomnessQuery::Provider {
        address: address.to_string(),
    };
    p.query(&p.randomness, &query)
}

fn forfeit(
    p: &Platform,
    requester: &Addr,
    key: u64,
    provider: &Addr,
) -> anyhow::Result<AppResponse> {
    let forfeit = RandomnessMsg::Forfeit {
        requester: requester.to_string(),
        key,
        provider: provider.to_string(),
    };
    p.execute(&p.fans[3], &p.randomness, &forfeit)
}

#[test]
fn admitted_partners_join_with_the_bond_and_a_fan_is_refused() {
    let p = Platform::new();
    let bond = p.provider_bond();
    assert_eq!(bond, 100 * CTC, "deploy/platform.json's provider bond");
    let join = RandomnessReceiveMsg::Join {};
    for reporter in &p.reporters {
        p.fund(reporter, 1_000 * CTC);
    }
    let reporter0 = p.reporters[0].clone();
    assert_eq!(
        root(
            p.send_ctc(&reporter0, &p.randomness, bond - 1, &join)
                .unwrap_err()
        ),
        format!(
            "joining takes at least {bond} (the provider bond), {} was sent",
            bond - 1
        )
    );

    // A suspended partner is admitted but not active.
    let suspend = RegistryMsg::Suspend {
        address: p.reporters[2].to_string(),
        reason: "late reports".into(),
        digest: digest(0x21),
    };
    p.execute(&p.owner, &p.registry, &suspend).unwrap();
    assert_eq!(
        root(
            p.send_ctc(&p.reporters[2], &p.randomness, bond, &join)
                .unwrap_err()
        ),
        format!(
            "{} is an admitted partner but not active now",
            p.reporters[2]
        )
    );
    let reinstate = RegistryMsg::Reinstate {
        address: p.reporters[2].to_string(),
        reason: "cleared".into(),
        digest: digest(0x22),
    };
    p.execute(&p.owner, &p.registry, &reinstate).unwrap();

    for reporter in &p.reporters {
        let before = p.balance(reporter);
        p.send_ctc(reporter, &p.randomness, bond, &join).unwrap();
        assert_eq!(p.balance(reporter), before - bond);
    }
    assert_eq!(p.balance(&p.randomness), 3 * bond);
    // A second `join {}` from an active provider adds to its deposit: it is no new provider.
    let before = p.balance(&reporter0);
    p.send_ctc(&reporter0, &p.randomness, bond, &join).unwrap();
    assert_eq!(p.balance(&reporter0), before - bond);
    assert_eq!(p.balance(&p.randomness), 4 * bond);
    assert_eq!(provider(&p, &reporter0).bond, Uint128::new(2 * bond));

    // A fan, attested or not, is no partner: its CTC stays its own.
    let fan = p.fans[0].clone();
    p.attest(&fan, IdentityLevel::RealName);
    let fan_before = p.balance(&fan);
    assert_eq!(
        root(p.send_ctc(&fan, &p.randomness, bond, &join).unwrap_err()),
        format!("{fan} is not a partner admitted by the registry")
    );
    assert_eq!(p.balance(&fan), fan_before);
    assert_eq!(
        root(
            p.execute(
                &fan,
                &p.randomness,
                &RandomnessMsg::Commit {
                    requester: p.wager.to_string(),
                    key: 1,
                    commitment: HexBinary::from([0u8; 32]),
                },
            )
            .unwrap_err()
        ),
        format!("{fan} is not a provider")
    );

    let providers: ProvidersResponse = p.query(
        &p.randomness,
        &RandomnessQuery::Providers {
            start_after: None,
            limit: None,
        },
    );
    let mut expected: Vec<&Addr> = p.reporters.iter().collect();
    expected.sort();
    let listed: Vec<&Addr> = providers.providers.iter().map(|r| &r.address).collect();
    assert_eq!(listed, expected);
    for record in &providers.providers {
        let deposit = if record.address == reporter0 { 2 } else { 1 } * bond;
        assert_eq!(record.bond, Uint128::new(deposit));
        assert_eq!(record.pending, 0);
        assert_eq!(record.standing, Standing::Active);
    }

    // Only the registry's word removes an active partner; one with nothing pending leaves with
    // its whole deposit, and may join again.
    let remove = RandomnessMsg::Remove {
        provider: reporter0.to_string(),
    };
    assert_eq!(
        p.refused(&fan, &p.randomness, &remove),
        format!(
            "{reporter0} is still an active admitted partner: only the registry's word removes a \
             provider"
        )
    );
    let before = p.balance(&reporter0);
    p.execute(&reporter0, &p.randomness, &RandomnessMsg::Leave {})
        .unwrap();
    assert_eq!(p.balance(&reporter0), before + 2 * bond);
    assert_eq!(p.balance(&p.randomness), 2 * bond);
    p.send_ctc(&reporter0, &p.randomness, bond, &join).unwrap();
    assert_eq!(p.balance(&p.randomness), 3 * bond);
}

/// A fan's scenario pool whose winner the providers draw: three commit while bets come in, two
/// reveal after the close and one withholds; the pool waits for the reveal window, resolves to
/// the recomputed pick, and the crank pays every winner to the unit in pages of one. The
/// withholder's bond goes to the treasury.
#[test]
fn a_fans_drawn_scenario_pool_pays_the_drawn_outcome_and_the_withholder_forfeits() {
    let p = Platform::new();
    p.join_providers();
    let bond = p.provider_bond();
    let now = p.now();
    let fan = p.fans[0].clone();
    let stake_bond = scenario_bond(&p);
    assert_eq!(stake_bond, 20 * CTC);
    let outcomes = ["red", "green", "blue"];
    let input = drawn_pool(now, &outcomes, Some(IdentityLevel::Phone));

    // The fan needs an identity first.
    let err = open_scenario(&p, &fan, stake_bond, input.clone()).unwrap_err();
    assert_eq!(root(err), "identity level phone required");
    p.attest(&fan, IdentityLevel::RealName);
    let err = open_scenario(&p, &fan, stake_bond - 1, input.clone()).unwrap_err();
    assert_eq!(
        root(err),
        format!("a pool's creation bond is exactly {stake_bond}")
    );
    let fan_start = p.balance(&fan);
    let pool_id = open_scenario(&p, &fan, stake_bond, input.clone()).unwrap();
    assert_eq!(p.balance(&fan), fan_start - stake_bond);
    let opened = pool(&p, pool_id);
    assert!(opened.drawn && opened.fan);
    assert_eq!(opened.question_id, 0);
    assert_eq!(opened.bond, Uint128::new(stake_bond));
    let closes_at = input.closes_at;
    assert_eq!(opened.answer_due, closes_at.plus_seconds(DRAW_WAIT));
    // The pool asked for its draw: keyed by its id, commitments closing with betting.
    let draw = p.draw(&p.wager, pool_id);
    assert!(matches!(draw.status, DrawStatus::Committing));
    assert_eq!(draw.commits_close_at, closes_at);
    assert_eq!((draw.commits, draw.reveals, draw.round), (0, 0, 1));

    // Attested bettors back every outcome; an unattested one is refused.
    let bettors = [
        p.fans[1].clone(),
        p.fans[2].clone(),
        p.fans[3].clone(),
        wallet(&p, "bettor-a", Some(IdentityLevel::Phone)),
        wallet(&p, "bettor-b", Some(IdentityLevel::RealName)),
        wallet(&p, "bettor-c", Some(IdentityLevel::Phone)),
    ];
    for fan in &p.fans[1..] {
        p.attest(fan, IdentityLevel::Phone);
    }
    let stranger = wallet(&p, "stranger", None);
    assert_eq!(
        root(bet(&p, &stranger, pool_id, 0, CTC).unwrap_err()),
        "identity level phone required"
    );
    let bets: [(usize, u32, u128); 7] = [
        (0, 0, 10 * CTC),
        (0, 1, 5 * CTC),
        (1, 1, 20 * CTC),
        (2, 2, 7 * CTC),
        (3, 0, 13_500_000),
        (4, 1, 3_300_000),
        (5, 2, 40_000_001),
    ];
    let bettor_start: Vec<u128> = bettors.iter().map(|b| p.balance(b)).collect();
    // The providers commit while bets come in.
    let secrets: Vec<[u8; 32]> = (0..3)
        .map(|i| secret(&format!("lantern parade provider {i}")))
        .collect();
    for (i, (bettor, outcome, amount)) in bets.iter().enumerate() {
        bet(&p, &bettors[*bettor], pool_id, *outcome, *amount).unwrap();
        if let Some(secret) = secrets.get(i) {
            p.commit_secret(&p.reporters[i], &p.wager, pool_id, secret)
                .unwrap();
        }
    }
    let total: u128 = bets.iter().map(|b| b.2).sum();
    assert_eq!(pool(&p, pool_id).total, Uint128::new(total));
    assert_eq!(p.balance(&p.wager), total + stake_bond);
    let draw = p.draw(&p.wager, pool_id);
    assert_eq!(draw.commits, 3);
    let reveals_close_at = closes_at.plus_seconds(REVEAL_SECONDS);
    assert_eq!(draw.reveals_close_at, Some(reveals_close_at));
    for reporter in &p.reporters {
        assert_eq!(provider(&p, reporter).pending, 1);
    }

    // Betting closes; two providers reveal, the third withholds.
    p.advance_to(closes_at);
    assert!(root(bet(&p, &bettors[0], pool_id, 0, CTC).unwrap_err()).starts_with("betting closed"));
    let resolve = WagerMsg::Resolve { pool_id };
    let pending = format!(
        "the draw has no seed yet; the pool refunds if it has none by {}",
        closes_at.plus_seconds(DRAW_WAIT)
    );
    assert_eq!(p.refused(&fan, &p.wager, &resolve), pending);
    for (reporter, secret) in p.reporters.iter().zip(&secrets).take(2) {
        let response = p
            .reveal_secret(reporter, &p.wager, pool_id, secret)
            .unwrap();
        assert_eq!(
            attribute(&response, "secret"),
            HexBinary::from(*secret).to_hex()
        );
    }
    let draw = p.draw(&p.wager, pool_id);
    assert!(matches!(draw.status, DrawStatus::Revealing));
    assert_eq!((draw.commits, draw.reveals), (3, 2));
    assert_eq!(draw.seed, None);
    // Until the window closes the pool waits, and the withholder cannot be forfeited yet.
    p.advance_to(reveals_close_at.minus_seconds(1));
    assert_eq!(p.refused(&fan, &p.wager, &resolve), pending);
    let withholder = p.reporters[2].clone();
    assert_eq!(
        root(forfeit(&p, &p.wager, pool_id, &withholder).unwrap_err()),
        "the commitment's reveal window has not closed: it cannot be forfeited yet"
    );

    // The window closed: the seed is the two reveals', and a late reveal is refused.
    p.advance_to(reveals_close_at);
    assert_eq!(
        root(
            p.reveal_secret(&withholder, &p.wager, pool_id, &secrets[2])
                .unwrap_err()
        ),
        format!("the reveal window closed at {reveals_close_at}")
    );
    let draw = p.draw(&p.wager, pool_id);
    let mix = mix_of(&secrets[..2]);
    assert_eq!(draw.mix, HexBinary::from(mix));
    let drawn_seed = seed(p.wager.as_str(), pool_id, &mix);
    assert_eq!(ready_seed(&draw), drawn_seed);
    let winner = pick(&drawn_seed, 0, outcomes.len() as u32);

    let (treasury, nodes) = (p.treasury.clone(), p.nodes.clone());
    let before = (p.balance(&treasury), p.balance(&nodes), p.balance(&fan));
    let response = p.execute(&p.fans[3], &p.wager, &resolve).unwrap();
    assert_eq!(
        attribute(&response, "seed"),
        HexBinary::from(drawn_seed).to_hex()
    );
    assert_eq!(attribute(&response, "winner"), winner.to_string());
    let settled = pool(&p, pool_id);
    assert!(
        matches!(settled.status, PoolStatus::Resolved { winner: w, .. } if w == winner),
        "{:?}",
        settled.status
    );
    // 5% by default, rounded down.
    let fee = total * 500 / 10_000;
    assert_eq!(settled.fee_taken, Uint128::new(fee));
    assert_eq!(
        p.balance(&treasury) - before.0 + p.balance(&nodes) - before.1,
        fee
    );
    assert_eq!(p.balance(&fan), before.2 + stake_bond, "the bond came back");
    assert_eq!(p.balance(&fan), fan_start);

    // What each winner is owed: its share rounded down, the last one paid (the crank walks in
    // address order) taking the dust.
    let distributable = total - fee;
    let stake_on = |bettor: usize| -> u128 {
        bets.iter()
            .filter(|b| b.0 == bettor && b.1 == winner)
            .map(|b| b.2)
            .sum()
    };
    let winning: u128 = (0..bettors.len()).map(stake_on).sum();
    let mut winners: Vec<usize> = (0..bettors.len()).filter(|&b| stake_on(b) > 0).collect();
    assert!(winners.len() >= 2, "every outcome has two backers");
    winners.sort_by_key(|&b| bettors[b].clone());
    let mut owed = vec![0u128; bettors.len()];
    for &b in &winners {
        owed[b] = stake_on(b) * distributable / winning;
    }
    let last = *winners.last().unwrap();
    owed[last] = distributable
        - winners[..winners.len() - 1]
            .iter()
            .map(|&b| owed[b])
            .sum::<u128>();

    // The crank in pages of one pays every winner; nobody's claim is needed.
    let received_before: Vec<u128> = bettors.iter().map(|b| p.balance(b)).collect();
    let pay_out = WagerMsg::PayOut {
        pool_id,
        limit: Some(1),
    };
    let mut calls = 0;
    loop {
        match p.execute(&p.fans[3], &p.wager, &pay_out) {
            Ok(response) => {
                calls += 1;
                assert_eq!(attribute(&response, "walked"), "1");
                assert!(calls <= bettors.len(), "one position a call");
                let held = pool(&p, pool_id);
                assert_eq!(
                    p.balance(&p.wager),
                    held.total.u128() - held.fee_taken.u128() - held.paid.u128()
                );
            }
            Err(err) => {
                assert_eq!(
                    root(err),
                    "the payout walk is done: no position is left to pay"
                );
                break;
            }
        }
    }
    assert!(calls >= winners.len());
    let mut paid = 0;
    for (b, bettor) in bettors.iter().enumerate() {
        let got = p.balance(bettor) - received_before[b];
        assert_eq!(got, owed[b], "bettor {b}");
        paid += got;
        let expected = if owed[b] > 0 {
            "already claimed"
        } else {
            "nothing to claim"
        };
        assert_eq!(
            p.refused(bettor, &p.wager, &WagerMsg::Claim { pool_id }),
            expected
        );
        // Net: what it won less what it staked.
        let staked: u128 = bets.iter().filter(|x| x.0 == b).map(|x| x.2).sum();
        assert_eq!(p.balance(bettor) + staked, bettor_start[b] + owed[b]);
    }
    assert_eq!(paid + fee, total);
    let settled = pool(&p, pool_id);
    assert!(settled.payout_done);
    assert_eq!(settled.paid + settled.fee_taken, settled.total);
    assert_eq!(p.balance(&p.wager), 0);

    // Anyone forfeits the withholder's bond to the treasury; the revealers keep theirs.
    let treasury_before = p.balance(&treasury);
    let response = forfeit(&p, &p.wager, pool_id, &withholder).unwrap();
    assert_eq!(attribute(&response, "forfeited"), bond.to_string());
    assert_eq!(p.balance(&treasury), treasury_before + bond);
    assert_eq!(
        root(forfeit(&p, &p.wager, pool_id, &withholder).unwrap_err()),
        format!("{withholder}'s commitment to this draw was already forfeited")
    );
    assert_eq!(
        root(forfeit(&p, &p.wager, pool_id, &p.reporters[0]).unwrap_err()),
        format!(
            "{} already revealed its secret for this draw",
            p.reporters[0]
        )
    );
    let record = provider(&p, &withholder);
    assert_eq!(
        (record.bond, record.pending, record.standing),
        (Uint128::zero(), 0, Standing::Forfeited)
    );
    for reporter in &p.reporters[..2] {
        let record = provider(&p, reporter);
        assert_eq!(
            (record.bond, record.pending, record.standing),
            (Uint128::new(bond), 0, Standing::Active)
        );
    }
    assert_eq!(p.balance(&p.randomness), 2 * bond);
    assert_eq!(p.balance(&p.wager), 0);

    // The forfeited provider commits to no later draw.
    let next = operator_pool(&p, drawn_pool(p.now(), &outcomes, None));
    assert_eq!(
        root(
            p.commit_secret(&withholder, &p.wager, next, &secrets[2])
                .unwrap_err()
        ),
        format!("{withholder} may not commit: its standing is forfeited")
    );
}

/// Nobody reveals: the draw stalls, the pool waits until `answer_due` and then refunds every
/// stake and the fan's bond; each silent committer forfeits its bond.
#[test]
fn a_drawn_pool_whose_draw_gets_no_reveal_refunds_and_its_committers_forfeit() {
    let p = Platform::new();
    p.join_providers();
    let bond = p.provider_bond();
    let now = p.now();
    let fan = p.fans[0].clone();
    p.attest(&fan, IdentityLevel::Phone);
    let stake_bond = scenario_bond(&p);
    let fan_start = p.balance(&fan);
    let input = drawn_pool(now, &["heads", "tails"], None);
    let closes_at = input.closes_at;
    let pool_id = open_scenario(&p, &fan, stake_bond, input).unwrap();
    let (alice, bob) = (p.fans[1].clone(), p.fans[2].clone());
    let starts = (p.balance(&alice), p.balance(&bob));
    bet(&p, &alice, pool_id, 0, 30 * CTC).unwrap();
    bet(&p, &bob, pool_id, 1, 12_345_678).unwrap();
    bet(&p, &bob, pool_id, 0, CTC).unwrap();
    let silent = [p.reporters[0].clone(), p.reporters[1].clone()];
    for (i, reporter) in silent.iter().enumerate() {
        p.commit_secret(reporter, &p.wager, pool_id, &secret(&format!("silent {i}")))
            .unwrap();
    }

    // The reveal window passes with no reveal: the draw stalls and has no seed.
    let reveals_close_at = closes_at.plus_seconds(REVEAL_SECONDS);
    p.advance_to(reveals_close_at);
    let draw = p.draw(&p.wager, pool_id);
    assert!(matches!(draw.status, DrawStatus::Stalled), "{draw:?}");
    assert_eq!(draw.seed, None);
    let answer_due = closes_at.plus_seconds(DRAW_WAIT);
    let resolve = WagerMsg::Resolve { pool_id };
    assert_eq!(
        p.refused(&alice, &p.wager, &resolve),
        format!("the draw has no seed yet; the pool refunds if it has none by {answer_due}")
    );

    // One committer is forfeited at once; the other only after the pool refunded.
    let treasury = p.treasury.clone();
    let treasury_before = p.balance(&treasury);
    forfeit(&p, &p.wager, pool_id, &silent[0]).unwrap();
    assert_eq!(p.balance(&treasury), treasury_before + bond);

    p.advance_to(answer_due.minus_seconds(1));
    assert!(p
        .refused(&alice, &p.wager, &resolve)
        .starts_with("the draw has no seed yet"));
    p.advance_to(answer_due);
    let treasury_before = p.balance(&treasury);
    let response = p.execute(&alice, &p.wager, &resolve).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refund");
    let refunded = pool(&p, pool_id);
    assert!(
        matches!(
            refunded.status,
            PoolStatus::Refunding {
                reason: RefundReason::Unresolvable,
                ..
            }
        ),
        "{:?}",
        refunded.status
    );
    assert_eq!(refunded.fee_taken, Uint128::zero());
    assert_eq!(p.balance(&treasury), treasury_before, "no fee, no bond");
    assert_eq!(p.balance(&fan), fan_start, "the fan's bond came back");

    // One claims, the crank refunds the other.
    p.execute(&alice, &p.wager, &WagerMsg::Claim { pool_id })
        .unwrap();
    let response = p
        .execute(
            &fan,
            &p.wager,
            &WagerMsg::PayOut {
                pool_id,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(attribute(&response, "paid"), "1");
    assert_eq!((p.balance(&alice), p.balance(&bob)), starts);
    assert_eq!(p.balance(&p.wager), 0);
    assert_eq!(
        p.refused(&bob, &p.wager, &WagerMsg::Claim { pool_id }),
        "already claimed"
    );

    forfeit(&p, &p.wager, pool_id, &silent[1]).unwrap();
    assert_eq!(p.balance(&treasury), treasury_before + bond);
    for reporter in &silent {
        let record = provider(&p, reporter);
        assert_eq!(
            (record.bond, record.pending, record.standing),
            (Uint128::zero(), 0, Standing::Forfeited)
        );
    }
    // Only the provider that never committed still has its bond held.
    assert_eq!(p.balance(&p.randomness), bond);
    // A forfeited provider leaves with nothing.
    let before = p.balance(&silent[0]);
    p.execute(&silent[0], &p.randomness, &RandomnessMsg::Leave {})
        .unwrap();
    assert_eq!(p.balance(&silent[0]), before);
    assert_eq!(p.balance(&p.randomness), bond);
}

/// Every provider commits at once, while bets still come in: no secret can come out, so no
/// provider learns the seed while stakes can move. A copied commitment cannot be opened.
#[test]
fn no_reveal_before_betting_closes_even_with_every_commitment_in() {
    let p = Platform::new();
    p.join_providers();
    let now = p.now();
    let input = drawn_pool(now, &["left", "right"], None);
    let closes_at = input.closes_at;
    let pool_id = operator_pool(&p, input);
    let secrets: Vec<[u8; 32]> = (0..3).map(|i| secret(&format!("early {i}"))).collect();
    for (reporter, secret) in p.reporters.iter().zip(&secrets).take(2) {
        p.commit_secret(reporter, &p.wager, pool_id, secret)
            .unwrap();
    }
    // The third copies the first's commitment.
    let copied = commitment(
        p.wager.as_str(),
        pool_id,
        p.reporters[0].as_str(),
        &secrets[0],
    );
    let copy = RandomnessMsg::Commit {
        requester: p.wager.to_string(),
        key: pool_id,
        commitment: HexBinary::from(copied),
    };
    p.execute(&p.reporters[2], &p.randomness, &copy).unwrap();
    let draw = p.draw(&p.wager, pool_id);
    assert_eq!(draw.commits, 3);
    assert_eq!(
        draw.reveals_close_at,
        Some(closes_at.plus_seconds(REVEAL_SECONDS))
    );

    let not_open = format!(
        "reveals have not opened: commitments close at {closes_at} and need the draw's minimum count"
    );
    for at in [now.plus_seconds(COMMIT_SECONDS), closes_at.minus_seconds(1)] {
        p.advance_to(at);
        for (reporter, secret) in p.reporters.iter().zip(&secrets).take(2) {
            assert_eq!(
                root(
                    p.reveal_secret(reporter, &p.wager, pool_id, secret)
                        .unwrap_err()
                ),
                not_open
            );
        }
        // Bets are still taken.
        bet(&p, &p.fans[0], pool_id, 0, CTC).unwrap();
        bet(&p, &p.fans[1], pool_id, 1, CTC).unwrap();
        assert_eq!(p.draw(&p.wager, pool_id).mix, HexBinary::from([0u8; 32]));
    }

    p.advance_to(closes_at);
    assert!(root(bet(&p, &p.fans[0], pool_id, 0, CTC).unwrap_err()).starts_with("betting closed"));
    for (reporter, secret) in p.reporters.iter().zip(&secrets).take(2) {
        p.reveal_secret(reporter, &p.wager, pool_id, secret)
            .unwrap();
    }
    // The copier cannot open the copy: the commitment binds its provider.
    assert_eq!(
        root(
            p.reveal_secret(&p.reporters[2], &p.wager, pool_id, &secrets[0])
                .unwrap_err()
        ),
        "the secret does not match the sender's commitment to this draw"
    );
    let draw = p.draw(&p.wager, pool_id);
    assert_eq!((draw.reveals, draw.seed.clone()), (2, None));
    p.advance_to(closes_at.plus_seconds(REVEAL_SECONDS));
    let drawn_seed = seed(p.wager.as_str(), pool_id, &mix_of(&secrets[..2]));
    assert_eq!(ready_seed(&p.draw(&p.wager, pool_id)), drawn_seed);
    let response = p
        .execute(&p.fans[2], &p.wager, &WagerMsg::Resolve { pool_id })
        .unwrap();
    assert_eq!(
        attribute(&response, "winner"),
        pick(&drawn_seed, 0, 2).to_string()
    );
}

/// A campaign with a lucky draw: backers are numbered as they first pledge, a withdrawn backer's
/// number goes to the last number's holder and a returning backer is numbered afresh, once; the
/// providers commit before the deadline and reveal after; the winners are the recomputed distinct
/// picks; the draw happens once.
#[test]
fn a_campaigns_lucky_draw_picks_the_recomputed_distinct_backers() {
    let p = Platform::new();
    p.join_providers();
    let bond = p.provider_bond();
    let now = p.now();
    let deadline = now.plus_seconds(7 * DAY);
    let input = CampaignInput {
        title: "A lantern festival".into(),
        description_uri: None,
        goal: Uint128::new(1_000 * CTC),
        hard_cap: None,
        starts_at: now,
        deadline,
        min_pledge: Uint128::new(10 * CTC),
        reward_tiers: vec![],
        lucky_draw: Some(LuckyDrawInput {
            winners: 3,
            prize: "a backstage tour".into(),
        }),
    };
    let response = p
        .execute(
            &p.troupe,
            &p.crowdfund,
            &CrowdfundMsg::Launch { campaign: input },
        )
        .unwrap();
    let campaign_id = id(&response, "campaign_id");
    let draw = p.draw(&p.crowdfund, campaign_id);
    assert_eq!(
        draw.commits_close_at, deadline,
        "commitments close with pledges"
    );

    let pledge = |backer: &Addr, amount: u128| {
        let hook = CrowdfundReceiveMsg::Contribute { campaign_id };
        p.send_ctc(backer, &p.crowdfund, amount, &hook).unwrap();
    };
    let number = |backer: &Addr| {
        let query = CrowdfundQuery::Pledge {
            campaign_id,
            backer: backer.to_string(),
        };
        let pledge: PledgeResponse = p.query(&p.crowdfund, &query);
        pledge.lucky_number
    };
    let fans = &p.fans;
    let extra = wallet(&p, "backer-e", None);
    pledge(&fans[0], 100 * CTC);
    pledge(&fans[1], 100 * CTC);
    pledge(&fans[2], 100 * CTC);
    assert_eq!(number(&fans[1]), Some(1));
    // Before the goal a backer may take its pledge back: its number goes to the holder of the last
    // number (fan-2), so the numbers stay 0..backers and no pick lands on nobody.
    let before = p.balance(&fans[1]);
    p.execute(
        &fans[1],
        &p.crowdfund,
        &CrowdfundMsg::WithdrawPledge { campaign_id },
    )
    .unwrap();
    assert_eq!(p.balance(&fans[1]), before + 100 * CTC);
    pledge(&fans[3], 300 * CTC);
    pledge(&extra, 300 * CTC);
    assert_eq!((number(&fans[1]), number(&fans[2])), (None, Some(1)));
    // It comes back and is numbered afresh, once; the goal is reached and pledges are final.
    pledge(&fans[1], 250 * CTC);
    pledge(&fans[0], 50 * CTC);
    let by_number: Vec<Addr> = vec![
        fans[0].clone(),
        fans[2].clone(),
        fans[3].clone(),
        extra.clone(),
        fans[1].clone(),
    ];
    for (n, backer) in by_number.iter().enumerate() {
        assert_eq!(number(backer), Some(n as u32), "{backer}");
    }
    assert_eq!(
        p.refused(
            &fans[2],
            &p.crowdfund,
            &CrowdfundMsg::WithdrawPledge { campaign_id }
        ),
        "the goal is reached: pledges are final"
    );
    let lucky: LuckyBackersResponse =
        p.query(&p.crowdfund, &CrowdfundQuery::LuckyBackers { campaign_id });
    assert_eq!((lucky.winners, lucky.numbered), (3, 5));
    assert_eq!(lucky.prize, "a backstage tour");
    assert!(lucky.seed.is_none() && lucky.drawn.is_empty());

    let secrets: Vec<[u8; 32]> = (0..3).map(|i| secret(&format!("lucky {i}"))).collect();
    for (reporter, secret) in p.reporters.iter().zip(&secrets) {
        p.commit_secret(reporter, &p.crowdfund, campaign_id, secret)
            .unwrap();
    }
    let draw_lucky = CrowdfundMsg::DrawLuckyBackers { campaign_id };
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &draw_lucky),
        "the campaign did not succeed"
    );
    // Reveals wait for the deadline, when pledging ends.
    assert!(root(
        p.reveal_secret(&p.reporters[0], &p.crowdfund, campaign_id, &secrets[0])
            .unwrap_err()
    )
    .starts_with("reveals have not opened"));

    p.advance_to(deadline);
    let finalize = CrowdfundMsg::Finalize { campaign_id };
    p.execute(&fans[0], &p.crowdfund, &finalize).unwrap();
    let campaign: crowdfund::msg::CampaignResponse =
        p.query(&p.crowdfund, &CrowdfundQuery::Campaign { campaign_id });
    assert!(matches!(campaign.status, CampaignStatus::Succeeded { .. }));
    assert_eq!(campaign.lucky_numbers, Some(5));
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &draw_lucky),
        "the randomness contract's draw is not ready yet"
    );
    for (reporter, secret) in p.reporters.iter().zip(&secrets) {
        p.reveal_secret(reporter, &p.crowdfund, campaign_id, secret)
            .unwrap();
    }

    // Every committer revealed: the draw is ready at once.
    let drawn_seed = seed(p.crowdfund.as_str(), campaign_id, &mix_of(&secrets));
    assert_eq!(ready_seed(&p.draw(&p.crowdfund, campaign_id)), drawn_seed);
    let expected: Vec<(u32, Addr)> = distinct_picks(&drawn_seed, 3, 5)
        .into_iter()
        .map(|n| (n, by_number[n as usize].clone()))
        .collect();
    let response = p.execute(&fans[3], &p.crowdfund, &draw_lucky).unwrap();
    let lucky: LuckyBackersResponse =
        p.query(&p.crowdfund, &CrowdfundQuery::LuckyBackers { campaign_id });
    let drawn: Vec<(u32, Addr)> = lucky
        .drawn
        .iter()
        .map(|w| (w.number, w.backer.clone()))
        .collect();
    assert_eq!(drawn, expected);
    assert_eq!(lucky.seed, Some(HexBinary::from(drawn_seed)));
    assert_eq!(
        attribute(&response, "seed"),
        HexBinary::from(drawn_seed).to_hex()
    );
    let numbers: Vec<String> = expected.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(attribute(&response, "numbers"), numbers.join(","));
    let winners: Vec<String> = expected.iter().map(|(_, b)| b.to_string()).collect();
    assert_eq!(attribute(&response, "winners"), winners.join(","));
    let mut distinct: Vec<&Addr> = drawn.iter().map(|(_, b)| b).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3);

    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &draw_lucky),
        "the lucky backers were already drawn"
    );
    // Every commitment settled: the providers may leave with their bonds.
    for reporter in &p.reporters {
        let before = p.balance(reporter);
        p.execute(reporter, &p.randomness, &RandomnessMsg::Leave {})
            .unwrap();
        assert_eq!(p.balance(reporter), before + bond);
    }
    assert_eq!(p.balance(&p.randomness), 0);
}

/// A seated tier with random seats: tickets sell without a seat, the issuer's `DrawSeats` closes
/// the tier's sales and asks for the draw, and once it is ready each ticket shows the seat the
/// recomputed permutation deals its position.
#[test]
fn random_seats_are_dealt_by_the_recomputed_permutation_once_drawn() {
    const SEATS: [&str; 8] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"];
    let p = Platform::new();
    p.join_providers();
    let starts_at = p.now().plus_seconds(10 * DAY);
    let mut input = stalls_and_vip(starts_at, p.now());
    let pit = &mut input.tiers[1];
    pit.name = "Pit".into();
    pit.supply = SEATS.len() as u32;
    pit.seats = SEATS.iter().map(|s| (*s).to_owned()).collect();
    pit.random_seats = true;
    pit.per_wallet_limit = None;
    let event_id = p.create_event(input);
    // The Pit's serials follow the Stalls' hundred.
    let first_serial = 100u32;
    p.buy(0, event_id, 1, 2, 600 * CTC).unwrap();
    p.buy(1, event_id, 1, 1, 300 * CTC).unwrap();
    p.buy(2, event_id, 1, 2, 600 * CTC).unwrap();
    p.buy(3, event_id, 0, 1, 100 * CTC).unwrap();
    let sold = 5u32;
    let seat_of_ticket = |serial: u32| -> Option<String> {
        let info: cw721::msg::NftInfoResponse<ticket_nft::msg::TicketInfo> = p.query(
            &p.tickets,
            &ticket_nft::msg::QueryMsg::NftInfo {
                token_id: format!("{event_id}-{serial}"),
            },
        );
        info.extension.seat
    };
    for serial in first_serial..first_serial + sold {
        assert_eq!(seat_of_ticket(serial), None, "no seat before the draw");
    }

    let draw_seats = |tier: u8| ticket_nft::msg::ExecuteMsg::DrawSeats { event_id, tier };
    assert!(p.execute(&p.fans[0], &p.tickets, &draw_seats(1)).is_err());
    assert_eq!(
        p.refused(&p.theater, &p.tickets, &draw_seats(0)),
        "tier 0 does not have random seats"
    );
    let response = p.execute(&p.theater, &p.tickets, &draw_seats(1)).unwrap();
    let key = (event_id << 8) | 1;
    assert_eq!(attribute(&response, "key"), key.to_string());
    assert_eq!(
        p.refused(&p.theater, &p.tickets, &draw_seats(1)),
        "the seats of tier 1 were already drawn"
    );
    // The Pit's sales are closed for good; the Stalls still sell.
    assert_eq!(
        root(p.buy(3, event_id, 1, 1, 300 * CTC).unwrap_err()),
        "the seats of this tier are drawn: its sales are closed"
    );
    p.buy(3, event_id, 0, 1, 100 * CTC).unwrap();
    let draw = p.draw(&p.tickets, key);
    assert_eq!(
        draw.commits_close_at,
        p.now().plus_seconds(COMMIT_SECONDS),
        "the commit window from the request"
    );

    let secrets: Vec<[u8; 32]> = (0..3).map(|i| secret(&format!("pit seats {i}"))).collect();
    for (reporter, secret) in p.reporters.iter().zip(&secrets) {
        p.commit_secret(reporter, &p.tickets, key, secret).unwrap();
    }
    p.advance(COMMIT_SECONDS);
    for (reporter, secret) in p.reporters.iter().zip(&secrets).take(2) {
        p.reveal_secret(reporter, &p.tickets, key, secret).unwrap();
    }
    assert_eq!(
        seat_of_ticket(first_serial),
        None,
        "not ready while one may reveal"
    );
    p.reveal_secret(&p.reporters[2], &p.tickets, key, &secrets[2])
        .unwrap();

    let drawn_seed = seed(p.tickets.as_str(), key, &mix_of(&secrets));
    assert_eq!(ready_seed(&p.draw(&p.tickets, key)), drawn_seed);
    let seats: Vec<String> = (first_serial..first_serial + sold)
        .map(|serial| seat_of_ticket(serial).expect("a drawn seat"))
        .collect();
    let expected: Vec<String> = (0..sold)
        .map(|position| {
            SEATS[seat_of(&drawn_seed, position, SEATS.len() as u32) as usize].to_owned()
        })
        .collect();
    assert_eq!(seats, expected);
    let mut distinct = seats.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), sold as usize, "{seats:?}");
    // General admission carries no seat.
    assert_eq!(seat_of_ticket(0), None);
}

/// The same secrets mixed for two draws with different keys give different seeds, each the
/// recomputed one; the same draw on a second chain gives the same seed. A commitment made for
/// one key cannot be opened under another. Each pending commitment locks one provider bond: a
/// provider with one stake is refused a second concurrent draw until it tops up.
#[test]
fn the_key_is_bound_into_the_seed_and_the_commitment() {
    let secrets = [secret("bound a"), secret("bound b")];
    let mix = mix_of(&secrets);
    let seeds_on = |p: &Platform| -> (u64, u64, [u8; 32], [u8; 32]) {
        p.join_providers();
        let now = p.now();
        let input = drawn_pool(now, &["x", "y", "z"], None);
        let closes_at = input.closes_at;
        let first = operator_pool(p, input.clone());
        let second = operator_pool(p, input);
        assert_ne!(first, second);
        for (reporter, secret) in p.reporters.iter().zip(&secrets) {
            p.commit_secret(reporter, &p.wager, first, secret).unwrap();
        }
        // One stake, locked by the first draw: the second is refused and nothing moves.
        let bond = p.provider_bond();
        let reporter0 = &p.reporters[0];
        let held = p.balance(&p.randomness);
        assert_eq!(
            root(
                p.commit_secret(reporter0, &p.wager, second, &secrets[0])
                    .unwrap_err()
            ),
            format!(
                "committing takes a deposit of {} (the provider bond for each pending commitment \
                 and this one), the deposit is {bond}",
                2 * bond
            )
        );
        assert_eq!(provider(p, reporter0).pending, 1);
        // A second stake, as a top-up, covers the second draw.
        let join = RandomnessReceiveMsg::Join {};
        for reporter in &p.reporters[..secrets.len()] {
            p.fund(reporter, bond);
            p.send_ctc(reporter, &p.randomness, bond, &join).unwrap();
            assert_eq!(provider(p, reporter).bond, Uint128::new(2 * bond));
        }
        assert_eq!(p.balance(&p.randomness), held + 2 * bond);
        for (reporter, secret) in p.reporters.iter().zip(&secrets) {
            p.commit_secret(reporter, &p.wager, second, secret).unwrap();
            assert_eq!(provider(p, reporter).pending, 2);
        }
        // The third provider commits to the second draw what it would commit to the first.
        let misplaced = commitment(
            p.wager.as_str(),
            first,
            p.reporters[2].as_str(),
            &secrets[0],
        );
        let commit = RandomnessMsg::Commit {
            requester: p.wager.to_string(),
            key: second,
            commitment: HexBinary::from(misplaced),
        };
        p.execute(&p.reporters[2], &p.randomness, &commit).unwrap();
        p.advance_to(closes_at);
        for key in [first, second] {
            for (reporter, secret) in p.reporters.iter().zip(&secrets) {
                p.reveal_secret(reporter, &p.wager, key, secret).unwrap();
            }
        }
        assert_eq!(
            root(
                p.reveal_secret(&p.reporters[2], &p.wager, second, &secrets[0])
                    .unwrap_err()
            ),
            "the secret does not match the sender's commitment to this draw"
        );
        let one = ready_seed(&p.draw(&p.wager, first));
        assert!(matches!(
            p.draw(&p.wager, second).status,
            DrawStatus::Revealing
        ));
        p.advance_to(closes_at.plus_seconds(REVEAL_SECONDS));
        let two = ready_seed(&p.draw(&p.wager, second));
        for key in [first, second] {
            assert_eq!(p.draw(&p.wager, key).mix, HexBinary::from(mix));
        }
        (first, second, one, two)
    };

    let p = Platform::new();
    let (first, second, one, two) = seeds_on(&p);
    assert_ne!(one, two, "the same mix under two keys");
    assert_eq!(one, seed(p.wager.as_str(), first, &mix));
    assert_eq!(two, seed(p.wager.as_str(), second, &mix));
    // The commitments of one provider and secret differ by key.
    let query = |key: u64| -> randomness::msg::CommitmentResponse {
        p.query(
            &p.randomness,
            &RandomnessQuery::Commitment {
                requester: p.wager.to_string(),
                key,
                provider: p.reporters[0].to_string(),
            },
        )
    };
    assert_ne!(query(first).commitment, query(second).commitment);

    // The same requester, key and secrets on another chain: the same seed.
    let again = Platform::new();
    assert_eq!(again.wager, p.wager);
    let (_, _, one_again, two_again) = seeds_on(&again);
    assert_eq!((one_again, two_again), (one, two));
}

/// A lone commitment never opens its draw's reveals: its provider can neither reveal it nor be
/// forfeited for it, and without `retract` its deposit would stay locked for good. It takes the
/// commitment back, no CTC moves, and it leaves with its whole deposit. Once a draw reaches its
/// minimum, even before commitments close, nobody retracts.
#[test]
fn a_lone_committer_retracts_and_leaves_with_its_deposit() {
    let p = Platform::new();
    p.join_providers();
    let bond = p.provider_bond();
    let input = drawn_pool(p.now(), &["x", "y"], None);
    let closes_at = input.closes_at;
    let lone_key = operator_pool(&p, input.clone());
    let full_key = operator_pool(&p, input);
    let (lone, other) = (&p.reporters[0], &p.reporters[1]);
    let retract = |key: u64| RandomnessMsg::Retract {
        requester: p.wager.to_string(),
        key,
    };
    p.commit_secret(lone, &p.wager, lone_key, &secret("lone"))
        .unwrap();
    p.commit_secret(&p.reporters[1], &p.wager, full_key, &secret("full 1"))
        .unwrap();
    p.commit_secret(&p.reporters[2], &p.wager, full_key, &secret("full 2"))
        .unwrap();
    assert!(p.now() < closes_at);
    assert_eq!(
        p.refused(other, &p.randomness, &retract(full_key)),
        "the round has reached its minimum of commitments (2 made): a commitment stands until \
         revealed or forfeited"
    );

    p.advance_to(closes_at.plus_seconds(10 * REVEAL_SECONDS));
    assert!(matches!(
        p.draw(&p.wager, lone_key).status,
        DrawStatus::Committing
    ));
    let commits_close_at = p.draw(&p.wager, lone_key).commits_close_at;
    assert_eq!(
        root(
            p.reveal_secret(lone, &p.wager, lone_key, &secret("lone"))
                .unwrap_err()
        ),
        format!(
            "reveals have not opened: commitments close at {commits_close_at} and need the \
             draw's minimum count"
        )
    );
    assert_eq!(
        root(forfeit(&p, &p.wager, lone_key, lone).unwrap_err()),
        "the commitment's reveal window has not closed: it cannot be forfeited yet"
    );
    assert_eq!(
        p.refused(lone, &p.randomness, &RandomnessMsg::Leave {}),
        "1 commitment(s) still wait for a reveal or a forfeit: the deposit stays until then"
    );

    let held = p.balance(&p.randomness);
    let before = p.balance(lone);
    let treasury_before = p.balance(&p.treasury);
    p.execute(lone, &p.randomness, &retract(lone_key)).unwrap();
    assert_eq!(p.balance(&p.randomness), held);
    assert_eq!(p.balance(lone), before);
    assert_eq!(p.balance(&p.treasury), treasury_before);
    let draw = p.draw(&p.wager, lone_key);
    assert_eq!((draw.commits, draw.reveals), (0, 0));
    assert_eq!(provider(&p, lone).pending, 0);

    p.execute(lone, &p.randomness, &RandomnessMsg::Leave {})
        .unwrap();
    assert_eq!(p.balance(lone), before + bond);
    assert_eq!(p.balance(&p.randomness), held - bond);
}

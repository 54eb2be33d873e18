//! Drawn pools (令吉 §5.1: the random-event algorithm on chain, public): the winner is
//! `randomness::pick(seed, 0, outcomes)` from a draw the pool requests when it opens, and stakes
//! are refunded when no seed comes within the wait.

use super::*;
use crate::execute::pools::DRAW_WAIT_SECONDS;
use crate::msg::{PoolStatus, RefundReason};
use ctc_interfaces::randomness::pick;

fn with_randomness() -> Chain {
    let randomness = cosmwasm_std::testing::MockApi::default().addr_make("randomness");
    Chain::with(|msg| msg.randomness = Some(randomness.to_string()))
}

fn drawn_input(chain: &Chain, outcomes: usize) -> PoolInput {
    PoolInput {
        outcomes: (0..outcomes).map(|i| format!("seat {i}")).collect(),
        question: QuestionSource::Drawn {},
        ..chain.input()
    }
}

/// Opens drawn pool 1 with `outcomes` outcomes, each backed by its own bettor, and closes it.
fn drawn_pool_with_bets(outcomes: usize) -> Chain {
    let mut chain = with_randomness();
    let input = drawn_input(&chain, outcomes);
    chain.create(input).unwrap();
    for outcome in 0..outcomes {
        let bettor = chain.pools.addr(&format!("bettor {outcome}"));
        let amount = (outcome as u128 + 1) * CTC;
        chain.bet_as(&bettor, 1, outcome as u32, amount).unwrap();
    }
    chain.pools.advance(3_600);
    chain
}

#[test]
fn a_drawn_pool_needs_a_randomness_contract() {
    let mut chain = Chain::new();
    let input = drawn_input(&chain, 2);
    assert_eq!(
        chain.create(input.clone()).unwrap_err(),
        ContractError::NoRandomness
    );
    let (fan, owner) = (chain.fan.clone(), chain.operator.clone());
    let randomness = chain.pools.addr("randomness");
    let set = update(&format!(r#"{{"randomness":"{randomness}"}}"#));
    assert_eq!(
        chain.refused(&fan, set.clone()),
        convention(OwnershipError::NotOwner)
    );
    chain.run(&owner, set).unwrap();
    assert_eq!(chain.config().randomness, Some(randomness));
    chain.create(input).unwrap();
}

/// Finding M3: a draw is answered only by the contract it was asked of, so an owner that could
/// replace the randomness contract with one of its own could choose every open draw's result.
/// The owner sets it once; any later setting, to another address or the same, is refused, and
/// the rest of the config still changes.
#[test]
fn the_randomness_contract_is_set_once() {
    let mut chain = Chain::new();
    let owner = chain.operator.clone();
    let (first, rigged) = (chain.pools.addr("randomness"), chain.pools.addr("rigged"));
    let set = |address: &Addr| update(&format!(r#"{{"randomness":"{address}"}}"#));
    chain.run(&owner, set(&first)).unwrap();
    let fixed = ContractError::RandomnessFixed {
        randomness: first.clone(),
    };
    assert_eq!(chain.refused(&owner, set(&rigged)), fixed);
    assert_eq!(chain.refused(&owner, set(&first)), fixed);
    let rigged_too = update(&format!(
        r#"{{"randomness":"{rigged}","max_open_scenarios":7}}"#
    ));
    assert_eq!(chain.refused(&owner, rigged_too), fixed);
    assert_eq!(chain.config().randomness, Some(first.clone()));
    chain
        .run(&owner, update(r#"{"max_open_scenarios":7}"#))
        .unwrap();
    assert_eq!(chain.config().max_open_scenarios, 7);
    assert_eq!(chain.config().randomness, Some(first.clone()));

    // Set at instantiation, it is just as fixed.
    let mut chain = with_randomness();
    assert_eq!(chain.refused(&owner, set(&rigged)), fixed);
}

#[test]
fn a_drawn_pool_requests_its_draw_closing_with_betting() {
    let mut chain = with_randomness();
    let input = drawn_input(&chain, 3);
    let closes_at = input.closes_at;
    let response = chain.create(input).unwrap();
    let randomness = chain.pools.addr("randomness");
    assert_eq!(
        ctc_testkit::executes(&response),
        [(
            randomness.to_string(),
            format!(
                r#"{{"request_draw":{{"key":1,"commits_close_at":"{}"}}}}"#,
                closes_at.nanos()
            )
        )]
    );
    assert!(response.messages[0].reply_on == cosmwasm_std::ReplyOn::Never);
    assert_eq!(attribute(&response, "drawn"), "true");
    let pool = chain.pool(1);
    assert!(pool.drawn);
    assert_eq!(pool.question_id, 0);
    assert_eq!(pool.answer_due, closes_at.plus_seconds(DRAW_WAIT_SECONDS));
    assert_eq!(DRAW_WAIT_SECONDS, 7 * DAY);
}

#[test]
fn resolve_waits_for_the_seed_then_picks_the_winner_from_it() {
    let mut chain = drawn_pool_with_bets(3);
    let answer_due = chain.pool(1).answer_due;
    assert_eq!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending {
            refund_from: answer_due
        }
    );
    let this = chain.pools.env.contract.address.to_string();
    assert_eq!(chain.world.borrow().draw_queries, [(this.clone(), 1)]);

    let seed = [42u8; 32];
    chain.world.borrow_mut().seed = Some(seed);
    let response = chain.resolve(1).unwrap();
    let winner = pick(&seed, 0, 3);
    assert_eq!(attribute(&response, "winner"), winner.to_string());
    assert_eq!(attribute(&response, "seed"), HexBinary::from(seed).to_hex());
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Resolved { winner: w, .. } if w == winner
    ));
    // The winner takes the whole pool less the fee: 6 CTC staked, 5% fee.
    let bettor = chain.pools.addr(&format!("bettor {winner}"));
    let token = chain.token.clone();
    let response = chain.claim(&bettor, 1).unwrap();
    assert_eq!(paid_to(&response, &token, &bettor), 6 * CTC * 95 / 100);
}

/// Across seeds the picked winner follows `pick`, and an unbacked pick refunds as an oracle pool
/// does.
#[test]
fn a_seed_picking_an_outcome_nobody_backed_refunds() {
    let mut chain = with_randomness();
    let input = drawn_input(&chain, 4);
    chain.create(input).unwrap();
    let alice = chain.pools.addr("alice");
    chain.bet_as(&alice, 1, 0, CTC).unwrap();
    chain.pools.advance(3_600);
    let seed = (0u8..=255)
        .map(|byte| [byte; 32])
        .find(|seed| pick(seed, 0, 4) != 0)
        .unwrap();
    chain.world.borrow_mut().seed = Some(seed);
    chain.resolve(1).unwrap();
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::NoWinningStake,
            ..
        }
    ));
}

/// A draw still committing (too few providers) when the due time passes refunds the pool.
#[test]
fn without_a_seed_by_the_due_time_every_stake_is_refunded() {
    let mut chain = drawn_pool_with_bets(2);
    chain.world.borrow_mut().draw_status = Some(DrawStatus::Committing);
    let answer_due = chain.pool(1).answer_due;
    let wait = answer_due.seconds() - chain.pools.env.block.time.seconds();
    chain.pools.advance(wait - 1);
    assert!(matches!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending { .. }
    ));
    chain.pools.advance(1);
    let response = chain.resolve(1).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refund");
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::Unresolvable,
            ..
        }
    ));
    let bettor = chain.pools.addr("bettor 1");
    let token = chain.token.clone();
    let response = chain.claim(&bettor, 1).unwrap();
    assert_eq!(paid_to(&response, &token, &bettor), 2 * CTC);
}

/// A randomness contract that fails the query (it lost the draw, or runs code that fails) holds
/// the pool only until the due time.
#[test]
fn a_failing_randomness_contract_cannot_hold_stakes_past_the_due_time() {
    let mut chain = drawn_pool_with_bets(2);
    let randomness = chain.pools.addr("randomness").to_string();
    chain
        .pools
        .deps
        .querier
        .update_wasm(move |query| match query {
            cosmwasm_std::WasmQuery::Smart { contract_addr, .. }
                if *contract_addr == randomness =>
            {
                cosmwasm_std::SystemResult::Ok(cosmwasm_std::ContractResult::Err(
                    "no such draw".to_owned(),
                ))
            }
            other => panic!("unexpected query {other:?}"),
        });
    let err = chain.resolve(1).unwrap_err();
    assert!(err.to_string().contains("no such draw"), "{err}");
    chain.pools.advance(DRAW_WAIT_SECONDS);
    chain.resolve(1).unwrap();
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::Unresolvable,
            ..
        }
    ));
}

/// A fan's drawn pool has no question, so the reporters rule does not apply.
#[test]
fn a_fan_may_open_a_drawn_pool() {
    let mut chain = with_randomness();
    let fan = chain.fan.clone();
    chain.attest(&fan, IdentityLevel::Phone);
    let input = drawn_input(&chain, 2);
    let response = chain.open_scenario(&fan, FAN_BOND, input).unwrap();
    assert_eq!(
        response.messages.len(),
        1,
        "the draw request and nothing else"
    );
    let pool = chain.pool(1);
    assert!(pool.drawn && pool.fan);
}

/// Finding M2: past the due time, the last provider still to reveal (colluding with a bettor)
/// has seen the others' secrets, so it knows the pick with and without its own. A refund then
/// would let it choose between revealing and a refund without forfeiting anything: while the
/// draw takes reveals, resolve waits, even past `answer_due`, until the reveal window closes.
#[test]
fn a_provider_still_to_reveal_cannot_trade_its_reveal_for_a_refund() {
    let mut chain = drawn_pool_with_bets(3);
    let answer_due = chain.pool(1).answer_due;
    // Reveals that close before the due time: the pool waits for the due time, as before.
    {
        let mut world = chain.world.borrow_mut();
        world.draw_status = Some(DrawStatus::Revealing);
        world.reveals_close_at = Some(answer_due.minus_seconds(DAY));
    }
    assert_eq!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending {
            refund_from: answer_due
        }
    );
    // The reveal window outlasts the due time (the commitments came late); past the due time,
    // with a reveal still missing, the pool does not refund.
    let reveals_close_at = answer_due.plus_seconds(DAY);
    chain.world.borrow_mut().reveals_close_at = Some(reveals_close_at);
    chain.pools.advance(DRAW_WAIT_SECONDS + 1);
    assert!(chain.pools.env.block.time > answer_due);
    assert_eq!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending {
            refund_from: reveals_close_at
        }
    );
    // The operator cannot void it either: betting closed.
    let operator = chain.operator.clone();
    assert!(matches!(
        chain.refused(&operator, ExecuteMsg::RejectAbusive { pool_id: 1 }),
        ContractError::BettingClosed { .. }
    ));
    // Once the draw is ready, the pool resolves to the pick.
    let seed = [7u8; 32];
    chain.world.borrow_mut().seed = Some(seed);
    let response = chain.resolve(1).unwrap();
    let winner = pick(&seed, 0, 3);
    assert_eq!(attribute(&response, "winner"), winner.to_string());
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Resolved { winner: w, .. } if w == winner
    ));

    // A draw whose reveal window closed with no reveal stalls: past the due time it refunds,
    // every provider having forfeited its bond in the randomness contract.
    let mut chain = drawn_pool_with_bets(3);
    chain.world.borrow_mut().draw_status = Some(DrawStatus::Revealing);
    chain.pools.advance(DRAW_WAIT_SECONDS + 1);
    assert!(matches!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending { .. }
    ));
    chain.world.borrow_mut().draw_status = Some(DrawStatus::Stalled);
    let response = chain.resolve(1).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refund");
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::Unresolvable,
            ..
        }
    ));

    // A stalled draw before the due time still waits: another round may yet give a seed.
    let mut chain = drawn_pool_with_bets(2);
    chain.world.borrow_mut().draw_status = Some(DrawStatus::Stalled);
    assert!(matches!(
        chain.resolve(1).unwrap_err(),
        ContractError::DrawPending { .. }
    ));
}

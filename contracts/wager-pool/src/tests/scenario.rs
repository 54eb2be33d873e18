//! Fans' scenario pools (令吉 §4.5 d): a bond, an identity level, a limit on open pools, a
//! question others answer; and where every bonded pool's bond goes.

use super::*;
use crate::msg::{PoolStatus, RefundReason};
use crate::state::OPEN_SCENARIOS;

/// A fan with a phone-level identity and a question any two reporters answer with a day to
/// dispute.
fn ready_fan() -> Chain {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    chain.attest(&fan, IdentityLevel::Phone);
    chain.world.borrow_mut().question = Some(sound_question(&chain.pools.env));
    chain
}

fn open_count(chain: &Chain, who: &Addr) -> Option<u32> {
    OPEN_SCENARIOS
        .may_load(&chain.pools.deps.storage, who)
        .unwrap()
}

#[test]
fn a_fan_with_the_identity_and_the_bond_opens_a_pool_without_a_partners_quota() {
    let mut chain = ready_fan();
    let fan = chain.fan.clone();
    let input = chain.input();
    let response = chain.open_scenario(&fan, FAN_BOND, input).unwrap();
    assert_eq!(attribute(&response, "bond"), FAN_BOND.to_string());
    assert_eq!(attribute(&response, "fan"), "true");
    // No ConsumeQuota (nor any other message): a fan holds no partner quota.
    assert!(response.messages.is_empty());
    assert_eq!(chain.identity_queries(), 1);
    let pool = chain.pool(1);
    assert!(pool.fan && !pool.drawn);
    assert_eq!(
        (pool.creator, pool.bond),
        (fan.clone(), Uint128::new(FAN_BOND))
    );
    assert_eq!(open_count(&chain, &fan), Some(1));
    // The operator's and partners' pools are not fans'.
    chain.create(chain.input()).unwrap();
    assert!(!chain.pool(2).fan);
}

#[test]
fn a_fan_is_refused_without_the_bond_the_identity_or_a_question_others_answer() {
    let mut chain = ready_fan();
    let (fan, owner) = (chain.fan.clone(), chain.operator.clone());
    let input = chain.input();
    for amount in [FAN_BOND - 1, FAN_BOND + 1, BOND] {
        assert_eq!(
            chain
                .open_scenario(&fan, amount, input.clone())
                .unwrap_err(),
            ContractError::WrongBond {
                bond: Uint128::new(FAN_BOND)
            }
        );
    }

    let stranger = chain.pools.addr("stranger");
    let too_low = ContractError::IdentityTooLow {
        required: IdentityLevel::Phone,
    };
    assert_eq!(too_low.to_string(), "identity level phone required");
    assert_eq!(
        chain
            .open_scenario(&stranger, FAN_BOND, input.clone())
            .unwrap_err(),
        too_low
    );
    chain.attest(&stranger, IdentityLevel::Anonymous);
    assert_eq!(
        chain
            .open_scenario(&stranger, FAN_BOND, input.clone())
            .unwrap_err(),
        too_low
    );
    // The owner asks for more: the fan's phone no longer does.
    chain
        .run(&owner, update(r#"{"scenario_min_identity":"real_name"}"#))
        .unwrap();
    assert_eq!(
        chain
            .open_scenario(&fan, FAN_BOND, input.clone())
            .unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
    chain.attest(&fan, IdentityLevel::Certificate);

    let rule = "a fan's question is open to every reporter, with a quorum of at least 2 and a \
                dispute window of at least a day";
    let sound = sound_question(&chain.pools.env);
    for question in [
        QuestionSummary {
            quorum: 1,
            ..sound.clone()
        },
        QuestionSummary {
            dispute_window_seconds: DAY - 1,
            ..sound.clone()
        },
        QuestionSummary {
            reporters: Some(vec![fan.clone()]),
            ..sound.clone()
        },
    ] {
        chain.world.borrow_mut().question = Some(question);
        let err = chain.open_scenario(&fan, FAN_BOND, input.clone());
        assert_eq!(reason(err.unwrap_err()), rule);
    }
    // A question the pool would create is held to the same rule.
    let mut own_reporter = chain.input();
    own_reporter.question = QuestionSource::New {
        resolve_after: chain.pools.env.block.time.plus_seconds(DAY),
        deadline: chain.pools.env.block.time.plus_seconds(10 * DAY),
        reporters: Some(vec![fan.to_string()]),
        quorum: 2,
        dispute_window_seconds: DAY,
    };
    let err = chain.open_scenario(&fan, FAN_BOND, own_reporter);
    assert_eq!(reason(err.unwrap_err()), rule);
    // Still a pool like any other: the platform's limits hold.
    let mut wide = input.clone();
    wide.max_bet = Some(Uint128::new(201 * CTC));
    chain.world.borrow_mut().question = Some(sound);
    assert!(matches!(
        chain.open_scenario(&fan, FAN_BOND, wide).unwrap_err(),
        ContractError::OutsidePlatformLimits { .. }
    ));
    chain.open_scenario(&fan, FAN_BOND, input).unwrap();
}

#[test]
fn a_fan_has_at_most_three_pools_open_and_a_settled_one_frees_a_place() {
    let mut chain = ready_fan();
    let (fan, operator) = (chain.fan.clone(), chain.operator.clone());
    for _ in 0..3 {
        let input = chain.input();
        chain.open_scenario(&fan, FAN_BOND, input).unwrap();
    }
    let input = chain.input();
    let too_many = ContractError::TooManyOpenScenarios { max: 3 };
    assert_eq!(
        chain
            .open_scenario(&fan, FAN_BOND, input.clone())
            .unwrap_err(),
        too_many
    );
    // Another fan's count is its own.
    let other = chain.pools.addr("other fan");
    chain.attest(&other, IdentityLevel::RealName);
    chain
        .open_scenario(&other, FAN_BOND, input.clone())
        .unwrap();
    assert_eq!(open_count(&chain, &fan), Some(3));

    // Pool 1 settles (nobody bet, so everyone — nobody — is refunded and the bond returns).
    chain.pools.advance(3_600);
    chain.answer(AnswerStatus::Final, Some(0));
    chain.resolve(1).unwrap();
    assert_eq!(open_count(&chain, &fan), Some(2));
    let input = chain.input();
    chain.open_scenario(&fan, FAN_BOND, input.clone()).unwrap();
    assert_eq!(
        chain
            .open_scenario(&fan, FAN_BOND, input.clone())
            .unwrap_err(),
        too_many
    );
    // Cancelled and rejected pools (both before their close) free their places too.
    chain
        .run(&operator, ExecuteMsg::Cancel { pool_id: 5 })
        .unwrap();
    assert_eq!(open_count(&chain, &fan), Some(2));
    chain.resolve(2).unwrap();
    assert_eq!(open_count(&chain, &fan), Some(1));
    chain.open_scenario(&fan, FAN_BOND, input.clone()).unwrap();
    assert_eq!(open_count(&chain, &fan), Some(2));
    chain
        .run(&operator, ExecuteMsg::RejectAbusive { pool_id: 6 })
        .unwrap();
    assert_eq!(open_count(&chain, &fan), Some(1));
    chain.resolve(3).unwrap();
    assert_eq!(open_count(&chain, &fan), None, "no key is kept at zero");

    // The owner closes scenario pools, then allows one.
    let owner = operator;
    chain
        .run(&owner, update(r#"{"max_open_scenarios":0}"#))
        .unwrap();
    assert_eq!(
        chain
            .open_scenario(&fan, FAN_BOND, input.clone())
            .unwrap_err(),
        ContractError::ScenarioPoolsClosed
    );
    chain
        .run(
            &owner,
            update(r#"{"max_open_scenarios":1,"scenario_bond":"5000000"}"#),
        )
        .unwrap();
    assert_eq!(
        chain
            .open_scenario(&fan, FAN_BOND, input.clone())
            .unwrap_err(),
        ContractError::WrongBond {
            bond: Uint128::new(5 * CTC)
        }
    );
    chain.open_scenario(&fan, 5 * CTC, input.clone()).unwrap();
    assert_eq!(
        chain.open_scenario(&fan, 5 * CTC, input).unwrap_err(),
        ContractError::TooManyOpenScenarios { max: 1 }
    );
    assert_eq!(
        chain.refused(&owner, update(r#"{"scenario_bond":"0"}"#)),
        ContractError::InvalidConfig {
            reason: "the scenario bond must be greater than zero"
        }
    );
}

/// Opens a fan's pool (id 1) with stakes on both outcomes (alice 3 CTC on 0, bob 1 CTC on 1),
/// still taking bets.
fn open_fan_pool_with_bets() -> Chain {
    let mut chain = ready_fan();
    let fan = chain.fan.clone();
    let input = chain.input();
    chain.open_scenario(&fan, FAN_BOND, input).unwrap();
    let (alice, bob) = (chain.pools.addr("alice"), chain.pools.addr("bob"));
    chain.bet_as(&alice, 1, 0, 3 * CTC).unwrap();
    chain.bet_as(&bob, 1, 1, CTC).unwrap();
    chain
}

/// `open_fan_pool_with_bets`, closed and ready to resolve.
fn fan_pool_with_bets() -> Chain {
    let mut chain = open_fan_pool_with_bets();
    chain.pools.advance(3_600);
    chain
}

#[test]
fn the_bond_goes_back_when_the_pool_settles_and_to_the_treasury_when_the_question_is_invalid() {
    let treasury = Chain::new().pools.addr("treasury");
    let fan = Chain::new().fan;

    let mut chain = fan_pool_with_bets();
    chain.answer(AnswerStatus::Final, Some(0));
    let response = chain.resolve(1).unwrap();
    let token = chain.token.clone();
    assert_eq!(paid_to(&response, &token, &fan), FAN_BOND);
    assert_eq!(attribute(&response, "bond_returned"), FAN_BOND.to_string());
    assert_eq!(attribute(&response, "bond_to"), fan.as_str());
    // The fee shares and the bond in one call into the token.
    assert_eq!(response.messages.len(), 1);

    for status in [AnswerStatus::Unresolvable, AnswerStatus::Final] {
        let mut chain = fan_pool_with_bets();
        // Final on an outcome nobody backed: refunded, and the bond returns.
        chain.answer(status, Some(7));
        let response = chain.resolve(1).unwrap();
        assert_eq!(paid_to(&response, &token, &fan), FAN_BOND);
        assert_eq!(paid_to(&response, &token, &treasury), 0);
    }

    let mut chain = fan_pool_with_bets();
    chain.answer(AnswerStatus::Invalid, None);
    let response = chain.resolve(1).unwrap();
    assert_eq!(
        payments(&response, &token),
        [(treasury.to_string(), FAN_BOND)]
    );
    assert_eq!(attribute(&response, "bond_forfeited"), FAN_BOND.to_string());
    assert_eq!(attribute(&response, "bond_to"), treasury.as_str());
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::Invalid,
            ..
        }
    ));
    // Bettors lose nothing: each takes back its stake.
    let alice = chain.pools.addr("alice");
    let response = chain.claim(&alice, 1).unwrap();
    assert_eq!(paid_to(&response, &token, &alice), 3 * CTC);
}

/// A partner's bond follows the same rule as a fan's.
#[test]
fn a_partners_bond_is_lost_too_when_its_question_is_invalid() {
    let mut chain = Chain::new();
    chain.world.borrow_mut().question = Some(sound_question(&chain.pools.env));
    let (agency, token) = (chain.pools.addr("agency"), chain.token.clone());
    let hook = ReceiveMsg::CreatePool {
        pool: Box::new(chain.input()),
    };
    chain
        .pools
        .ctc_send(&token, &agency, BOND, &hook, ExecuteMsg::Receive)
        .unwrap();
    chain.pools.advance(3_600);
    chain.answer(AnswerStatus::Invalid, None);
    let response = chain.resolve(1).unwrap();
    let treasury = chain.pools.addr("treasury");
    assert_eq!(payments(&response, &token), [(treasury.to_string(), BOND)]);
}

#[test]
fn the_operator_rejects_an_abusive_pool_before_close_and_the_bond_goes_to_the_treasury() {
    let mut chain = open_fan_pool_with_bets();
    let (fan, operator, token) = (
        chain.fan.clone(),
        chain.operator.clone(),
        chain.token.clone(),
    );
    let reject = ExecuteMsg::RejectAbusive { pool_id: 1 };
    assert_eq!(
        chain.refused(&fan, reject.clone()),
        ContractError::NotOperator
    );
    let anyone = chain.anyone();
    assert_eq!(
        chain.refused(&anyone, reject.clone()),
        ContractError::NotOperator
    );
    chain.pools.advance(3_599);
    let response = chain.run(&operator, reject.clone()).unwrap();
    let treasury = chain.pools.addr("treasury");
    assert_eq!(
        payments(&response, &token),
        [(treasury.to_string(), FAN_BOND)]
    );
    assert_eq!(attribute(&response, "bond_forfeited"), FAN_BOND.to_string());
    assert_eq!(attribute(&response, "bond_to"), treasury.as_str());
    assert!(matches!(
        chain.pool(1).status,
        PoolStatus::Refunding {
            reason: RefundReason::Abusive,
            ..
        }
    ));
    assert_eq!(chain.refused(&operator, reject), ContractError::NotOpen);
    chain.pools.advance(1);
    chain.answer(AnswerStatus::Final, Some(0));
    assert_eq!(chain.resolve(1).unwrap_err(), ContractError::NotOpen);
    let (alice, bob) = (chain.pools.addr("alice"), chain.pools.addr("bob"));
    let response = chain.claim(&bob, 1).unwrap();
    assert_eq!(paid_to(&response, &token, &bob), CTC);
    let response = chain.pay_out(1, None).unwrap();
    assert_eq!(payments(&response, &token), [(alice.to_string(), 3 * CTC)]);
}

/// Finding M1: once betting has closed the outcome may be known (here the oracle's answer is
/// final for alice's side), and an operator colluding with bob, who backed the loser, would reject
/// the pool to refund him. After the close `RejectAbusive` is refused as `Cancel` is, and the pool
/// resolves to the answer; an abusive question is the oracle's to rule invalid, which forfeits
/// the bond as a rejection would.
#[test]
fn the_operator_cannot_void_a_pool_after_its_close() {
    let mut chain = fan_pool_with_bets();
    let (operator, token, fan) = (
        chain.operator.clone(),
        chain.token.clone(),
        chain.fan.clone(),
    );
    let closes_at = chain.pool(1).closes_at;
    chain.answer(AnswerStatus::Final, Some(0));
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::RejectAbusive { pool_id: 1 }),
        ContractError::BettingClosed { closes_at }
    );
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::Cancel { pool_id: 1 }),
        ContractError::BettingClosed { closes_at }
    );
    let response = chain.resolve(1).unwrap();
    assert_eq!(attribute(&response, "winner"), "0");
    assert_eq!(paid_to(&response, &token, &fan), FAN_BOND);
    let bob = chain.pools.addr("bob");
    assert_eq!(
        chain.claim(&bob, 1).unwrap_err(),
        ContractError::NothingToClaim
    );
    let alice = chain.pools.addr("alice");
    let response = chain.claim(&alice, 1).unwrap();
    assert_eq!(paid_to(&response, &token, &alice), 4 * CTC * 95 / 100);

    // The same abusive pool, ruled invalid by the oracle: refunded, the bond forfeited.
    let mut chain = fan_pool_with_bets();
    chain.answer(AnswerStatus::Invalid, None);
    assert!(matches!(
        chain.refused(&operator, ExecuteMsg::RejectAbusive { pool_id: 1 }),
        ContractError::BettingClosed { .. }
    ));
    let response = chain.resolve(1).unwrap();
    let treasury = chain.pools.addr("treasury");
    assert_eq!(
        payments(&response, &token),
        [(treasury.to_string(), FAN_BOND)]
    );
}

/// Cancelled before close, a fan's pool returns the bond as any other.
#[test]
fn a_cancelled_fans_pool_returns_the_bond() {
    let mut chain = ready_fan();
    let (fan, operator, token) = (
        chain.fan.clone(),
        chain.operator.clone(),
        chain.token.clone(),
    );
    let input = chain.input();
    chain.open_scenario(&fan, FAN_BOND, input).unwrap();
    let response = chain
        .run(&operator, ExecuteMsg::Cancel { pool_id: 1 })
        .unwrap();
    assert_eq!(payments(&response, &token), [(fan.to_string(), FAN_BOND)]);
    assert_eq!(attribute(&response, "bond_to"), fan.as_str());
}

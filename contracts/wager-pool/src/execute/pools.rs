//! Pools: creation (with the oracle question made by sub-message, an existing one, or a draw),
//! resolution from the oracle's answer or the draw's seed, cancellation, rejection and the
//! config.

use cosmwasm_std::{
    from_json, to_json_binary, wasm_execute, Addr, Binary, DepsMut, Env, HexBinary, MessageInfo,
    OverflowError, OverflowOperation, Reply, Response, StdResult, Storage, SubMsg, Uint128,
};
use ctc_conventions::validate::{self, address};
use ctc_interfaces::oracle::{
    AnswerResponse, AnswerStatus, OracleExecuteMsg, OracleQueryMsg, QuestionInput, QuestionSummary,
};
use ctc_interfaces::randomness::{
    pick, DrawResponse, DrawStatus, RandomnessExecuteMsg, RandomnessQueryMsg,
};
use ctc_interfaces::registry::{Capability, IdentityLevel, RegistryExecuteMsg};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
use cw20::{Cw20Contract, Cw20ExecuteMsg};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::load_pool;
use crate::msg::{PoolInput, PoolStatus, QuestionSource, RefundReason};
use crate::state::{Config, Pool, CONFIG, OPEN_SCENARIOS, POOLS, POOL_COUNT};
use ctc_conventions::validate::recipient;

pub const MIN_FEE_BPS: u16 = 100;
pub const MAX_FEE_BPS: u16 = 500;
/// A 95% return.
pub const DEFAULT_FEE: BasisPoints = BasisPoints::literal(MAX_FEE_BPS);
pub const MAX_OUTCOMES: usize = 16;
pub const MAX_TITLE_BYTES: usize = 256;
/// Stakes wait for an answer at most this long after betting closes.
pub const MAX_ANSWER_WAIT_SECONDS: u64 = 60 * 86_400;
/// A drawn pool waits this long after betting closes for its seed, then refunds: long enough for
/// the providers' commit and reveal windows, short enough that stakes are not held for long.
pub const DRAW_WAIT_SECONDS: u64 = 7 * 86_400;
/// A smallest bet below this could round a winner's share down to nothing: the lowest floor the
/// owner may set.
pub const MIN_MIN_BET: Uint128 = Uint128::new(100);
/// Partners' and fans' pools make their questions under these floors: any admitted reporter may
/// report, and a dispute has at least a day.
pub const MIN_PARTNER_QUORUM: u32 = 2;
pub const MIN_PARTNER_WINDOW_SECONDS: u64 = 86_400;
/// After settlement, winners and refunded bettors have this long to claim.
pub const CLAIM_PERIOD_SECONDS: u64 = 365 * 86_400;
/// Reply id of the oracle's `CreateQuestion` sub-message; the pool id travels as payload.
pub const QUESTION_CREATED: u64 = 1;

/// A bonded partner's or a fan's pool must be answered by others: by every admitted reporter, at
/// least two agreeing, with a day for anyone to dispute. The same rule for a question the pool
/// creates and for an existing one, so no creator picks a question it can answer alone.
fn ensure_answered_by_others(
    kind: OpenerKind,
    reporters: bool,
    quorum: u32,
    dispute_window_seconds: u64,
) -> Result<(), ContractError> {
    let loose = reporters
        || quorum < MIN_PARTNER_QUORUM
        || dispute_window_seconds < MIN_PARTNER_WINDOW_SECONDS;
    match kind {
        OpenerKind::Operator => Ok(()),
        _ if !loose => Ok(()),
        OpenerKind::Partner => Err(invalid(
            "a partner's question is open to every reporter, with a quorum of at least 2 \
             and a dispute window of at least a day",
        )),
        OpenerKind::Fan => Err(invalid(
            "a fan's question is open to every reporter, with a quorum of at least 2 \
             and a dispute window of at least a day",
        )),
    }
}

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidPool { reason }
}

/// Who may open pools: the operator, a partner with CreatePools, or a fan.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OpenerKind {
    Operator,
    Partner,
    Fan,
}

/// Who opens the pool, and the bond it posted (zero for the operator).
pub struct Opener {
    pub creator: Addr,
    pub bond: Uint128,
    pub kind: OpenerKind,
}

/// The platform's rules the config must keep, checked at instantiation and at every change.
pub fn check_config(config: &Config) -> Result<(), ContractError> {
    if config.creation_bond.is_zero() {
        return Err(invalid("the creation bond must be greater than zero"));
    }
    if config.bet_floor < MIN_MIN_BET || config.bet_ceiling < config.bet_floor {
        return Err(ContractError::InvalidConfig {
            reason: "bet limits need 100 <= bet_floor <= bet_ceiling",
        });
    }
    if config.scenario_bond.is_zero() {
        return Err(ContractError::InvalidConfig {
            reason: "the scenario bond must be greater than zero",
        });
    }
    Ok(())
}

/// Opens a pool. Its question is either created in the oracle by a sub-message (its id is
/// stored when the reply arrives, in the same transaction) or an existing question whose
/// outcomes match, read by one query.
pub fn create_pool(
    deps: DepsMut,
    env: Env,
    config: &Config,
    opener: Opener,
    input: PoolInput,
) -> Result<Response, ContractError> {
    // The shared length rule, refused in this contract's own words.
    validate::text("title", &input.title, MAX_TITLE_BYTES)
        .map_err(|_| invalid("the title is between 1 and 256 bytes"))?;
    if input.outcomes.len() < 2 || input.outcomes.len() > MAX_OUTCOMES {
        return Err(invalid("a pool has between 2 and 16 outcomes"));
    }
    if input.closes_at <= env.block.time {
        return Err(invalid("betting must close in the future"));
    }
    let fee = input.fee.unwrap_or(DEFAULT_FEE);
    if fee.get() < MIN_FEE_BPS || fee.get() > MAX_FEE_BPS {
        return Err(invalid("the fee is between 100 and 500 basis points"));
    }
    // A pool may narrow the platform's limits, never widen them.
    let min_bet = input.min_bet.unwrap_or(config.bet_floor);
    let max_bet = input.max_bet.unwrap_or(config.bet_ceiling);
    if max_bet < min_bet {
        return Err(invalid("the minimum bet cannot exceed the maximum"));
    }
    if min_bet < config.bet_floor || max_bet > config.bet_ceiling {
        return Err(ContractError::OutsidePlatformLimits {
            floor: config.bet_floor,
            ceiling: config.bet_ceiling,
        });
    }
    let mut labels: Vec<&String> = input.outcomes.iter().collect();
    labels.sort();
    labels.dedup();
    if labels.len() != input.outcomes.len() {
        return Err(invalid("outcome labels must differ"));
    }
    if input.cap_per_address.is_some_and(|cap| cap < min_bet) {
        return Err(invalid(
            "the cap per address cannot be below the minimum bet",
        ));
    }

    let pool_id = POOL_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    let drawn = matches!(input.question, QuestionSource::Drawn {});
    let (question_id, answer_due, create_question) = match input.question {
        QuestionSource::Existing { question_id } => {
            let question: QuestionSummary = deps
                .querier
                .query_wasm_smart(&config.oracle, &OracleQueryMsg::Question { question_id })?;
            if question.outcomes != input.outcomes {
                return Err(invalid("the question's outcomes differ from the pool's"));
            }
            if input.closes_at > question.resolve_after {
                return Err(invalid(
                    "betting must close before the question takes reports",
                ));
            }
            ensure_answered_by_others(
                opener.kind,
                question.reporters.is_some(),
                question.quorum,
                question.dispute_window_seconds,
            )?;
            (question_id, question.deadline, None)
        }
        QuestionSource::New {
            resolve_after,
            deadline,
            reporters,
            quorum,
            dispute_window_seconds,
        } => {
            if input.closes_at > resolve_after {
                return Err(invalid(
                    "betting must close before the question takes reports",
                ));
            }
            ensure_answered_by_others(
                opener.kind,
                reporters.is_some(),
                quorum,
                dispute_window_seconds,
            )?;
            let question = QuestionInput {
                text: input.title.clone(),
                outcomes: input.outcomes.clone(),
                resolve_after,
                deadline,
                reporters,
                quorum,
                dispute_window_seconds,
            };
            let msg = wasm_execute(
                &config.oracle,
                &OracleExecuteMsg::CreateQuestion { question },
                vec![],
            )?;
            let sub = SubMsg::reply_on_success(msg, QUESTION_CREATED)
                .with_payload(to_json_binary(&pool_id)?);
            (0, deadline, Some(sub))
        }
        QuestionSource::Drawn {} => {
            let randomness = config
                .randomness
                .as_ref()
                .ok_or(ContractError::NoRandomness)?;
            // Commitments close with betting, so no secret is revealed while stakes can move.
            // The draw is keyed by (this contract, pool id): no reply is needed to find it.
            let request = RandomnessExecuteMsg::RequestDraw {
                key: pool_id,
                commits_close_at: Some(input.closes_at),
            };
            let msg = wasm_execute(randomness, &request, vec![])?;
            let due = input.closes_at.plus_seconds(DRAW_WAIT_SECONDS);
            (0, due, Some(SubMsg::new(msg)))
        }
    };
    if answer_due.seconds() > input.closes_at.seconds() + MAX_ANSWER_WAIT_SECONDS {
        return Err(invalid(
            "the question must be due an answer within 60 days of the close",
        ));
    }

    let outcomes = input.outcomes.len();
    POOLS.save(
        deps.storage,
        pool_id,
        &Pool {
            creator: opener.creator.clone(),
            title: input.title,
            outcomes: input.outcomes,
            question_id,
            closes_at: input.closes_at,
            fee,
            min_bet,
            max_bet,
            cap_per_address: input.cap_per_address,
            bond: opener.bond,
            status: PoolStatus::Open,
            stakes: vec![Uint128::zero(); outcomes],
            backers: vec![0; outcomes],
            total: Uint128::zero(),
            fee_taken: Uint128::zero(),
            paid: Uint128::zero(),
            unclaimed_winners: 0,
            answer_due,
            swept: false,
            drawn,
            fan: opener.kind == OpenerKind::Fan,
            min_identity: input.min_identity,
            payout_cursor: None,
            payout_done: false,
        },
    )?;
    POOL_COUNT.save(deps.storage, &pool_id)?;
    if opener.kind == OpenerKind::Fan {
        let open = OPEN_SCENARIOS
            .may_load(deps.storage, &opener.creator)?
            .unwrap_or_default()
            .checked_add(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
        OPEN_SCENARIOS.save(deps.storage, &opener.creator, &open)?;
    }
    let mut response = Response::new()
        .add_attribute("action", "create_pool")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("creator", &opener.creator)
        .add_attribute("bond", opener.bond);
    if drawn {
        response = response.add_attribute("drawn", "true");
    }
    if opener.kind == OpenerKind::Fan {
        response = response.add_attribute("fan", "true");
    }
    // Fans post a bond and meet an identity level instead of holding a partner's quota.
    if opener.kind == OpenerKind::Partner {
        // A partner's pool draws on its CreatePools quota; the registry refuses a partner that is
        // not Active with the capability, and the whole creation reverts.
        let consume = RegistryExecuteMsg::ConsumeQuota {
            partner: opener.creator.to_string(),
            capability: Capability::CreatePools,
            units: 1,
        };
        response = response.add_message(wasm_execute(&config.registry, &consume, vec![])?);
    }
    if let Some(sub) = create_question {
        response = response.add_submessage(sub);
    }
    Ok(response.set_data(to_json_binary(&pool_id)?))
}

/// Stores the id of the question the oracle just created for the pool.
pub fn question_created(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    let pool_id: u64 = from_json(&reply.payload)?;
    let response = reply
        .result
        .into_result()
        .map_err(cw_utils::ParseReplyError::SubMsgFailure)?;
    let wrapped: Binary = match response.msg_responses.as_slice() {
        [only] if only.type_url == "/cosmwasm.wasm.v1.MsgExecuteContractResponse" => {
            only.value.clone()
        }
        _ => {
            return Err(cw_utils::ParseReplyError::ParseFailure(
                "expected one MsgExecuteContractResponse from the oracle".to_owned(),
            )
            .into())
        }
    };
    let data = cw_utils::parse_execute_response_data(&wrapped)?
        .data
        .ok_or_else(|| {
            cw_utils::ParseReplyError::ParseFailure("the oracle returned no question id".to_owned())
        })?;
    let question_id: u64 = from_json(&data)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    pool.question_id = question_id;
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "question_created")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("question_id", question_id.to_string()))
}

/// Where a pool's bond goes when it settles: back to the creator, or to the treasury when the
/// oracle ruled its question invalid or the operator rejected it as abusive (a bond that came
/// back whatever happened would not deter either). Answers the payment rather than sending it,
/// so that `resolve` pays it in the same call into the token as the fee shares.
fn settle_bond(
    pool: &Pool,
    config: &Config,
    response: Response,
) -> (Response, Option<(Addr, Uint128)>) {
    if pool.bond.is_zero() {
        return (response, None);
    }
    let forfeited = matches!(
        pool.status,
        PoolStatus::Refunding {
            reason: RefundReason::Invalid | RefundReason::Abusive,
            ..
        }
    );
    let (attribute, to) = if forfeited {
        ("bond_forfeited", &config.treasury)
    } else {
        ("bond_returned", &pool.creator)
    };
    let response = response
        .add_attribute(attribute, pool.bond)
        .add_attribute("bond_to", to);
    (response, Some((to.clone(), pool.bond)))
}

/// A settled fan's pool no longer counts against the fan's open pools. Saturating rather than
/// checked: the count limits openings and holds no money, and an error here would hold every
/// stake in the pool.
fn release_scenario(storage: &mut dyn Storage, pool: &Pool) -> StdResult<()> {
    if !pool.fan {
        return Ok(());
    }
    let open = OPEN_SCENARIOS
        .may_load(storage, &pool.creator)?
        .unwrap_or_default()
        .saturating_sub(1);
    if open == 0 {
        OPEN_SCENARIOS.remove(storage, &pool.creator);
        Ok(())
    } else {
        OPEN_SCENARIOS.save(storage, &pool.creator, &open)
    }
}

/// What settles a pool: a winning outcome, or a refund.
enum Verdict {
    Winner(u32),
    Refund(RefundReason),
}

/// The oracle's answer to the pool's question.
fn answered(deps: &DepsMut, config: &Config, pool: &Pool) -> Result<Verdict, ContractError> {
    let answer: AnswerResponse = deps.querier.query_wasm_smart(
        &config.oracle,
        &OracleQueryMsg::Answer {
            question_id: pool.question_id,
        },
    )?;
    Ok(match (answer.status, answer.outcome) {
        (AnswerStatus::Pending, _) => {
            return Err(ContractError::NotAnswered {
                question_id: pool.question_id,
            })
        }
        (AnswerStatus::Invalid, _) => Verdict::Refund(RefundReason::Invalid),
        (AnswerStatus::Unresolvable, _) => Verdict::Refund(RefundReason::Unresolvable),
        (AnswerStatus::Final, Some(winner)) => Verdict::Winner(winner),
        (AnswerStatus::Final, None) => Verdict::Refund(RefundReason::NoWinningStake),
    })
}

/// The drawn pool's winner from its draw's seed, and the seed. While the draw is `Revealing` the
/// pool waits for it even past `answer_due`: a refund then would let the last provider still to
/// reveal, having seen the others' secrets, choose between the pick and a refund without
/// forfeiting anything. The randomness contract bounds the reveal window, after which the draw is
/// `Ready` or `Stalled`, so stakes still cannot wait for ever. Past `answer_due` with no seed and
/// no reveal under way (a draw still committing or stalled, a randomness contract that no longer
/// knows the draw or fails), the pool refunds.
fn drawn(
    deps: &DepsMut,
    env: &Env,
    config: &Config,
    pool_id: u64,
    pool: &Pool,
) -> Result<(Verdict, Option<HexBinary>), ContractError> {
    let query = RandomnessQueryMsg::Draw {
        requester: env.contract.address.to_string(),
        key: pool_id,
    };
    let draw: Result<DrawResponse, ContractError> = match &config.randomness {
        Some(randomness) => deps
            .querier
            .query_wasm_smart(randomness, &query)
            .map_err(ContractError::from),
        None => Err(ContractError::NoRandomness),
    };
    let waiting = env.block.time < pool.answer_due;
    let draw = match draw {
        Ok(draw) => Some(draw),
        Err(err) if waiting => return Err(err),
        Err(_) => None,
    };
    if let Some(seed) = draw.as_ref().and_then(DrawResponse::ready_seed) {
        let outcomes = pool.outcomes.len() as u32;
        let winner = pick(&seed, 0, outcomes);
        return Ok((Verdict::Winner(winner), Some(HexBinary::from(seed))));
    }
    // A draw taking reveals holds the pool until its window closes, whatever the time.
    let reveals_close_at = match &draw {
        Some(draw) if draw.status == DrawStatus::Revealing => {
            Some(draw.reveals_close_at.unwrap_or(pool.answer_due))
        }
        _ => None,
    };
    match reveals_close_at {
        Some(reveals_close_at) => Err(ContractError::DrawPending {
            refund_from: pool.answer_due.max(reveals_close_at),
        }),
        None if waiting => Err(ContractError::DrawPending {
            refund_from: pool.answer_due,
        }),
        None => Ok((Verdict::Refund(RefundReason::Unresolvable), None)),
    }
}

pub fn resolve(deps: DepsMut, env: Env, pool_id: u64) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    if pool.status != PoolStatus::Open {
        return Err(ContractError::NotOpen);
    }
    if env.block.time < pool.closes_at {
        return Err(ContractError::StillOpen {
            closes_at: pool.closes_at,
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let mut response = Response::new()
        .add_attribute("action", "resolve")
        .add_attribute("pool_id", pool_id.to_string());
    let verdict = if pool.drawn {
        let (verdict, seed) = drawn(&deps, &env, &config, pool_id, &pool)?;
        if let Some(seed) = seed {
            // Anyone can recompute the winner: `pick(seed, 0, outcomes)`.
            response = response.add_attribute("seed", seed.to_hex());
        }
        verdict
    } else {
        answered(&deps, &config, &pool)?
    };
    let at = env.block.time;
    pool.status = match verdict {
        Verdict::Winner(winner)
            if (winner as usize) < pool.stakes.len() && !pool.stakes[winner as usize].is_zero() =>
        {
            PoolStatus::Resolved { winner, at }
        }
        Verdict::Winner(_) => PoolStatus::Refunding {
            reason: RefundReason::NoWinningStake,
            at,
        },
        Verdict::Refund(reason) => PoolStatus::Refunding { reason, at },
    };

    let mut payments = Vec::with_capacity(3);
    if let PoolStatus::Resolved { winner, .. } = pool.status {
        let fee = pool.fee.of(pool.total);
        let to_treasury = config.treasury_share.of(fee);
        let to_nodes = fee.checked_sub(to_treasury)?;
        pool.fee_taken = fee;
        pool.unclaimed_winners = pool.backers[winner as usize];
        payments.push((config.treasury.clone(), to_treasury));
        payments.push((config.node_incentive.clone(), to_nodes));
        response = response
            .add_attribute("winner", winner.to_string())
            .add_attribute("fee", fee);
    } else {
        response = response.add_attribute("outcome", "refund");
    }
    let (mut response, bond) = settle_bond(&pool, &config, response);
    payments.extend(bond);
    // The fee shares and the bond in one call into the token rather than a transfer each; zero
    // shares are left out, and with nothing to pay nothing is sent.
    if let Some(disburse) = CtcExecuteMsg::disburse(payments) {
        response = response.add_message(wasm_execute(&config.token, &disburse, vec![])?);
    }
    release_scenario(deps.storage, &pool)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(response)
}

/// Ends an open pool early: every bettor is refunded for `reason`, and the bond goes where
/// `settle_bond` says, by a transfer of its own (no fee is paid beside it).
fn end_early(
    deps: DepsMut,
    env: &Env,
    config: Config,
    mut pool: Pool,
    pool_id: u64,
    reason: RefundReason,
    action: &'static str,
) -> Result<Response, ContractError> {
    pool.status = PoolStatus::Refunding {
        reason,
        at: env.block.time,
    };
    let response = Response::new()
        .add_attribute("action", action)
        .add_attribute("pool_id", pool_id.to_string());
    let (mut response, bond) = settle_bond(&pool, &config, response);
    if let Some((to, amount)) = bond {
        let transfer = Cw20ExecuteMsg::Transfer {
            recipient: to.into_string(),
            amount,
        };
        response = response.add_message(Cw20Contract(config.token).call(transfer)?);
    }
    release_scenario(deps.storage, &pool)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(response)
}

/// The operator ends a pool before betting closes: `Cancelled` returns the bond, `Abusive` sends
/// it to the treasury; every bettor is refunded either way. Only before the close: once betting
/// has closed the outcome may be known (an oracle answer on its way, a draw's seed ready), and
/// ending the pool then would let the operator void a pool it saw go the wrong way, refunding a
/// colluding loser. After the close, an abusive question is the oracle's to rule `invalid`, which
/// refunds every bettor and forfeits the bond all the same.
pub fn end_before_close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    reason: RefundReason,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.operator {
        return Err(ContractError::NotOperator);
    }
    let pool = load_pool(deps.storage, pool_id)?;
    if pool.status != PoolStatus::Open {
        return Err(ContractError::NotOpen);
    }
    if env.block.time >= pool.closes_at {
        return Err(ContractError::BettingClosed {
            closes_at: pool.closes_at,
        });
    }
    let action = if reason == RefundReason::Abusive {
        "reject_abusive"
    } else {
        "cancel"
    };
    end_early(deps, &env, config, pool, pool_id, reason, action)
}

/// The config fields `UpdateConfig` may change.
pub struct ConfigUpdate {
    pub operator: Option<String>,
    pub treasury: Option<String>,
    pub node_incentive: Option<String>,
    pub treasury_share: Option<BasisPoints>,
    pub creation_bond: Option<Uint128>,
    pub bet_floor: Option<Uint128>,
    pub bet_ceiling: Option<Uint128>,
    pub scenario_bond: Option<Uint128>,
    pub scenario_min_identity: Option<IdentityLevel>,
    pub max_open_scenarios: Option<u32>,
    pub randomness: Option<String>,
}

pub fn update_config(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(operator) = update.operator {
        config.operator = address(deps.api, "operator", &operator)?;
    }
    if let Some(treasury) = update.treasury {
        config.treasury = recipient(deps.as_ref(), env, CONTRACT.name, "treasury", &treasury)?;
    }
    if let Some(nodes) = update.node_incentive {
        config.node_incentive =
            recipient(deps.as_ref(), env, CONTRACT.name, "node_incentive", &nodes)?;
    }
    // Set once: see `Config::randomness`.
    if let Some(randomness) = update.randomness {
        if let Some(current) = config.randomness {
            return Err(ContractError::RandomnessFixed {
                randomness: current,
            });
        }
        config.randomness = Some(address(deps.api, "randomness", &randomness)?);
    }
    config.treasury_share = update.treasury_share.unwrap_or(config.treasury_share);
    config.creation_bond = update.creation_bond.unwrap_or(config.creation_bond);
    config.bet_floor = update.bet_floor.unwrap_or(config.bet_floor);
    config.bet_ceiling = update.bet_ceiling.unwrap_or(config.bet_ceiling);
    config.scenario_bond = update.scenario_bond.unwrap_or(config.scenario_bond);
    config.scenario_min_identity = update
        .scenario_min_identity
        .unwrap_or(config.scenario_min_identity);
    config.max_open_scenarios = update
        .max_open_scenarios
        .unwrap_or(config.max_open_scenarios);
    check_config(&config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}

pub fn sweep_unclaimed(deps: DepsMut, env: Env, pool_id: u64) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    let (settled_at, owed) = match pool.status {
        PoolStatus::Open => return Err(ContractError::NotSettled),
        PoolStatus::Resolved { at, .. } => (at, pool.distributable()),
        PoolStatus::Refunding { at, .. } => (at, pool.total),
    };
    if pool.swept {
        return Err(ContractError::Swept);
    }
    let opens_at = settled_at.plus_seconds(CLAIM_PERIOD_SECONDS);
    if env.block.time < opens_at {
        return Err(ContractError::SweepNotOpen { opens_at });
    }
    let left = owed.checked_sub(pool.paid)?;
    pool.swept = true;
    pool.paid = owed;
    POOLS.save(deps.storage, pool_id, &pool)?;
    let config = CONFIG.load(deps.storage)?;
    let mut response = Response::new()
        .add_attribute("action", "sweep_unclaimed")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("amount", left);
    if !left.is_zero() {
        let unclaimed = Cw20ExecuteMsg::Transfer {
            recipient: config.treasury.to_string(),
            amount: left,
        };
        response = response.add_message(Cw20Contract(config.token).call(unclaimed)?);
    }
    Ok(response)
}

//! Pools: creation (with the oracle question made by sub-message, or an existing one),
//! resolution from the oracle's answer, cancellation and the config.

use cosmwasm_std::{
    from_json, to_json_binary, wasm_execute, Addr, Binary, DepsMut, Env, MessageInfo, Reply,
    Response, SubMsg, Uint128,
};
use ctc_conventions::validate::{self, address};
use ctc_interfaces::oracle::{
    AnswerResponse, AnswerStatus, OracleExecuteMsg, OracleQueryMsg, QuestionInput, QuestionSummary,
};
use ctc_interfaces::registry::{Capability, RegistryExecuteMsg};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
use cw20::{Cw20Contract, Cw20ExecuteMsg};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::load_pool;
use crate::msg::{PoolInput, PoolStatus, QuestionSource, RefundReason};
use crate::state::{Config, Pool, CONFIG, POOLS, POOL_COUNT};
use ctc_conventions::validate::recipient;

pub const MIN_FEE_BPS: u16 = 100;
pub const MAX_FEE_BPS: u16 = 500;
/// A 95% return.
pub const DEFAULT_FEE: BasisPoints = BasisPoints::literal(MAX_FEE_BPS);
pub const DEFAULT_MIN_BET: Uint128 = Uint128::new(100_000);
pub const DEFAULT_MAX_BET: Uint128 = Uint128::new(200_000_000);
pub const MAX_OUTCOMES: usize = 16;
pub const MAX_TITLE_BYTES: usize = 256;
/// Stakes wait for an answer at most this long after betting closes.
pub const MAX_ANSWER_WAIT_SECONDS: u64 = 60 * 86_400;
/// A smallest bet below this could round a winner's share down to nothing.
pub const MIN_MIN_BET: Uint128 = Uint128::new(100);
/// Partners' pools make their questions under these floors: any admitted reporter may report,
/// and a dispute has at least a day.
pub const MIN_PARTNER_QUORUM: u32 = 2;
pub const MIN_PARTNER_WINDOW_SECONDS: u64 = 86_400;
/// After settlement, winners and refunded bettors have this long to claim.
pub const CLAIM_PERIOD_SECONDS: u64 = 365 * 86_400;
/// Reply id of the oracle's `CreateQuestion` sub-message; the pool id travels as payload.
pub const QUESTION_CREATED: u64 = 1;

/// A bonded partner's pool must be answered by others: by every admitted reporter, at least two
/// agreeing, with a day for anyone to dispute. The same rule for a question the pool creates and
/// for an existing one, so no partner picks a question it can answer alone.
fn ensure_answered_by_others(
    partner: bool,
    reporters: bool,
    quorum: u32,
    dispute_window_seconds: u64,
) -> Result<(), ContractError> {
    if partner
        && (reporters
            || quorum < MIN_PARTNER_QUORUM
            || dispute_window_seconds < MIN_PARTNER_WINDOW_SECONDS)
    {
        return Err(invalid(
            "a partner's question is open to every reporter, with a quorum of at least 2 \
             and a dispute window of at least a day",
        ));
    }
    Ok(())
}

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidPool { reason }
}

/// Who opens the pool, and the bond it posted (zero for the operator).
pub struct Opener {
    pub creator: Addr,
    pub bond: Uint128,
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
    let min_bet = input.min_bet.unwrap_or(DEFAULT_MIN_BET);
    let max_bet = input.max_bet.unwrap_or(DEFAULT_MAX_BET);
    if min_bet < MIN_MIN_BET || max_bet < min_bet {
        return Err(invalid("bet limits need 100 <= min_bet <= max_bet"));
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
                !opener.bond.is_zero(),
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
                !opener.bond.is_zero(),
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
        },
    )?;
    POOL_COUNT.save(deps.storage, &pool_id)?;
    let mut response = Response::new()
        .add_attribute("action", "create_pool")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("creator", &opener.creator)
        .add_attribute("bond", opener.bond);
    if !opener.bond.is_zero() {
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

/// The bond goes back to the creator once the pool settles, whatever the outcome. Answers the
/// payment rather than sending it, so that `resolve` pays it in the same call into the token as
/// the fee shares.
fn return_bond(pool: &Pool, response: Response) -> (Response, Option<(Addr, Uint128)>) {
    if pool.bond.is_zero() {
        return (response, None);
    }
    let response = response.add_attribute("bond_returned", pool.bond);
    (response, Some((pool.creator.clone(), pool.bond)))
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
    let answer: AnswerResponse = deps.querier.query_wasm_smart(
        &config.oracle,
        &OracleQueryMsg::Answer {
            question_id: pool.question_id,
        },
    )?;
    let at = env.block.time;
    let refund = |reason| PoolStatus::Refunding { reason, at };
    pool.status = match (answer.status, answer.outcome) {
        (AnswerStatus::Pending, _) => {
            return Err(ContractError::NotAnswered {
                question_id: pool.question_id,
            })
        }
        (AnswerStatus::Invalid, _) => refund(RefundReason::Invalid),
        (AnswerStatus::Unresolvable, _) => refund(RefundReason::Unresolvable),
        (AnswerStatus::Final, Some(winner))
            if (winner as usize) < pool.stakes.len() && !pool.stakes[winner as usize].is_zero() =>
        {
            PoolStatus::Resolved { winner, at }
        }
        (AnswerStatus::Final, _) => refund(RefundReason::NoWinningStake),
    };

    let mut response = Response::new()
        .add_attribute("action", "resolve")
        .add_attribute("pool_id", pool_id.to_string());
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
    let (mut response, bond) = return_bond(&pool, response);
    payments.extend(bond);
    // The fee shares and the bond in one call into the token rather than a transfer each; zero
    // shares are left out, and with nothing to pay nothing is sent.
    if let Some(disburse) = CtcExecuteMsg::disburse(payments) {
        response = response.add_message(wasm_execute(&config.token, &disburse, vec![])?);
    }
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(response)
}

pub fn cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.operator {
        return Err(ContractError::NotOperator);
    }
    let mut pool = load_pool(deps.storage, pool_id)?;
    if pool.status != PoolStatus::Open {
        return Err(ContractError::NotOpen);
    }
    if env.block.time >= pool.closes_at {
        return Err(ContractError::BettingClosed {
            closes_at: pool.closes_at,
        });
    }
    pool.status = PoolStatus::Refunding {
        reason: RefundReason::Cancelled,
        at: env.block.time,
    };
    let response = Response::new()
        .add_attribute("action", "cancel")
        .add_attribute("pool_id", pool_id.to_string());
    let (mut response, bond) = return_bond(&pool, response);
    if let Some((creator, amount)) = bond {
        let bond_back = Cw20ExecuteMsg::Transfer {
            recipient: creator.into_string(),
            amount,
        };
        response = response.add_message(Cw20Contract(config.token).call(bond_back)?);
    }
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(response)
}

/// The config fields `UpdateConfig` may change.
pub struct ConfigUpdate {
    pub operator: Option<String>,
    pub treasury: Option<String>,
    pub node_incentive: Option<String>,
    pub treasury_share: Option<BasisPoints>,
    pub creation_bond: Option<Uint128>,
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
    config.treasury_share = update.treasury_share.unwrap_or(config.treasury_share);
    if let Some(bond) = update.creation_bond {
        if bond.is_zero() {
            return Err(invalid("the creation bond must be greater than zero"));
        }
        config.creation_bond = bond;
    }
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

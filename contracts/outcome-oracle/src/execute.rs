use cosmwasm_std::{
    to_json_binary, Addr, DepsMut, Empty, Env, MessageInfo, OverflowError, OverflowOperation,
    QuerierWrapper, Response, Storage, Uint128,
};
use ctc_conventions::validate::{self, address};
use ctc_conventions::{ctc_hook, CtcHook};
use ctc_interfaces::registry::{Capability, CapabilityResponse, RegistryQueryMsg};
use cw20::{Cw20Contract, Cw20ExecuteMsg, Cw20ReceiveMsg};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::msg::{QuestionInput, QuestionStatus, ReceiveMsg, Verdict};
use crate::state::{Config, Question, CONFIG, CREATORS, QUESTIONS, QUESTION_COUNT, REPORTS};

pub const MAX_TEXT_BYTES: usize = 512;
pub const MAX_LABEL_BYTES: usize = 64;
pub const MAX_OUTCOMES: usize = 16;
pub const MAX_LISTED_REPORTERS: usize = 32;
/// Even with an open reporter set, a quorum above this could hardly be reached.
pub const MAX_QUORUM: u32 = 32;
pub const MIN_WINDOW_SECONDS: u64 = 3_600;
pub const MAX_WINDOW_SECONDS: u64 = 30 * 86_400;
pub const MIN_ARBITRATION_SECONDS: u64 = 86_400;
pub const MAX_ARBITRATION_SECONDS: u64 = 90 * 86_400;

pub fn duration(
    field: &'static str,
    seconds: u64,
    (min, max): (u64, u64),
) -> Result<u64, ContractError> {
    if seconds < min || seconds > max {
        return Err(ContractError::InvalidDuration { field, min, max });
    }
    Ok(seconds)
}

pub fn load_question(storage: &dyn Storage, question_id: u64) -> Result<Question, ContractError> {
    QUESTIONS
        .may_load(storage, question_id)?
        .ok_or(ContractError::QuestionNotFound { question_id })
}

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidQuestion { reason }
}

pub fn create_question(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    input: QuestionInput,
) -> Result<Response, ContractError> {
    if !CREATORS.has(deps.storage, &info.sender) {
        return Err(ContractError::NotCreator);
    }
    let min_window = CONFIG.load(deps.storage)?.min_dispute_window_seconds;
    // The shared length rule, refused in this contract's own words.
    validate::text("text", &input.text, MAX_TEXT_BYTES)
        .map_err(|_| invalid("the text is between 1 and 512 bytes"))?;
    if input.outcomes.len() < 2 || input.outcomes.len() > MAX_OUTCOMES {
        return Err(invalid("a question has between 2 and 16 outcomes"));
    }
    for label in &input.outcomes {
        validate::text("outcomes", label, MAX_LABEL_BYTES)
            .map_err(|_| invalid("an outcome label is between 1 and 64 bytes"))?;
    }
    if input.deadline <= input.resolve_after || input.deadline <= env.block.time {
        return Err(invalid(
            "the deadline must be in the future and after resolve_after",
        ));
    }
    let reporters = match input.reporters {
        None => None,
        Some(list) => {
            if list.is_empty() || list.len() > MAX_LISTED_REPORTERS {
                return Err(invalid("a reporter list has between 1 and 32 addresses"));
            }
            let mut validated: Vec<Addr> = Vec::with_capacity(list.len());
            for reporter in list {
                let reporter = address(deps.api, "reporters", &reporter)?;
                if validated.contains(&reporter) {
                    return Err(invalid("a reporter is listed twice"));
                }
                validated.push(reporter);
            }
            Some(validated)
        }
    };
    if input.quorum == 0
        || input.quorum > MAX_QUORUM
        || reporters
            .as_ref()
            .is_some_and(|r| input.quorum as usize > r.len())
    {
        return Err(invalid(
            "the quorum is between 1 and 32, and at most the listed reporters",
        ));
    }
    duration(
        "dispute_window_seconds",
        input.dispute_window_seconds,
        (min_window, MAX_WINDOW_SECONDS),
    )?;
    let question_id = QUESTION_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    let tallies = vec![0; input.outcomes.len() + 1];
    QUESTIONS.save(
        deps.storage,
        question_id,
        &Question {
            creator: info.sender.clone(),
            text: input.text,
            outcomes: input.outcomes,
            resolve_after: input.resolve_after,
            deadline: input.deadline,
            reporters,
            quorum: input.quorum,
            dispute_window_seconds: input.dispute_window_seconds,
            status: QuestionStatus::Open,
            tallies,
        },
    )?;
    QUESTION_COUNT.save(deps.storage, &question_id)?;
    Ok(Response::new()
        .set_data(to_json_binary(&question_id)?)
        .add_attribute("action", "create_question")
        .add_attribute("question_id", question_id.to_string())
        .add_attribute("creator", info.sender))
}

/// Why `reporter` may not report on `question` now, or `None` when it may: it must be on the
/// question's list (if any) and an Active partner holding ReportOutcomes.
fn reporter_refusal(
    querier: QuerierWrapper,
    config: &Config,
    question: &Question,
    reporter: &Addr,
) -> Result<Option<&'static str>, ContractError> {
    if question
        .reporters
        .as_ref()
        .is_some_and(|list| !list.contains(reporter))
    {
        return Ok(Some("not on the question's reporter list"));
    }
    let answer: CapabilityResponse = querier.query_wasm_smart(
        &config.registry,
        &RegistryQueryMsg::HasCapability {
            address: reporter.to_string(),
            capability: Capability::ReportOutcomes,
        },
    )?;
    if answer.allowed {
        return Ok(None);
    }
    Ok(Some(
        answer
            .reason
            .map_or("not allowed", |denial| denial.as_str()),
    ))
}

fn check_verdict(question: &Question, verdict: Verdict) -> Result<(), ContractError> {
    match verdict {
        Verdict::Outcome(index) if index as usize >= question.outcomes.len() => {
            Err(ContractError::UnknownOutcome { index })
        }
        _ => Ok(()),
    }
}

pub fn report(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    question_id: u64,
    verdict: Verdict,
) -> Result<Response, ContractError> {
    let mut question = load_question(deps.storage, question_id)?;
    if question.status != QuestionStatus::Open {
        return Err(ContractError::NotOpen);
    }
    let now = env.block.time;
    if now < question.resolve_after {
        return Err(ContractError::TooEarly {
            resolve_after: question.resolve_after,
        });
    }
    if now >= question.deadline {
        return Err(ContractError::PastDeadline);
    }
    check_verdict(&question, verdict)?;
    let config = CONFIG.load(deps.storage)?;
    if let Some(reason) = reporter_refusal(deps.querier, &config, &question, &info.sender)? {
        return Err(ContractError::NotReporter {
            reporter: info.sender.to_string(),
            reason,
        });
    }

    let key = (question_id, &info.sender);
    if let Some(previous) = REPORTS.may_load(deps.storage, key)? {
        let index = question.tally_index(previous);
        question.tallies[index] = question.tallies[index]
            .checked_sub(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    }
    REPORTS.save(deps.storage, key, &verdict)?;
    let index = question.tally_index(verdict);
    question.tallies[index] = question.tallies[index]
        .checked_add(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    let proposed = question.tallies[index] >= question.quorum;
    if proposed {
        question.status = QuestionStatus::Proposed { verdict, at: now };
    }
    QUESTIONS.save(deps.storage, question_id, &question)?;
    Ok(Response::new()
        .add_attribute("action", "report")
        .add_attribute("question_id", question_id.to_string())
        .add_attribute("reporter", info.sender)
        .add_attribute("verdict", verdict_name(verdict))
        .add_attribute("proposed", proposed.to_string()))
}

fn verdict_name(verdict: Verdict) -> String {
    match verdict {
        Verdict::Outcome(index) => index.to_string(),
        Verdict::Invalid => "invalid".to_owned(),
    }
}

/// A report stops counting once its reporter may no longer report: anyone may strike it while
/// the question is open. Reports behind a proposal stand; the dispute window is their remedy.
pub fn strike_report(
    deps: DepsMut,
    question_id: u64,
    reporter: String,
) -> Result<Response, ContractError> {
    let mut question = load_question(deps.storage, question_id)?;
    if question.status != QuestionStatus::Open {
        return Err(ContractError::NotOpen);
    }
    let reporter = address(deps.api, "reporter", &reporter)?;
    let key = (question_id, &reporter);
    let verdict = REPORTS
        .may_load(deps.storage, key)?
        .ok_or_else(|| ContractError::NoReport {
            reporter: reporter.to_string(),
        })?;
    let config = CONFIG.load(deps.storage)?;
    if reporter_refusal(deps.querier, &config, &question, &reporter)?.is_none() {
        return Err(ContractError::ReporterStillAllowed {
            reporter: reporter.to_string(),
        });
    }
    REPORTS.remove(deps.storage, key);
    let index = question.tally_index(verdict);
    question.tallies[index] = question.tallies[index]
        .checked_sub(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    QUESTIONS.save(deps.storage, question_id, &question)?;
    Ok(Response::new()
        .add_attribute("action", "strike_report")
        .add_attribute("question_id", question_id.to_string())
        .add_attribute("reporter", reporter))
}

pub fn finalize(deps: DepsMut, env: Env, question_id: u64) -> Result<Response, ContractError> {
    let mut question = load_question(deps.storage, question_id)?;
    let now = env.block.time;
    let mut response = Response::new()
        .add_attribute("action", "finalize")
        .add_attribute("question_id", question_id.to_string());
    question.status = match question.status {
        QuestionStatus::Proposed { verdict, at } => {
            if now < at.plus_seconds(question.dispute_window_seconds) {
                return Err(ContractError::NotFinalizable {
                    reason: "the dispute window is still open",
                });
            }
            QuestionStatus::Final { verdict, at: now }
        }
        QuestionStatus::Open => {
            if now < question.deadline {
                return Err(ContractError::NotFinalizable {
                    reason: "no quorum yet and the deadline has not passed",
                });
            }
            QuestionStatus::Unresolvable {
                at: question.deadline,
            }
        }
        QuestionStatus::Disputed { by, bond, at, .. } => {
            let config = CONFIG.load(deps.storage)?;
            if now < at.plus_seconds(config.arbitration_timeout_seconds) {
                return Err(ContractError::NotFinalizable {
                    reason: "the arbiter may still rule",
                });
            }
            let refund = Cw20ExecuteMsg::Transfer {
                recipient: by.to_string(),
                amount: bond,
            };
            response = response
                .add_message(Cw20Contract(config.token).call(refund)?)
                .add_attribute("bond_to", &by);
            QuestionStatus::Unresolvable { at: now }
        }
        _ => {
            return Err(ContractError::NotFinalizable {
                reason: "the question is already final",
            })
        }
    };
    QUESTIONS.save(deps.storage, question_id, &question)?;
    Ok(response)
}

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let CtcHook {
        sender: disputer,
        amount,
        msg: ReceiveMsg::Dispute { question_id },
    } = ctc_hook(deps.api, &config.token, &info, wrapper)?;
    let mut question = load_question(deps.storage, question_id)?;
    let (verdict, at) = match question.status {
        QuestionStatus::Proposed { verdict, at } => (verdict, at),
        QuestionStatus::Disputed { .. } => return Err(ContractError::AlreadyDisputed),
        _ => return Err(ContractError::NotProposed),
    };
    let closed_at = at.plus_seconds(question.dispute_window_seconds);
    if env.block.time >= closed_at {
        return Err(ContractError::DisputeWindowClosed { closed_at });
    }
    if amount != config.dispute_bond {
        return Err(ContractError::WrongBond {
            bond: config.dispute_bond,
        });
    }
    question.status = QuestionStatus::Disputed {
        proposed: verdict,
        by: disputer.clone(),
        bond: amount,
        at: env.block.time,
    };
    QUESTIONS.save(deps.storage, question_id, &question)?;
    Ok(Response::new()
        .add_attribute("action", "dispute")
        .add_attribute("question_id", question_id.to_string())
        .add_attribute("disputer", disputer)
        .add_attribute("bond", amount))
}

/// The ruling is final. A dispute is upheld when the ruling differs from the proposal: the bond
/// goes back to the disputer; otherwise it goes to the treasury.
pub fn arbitrate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    question_id: u64,
    verdict: Verdict,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.arbiter {
        return Err(ContractError::NotArbiter);
    }
    let mut question = load_question(deps.storage, question_id)?;
    let QuestionStatus::Disputed {
        proposed, by, bond, ..
    } = question.status.clone()
    else {
        return Err(ContractError::NotDisputed);
    };
    check_verdict(&question, verdict)?;
    let upheld = verdict != proposed;
    question.status = QuestionStatus::Final {
        verdict,
        at: env.block.time,
    };
    QUESTIONS.save(deps.storage, question_id, &question)?;
    let bond_to = if upheld { &by } else { &config.treasury };
    let payout = Cw20ExecuteMsg::Transfer {
        recipient: bond_to.to_string(),
        amount: bond,
    };
    Ok(Response::new()
        .add_message(Cw20Contract(config.token.clone()).call(payout)?)
        .add_attribute("action", "arbitrate")
        .add_attribute("question_id", question_id.to_string())
        .add_attribute("verdict", verdict_name(verdict))
        .add_attribute("upheld", upheld.to_string())
        .add_attribute("bond_to", bond_to))
}

pub fn update_config(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    treasury: Option<String>,
    arbiter: Option<String>,
    dispute_bond: Option<Uint128>,
    arbitration_timeout_seconds: Option<u64>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(treasury) = treasury {
        config.treasury = ctc_conventions::validate::recipient(
            deps.as_ref(),
            env,
            CONTRACT.name,
            "treasury",
            &treasury,
        )?;
    }
    if let Some(arbiter) = arbiter {
        config.arbiter = address(deps.api, "arbiter", &arbiter)?;
    }
    if let Some(bond) = dispute_bond {
        if bond.is_zero() {
            return Err(ContractError::ZeroBond);
        }
        config.dispute_bond = bond;
    }
    if let Some(timeout) = arbitration_timeout_seconds {
        config.arbitration_timeout_seconds = duration(
            "arbitration_timeout_seconds",
            timeout,
            (MIN_ARBITRATION_SECONDS, MAX_ARBITRATION_SECONDS),
        )?;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("arbiter", config.arbiter)
        .add_attribute("dispute_bond", config.dispute_bond))
}

pub fn set_creator(
    deps: DepsMut,
    info: MessageInfo,
    who: String,
    allowed: bool,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let creator = address(deps.api, "address", &who)?;
    if allowed {
        CREATORS.save(deps.storage, &creator, &Empty {})?;
    } else {
        CREATORS.remove(deps.storage, &creator);
    }
    Ok(Response::new()
        .add_attribute("action", "set_creator")
        .add_attribute("creator", creator)
        .add_attribute("allowed", allowed.to_string()))
}

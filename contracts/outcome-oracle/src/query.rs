use cosmwasm_std::{Deps, Env, Order, StdResult};
use ctc_conventions::paging::{filtered_page, page, page_limit};
use ctc_conventions::validate::address;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::load_question;
use crate::msg::{
    AnswerResponse, AnswerStatus, ConfigResponse, QuestionResponse, QuestionStatus,
    QuestionsResponse, ReportEntry, ReportsResponse, StatusFilter, Verdict,
};
use crate::state::{Question, CONFIG, QUESTIONS, REPORTS};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: config.token,
        registry: config.registry,
        treasury: config.treasury,
        arbiter: config.arbiter,
        dispute_bond: config.dispute_bond,
        arbitration_timeout_seconds: config.arbitration_timeout_seconds,
        min_dispute_window_seconds: config.min_dispute_window_seconds,
    })
}

fn view(question_id: u64, question: Question) -> QuestionResponse {
    QuestionResponse {
        question_id,
        creator: question.creator,
        text: question.text,
        outcomes: question.outcomes,
        resolve_after: question.resolve_after,
        deadline: question.deadline,
        reporters: question.reporters,
        quorum: question.quorum,
        dispute_window_seconds: question.dispute_window_seconds,
        status: question.status,
        tallies: question.tallies,
    }
}

pub fn question(deps: Deps, question_id: u64) -> Result<QuestionResponse, ContractError> {
    Ok(view(question_id, load_question(deps.storage, question_id)?))
}

/// What pools read. An open question past its deadline already answers Unresolvable, before
/// anyone cranks `Finalize`; a proposal is not an answer until its window passes and it is
/// finalized.
pub fn answer(deps: Deps, env: Env, question_id: u64) -> Result<AnswerResponse, ContractError> {
    let question = load_question(deps.storage, question_id)?;
    let pending = AnswerResponse {
        status: AnswerStatus::Pending,
        outcome: None,
        finalized_at: None,
    };
    Ok(match question.status {
        QuestionStatus::Final {
            verdict: Verdict::Outcome(index),
            at,
        } => AnswerResponse {
            status: AnswerStatus::Final,
            outcome: Some(index),
            finalized_at: Some(at),
        },
        QuestionStatus::Final {
            verdict: Verdict::Invalid,
            at,
        } => AnswerResponse {
            status: AnswerStatus::Invalid,
            outcome: None,
            finalized_at: Some(at),
        },
        QuestionStatus::Unresolvable { at } => AnswerResponse {
            status: AnswerStatus::Unresolvable,
            outcome: None,
            finalized_at: Some(at),
        },
        QuestionStatus::Open if env.block.time >= question.deadline => AnswerResponse {
            status: AnswerStatus::Unresolvable,
            outcome: None,
            finalized_at: Some(question.deadline),
        },
        _ => pending,
    })
}

pub fn reports(
    deps: Deps,
    question_id: u64,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<ReportsResponse, ContractError> {
    load_question(deps.storage, question_id)?;
    let start = start_after
        .map(|reporter| address(deps.api, "start_after", &reporter))
        .transpose()?;
    let entries = REPORTS.prefix(question_id).range(
        deps.storage,
        start.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let reports = page(entries, limit, |(reporter, verdict)| {
        Ok(ReportEntry { reporter, verdict })
    })?;
    Ok(ReportsResponse { reports })
}

fn status_matches(status: &QuestionStatus, filter: StatusFilter) -> bool {
    matches!(
        (status, filter),
        (QuestionStatus::Open, StatusFilter::Open)
            | (QuestionStatus::Proposed { .. }, StatusFilter::Proposed)
            | (QuestionStatus::Disputed { .. }, StatusFilter::Disputed)
            | (QuestionStatus::Final { .. }, StatusFilter::Final)
            | (
                QuestionStatus::Unresolvable { .. },
                StatusFilter::Unresolvable
            )
    )
}

pub fn questions(
    deps: Deps,
    status: Option<StatusFilter>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<QuestionsResponse, ContractError> {
    let limit = page_limit(limit)?;
    let entries = QUESTIONS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let (questions, next_start_after) = filtered_page(entries, limit, |&id, question| {
        let wanted = status.is_none_or(|s| status_matches(&question.status, s));
        Ok(wanted.then(|| view(id, question)))
    })?;
    Ok(QuestionsResponse {
        questions,
        next_start_after,
    })
}

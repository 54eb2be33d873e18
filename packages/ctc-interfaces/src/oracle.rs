//! What pools and other contracts send to and ask of outcome-oracle.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a reporter or the arbiter says: one of the question's outcomes (by index), or that the
/// question cannot be answered.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Verdict {
    Outcome(u32),
    Invalid,
}

#[cw_serde]
pub struct QuestionInput {
    /// The question, or a URI to it.
    pub text: String,
    /// 2 to 16 labels.
    pub outcomes: Vec<String>,
    /// Reports are accepted from then.
    pub resolve_after: Timestamp,
    /// A question still unanswered then becomes Unresolvable.
    pub deadline: Timestamp,
    /// Narrows the reporters to these addresses (each must also hold ReportOutcomes); any
    /// partner with ReportOutcomes when omitted.
    pub reporters: Option<Vec<String>>,
    /// Agreeing reports needed for a proposal.
    pub quorum: u32,
    pub dispute_window_seconds: u64,
}

/// The oracle execute messages other contracts send.
#[cw_serde]
pub enum OracleExecuteMsg {
    /// Only addresses the owner allowed may create questions. Answers `question_id`.
    CreateQuestion { question: QuestionInput },
}

/// The oracle queries other contracts send.
#[cw_serde]
#[derive(QueryResponses)]
pub enum OracleQueryMsg {
    /// What a pool reads to settle.
    #[returns(AnswerResponse)]
    Answer { question_id: u64 },
    /// Answered with the oracle's full question; `QuestionSummary` reads the part pools need.
    #[returns(QuestionSummary)]
    Question { question_id: u64 },
}

/// The fields of the oracle's `Question` answer that pools rely on. Not `cw_serde`: it must
/// accept the full answer, whose other fields it ignores.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct QuestionSummary {
    pub outcomes: Vec<String>,
    pub resolve_after: Timestamp,
    pub deadline: Timestamp,
    /// `None`: every admitted reporter may report.
    pub reporters: Option<Vec<cosmwasm_std::Addr>>,
    pub quorum: u32,
    pub dispute_window_seconds: u64,
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum AnswerStatus {
    /// Not final yet: open, proposed or disputed.
    Pending,
    /// `outcome` is the answer.
    Final,
    /// Final: the question cannot be answered.
    Invalid,
    /// Nobody answered before the deadline.
    Unresolvable,
}

#[cw_serde]
pub struct AnswerResponse {
    pub status: AnswerStatus,
    /// Set when `status` is `Final`.
    pub outcome: Option<u32>,
    pub finalized_at: Option<Timestamp>,
}

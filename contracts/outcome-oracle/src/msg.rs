use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::oracle::{AnswerResponse, AnswerStatus, QuestionInput, Verdict};

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: disputes post their bond in it.
    pub token: String,
    pub registry: String,
    /// Receives the bonds of rejected disputes.
    pub treasury: String,
    /// Rules on disputed questions; in practice a multisig.
    pub arbiter: String,
    /// The exact CTC bond a dispute posts.
    pub dispute_bond: Uint128,
    /// If the arbiter has not ruled this long after a dispute, anyone may finalize the question
    /// as Unresolvable and the bond goes back to the disputer.
    pub arbitration_timeout_seconds: u64,
    /// The shortest dispute window a question may set: 3,600 (an hour) when omitted. A deployment
    /// parameter, fixed at instantiation, so that a local chain can play a whole season in minutes;
    /// from 1 second to 30 days.
    pub min_dispute_window_seconds: Option<u64>,
    /// Addresses allowed to create questions (e.g. the wager-pool contract, the operator).
    pub creators: Vec<String>,
    /// Sets the arbiter, the bond and the creators; the sender when omitted.
    pub owner: Option<String>,
}

/// The `msg` of a CTC `Send` to the oracle.
#[cw_serde]
pub enum ReceiveMsg {
    /// Disputes the proposed answer, posting the amount sent (exactly the bond).
    Dispute { question_id: u64 },
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hook: `Dispute`.
    Receive(Cw20ReceiveMsg),
    /// Allowed creators only.
    CreateQuestion { question: QuestionInput },
    /// A reporter's verdict, from `resolve_after` until the deadline; changeable until quorum.
    Report { question_id: u64, verdict: Verdict },
    /// Anyone, while the question is open: removes the report of a reporter who may no longer
    /// report (suspended, revoked, lost ReportOutcomes), so it stops counting toward quorum.
    StrikeReport { question_id: u64, reporter: String },
    /// Anyone: a proposal whose dispute window passed becomes final; an open question past its
    /// deadline becomes Unresolvable; so does a dispute the arbiter left unruled past the
    /// arbitration timeout, with the bond back to the disputer.
    Finalize { question_id: u64 },
    /// The arbiter rules on a disputed question.
    Arbitrate { question_id: u64, verdict: Verdict },
    /// Owner.
    UpdateConfig {
        treasury: Option<String>,
        arbiter: Option<String>,
        dispute_bond: Option<Uint128>,
        arbitration_timeout_seconds: Option<u64>,
    },
    /// Owner.
    SetCreator { address: String, allowed: bool },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(QuestionResponse)]
    Question { question_id: u64 },
    #[returns(AnswerResponse)]
    Answer { question_id: u64 },
    #[returns(ReportsResponse)]
    Reports {
        question_id: u64,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// A page reads at most 200 questions and says where to go on.
    #[returns(QuestionsResponse)]
    Questions {
        status: Option<StatusFilter>,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub arbiter: Addr,
    pub dispute_bond: Uint128,
    pub arbitration_timeout_seconds: u64,
    pub min_dispute_window_seconds: u64,
}

#[cw_serde]
pub enum QuestionStatus {
    Open,
    Proposed {
        verdict: Verdict,
        at: Timestamp,
    },
    Disputed {
        proposed: Verdict,
        by: Addr,
        bond: Uint128,
        at: Timestamp,
    },
    Final {
        verdict: Verdict,
        at: Timestamp,
    },
    Unresolvable {
        at: Timestamp,
    },
}

#[cw_serde]
#[derive(Copy)]
pub enum StatusFilter {
    Open,
    Proposed,
    Disputed,
    Final,
    Unresolvable,
}

#[cw_serde]
pub struct QuestionResponse {
    pub question_id: u64,
    pub creator: Addr,
    pub text: String,
    pub outcomes: Vec<String>,
    pub resolve_after: Timestamp,
    pub deadline: Timestamp,
    pub reporters: Option<Vec<Addr>>,
    pub quorum: u32,
    pub dispute_window_seconds: u64,
    pub status: QuestionStatus,
    /// Counted reports per outcome, then for Invalid.
    pub tallies: Vec<u32>,
}

#[cw_serde]
pub struct ReportEntry {
    pub reporter: Addr,
    pub verdict: Verdict,
}

#[cw_serde]
pub struct ReportsResponse {
    pub reports: Vec<ReportEntry>,
}

#[cw_serde]
pub struct QuestionsResponse {
    pub questions: Vec<QuestionResponse>,
    pub next_start_after: Option<u64>,
}

//! The outcome oracle with the real registry and token: quorum, split reports, changed reports,
//! Invalid, the deadline, disputes upheld and rejected with the bond followed to the unit, and a
//! suspended reporter.

use ctc_interfaces::oracle::{
    AnswerResponse, AnswerStatus, OracleQueryMsg, QuestionInput, Verdict,
};
use cw_multi_test::AppResponse;
use outcome_oracle::msg::{ExecuteMsg, QueryMsg, QuestionResponse, QuestionStatus, ReceiveMsg};

use crate::platform::{digest, id, root, Platform, CTC, ORACLE_BOND};

const HOUR: u64 = 3_600;

impl Platform {
    /// "Who wins best actress?", three outcomes, reports from now + 1 h, deadline in 10 days,
    /// quorum 2 of any reporter, a one-day dispute window.
    fn ask_question(&self) -> u64 {
        let now = self.now();
        let response = self
            .execute(
                &self.owner,
                &self.oracle,
                &ExecuteMsg::CreateQuestion {
                    question: QuestionInput {
                        text: "Best actress 2026".into(),
                        outcomes: vec!["Li".into(), "Chen".into(), "Wang".into()],
                        resolve_after: now.plus_seconds(HOUR),
                        deadline: now.plus_seconds(10 * 24 * HOUR),
                        reporters: None,
                        quorum: 2,
                        dispute_window_seconds: 24 * HOUR,
                    },
                },
            )
            .unwrap();
        id(&response, "question_id")
    }

    fn report(&self, reporter: usize, id: u64, verdict: Verdict) -> anyhow::Result<AppResponse> {
        self.execute(
            &self.reporters[reporter],
            &self.oracle,
            &ExecuteMsg::Report {
                question_id: id,
                verdict,
            },
        )
    }

    fn answer(&self, id: u64) -> AnswerResponse {
        self.query(&self.oracle, &OracleQueryMsg::Answer { question_id: id })
    }

    fn question(&self, id: u64) -> QuestionResponse {
        self.query(&self.oracle, &QueryMsg::Question { question_id: id })
    }

    fn dispute(&self, fan: usize, id: u64, amount: u128) -> anyhow::Result<AppResponse> {
        let hook = ReceiveMsg::Dispute { question_id: id };
        self.send_ctc(&self.fans[fan], &self.oracle, amount, &hook)
    }
}

#[test]
fn a_quorum_proposes_and_the_window_makes_it_final() {
    let p = Platform::new();
    let id = p.ask_question();
    assert!(root(p.report(0, id, Verdict::Outcome(1)).unwrap_err())
        .starts_with("reports are accepted from"));
    p.advance(HOUR);
    assert_eq!(
        root(p.report(0, id, Verdict::Outcome(3)).unwrap_err()),
        "outcome 3 does not exist"
    );
    let fan = p.fans[0].clone();
    let err = p
        .execute(
            &fan,
            &p.oracle,
            &ExecuteMsg::Report {
                question_id: id,
                verdict: Verdict::Outcome(1),
            },
        )
        .unwrap_err();
    assert!(root(err).contains("may not report on this question: not_a_partner"));

    // A reporter changes its mind before quorum; the change moves its vote.
    p.report(0, id, Verdict::Outcome(0)).unwrap();
    p.report(0, id, Verdict::Outcome(1)).unwrap();
    assert_eq!(p.question(id).tallies, vec![0, 1, 0, 0]);
    p.report(1, id, Verdict::Outcome(1)).unwrap();
    assert!(matches!(
        p.question(id).status,
        QuestionStatus::Proposed {
            verdict: Verdict::Outcome(1),
            ..
        }
    ));
    assert_eq!(
        root(p.report(2, id, Verdict::Outcome(2)).unwrap_err()),
        "the question is no longer open to reports"
    );
    assert_eq!(p.answer(id).status, AnswerStatus::Pending);
    let err = p
        .execute(&fan, &p.oracle, &ExecuteMsg::Finalize { question_id: id })
        .unwrap_err();
    assert_eq!(
        root(err),
        "nothing to finalize yet: the dispute window is still open"
    );
    p.advance(24 * HOUR);
    p.execute(&fan, &p.oracle, &ExecuteMsg::Finalize { question_id: id })
        .unwrap();
    let answer = p.answer(id);
    assert_eq!(
        (answer.status, answer.outcome),
        (AnswerStatus::Final, Some(1))
    );
    assert_eq!(
        root(p.dispute(0, id, ORACLE_BOND).unwrap_err()),
        "the question has no proposal to dispute"
    );
}

#[test]
fn split_reports_never_reach_quorum_and_the_deadline_makes_it_unresolvable() {
    let p = Platform::new();
    let id = p.ask_question();
    p.advance(HOUR);
    p.report(0, id, Verdict::Outcome(0)).unwrap();
    p.report(1, id, Verdict::Outcome(1)).unwrap();
    p.report(2, id, Verdict::Outcome(2)).unwrap();
    assert_eq!(p.question(id).status, QuestionStatus::Open);
    p.advance(10 * 24 * HOUR);
    // Pools can read the outcome before anyone cranks Finalize.
    assert_eq!(p.answer(id).status, AnswerStatus::Unresolvable);
    assert_eq!(
        root(p.report(0, id, Verdict::Outcome(1)).unwrap_err()),
        "the question is past its deadline"
    );
    let fan = p.fans[0].clone();
    p.execute(&fan, &p.oracle, &ExecuteMsg::Finalize { question_id: id })
        .unwrap();
    assert!(matches!(
        p.question(id).status,
        QuestionStatus::Unresolvable { .. }
    ));
}

#[test]
fn reporters_may_agree_the_question_is_invalid() {
    let p = Platform::new();
    let id = p.ask_question();
    p.advance(HOUR);
    p.report(0, id, Verdict::Invalid).unwrap();
    p.report(2, id, Verdict::Invalid).unwrap();
    p.advance(24 * HOUR);
    let fan = p.fans[1].clone();
    p.execute(&fan, &p.oracle, &ExecuteMsg::Finalize { question_id: id })
        .unwrap();
    assert_eq!(p.answer(id).status, AnswerStatus::Invalid);
}

#[test]
fn an_upheld_dispute_returns_the_bond_and_a_rejected_one_pays_the_treasury() {
    let p = Platform::new();
    for (upheld, ruling) in [(true, Verdict::Outcome(2)), (false, Verdict::Outcome(1))] {
        let id = p.ask_question();
        p.advance(HOUR);
        p.report(0, id, Verdict::Outcome(1)).unwrap();
        p.report(1, id, Verdict::Outcome(1)).unwrap();
        let fan = p.fans[2].clone();
        let (fan_before, treasury_before) = (p.balance(&fan), p.balance(&p.treasury));
        assert_eq!(
            root(p.dispute(2, id, ORACLE_BOND - 1).unwrap_err()),
            format!("a dispute posts exactly {ORACLE_BOND}")
        );
        p.dispute(2, id, ORACLE_BOND).unwrap();
        assert_eq!(p.balance(&p.oracle), ORACLE_BOND);
        assert_eq!(
            root(p.dispute(3, id, ORACLE_BOND).unwrap_err()),
            "the question is already disputed"
        );
        assert_eq!(p.answer(id).status, AnswerStatus::Pending);
        let rule = ExecuteMsg::Arbitrate {
            question_id: id,
            verdict: ruling,
        };
        assert_eq!(
            p.refused(&fan, &p.oracle, &rule),
            "only the arbiter may rule"
        );
        p.execute(&p.arbiter, &p.oracle, &rule).unwrap();
        let answer = p.answer(id);
        assert_eq!(answer.status, AnswerStatus::Final);
        let Verdict::Outcome(expected) = ruling else {
            unreachable!()
        };
        assert_eq!(answer.outcome, Some(expected));
        if upheld {
            assert_eq!(p.balance(&fan), fan_before);
            assert_eq!(p.balance(&p.treasury), treasury_before);
        } else {
            assert_eq!(p.balance(&fan), fan_before - ORACLE_BOND);
            assert_eq!(p.balance(&p.treasury), treasury_before + ORACLE_BOND);
        }
        assert_eq!(p.balance(&p.oracle), 0);
    }
}

#[test]
fn a_dispute_after_the_window_or_in_another_token_is_refused() {
    let p = Platform::new();
    let id = p.ask_question();
    p.advance(HOUR);
    p.report(0, id, Verdict::Outcome(0)).unwrap();
    p.report(1, id, Verdict::Outcome(0)).unwrap();
    p.advance(24 * HOUR);
    assert!(root(p.dispute(0, id, ORACLE_BOND).unwrap_err())
        .starts_with("the dispute window closed at"));
    let fan = p.fans[0].clone();
    let fake = p.other_token(&fan, 1_000 * CTC);
    let hook = ReceiveMsg::Dispute { question_id: id };
    let err = p
        .send_cw20(&fake, &fan, &p.oracle, ORACLE_BOND, &hook)
        .unwrap_err();
    assert_eq!(root(err), "only the configured CTC token is accepted");
}

#[test]
fn a_suspended_reporter_stops_counting() {
    let p = Platform::new();
    let id = p.ask_question();
    p.advance(HOUR);
    p.report(0, id, Verdict::Outcome(2)).unwrap();
    let suspended = p.reporters[0].clone();
    let fan = p.fans[0].clone();
    let strike = ExecuteMsg::StrikeReport {
        question_id: id,
        reporter: suspended.to_string(),
    };
    assert!(p
        .refused(&fan, &p.oracle, &strike)
        .ends_with("may still report: its report stands"));
    p.execute(
        &p.owner,
        &p.registry,
        &partner_registry::msg::ExecuteMsg::Suspend {
            address: suspended.to_string(),
            reason: "feed manipulated".into(),
            digest: digest(9),
        },
    )
    .unwrap();
    assert!(root(p.report(0, id, Verdict::Outcome(1)).unwrap_err()).contains("suspended"));
    // Anyone strikes the suspended reporter's report; it no longer helps reach quorum.
    p.execute(&fan, &p.oracle, &strike).unwrap();
    assert_eq!(p.question(id).tallies, vec![0, 0, 0, 0]);
    p.report(1, id, Verdict::Outcome(2)).unwrap();
    assert_eq!(
        p.question(id).status,
        QuestionStatus::Open,
        "one valid report is not a quorum"
    );
    p.report(2, id, Verdict::Outcome(2)).unwrap();
    assert!(matches!(
        p.question(id).status,
        QuestionStatus::Proposed { .. }
    ));
}

#[test]
fn only_allowed_creators_ask() {
    let p = Platform::new();
    let fan = p.fans[0].clone();
    let now = p.now();
    let question = QuestionInput {
        text: "Box office over 1M?".into(),
        outcomes: vec!["yes".into(), "no".into()],
        resolve_after: now,
        deadline: now.plus_seconds(HOUR),
        reporters: None,
        quorum: 1,
        dispute_window_seconds: HOUR,
    };
    let err = p
        .execute(
            &fan,
            &p.oracle,
            &ExecuteMsg::CreateQuestion {
                question: question.clone(),
            },
        )
        .unwrap_err();
    assert_eq!(root(err), "only allowed creators may create questions");
    p.execute(
        &p.owner,
        &p.oracle,
        &ExecuteMsg::SetCreator {
            address: fan.to_string(),
            allowed: true,
        },
    )
    .unwrap();
    p.execute(&fan, &p.oracle, &ExecuteMsg::CreateQuestion { question })
        .unwrap();
}

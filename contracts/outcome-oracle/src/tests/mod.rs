//! Unit tests through the entry points; the registry's `HasCapability` is answered by a mock in
//! which exactly the three reporters hold ReportOutcomes. Every refusal is checked to leave the
//! storage unchanged.

mod storage_layout;

use cosmwasm_std::{coins, from_json, to_json_binary, Addr, Response, Uint128};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::registry::{CapabilityResponse, Denial, RegistryQueryMsg};
use ctc_testkit::{snapshot, Neighbours, Unit, DAY};
use cw_ownable::OwnershipError;

use crate::contract::{execute, instantiate, migrate, query, CONTRACT};
use crate::msg::{
    AnswerResponse, AnswerStatus, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, QuestionInput,
    QuestionStatus, ReceiveMsg, Verdict,
};
use crate::ContractError;

/// The oracle under test: its `execute`, where every refusal is checked to change nothing.
type Oracle = Unit<ExecuteMsg, ContractError>;

const BOND: u128 = 50_000_000;

struct Chain {
    oracle: Oracle,
    owner: Addr,
    token: Addr,
    arbiter: Addr,
    reporters: Vec<Addr>,
    fan: Addr,
}

/// The oracle as the tests deploy it: the owner its only creator.
fn instantiate_msg(oracle: &Oracle, min_dispute_window_seconds: Option<u64>) -> InstantiateMsg {
    InstantiateMsg {
        token: oracle.addr("ctc").to_string(),
        registry: oracle.addr("registry").to_string(),
        treasury: oracle.addr("treasury").to_string(),
        arbiter: oracle.addr("arbiter").to_string(),
        dispute_bond: Uint128::new(BOND),
        arbitration_timeout_seconds: 7 * DAY,
        min_dispute_window_seconds,
        creators: vec![oracle.addr("owner").to_string()],
        owner: None,
    }
}

/// The token is CTC (a platform contract to the treasury check's cw2 query); no other test
/// address is a contract.
fn ctc(token: &Addr) -> Neighbours {
    Neighbours::new().contract(token, "crates.io:ctc-token")
}

/// A refusal every platform contract shares.
fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

impl Chain {
    fn new() -> Self {
        Self::with_min_window(None)
    }

    fn with_min_window(min_dispute_window_seconds: Option<u64>) -> Self {
        let mut oracle = Oracle::new(execute);
        let owner = oracle.addr("owner");
        let token = oracle.addr("ctc");
        let reporters: Vec<Addr> = (0..3)
            .map(|i| oracle.addr(&format!("reporter{i}")))
            .collect();
        let allowed: Vec<String> = reporters.iter().map(|r| r.to_string()).collect();
        ctc(&token)
            .smart(&oracle.addr("registry"), move |query: RegistryQueryMsg| {
                let RegistryQueryMsg::HasCapability { address, .. } = query else {
                    panic!("the oracle asks only HasCapability")
                };
                let allowed = allowed.contains(&address);
                CapabilityResponse {
                    allowed,
                    reason: (!allowed).then_some(Denial::NotAPartner),
                }
            })
            .install(&mut oracle.deps);
        let msg = instantiate_msg(&oracle, min_dispute_window_seconds);
        oracle.instantiate(instantiate, &owner, msg).unwrap();
        Self {
            arbiter: oracle.addr("arbiter"),
            fan: oracle.addr("fan"),
            oracle,
            owner,
            token,
            reporters,
        }
    }

    fn input(&self) -> QuestionInput {
        let now = self.oracle.env.block.time;
        QuestionInput {
            text: "Who wins?".into(),
            outcomes: vec!["A".into(), "B".into()],
            resolve_after: now,
            deadline: now.plus_seconds(1_000),
            reporters: None,
            quorum: 2,
            dispute_window_seconds: 3_600,
        }
    }

    fn create(&mut self, input: QuestionInput) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::CreateQuestion { question: input };
        self.oracle.execute(&self.owner, msg)
    }

    fn report(&mut self, reporter: usize, verdict: Verdict) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Report {
            question_id: 1,
            verdict,
        };
        self.oracle.execute(&self.reporters[reporter], msg)
    }

    /// The fan disputes question 1 with a CTC `Send` of `amount`.
    fn dispute(&mut self, amount: u128) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Dispute { question_id: 1 };
        self.oracle
            .ctc_send(&self.token, &self.fan, amount, &hook, ExecuteMsg::Receive)
    }

    fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        let oracle = &self.oracle;
        from_json(query(oracle.deps.as_ref(), oracle.env.clone(), msg).unwrap()).unwrap()
    }

    fn answer(&self) -> AnswerResponse {
        self.ask(QueryMsg::Answer { question_id: 1 })
    }

    fn status(&self) -> QuestionStatus {
        let question: crate::msg::QuestionResponse =
            self.ask(QueryMsg::Question { question_id: 1 });
        question.status
    }
}

fn reason(err: ContractError) -> &'static str {
    match err {
        ContractError::InvalidQuestion { reason } => reason,
        other => panic!("{other}"),
    }
}

#[test]
fn refuses_malformed_questions() {
    let mut chain = Chain::new();
    let mut input = chain.input();
    input.outcomes = vec!["only".into()];
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "a question has between 2 and 16 outcomes"
    );
    let mut input = chain.input();
    input.deadline = input.resolve_after;
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "the deadline must be in the future and after resolve_after"
    );
    let mut input = chain.input();
    input.reporters = Some(vec![chain.reporters[0].to_string()]);
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "the quorum is between 1 and 32, and at most the listed reporters"
    );
    let mut input = chain.input();
    input.reporters = Some(vec![chain.reporters[0].to_string(); 2]);
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "a reporter is listed twice"
    );
    let input = chain.input();
    assert_eq!(
        chain
            .oracle
            .refused(&chain.fan, ExecuteMsg::CreateQuestion { question: input }),
        ContractError::NotCreator
    );
}

/// The shared length rule, refused in the oracle's own words.
#[test]
fn refuses_empty_or_oversized_texts_and_labels() {
    let mut chain = Chain::new();
    for text in [String::new(), "x".repeat(513)] {
        let input = QuestionInput {
            text,
            ..chain.input()
        };
        assert_eq!(
            chain.create(input).unwrap_err().to_string(),
            "invalid question: the text is between 1 and 512 bytes"
        );
    }
    for label in [String::new(), "x".repeat(65)] {
        let input = QuestionInput {
            outcomes: vec!["A".into(), label],
            ..chain.input()
        };
        assert_eq!(
            chain.create(input).unwrap_err().to_string(),
            "invalid question: an outcome label is between 1 and 64 bytes"
        );
    }
    let input = QuestionInput {
        text: "x".repeat(512),
        outcomes: vec!["A".into(), "x".repeat(64)],
        ..chain.input()
    };
    chain.create(input).unwrap();
}

#[test]
fn a_listed_reporter_set_narrows_who_counts() {
    let mut chain = Chain::new();
    let mut input = chain.input();
    input.reporters = Some(vec![
        chain.reporters[0].to_string(),
        chain.reporters[1].to_string(),
    ]);
    chain.create(input).unwrap();
    assert!(matches!(
        chain.report(2, Verdict::Outcome(0)).unwrap_err(),
        ContractError::NotReporter {
            reason: "not on the question's reporter list",
            ..
        }
    ));
    chain.report(0, Verdict::Outcome(0)).unwrap();
    chain.report(1, Verdict::Outcome(0)).unwrap();
    assert!(matches!(chain.status(), QuestionStatus::Proposed { .. }));
}

#[test]
fn the_arbiter_may_rule_invalid_and_the_bond_follows_the_ruling() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    chain.report(0, Verdict::Outcome(1)).unwrap();
    chain.report(1, Verdict::Outcome(1)).unwrap();
    let arbiter = chain.arbiter.clone();
    let rule = |verdict| ExecuteMsg::Arbitrate {
        question_id: 1,
        verdict,
    };
    assert_eq!(
        chain.oracle.refused(&arbiter, rule(Verdict::Invalid)),
        ContractError::NotDisputed
    );
    assert_eq!(
        chain.dispute(BOND + 1).unwrap_err(),
        ContractError::WrongBond {
            bond: Uint128::new(BOND)
        }
    );
    chain.dispute(BOND).unwrap();
    assert_eq!(
        chain.oracle.refused(&arbiter, rule(Verdict::Outcome(9))),
        ContractError::UnknownOutcome { index: 9 }
    );
    let response = chain
        .oracle
        .execute(&arbiter, rule(Verdict::Invalid))
        .unwrap();
    let bond_to = response
        .attributes
        .iter()
        .find(|a| a.key == "bond_to")
        .unwrap();
    assert_eq!(
        bond_to.value,
        chain.fan.as_str(),
        "a changed ruling upholds the dispute"
    );
    assert_eq!(chain.answer().status, AnswerStatus::Invalid);
}

/// Only the configured token opens the CTC hook: a dispute sent through another cw20 is refused.
#[test]
fn a_dispute_in_another_token_is_refused() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    chain.report(0, Verdict::Outcome(0)).unwrap();
    chain.report(1, Verdict::Outcome(0)).unwrap();
    let fake = chain.oracle.addr("fake");
    let hook = ReceiveMsg::Dispute { question_id: 1 };
    let refused = chain
        .oracle
        .ctc_send(&fake, &chain.fan, BOND, &hook, ExecuteMsg::Receive);
    assert_eq!(
        refused.unwrap_err(),
        convention(ConventionError::WrongToken)
    );
    chain.dispute(BOND).unwrap();
}

#[test]
fn finalize_refuses_what_is_not_ready() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    let fan = chain.fan.clone();
    assert!(matches!(
        chain
            .oracle
            .refused(&fan, ExecuteMsg::Finalize { question_id: 1 }),
        ContractError::NotFinalizable { .. }
    ));
    assert_eq!(
        chain
            .oracle
            .refused(&fan, ExecuteMsg::Finalize { question_id: 7 }),
        ContractError::QuestionNotFound { question_id: 7 }
    );
    chain.report(0, Verdict::Outcome(0)).unwrap();
    chain.report(1, Verdict::Outcome(0)).unwrap();
    chain.dispute(BOND).unwrap();
    chain.oracle.advance(7 * DAY - 1);
    assert_eq!(
        chain
            .oracle
            .refused(&fan, ExecuteMsg::Finalize { question_id: 1 }),
        ContractError::NotFinalizable {
            reason: "the arbiter may still rule"
        }
    );
    assert_eq!(chain.answer().status, AnswerStatus::Pending);
}

#[test]
fn only_the_owner_configures_and_no_coins_are_taken() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    let owner = chain.owner.clone();
    let zero_bond = ExecuteMsg::UpdateConfig {
        treasury: None,
        arbiter: None,
        dispute_bond: Some(Uint128::zero()),
        arbitration_timeout_seconds: None,
    };
    assert_eq!(
        chain.oracle.refused(&fan, zero_bond.clone()),
        convention(OwnershipError::NotOwner)
    );
    assert_eq!(
        chain.oracle.refused(&owner, zero_bond),
        ContractError::ZeroBond
    );
    let err = chain.oracle.refused_with(
        &owner,
        &coins(1, "ustake"),
        ExecuteMsg::Finalize { question_id: 1 },
    );
    assert_eq!(err, convention(cw_utils::PaymentError::NonPayable {}));
    let oracle = &mut chain.oracle;
    oracle
        .migrate_from(migrate, CONTRACT.name, "0.0.1", MigrateMsg {})
        .unwrap();
    assert_eq!(oracle.contract_version().version, CONTRACT.version);
}

#[test]
fn a_window_must_be_within_bounds_and_quorum_reachable() {
    let mut chain = Chain::new();
    let mut input = chain.input();
    input.dispute_window_seconds = 0;
    assert_eq!(
        chain.create(input).unwrap_err(),
        ContractError::InvalidDuration {
            field: "dispute_window_seconds",
            min: 3_600,
            max: 30 * DAY
        }
    );
    let mut input = chain.input();
    input.quorum = 33;
    assert!(matches!(
        chain.create(input).unwrap_err(),
        ContractError::InvalidQuestion { .. }
    ));
}

#[test]
fn the_window_floor_is_a_deployment_parameter() {
    let mut chain = Chain::with_min_window(Some(10));
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.min_dispute_window_seconds, 10);
    let mut input = chain.input();
    input.dispute_window_seconds = 9;
    assert_eq!(
        chain.create(input).unwrap_err(),
        ContractError::InvalidDuration {
            field: "dispute_window_seconds",
            min: 10,
            max: 30 * DAY
        }
    );
    let mut input = chain.input();
    input.dispute_window_seconds = 10;
    chain.create(input).unwrap();

    // A floor above the default binds too: a creator cannot go below it.
    let mut strict = Chain::with_min_window(Some(7_200));
    let input = strict.input();
    assert!(matches!(
        strict.create(input).unwrap_err(),
        ContractError::InvalidDuration { min: 7_200, .. }
    ));
}

#[test]
fn a_window_floor_of_zero_or_beyond_the_longest_window_is_refused() {
    for floor in [0, 30 * DAY + 1] {
        let mut oracle = Oracle::new(execute);
        let owner = oracle.addr("owner");
        let msg = instantiate_msg(&oracle, Some(floor));
        assert_eq!(
            oracle.instantiate(instantiate, &owner, msg).unwrap_err(),
            ContractError::InvalidDuration {
                field: "min_dispute_window_seconds",
                min: 1,
                max: 30 * DAY
            }
        );
        assert_eq!(snapshot(&oracle.deps.storage), vec![]);
    }
}

#[test]
fn a_configuration_stored_before_the_floor_existed_keeps_the_hour() {
    #[cosmwasm_schema::cw_serde]
    struct ConfigBeforeTheFloor {
        token: Addr,
        registry: Addr,
        treasury: Addr,
        arbiter: Addr,
        dispute_bond: Uint128,
        arbitration_timeout_seconds: u64,
    }
    let mut chain = Chain::with_min_window(Some(10));
    let storage = &mut chain.oracle.deps.storage;
    let current = crate::state::CONFIG.load(storage).unwrap();
    let before = ConfigBeforeTheFloor {
        token: current.token,
        registry: current.registry,
        treasury: current.treasury,
        arbiter: current.arbiter,
        dispute_bond: current.dispute_bond,
        arbitration_timeout_seconds: current.arbitration_timeout_seconds,
    };
    cw_storage_plus::Item::new("config")
        .save(storage, &before)
        .unwrap();
    let mut input = chain.input();
    input.dispute_window_seconds = 3_599;
    assert!(matches!(
        chain.create(input).unwrap_err(),
        ContractError::InvalidDuration { min: 3_600, .. }
    ));
}

#[test]
fn an_idle_arbiter_lets_the_question_end_unresolvable_and_returns_the_bond() {
    let mut chain = Chain::new();
    let input = chain.input();
    let response = chain.create(input).unwrap();
    assert_eq!(from_json::<u64>(response.data.unwrap()).unwrap(), 1);
    chain.report(0, Verdict::Outcome(0)).unwrap();
    chain.report(1, Verdict::Outcome(0)).unwrap();
    chain.dispute(BOND).unwrap();
    assert_eq!(
        chain.dispute(BOND).unwrap_err(),
        ContractError::AlreadyDisputed
    );
    let fan = chain.fan.clone();
    chain.oracle.advance(7 * DAY);
    let response = chain
        .oracle
        .execute(&fan, ExecuteMsg::Finalize { question_id: 1 })
        .unwrap();
    assert_eq!(response.messages.len(), 1, "the bond goes back");
    let bond_to = response
        .attributes
        .iter()
        .find(|a| a.key == "bond_to")
        .unwrap();
    assert_eq!(bond_to.value, chain.fan.as_str());
    assert_eq!(chain.answer().status, AnswerStatus::Unresolvable);
    let arbiter = chain.arbiter.clone();
    assert_eq!(
        chain.oracle.refused(
            &arbiter,
            ExecuteMsg::Arbitrate {
                question_id: 1,
                verdict: Verdict::Outcome(1)
            }
        ),
        ContractError::NotDisputed
    );
}

#[test]
fn the_window_boundary_separates_disputes_from_finality() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    chain.report(0, Verdict::Outcome(1)).unwrap();
    chain.report(1, Verdict::Outcome(1)).unwrap();
    let fan = chain.fan.clone();
    chain.oracle.advance(3_599);
    assert!(matches!(
        chain
            .oracle
            .refused(&fan, ExecuteMsg::Finalize { question_id: 1 }),
        ContractError::NotFinalizable { .. }
    ));
    chain.oracle.advance(1);
    assert!(matches!(
        chain.dispute(BOND).unwrap_err(),
        ContractError::DisputeWindowClosed { .. }
    ));
    let strike = ExecuteMsg::StrikeReport {
        question_id: 1,
        reporter: chain.reporters[0].to_string(),
    };
    assert_eq!(chain.oracle.refused(&fan, strike), ContractError::NotOpen);
    chain
        .oracle
        .execute(&fan, ExecuteMsg::Finalize { question_id: 1 })
        .unwrap();
    assert_eq!(
        chain.report(2, Verdict::Outcome(0)).unwrap_err(),
        ContractError::NotOpen
    );
    let answer = chain.answer();
    assert_eq!(
        (answer.status, answer.outcome),
        (AnswerStatus::Final, Some(1))
    );
}

#[test]
fn the_question_answer_reads_as_the_interface_summary() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input.clone()).unwrap();
    let interface_msg = ctc_interfaces::oracle::OracleQueryMsg::Question { question_id: 1 };
    let msg: QueryMsg = from_json(to_json_binary(&interface_msg).unwrap()).unwrap();
    let summary: ctc_interfaces::oracle::QuestionSummary = chain.ask(msg);
    assert_eq!(summary.outcomes, input.outcomes);
    assert_eq!(summary.deadline, input.deadline);
    // What wager-pool checks of a partner's existing question (finding 3).
    assert_eq!(
        (
            summary.reporters,
            summary.quorum,
            summary.dispute_window_seconds
        ),
        (None, 2, 3_600)
    );
    let listed = QuestionInput {
        reporters: Some(vec![chain.reporters[0].to_string()]),
        quorum: 1,
        ..input
    };
    chain.create(listed).unwrap();
    let summary: ctc_interfaces::oracle::QuestionSummary =
        chain.ask(QueryMsg::Question { question_id: 2 });
    assert_eq!(summary.reporters, Some(vec![chain.reporters[0].clone()]));
    assert_eq!(summary.quorum, 1);
}

/// Finding 4: a treasury that is this contract, the token or another platform contract would lock
/// every rejected dispute's bond for good, whether it is set at instantiation or later.
#[test]
fn the_treasury_is_neither_this_contract_nor_a_platform_contract() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let token = chain.token.clone();
    let this = chain.oracle.env.contract.address.clone();
    let cannot_spend = |address: &Addr, name: &str| {
        convention(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: address.to_string(),
            name: format!("crates.io:{name}"),
        })
    };
    let to = |treasury: &Addr| ExecuteMsg::UpdateConfig {
        treasury: Some(treasury.to_string()),
        arbiter: None,
        dispute_bond: None,
        arbitration_timeout_seconds: None,
    };
    assert_eq!(
        chain.oracle.refused(&owner, to(&token)),
        cannot_spend(&token, "ctc-token")
    );
    assert_eq!(
        chain.oracle.refused(&owner, to(&this)),
        cannot_spend(&this, "outcome-oracle")
    );

    for (treasury, name) in [(&token, "ctc-token"), (&this, "outcome-oracle")] {
        let mut oracle = Oracle::new(execute);
        ctc(&token).install(&mut oracle.deps);
        let mut msg = instantiate_msg(&oracle, None);
        msg.treasury = treasury.to_string();
        let err = oracle.instantiate(instantiate, &owner, msg);
        assert_eq!(err.unwrap_err(), cannot_spend(treasury, name));
        assert_eq!(snapshot(&oracle.deps.storage), vec![]);
    }
}

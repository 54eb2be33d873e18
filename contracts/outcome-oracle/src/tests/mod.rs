//! Unit tests through the entry points; the registry's `HasCapability` is answered by a mock in
//! which exactly the three reporters hold ReportOutcomes. Refusals leave the storage unchanged.

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, ContractResult, Env, Order, OwnedDeps, Response,
    Storage, SystemResult, Uint128, WasmQuery,
};
use ctc_interfaces::registry::{CapabilityResponse, Denial, RegistryQueryMsg};

use crate::contract::{execute, instantiate, migrate, query, CONTRACT_NAME, CONTRACT_VERSION};
use crate::msg::{
    AnswerResponse, AnswerStatus, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, QuestionInput,
    QuestionStatus, ReceiveMsg, Verdict,
};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

const BOND: u128 = 50_000_000;

struct Chain {
    deps: Deps,
    env: Env,
    owner: Addr,
    token: Addr,
    arbiter: Addr,
    reporters: Vec<Addr>,
    fan: Addr,
}

fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// The oracle as the tests deploy it: the owner its only creator.
fn instantiate_msg(api: &MockApi, min_dispute_window_seconds: Option<u64>) -> InstantiateMsg {
    InstantiateMsg {
        token: api.addr_make("ctc").to_string(),
        registry: api.addr_make("registry").to_string(),
        treasury: api.addr_make("treasury").to_string(),
        arbiter: api.addr_make("arbiter").to_string(),
        dispute_bond: Uint128::new(BOND),
        arbitration_timeout_seconds: 7 * 86_400,
        min_dispute_window_seconds,
        creators: vec![api.addr_make("owner").to_string()],
        owner: None,
    }
}

/// The answer to the treasury check's cw2 query: the token is CTC, no other test address is a
/// contract.
fn cw2_info(contract_addr: &str, token: &Addr) -> cosmwasm_std::QuerierResult {
    if contract_addr != token.as_str() {
        return SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
            addr: contract_addr.to_owned(),
        });
    }
    let info = cw2::ContractVersion {
        contract: "crates.io:ctc-token".into(),
        version: "0.1.0".into(),
    };
    SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
}

impl Chain {
    fn new() -> Self {
        Self::with_min_window(None)
    }

    fn with_min_window(min_dispute_window_seconds: Option<u64>) -> Self {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let owner = api.addr_make("owner");
        let token = api.addr_make("ctc");
        let arbiter = api.addr_make("arbiter");
        let reporters: Vec<Addr> = (0..3)
            .map(|i| api.addr_make(&format!("reporter{i}")))
            .collect();
        let allowed: Vec<String> = reporters.iter().map(|r| r.to_string()).collect();
        let ctc = token.clone();
        deps.querier.update_wasm(move |query| {
            let msg = match query {
                WasmQuery::Smart { msg, .. } => msg,
                WasmQuery::Raw { contract_addr, .. } => return cw2_info(contract_addr, &ctc),
                _ => panic!("unexpected query"),
            };
            let RegistryQueryMsg::HasCapability { address, .. } = from_json(msg).unwrap() else {
                panic!("the oracle asks only HasCapability")
            };
            let allowed = allowed.contains(&address);
            let answer = CapabilityResponse {
                allowed,
                reason: (!allowed).then_some(Denial::NotAPartner),
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&answer).unwrap()))
        });
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&owner, &[]),
            instantiate_msg(&api, min_dispute_window_seconds),
        )
        .unwrap();
        Self {
            deps,
            env: mock_env(),
            owner,
            token,
            arbiter,
            reporters,
            fan: api.addr_make("fan"),
        }
    }

    fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        let before = snapshot(&self.deps.storage);
        let result = execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, &[]),
            msg,
        );
        if result.is_err() {
            assert_eq!(
                snapshot(&self.deps.storage),
                before,
                "a refusal changed storage"
            );
        }
        result
    }

    fn input(&self) -> QuestionInput {
        QuestionInput {
            text: "Who wins?".into(),
            outcomes: vec!["A".into(), "B".into()],
            resolve_after: self.env.block.time,
            deadline: self.env.block.time.plus_seconds(1_000),
            reporters: None,
            quorum: 2,
            dispute_window_seconds: 3_600,
        }
    }

    fn create(&mut self, input: QuestionInput) -> Result<Response, ContractError> {
        let owner = self.owner.clone();
        self.exec(&owner, ExecuteMsg::CreateQuestion { question: input })
    }

    fn report(&mut self, reporter: usize, verdict: Verdict) -> Result<Response, ContractError> {
        let reporter = self.reporters[reporter].clone();
        self.exec(
            &reporter,
            ExecuteMsg::Report {
                question_id: 1,
                verdict,
            },
        )
    }

    fn dispute(&mut self, amount: u128) -> Result<Response, ContractError> {
        let token = self.token.clone();
        self.exec(
            &token,
            ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
                sender: self.fan.to_string(),
                amount: Uint128::new(amount),
                msg: to_json_binary(&ReceiveMsg::Dispute { question_id: 1 }).unwrap(),
            }),
        )
    }

    fn answer(&self) -> AnswerResponse {
        from_json(
            query(
                self.deps.as_ref(),
                self.env.clone(),
                QueryMsg::Answer { question_id: 1 },
            )
            .unwrap(),
        )
        .unwrap()
    }

    fn status(&self) -> QuestionStatus {
        let question: crate::msg::QuestionResponse = from_json(
            query(
                self.deps.as_ref(),
                self.env.clone(),
                QueryMsg::Question { question_id: 1 },
            )
            .unwrap(),
        )
        .unwrap();
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
    let fan = chain.fan.clone();
    let input = chain.input();
    assert_eq!(
        chain
            .exec(&fan, ExecuteMsg::CreateQuestion { question: input })
            .unwrap_err(),
        ContractError::NotCreator
    );
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
        chain.exec(&arbiter, rule(Verdict::Invalid)).unwrap_err(),
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
        chain.exec(&arbiter, rule(Verdict::Outcome(9))).unwrap_err(),
        ContractError::UnknownOutcome { index: 9 }
    );
    let response = chain.exec(&arbiter, rule(Verdict::Invalid)).unwrap();
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

#[test]
fn finalize_refuses_what_is_not_ready() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    let fan = chain.fan.clone();
    assert!(matches!(
        chain
            .exec(&fan, ExecuteMsg::Finalize { question_id: 1 })
            .unwrap_err(),
        ContractError::NotFinalizable { .. }
    ));
    assert_eq!(
        chain
            .exec(&fan, ExecuteMsg::Finalize { question_id: 7 })
            .unwrap_err(),
        ContractError::QuestionNotFound { question_id: 7 }
    );
    chain.report(0, Verdict::Outcome(0)).unwrap();
    chain.report(1, Verdict::Outcome(0)).unwrap();
    chain.dispute(BOND).unwrap();
    chain.env.block.time = chain.env.block.time.plus_seconds(7 * 86_400 - 1);
    assert_eq!(
        chain
            .exec(&fan, ExecuteMsg::Finalize { question_id: 1 })
            .unwrap_err(),
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
        chain.exec(&fan, zero_bond.clone()).unwrap_err(),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner)
    );
    assert_eq!(
        chain.exec(&owner, zero_bond).unwrap_err(),
        ContractError::ZeroBond
    );
    let err = execute(
        chain.deps.as_mut(),
        chain.env.clone(),
        message_info(&owner, &coins(1, "ustake")),
        ExecuteMsg::Finalize { question_id: 1 },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
    cw2::set_contract_version(&mut chain.deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(chain.deps.as_mut(), chain.env.clone(), MigrateMsg {}).unwrap();
    assert_eq!(
        cw2::get_contract_version(&chain.deps.storage)
            .unwrap()
            .version,
        CONTRACT_VERSION
    );
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
            max: 30 * 86_400
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
    let config: crate::msg::ConfigResponse =
        from_json(query(chain.deps.as_ref(), chain.env.clone(), QueryMsg::Config {}).unwrap())
            .unwrap();
    assert_eq!(config.min_dispute_window_seconds, 10);
    let mut input = chain.input();
    input.dispute_window_seconds = 9;
    assert_eq!(
        chain.create(input).unwrap_err(),
        ContractError::InvalidDuration {
            field: "dispute_window_seconds",
            min: 10,
            max: 30 * 86_400
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
    for floor in [0, 30 * 86_400 + 1] {
        let mut deps = mock_dependencies();
        let owner = deps.api.addr_make("owner");
        let msg = instantiate_msg(&deps.api, Some(floor));
        let err = instantiate(deps.as_mut(), mock_env(), message_info(&owner, &[]), msg);
        assert_eq!(
            err.unwrap_err(),
            ContractError::InvalidDuration {
                field: "min_dispute_window_seconds",
                min: 1,
                max: 30 * 86_400
            }
        );
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
    let current = crate::state::CONFIG.load(&chain.deps.storage).unwrap();
    let before = ConfigBeforeTheFloor {
        token: current.token,
        registry: current.registry,
        treasury: current.treasury,
        arbiter: current.arbiter,
        dispute_bond: current.dispute_bond,
        arbitration_timeout_seconds: current.arbitration_timeout_seconds,
    };
    cw_storage_plus::Item::new("config")
        .save(&mut chain.deps.storage, &before)
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
    chain.env.block.time = chain.env.block.time.plus_seconds(7 * 86_400);
    let response = chain
        .exec(&fan, ExecuteMsg::Finalize { question_id: 1 })
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
        chain
            .exec(
                &arbiter,
                ExecuteMsg::Arbitrate {
                    question_id: 1,
                    verdict: Verdict::Outcome(1)
                }
            )
            .unwrap_err(),
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
    let proposed_at = chain.env.block.time;
    let fan = chain.fan.clone();
    chain.env.block.time = proposed_at.plus_seconds(3_599);
    assert!(matches!(
        chain
            .exec(&fan, ExecuteMsg::Finalize { question_id: 1 })
            .unwrap_err(),
        ContractError::NotFinalizable { .. }
    ));
    chain.env.block.time = proposed_at.plus_seconds(3_600);
    assert!(matches!(
        chain.dispute(BOND).unwrap_err(),
        ContractError::DisputeWindowClosed { .. }
    ));
    let strike = ExecuteMsg::StrikeReport {
        question_id: 1,
        reporter: chain.reporters[0].to_string(),
    };
    assert_eq!(
        chain.exec(&fan, strike).unwrap_err(),
        ContractError::NotOpen
    );
    chain
        .exec(&fan, ExecuteMsg::Finalize { question_id: 1 })
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
    let raw = query(chain.deps.as_ref(), chain.env.clone(), msg).unwrap();
    let summary: ctc_interfaces::oracle::QuestionSummary = from_json(raw).unwrap();
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
    let msg = QueryMsg::Question { question_id: 2 };
    let raw = query(chain.deps.as_ref(), chain.env.clone(), msg).unwrap();
    let summary: ctc_interfaces::oracle::QuestionSummary = from_json(raw).unwrap();
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
    let this = chain.env.contract.address.clone();
    let cannot_spend = |address: &Addr, name: &str| {
        ContractError::Admin(ctc_conventions::AdminError::RecipientCannotSpend {
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
        chain.exec(&owner, to(&token)).unwrap_err(),
        cannot_spend(&token, "ctc-token")
    );
    assert_eq!(
        chain.exec(&owner, to(&this)).unwrap_err(),
        cannot_spend(&this, "outcome-oracle")
    );

    for (treasury, name) in [(&token, "ctc-token"), (&this, "outcome-oracle")] {
        let mut deps = mock_dependencies();
        let ctc = token.clone();
        deps.querier.update_wasm(move |query| match query {
            WasmQuery::Raw { contract_addr, .. } => cw2_info(contract_addr, &ctc),
            _ => panic!("instantiation asks only cw2"),
        });
        let mut msg = instantiate_msg(&deps.api, None);
        msg.treasury = treasury.to_string();
        let err = instantiate(deps.as_mut(), mock_env(), message_info(&owner, &[]), msg);
        assert_eq!(err.unwrap_err(), cannot_spend(treasury, name));
        assert_eq!(snapshot(&deps.storage), vec![]);
    }
}

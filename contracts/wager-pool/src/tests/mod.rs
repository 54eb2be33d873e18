//! Unit tests through the entry points, with the oracle answered by a mock: question 1 has the
//! outcomes "a" and "b" and takes reports a day from now. Refusals leave the storage unchanged.

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, ContractResult, Env, Order, OwnedDeps, Response,
    Storage, SystemResult, Uint128, WasmQuery,
};
use ctc_interfaces::oracle::{OracleQueryMsg, QuestionSummary};
use ctc_interfaces::BasisPoints;

use crate::contract::{execute, instantiate};
use crate::msg::{ExecuteMsg, InstantiateMsg, PoolInput, QuestionSource, ReceiveMsg};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

struct Chain {
    deps: Deps,
    env: Env,
    operator: Addr,
    token: Addr,
    fan: Addr,
}

fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// Question 1 as the oracle answers it: outcomes "a" and "b", reports a day from now, any
/// reporter, one report enough, an hour to dispute.
fn loose_question(env: &Env) -> QuestionSummary {
    QuestionSummary {
        outcomes: vec!["a".into(), "b".into()],
        resolve_after: env.block.time.plus_seconds(86_400),
        deadline: env.block.time.plus_seconds(10 * 86_400),
        reporters: None,
        quorum: 1,
        dispute_window_seconds: 3_600,
    }
}

/// The oracle answers every question with `question`; `token` is CTC (a platform contract to
/// the recipient check's cw2 query) and no other test address is a contract.
fn answer_question(deps: &mut Deps, token: &Addr, question: QuestionSummary) {
    let token = token.clone();
    deps.querier.update_wasm(move |query| match query {
        WasmQuery::Smart { msg, .. } => {
            let OracleQueryMsg::Question { .. } = from_json(msg).unwrap() else {
                panic!("creation reads only the question")
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&question).unwrap()))
        }
        WasmQuery::Raw { contract_addr, .. } if *contract_addr == token.as_str() => {
            let info = cw2::ContractVersion {
                contract: "crates.io:ctc-token".into(),
                version: "0.1.0".into(),
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
        }
        WasmQuery::Raw { contract_addr, .. } => {
            SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
                addr: contract_addr.clone(),
            })
        }
        _ => panic!("unexpected query"),
    });
}

fn instantiate_msg(api: &MockApi, operator: &Addr, token: &Addr) -> InstantiateMsg {
    InstantiateMsg {
        token: token.to_string(),
        registry: api.addr_make("registry").to_string(),
        oracle: api.addr_make("oracle").to_string(),
        operator: operator.to_string(),
        treasury: api.addr_make("treasury").to_string(),
        node_incentive: api.addr_make("nodes").to_string(),
        treasury_share: BasisPoints::new(5_000).unwrap(),
        creation_bond: Uint128::new(BOND),
        owner: None,
    }
}

const BOND: u128 = 10_000_000;

impl Chain {
    fn new() -> Self {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let env = mock_env();
        let operator = api.addr_make("operator");
        let token = api.addr_make("ctc");
        answer_question(&mut deps, &token, loose_question(&env));
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&operator, &[]),
            instantiate_msg(&api, &operator, &token),
        )
        .unwrap();
        Self {
            deps,
            env,
            operator,
            token,
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

    fn input(&self) -> PoolInput {
        PoolInput {
            title: "Derby".into(),
            outcomes: vec!["a".into(), "b".into()],
            question: QuestionSource::Existing { question_id: 1 },
            closes_at: self.env.block.time.plus_seconds(3_600),
            fee: None,
            min_bet: None,
            max_bet: None,
            cap_per_address: None,
        }
    }

    fn create(&mut self, input: PoolInput) -> Result<Response, ContractError> {
        let operator = self.operator.clone();
        self.exec(&operator, ExecuteMsg::CreatePool { pool: input })
    }

    fn bet(&mut self, token: &Addr, outcome: u32, amount: u128) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: self.fan.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&ReceiveMsg::Bet {
                pool_id: 1,
                outcome,
            })
            .unwrap(),
        });
        self.exec(&token.clone(), msg)
    }
}

fn reason(err: ContractError) -> &'static str {
    match err {
        ContractError::InvalidPool { reason } => reason,
        other => panic!("{other}"),
    }
}

#[test]
fn refuses_malformed_pools() {
    let mut chain = Chain::new();
    let mut input = chain.input();
    input.fee = Some(BasisPoints::new(99).unwrap());
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "the fee is between 100 and 500 basis points"
    );
    let mut input = chain.input();
    input.outcomes = vec!["a".into()];
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "a pool has between 2 and 16 outcomes"
    );
    let mut input = chain.input();
    input.min_bet = Some(Uint128::new(10));
    input.max_bet = Some(Uint128::new(9));
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "bet limits need 100 <= min_bet <= max_bet"
    );
    let mut input = chain.input();
    input.outcomes = vec!["a".into(), "a".into()];
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "outcome labels must differ"
    );
    let mut input = chain.input();
    input.closes_at = chain.env.block.time.plus_seconds(2 * 86_400);
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "betting must close before the question takes reports"
    );
    let fan = chain.fan.clone();
    let input = chain.input();
    assert_eq!(
        chain
            .exec(&fan, ExecuteMsg::CreatePool { pool: input })
            .unwrap_err(),
        ContractError::NotOperator
    );
}

#[test]
fn bets_are_refused_outside_the_rules_and_change_nothing() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    let token = chain.token.clone();
    let fake = chain.deps.api.addr_make("fake");
    assert_eq!(
        chain.bet(&fake, 0, 1_000_000).unwrap_err(),
        ContractError::WrongToken
    );
    assert_eq!(
        chain.bet(&token, 2, 1_000_000).unwrap_err(),
        ContractError::UnknownOutcome { index: 2 }
    );
    assert_eq!(
        chain.bet(&token, 0, 200_000_001).unwrap_err(),
        ContractError::BetOutOfRange {
            min: Uint128::new(100_000),
            max: Uint128::new(200_000_000)
        }
    );
    chain.bet(&token, 0, 1_000_000).unwrap();
    chain.bet(&token, 0, 1_000_000).unwrap();
    chain.env.block.time = chain.env.block.time.plus_seconds(3_600);
    assert!(matches!(
        chain.bet(&token, 1, 1_000_000).unwrap_err(),
        ContractError::BettingClosed { .. }
    ));
    let fan = chain.fan.clone();
    assert_eq!(
        chain
            .exec(&fan, ExecuteMsg::Claim { pool_id: 1 })
            .unwrap_err(),
        ContractError::NotSettled
    );
    let operator = chain.operator.clone();
    assert!(matches!(
        chain
            .exec(&operator, ExecuteMsg::Cancel { pool_id: 1 })
            .unwrap_err(),
        ContractError::BettingClosed { .. }
    ));
}

#[test]
fn only_the_owner_configures_and_no_coins_are_taken() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    let update = ExecuteMsg::UpdateConfig {
        operator: Some(fan.to_string()),
        treasury: None,
        node_incentive: None,
        treasury_share: None,
        creation_bond: None,
    };
    assert_eq!(
        chain.exec(&fan, update).unwrap_err(),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner)
    );
    let operator = chain.operator.clone();
    let err = execute(
        chain.deps.as_mut(),
        chain.env.clone(),
        message_info(&operator, &coins(1, "ustake")),
        ExecuteMsg::Resolve { pool_id: 1 },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
}

/// Finding 3: a partner that may also report picks an existing question it could answer alone
/// (any reporter, one report enough, an hour to dispute) for its own bonded pool. Refused as a
/// new question with those rules would be; once the question has a quorum of 2 and a day to
/// dispute, the same pool opens.
#[test]
fn a_partners_pool_on_an_existing_question_meets_the_rules_of_a_new_one() {
    let mut chain = Chain::new();
    let agency = chain.deps.api.addr_make("agency");
    let token = chain.token.clone();
    let open = |chain: &mut Chain| {
        let msg = ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: agency.to_string(),
            amount: Uint128::new(BOND),
            msg: to_json_binary(&ReceiveMsg::CreatePool {
                pool: Box::new(chain.input()),
            })
            .unwrap(),
        });
        chain.exec(&token, msg)
    };
    let rule = "a partner's question is open to every reporter, with a quorum of at least 2 and \
                a dispute window of at least a day";
    assert_eq!(reason(open(&mut chain).unwrap_err()), rule);
    let loose = loose_question(&chain.env);
    let day = 86_400;
    for question in [
        QuestionSummary {
            quorum: 2,
            ..loose.clone()
        },
        QuestionSummary {
            dispute_window_seconds: day,
            ..loose.clone()
        },
        QuestionSummary {
            quorum: 2,
            dispute_window_seconds: day,
            reporters: Some(vec![agency.clone(), chain.operator.clone()]),
            ..loose.clone()
        },
    ] {
        answer_question(&mut chain.deps, &token, question);
        assert_eq!(reason(open(&mut chain).unwrap_err()), rule);
    }
    let sound = QuestionSummary {
        quorum: 2,
        dispute_window_seconds: day,
        ..loose
    };
    answer_question(&mut chain.deps, &token, sound);
    let response = open(&mut chain).unwrap();
    assert_eq!(response.attributes[3].value, BOND.to_string());
}

/// Finding 4: fees sent to this contract, to the token or to another platform contract would be
/// locked for good, whether the address is set at instantiation or later.
#[test]
fn no_fee_recipient_is_this_contract_or_a_platform_contract() {
    let mut chain = Chain::new();
    let env = chain.env.clone();
    let this = env.contract.address.clone();
    let token = chain.token.clone();
    let cannot_spend = |field, address: &Addr, name: &str| {
        ContractError::Admin(ctc_conventions::AdminError::RecipientCannotSpend {
            field,
            address: address.to_string(),
            name: format!("crates.io:{name}"),
        })
    };
    let update = |treasury: Option<&Addr>, nodes: Option<&Addr>| ExecuteMsg::UpdateConfig {
        operator: None,
        treasury: treasury.map(Addr::to_string),
        node_incentive: nodes.map(Addr::to_string),
        treasury_share: None,
        creation_bond: None,
    };
    let owner = chain.operator.clone();
    assert_eq!(
        chain.exec(&owner, update(Some(&token), None)).unwrap_err(),
        cannot_spend("treasury", &token, "ctc-token")
    );
    assert_eq!(
        chain.exec(&owner, update(None, Some(&this))).unwrap_err(),
        cannot_spend("node_incentive", &this, "wager-pool")
    );

    let api = chain.deps.api;
    for (change, refusal) in [
        (
            (Some(&this), None),
            cannot_spend("treasury", &this, "wager-pool"),
        ),
        (
            (None, Some(&token)),
            cannot_spend("node_incentive", &token, "ctc-token"),
        ),
    ] {
        let mut deps = mock_dependencies();
        answer_question(&mut deps, &token, loose_question(&env));
        let mut msg = instantiate_msg(&api, &owner, &token);
        if let (Some(treasury), _) = change {
            msg.treasury = treasury.to_string();
        }
        if let (_, Some(nodes)) = change {
            msg.node_incentive = nodes.to_string();
        }
        let err = instantiate(deps.as_mut(), env.clone(), message_info(&owner, &[]), msg);
        assert_eq!(err.unwrap_err(), refusal);
        assert_eq!(snapshot(&deps.storage), vec![]);
    }
}

//! Unit tests through the entry points, with the oracle answered by a mock: question 1 has the
//! outcomes "a" and "b" and takes reports a day from now. Every refusal is checked to leave the
//! storage unchanged.

mod storage_layout;

use cosmwasm_std::{coins, Addr, Env, Response, Uint128};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::oracle::{OracleQueryMsg, QuestionSummary};
use ctc_interfaces::BasisPoints;
use ctc_testkit::{snapshot, MockDeps, Neighbours, Unit, DAY};
use cw_ownable::OwnershipError;

use crate::contract::{execute, instantiate};
use crate::msg::{ExecuteMsg, InstantiateMsg, PoolInput, QuestionSource, ReceiveMsg};
use crate::ContractError;

/// The pools under test: their `execute`, where every refusal is checked to change nothing.
type Pools = Unit<ExecuteMsg, ContractError>;

const BOND: u128 = 10_000_000;

struct Chain {
    pools: Pools,
    operator: Addr,
    token: Addr,
    fan: Addr,
}

/// Question 1 as the oracle answers it: outcomes "a" and "b", reports a day from now, any
/// reporter, one report enough, an hour to dispute.
fn loose_question(env: &Env) -> QuestionSummary {
    QuestionSummary {
        outcomes: vec!["a".into(), "b".into()],
        resolve_after: env.block.time.plus_seconds(DAY),
        deadline: env.block.time.plus_seconds(10 * DAY),
        reporters: None,
        quorum: 1,
        dispute_window_seconds: 3_600,
    }
}

/// The oracle answers every question with `question`; `token` is CTC (a platform contract to
/// the recipient check's cw2 query) and no other test address is a contract.
fn answer_question(deps: &mut MockDeps, token: &Addr, question: QuestionSummary) {
    let oracle = deps.api.addr_make("oracle");
    Neighbours::new()
        .contract(token, "crates.io:ctc-token")
        .smart(&oracle, move |query: OracleQueryMsg| {
            let OracleQueryMsg::Question { .. } = query else {
                panic!("creation reads only the question")
            };
            question.clone()
        })
        .install(deps);
}

fn instantiate_msg(pools: &Pools, operator: &Addr, token: &Addr) -> InstantiateMsg {
    InstantiateMsg {
        token: token.to_string(),
        registry: pools.addr("registry").to_string(),
        oracle: pools.addr("oracle").to_string(),
        operator: operator.to_string(),
        treasury: pools.addr("treasury").to_string(),
        node_incentive: pools.addr("nodes").to_string(),
        treasury_share: BasisPoints::new(5_000).unwrap(),
        creation_bond: Uint128::new(BOND),
        owner: None,
    }
}

/// A refusal every platform contract shares.
fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

impl Chain {
    fn new() -> Self {
        let mut pools = Pools::new(execute);
        let operator = pools.addr("operator");
        let token = pools.addr("ctc");
        answer_question(&mut pools.deps, &token, loose_question(&pools.env));
        let msg = instantiate_msg(&pools, &operator, &token);
        pools.instantiate(instantiate, &operator, msg).unwrap();
        Self {
            fan: pools.addr("fan"),
            pools,
            operator,
            token,
        }
    }

    fn input(&self) -> PoolInput {
        PoolInput {
            title: "Derby".into(),
            outcomes: vec!["a".into(), "b".into()],
            question: QuestionSource::Existing { question_id: 1 },
            closes_at: self.pools.env.block.time.plus_seconds(3_600),
            fee: None,
            min_bet: None,
            max_bet: None,
            cap_per_address: None,
        }
    }

    fn create(&mut self, input: PoolInput) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::CreatePool { pool: input };
        self.pools.execute(&self.operator, msg)
    }

    /// The fan bets `amount` on `outcome` of pool 1, in CTC sent by `token`.
    fn bet(&mut self, token: &Addr, outcome: u32, amount: u128) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Bet {
            pool_id: 1,
            outcome,
        };
        self.pools
            .ctc_send(token, &self.fan, amount, &hook, ExecuteMsg::Receive)
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
    input.closes_at = chain.pools.env.block.time.plus_seconds(2 * DAY);
    assert_eq!(
        reason(chain.create(input).unwrap_err()),
        "betting must close before the question takes reports"
    );
    for title in [String::new(), "x".repeat(257)] {
        let input = PoolInput {
            title,
            ..chain.input()
        };
        assert_eq!(
            chain.create(input).unwrap_err().to_string(),
            "invalid pool: the title is between 1 and 256 bytes"
        );
    }
    let input = chain.input();
    assert_eq!(
        chain
            .pools
            .refused(&chain.fan, ExecuteMsg::CreatePool { pool: input }),
        ContractError::NotOperator
    );
}

#[test]
fn bets_are_refused_outside_the_rules_and_change_nothing() {
    let mut chain = Chain::new();
    let input = chain.input();
    chain.create(input).unwrap();
    let token = chain.token.clone();
    let fake = chain.pools.addr("fake");
    assert_eq!(
        chain.bet(&fake, 0, 1_000_000).unwrap_err(),
        convention(ConventionError::WrongToken)
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
    chain.pools.advance(3_600);
    assert!(matches!(
        chain.bet(&token, 1, 1_000_000).unwrap_err(),
        ContractError::BettingClosed { .. }
    ));
    let fan = chain.fan.clone();
    assert_eq!(
        chain.pools.refused(&fan, ExecuteMsg::Claim { pool_id: 1 }),
        ContractError::NotSettled
    );
    let operator = chain.operator.clone();
    assert!(matches!(
        chain
            .pools
            .refused(&operator, ExecuteMsg::Cancel { pool_id: 1 }),
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
        chain.pools.refused(&fan, update),
        convention(OwnershipError::NotOwner)
    );
    let operator = chain.operator.clone();
    let err = chain.pools.refused_with(
        &operator,
        &coins(1, "ustake"),
        ExecuteMsg::Resolve { pool_id: 1 },
    );
    assert_eq!(err, convention(cw_utils::PaymentError::NonPayable {}));
}

/// Finding 3: a partner that may also report picks an existing question it could answer alone
/// (any reporter, one report enough, an hour to dispute) for its own bonded pool. Refused as a
/// new question with those rules would be; once the question has a quorum of 2 and a day to
/// dispute, the same pool opens.
#[test]
fn a_partners_pool_on_an_existing_question_meets_the_rules_of_a_new_one() {
    let mut chain = Chain::new();
    let agency = chain.pools.addr("agency");
    let token = chain.token.clone();
    let open = |chain: &mut Chain| {
        let hook = ReceiveMsg::CreatePool {
            pool: Box::new(chain.input()),
        };
        chain
            .pools
            .ctc_send(&token, &agency, BOND, &hook, ExecuteMsg::Receive)
    };
    let rule = "a partner's question is open to every reporter, with a quorum of at least 2 and \
                a dispute window of at least a day";
    assert_eq!(reason(open(&mut chain).unwrap_err()), rule);
    let loose = loose_question(&chain.pools.env);
    for question in [
        QuestionSummary {
            quorum: 2,
            ..loose.clone()
        },
        QuestionSummary {
            dispute_window_seconds: DAY,
            ..loose.clone()
        },
        QuestionSummary {
            quorum: 2,
            dispute_window_seconds: DAY,
            reporters: Some(vec![agency.clone(), chain.operator.clone()]),
            ..loose.clone()
        },
    ] {
        answer_question(&mut chain.pools.deps, &token, question);
        assert_eq!(reason(open(&mut chain).unwrap_err()), rule);
    }
    let sound = QuestionSummary {
        quorum: 2,
        dispute_window_seconds: DAY,
        ..loose
    };
    answer_question(&mut chain.pools.deps, &token, sound);
    let response = open(&mut chain).unwrap();
    assert_eq!(response.attributes[3].value, BOND.to_string());
}

/// Finding 4: fees sent to this contract, to the token or to another platform contract would be
/// locked for good, whether the address is set at instantiation or later.
#[test]
fn no_fee_recipient_is_this_contract_or_a_platform_contract() {
    let mut chain = Chain::new();
    let env = chain.pools.env.clone();
    let this = env.contract.address.clone();
    let token = chain.token.clone();
    let cannot_spend = |field, address: &Addr, name: &str| {
        convention(AdminError::RecipientCannotSpend {
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
        chain.pools.refused(&owner, update(Some(&token), None)),
        cannot_spend("treasury", &token, "ctc-token")
    );
    assert_eq!(
        chain.pools.refused(&owner, update(None, Some(&this))),
        cannot_spend("node_incentive", &this, "wager-pool")
    );

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
        let mut pools = Pools::new(execute);
        answer_question(&mut pools.deps, &token, loose_question(&env));
        let mut msg = instantiate_msg(&pools, &owner, &token);
        if let (Some(treasury), _) = change {
            msg.treasury = treasury.to_string();
        }
        if let (_, Some(nodes)) = change {
            msg.node_incentive = nodes.to_string();
        }
        let err = pools.instantiate(instantiate, &owner, msg);
        assert_eq!(err.unwrap_err(), refusal);
        assert_eq!(snapshot(&pools.deps.storage), vec![]);
    }
}

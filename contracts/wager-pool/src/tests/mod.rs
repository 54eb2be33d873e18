//! Unit tests through the entry points, with the oracle answered by a mock: question 1 has the
//! outcomes "a" and "b" and takes reports a day from now. Every refusal is checked to leave the
//! storage unchanged.

//! Unit tests through the entry points, with the oracle, the registry and the randomness contract
//! answered by mocks over one shared [`World`] the tests change: question 1 has the outcomes "a"
//! and "b" and takes reports a day from now. Every refusal is checked to leave the storage
//! unchanged.

mod bettor_identity;
mod drawn;
mod limits;
mod payout;
mod payout_property;
mod scenario;
mod storage_layout;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{
    coins, from_json, Addr, CosmosMsg, Env, HexBinary, Response, Timestamp, Uint128, WasmMsg,
};
use ctc_conventions::{AdminError, ConventionError};
use ctc_interfaces::oracle::{AnswerResponse, AnswerStatus, OracleQueryMsg, QuestionSummary};
use ctc_interfaces::randomness::{DrawResponse, DrawStatus, RandomnessQueryMsg};
use ctc_interfaces::registry::{IdentityLevel, IdentityLevelResponse, RegistryQueryMsg};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
use ctc_testkit::{snapshot, MockDeps, Neighbours, Unit, DAY};
use cw20::Cw20ExecuteMsg;
use cw_ownable::OwnershipError;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, PoolInput, PoolResponse, PositionResponse,
    QueryMsg, QuestionSource, ReceiveMsg,
};
use crate::ContractError;

/// The pools under test: their `execute`, where every refusal is checked to change nothing.
type Pools = Unit<ExecuteMsg, ContractError>;

const BOND: u128 = 10_000_000;
/// The scenario bond when instantiate leaves it out: 20 CTC.
const FAN_BOND: u128 = 20_000_000;
const CTC: u128 = 1_000_000;

/// What the neighbouring contracts answer, changed by the tests as they go.
#[derive(Default)]
struct World {
    /// The oracle's answer to `Question`, for every question id.
    question: Option<QuestionSummary>,
    /// The oracle's answer to `Answer`; pending when unset.
    answer: Option<(AnswerStatus, Option<u32>)>,
    /// The registry's identity levels; no attestation for anyone else.
    levels: BTreeMap<Addr, IdentityLevel>,
    identity_queries: u32,
    /// The randomness contract's seed: the draw is ready once set.
    seed: Option<[u8; 32]>,
    /// The draw's status while it has no seed: `Committing` when unset.
    draw_status: Option<DrawStatus>,
    /// When the draw's reveals close, once it has enough commitments.
    reveals_close_at: Option<Timestamp>,
    draw_queries: Vec<(String, u64)>,
}

type Shared = Rc<RefCell<World>>;

/// Makes `deps` see `world`: `token` is CTC (a platform contract to the recipient check's cw2
/// query); the oracle, the registry and the randomness contract answer from `world`; any other
/// query panics, so a test notices one it did not expect.
fn install(deps: &mut MockDeps, token: &Addr, world: &Shared) {
    let (oracle, registry, randomness) = (
        deps.api.addr_make("oracle"),
        deps.api.addr_make("registry"),
        deps.api.addr_make("randomness"),
    );
    let (for_oracle, for_registry, for_draws) = (world.clone(), world.clone(), world.clone());
    Neighbours::new()
        .contract(token, "crates.io:ctc-token")
        .smart(&oracle, move |query: OracleQueryMsg| {
            let world = for_oracle.borrow();
            match query {
                OracleQueryMsg::Question { .. } => {
                    OracleAnswer::Question(world.question.clone().expect("a question"))
                }
                OracleQueryMsg::Answer { .. } => {
                    let (status, outcome) = world.answer.unwrap_or((AnswerStatus::Pending, None));
                    OracleAnswer::Answer(AnswerResponse {
                        status,
                        outcome,
                        finalized_at: None,
                    })
                }
            }
        })
        .smart(&registry, move |query: RegistryQueryMsg| {
            let RegistryQueryMsg::IdentityLevel {
                address,
                accepted_attesters: None,
            } = query
            else {
                panic!("the pools ask the registry only for identity levels, of any attester")
            };
            let mut world = for_registry.borrow_mut();
            world.identity_queries += 1;
            let level = world
                .levels
                .iter()
                .find(|(who, _)| who.as_str() == address)
                .map(|(_, level)| *level);
            IdentityLevelResponse {
                level,
                attester: None,
                expires_at: None,
                subject: None,
            }
        })
        .smart(&randomness, move |query: RandomnessQueryMsg| {
            let RandomnessQueryMsg::Draw { requester, key } = query;
            let mut world = for_draws.borrow_mut();
            world.draw_queries.push((requester.clone(), key));
            let status = match (world.seed, world.draw_status) {
                (Some(_), _) => DrawStatus::Ready,
                (None, status) => status.unwrap_or(DrawStatus::Committing),
            };
            DrawResponse {
                reveals_close_at: world.reveals_close_at,
                ..DrawResponse::answered(requester, key, status, world.seed)
            }
        })
        .install(deps);
}

/// The oracle's two answers, as their own JSON.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum OracleAnswer {
    Question(QuestionSummary),
    Answer(AnswerResponse),
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

/// `loose_question` under the rules a partner's or a fan's pool needs: a quorum of 2 and a day
/// to dispute.
fn sound_question(env: &Env) -> QuestionSummary {
    QuestionSummary {
        quorum: 2,
        dispute_window_seconds: DAY,
        ..loose_question(env)
    }
}

/// The oracle answers every question with `question` and nothing else is set up.
fn answer_question(deps: &mut MockDeps, token: &Addr, question: QuestionSummary) {
    let world = Rc::new(RefCell::new(World {
        question: Some(question),
        ..World::default()
    }));
    install(deps, token, &world);
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
        bet_floor: None,
        bet_ceiling: None,
        scenario_bond: None,
        scenario_min_identity: None,
        max_open_scenarios: None,
        randomness: None,
    }
}

/// `UpdateConfig` from the JSON of the fields it changes, the others left out.
fn update(fields: &str) -> ExecuteMsg {
    from_json(format!(r#"{{"update_config":{fields}}}"#)).expect("an UpdateConfig")
}

/// A refusal every platform contract shares.
fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

struct Chain {
    pools: Pools,
    /// The operator, and the owner: it instantiated the pools.
    operator: Addr,
    token: Addr,
    fan: Addr,
    world: Shared,
}

impl Chain {
    fn new() -> Self {
        Self::with(|_| {})
    }

    /// Pools instantiated with `edit` applied to the usual message.
    fn with(edit: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let mut pools = Pools::new(execute);
        let operator = pools.addr("operator");
        let token = pools.addr("ctc");
        let world = Rc::new(RefCell::new(World {
            question: Some(loose_question(&pools.env)),
            ..World::default()
        }));
        install(&mut pools.deps, &token, &world);
        let mut msg = instantiate_msg(&pools, &operator, &token);
        edit(&mut msg);
        pools.instantiate(instantiate, &operator, msg).unwrap();
        Self {
            fan: pools.addr("fan"),
            pools,
            operator,
            token,
            world,
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
            min_identity: None,
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

    /// `who` bets `amount` CTC units on `outcome` of `pool_id`.
    fn bet_as(
        &mut self,
        who: &Addr,
        pool_id: u64,
        outcome: u32,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Bet { pool_id, outcome };
        let token = self.token.clone();
        self.pools
            .ctc_send(&token, who, amount, &hook, ExecuteMsg::Receive)
    }

    /// `who` opens a scenario pool, sending `amount` CTC units.
    fn open_scenario(
        &mut self,
        who: &Addr,
        amount: u128,
        input: PoolInput,
    ) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::OpenScenarioPool {
            pool: Box::new(input),
        };
        let token = self.token.clone();
        self.pools
            .ctc_send(&token, who, amount, &hook, ExecuteMsg::Receive)
    }

    fn run(&mut self, who: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        self.pools.execute(who, msg)
    }

    fn refused(&mut self, who: &Addr, msg: ExecuteMsg) -> ContractError {
        self.pools.refused(who, msg)
    }

    fn anyone(&self) -> Addr {
        self.pools.addr("anyone")
    }

    fn resolve(&mut self, pool_id: u64) -> Result<Response, ContractError> {
        let anyone = self.anyone();
        self.run(&anyone, ExecuteMsg::Resolve { pool_id })
    }

    fn pay_out(&mut self, pool_id: u64, limit: Option<u32>) -> Result<Response, ContractError> {
        let anyone = self.anyone();
        self.run(&anyone, ExecuteMsg::PayOut { pool_id, limit })
    }

    fn claim(&mut self, who: &Addr, pool_id: u64) -> Result<Response, ContractError> {
        self.run(who, ExecuteMsg::Claim { pool_id })
    }

    fn pool(&self, pool_id: u64) -> PoolResponse {
        self.pools.ask(query, QueryMsg::Pool { pool_id })
    }

    fn config(&self) -> ConfigResponse {
        self.pools.ask(query, QueryMsg::Config {})
    }

    fn position(&self, pool_id: u64, who: &Addr) -> PositionResponse {
        let address = who.to_string();
        self.pools
            .ask(query, QueryMsg::Position { pool_id, address })
    }

    /// The oracle's answer from now on.
    fn answer(&mut self, status: AnswerStatus, outcome: Option<u32>) {
        self.world.borrow_mut().answer = Some((status, outcome));
    }

    fn attest(&mut self, who: &Addr, level: IdentityLevel) {
        self.world.borrow_mut().levels.insert(who.clone(), level);
    }

    fn identity_queries(&self) -> u32 {
        self.world.borrow().identity_queries
    }
}

/// Every CTC payment `response` makes, as (recipient, amount): cw20 transfers and each payment
/// of a `Disburse`, to the token only.
fn payments(response: &Response, token: &Addr) -> Vec<(String, u128)> {
    let mut paid = Vec::new();
    for sub in &response.messages {
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr, msg, ..
        }) = &sub.msg
        else {
            panic!("only executes are sent")
        };
        if contract_addr != token.as_str() {
            continue;
        }
        if let Ok(CtcExecuteMsg::Disburse {
            payments,
            burn_or_recycle,
        }) = from_json(msg)
        {
            assert!(burn_or_recycle.is_zero(), "the pools burn nothing");
            assert!(payments.len() <= ctc_interfaces::token::MAX_DISBURSE_PAYMENTS);
            paid.extend(payments.into_iter().map(|p| (p.recipient, p.amount.u128())));
            continue;
        }
        match from_json(msg) {
            Ok(Cw20ExecuteMsg::Transfer { recipient, amount }) => {
                paid.push((recipient, amount.u128()))
            }
            other => panic!("an unexpected call into the token: {other:?}"),
        }
    }
    paid
}

/// The sum `payments` pays `to`.
fn paid_to(response: &Response, token: &Addr, to: &Addr) -> u128 {
    payments(response, token)
        .iter()
        .filter(|(recipient, _)| recipient == to.as_str())
        .map(|(_, amount)| amount)
        .sum()
}

/// The attribute `key` of `response`.
fn attribute<'a>(response: &'a Response, key: &str) -> &'a str {
    response
        .attributes
        .iter()
        .find(|attribute| attribute.key == key)
        .map(|attribute| attribute.value.as_str())
        .unwrap_or_else(|| panic!("no attribute {key}"))
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
        "the minimum bet cannot exceed the maximum"
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
    let update = update(&format!(r#"{{"operator":"{fan}"}}"#));
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
        chain.world.borrow_mut().question = Some(question);
        assert_eq!(reason(open(&mut chain).unwrap_err()), rule);
    }
    chain.world.borrow_mut().question = Some(sound_question(&chain.pools.env));
    let response = open(&mut chain).unwrap();
    assert_eq!(response.attributes[3].value, BOND.to_string());
    // A partner's pool draws on its quota, as a fan's does not.
    let (registry, consume) = &ctc_testkit::executes(&response)[0];
    assert_eq!(registry, chain.pools.addr("registry").as_str());
    assert!(consume.starts_with(r#"{"consume_quota":"#), "{consume}");
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
        bet_floor: None,
        bet_ceiling: None,
        scenario_bond: None,
        scenario_min_identity: None,
        max_open_scenarios: None,
        randomness: None,
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

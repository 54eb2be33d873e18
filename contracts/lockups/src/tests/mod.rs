//! Unit tests through the entry points, with the token's cw20 `balance` answered by a mock that
//! follows what the tests move in and what claims pay out, and its cw2 name and `allocation`
//! answered as ctc-token's for `set_token`'s verification. Every refusal is checked to leave the
//! storage unchanged.

mod admin;
mod claims;
mod conservation;
mod funding;
mod grants;
mod queries;
mod revoke;
mod schedules;
mod storage_layout;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{Addr, Api, Response, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::token::{AllocationBucket, AllocationResponse, BucketAllocation, CtcQueryMsg};
use ctc_testkit::{executes, Neighbours, Unit, CTC, DAY};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    ExecuteMsg, GrantResponse, InstantiateMsg, QueryMsg, ReceiveMsg, Schedule, TotalsResponse,
    Tranche,
};
use crate::ContractError;

/// The founding team's genesis bucket: 15% of 1.5 billion CTC.
pub const BUCKET: u128 = 225_000_000 * CTC;
pub const MONTH: u64 = 30 * DAY;
pub const YEAR: u64 = 365 * DAY;

/// The lockups contract under test: its `execute`, where every refusal is checked to change
/// nothing.
pub type Lockups = Unit<ExecuteMsg, ContractError>;

pub struct Accounts {
    pub owner: Addr,
    pub token: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub stranger: Addr,
}

pub struct Chain {
    pub unit: Lockups,
    pub accounts: Accounts,
    /// This contract's balance at the mocked token.
    pub balance: Rc<RefCell<u128>>,
    /// What claims paid, by beneficiary.
    pub paid: BTreeMap<Addr, u128>,
    /// The block time at instantiation.
    pub start: Timestamp,
    /// The lock-up's floor, given at instantiation.
    pub locked_until: Timestamp,
}

ctc_testkit::deref_to_unit!(Chain.unit: Lockups);

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

pub fn linear(start: Timestamp, cliff: Timestamp, end: Timestamp) -> Schedule {
    Schedule::Linear { start, cliff, end }
}

/// `count` steps of equal basis points, one every `every` seconds after `first`.
pub fn monthly(first: Timestamp, count: u64, every: u64) -> Schedule {
    let bps = (10_000 / count) as u16;
    Schedule::Tranches {
        steps: (0..count)
            .map(|n| Tranche {
                at: first.plus_seconds(n * every),
                bps,
            })
            .collect(),
    }
}

/// What a mocked token is asked: cw20's `balance`, or ctc-token's `allocation` by `set_token`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum TokenQuery {
    Cw20(Cw20QueryMsg),
    Ctc(CtcQueryMsg),
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum TokenAnswer {
    Balance(BalanceResponse),
    Allocation(AllocationResponse),
}

/// A genesis allocation with `team` and `investors` as the locked buckets and made-up
/// addresses for the other four.
pub fn allocation(unit: &Lockups, team: &Addr, investors: &Addr) -> AllocationResponse {
    let buckets = AllocationBucket::ALL
        .into_iter()
        .map(|bucket| BucketAllocation {
            bucket,
            address: match bucket {
                AllocationBucket::FoundingTeam => team.clone(),
                AllocationBucket::InstitutionalInvestors => investors.clone(),
                other => unit.addr(other.name()),
            },
            share: bucket.share(),
            amount: bucket.amount(),
        })
        .collect();
    AllocationResponse { buckets }
}

/// `neighbours` with a token at `address`: cw2 name `name`, instantiated by `creator`, this
/// contract's balance read from `balance`, and `allocation` as its genesis allocation.
pub fn with_token(
    neighbours: Neighbours,
    address: &Addr,
    name: &str,
    creator: &Addr,
    me: &Addr,
    balance: Rc<RefCell<u128>>,
    allocation: AllocationResponse,
) -> Neighbours {
    let me = me.to_string();
    neighbours
        .contract(address, name)
        .created_by(address, creator)
        .smart(address, move |query: TokenQuery| match query {
            TokenQuery::Cw20(Cw20QueryMsg::Balance { address }) => {
                let balance = if address == me { *balance.borrow() } else { 0 };
                TokenAnswer::Balance(BalanceResponse {
                    balance: Uint128::new(balance),
                })
            }
            TokenQuery::Ctc(CtcQueryMsg::Allocation {}) => {
                TokenAnswer::Allocation(allocation.clone())
            }
            TokenQuery::Cw20(other) => panic!("lockups does not ask the token {other:?}"),
            TokenQuery::Ctc(other) => panic!("lockups does not ask the token {other:?}"),
        })
}

impl Chain {
    /// Instantiated without a token, locked until the instantiation itself; the mocked token
    /// answers a zero balance.
    pub fn bare() -> Self {
        Self::bare_locked_for(0)
    }

    /// Instantiated without a token, locked for `seconds` after instantiation.
    pub fn bare_locked_for(seconds: u64) -> Self {
        let mut unit = Lockups::new(execute);
        let name = |n: &str| unit.addr(n);
        let accounts = Accounts {
            owner: name("owner"),
            token: name("ctc"),
            alice: name("alice"),
            bob: name("bob"),
            stranger: name("stranger"),
        };
        let start = unit.env.block.time;
        let locked_until = start.plus_seconds(seconds);
        let msg = InstantiateMsg {
            owner: None,
            token: None,
            locked_until,
        };
        unit.instantiate(instantiate, &accounts.owner, msg).unwrap();
        let mut chain = Self {
            unit,
            accounts,
            balance: Rc::default(),
            paid: BTreeMap::new(),
            start,
            locked_until,
        };
        chain.install_token();
        chain
    }

    /// The token credited the bucket at its instantiate, and the owner set it here.
    pub fn new() -> Self {
        Self::new_locked_for(0)
    }

    /// As `new`, locked for `seconds` after instantiation.
    pub fn new_locked_for(seconds: u64) -> Self {
        let mut chain = Self::bare_locked_for(seconds);
        *chain.balance.borrow_mut() = BUCKET;
        chain.set_token().unwrap();
        chain
    }

    /// The neighbours of every test: the mocked CTC token, which names this contract as the
    /// founding team's bucket and answers its balance. The owner instantiated both, as the
    /// deploy's one account does, so the token passes the creator check. Tests add look-alikes
    /// to them.
    pub fn neighbours(&self) -> Neighbours {
        let me = self.unit.env.contract.address.clone();
        let investors = self.unit.addr("investors_lockup");
        let deployer = &self.accounts.owner;
        with_token(
            Neighbours::new().created_by(&me, deployer),
            &self.accounts.token,
            "crates.io:ctc-token",
            deployer,
            &me,
            Rc::clone(&self.balance),
            allocation(&self.unit, &me, &investors),
        )
    }

    /// The mocked token answers this contract's balance and allocation, and the recipient check
    /// sees it as the platform's token.
    pub fn install_token(&mut self) {
        self.neighbours().install(&mut self.unit.deps);
    }

    pub fn set_token(&mut self) -> Result<Response, ContractError> {
        let (owner, token) = (self.accounts.owner.clone(), self.accounts.token.clone());
        self.execute(
            &owner,
            ExecuteMsg::SetToken {
                address: token.into(),
            },
        )
    }

    /// A plain cw20 `transfer` to this contract: the token credits it and says nothing.
    pub fn transfer_in(&mut self, amount: u128) {
        *self.balance.borrow_mut() += amount;
    }

    /// A CTC `send` with `fund {}` from `from`: credited first, then the hook, as the token
    /// does it; a refused hook undoes the credit, as the transaction would.
    pub fn fund(&mut self, from: &Addr, amount: u128) -> Result<Response, ContractError> {
        *self.balance.borrow_mut() += amount;
        let token = self.accounts.token.clone();
        let result = self.ctc_send(
            &token,
            from,
            amount,
            &ReceiveMsg::Fund {},
            ExecuteMsg::Receive,
        );
        if result.is_err() {
            *self.balance.borrow_mut() -= amount;
        }
        result
    }

    pub fn grant(
        &mut self,
        beneficiary: &Addr,
        amount: u128,
        schedule: Schedule,
        revocable: bool,
    ) -> Result<u64, ContractError> {
        let owner = self.accounts.owner.clone();
        let msg = ExecuteMsg::CreateGrant {
            beneficiary: beneficiary.to_string(),
            amount: Uint128::new(amount),
            schedule,
            revocable,
        };
        let response = self.execute(&owner, msg)?;
        Ok(attribute(&response, "grant_id").parse().unwrap())
    }

    /// `claim` sent by `who`: checks that it sends exactly one cw20 `transfer`, of the token,
    /// and books it at the mocked token. Answers the beneficiary and the amount paid.
    pub fn claim(&mut self, who: &Addr, grant_id: u64) -> Result<(Addr, u128), ContractError> {
        let response = self.execute(who, ExecuteMsg::Claim { grant_id })?;
        let [(contract, msg)] = &executes(&response)[..] else {
            panic!("a claim sends one message: {response:?}");
        };
        assert_eq!(contract, self.accounts.token.as_str());
        let Cw20ExecuteMsg::Transfer { recipient, amount } = cosmwasm_std::from_json(msg).unwrap()
        else {
            panic!("a claim pays with a transfer: {msg}");
        };
        let (recipient, amount) = (
            self.deps.api.addr_validate(&recipient).unwrap(),
            amount.u128(),
        );
        assert_eq!(attribute(&response, "amount"), amount.to_string());
        *self.balance.borrow_mut() -= amount;
        *self.paid.entry(recipient.clone()).or_default() += amount;
        Ok((recipient, amount))
    }

    pub fn revoke(&mut self, grant_id: u64) -> Result<Response, ContractError> {
        let owner = self.accounts.owner.clone();
        self.execute(&owner, ExecuteMsg::Revoke { grant_id })
    }

    /// `seconds` after instantiation.
    pub fn at(&self, seconds: u64) -> Timestamp {
        self.start.plus_seconds(seconds)
    }

    /// Moves the block to `seconds` after instantiation.
    pub fn set_time(&mut self, seconds: u64) {
        let now = self.env.block.time;
        let to = self.at(seconds);
        assert!(to >= now, "time only moves forward");
        self.advance(to.seconds() - now.seconds());
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.unit.deps.as_ref(), self.unit.env.clone(), msg).unwrap_err()
    }

    pub fn grant_info(&self, grant_id: u64) -> GrantResponse {
        self.ask(QueryMsg::Grant { grant_id })
    }

    pub fn totals(&self) -> TotalsResponse {
        self.ask(QueryMsg::Totals {})
    }

    pub fn paid_to(&self, who: &Addr) -> u128 {
        self.paid.get(who).copied().unwrap_or_default()
    }
}

/// The value of the attribute `key` in `response`.
pub fn attribute(response: &Response, key: &str) -> String {
    response
        .attributes
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no attribute {key}"))
        .value
        .clone()
}

pub fn u(amount: u128) -> Uint128 {
    Uint128::new(amount)
}

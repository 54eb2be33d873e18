//! Unit tests through the entry points. The token answers cw2's raw query as ctc-token, its
//! allocation (naming the fund as the public-welfare bucket) and the fund's balance from a number
//! the fixture keeps as the token would (a `Send` or a plain transfer adds to it, every
//! `Transfer` the fund sends takes from it); the registry answers `partner_status` from a table.
//! Beside them stand a look-alike CTC that names other buckets, a CTC whose recycle pool is the
//! fund, a CTC naming the fund that an attacker instantiated, and a plain cw20. The committee
//! instantiated the fund and every token but the attacker's. Every refusal is checked to leave
//! the storage unchanged.

mod admin;
mod conservation_property;
mod ledger;
mod queries;
mod rounds;
mod storage_layout;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{from_json, Addr, HexBinary, Response, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::merkle::{self, ProofStep, Tree};
use ctc_interfaces::registry::{PartnerKind, PartnerStatusResponse, RegistryQueryMsg, Standing};
use ctc_interfaces::token::{
    AllocationBucket, AllocationResponse, BucketAllocation, CtcQueryMsg, TokenomicsResponse,
};
use ctc_testkit::{executes, Neighbours, Unit, CTC};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg};
use serde::{Deserialize, Serialize};

use crate::contract::{execute, instantiate, query};
use crate::msg::{ExecuteMsg, InstantiateMsg, LedgerResponse, QueryMsg, ReceiveMsg};
use crate::ContractError;

/// The allocation fund under test: its `execute`, where every refusal is checked to change
/// nothing.
pub type Fund = Unit<ExecuteMsg, ContractError>;

/// What the fund holds when its token is set: its genesis allocation.
pub const GENESIS: u128 = 5_000 * CTC;

pub struct Chain {
    pub unit: Fund,
    pub owner: Addr,
    /// CTC, naming the fund as its public-welfare bucket.
    pub token: Addr,
    /// Answers as ctc-token, but names other addresses for every bucket and its recycle pool.
    pub look_alike: Addr,
    /// Answers as ctc-token and names the fund as its recycle pool, in no bucket.
    pub recycling: Addr,
    /// Answers as ctc-token and names the fund as its public-welfare bucket, but `attacker`
    /// instantiated it: the front-run `set_token` must refuse.
    pub attackers: Addr,
    pub attacker: Addr,
    /// A plain cw20: another contract name.
    pub cw20: Addr,
    pub registry: Addr,
    pub stranger: Addr,
    /// The token's balance of the fund.
    pub balance: Rc<Cell<u128>>,
    /// The registry's partners and their standing.
    pub partners: Rc<RefCell<BTreeMap<String, Standing>>>,
    /// Every query the registry answered.
    pub asked: Rc<RefCell<Vec<RegistryQueryMsg>>>,
}

ctc_testkit::deref_to_unit!(Chain.unit: Fund);

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

pub fn digest(byte: u8) -> String {
    format!("{byte:02x}").repeat(32)
}

pub fn donate(memo: Option<&str>, evidence_digest: Option<String>) -> ReceiveMsg {
    ReceiveMsg::Donate {
        memo: memo.map(str::to_owned),
        evidence_digest,
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

/// What the fixture's tokens are asked: cw20's queries and ctc-token's own.
#[derive(Deserialize)]
#[serde(untagged)]
enum TokenQuery {
    Cw20(Cw20QueryMsg),
    Ctc(CtcQueryMsg),
}

#[derive(Serialize)]
#[serde(untagged)]
enum TokenAnswer {
    Balance(BalanceResponse),
    Allocation(AllocationResponse),
    Tokenomics(Box<TokenomicsResponse>),
}

/// A ctc-token at `address`, instantiated by `creator`, whose genesis buckets are `buckets` (in
/// `AllocationBucket::ALL`'s order) and whose recycle pool is `pool`, holding `balance` for
/// `holder` (nothing for anyone else).
fn ctc(
    neighbours: Neighbours,
    address: &Addr,
    creator: &Addr,
    buckets: Vec<Addr>,
    pool: Addr,
    holder: Addr,
    balance: Rc<Cell<u128>>,
) -> Neighbours {
    neighbours
        .contract(address, "crates.io:ctc-token")
        .created_by(address, creator)
        .smart(address, move |query: TokenQuery| match query {
            TokenQuery::Cw20(Cw20QueryMsg::Balance { address }) => {
                TokenAnswer::Balance(BalanceResponse {
                    balance: Uint128::new(if address == holder.as_str() {
                        balance.get()
                    } else {
                        0
                    }),
                })
            }
            TokenQuery::Ctc(CtcQueryMsg::Allocation {}) => {
                TokenAnswer::Allocation(AllocationResponse {
                    buckets: AllocationBucket::ALL
                        .iter()
                        .zip(&buckets)
                        .map(|(bucket, address)| BucketAllocation {
                            bucket: *bucket,
                            address: address.clone(),
                            share: bucket.share(),
                            amount: bucket.amount(),
                        })
                        .collect(),
                })
            }
            TokenQuery::Ctc(CtcQueryMsg::Tokenomics {}) => {
                let zero = Uint128::zero();
                TokenAnswer::Tokenomics(Box::new(TokenomicsResponse {
                    issuance: zero,
                    total_supply: zero,
                    burned: zero,
                    floor: zero,
                    burnable: zero,
                    recycled: zero,
                    recycle_pool: pool.clone(),
                    locked: zero,
                    undistributed: zero,
                    circulating: zero,
                }))
            }
            TokenQuery::Cw20(other) => panic!("the fund does not ask a token {other:?}"),
        })
}

impl Chain {
    /// Its neighbours in place, nothing instantiated yet.
    pub fn bare() -> Self {
        let unit = Fund::new(execute);
        let mut chain = Self {
            owner: unit.addr("committee"),
            token: unit.addr("ctc"),
            look_alike: unit.addr("ctc_look_alike"),
            recycling: unit.addr("ctc_recycling"),
            attackers: unit.addr("ctc_of_an_attacker"),
            attacker: unit.addr("attacker"),
            cw20: unit.addr("cw20_base"),
            registry: unit.addr("registry"),
            stranger: unit.addr("stranger"),
            unit,
            balance: Rc::default(),
            partners: Rc::default(),
            asked: Rc::default(),
        };
        chain.install_neighbours();
        chain
    }

    /// Instantiated for the public-welfare bucket, with no token set yet.
    pub fn new() -> Self {
        let mut chain = Self::bare();
        let msg = InstantiateMsg {
            owner: None,
            token: None,
            registry: chain.registry.to_string(),
            bucket: "public_welfare".into(),
        };
        let owner = chain.owner.clone();
        chain.unit.instantiate(instantiate, &owner, msg).unwrap();
        chain
    }

    /// This fund's address: the domain of its rounds' trees.
    pub fn fund(&self) -> Addr {
        self.env.contract.address.clone()
    }

    /// With the token set while the fund holds `GENESIS`.
    pub fn funded() -> Self {
        let mut chain = Self::new();
        chain.balance.set(GENESIS);
        let (owner, token) = (chain.owner.clone(), chain.token.clone());
        chain
            .execute(
                &owner,
                ExecuteMsg::SetToken {
                    address: token.to_string(),
                },
            )
            .unwrap();
        chain
    }

    fn install_neighbours(&mut self) {
        let fund = self.fund();
        let (partners, asked) = (Rc::clone(&self.partners), Rc::clone(&self.asked));
        let others: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| self.addr(bucket.name()))
            .collect();
        let mut ours = others.clone();
        ours[AllocationBucket::PublicWelfare.index()] = fund.clone();
        let pool = self.addr("community_pool");
        let nothing = Rc::new(Cell::new(0));
        let committee = self.owner.clone();
        let neighbours = Neighbours::new()
            // The committee instantiated the fund: a token must have been created by it too.
            .created_by(&fund, &committee)
            .contract(&self.cw20, "crates.io:cw20-base")
            // A platform contract: the recipient checks refuse to pay it.
            .contract(&self.registry, "crates.io:partner-registry");
        // The token is a platform contract too: the recipient checks refuse to pay it.
        let neighbours = ctc(
            neighbours,
            &self.attackers,
            &self.attacker,
            ours.clone(),
            pool.clone(),
            fund.clone(),
            Rc::clone(&self.balance),
        );
        let neighbours = ctc(
            neighbours,
            &self.token,
            &committee,
            ours,
            pool.clone(),
            fund.clone(),
            Rc::clone(&self.balance),
        );
        let neighbours = ctc(
            neighbours,
            &self.look_alike,
            &committee,
            others.clone(),
            pool,
            fund.clone(),
            Rc::clone(&nothing),
        );
        let neighbours = ctc(
            neighbours,
            &self.recycling,
            &committee,
            others,
            fund.clone(),
            fund,
            nothing,
        );
        neighbours
            .smart(&self.registry, move |query: RegistryQueryMsg| {
                asked.borrow_mut().push(query.clone());
                match query {
                    RegistryQueryMsg::PartnerStatus { address } => {
                        let standing = partners.borrow().get(&address).copied();
                        PartnerStatusResponse {
                            admitted: standing.is_some(),
                            active: standing == Some(Standing::Active),
                            kind: standing.map(|_| PartnerKind::Troupe),
                        }
                    }
                    other => panic!("the fund does not ask the registry {other:?}"),
                }
            })
            .install(&mut self.unit.deps);
    }

    /// Runs `msg` and, as the token would, takes every `Transfer` the fund sends from its
    /// balance.
    pub fn run(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        let response = self.execute(sender, msg)?;
        for (contract, json) in executes(&response) {
            assert_eq!(
                contract,
                self.token.as_str(),
                "the fund only calls its token"
            );
            match from_json(json).unwrap() {
                Cw20ExecuteMsg::Transfer { amount, .. } => {
                    self.balance.set(self.balance.get() - amount.u128());
                }
                other => panic!("the fund only transfers: {other:?}"),
            }
        }
        Ok(response)
    }

    /// A CTC `Send` of `amount` by `from` carrying `hook`: the token credits the fund first,
    /// and takes it back when the hook is refused (the whole transaction fails).
    pub fn send(
        &mut self,
        from: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<Response, ContractError> {
        self.balance.set(self.balance.get() + amount);
        let token = self.token.clone();
        let result = self.ctc_send(&token, from, amount, hook, ExecuteMsg::Receive);
        if result.is_err() {
            self.balance.set(self.balance.get() - amount);
        }
        result
    }

    /// A plain transfer to the fund (or the token's recycling into it): no hook, nothing booked.
    pub fn transfer_in(&self, amount: u128) {
        self.balance.set(self.balance.get() + amount);
    }

    pub fn set_partner(&self, address: &Addr, standing: Standing) {
        self.partners
            .borrow_mut()
            .insert(address.to_string(), standing);
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.unit.deps.as_ref(), self.unit.env.clone(), msg).unwrap_err()
    }

    pub fn ledger(&self) -> LedgerResponse {
        self.ask(QueryMsg::Ledger {})
    }

    /// `hours` after now.
    pub fn in_hours(&self, hours: u64) -> Timestamp {
        self.env.block.time.plus_seconds(hours * 3_600)
    }

    /// The id the next round opens under.
    pub fn next_round(&self) -> u64 {
        self.ledger().rounds + 1
    }

    /// The tree of `list` for the next round of this fund.
    pub fn next_tree(&self, list: &[(&Addr, u128)]) -> Tree {
        tree(&self.fund(), self.next_round(), list)
    }

    /// The owner opens a round of `list` with claims for a day.
    pub fn open(&mut self, list: &[(&Addr, u128)], partners_only: bool) -> (u64, Tree) {
        let tree = self.next_tree(list);
        let msg = open_round(self.next_round(), &tree, self.in_hours(24), partners_only);
        let owner = self.owner.clone();
        let response = self.run(&owner, msg).unwrap();
        (attribute(&response, "round_id").parse().unwrap(), tree)
    }

    pub fn claim(
        &mut self,
        round_id: u64,
        address: &Addr,
        amount: u128,
        proof: &[ProofStep],
    ) -> Result<Response, ContractError> {
        let sender = self.stranger.clone();
        self.run(
            &sender,
            ExecuteMsg::Claim {
                round_id,
                address: address.to_string(),
                amount: Uint128::new(amount),
                proof: proof.to_vec(),
            },
        )
    }
}

/// The tree `domain` publishes of `list` for `scope`.
pub fn tree(domain: &Addr, scope: u64, list: &[(&Addr, u128)]) -> Tree {
    let entries: Vec<(String, Uint128)> = list
        .iter()
        .map(|(address, amount)| (address.to_string(), Uint128::new(*amount)))
        .collect();
    merkle::build(domain.as_str(), scope, &entries).unwrap()
}

pub fn open_round(
    round_id: u64,
    tree: &Tree,
    claims_until: Timestamp,
    partners_only: bool,
) -> ExecuteMsg {
    ExecuteMsg::OpenRound {
        round_id,
        root: tree.root.clone(),
        total: tree.total,
        list_digest: digest(0x15),
        list_uri: "ipfs://bafy-round-list".into(),
        claims_until,
        partners_only,
    }
}

/// A root of `len` bytes.
pub fn root_of(len: usize) -> HexBinary {
    HexBinary::from(vec![7; len])
}

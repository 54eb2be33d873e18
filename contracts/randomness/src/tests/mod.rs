//! Unit tests through the entry points. The registry's `partner_status` is answered by a mock
//! reading a table the tests change; the token is mocked by booking what hooks credit and what
//! the contract's cw20 `transfer`s pay out, so every test can check balances. Every refusal is
//! checked to leave the storage unchanged.

mod admin;
mod conservation;
mod draws;
mod providers;
mod retract;
mod stalled;
mod storage_layout;
mod uniformity;
mod withholding;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std::{Addr, Api, HexBinary, Response, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::randomness::{commitment, DrawResponse};
use ctc_interfaces::registry::{PartnerKind, PartnerStatusResponse, RegistryQueryMsg};
use ctc_testkit::{executes, Neighbours, Unit, CTC};
use cw20::Cw20ExecuteMsg;
use sha2::{Digest, Sha256};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    CommitmentResponse, ExecuteMsg, InstantiateMsg, ProviderResponse, QueryMsg,
    RandomnessReceiveMsg,
};
use crate::ContractError;

pub const BOND: u128 = 1_000 * CTC;
pub const COMMIT_SECONDS: u64 = 600;
pub const REVEAL_SECONDS: u64 = 900;
pub const MIN_COMMITS: u32 = 2;
pub const MAX_COMMITS: u32 = 4;

/// The randomness contract under test: its `execute`, where every refusal is checked to change
/// nothing.
pub type Randomness = Unit<ExecuteMsg, ContractError>;

/// What the mocked registry answers for an address: (admitted, active). Absent: neither.
pub type Partners = Rc<RefCell<BTreeMap<String, (bool, bool)>>>;

pub struct Chain {
    pub unit: Randomness,
    pub owner: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    /// The consumer contract that requests the draws.
    pub consumer: Addr,
    pub stranger: Addr,
    /// Admitted, active partners p0 … p5.
    pub partners: Vec<Addr>,
    pub registry_answers: Partners,
    /// This contract's CTC balance at the mocked token.
    pub balance: u128,
    /// What left by cw20 `transfer`, by recipient.
    pub paid: BTreeMap<Addr, u128>,
}

ctc_testkit::deref_to_unit!(Chain.unit: Randomness);

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

/// The `n`-th secret of the tests: sha256 of `n`, the same on every run.
pub fn secret(n: u64) -> [u8; 32] {
    Sha256::digest(n.to_be_bytes()).into()
}

pub fn hex(bytes: &[u8]) -> HexBinary {
    HexBinary::from(bytes)
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

pub fn instantiate_msg(unit: &Randomness) -> InstantiateMsg {
    InstantiateMsg {
        token: unit.addr("ctc").to_string(),
        registry: unit.addr("registry").to_string(),
        treasury: unit.addr("treasury").to_string(),
        provider_bond: Uint128::new(BOND),
        commit_seconds: COMMIT_SECONDS,
        reveal_seconds: REVEAL_SECONDS,
        min_commits: MIN_COMMITS,
        max_commits: MAX_COMMITS,
        owner: None,
    }
}

/// The token answers cw2 as CTC (a platform contract, for the treasury check); the registry
/// answers `partner_status` from `answers`.
pub fn neighbours(token: &Addr, registry: &Addr, answers: Partners) -> Neighbours {
    Neighbours::new()
        .contract(token, "crates.io:ctc-token")
        .contract(registry, "crates.io:partner-registry")
        .smart(registry, move |query: RegistryQueryMsg| {
            let RegistryQueryMsg::PartnerStatus { address } = query else {
                panic!("randomness asks the registry only partner_status")
            };
            let (admitted, active) = answers.borrow().get(&address).copied().unwrap_or_default();
            PartnerStatusResponse {
                admitted,
                active,
                kind: admitted.then_some(PartnerKind::Platform),
            }
        })
}

impl Chain {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// Instantiated with `instantiate_msg` as `adjust` leaves it.
    pub fn with(adjust: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let mut unit = Randomness::new(execute);
        let name = |n: &str| unit.addr(n);
        let (owner, token, registry, treasury) = (
            name("owner"),
            name("ctc"),
            name("registry"),
            name("treasury"),
        );
        let (consumer, stranger) = (name("wager-pool"), name("stranger"));
        let partners: Vec<Addr> = (0..6).map(|i| name(&format!("p{i}"))).collect();
        let registry_answers: Partners = Rc::default();
        for partner in &partners {
            registry_answers
                .borrow_mut()
                .insert(partner.to_string(), (true, true));
        }
        neighbours(&token, &registry, Rc::clone(&registry_answers)).install(&mut unit.deps);
        let mut msg = instantiate_msg(&unit);
        adjust(&mut msg);
        unit.instantiate(instantiate, &owner, msg).unwrap();
        Self {
            unit,
            owner,
            token,
            registry,
            treasury,
            consumer,
            stranger,
            partners,
            registry_answers,
            balance: 0,
            paid: BTreeMap::new(),
        }
    }

    pub fn p(&self, i: usize) -> Addr {
        self.partners[i].clone()
    }

    /// Sets what the registry answers for `who`.
    pub fn set_partner(&self, who: &Addr, admitted: bool, active: bool) {
        self.registry_answers
            .borrow_mut()
            .insert(who.to_string(), (admitted, active));
    }

    /// A CTC `send` of `amount` with `join {}` by `who`: credited, then the hook, as the token
    /// does it; a refused hook undoes the credit, as the transaction would.
    pub fn join_with(&mut self, who: &Addr, amount: u128) -> Result<Response, ContractError> {
        let token = self.token.clone();
        let result = self.unit.ctc_send(
            &token,
            who,
            amount,
            &RandomnessReceiveMsg::Join {},
            ExecuteMsg::Receive,
        );
        if result.is_ok() {
            self.balance += amount;
        }
        result
    }

    pub fn join(&mut self, who: &Addr) -> Result<Response, ContractError> {
        self.join_with(who, BOND)
    }

    /// Partners 0 … `count` − 1 join.
    pub fn join_first(&mut self, count: usize) {
        for i in 0..count {
            let who = self.p(i);
            self.join(&who).unwrap();
        }
    }

    /// Books the cw20 `transfer`s `response` sends (of the token, and nothing else), and answers
    /// them as (recipient, amount).
    pub fn settle(&mut self, response: &Response) -> Vec<(Addr, u128)> {
        executes(response)
            .into_iter()
            .map(|(contract, msg)| {
                assert_eq!(contract, self.token.as_str(), "only CTC is sent");
                let Cw20ExecuteMsg::Transfer { recipient, amount } =
                    cosmwasm_std::from_json(&msg).unwrap()
                else {
                    panic!("payments are cw20 transfers: {msg}");
                };
                let recipient = self.deps.api.addr_validate(&recipient).unwrap();
                self.balance = self.balance.checked_sub(amount.u128()).expect("held");
                *self.paid.entry(recipient.clone()).or_default() += amount.u128();
                (recipient, amount.u128())
            })
            .collect()
    }

    /// `leave` by `who`; answers what it was sent back.
    pub fn leave(&mut self, who: &Addr) -> Result<u128, ContractError> {
        let response = self.execute(who, ExecuteMsg::Leave {})?;
        let paid = self.settle(&response);
        assert!(
            paid.iter().all(|(to, _)| to == who),
            "the bond goes back to its provider"
        );
        Ok(paid.iter().map(|(_, amount)| amount).sum())
    }

    pub fn request(
        &mut self,
        key: u64,
        commits_close_at: Option<Timestamp>,
    ) -> Result<Response, ContractError> {
        let consumer = self.consumer.clone();
        self.execute(
            &consumer,
            ExecuteMsg::RequestDraw {
                key,
                commits_close_at,
            },
        )
    }

    /// `who` commits `hash` to the consumer's draw `key`.
    pub fn commit_hash(
        &mut self,
        who: &Addr,
        key: u64,
        hash: &[u8],
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Commit {
            requester: self.consumer.to_string(),
            key,
            commitment: hex(hash),
        };
        self.execute(who, msg)
    }

    /// `who` commits to `secret` for the consumer's draw `key`, as the format prescribes.
    pub fn commit(
        &mut self,
        who: &Addr,
        key: u64,
        secret: &[u8; 32],
    ) -> Result<Response, ContractError> {
        let hash = commitment(self.consumer.as_str(), key, who.as_str(), secret);
        self.commit_hash(who, key, &hash)
    }

    /// `who` takes back its commitment to the consumer's draw `key`.
    pub fn retract(&mut self, who: &Addr, key: u64) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Retract {
            requester: self.consumer.to_string(),
            key,
        };
        self.execute(who, msg)
    }

    pub fn reveal(
        &mut self,
        who: &Addr,
        key: u64,
        secret: &[u8],
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Reveal {
            requester: self.consumer.to_string(),
            key,
            secret: hex(secret),
        };
        self.execute(who, msg)
    }

    /// `by` forfeits `provider`'s commitment to draw `key`; answers what went to the treasury.
    pub fn forfeit(&mut self, by: &Addr, key: u64, provider: &Addr) -> Result<u128, ContractError> {
        let msg = ExecuteMsg::Forfeit {
            requester: self.consumer.to_string(),
            key,
            provider: provider.to_string(),
        };
        let response = self.execute(by, msg)?;
        let paid = self.settle(&response);
        let treasury = self.treasury.clone();
        assert!(
            paid.iter().all(|(to, _)| *to == treasury),
            "forfeits go to the treasury"
        );
        assert_eq!(
            attribute(&response, "forfeited"),
            paid.iter().map(|(_, a)| a).sum::<u128>().to_string()
        );
        Ok(paid.iter().map(|(_, amount)| amount).sum())
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.unit.deps.as_ref(), self.unit.env.clone(), msg).unwrap_err()
    }

    pub fn draw(&self, key: u64) -> DrawResponse {
        self.ask(QueryMsg::Draw {
            requester: self.consumer.to_string(),
            key,
        })
    }

    pub fn provider(&self, who: &Addr) -> ProviderResponse {
        self.ask(QueryMsg::Provider {
            address: who.to_string(),
        })
    }

    pub fn commitment_of(&self, key: u64, who: &Addr) -> CommitmentResponse {
        self.ask(QueryMsg::Commitment {
            requester: self.consumer.to_string(),
            key,
            provider: who.to_string(),
        })
    }

    pub fn paid_to(&self, who: &Addr) -> u128 {
        self.paid.get(who).copied().unwrap_or_default()
    }

    pub fn now(&self) -> Timestamp {
        self.env.block.time
    }
}

/// The seed the format prescribes for the consumer's draw `key` from `secrets`, recomputed here.
pub fn expected_seed(chain: &Chain, key: u64, secrets: &[[u8; 32]]) -> HexBinary {
    let mut mix = [0u8; 32];
    for secret in secrets {
        for (byte, other) in mix.iter_mut().zip(secret) {
            *byte ^= other;
        }
    }
    hex(&ctc_interfaces::randomness::seed(
        chain.consumer.as_str(),
        key,
        &mix,
    ))
}

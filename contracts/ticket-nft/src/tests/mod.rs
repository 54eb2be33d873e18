//! Unit tests through the entry points, with the registry answered by a mock querier. Refusals
//! go through `Chain::refused`, which also checks the whole storage is unchanged.

mod admin;
mod events;
mod moves;
mod sale;
mod settlement;

use std::collections::BTreeMap;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, ContractResult, CosmosMsg, Env, Order, OwnedDeps, Response,
    Storage, SystemResult, Timestamp, Uint128, WasmMsg, WasmQuery,
};
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::proof::{check_in_text, HolderProof};
use ctc_interfaces::registry::{
    CapabilityResponse, ClearanceResponse, Denial, IdentityLevel, IdentityLevelResponse,
    RegistryQueryMsg,
};
use ctc_interfaces::BasisPoints;
use cw20::Cw20ReceiveMsg;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    EventInput, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg, TierInput, TransferPolicy,
};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

pub const CTC: u128 = 1_000_000;
pub const DAY: u64 = 86_400;

pub struct Accounts {
    pub owner: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub issuer: Addr,
    pub scanner: Addr,
    pub minter: Addr,
    pub fans: Vec<Addr>,
}

/// What the mock registry answers.
#[derive(Clone, Default)]
pub struct Registry {
    pub issuer_denial: Option<Denial>,
    pub levels: BTreeMap<String, IdentityLevel>,
}

pub struct Chain {
    pub deps: Deps,
    pub env: Env,
    pub accounts: Accounts,
}

pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// Sale open from now, event in ten days for three hours, Free policy with two moves, resale
/// cap 110%, royalty 5%; tiers: "Stalls" 100 CTC x 10 (limit 4) and "Box" 250 CTC x 2 seated.
pub fn event_input(env: &Env) -> EventInput {
    let starts_at = env.block.time.plus_seconds(10 * DAY);
    EventInput {
        title: "Hamlet".into(),
        venue: "Grand Theater".into(),
        description_uri: None,
        starts_at,
        ends_at: starts_at.plus_seconds(3 * 3_600),
        sale_starts_at: env.block.time,
        sale_ends_at: starts_at,
        tiers: vec![
            TierInput {
                name: "Stalls".into(),
                price: Uint128::new(100 * CTC),
                supply: 10,
                seats: vec![],
                per_wallet_limit: Some(4),
            },
            TierInput {
                name: "Box".into(),
                price: Uint128::new(250 * CTC),
                supply: 2,
                seats: vec!["B1".into(), "B2".into()],
                per_wallet_limit: None,
            },
        ],
        min_identity: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 2 },
        lock_before_start_seconds: 3_600,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(500).unwrap(),
        check_in_opens_before_seconds: 2 * 3_600,
    }
}

impl Chain {
    /// Instantiated with a 5% platform fee and a 10% burn share; event 1 created from
    /// `event_input` by the issuer.
    pub fn new() -> Self {
        let mut chain = Self::bare();
        let input = event_input(&chain.env);
        let issuer = chain.accounts.issuer.clone();
        chain
            .exec(&issuer, ExecuteMsg::CreateEvent { event: input })
            .unwrap();
        chain
    }

    pub fn bare() -> Self {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let accounts = Accounts {
            owner: api.addr_make("platform"),
            token: api.addr_make("ctc"),
            registry: api.addr_make("registry"),
            treasury: api.addr_make("treasury"),
            issuer: api.addr_make("theater"),
            scanner: api.addr_make("door"),
            minter: api.addr_make("crowdfund"),
            // Fans sign holder proofs at the door, so their addresses come from keys.
            fans: (1..=4).map(|seed| account(&api, &key(seed)).1).collect(),
        };
        let env = mock_env();
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&accounts.owner, &[]),
            instantiate_msg(&accounts),
        )
        .unwrap();
        let mut chain = Self {
            deps,
            env,
            accounts,
        };
        chain.set_registry(Registry::default());
        chain
    }

    /// Answers the registry's queries as `registry` says, and the cw2 raw query as a chain does:
    /// the token is the CTC contract, any other address holds no contract.
    pub fn set_registry(&mut self, registry: Registry) {
        let address = self.accounts.registry.to_string();
        let token = self.accounts.token.to_string();
        self.deps.querier.update_wasm(move |query| {
            let (contract_addr, msg) = match query {
                WasmQuery::Smart { contract_addr, msg } => (contract_addr, msg),
                WasmQuery::Raw { contract_addr, .. } if *contract_addr == token => {
                    return SystemResult::Ok(ContractResult::Ok(
                        to_json_binary(&cw2::ContractVersion {
                            contract: "crates.io:ctc-token".into(),
                            version: "0.1.0".into(),
                        })
                        .unwrap(),
                    ));
                }
                WasmQuery::Raw { contract_addr, .. } => {
                    return SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
                        addr: contract_addr.clone(),
                    });
                }
                other => panic!("unexpected query {other:?}"),
            };
            assert_eq!(*contract_addr, address, "only the registry is queried");
            let level_of = |user: &str| IdentityLevelResponse {
                level: registry.levels.get(user).copied(),
                attester: None,
                expires_at: None,
            };
            let answer = match from_json(msg).unwrap() {
                RegistryQueryMsg::Clearance { user, .. } => to_json_binary(&ClearanceResponse {
                    partner: CapabilityResponse {
                        allowed: registry.issuer_denial.is_none(),
                        reason: registry.issuer_denial,
                    },
                    user: user.map(|user| level_of(&user)),
                }),
                RegistryQueryMsg::IdentityLevel { address, .. } => {
                    to_json_binary(&level_of(&address))
                }
                RegistryQueryMsg::HasCapability { .. } | RegistryQueryMsg::PartnerStatus { .. } => {
                    panic!("ticket-nft asks only Clearance and IdentityLevel")
                }
            };
            SystemResult::Ok(ContractResult::Ok(answer.unwrap()))
        });
    }

    pub fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, &[]),
            msg,
        )
    }

    /// Executes a message that must be refused, and checks that it changed nothing.
    pub fn refused(&mut self, sender: &Addr, msg: ExecuteMsg) -> ContractError {
        let before = snapshot(&self.deps.storage);
        let err = self.exec(sender, msg).unwrap_err();
        assert_eq!(
            snapshot(&self.deps.storage),
            before,
            "refusal changed storage: {err}"
        );
        err
    }

    /// The `Receive` a CTC `Send` of `amount` by `payer` delivers, sent by `token`.
    pub fn receive_from(
        &mut self,
        token: &Addr,
        payer: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: payer.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        });
        let before = snapshot(&self.deps.storage);
        let result = self.exec(token, msg);
        if result.is_err() {
            assert_eq!(
                snapshot(&self.deps.storage),
                before,
                "refusal changed storage"
            );
        }
        result
    }

    pub fn pay(
        &mut self,
        payer: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<Response, ContractError> {
        let token = self.accounts.token.clone();
        self.receive_from(&token, payer, amount, hook)
    }

    pub fn buy(
        &mut self,
        fan: usize,
        tier: u8,
        quantity: u32,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let payer = self.accounts.fans[fan].clone();
        self.pay(
            &payer,
            amount,
            &ReceiveMsg::Buy {
                event_id: 1,
                tier,
                quantity,
                recipient: None,
            },
        )
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    /// The QR code fan `fan` shows at the door for `token_id`: valid for one minute from now.
    pub fn door_proof(&self, fan: usize, token_id: &str) -> HolderProof {
        let expires_at = self.env.block.time.plus_seconds(60);
        let text = check_in_text(
            &self.env.block.chain_id,
            &self.env.contract.address,
            token_id,
            expires_at,
        );
        sign(&self.deps.api, &key(fan as u8 + 1), &text, expires_at)
    }

    pub fn advance_to(&mut self, time: Timestamp) {
        self.env.block.time = time;
    }

    pub fn event(&self) -> crate::msg::EventResponse {
        self.ask(QueryMsg::Event { event_id: 1 })
    }

    pub fn owner_of(&self, token_id: &str) -> String {
        let owner: cw721::msg::OwnerOfResponse = self.ask(QueryMsg::OwnerOf {
            token_id: token_id.into(),
            include_expired: None,
        });
        owner.owner
    }
}

pub fn instantiate_msg(accounts: &Accounts) -> InstantiateMsg {
    InstantiateMsg {
        token: accounts.token.to_string(),
        registry: accounts.registry.to_string(),
        treasury: accounts.treasury.to_string(),
        platform_fee: BasisPoints::new(500).unwrap(),
        burn_share: BasisPoints::new(1_000).unwrap(),
        settlement_delay_seconds: DAY,
        name: "TicketChain Tickets".into(),
        symbol: "TIX".into(),
        owner: None,
    }
}

/// The cw20 `Transfer`s and other executes a response sends, as (contract, JSON message).
pub fn executes(response: &Response) -> Vec<(String, String)> {
    response
        .messages
        .iter()
        .map(|sub| match &sub.msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr, msg, ..
            }) => (
                contract_addr.clone(),
                String::from_utf8(msg.to_vec()).unwrap(),
            ),
            other => panic!("unexpected message {other:?}"),
        })
        .collect()
}

pub fn transfer_json(to: &Addr, amount: u128) -> String {
    format!(r#"{{"transfer":{{"recipient":"{to}","amount":"{amount}"}}}}"#)
}

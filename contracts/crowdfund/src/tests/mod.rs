//! Unit tests through the entry points. Refusals go through `Chain::refused`, which also checks
//! that the whole storage is unchanged.

mod campaigns;
mod pledges;
mod rewards;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, ContractResult, CosmosMsg, Env, Order, OwnedDeps, Response,
    Storage, SystemResult, Timestamp, Uint128, WasmMsg, WasmQuery,
};
use ctc_interfaces::tickets::{
    EventStatus, EventSummary, RolesSummary, TicketQueryMsg, TierSummary,
};
use ctc_interfaces::BasisPoints;
use cw20::Cw20ReceiveMsg;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    CampaignInput, CampaignResponse, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg, RewardTier,
};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

pub const CTC: u128 = 1_000_000;
pub const DAY: u64 = 86_400;

pub struct Accounts {
    pub owner: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    pub treasury: Addr,
    pub creator: Addr,
    pub backers: Vec<Addr>,
}

pub struct Chain {
    pub deps: Deps,
    pub env: Env,
    pub accounts: Accounts,
    /// What the mocked ticket-nft answers.
    pub tickets: Tickets,
}

/// What the mocked ticket-nft answers about every event: its issuer, end and status, the tickets
/// left in each of its two tiers (of 100), and whether this contract is its minter.
#[derive(Clone)]
pub struct Tickets {
    pub issuer: Addr,
    pub ends_at: Timestamp,
    pub status: EventStatus,
    pub left: [u32; 2],
    pub minter: bool,
}

pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// Goal 1,000 CTC, hard cap 1,500, open now for a week, minimum 10 CTC; 100 CTC earns one ticket
/// of event 7 tier 0, 500 CTC three tickets of tier 1.
pub fn campaign_input(env: &Env) -> CampaignInput {
    CampaignInput {
        title: "A new opera".into(),
        description_uri: None,
        goal: Uint128::new(1_000 * CTC),
        hard_cap: Some(Uint128::new(1_500 * CTC)),
        starts_at: env.block.time,
        deadline: env.block.time.plus_seconds(7 * DAY),
        min_pledge: Uint128::new(10 * CTC),
        reward_tiers: vec![
            RewardTier {
                min_pledge: Uint128::new(100 * CTC),
                event_id: 7,
                tier: 0,
                tickets: 1,
            },
            RewardTier {
                min_pledge: Uint128::new(500 * CTC),
                event_id: 7,
                tier: 1,
                tickets: 3,
            },
        ],
    }
}

impl Chain {
    /// Platform fee 2.5%; campaign 1 launched by the creator from `campaign_input`.
    pub fn new() -> Self {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let accounts = Accounts {
            owner: api.addr_make("authority"),
            token: api.addr_make("ctc"),
            registry: api.addr_make("registry"),
            ticket_nft: api.addr_make("ticket_nft"),
            treasury: api.addr_make("treasury"),
            creator: api.addr_make("troupe"),
            backers: (0..3)
                .map(|i| api.addr_make(&format!("backer{i}")))
                .collect(),
        };
        let env = mock_env();
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&accounts.owner, &[]),
            InstantiateMsg {
                token: accounts.token.to_string(),
                registry: accounts.registry.to_string(),
                ticket_nft: accounts.ticket_nft.to_string(),
                treasury: accounts.treasury.to_string(),
                platform_fee: BasisPoints::new(250).unwrap(),
                owner: None,
            },
        )
        .unwrap();
        let tickets = Tickets {
            issuer: accounts.creator.clone(),
            ends_at: env.block.time,
            status: EventStatus::Scheduled,
            left: [0, 0],
            minter: false,
        };
        let mut chain = Self {
            deps,
            env,
            accounts,
            tickets,
        };
        let issuer = chain.accounts.creator.clone();
        chain.set_event_issuer(&issuer);
        let creator = chain.accounts.creator.clone();
        let input = campaign_input(&chain.env);
        chain
            .exec(&creator, ExecuteMsg::Launch { campaign: input })
            .unwrap();
        chain
    }

    /// ticket-nft answers that every event was issued by `issuer`, ends in a year and has two
    /// tiers of 100 tickets, none sold, and that this contract is its minter.
    pub fn set_event_issuer(&mut self, issuer: &Addr) {
        let tickets = Tickets {
            issuer: issuer.clone(),
            ends_at: self.env.block.time.plus_seconds(365 * DAY),
            status: EventStatus::Scheduled,
            left: [100, 100],
            minter: true,
        };
        self.answer_tickets(tickets);
    }

    /// ticket-nft answers every event and role query from `tickets`; the token answers cw2's
    /// query as CTC (a platform contract), and no other address is a contract.
    pub fn answer_tickets(&mut self, tickets: Tickets) {
        let ticket_nft = self.accounts.ticket_nft.to_string();
        let token = self.accounts.token.to_string();
        let this = self.env.contract.address.to_string();
        let summary = EventSummary {
            issuer: tickets.issuer.clone(),
            ends_at: tickets.ends_at,
            status: tickets.status.clone(),
            tiers: tickets
                .left
                .iter()
                .map(|left| TierSummary {
                    supply: 100,
                    sold: 100 - left,
                })
                .collect(),
        };
        let minter = tickets.minter;
        self.tickets = tickets;
        self.deps.querier.update_wasm(move |query| match query {
            WasmQuery::Smart { contract_addr, msg } => {
                assert_eq!(*contract_addr, ticket_nft);
                let answer = match from_json(msg).unwrap() {
                    TicketQueryMsg::Event { .. } => to_json_binary(&summary),
                    TicketQueryMsg::Roles { address, .. } => to_json_binary(&RolesSummary {
                        minter: minter && address == this,
                    }),
                };
                SystemResult::Ok(ContractResult::Ok(answer.unwrap()))
            }
            WasmQuery::Raw { contract_addr, .. } if *contract_addr == token => {
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
            other => panic!("unexpected query {other:?}"),
        });
    }

    /// ticket-nft's answers changed by `change`.
    pub fn change_tickets(&mut self, change: impl FnOnce(&mut Tickets)) {
        let mut tickets = self.tickets.clone();
        change(&mut tickets);
        self.answer_tickets(tickets);
    }

    pub fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, &[]),
            msg,
        )
    }

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

    /// What a CTC `Send` of `amount` by backer `n` to campaign 1 delivers, sent by `token`.
    pub fn pledge_via(
        &mut self,
        token: &Addr,
        n: usize,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: self.accounts.backers[n].to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&ReceiveMsg::Contribute { campaign_id: 1 }).unwrap(),
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

    /// What a CTC `Send` of `amount` by `backer` to `campaign_id` delivers; a refusal must leave
    /// the storage unchanged.
    pub fn pledge_as(
        &mut self,
        backer: &Addr,
        campaign_id: u64,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: backer.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&ReceiveMsg::Contribute { campaign_id }).unwrap(),
        });
        let token = self.accounts.token.clone();
        let before = snapshot(&self.deps.storage);
        let result = self.exec(&token, msg);
        if result.is_err() {
            assert_eq!(
                snapshot(&self.deps.storage),
                before,
                "refusal changed storage"
            );
        }
        result
    }

    pub fn pledge(&mut self, n: usize, amount: u128) -> Result<Response, ContractError> {
        let token = self.accounts.token.clone();
        self.pledge_via(&token, n, amount)
    }

    pub fn campaign(&self) -> CampaignResponse {
        from_json(
            query(
                self.deps.as_ref(),
                self.env.clone(),
                QueryMsg::Campaign { campaign_id: 1 },
            )
            .unwrap(),
        )
        .unwrap()
    }

    pub fn after_deadline(&mut self) {
        self.env.block.time = self.campaign().deadline;
    }
}

/// The executes a response sends, as (contract, JSON message).
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

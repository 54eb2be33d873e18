//! Unit tests through the entry points on the test kit's mock dependencies. Every execute that
//! fails, `refused`, a pledge or any other, is checked to leave the whole storage unchanged.

mod campaigns;
mod pledges;
mod rewards;
mod storage_layout;

use cosmwasm_std::testing::message_info;
use cosmwasm_std::{from_json, Addr, Env, Response, Timestamp, Uint128};
use ctc_interfaces::tickets::{
    EventStatus, EventSummary, RolesSummary, TicketQueryMsg, TierSummary,
};
use ctc_interfaces::BasisPoints;
use ctc_testkit::{ctc_disburse_json, cw20_transfer_json, executes, Neighbours, Unit, CTC, DAY};
use serde::Serialize;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    CampaignInput, CampaignResponse, ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg, RewardTier,
};
use crate::ContractError;

pub struct Accounts {
    pub owner: Addr,
    pub token: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    pub treasury: Addr,
    pub creator: Addr,
    pub backers: Vec<Addr>,
}

/// Crowdfund on the test kit's unit (`execute_with`, `advance`, `addr`, `deps`, `env` through
/// `Deref`), with ticket-nft and the token as its neighbours.
pub struct Chain {
    pub unit: Unit<ExecuteMsg, ContractError>,
    pub accounts: Accounts,
    /// What the mocked ticket-nft answers.
    pub tickets: Tickets,
}

ctc_testkit::deref_to_unit!(Chain.unit: Unit<ExecuteMsg, ContractError>);

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

impl Tickets {
    /// Events issued by `issuer` that end a year after `now` and have two tiers of 100 tickets,
    /// none sold, with this contract as their minter.
    fn scheduled(issuer: &Addr, now: Timestamp) -> Self {
        Self {
            issuer: issuer.clone(),
            ends_at: now.plus_seconds(365 * DAY),
            status: EventStatus::Scheduled,
            left: [100, 100],
            minter: true,
        }
    }
}

/// ticket-nft's answer to either query this contract sends it.
#[derive(Serialize)]
#[serde(untagged)]
enum TicketAnswer {
    Event(EventSummary),
    Roles(RolesSummary),
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
        let mut unit = Unit::new(execute);
        let accounts = Accounts {
            owner: unit.addr("authority"),
            token: unit.addr("ctc"),
            registry: unit.addr("registry"),
            ticket_nft: unit.addr("ticket_nft"),
            treasury: unit.addr("treasury"),
            creator: unit.addr("troupe"),
            backers: (0..3).map(|i| unit.addr(&format!("backer{i}"))).collect(),
        };
        instantiate(
            unit.deps.as_mut(),
            unit.env.clone(),
            message_info(&accounts.owner, &[]),
            InstantiateMsg {
                token: accounts.token.to_string(),
                registry: accounts.registry.to_string(),
                ticket_nft: accounts.ticket_nft.to_string(),
                treasury: accounts.treasury.to_string(),
                platform_fee: BasisPoints::literal(250),
                owner: None,
            },
        )
        .unwrap();
        let tickets = Tickets::scheduled(&accounts.creator, unit.env.block.time);
        let mut chain = Self {
            unit,
            accounts,
            tickets: tickets.clone(),
        };
        chain.answer_tickets(tickets);
        let creator = chain.accounts.creator.clone();
        let input = campaign_input(&chain.env);
        chain
            .execute(&creator, ExecuteMsg::Launch { campaign: input })
            .unwrap();
        chain
    }

    /// ticket-nft answers that every event was issued by `issuer`, ends in a year and has two
    /// tiers of 100 tickets, none sold, and that this contract is its minter.
    pub fn set_event_issuer(&mut self, issuer: &Addr) {
        let tickets = Tickets::scheduled(issuer, self.env.block.time);
        self.answer_tickets(tickets);
    }

    /// ticket-nft answers every event and role query from `tickets`; the token answers cw2's
    /// query as CTC (a platform contract), and no other address is a contract.
    pub fn answer_tickets(&mut self, tickets: Tickets) {
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
        Neighbours::new()
            .contract(&self.accounts.token, "crates.io:ctc-token")
            .smart(&self.accounts.ticket_nft, move |query| match query {
                TicketQueryMsg::Event { .. } => TicketAnswer::Event(summary.clone()),
                TicketQueryMsg::Roles { address, .. } => TicketAnswer::Roles(RolesSummary {
                    minter: minter && address == this,
                }),
            })
            .install(&mut self.unit.deps);
    }

    /// ticket-nft's answers changed by `change`.
    pub fn change_tickets(&mut self, change: impl FnOnce(&mut Tickets)) {
        let mut tickets = self.tickets.clone();
        change(&mut tickets);
        self.answer_tickets(tickets);
    }

    /// The unit's `execute` and `refused`, here so that a message may be built from the chain in
    /// the same call (a method reached through `DerefMut` borrows the chain first).
    pub fn execute(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        self.unit.execute(sender, msg)
    }

    pub fn refused(&mut self, sender: &Addr, msg: ExecuteMsg) -> ContractError {
        self.unit.refused(sender, msg)
    }

    /// A CTC `Send` of `amount` by backer `n` to campaign 1, delivered by `token`.
    pub fn pledge_via(
        &mut self,
        token: &Addr,
        n: usize,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Contribute { campaign_id: 1 };
        let backer = &self.accounts.backers[n];
        self.unit
            .ctc_send(token, backer, amount, &hook, ExecuteMsg::Receive)
    }

    /// A CTC `Send` of `amount` by `backer` to `campaign_id`.
    pub fn pledge_as(
        &mut self,
        backer: &Addr,
        campaign_id: u64,
        amount: u128,
    ) -> Result<Response, ContractError> {
        let hook = ReceiveMsg::Contribute { campaign_id };
        let token = &self.accounts.token;
        self.unit
            .ctc_send(token, backer, amount, &hook, ExecuteMsg::Receive)
    }

    pub fn pledge(&mut self, n: usize, amount: u128) -> Result<Response, ContractError> {
        let token = self.accounts.token.clone();
        self.pledge_via(&token, n, amount)
    }

    pub fn campaign(&self) -> CampaignResponse {
        let campaign = QueryMsg::Campaign { campaign_id: 1 };
        from_json(query(self.deps.as_ref(), self.env.clone(), campaign).unwrap()).unwrap()
    }

    pub fn after_deadline(&mut self) {
        self.env.block.time = self.campaign().deadline;
    }
}

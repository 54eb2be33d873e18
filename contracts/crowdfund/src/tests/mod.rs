//! Unit tests through the entry points on the test kit's mock dependencies. Every execute that
//! fails, `refused`, a pledge or any other, is checked to leave the whole storage unchanged.

mod campaigns;
mod conservation;
mod lucky;
mod pledges;
mod rewards;
mod standing;
mod storage_layout;

use cosmwasm_std::testing::message_info;
use cosmwasm_std::HexBinary;
use cosmwasm_std::{from_json, Addr, CosmosMsg, Env, Response, Timestamp, Uint128, WasmMsg};
use ctc_interfaces::randomness::{DrawResponse, DrawStatus, RandomnessQueryMsg};
use ctc_interfaces::registry::{Capability, PartnerStanding, RegistryUpdate, Standing};
use ctc_interfaces::tickets::{
    EventStatus, EventSummary, RolesSummary, TicketQueryMsg, TicketReceiveMsg, TierSummary,
};
use ctc_interfaces::token::CtcExecuteMsg;
use ctc_interfaces::BasisPoints;
use ctc_testkit::{ctc_disburse_json, cw20_transfer_json, executes, Neighbours, Unit, CTC, DAY};
use cw20::Cw20ExecuteMsg;
use serde::Serialize;

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    CampaignInput, CampaignResponse, ExecuteMsg, InstantiateMsg, PledgeResponse, QueryMsg,
    ReceiveMsg, RewardTier,
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
    /// Not configured by `Chain::new` (see `tests::lucky`).
    pub randomness: Addr,
}

/// Crowdfund on the test kit's unit (`execute_with`, `advance`, `addr`, `deps`, `env` through
/// `Deref`), with ticket-nft and the token as its neighbours.
pub struct Chain {
    pub unit: Unit<ExecuteMsg, ContractError>,
    pub accounts: Accounts,
    /// What the mocked ticket-nft answers.
    pub tickets: Tickets,
    /// What the mocked randomness contract answers about every draw, once set.
    pub draw: Option<(ctc_interfaces::randomness::DrawStatus, Option<[u8; 32]>)>,
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

/// What one reward of `campaign_input`'s tier 0 carries: its 100 CTC for its one ticket.
pub const VALUE_0: u128 = 100 * CTC;
/// What one reward of tier 1 carries: 500 CTC over three tickets, 166.666666 CTC each.
pub const VALUE_1: u128 = 3 * (500 * CTC / 3);

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
        lucky_draw: None,
    }
}

impl Chain {
    /// Platform fee 2.5%; the registry reported the creator Active; campaign 1 launched by the
    /// creator from `campaign_input`.
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
            randomness: unit.addr("randomness"),
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
                randomness: None,
            },
        )
        .unwrap();
        let tickets = Tickets::scheduled(&accounts.creator, unit.env.block.time);
        let mut chain = Self {
            unit,
            accounts,
            tickets: tickets.clone(),
            draw: None,
        };
        chain.answer_tickets(tickets);
        let creator = chain.accounts.creator.clone();
        chain.push_standing(&creator, Some(Standing::Active));
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
        let requester = this.clone();
        let mut neighbours = Neighbours::new()
            .contract(&self.accounts.token, "crates.io:ctc-token")
            .smart(&self.accounts.ticket_nft, move |query| match query {
                TicketQueryMsg::Event { .. } => TicketAnswer::Event(summary.clone()),
                TicketQueryMsg::Roles { address, .. } => TicketAnswer::Roles(RolesSummary {
                    minter: minter && address == this,
                }),
            });
        if let Some((status, seed)) = self.draw {
            neighbours = neighbours.smart(&self.accounts.randomness, move |query| {
                let RandomnessQueryMsg::Draw {
                    requester: asker,
                    key,
                } = query;
                assert_eq!(asker, requester, "this contract's draw");
                DrawResponse::answered(asker, key, status, seed)
            });
        }
        neighbours.install(&mut self.unit.deps);
    }

    /// The randomness contract answers every draw with `status` and `seed`.
    pub fn answer_draw(&mut self, status: DrawStatus, seed: Option<[u8; 32]>) {
        self.draw = Some((status, seed));
        self.answer_tickets(self.tickets.clone());
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

    /// The registry pushes `partner`'s standing (`None`: no longer a partner), as it does to
    /// every mirror in the transaction that changes it.
    pub fn push_standing(&mut self, partner: &Addr, standing: Option<Standing>) {
        let update = RegistryUpdate::Partner {
            address: partner.clone(),
            standing: standing.map(|standing| PartnerStanding {
                standing,
                capabilities: vec![Capability::LaunchCrowdfunds],
            }),
        };
        let registry = self.accounts.registry.clone();
        self.execute(&registry, ExecuteMsg::RegistryUpdate(update))
            .unwrap();
    }

    pub fn set_creator_standing(&mut self, standing: Option<Standing>) {
        let creator = self.accounts.creator.clone();
        self.push_standing(&creator, standing);
    }

    pub fn campaign_of(&self, campaign_id: u64) -> CampaignResponse {
        let campaign = QueryMsg::Campaign { campaign_id };
        from_json(query(self.deps.as_ref(), self.env.clone(), campaign).unwrap()).unwrap()
    }

    pub fn pledge_of(&self, campaign_id: u64, backer: &Addr) -> PledgeResponse {
        let pledge = QueryMsg::Pledge {
            campaign_id,
            backer: backer.to_string(),
        };
        from_json(query(self.deps.as_ref(), self.env.clone(), pledge).unwrap()).unwrap()
    }

    pub fn after_deadline(&mut self) {
        self.env.block.time = self.campaign().deadline;
    }
}

/// Backer 0 ends at 600 CTC (three tickets of tier 1) after passing through tier 0, backer 1 at
/// 450 CTC (one ticket of tier 0); backer 2 pledged and withdrew. Finalized as succeeded.
pub fn succeeded() -> Chain {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.pledge(2, 200 * CTC).unwrap();
    let backer = chain.accounts.backers[2].clone();
    chain
        .execute(&backer, ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    chain.pledge(0, 500 * CTC).unwrap();
    chain.pledge(1, 450 * CTC).unwrap();
    chain.after_deadline();
    chain
        .execute(&backer, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    chain
}

/// The one message of `response` when it is a CTC `Send` carrying `mint_funded` to ticket-nft:
/// the amount sent and the hook.
pub fn mint_funded(chain: &Chain, response: &Response) -> (u128, TicketReceiveMsg) {
    let [message] = response.messages.as_slice() else {
        panic!("one message expected: {response:?}");
    };
    let CosmosMsg::Wasm(WasmMsg::Execute {
        contract_addr, msg, ..
    }) = &message.msg
    else {
        panic!("a contract call expected: {message:?}");
    };
    assert_eq!(*contract_addr, chain.accounts.token.to_string());
    let Cw20ExecuteMsg::Send {
        contract,
        amount,
        msg,
    } = from_json(msg).unwrap()
    else {
        panic!("a CTC send expected");
    };
    assert_eq!(contract, chain.accounts.ticket_nft.to_string());
    (amount.u128(), from_json(&msg).unwrap())
}

/// The CTC this contract pays out through `response`'s messages to the token: transfers, sends
/// and disbursements.
pub fn ctc_paid(chain: &Chain, response: &Response) -> u128 {
    let mut paid = 0;
    for message in &response.messages {
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr, msg, ..
        }) = &message.msg
        else {
            panic!("a contract call expected: {message:?}");
        };
        if *contract_addr != chain.accounts.token.to_string() {
            continue;
        }
        paid += match from_json::<Cw20ExecuteMsg>(msg) {
            Ok(Cw20ExecuteMsg::Transfer { amount, .. } | Cw20ExecuteMsg::Send { amount, .. }) => {
                amount.u128()
            }
            Ok(other) => panic!("an unexpected token message: {other:?}"),
            Err(_) => match from_json::<CtcExecuteMsg>(msg).unwrap() {
                CtcExecuteMsg::Disburse {
                    payments,
                    burn_or_recycle,
                } => {
                    assert!(burn_or_recycle.is_zero());
                    payments.iter().map(|p| p.amount.u128()).sum()
                }
                other => panic!("an unexpected token message: {other:?}"),
            },
        };
    }
    paid
}

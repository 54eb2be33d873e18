//! The creator's and the authority's side of a campaign, and finalization, which anyone may crank.

use cosmwasm_std::{Addr, DepsMut, Empty, Env, MessageInfo, QuerierWrapper, Response, Uint128};
use ctc_interfaces::registry::{Capability, RegistryExecuteMsg};
use ctc_interfaces::tickets::{EventSummary, TicketQueryMsg};

use crate::error::ContractError;
use crate::execute::{ensure_open, load_campaign, transfer_ctc};
use crate::msg::{CampaignInput, CampaignStatus};
use crate::state::{Campaign, CAMPAIGNS, CAMPAIGN_COUNT, CONFIG, REWARD_APPROVALS};
use crate::validate::{
    self, MAX_CAMPAIGN_SECONDS, MAX_LEAD_SECONDS, MAX_REWARD_TIERS, MAX_TICKETS_PER_REWARD,
    MAX_TITLE_BYTES, MAX_URI_BYTES,
};

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidCampaign { reason }
}

fn validate_campaign(input: &CampaignInput, env: &Env) -> Result<(), ContractError> {
    validate::text("title", &input.title, MAX_TITLE_BYTES)?;
    if let Some(uri) = &input.description_uri {
        validate::text("description_uri", uri, MAX_URI_BYTES)?;
    }
    if input.goal.is_zero() {
        return Err(invalid("the goal must be greater than zero"));
    }
    if input.hard_cap.is_some_and(|cap| cap < input.goal) {
        return Err(invalid("the hard cap cannot be below the goal"));
    }
    if input.deadline <= input.starts_at || input.deadline <= env.block.time {
        return Err(invalid(
            "the deadline must be in the future and after the start",
        ));
    }
    // Pledges become final at the goal, so a campaign may not hold them for too long.
    if input.starts_at.seconds() > env.block.time.seconds() + MAX_LEAD_SECONDS
        || input.deadline.seconds() - input.starts_at.seconds() > MAX_CAMPAIGN_SECONDS
    {
        return Err(invalid(
            "a campaign starts within 90 days and runs for at most 180 days",
        ));
    }
    if input.min_pledge.is_zero() {
        return Err(invalid("the minimum pledge must be greater than zero"));
    }
    if input.reward_tiers.len() > MAX_REWARD_TIERS {
        return Err(invalid("at most 8 reward tiers"));
    }
    let mut previous = Uint128::zero();
    for tier in &input.reward_tiers {
        if tier.min_pledge <= previous || tier.min_pledge < input.min_pledge {
            return Err(invalid(
                "reward tiers need increasing minimum pledges, each at least the minimum pledge",
            ));
        }
        if tier.tickets == 0 || tier.tickets > MAX_TICKETS_PER_REWARD {
            return Err(invalid("a reward is between 1 and 20 tickets"));
        }
        previous = tier.min_pledge;
    }
    Ok(())
}

/// Rewards must be tickets of tiers that exist, at events that end after the campaign's deadline:
/// one ticket-nft query per distinct event (at most 8). Returns the events the creator issued
/// itself, whose rewards need no further approval.
fn check_rewards(
    querier: QuerierWrapper,
    ticket_nft: &Addr,
    creator: &Addr,
    input: &CampaignInput,
) -> Result<Vec<u64>, ContractError> {
    let mut own_events = vec![];
    let mut checked: Vec<u64> = Vec::with_capacity(input.reward_tiers.len());
    for reward in &input.reward_tiers {
        if checked.contains(&reward.event_id) {
            continue;
        }
        let event: EventSummary = querier.query_wasm_smart(
            ticket_nft,
            &TicketQueryMsg::Event {
                event_id: reward.event_id,
            },
        )?;
        if event.issuer == *creator {
            own_events.push(reward.event_id);
        }
        if event.ends_at <= input.deadline {
            return Err(invalid(
                "reward events must end after the campaign's deadline",
            ));
        }
        for tier in input
            .reward_tiers
            .iter()
            .filter(|t| t.event_id == reward.event_id)
        {
            if usize::from(tier.tier) >= event.tiers.len() {
                return Err(invalid("a reward names a tier its event does not have"));
            }
        }
        checked.push(reward.event_id);
    }
    Ok(own_events)
}

/// The registry's `ConsumeQuota` for LaunchCrowdfunds, sent as a message, refuses a partner that
/// is not Active with the capability or is over its launch quota; the launch then reverts.
pub fn launch(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    input: CampaignInput,
) -> Result<Response, ContractError> {
    validate_campaign(&input, &env)?;
    let config = CONFIG.load(deps.storage)?;
    let own_events = check_rewards(deps.querier, &config.ticket_nft, &info.sender, &input)?;
    let campaign_id = CAMPAIGN_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    CAMPAIGNS.save(
        deps.storage,
        campaign_id,
        &Campaign {
            creator: info.sender.clone(),
            title: input.title,
            description_uri: input.description_uri,
            goal: input.goal,
            hard_cap: input.hard_cap,
            starts_at: input.starts_at,
            deadline: input.deadline,
            min_pledge: input.min_pledge,
            reward_tiers: input.reward_tiers,
            platform_fee: config.platform_fee,
            status: CampaignStatus::Open,
            raised: Uint128::zero(),
            backers: 0,
            refunded: Uint128::zero(),
            released: Uint128::zero(),
        },
    )?;
    CAMPAIGN_COUNT.save(deps.storage, &campaign_id)?;
    for event_id in own_events {
        REWARD_APPROVALS.save(deps.storage, (campaign_id, event_id), &Empty {})?;
    }
    let check = RegistryExecuteMsg::ConsumeQuota {
        partner: info.sender.to_string(),
        capability: Capability::LaunchCrowdfunds,
        units: 1,
    }
    .into_wasm_msg(&config.registry)?;
    Ok(Response::new()
        .add_message(check)
        .add_attribute("action", "launch")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("creator", info.sender)
        .add_attribute("goal", input.goal))
}

pub fn finalize(deps: DepsMut, env: Env, campaign_id: u64) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    ensure_open(&campaign)?;
    if env.block.time < campaign.deadline && !campaign.cap_reached() {
        return Err(ContractError::TooEarlyToFinalize {
            deadline: campaign.deadline,
        });
    }
    let at = env.block.time;
    let (status, outcome) = if campaign.raised >= campaign.goal {
        (CampaignStatus::Succeeded { at }, "succeeded")
    } else {
        (CampaignStatus::Failed { at }, "failed")
    };
    campaign.status = status;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    Ok(Response::new()
        .add_attribute("action", "finalize")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("outcome", outcome)
        .add_attribute("raised", campaign.raised))
}

pub fn cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    if campaign.creator != info.sender && !cw_ownable::is_owner(deps.storage, &info.sender)? {
        return Err(ContractError::NotCreatorOrAuthority);
    }
    ensure_open(&campaign)?;
    let closed = env.block.time >= campaign.deadline || campaign.cap_reached();
    if closed && campaign.raised >= campaign.goal {
        return Err(ContractError::AlreadySucceeded);
    }
    campaign.status = CampaignStatus::Cancelled { at: env.block.time };
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    Ok(Response::new()
        .add_attribute("action", "cancel")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("by", info.sender))
}

pub fn withdraw_funds(
    deps: DepsMut,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    if campaign.creator != info.sender {
        return Err(ContractError::NotCreator);
    }
    if !matches!(campaign.status, CampaignStatus::Succeeded { .. }) {
        return Err(ContractError::NotSucceeded);
    }
    if !campaign.released.is_zero() {
        return Err(ContractError::AlreadyWithdrawn);
    }
    let fee = campaign.platform_fee.of(campaign.raised);
    let payout = campaign.raised.checked_sub(fee)?;
    campaign.released = campaign.raised;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let mut response = Response::new();
    if !fee.is_zero() {
        response = response.add_message(transfer_ctc(&config.token, &config.treasury, fee)?);
    }
    Ok(response
        .add_message(transfer_ctc(&config.token, &campaign.creator, payout)?)
        .add_attribute("action", "withdraw_funds")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("creator", campaign.creator)
        .add_attribute("fee", fee)
        .add_attribute("amount", payout))
}

/// The issuer of a reward event agrees that backers of this campaign receive its tickets. Without
/// it, a campaign could hand out tickets of any event that authorised this contract as minter.
pub fn approve_rewards(
    deps: DepsMut,
    info: MessageInfo,
    campaign_id: u64,
    event_id: u64,
) -> Result<Response, ContractError> {
    let campaign = load_campaign(deps.storage, campaign_id)?;
    if !campaign.reward_tiers.iter().any(|r| r.event_id == event_id) {
        return Err(ContractError::NotARewardEvent { event_id });
    }
    let config = CONFIG.load(deps.storage)?;
    let event: EventSummary = deps
        .querier
        .query_wasm_smart(&config.ticket_nft, &TicketQueryMsg::Event { event_id })?;
    if event.issuer != info.sender {
        return Err(ContractError::NotEventIssuer { event_id });
    }
    REWARD_APPROVALS.save(deps.storage, (campaign_id, event_id), &Empty {})?;
    Ok(Response::new()
        .add_attribute("action", "approve_rewards")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("issuer", info.sender))
}

use cosmwasm_std::{Deps, Order, StdResult};
use ctc_conventions::paging::{filtered_page, page, page_limit};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::load_campaign;
use crate::msg::{
    Backer, BackersResponse, CampaignResponse, CampaignStatus, CampaignsResponse, ConfigResponse,
    LuckyBackersResponse, PledgeResponse, StatusFilter,
};
use crate::state::{Campaign, CAMPAIGNS, CONFIG, LUCKY_DRAWS, PLEDGES, REWARD_APPROVALS};
use crate::validate;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: config.token,
        registry: config.registry,
        ticket_nft: config.ticket_nft,
        treasury: config.treasury,
        platform_fee: config.platform_fee,
        randomness: config.randomness,
    })
}

fn view(deps: Deps, campaign_id: u64, campaign: Campaign) -> StdResult<CampaignResponse> {
    // At most one entry per reward tier (8).
    let approved_reward_events = REWARD_APPROVALS
        .prefix(campaign_id)
        .keys(deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    Ok(CampaignResponse {
        approved_reward_events,
        campaign_id,
        held: campaign.held()?,
        owed_to_rewards: campaign.owed_to_rewards()?,
        sent_to_tickets: campaign.sent_to_tickets,
        creator: campaign.creator,
        title: campaign.title,
        description_uri: campaign.description_uri,
        goal: campaign.goal,
        hard_cap: campaign.hard_cap,
        starts_at: campaign.starts_at,
        deadline: campaign.deadline,
        min_pledge: campaign.min_pledge,
        reward_tiers: campaign.reward_tiers,
        platform_fee: campaign.platform_fee,
        status: campaign.status,
        raised: campaign.raised,
        backers: campaign.backers,
        refunded: campaign.refunded,
        released: campaign.released,
        lucky_numbers: campaign.lucky_numbers,
    })
}

pub fn campaign(deps: Deps, campaign_id: u64) -> Result<CampaignResponse, ContractError> {
    Ok(view(
        deps,
        campaign_id,
        load_campaign(deps.storage, campaign_id)?,
    )?)
}

fn status_matches(status: &CampaignStatus, filter: StatusFilter) -> bool {
    matches!(
        (status, filter),
        (CampaignStatus::Open, StatusFilter::Open)
            | (CampaignStatus::Succeeded { .. }, StatusFilter::Succeeded)
            | (CampaignStatus::Failed { .. }, StatusFilter::Failed)
            | (CampaignStatus::Cancelled { .. }, StatusFilter::Cancelled)
    )
}

pub fn campaigns(
    deps: Deps,
    status: Option<StatusFilter>,
    creator: Option<String>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<CampaignsResponse, ContractError> {
    let limit = page_limit(limit)?;
    let creator = validate::optional_address(deps.api, "creator", creator.as_deref())?;
    let entries = CAMPAIGNS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let (campaigns, next_start_after) = filtered_page(entries, limit, |&id, campaign| {
        let wanted = status.is_none_or(|s| status_matches(&campaign.status, s))
            && creator.as_ref().is_none_or(|c| campaign.creator == *c);
        wanted.then(|| view(deps, id, campaign)).transpose()
    })?;
    Ok(CampaignsResponse {
        campaigns,
        next_start_after,
    })
}

pub fn pledge(
    deps: Deps,
    campaign_id: u64,
    backer: String,
) -> Result<PledgeResponse, ContractError> {
    let backer = validate::address(deps.api, "backer", &backer)?;
    load_campaign(deps.storage, campaign_id)?;
    let pledge = PLEDGES.may_load(deps.storage, (campaign_id, &backer))?;
    Ok(pledge.map_or(
        PledgeResponse {
            amount: cosmwasm_std::Uint128::zero(),
            rewards_claimed: false,
            refunded: false,
            sent_to_tickets: cosmwasm_std::Uint128::zero(),
            reward_refund: None,
            lucky_number: None,
        },
        |pledge| PledgeResponse {
            amount: pledge.amount,
            rewards_claimed: pledge.rewards_claimed,
            refunded: pledge.refunded,
            sent_to_tickets: pledge.sent_to_tickets,
            reward_refund: pledge.reward_refund,
            lucky_number: pledge.lucky_number,
        },
    ))
}

pub fn backers(
    deps: Deps,
    campaign_id: u64,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<BackersResponse, ContractError> {
    load_campaign(deps.storage, campaign_id)?;
    let start = validate::optional_address(deps.api, "start_after", start_after.as_deref())?;
    let entries = PLEDGES.prefix(campaign_id).range(
        deps.storage,
        start.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let backers = page(entries, limit, |(backer, pledge)| {
        Ok(Backer {
            backer,
            amount: pledge.amount,
        })
    })?;
    Ok(BackersResponse { backers })
}

pub fn lucky_backers(deps: Deps, campaign_id: u64) -> Result<LuckyBackersResponse, ContractError> {
    let campaign = load_campaign(deps.storage, campaign_id)?;
    let (Some(numbered), Some(draw)) = (
        campaign.lucky_numbers,
        LUCKY_DRAWS.may_load(deps.storage, campaign_id)?,
    ) else {
        return Err(ContractError::NoLuckyDraw { campaign_id });
    };
    Ok(LuckyBackersResponse {
        campaign_id,
        winners: draw.winners,
        prize: draw.prize,
        numbered,
        seed: draw.seed,
        drawn: draw.drawn,
    })
}

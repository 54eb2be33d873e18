//! The backers' side: pledges in, pledges out, rewards and refunds, each O(1) per backer.

use cosmwasm_std::{
    wasm_execute, Addr, DepsMut, Env, MessageInfo, OverflowError, OverflowOperation, Response,
    Uint128,
};
use ctc_conventions::{ctc_hook, CtcHook};
use ctc_interfaces::tickets::TicketExecuteMsg;
use cw20::{Cw20Contract, Cw20ExecuteMsg, Cw20ReceiveMsg};

use crate::error::ContractError;
use crate::execute::{ensure_open, load_campaign, rewards};
use crate::msg::{CampaignStatus, ReceiveMsg};
use crate::state::{Config, Pledge, CAMPAIGNS, CONFIG, PLEDGES, REWARD_APPROVALS, REWARD_ISSUERS};

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let CtcHook {
        sender: backer,
        amount,
        msg,
    } = ctc_hook(deps.api, &config.token, &info, wrapper)?;
    match msg {
        ReceiveMsg::Contribute { campaign_id } => {
            contribute(deps, env, &config, backer, amount, campaign_id)
        }
    }
}

/// At the hard cap the pledge is accepted up to the cap and the rest is sent straight back, so a
/// backer racing others for the last places never loses its whole pledge to a refusal.
fn contribute(
    deps: DepsMut,
    env: Env,
    config: &Config,
    backer: Addr,
    amount: Uint128,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    ensure_open(&campaign)?;
    // All or nothing protects backers only if the goal measures others' support: a creator (or
    // the issuer of its rewards) pledging the missing amount would make its own campaign succeed
    // and take every other pledge for the fee on its own.
    if backer == campaign.creator {
        return Err(ContractError::CreatorPledge);
    }
    if let Some(event_id) = REWARD_ISSUERS.may_load(deps.storage, (campaign_id, &backer))? {
        return Err(ContractError::IssuerPledge { event_id });
    }
    let now = env.block.time;
    if now < campaign.starts_at {
        return Err(ContractError::NotStarted {
            starts_at: campaign.starts_at,
        });
    }
    if now >= campaign.deadline {
        return Err(ContractError::DeadlinePassed {
            deadline: campaign.deadline,
        });
    }
    let room = campaign
        .hard_cap
        .map(|cap| cap.checked_sub(campaign.raised))
        .transpose()?;
    if room == Some(Uint128::zero()) {
        return Err(ContractError::HardCapReached);
    }
    let accepted = room.map_or(amount, |room| amount.min(room));
    // Only the pledge that fills the cap may be smaller than the minimum.
    let fills_cap = room.is_some_and(|room| amount >= room);
    if amount < campaign.min_pledge && !fills_cap {
        return Err(ContractError::BelowMinimum {
            min_pledge: campaign.min_pledge,
        });
    }
    let returned = amount - accepted;

    let key = (campaign_id, &backer);
    let mut pledge = PLEDGES.may_load(deps.storage, key)?.unwrap_or(Pledge {
        amount: Uint128::zero(),
        rewards_claimed: false,
        refunded: false,
    });
    if pledge.amount.is_zero() {
        campaign.backers += 1;
    }
    let before = pledge.amount;
    pledge.amount = pledge.amount.checked_add(accepted)?;
    rewards::recount(&mut campaign, before, pledge.amount)?;
    campaign.raised = campaign.raised.checked_add(accepted)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;

    let mut response = Response::new();
    if !returned.is_zero() {
        let transfer = Cw20ExecuteMsg::Transfer {
            recipient: backer.to_string(),
            amount: returned,
        };
        response = response.add_message(Cw20Contract(config.token.clone()).call(transfer)?);
    }
    Ok(response
        .add_attribute("action", "contribute")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", backer)
        .add_attribute("amount", accepted)
        .add_attribute("returned", returned)
        .add_attribute("raised", campaign.raised))
}

/// Backers may change their mind until the goal is reached; from then on the creator can count
/// on the money, so pledges are final.
pub fn withdraw_pledge(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    ensure_open(&campaign)?;
    if env.block.time >= campaign.deadline {
        return Err(ContractError::DeadlinePassed {
            deadline: campaign.deadline,
        });
    }
    if campaign.raised >= campaign.goal {
        return Err(ContractError::GoalReached);
    }
    let key = (campaign_id, &info.sender);
    let pledge = PLEDGES
        .may_load(deps.storage, key)?
        .filter(|pledge| !pledge.amount.is_zero())
        .ok_or(ContractError::NoPledge)?;
    campaign.raised = campaign.raised.checked_sub(pledge.amount)?;
    rewards::recount(&mut campaign, pledge.amount, Uint128::zero())?;
    campaign.backers = campaign
        .backers
        .checked_sub(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    PLEDGES.remove(deps.storage, key);
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let transfer = Cw20ExecuteMsg::Transfer {
        recipient: info.sender.to_string(),
        amount: pledge.amount,
    };
    Ok(Response::new()
        .add_message(Cw20Contract(config.token).call(transfer)?)
        .add_attribute("action", "withdraw_pledge")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("amount", pledge.amount))
}

/// Mints the tickets of the highest reward tier the pledge reaches. The mint is a plain message:
/// if ticket-nft refuses it (sold out, minter not authorised), the whole claim fails with its
/// reason and can be retried.
pub fn claim_rewards(
    deps: DepsMut,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    if !matches!(campaign.status, CampaignStatus::Succeeded { .. }) {
        return Err(ContractError::NotSucceeded);
    }
    let key = (campaign_id, &info.sender);
    let mut pledge = PLEDGES
        .may_load(deps.storage, key)?
        .ok_or(ContractError::NoPledge)?;
    if pledge.rewards_claimed {
        return Err(ContractError::AlreadyClaimed);
    }
    let reward = campaign
        .reward_tiers
        .iter()
        .rev()
        .find(|tier| pledge.amount >= tier.min_pledge)
        .ok_or(ContractError::NoReward {
            pledged: pledge.amount,
        })?;
    if !REWARD_APPROVALS.has(deps.storage, (campaign_id, reward.event_id)) {
        return Err(ContractError::RewardsNotApproved {
            event_id: reward.event_id,
        });
    }
    let mint = TicketExecuteMsg::MintReserved {
        event_id: reward.event_id,
        tier: reward.tier,
        recipient: info.sender.to_string(),
        quantity: reward.tickets,
    };
    let (event_id, tickets) = (reward.event_id, reward.tickets);
    pledge.rewards_claimed = true;
    rewards::recount(&mut campaign, pledge.amount, Uint128::zero())?;
    campaign.claimed = campaign.claimed.checked_add(pledge.amount)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let mint = wasm_execute(config.ticket_nft, &mint, vec![])?;
    Ok(Response::new()
        .add_message(mint)
        .add_attribute("action", "claim_rewards")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tickets", tickets.to_string()))
}

pub fn refund(
    deps: DepsMut,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    if !matches!(
        campaign.status,
        CampaignStatus::Failed { .. } | CampaignStatus::Cancelled { .. }
    ) {
        return Err(ContractError::NotRefundable);
    }
    let key = (campaign_id, &info.sender);
    let mut pledge = PLEDGES
        .may_load(deps.storage, key)?
        .ok_or(ContractError::NoPledge)?;
    if pledge.refunded {
        return Err(ContractError::AlreadyRefunded);
    }
    // Only a campaign cancelled after success has claimed rewards: a backer who received its
    // tickets paid for them, and that pledge is the creator's.
    if pledge.rewards_claimed {
        return Err(ContractError::AlreadyClaimed);
    }
    pledge.refunded = true;
    campaign.refunded = campaign.refunded.checked_add(pledge.amount)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let transfer = Cw20ExecuteMsg::Transfer {
        recipient: info.sender.to_string(),
        amount: pledge.amount,
    };
    Ok(Response::new()
        .add_message(Cw20Contract(config.token).call(transfer)?)
        .add_attribute("action", "refund")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("amount", pledge.amount))
}

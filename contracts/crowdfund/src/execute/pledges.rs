//! The backers' side: pledges in, pledges out, rewards and refunds, each O(1) per backer.

use cosmwasm_std::{
    wasm_execute, Addr, CosmosMsg, DepsMut, Env, MessageInfo, OverflowError, OverflowOperation,
    Response, StdError, Storage, Uint128,
};
use ctc_conventions::{ctc_hook, CtcHook};
use ctc_interfaces::tickets::{TicketExecuteMsg, TicketReceiveMsg};
use cw20::{Cw20Contract, Cw20ExecuteMsg, Cw20ReceiveMsg};

use crate::error::ContractError;
use crate::execute::{ensure_creator_active, ensure_open, load_campaign, lucky, rewards};
use crate::msg::{CampaignStatus, ReceiveMsg};
use crate::state::{
    Campaign, Config, Pledge, CAMPAIGNS, CONFIG, LUCKY_NUMBERS, PLEDGES, REWARD_APPROVALS,
    REWARD_ISSUERS,
};

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
    // A suspended or revoked partner (or one the registry no longer lists) raises no more money.
    ensure_creator_active(deps.storage, &campaign.creator)?;
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
        sent_to_tickets: Uint128::zero(),
        reward_refund: None,
        lucky_number: None,
    });
    if pledge.amount.is_zero() {
        campaign.backers += 1;
        if let Some(numbered) = campaign.lucky_numbers.as_mut() {
            // The next number: numbers stay `0..numbered` (see `lucky::strike_off`).
            LUCKY_NUMBERS.save(deps.storage, (campaign_id, *numbered), &backer)?;
            pledge.lucky_number = Some(*numbered);
            *numbered = numbered
                .checked_add(1)
                .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
        }
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
    // Struck off the lucky draw, the last number's backer taking its place: the numbers stay
    // `0..numbered`, so withdrawals leave no dead numbers behind, and a backer that comes back
    // is numbered afresh, so nobody holds two numbers.
    if let Some(number) = pledge.lucky_number {
        lucky::strike_off(deps.storage, campaign_id, &mut campaign, number)?;
    }
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

/// The campaign must hold `value` for it: the books say it always does (what it holds covers the
/// value owed to unclaimed rewards), and CTC of other campaigns must never pay for this one's.
fn ensure_covered(campaign: &Campaign, value: Uint128) -> Result<(), ContractError> {
    if campaign.held()? < value {
        return Err(
            StdError::generic_err("the campaign holds less than its rewards are owed").into(),
        );
    }
    Ok(())
}

/// A succeeded campaign, the backer's pledge and the reward tier it reaches, while that reward
/// was neither claimed nor paid back.
fn unclaimed_reward(
    storage: &dyn Storage,
    (campaign_id, backer): (u64, &Addr),
) -> Result<(Campaign, Pledge, usize), ContractError> {
    let campaign = load_campaign(storage, campaign_id)?;
    if !matches!(campaign.status, CampaignStatus::Succeeded { .. }) {
        return Err(ContractError::NotSucceeded);
    }
    let pledge = PLEDGES
        .may_load(storage, (campaign_id, backer))?
        .ok_or(ContractError::NoPledge)?;
    if pledge.rewards_claimed {
        return Err(ContractError::AlreadyClaimed);
    }
    if pledge.reward_refund.is_some() {
        return Err(ContractError::RewardAlreadyRefunded);
    }
    let index =
        rewards::tier_of(&campaign.reward_tiers, pledge.amount).ok_or(ContractError::NoReward {
            pledged: pledge.amount,
        })?;
    Ok((campaign, pledge, index))
}

/// Mints the tickets of the highest reward tier the pledge reaches. When the reward carries value
/// (`reward_value`), the campaign sends it to ticket-nft with the mint (`mint_funded` in a CTC
/// `Send`), where it stays in escrow with the tickets: refunded to their holder if the show is
/// cancelled, paid to the issuer at settlement. The mint is a plain message: if ticket-nft
/// refuses it (sold out, minter not authorised), the whole claim fails with its reason and can be
/// retried.
pub fn claim_rewards(
    deps: DepsMut,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let key = (campaign_id, &info.sender);
    let (mut campaign, mut pledge, index) = unclaimed_reward(deps.storage, key)?;
    let reward = campaign.reward_tiers[index].clone();
    if !REWARD_APPROVALS.has(deps.storage, (campaign_id, reward.event_id)) {
        return Err(ContractError::RewardsNotApproved {
            event_id: reward.event_id,
        });
    }
    let value = campaign.reward_value(index)?;
    ensure_covered(&campaign, value)?;
    pledge.rewards_claimed = true;
    pledge.sent_to_tickets = value;
    rewards::recount(&mut campaign, pledge.amount, Uint128::zero())?;
    campaign.claimed = campaign.claimed.checked_add(pledge.amount)?;
    campaign.sent_to_tickets = campaign.sent_to_tickets.checked_add(value)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let (event_id, tier, recipient, quantity) = (
        reward.event_id,
        reward.tier,
        info.sender.to_string(),
        reward.tickets,
    );
    let mint: CosmosMsg = if value.is_zero() {
        let mint = TicketExecuteMsg::MintReserved {
            event_id,
            tier,
            recipient,
            quantity,
        };
        wasm_execute(config.ticket_nft, &mint, vec![])?.into()
    } else {
        let mint = TicketReceiveMsg::MintFunded {
            event_id,
            tier,
            recipient,
            quantity,
        };
        mint.into_cw20_send(&config.token, &config.ticket_nft, value)?
            .into()
    };
    Ok(Response::new()
        .add_message(mint)
        .add_attribute("action", "claim_rewards")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tickets", quantity.to_string())
        .add_attribute("value", value))
}

/// A backer of a failed or cancelled campaign, once: its pledge, less what already went to
/// ticket-nft with its tickets or came back to it for an undeliverable reward. A claimed pledge
/// is refunded only when the campaign was cancelled for its creator's revocation; otherwise it
/// paid for the tickets its backer holds and the rest of it is the creator's.
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
    // Only a campaign cancelled after success has claimed rewards.
    if pledge.rewards_claimed && !campaign.creator_revoked {
        return Err(ContractError::AlreadyClaimed);
    }
    let amount = pledge.refundable()?;
    if amount.is_zero() {
        return Err(ContractError::NothingToRefund);
    }
    pledge.refunded = true;
    campaign.refunded = campaign.refunded.checked_add(amount)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let config = CONFIG.load(deps.storage)?;
    let transfer = Cw20ExecuteMsg::Transfer {
        recipient: info.sender.to_string(),
        amount,
    };
    Ok(Response::new()
        .add_message(Cw20Contract(config.token).call(transfer)?)
        .add_attribute("action", "refund")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("amount", amount))
}

/// A backer of a successful campaign whose reward ticket-nft can no longer mint (the event is
/// cancelled, settled or over, this contract is no longer its minter, or the tier has fewer
/// tickets left than the reward), once: the reward's value, which the campaign kept for it. The
/// rest of the pledge stays the creator's, as it would have with the tickets delivered. The
/// reward can then be neither claimed nor paid back again, and no longer counts as owed.
pub fn refund_undeliverable_reward(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let key = (campaign_id, &info.sender);
    let (mut campaign, mut pledge, index) = unclaimed_reward(deps.storage, key)?;
    let config = CONFIG.load(deps.storage)?;
    let reward = &campaign.reward_tiers[index];
    match rewards::ensure_reward_mintable(deps.querier, &env, &config.ticket_nft, reward) {
        Ok(()) => {
            return Err(ContractError::RewardStillDeliverable {
                event_id: reward.event_id,
            })
        }
        Err(ContractError::RewardsUndeliverable { .. }) => {}
        Err(other) => return Err(other),
    }
    let value = campaign.reward_value(index)?;
    ensure_covered(&campaign, value)?;
    pledge.reward_refund = Some(value);
    rewards::recount(&mut campaign, pledge.amount, Uint128::zero())?;
    campaign.refunded = campaign.refunded.checked_add(value)?;
    PLEDGES.save(deps.storage, key, &pledge)?;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let mut response = Response::new();
    // A reward without value (a campaign launched before rewards carried it) is only given up.
    if !value.is_zero() {
        let transfer = Cw20ExecuteMsg::Transfer {
            recipient: info.sender.to_string(),
            amount: value,
        };
        response = response.add_message(Cw20Contract(config.token).call(transfer)?);
    }
    Ok(response
        .add_attribute("action", "refund_undeliverable_reward")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("backer", info.sender)
        .add_attribute("amount", value))
}

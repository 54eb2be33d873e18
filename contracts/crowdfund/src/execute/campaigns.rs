//! The creator's and the authority's side of a campaign, and finalization, which anyone may crank.

use cosmwasm_std::{
    wasm_execute, Addr, DepsMut, Empty, Env, MessageInfo, QuerierWrapper, Response, Uint128,
};
use ctc_interfaces::randomness::RandomnessExecuteMsg;
use ctc_interfaces::registry::{Capability, RegistryExecuteMsg};
use ctc_interfaces::token::CtcExecuteMsg;

use crate::error::ContractError;
use crate::execute::{creator_revoked, ensure_creator_active, ensure_open, load_campaign, rewards};
use crate::msg::{CampaignInput, CampaignStatus};
use crate::state::{
    Campaign, LuckyDraw, CAMPAIGNS, CAMPAIGN_COUNT, CONFIG, LUCKY_DRAWS, REWARD_APPROVALS,
    REWARD_ISSUERS,
};
use crate::validate::{
    self, MAX_CAMPAIGN_SECONDS, MAX_LEAD_SECONDS, MAX_LUCKY_WINNERS, MAX_PRIZE_BYTES,
    MAX_REWARD_TIERS, MAX_TICKETS_PER_REWARD, MAX_TITLE_BYTES, MAX_URI_BYTES,
};

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidCampaign { reason }
}

fn validate_campaign(input: &CampaignInput, env: &Env) -> Result<(), ContractError> {
    validate::text("title", &input.title, MAX_TITLE_BYTES)?;
    validate::optional_text(
        "description_uri",
        input.description_uri.as_deref(),
        MAX_URI_BYTES,
    )?;
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
    if let Some(draw) = &input.lucky_draw {
        if draw.winners == 0 || draw.winners > MAX_LUCKY_WINNERS {
            return Err(invalid("a lucky draw has between 1 and 20 winners"));
        }
        validate::text("prize", &draw.prize, MAX_PRIZE_BYTES)?;
    }
    Ok(())
}

/// The issuers of a campaign's reward events: those the creator issued need no further approval,
/// the others may not pledge.
struct RewardIssuers {
    own_events: Vec<u64>,
    others: Vec<(Addr, u64)>,
}

/// Rewards must be tickets ticket-nft will mint for this contract: of tiers that exist, with at
/// least one reward's tickets left, at scheduled events that end after the campaign's deadline and
/// named this contract a minter. Two ticket-nft queries per distinct event (at most 8).
fn check_rewards(
    querier: QuerierWrapper,
    env: &Env,
    ticket_nft: &Addr,
    creator: &Addr,
    input: &CampaignInput,
) -> Result<RewardIssuers, ContractError> {
    let mut issuers = RewardIssuers {
        own_events: vec![],
        others: vec![],
    };
    let mut checked: Vec<u64> = Vec::with_capacity(input.reward_tiers.len());
    for reward in &input.reward_tiers {
        if checked.contains(&reward.event_id) {
            continue;
        }
        let event = rewards::query_event(querier, ticket_nft, reward.event_id)?;
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
            if rewards::tickets_left(&event, tier.tier) < u64::from(tier.tickets) {
                return Err(ContractError::RewardsUndeliverable {
                    event_id: reward.event_id,
                    reason: "a reward tier has fewer tickets left than one reward",
                });
            }
        }
        rewards::ensure_mintable(
            querier,
            ticket_nft,
            &env.contract.address,
            reward.event_id,
            &event,
        )?;
        if event.issuer == *creator {
            issuers.own_events.push(reward.event_id);
        } else {
            issuers.others.push((event.issuer, reward.event_id));
        }
        checked.push(reward.event_id);
    }
    Ok(issuers)
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
    let issuers = check_rewards(deps.querier, &env, &config.ticket_nft, &info.sender, &input)?;
    let campaign_id = CAMPAIGN_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    // Commitments close when pledging does: a seed known to anyone while pledges or withdrawals
    // are still possible would let them choose to be in the draw or not.
    let draw_request = match &input.lucky_draw {
        None => None,
        Some(_) => {
            let randomness = config
                .randomness
                .as_ref()
                .ok_or(ContractError::RandomnessNotSet)?;
            let request = RandomnessExecuteMsg::RequestDraw {
                key: campaign_id,
                commits_close_at: Some(input.deadline),
            };
            Some(wasm_execute(randomness, &request, vec![])?)
        }
    };
    let unclaimed_rewards = Some(vec![0; input.reward_tiers.len()]);
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
            unclaimed_rewards,
            claimed: Uint128::zero(),
            funded_rewards: true,
            sent_to_tickets: Uint128::zero(),
            creator_revoked: false,
            lucky_numbers: input.lucky_draw.as_ref().map(|_| 0),
        },
    )?;
    if let Some(draw) = input.lucky_draw {
        let draw = LuckyDraw {
            winners: draw.winners,
            prize: draw.prize,
            seed: None,
            drawn: vec![],
        };
        LUCKY_DRAWS.save(deps.storage, campaign_id, &draw)?;
    }
    CAMPAIGN_COUNT.save(deps.storage, &campaign_id)?;
    for event_id in issuers.own_events {
        REWARD_APPROVALS.save(deps.storage, (campaign_id, event_id), &Empty {})?;
    }
    for (issuer, event_id) in issuers.others {
        REWARD_ISSUERS.save(deps.storage, (campaign_id, &issuer), &event_id)?;
    }
    let check = RegistryExecuteMsg::ConsumeQuota {
        partner: info.sender.to_string(),
        capability: Capability::LaunchCrowdfunds,
        units: 1,
    };
    let check = wasm_execute(config.registry, &check, vec![])?;
    Ok(Response::new()
        .add_message(check)
        .add_messages(draw_request)
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

/// Before success, the creator or the authority may cancel while the campaign is open (not once
/// it reached its goal at its close). After success and before the funds are withdrawn, only if
/// the rewards can no longer be delivered: the funds would otherwise be stuck, since the creator
/// cannot withdraw them (see `withdraw_funds`).
///
/// Once the registry revoked the creator, anyone may cancel while the campaign is open or
/// succeeded and not withdrawn, whatever its rewards: everything goes back to the backers (a
/// claimed pledge less what went to its tickets) and the creator withdraws nothing. A campaign
/// cancelled earlier for undeliverable rewards, whose creator has not withdrawn its claimed
/// pledges, is marked so too, or that money would wait for a creator that may never withdraw.
pub fn cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    let revoked = creator_revoked(deps.storage, &campaign.creator)?;
    if !revoked
        && campaign.creator != info.sender
        && !cw_ownable::is_owner(deps.storage, &info.sender)?
    {
        return Err(ContractError::NotCreatorOrAuthority);
    }
    match campaign.status {
        CampaignStatus::Open => {
            let closed = env.block.time >= campaign.deadline || campaign.cap_reached();
            if !revoked && closed && campaign.raised >= campaign.goal {
                return Err(ContractError::AlreadySucceeded);
            }
        }
        CampaignStatus::Succeeded { .. } => {
            if !campaign.released.is_zero() {
                return Err(ContractError::AlreadyWithdrawn);
            }
            if !revoked {
                let config = CONFIG.load(deps.storage)?;
                let deliverable = rewards::ensure_deliverable(
                    deps.storage,
                    deps.querier,
                    &env,
                    &config.ticket_nft,
                    (campaign_id, &campaign),
                );
                match deliverable {
                    Ok(()) => return Err(ContractError::AlreadySucceeded),
                    Err(ContractError::RewardsUndeliverable { .. }) => {}
                    Err(other) => return Err(other),
                }
            }
        }
        // Already cancelled: only the claimed pledges' remainders are still the creator's; once
        // it is revoked they go back to their backers (the status and its time stay).
        CampaignStatus::Cancelled { .. }
            if revoked
                && !campaign.creator_revoked
                && campaign.released.is_zero()
                && !campaign.claimed.is_zero() =>
        {
            campaign.creator_revoked = true;
            CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
            return Ok(Response::new()
                .add_attribute("action", "cancel")
                .add_attribute("campaign_id", campaign_id.to_string())
                .add_attribute("by", info.sender)
                .add_attribute("creator_revoked", "true"));
        }
        _ => return Err(ContractError::NotOpen),
    }
    campaign.status = CampaignStatus::Cancelled { at: env.block.time };
    campaign.creator_revoked = revoked;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    Ok(Response::new()
        .add_attribute("action", "cancel")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("by", info.sender)
        .add_attribute("creator_revoked", revoked.to_string()))
}

/// Once per campaign, by its creator while the registry holds it Active (withheld while it is
/// suspended, so it resumes after reinstatement). Of a successful campaign, once every reward
/// still owed can be minted: what it holds less the value still owed to unclaimed rewards, which
/// stays here for their claims (raised − refunded − sent to tickets − owed). Of a campaign
/// cancelled after success (not for revocation): the pledges whose rewards were delivered, less
/// what they sent to ticket-nft. The platform fee of that amount goes to the treasury.
pub fn withdraw_funds(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let mut campaign = load_campaign(deps.storage, campaign_id)?;
    if campaign.creator != info.sender {
        return Err(ContractError::NotCreator);
    }
    ensure_creator_active(deps.storage, &campaign.creator)?;
    match campaign.status {
        CampaignStatus::Succeeded { .. } => {}
        CampaignStatus::Cancelled { .. } if campaign.creator_revoked => {
            return Err(ContractError::CancelledForRevocation)
        }
        CampaignStatus::Cancelled { .. } if !campaign.claimed.is_zero() => {}
        _ => return Err(ContractError::NotSucceeded),
    }
    if !campaign.released.is_zero() {
        return Err(ContractError::AlreadyWithdrawn);
    }
    let amount = match campaign.status {
        CampaignStatus::Succeeded { .. } => {
            campaign.held()?.checked_sub(campaign.owed_to_rewards()?)?
        }
        _ => campaign.claimed.checked_sub(campaign.sent_to_tickets)?,
    };
    if amount.is_zero() {
        return Err(ContractError::NothingToWithdraw);
    }
    let config = CONFIG.load(deps.storage)?;
    if matches!(campaign.status, CampaignStatus::Succeeded { .. }) {
        // Backers paid for their rewards: the money leaves only while ticket-nft can mint them.
        rewards::ensure_deliverable(
            deps.storage,
            deps.querier,
            &env,
            &config.ticket_nft,
            (campaign_id, &campaign),
        )?;
    }
    let fee = campaign.platform_fee.of(amount);
    let payout = amount.checked_sub(fee)?;
    campaign.released = amount;
    CAMPAIGNS.save(deps.storage, campaign_id, &campaign)?;
    let mut response = Response::new();
    // The fee and the payout in one call into the token rather than a transfer each; a zero share
    // (no fee, or a fee of 100%) is left out, since the token refuses zero payments.
    if let Some(disburse) =
        CtcExecuteMsg::disburse([(&config.treasury, fee), (&campaign.creator, payout)])
    {
        response = response.add_message(wasm_execute(&config.token, &disburse, vec![])?);
    }
    Ok(response
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
    let event = rewards::query_event(deps.querier, &config.ticket_nft, event_id)?;
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

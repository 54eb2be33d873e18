//! Whether ticket-nft will mint what a campaign promised: checked when it launches, and again
//! before its creator takes the funds, against the rewards its backers have not claimed yet.

use cosmwasm_std::{
    Addr, Env, OverflowError, OverflowOperation, QuerierWrapper, StdError, Storage, Uint128,
};
use ctc_interfaces::tickets::{EventStatus, EventSummary, RolesSummary, TicketQueryMsg};

use crate::error::ContractError;
use crate::msg::RewardTier;
use crate::state::{Campaign, REWARD_APPROVALS};

fn undeliverable(event_id: u64, reason: &'static str) -> ContractError {
    ContractError::RewardsUndeliverable { event_id, reason }
}

pub fn query_event(
    querier: QuerierWrapper,
    ticket_nft: &Addr,
    event_id: u64,
) -> Result<EventSummary, ContractError> {
    Ok(querier.query_wasm_smart(ticket_nft, &TicketQueryMsg::Event { event_id })?)
}

/// ticket-nft mints for this contract only while the event is scheduled and this contract is one
/// of its minters, which its issuer may change at any time.
pub fn ensure_mintable(
    querier: QuerierWrapper,
    ticket_nft: &Addr,
    this: &Addr,
    event_id: u64,
    event: &EventSummary,
) -> Result<(), ContractError> {
    if event.status != EventStatus::Scheduled {
        return Err(undeliverable(event_id, "the event is cancelled or settled"));
    }
    let roles: RolesSummary = querier.query_wasm_smart(
        ticket_nft,
        &TicketQueryMsg::Roles {
            event_id,
            address: this.to_string(),
        },
    )?;
    if !roles.minter {
        return Err(undeliverable(
            event_id,
            "its issuer has not named this contract a minter (set_minter)",
        ));
    }
    Ok(())
}

/// Whether ticket-nft would mint one backer's reward now: the event is scheduled and not over,
/// this contract is still its minter and the reward's tier has at least the reward's tickets
/// left. `RewardsUndeliverable` with the reason when it would not. Two ticket-nft queries.
pub fn ensure_reward_mintable(
    querier: QuerierWrapper,
    env: &Env,
    ticket_nft: &Addr,
    reward: &RewardTier,
) -> Result<(), ContractError> {
    let event = query_event(querier, ticket_nft, reward.event_id)?;
    if env.block.time >= event.ends_at {
        return Err(undeliverable(reward.event_id, "the event is over"));
    }
    ensure_mintable(
        querier,
        ticket_nft,
        &env.contract.address,
        reward.event_id,
        &event,
    )?;
    if tickets_left(&event, reward.tier) < u64::from(reward.tickets) {
        return Err(undeliverable(
            reward.event_id,
            "the reward's tier has fewer tickets left than one reward",
        ));
    }
    Ok(())
}

/// Tickets still for sale or reward in `tier` of `event` (none if the tier does not exist).
pub fn tickets_left(event: &EventSummary, tier: u8) -> u64 {
    event
        .tiers
        .get(usize::from(tier))
        // ticket-nft never sells beyond the supply; were it to, nothing would be left.
        .map_or(0, |tier| u64::from(tier.supply.saturating_sub(tier.sold)))
}

/// The reward tier a pledge of `amount` earns: the highest whose minimum it reaches.
pub fn tier_of(tiers: &[RewardTier], amount: Uint128) -> Option<usize> {
    tiers.iter().rposition(|tier| amount >= tier.min_pledge)
}

/// Moves one backer's count from the tier a pledge of `from` earns to the tier `to` earns (either
/// may be none). O(reward tiers).
pub fn recount(campaign: &mut Campaign, from: Uint128, to: Uint128) -> Result<(), ContractError> {
    let (before, after) = (
        tier_of(&campaign.reward_tiers, from),
        tier_of(&campaign.reward_tiers, to),
    );
    let Some(counts) = campaign.unclaimed_rewards.as_mut() else {
        return Ok(());
    };
    if before == after {
        return Ok(());
    }
    // Launch stores one count per reward tier, and the tiers never change.
    let mismatch = || StdError::generic_err("the reward counts do not match the reward tiers");
    if let Some(index) = before {
        let count = counts.get_mut(index).ok_or_else(mismatch)?;
        *count = count
            .checked_sub(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    }
    if let Some(index) = after {
        let count = counts.get_mut(index).ok_or_else(mismatch)?;
        *count = count
            .checked_add(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    }
    Ok(())
}

/// Every reward a backer may still claim can be minted now: for each reward event with claims
/// outstanding, its issuer approved this campaign's rewards (a claim is refused without it), the
/// event is scheduled and not over, this contract is its minter, and each tier has at least as
/// many tickets left as backers are owed. Two ticket-nft queries per such event (at most 8
/// events). A campaign launched before rewards were counted passes.
pub fn ensure_deliverable(
    storage: &dyn Storage,
    querier: QuerierWrapper,
    env: &Env,
    ticket_nft: &Addr,
    (campaign_id, campaign): (u64, &Campaign),
) -> Result<(), ContractError> {
    let Some(counts) = &campaign.unclaimed_rewards else {
        return Ok(());
    };
    // (event, tier, tickets owed), at most one entry per reward tier.
    let mut owed: Vec<(u64, u8, u64)> = Vec::with_capacity(counts.len());
    for (reward, &backers) in campaign.reward_tiers.iter().zip(counts) {
        if backers == 0 {
            continue;
        }
        let tickets = u64::from(backers)
            .checked_mul(u64::from(reward.tickets))
            .ok_or_else(|| OverflowError::new(OverflowOperation::Mul))?;
        match owed
            .iter_mut()
            .find(|(event, tier, _)| (*event, *tier) == (reward.event_id, reward.tier))
        {
            Some((_, _, total)) => {
                *total = total
                    .checked_add(tickets)
                    .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?
            }
            None => owed.push((reward.event_id, reward.tier, tickets)),
        }
    }
    let mut checked: Vec<u64> = Vec::with_capacity(owed.len());
    for &(event_id, _, _) in &owed {
        if checked.contains(&event_id) {
            continue;
        }
        checked.push(event_id);
        if !REWARD_APPROVALS.has(storage, (campaign_id, event_id)) {
            return Err(undeliverable(
                event_id,
                "its issuer has not approved this campaign's rewards (approve_rewards)",
            ));
        }
        let event = query_event(querier, ticket_nft, event_id)?;
        if env.block.time >= event.ends_at {
            return Err(undeliverable(event_id, "the event is over"));
        }
        ensure_mintable(querier, ticket_nft, &env.contract.address, event_id, &event)?;
        for &(_, tier, tickets) in owed.iter().filter(|(event, ..)| *event == event_id) {
            if tickets_left(&event, tier) < tickets {
                return Err(undeliverable(
                    event_id,
                    "a reward tier has fewer tickets left than its backers are owed",
                ));
            }
        }
    }
    Ok(())
}

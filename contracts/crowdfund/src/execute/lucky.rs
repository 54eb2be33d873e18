//! A campaign's lucky draw among its backers, from the randomness contract's seed.

use cosmwasm_std::{DepsMut, Env, HexBinary, OverflowError, OverflowOperation, Response, Storage};
use ctc_interfaces::randomness::{distinct_picks, DrawResponse, RandomnessQueryMsg};

use crate::error::ContractError;
use crate::execute::load_campaign;
use crate::msg::{CampaignStatus, LuckyWinner};
use crate::state::{Campaign, CONFIG, LUCKY_DRAWS, LUCKY_NUMBERS, PLEDGES};

/// Anyone may crank it, once, so a creator cannot hold the draw back. Only a successful campaign
/// draws: a failed or cancelled one refunds its backers, and its prize is void. One query to the
/// randomness contract and one read of the numbers per winner (at most `MAX_LUCKY_WINNERS`),
/// whatever the campaign's size.
pub fn draw_lucky_backers(
    deps: DepsMut,
    env: Env,
    campaign_id: u64,
) -> Result<Response, ContractError> {
    let campaign = load_campaign(deps.storage, campaign_id)?;
    let numbered = campaign
        .lucky_numbers
        .ok_or(ContractError::NoLuckyDraw { campaign_id })?;
    if !matches!(campaign.status, CampaignStatus::Succeeded { .. }) {
        return Err(ContractError::NotSucceeded);
    }
    // A campaign that filled its hard cap succeeds early, but its draw's commitments close at
    // the deadline all the same.
    if env.block.time < campaign.deadline {
        return Err(ContractError::LuckyDrawTooEarly {
            deadline: campaign.deadline,
        });
    }
    let mut draw = LUCKY_DRAWS.load(deps.storage, campaign_id)?;
    if draw.seed.is_some() {
        return Err(ContractError::LuckyBackersAlreadyDrawn);
    }
    let randomness = CONFIG
        .load(deps.storage)?
        .randomness
        .ok_or(ContractError::RandomnessNotSet)?;
    let query = RandomnessQueryMsg::Draw {
        requester: env.contract.address.to_string(),
        key: campaign_id,
    };
    let answer: DrawResponse = deps.querier.query_wasm_smart(randomness, &query)?;
    let seed = answer.ready_seed().ok_or(ContractError::DrawNotReady)?;

    // The numbers are `0..numbered` without a hole (see `strike_off`) and froze at the deadline,
    // when the draw's commitments closed: anyone recomputes the winners from the seed and them.
    for number in distinct_picks(&seed, draw.winners.min(numbered), numbered) {
        let backer = LUCKY_NUMBERS.load(deps.storage, (campaign_id, number))?;
        draw.drawn.push(LuckyWinner { number, backer });
    }
    draw.seed = Some(HexBinary::from(seed));
    LUCKY_DRAWS.save(deps.storage, campaign_id, &draw)?;
    let join = |field: fn(&LuckyWinner) -> String| {
        draw.drawn.iter().map(field).collect::<Vec<_>>().join(",")
    };
    Ok(Response::new()
        .add_attribute("action", "draw_lucky_backers")
        .add_attribute("campaign_id", campaign_id.to_string())
        .add_attribute("seed", HexBinary::from(seed).to_hex())
        .add_attribute("winners", join(|w| w.backer.to_string()))
        .add_attribute("numbers", join(|w| w.number.to_string())))
}

/// Takes `number` back from a backer who leaves the campaign: the backer holding the last number
/// moves into it (its pledge records the new number) and the count goes down, so the numbers stay
/// `0..numbered` and a draw never meets a number nobody holds. O(1): one number and one pledge
/// moved. The caller saves `campaign` and removes or rewrites the leaving backer's pledge.
pub fn strike_off(
    storage: &mut dyn Storage,
    campaign_id: u64,
    campaign: &mut Campaign,
    number: u32,
) -> Result<(), ContractError> {
    let Some(numbered) = campaign.lucky_numbers.as_mut() else {
        return Ok(());
    };
    let last = numbered
        .checked_sub(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    if number != last {
        let moved = LUCKY_NUMBERS.load(storage, (campaign_id, last))?;
        LUCKY_NUMBERS.save(storage, (campaign_id, number), &moved)?;
        let key = (campaign_id, &moved);
        let mut pledge = PLEDGES.load(storage, key)?;
        pledge.lucky_number = Some(number);
        PLEDGES.save(storage, key, &pledge)?;
    }
    LUCKY_NUMBERS.remove(storage, (campaign_id, last));
    *numbered = last;
    Ok(())
}

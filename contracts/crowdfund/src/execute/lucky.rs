//! A campaign's lucky draw among its backers, from the randomness contract's seed.

use cosmwasm_std::{DepsMut, Env, HexBinary, Response};
use ctc_interfaces::randomness::{distinct_picks, DrawResponse, RandomnessQueryMsg};

use crate::error::ContractError;
use crate::execute::load_campaign;
use crate::msg::{CampaignStatus, LuckyWinner};
use crate::state::{CONFIG, LUCKY_DRAWS, LUCKY_NUMBERS};
use crate::validate::MAX_LUCKY_PICKS;

/// Anyone may crank it, once, so a creator cannot hold the draw back. Only a successful campaign
/// draws: a failed or cancelled one refunds its backers, and its prize is void. One query to the
/// randomness contract and at most `MAX_LUCKY_PICKS` reads of the numbers, whatever the
/// campaign's size.
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

    // The picks are a prefix of one sequence whatever their count, so anyone can recompute
    // the winners from the seed and the numbers' history.
    for number in distinct_picks(&seed, numbered.min(MAX_LUCKY_PICKS), numbered) {
        if draw.drawn.len() >= draw.winners as usize {
            break;
        }
        // A withdrawn backer's number was removed.
        if let Some(backer) = LUCKY_NUMBERS.may_load(deps.storage, (campaign_id, number))? {
            draw.drawn.push(LuckyWinner { number, backer });
        }
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

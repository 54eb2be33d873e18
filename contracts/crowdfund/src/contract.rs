#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::ContractId;
use ctc_interfaces::BasisPoints;

use crate::error::ContractError;
use crate::execute::{campaigns, lucky, pledges};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG};
use crate::validate;

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Checked before anything is stored.
    let config = Config {
        token: validate::address(deps.api, "token", &msg.token)?,
        registry: validate::address(deps.api, "registry", &msg.registry)?,
        ticket_nft: validate::address(deps.api, "ticket_nft", &msg.ticket_nft)?,
        treasury: ctc_conventions::validate::recipient(
            deps.as_ref(),
            &env,
            CONTRACT.name,
            "treasury",
            &msg.treasury,
        )?,
        platform_fee: msg.platform_fee,
        randomness: validate::optional_address(deps.api, "randomness", msg.randomness.as_deref())?,
    };
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response.add_attribute("token", config.token))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::Receive(wrapper) => pledges::receive(deps, env, info, wrapper),
        ExecuteMsg::RegistryUpdate(update) => {
            let registry = CONFIG.load(deps.storage)?.registry;
            Ok(ctc_conventions::mirror::apply(
                deps.storage,
                &registry,
                &info.sender,
                update,
            )?)
        }
        ExecuteMsg::Launch { campaign } => campaigns::launch(deps, env, info, campaign),
        ExecuteMsg::WithdrawPledge { campaign_id } => {
            pledges::withdraw_pledge(deps, env, info, campaign_id)
        }
        ExecuteMsg::Finalize { campaign_id } => campaigns::finalize(deps, env, campaign_id),
        ExecuteMsg::Cancel { campaign_id } => campaigns::cancel(deps, env, info, campaign_id),
        ExecuteMsg::WithdrawFunds { campaign_id } => {
            campaigns::withdraw_funds(deps, env, info, campaign_id)
        }
        ExecuteMsg::ApproveRewards {
            campaign_id,
            event_id,
        } => campaigns::approve_rewards(deps, info, campaign_id, event_id),
        ExecuteMsg::ClaimRewards { campaign_id } => pledges::claim_rewards(deps, info, campaign_id),
        ExecuteMsg::Refund { campaign_id } => pledges::refund(deps, info, campaign_id),
        ExecuteMsg::RefundUndeliverableReward { campaign_id } => {
            pledges::refund_undeliverable_reward(deps, env, info, campaign_id)
        }
        ExecuteMsg::DrawLuckyBackers { campaign_id } => {
            lucky::draw_lucky_backers(deps, env, campaign_id)
        }
        ExecuteMsg::UpdateConfig {
            treasury,
            platform_fee,
            randomness,
        } => update_config(deps, &env, info, treasury, platform_fee, randomness),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

fn update_config(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    treasury: Option<String>,
    platform_fee: Option<BasisPoints>,
    randomness: Option<String>,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(treasury) = treasury {
        config.treasury = ctc_conventions::validate::recipient(
            deps.as_ref(),
            env,
            CONTRACT.name,
            "treasury",
            &treasury,
        )?;
    }
    config.platform_fee = platform_fee.unwrap_or(config.platform_fee);
    // Set once: a draw asked of one contract is answered only by it, and whoever could swap it
    // could pick the lucky winners.
    if let Some(randomness) = randomness {
        if config.randomness.is_some() {
            return Err(ContractError::RandomnessFixed);
        }
        config.randomness = Some(validate::address(deps.api, "randomness", &randomness)?);
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("treasury", config.treasury)
        .add_attribute("platform_fee", config.platform_fee.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Campaign { campaign_id } => to_json_binary(&query::campaign(deps, campaign_id)?),
        QueryMsg::Campaigns {
            status,
            creator,
            start_after,
            limit,
        } => to_json_binary(&query::campaigns(
            deps,
            status,
            creator,
            start_after,
            limit,
        )?),
        QueryMsg::Pledge {
            campaign_id,
            backer,
        } => to_json_binary(&query::pledge(deps, campaign_id, backer)?),
        QueryMsg::Backers {
            campaign_id,
            start_after,
            limit,
        } => to_json_binary(&query::backers(deps, campaign_id, start_after, limit)?),
        QueryMsg::LuckyBackers { campaign_id } => {
            to_json_binary(&query::lucky_backers(deps, campaign_id)?)
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // Fields added since (a campaign's `funded_rewards`, `sent_to_tickets`, `creator_revoked`, a
    // pledge's `sent_to_tickets`, `reward_refund`) load with their defaults: campaigns launched
    // before keep rewards without value, as their backers were told. The registry's mirror starts
    // empty: deploy adds this contract with `add_mirror` and syncs the creators already partners.
    // A data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

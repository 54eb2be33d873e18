#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::{validate, ContractId};
use ctc_interfaces::registry::IdentityLevel;

use crate::error::ContractError;
use crate::execute::{classes, clearing, moves, redeem, sale, supervision, tickets};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG};
use crate::validate::MAX_TITLE_BYTES;

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    msg.platform_fee.checked_add(msg.burn_share)?;
    validate::text("name", &msg.name, MAX_TITLE_BYTES)?;
    validate::text("symbol", &msg.symbol, MAX_TITLE_BYTES)?;
    let treasury = validate::recipient(
        deps.as_ref(),
        &env,
        CONTRACT.name,
        "treasury",
        &msg.treasury,
    )?;
    let config = Config {
        token: validate::address(deps.api, "token", &msg.token)?,
        registry: validate::address(deps.api, "registry", &msg.registry)?,
        treasury,
        platform_fee: msg.platform_fee,
        burn_share: msg.burn_share,
        min_holder_identity: msg.min_holder_identity.unwrap_or(IdentityLevel::RealName),
        name: msg.name,
        symbol: msg.symbol,
        ticket_nft: None,
    };
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response
        .add_attribute("token", config.token)
        .add_attribute("registry", config.registry))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // CTC arrives only through `Receive`: coins sent with any message would be locked here.
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::RegistryUpdate(update) => {
            let registry = CONFIG.load(deps.storage)?.registry;
            Ok(ctc_conventions::mirror::apply(
                deps.storage,
                &registry,
                &info.sender,
                update,
            )?)
        }
        ExecuteMsg::CreateClass { class } => classes::create_class(deps, env, info, class),
        ExecuteMsg::SetSalePaused { class_id, paused } => {
            classes::set_sale_paused(deps, info, class_id, paused)
        }
        ExecuteMsg::SetScanner { address, allowed } => {
            classes::set_scanner(deps, info, address, allowed)
        }
        ExecuteMsg::Claim { class_id, quantity } => {
            sale::claim(deps, env, info, class_id, quantity)
        }
        ExecuteMsg::Receive(wrapper) => sale::receive(deps, env, info, wrapper),
        ExecuteMsg::TransferNft {
            recipient,
            token_id,
        } => moves::transfer_nft(deps, env, info, recipient, token_id),
        ExecuteMsg::TransferUnits {
            token_id,
            recipient,
            units,
        } => moves::transfer_units(deps, env, info, token_id, recipient, units),
        ExecuteMsg::List { token_id, price } => moves::list(deps, env, info, token_id, price),
        ExecuteMsg::Unlist { token_id } => moves::unlist(deps, info, token_id),
        ExecuteMsg::Redeem {
            token_id,
            units,
            proof,
        } => redeem::redeem(deps, env, info, token_id, units, proof),
        ExecuteMsg::UseForTickets(use_) => tickets::use_for_tickets(deps, env, info, use_),
        ExecuteMsg::SetTicketNft { address } => classes::set_ticket_nft(deps, info, address),
        ExecuteMsg::Clear { token_id } => clearing::clear(deps, env, token_id),
        ExecuteMsg::Withdraw { merchant } => clearing::withdraw(deps, merchant),
        ExecuteMsg::LowerCap {
            class_id,
            cap,
            reason,
            digest,
        } => supervision::lower_cap(deps, env, info, class_id, cap, (reason, digest)),
        ExecuteMsg::FreezeClass {
            class_id,
            frozen,
            reason,
            digest,
        } => supervision::freeze_class(deps, env, info, class_id, frozen, (reason, digest)),
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&CONFIG.load(deps.storage)?),
        QueryMsg::Class { class_id } => to_json_binary(&query::class(deps, class_id)?),
        QueryMsg::Classes { start_after, limit } => {
            to_json_binary(&query::classes(deps, start_after, limit)?)
        }
        QueryMsg::Voucher { token_id } => to_json_binary(&query::voucher(deps, token_id)?),
        QueryMsg::Earned { merchant } => to_json_binary(&query::earned(deps, merchant)?),
        QueryMsg::SupervisionRecords {
            class_id,
            start_after,
            limit,
        } => to_json_binary(&query::records(deps, class_id, start_after, limit)?),
        QueryMsg::PassUses { token_id, event_id } => {
            to_json_binary(&query::pass_uses(deps, token_id, event_id)?)
        }
        QueryMsg::OwnerOf { token_id, .. } => to_json_binary(&query::owner_of(deps, token_id)?),
        QueryMsg::NftInfo { token_id } => to_json_binary(&query::nft_info(deps, token_id)?),
        QueryMsg::Tokens {
            owner,
            start_after,
            limit,
        } => to_json_binary(&query::tokens(deps, owner, start_after, limit)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // No stored data has changed shape yet; a data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

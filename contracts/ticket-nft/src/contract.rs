#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::{validate, ContractId};

use crate::error::ContractError;
use crate::execute::{admin, door, events, resale, sale, supervision, transfer};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG, TOKEN};
use crate::validate::{self as limits, MAX_TITLE_BYTES};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();
/// 0.2.0 keys tickets by event and serial, keeps event texts and money apart from the rules and
/// keeps the registry's mirror: state an earlier version wrote cannot be read by this code.
const FIRST_VERSION_OF_THIS_LAYOUT: &str = "0.2.0";

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // Everything is checked before anything is written.
    msg.platform_fee.checked_add(msg.burn_share)?;
    validate::text("name", &msg.name, MAX_TITLE_BYTES)?;
    validate::text("symbol", &msg.symbol, MAX_TITLE_BYTES)?;
    let treasury = ctc_conventions::validate::recipient(
        deps.as_ref(),
        &env,
        CONTRACT.name,
        "treasury",
        &msg.treasury,
    )?;
    let token = validate::address(deps.api, "token", &msg.token)?;
    let config = Config {
        registry: validate::address(deps.api, "registry", &msg.registry)?,
        treasury,
        platform_fee: msg.platform_fee,
        burn_share: msg.burn_share,
        settlement_delay_seconds: limits::settlement_delay(msg.settlement_delay_seconds)?,
        name: msg.name,
        symbol: msg.symbol,
        updated_at: env.block.time,
        min_holder_identity: msg.min_holder_identity,
        schedules: None,
        randomness: validate::optional_address(deps.api, "randomness", msg.randomness.as_deref())?,
    };
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.owner.as_deref())?;
    CONFIG.save(deps.storage, &config)?;
    TOKEN.save(deps.storage, &token)?;
    Ok(response
        .add_attribute("token", token)
        .add_attribute("registry", config.registry))
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
        ExecuteMsg::RegistryUpdate(update) => {
            let registry = CONFIG.load(deps.storage)?.registry;
            Ok(ctc_conventions::mirror::apply(
                deps.storage,
                &registry,
                &info.sender,
                update,
            )?)
        }
        ExecuteMsg::TransferNft {
            recipient,
            token_id,
        } => transfer::transfer_nft(deps, env, info, recipient, token_id),
        ExecuteMsg::SendNft {
            contract,
            token_id,
            msg,
        } => transfer::send_nft(deps, env, info, contract, token_id, msg),
        ExecuteMsg::Approve {
            spender,
            token_id,
            expires,
        } => transfer::update_approval(deps, env, info, spender, token_id, Some(expires)),
        ExecuteMsg::Revoke { spender, token_id } => {
            transfer::update_approval(deps, env, info, spender, token_id, None)
        }
        ExecuteMsg::ApproveAll { operator, expires } => {
            transfer::approve_all(deps, env, info, operator, expires)
        }
        ExecuteMsg::RevokeAll { operator } => transfer::revoke_all(deps, info, operator),
        ExecuteMsg::Burn { .. } => Err(ContractError::BurnNotSupported),
        ExecuteMsg::Receive(wrapper) => sale::receive(deps, env, info, wrapper),
        ExecuteMsg::CreateEvent { event } => events::create_event(deps, env, info, event),
        ExecuteMsg::UpdateEvent {
            event_id,
            title,
            venue,
            description_uri,
        } => events::update_event(deps, env, info, event_id, title, venue, description_uri),
        ExecuteMsg::AddTier { event_id, tier } => events::add_tier(deps, env, info, event_id, tier),
        ExecuteMsg::SetSalePaused { event_id, paused } => {
            events::set_sale_paused(deps, info, event_id, paused)
        }
        ExecuteMsg::SetScanner {
            event_id,
            address,
            allowed,
        } => events::set_role(deps, info, event_id, address, allowed, false),
        ExecuteMsg::DrawSeats { event_id, tier } => events::draw_seats(deps, info, event_id, tier),
        ExecuteMsg::SetMinter {
            event_id,
            address,
            allowed,
        } => events::set_role(deps, info, event_id, address, allowed, true),
        ExecuteMsg::CancelEvent { event_id } => events::cancel_event(deps, env, info, event_id),
        ExecuteMsg::Settle { event_id } => events::settle(deps, env, event_id),
        ExecuteMsg::ClaimRefund { token_id } => sale::claim_refund(deps, env, info, token_id),
        ExecuteMsg::ListForResale { token_id, price } => {
            resale::list_for_resale(deps, env, info, token_id, price)
        }
        ExecuteMsg::Delist { token_id } => resale::delist(deps, info, token_id),
        ExecuteMsg::CheckIn { token_id, proof } => door::check_in(deps, env, info, token_id, proof),
        ExecuteMsg::MintReserved {
            event_id,
            tier,
            recipient,
            quantity,
        } => sale::mint_reserved(deps, env, info, (event_id, tier), recipient, quantity),
        ExecuteMsg::FileComplaint { token_id, digest } => {
            supervision::file_complaint(deps, env, info, token_id, digest)
        }
        ExecuteMsg::RuleOnEvent {
            event_id,
            happened,
            reason,
            digest,
        } => supervision::rule_on_event(deps, env, info, event_id, happened, (reason, digest)),
        ExecuteMsg::FreezeEvent {
            event_id,
            frozen,
            reason,
            digest,
        } => supervision::freeze_event(deps, env, info, event_id, frozen, (reason, digest)),
        ExecuteMsg::HoldTicket {
            token_id,
            held,
            reason,
            digest,
        } => supervision::hold_ticket(deps, env, info, token_id, held, (reason, digest)),
        ExecuteMsg::SetMinHolderIdentity { level } => {
            admin::set_min_holder_identity(deps, info, level)
        }
        ExecuteMsg::SetSchedules { address } => admin::set_schedules(deps, info, address),
        ExecuteMsg::SetVouchers { address } => admin::set_vouchers(deps, info, address),
        ExecuteMsg::UpdateConfig {
            treasury,
            platform_fee,
            burn_share,
            settlement_delay_seconds,
            randomness,
        } => admin::update_config(
            deps,
            env,
            info,
            (treasury, randomness),
            platform_fee,
            burn_share,
            settlement_delay_seconds,
        ),
        // cw721's minter and creator are both the platform owner, one cw-ownable ownership.
        ExecuteMsg::UpdateOwnership(action)
        | ExecuteMsg::UpdateMinterOwnership(action)
        | ExecuteMsg::UpdateCreatorOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
        ExecuteMsg::UpdateCollectionInfo { .. } => Err(ContractError::CollectionInfoFixed),
        ExecuteMsg::Mint { .. } => Err(ContractError::MintNotSupported),
        ExecuteMsg::AddMinter { .. } | ExecuteMsg::RemoveMinter { .. } => {
            Err(ContractError::MintersPerEvent)
        }
        ExecuteMsg::UpdateExtension { .. } => Err(ContractError::ExtensionNotSupported),
        ExecuteMsg::UpdateNftInfo { .. } => Err(ContractError::NftInfoFromEvent),
        ExecuteMsg::SetWithdrawAddress { .. }
        | ExecuteMsg::RemoveWithdrawAddress {}
        | ExecuteMsg::WithdrawFunds { .. } => Err(ContractError::NoWithdrawals),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    use query::{cw721, tickets};
    let expired = |include: Option<bool>| include.unwrap_or(false);
    let binary = match msg {
        QueryMsg::OwnerOf {
            token_id,
            include_expired,
        } => to_json_binary(&cw721::owner_of(
            deps,
            env,
            token_id,
            expired(include_expired),
        )?),
        QueryMsg::Approval {
            token_id,
            spender,
            include_expired,
        } => to_json_binary(&cw721::approval(
            deps,
            env,
            token_id,
            spender,
            expired(include_expired),
        )?),
        QueryMsg::Approvals {
            token_id,
            include_expired,
        } => to_json_binary(&cw721::approvals(
            deps,
            env,
            token_id,
            expired(include_expired),
        )?),
        QueryMsg::Operator {
            owner,
            operator,
            include_expired,
        } => to_json_binary(&cw721::operator(
            deps,
            env,
            owner,
            operator,
            expired(include_expired),
        )?),
        QueryMsg::AllOperators {
            owner,
            include_expired,
            start_after,
            limit,
        } => to_json_binary(&cw721::all_operators(
            deps,
            env,
            owner,
            expired(include_expired),
            start_after,
            limit,
        )?),
        QueryMsg::NumTokens {} => to_json_binary(&cw721::num_tokens(deps)?),
        QueryMsg::ContractInfo {} | QueryMsg::GetCollectionInfoAndExtension {} => {
            to_json_binary(&cw721::collection_info(deps)?)
        }
        QueryMsg::Minter {} => to_json_binary(&cw721::minter(deps)?),
        QueryMsg::Ownership {} | QueryMsg::GetMinterOwnership {} => {
            to_json_binary(&cw_ownable::get_ownership(deps.storage)?)
        }
        QueryMsg::NftInfo { token_id } => to_json_binary(&cw721::nft_info(deps, &env, token_id)?),
        QueryMsg::AllNftInfo {
            token_id,
            include_expired,
        } => to_json_binary(&cw721::all_nft_info(
            deps,
            env,
            token_id,
            expired(include_expired),
        )?),
        QueryMsg::Tokens {
            owner,
            start_after,
            limit,
        } => to_json_binary(&cw721::tokens(deps, owner, start_after, limit)?),
        QueryMsg::AllTokens { start_after, limit } => {
            to_json_binary(&cw721::all_tokens(deps, start_after, limit)?)
        }
        QueryMsg::GetConfig {} => to_json_binary(&cw721::config(deps, env)?),
        QueryMsg::GetAllInfo {} => to_json_binary(&cw721::all_info(deps, env)?),
        QueryMsg::GetCollectionExtensionAttributes {} => {
            to_json_binary(&::cw721::state::CollectionExtensionAttributes::new())
        }
        QueryMsg::GetCreatorOwnership {} => {
            to_json_binary(&cw_ownable::get_ownership(deps.storage)?)
        }
        QueryMsg::GetAdditionalMinters { .. } => {
            to_json_binary(&::cw721::msg::AdditionalMintersResponse { minters: vec![] })
        }
        QueryMsg::GetNftByExtension {
            extension,
            start_after,
            limit,
        } => to_json_binary(&cw721::nft_by_extension(
            deps,
            &env,
            extension,
            start_after,
            limit,
        )?),
        QueryMsg::Extension { .. } | QueryMsg::GetCollectionExtension { .. } => to_json_binary(&()),
        QueryMsg::GetWithdrawAddress {} => to_json_binary(&None::<String>),
        QueryMsg::Config {} => to_json_binary(&tickets::config(deps)?),
        QueryMsg::Event { event_id } => to_json_binary(&tickets::event(deps, event_id)?),
        QueryMsg::Events { start_after, limit } => {
            to_json_binary(&tickets::events(deps, start_after, limit)?)
        }
        QueryMsg::Listings {
            event_id,
            start_after,
            limit,
        } => to_json_binary(&tickets::listings(deps, env, event_id, start_after, limit)?),
        QueryMsg::Listing { token_id } => to_json_binary(&tickets::listing(deps, env, token_id)?),
        QueryMsg::History {
            token_id,
            start_after,
            limit,
        } => to_json_binary(&tickets::history(deps, token_id, start_after, limit)?),
        QueryMsg::VerifyTicket { token_id, holder } => {
            to_json_binary(&tickets::verify_ticket(deps, env, token_id, holder)?)
        }
        QueryMsg::Roles { event_id, address } => {
            to_json_binary(&tickets::roles(deps, event_id, address)?)
        }
        QueryMsg::SupervisionRecords {
            event_id,
            start_after,
            limit,
        } => to_json_binary(&tickets::supervision_records(
            deps,
            event_id,
            start_after,
            limit,
        )?),
        QueryMsg::PartnerReport {
            partner,
            from_day,
            to_day,
        } => to_json_binary(&tickets::partner_report(deps, partner, (from_day, to_day))?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let (response, _from) =
        ctc_conventions::migrate_from_layout(deps.storage, CONTRACT, FIRST_VERSION_OF_THIS_LAYOUT)?;
    Ok(response)
}

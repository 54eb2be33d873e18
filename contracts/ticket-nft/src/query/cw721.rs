//! The standard cw721 queries, answered with the `cw721` crate's own response types.

use cosmwasm_std::{Addr, BlockInfo, Deps, Empty, Env, Order, StdResult};
use ctc_conventions::paging::clamped_page_limit;
use ctc_conventions::validate;
use cw721::msg::{
    AllInfoResponse, AllNftInfoResponse, ApprovalResponse, ApprovalsResponse,
    CollectionInfoAndExtensionResponse, ConfigResponse, MinterResponse, NftInfoResponse,
    NumTokensResponse, OperatorResponse, OperatorsResponse, OwnerOfResponse, TokensResponse,
};
use cw721::state::CollectionInfo;
use cw721::Approval;
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::tickets::{load_event, load_ticket, ticket_key, TicketKey};
use crate::msg::{TicketFilter, TicketInfo};
use crate::query::tickets::{seat_of, Seeds};
use crate::state::{Ticket, CONFIG, EVENT_TEXTS, OPERATORS, OWNED, TICKETS, TICKET_COUNT, TIERS};
use ctc_interfaces::tickets::token_id;

fn live_approvals(ticket: &Ticket, block: &BlockInfo, include_expired: bool) -> Vec<Approval> {
    ticket
        .approvals
        .iter()
        .filter(|a| include_expired || !a.is_expired(block))
        .cloned()
        .collect()
}

pub fn owner_of(
    deps: Deps,
    env: Env,
    token_id: String,
    include_expired: bool,
) -> Result<OwnerOfResponse, ContractError> {
    let (_, ticket) = load_ticket(deps.storage, &token_id)?;
    Ok(OwnerOfResponse {
        owner: ticket.owner.to_string(),
        approvals: live_approvals(&ticket, &env.block, include_expired),
    })
}

pub fn approval(
    deps: Deps,
    env: Env,
    token_id: String,
    spender: String,
    include_expired: bool,
) -> Result<ApprovalResponse, ContractError> {
    let (_, ticket) = load_ticket(deps.storage, &token_id)?;
    let spender = validate::address(deps.api, "spender", &spender)?;
    // As in cw721-base, the owner is always approved for its own ticket.
    if ticket.owner == spender {
        return Ok(ApprovalResponse {
            approval: Approval {
                spender,
                expires: cw721::Expiration::Never {},
            },
        });
    }
    live_approvals(&ticket, &env.block, include_expired)
        .into_iter()
        .find(|a| a.spender == spender)
        .map(|approval| ApprovalResponse { approval })
        .ok_or_else(|| cosmwasm_std::StdError::not_found("Approval not found").into())
}

pub fn approvals(
    deps: Deps,
    env: Env,
    token_id: String,
    include_expired: bool,
) -> Result<ApprovalsResponse, ContractError> {
    let (_, ticket) = load_ticket(deps.storage, &token_id)?;
    Ok(ApprovalsResponse {
        approvals: live_approvals(&ticket, &env.block, include_expired),
    })
}

pub fn operator(
    deps: Deps,
    env: Env,
    owner: String,
    operator: String,
    include_expired: bool,
) -> Result<OperatorResponse, ContractError> {
    let owner = validate::address(deps.api, "owner", &owner)?;
    let operator = validate::address(deps.api, "operator", &operator)?;
    match OPERATORS.may_load(deps.storage, (&owner, &operator))? {
        Some(expires) if include_expired || !expires.is_expired(&env.block) => {
            Ok(OperatorResponse {
                approval: Approval {
                    spender: operator,
                    expires,
                },
            })
        }
        _ => Err(cosmwasm_std::StdError::not_found("Approval not found").into()),
    }
}

pub fn all_operators(
    deps: Deps,
    env: Env,
    owner: String,
    include_expired: bool,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<OperatorsResponse, ContractError> {
    let limit = clamped_page_limit(limit);
    let owner = validate::address(deps.api, "owner", &owner)?;
    let start = validate::optional_address(deps.api, "start_after", start_after.as_deref())?;
    let operators = OPERATORS
        .prefix(&owner)
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .filter(|item| {
            item.as_ref().map_or(true, |(_, expires)| {
                include_expired || !expires.is_expired(&env.block)
            })
        })
        .take(limit)
        .map(|item| item.map(|(spender, expires)| Approval { spender, expires }))
        .collect::<StdResult<_>>()?;
    Ok(OperatorsResponse { operators })
}

pub fn num_tokens(deps: Deps) -> StdResult<NumTokensResponse> {
    Ok(NumTokensResponse {
        count: TICKET_COUNT.may_load(deps.storage)?.unwrap_or_default(),
    })
}

pub fn collection_info(deps: Deps) -> StdResult<CollectionInfoAndExtensionResponse<Option<Empty>>> {
    let config = CONFIG.load(deps.storage)?;
    Ok(CollectionInfoAndExtensionResponse {
        name: config.name,
        symbol: config.symbol,
        extension: None,
        updated_at: config.updated_at,
    })
}

pub fn minter(deps: Deps) -> StdResult<MinterResponse> {
    let ownership = cw_ownable::get_ownership(deps.storage)?;
    Ok(MinterResponse {
        minter: ownership.owner.map(String::from),
    })
}

pub fn nft_info(
    deps: Deps,
    env: &Env,
    token_id: String,
) -> Result<NftInfoResponse<TicketInfo>, ContractError> {
    let (key, ticket) = load_ticket(deps.storage, &token_id)?;
    info_of(deps, env, key, ticket, &mut None)
}

fn info_of(
    deps: Deps,
    env: &Env,
    (event_id, serial): TicketKey,
    ticket: Ticket,
    seeds: &mut Seeds,
) -> Result<NftInfoResponse<TicketInfo>, ContractError> {
    let event = load_event(deps.storage, event_id)?;
    let text = EVENT_TEXTS.load(deps.storage, event_id)?;
    let tier = TIERS.load(deps.storage, (event_id, ticket.tier))?;
    Ok(NftInfoResponse {
        token_uri: text.description_uri,
        extension: TicketInfo {
            event_id,
            tier: ticket.tier,
            seat: seat_of(deps, env, event_id, &tier, (ticket.tier, serial), seeds)?,
            tier_name: tier.name,
            face_price: tier.price,
            issuer: event.issuer,
            status: ticket.status,
        },
    })
}

pub fn all_nft_info(
    deps: Deps,
    env: Env,
    token_id: String,
    include_expired: bool,
) -> Result<AllNftInfoResponse<TicketInfo>, ContractError> {
    let (key, ticket) = load_ticket(deps.storage, &token_id)?;
    let access = OwnerOfResponse {
        owner: ticket.owner.to_string(),
        approvals: live_approvals(&ticket, &env.block, include_expired),
    };
    Ok(AllNftInfoResponse {
        access,
        info: info_of(deps, &env, key, ticket, &mut None)?,
    })
}

pub fn tokens(
    deps: Deps,
    owner: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<TokensResponse, ContractError> {
    let limit = clamped_page_limit(limit);
    let owner: Addr = validate::address(deps.api, "owner", &owner)?;
    let tokens = OWNED
        .prefix(&owner)
        .keys(
            deps.storage,
            start_after.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .collect::<StdResult<_>>()?;
    Ok(TokensResponse { tokens })
}

pub fn all_tokens(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<TokensResponse, ContractError> {
    let limit = clamped_page_limit(limit);
    let start = start_after.as_deref().map(ticket_key).transpose()?;
    let tokens = TICKETS
        .keys(
            deps.storage,
            start.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|key| key.map(|(event_id, serial)| token_id(event_id, serial)))
        .collect::<StdResult<_>>()?;
    Ok(TokensResponse { tokens })
}

fn collection(deps: Deps) -> StdResult<CollectionInfo> {
    let config = CONFIG.load(deps.storage)?;
    Ok(CollectionInfo {
        name: config.name,
        symbol: config.symbol,
        updated_at: config.updated_at,
    })
}

/// cw721's `get_config`: the platform owner is both minter and creator, there is no withdraw
/// address and no collection extension.
pub fn config(deps: Deps, env: Env) -> StdResult<ConfigResponse<Option<Empty>>> {
    let ownership = cw_ownable::get_ownership(deps.storage)?;
    Ok(ConfigResponse {
        num_tokens: num_tokens(deps)?.count,
        minter_ownership: ownership.clone(),
        creator_ownership: ownership,
        withdraw_address: None,
        collection_info: collection(deps)?,
        collection_extension: None,
        contract_info: deps
            .querier
            .query_wasm_contract_info(env.contract.address)?,
    })
}

/// cw721's `get_all_info`, with no collection extension attributes.
pub fn all_info(deps: Deps, env: Env) -> StdResult<AllInfoResponse> {
    Ok(AllInfoResponse {
        contract_info: deps
            .querier
            .query_wasm_contract_info(env.contract.address)?,
        collection_info: collection(deps)?,
        collection_extension: vec![],
        num_tokens: num_tokens(deps)?.count,
    })
}

fn matches(filter: &TicketFilter, info: &TicketInfo) -> bool {
    fn field<T: PartialEq>(wanted: &Option<T>, actual: &T) -> bool {
        wanted.as_ref().is_none_or(|wanted| wanted == actual)
    }
    field(&filter.event_id, &info.event_id)
        && field(&filter.tier, &info.tier)
        && field(&filter.tier_name, &info.tier_name)
        && (filter.seat.as_ref()).is_none_or(|seat| info.seat.as_ref() == Some(seat))
        && field(&filter.face_price, &info.face_price)
        && field(&filter.issuer, &info.issuer)
        && field(&filter.status, &info.status)
}

/// cw721's `get_nft_by_extension`, paged as cw721-base pages it: the window of at most `limit`
/// tickets after `start_after` is read (so a rare filter cannot walk the collection), and the infos
/// of those matching are answered, `None` when none does. A `None` filter asks for tokens without
/// an extension: every ticket has one, so the answer is `None`.
pub fn nft_by_extension(
    deps: Deps,
    env: &Env,
    filter: Option<TicketFilter>,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<Option<Vec<NftInfoResponse<TicketInfo>>>, ContractError> {
    let Some(filter) = filter else {
        return Ok(None);
    };
    let limit = clamped_page_limit(limit);
    let start = start_after.as_deref().map(ticket_key).transpose()?;
    let (mut found, mut seeds) = (vec![], None);
    for item in TICKETS
        .range(
            deps.storage,
            start.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
    {
        let (key, ticket) = item?;
        let info = info_of(deps, env, key, ticket, &mut seeds)?;
        if matches(&filter, &info.extension) {
            found.push(info);
        }
    }
    Ok((!found.is_empty()).then_some(found))
}

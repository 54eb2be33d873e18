use cosmwasm_std::{Deps, Order, StdResult};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::execute::is_verified;
use crate::msg::{
    ConfigResponse, DenomMinimum, DenomTotal, RankedRecipient, RecentTipsResponse,
    RecipientStatsResponse, TipRecord, TopRecipientsResponse, TotalsResponse,
};
use crate::state::{
    ctc_denom, Totals, CONFIG, CONTEXT_TOTALS, NATIVE_DENOMS, RECEIVED, RECENT, RECENT_SIZE,
    RECIPIENT_TOTALS, TIPPER_TOTALS, TOP, VERIFIED_KINDS,
};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    // Both lists are the owner's own settings, a handful of entries.
    let accepted = NATIVE_DENOMS
        .range(deps.storage, None, None, Order::Ascending)
        .map(|item| item.map(|(denom, min_tip)| DenomMinimum { denom, min_tip }))
        .collect::<StdResult<_>>()?;
    let verified_context_kinds = VERIFIED_KINDS
        .keys(deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    Ok(ConfigResponse {
        ctc_denom: ctc_denom(&config.token),
        token: config.token,
        registry: config.registry,
        treasury: config.treasury,
        fee: config.fee,
        accepted,
        verified_context_kinds,
    })
}

fn denom_totals(
    items: impl Iterator<Item = StdResult<(String, Totals)>>,
) -> StdResult<Vec<DenomTotal>> {
    items
        .map(|item| {
            item.map(|(denom, totals)| DenomTotal {
                denom,
                total: totals.total,
                count: totals.count,
            })
        })
        .collect()
}

fn recent(deps: Deps, recipient: &cosmwasm_std::Addr, limit: u64) -> StdResult<Vec<TipRecord>> {
    let received = RECEIVED
        .may_load(deps.storage, recipient)?
        .unwrap_or_default();
    let kept = received.min(RECENT_SIZE).min(limit);
    (1..=kept)
        .map(|back| {
            let slot = received.wrapping_sub(back) % RECENT_SIZE;
            RECENT.load(deps.storage, (recipient, slot))
        })
        .collect()
}

pub fn recipient_stats(deps: Deps, who: String) -> Result<RecipientStatsResponse, ContractError> {
    let recipient = address(deps.api, "address", &who)?;
    let config = CONFIG.load(deps.storage)?;
    let totals = denom_totals(RECIPIENT_TOTALS.prefix(&recipient).range(
        deps.storage,
        None,
        None,
        Order::Ascending,
    ))?;
    Ok(RecipientStatsResponse {
        verified: is_verified(deps.querier, &config, &recipient)?,
        totals,
        last_tip: recent(deps, &recipient, 1)?.pop(),
    })
}

pub fn tipper_stats(deps: Deps, who: String) -> Result<TotalsResponse, ContractError> {
    let tipper = address(deps.api, "address", &who)?;
    Ok(TotalsResponse {
        totals: denom_totals(TIPPER_TOTALS.prefix(&tipper).range(
            deps.storage,
            None,
            None,
            Order::Ascending,
        ))?,
    })
}

pub fn context_stats(deps: Deps, context: String) -> StdResult<TotalsResponse> {
    Ok(TotalsResponse {
        totals: denom_totals(CONTEXT_TOTALS.prefix(&context).range(
            deps.storage,
            None,
            None,
            Order::Ascending,
        ))?,
    })
}

pub fn recent_tips(
    deps: Deps,
    recipient: String,
    limit: Option<u32>,
) -> Result<RecentTipsResponse, ContractError> {
    let recipient = address(deps.api, "recipient", &recipient)?;
    Ok(RecentTipsResponse {
        tips: recent(deps, &recipient, limit.map_or(RECENT_SIZE, u64::from))?,
    })
}

pub fn top_recipients(deps: Deps, denom: String) -> Result<TopRecipientsResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let top = TOP.may_load(deps.storage, &denom)?.unwrap_or_default();
    let recipients = top
        .into_iter()
        .map(|(address, total)| {
            Ok(RankedRecipient {
                verified: is_verified(deps.querier, &config, &address)?,
                address,
                total,
            })
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(TopRecipientsResponse { recipients })
}

use cosmwasm_std::{Addr, Deps, Env, Order, StdResult};
use ctc_conventions::paging::{filtered_page, page, page_limit};
use cw_storage_plus::Bound;

use crate::access::{acting_regulator, denial};
use crate::error::ContractError;
use crate::msg::{
    AddressesResponse, Capability, CapabilityResponse, ConfigResponse, PartnerKind,
    PartnerResponse, PartnerStatus, PartnersResponse, PlatformContract, PlatformContractsResponse,
    QuotaResponse, StatusFilter, SupervisionResponse, SupervisorResponse,
};
use crate::state::{
    capability_key, Partner, Quota, CONFIG, PARTNERS, PLATFORM_CONTRACTS, QUOTAS, REGULATORS,
    SUPERVISION,
};
use crate::validate;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        open_anchoring: config.open_anchoring,
    })
}

fn quota_view(capability: Capability, quota: Option<Quota>, env: &Env) -> QuotaResponse {
    let now = env.block.time;
    match quota {
        None => QuotaResponse {
            capability,
            limit: None,
            used: 0,
            remaining: None,
            window_ends_at: None,
        },
        Some(quota) => QuotaResponse {
            capability,
            used: quota.used_at(now),
            remaining: Some(quota.remaining_at(now)),
            window_ends_at: Some(quota.window_ends_at(now)),
            limit: Some(quota.limit),
        },
    }
}

fn partner_view(
    deps: Deps,
    env: &Env,
    address: Addr,
    partner: Partner,
) -> StdResult<PartnerResponse> {
    // Bounded by the five capabilities a partner can hold.
    let quotas = partner
        .capabilities
        .iter()
        .map(|&capability| {
            let quota = QUOTAS.may_load(deps.storage, (&address, capability_key(capability)))?;
            Ok(quota_view(capability, quota, env))
        })
        .collect::<StdResult<_>>()?;
    Ok(PartnerResponse {
        address,
        name: partner.name,
        kind: partner.kind,
        capabilities: partner.capabilities,
        status: partner.status,
        agreement_digest: partner.agreement_digest,
        metadata_uri: partner.metadata_uri,
        admitted_at: partner.admitted_at,
        quotas,
    })
}

pub fn partner(deps: Deps, env: Env, address: String) -> Result<PartnerResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    let partner = crate::access::load_partner(deps.storage, &address)?;
    Ok(partner_view(deps, &env, address, partner)?)
}

fn status_matches(status: &PartnerStatus, filter: StatusFilter) -> bool {
    matches!(
        (status, filter),
        (PartnerStatus::Active, StatusFilter::Active)
            | (PartnerStatus::Suspended { .. }, StatusFilter::Suspended)
            | (PartnerStatus::Revoked { .. }, StatusFilter::Revoked)
    )
}

/// Filters are applied while walking partners in address order. A page holds at most `limit`
/// matches and reads at most `MAX_SCANNED_PER_PAGE` (200) partners; `next_start_after` says where to go
/// on, and is `None` once the end is reached.
pub fn partners(
    deps: Deps,
    env: Env,
    kind: Option<PartnerKind>,
    capability: Option<Capability>,
    status: Option<StatusFilter>,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<PartnersResponse, ContractError> {
    let limit = page_limit(limit)?;
    let start = validate::optional_address(deps.api, "start_after", start_after.as_deref())?;
    let entries = PARTNERS.range(
        deps.storage,
        start.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let (partners, next_start_after) = filtered_page(entries, limit, |address, partner| {
        let wanted = kind.is_none_or(|kind| partner.kind == kind)
            && capability.is_none_or(|c| partner.capabilities.contains(&c))
            && status.is_none_or(|s| status_matches(&partner.status, s));
        wanted
            .then(|| partner_view(deps, &env, address.clone(), partner))
            .transpose()
    })?;
    Ok(PartnersResponse {
        partners,
        next_start_after,
    })
}

pub fn has_capability(
    deps: Deps,
    address: String,
    capability: Capability,
) -> Result<CapabilityResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    let partner = PARTNERS.may_load(deps.storage, &address)?;
    let reason = denial(partner.as_ref(), capability);
    Ok(CapabilityResponse {
        allowed: reason.is_none(),
        reason,
    })
}

pub fn supervision_records(
    deps: Deps,
    address: String,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> Result<SupervisionResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    crate::access::load_partner(deps.storage, &address)?;
    let entries = SUPERVISION.prefix(&address).range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let records = page(entries, limit, |(_, record)| Ok(record))?;
    Ok(SupervisionResponse { records })
}

pub fn quota(
    deps: Deps,
    env: Env,
    partner: String,
    capability: Capability,
) -> Result<QuotaResponse, ContractError> {
    let address = validate::address(deps.api, "partner", &partner)?;
    let partner = crate::access::load_partner(deps.storage, &address)?;
    if !partner.capabilities.contains(&capability) {
        return Err(ContractError::CapabilityNotGranted {
            address: address.to_string(),
            capability,
        });
    }
    let quota = QUOTAS.may_load(deps.storage, (&address, capability_key(capability)))?;
    Ok(quota_view(capability, quota, &env))
}

pub fn regulators(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<AddressesResponse, ContractError> {
    let start = validate::optional_address(deps.api, "start_after", start_after.as_deref())?;
    // Keys only: a regulator's entry holds nothing to read.
    let entries = REGULATORS.keys(
        deps.storage,
        start.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let addresses = page(entries, limit, Ok)?;
    Ok(AddressesResponse { addresses })
}

pub fn platform_contracts(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<PlatformContractsResponse, ContractError> {
    let start = validate::optional_address(deps.api, "start_after", start_after.as_deref())?;
    let entries = PLATFORM_CONTRACTS.range(
        deps.storage,
        start.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let contracts = page(entries, limit, |(address, name)| {
        Ok(PlatformContract { address, name })
    })?;
    Ok(PlatformContractsResponse { contracts })
}

pub fn partner_status(
    deps: Deps,
    address: String,
) -> Result<crate::msg::PartnerStatusResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    let partner = PARTNERS.may_load(deps.storage, &address)?;
    Ok(crate::msg::PartnerStatusResponse {
        admitted: partner.is_some(),
        active: partner
            .as_ref()
            .is_some_and(|p| p.status == PartnerStatus::Active),
        kind: partner.map(|p| p.kind),
    })
}

/// Both false for an address that is neither, so a caller needs no error case for strangers.
pub fn supervisor(deps: Deps, address: String) -> Result<SupervisorResponse, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    Ok(SupervisorResponse {
        authority: cw_ownable::is_owner(deps.storage, &address)?,
        regulator: acting_regulator(deps.storage, &address)?,
    })
}

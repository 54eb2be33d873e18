//! Acts of supervision: each carries a reason and a document digest and leaves a record.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, OverflowError, OverflowOperation, Response};

use crate::access::{assert_authority, assert_supervisor, load_partner};
use crate::error::ContractError;
use crate::msg::{Capability, PartnerStatus, QuotaWindow, SupervisionAction, SupervisionRecord};
use crate::state::{capability_key, Partner, Quota, PARTNERS, QUOTAS, SUPERVISION};
use crate::validate::{self, MAX_TEXT_BYTES};

use super::mirrors;
use super::quota::validate_window;

/// The reason and document digest every act of supervision carries.
pub struct Grounds {
    pub reason: String,
    pub digest: String,
}

impl Grounds {
    /// Checked before anything is written, so a refusal changes nothing.
    fn validated(self) -> Result<Self, ContractError> {
        validate::text("reason", &self.reason, MAX_TEXT_BYTES)?;
        let (digest, _) = validate::digest("digest", &self.digest)?;
        Ok(Self {
            reason: self.reason,
            digest,
        })
    }
}

/// Stores the record and the partner, and answers with the act's attributes.
fn record(
    deps: DepsMut,
    env: &Env,
    by: Addr,
    address: &Addr,
    mut partner: Partner,
    action: SupervisionAction,
    grounds: Grounds,
) -> Result<Response, ContractError> {
    let action_name = action_name(&action);
    let id = partner.supervision_records;
    partner.supervision_records = id
        .checked_add(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    PARTNERS.save(deps.storage, address, &partner)?;
    // A quota change leaves the standing as it was; everything else changes it.
    let mirrored = match action {
        SupervisionAction::QuotaChanged { .. } => vec![],
        _ => mirrors::push(
            deps.storage,
            mirrors::partner_update(address, Some(&partner)),
        )?,
    };
    SUPERVISION.save(
        deps.storage,
        (address, id),
        &SupervisionRecord {
            id,
            action,
            by: by.clone(),
            reason: grounds.reason,
            digest: grounds.digest,
            time: env.block.time,
            height: env.block.height,
        },
    )?;
    Ok(Response::new()
        .add_messages(mirrored)
        .add_attribute("action", action_name)
        .add_attribute("partner", address)
        .add_attribute("by", by)
        .add_attribute("record_id", id.to_string()))
}

fn action_name(action: &SupervisionAction) -> &'static str {
    match action {
        SupervisionAction::Suspended => "suspend",
        SupervisionAction::Reinstated => "reinstate",
        SupervisionAction::Revoked => "revoke",
        SupervisionAction::QuotaChanged { .. } => "set_quota",
    }
}

fn revoked(address: &Addr) -> ContractError {
    ContractError::PartnerRevoked {
        address: address.to_string(),
    }
}

pub fn suspend(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    address: String,
    grounds: Grounds,
) -> Result<Response, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    assert_supervisor(deps.storage, &info.sender, &address)?;
    let grounds = grounds.validated()?;
    let mut partner = load_partner(deps.storage, &address)?;
    match partner.status {
        PartnerStatus::Active => {}
        PartnerStatus::Suspended { .. } => {
            return Err(ContractError::PartnerSuspended {
                address: address.to_string(),
            })
        }
        PartnerStatus::Revoked { .. } => return Err(revoked(&address)),
    }
    partner.status = PartnerStatus::Suspended {
        reason: grounds.reason.clone(),
        since: env.block.time,
    };
    record(
        deps,
        &env,
        info.sender,
        &address,
        partner,
        SupervisionAction::Suspended,
        grounds,
    )
}

pub fn reinstate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    address: String,
    grounds: Grounds,
) -> Result<Response, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    assert_supervisor(deps.storage, &info.sender, &address)?;
    let grounds = grounds.validated()?;
    let mut partner = load_partner(deps.storage, &address)?;
    match partner.status {
        PartnerStatus::Suspended { .. } => {}
        PartnerStatus::Active => {
            return Err(ContractError::NotSuspended {
                address: address.to_string(),
            })
        }
        PartnerStatus::Revoked { .. } => return Err(revoked(&address)),
    }
    partner.status = PartnerStatus::Active;
    record(
        deps,
        &env,
        info.sender,
        &address,
        partner,
        SupervisionAction::Reinstated,
        grounds,
    )
}

pub fn revoke(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    address: String,
    grounds: Grounds,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let grounds = grounds.validated()?;
    let address = validate::address(deps.api, "address", &address)?;
    let mut partner = load_partner(deps.storage, &address)?;
    if let PartnerStatus::Revoked { .. } = partner.status {
        return Err(revoked(&address));
    }
    partner.status = PartnerStatus::Revoked {
        reason: grounds.reason.clone(),
        since: env.block.time,
    };
    record(
        deps,
        &env,
        info.sender,
        &address,
        partner,
        SupervisionAction::Revoked,
        grounds,
    )
}

pub fn set_quota(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    address: String,
    capability: Capability,
    limit: Option<QuotaWindow>,
    grounds: Grounds,
) -> Result<Response, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    assert_supervisor(deps.storage, &info.sender, &address)?;
    // A regulator may tighten or loosen a cap, but making a capability unlimited is a decision
    // of the authority that admitted the partner with that cap.
    if limit.is_none() && !cw_ownable::is_owner(deps.storage, &info.sender)? {
        return Err(ContractError::OnlyAuthorityLiftsQuota { capability });
    }
    let grounds = grounds.validated()?;
    let partner = load_partner(deps.storage, &address)?;
    if let PartnerStatus::Revoked { .. } = partner.status {
        return Err(revoked(&address));
    }
    if !partner.capabilities.contains(&capability) {
        return Err(ContractError::QuotaForUngrantedCapability { capability });
    }
    let key = (&address, capability_key(capability));
    match &limit {
        Some(window) => {
            validate_window(window)?;
            // Usage in the current window is kept; it counts against the new cap.
            let previous = QUOTAS.may_load(deps.storage, key)?;
            let now = env.block.time;
            let quota = Quota {
                limit: window.clone(),
                window: now.seconds() / window.window_seconds,
                used: previous.map_or(0, |quota| quota.used_at(now)),
            };
            QUOTAS.save(deps.storage, key, &quota)?;
        }
        None => QUOTAS.remove(deps.storage, key),
    }
    let response = record(
        deps,
        &env,
        info.sender,
        &address,
        partner,
        SupervisionAction::QuotaChanged { capability, limit },
        grounds,
    )?;
    Ok(response.add_attribute("capability", capability.as_str()))
}

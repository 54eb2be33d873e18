use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::access::{assert_authority, load_partner};
use crate::error::ContractError;
use crate::msg::{Capability, PartnerKind, PartnerStatus, QuotaLimit};
use crate::state::{capability_key, Partner, Quota, PARTNERS, QUOTAS};
use crate::validate::{self, MAX_NAME_BYTES, MAX_TEXT_BYTES};

use super::mirrors;
use super::quota::validate_window;

/// The fields of `Admit`.
pub struct Admission {
    pub address: String,
    pub name: String,
    pub kind: PartnerKind,
    pub capabilities: Vec<Capability>,
    pub agreement_digest: String,
    pub metadata_uri: Option<String>,
    pub quotas: Vec<QuotaLimit>,
}

fn normalize(mut capabilities: Vec<Capability>) -> Vec<Capability> {
    capabilities.sort();
    capabilities.dedup();
    capabilities
}

pub fn admit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    admission: Admission,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let address = validate::address(deps.api, "address", &admission.address)?;
    if PARTNERS.has(deps.storage, &address) {
        return Err(ContractError::AlreadyAdmitted {
            address: address.to_string(),
        });
    }
    validate::text("name", &admission.name, MAX_NAME_BYTES)?;
    validate::optional_text(
        "metadata_uri",
        admission.metadata_uri.as_deref(),
        MAX_TEXT_BYTES,
    )?;
    let (agreement_digest, _) = validate::digest("agreement_digest", &admission.agreement_digest)?;
    let capabilities = normalize(admission.capabilities);
    for (index, quota) in admission.quotas.iter().enumerate() {
        if admission.quotas[..index]
            .iter()
            .any(|earlier| earlier.capability == quota.capability)
        {
            return Err(ContractError::DuplicateQuota {
                capability: quota.capability,
            });
        }
        if !capabilities.contains(&quota.capability) {
            return Err(ContractError::QuotaForUngrantedCapability {
                capability: quota.capability,
            });
        }
        validate_window(&quota.limit)?;
    }

    for quota in admission.quotas {
        QUOTAS.save(
            deps.storage,
            (&address, capability_key(quota.capability)),
            &Quota {
                limit: quota.limit,
                window: 0,
                used: 0,
            },
        )?;
    }
    let partner = Partner {
        name: admission.name,
        kind: admission.kind,
        capabilities,
        status: PartnerStatus::Active,
        agreement_digest,
        metadata_uri: admission.metadata_uri,
        admitted_at: env.block.time,
        supervision_records: 0,
    };
    PARTNERS.save(deps.storage, &address, &partner)?;
    let mirrored = mirrors::push(
        deps.storage,
        mirrors::partner_update(&address, Some(&partner)),
    )?;
    Ok(Response::new()
        .add_messages(mirrored)
        .add_attribute("action", "admit")
        .add_attribute("partner", address)
        .add_attribute("kind", admission.kind.as_str()))
}

/// The optional fields of `UpdatePartner`.
pub struct PartnerUpdate {
    pub name: Option<String>,
    pub kind: Option<PartnerKind>,
    pub capabilities: Option<Vec<Capability>>,
    pub agreement_digest: Option<String>,
    pub metadata_uri: Option<String>,
}

pub fn update_partner(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
    update: PartnerUpdate,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let address = validate::address(deps.api, "address", &address)?;
    let mut partner = load_partner(deps.storage, &address)?;
    if let PartnerStatus::Revoked { .. } = partner.status {
        return Err(ContractError::PartnerRevoked {
            address: address.to_string(),
        });
    }
    if let Some(name) = update.name {
        validate::text("name", &name, MAX_NAME_BYTES)?;
        partner.name = name;
    }
    if let Some(kind) = update.kind {
        partner.kind = kind;
    }
    // A dropped capability's quota stays stored: granting the capability again must bring its
    // cap (and this window's usage) back, never leave it unlimited by accident.
    if let Some(capabilities) = update.capabilities {
        partner.capabilities = normalize(capabilities);
    }
    if let Some(digest) = update.agreement_digest {
        partner.agreement_digest = validate::digest("agreement_digest", &digest)?.0;
    }
    if let Some(uri) = update.metadata_uri {
        validate::text("metadata_uri", &uri, MAX_TEXT_BYTES)?;
        partner.metadata_uri = Some(uri);
    }
    PARTNERS.save(deps.storage, &address, &partner)?;
    let mirrored = mirrors::push(
        deps.storage,
        mirrors::partner_update(&address, Some(&partner)),
    )?;
    Ok(Response::new()
        .add_messages(mirrored)
        .add_attribute("action", "update_partner")
        .add_attribute("partner", address))
}

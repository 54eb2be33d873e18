//! Who may do what: the authority, regulators, and partners acting within their capabilities.

use cosmwasm_std::{Addr, StdResult, Storage};
use ctc_interfaces::registry::{Denial, PartnerStanding};

use crate::error::ContractError;
use crate::msg::{Capability, PartnerStatus};
use crate::state::{Partner, PARTNERS, REGULATORS};

pub fn assert_authority(storage: &dyn Storage, sender: &Addr) -> Result<(), ContractError> {
    ctc_conventions::ensure_owner(storage, sender).map_err(|_| ContractError::NotAuthority)
}

/// The authority, or a regulator that is not itself a suspended or revoked partner, acting on
/// another partner's record.
pub fn assert_supervisor(
    storage: &dyn Storage,
    sender: &Addr,
    partner: &Addr,
) -> Result<(), ContractError> {
    if cw_ownable::is_owner(storage, sender)? {
        // The authority's own powers are not at stake here; it may supervise any partner.
    } else if REGULATORS.has(storage, sender) {
        active_or_none(storage, sender)?;
    } else {
        return Err(ContractError::NotSupervisor);
    }
    if sender == partner {
        return Err(ContractError::SelfSupervision);
    }
    Ok(())
}

/// Whether `address` is a regulator that may act now, by `assert_supervisor`'s rule without its
/// specific refusals: appointed, and not itself a suspended or revoked partner. The `Supervisor`
/// query answers with it, so another contract never lets a regulator act that the registry would
/// refuse.
pub fn acting_regulator(storage: &dyn Storage, address: &Addr) -> StdResult<bool> {
    if !REGULATORS.has(storage, address) {
        return Ok(false);
    }
    Ok(PARTNERS
        .may_load(storage, address)?
        .is_none_or(|partner| partner.status == PartnerStatus::Active))
}

/// Why `partner` may not use `capability` now, or `None` when it may.
pub fn denial(partner: Option<&Partner>, capability: Capability) -> Option<Denial> {
    PartnerStanding::denial(partner.map(Partner::standing).as_ref(), capability)
}

pub fn load_partner(storage: &dyn Storage, address: &Addr) -> Result<Partner, ContractError> {
    PARTNERS
        .may_load(storage, address)?
        .ok_or_else(|| ContractError::NotAPartner {
            address: address.to_string(),
        })
}

/// The partner at `address` if it is Active and holds `capability`, else the specific refusal.
pub fn partner_with(
    storage: &dyn Storage,
    address: &Addr,
    capability: Capability,
) -> Result<Partner, ContractError> {
    let partner = PARTNERS.may_load(storage, address)?;
    let address = address.to_string();
    match denial(partner.as_ref(), capability) {
        None => partner.ok_or(ContractError::NotAPartner { address }),
        Some(Denial::NotAPartner) => Err(ContractError::NotAPartner { address }),
        Some(Denial::Suspended) => Err(ContractError::PartnerSuspended { address }),
        Some(Denial::Revoked) => Err(ContractError::PartnerRevoked { address }),
        Some(Denial::NotGranted) => Err(ContractError::CapabilityNotGranted {
            address,
            capability,
        }),
    }
}

/// Refuses a partner that is not Active; `Ok(None)` for an address that is no partner at all.
pub fn active_or_none(
    storage: &dyn Storage,
    address: &Addr,
) -> Result<Option<Partner>, ContractError> {
    let Some(partner) = PARTNERS.may_load(storage, address)? else {
        return Ok(None);
    };
    let address = address.to_string();
    match partner.status {
        PartnerStatus::Active => Ok(Some(partner)),
        PartnerStatus::Suspended { .. } => Err(ContractError::PartnerSuspended { address }),
        PartnerStatus::Revoked { .. } => Err(ContractError::PartnerRevoked { address }),
    }
}

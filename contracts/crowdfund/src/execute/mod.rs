pub mod campaigns;
pub mod lucky;
pub mod pledges;
pub mod rewards;

use cosmwasm_std::{Addr, Storage};
use ctc_conventions::mirror;
use ctc_interfaces::registry::{Denial, Standing};

use crate::error::ContractError;
use crate::msg::CampaignStatus;
use crate::state::{Campaign, CAMPAIGNS};

pub fn load_campaign(storage: &dyn Storage, campaign_id: u64) -> Result<Campaign, ContractError> {
    CAMPAIGNS
        .may_load(storage, campaign_id)?
        .ok_or(ContractError::CampaignNotFound { campaign_id })
}

pub fn ensure_open(campaign: &Campaign) -> Result<(), ContractError> {
    match campaign.status {
        CampaignStatus::Open => Ok(()),
        _ => Err(ContractError::NotOpen),
    }
}

/// The creator's standing as the registry last pushed it to this contract's mirror; an address
/// it never reported is no partner, so an unsynced mirror refuses rather than allows.
pub fn ensure_creator_active(storage: &dyn Storage, creator: &Addr) -> Result<(), ContractError> {
    let reason = match mirror::standing(storage, creator)? {
        Some(Standing::Active) => return Ok(()),
        Some(Standing::Suspended) => Denial::Suspended,
        Some(Standing::Revoked) => Denial::Revoked,
        None => Denial::NotAPartner,
    };
    Err(ContractError::CreatorNotActive { reason })
}

/// Whether the registry revoked the creator (as this contract mirrors it).
pub fn creator_revoked(storage: &dyn Storage, creator: &Addr) -> Result<bool, ContractError> {
    Ok(mirror::standing(storage, creator)? == Some(Standing::Revoked))
}

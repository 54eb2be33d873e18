pub mod campaigns;
pub mod pledges;
pub mod rewards;

use cosmwasm_std::Storage;

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

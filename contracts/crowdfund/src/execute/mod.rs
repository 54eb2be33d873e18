pub mod campaigns;
pub mod pledges;

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Storage, Uint128, WasmMsg};

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

pub fn transfer_ctc(
    token: &Addr,
    recipient: &Addr,
    amount: Uint128,
) -> Result<CosmosMsg, ContractError> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&cw20::Cw20ExecuteMsg::Transfer {
            recipient: recipient.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

use cosmwasm_std::{DepsMut, MessageInfo, Response};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::state::CONFIG;

pub fn set_ticket_nft(
    deps: DepsMut,
    info: MessageInfo,
    ticket_nft: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let ticket_nft = address(deps.api, "ticket_nft", &ticket_nft)?;
    let mut config = CONFIG.load(deps.storage)?;
    if config.ticket_nft.is_some() {
        return Err(ContractError::TicketNftAlreadySet);
    }
    config.ticket_nft = Some(ticket_nft.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "set_ticket_nft")
        .add_attribute("ticket_nft", ticket_nft))
}

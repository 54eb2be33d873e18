//! Gifts (cw721 `TransferNft`) under the class's transfer rule; cw721's approvals refused.

use cosmwasm_std::{DepsMut, Empty, Env, MessageInfo, Response};
use ctc_conventions::validate;

use crate::error::ContractError;
use crate::execute::{ensure_not_frozen, ensure_valid, load_class, load_voucher, receive_into};
use crate::msg::TransferRule;
use crate::state::{OWNED, VOUCHERS};

/// The holder gives the voucher to a receiver who meets the class's identity level (from its
/// accepted attesters: "accounts the issuer recognises") and its per-holder limit. Allowed while
/// the sale is paused; refused while the class is frozen and once the voucher expired.
pub fn transfer_nft(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    token_id: String,
) -> Result<Response, ContractError> {
    let recipient = validate::address(deps.api, "recipient", &recipient)?;
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    if voucher.owner != info.sender {
        return Err(ContractError::NotHolder);
    }
    if recipient == voucher.owner {
        return Err(ContractError::SelfTransfer);
    }
    ensure_valid(&voucher)?;
    let class = load_class(deps.storage, key.0)?;
    ensure_not_frozen(&class)?;
    let max = match class.transfer {
        TransferRule::None => return Err(ContractError::TransferNotAllowed),
        TransferRule::Gift { max_moves } => max_moves,
    };
    if voucher.moves >= max {
        return Err(ContractError::MoveLimit { max });
    }
    if env.block.time >= class.valid_until {
        return Err(ContractError::Expired {
            valid_until: class.valid_until,
        });
    }
    receive_into(deps.storage, env.block.time, (key.0, &class), &recipient, 1)?;
    OWNED.remove(deps.storage, (&voucher.owner, token_id.as_str()));
    OWNED.save(deps.storage, (&recipient, token_id.as_str()), &Empty {})?;
    voucher.owner = recipient.clone();
    voucher.moves += 1;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    // cw721's attribute names, so indexers follow the move.
    Ok(Response::new()
        .add_attribute("action", "transfer_nft")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", recipient)
        .add_attribute("token_id", token_id))
}

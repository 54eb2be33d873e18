//! Resale inside the contract, under the Free policy and the event's price cap.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::tickets::{
    clear_sale, disburse, ensure_issuer_active, hand_over, load_event, load_ticket, load_tier,
    record, save_counts, update_ledger,
};
use crate::execute::transfer::{clear_change_of_hands, ensure_movable};
use crate::msg::TransferPolicy;
use crate::state::{Change, Event, Listing, LISTINGS, TICKETS};

/// The highest resale price of a ticket with `face_price`, rounded down.
pub fn resale_cap(event: &Event, face_price: Uint128) -> Uint128 {
    face_price.multiply_ratio(event.resale_cap_bps, 10_000u32)
}

pub fn list_for_resale(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    price: Uint128,
) -> Result<Response, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    let event_id = key.0;
    if ticket.owner != info.sender {
        return Err(ContractError::NotOwner);
    }
    let event = load_event(deps.storage, event_id)?;
    if !matches!(event.transfer_policy, TransferPolicy::Free { .. }) {
        return Err(ContractError::ResaleNotAllowed);
    }
    ensure_movable(&event, &ticket, &env)?;
    ensure_issuer_active(deps.storage, &event)?;
    // Whatever a fan pays for a ticket sits in escrow until settlement; a reserved ticket has no
    // escrow behind it, so selling one would pay its holder directly and refund the buyer nothing.
    if ticket.reserved {
        return Err(ContractError::ReservedNotForSale);
    }
    if price.is_zero() {
        return Err(ContractError::ZeroPrice);
    }
    let tier = load_tier(deps.storage, event_id, ticket.tier)?;
    let cap = resale_cap(&event, tier.price);
    if price > cap {
        return Err(ContractError::AboveResaleCap { price, cap });
    }
    LISTINGS.save(
        deps.storage,
        (event_id, &token_id),
        &Listing {
            seller: info.sender.clone(),
            price,
        },
    )?;
    if !ticket.listed {
        ticket.listed = true;
        TICKETS.save(deps.storage, key, &ticket)?;
    }
    Ok(Response::new()
        .add_attribute("action", "list_for_resale")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("seller", info.sender)
        .add_attribute("price", price))
}

pub fn delist(
    deps: DepsMut,
    info: MessageInfo,
    token_id: String,
) -> Result<Response, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    if ticket.owner != info.sender {
        return Err(ContractError::NotOwner);
    }
    if !ticket.listed {
        return Err(ContractError::NotListed { token_id });
    }
    LISTINGS.remove(deps.storage, (key.0, &token_id));
    ticket.listed = false;
    TICKETS.save(deps.storage, key, &ticket)?;
    Ok(Response::new()
        .add_attribute("action", "delist")
        .add_attribute("token_id", token_id))
}

/// The rest to the seller at once, the ticket to the buyer, and the royalty into the event's
/// escrow as part of what the buyer paid for the ticket: the issuer's income from it is charged
/// and burned at settlement like a primary sale, and refunded to the holder if the show is
/// cancelled.
pub fn buy_resale(
    deps: DepsMut,
    env: Env,
    token: &Addr,
    buyer: Addr,
    paid: Uint128,
    token_id: String,
) -> Result<Response, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    let event_id = key.0;
    let listing = LISTINGS
        .may_load(deps.storage, (event_id, &token_id))?
        .ok_or_else(|| ContractError::NotListed {
            token_id: token_id.clone(),
        })?;
    if buyer == listing.seller {
        return Err(ContractError::OwnListing);
    }
    if paid != listing.price {
        return Err(ContractError::WrongAmount {
            expected: listing.price,
            received: paid,
        });
    }
    let event = load_event(deps.storage, event_id)?;
    ensure_movable(&event, &ticket, &env)?;
    if ticket.reserved {
        return Err(ContractError::ReservedNotForSale);
    }
    let pending = match &event.anti_scalping {
        Some(rules) => clear_change_of_hands(
            deps.storage,
            env.block.time,
            (&event, rules),
            (&listing.seller, &buyer),
            (event_id, ticket.tier),
        )?,
        None => vec![],
    };
    // A resale is a sale: the issuer must still be allowed to sell, and the buyer to hold.
    clear_sale(deps.storage, env.block.time, &event, &buyer)?;
    save_counts(deps.storage, (event_id, ticket.tier), pending)?;

    let royalty = event.royalty.of(paid);
    let to_seller = paid.checked_sub(royalty)?;
    if !royalty.is_zero() {
        ticket.royalties = ticket.royalties.checked_add(royalty)?;
        update_ledger(deps.storage, event_id, |ledger| {
            ledger.royalties = ledger.royalties.checked_add(royalty)?;
            Ok(())
        })?;
    }
    let seller = ticket.owner.clone();
    hand_over(deps.storage, (event_id, &token_id), &mut ticket, &buyer)?;
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Change::Resold {
            from: seller.clone(),
            to: None,
            price: paid,
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;

    Ok(Response::new()
        .add_messages(disburse(token, &[(&seller, to_seller)], Uint128::zero())?)
        .add_attribute("action", "buy_resale")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("seller", seller)
        .add_attribute("buyer", buyer)
        .add_attribute("price", paid)
        .add_attribute("royalty", royalty))
}

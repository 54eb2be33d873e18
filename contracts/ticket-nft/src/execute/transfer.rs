//! The cw721 transfer and approval messages, with the event's transfer policy applied.

use cosmwasm_std::{Addr, Binary, BlockInfo, DepsMut, Env, MessageInfo, Response, Storage};
use ctc_conventions::validate;
use cw721::receiver::Cw721ReceiveMsg;
use cw721::{Approval, Expiration};

use crate::error::ContractError;
use crate::execute::tickets::{
    attested_level, clear_receiver, counters, counts_after, ensure_issuer_active, ensure_scheduled,
    ensure_valid, hand_over, load_event, load_ticket, load_tier, record, save_counts, Counter,
    TicketKey,
};
use crate::msg::{AntiScalpingRules, TransferPolicy};
use crate::state::{Change, Event, Ticket, OPERATORS, TICKETS};
use crate::validate::MAX_APPROVALS;

/// Whether `sender` may move or approve `ticket` as cw721 defines it: the owner, a spender
/// approved for the token, or an operator of the owner, with unexpired approvals.
fn may_act_for(
    storage: &dyn Storage,
    block: &BlockInfo,
    ticket: &Ticket,
    sender: &Addr,
    include_spenders: bool,
) -> Result<bool, ContractError> {
    if ticket.owner == *sender {
        return Ok(true);
    }
    if include_spenders
        && ticket
            .approvals
            .iter()
            .any(|a| a.spender == *sender && !a.is_expired(block))
    {
        return Ok(true);
    }
    Ok(OPERATORS
        .may_load(storage, (&ticket.owner, sender))?
        .is_some_and(|expires| !expires.is_expired(block)))
}

/// Refuses a move the event's rules forbid; the same rules gate resale listings. The issuer's
/// standing is checked by each caller: a gift or listing needs it in good standing, a resale
/// (a sale) allowed to sell.
pub fn ensure_movable(event: &Event, ticket: &Ticket, env: &Env) -> Result<(), ContractError> {
    ensure_valid(ticket)?;
    ensure_scheduled(event)?;
    if event.frozen {
        return Err(ContractError::EventFrozen);
    }
    if ticket.held_by.is_some() {
        return Err(ContractError::TicketHeld);
    }
    let locked_at = event.locks_at();
    if env.block.time >= locked_at {
        return Err(ContractError::TicketsLocked { locked_at });
    }
    match event.transfer_policy {
        TransferPolicy::NonTransferable => Err(ContractError::NonTransferable),
        TransferPolicy::GiftOnly { max_transfers } | TransferPolicy::Free { max_transfers }
            if ticket.transfers >= max_transfers =>
        {
            Err(ContractError::TransferLimitReached { max: max_transfers })
        }
        _ => Ok(()),
    }
}

/// A receiver's counts to save once every check of a move has passed.
pub type PendingCounts = Vec<(Counter, u32)>;

/// Under anti-scalping rules, a change of hands other than the primary sale: both sides are
/// identified people and the ticket counts against the receiver's limit, as if bought (unless
/// it stays with the same person). Checks only: the caller saves the count it answers
/// (`save_pending`) after its own checks.
pub fn clear_change_of_hands(
    storage: &dyn Storage,
    now: cosmwasm_std::Timestamp,
    (event, rules): (&Event, &AntiScalpingRules),
    (giver, receiver): (&Addr, &Addr),
    (event_id, tier_index): (u64, u8),
) -> Result<PendingCounts, ContractError> {
    for (party, user) in [("giver", giver), ("receiver", receiver)] {
        if attested_level(storage, now, event, user)? < Some(rules.gift_identity) {
            return Err(ContractError::GiftIdentityTooLow {
                party,
                required: rules.gift_identity,
            });
        }
    }
    let Some(limit) = load_tier(storage, event_id, tier_index)?.per_wallet_limit else {
        return Ok(vec![]);
    };
    let received = counters(storage, now, event, receiver)?;
    let given = counters(storage, now, event, giver)?;
    if received.iter().any(|counter| given.contains(counter)) {
        return Ok(vec![]);
    }
    counts_after(storage, (event_id, tier_index), limit, received, 1)
}

/// Moves the ticket for a plain cw721 transfer or send, after every check.
fn gift(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    recipient: &Addr,
    token_id: &str,
) -> Result<Addr, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, token_id)?;
    let by_owner = ticket.owner == info.sender;
    if !by_owner && !may_act_for(deps.storage, &env.block, &ticket, &info.sender, true)? {
        return Err(ContractError::NotAllowedToMove {
            token_id: token_id.to_owned(),
        });
    }
    // As in cw721, a transfer to the owner itself only clears approvals: it is not a move, so
    // it uses none of the policy's transfers and leaves no provenance.
    if ticket.owner == *recipient {
        ticket.approvals.clear();
        TICKETS.save(deps.storage, key, &ticket)?;
        return Ok(ticket.owner);
    }
    let event = load_event(deps.storage, key.0)?;
    ensure_movable(&event, &ticket, env)?;
    ensure_issuer_active(deps.storage, &event)?;
    let mut pending = vec![];
    if let Some(rules) = &event.anti_scalping {
        if !by_owner && !rules.markets.contains(&info.sender) {
            return Err(ContractError::MarketNotAllowed {
                mover: info.sender.to_string(),
            });
        }
        pending = clear_change_of_hands(
            deps.storage,
            env.block.time,
            (&event, rules),
            (&ticket.owner, recipient),
            (key.0, ticket.tier),
        )?;
    }
    clear_receiver(deps.storage, env.block.time, &event, recipient)?;
    save_counts(deps.storage, (key.0, ticket.tier), pending)?;
    let from = ticket.owner.clone();
    hand_over(deps.storage, (key.0, token_id), &mut ticket, recipient)?;
    record(
        deps.storage,
        env,
        token_id,
        &mut ticket,
        Change::Transferred {
            from: from.clone(),
            to: None,
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;
    Ok(from)
}

pub fn transfer_nft(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    token_id: String,
) -> Result<Response, ContractError> {
    let recipient = validate::address(deps.api, "recipient", &recipient)?;
    gift(deps, &env, &info, &recipient, &token_id)?;
    Ok(Response::new()
        .add_attribute("action", "transfer_nft")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", recipient)
        .add_attribute("token_id", token_id))
}

pub fn send_nft(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    contract: String,
    token_id: String,
    msg: Binary,
) -> Result<Response, ContractError> {
    let contract = validate::address(deps.api, "contract", &contract)?;
    gift(deps, &env, &info, &contract, &token_id)?;
    let hook = Cw721ReceiveMsg {
        sender: info.sender.to_string(),
        token_id: token_id.clone(),
        msg,
    }
    .into_cosmos_msg::<_, cosmwasm_std::Empty>(contract.clone())?;
    Ok(Response::new()
        .add_message(hook)
        .add_attribute("action", "send_nft")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", contract)
        .add_attribute("token_id", token_id))
}

/// Under anti-scalping rules only the issuer's markets may be approved: an approval is how a
/// marketplace sells for the owner, at a price the cap does not see.
fn ensure_market(
    storage: &dyn Storage,
    (event_id, _): TicketKey,
    spender: &Addr,
) -> Result<(), ContractError> {
    let event = load_event(storage, event_id)?;
    match event.anti_scalping {
        Some(rules) if !rules.markets.contains(spender) => Err(ContractError::MarketNotAllowed {
            mover: spender.to_string(),
        }),
        _ => Ok(()),
    }
}

/// Sets (`expires: Some`) or removes (`None`) `spender`'s approval on a ticket, as cw721 does.
pub fn update_approval(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    token_id: String,
    expires: Option<Option<Expiration>>,
) -> Result<Response, ContractError> {
    let spender_addr = validate::address(deps.api, "spender", &spender)?;
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    if !may_act_for(deps.storage, &env.block, &ticket, &info.sender, false)? {
        return Err(ContractError::NotAllowedToMove { token_id });
    }
    ticket
        .approvals
        .retain(|a| a.spender != spender_addr && !a.is_expired(&env.block));
    let action = match expires {
        Some(expires) => {
            ensure_market(deps.storage, key, &spender_addr)?;
            let expires = expires.unwrap_or_default();
            if expires.is_expired(&env.block) {
                return Err(ContractError::Expired);
            }
            if ticket.approvals.len() >= MAX_APPROVALS {
                return Err(ContractError::TooManyApprovals { max: MAX_APPROVALS });
            }
            ticket.approvals.push(Approval {
                spender: spender_addr,
                expires,
            });
            "approve"
        }
        None => "revoke",
    };
    TICKETS.save(deps.storage, key, &ticket)?;
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("sender", info.sender)
        .add_attribute("spender", spender)
        .add_attribute("token_id", token_id))
}

pub fn approve_all(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    operator: String,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    let expires = expires.unwrap_or_default();
    if expires.is_expired(&env.block) {
        return Err(ContractError::Expired);
    }
    let operator_addr = validate::address(deps.api, "operator", &operator)?;
    OPERATORS.save(deps.storage, (&info.sender, &operator_addr), &expires)?;
    Ok(Response::new()
        .add_attribute("action", "approve_all")
        .add_attribute("sender", info.sender)
        .add_attribute("operator", operator))
}

pub fn revoke_all(
    deps: DepsMut,
    info: MessageInfo,
    operator: String,
) -> Result<Response, ContractError> {
    let operator_addr = validate::address(deps.api, "operator", &operator)?;
    OPERATORS.remove(deps.storage, (&info.sender, &operator_addr));
    Ok(Response::new()
        .add_attribute("action", "revoke_all")
        .add_attribute("sender", info.sender)
        .add_attribute("operator", operator))
}

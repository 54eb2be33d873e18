//! Vouchers in a ticket purchase: ticket-nft mints the tickets at the price paid and tells this
//! contract which voucher paid for the difference. Refusing here reverts the whole purchase, so
//! ticket-nft needs no coupon arithmetic and no query.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{
    credit, ensure_in_validity, ensure_not_frozen, ensure_usable, load_class, load_supply,
    load_voucher, response, use_units,
};
use crate::msg::{CouponTarget, Off, TicketUse, VoucherKind};
use crate::state::{CONFIG, PASS_USES, SUPPLY, VOUCHERS};

/// What one ticket costs after the discount; a percentage's discount rounds down.
fn discounted(price: Uint128, off: Option<&Off>) -> Uint128 {
    match off {
        None => price,
        Some(Off::Percent(share)) => price - share.of(price),
        Some(Off::Fixed(amount)) => price.saturating_sub(*amount),
    }
}

/// From the configured ticket-nft only. The payer must hold the voucher, usable and within its
/// validity. A coupon for tickets of its issuer's events (those it lists, when it lists any) is
/// spent one unit per ticket (ticket coupons are free: a price paid for them would reach the
/// issuer outside the show's escrow). A pass is shown, not spent: its issuer's events get its
/// member price, a tier that names its class admits it whoever issued the event (at that tier's
/// price), and `tickets_per_event` bounds the tickets it buys per event. The price paid per ticket
/// must be exactly the discounted one.
pub fn use_for_tickets(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    use_: TicketUse,
) -> Result<Response, ContractError> {
    if CONFIG.load(deps.storage)?.ticket_nft.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotTicketNft);
    }
    let (key, mut voucher) = load_voucher(deps.storage, &use_.token_id)?;
    if voucher.owner.as_str() != use_.holder {
        return Err(ContractError::NotHolder);
    }
    ensure_usable(&voucher)?;
    let class = load_class(deps.storage, key.0)?;
    ensure_not_frozen(&class)?;
    ensure_in_validity(&class, env.block.time)?;
    let for_members = use_.members_of.is_some();
    if use_.members_of.is_some_and(|class_id| class_id != key.0) {
        return Err(ContractError::NotForTier);
    }
    if !for_members && class.issuer.as_str() != use_.issuer {
        return Err(ContractError::NotEventIssuer);
    }
    // A pass discounts only its own issuer's tickets: a tier of another issuer that names it
    // admits its holders at that tier's price, so no other partner sets an issuer's prices.
    let own_event = class.issuer.as_str() == use_.issuer;
    let expected = match &class.kind {
        VoucherKind::Pass { member_off, .. } if own_event => {
            discounted(use_.price, member_off.as_ref())
        }
        VoucherKind::Pass { .. } => use_.price,
        VoucherKind::Coupon {
            off,
            on: CouponTarget::Tickets { events },
        } if !for_members => {
            if !events.is_empty() && !events.contains(&use_.event_id) {
                return Err(ContractError::NotForEvent);
            }
            discounted(use_.price, Some(off))
        }
        _ if for_members => return Err(ContractError::NotForTier),
        _ => return Err(ContractError::NotForTickets),
    };
    if use_.paid_each != expected {
        return Err(ContractError::WrongDiscount { expected });
    }
    match class.kind {
        VoucherKind::Pass {
            tickets_per_event: Some(max),
            ..
        } => {
            let pass_key = (key.0, key.1, use_.event_id);
            let used = PASS_USES.may_load(deps.storage, pass_key)?.unwrap_or(0);
            if u64::from(used) + u64::from(use_.quantity) > u64::from(max) {
                return Err(ContractError::PassUsesExhausted { max });
            }
            PASS_USES.save(deps.storage, pass_key, &(used + use_.quantity))?;
        }
        VoucherKind::Pass { .. } => {}
        _ => {
            let units = u64::from(use_.quantity);
            let mut supply = load_supply(deps.storage, key.0)?;
            use_units(&mut voucher, &mut supply, units)?;
            VOUCHERS.save(deps.storage, key, &voucher)?;
            SUPPLY.save(deps.storage, key.0, &supply)?;
            let value = class.price.checked_mul(Uint128::from(units))?;
            credit(deps.storage, &class, value)?;
        }
    }
    Ok(response(
        "use_for_tickets",
        &[
            ("token_id", &use_.token_id),
            ("event_id", &use_.event_id.to_string()),
            ("quantity", &use_.quantity.to_string()),
        ],
    ))
}

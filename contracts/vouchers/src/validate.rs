//! This contract's limits and rules on what callers send; the checks every contract shares (text
//! lengths, addresses, digests) are `ctc_conventions::validate`.

use cosmwasm_std::{Timestamp, Uint128};
use ctc_conventions::validate;

use crate::error::ContractError;
use crate::msg::{ClassInput, CouponTarget, Off, OnExpiry, VoucherKind};

/// Like ticket-nft's tier names.
pub const MAX_NAME_BYTES: usize = 64;
pub const MAX_PRODUCT_BYTES: usize = 128;
pub const MAX_URI_BYTES: usize = 256;
/// Like ticket-nft's event titles, for the cw721 collection name and symbol.
pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_REASON_BYTES: usize = 256;
/// Serials are u32; a million vouchers is a very large class, and quota meters it anyway.
pub const MAX_CAP: u64 = 1_000_000;
pub const MAX_ATTESTERS: usize = 4;
pub const MAX_EVENTS: usize = 8;
pub const MAX_MOVES: u32 = 100;
/// Units one claim or purchase issues: bounds one message's work (one voucher each, unless the
/// class is fungible).
pub const MAX_QUANTITY: u32 = 20;
/// Classes run for seasons, not centuries: valid at most five years ahead.
pub const MAX_HORIZON_SECONDS: u64 = 5 * 365 * 86_400;

fn invalid(reason: &'static str) -> ContractError {
    ContractError::InvalidClass { reason }
}

fn off(off: &Off) -> Result<(), ContractError> {
    let none = match off {
        Off::Percent(share) => share.get() == 0,
        Off::Fixed(amount) => amount.is_zero(),
    };
    if none {
        return Err(invalid("a discount takes something off"));
    }
    Ok(())
}

pub fn class(input: &ClassInput, now: Timestamp) -> Result<(), ContractError> {
    validate::text("name", &input.name, MAX_NAME_BYTES)?;
    validate::text("product", &input.product, MAX_PRODUCT_BYTES)?;
    validate::optional_text("uri", input.uri.as_deref(), MAX_URI_BYTES)?;
    match &input.kind {
        VoucherKind::Coupon { off: discount, on } => {
            off(discount)?;
            if let CouponTarget::Tickets { events } = on {
                if events.len() > MAX_EVENTS {
                    return Err(invalid("a ticket coupon names at most 8 events"));
                }
                // Its price would reach the issuer when the tickets are bought, outside the
                // show's escrow: a cancelled show could not refund it.
                if !input.price.is_zero() {
                    return Err(invalid("a ticket coupon is free"));
                }
            }
        }
        VoucherKind::Goods => {}
        VoucherKind::Pass {
            member_off,
            tickets_per_event,
        } => {
            member_off.as_ref().map_or(Ok(()), off)?;
            if *tickets_per_event == Some(0) {
                return Err(invalid("a pass that admits no ticket is no pass"));
            }
            // A pass is never spent: refunded at expiry, a season of member prices would cost
            // nothing.
            if !input.price.is_zero() && input.on_expiry != OnExpiry::PayMerchant {
                return Err(invalid("a priced pass pays its issuer at expiry"));
            }
        }
    }
    if input.cap == 0 || input.cap > MAX_CAP {
        return Err(invalid("the cap is between 1 and 1,000,000"));
    }
    if input.per_holder_limit == Some(0) {
        return Err(invalid("a per-holder limit of zero sells nothing"));
    }
    if input.sale_starts_at >= input.sale_ends_at {
        return Err(invalid("the sale ends after it starts"));
    }
    if input.sale_ends_at > input.valid_until {
        return Err(invalid("the sale ends by the end of the validity"));
    }
    if input.valid_from >= input.valid_until {
        return Err(invalid("the validity ends after it starts"));
    }
    if input.valid_until <= now {
        return Err(invalid("the validity ends in the future"));
    }
    if input.valid_until > now.plus_seconds(MAX_HORIZON_SECONDS) {
        return Err(invalid("the validity ends within five years"));
    }
    if let Some(max_moves) = input.transfer.max_moves() {
        if max_moves == 0 || max_moves > MAX_MOVES {
            return Err(invalid("a transfer rule allows 1 to 100 moves"));
        }
    }
    if input.fungible && matches!(input.kind, VoucherKind::Pass { .. }) {
        return Err(invalid("a pass is one per token"));
    }
    Ok(())
}

pub fn quantity(quantity: u32) -> Result<u64, ContractError> {
    if quantity == 0 || quantity > MAX_QUANTITY {
        return Err(ContractError::InvalidQuantity { max: MAX_QUANTITY });
    }
    Ok(u64::from(quantity))
}

/// `price × quantity`, the exact amount a purchase must send.
pub fn total(price: Uint128, quantity: u64) -> Result<Uint128, ContractError> {
    Ok(price.checked_mul(Uint128::from(quantity))?)
}

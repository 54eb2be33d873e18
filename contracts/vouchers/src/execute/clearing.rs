//! Expiry clearing (票链 §3.2.2 到期自动清算), one voucher per message, and merchants' withdrawals.

use cosmwasm_std::{DepsMut, Env, Response, Uint128};
use ctc_conventions::{mirror, validate};
use ctc_interfaces::registry::Standing;

use crate::error::ContractError;
use crate::execute::{
    credit, disburse, ensure_not_frozen, ensure_valid, load_class, load_supply, load_voucher,
};
use crate::msg::{OnExpiry, VoucherStatus};
use crate::state::{Earned, CONFIG, EARNED, SUPPLY, VOUCHERS};

/// Anyone (the holder pulling, or a crank) settles one voucher once its validity ended: a priced
/// one is refunded to its holder (one `Disburse`, no fee) or credited to the merchant (fee and
/// burn split off, no message) by the class's `on_expiry`; a free one is only marked cleared.
/// Reads the class, the voucher and the supply: never a loop over holders. A revoked issuer
/// opens clearing at once, by refund whatever the terms. A frozen class waits.
pub fn clear(deps: DepsMut, env: Env, token_id: String) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    let class = load_class(deps.storage, key.0)?;
    ensure_not_frozen(&class)?;
    ensure_valid(&voucher)?;
    let revoked = mirror::standing(deps.storage, &class.issuer)? == Some(Standing::Revoked);
    if env.block.time < class.valid_until && !revoked {
        return Err(ContractError::NotExpired {
            valid_until: class.valid_until,
        });
    }
    voucher.status = VoucherStatus::Cleared;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    let mut supply = load_supply(deps.storage, key.0)?;
    supply.cleared += 1;
    SUPPLY.save(deps.storage, key.0, &supply)?;
    let response = Response::new()
        .add_attribute("action", "clear")
        .add_attribute("token_id", &token_id)
        .add_attribute("holder", &voucher.owner);
    if class.price.is_zero() {
        return Ok(response.add_attribute("outcome", "expired"));
    }
    if revoked || class.on_expiry == OnExpiry::RefundHolder {
        let token = CONFIG.load(deps.storage)?.token;
        let refund = disburse(&token, &[(&voucher.owner, class.price)], Uint128::zero())?;
        return Ok(response
            .add_messages(refund)
            .add_attribute("outcome", "refunded")
            .add_attribute("amount", class.price));
    }
    let split = credit(deps.storage, &class, class.price)?;
    Ok(response
        .add_attribute("outcome", "paid_merchant")
        .add_attribute("merchant", class.issuer)
        .add_attribute("earned", split.rest))
}

/// Anyone pays a merchant its earnings: the payout to it, the platform fee to the treasury and
/// the burn share to the deflation, in one `Disburse`. A suspended merchant's earnings wait.
pub fn withdraw(deps: DepsMut, merchant: String) -> Result<Response, ContractError> {
    let merchant = validate::address(deps.api, "merchant", &merchant)?;
    let earned = EARNED
        .may_load(deps.storage, &merchant)?
        .unwrap_or_default();
    if earned.total().is_zero() {
        return Err(ContractError::NothingToWithdraw);
    }
    if mirror::standing(deps.storage, &merchant)? == Some(Standing::Suspended) {
        return Err(ContractError::MerchantSuspended);
    }
    EARNED.remove(deps.storage, &merchant);
    let config = CONFIG.load(deps.storage)?;
    let Earned { payout, fee, burn } = earned;
    let message = disburse(
        &config.token,
        &[(&merchant, payout), (&config.treasury, fee)],
        burn,
    )?;
    Ok(Response::new()
        .add_messages(message)
        .add_attribute("action", "withdraw")
        .add_attribute("merchant", merchant)
        .add_attribute("payout", payout)
        .add_attribute("fee", fee)
        .add_attribute("burn", burn))
}

//! Expiry clearing (票链 §3.2.2 到期自动清算), one voucher per message, and merchants' withdrawals.

use cosmwasm_std::{DepsMut, Env, Response, Uint128};
use ctc_conventions::{mirror, validate};
use ctc_interfaces::registry::Standing;

use crate::error::ContractError;
use crate::execute::{
    credit, disburse, ensure_not_frozen, load_class, load_supply, load_voucher, response,
};
use crate::msg::{OnExpiry, VoucherStatus};
use crate::state::{Earned, CONFIG, EARNED, SUPPLY, VOUCHERS};

/// Anyone (the holder pulling, or a crank) settles one voucher once its validity ended: the price
/// of the units it still holds is refunded to its holder (one `Disburse`, no fee) or credited to
/// the merchant (fee and burn split off, no message) by the class's `on_expiry`; a free voucher
/// is only marked cleared. A listing ends with it. Reads the class, the voucher and the supply:
/// never a loop over holders. A revoked issuer opens clearing at once, by refund whatever the
/// terms. A frozen class waits.
pub fn clear(deps: DepsMut, env: Env, token_id: String) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    let class = load_class(deps.storage, key.0)?;
    ensure_not_frozen(&class)?;
    match voucher.status {
        VoucherStatus::Valid => {}
        VoucherStatus::Redeemed => return Err(ContractError::AlreadyRedeemed),
        VoucherStatus::Cleared => return Err(ContractError::AlreadyCleared),
    }
    let revoked = mirror::standing(deps.storage, &class.issuer)? == Some(Standing::Revoked);
    if env.block.time < class.valid_until && !revoked {
        return Err(ContractError::NotExpired {
            valid_until: class.valid_until,
        });
    }
    let units = voucher.units;
    voucher.units = 0;
    voucher.status = VoucherStatus::Cleared;
    voucher.listed = None;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    let mut supply = load_supply(deps.storage, key.0)?;
    supply.cleared += units;
    SUPPLY.save(deps.storage, key.0, &supply)?;
    let value = class.price.checked_mul(Uint128::from(units))?;
    let refund = revoked || class.on_expiry == OnExpiry::RefundHolder;
    let (outcome, message) = if value.is_zero() {
        ("expired", None)
    } else if refund {
        let token = CONFIG.load(deps.storage)?.token;
        let message = disburse(&token, &[(&voucher.owner, value)], Uint128::zero())?;
        ("refunded", message)
    } else {
        credit(deps.storage, &class, value)?;
        ("paid_merchant", None)
    };
    Ok(response(
        "clear",
        &[
            ("token_id", &token_id),
            ("holder", voucher.owner.as_str()),
            ("outcome", outcome),
            ("value", &value.to_string()),
        ],
    )
    .add_messages(message))
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
    Ok(response(
        "withdraw",
        &[
            ("merchant", merchant.as_str()),
            ("payout", &payout.to_string()),
            ("fee", &fee.to_string()),
            ("burn", &burn.to_string()),
        ],
    )
    .add_messages(message))
}

//! The handlers, and what they share: loading classes and vouchers, the registry's mirrored
//! answers, minting, crediting merchants and paying out through the token.

pub mod classes;
pub mod clearing;
pub mod moves;
pub mod redeem;
pub mod sale;
pub mod supervision;

use cosmwasm_std::{wasm_execute, Addr, Empty, StdResult, Storage, Timestamp, Uint128, WasmMsg};
use ctc_conventions::mirror;
use ctc_interfaces::registry::Capability;
use ctc_interfaces::tickets::{parse_token_id, token_id};
use ctc_interfaces::token::{CtcExecuteMsg, Payment};
use ctc_interfaces::FeeSplit;

use crate::error::ContractError;
use crate::msg::VoucherStatus;
use crate::state::{
    Class, Earned, Supply, Voucher, ACQUIRED, CLASSES, EARNED, OWNED, SUPPLY, VOUCHERS,
};

pub type VoucherKey = (u64, u32);

pub fn load_class(storage: &dyn Storage, class_id: u64) -> Result<Class, ContractError> {
    CLASSES
        .may_load(storage, class_id)?
        .ok_or(ContractError::ClassNotFound { class_id })
}

/// A voucher's key, only from the one spelling of its token id.
pub fn voucher_key(token_id: &str) -> Result<VoucherKey, ContractError> {
    parse_token_id(token_id).ok_or_else(|| ContractError::VoucherNotFound {
        token_id: token_id.to_owned(),
    })
}

pub fn load_voucher(
    storage: &dyn Storage,
    token_id: &str,
) -> Result<(VoucherKey, Voucher), ContractError> {
    let key = voucher_key(token_id)?;
    let voucher =
        VOUCHERS
            .may_load(storage, key)?
            .ok_or_else(|| ContractError::VoucherNotFound {
                token_id: token_id.to_owned(),
            })?;
    Ok((key, voucher))
}

pub fn ensure_not_frozen(class: &Class) -> Result<(), ContractError> {
    if class.frozen {
        return Err(ContractError::ClassFrozen);
    }
    Ok(())
}

/// A voucher that can still be redeemed, moved or cleared.
pub fn ensure_valid(voucher: &Voucher) -> Result<(), ContractError> {
    match voucher.status {
        VoucherStatus::Valid => Ok(()),
        VoucherStatus::Redeemed => Err(ContractError::AlreadyRedeemed),
        VoucherStatus::Cleared => Err(ContractError::AlreadyCleared),
    }
}

/// Whether the issuer may issue now, from the registry's mirrored answer (no query).
pub fn ensure_issuer_allowed(storage: &dyn Storage, class: &Class) -> Result<(), ContractError> {
    if let Some(denial) = mirror::denial(storage, &class.issuer, Capability::IssueVouchers)? {
        return Err(ContractError::IssuerNotAllowed {
            reason: denial.as_str(),
        });
    }
    Ok(())
}

/// The receiver of a voucher, by any means, is attested at the class's level by one of its
/// accepted attesters (络谱 §3.4.1, §3.4.3), and stays within the per-holder limit; counts the
/// `quantity` it acquires. The caller must not fail after this.
pub fn receive_into(
    storage: &mut dyn Storage,
    now: Timestamp,
    (class_id, class): (u64, &Class),
    receiver: &Addr,
    quantity: u64,
) -> Result<(), ContractError> {
    let level = mirror::clearance(storage, receiver, now, &class.accepted_attesters)?
        .map(|found| found.level);
    if level < Some(class.min_identity) {
        return Err(ContractError::IdentityTooLow {
            required: class.min_identity,
        });
    }
    let acquired = ACQUIRED
        .may_load(storage, (class_id, receiver))?
        .unwrap_or_default()
        + quantity;
    if let Some(limit) = class.per_holder_limit {
        if acquired > limit {
            return Err(ContractError::HolderLimit { limit });
        }
    }
    ACQUIRED.save(storage, (class_id, receiver), &acquired)?;
    Ok(())
}

/// Mints `quantity` vouchers of the class to `owner`, numbered on from `supply.issued`; the
/// caller saves the supply. Answers their token ids.
pub fn mint(
    storage: &mut dyn Storage,
    class_id: u64,
    supply: &mut Supply,
    owner: &Addr,
    quantity: u64,
) -> Result<Vec<String>, ContractError> {
    let mut minted = Vec::with_capacity(quantity as usize);
    for _ in 0..quantity {
        // The cap (at most MAX_CAP) bounds serials far below u32::MAX.
        let serial = supply.issued as u32;
        let id = token_id(class_id, serial);
        VOUCHERS.save(
            storage,
            (class_id, serial),
            &Voucher {
                owner: owner.clone(),
                status: VoucherStatus::Valid,
                moves: 0,
            },
        )?;
        OWNED.save(storage, (owner, id.as_str()), &Empty {})?;
        supply.issued += 1;
        minted.push(id);
    }
    Ok(minted)
}

pub fn load_supply(storage: &dyn Storage, class_id: u64) -> StdResult<Supply> {
    Ok(SUPPLY.may_load(storage, class_id)?.unwrap_or_default())
}

/// Moves `value` from the class's escrow to its issuer's earnings, split by the class's fee and
/// burn share (rounded down, dust to the merchant). Answers the split.
pub fn credit(
    storage: &mut dyn Storage,
    class: &Class,
    value: Uint128,
) -> Result<FeeSplit, ContractError> {
    let split = FeeSplit::new(value, class.platform_fee, class.burn_share)?;
    if value.is_zero() {
        return Ok(split);
    }
    let mut earned = EARNED.may_load(storage, &class.issuer)?.unwrap_or_default();
    earned = Earned {
        payout: earned.payout.checked_add(split.rest)?,
        fee: earned.fee.checked_add(split.fee)?,
        burn: earned.burn.checked_add(split.burn)?,
    };
    EARNED.save(storage, &class.issuer, &earned)?;
    Ok(split)
}

/// The one message the contract sends the token: a `Disburse` of the non-zero payments and of
/// `burn_or_recycle`, or nothing when all of it is zero.
pub fn disburse(
    token: &Addr,
    payments: &[(&Addr, Uint128)],
    burn_or_recycle: Uint128,
) -> StdResult<Option<WasmMsg>> {
    let payments: Vec<Payment> = payments
        .iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(recipient, amount)| Payment {
            recipient: recipient.to_string(),
            amount: *amount,
        })
        .collect();
    if payments.is_empty() && burn_or_recycle.is_zero() {
        return Ok(None);
    }
    let msg = CtcExecuteMsg::Disburse {
        payments,
        burn_or_recycle,
    };
    wasm_execute(token, &msg, vec![]).map(Some)
}

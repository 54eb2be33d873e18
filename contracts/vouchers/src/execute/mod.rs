//! The handlers, and what they share: loading classes and vouchers, the registry's mirrored
//! answers, minting, crediting merchants and paying out through the token.

pub mod classes;
pub mod clearing;
pub mod moves;
pub mod redeem;
pub mod sale;
pub mod supervision;
pub mod tickets;

use cosmwasm_std::{Addr, Attribute, Empty, Response, StdResult, Storage, Timestamp, Uint128};
use ctc_conventions::mirror;
use ctc_interfaces::registry::Capability;
use ctc_interfaces::tickets::{parse_token_id, token_id};
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

/// A voucher that can still be redeemed, spent, moved or cleared, and is not offered for sale
/// (a listed voucher waits for its buyer or its holder's `unlist`).
pub fn ensure_usable(voucher: &Voucher) -> Result<(), ContractError> {
    match voucher.status {
        VoucherStatus::Valid if voucher.listed.is_some() => Err(ContractError::Listed),
        VoucherStatus::Valid => Ok(()),
        VoucherStatus::Redeemed => Err(ContractError::AlreadyRedeemed),
        VoucherStatus::Cleared => Err(ContractError::AlreadyCleared),
    }
}

/// Within the class's validity: what redeeming and spending need.
pub fn ensure_in_validity(class: &Class, now: Timestamp) -> Result<(), ContractError> {
    if now < class.valid_from {
        return Err(ContractError::NotYetValid {
            valid_from: class.valid_from,
        });
    }
    ensure_not_expired(class, now)
}

pub fn ensure_not_expired(class: &Class, now: Timestamp) -> Result<(), ContractError> {
    if now >= class.valid_until {
        return Err(ContractError::Expired {
            valid_until: class.valid_until,
        });
    }
    Ok(())
}

/// Takes `units` out of the voucher (redeemed, or spent on tickets); it is `Redeemed` once empty.
/// The caller saves the voucher and the supply.
pub fn use_units(
    voucher: &mut Voucher,
    supply: &mut Supply,
    units: u64,
) -> Result<(), ContractError> {
    if units == 0 || units > voucher.units {
        return Err(ContractError::InvalidUnits {
            held: voucher.units,
        });
    }
    voucher.units -= units;
    if voucher.units == 0 {
        voucher.status = VoucherStatus::Redeemed;
    }
    supply.redeemed += units;
    Ok(())
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
/// accepted attesters (络谱 §3.4.1, §3.4.3).
pub fn ensure_recognised(
    storage: &dyn Storage,
    now: Timestamp,
    class: &Class,
    receiver: &Addr,
) -> Result<(), ContractError> {
    let level = mirror::clearance(storage, receiver, now, &class.accepted_attesters)?
        .map(|found| found.level);
    if level < Some(class.min_identity) {
        return Err(ContractError::IdentityTooLow {
            required: class.min_identity,
        });
    }
    Ok(())
}

/// A recognised receiver that acquires `quantity` units by a purchase or a claim stays within
/// the per-holder limit, which counts every unit so acquired. Gifts and splits are not counted:
/// the receiver cannot refuse them, so counting them would let anyone use up another's limit.
/// The caller must not fail after this.
pub fn receive_into(
    storage: &mut dyn Storage,
    now: Timestamp,
    (class_id, class): (u64, &Class),
    receiver: &Addr,
    quantity: u64,
) -> Result<(), ContractError> {
    ensure_recognised(storage, now, class, receiver)?;
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

/// Numbers a new voucher of `units` for `owner` (an issue or a split); the caller saves the
/// supply. Every voucher holds at least one unit and a split leaves one behind, so serials stay
/// below the cap (at most MAX_CAP, far below u32::MAX).
pub fn new_voucher(
    storage: &mut dyn Storage,
    class_id: u64,
    supply: &mut Supply,
    owner: &Addr,
    (units, moves): (u64, u32),
) -> Result<String, ContractError> {
    let serial = supply.tokens;
    let id = token_id(class_id, serial);
    VOUCHERS.save(
        storage,
        (class_id, serial),
        &Voucher {
            owner: owner.clone(),
            units,
            status: VoucherStatus::Valid,
            moves,
            listed: None,
        },
    )?;
    OWNED.save(storage, (owner, id.as_str()), &Empty {})?;
    supply.tokens += 1;
    Ok(id)
}

/// Issues `quantity` units to `owner`: one voucher holding them in a fungible class, one voucher
/// each otherwise. Answers their token ids.
pub fn mint(
    storage: &mut dyn Storage,
    (class_id, class): (u64, &Class),
    supply: &mut Supply,
    owner: &Addr,
    quantity: u64,
) -> Result<Vec<String>, ContractError> {
    supply.issued += quantity;
    if class.fungible {
        return Ok(vec![new_voucher(
            storage,
            class_id,
            supply,
            owner,
            (quantity, 0),
        )?]);
    }
    (0..quantity)
        .map(|_| new_voucher(storage, class_id, supply, owner, (1, 0)))
        .collect()
}

/// Hands the voucher to `to`, in the cw721 owner index too; the caller saves it.
pub fn move_voucher(
    storage: &mut dyn Storage,
    token_id: &str,
    voucher: &mut Voucher,
    to: &Addr,
) -> StdResult<()> {
    OWNED.remove(storage, (&voucher.owner, token_id));
    OWNED.save(storage, (to, token_id), &Empty {})?;
    voucher.owner = to.clone();
    voucher.moves += 1;
    voucher.listed = None;
    Ok(())
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

pub use ctc_interfaces::token::disburse;

/// The response of `action` with its attributes, in one call: each chained `add_attribute` would
/// move the whole response again, which costs artifact size in every handler.
pub fn response(action: &str, attributes: &[(&str, &str)]) -> Response {
    let mut response = Response::new().add_attribute("action", action);
    response.attributes.extend(
        attributes
            .iter()
            .map(|(key, value)| Attribute::new(*key, *value)),
    );
    response
}

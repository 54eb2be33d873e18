//! Redeem by scan (票链 §3.3.2 扫码销券): the holder shows a code signed by its wallet, the
//! merchant's scanner sends it. Once only.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use ctc_interfaces::proof::{redeem_text, verify_holder_proof, HolderProof};

use crate::error::ContractError;
use crate::execute::{
    credit, ensure_not_frozen, ensure_valid, load_class, load_supply, load_voucher,
};
use crate::msg::{CouponTarget, VoucherKind, VoucherStatus};
use crate::state::{SCANNERS, SUPPLY, VOUCHERS};

/// A scanner of the class's issuer (never another merchant's) redeems a valid voucher within its
/// validity, with the holder's proof over `redeem_text` (1 unit, redemption 0): a scanner alone
/// redeems nothing, and a check-in code or another voucher's code does not pass. A priced
/// voucher's price moves from escrow to the merchant's earnings, fee and burn split off.
pub fn redeem(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    proof: HolderProof,
) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    let class = load_class(deps.storage, key.0)?;
    if !SCANNERS.has(deps.storage, (&class.issuer, &info.sender)) {
        return Err(ContractError::NotScanner);
    }
    ensure_not_frozen(&class)?;
    match class.kind {
        VoucherKind::Goods
        | VoucherKind::Coupon {
            on: CouponTarget::Goods,
            ..
        } => {}
        _ => return Err(ContractError::NotRedeemable),
    }
    ensure_valid(&voucher)?;
    let now = env.block.time;
    if now < class.valid_from {
        return Err(ContractError::NotYetValid {
            valid_from: class.valid_from,
        });
    }
    if now >= class.valid_until {
        return Err(ContractError::Expired {
            valid_until: class.valid_until,
        });
    }
    let text = redeem_text(
        &env.block.chain_id,
        &env.contract.address,
        &token_id,
        1,
        0,
        proof.expires_at,
    );
    verify_holder_proof(deps.api, now, &proof, &voucher.owner, &text)?;
    voucher.status = VoucherStatus::Redeemed;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    let mut supply = load_supply(deps.storage, key.0)?;
    supply.redeemed += 1;
    SUPPLY.save(deps.storage, key.0, &supply)?;
    let split = credit(deps.storage, &class, class.price)?;
    Ok(Response::new()
        .add_attribute("action", "redeem")
        .add_attribute("token_id", token_id)
        .add_attribute("holder", voucher.owner)
        .add_attribute("scanner", info.sender)
        .add_attribute("merchant", class.issuer)
        .add_attribute("earned", split.rest))
}

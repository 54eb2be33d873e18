//! Redeem by scan (票链 §3.3.2 扫码销券): the holder shows a code signed by its wallet, the
//! merchant's scanner sends it.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use ctc_conventions::mirror;
use ctc_interfaces::accounts::PresentRight;
use ctc_interfaces::proof::{redeem_text, verify_presenter, HolderProof};
use ctc_interfaces::registry::Standing;

use crate::error::ContractError;
use crate::execute::{
    credit, ensure_in_validity, ensure_not_frozen, ensure_usable, load_class, load_supply,
    load_voucher, response, use_units,
};
use crate::msg::{CouponTarget, VoucherKind};
use crate::state::{SCANNERS, SUPPLY, VOUCHERS};

/// A scanner of the class's issuer (never another merchant's) redeems `units` of a usable voucher
/// within its validity, with the holder's proof over `redeem_text`: a scanner alone redeems
/// nothing, a check-in code or another voucher's code does not pass, and the text names the units
/// the voucher holds before, which every redemption lowers, so a code redeems once. A priced
/// class's price for those units moves from escrow to the merchant's earnings, fee and burn
/// split off.
pub fn redeem(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    units: u64,
    proof: HolderProof,
) -> Result<Response, ContractError> {
    let (key, mut voucher) = load_voucher(deps.storage, &token_id)?;
    let class = load_class(deps.storage, key.0)?;
    if !SCANNERS.has(deps.storage, (&class.issuer, &info.sender)) {
        return Err(ContractError::NotScanner);
    }
    ensure_not_frozen(&class)?;
    // A revoked issuer's vouchers are refunded to their holders (`clear`), not redeemed into its
    // earnings.
    if mirror::standing(deps.storage, &class.issuer)? == Some(Standing::Revoked) {
        return Err(ContractError::IssuerNotAllowed { reason: "revoked" });
    }
    match class.kind {
        VoucherKind::Goods
        | VoucherKind::Coupon {
            on: CouponTarget::Goods,
            ..
        } => {}
        _ => return Err(ContractError::NotRedeemable),
    }
    ensure_usable(&voucher)?;
    let now = env.block.time;
    ensure_in_validity(&class, now)?;
    let text = redeem_text(
        &env.block.chain_id,
        &env.contract.address,
        &token_id,
        units,
        voucher.units,
        proof.expires_at,
    );
    let presenter = verify_presenter(
        deps.querier,
        deps.api,
        now,
        &proof,
        &voucher.owner,
        &text,
        PresentRight::Redeem,
    )?;
    let mut supply = load_supply(deps.storage, key.0)?;
    use_units(&mut voucher, &mut supply, units)?;
    VOUCHERS.save(deps.storage, key, &voucher)?;
    SUPPLY.save(deps.storage, key.0, &supply)?;
    let value = class.price.checked_mul(Uint128::from(units))?;
    credit(deps.storage, &class, value)?;
    let response = response(
        "redeem",
        &[
            ("token_id", &token_id),
            ("units", &units.to_string()),
            ("holder", voucher.owner.as_str()),
            ("scanner", info.sender.as_str()),
        ],
    );
    Ok(match presenter {
        Some(presenter) => response.add_attribute("presenter", presenter),
        None => response,
    })
}

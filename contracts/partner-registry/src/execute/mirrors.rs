//! Mirrors: contracts that answer partner and identity questions from their own copy (see
//! `ctc_conventions::mirror`). Every change is pushed to all of them in the transaction that makes
//! it; a mirror that refuses the update makes the change itself fail.

use cosmwasm_std::{
    wasm_execute, Addr, Deps, DepsMut, Empty, MessageInfo, Order, Response, StdResult, Storage,
    WasmMsg,
};
use ctc_interfaces::registry::{AttestedLevel, MirrorExecuteMsg, RegistryUpdate};

use crate::access::assert_authority;
use crate::error::ContractError;
use crate::msg::MirrorsResponse;
use crate::state::{Attestation, Partner, ATTESTATIONS, MIRRORS, PARTNERS};
use crate::validate::{self, MAX_MIRRORS};

/// The registry's change carried to every mirror (at most `MAX_MIRRORS` messages).
pub fn push(storage: &dyn Storage, update: RegistryUpdate) -> StdResult<Vec<WasmMsg>> {
    let msg = MirrorExecuteMsg::RegistryUpdate(update);
    MIRRORS
        .keys(storage, None, None, Order::Ascending)
        .map(|mirror| wasm_execute(mirror?, &msg, vec![]))
        .collect()
}

pub fn partner_update(address: &Addr, partner: Option<&Partner>) -> RegistryUpdate {
    RegistryUpdate::Partner {
        address: address.clone(),
        standing: partner.map(Partner::standing),
    }
}

pub fn attestation_update(
    user: &Addr,
    attester: &Addr,
    attestation: Option<&Attestation>,
) -> RegistryUpdate {
    RegistryUpdate::Attestation {
        user: user.clone(),
        attester: attester.clone(),
        attested: attestation.map(|attestation| AttestedLevel {
            level: attestation.level,
            expires_at: attestation.expires_at,
            subject: attestation.subject.clone(),
        }),
    }
}

/// Authority. A mirror cannot be removed: one left behind would keep answering from a copy nobody
/// updates any more. The mirror must accept an update at once (see below).
pub fn add_mirror(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    assert_authority(deps.storage, &info.sender)?;
    let mirror = validate::address(deps.api, "address", &address)?;
    if MIRRORS.has(deps.storage, &mirror) {
        return Err(ContractError::MirrorAlreadyAdded { address });
    }
    let count = MIRRORS
        .keys(deps.storage, None, None, Order::Ascending)
        .count();
    if count >= MAX_MIRRORS {
        return Err(ContractError::TooManyMirrors { max: MAX_MIRRORS });
    }
    MIRRORS.save(deps.storage, &mirror, &Empty {})?;
    // A mirror that refused updates would make every later partner or attestation change fail,
    // suspensions included. One true update now (what the registry holds of the mirror's own
    // address) fails this transaction instead, for an account, a contract that does not mirror,
    // or one that answers to another registry.
    let own_standing = PARTNERS.may_load(deps.storage, &mirror)?;
    let probe = MirrorExecuteMsg::RegistryUpdate(partner_update(&mirror, own_standing.as_ref()));
    Ok(Response::new()
        .add_message(wasm_execute(&mirror, &probe, vec![])?)
        .add_attribute("action", "add_mirror")
        .add_attribute("mirror", mirror))
}

/// Anyone: pushes what the registry holds of one partner now, for a mirror added after the
/// partner's last change. It can only repeat the truth, so it needs no permission.
pub fn sync_partner(deps: DepsMut, address: String) -> Result<Response, ContractError> {
    let address = validate::address(deps.api, "address", &address)?;
    let partner = PARTNERS.may_load(deps.storage, &address)?;
    let messages = push(deps.storage, partner_update(&address, partner.as_ref()))?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "sync_partner")
        .add_attribute("partner", address))
}

/// Anyone: as `sync_partner`, for one attester's word on one user.
pub fn sync_attestation(
    deps: DepsMut,
    user: String,
    attester: String,
) -> Result<Response, ContractError> {
    let user = validate::address(deps.api, "user", &user)?;
    let attester = validate::address(deps.api, "attester", &attester)?;
    let attestation = ATTESTATIONS.may_load(deps.storage, (&user, &attester))?;
    let update = attestation_update(&user, &attester, attestation.as_ref());
    let messages = push(deps.storage, update)?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "sync_attestation")
        .add_attribute("user", user)
        .add_attribute("attester", attester))
}

pub fn mirrors(deps: Deps) -> StdResult<MirrorsResponse> {
    let mirrors = MIRRORS
        .keys(deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    Ok(MirrorsResponse { mirrors })
}

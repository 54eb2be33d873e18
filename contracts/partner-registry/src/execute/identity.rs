use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};

use crate::access::partner_with;
use crate::error::ContractError;
use crate::msg::{Capability, IdentityLevel};
use crate::state::{Attestation, ATTESTATIONS};
use crate::validate;

use super::mirrors;

/// The fields of `Attest`.
pub struct Vouch {
    pub user: String,
    pub level: IdentityLevel,
    pub digest: String,
    pub expires_at: Option<Timestamp>,
    pub subject: Option<String>,
}

pub fn attest(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vouch: Vouch,
) -> Result<Response, ContractError> {
    let Vouch {
        user,
        level,
        digest,
        expires_at,
        subject,
    } = vouch;
    partner_with(deps.storage, &info.sender, Capability::AttestIdentity)?;
    let user = validate::address(deps.api, "user", &user)?;
    let (digest, _) = validate::digest("digest", &digest)?;
    let subject = validate::subject(subject.as_deref())?;
    if let Some(expires_at) = expires_at {
        if expires_at <= env.block.time {
            return Err(ContractError::ExpiryInPast { expires_at });
        }
    }
    // The whole word is replaced: an attestation without a subject drops the one given before,
    // since the attester no longer vouches that this address is that person.
    let attestation = Attestation {
        level,
        digest,
        attested_at: env.block.time,
        expires_at,
        subject,
    };
    ATTESTATIONS.save(deps.storage, (&user, &info.sender), &attestation)?;
    let update = mirrors::attestation_update(&user, &info.sender, Some(&attestation));
    Ok(Response::new()
        .add_messages(mirrors::push(deps.storage, update)?)
        .add_attribute("action", "attest")
        .add_attribute("user", user)
        .add_attribute("attester", info.sender)
        .add_attribute("level", level.as_str()))
}

/// An attester may always withdraw its own word, even while suspended.
pub fn revoke_attestation(
    deps: DepsMut,
    info: MessageInfo,
    user: String,
) -> Result<Response, ContractError> {
    let user_addr = validate::address(deps.api, "user", &user)?;
    let key = (&user_addr, &info.sender);
    if !ATTESTATIONS.has(deps.storage, key) {
        return Err(ContractError::AttestationNotFound { user });
    }
    ATTESTATIONS.remove(deps.storage, key);
    let update = mirrors::attestation_update(&user_addr, &info.sender, None);
    Ok(Response::new()
        .add_messages(mirrors::push(deps.storage, update)?)
        .add_attribute("action", "revoke_attestation")
        .add_attribute("user", user_addr)
        .add_attribute("attester", info.sender))
}

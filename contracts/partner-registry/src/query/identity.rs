use cosmwasm_std::{Addr, Deps, Env, Order, StdResult};

use crate::access::denial;
use crate::error::ContractError;
use crate::msg::{AttestationInfo, AttestationsResponse, Capability, IdentityLevelResponse};
use crate::state::{Attestation, ATTESTATIONS, PARTNERS};
use crate::validate::{self, MAX_ACCEPTED_ATTESTERS};

/// An attestation counts while unexpired and while its attester is an Active partner holding
/// AttestIdentity: a suspended or revoked provider's word stops counting at once.
fn counts(deps: Deps, env: &Env, attester: &Addr, attestation: &Attestation) -> StdResult<bool> {
    if attestation
        .expires_at
        .is_some_and(|expires_at| expires_at <= env.block.time)
    {
        return Ok(false);
    }
    let partner = PARTNERS.may_load(deps.storage, attester)?;
    Ok(denial(partner.as_ref(), Capability::AttestIdentity).is_none())
}

pub fn identity_level(
    deps: Deps,
    env: Env,
    address: String,
    accepted_attesters: Option<Vec<String>>,
) -> Result<IdentityLevelResponse, ContractError> {
    let user = validate::address(deps.api, "address", &address)?;
    let candidates: Vec<(Addr, Attestation)> = match accepted_attesters {
        Some(attesters) => {
            if attesters.len() > MAX_ACCEPTED_ATTESTERS {
                return Err(ContractError::TooManyAttesters {
                    max: MAX_ACCEPTED_ATTESTERS,
                });
            }
            let mut found = Vec::with_capacity(attesters.len());
            for attester in attesters {
                let attester = validate::address(deps.api, "accepted_attesters", &attester)?;
                if let Some(attestation) =
                    ATTESTATIONS.may_load(deps.storage, (&user, &attester))?
                {
                    found.push((attester, attestation));
                }
            }
            found
        }
        // One entry per identity provider that attested this user.
        None => ATTESTATIONS
            .prefix(&user)
            .range(deps.storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?,
    };

    let mut best: Option<(Addr, Attestation)> = None;
    for (attester, attestation) in candidates {
        if !counts(deps, &env, &attester, &attestation)? {
            continue;
        }
        // Highest level wins; between equal levels, the one that lasts longer.
        let better = match &best {
            None => true,
            Some((_, current)) => {
                (
                    attestation.level,
                    attestation.expires_at.is_none(),
                    attestation.expires_at,
                ) > (
                    current.level,
                    current.expires_at.is_none(),
                    current.expires_at,
                )
            }
        };
        if better {
            best = Some((attester, attestation));
        }
    }
    Ok(match best {
        None => IdentityLevelResponse {
            level: None,
            attester: None,
            expires_at: None,
            subject: None,
        },
        // The subject comes with the attestation that answered: a pseudonym is only comparable
        // with others from the same attester.
        Some((attester, attestation)) => IdentityLevelResponse {
            level: Some(attestation.level),
            attester: Some(attester),
            expires_at: attestation.expires_at,
            subject: attestation.subject,
        },
    })
}

pub fn attestations(
    deps: Deps,
    env: Env,
    address: String,
) -> Result<AttestationsResponse, ContractError> {
    let user = validate::address(deps.api, "address", &address)?;
    let attestations = ATTESTATIONS
        .prefix(&user)
        .range(deps.storage, None, None, Order::Ascending)
        .map(|item| {
            let (attester, attestation) = item?;
            Ok(AttestationInfo {
                counts: counts(deps, &env, &attester, &attestation)?,
                attester,
                level: attestation.level,
                digest: attestation.digest,
                attested_at: attestation.attested_at,
                expires_at: attestation.expires_at,
                subject: attestation.subject,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(AttestationsResponse { attestations })
}

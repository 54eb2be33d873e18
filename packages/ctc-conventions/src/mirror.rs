//! A contract's own copy of the registry answers it needs on every sale: whether a partner may
//! use a capability and how well a user's identity is attested.
//!
//! Asking the registry costs a cross-contract query (about 60,000 gas) on each sale. The registry
//! instead pushes every change to its mirrors in the transaction that makes it
//! (`RegistryUpdate`), so the frequent operation reads its own storage and the rare one pays to
//! keep the copy current. There is no window: a suspension, revocation or withdrawn attestation
//! lands in the mirror in the same block, or the registry's change itself fails.

use cosmwasm_std::{Addr, HexBinary, Order, Response, StdResult, Storage, Timestamp};
use ctc_interfaces::registry::{
    AttestedLevel, Capability, Denial, IdentityLevel, PartnerStanding, RegistryUpdate, Standing,
};
use cw_storage_plus::Map;

use crate::error::ConventionError;

/// Partners as the registry last reported them; an address the registry never reported is
/// answered as no partner, so an unsynced mirror refuses rather than allows.
pub const PARTNERS: Map<&Addr, PartnerStanding> = Map::new("mirror_partners");
/// (user, attester) → that attester's word, one entry per attester as in the registry.
pub const ATTESTATIONS: Map<(&Addr, &Addr), AttestedLevel> = Map::new("mirror_attestations");

/// Applies one update, from `registry` only.
pub fn apply(
    storage: &mut dyn Storage,
    registry: &Addr,
    sender: &Addr,
    update: RegistryUpdate,
) -> Result<Response, ConventionError> {
    if sender != registry {
        return Err(ConventionError::NotRegistry);
    }
    let response = Response::new().add_attribute("action", "registry_update");
    Ok(match update {
        RegistryUpdate::Partner { address, standing } => {
            match standing {
                Some(standing) => PARTNERS.save(storage, &address, &standing)?,
                None => PARTNERS.remove(storage, &address),
            }
            response.add_attribute("partner", address)
        }
        RegistryUpdate::Attestation {
            user,
            attester,
            attested,
        } => {
            match attested {
                Some(attested) => ATTESTATIONS.save(storage, (&user, &attester), &attested)?,
                None => ATTESTATIONS.remove(storage, (&user, &attester)),
            }
            response.add_attribute("user", user)
        }
    })
}

/// Why `partner` may not use `capability` now, by the registry's own rule; `None` when it may.
pub fn denial(
    storage: &dyn Storage,
    partner: &Addr,
    capability: Capability,
) -> StdResult<Option<Denial>> {
    let standing = PARTNERS.may_load(storage, partner)?;
    Ok(PartnerStanding::denial(standing.as_ref(), capability))
}

/// A partner's standing as last reported (`None`: never reported, or no longer a partner).
pub fn standing(storage: &dyn Storage, partner: &Addr) -> StdResult<Option<Standing>> {
    Ok(PARTNERS
        .may_load(storage, partner)?
        .map(|reported| reported.standing))
}

/// The attestation that clears a user: its level, who gave it and the person's pseudonym there.
#[derive(Clone, Debug, PartialEq)]
pub struct Clearance {
    pub level: IdentityLevel,
    pub attester: Addr,
    pub subject: Option<HexBinary>,
}

/// Whether one attester's word counts at `now`: unexpired, from a partner that may attest now.
fn counts(
    storage: &dyn Storage,
    attester: &Addr,
    attested: &AttestedLevel,
    now: Timestamp,
) -> StdResult<bool> {
    if attested
        .expires_at
        .is_some_and(|expires_at| expires_at <= now)
    {
        return Ok(false);
    }
    Ok(denial(storage, attester, Capability::AttestIdentity)?.is_none())
}

/// Every attestation of `user` that counts at `now`: from the `accepted` attesters only (one read
/// each, in their order) or, when none are listed, from any (one entry per attester of this
/// user, in address order).
pub fn clearances(
    storage: &dyn Storage,
    user: &Addr,
    now: Timestamp,
    accepted: &[Addr],
) -> StdResult<Vec<Clearance>> {
    let attested: Vec<(Addr, AttestedLevel)> = if accepted.is_empty() {
        ATTESTATIONS
            .prefix(user)
            .range(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?
    } else {
        let mut found = Vec::with_capacity(accepted.len());
        for attester in accepted {
            if let Some(word) = ATTESTATIONS.may_load(storage, (user, attester))? {
                found.push((attester.clone(), word));
            }
        }
        found
    };
    let mut counting = Vec::with_capacity(attested.len());
    for (attester, word) in attested {
        if counts(storage, &attester, &word, now)? {
            counting.push(Clearance {
                level: word.level,
                attester,
                subject: word.subject,
            });
        }
    }
    Ok(counting)
}

/// The highest attestation of `user` that counts at `now`, by the registry's rule for
/// `IdentityLevel` (see `clearances`; the first of equal levels wins).
pub fn clearance(
    storage: &dyn Storage,
    user: &Addr,
    now: Timestamp,
    accepted: &[Addr],
) -> StdResult<Option<Clearance>> {
    let mut best: Option<Clearance> = None;
    for found in clearances(storage, user, now, accepted)? {
        if Some(found.level) > best.as_ref().map(|b| b.level) {
            best = Some(found);
        }
    }
    Ok(best)
}

/// The highest level attested for `user` that counts at `now`, from any attester.
pub fn identity_level(
    storage: &dyn Storage,
    user: &Addr,
    now: Timestamp,
) -> StdResult<Option<IdentityLevel>> {
    Ok(clearance(storage, user, now, &[])?.map(|found| found.level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{MockApi, MockStorage};
    use ctc_interfaces::registry::Standing;

    fn standing(standing: Standing, capabilities: &[Capability]) -> Option<PartnerStanding> {
        Some(PartnerStanding {
            standing,
            capabilities: capabilities.to_vec(),
        })
    }

    fn partner(address: &Addr, standing: Option<PartnerStanding>) -> RegistryUpdate {
        RegistryUpdate::Partner {
            address: address.clone(),
            standing,
        }
    }

    fn attest(
        user: &Addr,
        attester: &Addr,
        level: IdentityLevel,
        expires: Option<u64>,
    ) -> RegistryUpdate {
        RegistryUpdate::Attestation {
            user: user.clone(),
            attester: attester.clone(),
            attested: Some(AttestedLevel {
                level,
                expires_at: expires.map(Timestamp::from_seconds),
                subject: None,
            }),
        }
    }

    #[test]
    fn only_the_registry_updates_and_a_refusal_writes_nothing() {
        let api = MockApi::default();
        let (registry, issuer) = (api.addr_make("registry"), api.addr_make("issuer"));
        let mut storage = MockStorage::new();
        let update = partner(
            &issuer,
            standing(Standing::Active, &[Capability::IssueTickets]),
        );
        let err = apply(&mut storage, &registry, &issuer, update.clone()).unwrap_err();
        assert_eq!(err, ConventionError::NotRegistry);
        assert_eq!(
            denial(&storage, &issuer, Capability::IssueTickets).unwrap(),
            Some(Denial::NotAPartner)
        );
        apply(&mut storage, &registry, &registry, update).unwrap();
        assert_eq!(
            denial(&storage, &issuer, Capability::IssueTickets).unwrap(),
            None
        );
    }

    #[test]
    fn a_partner_is_denied_as_the_registry_would() {
        let api = MockApi::default();
        let (registry, issuer) = (api.addr_make("registry"), api.addr_make("issuer"));
        let mut storage = MockStorage::new();
        let cases = [
            (
                standing(Standing::Active, &[Capability::IssueTickets]),
                None,
            ),
            (
                standing(Standing::Active, &[Capability::ReportOutcomes]),
                Some(Denial::NotGranted),
            ),
            (
                standing(Standing::Suspended, &[Capability::IssueTickets]),
                Some(Denial::Suspended),
            ),
            (
                standing(Standing::Revoked, &[Capability::IssueTickets]),
                Some(Denial::Revoked),
            ),
            (None, Some(Denial::NotAPartner)),
        ];
        for (reported, expected) in cases {
            apply(
                &mut storage,
                &registry,
                &registry,
                partner(&issuer, reported),
            )
            .unwrap();
            assert_eq!(
                denial(&storage, &issuer, Capability::IssueTickets).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn the_best_level_counts_only_while_unexpired_and_its_attester_may_attest() {
        let api = MockApi::default();
        let registry = api.addr_make("registry");
        let (fan, phone_co, civil_id) = (
            api.addr_make("fan"),
            api.addr_make("phone"),
            api.addr_make("civil"),
        );
        let mut storage = MockStorage::new();
        let mut push = |update| apply(&mut storage, &registry, &registry, update).unwrap();
        let attester = standing(Standing::Active, &[Capability::AttestIdentity]);
        push(partner(&phone_co, attester.clone()));
        push(partner(&civil_id, attester));
        push(attest(&fan, &phone_co, IdentityLevel::Phone, None));
        push(attest(
            &fan,
            &civil_id,
            IdentityLevel::RealName,
            Some(1_000),
        ));
        let level = |storage: &MockStorage, at: u64| {
            identity_level(storage, &fan, Timestamp::from_seconds(at)).unwrap()
        };
        assert_eq!(level(&storage, 999), Some(IdentityLevel::RealName));
        // Expired: the weaker, lasting word is what remains.
        assert_eq!(level(&storage, 1_000), Some(IdentityLevel::Phone));
        // A suspended attester's word stops counting at once.
        apply(
            &mut storage,
            &registry,
            &registry,
            partner(
                &civil_id,
                standing(Standing::Suspended, &[Capability::AttestIdentity]),
            ),
        )
        .unwrap();
        assert_eq!(level(&storage, 10), Some(IdentityLevel::Phone));
        // A withdrawn word is gone.
        let withdrawn = RegistryUpdate::Attestation {
            user: fan.clone(),
            attester: phone_co.clone(),
            attested: None,
        };
        apply(&mut storage, &registry, &registry, withdrawn).unwrap();
        assert_eq!(level(&storage, 10), None);
    }
}

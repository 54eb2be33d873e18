//! Checks on what the operator and the members send, each with its own refusal.

use cosmwasm_std::{Addr, Binary, Deps, QuerierWrapper};
use ctc_conventions::validate::address;
use ctc_interfaces::accounts::{
    RecoveryBounds, RecoveryConfig, MAX_DELAY_SECONDS, MAX_MEMBER_WEIGHT, MAX_PERIOD_SECONDS,
    MAX_RECOVERY_MEMBERS,
};
use ctc_interfaces::registry::{Capability, CapabilityResponse};
use serde::Serialize;

use crate::error::ContractError;
use crate::msg::{Member, RecoverySet, Rights};
use crate::state::MAX_PAYEES;

/// `config` as a recovery set for an account at `account` operated by `operator`: 1 to 8
/// distinct members of weight 1 to 100, none of them the operator or the account, a threshold
/// within the total weight, a delay above zero and a period of at least the delay, both within
/// `bounds`. Partner members are asked of the registry last, one query each.
pub fn recovery_set(
    deps: Deps,
    registry: &Addr,
    account: &Addr,
    operator: &Addr,
    bounds: &RecoveryBounds,
    config: RecoveryConfig,
) -> Result<RecoverySet, ContractError> {
    if config.members.is_empty() || config.members.len() > MAX_RECOVERY_MEMBERS {
        return Err(ContractError::MemberCount {
            max: MAX_RECOVERY_MEMBERS,
        });
    }
    let mut members: Vec<Member> = Vec::with_capacity(config.members.len());
    // Asked of the registry once the cheaper checks passed.
    let mut partners: Vec<Addr> = Vec::new();
    let mut total = 0u32;
    for member in config.members {
        let member_address = address(deps.api, "members", &member.address)?;
        if member.weight == 0 || member.weight > MAX_MEMBER_WEIGHT {
            return Err(ContractError::InvalidWeight {
                address: member_address.into_string(),
                max: MAX_MEMBER_WEIGHT,
            });
        }
        if members
            .iter()
            .any(|known| known.address == member_address.as_str())
        {
            return Err(ContractError::DuplicateMember {
                address: member_address.into_string(),
            });
        }
        if member_address == *operator {
            return Err(ContractError::OperatorIsMember {
                address: member_address.into_string(),
            });
        }
        if member_address == *account {
            return Err(ContractError::MemberIsAccount);
        }
        // At most 8 × 100: no overflow.
        total += member.weight;
        if member.partner {
            partners.push(member_address.clone());
        }
        members.push(Member {
            address: member_address.into_string(),
            weight: member.weight,
            partner: member.partner,
        });
    }
    if config.threshold == 0 || config.threshold > total {
        return Err(ContractError::InvalidThreshold {
            threshold: config.threshold,
            total,
        });
    }
    if config.delay_seconds == 0 {
        return Err(ContractError::ZeroDelay);
    }
    if config.period_seconds < config.delay_seconds {
        return Err(ContractError::PeriodBelowDelay {
            period: config.period_seconds,
            delay: config.delay_seconds,
        });
    }
    if config.delay_seconds < bounds.min_delay_seconds
        || config.delay_seconds > bounds.max_delay_seconds
    {
        return Err(ContractError::DelayOutOfBounds {
            min: bounds.min_delay_seconds,
            max: bounds.max_delay_seconds,
        });
    }
    if config.period_seconds < bounds.min_period_seconds
        || config.period_seconds > bounds.max_period_seconds
    {
        return Err(ContractError::PeriodOutOfBounds {
            min: bounds.min_period_seconds,
            max: bounds.max_period_seconds,
        });
    }
    for partner in &partners {
        ensure_partner(deps.querier, registry, partner)?;
    }
    Ok(RecoverySet {
        members,
        threshold: config.threshold,
        delay_seconds: config.delay_seconds,
        period_seconds: config.period_seconds,
    })
}

/// The account's bounds: the factory's, narrowed to what any account accepts, or those alone
/// for an account made by hand.
pub fn bounds(given: Option<RecoveryBounds>) -> RecoveryBounds {
    let given = given.unwrap_or(RecoveryBounds {
        min_delay_seconds: 1,
        max_delay_seconds: MAX_DELAY_SECONDS,
        min_period_seconds: 1,
        max_period_seconds: MAX_PERIOD_SECONDS,
    });
    RecoveryBounds {
        min_delay_seconds: given.min_delay_seconds.max(1),
        max_delay_seconds: given.max_delay_seconds.min(MAX_DELAY_SECONDS),
        min_period_seconds: given.min_period_seconds,
        max_period_seconds: given.max_period_seconds.min(MAX_PERIOD_SECONDS),
    }
}

/// `RegistryQueryMsg::HasCapability`'s JSON with only that variant, so that the account's wasm
/// does not carry the serializer of every registry query (a test holds the two to one JSON).
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HasCapability<'a> {
    HasCapability {
        address: &'a str,
        capability: Capability,
    },
}

/// Whether the registry lets `partner` attest identity now: one query.
pub fn may_attest(
    querier: QuerierWrapper,
    registry: &Addr,
    partner: &Addr,
) -> Result<CapabilityResponse, ContractError> {
    Ok(querier.query_wasm_smart(
        registry,
        &HasCapability::HasCapability {
            address: partner.as_str(),
            capability: Capability::AttestIdentity,
        },
    )?)
}

/// Refuses a partner member the registry does not answer Active with `attest_identity`.
pub fn ensure_partner(
    querier: QuerierWrapper,
    registry: &Addr,
    partner: &Addr,
) -> Result<(), ContractError> {
    let answer = may_attest(querier, registry, partner)?;
    if answer.allowed {
        return Ok(());
    }
    Err(ContractError::PartnerNotAllowed {
        address: partner.to_string(),
        reason: answer
            .reason
            .map_or("not allowed", |denial| denial.as_str())
            .to_owned(),
    })
}

/// Refuses as an operator-to-be: the current operator, a member of `set`, the account.
pub fn new_operator(
    set: &RecoverySet,
    account: &Addr,
    operator: &Addr,
    new: &Addr,
) -> Result<(), ContractError> {
    if new == operator {
        return Err(ContractError::AlreadyOperator {
            address: new.to_string(),
        });
    }
    not_a_member(set, new)?;
    if new == account {
        return Err(ContractError::OperatorIsAccount);
    }
    Ok(())
}

/// Refuses an operator who is a member of `set`.
pub fn not_a_member(set: &RecoverySet, operator: &Addr) -> Result<(), ContractError> {
    if set
        .members
        .iter()
        .any(|member| member.address == operator.as_str())
    {
        return Err(ContractError::OperatorIsMember {
            address: operator.to_string(),
        });
    }
    Ok(())
}

/// A grant's rights with each payee validated: at least one right, a daily amount above zero,
/// 1 to 4 distinct payees when listed.
pub fn rights(deps: Deps, mut rights: Rights) -> Result<Rights, ContractError> {
    if !rights.door && !rights.redeem && rights.spend.is_none() {
        return Err(ContractError::EmptyRights);
    }
    if let Some(spend) = &mut rights.spend {
        if spend.daily.is_zero() {
            return Err(ContractError::ZeroDaily);
        }
        if let Some(to) = &mut spend.to {
            let invalid = ContractError::InvalidPayees { max: MAX_PAYEES };
            if to.is_empty() || to.len() > MAX_PAYEES {
                return Err(invalid);
            }
            for i in 0..to.len() {
                let payee = address(deps.api, "spend.to", &to[i])?.into_string();
                if to[..i].contains(&payee) {
                    return Err(invalid);
                }
                to[i] = payee;
            }
        }
    }
    Ok(rights)
}

/// 64 lowercase hex characters as their 32 bytes: one digest, one spelling.
pub fn evidence(value: &str) -> Result<Binary, ContractError> {
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        _ => Err(ContractError::InvalidEvidence),
    };
    if value.len() != 64 {
        return Err(ContractError::InvalidEvidence);
    }
    let bytes = value
        .as_bytes()
        .chunks(2)
        .map(|pair| Ok(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect::<Result<Vec<u8>, ContractError>>()?;
    Ok(Binary::from(bytes))
}

//! What other contracts send to and ask of partner-registry: who is a partner, what it may do, how
//! much of its quota is left, and how well a user's identity is attested.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Timestamp};

#[cw_serde]
#[derive(Copy, Eq, Hash)]
pub enum PartnerKind {
    Theater,
    Troupe,
    Agency,
    Merchant,
    Platform,
    OracleProvider,
    IdentityProvider,
}

/// What an admitted partner may do on the platform.
#[cw_serde]
#[derive(Copy, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    IssueTickets,
    LaunchCrowdfunds,
    ReportOutcomes,
    AttestIdentity,
    CreatePools,
    /// Issue voucher classes (coupons, goods and service vouchers, membership passes) on the
    /// vouchers contract, metered by the quota like tickets.
    IssueVouchers,
}

/// Identity levels, weakest first, so that `Certificate > RealName > Phone > Anonymous > Registered`.
#[cw_serde]
#[derive(Copy, Eq, Hash, PartialOrd, Ord)]
pub enum IdentityLevel {
    Registered,
    Anonymous,
    Phone,
    RealName,
    Certificate,
}

impl PartnerKind {
    /// The name used in JSON and in event attributes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Theater => "theater",
            Self::Troupe => "troupe",
            Self::Agency => "agency",
            Self::Merchant => "merchant",
            Self::Platform => "platform",
            Self::OracleProvider => "oracle_provider",
            Self::IdentityProvider => "identity_provider",
        }
    }
}

impl Capability {
    /// The name used in JSON and in event attributes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IssueTickets => "issue_tickets",
            Self::LaunchCrowdfunds => "launch_crowdfunds",
            Self::ReportOutcomes => "report_outcomes",
            Self::AttestIdentity => "attest_identity",
            Self::CreatePools => "create_pools",
            Self::IssueVouchers => "issue_vouchers",
        }
    }
}

impl IdentityLevel {
    /// The name used in JSON and in event attributes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Anonymous => "anonymous",
            Self::Phone => "phone",
            Self::RealName => "real_name",
            Self::Certificate => "certificate",
        }
    }
}

/// Why `HasCapability` answered no.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Denial {
    NotAPartner,
    Suspended,
    Revoked,
    NotGranted,
}

impl Denial {
    /// The name used in JSON and in error messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotAPartner => "not_a_partner",
            Self::Suspended => "suspended",
            Self::Revoked => "revoked",
            Self::NotGranted => "not_granted",
        }
    }
}

/// The registry queries other contracts send.
#[cw_serde]
#[derive(QueryResponses)]
pub enum RegistryQueryMsg {
    /// Whether `address` is an Active partner holding `capability`.
    #[returns(CapabilityResponse)]
    HasCapability {
        address: String,
        capability: Capability,
    },
    /// The highest unexpired level attested for `address` by an Active partner holding
    /// AttestIdentity (only those listed in `accepted_attesters`, when given).
    #[returns(IdentityLevelResponse)]
    IdentityLevel {
        address: String,
        accepted_attesters: Option<Vec<String>>,
    },
    /// Whether `address` was admitted as a partner and is Active now (a verified performer,
    /// merchant or venue, whatever its capabilities).
    #[returns(PartnerStatusResponse)]
    PartnerStatus { address: String },
    /// Whether `address` is the registry's authority or one of its regulators: who may act on
    /// other contracts' events and tickets in the regulator's name.
    #[returns(SupervisorResponse)]
    Supervisor { address: String },
    /// `HasCapability` for `partner` and, when `user` is given, `IdentityLevel` for `user`, in one
    /// call: a sale to an identity-gated event pays one cross-contract query instead of two.
    #[returns(ClearanceResponse)]
    Clearance {
        partner: String,
        capability: Capability,
        user: Option<String>,
    },
}

/// The registry execute messages platform contracts send.
#[cw_serde]
pub enum RegistryExecuteMsg {
    /// Draws `units` from the partner's quota for `capability` in the current window. Only
    /// contracts the authority registered as platform contracts may send it; it fails unless the
    /// partner is Active, holds the capability and has quota left, so one message both checks and
    /// consumes.
    ConsumeQuota {
        partner: String,
        capability: Capability,
        units: u64,
    },
}

/// A partner's standing as the registry's mirrors hold it: enough to answer `HasCapability` and
/// to count an attester's word, without a query.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Standing {
    Active,
    Suspended,
    Revoked,
}

#[cw_serde]
pub struct PartnerStanding {
    pub standing: Standing,
    /// Sorted, without duplicates.
    pub capabilities: Vec<Capability>,
}

impl PartnerStanding {
    /// Why a partner in this standing may not use `capability` (`None`: it may). The registry
    /// answers `HasCapability` with this rule too, so a mirror and the registry cannot disagree.
    pub fn denial(standing: Option<&Self>, capability: Capability) -> Option<Denial> {
        match standing {
            None => Some(Denial::NotAPartner),
            Some(partner) => match partner.standing {
                Standing::Suspended => Some(Denial::Suspended),
                Standing::Revoked => Some(Denial::Revoked),
                Standing::Active if !partner.capabilities.contains(&capability) => {
                    Some(Denial::NotGranted)
                }
                Standing::Active => None,
            },
        }
    }
}

/// One attester's word on a user, as a mirror holds it.
#[cw_serde]
pub struct AttestedLevel {
    pub level: IdentityLevel,
    pub expires_at: Option<Timestamp>,
    /// The attester's stable pseudonym for the person: the same person attested by this attester
    /// on any address has the same subject, and nothing links it to the subject another attester
    /// gives. What per-person limits count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<HexBinary>,
}

/// A change the registry pushes to every mirror in the transaction that makes it, so a mirror
/// never answers from a state the registry has already left.
#[cw_serde]
pub enum RegistryUpdate {
    /// `standing` is `None` for an address that is not a partner.
    Partner {
        address: Addr,
        standing: Option<PartnerStanding>,
    },
    /// `attested` is `None` once the attester withdrew its word.
    Attestation {
        user: Addr,
        attester: Addr,
        attested: Option<AttestedLevel>,
    },
}

/// What a mirror accepts, from its registry only.
#[cw_serde]
pub enum MirrorExecuteMsg {
    RegistryUpdate(RegistryUpdate),
}

#[cw_serde]
pub struct CapabilityResponse {
    pub allowed: bool,
    /// Set when `allowed` is false.
    pub reason: Option<Denial>,
}

#[cw_serde]
pub struct IdentityLevelResponse {
    /// `None` when no accepted, unexpired attestation exists.
    pub level: Option<IdentityLevel>,
    pub attester: Option<Addr>,
    pub expires_at: Option<Timestamp>,
    /// The attester's pseudonym for the person, when it gave one (see `AttestedLevel`).
    #[serde(default)]
    pub subject: Option<HexBinary>,
}

#[cw_serde]
pub struct SupervisorResponse {
    pub authority: bool,
    pub regulator: bool,
}

impl SupervisorResponse {
    pub fn supervises(&self) -> bool {
        self.authority || self.regulator
    }
}

#[cw_serde]
pub struct PartnerStatusResponse {
    pub admitted: bool,
    pub active: bool,
    pub kind: Option<PartnerKind>,
}

#[cw_serde]
pub struct ClearanceResponse {
    pub partner: CapabilityResponse,
    /// `None` when no user was asked about.
    pub user: Option<IdentityLevelResponse>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_levels_are_ordered_weakest_first() {
        use IdentityLevel::*;
        let mut levels = [Certificate, Registered, Phone, RealName, Anonymous];
        levels.sort();
        assert_eq!(
            levels,
            [Registered, Anonymous, Phone, RealName, Certificate]
        );
        assert!(Certificate > RealName && RealName > Phone && Phone > Anonymous);
    }

    fn quoted<T: serde::Serialize>(value: &T) -> String {
        cosmwasm_std::to_json_string(value).unwrap()
    }

    #[test]
    fn attribute_names_are_the_json_names() {
        for kind in [
            PartnerKind::Theater,
            PartnerKind::OracleProvider,
            PartnerKind::IdentityProvider,
        ] {
            assert_eq!(quoted(&kind), format!("\"{}\"", kind.as_str()));
        }
        for capability in [
            Capability::IssueTickets,
            Capability::AttestIdentity,
            Capability::CreatePools,
            Capability::IssueVouchers,
        ] {
            assert_eq!(quoted(&capability), format!("\"{}\"", capability.as_str()));
        }
        for level in [IdentityLevel::RealName, IdentityLevel::Certificate] {
            assert_eq!(quoted(&level), format!("\"{}\"", level.as_str()));
        }
        for denial in [Denial::NotAPartner, Denial::Suspended, Denial::NotGranted] {
            assert_eq!(quoted(&denial), format!("\"{}\"", denial.as_str()));
        }
    }
}

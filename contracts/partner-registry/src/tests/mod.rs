//! Unit tests through the entry points on the test kit's mock dependencies. Every execute that
//! fails, `refused` or not, is checked to leave the whole storage unchanged.

mod admission;
mod confirmation;
mod evidence;
mod identity;
mod mirrors;
mod ownership;
mod quota;
mod storage_layout;
mod supervision;

use cosmwasm_std::testing::message_info;
use cosmwasm_std::{from_json, Addr, Response, Timestamp};
use ctc_testkit::{Neighbours, Unit};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    Capability, ExecuteMsg, InstantiateMsg, PartnerKind, QueryMsg, QuotaLimit, QuotaWindow,
};
use crate::ContractError;

pub struct Accounts {
    pub authority: Addr,
    pub regulator: Addr,
    /// Registered as a platform contract (stands in for ticket-nft).
    pub platform: Addr,
    pub theater: Addr,
    pub identity_provider: Addr,
    pub alice: Addr,
    pub stranger: Addr,
}

/// The registry on the test kit's unit (`execute`, `refused`, `advance`, `addr`, `deps`, `env`
/// through `Deref`), at a fixed time, so tests can move the clock explicitly.
pub struct Chain {
    pub unit: Unit<ExecuteMsg, ContractError>,
    pub accounts: Accounts,
}

ctc_testkit::deref_to_unit!(Chain.unit: Unit<ExecuteMsg, ContractError>);

/// A sha256-shaped digest: 64 hex characters, all the byte `n`.
pub fn digest(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

pub fn admit_msg(address: &Addr, kind: PartnerKind, capabilities: Vec<Capability>) -> ExecuteMsg {
    admit_with_quotas(address, kind, capabilities, vec![])
}

pub fn admit_with_quotas(
    address: &Addr,
    kind: PartnerKind,
    capabilities: Vec<Capability>,
    quotas: Vec<QuotaLimit>,
) -> ExecuteMsg {
    ExecuteMsg::Admit {
        address: address.to_string(),
        name: format!("{kind:?} partner"),
        kind,
        capabilities,
        agreement_digest: digest(0xaa),
        metadata_uri: Some("ipfs://agreement".into()),
        quotas,
    }
}

impl Chain {
    /// A registry with a regulator, a platform contract, a theater (IssueTickets capped at 100 a
    /// day) and an identity provider, at block time 1,000,000 s.
    pub fn new() -> Self {
        let mut unit = Unit::new(execute);
        // The registry queries no other contract: any query it sent would fail the test.
        Neighbours::new().install(&mut unit.deps);
        let accounts = Accounts {
            authority: unit.addr("authority"),
            regulator: unit.addr("regulator"),
            platform: unit.addr("ticket_nft"),
            theater: unit.addr("theater"),
            identity_provider: unit.addr("identity_provider"),
            alice: unit.addr("alice"),
            stranger: unit.addr("stranger"),
        };
        unit.env.block.time = Timestamp::from_seconds(1_000_000);
        instantiate(
            unit.deps.as_mut(),
            unit.env.clone(),
            message_info(&accounts.authority, &[]),
            InstantiateMsg {
                authority: None,
                open_anchoring: false,
            },
        )
        .unwrap();
        let mut chain = Self { unit, accounts };
        let authority = chain.accounts.authority.clone();
        let setup = [
            ExecuteMsg::AppointRegulator {
                address: chain.accounts.regulator.to_string(),
            },
            ExecuteMsg::RegisterPlatformContract {
                name: "ticket-nft".into(),
                address: chain.accounts.platform.to_string(),
            },
            admit_with_quotas(
                &chain.accounts.theater,
                PartnerKind::Theater,
                vec![Capability::IssueTickets, Capability::LaunchCrowdfunds],
                vec![QuotaLimit {
                    capability: Capability::IssueTickets,
                    limit: QuotaWindow {
                        units_per_window: 100,
                        window_seconds: 86_400,
                    },
                }],
            ),
            admit_msg(
                &chain.accounts.identity_provider,
                PartnerKind::IdentityProvider,
                vec![Capability::AttestIdentity],
            ),
        ];
        for msg in setup {
            chain.execute(&authority, msg).unwrap();
        }
        chain
    }

    /// The unit's `execute` and `refused`, here so that a message may be built from the chain in
    /// the same call (a method reached through `DerefMut` borrows the chain first).
    pub fn execute(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        self.unit.execute(sender, msg)
    }

    pub fn refused(&mut self, sender: &Addr, msg: ExecuteMsg) -> ContractError {
        self.unit.refused(sender, msg)
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.deps.as_ref(), self.env.clone(), msg).unwrap_err()
    }
}

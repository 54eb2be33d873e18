//! Unit tests through the entry points on mock dependencies. Every refusal also checks that the
//! whole storage is unchanged.

mod admission;
mod confirmation;
mod evidence;
mod identity;
mod ownership;
mod quota;
mod supervision;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{from_json, Addr, Env, Order, OwnedDeps, Response, Storage, Timestamp};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    Capability, ExecuteMsg, InstantiateMsg, PartnerKind, QueryMsg, QuotaLimit, QuotaWindow,
};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

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

/// A chain at a fixed time, so tests can move the clock explicitly.
pub struct Chain {
    pub deps: Deps,
    pub env: Env,
    pub accounts: Accounts,
}

/// A sha256-shaped digest: 64 hex characters, all the byte `n`.
pub fn digest(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
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
        let mut deps = mock_dependencies();
        let api = deps.api;
        let accounts = Accounts {
            authority: api.addr_make("authority"),
            regulator: api.addr_make("regulator"),
            platform: api.addr_make("ticket_nft"),
            theater: api.addr_make("theater"),
            identity_provider: api.addr_make("identity_provider"),
            alice: api.addr_make("alice"),
            stranger: api.addr_make("stranger"),
        };
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(1_000_000);
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&accounts.authority, &[]),
            InstantiateMsg {
                authority: None,
                open_anchoring: false,
            },
        )
        .unwrap();
        let mut chain = Self {
            deps,
            env,
            accounts,
        };
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
            chain.exec(&authority, msg).unwrap();
        }
        chain
    }

    pub fn exec(&mut self, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, &[]),
            msg,
        )
    }

    /// Executes a message that must be refused, and checks that it changed nothing.
    pub fn refused(&mut self, sender: &Addr, msg: ExecuteMsg) -> ContractError {
        let before = snapshot(&self.deps.storage);
        let err = self.exec(sender, msg).unwrap_err();
        assert_eq!(
            snapshot(&self.deps.storage),
            before,
            "refusal changed storage: {err}"
        );
        err
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.deps.as_ref(), self.env.clone(), msg).unwrap_err()
    }

    pub fn advance(&mut self, seconds: u64) {
        self.env.block.time = self.env.block.time.plus_seconds(seconds);
        self.env.block.height += seconds / 5;
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.deps.api.addr_make(name)
    }
}

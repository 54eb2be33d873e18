//! Unit tests: each handler called through the entry points on mock dependencies.

mod burn;
mod burn_or_recycle;
mod circulating;
mod cw20_messages;
mod disburse;
mod disburse_from;
mod instantiate;
mod migrate;
mod ownership;
mod storage_layout;
mod supply_invariant;

use cosmwasm_std::testing::{message_info, MockApi};
use cosmwasm_std::{from_json, Addr, Uint128};
use ctc_interfaces::token::{AllocationBucket, TokenomicsResponse};
use ctc_testkit::{MockDeps, Neighbours, Unit};

use crate::contract::{execute, instantiate, query};
use crate::msg::{ExecuteMsg, GenesisAllocation, InstantiateMsg, QueryMsg};
use crate::ContractError;

/// The token under test: its `execute`, where every refusal is checked to change nothing.
pub type Token = Unit<ExecuteMsg, ContractError>;

/// The names the genesis addresses are made from, in the order of `AllocationBucket::ALL`.
pub fn genesis_names() -> [&'static str; 6] {
    AllocationBucket::ALL.map(AllocationBucket::name)
}

/// The accounts of a freshly instantiated token.
pub struct Accounts {
    pub owner: Addr,
    /// Genesis addresses in the order of `AllocationBucket::ALL`.
    pub genesis: Vec<Addr>,
    pub alice: Addr,
    pub bob: Addr,
}

impl Accounts {
    pub fn new(api: &MockApi) -> Self {
        Self {
            owner: api.addr_make("owner"),
            genesis: genesis_names().map(|name| api.addr_make(name)).to_vec(),
            alice: api.addr_make("alice"),
            bob: api.addr_make("bob"),
        }
    }

    pub fn allocation(&self) -> GenesisAllocation {
        GenesisAllocation {
            founding_team: self.genesis[0].to_string(),
            institutional_investors: self.genesis[1].to_string(),
            service_providers: self.genesis[2].to_string(),
            business_development: self.genesis[3].to_string(),
            community_rewards: self.genesis[4].to_string(),
            public_welfare: self.genesis[5].to_string(),
        }
    }

    pub fn community(&self) -> &Addr {
        &self.genesis[4]
    }
}

pub fn instantiate_msg(accounts: &Accounts) -> InstantiateMsg {
    InstantiateMsg {
        allocation: accounts.allocation(),
        recycle_pool: None,
        owner: None,
        marketing: None,
    }
}

/// A token instantiated by `accounts.owner` with the default recycle pool.
pub fn setup() -> (Token, Accounts) {
    let mut token = Token::new(execute);
    let accounts = Accounts::new(&token.deps.api);
    instantiate(
        token.deps.as_mut(),
        token.env.clone(),
        message_info(&accounts.owner, &[]),
        instantiate_msg(&accounts),
    )
    .unwrap();
    (token, accounts)
}

pub fn ask<T: serde::de::DeserializeOwned>(token: &Token, msg: QueryMsg) -> T {
    from_json(query(token.deps.as_ref(), token.env.clone(), msg).unwrap()).unwrap()
}

pub fn balance(token: &Token, address: &Addr) -> Uint128 {
    ask::<cw20::BalanceResponse>(
        token,
        QueryMsg::Balance {
            address: address.to_string(),
        },
    )
    .balance
}

pub fn tokenomics(token: &Token) -> TokenomicsResponse {
    ask(token, QueryMsg::Tokenomics {})
}

/// Makes the mock chain answer cw2's raw query for a new address as the platform contract `name`
/// (e.g. "ticket-nft") would; other addresses stay plain accounts. Returns the address.
pub fn platform_contract(deps: &mut MockDeps, name: &str) -> Addr {
    let address = deps.api.addr_make(name);
    Neighbours::new()
        .contract(&address, &format!("crates.io:{name}"))
        .install(deps);
    address
}

/// Burns from the genesis buckets, in order, until exactly `remaining` is still burnable.
pub fn burn_until_burnable(token: &mut Token, accounts: &Accounts, remaining: Uint128) {
    let mut to_burn = tokenomics(token).burnable - remaining;
    for holder in &accounts.genesis {
        let amount = to_burn.min(balance(token, holder));
        if !amount.is_zero() {
            token.execute(holder, ExecuteMsg::Burn { amount }).unwrap();
            to_burn -= amount;
        }
    }
    assert_eq!(tokenomics(token).burnable, remaining);
}

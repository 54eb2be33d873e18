//! Unit tests: each handler called through the entry points on mock dependencies.

mod burn;
mod burn_or_recycle;
mod cw20_messages;
mod instantiate;
mod migrate;
mod ownership;
mod supply_invariant;

use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{from_json, Addr, Order, OwnedDeps, Response, Storage, Uint128};
use ctc_interfaces::token::TokenomicsResponse;

use crate::contract::{execute, instantiate, query};
use crate::msg::{ExecuteMsg, GenesisAllocation, InstantiateMsg, QueryMsg};
use crate::ContractError;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

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
        let genesis = [
            "founding_team",
            "institutional_investors",
            "service_providers",
            "business_development",
            "community_rewards",
            "public_welfare",
        ]
        .map(|name| api.addr_make(name))
        .to_vec();
        Self {
            owner: api.addr_make("owner"),
            genesis,
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
pub fn setup() -> (Deps, Accounts) {
    let mut deps = mock_dependencies();
    let accounts = Accounts::new(&deps.api);
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&accounts.owner, &[]),
        instantiate_msg(&accounts),
    )
    .unwrap();
    (deps, accounts)
}

pub fn exec(deps: &mut Deps, sender: &Addr, msg: ExecuteMsg) -> Result<Response, ContractError> {
    execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
}

pub fn ask<T: serde::de::DeserializeOwned>(deps: &Deps, msg: QueryMsg) -> T {
    from_json(query(deps.as_ref(), mock_env(), msg).unwrap()).unwrap()
}

pub fn balance(deps: &Deps, address: &Addr) -> Uint128 {
    ask::<cw20::BalanceResponse>(
        deps,
        QueryMsg::Balance {
            address: address.to_string(),
        },
    )
    .balance
}

pub fn tokenomics(deps: &Deps) -> TokenomicsResponse {
    ask(deps, QueryMsg::Tokenomics {})
}

/// Every key and value in the contract's storage, to show that a refused message changed nothing.
pub fn snapshot(storage: &dyn Storage) -> Vec<(Vec<u8>, Vec<u8>)> {
    storage.range(None, None, Order::Ascending).collect()
}

/// Makes the mock chain answer cw2's raw query for a new address as the platform contract `name`
/// (e.g. "ticket-nft") would; other addresses stay plain accounts. Returns the address.
pub fn platform_contract(deps: &mut Deps, name: &str) -> Addr {
    let address = deps.api.addr_make(name);
    let contract = address.clone();
    let info = cw2::ContractVersion {
        contract: format!("crates.io:{name}"),
        version: "0.1.0".into(),
    };
    deps.querier.update_wasm(move |query| match query {
        cosmwasm_std::WasmQuery::Raw { contract_addr, .. }
            if *contract_addr == contract.as_str() =>
        {
            cosmwasm_std::SystemResult::Ok(cosmwasm_std::ContractResult::Ok(
                cosmwasm_std::to_json_binary(&info).unwrap(),
            ))
        }
        other => cosmwasm_std::SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
            addr: format!("{other:?}"),
        }),
    });
    address
}

/// Burns from the genesis buckets, in order, until exactly `remaining` is still burnable.
pub fn burn_until_burnable(deps: &mut Deps, accounts: &Accounts, remaining: Uint128) {
    let mut to_burn = tokenomics(deps).burnable - remaining;
    for holder in &accounts.genesis {
        let amount = to_burn.min(balance(deps, holder));
        if !amount.is_zero() {
            exec(deps, holder, ExecuteMsg::Burn { amount }).unwrap();
            to_burn -= amount;
        }
    }
    assert_eq!(tokenomics(deps).burnable, remaining);
}

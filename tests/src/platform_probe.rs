//! A stand-in for a platform contract such as ticket-nft: it speaks to the registry only through
//! `ctc_interfaces::registry`, so a suite can prove the messages work across contracts.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, wasm_execute, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response,
    StdResult,
};
use ctc_interfaces::registry::{
    Capability, CapabilityResponse, IdentityLevelResponse, RegistryExecuteMsg, RegistryQueryMsg,
};
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::Item;

#[cw_serde]
pub struct InstantiateMsg {
    pub registry: String,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Draws `units` of IssueTickets quota for `partner`, as ticket-nft does when an event is made.
    Issue { partner: String, units: u64 },
}

#[cw_serde]
pub enum QueryMsg {
    CanIssue { partner: String },
    BuyerLevel { buyer: String },
}

const REGISTRY: Item<Addr> = Item::new("registry");

fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, msg: InstantiateMsg) -> StdResult<Response> {
    REGISTRY.save(deps.storage, &deps.api.addr_validate(&msg.registry)?)?;
    Ok(Response::new())
}

fn execute(deps: DepsMut, _: Env, _: MessageInfo, msg: ExecuteMsg) -> StdResult<Response> {
    let ExecuteMsg::Issue { partner, units } = msg;
    let registry = REGISTRY.load(deps.storage)?;
    let consume = wasm_execute(
        &registry,
        &RegistryExecuteMsg::ConsumeQuota {
            partner,
            capability: Capability::IssueTickets,
            units,
        },
        vec![],
    )?;
    Ok(Response::new().add_message(consume))
}

fn query(deps: Deps, _: Env, msg: QueryMsg) -> StdResult<Binary> {
    let registry = REGISTRY.load(deps.storage)?;
    match msg {
        QueryMsg::CanIssue { partner } => {
            let answer: CapabilityResponse = deps.querier.query_wasm_smart(
                &registry,
                &RegistryQueryMsg::HasCapability {
                    address: partner,
                    capability: Capability::IssueTickets,
                },
            )?;
            to_json_binary(&answer)
        }
        QueryMsg::BuyerLevel { buyer } => {
            let answer: IdentityLevelResponse = deps.querier.query_wasm_smart(
                &registry,
                &RegistryQueryMsg::IdentityLevel {
                    address: buyer,
                    accepted_attesters: None,
                },
            )?;
            to_json_binary(&answer)
        }
    }
}

pub fn contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query))
}

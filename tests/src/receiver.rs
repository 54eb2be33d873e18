//! A cw20 and cw721 receiver for tests: records every `Receive` / `ReceiveNft` hook it is sent, so
//! a suite can check what arrived, from whom and with which message. It holds whatever it receives.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdResult,
};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::Item;

#[cw_serde]
pub enum ExecuteMsg {
    Receive(Cw20ReceiveMsg),
    ReceiveNft(cw721::receiver::Cw721ReceiveMsg),
}

#[cw_serde]
pub enum QueryMsg {
    Received {},
}

/// One hook call as the receiver saw it.
#[cw_serde]
pub struct Received {
    pub token: String,
    pub sender: String,
    pub amount: cosmwasm_std::Uint128,
    pub msg: Binary,
}

const RECEIVED: Item<Vec<Received>> = Item::new("received");

fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    RECEIVED.save(deps.storage, &vec![])?;
    Ok(Response::new())
}

fn execute(deps: DepsMut, _: Env, info: MessageInfo, msg: ExecuteMsg) -> StdResult<Response> {
    let entry = match msg {
        ExecuteMsg::Receive(hook) => Received {
            token: info.sender.to_string(),
            sender: hook.sender,
            amount: hook.amount,
            msg: hook.msg,
        },
        // An NFT arrives as one unit; the token id goes where a cw20 hook has its message.
        ExecuteMsg::ReceiveNft(hook) => Received {
            token: info.sender.to_string(),
            sender: hook.sender,
            amount: cosmwasm_std::Uint128::one(),
            msg: Binary::from(hook.token_id.into_bytes()),
        },
    };
    RECEIVED.update(deps.storage, |mut received| -> StdResult<_> {
        received.push(entry);
        Ok(received)
    })?;
    Ok(Response::new().add_attribute("action", "receive"))
}

fn query(deps: Deps, _: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Received {} => to_json_binary(&RECEIVED.load(deps.storage)?),
    }
}

pub fn contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query))
}

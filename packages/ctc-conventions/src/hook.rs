//! The guard every CTC `Send` hook starts with.

use cosmwasm_std::{Addr, Api, MessageInfo, Uint128};
use cw20::Cw20ReceiveMsg;
use serde::de::DeserializeOwned;

use crate::error::ConventionError;
use crate::validate;

/// A CTC `Send` that reached this contract: who sent it, how much, and what they asked for.
#[derive(Debug, PartialEq)]
pub struct CtcHook<T> {
    pub sender: Addr,
    pub amount: Uint128,
    pub msg: T,
}

/// Opens a cw20 `Receive` only when `info.sender` is `token`, the contract's configured CTC:
/// any cw20 can call `Receive`, and a hook from another token would credit worthless units as CTC.
pub fn ctc_hook<T: DeserializeOwned>(
    api: &dyn Api,
    token: &Addr,
    info: &MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<CtcHook<T>, ConventionError> {
    if info.sender != *token {
        return Err(ConventionError::WrongToken);
    }
    Ok(CtcHook {
        sender: validate::address(api, "sender", &wrapper.sender)?,
        amount: wrapper.amount,
        msg: cosmwasm_std::from_json(&wrapper.msg)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, MockApi};
    use cosmwasm_std::to_json_binary;

    #[test]
    fn only_the_configured_token_opens_a_hook() {
        let api = MockApi::default();
        let (ctc, other, fan) = (
            api.addr_make("ctc"),
            api.addr_make("other"),
            api.addr_make("fan"),
        );
        let wrapper = Cw20ReceiveMsg {
            sender: fan.to_string(),
            amount: Uint128::new(5),
            msg: to_json_binary(&7u32).unwrap(),
        };
        assert_eq!(
            ctc_hook::<u32>(&api, &ctc, &message_info(&other, &[]), wrapper.clone()),
            Err(ConventionError::WrongToken)
        );
        assert_eq!(
            ctc_hook::<u32>(&api, &ctc, &message_info(&ctc, &[]), wrapper),
            Ok(CtcHook {
                sender: fan,
                amount: Uint128::new(5),
                msg: 7
            })
        );
    }
}

//! Creating accounts, recording them when the chain answers their address, and following their
//! operators.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, DepsMut, Env, MessageInfo, Reply, Response, SubMsg, WasmMsg,
};
use ctc_conventions::validate::{address, text};
use ctc_interfaces::registry::{Capability, CapabilityResponse, RegistryQueryMsg};
use cw_utils::ParseReplyError;

use crate::error::ContractError;
use crate::execute::{check_recovery, MAX_LABEL_BYTES};
use crate::msg::{AccountInstantiateMsg, RecoveryConfig};
use crate::state::{AccountRecord, ACCOUNTS, BY_OPERATOR, CONFIG};

/// Reply id of an account's instantiation.
pub const ACCOUNT_CREATED: u64 = 1;

/// The type of the answer to a `WasmMsg::Instantiate` among a sub-message's `msg_responses`.
pub const INSTANTIATE_RESPONSE_TYPE: &str = "/cosmwasm.wasm.v1.MsgInstantiateContractResponse";

/// What the reply needs besides the new address, carried as the sub-message's payload: nothing
/// is stored between the dispatch and the reply, so no pending state can be left behind or
/// mixed up with another creation.
#[cw_serde]
pub struct Creation {
    pub created_by: Addr,
    pub operator: Addr,
    pub code_id: u64,
}

pub fn create_account(
    deps: DepsMut,
    env: &Env,
    info: MessageInfo,
    operator: String,
    recovery: RecoveryConfig,
    label: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let operator = address(deps.api, "operator", &operator)?;
    check_recovery(&config.bounds, &recovery)?;
    // Only the fan's key or an identity partner creates an account for a key: the index of
    // accounts by operator must not list accounts a stranger set up, with its own recovery set,
    // for a key it does not hold.
    if info.sender != operator {
        let standing: CapabilityResponse = deps.querier.query_wasm_smart(
            &config.registry,
            &RegistryQueryMsg::HasCapability {
                address: info.sender.to_string(),
                capability: Capability::AttestIdentity,
            },
        )?;
        if !standing.allowed {
            return Err(ContractError::CreatorNotAllowed {
                creator: info.sender.into_string(),
            });
        }
    }
    let label = match label {
        Some(label) => {
            text("label", &label, MAX_LABEL_BYTES)?;
            label
        }
        None => format!("fan account of {operator}"),
    };
    let msg = AccountInstantiateMsg {
        operator: operator.to_string(),
        ctc_token: config.ctc_token.to_string(),
        registry: config.registry.to_string(),
        factory: Some(env.contract.address.to_string()),
        recovery,
        bounds: Some(config.bounds),
    };
    let instantiate = WasmMsg::Instantiate {
        admin: Some(config.account_admin.to_string()),
        code_id: config.account_code_id,
        msg: to_json_binary(&msg)?,
        funds: vec![],
        label,
    };
    let creation = Creation {
        created_by: info.sender,
        operator,
        code_id: config.account_code_id,
    };
    let sub = SubMsg::reply_on_success(instantiate, ACCOUNT_CREATED)
        .with_payload(to_json_binary(&creation)?);
    Ok(Response::new()
        .add_attribute("action", "create_account")
        .add_attribute("operator", &creation.operator)
        .add_attribute("created_by", &creation.created_by)
        .add_attribute("code_id", creation.code_id.to_string())
        .add_submessage(sub))
}

/// Records the account the chain just instantiated, from the address in its
/// `MsgInstantiateContractResponse`, and indexes it under its operator.
pub fn account_created(deps: DepsMut, env: &Env, reply: Reply) -> Result<Response, ContractError> {
    let creation: Creation = from_json(&reply.payload)?;
    let answer = reply
        .result
        .into_result()
        .map_err(ParseReplyError::SubMsgFailure)?;
    let instantiated = answer
        .msg_responses
        .iter()
        .find(|response| response.type_url == INSTANTIATE_RESPONSE_TYPE)
        .ok_or_else(|| {
            ParseReplyError::ParseFailure(
                "expected a MsgInstantiateContractResponse for the account".to_owned(),
            )
        })?;
    let parsed = cw_utils::parse_instantiate_response_data(&instantiated.value)?;
    let account = address(deps.api, "account", &parsed.contract_address)?;
    let record = AccountRecord {
        operator: creation.operator,
        created_by: creation.created_by,
        created_at: env.block.time,
        code_id: creation.code_id,
    };
    ACCOUNTS.save(deps.storage, &account, &record)?;
    BY_OPERATOR.save(deps.storage, (&record.operator, &account), &())?;
    Ok(Response::new()
        .add_attribute("action", "account_created")
        .add_attribute("account", &account)
        .add_attribute("operator", &record.operator)
        .set_data(to_json_binary(&account)?))
}

/// From an account this factory created whose recorded operator is `old`: the record and the
/// index move to `new`.
pub fn operator_changed(
    deps: DepsMut,
    info: MessageInfo,
    old: String,
    new: String,
) -> Result<Response, ContractError> {
    let account = info.sender;
    let mut record =
        ACCOUNTS
            .may_load(deps.storage, &account)?
            .ok_or_else(|| ContractError::NotAnAccount {
                address: account.to_string(),
            })?;
    let old = address(deps.api, "old", &old)?;
    if old != record.operator {
        return Err(ContractError::OperatorMismatch {
            recorded: record.operator.into_string(),
            claimed: old.into_string(),
        });
    }
    let new = address(deps.api, "new", &new)?;
    BY_OPERATOR.remove(deps.storage, (&old, &account));
    BY_OPERATOR.save(deps.storage, (&new, &account), &())?;
    record.operator = new;
    ACCOUNTS.save(deps.storage, &account, &record)?;
    Ok(Response::new()
        .add_attribute("action", "operator_changed")
        .add_attribute("account", account)
        .add_attribute("old", old)
        .add_attribute("new", &record.operator))
}

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::validate::{address, optional_address};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::{delegates, operator, proxy, recovery};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, BOUNDS, CONFIG, RECOVERY};
use crate::validate;

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    ctc_conventions::nonpayable(&info)?;
    // Everything is validated before the first write, so a refused instantiate stores nothing.
    let operator = address(deps.api, "operator", &msg.operator)?;
    if operator == env.contract.address {
        return Err(ContractError::OperatorIsAccount);
    }
    let config = Config {
        operator,
        ctc_token: address(deps.api, "ctc_token", &msg.ctc_token)?,
        registry: address(deps.api, "registry", &msg.registry)?,
        factory: optional_address(deps.api, "factory", msg.factory.as_deref())?,
        pending_operator: None,
        last_recovery_at: None,
        cooldown_until: None,
    };
    // A factory the account names but that did not create it would refuse every notice, and so
    // every change of key.
    if config
        .factory
        .as_ref()
        .is_some_and(|factory| *factory != info.sender)
    {
        return Err(ContractError::FactoryNotSender);
    }
    let bounds = validate::bounds(msg.bounds);
    let set = validate::recovery_set(
        deps.as_ref(),
        &config.registry,
        &env.contract.address,
        &config.operator,
        &bounds,
        msg.recovery,
    )?;
    // The account has no owner beside its operator: cw2 alone, not ctc-conventions'
    // `instantiate`, which would record a cw-ownable owner with no power here.
    cw2::set_contract_version(deps.storage, CONTRACT.name, CONTRACT.version)?;
    CONFIG.save(deps.storage, &config)?;
    BOUNDS.save(deps.storage, &bounds)?;
    RECOVERY.save(deps.storage, &set)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("operator", config.operator))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // Coins sent with `Execute` join the account's balance, which its messages may spend; with
    // anything else they would be a member's or a stranger's mistake.
    if !matches!(msg, ExecuteMsg::Execute { .. }) {
        ctc_conventions::nonpayable(&info)?;
    }
    match msg {
        ExecuteMsg::Execute { msgs } => proxy::execute(deps, env, info, msgs),
        ExecuteMsg::Receive(_) => proxy::receive(info),
        ExecuteMsg::ReceiveNft(_) => proxy::receive_nft(info),
        ExecuteMsg::Grant {
            delegate,
            rights,
            expires_at,
        } => delegates::grant(deps, env, info, delegate, rights, expires_at),
        ExecuteMsg::Revoke { delegate } => delegates::revoke(deps, info, delegate),
        ExecuteMsg::Renounce {} => delegates::renounce(deps, info),
        ExecuteMsg::ProposeOperator { new_operator } => {
            operator::propose(deps, env, info, new_operator)
        }
        ExecuteMsg::AcceptOperator {} => operator::accept(deps, env, info),
        ExecuteMsg::CancelOperatorProposal {} => operator::cancel(deps, info),
        ExecuteMsg::UpdateRecovery { config } => recovery::update(deps, env, info, config),
        ExecuteMsg::ApplyRecoveryUpdate {} => recovery::apply_update(deps, env),
        ExecuteMsg::CancelRecoveryUpdate {} => recovery::cancel_update(deps, info),
        ExecuteMsg::ProposeRecovery {
            new_operator,
            evidence,
        } => recovery::propose(deps, env, info, new_operator, evidence),
        ExecuteMsg::ApproveRecovery { id } => recovery::approve(deps, env, info, id),
        ExecuteMsg::WithdrawRecovery { id } => recovery::withdraw(deps, env, info, id),
        ExecuteMsg::VetoRecovery { id, reason } => recovery::veto(deps, env, info, id, reason),
        ExecuteMsg::CompleteRecovery { id } => recovery::complete(deps, env, id),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let binary = match msg {
        QueryMsg::CanExecute { sender, msg } => {
            to_json_binary(&query::can_execute(deps, &env, sender, msg)?)
        }
        QueryMsg::CanPresent { key, right } => {
            to_json_binary(&query::can_present(deps, &env, key, right)?)
        }
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::RecoverySet {} => to_json_binary(&query::recovery_set(deps)?),
        QueryMsg::Proposal {} => to_json_binary(&query::proposal(deps, &env)?),
        QueryMsg::Recoveries { start_after, limit } => {
            to_json_binary(&query::recoveries(deps, start_after, limit)?)
        }
        QueryMsg::Delegate { address } => to_json_binary(&query::delegate(deps, &env, address)?),
        QueryMsg::Delegates {} => to_json_binary(&query::delegates(deps, &env)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // No stored data has changed shape yet; a data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

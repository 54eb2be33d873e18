//! Ownership and the recipients of funds.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, QuerierWrapper, Response, Storage};

use ctc_interfaces::registry::{RegistryQueryMsg, SupervisorResponse};

use crate::error::ConventionError;

/// The cw2 names of the platform's contracts. None of them can pass on CTC or coins sent to it
/// by a plain transfer, so none may be a treasury, a payout address or a recycle pool.
pub const PLATFORM_CONTRACT_NAMES: [&str; 11] = [
    "crates.io:ctc-token",
    "crates.io:partner-registry",
    "crates.io:ticket-nft",
    "crates.io:crowdfund",
    "crates.io:tipping",
    "crates.io:outcome-oracle",
    "crates.io:wager-pool",
    "crates.io:schedules",
    "crates.io:vouchers",
    "crates.io:randomness",
    "crates.io:account-factory",
];

#[derive(thiserror::Error, Debug, PartialEq)]
pub enum AdminError {
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    #[error("ownership cannot be renounced: this contract cannot work without an owner; transfer it instead")]
    RenounceRefused,

    #[error("{field} cannot be {address}: it is a platform contract ({name}) and could never pass on what it receives")]
    RecipientCannotSpend {
        field: &'static str,
        address: String,
        name: String,
    },
}

/// Applies a cw-ownable action (transfer, accept, renounce) sent by `info.sender`. Answers
/// `action=update_ownership` with the resulting `owner`, `pending_owner`, `pending_expiry`.
pub fn update_ownership(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, ConventionError> {
    // A renounced owner can never be replaced: fees, partners and limits would freeze for good.
    if action == cw_ownable::Action::RenounceOwnership {
        return Err(AdminError::RenounceRefused.into());
    }
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)
        .map_err(AdminError::Ownership)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

/// Whether `sender` may supervise: the platform owner, or whoever `registry` answers is its
/// authority or a regulator (one query, paid only by the rare supervisory message).
pub fn is_supervisor(
    storage: &dyn Storage,
    querier: &QuerierWrapper,
    registry: &Addr,
    sender: &Addr,
) -> Result<bool, ConventionError> {
    if cw_ownable::is_owner(storage, sender)? {
        return Ok(true);
    }
    let answer: SupervisorResponse = querier.query_wasm_smart(
        registry,
        &RegistryQueryMsg::Supervisor {
            address: sender.to_string(),
        },
    )?;
    Ok(answer.supervises())
}

/// Refuses `sender` unless it is the current owner.
pub fn ensure_owner(storage: &dyn Storage, sender: &Addr) -> Result<(), ConventionError> {
    Ok(cw_ownable::assert_owner(storage, sender)?)
}

/// Refuses `address` as a recipient of funds when it is the calling contract (`own_name`, its cw2
/// name) or another of the platform's contracts (the token included), which hold no key and have
/// no message to spend an unrequested transfer. Accounts, multisigs and other contracts pass. One
/// raw query, so only for configuration.
pub fn ensure_recipient_can_spend(
    querier: &QuerierWrapper,
    env: &Env,
    own_name: &str,
    field: &'static str,
    address: &Addr,
) -> Result<(), ConventionError> {
    // While instantiating, the caller's cw2 name is not stored yet: the query cannot see it.
    if *address == env.contract.address {
        return Err(AdminError::RecipientCannotSpend {
            field,
            address: address.to_string(),
            name: own_name.to_owned(),
        }
        .into());
    }
    // A plain account has no contract info: the query fails, and such an address is fine.
    let Ok(version) = cw2::query_contract_info(querier, address) else {
        return Ok(());
    };
    if PLATFORM_CONTRACT_NAMES.contains(&version.contract.as_str()) {
        return Err(AdminError::RecipientCannotSpend {
            field,
            address: address.to_string(),
            name: version.contract,
        }
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};

    #[test]
    fn ownership_moves_in_two_steps() {
        let mut deps = mock_dependencies();
        let (owner, next) = (deps.api.addr_make("owner"), deps.api.addr_make("next"));
        cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
        let env = mock_env();
        let transfer = cw_ownable::Action::TransferOwnership {
            new_owner: next.to_string(),
            expiry: None,
        };
        assert_eq!(
            update_ownership(
                deps.as_mut(),
                &env,
                &message_info(&next, &[]),
                transfer.clone()
            ),
            Err(AdminError::Ownership(cw_ownable::OwnershipError::NotOwner).into())
        );
        update_ownership(deps.as_mut(), &env, &message_info(&owner, &[]), transfer).unwrap();
        let accepted = update_ownership(
            deps.as_mut(),
            &env,
            &message_info(&next, &[]),
            cw_ownable::Action::AcceptOwnership,
        )
        .unwrap();
        assert_eq!(accepted.attributes[1].value, next.as_str());
    }

    #[test]
    fn renouncing_is_refused_and_the_owner_stays() {
        let mut deps = mock_dependencies();
        let owner = deps.api.addr_make("owner");
        cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
        let refused = update_ownership(
            deps.as_mut(),
            &mock_env(),
            &message_info(&owner, &[]),
            cw_ownable::Action::RenounceOwnership,
        );
        assert_eq!(refused, Err(AdminError::RenounceRefused.into()));
        assert!(cw_ownable::is_owner(&deps.storage, &owner).unwrap());
    }

    #[test]
    fn a_platform_contract_cannot_be_a_recipient_but_an_account_can() {
        use cosmwasm_std::{to_json_binary, ContractResult, SystemResult, WasmQuery};
        let mut deps = mock_dependencies();
        let (token, wallet) = (deps.api.addr_make("token"), deps.api.addr_make("wallet"));
        let token_for_query = token.clone();
        deps.querier.update_wasm(move |query| match query {
            WasmQuery::Raw { contract_addr, .. } if *contract_addr == token_for_query.as_str() => {
                SystemResult::Ok(ContractResult::Ok(
                    to_json_binary(&cw2::ContractVersion {
                        contract: "crates.io:ctc-token".to_owned(),
                        version: "0.1.0".to_owned(),
                    })
                    .unwrap(),
                ))
            }
            _ => SystemResult::Err(cosmwasm_std::SystemError::NoSuchContract {
                addr: "wallet".to_owned(),
            }),
        });
        let querier = QuerierWrapper::new(&deps.querier);
        let env = mock_env();
        assert_eq!(
            ensure_recipient_can_spend(&querier, &env, "crates.io:tipping", "treasury", &token),
            Err(AdminError::RecipientCannotSpend {
                field: "treasury",
                address: token.to_string(),
                name: "crates.io:ctc-token".to_owned(),
            }
            .into())
        );
        assert_eq!(
            ensure_recipient_can_spend(&querier, &env, "crates.io:tipping", "treasury", &wallet),
            Ok(())
        );
        let itself = env.contract.address.clone();
        assert_eq!(
            ensure_recipient_can_spend(&querier, &env, "crates.io:tipping", "treasury", &itself),
            Err(AdminError::RecipientCannotSpend {
                field: "treasury",
                address: itself.to_string(),
                name: "crates.io:tipping".to_owned(),
            }
            .into())
        );
    }
}

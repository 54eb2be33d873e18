//! What every TicketChain contract does the same way, so each does it in one line: the cw2
//! migration check and cw-ownable's two-step ownership, with the same attributes everywhere.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, StdResult, Storage};

/// Records `version` of `name` after checking that the stored contract is the same one and not
/// newer. Answers `action=migrate`, `from_version`, `to_version`.
pub fn migrate(storage: &mut dyn Storage, name: &str, version: &str) -> StdResult<Response> {
    let previous = cw2::ensure_from_older_version(storage, name, version)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", previous.to_string())
        .add_attribute("to_version", version))
}

/// Applies a cw-ownable action (transfer, accept, renounce) sent by `info.sender`. Answers
/// `action=update_ownership` with the resulting `owner`, `pending_owner`, `pending_expiry`.
pub fn update_ownership(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, cw_ownable::OwnershipError> {
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};

    #[test]
    fn migrate_moves_forward_within_one_contract_only() {
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, "crates.io:a", "0.1.0").unwrap();
        let response = migrate(&mut deps.storage, "crates.io:a", "0.2.0").unwrap();
        assert_eq!(response.attributes[1].value, "0.1.0");
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap().version,
            "0.2.0"
        );
        assert!(migrate(&mut deps.storage, "crates.io:a", "0.1.9").is_err());
        assert!(migrate(&mut deps.storage, "crates.io:b", "0.3.0").is_err());
    }

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
            Err(cw_ownable::OwnershipError::NotOwner)
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
}

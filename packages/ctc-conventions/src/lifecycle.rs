//! The instantiate and migrate steps every contract takes.

use cosmwasm_std::{DepsMut, MessageInfo, Response, Storage};
pub use semver::Version;

use crate::error::ConventionError;

/// A contract's cw2 identity: `crates.io:<package>` and its version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContractId {
    pub name: &'static str,
    pub version: &'static str,
}

/// The identity of the crate this is written in, from its Cargo package name and version.
#[macro_export]
macro_rules! contract_id {
    () => {
        $crate::ContractId {
            name: concat!("crates.io:", env!("CARGO_PKG_NAME")),
            version: env!("CARGO_PKG_VERSION"),
        }
    };
}

/// Refuses native coins sent with a message that has no use for them, so none get locked here.
pub fn nonpayable(info: &MessageInfo) -> Result<(), ConventionError> {
    Ok(cw_utils::nonpayable(info).map(|_| ())?)
}

/// Refuses funds, makes `owner` (the sender when absent) the cw-ownable owner and records the cw2
/// identity. Answers `action=instantiate` and the ownership; the contract adds its own attributes.
pub fn instantiate(
    deps: DepsMut,
    info: &MessageInfo,
    contract: ContractId,
    owner: Option<&str>,
) -> Result<Response, ConventionError> {
    nonpayable(info)?;
    let owner = owner.unwrap_or(info.sender.as_str());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner))?;
    cw2::set_contract_version(deps.storage, contract.name, contract.version)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes()))
}

/// Records `contract`'s version after checking that the stored contract is the same one and not
/// newer. Returns the answer (`action=migrate`, `from_version`, `to_version`) and the version
/// migrated from, for the data migrations that depend on it.
pub fn migrate(
    storage: &mut dyn Storage,
    contract: ContractId,
) -> Result<(Response, Version), ConventionError> {
    let previous = cw2::ensure_from_older_version(storage, contract.name, contract.version)
        .map_err(|err| ConventionError::CannotMigrate {
            reason: err.to_string(),
        })?;
    let response = Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", previous.to_string())
        .add_attribute("to_version", contract.version);
    Ok((response, previous))
}

/// `migrate`, refusing state written before `first_readable`, the first version whose storage
/// layout this code reads: such state is left as it is and the contract must be deployed afresh.
pub fn migrate_from_layout(
    storage: &mut dyn Storage,
    contract: ContractId,
    first_readable: &str,
) -> Result<(Response, Version), ConventionError> {
    let cannot = |reason: String| ConventionError::CannotMigrate { reason };
    let stored = cw2::get_contract_version(storage)?;
    if stored.contract == contract.name {
        let stored_version: Version = stored
            .version
            .parse()
            .map_err(|err| cannot(format!("stored version {}: {err}", stored.version)))?;
        let first: Version = first_readable
            .parse()
            .map_err(|err| cannot(format!("layout version {first_readable}: {err}")))?;
        if stored_version < first {
            return Err(cannot(format!(
                "{} {stored_version} keeps its state in a layout older than {first}, which this code \
                 cannot read; deploy it afresh",
                contract.name
            )));
        }
    }
    migrate(storage, contract)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::coins;
    use cosmwasm_std::testing::{message_info, mock_dependencies};

    const A: ContractId = ContractId {
        name: "crates.io:a",
        version: "0.2.0",
    };

    #[test]
    fn instantiate_refuses_funds_and_records_owner_and_version() {
        let mut deps = mock_dependencies();
        let (deployer, owner) = (deps.api.addr_make("deployer"), deps.api.addr_make("owner"));
        let paid = instantiate(
            deps.as_mut(),
            &message_info(&deployer, &coins(1, "ustake")),
            A,
            None,
        );
        assert_eq!(
            paid,
            Err(ConventionError::Payment(
                cw_utils::PaymentError::NonPayable {}
            ))
        );
        instantiate(
            deps.as_mut(),
            &message_info(&deployer, &[]),
            A,
            Some(owner.as_str()),
        )
        .unwrap();
        assert!(cw_ownable::is_owner(&deps.storage, &owner).unwrap());
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap(),
            cw2::ContractVersion {
                contract: A.name.into(),
                version: A.version.into()
            }
        );
    }

    #[test]
    fn migrate_moves_forward_within_one_contract_and_returns_the_old_version() {
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, "crates.io:a", "0.1.0").unwrap();
        let (response, from) = migrate(&mut deps.storage, A).unwrap();
        assert_eq!(from, Version::new(0, 1, 0));
        assert_eq!(response.attributes[1].value, "0.1.0");
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap().version,
            "0.2.0"
        );
        let older = ContractId {
            version: "0.1.9",
            ..A
        };
        assert!(matches!(
            migrate(&mut deps.storage, older),
            Err(ConventionError::CannotMigrate { .. })
        ));
        let other = ContractId {
            name: "crates.io:b",
            version: "0.3.0",
        };
        assert!(matches!(
            migrate(&mut deps.storage, other),
            Err(ConventionError::CannotMigrate { .. })
        ));
    }

    #[test]
    fn state_older_than_the_layout_is_refused_and_left_as_it_was() {
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, "crates.io:a", "0.1.9").unwrap();
        let refused = migrate_from_layout(&mut deps.storage, A, "0.2.0").unwrap_err();
        assert!(
            matches!(&refused, ConventionError::CannotMigrate { reason } if reason.contains("afresh")),
            "{refused}"
        );
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap().version,
            "0.1.9"
        );
        cw2::set_contract_version(&mut deps.storage, "crates.io:a", "0.2.0").unwrap();
        let (_, from) = migrate_from_layout(&mut deps.storage, A, "0.2.0").unwrap();
        assert_eq!(from, Version::new(0, 2, 0));
    }
}

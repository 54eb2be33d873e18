use cosmwasm_std::testing::mock_env;
use ctc_conventions::ConventionError;

use crate::contract::{migrate, CONTRACT};
use crate::msg::MigrateMsg;

use super::*;

#[test]
fn migrates_from_an_older_version_and_records_the_new_one() {
    let (mut token, _) = setup();
    cw2::set_contract_version(&mut token.deps.storage, CONTRACT.name, "0.0.1").unwrap();
    let response = migrate(token.deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert_eq!(response.attributes[1].value, "0.0.1");
    let version = cw2::get_contract_version(&token.deps.storage).unwrap();
    assert_eq!(version.version, CONTRACT.version);
}

#[test]
fn refuses_another_contract_or_a_newer_version() {
    let (mut token, _) = setup();
    cw2::set_contract_version(&mut token.deps.storage, "crates.io:cw20-base", "0.0.1").unwrap();
    let err = migrate(token.deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert!(
        matches!(
            err,
            ContractError::Convention(ConventionError::CannotMigrate { .. })
        ),
        "{err}"
    );

    cw2::set_contract_version(&mut token.deps.storage, CONTRACT.name, "99.0.0").unwrap();
    let err = migrate(token.deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");
}

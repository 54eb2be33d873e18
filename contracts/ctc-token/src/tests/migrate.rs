use cosmwasm_std::testing::mock_env;

use crate::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use crate::msg::MigrateMsg;

use super::*;

#[test]
fn migrates_from_an_older_version_and_records_the_new_one() {
    let (mut deps, _) = setup();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    let response = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert_eq!(response.attributes[1].value, "0.0.1");
    let version = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(version.version, CONTRACT_VERSION);
}

#[test]
fn refuses_another_contract_or_a_newer_version() {
    let (mut deps, _) = setup();
    cw2::set_contract_version(&mut deps.storage, "crates.io:cw20-base", "0.0.1").unwrap();
    let err = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert!(matches!(err, ContractError::CannotMigrate { .. }), "{err}");

    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let err = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");
}

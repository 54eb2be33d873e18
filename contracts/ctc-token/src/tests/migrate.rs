use ctc_conventions::ConventionError;

use crate::contract::{migrate, CONTRACT};
use crate::msg::MigrateMsg;

use super::*;

#[test]
fn migrates_from_an_older_version_and_records_the_new_one() {
    let (mut token, _) = setup();
    let response = token
        .migrate_from(migrate, CONTRACT.name, "0.0.1", MigrateMsg {})
        .unwrap();
    assert_eq!(response.attributes[1].value, "0.0.1");
    assert_eq!(token.contract_version().version, CONTRACT.version);
}

#[test]
fn refuses_another_contract_or_a_newer_version() {
    let (mut token, _) = setup();
    let err = token
        .migrate_from(migrate, "crates.io:cw20-base", "0.0.1", MigrateMsg {})
        .unwrap_err();
    assert!(
        matches!(
            err,
            ContractError::Convention(ConventionError::CannotMigrate { .. })
        ),
        "{err}"
    );

    let err = token
        .migrate_from(migrate, CONTRACT.name, "99.0.0", MigrateMsg {})
        .unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");
}

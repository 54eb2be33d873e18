use cosmwasm_std::coins;
use ctc_conventions::{AdminError, ConventionError};
use cw_ownable::{Action, Ownership};

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::MigrateMsg;

#[test]
fn authority_moves_in_two_steps_and_the_old_one_loses_its_powers() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let dao = chain.addr("dao");
    let transfer = ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: dao.to_string(),
        expiry: None,
    });
    let stranger = chain.accounts.stranger.clone();
    assert!(matches!(
        chain.refused(&stranger, transfer.clone()),
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(
            cw_ownable::OwnershipError::NotOwner
        )))
    ));
    // Finding 12: a renounced authority would freeze admission and supervision for good.
    assert_eq!(
        chain.refused(
            &authority,
            ExecuteMsg::UpdateOwnership(Action::RenounceOwnership)
        ),
        ContractError::Convention(ConventionError::Admin(AdminError::RenounceRefused))
    );
    chain.execute(&authority, transfer).unwrap();
    chain
        .execute(&dao, ExecuteMsg::UpdateOwnership(Action::AcceptOwnership))
        .unwrap();
    let ownership: Ownership<Addr> = chain.ask(QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(dao.clone()));
    let troupe = chain.addr("troupe");
    assert_eq!(
        chain.refused(&authority, admit_msg(&troupe, PartnerKind::Troupe, vec![])),
        ContractError::NotAuthority
    );
    chain
        .execute(&dao, admit_msg(&troupe, PartnerKind::Troupe, vec![]))
        .unwrap();
}

#[test]
fn refuses_native_funds() {
    let mut chain = Chain::new();
    let authority = chain.accounts.authority.clone();
    let err = chain
        .execute_with(
            &authority,
            &coins(1, "ustake"),
            ExecuteMsg::SetOpenAnchoring { open: true },
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
}

#[test]
fn migrates_forward_only_and_only_from_itself() {
    let mut chain = Chain::new();
    cw2::set_contract_version(&mut chain.deps.storage, CONTRACT.name, "0.0.1").unwrap();
    migrate(
        chain.unit.deps.as_mut(),
        chain.unit.env.clone(),
        MigrateMsg {},
    )
    .unwrap();
    let version = cw2::get_contract_version(&chain.deps.storage).unwrap();
    assert_eq!(version.version, CONTRACT.version);

    cw2::set_contract_version(&mut chain.deps.storage, CONTRACT.name, "9.0.0").unwrap();
    let err = migrate(
        chain.unit.deps.as_mut(),
        chain.unit.env.clone(),
        MigrateMsg {},
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
    cw2::set_contract_version(&mut chain.deps.storage, "crates.io:ctc-token", "0.0.1").unwrap();
    let err = migrate(
        chain.unit.deps.as_mut(),
        chain.unit.env.clone(),
        MigrateMsg {},
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
}

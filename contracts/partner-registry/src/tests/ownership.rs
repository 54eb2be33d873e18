use cosmwasm_std::coins;
use ctc_conventions::{AdminError, ConventionError};
use cw_ownable::Action;

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
        chain.refused(&stranger, transfer),
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
    // While the hand-over is pending the authority still owns; the stranger cannot accept it.
    let refused = chain.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &authority,
        &dao,
        &stranger,
    );
    assert_eq!(
        refused,
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(
            cw_ownable::OwnershipError::NotPendingOwner
        )))
    );
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
    let err = chain.refused_with(
        &authority,
        &coins(1, "ustake"),
        ExecuteMsg::SetOpenAnchoring { open: true },
    );
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
    chain
        .migrate_from(migrate, CONTRACT.name, "0.0.1", MigrateMsg {})
        .unwrap();
    assert_eq!(chain.contract_version().version, CONTRACT.version);

    for (name, version) in [(CONTRACT.name, "9.0.0"), ("crates.io:ctc-token", "0.0.1")] {
        let err = chain
            .migrate_from(migrate, name, version, MigrateMsg {})
            .unwrap_err();
        assert!(
            matches!(
                err,
                ContractError::Convention(ConventionError::CannotMigrate { .. })
            ),
            "{name} {version}: {err}"
        );
    }
}

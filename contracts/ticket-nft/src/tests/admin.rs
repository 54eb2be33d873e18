use cosmwasm_std::coins;
use cosmwasm_std::testing::{mock_dependencies, mock_env};

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::MigrateMsg;

#[test]
fn instantiate_refuses_fees_over_the_whole_and_bad_addresses() {
    let mut deps = mock_dependencies();
    let chain = Chain::bare();
    let mut msg = instantiate_msg(&chain.accounts);
    msg.platform_fee = BasisPoints::new(9_500).unwrap();
    msg.burn_share = BasisPoints::new(501).unwrap();
    let info = message_info(&chain.accounts.owner, &[]);
    let err = instantiate(deps.as_mut(), mock_env(), info.clone(), msg).unwrap_err();
    assert!(matches!(err, ContractError::BasisPoints(_)));
    let mut msg = instantiate_msg(&chain.accounts);
    msg.token = "CTC".into();
    let err = instantiate(deps.as_mut(), mock_env(), info, msg).unwrap_err();
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    assert!(snapshot(&deps.storage).is_empty());
}

#[test]
fn only_the_owner_changes_the_config() {
    let mut chain = Chain::bare();
    let fan = chain.accounts.fans[0].clone();
    let owner = chain.accounts.owner.clone();
    let update = |fee: u16| ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: Some(BasisPoints::new(fee).unwrap()),
        burn_share: None,
        settlement_delay_seconds: Some(3_600),
        randomness: None,
    };
    assert_eq!(
        chain.refused(&fan, update(100)),
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(
            cw_ownable::OwnershipError::NotOwner
        )))
    );
    assert!(matches!(
        chain.refused(&owner, update(9_001)),
        ContractError::BasisPoints(_)
    ));
    chain.execute(&owner, update(100)).unwrap();
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.platform_fee.get(), 100);
    assert_eq!(config.settlement_delay_seconds, 3_600);
}

/// Finding 4: fees sent to the token or to this contract could never be spent.
#[test]
fn the_treasury_is_an_address_that_can_spend() {
    let mut chain = Chain::bare();
    let owner = chain.accounts.owner.clone();
    let to = |treasury: &Addr| ExecuteMsg::UpdateConfig {
        treasury: Some(treasury.to_string()),
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: None,
        randomness: None,
    };
    let token = chain.accounts.token.clone();
    assert_eq!(
        chain.refused(&owner, to(&token)),
        ContractError::Convention(ConventionError::Admin(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: token.to_string(),
            name: "crates.io:ctc-token".into(),
        }))
    );
    let itself = chain.env.contract.address.clone();
    assert_eq!(
        chain.refused(&owner, to(&itself)),
        ContractError::Convention(ConventionError::Admin(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: itself.to_string(),
            name: "crates.io:ticket-nft".into(),
        }))
    );
    let multisig = chain.deps.api.addr_make("committee");
    chain.execute(&owner, to(&multisig)).unwrap();
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.treasury, multisig);
}

#[test]
fn ownership_cannot_be_renounced() {
    let mut chain = Chain::bare();
    let owner = chain.accounts.owner.clone();
    assert_eq!(
        chain.refused(
            &owner,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership)
        ),
        ContractError::Convention(ConventionError::Admin(AdminError::RenounceRefused))
    );
}

#[test]
fn burning_and_native_funds_are_refused() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let fan = chain.accounts.fans[0].clone();
    assert_eq!(
        chain.refused(
            &fan,
            ExecuteMsg::Burn {
                token_id: "1-0".into()
            }
        ),
        ContractError::BurnNotSupported
    );
    let err = chain.refused_with(
        &fan,
        &coins(1, "ustake"),
        ExecuteMsg::Settle { event_id: 1 },
    );
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
}

#[test]
fn migrates_forward_only() {
    let mut chain = Chain::bare();
    // 0.1.x kept tickets in another layout: migrating it would strand them.
    let old_layout = chain.migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {});
    assert!(matches!(
        old_layout.unwrap_err(),
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
    chain
        .migrate_from(migrate, CONTRACT.name, "0.2.0", MigrateMsg {})
        .unwrap();
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    let cw721 = chain.migrate_from(migrate, "crates.io:cw721-base", "0.0.1", MigrateMsg {});
    assert!(matches!(
        cw721.unwrap_err(),
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
}

#[test]
fn the_settlement_delay_is_bounded() {
    let mut deps = mock_dependencies();
    let chain = Chain::bare();
    let mut msg = instantiate_msg(&chain.accounts);
    msg.settlement_delay_seconds = 90 * DAY + 1;
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&chain.accounts.owner, &[]),
        msg,
    )
    .unwrap_err();
    assert_eq!(err, ContractError::SettlementDelayTooLong { max: 90 * DAY });
    let mut chain = chain;
    let owner = chain.accounts.owner.clone();
    let update = ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: Some(u64::MAX),
        randomness: None,
    };
    assert!(matches!(
        chain.refused(&owner, update),
        ContractError::SettlementDelayTooLong { .. }
    ));
}

//! Instantiation, the registry's mirror, ownership and migration.

use ctc_conventions::AdminError;
use ctc_interfaces::BasisPointsError;

use crate::contract::migrate;
use crate::msg::MigrateMsg;
use crate::state::Config;

use super::*;

#[test]
fn instantiate_checks_everything_before_writing() {
    let chain = Chain::new();
    let config: Config = chain.ask(QueryMsg::Config {});
    assert_eq!(
        config.min_holder_identity,
        IdentityLevel::RealName,
        "the default"
    );
    assert_eq!(config.token, chain.accounts.token);
    assert_eq!(chain.contract_version().contract, "crates.io:vouchers");

    let mut fresh = Vouchers::new(execute);
    let deployer = fresh.addr("deployer");
    let ctc = fresh.addr("ctc");
    Neighbours::new()
        .contract(&ctc, "crates.io:ctc-token")
        .install(&mut fresh.deps);
    let accounts = &chain.accounts;
    let too_much = InstantiateMsg {
        platform_fee: BasisPoints::new(9_000).unwrap(),
        burn_share: BasisPoints::new(2_000).unwrap(),
        ..instantiate_msg(accounts)
    };
    assert_eq!(
        fresh
            .instantiate(instantiate, &deployer, too_much)
            .unwrap_err(),
        ContractError::BasisPoints(BasisPointsError::SharesExceedWhole { total: 11_000 })
    );
    let token_as_treasury = InstantiateMsg {
        treasury: ctc.to_string(),
        ..instantiate_msg(accounts)
    };
    assert_eq!(
        fresh
            .instantiate(instantiate, &deployer, token_as_treasury)
            .unwrap_err(),
        convention(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: ctc.to_string(),
            name: "crates.io:ctc-token".into()
        })
    );
    let bad_token = InstantiateMsg {
        token: "not-an-address".into(),
        ..instantiate_msg(accounts)
    };
    assert!(matches!(
        fresh
            .instantiate(instantiate, &deployer, bad_token)
            .unwrap_err(),
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    let no_name = InstantiateMsg {
        name: String::new(),
        ..instantiate_msg(accounts)
    };
    assert!(fresh.instantiate(instantiate, &deployer, no_name).is_err());
    let phone = InstantiateMsg {
        min_holder_identity: Some(IdentityLevel::Phone),
        ..instantiate_msg(accounts)
    };
    fresh.instantiate(instantiate, &deployer, phone).unwrap();
}

#[test]
fn only_the_registry_updates_the_mirror() {
    let mut chain = Chain::new();
    let (cafe, fan) = (chain.accounts.cafe.clone(), chain.accounts.fan.clone());
    let update = partner_update(&cafe, Standing::Revoked, &[]);
    for who in [&cafe, &fan] {
        assert_eq!(
            chain.refused(who, ExecuteMsg::RegistryUpdate(update.clone())),
            convention(ConventionError::NotRegistry)
        );
    }
}

#[test]
fn ownership_moves_in_two_steps_and_cannot_be_renounced() {
    let mut chain = Chain::new();
    let (owner, regulator, stranger) = (
        chain.accounts.owner.clone(),
        chain.accounts.regulator.clone(),
        chain.accounts.stranger.clone(),
    );
    let refusal = chain.unit.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &owner,
        &regulator,
        &stranger,
    );
    assert!(matches!(
        refusal,
        ContractError::Convention(ConventionError::Admin(_))
    ));
    assert_eq!(
        chain.refused(
            &regulator,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
}

#[test]
fn migration_moves_forward_from_this_contract_only() {
    let mut chain = Chain::new();
    chain
        .unit
        .migrate_from(migrate, "crates.io:vouchers", "0.1.0", MigrateMsg {})
        .unwrap();
    assert!(chain
        .unit
        .migrate_from(migrate, "crates.io:ticket-nft", "0.1.0", MigrateMsg {})
        .is_err());
    assert!(chain
        .unit
        .migrate_from(migrate, "crates.io:vouchers", "9.0.0", MigrateMsg {})
        .is_err());
}

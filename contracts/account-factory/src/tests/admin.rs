//! Instantiation, the owner's configuration, ownership and migration.

use cosmwasm_std::coins;
use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::execute::MAX_RECOVERY_SECONDS;
use crate::msg::{ConfigResponse, MigrateMsg, RecoveryBounds};

fn refused_instantiate(adjust: impl FnOnce(&mut InstantiateMsg, &Factory)) -> ContractError {
    let mut unit = Factory::new(execute);
    let mut msg = instantiate_msg(&unit);
    adjust(&mut msg, &unit);
    let owner = unit.addr("owner");
    let refused = unit.instantiate(instantiate, &owner, msg).unwrap_err();
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
    refused
}

pub const BOUNDS: RecoveryBounds = RecoveryBounds {
    min_delay_seconds: MIN_DELAY,
    max_delay_seconds: MAX_DELAY,
    min_period_seconds: MIN_PERIOD,
    max_period_seconds: MAX_PERIOD,
};

#[test]
fn instantiate_stores_the_configuration() {
    let chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(
        config,
        ConfigResponse {
            account_code_id: CODE_ID,
            ctc_token: chain.token.clone(),
            registry: chain.registry.clone(),
            account_admin: chain.committee.clone(),
            bounds: BOUNDS,
        }
    );
    assert_eq!(
        chain.contract_version().contract,
        "crates.io:account-factory"
    );
    assert!(cw_ownable::is_owner(&chain.deps.storage, &chain.owner).unwrap());
}

#[test]
fn instantiate_makes_the_given_owner_owner() {
    let mut unit = Factory::new(execute);
    let (deployer, committee) = (unit.addr("deployer"), unit.addr("committee"));
    let mut msg = instantiate_msg(&unit);
    msg.owner = Some(committee.to_string());
    unit.instantiate(instantiate, &deployer, msg).unwrap();
    assert!(cw_ownable::is_owner(&unit.deps.storage, &committee).unwrap());
}

#[test]
fn instantiate_refuses_a_bad_configuration_and_stores_nothing() {
    let delay = |min, max| ContractError::InvalidDelayBounds {
        min,
        max,
        cap: MAX_RECOVERY_SECONDS,
    };
    let period = |min, max| ContractError::InvalidPeriodBounds {
        min,
        max,
        cap: MAX_RECOVERY_SECONDS,
    };
    assert_eq!(
        refused_instantiate(|msg, _| msg.min_delay_seconds = 0),
        delay(0, MAX_DELAY)
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.min_delay_seconds = MAX_DELAY + 1),
        delay(MAX_DELAY + 1, MAX_DELAY)
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.max_delay_seconds = MAX_RECOVERY_SECONDS + 1),
        delay(MIN_DELAY, MAX_RECOVERY_SECONDS + 1)
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.min_period_seconds = 0),
        period(0, MAX_PERIOD)
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.min_period_seconds = MAX_PERIOD + 1),
        period(MAX_PERIOD + 1, MAX_PERIOD)
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.max_period_seconds = MAX_RECOVERY_SECONDS + 1),
        period(MIN_PERIOD, MAX_RECOVERY_SECONDS + 1)
    );
    // Every period allowed would be shorter than every delay allowed.
    assert_eq!(
        refused_instantiate(|msg, _| {
            msg.min_period_seconds = 60;
            msg.max_period_seconds = MIN_DELAY - 1;
        }),
        ContractError::UnsatisfiableBounds {
            max_period: MIN_DELAY - 1,
            min_delay: MIN_DELAY
        }
    );
    assert_eq!(
        refused_instantiate(|msg, _| msg.account_code_id = 0),
        ContractError::ZeroCodeId
    );
    // The factory must have no power over the accounts.
    assert_eq!(
        refused_instantiate(|msg, unit| msg.account_admin = unit.env.contract.address.to_string()),
        ContractError::FactoryAsAdmin
    );
    for field in ["ctc_token", "registry", "account_admin", "owner"] {
        let refused = refused_instantiate(|msg, _| {
            let bad = "not-an-address".to_owned();
            match field {
                "ctc_token" => msg.ctc_token = bad,
                "registry" => msg.registry = bad,
                "account_admin" => msg.account_admin = bad,
                _ => msg.owner = Some(bad),
            }
        });
        assert!(
            matches!(
                &refused,
                ContractError::Convention(ConventionError::InvalidAddress { field: f, .. }) if *f == field
            ),
            "{field}: {refused}"
        );
    }
}

#[test]
fn instantiate_accepts_equal_bounds() {
    let mut unit = Factory::new(execute);
    let owner = unit.addr("owner");
    let mut msg = instantiate_msg(&unit);
    (msg.min_delay_seconds, msg.max_delay_seconds) = (60, 60);
    (msg.min_period_seconds, msg.max_period_seconds) = (60, 60);
    unit.instantiate(instantiate, &owner, msg).unwrap();
}

#[test]
fn instantiate_refuses_funds() {
    let mut unit = Factory::new(execute);
    let owner = unit.addr("owner");
    let msg = instantiate_msg(&unit);
    let before = ctc_testkit::snapshot(&unit.deps.storage);
    let refused = instantiate(
        unit.deps.as_mut(),
        unit.env.clone(),
        cosmwasm_std::testing::message_info(&owner, &coins(1, "ustake")),
        msg,
    )
    .unwrap_err();
    assert_eq!(refused, convention(cw_utils::PaymentError::NonPayable {}));
    assert_eq!(ctc_testkit::snapshot(&unit.deps.storage), before);
}

fn update(
    account_code_id: Option<u64>,
    account_admin: Option<&Addr>,
    bounds: Option<RecoveryBounds>,
) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        account_code_id,
        account_admin: account_admin.map(Addr::to_string),
        bounds,
    }
}

#[test]
fn the_owner_alone_updates_the_configuration_within_its_bounds() {
    let mut chain = Chain::new();
    let (owner, stranger, fan) = (
        chain.owner.clone(),
        chain.stranger.clone(),
        chain.fan.clone(),
    );
    // Neither a stranger nor an account may change anything.
    assert_eq!(
        chain.refused(&stranger, update(Some(8), None, None)),
        convention(OwnershipError::NotOwner)
    );
    let account = chain.created(&fan, &fan);
    assert_eq!(
        chain.refused(&account, update(Some(8), None, None)),
        convention(OwnershipError::NotOwner)
    );
    // Nothing given: nothing changes.
    chain.execute(&owner, update(None, None, None)).unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!((config.account_code_id, config.bounds), (CODE_ID, BOUNDS));

    let new_admin = chain.addr("new-committee");
    let bounds = RecoveryBounds {
        min_delay_seconds: 60,
        max_delay_seconds: 120,
        min_period_seconds: 120,
        max_period_seconds: 600,
    };
    chain
        .execute(&owner, update(Some(8), Some(&new_admin), Some(bounds)))
        .unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(
        (config.account_code_id, &config.account_admin, config.bounds),
        (8, &new_admin, bounds)
    );
    // Each as at instantiation.
    let itself = chain.env.contract.address.clone();
    let refusals = [
        (update(Some(0), None, None), ContractError::ZeroCodeId),
        (
            update(None, Some(&itself), None),
            ContractError::FactoryAsAdmin,
        ),
        (
            update(
                None,
                None,
                Some(RecoveryBounds {
                    min_delay_seconds: 121,
                    ..bounds
                }),
            ),
            ContractError::InvalidDelayBounds {
                min: 121,
                max: 120,
                cap: MAX_RECOVERY_SECONDS,
            },
        ),
        (
            update(
                None,
                None,
                Some(RecoveryBounds {
                    min_period_seconds: 0,
                    ..bounds
                }),
            ),
            ContractError::InvalidPeriodBounds {
                min: 0,
                max: 600,
                cap: MAX_RECOVERY_SECONDS,
            },
        ),
        (
            update(
                None,
                None,
                Some(RecoveryBounds {
                    min_period_seconds: 30,
                    max_period_seconds: 59,
                    ..bounds
                }),
            ),
            ContractError::UnsatisfiableBounds {
                max_period: 59,
                min_delay: 60,
            },
        ),
    ];
    for (msg, expected) in refusals {
        assert_eq!(chain.refused(&owner, msg), expected);
    }
    let refused = chain.refused(
        &owner,
        ExecuteMsg::UpdateConfig {
            account_code_id: None,
            account_admin: Some("not-an-address".into()),
            bounds: None,
        },
    );
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "account_admin",
                ..
            })
        ),
        "{refused}"
    );
}

/// An account keeps the code it was created from; the new code and admin apply to the next.
#[test]
fn a_new_configuration_applies_to_accounts_created_afterwards() {
    let mut chain = Chain::new();
    let (owner, fan) = (chain.owner.clone(), chain.fan.clone());
    let first = chain.created(&fan, &fan);
    let new_admin = chain.addr("new-committee");
    chain
        .execute(&owner, update(Some(9), Some(&new_admin), None))
        .unwrap();
    let response = chain.create(&fan, &fan).unwrap();
    let CosmosMsg::Wasm(WasmMsg::Instantiate { admin, code_id, .. }) = &response.messages[0].msg
    else {
        panic!("an account instantiate")
    };
    assert_eq!((admin.as_deref(), *code_id), (Some(new_admin.as_str()), 9));
    let second = chain.next_account();
    chain.deliver(instantiated(&response, &second)).unwrap();
    assert_eq!(chain.account(&first).unwrap().code_id, CODE_ID);
    assert_eq!(chain.account(&second).unwrap().code_id, 9);
}

#[test]
fn ownership_moves_in_two_steps_and_cannot_be_renounced() {
    let mut chain = Chain::new();
    let (owner, next, stranger) = (
        chain.owner.clone(),
        chain.committee.clone(),
        chain.stranger.clone(),
    );
    let refused = chain.unit.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &owner,
        &next,
        &stranger,
    );
    assert_eq!(
        refused,
        convention(AdminError::Ownership(OwnershipError::NotPendingOwner))
    );
    assert_eq!(
        chain.refused(&owner, update(None, None, None)),
        convention(OwnershipError::NotOwner)
    );
    chain.execute(&next, update(None, None, None)).unwrap();
    assert_eq!(
        chain.refused(
            &next,
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
}

#[test]
fn migrate_moves_forward_within_this_contract_only() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    let account = chain.created(&fan, &fan);
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    assert_eq!(chain.account(&account).unwrap().operator, fan);
    for (name, version) in [
        (CONTRACT.name, "99.0.0"),
        ("crates.io:fan-account", "0.1.0"),
    ] {
        let refused = chain
            .migrate_from(migrate, name, version, MigrateMsg {})
            .unwrap_err();
        assert!(
            matches!(
                refused,
                ContractError::Convention(ConventionError::CannotMigrate { .. })
            ),
            "{refused}"
        );
    }
}

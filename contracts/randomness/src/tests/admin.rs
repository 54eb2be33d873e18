//! Instantiation, the owner's configuration, ownership and migration.

use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::execute::{MAX_COMMITS_CAP, MAX_WINDOW_SECONDS};
use crate::msg::{ConfigResponse, MigrateMsg};

fn refused_instantiate(adjust: impl FnOnce(&mut InstantiateMsg, &Randomness)) -> ContractError {
    let mut unit = Randomness::new(execute);
    let answers: Partners = Rc::default();
    neighbours(&unit.addr("ctc"), &unit.addr("registry"), answers).install(&mut unit.deps);
    let mut msg = instantiate_msg(&unit);
    adjust(&mut msg, &unit);
    let owner = unit.addr("owner");
    let refused = unit.instantiate(instantiate, &owner, msg).unwrap_err();
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
    refused
}

#[test]
fn instantiate_stores_the_configuration() {
    let chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(
        config,
        ConfigResponse {
            token: chain.token.clone(),
            registry: chain.registry.clone(),
            treasury: chain.treasury.clone(),
            provider_bond: Uint128::new(BOND),
            commit_seconds: COMMIT_SECONDS,
            reveal_seconds: REVEAL_SECONDS,
            min_commits: MIN_COMMITS,
            max_commits: MAX_COMMITS,
        }
    );
    assert_eq!(chain.contract_version().contract, "crates.io:randomness");
}

#[test]
fn instantiate_refuses_a_bad_configuration_and_stores_nothing() {
    assert_eq!(
        refused_instantiate(|msg, _| msg.provider_bond = Uint128::zero()),
        ContractError::ZeroBond
    );
    for seconds in [0, MAX_WINDOW_SECONDS + 1] {
        assert_eq!(
            refused_instantiate(|msg, _| msg.commit_seconds = seconds),
            ContractError::InvalidWindow {
                field: "commit_seconds",
                max: MAX_WINDOW_SECONDS
            }
        );
        assert_eq!(
            refused_instantiate(|msg, _| msg.reveal_seconds = seconds),
            ContractError::InvalidWindow {
                field: "reveal_seconds",
                max: MAX_WINDOW_SECONDS
            }
        );
    }
    // A lone committer could choose its secret, and so the seed, offline: at least 2.
    for (min_commits, max_commits) in [(0, 3), (1, 3), (4, 3), (2, MAX_COMMITS_CAP + 1)] {
        assert_eq!(
            refused_instantiate(|msg, _| {
                msg.min_commits = min_commits;
                msg.max_commits = max_commits;
            }),
            ContractError::InvalidCommitBounds {
                min_commits,
                max_commits,
                floor: 2,
                cap: MAX_COMMITS_CAP
            }
        );
    }
    // Forfeits sent to the token itself would be stuck there.
    let refused = refused_instantiate(|msg, unit| msg.treasury = unit.addr("ctc").to_string());
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::Admin(AdminError::RecipientCannotSpend {
                field: "treasury",
                ..
            }))
        ),
        "{refused}"
    );
    let refused = refused_instantiate(|msg, _| msg.registry = "not-an-address".into());
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "registry",
                ..
            })
        ),
        "{refused}"
    );
}

/// The fields of `update_config`, none set unless `set` sets them.
#[derive(Default)]
struct Update {
    registry: Option<String>,
    treasury: Option<String>,
    provider_bond: Option<Uint128>,
    commit_seconds: Option<u64>,
    reveal_seconds: Option<u64>,
    min_commits: Option<u32>,
    max_commits: Option<u32>,
}

fn update(set: impl FnOnce(&mut Update)) -> ExecuteMsg {
    let mut fields = Update::default();
    set(&mut fields);
    ExecuteMsg::UpdateConfig {
        registry: fields.registry,
        treasury: fields.treasury,
        provider_bond: fields.provider_bond,
        commit_seconds: fields.commit_seconds,
        reveal_seconds: fields.reveal_seconds,
        min_commits: fields.min_commits,
        max_commits: fields.max_commits,
    }
}

#[test]
fn the_owner_alone_updates_the_configuration_within_its_bounds() {
    let mut chain = Chain::new();
    let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
    assert_eq!(
        chain.refused(&stranger, update(|_| {})),
        convention(OwnershipError::NotOwner)
    );
    let new_treasury = chain.addr("new-treasury");
    let changes = update(|u| {
        u.treasury = Some(new_treasury.to_string());
        u.provider_bond = Some(Uint128::new(2 * BOND));
        u.commit_seconds = Some(60);
        u.reveal_seconds = Some(120);
        u.min_commits = Some(2);
        u.max_commits = Some(8);
    });
    chain.execute(&owner, changes).unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.treasury, new_treasury);
    assert_eq!(config.provider_bond, Uint128::new(2 * BOND));
    assert_eq!((config.commit_seconds, config.reveal_seconds), (60, 120));
    assert_eq!((config.min_commits, config.max_commits), (2, 8));
    // Each bound as at instantiation, the pair checked together.
    let refusals = [
        (
            update(|u| u.provider_bond = Some(Uint128::zero())),
            ContractError::ZeroBond,
        ),
        (
            update(|u| u.reveal_seconds = Some(0)),
            ContractError::InvalidWindow {
                field: "reveal_seconds",
                max: MAX_WINDOW_SECONDS,
            },
        ),
        (
            update(|u| u.min_commits = Some(9)),
            ContractError::InvalidCommitBounds {
                min_commits: 9,
                max_commits: 8,
                floor: 2,
                cap: MAX_COMMITS_CAP,
            },
        ),
        (
            update(|u| u.min_commits = Some(1)),
            ContractError::InvalidCommitBounds {
                min_commits: 1,
                max_commits: 8,
                floor: 2,
                cap: MAX_COMMITS_CAP,
            },
        ),
    ];
    for (msg, expected) in refusals {
        assert_eq!(chain.refused(&owner, msg), expected);
    }
    let token = chain.token.to_string();
    let refused = chain.refused(&owner, update(|u| u.treasury = Some(token)));
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::Admin(
                AdminError::RecipientCannotSpend { .. }
            ))
        ),
        "{refused}"
    );
    // The new bond is what joining takes now.
    let p0 = chain.p(0);
    assert_eq!(
        chain.join(&p0).unwrap_err(),
        ContractError::BondTooLow {
            minimum: Uint128::new(2 * BOND),
            sent: Uint128::new(BOND)
        }
    );
    chain.join_with(&p0, 2 * BOND).unwrap();
}

/// A draw keeps the windows it was given: lowering the minimum does not open its reveals early,
/// and the next commitment, reaching the new minimum, sets its reveal window.
#[test]
fn a_configuration_change_does_not_reopen_a_draw() {
    let mut chain = Chain::with(|msg| msg.min_commits = 3);
    chain.join_first(3);
    chain.request(1, None).unwrap();
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    let owner = chain.owner.clone();
    chain
        .execute(&owner, update(|u| u.min_commits = Some(2)))
        .unwrap();
    chain.advance(COMMIT_SECONDS);
    let draw = chain.draw(1);
    assert_eq!(draw.reveals_close_at, None);
    assert_eq!(
        draw.status,
        ctc_interfaces::randomness::DrawStatus::Committing
    );
    chain.commit(&p2, 1, &secret(2)).unwrap();
    assert_eq!(
        chain.draw(1).reveals_close_at,
        Some(chain.now().plus_seconds(REVEAL_SECONDS))
    );
}

/// Each check uses the bond in force: a lowered bond lets a deposit stake more commitments but
/// frees none of it while they are pending, and each forfeit takes the lower stake; a raised
/// bond applies to new commitments, and a forfeit takes at most what remains of the deposit.
#[test]
fn each_check_uses_the_bond_in_force() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
    for key in [1, 2, 3] {
        chain.request(key, None).unwrap();
    }
    chain.commit(&p0, 1, &secret(1)).unwrap();
    chain.commit(&p1, 1, &secret(11)).unwrap();
    assert!(matches!(
        chain.commit(&p0, 2, &secret(2)).unwrap_err(),
        ContractError::StakeTooLow { .. }
    ));
    // Lowered to half: one deposit now stakes two commitments, and still cannot leave.
    chain
        .execute(
            &owner,
            update(|u| u.provider_bond = Some(Uint128::new(BOND / 2))),
        )
        .unwrap();
    chain.commit(&p0, 2, &secret(2)).unwrap();
    chain.commit(&p1, 2, &secret(12)).unwrap();
    assert_eq!(
        chain.commit(&p0, 3, &secret(3)).unwrap_err(),
        ContractError::StakeTooLow {
            needed: Uint128::new(3 * BOND / 2),
            deposit: Uint128::new(BOND)
        }
    );
    assert_eq!(
        chain.leave(&p0),
        Err(ContractError::PendingCommitments { pending: 2 })
    );
    chain.advance(COMMIT_SECONDS);
    for key in [1, 2] {
        chain.reveal(&p1, key, &secret(10 + key)).unwrap();
    }
    chain.advance(REVEAL_SECONDS);
    // p0 withheld twice: half the old bond each time.
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(BOND / 2));
    // Raised to twice the old bond: the next forfeit takes what remains of the deposit.
    chain
        .execute(
            &owner,
            update(|u| u.provider_bond = Some(Uint128::new(2 * BOND))),
        )
        .unwrap();
    assert_eq!(chain.forfeit(&stranger, 2, &p0), Ok(BOND / 2));
    assert_eq!(chain.paid_to(&chain.treasury.clone()), BOND);
    assert_eq!(chain.leave(&p0), Ok(0));
    // A raise applies to new commitments: p1's deposit no longer covers one.
    assert_eq!(
        chain.commit(&p1, 3, &secret(13)).unwrap_err(),
        ContractError::StakeTooLow {
            needed: Uint128::new(2 * BOND),
            deposit: Uint128::new(BOND)
        }
    );
    chain.join(&p1).unwrap();
    chain.commit(&p1, 3, &secret(13)).unwrap();
    assert_eq!(chain.balance, 2 * BOND);
}

/// A raise leaves a forfeit nothing to take once the deposit is gone: it still settles the
/// commitment, with no transfer.
#[test]
fn a_forfeit_after_a_raise_takes_at_most_the_deposit() {
    let mut chain = Chain::new();
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.join_with(&p0, 2 * BOND).unwrap();
    chain.join_with(&p1, 2 * BOND).unwrap();
    for key in [1, 2] {
        chain.request(key, None).unwrap();
        chain.commit(&p0, key, &secret(key)).unwrap();
        chain.commit(&p1, key, &secret(10 + key)).unwrap();
    }
    let (owner, stranger) = (chain.owner.clone(), chain.stranger.clone());
    chain
        .execute(
            &owner,
            update(|u| u.provider_bond = Some(Uint128::new(3 * BOND))),
        )
        .unwrap();
    chain.advance(COMMIT_SECONDS);
    for key in [1, 2] {
        chain.reveal(&p1, key, &secret(10 + key)).unwrap();
    }
    chain.advance(REVEAL_SECONDS);
    assert_eq!(chain.forfeit(&stranger, 1, &p0), Ok(2 * BOND));
    assert_eq!(chain.forfeit(&stranger, 2, &p0), Ok(0));
    let record = chain.provider(&p0);
    assert_eq!((record.bond, record.pending), (Uint128::zero(), 0));
    assert_eq!(chain.leave(&p0), Ok(0));
    assert_eq!(chain.leave(&p1), Ok(2 * BOND));
    assert_eq!(chain.balance, 0);
}

#[test]
fn ownership_moves_in_two_steps_and_cannot_be_renounced() {
    let mut chain = Chain::new();
    let (owner, next, stranger) = (
        chain.owner.clone(),
        chain.addr("committee"),
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
        chain.refused(&owner, update(|_| {})),
        convention(OwnershipError::NotOwner)
    );
    chain.execute(&next, update(|_| {})).unwrap();
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
    chain.join_first(1);
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    assert_eq!(chain.provider(&chain.p(0)).bond, Uint128::new(BOND));
    for (name, version) in [(CONTRACT.name, "99.0.0"), ("crates.io:wager-pool", "0.1.0")] {
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

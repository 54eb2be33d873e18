use cosmwasm_std::coins;
use ctc_conventions::AdminError;
use cw_ownable::{Action, Ownership, OwnershipError};

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::{ConfigResponse, MigrateMsg};

fn is_nonpayable(err: &ContractError) -> bool {
    matches!(
        err,
        ContractError::Convention(ConventionError::Payment(payment))
            if payment.to_string().contains("accept funds")
    )
}

fn not_ctc(address: &Addr) -> ContractError {
    convention(ConventionError::NotCtcToken {
        address: address.to_string(),
    })
}

fn another_creator(token: &Addr, creator: &Addr, expected: &Addr) -> ContractError {
    convention(ConventionError::TokenOfAnotherCreator {
        address: token.to_string(),
        creator: creator.to_string(),
        expected: expected.to_string(),
    })
}

#[test]
fn instantiate_records_the_owner_and_the_lock_and_books_nothing() {
    // The neighbours a chain sees: the mocked CTC naming this contract's address, which every
    // fresh unit shares.
    let chain = Chain::bare();
    let mut unit = Lockups::new(execute);
    chain.neighbours().install(&mut unit.deps);
    // The account that instantiated the token instantiates this contract too.
    let (deployer, committee, token) = (
        chain.accounts.owner.clone(),
        unit.addr("committee"),
        unit.addr("ctc"),
    );
    let locked_until = unit.env.block.time.plus_seconds(YEAR);
    let msg = InstantiateMsg {
        owner: Some(committee.to_string()),
        token: Some(token.to_string()),
        locked_until,
    };
    let response = unit.instantiate(instantiate, &deployer, msg).unwrap();
    assert_eq!(attribute(&response, "action"), "instantiate");
    assert_eq!(attribute(&response, "owner"), committee.as_str());
    assert_eq!(attribute(&response, "token"), token.as_str());
    assert_eq!(
        attribute(&response, "locked_until"),
        locked_until.to_string()
    );
    let config: ConfigResponse = unit.ask(query, QueryMsg::Config {});
    assert_eq!(
        config,
        ConfigResponse {
            token: Some(token),
            locked_until,
        }
    );
    let ownership: Ownership<Addr> = unit.ask(query, QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(committee.clone()));
    let totals: TotalsResponse = unit.ask(query, QueryMsg::Totals {});
    assert_eq!(
        totals,
        TotalsResponse {
            booked_balance: u(0),
            unallocated: u(0),
            granted_outstanding: u(0),
            claimed_total: u(0),
            grants: 0,
        }
    );
    assert_eq!(unit.contract_version().contract, CONTRACT.name);
    assert_eq!(CONTRACT.name, "crates.io:lockups");
    // With the token given at instantiate it cannot be set again: reconcile books the bucket.
    let set = ExecuteMsg::SetToken {
        address: unit.addr("ctc").into(),
    };
    assert_eq!(
        unit.refused(&committee, set),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn instantiate_verifies_a_token_given_there() {
    let chain = Chain::bare();
    let deployer = chain.accounts.owner.clone();
    let (wallet, fake, token) = (
        chain.unit.addr("wallet"),
        chain.unit.addr("fake_ctc"),
        chain.accounts.token.clone(),
    );
    let me = chain.env.contract.address.clone();
    let elsewhere = chain.unit.addr("elsewhere");
    let neighbours = with_token(
        chain.neighbours(),
        &fake,
        "crates.io:ctc-token",
        &deployer,
        &me,
        Rc::default(),
        allocation(&chain.unit, &elsewhere, &elsewhere),
    );
    let mut unit = Lockups::new(execute);
    neighbours.install(&mut unit.deps);
    let cases = [
        (&deployer, wallet.clone(), not_ctc(&wallet)),
        (
            &deployer,
            fake.clone(),
            ContractError::NotThisTokensLockup {
                address: fake.to_string(),
            },
        ),
        // The real token, but this instantiate is not by the account that created it: the
        // contract it would make is not ours.
        (
            &chain.accounts.stranger,
            token.clone(),
            another_creator(&token, &deployer, &chain.accounts.stranger),
        ),
    ];
    for (sender, token, expected) in cases {
        let msg = InstantiateMsg {
            owner: None,
            token: Some(token.to_string()),
            locked_until: chain.locked_until,
        };
        let refused = unit.instantiate(instantiate, sender, msg).unwrap_err();
        assert_eq!(refused, expected);
        assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
    }
}

#[test]
fn instantiate_refuses_a_bad_token_and_coins() {
    let mut unit = Lockups::new(execute);
    let deployer = unit.addr("deployer");
    let locked_until = unit.env.block.time;
    let msg = InstantiateMsg {
        owner: None,
        token: Some("bad".into()),
        locked_until,
    };
    let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
    assert!(
        matches!(
            &refused,
            ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
        ),
        "{refused}"
    );
    let msg = InstantiateMsg {
        owner: Some("bad".into()),
        token: None,
        locked_until,
    };
    let refused = unit.instantiate(instantiate, &deployer, msg).unwrap_err();
    assert!(
        matches!(
            &refused,
            ContractError::Convention(ConventionError::InvalidAddress { field: "owner", .. })
        ),
        "{refused}"
    );
    let msg = InstantiateMsg {
        owner: None,
        token: None,
        locked_until,
    };
    let info = cosmwasm_std::testing::message_info(&deployer, &coins(5, "ustake"));
    let refused = instantiate(unit.deps.as_mut(), unit.env.clone(), info, msg).unwrap_err();
    assert!(is_nonpayable(&refused), "{refused}");
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
}

#[test]
fn every_message_refuses_coins() {
    let mut chain = Chain::new();
    let Accounts { owner, alice, .. } = &chain.accounts;
    let (owner, alice) = (owner.clone(), alice.clone());
    let id = chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), chain.at(0), chain.at(1)),
            true,
        )
        .unwrap();
    chain.advance(10);
    let messages = [
        ExecuteMsg::Reconcile {},
        ExecuteMsg::Claim { grant_id: id },
        ExecuteMsg::Revoke { grant_id: id },
        ExecuteMsg::CreateGrant {
            beneficiary: alice.to_string(),
            amount: u(1),
            schedule: linear(chain.at(0), chain.at(0), chain.at(1)),
            revocable: false,
        },
    ];
    for msg in messages {
        let refused = chain.refused_with(&owner, &coins(1, "ustake"), msg);
        assert!(is_nonpayable(&refused), "{refused}");
    }
}

#[test]
fn anyone_may_set_a_verified_token_once_and_it_books_the_bucket() {
    let mut chain = Chain::bare();
    *chain.balance.borrow_mut() = BUCKET;
    let (stranger, token) = (
        chain.accounts.stranger.clone(),
        chain.accounts.token.clone(),
    );
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    assert!(matches!(
        chain.refused(
            &stranger,
            ExecuteMsg::SetToken {
                address: "bad".into()
            }
        ),
        ContractError::Convention(ConventionError::InvalidAddress { field: "token", .. })
    ));
    // Not the owner: the token is verified, so who sends the message does not matter.
    let response = chain.execute(&stranger, set(&token)).unwrap();
    assert_eq!(attribute(&response, "action"), "set_token");
    assert_eq!(attribute(&response, "token"), token.as_str());
    assert_eq!(attribute(&response, "bucket"), "founding_team");
    assert_eq!(attribute(&response, "amount"), BUCKET.to_string());
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET));
    assert_eq!(totals.unallocated, u(BUCKET));
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, Some(token.clone()));
    assert_eq!(config.locked_until, chain.locked_until);
    // A second token, or the same again, would count the bucket twice; the owner is refused
    // as anyone is.
    let owner = chain.accounts.owner.clone();
    for sender in [&stranger, &owner] {
        assert_eq!(
            chain.refused(sender, set(&token)),
            ContractError::TokenAlreadySet
        );
    }
    let other = chain.addr("other_token");
    assert_eq!(
        chain.refused(&owner, set(&other)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn the_investors_bucket_is_accepted_as_well() {
    let mut chain = Chain::bare();
    let token = chain.accounts.token.clone();
    let me = chain.env.contract.address.clone();
    let team = chain.unit.addr("team_lockup");
    let deployer = chain.accounts.owner.clone();
    with_token(
        Neighbours::new().created_by(&me, &deployer),
        &token,
        "crates.io:ctc-token",
        &deployer,
        &me,
        Rc::clone(&chain.balance),
        allocation(&chain.unit, &team, &me),
    )
    .install(&mut chain.unit.deps);
    let stranger = chain.accounts.stranger.clone();
    let response = chain
        .execute(
            &stranger,
            ExecuteMsg::SetToken {
                address: token.to_string(),
            },
        )
        .unwrap();
    assert_eq!(attribute(&response, "bucket"), "institutional_investors");
}

#[test]
fn set_token_refuses_anything_but_the_ctc_token_naming_this_lockup() {
    let mut chain = Chain::bare();
    *chain.balance.borrow_mut() = BUCKET;
    let me = chain.env.contract.address.clone();
    let stranger = chain.accounts.stranger.clone();
    let (wallet, cw20, look_alike, unlocked) = (
        chain.addr("wallet"),
        chain.addr("plain_cw20"),
        chain.addr("look_alike_ctc"),
        chain.addr("other_bucket_ctc"),
    );
    let elsewhere = chain.addr("elsewhere");
    let deployer = chain.accounts.owner.clone();
    // Each answers this contract's balance as the bucket and was created by this contract's
    // creator, so only the verification of its name and allocation refuses it.
    let neighbours = with_token(
        chain.neighbours(),
        &cw20,
        "crates.io:cw20-base",
        &deployer,
        &me,
        Rc::clone(&chain.balance),
        allocation(&chain.unit, &me, &me),
    );
    // A second ctc-token instance whose locked buckets are other addresses.
    let neighbours = with_token(
        neighbours,
        &look_alike,
        "crates.io:ctc-token",
        &deployer,
        &me,
        Rc::clone(&chain.balance),
        allocation(&chain.unit, &elsewhere, &elsewhere),
    );
    // One that names this contract, but for a bucket that is not locked.
    let mut service_providers = allocation(&chain.unit, &elsewhere, &elsewhere);
    service_providers.buckets[AllocationBucket::ServiceProviders.index()].address = me.clone();
    let neighbours = with_token(
        neighbours,
        &unlocked,
        "crates.io:ctc-token",
        &deployer,
        &me,
        Rc::clone(&chain.balance),
        service_providers,
    );
    neighbours.install(&mut chain.unit.deps);
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    let not_this = |address: &Addr| ContractError::NotThisTokensLockup {
        address: address.to_string(),
    };
    // `refused` checks that each leaves the storage as it was.
    assert_eq!(chain.refused(&stranger, set(&wallet)), not_ctc(&wallet));
    assert_eq!(chain.refused(&stranger, set(&cw20)), not_ctc(&cw20));
    assert_eq!(
        chain.refused(&stranger, set(&look_alike)),
        not_this(&look_alike)
    );
    assert_eq!(
        chain.refused(&stranger, set(&unlocked)),
        not_this(&unlocked)
    );
    let owner = chain.accounts.owner.clone();
    assert_eq!(
        chain.refused(&owner, set(&look_alike)),
        not_this(&look_alike)
    );
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, None);
    assert_eq!(chain.totals().booked_balance, u(0));
    // The real one still sets, once; the look-alike is then refused as a second token.
    chain.set_token().unwrap();
    assert_eq!(
        chain.refused(&stranger, set(&look_alike)),
        ContractError::TokenAlreadySet
    );
}

#[test]
fn a_ctc_token_someone_else_created_is_refused_even_naming_this_lockup() {
    // The front-run: an attacker instantiates the public ctc-token code with a genesis that
    // names this lock-up as the founding team's bucket, and sends `set_token` before the deploy.
    let mut chain = Chain::bare();
    *chain.balance.borrow_mut() = BUCKET;
    let me = chain.env.contract.address.clone();
    let (attacker, deployer) = (chain.addr("attacker"), chain.accounts.owner.clone());
    let worthless = chain.addr("worthless_ctc");
    let investors = chain.addr("investors_lockup");
    with_token(
        chain.neighbours(),
        &worthless,
        "crates.io:ctc-token",
        &attacker,
        &me,
        Rc::clone(&chain.balance),
        allocation(&chain.unit, &me, &investors),
    )
    .install(&mut chain.unit.deps);
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    // Whoever sends it, the attacker or the owner fooled into it: `refused` checks that
    // nothing is written.
    for sender in [&attacker, &deployer] {
        assert_eq!(
            chain.refused(sender, set(&worthless)),
            another_creator(&worthless, &attacker, &deployer)
        );
    }
    assert_eq!(ctc_testkit::snapshot(&chain.deps.storage), before);
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.token, None);
    assert_eq!(chain.totals().booked_balance, u(0));
    // The platform's token is still free to be set, by anyone.
    let stranger = chain.accounts.stranger.clone();
    let token = chain.accounts.token.clone();
    let response = chain.execute(&stranger, set(&token)).unwrap();
    assert_eq!(attribute(&response, "bucket"), "founding_team");
    assert_eq!(chain.totals().booked_balance, u(BUCKET));
    // Nor can the attacker instantiate a lock-up of its own with our token: the token's creator
    // is not the attacker.
    let mut unit = Lockups::new(execute);
    chain.neighbours().install(&mut unit.deps);
    let msg = InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        locked_until: chain.locked_until,
    };
    let refused = unit.instantiate(instantiate, &attacker, msg).unwrap_err();
    assert_eq!(refused, another_creator(&token, &deployer, &attacker));
    assert!(ctc_testkit::snapshot(&unit.deps.storage).is_empty());
}

#[test]
fn ownership_is_handed_over_in_two_steps_and_never_renounced() {
    let mut chain = Chain::new();
    let (owner, committee, stranger) = (
        chain.accounts.owner.clone(),
        chain.addr("committee"),
        chain.accounts.stranger.clone(),
    );
    let refused = chain.unit.hand_over_ownership(
        ExecuteMsg::UpdateOwnership,
        query,
        &owner,
        &committee,
        &stranger,
    );
    assert_eq!(
        refused,
        convention(AdminError::Ownership(OwnershipError::NotPendingOwner))
    );
    // The new owner grants; the old one no longer can.
    let alice = chain.accounts.alice.clone();
    let msg = ExecuteMsg::Revoke { grant_id: 1 };
    assert_eq!(
        chain.refused(&owner, msg),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    let msg = ExecuteMsg::CreateGrant {
        beneficiary: alice.to_string(),
        amount: u(CTC),
        schedule: linear(chain.at(0), chain.at(0), chain.at(1)),
        revocable: false,
    };
    chain.execute(&committee, msg).unwrap();
    assert_eq!(
        chain.refused(
            &committee,
            ExecuteMsg::UpdateOwnership(Action::RenounceOwnership)
        ),
        convention(AdminError::RenounceRefused)
    );
}

#[test]
fn migrate_moves_forward_within_this_contract_only() {
    let mut chain = Chain::new();
    let response = chain
        .migrate_from(migrate, CONTRACT.name, "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "action"), "migrate");
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    assert_eq!(attribute(&response, "to_version"), CONTRACT.version);
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    // The books survive a migration.
    assert_eq!(chain.totals().booked_balance, u(BUCKET));
    for (name, version) in [(CONTRACT.name, "99.0.0"), ("crates.io:cw-vesting", "0.1.0")] {
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

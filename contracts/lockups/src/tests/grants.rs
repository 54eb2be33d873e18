use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;

fn create(beneficiary: &Addr, amount: u128, schedule: Schedule) -> ExecuteMsg {
    ExecuteMsg::CreateGrant {
        beneficiary: beneficiary.to_string(),
        amount: u(amount),
        schedule,
        revocable: false,
    }
}

#[test]
fn the_owner_grants_from_the_unallocated_part() {
    let mut chain = Chain::new();
    let (owner, alice) = (chain.accounts.owner.clone(), chain.accounts.alice.clone());
    let schedule = linear(chain.at(0), chain.at(YEAR), chain.at(4 * YEAR));
    let response = chain
        .execute(&owner, create(&alice, 1_000 * CTC, schedule.clone()))
        .unwrap();
    assert_eq!(attribute(&response, "action"), "create_grant");
    assert_eq!(attribute(&response, "grant_id"), "1");
    assert_eq!(attribute(&response, "beneficiary"), alice.as_str());
    assert_eq!(attribute(&response, "amount"), (1_000 * CTC).to_string());
    assert_eq!(attribute(&response, "revocable"), "false");
    assert!(response.messages.is_empty());
    assert_eq!(
        chain.grant_info(1),
        GrantResponse {
            id: 1,
            beneficiary: alice,
            amount: u(1_000 * CTC),
            schedule,
            revocable: false,
            claimed: u(0),
            revoked_at: None,
            vested_now: u(0),
            claimable_now: u(0),
        }
    );
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET));
    assert_eq!(totals.unallocated, u(BUCKET - 1_000 * CTC));
    assert_eq!(totals.granted_outstanding, u(1_000 * CTC));
    assert_eq!(totals.grants, 1);
}

#[test]
fn grants_never_exceed_the_unallocated_part() {
    let mut chain = Chain::new();
    let (owner, alice, bob) = (
        chain.accounts.owner.clone(),
        chain.accounts.alice.clone(),
        chain.accounts.bob.clone(),
    );
    let schedule = linear(chain.at(0), chain.at(0), chain.at(YEAR));
    assert_eq!(
        chain.refused(&owner, create(&alice, BUCKET + 1, schedule.clone())),
        ContractError::InsufficientUnallocated {
            available: u(BUCKET),
            asked: u(BUCKET + 1)
        }
    );
    chain
        .execute(&owner, create(&alice, BUCKET - 5, schedule.clone()))
        .unwrap();
    assert_eq!(
        chain.refused(&owner, create(&bob, 6, schedule.clone())),
        ContractError::InsufficientUnallocated {
            available: u(5),
            asked: u(6)
        }
    );
    // The last units still go.
    chain.execute(&owner, create(&bob, 5, schedule)).unwrap();
    assert_eq!(chain.totals().unallocated, u(0));
}

#[test]
fn a_grant_is_refused_to_strangers_for_nothing_and_to_a_bad_beneficiary() {
    let mut chain = Chain::new();
    let Accounts {
        owner,
        alice,
        stranger,
        token,
        ..
    } = &chain.accounts;
    let (owner, alice, stranger, token) = (
        owner.clone(),
        alice.clone(),
        stranger.clone(),
        token.clone(),
    );
    let schedule = linear(chain.at(0), chain.at(0), chain.at(YEAR));
    assert_eq!(
        chain.refused(&stranger, create(&alice, CTC, schedule.clone())),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    assert_eq!(
        chain.refused(&owner, create(&alice, 0, schedule.clone())),
        ContractError::ZeroAmount
    );
    let bad = ExecuteMsg::CreateGrant {
        beneficiary: "bad".into(),
        amount: u(CTC),
        schedule: schedule.clone(),
        revocable: false,
    };
    assert!(matches!(
        chain.refused(&owner, bad),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "beneficiary",
            ..
        })
    ));
    // Neither the token nor this contract could ever pass the CTC on.
    for who in [token, chain.env.contract.address.clone()] {
        let refused = chain.refused(&owner, create(&who, CTC, schedule.clone()));
        assert!(
            matches!(
                refused,
                ContractError::Convention(ConventionError::Admin(
                    AdminError::RecipientCannotSpend {
                        field: "beneficiary",
                        ..
                    }
                ))
            ),
            "{refused}"
        );
    }
    assert_eq!(chain.totals().grants, 0);
}

#[test]
fn a_grant_before_the_token_is_set_finds_nothing_to_allocate() {
    let mut chain = Chain::bare();
    let (owner, alice) = (chain.accounts.owner.clone(), chain.accounts.alice.clone());
    let schedule = linear(chain.at(0), chain.at(0), chain.at(YEAR));
    assert_eq!(
        chain.refused(&owner, create(&alice, 1, schedule)),
        ContractError::InsufficientUnallocated {
            available: u(0),
            asked: u(1)
        }
    );
}

#[test]
fn each_kind_of_bad_schedule_is_refused_by_name() {
    let mut chain = Chain::new();
    let (owner, alice) = (chain.accounts.owner.clone(), chain.accounts.alice.clone());
    let start = chain.start;
    let t = |s: u64| start.plus_seconds(s);
    let step = |at: u64, bps: u16| Tranche { at: t(at), bps };
    let cases = [
        (linear(t(10), t(5), t(20)), ContractError::CliffBeforeStart),
        (linear(t(10), t(30), t(20)), ContractError::CliffAfterEnd),
        (linear(t(10), t(10), t(10)), ContractError::EndNotAfterStart),
        (linear(t(20), t(20), t(10)), ContractError::CliffAfterEnd),
        (
            Schedule::Tranches { steps: vec![] },
            ContractError::NoTranches,
        ),
        (
            Schedule::Tranches {
                steps: (0..121)
                    .map(|n| step(n, if n == 0 { 9_880 } else { 1 }))
                    .collect(),
            },
            ContractError::TooManyTranches { max: 120 },
        ),
        (
            Schedule::Tranches {
                steps: vec![step(1, 5_000), step(1, 5_000)],
            },
            ContractError::TranchesOutOfOrder { index: 1 },
        ),
        (
            Schedule::Tranches {
                steps: vec![step(2, 5_000), step(1, 5_000)],
            },
            ContractError::TranchesOutOfOrder { index: 1 },
        ),
        (
            Schedule::Tranches {
                steps: vec![step(1, 10_000), step(2, 0)],
            },
            ContractError::EmptyTranche { index: 1 },
        ),
        (
            Schedule::Tranches {
                steps: vec![step(1, 5_000), step(2, 4_999)],
            },
            ContractError::TranchesSum { sum: 9_999 },
        ),
        (
            Schedule::Tranches {
                steps: vec![step(1, u16::MAX), step(2, u16::MAX)],
            },
            ContractError::TranchesSum { sum: 131_070 },
        ),
    ];
    for (schedule, expected) in cases {
        assert_eq!(
            chain.refused(&owner, create(&alice, CTC, schedule)),
            expected
        );
    }
    // The edges that pass: a plain lock-up (cliff at the end), no cliff, 120 steps.
    for schedule in [
        linear(t(10), t(20), t(20)),
        linear(t(10), t(10), t(11)),
        Schedule::Tranches {
            steps: (0..120)
                .map(|n| step(n, if n == 0 { 9_881 } else { 1 }))
                .collect(),
        },
        Schedule::Tranches {
            steps: vec![step(0, 10_000)],
        },
    ] {
        chain
            .execute(&owner, create(&alice, CTC, schedule))
            .unwrap();
    }
}

#[test]
fn no_schedule_may_vest_before_the_lock_ends() {
    let mut chain = Chain::new_locked_for(YEAR);
    let (owner, alice) = (chain.accounts.owner.clone(), chain.accounts.alice.clone());
    let locked_until = chain.at(YEAR);
    assert_eq!(chain.locked_until, locked_until);
    let early_tranches = Schedule::Tranches {
        steps: vec![
            Tranche {
                at: chain.at(YEAR - 1),
                bps: 1,
            },
            Tranche {
                at: chain.at(2 * YEAR),
                bps: 9_999,
            },
        ],
    };
    let refused_schedules = [
        // A cliff a second early, a cliff-less ramp, a plain lock-up ending early.
        linear(chain.at(0), chain.at(YEAR - 1), chain.at(4 * YEAR)),
        linear(chain.at(0), chain.at(0), chain.at(4 * YEAR)),
        linear(chain.at(0), chain.at(MONTH), chain.at(MONTH)),
        // A first tranche a second early, even a tiny one.
        early_tranches,
        monthly(chain.at(MONTH), 10, MONTH),
    ];
    for schedule in refused_schedules {
        assert_eq!(
            chain.refused(&owner, create(&alice, CTC, schedule)),
            ContractError::VestsBeforeLockEnd { locked_until }
        );
    }
    // At the lock's end exactly is fine; a start before it is too, since the cliff holds the
    // share back until then.
    chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), locked_until, chain.at(4 * YEAR)),
            false,
        )
        .unwrap();
    chain
        .grant(&alice, CTC, monthly(locked_until, 10, MONTH), false)
        .unwrap();
    // The floor holds for any grant, and no message moves it.
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.locked_until, locked_until);
    chain.set_time(YEAR - 1);
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: 1 }),
        ContractError::NothingToClaim { grant_id: 1 }
    );
    chain.set_time(YEAR);
    assert_eq!(chain.claim(&alice, 1).unwrap(), (alice.clone(), CTC / 4));
    assert_eq!(chain.claim(&alice, 2).unwrap(), (alice.clone(), CTC / 10));
}

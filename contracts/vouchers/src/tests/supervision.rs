//! The regulator's orders on a class: lowering its cap and freezing it, each recorded.

use crate::msg::{ClassAction, ClassRecord};

use super::*;

fn lower(cap: u64) -> ExecuteMsg {
    ExecuteMsg::LowerCap {
        class_id: 1,
        cap,
        reason: "complaints about the merchant".into(),
        digest: digest(),
    }
}

fn freeze(frozen: bool) -> ExecuteMsg {
    ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen,
        reason: "inquiry".into(),
        digest: "AB".repeat(32),
    }
}

fn records(chain: &Chain) -> Vec<ClassRecord> {
    chain.ask(QueryMsg::SupervisionRecords {
        class_id: 1,
        start_after: None,
        limit: None,
    })
}

#[test]
fn a_regulator_or_the_owner_lowers_a_cap_never_below_what_is_issued_and_never_up() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, fan, regulator, owner) = (
        a.cafe.clone(),
        a.fan.clone(),
        a.regulator.clone(),
        a.owner.clone(),
    );
    let input = chain.coupon();
    chain.create(&cafe, input);
    chain.claim(&fan, 1, 3).unwrap();
    assert_eq!(
        chain.refused(&regulator, lower(2)),
        ContractError::CapNotLowered { cap: 2, issued: 3 }
    );
    assert_eq!(
        chain.refused(&regulator, lower(100)),
        ContractError::CapNotLowered {
            cap: 100,
            issued: 3
        }
    );
    let response = chain.execute(&regulator, lower(10)).unwrap();
    assert_eq!(attribute(&response, "record"), "0");
    chain.execute(&owner, lower(3)).unwrap();
    assert_eq!(chain.class(1).terms.cap, 3);
    assert_eq!(
        chain.claim(&fan, 1, 1).unwrap_err(),
        ContractError::CapReached { left: 0 }
    );
    let kept = records(&chain);
    assert_eq!(kept.len(), 2);
    assert_eq!(
        kept[0].action,
        ClassAction::CapLowered { from: 100, to: 10 }
    );
    assert_eq!(kept[0].by, regulator);
    assert_eq!(kept[1].action, ClassAction::CapLowered { from: 10, to: 3 });
    assert_eq!(kept[1].by, owner);
}

#[test]
fn nobody_else_supervises_a_class() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, bakery, fan, stranger) = (
        a.cafe.clone(),
        a.bakery.clone(),
        a.fan.clone(),
        a.stranger.clone(),
    );
    let input = chain.coupon();
    chain.create(&cafe, input);
    for who in [&cafe, &bakery, &fan, &stranger] {
        assert_eq!(chain.refused(who, lower(5)), ContractError::NotSupervisor);
        assert_eq!(
            chain.refused(who, freeze(true)),
            ContractError::NotSupervisor
        );
    }
}

#[test]
fn a_freeze_and_an_unfreeze_are_recorded_with_reason_and_evidence() {
    let mut chain = Chain::new();
    let (cafe, regulator) = (
        chain.accounts.cafe.clone(),
        chain.accounts.regulator.clone(),
    );
    let input = chain.coupon();
    chain.create(&cafe, input);
    assert_eq!(
        chain.refused(&regulator, freeze(false)),
        ContractError::FreezeUnchanged { frozen: false }
    );
    chain.execute(&regulator, freeze(true)).unwrap();
    assert!(chain.class(1).terms.frozen);
    assert_eq!(
        chain.refused(&regulator, freeze(true)),
        ContractError::FreezeUnchanged { frozen: true }
    );
    chain.execute(&regulator, freeze(false)).unwrap();
    let kept = records(&chain);
    assert_eq!(
        kept.iter().map(|r| r.action.clone()).collect::<Vec<_>>(),
        [ClassAction::Frozen, ClassAction::Unfrozen]
    );
    assert_eq!(kept[0].digest, digest(), "one spelling: lower case");
    assert_eq!(kept[0].reason, "inquiry");
    let bad = ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen: true,
        reason: String::new(),
        digest: digest(),
    };
    assert_eq!(
        chain.refused(&regulator, bad),
        convention(ConventionError::InvalidLength {
            field: "reason",
            max: 256
        })
    );
    let bad = ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen: true,
        reason: "r".into(),
        digest: "zz".into(),
    };
    assert_eq!(
        chain.refused(&regulator, bad),
        convention(ConventionError::InvalidDigest { field: "digest" })
    );
    let missing = ExecuteMsg::FreezeClass {
        class_id: 7,
        frozen: true,
        reason: "r".into(),
        digest: digest(),
    };
    assert_eq!(
        chain.refused(&regulator, missing),
        ContractError::ClassNotFound { class_id: 7 }
    );
}

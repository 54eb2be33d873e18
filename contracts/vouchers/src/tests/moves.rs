//! Gifts under the class's rule.

use super::*;

#[test]
fn the_holder_gifts_a_voucher_to_a_qualified_receiver_within_the_moves_allowed() {
    let mut chain = Chain::with_paid_voucher();
    let a = &chain.accounts;
    let (fan, fan2, fan3, stranger, cafe) = (
        a.fan.clone(),
        a.fan2.clone(),
        a.fan3.clone(),
        a.stranger.clone(),
        a.cafe.clone(),
    );
    for who in [&stranger, &fan2, &cafe] {
        assert_eq!(
            chain.transfer(who, &fan2, "1-0").unwrap_err(),
            ContractError::NotHolder
        );
    }
    assert_eq!(
        chain.transfer(&fan, &fan, "1-0").unwrap_err(),
        ContractError::SelfTransfer
    );
    assert_eq!(
        chain.transfer(&fan, &fan3, "1-0").unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::RealName
        }
    );
    assert_eq!(
        chain.transfer(&fan, &fan2, "1-9").unwrap_err(),
        ContractError::VoucherNotFound {
            token_id: "1-9".into()
        }
    );
    let response = chain.transfer(&fan, &fan2, "1-0").unwrap();
    assert_eq!(attribute(&response, "recipient"), fan2.to_string());
    let voucher = chain.voucher("1-0");
    assert_eq!((voucher.owner, voucher.moves), (fan2.clone(), 1));
    chain.transfer(&fan2, &fan, "1-0").unwrap();
    assert_eq!(
        chain.transfer(&fan, &fan2, "1-0").unwrap_err(),
        ContractError::MoveLimit { max: 2 }
    );
    // The per-holder limit counts what a wallet claims or buys, not what it is given.
    let acquired = crate::state::ACQUIRED.may_load(&chain.deps.storage, (1, &fan2));
    assert_eq!(acquired.unwrap(), None);
}

#[test]
fn gifts_respect_the_receivers_limit_the_rule_the_freeze_and_the_expiry() {
    let mut chain = Chain::new();
    let a = &chain.accounts;
    let (cafe, fan, fan2, owner) = (
        a.cafe.clone(),
        a.fan.clone(),
        a.fan2.clone(),
        a.owner.clone(),
    );
    let limited = ClassInput {
        per_holder_limit: Some(1),
        ..chain.coupon()
    };
    let fixed = ClassInput {
        transfer: TransferRule::None,
        ..chain.coupon()
    };
    chain.create(&cafe, limited);
    chain.create(&cafe, fixed);
    chain.claim(&fan, 1, 1).unwrap();
    chain.claim(&fan2, 1, 1).unwrap();
    // A gift is not counted against the receiver's limit (it cannot refuse one), so nobody can
    // use up another's limit by pushing vouchers to it; its own claims still are.
    chain.transfer(&fan2, &fan, "1-1").unwrap();
    assert_eq!(
        chain.claim(&fan2, 1, 1).unwrap_err(),
        ContractError::HolderLimit { limit: 1 }
    );
    chain.transfer(&fan, &fan2, "1-1").unwrap();
    chain.claim(&fan, 2, 1).unwrap();
    assert_eq!(
        chain.transfer(&fan, &fan2, "2-0").unwrap_err(),
        ContractError::TransferNotAllowed
    );
    let freeze = |frozen| ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen,
        reason: "inquiry".into(),
        digest: digest(),
    };
    let fan3 = chain.accounts.fan3.clone();
    chain.push(attest(
        &fan3,
        &chain.accounts.attester.clone(),
        IdentityLevel::RealName,
    ));
    chain.execute(&owner, freeze(true)).unwrap();
    assert_eq!(
        chain.transfer(&fan, &fan3, "1-0").unwrap_err(),
        ContractError::ClassFrozen
    );
    chain.execute(&owner, freeze(false)).unwrap();
    // Paused sales do not stop gifts.
    chain
        .execute(
            &cafe,
            ExecuteMsg::SetSalePaused {
                class_id: 1,
                paused: true,
            },
        )
        .unwrap();
    chain.transfer(&fan, &fan3, "1-0").unwrap();
    chain.go_to(30);
    assert_eq!(
        chain.transfer(&fan3, &fan, "1-0").unwrap_err(),
        ContractError::Expired {
            valid_until: chain.at(30)
        }
    );
}

//! Grants, the daily window, expiry and revocation, and presenting codes.

use crate::msg::PresentRight;
use crate::state::{MAX_DELEGATES, MAX_GRANT_SECONDS, MAX_PAYEES};

use super::*;

fn door_only() -> Rights {
    Rights {
        door: true,
        redeem: false,
        spend: None,
    }
}

fn spend(daily: u128, to: Option<Vec<String>>) -> Rights {
    Rights {
        door: false,
        redeem: false,
        spend: Some(Spend {
            daily: Uint128::new(daily),
            to,
        }),
    }
}

#[test]
fn only_the_operator_grants_and_revokes() {
    let mut chain = Chain::new();
    let (delegate, stranger) = (chain.delegate.clone(), chain.stranger.clone());
    let msg = ExecuteMsg::Grant {
        delegate: delegate.to_string(),
        rights: door_only(),
        expires_at: chain.now().plus_seconds(DAY),
    };
    assert_eq!(chain.refused(&stranger, msg), ContractError::NotOperator);
    chain.grant_rights(&delegate, door_only(), 1).unwrap();
    let msg = ExecuteMsg::Revoke {
        delegate: delegate.to_string(),
    };
    assert_eq!(chain.refused(&delegate, msg), ContractError::NotOperator);
}

#[test]
fn a_grant_is_checked_before_it_is_stored() {
    let mut chain = Chain::new();
    let (operator, account, delegate) = (
        chain.operator.clone(),
        chain.account.clone(),
        chain.delegate.clone(),
    );
    assert_eq!(
        chain.grant_rights(&operator, door_only(), 1).unwrap_err(),
        ContractError::DelegateIsOperator
    );
    assert_eq!(
        chain.grant_rights(&account, door_only(), 1).unwrap_err(),
        ContractError::DelegateIsAccount
    );
    let empty = Rights {
        door: false,
        redeem: false,
        spend: None,
    };
    assert_eq!(
        chain.grant_rights(&delegate, empty, 1).unwrap_err(),
        ContractError::EmptyRights
    );
    assert_eq!(
        chain
            .grant_rights(&delegate, spend(0, None), 1)
            .unwrap_err(),
        ContractError::ZeroDaily
    );
    let invalid = ContractError::InvalidPayees { max: MAX_PAYEES };
    assert_eq!(
        chain
            .grant_rights(&delegate, spend(1, Some(vec![])), 1)
            .unwrap_err(),
        invalid
    );
    let five = (0..5).map(|i| chain.addr(&format!("shop{i}")).to_string());
    assert_eq!(
        chain
            .grant_rights(&delegate, spend(1, Some(five.collect())), 1)
            .unwrap_err(),
        invalid
    );
    let twice = vec![chain.tickets.to_string(), chain.tickets.to_string()];
    assert_eq!(
        chain
            .grant_rights(&delegate, spend(1, Some(twice)), 1)
            .unwrap_err(),
        invalid
    );
    let bad = vec!["not-an-address".to_string()];
    assert!(matches!(
        chain.grant_rights(&delegate, spend(1, Some(bad)), 1),
        Err(ContractError::Convention(ConventionError::InvalidAddress {
            field: "spend.to",
            ..
        }))
    ));
    let latest = chain.now().plus_seconds(MAX_GRANT_SECONDS);
    for expires_at in [
        chain.now(),
        chain.now().minus_seconds(1),
        latest.plus_nanos(1),
    ] {
        let msg = ExecuteMsg::Grant {
            delegate: delegate.to_string(),
            rights: door_only(),
            expires_at,
        };
        assert_eq!(
            chain.refused(&operator, msg),
            ContractError::InvalidExpiry { latest }
        );
    }
    // A year ahead exactly, and four payees, are fine.
    let four = (0..4)
        .map(|i| chain.addr(&format!("shop{i}")).to_string())
        .collect();
    let msg = ExecuteMsg::Grant {
        delegate: delegate.to_string(),
        rights: spend(1, Some(four)),
        expires_at: latest,
    };
    chain.execute(&operator, msg).unwrap();
}

#[test]
fn at_most_eight_delegates_expired_ones_included_until_revoked() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    let delegates: Vec<Addr> = (0..MAX_DELEGATES)
        .map(|i| chain.addr(&format!("d{i}")))
        .collect();
    for delegate in &delegates {
        chain.grant_rights(delegate, door_only(), 1).unwrap();
    }
    let ninth = chain.addr("d8");
    let too_many = ContractError::TooManyDelegates { max: MAX_DELEGATES };
    assert_eq!(
        chain.grant_rights(&ninth, door_only(), 1).unwrap_err(),
        too_many
    );
    // Replacing one of the eight is fine.
    chain.grant_rights(&delegates[0], door_only(), 2).unwrap();
    chain.advance(2 * DAY);
    assert_eq!(
        chain.grant_rights(&ninth, door_only(), 1).unwrap_err(),
        too_many
    );
    chain
        .execute(
            &operator,
            ExecuteMsg::Revoke {
                delegate: delegates[3].to_string(),
            },
        )
        .unwrap();
    chain.grant_rights(&ninth, door_only(), 1).unwrap();
}

#[test]
fn two_transfers_summing_over_the_daily_amount_are_refused_whole() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    let (a, b) = (
        chain.transfer(&chain.stranger, 30 * CTC),
        chain.send(&chain.tickets, 21 * CTC),
    );
    let err = chain
        .run(&delegate, vec![a.clone(), b.clone()])
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::DailyLimit {
            left: Uint128::new(50 * CTC)
        }
    );
    // Each alone can execute; together they cannot, and nothing was booked.
    assert!(chain.can_execute(&delegate, a.clone()));
    assert!(chain.can_execute(&delegate, b));
    assert_eq!(chain.delegate_info(&delegate).spent, Uint128::zero());
    // Exactly the daily amount passes, and the messages go out as they came.
    let c = chain.send(&chain.tickets, 20 * CTC);
    let response = chain.run(&delegate, vec![a.clone(), c.clone()]).unwrap();
    assert_eq!(
        ctc_testkit::executes(&response),
        [
            (
                chain.token.to_string(),
                ctc_testkit::cw20_transfer_json(&chain.stranger, 30 * CTC)
            ),
            (
                chain.token.to_string(),
                format!(
                    r#"{{"send":{{"contract":"{}","amount":"{}","msg":"eyJidXkiOnt9fQ=="}}}}"#,
                    chain.tickets,
                    20 * CTC
                )
            ),
        ]
    );
    assert_eq!(attribute(&response, "spent"), (50 * CTC).to_string());
    let info = chain.delegate_info(&delegate);
    assert_eq!(info.spent, Uint128::new(50 * CTC));
    assert_eq!(info.left, Uint128::zero());
    assert_eq!(info.window_ends_at, Some(chain.now().plus_seconds(DAY)));
    // One micro-CTC more is over.
    let one = chain.transfer(&chain.stranger, 1);
    assert!(!chain.can_execute(&delegate, one.clone()));
    assert_eq!(
        chain.run(&delegate, vec![one.clone()]).unwrap_err(),
        ContractError::DailyLimit {
            left: Uint128::zero()
        }
    );
    // The window is Argent's: a day from the first spend, then a new one at the next spend.
    chain.advance(DAY - 1);
    assert!(!chain.can_execute(&delegate, one.clone()));
    chain.advance(1);
    assert!(chain.can_execute(&delegate, a.clone()));
    assert_eq!(chain.delegate_info(&delegate).left, Uint128::new(50 * CTC));
    chain.advance(3600);
    chain.run(&delegate, vec![a]).unwrap();
    let info = chain.delegate_info(&delegate);
    assert_eq!(info.spent, Uint128::new(30 * CTC));
    assert_eq!(info.window_ends_at, Some(chain.now().plus_seconds(DAY)));
}

#[test]
fn amounts_that_overflow_are_over_the_daily_amount() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    let huge = chain.transfer(&chain.stranger, u128::MAX);
    let err = chain.run(&delegate, vec![huge.clone(), huge]).unwrap_err();
    assert_eq!(
        err,
        ContractError::DailyLimit {
            left: Uint128::new(50 * CTC)
        }
    );
}

#[test]
fn a_replaced_grant_keeps_what_was_spent_in_the_window() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    let forty = chain.transfer(&chain.stranger, 40 * CTC);
    chain.run(&delegate, vec![forty.clone()]).unwrap();
    let ends = chain.delegate_info(&delegate).window_ends_at;
    chain.advance(60);
    chain.grant_spend(60, None);
    let info = chain.delegate_info(&delegate);
    assert_eq!(info.spent, Uint128::new(40 * CTC));
    assert_eq!(info.window_ends_at, ends);
    assert_eq!(info.left, Uint128::new(20 * CTC));
    assert!(!chain.can_execute(&delegate, forty));
    // Lowered below what was spent: nothing left, no underflow.
    chain.grant_spend(10, None);
    assert_eq!(chain.delegate_info(&delegate).left, Uint128::zero());
}

#[test]
fn payees_restrict_transfers_and_sends() {
    let mut chain = Chain::new();
    let tickets = chain.tickets.clone();
    chain.grant_spend(50, Some(vec![&tickets]));
    let delegate = chain.delegate.clone();
    chain
        .run(&delegate, vec![chain.send(&tickets, CTC)])
        .unwrap();
    chain
        .run(&delegate, vec![chain.transfer(&tickets, CTC)])
        .unwrap();
    let elsewhere = chain.addr("other-market");
    for msg in [chain.send(&elsewhere, CTC), chain.transfer(&elsewhere, CTC)] {
        assert!(!chain.can_execute(&delegate, msg.clone()));
        let err = chain.run(&delegate, vec![msg]).unwrap_err();
        assert_eq!(
            err,
            ContractError::PayeeNotAllowed {
                payee: elsewhere.to_string()
            }
        );
    }
    // The payee's other spelling is not the payee.
    let upper = tickets.to_string().to_uppercase();
    let msg = wasm_json(
        &chain.token,
        &format!(r#"{{"transfer":{{"recipient":"{upper}","amount":"1"}}}}"#),
    );
    assert_eq!(
        chain.run(&delegate, vec![msg]).unwrap_err(),
        ContractError::PayeeNotAllowed { payee: upper }
    );
}

#[test]
fn revoked_renounced_and_expired_delegates_are_refused_everywhere() {
    let mut chain = Chain::new();
    let (operator, delegate) = (chain.operator.clone(), chain.delegate.clone());
    chain.grant_spend(50, None);
    let one = chain.transfer(&chain.stranger, CTC);
    assert!(chain.can_execute(&delegate, one.clone()));
    assert!(chain.can_present(&delegate, PresentRight::Door));
    let no_grant = ContractError::NoGrant {
        address: delegate.to_string(),
    };
    // Revoked.
    chain
        .execute(
            &operator,
            ExecuteMsg::Revoke {
                delegate: delegate.to_string(),
            },
        )
        .unwrap();
    assert_eq!(
        chain.run(&delegate, vec![one.clone()]).unwrap_err(),
        no_grant
    );
    assert!(!chain.can_execute(&delegate, one.clone()));
    assert!(!chain.can_present(&delegate, PresentRight::Door));
    assert_eq!(
        chain.refused(
            &operator,
            ExecuteMsg::Revoke {
                delegate: delegate.to_string()
            }
        ),
        no_grant
    );
    // Renounced.
    chain.grant_spend(50, None);
    chain.execute(&delegate, ExecuteMsg::Renounce {}).unwrap();
    assert_eq!(
        chain.run(&delegate, vec![one.clone()]).unwrap_err(),
        no_grant
    );
    assert!(!chain.can_present(&delegate, PresentRight::Door));
    assert_eq!(chain.refused(&delegate, ExecuteMsg::Renounce {}), no_grant);
    // Expired: at its expiry instant, not swept, still listed.
    chain.grant_spend(50, None);
    chain.advance(10 * DAY - 1);
    assert!(chain.can_execute(&delegate, one.clone()));
    assert!(chain.can_present(&delegate, PresentRight::Door));
    chain.advance(1);
    assert_eq!(
        chain.run(&delegate, vec![one.clone()]).unwrap_err(),
        no_grant
    );
    assert!(!chain.can_execute(&delegate, one));
    assert!(!chain.can_present(&delegate, PresentRight::Door));
    let info = chain.delegate_info(&delegate);
    assert!(info.expired);
    assert_eq!(info.left, Uint128::zero());
    // An expired grant may still be renounced or revoked.
    chain.execute(&delegate, ExecuteMsg::Renounce {}).unwrap();
}

#[test]
fn codes_are_presented_by_the_operator_and_by_delegates_holding_the_right() {
    let mut chain = Chain::new();
    let (operator, delegate, stranger) = (
        chain.operator.clone(),
        chain.delegate.clone(),
        chain.stranger.clone(),
    );
    for right in [PresentRight::Door, PresentRight::Redeem] {
        assert!(chain.can_present(&operator, right));
        assert!(!chain.can_present(&stranger, right));
        assert!(!chain.can_present(&chain.partner.clone(), right));
    }
    let redeem_only = Rights {
        door: false,
        redeem: true,
        spend: None,
    };
    chain.grant_rights(&delegate, redeem_only, 1).unwrap();
    assert!(chain.can_present(&delegate, PresentRight::Redeem));
    assert!(!chain.can_present(&delegate, PresentRight::Door));
    // A key that is no address presents nothing; the query does not fail.
    let answer: crate::msg::CanPresentResponse = chain.ask(QueryMsg::CanPresent {
        key: "not-an-address".into(),
        right: PresentRight::Door,
    });
    assert!(!answer.allowed);
    // The query as ticket-nft and vouchers write it.
    let holder_query = ctc_interfaces::accounts::HolderQueryMsg::CanPresent {
        key: delegate.to_string(),
        right: PresentRight::Redeem,
    };
    let ours: QueryMsg = cosmwasm_std::from_json(to_json_binary(&holder_query).unwrap()).unwrap();
    let answer: ctc_interfaces::accounts::CanPresentResponse = chain.ask(ours);
    assert!(answer.allowed);
}

#[test]
fn a_door_only_delegate_spends_nothing() {
    let mut chain = Chain::new();
    let delegate = chain.delegate.clone();
    chain.grant_rights(&delegate, door_only(), 1).unwrap();
    let msg = chain.transfer(&chain.stranger, 1);
    assert!(!chain.can_execute(&delegate, msg.clone()));
    assert_eq!(
        chain.run(&delegate, vec![msg]).unwrap_err(),
        ContractError::NotAllowed {
            reason: "the grant has no spend right"
        }
    );
    // An empty `Execute` opens no window and stores nothing.
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    chain.run(&delegate, vec![]).unwrap();
    assert_eq!(ctc_testkit::snapshot(&chain.deps.storage), before);
}

//! A key rotation by a fan who still has the key.

use crate::msg::{ConfigResponse, DelegatesResponse, PresentRight};

use super::*;

fn propose_msg(new: &Addr) -> ExecuteMsg {
    ExecuteMsg::ProposeOperator {
        new_operator: new.to_string(),
    }
}

#[test]
fn a_rotation_takes_two_steps_clears_delegates_and_tells_the_factory() {
    let mut chain = Chain::new();
    let (operator, new_key, stranger) = (
        chain.operator.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    chain.grant_spend(50, None);
    assert_eq!(
        chain.refused(&stranger, propose_msg(&stranger)),
        ContractError::NotOperator
    );
    chain.execute(&operator, propose_msg(&new_key)).unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.pending_operator, Some(new_key.clone()));
    // Still the old key's until accepted, and only the proposed key accepts.
    assert!(chain.can_present(&operator, PresentRight::Door));
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::AcceptOperator {}),
        ContractError::NotPendingOperator
    );
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::AcceptOperator {}),
        ContractError::NotPendingOperator
    );
    let response = chain
        .execute(&new_key, ExecuteMsg::AcceptOperator {})
        .unwrap();
    assert_eq!(attribute(&response, "delegates_removed"), "1");
    let notice = format!(r#"{{"operator_changed":{{"old":"{operator}","new":"{new_key}"}}}}"#);
    assert_eq!(
        ctc_testkit::executes(&response),
        [(chain.factory.to_string(), notice)]
    );
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.operator, new_key);
    assert_eq!(config.pending_operator, None);
    // A rotation is not a recovery: the period is not used.
    assert_eq!(config.last_recovery_at, None);
    let delegates: DelegatesResponse = chain.ask(QueryMsg::Delegates {});
    assert!(delegates.delegates.is_empty());
    assert!(!chain.can_present(&operator, PresentRight::Door));
    assert!(chain.can_present(&new_key, PresentRight::Door));
}

#[test]
fn a_hand_made_account_rotates_without_a_notice() {
    let mut chain = Chain::with(|msg| msg.factory = None);
    let (operator, new_key) = (chain.operator.clone(), chain.new_key.clone());
    chain.execute(&operator, propose_msg(&new_key)).unwrap();
    let response = chain
        .execute(&new_key, ExecuteMsg::AcceptOperator {})
        .unwrap();
    assert!(response.messages.is_empty());
}

#[test]
fn the_new_key_is_not_the_operator_a_member_or_the_account() {
    let mut chain = Chain::new();
    let (operator, partner, account) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.account.clone(),
    );
    assert_eq!(
        chain.refused(&operator, propose_msg(&operator)),
        ContractError::AlreadyOperator {
            address: operator.to_string()
        }
    );
    assert_eq!(
        chain.refused(&operator, propose_msg(&partner)),
        ContractError::OperatorIsMember {
            address: partner.to_string()
        }
    );
    assert_eq!(
        chain.refused(&operator, propose_msg(&account)),
        ContractError::OperatorIsAccount
    );
}

#[test]
fn a_member_of_a_scheduled_set_cannot_become_the_operator() {
    let mut chain = Chain::new();
    let (operator, new_key) = (chain.operator.clone(), chain.new_key.clone());
    chain.execute(&operator, propose_msg(&new_key)).unwrap();
    // The set scheduled after the proposal names the key: the acceptance is refused.
    let mut config = chain.recovery_config();
    config.members.push(member(&new_key, 1, false));
    chain
        .execute(&operator, ExecuteMsg::UpdateRecovery { config })
        .unwrap();
    let member_error = ContractError::OperatorIsMember {
        address: new_key.to_string(),
    };
    assert_eq!(
        chain.refused(&new_key, ExecuteMsg::AcceptOperator {}),
        member_error
    );
    assert_eq!(
        chain.refused(&operator, propose_msg(&new_key)),
        member_error
    );
}

#[test]
fn a_rotation_can_be_cancelled() {
    let mut chain = Chain::new();
    let (operator, new_key) = (chain.operator.clone(), chain.new_key.clone());
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::CancelOperatorProposal {}),
        ContractError::NoPendingOperator
    );
    chain.execute(&operator, propose_msg(&new_key)).unwrap();
    assert_eq!(
        chain.refused(&new_key, ExecuteMsg::CancelOperatorProposal {}),
        ContractError::NotOperator
    );
    chain
        .execute(&operator, ExecuteMsg::CancelOperatorProposal {})
        .unwrap();
    assert_eq!(
        chain.refused(&new_key, ExecuteMsg::AcceptOperator {}),
        ContractError::NotPendingOperator
    );
}

//! Recovery as an attacker would test it (`docs/accounts-design.md` §9): quorum, partners'
//! standing, the period, the veto and its cooldown, the delay, bad new operators, changes of
//! the recovery set, and what a completed recovery leaves behind.

use ctc_interfaces::registry::Denial;

use crate::msg::{
    ConfigResponse, Outcome, PresentRight, ProposalStatus, RecordResponse, RecoveriesResponse,
    RecoverySet,
};
use crate::state::PROPOSAL_TTL_SECONDS;

use super::*;

fn id_of(response: &Response) -> u32 {
    attribute(response, "id").parse().unwrap()
}

fn records(chain: &Chain) -> Vec<RecordResponse> {
    let answer: RecoveriesResponse = chain.ask(QueryMsg::Recoveries {
        start_after: None,
        limit: None,
    });
    answer.recoveries
}

#[test]
fn a_friend_alone_under_the_threshold_cannot_recover() {
    let mut chain = Chain::new();
    let (friend1, friend2, new_key, stranger) = (
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(id, 1);
    let proposal = chain.proposal().unwrap();
    assert_eq!(proposal.weight, 1);
    assert_eq!(proposal.status, ProposalStatus::Approving);
    assert_eq!(proposal.evidence.to_hex(), evidence());
    chain.advance(DELAY + 1);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NoQuorum {
            weight: 1,
            threshold: 2
        }
    );
    // Approving twice adds nothing: refused, and the proposer approved by proposing.
    assert_eq!(
        chain.approve(&friend1, id).unwrap_err(),
        ContractError::AlreadyApproved {
            address: friend1.to_string()
        }
    );
    // A stranger's approval and proposal are refused.
    let not_a_member = ContractError::NotAMember {
        address: stranger.to_string(),
    };
    assert_eq!(chain.approve(&stranger, id).unwrap_err(), not_a_member);
    assert_eq!(
        chain.propose(&stranger, &new_key).unwrap_err(),
        not_a_member
    );
    // The operator is no member either.
    let operator = chain.operator.clone();
    assert_eq!(
        chain.approve(&operator, id).unwrap_err(),
        ContractError::NotAMember {
            address: operator.to_string()
        }
    );
    // The second friend brings the quorum: the delay counts from now.
    let response = chain.approve(&friend2, id).unwrap();
    let executable_at = chain.now().plus_seconds(DELAY);
    assert_eq!(
        attribute(&response, "executable_at"),
        executable_at.to_string()
    );
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NotYetExecutable { executable_at }
    );
    chain.advance(DELAY);
    chain.complete(&stranger, id).unwrap();
    assert_eq!(chain.current_operator(), new_key);
}

#[test]
fn approvals_are_bound_to_the_open_proposal() {
    let mut chain = Chain::new();
    let (friend1, friend2, new_key) = (
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
    );
    assert_eq!(
        chain.approve(&friend2, 1).unwrap_err(),
        ContractError::NoOpenProposal
    );
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(
        chain.approve(&friend2, id + 1).unwrap_err(),
        ContractError::UnknownProposal {
            id: id + 1,
            open: id
        }
    );
    // Withdrawn, then proposed again: an approval of the old id does not count for the new one.
    assert_eq!(
        chain
            .execute(&friend2, ExecuteMsg::WithdrawRecovery { id })
            .unwrap_err(),
        ContractError::NotProposer
    );
    chain
        .execute(&friend1, ExecuteMsg::WithdrawRecovery { id })
        .unwrap();
    let second = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(second, id + 1);
    assert_eq!(
        chain.approve(&friend2, id).unwrap_err(),
        ContractError::UnknownProposal { id, open: second }
    );
    let withdrawn = &records(&chain)[0];
    assert_eq!(withdrawn.outcome, Outcome::Withdrawn);
    assert_eq!(withdrawn.approvers, [friend1]);
}

#[test]
fn one_proposal_at_a_time_and_an_unapproved_one_expires_after_seven_days() {
    let mut chain = Chain::new();
    let (friend1, friend2, new_key, partner) = (
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.partner.clone(),
    );
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(
        chain.propose(&partner, &new_key).unwrap_err(),
        ContractError::ProposalOpen { id }
    );
    chain.advance(PROPOSAL_TTL_SECONDS);
    assert_eq!(chain.proposal().unwrap().status, ProposalStatus::Expired);
    assert_eq!(
        chain.approve(&friend2, id).unwrap_err(),
        ContractError::NoOpenProposal
    );
    // The next proposal records it as expired, at its expiry.
    let created_at = chain.now().minus_seconds(PROPOSAL_TTL_SECONDS);
    chain.advance(100);
    // A refused proposal records nothing (the harness checks the storage is untouched).
    let bad = ExecuteMsg::ProposeRecovery {
        new_operator: new_key.to_string(),
        evidence: "not a digest".into(),
    };
    assert_eq!(chain.refused(&partner, bad), ContractError::InvalidEvidence);
    assert!(records(&chain).is_empty());
    let second = id_of(&chain.propose(&partner, &new_key).unwrap());
    assert_eq!(second, id + 1);
    let expired = &records(&chain)[0];
    assert_eq!(expired.outcome, Outcome::Expired);
    assert_eq!(expired.proposed_at, created_at);
    assert_eq!(
        expired.closed_at,
        created_at.plus_seconds(PROPOSAL_TTL_SECONDS)
    );
}

#[test]
fn a_partner_suspended_before_approving_is_refused_and_after_it_loses_the_quorum() {
    let mut chain = Chain::new();
    let (partner, friend1, friend2, new_key, stranger) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    // Suspended: it can neither propose nor approve.
    chain.set_partner(&partner, Some(Denial::Suspended));
    let suspended = ContractError::PartnerNotAllowed {
        address: partner.to_string(),
        reason: "suspended".into(),
    };
    assert_eq!(chain.propose(&partner, &new_key).unwrap_err(), suspended);
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(chain.approve(&partner, id).unwrap_err(), suspended);
    // In standing again, it approves; then it is revoked during the delay.
    chain.set_partner(&partner, None);
    chain.approve(&partner, id).unwrap();
    chain.set_partner(&partner, Some(Denial::Revoked));
    chain.advance(DELAY);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::QuorumLost {
            weight: 1,
            threshold: 2
        }
    );
    // The second friend still may approve a proposal at its threshold, and restores it.
    chain.approve(&friend2, id).unwrap();
    chain.complete(&stranger, id).unwrap();
    assert_eq!(chain.current_operator(), new_key);
    assert_eq!(records(&chain)[0].approvers, [friend1, partner, friend2]);
}

#[test]
fn a_proposal_whose_quorum_was_lost_does_not_block_the_account_for_ever() {
    let mut chain = Chain::new();
    let (partner, friend1, new_key, stranger) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    chain.set_partner(&partner, Some(Denial::Suspended));
    chain.advance(DELAY);
    assert!(matches!(
        chain.complete(&stranger, id),
        Err(ContractError::QuorumLost { .. })
    ));
    assert_eq!(
        chain.propose(&friend1, &new_key).unwrap_err(),
        ContractError::ProposalOpen { id }
    );
    // Seven days after it became executable it expires.
    chain.advance(PROPOSAL_TTL_SECONDS);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NoOpenProposal
    );
    chain.propose(&friend1, &new_key).unwrap();
    assert_eq!(records(&chain)[0].outcome, Outcome::Expired);
}

#[test]
fn at_most_one_recovery_per_period() {
    let mut chain = Chain::new();
    let (partner, stranger) = (chain.partner.clone(), chain.stranger.clone());
    let completed_at = chain.now().plus_seconds(DELAY);
    chain.recover().unwrap();
    let next_at = completed_at.plus_seconds(PERIOD);
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.last_recovery_at, Some(completed_at));
    assert_eq!(config.next_recovery_at, Some(next_at));
    let another = chain.addr("another-key");
    assert_eq!(
        chain.propose(&partner, &another).unwrap_err(),
        ContractError::RecoveryTooSoon { next_at }
    );
    chain.advance(PERIOD - 1);
    assert_eq!(
        chain.propose(&partner, &another).unwrap_err(),
        ContractError::RecoveryTooSoon { next_at }
    );
    chain.advance(1);
    let id = id_of(&chain.propose(&partner, &another).unwrap());
    chain.advance(DELAY);
    chain.complete(&stranger, id).unwrap();
    assert_eq!(chain.current_operator(), another);
}

#[test]
fn the_old_key_vetoes_and_new_proposals_wait_a_delay() {
    let mut chain = Chain::new();
    let (partner, friend1, new_key, stranger, operator) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
        chain.operator.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    assert_eq!(chain.proposal().unwrap().status, ProposalStatus::Waiting);
    chain.advance(DELAY - 10);
    // Only the operator vetoes, with a reason of at most 256 bytes.
    assert_eq!(
        chain
            .execute(&partner, ExecuteMsg::VetoRecovery { id, reason: None })
            .unwrap_err(),
        ContractError::NotOperator
    );
    let long = ExecuteMsg::VetoRecovery {
        id,
        reason: Some("x".repeat(257)),
    };
    assert!(matches!(
        chain.refused(&operator, long),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "reason",
            max: 256
        })
    ));
    let msg = ExecuteMsg::VetoRecovery {
        id,
        reason: Some("I still have my phone".into()),
    };
    let response = chain.execute(&operator, msg).unwrap();
    let until = chain.now().plus_seconds(DELAY);
    assert_eq!(attribute(&response, "cooldown_until"), until.to_string());
    chain.advance(10);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NoOpenProposal
    );
    let vetoed = &records(&chain)[0];
    assert_eq!(vetoed.outcome, Outcome::Vetoed);
    assert_eq!(vetoed.old, operator);
    assert_eq!(vetoed.new, new_key);
    assert_eq!(vetoed.evidence.to_hex(), evidence());
    assert_eq!(vetoed.reason.as_deref(), Some("I still have my phone"));
    assert_eq!(chain.current_operator(), operator);
    // The cooldown: no proposal by anyone until it ends; the period is not used up.
    assert_eq!(
        chain.propose(&friend1, &new_key).unwrap_err(),
        ContractError::Cooldown { until }
    );
    let answer: ProposalResponse = chain.ask(QueryMsg::Proposal {});
    assert_eq!(answer.cooldown_until, Some(until));
    assert_eq!(answer.next_recovery_at, None);
    chain.advance(DELAY - 10);
    chain.propose(&partner, &new_key).unwrap();
}

#[test]
fn a_veto_comes_before_quorum_too_and_only_for_the_open_proposal() {
    let mut chain = Chain::new();
    let (friend1, new_key) = (chain.friend1.clone(), chain.new_key.clone());
    assert_eq!(chain.veto(1).unwrap_err(), ContractError::NoOpenProposal);
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(
        chain.veto(id + 1).unwrap_err(),
        ContractError::UnknownProposal {
            id: id + 1,
            open: id
        }
    );
    chain.veto(id).unwrap();
}

#[test]
fn anyone_completes_after_the_delay_and_not_before() {
    let mut chain = Chain::new();
    let (partner, new_key, stranger) = (
        chain.partner.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    let executable_at = chain.now().plus_seconds(DELAY);
    chain.advance(DELAY - 1);
    assert_eq!(
        chain.complete(&partner, id).unwrap_err(),
        ContractError::NotYetExecutable { executable_at }
    );
    chain.advance(1);
    assert_eq!(chain.proposal().unwrap().status, ProposalStatus::Executable);
    let response = chain.complete(&stranger, id).unwrap();
    assert_eq!(attribute(&response, "operator"), new_key.to_string());
    assert_eq!(chain.proposal(), None);
    let completed = &records(&chain)[0];
    assert_eq!(completed.outcome, Outcome::Completed);
    assert_eq!(completed.closed_at, executable_at);
    // The new key operates; the old one no longer does.
    let old = chain.operator.clone();
    let msg = chain.transfer(&stranger, 1);
    assert_eq!(
        chain.run(&old, vec![msg.clone()]).unwrap_err(),
        ContractError::NoGrant {
            address: old.to_string()
        }
    );
    assert!(!chain.can_present(&old, PresentRight::Door));
    chain.run(&new_key, vec![msg]).unwrap();
    assert!(chain.can_present(&new_key, PresentRight::Door));
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NoOpenProposal
    );
}

#[test]
fn a_new_operator_is_neither_the_operator_a_member_nor_the_account() {
    let mut chain = Chain::new();
    let (partner, friend1, operator, account) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.operator.clone(),
        chain.account.clone(),
    );
    assert_eq!(
        chain.propose(&partner, &operator).unwrap_err(),
        ContractError::AlreadyOperator {
            address: operator.to_string()
        }
    );
    for member in [&partner, &friend1] {
        assert_eq!(
            chain.propose(&partner, member).unwrap_err(),
            ContractError::OperatorIsMember {
                address: member.to_string()
            }
        );
    }
    assert_eq!(
        chain.propose(&partner, &account).unwrap_err(),
        ContractError::OperatorIsAccount
    );
    let bad = ExecuteMsg::ProposeRecovery {
        new_operator: "not-an-address".into(),
        evidence: evidence(),
    };
    assert!(matches!(
        chain.refused(&partner, bad),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "new_operator",
            ..
        })
    ));
}

#[test]
fn evidence_is_a_lowercase_sha256_digest() {
    let mut chain = Chain::new();
    let (partner, new_key) = (chain.partner.clone(), chain.new_key.clone());
    for evidence in [
        "AB".repeat(32),
        "ab".repeat(31),
        "ab".repeat(33),
        "zz".repeat(32),
        String::new(),
        format!("{}é", "a".repeat(62)),
    ] {
        let msg = ExecuteMsg::ProposeRecovery {
            new_operator: new_key.to_string(),
            evidence: evidence.clone(),
        };
        assert_eq!(
            chain.refused(&partner, msg),
            ContractError::InvalidEvidence,
            "{evidence}"
        );
    }
    let digest = "0123456789abcdef".repeat(4);
    let msg = ExecuteMsg::ProposeRecovery {
        new_operator: new_key.to_string(),
        evidence: digest.clone(),
    };
    let response = chain.execute(&partner, msg).unwrap();
    assert_eq!(attribute(&response, "evidence"), digest);
    assert_eq!(chain.proposal().unwrap().evidence.to_hex(), digest);
}

#[test]
fn the_recovery_set_changes_after_a_delay_and_never_during_a_proposal() {
    let mut chain = Chain::new();
    let (operator, partner, friend1, new_key, stranger) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    // The friends alone, threshold 2.
    let mut friends_only = chain.recovery_config();
    friends_only.members.remove(0);
    let update = ExecuteMsg::UpdateRecovery {
        config: friends_only.clone(),
    };
    assert_eq!(
        chain.refused(&stranger, update.clone()),
        ContractError::NotOperator
    );
    // Checked as at instantiate.
    let mut with_operator = friends_only.clone();
    with_operator.members.push(member(&operator, 1, false));
    assert_eq!(
        chain.refused(
            &operator,
            ExecuteMsg::UpdateRecovery {
                config: with_operator
            }
        ),
        ContractError::OperatorIsMember {
            address: operator.to_string()
        }
    );
    // Refused while a proposal is open.
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(
        chain.refused(&operator, update.clone()),
        ContractError::ProposalOpen { id }
    );
    chain.veto(id).unwrap();
    chain.execute(&operator, update).unwrap();
    let due_at = chain.now().plus_seconds(DELAY);
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.recovery_update.unwrap().due_at, due_at);
    // Applied early: refused; in time: by anyone.
    chain.advance(DELAY - 1);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::UpdateNotDue { due_at }
    );
    chain.advance(1);
    chain
        .execute(&stranger, ExecuteMsg::ApplyRecoveryUpdate {})
        .unwrap();
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set.members.len(), 2);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    // The partner is no member now.
    assert_eq!(
        chain.propose(&partner, &new_key).unwrap_err(),
        ContractError::NotAMember {
            address: partner.to_string()
        }
    );
}

#[test]
fn a_due_update_waits_while_a_proposal_is_open() {
    let mut chain = Chain::new();
    let (operator, friend1, new_key, stranger) = (
        chain.operator.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let config = chain.recovery_config();
    chain
        .execute(&operator, ExecuteMsg::UpdateRecovery { config })
        .unwrap();
    chain.advance(DELAY);
    let id = id_of(&chain.propose(&friend1, &new_key).unwrap());
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::ProposalOpen { id }
    );
    // Cancelled by the operator only.
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::CancelRecoveryUpdate {}),
        ContractError::NotOperator
    );
    chain
        .execute(&operator, ExecuteMsg::CancelRecoveryUpdate {})
        .unwrap();
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::CancelRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
}

#[test]
fn a_stolen_keys_update_is_dropped_by_the_partners_recovery() {
    let mut chain = Chain::new();
    let (thief, partner, friend1, new_key, stranger) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    // The thief schedules a set without the partner, naming an accomplice.
    let accomplice = chain.addr("accomplice");
    let mut theirs = chain.recovery_config();
    theirs.members = vec![member(&accomplice, 1, false)];
    theirs.threshold = 1;
    chain
        .execute(&thief, ExecuteMsg::UpdateRecovery { config: theirs })
        .unwrap();
    // The partner proposes before it is due; the thief cannot apply it meanwhile.
    chain.advance(DELAY / 2);
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    chain.advance(DELAY);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::ProposalOpen { id }
    );
    let response = chain.complete(&stranger, id).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "true");
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.recovery_update, None);
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set.members.len(), 3);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    let _ = friend1;
}

#[test]
fn a_recovery_clears_every_delegate_and_the_pending_rotation() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    chain.grant_spend(50, None);
    let (delegate, stranger) = (chain.delegate.clone(), chain.stranger.clone());
    let friendly = chain.addr("door-friend");
    chain
        .grant_rights(
            &friendly,
            Rights {
                door: true,
                redeem: true,
                spend: None,
            },
            5,
        )
        .unwrap();
    let rotation = ExecuteMsg::ProposeOperator {
        new_operator: chain.addr("rotated").to_string(),
    };
    chain.execute(&operator, rotation).unwrap();
    let response = chain.recover().unwrap();
    assert_eq!(attribute(&response, "delegates_removed"), "2");
    let delegates: crate::msg::DelegatesResponse = chain.ask(QueryMsg::Delegates {});
    assert!(delegates.delegates.is_empty());
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.pending_operator, None);
    // The old key's delegates are refused everywhere.
    let msg = chain.transfer(&stranger, 1);
    assert!(matches!(
        chain.run(&delegate, vec![msg.clone()]),
        Err(ContractError::NoGrant { .. })
    ));
    assert!(!chain.can_execute(&delegate, msg));
    assert!(!chain.can_present(&delegate, PresentRight::Door));
    assert!(!chain.can_present(&friendly, PresentRight::Redeem));
    let rotated = chain.addr("rotated");
    assert_eq!(
        chain.refused(&rotated, ExecuteMsg::AcceptOperator {}),
        ContractError::NotPendingOperator
    );
}

#[test]
fn a_completed_recovery_tells_the_factory_and_a_hand_made_account_tells_no_one() {
    let mut chain = Chain::new();
    let old = chain.operator.clone();
    let response = chain.recover().unwrap();
    let notice = format!(
        r#"{{"operator_changed":{{"old":"{old}","new":"{}"}}}}"#,
        chain.new_key
    );
    assert_eq!(
        ctc_testkit::executes(&response),
        [(chain.factory.to_string(), notice)]
    );
    // A plain message: the factory's index cannot fall behind the account.
    assert_eq!(response.messages[0].reply_on, cosmwasm_std::ReplyOn::Never);

    let mut chain = Chain::with(|msg| msg.factory = None);
    let response = chain.recover().unwrap();
    assert!(response.messages.is_empty());
}

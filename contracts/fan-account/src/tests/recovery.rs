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
    // Its proposer cannot propose again, for this key or another, while it is open.
    let another = chain.addr("another-key");
    for key in [&new_key, &another] {
        assert_eq!(
            chain.propose(&friend1, key).unwrap_err(),
            ContractError::ProposalOpen { id }
        );
    }
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
    // The second friend still may approve a proposal at its threshold, and restores it: the
    // delay starts again, the operator has a whole one to veto.
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
    // Once the proposal is withdrawn (a veto would start a cooldown, during which no change is
    // scheduled), the change is scheduled.
    chain
        .execute(&friend1, ExecuteMsg::WithdrawRecovery { id })
        .unwrap();
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
fn a_due_update_does_not_outlive_a_members_proposal() {
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
    // Due, not applied: the first proposal drops it, and says so.
    let response = chain.propose(&friend1, &new_key).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "true");
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.recovery_update, None);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::CancelRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    // A proposal with nothing scheduled says nothing was dropped.
    let id = id_of(&response);
    chain.veto(id).unwrap();
    chain.advance(DELAY);
    let response = chain.propose(&friend1, &new_key).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "false");
}

#[test]
fn a_scheduled_update_is_cancelled_by_the_operator_only() {
    let mut chain = Chain::new();
    let (operator, stranger, friend1) = (
        chain.operator.clone(),
        chain.stranger.clone(),
        chain.friend1.clone(),
    );
    let config = chain.recovery_config();
    chain
        .execute(&operator, ExecuteMsg::UpdateRecovery { config })
        .unwrap();
    for outsider in [&stranger, &friend1] {
        assert_eq!(
            chain.refused(outsider, ExecuteMsg::CancelRecoveryUpdate {}),
            ContractError::NotOperator
        );
    }
    chain
        .execute(&operator, ExecuteMsg::CancelRecoveryUpdate {})
        .unwrap();
    assert_eq!(
        chain.refused(&operator, ExecuteMsg::CancelRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    chain.advance(DELAY);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
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
    // The partner proposes before it is due: the proposal drops it.
    chain.advance(DELAY / 2);
    let response = chain.propose(&partner, &new_key).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "true");
    let id = id_of(&response);
    chain.advance(DELAY);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    // The recovery completes; nothing was left for it to drop.
    let response = chain.complete(&stranger, id).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "false");
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.recovery_update, None);
    assert_eq!(config.operator, new_key);
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set.members.len(), 3);
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::ApplyRecoveryUpdate {}),
        ContractError::NoRecoveryUpdate
    );
    // The friends are members still.
    assert!(set
        .members
        .iter()
        .any(|member| member.address == friend1.as_str()));
}

/// A set scheduled once a proposal expired (the schedule records it) is dropped by the next
/// proposal as any other.
#[test]
fn a_set_scheduled_after_an_expired_proposal_is_dropped_by_the_next_one() {
    let mut chain = Chain::new();
    let (thief, partner, friend1, new_key, stranger) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    // A friend's proposal, left to expire.
    chain.propose(&friend1, &new_key).unwrap();
    chain.advance(PROPOSAL_TTL_SECONDS);
    // The thief schedules a set without the partner: the expired proposal is recorded.
    let mut theirs = chain.recovery_config();
    theirs.members.remove(0);
    chain
        .execute(&thief, ExecuteMsg::UpdateRecovery { config: theirs })
        .unwrap();
    assert_eq!(records(&chain)[0].outcome, Outcome::Expired);
    let response = chain.propose(&partner, &new_key).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "true");
    chain.advance(DELAY);
    let response = chain.complete(&stranger, id_of(&response)).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "false");
    assert_eq!(chain.current_operator(), new_key);
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set.members[0].address, partner.as_str());
}

/// The attack the drop closes: a thief holding the key schedules a set without the partner,
/// vetoes the partner's proposal, and would apply the set during the cooldown its veto starts.
#[test]
fn a_thief_cannot_veto_the_partner_and_apply_a_set_without_it() {
    let mut chain = Chain::new();
    let (thief, partner, new_key, stranger) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let before: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    let accomplice = chain.addr("accomplice");
    let mut theirs = chain.recovery_config();
    theirs.members = vec![member(&accomplice, 1, false)];
    theirs.threshold = 1;
    chain
        .execute(&thief, ExecuteMsg::UpdateRecovery { config: theirs })
        .unwrap();
    let due_at = chain.now().plus_seconds(DELAY);
    // The partner notices and proposes; the thief vetoes.
    chain.advance(DELAY / 3);
    let response = chain.propose(&partner, &new_key).unwrap();
    assert_eq!(attribute(&response, "recovery_update_dropped"), "true");
    chain.veto(id_of(&response)).unwrap();
    let cooldown_until = chain.now().plus_seconds(DELAY);
    assert!(cooldown_until > due_at);
    // During the cooldown, past the set's due date: nothing to apply, by anyone.
    chain.advance(2 * DELAY / 3 + 10);
    assert!(chain.now() > due_at && chain.now() < cooldown_until);
    for sender in [&thief, &accomplice, &stranger] {
        assert_eq!(
            chain.refused(sender, ExecuteMsg::ApplyRecoveryUpdate {}),
            ContractError::NoRecoveryUpdate
        );
    }
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set, before);
    assert_eq!(
        chain.propose(&accomplice, &new_key).unwrap_err(),
        ContractError::NotAMember {
            address: accomplice.to_string()
        }
    );
    // The partner, still a member, proposes again once the cooldown ends.
    let wait = cooldown_until.seconds() - chain.now().seconds();
    chain.advance(wait);
    let response = chain.propose(&partner, &new_key).unwrap();
    chain.advance(DELAY);
    chain.complete(&stranger, id_of(&response)).unwrap();
    assert_eq!(chain.current_operator(), new_key);
}

#[test]
fn a_thief_cannot_schedule_a_set_in_the_block_of_its_veto() {
    let mut chain = Chain::new();
    let (thief, partner, new_key) = (
        chain.operator.clone(),
        chain.partner.clone(),
        chain.new_key.clone(),
    );
    let accomplice = chain.addr("accomplice");
    let mut theirs = chain.recovery_config();
    theirs.members = vec![member(&accomplice, 1, false)];
    theirs.threshold = 1;
    let response = chain.propose(&partner, &new_key).unwrap();
    chain.veto(id_of(&response)).unwrap();
    let cooldown_until = chain.now().plus_seconds(DELAY);
    // Scheduled now, the set would fall due with the cooldown's end, racing the next proposal.
    assert_eq!(
        chain.refused(
            &thief,
            ExecuteMsg::UpdateRecovery {
                config: theirs.clone()
            }
        ),
        ContractError::Cooldown {
            until: cooldown_until
        }
    );
    chain.advance(DELAY - 1);
    assert_eq!(
        chain.refused(
            &thief,
            ExecuteMsg::UpdateRecovery {
                config: theirs.clone()
            }
        ),
        ContractError::Cooldown {
            until: cooldown_until
        }
    );
    // At the cooldown's end the partner's proposal comes first or the change waits a delay more.
    chain.advance(1);
    chain.propose(&partner, &new_key).unwrap();
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

/// The bounds the account was created with hold for every later set: a stolen key cannot
/// schedule a delay of "never" or a recovery a century apart.
#[test]
fn a_changed_set_keeps_the_factorys_bounds() {
    let mut chain = Chain::with(|msg| msg.bounds = Some(factory_bounds()));
    let (operator, stranger) = (chain.operator.clone(), chain.stranger.clone());
    let bounds = factory_bounds();
    let delay_out = ContractError::DelayOutOfBounds {
        min: bounds.min_delay_seconds,
        max: bounds.max_delay_seconds,
    };
    let period_out = ContractError::PeriodOutOfBounds {
        min: bounds.min_period_seconds,
        max: bounds.max_period_seconds,
    };
    let with = |chain: &Chain, delay, period| {
        let mut config = chain.recovery_config();
        config.delay_seconds = delay;
        config.period_seconds = period;
        ExecuteMsg::UpdateRecovery { config }
    };
    let cases = [
        (bounds.min_delay_seconds - 1, PERIOD, &delay_out),
        (
            bounds.max_delay_seconds + 1,
            bounds.max_period_seconds,
            &delay_out,
        ),
        (u64::MAX, u64::MAX, &delay_out),
        (
            bounds.min_delay_seconds,
            bounds.min_period_seconds - 1,
            &period_out,
        ),
        (DELAY, bounds.max_period_seconds + 1, &period_out),
    ];
    for (delay, period, expected) in cases {
        let msg = with(&chain, delay, period);
        assert_eq!(&chain.refused(&operator, msg), expected, "{delay} {period}");
    }
    // At the bounds: scheduled, and applied after the delay in force.
    let msg = with(&chain, bounds.min_delay_seconds, bounds.min_period_seconds);
    chain.execute(&operator, msg).unwrap();
    let msg = with(&chain, bounds.max_delay_seconds, bounds.max_period_seconds);
    chain.execute(&operator, msg).unwrap();
    chain.advance(DELAY);
    chain
        .execute(&stranger, ExecuteMsg::ApplyRecoveryUpdate {})
        .unwrap();
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(
        (set.delay_seconds, set.period_seconds),
        (bounds.max_delay_seconds, bounds.max_period_seconds)
    );
    // The next change is held to the same bounds.
    let msg = with(
        &chain,
        bounds.max_delay_seconds + 1,
        bounds.max_period_seconds,
    );
    assert_eq!(chain.refused(&operator, msg), delay_out);
}

#[test]
fn without_a_factorys_bounds_a_changed_set_keeps_the_accounts_own() {
    use ctc_interfaces::accounts::{MAX_DELAY_SECONDS, MAX_PERIOD_SECONDS};
    let delay_out = ContractError::DelayOutOfBounds {
        min: 1,
        max: MAX_DELAY_SECONDS,
    };
    let period_out = ContractError::PeriodOutOfBounds {
        min: 1,
        max: MAX_PERIOD_SECONDS,
    };
    // Named by the factory without bounds, and made by hand.
    for hand_made in [false, true] {
        let mut chain = Chain::with(|msg| {
            if hand_made {
                msg.factory = None;
            }
        });
        let operator = chain.operator.clone();
        let with = |chain: &Chain, delay, period| {
            let mut config = chain.recovery_config();
            config.delay_seconds = delay;
            config.period_seconds = period;
            ExecuteMsg::UpdateRecovery { config }
        };
        for (delay, period, expected) in [
            (u64::MAX, u64::MAX, &delay_out),
            (MAX_DELAY_SECONDS + 1, MAX_PERIOD_SECONDS, &delay_out),
            (DELAY, u64::MAX, &period_out),
            (DELAY, MAX_PERIOD_SECONDS + 1, &period_out),
        ] {
            let msg = with(&chain, delay, period);
            assert_eq!(
                &chain.refused(&operator, msg),
                expected,
                "{hand_made} {delay} {period}"
            );
        }
        let msg = with(&chain, MAX_DELAY_SECONDS, MAX_PERIOD_SECONDS);
        chain.execute(&operator, msg).unwrap();
    }
}

#[test]
fn a_proposal_without_quorum_is_replaced_by_a_member_of_at_least_its_weight() {
    let mut chain = Chain::new();
    let (partner, friend1, friend2, new_key, stranger, operator) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
        chain.operator.clone(),
    );
    let other_key = chain.addr("other-key");
    // A friend (weight 1) proposes; the other friend (weight 1) proposes another key.
    let first = id_of(&chain.propose(&friend1, &new_key).unwrap());
    let proposed_at = chain.now();
    chain.advance(60);
    let second = id_of(&chain.propose(&friend2, &other_key).unwrap());
    assert_eq!(second, first + 1);
    let replaced = &records(&chain)[0];
    assert_eq!(
        (
            replaced.id,
            replaced.outcome,
            &replaced.proposer,
            &replaced.new,
            &replaced.old
        ),
        (first, Outcome::Replaced, &friend1, &new_key, &operator)
    );
    assert_eq!(replaced.approvers, std::slice::from_ref(&friend1));
    assert_eq!(
        (replaced.proposed_at, replaced.closed_at),
        (proposed_at, chain.now())
    );
    assert_eq!(Outcome::Replaced.as_str(), "replaced");
    // Approvals of the replaced proposal count for nothing.
    assert_eq!(
        chain.approve(&partner, first).unwrap_err(),
        ContractError::UnknownProposal {
            id: first,
            open: second
        }
    );
    // A partner out of standing replaces nothing.
    chain.set_partner(&partner, Some(Denial::Suspended));
    assert!(matches!(
        chain.propose(&partner, &new_key),
        Err(ContractError::PartnerNotAllowed { .. })
    ));
    assert_eq!(chain.proposal().unwrap().id, second);
    chain.set_partner(&partner, None);
    // The partner (weight 2) replaces it; its own proposal has the quorum at once.
    let third = id_of(&chain.propose(&partner, &new_key).unwrap());
    assert_eq!(third, second + 1);
    assert_eq!(records(&chain)[1].outcome, Outcome::Replaced);
    assert_eq!(chain.proposal().unwrap().status, ProposalStatus::Waiting);
    // With its quorum, nobody replaces it: neither a friend nor the partner itself.
    for member in [&friend1, &friend2, &partner] {
        assert_eq!(
            chain.propose(member, &other_key).unwrap_err(),
            ContractError::ProposalOpen { id: third }
        );
    }
    chain.advance(DELAY);
    chain.complete(&stranger, third).unwrap();
    let outcomes: Vec<Outcome> = records(&chain).iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [Outcome::Replaced, Outcome::Replaced, Outcome::Completed]
    );
    assert_eq!(chain.current_operator(), new_key);
}

#[test]
fn a_lighter_member_cannot_replace_a_heavier_proposal() {
    // Threshold 3: the partner (2) alone, or the two friends (1 each), fall short of it.
    let mut chain = Chain::with(|msg| msg.recovery.threshold = 3);
    let (partner, friend1, friend2, new_key, stranger) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let other_key = chain.addr("other-key");
    // The partner's proposal (weight 2, no quorum): neither friend (1) replaces it.
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    assert_eq!(chain.proposal().unwrap().status, ProposalStatus::Approving);
    for friend in [&friend1, &friend2] {
        assert_eq!(
            chain.propose(friend, &other_key).unwrap_err(),
            ContractError::ProposalOpen { id }
        );
    }
    chain
        .execute(&partner, ExecuteMsg::WithdrawRecovery { id })
        .unwrap();
    // A friend's proposal with the other friend's approval weighs 2: the partner (2) may
    // replace it, and then neither friend may replace the partner's.
    let friends = id_of(&chain.propose(&friend1, &other_key).unwrap());
    chain.approve(&friend2, friends).unwrap();
    assert_eq!(chain.proposal().unwrap().weight, 2);
    let partners = id_of(&chain.propose(&partner, &new_key).unwrap());
    let replaced = records(&chain).pop().unwrap();
    assert_eq!(replaced.outcome, Outcome::Replaced);
    assert_eq!(replaced.approvers, [friend1.clone(), friend2.clone()]);
    for friend in [&friend1, &friend2] {
        assert_eq!(
            chain.propose(friend, &other_key).unwrap_err(),
            ContractError::ProposalOpen { id: partners }
        );
    }
    // A friend's approval brings the quorum; the recovery completes after the delay.
    chain.approve(&friend1, partners).unwrap();
    chain.advance(DELAY);
    chain.complete(&stranger, partners).unwrap();
    assert_eq!(chain.current_operator(), new_key);
}

/// Rule of the delay: the quorum friends restore after the partner approver lost its standing
/// gives the operator a whole delay to veto, counted from the last approval.
#[test]
fn a_quorum_restored_after_a_partner_lost_standing_waits_a_whole_new_delay() {
    let mut chain = Chain::new();
    let (partner, friend1, friend2, new_key, stranger, operator) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
        chain.operator.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    chain.advance(DELAY / 2);
    chain.set_partner(&partner, Some(Denial::Suspended));
    chain.advance(DELAY / 2);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::QuorumLost {
            weight: 0,
            threshold: 2
        }
    );
    // The friends approve after the first executable_at.
    chain.advance(3_600);
    chain.approve(&friend1, id).unwrap();
    chain.advance(3_600);
    let response = chain.approve(&friend2, id).unwrap();
    let executable_at = chain.now().plus_seconds(DELAY);
    assert_eq!(
        attribute(&response, "executable_at"),
        executable_at.to_string()
    );
    let proposal = chain.proposal().unwrap();
    assert_eq!(
        (proposal.executable_at, proposal.status),
        (Some(executable_at), ProposalStatus::Waiting)
    );
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NotYetExecutable { executable_at }
    );
    chain.advance(DELAY - 1);
    assert_eq!(
        chain.complete(&friend1, id).unwrap_err(),
        ContractError::NotYetExecutable { executable_at }
    );
    // The operator could still veto here; it did not.
    chain.advance(1);
    chain.complete(&stranger, id).unwrap();
    assert_eq!(chain.current_operator(), new_key);
    let completed = &records(&chain)[0];
    assert_eq!(completed.approvers, [partner, friend1, friend2]);
    assert_eq!(completed.old, operator);
}

#[test]
fn the_operator_vetoes_within_the_restored_delay() {
    let mut chain = Chain::new();
    let (partner, friend1, friend2, new_key, stranger, operator) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.friend2.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
        chain.operator.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    chain.set_partner(&partner, Some(Denial::Revoked));
    chain.advance(DELAY + 60);
    chain.approve(&friend1, id).unwrap();
    chain.approve(&friend2, id).unwrap();
    chain.advance(DELAY - 1);
    chain.veto(id).unwrap();
    chain.advance(1);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NoOpenProposal
    );
    assert_eq!(chain.current_operator(), operator);
    assert_eq!(records(&chain)[0].outcome, Outcome::Vetoed);
}

#[test]
fn an_approval_after_the_quorum_restarts_the_delay() {
    let mut chain = Chain::new();
    let (partner, friend1, new_key, stranger) = (
        chain.partner.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.stranger.clone(),
    );
    let id = id_of(&chain.propose(&partner, &new_key).unwrap());
    let first = chain.now().plus_seconds(DELAY);
    chain.advance(DELAY - 1);
    let response = chain.approve(&friend1, id).unwrap();
    let executable_at = chain.now().plus_seconds(DELAY);
    assert_eq!(attribute(&response, "weight"), "3");
    assert_eq!(
        attribute(&response, "executable_at"),
        executable_at.to_string()
    );
    chain.advance(1);
    assert_eq!(chain.now(), first);
    assert_eq!(
        chain.complete(&stranger, id).unwrap_err(),
        ContractError::NotYetExecutable { executable_at }
    );
    // The expiry counts from the new executable_at.
    assert_eq!(
        chain.proposal().unwrap().expires_at,
        executable_at.plus_seconds(PROPOSAL_TTL_SECONDS)
    );
    chain.advance(DELAY - 1);
    chain.complete(&stranger, id).unwrap();
}

//! The creator's standing, as the registry pushes it to this contract's mirror: a suspended,
//! revoked or unlisted creator raises nothing more and withdraws nothing; once revoked, anyone may
//! cancel its campaign and everything goes back to its backers.

use ctc_conventions::ConventionError;
use ctc_interfaces::registry::Denial;

use super::*;
use crate::msg::CampaignStatus;

fn not_active(reason: Denial) -> ContractError {
    ContractError::CreatorNotActive { reason }
}

#[test]
fn only_the_registry_updates_the_mirror() {
    let mut chain = Chain::new();
    let creator = chain.accounts.creator.clone();
    let suspend = ExecuteMsg::RegistryUpdate(RegistryUpdate::Partner {
        address: creator.clone(),
        standing: Some(PartnerStanding {
            standing: Standing::Suspended,
            capabilities: vec![],
        }),
    });
    // The creator un-suspending itself, or anyone suspending it: refused, nothing changes.
    let stranger = chain.deps.api.addr_make("stranger");
    for sender in [&creator, &stranger, &chain.accounts.owner.clone()] {
        assert_eq!(
            chain.refused(sender, suspend.clone()),
            ContractError::Convention(ConventionError::NotRegistry)
        );
    }
    chain.pledge(0, 100 * CTC).unwrap();
    let registry = chain.accounts.registry.clone();
    let response = chain.execute(&registry, suspend).unwrap();
    assert_eq!(response.attributes[0].value, "registry_update");
    assert_eq!(
        chain.pledge(0, 100 * CTC).unwrap_err(),
        not_active(Denial::Suspended)
    );
}

/// A pledge to a campaign whose creator is not Active is refused with the reason, and nothing
/// changes (the unit checks the storage); reinstated, the campaign takes pledges again.
#[test]
fn a_suspended_revoked_or_unlisted_creators_campaign_takes_no_pledge() {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    let before = chain.campaign();
    for (standing, reason) in [
        (Some(Standing::Suspended), Denial::Suspended),
        (Some(Standing::Revoked), Denial::Revoked),
        (None, Denial::NotAPartner),
    ] {
        chain.set_creator_standing(standing);
        let err = chain.pledge(1, 200 * CTC).unwrap_err();
        assert_eq!(err, not_active(reason));
        assert_eq!(
            err.to_string(),
            format!(
                "the campaign's creator is not an active partner: {}",
                reason.as_str()
            )
        );
        assert_eq!(chain.campaign(), before);
    }
    chain.set_creator_standing(Some(Standing::Active));
    chain.pledge(1, 200 * CTC).unwrap();
    assert_eq!(chain.campaign().raised, Uint128::new(300 * CTC));
}

/// Backers may still leave a suspended creator's campaign before its goal.
#[test]
fn backers_may_still_withdraw_from_a_suspended_creators_campaign() {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.set_creator_standing(Some(Standing::Suspended));
    let backer = chain.accounts.backers[0].clone();
    let response = chain
        .execute(&backer, ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backer, 100 * CTC)
    );
}

/// The funds are withheld while the creator is suspended, not forfeited: reinstated, it
/// withdraws them.
#[test]
fn a_suspended_creator_withdraws_after_reinstatement() {
    let mut chain = succeeded();
    let creator = chain.accounts.creator.clone();
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: 1 };
    chain.set_creator_standing(Some(Standing::Suspended));
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        not_active(Denial::Suspended)
    );
    chain.set_creator_standing(None);
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        not_active(Denial::NotAPartner)
    );
    // Backers' claims go on meanwhile.
    let backer = chain.accounts.backers[0].clone();
    chain
        .execute(&backer, ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    chain.set_creator_standing(Some(Standing::Active));
    let response = chain.execute(&creator, withdraw).unwrap();
    // 1,050 − 499.999998 (backer 0's tickets) − 100 (owed to backer 1's) = 450.000002.
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response)[0].1,
        ctc_disburse_json(&[(treasury, 11_250_000), (&creator, 438_750_002)], 0)
    );
}

/// Revoked: a stranger cancels the open campaign, even one that reached its goal at its close;
/// every backer takes its pledge back and the creator, even reinstated later, takes nothing.
#[test]
fn a_stranger_cancels_a_revoked_creators_open_campaign() {
    let mut chain = Chain::new();
    chain.pledge(0, 600 * CTC).unwrap();
    chain.pledge(1, 900 * CTC).unwrap();
    let stranger = chain.deps.api.addr_make("stranger");
    let cancel = ExecuteMsg::Cancel { campaign_id: 1 };
    assert_eq!(
        chain.refused(&stranger, cancel.clone()),
        ContractError::NotCreatorOrAuthority
    );
    // Suspended is not enough.
    chain.set_creator_standing(Some(Standing::Suspended));
    assert_eq!(
        chain.refused(&stranger, cancel.clone()),
        ContractError::NotCreatorOrAuthority
    );
    chain.set_creator_standing(Some(Standing::Revoked));
    // The hard cap is reached: only finalizing would be left to the creator or the authority.
    let response = chain.execute(&stranger, cancel.clone()).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "creator_revoked" && a.value == "true"));
    assert!(matches!(
        chain.campaign().status,
        CampaignStatus::Cancelled { .. }
    ));
    assert_eq!(chain.refused(&stranger, cancel), ContractError::NotOpen);
    let backers = chain.accounts.backers.clone();
    for (n, amount) in [(0, 600 * CTC), (1, 900 * CTC)] {
        let response = chain
            .execute(&backers[n], ExecuteMsg::Refund { campaign_id: 1 })
            .unwrap();
        assert_eq!(
            executes(&response)[0].1,
            cw20_transfer_json(&backers[n], amount)
        );
    }
    assert_eq!(chain.campaign().held, Uint128::zero());
    let creator = chain.accounts.creator.clone();
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: 1 };
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        not_active(Denial::Revoked)
    );
    chain.set_creator_standing(Some(Standing::Active));
    assert_eq!(
        chain.refused(&creator, withdraw),
        ContractError::CancelledForRevocation
    );
}

/// Revoked after success, before the withdrawal: a stranger cancels although every reward can
/// still be delivered. A backer who claimed gets its pledge back less what went to ticket-nft
/// with its tickets (refunded by ticket-nft if the show is cancelled); the others all of it.
#[test]
fn a_revoked_creators_succeeded_campaign_goes_back_to_its_backers() {
    let mut chain = succeeded();
    let backers = chain.accounts.backers.clone();
    chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    let stranger = chain.deps.api.addr_make("stranger");
    let cancel = ExecuteMsg::Cancel { campaign_id: 1 };
    assert_eq!(
        chain.refused(&stranger, cancel.clone()),
        ContractError::NotCreatorOrAuthority
    );
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.refused(&creator, cancel.clone()),
        ContractError::AlreadySucceeded
    );
    chain.set_creator_standing(Some(Standing::Revoked));
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: 1 };
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        not_active(Denial::Revoked)
    );
    chain.execute(&stranger, cancel).unwrap();
    let refund = ExecuteMsg::Refund { campaign_id: 1 };
    let response = chain.execute(&backers[0], refund.clone()).unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[0], 600 * CTC - VALUE_1)
    );
    let response = chain.execute(&backers[1], refund.clone()).unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[1], 450 * CTC)
    );
    assert_eq!(
        chain.refused(&backers[0], refund),
        ContractError::AlreadyRefunded
    );
    let campaign = chain.campaign();
    assert_eq!(campaign.held, Uint128::zero());
    assert_eq!(campaign.sent_to_tickets, Uint128::new(VALUE_1));
    chain.set_creator_standing(Some(Standing::Active));
    assert_eq!(
        chain.refused(&creator, withdraw),
        ContractError::CancelledForRevocation
    );
}

/// A withdrawal made while the creator was Active stands: a later revocation cannot cancel, and
/// the value kept for unclaimed rewards still serves their claims.
#[test]
fn a_withdrawn_campaign_cannot_be_cancelled_after_revocation() {
    let mut chain = succeeded();
    let creator = chain.accounts.creator.clone();
    chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    chain.set_creator_standing(Some(Standing::Revoked));
    let stranger = chain.deps.api.addr_make("stranger");
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Cancel { campaign_id: 1 }),
        ContractError::AlreadyWithdrawn
    );
    let backer = chain.accounts.backers[1].clone();
    let response = chain
        .execute(&backer, ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    assert_eq!(mint_funded(&chain, &response).0, VALUE_0);
}

/// Cancelled for undeliverable rewards, the claimed pledges' remainders wait for the creator. If
/// it is revoked before withdrawing them, anyone may mark the cancellation as a revocation's:
/// those remainders go back to their backers instead of waiting for good.
#[test]
fn a_revocation_after_a_cancellation_returns_the_claimed_remainders() {
    let mut chain = succeeded();
    let backers = chain.accounts.backers.clone();
    chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    let at = chain.env.block.time;
    chain.change_tickets(|t| t.status = EventStatus::Cancelled { at });
    let owner = chain.accounts.owner.clone();
    let cancel = ExecuteMsg::Cancel { campaign_id: 1 };
    chain.execute(&owner, cancel.clone()).unwrap();
    let refund = ExecuteMsg::Refund { campaign_id: 1 };
    assert_eq!(
        chain.refused(&backers[0], refund.clone()),
        ContractError::AlreadyClaimed
    );
    let stranger = chain.deps.api.addr_make("stranger");
    assert_eq!(
        chain.refused(&stranger, cancel.clone()),
        ContractError::NotCreatorOrAuthority
    );
    chain.set_creator_standing(Some(Standing::Revoked));
    chain.execute(&stranger, cancel.clone()).unwrap();
    assert_eq!(chain.refused(&stranger, cancel), ContractError::NotOpen);
    let response = chain.execute(&backers[0], refund.clone()).unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[0], 600 * CTC - VALUE_1)
    );
    chain.execute(&backers[1], refund).unwrap();
    assert_eq!(chain.campaign().held, Uint128::zero());
    chain.set_creator_standing(Some(Standing::Active));
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        ContractError::CancelledForRevocation
    );
}

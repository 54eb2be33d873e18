//! What a campaign promises its backers must stay mintable: checked at launch and before the
//! creator takes the funds; a successful campaign whose rewards cannot be delivered any more may
//! be cancelled, its unrewarded backers refunded.

use super::*;
use crate::msg::CampaignStatus;

fn undeliverable(reason: &'static str) -> ContractError {
    ContractError::RewardsUndeliverable {
        event_id: 7,
        reason,
    }
}

const NOT_MINTER: &str = "its issuer has not named this contract a minter (set_minter)";
const NOT_SCHEDULED: &str = "the event is cancelled or settled";
const TOO_FEW: &str = "a reward tier has fewer tickets left than its backers are owed";

#[test]
fn a_campaign_offers_only_rewards_ticket_nft_will_mint() {
    let mut chain = Chain::new();
    let creator = chain.accounts.creator.clone();
    let launch = |chain: &mut Chain| {
        let input = campaign_input(&chain.env);
        chain.refused(&creator, ExecuteMsg::Launch { campaign: input })
    };
    chain.change_tickets(|t| t.minter = false);
    assert_eq!(launch(&mut chain), undeliverable(NOT_MINTER));
    chain.change_tickets(|t| {
        t.minter = true;
        t.status = EventStatus::Cancelled {
            at: t.ends_at.minus_seconds(1),
        };
    });
    assert_eq!(launch(&mut chain), undeliverable(NOT_SCHEDULED));
    // Tier 1 pays three tickets a reward.
    chain.change_tickets(|t| {
        t.status = EventStatus::Scheduled;
        t.left = [100, 2];
    });
    assert_eq!(
        launch(&mut chain),
        undeliverable("a reward tier has fewer tickets left than one reward")
    );
    chain.change_tickets(|t| t.left = [100, 3]);
    let input = campaign_input(&chain.env);
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
}

/// Backers paid for tickets: the creator takes the money only while ticket-nft can mint every
/// reward not claimed yet. Rewards are counted per tier as pledges move, so exactly the tickets
/// owed are asked for.
#[test]
fn the_funds_wait_until_every_owed_reward_can_be_minted() {
    let mut chain = succeeded();
    let creator = chain.accounts.creator.clone();
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: 1 };
    // Owed: one ticket of tier 0, three of tier 1.
    chain.change_tickets(|t| t.left = [1, 2]);
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable(TOO_FEW)
    );
    chain.change_tickets(|t| t.left = [0, 3]);
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable(TOO_FEW)
    );
    chain.change_tickets(|t| {
        t.left = [1, 3];
        t.minter = false;
    });
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable(NOT_MINTER)
    );
    let ends_at = chain.tickets.ends_at;
    chain.change_tickets(|t| {
        t.minter = true;
        t.status = EventStatus::Cancelled { at: ends_at };
    });
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable(NOT_SCHEDULED)
    );
    let now = chain.env.block.time;
    chain.change_tickets(|t| {
        t.status = EventStatus::Scheduled;
        t.ends_at = now;
    });
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable("the event is over")
    );
    // Backer 0 takes its three tickets: tier 1 owes nothing more.
    chain.change_tickets(|t| t.ends_at = now.plus_seconds(DAY));
    let backer = chain.accounts.backers[0].clone();
    chain
        .execute(&backer, ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    chain.change_tickets(|t| t.left = [1, 0]);
    let response = chain.execute(&creator, withdraw).unwrap();
    let treasury = &chain.accounts.treasury;
    // 1,050 CTC raised, less the 499.999998 that went with backer 0's tickets and the 100 still
    // owed to backer 1's: 450.000002, of which 2.5% (rounded down) is the fee.
    assert_eq!(
        executes(&response),
        [(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(treasury, 11_250_000), (&creator, 438_750_002)], 0)
        )]
    );
    assert_eq!(chain.campaign().held, Uint128::new(VALUE_0));
}

/// When the issuer cancels its event (or otherwise stops the rewards) after success and before
/// the withdrawal, the funds would be stuck: the creator or the authority may then cancel. Backers
/// without their tickets are refunded; the pledges whose tickets were delivered go to the creator.
#[test]
fn undeliverable_rewards_let_a_successful_campaign_be_cancelled() {
    let mut chain = succeeded();
    let owner = chain.accounts.owner.clone();
    let creator = chain.accounts.creator.clone();
    let backers = chain.accounts.backers.clone();
    let cancel = ExecuteMsg::Cancel { campaign_id: 1 };
    assert_eq!(
        chain.refused(&owner, cancel.clone()),
        ContractError::AlreadySucceeded
    );
    chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    let at = chain.env.block.time;
    chain.change_tickets(|t| t.status = EventStatus::Cancelled { at });
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        undeliverable(NOT_SCHEDULED)
    );
    assert_eq!(
        chain.refused(&backers[2], cancel.clone()),
        ContractError::NotCreatorOrAuthority
    );
    chain.execute(&owner, cancel).unwrap();
    assert!(matches!(
        chain.campaign().status,
        CampaignStatus::Cancelled { .. }
    ));
    assert_eq!(
        chain.refused(&backers[1], ExecuteMsg::ClaimRewards { campaign_id: 1 }),
        ContractError::NotSucceeded
    );
    let response = chain
        .execute(&backers[1], ExecuteMsg::Refund { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[1], 450 * CTC)
    );
    assert_eq!(
        chain.refused(&backers[0], ExecuteMsg::Refund { campaign_id: 1 }),
        ContractError::AlreadyClaimed
    );
    // Backer 0's 600 CTC paid for the tickets it holds: their 499.999998 CTC went to ticket-nft
    // with them, the other 100.000002 are the creator's, 2.5% to the treasury, once.
    let token = chain.accounts.token.to_string();
    let response = chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response),
        vec![(
            token,
            ctc_disburse_json(&[(treasury, 2_500_000), (&creator, 97_500_002)], 0)
        )]
    );
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        ContractError::AlreadyWithdrawn
    );
    assert_eq!(chain.campaign().held, Uint128::zero());
}

/// The reviewer's attack: a partner offers another issuer's event as its reward (that event named
/// crowdfund a minter for some other campaign), the issuer never approves, every backer's claim
/// is refused, and the creator would withdraw anyway. The money waits for the approval, and
/// without it the campaign may be cancelled and its backers refunded.
#[test]
fn the_funds_wait_for_the_reward_issuers_approval() {
    let mut chain = succeeded();
    // As if the event's issuer were a third party that never approved this campaign.
    crate::state::REWARD_APPROVALS.remove(&mut chain.deps.storage, (1, 7));
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        undeliverable("its issuer has not approved this campaign's rewards (approve_rewards)")
    );
    let owner = chain.accounts.owner.clone();
    chain
        .execute(&owner, ExecuteMsg::Cancel { campaign_id: 1 })
        .unwrap();
    let backer = chain.accounts.backers[1].clone();
    let response = chain
        .execute(&backer, ExecuteMsg::Refund { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backer, 450 * CTC)
    );
}

/// Backers paid for their tickets: what is owed to unclaimed rewards stays in the contract when
/// the creator withdraws, and each later claim sends exactly its reward's value with the tickets.
#[test]
fn the_withdrawal_leaves_what_unclaimed_rewards_are_owed() {
    let mut chain = succeeded();
    let campaign = chain.campaign();
    assert_eq!(
        (campaign.owed_to_rewards, campaign.sent_to_tickets),
        (Uint128::new(VALUE_0 + VALUE_1), Uint128::zero())
    );
    let creator = chain.accounts.creator.clone();
    let response = chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    // 1,050 CTC raised, less the 599.999998 owed: 450.000002, 2.5% of it to the treasury.
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response)[0].1,
        ctc_disburse_json(&[(treasury, 11_250_000), (&creator, 438_750_002)], 0)
    );
    let campaign = chain.campaign();
    assert_eq!(campaign.released, Uint128::new(450_000_002));
    assert_eq!(campaign.held, campaign.owed_to_rewards);
    let backers = chain.accounts.backers.clone();
    for (n, tier, quantity, value) in [(1, 0, 1, VALUE_0), (0, 1, 3, VALUE_1)] {
        let response = chain
            .execute(&backers[n], ExecuteMsg::ClaimRewards { campaign_id: 1 })
            .unwrap();
        let hook = TicketReceiveMsg::MintFunded {
            event_id: 7,
            tier,
            recipient: backers[n].to_string(),
            quantity,
        };
        assert_eq!(mint_funded(&chain, &response), (value, hook));
        assert_eq!(
            chain.pledge_of(1, &backers[n]).sent_to_tickets,
            Uint128::new(value)
        );
    }
    let campaign = chain.campaign();
    assert_eq!(
        (
            campaign.held,
            campaign.owed_to_rewards,
            campaign.sent_to_tickets
        ),
        (
            Uint128::zero(),
            Uint128::zero(),
            Uint128::new(VALUE_0 + VALUE_1)
        )
    );
}

/// A reward tier whose minimum pledge is smaller than its ticket count (in the token's smallest
/// unit) carries nothing per ticket: its tickets are minted reserved, as before.
#[test]
fn a_reward_worth_nothing_per_ticket_is_minted_without_value() {
    let mut chain = Chain::new();
    let mut input = campaign_input(&chain.env);
    input.goal = Uint128::new(2);
    input.hard_cap = None;
    input.min_pledge = Uint128::new(1);
    input.reward_tiers.truncate(1);
    input.reward_tiers[0].min_pledge = Uint128::new(2);
    input.reward_tiers[0].tickets = 3;
    let creator = chain.accounts.creator.clone();
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    let backer = chain.accounts.backers[0].clone();
    chain.pledge_as(&backer, 2, 2).unwrap();
    chain.after_deadline();
    chain
        .execute(&backer, ExecuteMsg::Finalize { campaign_id: 2 })
        .unwrap();
    assert_eq!(chain.campaign_of(2).owed_to_rewards, Uint128::zero());
    let response = chain
        .execute(&backer, ExecuteMsg::ClaimRewards { campaign_id: 2 })
        .unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.ticket_nft.to_string(),
            format!(
                r#"{{"mint_reserved":{{"event_id":7,"tier":0,"recipient":"{backer}","quantity":3}}}}"#
            )
        )]
    );
}

/// The reward's value, once, to a backer whose reward ticket-nft can no longer mint; not while it
/// can, not twice, and the reward can no longer be claimed. It stops counting as owed, so the
/// creator's withdrawal (which waits for the rewards still owed) goes ahead.
#[test]
fn an_undeliverable_reward_refunds_exactly_its_value_once() {
    let mut chain = succeeded();
    let backers = chain.accounts.backers.clone();
    let pull = ExecuteMsg::RefundUndeliverableReward { campaign_id: 1 };
    assert_eq!(
        chain.refused(&backers[1], pull.clone()),
        ContractError::RewardStillDeliverable { event_id: 7 }
    );
    assert_eq!(
        chain.refused(&backers[2], pull.clone()),
        ContractError::NoPledge
    );
    // Tier 0 sold out: backer 1's ticket cannot be minted, backer 0's three of tier 1 can.
    chain.change_tickets(|t| t.left = [0, 100]);
    assert_eq!(
        chain.refused(&backers[0], pull.clone()),
        ContractError::RewardStillDeliverable { event_id: 7 }
    );
    let creator = chain.accounts.creator.clone();
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: 1 };
    assert_eq!(
        chain.refused(&creator, withdraw.clone()),
        undeliverable(TOO_FEW)
    );
    let response = chain.execute(&backers[1], pull.clone()).unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.token.to_string(),
            cw20_transfer_json(&backers[1], VALUE_0)
        )]
    );
    assert_eq!(
        chain.pledge_of(1, &backers[1]).reward_refund,
        Some(Uint128::new(VALUE_0))
    );
    assert_eq!(
        chain.refused(&backers[1], pull.clone()),
        ContractError::RewardAlreadyRefunded
    );
    assert_eq!(
        chain.refused(&backers[1], ExecuteMsg::ClaimRewards { campaign_id: 1 }),
        ContractError::RewardAlreadyRefunded
    );
    let campaign = chain.campaign();
    assert_eq!(
        (campaign.refunded, campaign.owed_to_rewards),
        (Uint128::new(VALUE_0), Uint128::new(VALUE_1))
    );
    // Only tier 1 is owed now, and it can be minted: 1,050 − 100 − 499.999998 = 450.000002.
    let response = chain.execute(&creator, withdraw).unwrap();
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response)[0].1,
        ctc_disburse_json(&[(treasury, 11_250_000), (&creator, 438_750_002)], 0)
    );
    let response = chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    assert_eq!(mint_funded(&chain, &response).0, VALUE_1);
    assert_eq!(
        chain.refused(&backers[0], pull),
        ContractError::AlreadyClaimed
    );
    assert_eq!(chain.campaign().held, Uint128::zero());
}

/// A show cancelled after success: one backer pulls its reward's value back at once; the
/// campaign is then cancelled (the other reward is undeliverable too) and that backer's refund is
/// what is left of its pledge, the other's all of it.
#[test]
fn a_cancellation_after_a_reward_refund_returns_the_rest_of_the_pledge() {
    let mut chain = succeeded();
    let backers = chain.accounts.backers.clone();
    let at = chain.env.block.time;
    chain.change_tickets(|t| t.status = EventStatus::Cancelled { at });
    let response = chain
        .execute(
            &backers[1],
            ExecuteMsg::RefundUndeliverableReward { campaign_id: 1 },
        )
        .unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[1], VALUE_0)
    );
    let owner = chain.accounts.owner.clone();
    chain
        .execute(&owner, ExecuteMsg::Cancel { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        chain.refused(
            &backers[0],
            ExecuteMsg::RefundUndeliverableReward { campaign_id: 1 }
        ),
        ContractError::NotSucceeded
    );
    let refund = ExecuteMsg::Refund { campaign_id: 1 };
    let response = chain.execute(&backers[1], refund.clone()).unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[1], 450 * CTC - VALUE_0)
    );
    let response = chain.execute(&backers[0], refund).unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backers[0], 600 * CTC)
    );
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        ContractError::NotSucceeded
    );
    assert_eq!(chain.campaign().held, Uint128::zero());
}

/// A backer whose whole pledge went with its tickets has nothing left to refund after a
/// revocation: refused, changing nothing.
#[test]
fn a_pledge_that_all_went_to_tickets_has_nothing_to_refund() {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.pledge(1, 900 * CTC).unwrap();
    chain.after_deadline();
    let backers = chain.accounts.backers.clone();
    chain
        .execute(&backers[0], ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    chain.set_creator_standing(Some(Standing::Revoked));
    chain
        .execute(&backers[2], ExecuteMsg::Cancel { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        chain.refused(&backers[0], ExecuteMsg::Refund { campaign_id: 1 }),
        ContractError::NothingToRefund
    );
    chain
        .execute(&backers[1], ExecuteMsg::Refund { campaign_id: 1 })
        .unwrap();
    assert_eq!(chain.campaign().held, Uint128::zero());
}

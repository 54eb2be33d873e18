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

/// Backer 0 ends at 600 CTC (three tickets of tier 1) after passing through tier 0, backer 1 at
/// 450 CTC (one ticket of tier 0); backer 2 pledged and withdrew. Finalized as succeeded.
fn succeeded() -> Chain {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.pledge(2, 200 * CTC).unwrap();
    let backer = chain.accounts.backers[2].clone();
    chain
        .execute(&backer, ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    chain.pledge(0, 500 * CTC).unwrap();
    chain.pledge(1, 450 * CTC).unwrap();
    chain.after_deadline();
    chain
        .execute(&backer, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    chain
}

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
    assert_eq!(
        executes(&response),
        [(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(treasury, 26_250_000), (&creator, 1_023_750_000)], 0)
        )]
    );
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
    // Backer 0's 600 CTC paid for the tickets it holds: 2.5% to the treasury, the rest to the
    // creator, once.
    let token = chain.accounts.token.to_string();
    let response = chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response),
        vec![(
            token,
            ctc_disburse_json(&[(treasury, 15 * CTC), (&creator, 585 * CTC)], 0)
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

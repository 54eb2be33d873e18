use ctc_conventions::ConventionError;

use super::*;
use crate::msg::{BackersResponse, PledgeResponse};

fn ask<T: serde::de::DeserializeOwned>(chain: &Chain, msg: QueryMsg) -> T {
    from_json(query(chain.deps.as_ref(), chain.env.clone(), msg).unwrap()).unwrap()
}

#[test]
fn pledges_add_up_per_backer() {
    let mut chain = Chain::new();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.pledge(0, 50 * CTC).unwrap();
    chain.pledge(1, 20 * CTC).unwrap();
    let pledge: PledgeResponse = ask(
        &chain,
        QueryMsg::Pledge {
            campaign_id: 1,
            backer: chain.accounts.backers[0].to_string(),
        },
    );
    assert_eq!(pledge.amount, Uint128::new(150 * CTC));
    let campaign = chain.campaign();
    assert_eq!(
        (campaign.raised, campaign.backers),
        (Uint128::new(170 * CTC), 2)
    );
    let page: BackersResponse = ask(
        &chain,
        QueryMsg::Backers {
            campaign_id: 1,
            start_after: None,
            limit: Some(1),
        },
    );
    assert_eq!(page.backers.len(), 1);
}

#[test]
fn refuses_other_tokens_and_pledges_out_of_time() {
    let mut chain = Chain::new();
    let fake = chain.deps.api.addr_make("fake");
    assert_eq!(
        chain.pledge_via(&fake, 0, 100 * CTC).unwrap_err(),
        ContractError::Convention(ConventionError::WrongToken)
    );
    assert_eq!(
        chain.pledge(0, 9 * CTC).unwrap_err(),
        ContractError::BelowMinimum {
            min_pledge: Uint128::new(10 * CTC)
        }
    );
    chain.after_deadline();
    assert!(matches!(
        chain.pledge(0, 100 * CTC).unwrap_err(),
        ContractError::DeadlinePassed { .. }
    ));
}

#[test]
fn a_pledge_is_withdrawn_whole_before_the_goal_only() {
    let mut chain = Chain::new();
    chain.pledge(0, 300 * CTC).unwrap();
    let backers = chain.accounts.backers.clone();
    assert_eq!(
        chain.refused(&backers[1], ExecuteMsg::WithdrawPledge { campaign_id: 1 }),
        ContractError::NoPledge
    );
    let response = chain
        .execute(&backers[0], ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.token.to_string(),
            cw20_transfer_json(&backers[0], 300 * CTC)
        )]
    );
    assert_eq!(chain.campaign().backers, 0);
    chain.pledge(1, 1_000 * CTC).unwrap();
    assert_eq!(
        chain.refused(&backers[1], ExecuteMsg::WithdrawPledge { campaign_id: 1 }),
        ContractError::GoalReached
    );
}

#[test]
fn a_claim_mints_the_highest_tier_reached() {
    let mut chain = Chain::new();
    chain.pledge(0, 600 * CTC).unwrap();
    chain.pledge(1, 450 * CTC).unwrap();
    let backers = chain.accounts.backers.clone();
    let claim = ExecuteMsg::ClaimRewards { campaign_id: 1 };
    assert_eq!(
        chain.refused(&backers[0], claim.clone()),
        ContractError::NotSucceeded
    );
    chain.after_deadline();
    chain
        .execute(&backers[2], ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    // Three tickets of tier 1, carrying the tier's 500 CTC split over them (rounded down per
    // ticket) in a CTC `Send` to ticket-nft.
    let response = chain.execute(&backers[0], claim.clone()).unwrap();
    let hook = TicketReceiveMsg::MintFunded {
        event_id: 7,
        tier: 1,
        recipient: backers[0].to_string(),
        quantity: 3,
    };
    assert_eq!(mint_funded(&chain, &response), (VALUE_1, hook));
    assert_eq!(VALUE_1, 499_999_998);
    let response = chain.execute(&backers[1], claim.clone()).unwrap();
    let (value, hook) = mint_funded(&chain, &response);
    assert_eq!(value, VALUE_0);
    assert!(matches!(
        hook,
        TicketReceiveMsg::MintFunded {
            tier: 0,
            quantity: 1,
            ..
        }
    ));
    assert_eq!(
        chain.refused(&backers[0], claim.clone()),
        ContractError::AlreadyClaimed
    );
    assert_eq!(chain.refused(&backers[2], claim), ContractError::NoPledge);
}

#[test]
fn refunds_follow_failure_once_per_backer() {
    let mut chain = Chain::new();
    chain.pledge(0, 200 * CTC).unwrap();
    let backers = chain.accounts.backers.clone();
    let refund = ExecuteMsg::Refund { campaign_id: 1 };
    assert_eq!(
        chain.refused(&backers[0], refund.clone()),
        ContractError::NotRefundable
    );
    chain.after_deadline();
    chain
        .execute(&backers[1], ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    let response = chain.execute(&backers[0], refund.clone()).unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.token.to_string(),
            cw20_transfer_json(&backers[0], 200 * CTC)
        )]
    );
    assert_eq!(chain.campaign().held, Uint128::zero());
    assert_eq!(
        chain.refused(&backers[0], refund),
        ContractError::AlreadyRefunded
    );
}

#[test]
fn claims_and_refunds_follow_the_outcome() {
    let mut chain = Chain::new();
    chain.pledge(0, 600 * CTC).unwrap();
    let backers = chain.accounts.backers.clone();
    let creator = chain.accounts.creator.clone();
    chain
        .execute(&creator, ExecuteMsg::Cancel { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        chain.refused(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 }),
        ContractError::NotSucceeded
    );

    let mut won = Chain::new();
    won.pledge(0, 1_000 * CTC).unwrap();
    won.after_deadline();
    won.execute(&backers[1], ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        won.refused(&backers[0], ExecuteMsg::Refund { campaign_id: 1 }),
        ContractError::NotRefundable
    );
}

#[test]
fn a_backer_who_withdraws_and_returns_is_counted_once() {
    let mut chain = Chain::new();
    let backer = chain.accounts.backers[0].clone();
    chain.pledge(0, 100 * CTC).unwrap();
    chain
        .execute(&backer, ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    chain.pledge(0, 40 * CTC).unwrap();
    let campaign = chain.campaign();
    assert_eq!(
        (campaign.backers, campaign.raised),
        (1, Uint128::new(40 * CTC))
    );
    chain.after_deadline();
    chain
        .execute(&backer, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    let response = chain
        .execute(&backer, ExecuteMsg::Refund { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response)[0].1,
        cw20_transfer_json(&backer, 40 * CTC)
    );
}

#[test]
fn pledges_open_at_the_start_and_close_at_the_deadline() {
    let mut chain = Chain::new();
    let deadline = chain.campaign().deadline;
    chain.pledge(0, 10 * CTC).unwrap();
    chain.env.block.time = deadline.minus_nanos(1);
    chain.pledge(1, 10 * CTC).unwrap();
    chain.env.block.time = deadline;
    assert_eq!(
        chain.pledge(2, 10 * CTC).unwrap_err(),
        ContractError::DeadlinePassed { deadline }
    );
}

/// Finding 13: the creator pledges the missing amount so that its own campaign succeeds and every
/// other pledge becomes final, for the fee on its own pledge. So does the issuer of its reward
/// event. Both are refused and nothing changes; the issuer may back campaigns it gives no rewards
/// to.
#[test]
fn neither_the_creator_nor_a_reward_issuer_can_pledge() {
    let mut chain = Chain::new();
    chain.pledge(0, 900 * CTC).unwrap();
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.pledge_as(&creator, 1, 100 * CTC).unwrap_err(),
        ContractError::CreatorPledge
    );
    let theater = chain.deps.api.addr_make("theater");
    chain.set_event_issuer(&theater);
    let input = campaign_input(&chain.env);
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    assert_eq!(
        chain.pledge_as(&theater, 2, 1_000 * CTC).unwrap_err(),
        ContractError::IssuerPledge { event_id: 7 }
    );
    assert_eq!(
        chain.pledge_as(&creator, 2, 1_000 * CTC).unwrap_err(),
        ContractError::CreatorPledge
    );
    chain.pledge_as(&theater, 1, 50 * CTC).unwrap();
    let campaign = chain.campaign();
    assert_eq!(
        (campaign.raised, campaign.backers),
        (Uint128::new(950 * CTC), 2)
    );
    chain.after_deadline();
    let anyone = chain.accounts.backers[2].clone();
    let response = chain
        .execute(&anyone, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    assert_eq!(response.attributes[2].value, "failed");
}

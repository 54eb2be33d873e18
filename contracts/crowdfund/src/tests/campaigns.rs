use cosmwasm_std::coins;
use cosmwasm_std::testing::{mock_dependencies, mock_env};
use ctc_conventions::{AdminError, ConventionError};
use ctc_testkit::snapshot;

use super::*;
use crate::contract::{migrate, CONTRACT};
use crate::msg::{CampaignStatus, CampaignsResponse, MigrateMsg, StatusFilter};

fn launch_with(chain: &mut Chain, change: impl FnOnce(&mut CampaignInput)) -> ContractError {
    let mut input = campaign_input(&chain.env);
    change(&mut input);
    let creator = chain.accounts.creator.clone();
    chain.refused(&creator, ExecuteMsg::Launch { campaign: input })
}

#[test]
fn launching_draws_on_the_registry_and_fixes_the_fee() {
    let chain = Chain::new();
    let campaign = chain.campaign();
    assert_eq!(campaign.status, CampaignStatus::Open);
    assert_eq!(campaign.platform_fee.get(), 250);
    let mut again = Chain::new();
    let creator = again.accounts.creator.clone();
    let input = campaign_input(&again.env);
    let response = again
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            again.accounts.registry.to_string(),
            format!(
                r#"{{"consume_quota":{{"partner":"{creator}","capability":"launch_crowdfunds","units":1}}}}"#
            )
        )]
    );
}

#[test]
fn refuses_malformed_campaigns() {
    let mut chain = Chain::new();
    let now = chain.env.block.time;
    let reason = |err: ContractError| match err {
        ContractError::InvalidCampaign { reason } => reason,
        other => panic!("{other}"),
    };
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.goal = Uint128::zero())),
        "the goal must be greater than zero"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.hard_cap = Some(Uint128::new(1)))),
        "the hard cap cannot be below the goal"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.deadline = now)),
        "the deadline must be in the future and after the start"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.min_pledge = Uint128::zero())),
        "the minimum pledge must be greater than zero"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.reward_tiers.reverse())),
        "reward tiers need increasing minimum pledges, each at least the minimum pledge"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.reward_tiers[0].tickets = 21)),
        "a reward is between 1 and 20 tickets"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| {
            c.deadline = c.starts_at.plus_seconds(181 * DAY)
        })),
        "a campaign starts within 90 days and runs for at most 180 days"
    );
    assert_eq!(
        reason(launch_with(&mut chain, |c| c.reward_tiers[1].tier = 2)),
        "a reward names a tier its event does not have"
    );
    assert_eq!(
        launch_with(&mut chain, |c| c.title = String::new()),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "title",
            max: 128
        })
    );
}

#[test]
fn finalizing_waits_for_the_deadline_or_the_cap() {
    let mut chain = Chain::new();
    chain.pledge(0, 1_200 * CTC).unwrap();
    let anyone = chain.accounts.backers[2].clone();
    let deadline = chain.campaign().deadline;
    assert_eq!(
        chain.refused(&anyone, ExecuteMsg::Finalize { campaign_id: 1 }),
        ContractError::TooEarlyToFinalize { deadline }
    );
    chain.after_deadline();
    let response = chain
        .execute(&anyone, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    assert_eq!(response.attributes[2].value, "succeeded");
    assert_eq!(
        chain.refused(&anyone, ExecuteMsg::Finalize { campaign_id: 1 }),
        ContractError::NotOpen
    );
    assert_eq!(
        chain.refused(&anyone, ExecuteMsg::Finalize { campaign_id: 2 }),
        ContractError::CampaignNotFound { campaign_id: 2 }
    );
}

#[test]
fn the_creator_withdraws_once_with_the_fee_to_the_treasury() {
    let mut chain = Chain::new();
    chain.pledge(0, 1_000 * CTC + 7).unwrap();
    chain.after_deadline();
    let creator = chain.accounts.creator.clone();
    chain
        .execute(&creator, ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    let backer = chain.accounts.backers[0].clone();
    assert_eq!(
        chain.refused(&backer, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        ContractError::NotCreator
    );
    let response = chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    let token = chain.accounts.token.to_string();
    // The backer's three tickets of tier 1 are still owed their 499,999,998: the rest,
    // 500,000,009, is withdrawn. 2.5% of it rounds down to 12,500,000; the creator gets the rest.
    // Both in one call into the token.
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response),
        vec![(
            token,
            ctc_disburse_json(&[(treasury, 12_500_000), (&creator, 487_500_009)], 0)
        )]
    );
    assert_eq!(chain.campaign().held, Uint128::new(VALUE_1));
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 }),
        ContractError::AlreadyWithdrawn
    );
}

#[test]
fn cancelling_is_for_the_creator_or_the_authority_while_open() {
    let mut chain = Chain::new();
    let backer = chain.accounts.backers[0].clone();
    assert_eq!(
        chain.refused(&backer, ExecuteMsg::Cancel { campaign_id: 1 }),
        ContractError::NotCreatorOrAuthority
    );
    let owner = chain.accounts.owner.clone();
    chain
        .execute(&owner, ExecuteMsg::Cancel { campaign_id: 1 })
        .unwrap();
    assert!(matches!(
        chain.campaign().status,
        CampaignStatus::Cancelled { .. }
    ));
    let creator = chain.accounts.creator.clone();
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::Cancel { campaign_id: 1 }),
        ContractError::NotOpen
    );
    let page: CampaignsResponse = from_json(
        query(
            chain.deps.as_ref(),
            chain.env.clone(),
            QueryMsg::Campaigns {
                status: Some(StatusFilter::Cancelled),
                creator: Some(creator.to_string()),
                start_after: None,
                limit: None,
            },
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(page.campaigns.len(), 1);
    assert_eq!(page.next_start_after, None);
}

#[test]
fn only_the_authority_configures_and_no_coins_are_taken() {
    let mut chain = Chain::new();
    let creator = chain.accounts.creator.clone();
    let update = ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: Some(BasisPoints::literal(100)),
        randomness: None,
    };
    assert_eq!(
        chain.refused(&creator, update.clone()),
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(
            cw_ownable::OwnershipError::NotOwner
        )))
    );
    let owner = chain.accounts.owner.clone();
    chain.execute(&owner, update).unwrap();
    assert_eq!(
        chain.campaign().platform_fee.get(),
        250,
        "launched terms stay"
    );
    let err = chain.refused_with(
        &creator,
        &coins(5, "ustake"),
        ExecuteMsg::Finalize { campaign_id: 1 },
    );
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
}

#[test]
fn migrates_forward_only() {
    let mut chain = Chain::new();
    chain
        .migrate_from(migrate, CONTRACT.name, "0.0.1", MigrateMsg {})
        .unwrap();
    assert_eq!(chain.contract_version().version, CONTRACT.version);
    let newer = chain.migrate_from(migrate, CONTRACT.name, "9.9.9", MigrateMsg {});
    assert!(matches!(
        newer.unwrap_err(),
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
}

#[test]
fn rewards_of_another_issuers_event_wait_for_its_approval() {
    let mut chain = Chain::new();
    let other_issuer = chain.deps.api.addr_make("another_theater");
    chain.set_event_issuer(&other_issuer);
    let creator = chain.accounts.creator.clone();
    let input = campaign_input(&chain.env);
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    assert_eq!(
        chain.campaign().approved_reward_events,
        vec![7],
        "campaign 1: own event"
    );
    let second: CampaignResponse = from_json(
        query(
            chain.deps.as_ref(),
            chain.env.clone(),
            QueryMsg::Campaign { campaign_id: 2 },
        )
        .unwrap(),
    )
    .unwrap();
    assert!(second.approved_reward_events.is_empty());

    let backer = chain.accounts.backers[0].clone();
    chain.pledge_as(&backer, 2, 1_000 * CTC).unwrap();
    chain.after_deadline();
    chain
        .execute(&backer, ExecuteMsg::Finalize { campaign_id: 2 })
        .unwrap();
    let claim = ExecuteMsg::ClaimRewards { campaign_id: 2 };
    assert_eq!(
        chain.refused(&backer, claim.clone()),
        ContractError::RewardsNotApproved { event_id: 7 }
    );
    let approve = |event_id| ExecuteMsg::ApproveRewards {
        campaign_id: 2,
        event_id,
    };
    assert_eq!(
        chain.refused(&creator, approve(7)),
        ContractError::NotEventIssuer { event_id: 7 }
    );
    assert_eq!(
        chain.refused(&other_issuer, approve(8)),
        ContractError::NotARewardEvent { event_id: 8 }
    );
    chain.execute(&other_issuer, approve(7)).unwrap();
    chain.execute(&backer, claim).unwrap();
}

#[test]
fn a_campaign_that_reached_its_goal_at_the_close_cannot_be_cancelled() {
    let mut chain = Chain::new();
    chain.pledge(0, 1_000 * CTC).unwrap();
    let creator = chain.accounts.creator.clone();
    chain.after_deadline();
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::Cancel { campaign_id: 1 }),
        ContractError::AlreadySucceeded
    );
    let mut capped = Chain::new();
    capped.pledge(0, 1_500 * CTC).unwrap();
    let owner = capped.accounts.owner.clone();
    assert_eq!(
        capped.refused(&owner, ExecuteMsg::Cancel { campaign_id: 1 }),
        ContractError::AlreadySucceeded
    );
}

/// Finding 4: a treasury that is this contract, the token or another platform contract would lock
/// every campaign's fee for good, whether it is set at instantiation or later.
#[test]
fn the_treasury_is_neither_this_contract_nor_a_platform_contract() {
    let mut chain = Chain::new();
    let owner = chain.accounts.owner.clone();
    let token = chain.accounts.token.clone();
    let this = chain.env.contract.address.clone();
    let cannot_spend = |address: &Addr, name: &str| {
        ContractError::Convention(ConventionError::Admin(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: address.to_string(),
            name: format!("crates.io:{name}"),
        }))
    };
    let to = |treasury: &Addr| ExecuteMsg::UpdateConfig {
        treasury: Some(treasury.to_string()),
        platform_fee: None,
        randomness: None,
    };
    assert_eq!(
        chain.refused(&owner, to(&token)),
        cannot_spend(&token, "ctc-token")
    );
    assert_eq!(
        chain.refused(&owner, to(&this)),
        cannot_spend(&this, "crowdfund")
    );

    let mut deps = mock_dependencies();
    let msg = InstantiateMsg {
        token: token.to_string(),
        registry: chain.accounts.registry.to_string(),
        ticket_nft: chain.accounts.ticket_nft.to_string(),
        treasury: this.to_string(),
        platform_fee: BasisPoints::literal(250),
        owner: None,
        randomness: None,
    };
    let err = instantiate(deps.as_mut(), mock_env(), message_info(&owner, &[]), msg);
    assert_eq!(err.unwrap_err(), cannot_spend(&this, "crowdfund"));
    assert_eq!(snapshot(&deps.storage), vec![]);
}

/// The fee is fixed at launch and may be anything from nothing to everything: the disbursement
/// leaves a zero share out, since the token refuses a zero payment.
#[test]
fn a_zero_fee_or_a_whole_fee_pays_one_party_in_one_call() {
    let mut chain = Chain::new();
    let (owner, creator) = (chain.accounts.owner.clone(), chain.accounts.creator.clone());
    let backer = chain.accounts.backers[0].clone();
    for fee in [0, 10_000] {
        let update = ExecuteMsg::UpdateConfig {
            treasury: None,
            platform_fee: Some(BasisPoints::literal(fee)),
            randomness: None,
        };
        chain.execute(&owner, update).unwrap();
        let input = campaign_input(&chain.env);
        chain
            .execute(&creator, ExecuteMsg::Launch { campaign: input })
            .unwrap();
    }
    for campaign_id in [2, 3] {
        chain.pledge_as(&backer, campaign_id, 1_000 * CTC).unwrap();
    }
    // All three campaigns were launched in the same block and close together.
    chain.after_deadline();
    for campaign_id in [2, 3] {
        chain
            .execute(&creator, ExecuteMsg::Finalize { campaign_id })
            .unwrap();
    }
    let token = chain.accounts.token.to_string();
    let treasury = chain.accounts.treasury.clone();
    let withdraw = |campaign_id| ExecuteMsg::WithdrawFunds { campaign_id };
    // Each keeps the 499.999998 CTC owed to the backer's unclaimed tickets.
    let withdrawn = 1_000 * CTC - VALUE_1;
    let response = chain.execute(&creator, withdraw(2)).unwrap();
    assert_eq!(
        executes(&response),
        [(
            token.clone(),
            ctc_disburse_json(&[(&creator, withdrawn)], 0)
        )]
    );
    let response = chain.execute(&creator, withdraw(3)).unwrap();
    assert_eq!(
        executes(&response),
        [(token, ctc_disburse_json(&[(&treasury, withdrawn)], 0))]
    );
}

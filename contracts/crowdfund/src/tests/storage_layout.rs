//! The raw keys crowdfund stores under. A renamed namespace or a changed key encoding would strand
//! the campaigns and pledges a deployed contract holds, so every key shape is pinned here, one
//! entry per `Item` and `Map` of `state.rs`.

use cosmwasm_std::testing::{mock_dependencies, mock_env};
use cosmwasm_std::Empty;
use ctc_testkit::stored_keys_naming;

use super::*;
use crate::msg::CampaignStatus;
use crate::state::{
    Campaign, Pledge, CAMPAIGNS, CAMPAIGN_COUNT, PLEDGES, REWARD_APPROVALS, REWARD_ISSUERS,
};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut deps = mock_dependencies();
    let env = mock_env();
    let contract = |name: &str| deps.api.addr_make(name).into_string();
    let msg = InstantiateMsg {
        token: contract("ctc"),
        registry: contract("registry"),
        ticket_nft: contract("ticket_nft"),
        treasury: contract("treasury"),
        platform_fee: BasisPoints::literal(250),
        owner: None,
    };
    let owner = deps.api.addr_make("authority");
    // Config, ownership and the cw2 identity.
    instantiate(deps.as_mut(), env.clone(), message_info(&owner, &[]), msg).unwrap();
    let a = deps.api.addr_make("a");
    let storage = &mut deps.storage;
    let input = campaign_input(&env);
    let campaign = Campaign {
        creator: a.clone(),
        title: input.title,
        description_uri: None,
        goal: input.goal,
        hard_cap: input.hard_cap,
        starts_at: input.starts_at,
        deadline: input.deadline,
        min_pledge: input.min_pledge,
        platform_fee: BasisPoints::literal(250),
        status: CampaignStatus::Open,
        raised: Uint128::zero(),
        backers: 0,
        refunded: Uint128::zero(),
        released: Uint128::zero(),
        unclaimed_rewards: Some(vec![0; input.reward_tiers.len()]),
        reward_tiers: input.reward_tiers,
        claimed: Uint128::zero(),
    };
    CAMPAIGNS.save(storage, 1, &campaign).unwrap();
    CAMPAIGN_COUNT.save(storage, &1).unwrap();
    let pledge = Pledge {
        amount: Uint128::new(CTC),
        rewards_claimed: false,
        refunded: false,
    };
    PLEDGES.save(storage, (1, &a), &pledge).unwrap();
    REWARD_ISSUERS.save(storage, (1, &a), &7).unwrap();
    REWARD_APPROVALS.save(storage, (1, 7), &Empty {}).unwrap();

    // cw-storage-plus: an `Item` is its namespace; a `Map` key is the namespace and each part of
    // the key but the last behind a two-byte length. Numbers are big-endian; `<a>` is the address
    // of `a`.
    let pinned = [
        r"\x00\x07pledges\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<a>",
        r"\x00\x09campaigns\x00\x00\x00\x00\x00\x00\x00\x01",
        r"\x00\x0ereward_issuers\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<a>",
        r"\x00\x10reward_approvals\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x07",
        "campaign_count",
        "config",
        "contract_info",
        "ownership",
    ];
    assert_eq!(stored_keys_naming(&deps.storage, &[("a", &a)]), pinned);
}

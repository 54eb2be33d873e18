//! The raw keys crowdfund stores under. A renamed namespace or a changed key encoding would strand
//! the campaigns and pledges a deployed contract holds, so every key shape is pinned here, one
//! entry per `Item` and `Map` of `state.rs` and of the registry mirror it keeps. And what the
//! previous version wrote still loads, with the terms its campaigns were launched on.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::testing::{mock_dependencies, mock_env};
use cosmwasm_std::{to_json_vec, Empty, Storage};
use ctc_conventions::mirror;
use ctc_interfaces::registry::{AttestedLevel, IdentityLevel};
use ctc_testkit::stored_keys_naming;

use super::*;
use crate::msg::{CampaignStatus, RewardTier};
use crate::state::{
    Campaign, LuckyDraw, Pledge, CAMPAIGNS, CAMPAIGN_COUNT, LUCKY_DRAWS, LUCKY_NUMBERS, PLEDGES,
    REWARD_APPROVALS, REWARD_ISSUERS,
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
        randomness: None,
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
        funded_rewards: true,
        sent_to_tickets: Uint128::zero(),
        creator_revoked: false,
        lucky_numbers: None,
    };
    CAMPAIGNS.save(storage, 1, &campaign).unwrap();
    CAMPAIGN_COUNT.save(storage, &1).unwrap();
    let pledge = Pledge {
        amount: Uint128::new(CTC),
        rewards_claimed: false,
        refunded: false,
        sent_to_tickets: Uint128::zero(),
        reward_refund: None,
        lucky_number: None,
    };
    PLEDGES.save(storage, (1, &a), &pledge).unwrap();
    REWARD_ISSUERS.save(storage, (1, &a), &7).unwrap();
    REWARD_APPROVALS.save(storage, (1, 7), &Empty {}).unwrap();
    LUCKY_NUMBERS.save(storage, (1, 3), &a).unwrap();
    let draw = LuckyDraw {
        winners: 1,
        prize: "a poster".into(),
        seed: None,
        drawn: vec![],
    };
    LUCKY_DRAWS.save(storage, 1, &draw).unwrap();
    // The registry mirror's partners and attestations (`ctc_conventions::mirror`).
    let registry = deps.api.addr_make("registry");
    let b = deps.api.addr_make("b");
    let storage = &mut deps.storage;
    let pushes = [
        RegistryUpdate::Partner {
            address: a.clone(),
            standing: Some(PartnerStanding {
                standing: Standing::Active,
                capabilities: vec![Capability::LaunchCrowdfunds],
            }),
        },
        RegistryUpdate::Attestation {
            user: a.clone(),
            attester: b.clone(),
            attested: Some(AttestedLevel {
                level: IdentityLevel::Phone,
                expires_at: None,
                subject: None,
            }),
        },
    ];
    for update in pushes {
        mirror::apply(storage, &registry, &registry, update).unwrap();
    }

    // cw-storage-plus: an `Item` is its namespace; a `Map` key is the namespace and each part of
    // the key but the last behind a two-byte length. Numbers are big-endian; `<a>` is the address
    // of `a`.
    // (`\x00C`: the length of `<a>`, 67 bytes.)
    let pinned = [
        r"\x00\x07pledges\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<a>",
        r"\x00\x09campaigns\x00\x00\x00\x00\x00\x00\x00\x01",
        r"\x00\x0blucky_draws\x00\x00\x00\x00\x00\x00\x00\x01",
        // (campaign, number): the number big-endian after the campaign.
        r"\x00\x0dlucky_numbers\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x03",
        r"\x00\x0ereward_issuers\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<a>",
        r"\x00\x0fmirror_partners<a>",
        r"\x00\x10reward_approvals\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x07",
        r"\x00\x13mirror_attestations\x00C<a><b>",
        "campaign_count",
        "config",
        "contract_info",
        "ownership",
    ];
    assert_eq!(
        stored_keys_naming(&deps.storage, &[("a", &a), ("b", &b)]),
        pinned
    );
}

/// A campaign as the previous version stored it.
#[cw_serde]
struct CampaignBefore {
    creator: Addr,
    title: String,
    description_uri: Option<String>,
    goal: Uint128,
    hard_cap: Option<Uint128>,
    starts_at: Timestamp,
    deadline: Timestamp,
    min_pledge: Uint128,
    reward_tiers: Vec<RewardTier>,
    platform_fee: BasisPoints,
    status: CampaignStatus,
    raised: Uint128,
    backers: u32,
    refunded: Uint128,
    released: Uint128,
    unclaimed_rewards: Option<Vec<u32>>,
    claimed: Uint128,
}

impl From<Campaign> for CampaignBefore {
    fn from(c: Campaign) -> Self {
        Self {
            creator: c.creator,
            title: c.title,
            description_uri: c.description_uri,
            goal: c.goal,
            hard_cap: c.hard_cap,
            starts_at: c.starts_at,
            deadline: c.deadline,
            min_pledge: c.min_pledge,
            reward_tiers: c.reward_tiers,
            platform_fee: c.platform_fee,
            status: c.status,
            raised: c.raised,
            backers: c.backers,
            refunded: c.refunded,
            released: c.released,
            unclaimed_rewards: c.unclaimed_rewards,
            claimed: c.claimed,
        }
    }
}

/// A pledge as the previous version stored it.
#[cw_serde]
struct PledgeBefore {
    amount: Uint128,
    rewards_claimed: bool,
    refunded: bool,
}

/// A campaign the previous version launched, and its pledges, load with the new fields at their
/// defaults and keep their terms: the reward tickets carry no value (`mint_reserved`), nothing is
/// owed to them, and the creator withdraws everything raised. A pledge that never touched the new
/// fields is written back byte for byte as before.
#[test]
fn state_written_by_the_previous_version_loads_with_its_terms() {
    let mut chain = Chain::new();
    chain.pledge(0, 600 * CTC).unwrap();
    chain.pledge(1, 450 * CTC).unwrap();
    let backers = chain.accounts.backers.clone();
    let campaign = CAMPAIGNS.load(&chain.deps.storage, 1).unwrap();
    let old_campaign = to_json_vec(&CampaignBefore::from(campaign)).unwrap();
    let pledge = PLEDGES.load(&chain.deps.storage, (1, &backers[0])).unwrap();
    let old_pledge = to_json_vec(&PledgeBefore {
        amount: pledge.amount,
        rewards_claimed: pledge.rewards_claimed,
        refunded: pledge.refunded,
    })
    .unwrap();
    // Untouched, the new pledge fields are not written at all.
    assert_eq!(to_json_vec(&pledge).unwrap(), old_pledge);
    let storage: &mut dyn Storage = &mut chain.unit.deps.storage;
    storage.set(&CAMPAIGNS.key(1), &old_campaign);
    storage.set(&PLEDGES.key((1, &backers[0])), &old_pledge);

    let campaign = CAMPAIGNS.load(&chain.deps.storage, 1).unwrap();
    assert!(!campaign.funded_rewards && !campaign.creator_revoked);
    assert_eq!(campaign.sent_to_tickets, Uint128::zero());
    let pledge = PLEDGES.load(&chain.deps.storage, (1, &backers[0])).unwrap();
    assert_eq!(
        (pledge.sent_to_tickets, pledge.reward_refund),
        (Uint128::zero(), None)
    );

    chain.after_deadline();
    chain
        .execute(&backers[2], ExecuteMsg::Finalize { campaign_id: 1 })
        .unwrap();
    assert_eq!(chain.campaign().owed_to_rewards, Uint128::zero());
    let response = chain
        .execute(&backers[0], ExecuteMsg::ClaimRewards { campaign_id: 1 })
        .unwrap();
    assert_eq!(
        executes(&response),
        vec![(
            chain.accounts.ticket_nft.to_string(),
            format!(
                r#"{{"mint_reserved":{{"event_id":7,"tier":1,"recipient":"{}","quantity":3}}}}"#,
                backers[0]
            )
        )]
    );
    let creator = chain.accounts.creator.clone();
    let response = chain
        .execute(&creator, ExecuteMsg::WithdrawFunds { campaign_id: 1 })
        .unwrap();
    let treasury = &chain.accounts.treasury;
    assert_eq!(
        executes(&response)[0].1,
        ctc_disburse_json(&[(treasury, 26_250_000), (&creator, 1_023_750_000)], 0)
    );
    assert_eq!(chain.campaign().held, Uint128::zero());
}

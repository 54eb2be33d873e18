use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::BasisPoints;

use crate::msg::{CampaignStatus, RewardTier};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
}

pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Campaign {
    pub creator: Addr,
    pub title: String,
    pub description_uri: Option<String>,
    pub goal: Uint128,
    pub hard_cap: Option<Uint128>,
    pub starts_at: Timestamp,
    pub deadline: Timestamp,
    pub min_pledge: Uint128,
    pub reward_tiers: Vec<RewardTier>,
    pub platform_fee: BasisPoints,
    pub status: CampaignStatus,
    pub raised: Uint128,
    pub backers: u32,
    pub refunded: Uint128,
    pub released: Uint128,
    /// Per reward tier, the backers whose pledge reaches it (as their highest) and who have not
    /// claimed yet: what ticket-nft must still be able to mint when the funds are withdrawn.
    /// `None` for a campaign launched before the count was kept; its rewards are not checked.
    #[serde(default)]
    pub unclaimed_rewards: Option<Vec<u32>>,
    /// The sum of the pledges whose rewards were claimed: the creator's to withdraw if the
    /// campaign is cancelled after success because the other rewards cannot be delivered.
    #[serde(default)]
    pub claimed: Uint128,
}

impl Campaign {
    /// What the contract holds for this campaign.
    pub fn held(&self) -> Uint128 {
        self.raised - self.refunded - self.released
    }

    pub fn cap_reached(&self) -> bool {
        self.hard_cap.is_some_and(|cap| self.raised >= cap)
    }
}

pub const CAMPAIGNS: Map<u64, Campaign> = Map::new("campaigns");
pub const CAMPAIGN_COUNT: Item<u64> = Item::new("campaign_count");

#[cw_serde]
pub struct Pledge {
    pub amount: Uint128,
    pub rewards_claimed: bool,
    pub refunded: bool,
}

pub const PLEDGES: Map<(u64, &Addr), Pledge> = Map::new("pledges");

/// (campaign, address) → reward event: the issuers of a campaign's reward events other than its
/// creator. Like the creator, they may not pledge to it.
pub const REWARD_ISSUERS: Map<(u64, &Addr), u64> = Map::new("reward_issuers");

/// (campaign, event): the event's issuer agreed to this campaign's rewards of its tickets
/// (automatic when the campaign's creator issued the event).
pub const REWARD_APPROVALS: Map<(u64, u64), Empty> = Map::new("reward_approvals");

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, HexBinary, StdError, StdResult, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use ctc_interfaces::BasisPoints;

use crate::msg::{CampaignStatus, LuckyWinner, RewardTier};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    /// The randomness contract lucky draws ask; read only by a lucky-draw launch and its draw,
    /// and left out while unset, so a pledge reads the config's bytes as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomness: Option<Addr>,
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
    /// Paid back to backers: refunds after failure or cancellation, and the value of rewards
    /// that could no longer be delivered.
    pub refunded: Uint128,
    /// Paid out to the creator and, as the fee, to the treasury.
    pub released: Uint128,
    /// Per reward tier, the backers whose pledge reaches it (as their highest) and who have not
    /// claimed yet: what ticket-nft must still be able to mint when the funds are withdrawn.
    /// `None` for a campaign launched before the count was kept; its rewards are not checked.
    #[serde(default)]
    pub unclaimed_rewards: Option<Vec<u32>>,
    /// The sum of the pledges whose rewards were claimed: the creator's to withdraw, less what
    /// they sent to ticket-nft, if the campaign is cancelled after success because the other
    /// rewards cannot be delivered.
    #[serde(default)]
    pub claimed: Uint128,
    /// The campaign's reward tickets carry the value their backers paid for them (see
    /// `reward_value`). `false` for a campaign launched before: its tickets are minted without
    /// value and its creator withdraws everything raised, as its backers were told.
    #[serde(default)]
    pub funded_rewards: bool,
    /// CTC sent to ticket-nft with claimed reward tickets (`MintFunded`): held in its escrow for
    /// the ticket holders or the event's issuer, no longer here.
    #[serde(default)]
    pub sent_to_tickets: Uint128,
    /// Cancelled because its creator was revoked: every backer is refunded (a claimed pledge less
    /// what went to its tickets) and the creator withdraws nothing.
    #[serde(default)]
    pub creator_revoked: bool,
    /// A campaign with a lucky draw: the numbers its backers hold, `0..lucky_numbers` (see
    /// `LUCKY_NUMBERS`), which the draw picks among. `None` for a campaign without one (and one
    /// launched before), which is stored without it and numbers nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lucky_numbers: Option<u32>,
}

impl Campaign {
    /// What the contract holds for this campaign: raised − refunded − released − sent to tickets.
    pub fn held(&self) -> StdResult<Uint128> {
        Ok(self
            .raised
            .checked_sub(self.refunded)?
            .checked_sub(self.released)?
            .checked_sub(self.sent_to_tickets)?)
    }

    pub fn cap_reached(&self) -> bool {
        self.hard_cap.is_some_and(|cap| self.raised >= cap)
    }

    /// What one reward of tier `index` carries to ticket-nft: its `min_pledge` split evenly over
    /// its tickets, rounded down per ticket (the remainder, like any amount above `min_pledge`, is
    /// the creator's). Zero for a campaign whose rewards carry no value.
    pub fn reward_value(&self, index: usize) -> StdResult<Uint128> {
        if !self.funded_rewards {
            return Ok(Uint128::zero());
        }
        let tier = self
            .reward_tiers
            .get(index)
            .ok_or_else(|| StdError::generic_err("no such reward tier"))?;
        let tickets = Uint128::from(tier.tickets);
        Ok(tier.min_pledge.checked_div(tickets)?.checked_mul(tickets)?)
    }

    /// The value still owed to the rewards not claimed yet: Σ unclaimed rewards × their value.
    /// O(reward tiers).
    pub fn owed_to_rewards(&self) -> StdResult<Uint128> {
        let Some(counts) = &self.unclaimed_rewards else {
            return Ok(Uint128::zero());
        };
        counts
            .iter()
            .enumerate()
            .try_fold(Uint128::zero(), |owed, (index, &backers)| {
                let value = self.reward_value(index)?;
                Ok(owed.checked_add(value.checked_mul(Uint128::from(backers))?)?)
            })
    }
}

pub const CAMPAIGNS: Map<u64, Campaign> = Map::new("campaigns");
pub const CAMPAIGN_COUNT: Item<u64> = Item::new("campaign_count");

#[cw_serde]
pub struct Pledge {
    pub amount: Uint128,
    pub rewards_claimed: bool,
    pub refunded: bool,
    /// CTC sent to ticket-nft with this pledge's reward tickets (the reward's value).
    #[serde(default, skip_serializing_if = "Uint128::is_zero")]
    pub sent_to_tickets: Uint128,
    /// Set once the reward could no longer be delivered and its value was paid back to the
    /// backer (`refund_undeliverable_reward`): the amount paid, possibly zero. The reward can then
    /// be neither claimed nor paid back again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward_refund: Option<Uint128>,
    /// The backer's number in the campaign's lucky draw, kept so that a withdrawal strikes it
    /// off (and updated when another's withdrawal moves this backer into its number). Only in a
    /// campaign with a lucky draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lucky_number: Option<u32>,
}

impl Pledge {
    /// What is left of the pledge for its backer after a failure or cancellation: the amount
    /// less what went to ticket-nft with its tickets and what was already paid back for an
    /// undeliverable reward.
    pub fn refundable(&self) -> StdResult<Uint128> {
        Ok(self
            .amount
            .checked_sub(self.sent_to_tickets)?
            .checked_sub(self.reward_refund.unwrap_or_default())?)
    }
}

pub const PLEDGES: Map<(u64, &Addr), Pledge> = Map::new("pledges");

/// (campaign, address) → reward event: the issuers of a campaign's reward events other than its
/// creator. Like the creator, they may not pledge to it.
pub const REWARD_ISSUERS: Map<(u64, &Addr), u64> = Map::new("reward_issuers");

/// (campaign, event): the event's issuer agreed to this campaign's rewards of its tickets
/// (automatic when the campaign's creator issued the event).
pub const REWARD_APPROVALS: Map<(u64, u64), Empty> = Map::new("reward_approvals");

/// (campaign, number) → the backer holding it in the campaign's lucky draw. A backer is numbered
/// when its first pledge arrives (the campaign's count of numbers so far); a withdrawal moves the
/// last number's backer into the withdrawn number and removes the last entry, so the numbers are
/// always `0..lucky_numbers`, and a backer that comes back gets a new number, so each backer
/// holds one at most.
pub const LUCKY_NUMBERS: Map<(u64, u32), Addr> = Map::new("lucky_numbers");

/// A campaign's lucky draw: what its creator promised at launch, and the outcome once drawn.
/// Apart from the campaign, so that a pledge neither reads nor rewrites the prize's text.
#[cw_serde]
pub struct LuckyDraw {
    pub winners: u32,
    pub prize: String,
    /// The randomness contract's seed, once drawn.
    pub seed: Option<HexBinary>,
    pub drawn: Vec<LuckyWinner>,
}

pub const LUCKY_DRAWS: Map<u64, LuckyDraw> = Map::new("lucky_draws");

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use ctc_interfaces::registry::RegistryUpdate;
use ctc_interfaces::BasisPoints;

pub use ctc_interfaces::crowdfund::CrowdfundReceiveMsg as ReceiveMsg;

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: the only token accepted.
    pub token: String,
    /// The partner registry: the only sender of `registry_update`. Deploy registers this contract
    /// with the registry's `add_mirror` (and `sync_partner` for creators that are already
    /// partners), since pledges and withdrawals read the creator's standing from that copy.
    pub registry: String,
    pub ticket_nft: String,
    /// Receives the platform fee when a creator withdraws a successful campaign's funds.
    pub treasury: String,
    /// Platform fee in basis points of what a successful campaign raised, fixed into each
    /// campaign at launch.
    pub platform_fee: BasisPoints,
    /// The platform authority: may cancel any campaign before it succeeds and change the config.
    /// The sender when omitted.
    pub owner: Option<String>,
    /// The randomness contract that draws lucky backers (see `LuckyDrawInput`); none when
    /// omitted, and `update_config` can set it later. Set once (`RandomnessFixed` after).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomness: Option<String>,
}

/// Backers whose total pledge reaches `min_pledge` receive `tickets` tickets of `tier` of
/// ticket-nft event `event_id`; each backer gets the highest tier it reaches. `min_pledge` pays
/// for the tickets: each carries `min_pledge / tickets` (rounded down) into ticket-nft's escrow,
/// refunded to its holder if the show is cancelled and paid to the issuer at settlement; the rest
/// of the pledge is the creator's.
#[cw_serde]
pub struct RewardTier {
    pub min_pledge: Uint128,
    pub event_id: u64,
    pub tier: u8,
    pub tickets: u32,
}

#[cw_serde]
pub struct CampaignInput {
    pub title: String,
    pub description_uri: Option<String>,
    /// All or nothing: the campaign succeeds only if it raises at least this much.
    pub goal: Uint128,
    /// Pledges stop at this total; the part of a pledge beyond it is sent back at once.
    pub hard_cap: Option<Uint128>,
    pub starts_at: Timestamp,
    pub deadline: Timestamp,
    /// The smallest contribution accepted (except the last one that fills the hard cap).
    pub min_pledge: Uint128,
    /// In increasing `min_pledge` order, at most 8.
    pub reward_tiers: Vec<RewardTier>,
    /// A lucky draw among the backers, if the campaign succeeds. Left out of the JSON when
    /// `None`, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lucky_draw: Option<LuckyDrawInput>,
}

/// A draw of `winners` backers of a successful campaign, who receive `prize` from its creator.
/// Each backer is numbered when its first pledge arrives (`PledgeResponse::lucky_number`; a
/// withdrawal hands the last number's backer the withdrawn number, so the numbers stay
/// `0..numbered` and one backer holds one number at most); the
/// launch asks the randomness contract for a draw (key: the campaign id) whose commitments close
/// at the deadline, when pledging ends, so nobody pledges or withdraws knowing the seed. It
/// refuses (`RandomnessNotSet`) while no randomness contract is configured; commitments close
/// after the randomness contract's shortest commit window when the deadline is sooner. A campaign
/// that fails or is cancelled draws nothing: its backers are refunded instead.
#[cw_serde]
pub struct LuckyDrawInput {
    /// Between 1 and 20.
    pub winners: u32,
    /// What the creator promises each winner (1 to 256 bytes), delivered off chain.
    pub prize: String,
}

/// A backer the lucky draw picked, and its number.
#[cw_serde]
pub struct LuckyWinner {
    pub number: u32,
    pub backer: Addr,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hook: `Contribute`, while the campaign's creator is an Active partner
    /// (`CreatorNotActive` otherwise).
    Receive(Cw20ReceiveMsg),
    /// From the registry only: a change of a partner's standing or of an attestation, kept in
    /// this contract's mirror (`ctc_conventions::mirror`).
    RegistryUpdate(RegistryUpdate),
    /// A partner with LaunchCrowdfunds opens a campaign (drawn from its registry quota).
    Launch { campaign: CampaignInput },
    /// A backer takes its whole pledge back: before the deadline, while the goal is not reached.
    WithdrawPledge { campaign_id: u64 },
    /// Anyone, after the deadline or once the hard cap is reached: Succeeded if the goal was
    /// reached, else Failed.
    Finalize { campaign_id: u64 },
    /// The creator or the authority, before the campaign succeeds (after success only while
    /// its rewards cannot be delivered). Anyone, once the registry revoked the creator, while
    /// the campaign is open or succeeded and not withdrawn: everything goes back to the backers.
    Cancel { campaign_id: u64 },
    /// The creator of a successful campaign, once, while it is an Active partner: what the
    /// campaign holds less the value still owed to unclaimed rewards (which stays for their
    /// claims); the platform fee to the treasury, the rest to the creator.
    WithdrawFunds { campaign_id: u64 },
    /// The issuer of a reward event agrees to this campaign handing out its tickets (not needed
    /// when the campaign's creator issued the event).
    ApproveRewards { campaign_id: u64, event_id: u64 },
    /// A backer of a successful campaign, once: its reward tickets are minted by ticket-nft,
    /// carrying the reward's value (sent with `mint_funded`).
    ClaimRewards { campaign_id: u64 },
    /// A backer of a failed or cancelled campaign, once: its pledge, less what went to ticket-nft
    /// with its tickets (a claimed pledge is refunded only after a cancellation for the
    /// creator's revocation) and what came back for an undeliverable reward.
    Refund { campaign_id: u64 },
    /// A backer of a successful campaign whose unclaimed reward ticket-nft can no longer mint
    /// (event cancelled, settled or over, this contract no longer its minter, too few tickets
    /// left), once: the reward's value. The reward can then no longer be claimed.
    RefundUndeliverableReward { campaign_id: u64 },
    /// Anyone, once, for a successful campaign with a lucky draw, after its deadline and once the
    /// randomness contract's draw is ready (`DrawNotReady` before): the winning numbers are
    /// `randomness::distinct_picks(seed, min(winners, numbered), numbered)` in order, where
    /// `numbered` is the backers numbered (`lucky_backers`), each number in `0..numbered` held
    /// by one backer (a withdrawal gives the withdrawn number to the last number's backer).
    /// Stored (`lucky_backers`) and answered as the attributes `winners` and `numbers`,
    /// comma-separated, and `seed`.
    DrawLuckyBackers { campaign_id: u64 },
    /// Authority.
    UpdateConfig {
        treasury: Option<String>,
        platform_fee: Option<BasisPoints>,
        /// The randomness contract (see `InstantiateMsg::randomness`), only while none is set
        /// (`RandomnessFixed` after): a draw asked of one contract is answered only by it, and
        /// whoever could swap it could choose the lucky winners.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        randomness: Option<String>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(CampaignResponse)]
    Campaign { campaign_id: u64 },
    /// Filters combine; a page reads at most 200 campaigns and says where to go on.
    #[returns(CampaignsResponse)]
    Campaigns {
        status: Option<StatusFilter>,
        creator: Option<String>,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(PledgeResponse)]
    Pledge { campaign_id: u64, backer: String },
    #[returns(BackersResponse)]
    Backers {
        campaign_id: u64,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// A campaign's lucky draw: the prize, and the seed and winners once drawn
    /// (`NoLuckyDraw` for a campaign without one).
    #[returns(LuckyBackersResponse)]
    LuckyBackers { campaign_id: u64 },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    /// What draws lucky backers (see `LuckyDrawInput`).
    pub randomness: Option<Addr>,
}

#[cw_serde]
pub enum CampaignStatus {
    Open,
    Succeeded { at: Timestamp },
    Failed { at: Timestamp },
    Cancelled { at: Timestamp },
}

#[cw_serde]
#[derive(Copy)]
pub enum StatusFilter {
    Open,
    Succeeded,
    Failed,
    Cancelled,
}

#[cw_serde]
pub struct CampaignResponse {
    pub campaign_id: u64,
    pub creator: Addr,
    pub title: String,
    pub description_uri: Option<String>,
    pub goal: Uint128,
    pub hard_cap: Option<Uint128>,
    pub starts_at: Timestamp,
    pub deadline: Timestamp,
    pub min_pledge: Uint128,
    pub reward_tiers: Vec<RewardTier>,
    /// Reward events whose issuer agreed to this campaign's rewards; claims need it.
    pub approved_reward_events: Vec<u64>,
    pub platform_fee: BasisPoints,
    pub status: CampaignStatus,
    /// The sum of current pledges.
    pub raised: Uint128,
    pub backers: u32,
    /// Paid back to backers after failure or cancellation, and for undeliverable rewards.
    pub refunded: Uint128,
    /// Paid out to the creator and, as the fee, to the treasury.
    pub released: Uint128,
    /// Sent to ticket-nft with claimed reward tickets, held in its escrow.
    pub sent_to_tickets: Uint128,
    /// The value still owed to rewards not claimed yet, kept here for their claims.
    pub owed_to_rewards: Uint128,
    /// CTC this contract holds for the campaign: raised − refunded − released − sent_to_tickets.
    pub held: Uint128,
    /// With a lucky draw: the backers numbered, holding `0..lucky_numbers` (see
    /// `lucky_backers`); null without.
    pub lucky_numbers: Option<u32>,
}

#[cw_serde]
pub struct CampaignsResponse {
    pub campaigns: Vec<CampaignResponse>,
    pub next_start_after: Option<u64>,
}

#[cw_serde]
pub struct PledgeResponse {
    pub amount: Uint128,
    pub rewards_claimed: bool,
    pub refunded: bool,
    /// Sent to ticket-nft with the pledge's reward tickets.
    pub sent_to_tickets: Uint128,
    /// Paid back for a reward that could no longer be delivered (`None`: not paid back).
    pub reward_refund: Option<Uint128>,
    /// The backer's number in the campaign's lucky draw; null without a draw or a pledge.
    pub lucky_number: Option<u32>,
}

#[cw_serde]
pub struct Backer {
    pub backer: Addr,
    pub amount: Uint128,
}

#[cw_serde]
pub struct BackersResponse {
    pub backers: Vec<Backer>,
}

#[cw_serde]
pub struct LuckyBackersResponse {
    pub campaign_id: u64,
    /// How many backers the draw picks.
    pub winners: u32,
    pub prize: String,
    /// Backers numbered, one per number in `0..numbered`: the draw picks among them.
    pub numbered: u32,
    /// The randomness contract's seed, once drawn; null before.
    pub seed: Option<HexBinary>,
    /// In the order drawn; empty before the draw.
    pub drawn: Vec<LuckyWinner>,
}

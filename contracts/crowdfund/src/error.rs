use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::Denial;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    /// The refusals every contract shares (ownership, funds, page limits, addresses, lengths, the
    /// CTC hook's token, migration), displayed as they are.
    #[error(transparent)]
    Convention(#[from] ConventionError),

    #[error("invalid campaign: {reason}")]
    InvalidCampaign { reason: &'static str },

    #[error("campaign {campaign_id} does not exist")]
    CampaignNotFound { campaign_id: u64 },

    #[error("pledges open at {starts_at}")]
    NotStarted { starts_at: Timestamp },

    #[error("pledges closed at {deadline}")]
    DeadlinePassed { deadline: Timestamp },

    #[error("the campaign is not open")]
    NotOpen,

    #[error("the hard cap is reached")]
    HardCapReached,

    #[error("the smallest pledge is {min_pledge}")]
    BelowMinimum { min_pledge: Uint128 },

    #[error("the goal is reached: pledges are final")]
    GoalReached,

    #[error("no pledge from this address")]
    NoPledge,

    #[error("the campaign can be finalized at {deadline}, or once its hard cap is reached")]
    TooEarlyToFinalize { deadline: Timestamp },

    #[error("only the campaign's creator may do this")]
    NotCreator,

    /// Anyone may cancel once the registry revoked the creator.
    #[error("only the creator or the authority may cancel")]
    NotCreatorOrAuthority,

    /// From the registry's standing of the creator as this contract mirrors it: `suspended`,
    /// `revoked`, or `not_a_partner` when the registry reported no such partner.
    #[error("the campaign's creator is not an active partner: {}", .reason.as_str())]
    CreatorNotActive { reason: Denial },

    #[error(
        "the campaign was cancelled because its creator was revoked: everything goes back to its \
         backers"
    )]
    CancelledForRevocation,

    #[error("nothing is left to withdraw")]
    NothingToWithdraw,

    #[error("nothing is left of this pledge to refund")]
    NothingToRefund,

    #[error(
        "ticket-nft can still mint the reward of event {event_id}: claim it (a refund is for a \
         reward that can no longer be delivered)"
    )]
    RewardStillDeliverable { event_id: u64 },

    #[error("the reward could not be delivered and its value was already paid back")]
    RewardAlreadyRefunded,

    #[error("the campaign did not succeed")]
    NotSucceeded,

    #[error("the campaign neither failed nor was cancelled")]
    NotRefundable,

    #[error("the funds were already withdrawn")]
    AlreadyWithdrawn,

    #[error("the rewards were already claimed")]
    AlreadyClaimed,

    #[error("the pledge was already refunded")]
    AlreadyRefunded,

    #[error("a pledge of {pledged} reaches no reward tier")]
    NoReward { pledged: Uint128 },

    #[error("event {event_id} is not among the campaign's rewards")]
    NotARewardEvent { event_id: u64 },

    #[error("only the issuer of event {event_id} may approve rewards of its tickets")]
    NotEventIssuer { event_id: u64 },

    #[error("the issuer of event {event_id} has not approved these rewards yet")]
    RewardsNotApproved { event_id: u64 },

    #[error("the campaign reached its goal and is closed: it can only be finalized")]
    AlreadySucceeded,

    #[error("a campaign's creator cannot pledge to it: its goal must be reached by others")]
    CreatorPledge,

    #[error(
        "the issuer of reward event {event_id} cannot pledge to this campaign: its goal must be \
         reached by others"
    )]
    IssuerPledge { event_id: u64 },

    #[error("the rewards of event {event_id} cannot be delivered: {reason}")]
    RewardsUndeliverable { event_id: u64, reason: &'static str },

    #[error("no randomness contract is configured: lucky draws are unavailable")]
    RandomnessNotSet,

    #[error("the randomness contract is set once: the draws asked of it are answered only by it")]
    RandomnessFixed,

    #[error("campaign {campaign_id} has no lucky draw")]
    NoLuckyDraw { campaign_id: u64 },

    #[error("the lucky draw opens at the deadline, {deadline}")]
    LuckyDrawTooEarly { deadline: Timestamp },

    #[error("the randomness contract's draw is not ready yet")]
    DrawNotReady,

    #[error("the lucky backers were already drawn")]
    LuckyBackersAlreadyDrawn,
}

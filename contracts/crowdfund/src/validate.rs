//! Checks on message input: the campaign limits and the treasury here, addresses and text lengths
//! as every contract checks them.

pub use ctc_conventions::validate::{address, optional_address, optional_text, text};

pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_URI_BYTES: usize = 256;
pub const MAX_REWARD_TIERS: usize = 8;
/// ticket-nft mints at most 20 tickets per message.
pub const MAX_TICKETS_PER_REWARD: u32 = 20;
pub const MAX_LEAD_SECONDS: u64 = 90 * 86_400;
pub const MAX_CAMPAIGN_SECONDS: u64 = 180 * 86_400;
pub const MAX_LUCKY_WINNERS: u32 = 20;
pub const MAX_PRIZE_BYTES: usize = 256;

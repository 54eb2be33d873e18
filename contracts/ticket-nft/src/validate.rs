//! This contract's limits and rules on what callers send; the checks every contract shares (text
//! lengths, addresses) are `ctc_conventions::validate`.

use crate::error::ContractError;

pub const MAX_TITLE_BYTES: usize = 128;
pub const MAX_URI_BYTES: usize = 256;
pub const MAX_TIER_NAME_BYTES: usize = 64;
pub const MAX_SEAT_BYTES: usize = 32;
pub const MAX_TIERS: u8 = 16;
pub const MAX_TIER_SUPPLY: u32 = 100_000;
pub const MAX_PER_MESSAGE: u32 = 20;
pub const MAX_RESALE_CAP_BPS: u32 = 30_000;
pub const MAX_TRANSFERS: u32 = 100;
pub const MAX_SEATS_PER_TIER: usize = 1_000;
pub const MAX_SETTLEMENT_DELAY_SECONDS: u64 = 90 * 86_400;
/// Doors open at most a day before the show.
pub const MAX_CHECK_IN_OPENS_BEFORE_SECONDS: u64 = 86_400;
/// Tickets may be frozen at most 30 days before the show.
pub const MAX_LOCK_BEFORE_START_SECONDS: u64 = 30 * 86_400;
/// Approved spenders per ticket: each one is read by every resale buyer and scanner.
pub const MAX_APPROVALS: usize = 8;
/// Accepted attesters and allowed markets per event: each accepted attester is one read per
/// identity check.
pub const MAX_ATTESTERS: usize = 4;
pub const MAX_MARKETS: usize = 4;
/// A supervisor's reason: the evidence itself is kept off chain, behind its digest.
pub const MAX_REASON_BYTES: usize = 256;
pub const MAX_REPORT_DAYS: u32 = 366;
/// How long after settlement opens unruled complaints hold it back: supervisors have this long
/// to rule, and a complaint nobody takes up cannot keep the issuer's money for ever.
pub const REVIEW_SECONDS: u64 = 30 * 86_400;

pub fn settlement_delay(seconds: u64) -> Result<u64, ContractError> {
    if seconds > MAX_SETTLEMENT_DELAY_SECONDS {
        return Err(ContractError::SettlementDelayTooLong {
            max: MAX_SETTLEMENT_DELAY_SECONDS,
        });
    }
    Ok(seconds)
}

//! This contract's limits and rules on what callers send; the checks every contract shares (text
//! lengths, addresses, digests) are `ctc_conventions::validate`.

use cosmwasm_std::Timestamp;

use crate::error::ContractError;
use crate::msg::BookingTerms;

/// Like ticket-nft's event titles.
pub const MAX_NAME_BYTES: usize = 128;
pub const MAX_CITY_BYTES: usize = 64;
/// Like ticket-nft's tier names.
pub const MAX_HALL_NAME_BYTES: usize = 64;
/// Halls per venue: `venue` reads them all, and the venue stores their ids.
pub const MAX_HALLS: usize = 32;
/// Like ticket-nft's largest tier.
pub const MAX_CAPACITY: u32 = 100_000;
/// A run of shows may hold a hall for a month; longer holds are several slots.
pub const MAX_SLOT_SECONDS: u64 = 30 * 86_400;
/// Bounds `now + notice` far from overflow, and a year's notice is already more than any run.
pub const MAX_NOTICE_SECONDS: u64 = 365 * 86_400;
/// Theaters plan seasons, not centuries: slots start at most two years ahead, which keeps every
/// time a booking or its event holds far from the end of `Timestamp`.
pub const MAX_LEAD_SECONDS: u64 = 2 * 365 * 86_400;

pub fn capacity(capacity: u32) -> Result<u32, ContractError> {
    if capacity == 0 || capacity > MAX_CAPACITY {
        return Err(ContractError::InvalidCapacity { max: MAX_CAPACITY });
    }
    Ok(capacity)
}

pub fn slot(
    now: Timestamp,
    starts_at: Timestamp,
    ends_at: Timestamp,
    terms: &BookingTerms,
) -> Result<(), ContractError> {
    if starts_at <= now {
        return Err(ContractError::StartsInPast);
    }
    if starts_at > now.plus_seconds(MAX_LEAD_SECONDS) {
        return Err(ContractError::StartsTooLate {
            max_seconds: MAX_LEAD_SECONDS,
        });
    }
    if ends_at <= starts_at {
        return Err(ContractError::EndsBeforeStart);
    }
    if ends_at.nanos() - starts_at.nanos() > Timestamp::from_seconds(MAX_SLOT_SECONDS).nanos() {
        return Err(ContractError::SlotTooLong {
            max_seconds: MAX_SLOT_SECONDS,
        });
    }
    if terms.cancel_notice_seconds > MAX_NOTICE_SECONDS {
        return Err(ContractError::NoticeTooLong {
            max_seconds: MAX_NOTICE_SECONDS,
        });
    }
    Ok(())
}

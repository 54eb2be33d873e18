//! The execute handlers and the checks they share with instantiation.

pub mod accounts;
pub mod admin;

use cosmwasm_std::{Addr, Api, Env};
use ctc_conventions::validate::address;

use crate::error::ContractError;
use crate::msg::{RecoveryBounds, RecoveryConfig};

/// The longest recovery delay and period any bounds allow: a year, as the account design caps
/// the period, and far from the timestamps' overflow.
pub const MAX_RECOVERY_SECONDS: u64 = 365 * 86_400;

/// The longest label an account may be instantiated with, in bytes (wasmd's limit).
pub const MAX_LABEL_BYTES: usize = 128;

/// Each pair ordered, from 1 second to a year, and some period at least as long as some delay.
pub fn check_bounds(bounds: &RecoveryBounds) -> Result<(), ContractError> {
    let &RecoveryBounds {
        min_delay_seconds,
        max_delay_seconds,
        min_period_seconds,
        max_period_seconds,
    } = bounds;
    if min_delay_seconds == 0
        || min_delay_seconds > max_delay_seconds
        || max_delay_seconds > MAX_RECOVERY_SECONDS
    {
        return Err(ContractError::InvalidDelayBounds {
            min: min_delay_seconds,
            max: max_delay_seconds,
            cap: MAX_RECOVERY_SECONDS,
        });
    }
    if min_period_seconds == 0
        || min_period_seconds > max_period_seconds
        || max_period_seconds > MAX_RECOVERY_SECONDS
    {
        return Err(ContractError::InvalidPeriodBounds {
            min: min_period_seconds,
            max: max_period_seconds,
            cap: MAX_RECOVERY_SECONDS,
        });
    }
    if max_period_seconds < min_delay_seconds {
        return Err(ContractError::UnsatisfiableBounds {
            max_period: max_period_seconds,
            min_delay: min_delay_seconds,
        });
    }
    Ok(())
}

/// The recovery delay and period within `bounds`, the period at least the delay. The rest of the
/// recovery set (members, weights, threshold) is the account's to check at its instantiation,
/// whose refusal reverts the whole creation.
pub fn check_recovery(
    bounds: &RecoveryBounds,
    recovery: &RecoveryConfig,
) -> Result<(), ContractError> {
    let (delay, period) = (recovery.delay_seconds, recovery.period_seconds);
    if delay < bounds.min_delay_seconds {
        return Err(ContractError::DelayTooShort {
            delay,
            min: bounds.min_delay_seconds,
        });
    }
    if delay > bounds.max_delay_seconds {
        return Err(ContractError::DelayTooLong {
            delay,
            max: bounds.max_delay_seconds,
        });
    }
    if period < bounds.min_period_seconds {
        return Err(ContractError::PeriodTooShort {
            period,
            min: bounds.min_period_seconds,
        });
    }
    if period > bounds.max_period_seconds {
        return Err(ContractError::PeriodTooLong {
            period,
            max: bounds.max_period_seconds,
        });
    }
    if period < delay {
        return Err(ContractError::PeriodShorterThanDelay { period, delay });
    }
    Ok(())
}

pub fn code_id(code_id: u64) -> Result<u64, ContractError> {
    if code_id == 0 {
        return Err(ContractError::ZeroCodeId);
    }
    Ok(code_id)
}

/// The accounts' wasm admin: a valid address other than this factory, which must have no power
/// over them.
pub fn account_admin(api: &dyn Api, env: &Env, value: &str) -> Result<Addr, ContractError> {
    let admin = address(api, "account_admin", value)?;
    if admin == env.contract.address {
        return Err(ContractError::FactoryAsAdmin);
    }
    Ok(admin)
}

//! The vesting arithmetic, apart from storage so that it can be read and tested alone.

use cosmwasm_std::{OverflowError, OverflowOperation, Timestamp, Uint128};

use crate::error::ContractError;
use crate::msg::{Schedule, Tranche};

/// 100% in basis points.
pub const WHOLE_BPS: u32 = 10_000;
/// Ten years of monthly steps; it also bounds the one loop a claim runs.
pub const MAX_TRANCHES: usize = 120;

impl Schedule {
    /// Refuses a schedule that could not release exactly the whole grant, naming what is wrong.
    pub fn validate(&self) -> Result<(), ContractError> {
        match self {
            Self::Linear { start, cliff, end } => {
                if cliff < start {
                    return Err(ContractError::CliffBeforeStart);
                }
                if cliff > end {
                    return Err(ContractError::CliffAfterEnd);
                }
                if end <= start {
                    return Err(ContractError::EndNotAfterStart);
                }
                Ok(())
            }
            Self::Tranches { steps } => validate_tranches(steps),
        }
    }

    /// Refuses a schedule that would vest anything before `locked_until`: the lock-up's floor,
    /// which no grant may shorten. Called after `validate`, which guarantees a first step.
    pub fn ensure_vests_from(&self, locked_until: Timestamp) -> Result<(), ContractError> {
        // Nothing vests before a linear cliff or before the first tranche: they are the
        // schedule's earliest vesting time.
        let first = match self {
            Self::Linear { cliff, .. } => Some(*cliff),
            Self::Tranches { steps } => steps.first().map(|step| step.at),
        };
        match first {
            Some(first) if first >= locked_until => Ok(()),
            Some(_) => Err(ContractError::VestsBeforeLockEnd { locked_until }),
            None => Err(ContractError::NoTranches),
        }
    }

    /// What a grant of `amount` on this schedule has vested at `t`, rounded down, never more
    /// than `amount`. Rounding down keeps the dust in the contract until the last moment, which
    /// vests exactly `amount`. Every step is checked: a schedule that slipped past `validate`
    /// is refused with an error, never a panic or a wrapped number.
    pub fn vested(&self, amount: Uint128, t: Timestamp) -> Result<Uint128, ContractError> {
        match self {
            Self::Linear { start, cliff, end } => {
                if t < *cliff {
                    Ok(Uint128::zero())
                } else if t >= *end {
                    Ok(amount)
                } else {
                    // start <= cliff <= t < end: the ratio is below one, so the product cannot
                    // exceed `amount`; the checked forms refuse a schedule that broke this.
                    let elapsed = checked_nanos_between(*start, t)?;
                    let length = checked_nanos_between(*start, *end)?;
                    Ok(amount.checked_multiply_ratio(elapsed, length)?)
                }
            }
            Self::Tranches { steps } => {
                let mut passed = 0usize;
                let mut bps = 0u32;
                for step in steps.iter().take_while(|step| step.at <= t) {
                    passed = passed
                        .checked_add(1)
                        .ok_or(OverflowError::new(OverflowOperation::Add))?;
                    bps = bps
                        .checked_add(u32::from(step.bps))
                        .ok_or(OverflowError::new(OverflowOperation::Add))?;
                }
                if passed == steps.len() {
                    Ok(amount)
                } else {
                    Ok(amount.checked_multiply_ratio(bps, WHOLE_BPS)?)
                }
            }
        }
    }
}

/// `to − from` in nanoseconds, refused when `to` is earlier.
fn checked_nanos_between(from: Timestamp, to: Timestamp) -> Result<u64, ContractError> {
    Ok(to
        .nanos()
        .checked_sub(from.nanos())
        .ok_or(OverflowError::new(OverflowOperation::Sub))?)
}

fn validate_tranches(steps: &[Tranche]) -> Result<(), ContractError> {
    if steps.is_empty() {
        return Err(ContractError::NoTranches);
    }
    if steps.len() > MAX_TRANCHES {
        return Err(ContractError::TooManyTranches { max: MAX_TRANCHES });
    }
    let mut sum = 0u32;
    for (index, step) in steps.iter().enumerate() {
        if step.bps == 0 {
            return Err(ContractError::EmptyTranche { index });
        }
        if index > 0 && step.at <= steps[index - 1].at {
            return Err(ContractError::TranchesOutOfOrder { index });
        }
        sum = sum
            .checked_add(u32::from(step.bps))
            .ok_or(OverflowError::new(OverflowOperation::Add))?;
    }
    if sum != WHOLE_BPS {
        return Err(ContractError::TranchesSum { sum });
    }
    Ok(())
}

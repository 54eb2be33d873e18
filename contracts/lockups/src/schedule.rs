//! The vesting arithmetic, apart from storage so that it can be read and tested alone.

use cosmwasm_std::{Timestamp, Uint128};

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

    /// What a grant of `amount` on this schedule has vested at `t`, rounded down, never more
    /// than `amount`. Rounding down keeps the dust in the contract until the last moment, which
    /// vests exactly `amount`.
    pub fn vested(&self, amount: Uint128, t: Timestamp) -> Uint128 {
        match self {
            Self::Linear { start, cliff, end } => {
                if t < *cliff {
                    Uint128::zero()
                } else if t >= *end {
                    amount
                } else {
                    // start <= cliff <= t < end: the ratio is below one, so the product never
                    // exceeds `amount`, and end > start rules out a zero denominator.
                    let elapsed = t.nanos() - start.nanos();
                    amount.multiply_ratio(elapsed, end.nanos() - start.nanos())
                }
            }
            Self::Tranches { steps } => {
                let passed = steps.iter().take_while(|step| step.at <= t);
                let (count, bps) = passed.fold((0, 0u32), |(count, bps), step| {
                    (count + 1, bps + u32::from(step.bps))
                });
                if count == steps.len() {
                    amount
                } else {
                    amount.multiply_ratio(bps, WHOLE_BPS)
                }
            }
        }
    }
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
        // At most 120 × 65,535: far inside u32.
        sum += u32::from(step.bps);
    }
    if sum != WHOLE_BPS {
        return Err(ContractError::TranchesSum { sum });
    }
    Ok(())
}

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};

use crate::access::partner_with;
use crate::error::ContractError;
use crate::msg::{Capability, QuotaWindow};
use crate::state::{capability_key, Quota, PLATFORM_CONTRACTS, QUOTAS};
use crate::validate;

pub fn validate_window(limit: &QuotaWindow) -> Result<(), ContractError> {
    if limit.units_per_window == 0 || limit.window_seconds == 0 {
        return Err(ContractError::InvalidQuota);
    }
    Ok(())
}

impl Quota {
    fn window_at(&self, now: Timestamp) -> u64 {
        now.seconds() / self.limit.window_seconds
    }

    /// Units used in the window that contains `now`: zero once the stored window has passed.
    pub fn used_at(&self, now: Timestamp) -> u64 {
        if self.window_at(now) == self.window {
            self.used
        } else {
            0
        }
    }

    pub fn remaining_at(&self, now: Timestamp) -> u64 {
        self.limit
            .units_per_window
            .saturating_sub(self.used_at(now))
    }

    pub fn window_ends_at(&self, now: Timestamp) -> Timestamp {
        let window = self.window_at(now);
        Timestamp::from_seconds(
            window
                .saturating_add(1)
                .saturating_mul(self.limit.window_seconds),
        )
    }
}

pub fn consume_quota(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    partner: String,
    capability: Capability,
    units: u64,
) -> Result<Response, ContractError> {
    if !PLATFORM_CONTRACTS.has(deps.storage, &info.sender) {
        return Err(ContractError::NotPlatformContract);
    }
    if units == 0 {
        return Err(ContractError::ZeroUnits);
    }
    let partner = validate::address(deps.api, "partner", &partner)?;
    partner_with(deps.storage, &partner, capability)?;

    let key = (&partner, capability_key(capability));
    let remaining = match QUOTAS.may_load(deps.storage, key)? {
        None => None,
        Some(mut quota) => {
            let now = env.block.time;
            let remaining = quota.remaining_at(now);
            if units > remaining {
                return Err(ContractError::QuotaExceeded {
                    capability,
                    remaining,
                    requested: units,
                });
            }
            quota.used =
                quota
                    .used_at(now)
                    .checked_add(units)
                    .ok_or(ContractError::QuotaExceeded {
                        capability,
                        remaining,
                        requested: units,
                    })?;
            quota.window = quota.window_at(now);
            QUOTAS.save(deps.storage, key, &quota)?;
            Some(remaining - units)
        }
    };
    Ok(Response::new()
        .add_attribute("action", "consume_quota")
        .add_attribute("partner", partner)
        .add_attribute("capability", capability.as_str())
        .add_attribute("units", units.to_string())
        .add_attribute(
            "remaining",
            remaining.map_or_else(|| "unlimited".to_owned(), |left| left.to_string()),
        ))
}

//! The execute handlers, by what they act on, and the loads and checks they share.

pub mod admin;
pub mod draws;
pub mod providers;

use cosmwasm_std::{Addr, HexBinary, OverflowError, OverflowOperation, QuerierWrapper, Storage};
use ctc_interfaces::registry::{PartnerStatusResponse, RegistryQueryMsg};

use crate::error::ContractError;
use crate::state::{Draw, Provider, DRAWS, PROVIDERS};

/// The longest commit or reveal window the configuration takes.
pub const MAX_WINDOW_SECONDS: u64 = 30 * 86_400;
/// How far ahead a requester may close commitments: a crowdfund's lead and campaign together
/// stay within it, and a bound keeps the windows' arithmetic far from overflow.
pub const MAX_COMMIT_HORIZON_SECONDS: u64 = 365 * 86_400;
/// The fewest commitments a draw may open its reveals with: a lone committer could try secrets
/// offline and commit to the one whose seed it likes, at no cost.
pub const MIN_COMMITS_FLOOR: u32 = 2;
/// More commitments add nothing to a draw that one honest provider already makes unpredictable,
/// and each costs a reveal.
pub const MAX_COMMITS_CAP: u32 = 32;

pub fn load_draw(storage: &dyn Storage, requester: &Addr, key: u64) -> Result<Draw, ContractError> {
    DRAWS
        .may_load(storage, (requester, key))?
        .ok_or_else(|| ContractError::UnknownDraw {
            requester: requester.to_string(),
            key,
        })
}

pub fn load_provider(storage: &dyn Storage, address: &Addr) -> Result<Provider, ContractError> {
    PROVIDERS
        .may_load(storage, address)?
        .ok_or_else(|| ContractError::NotAProvider {
            address: address.to_string(),
        })
}

/// The registry's `partner_status` for `address`: one query.
pub fn partner_status(
    querier: QuerierWrapper,
    registry: &Addr,
    address: &Addr,
) -> Result<PartnerStatusResponse, ContractError> {
    Ok(querier.query_wasm_smart(
        registry,
        &RegistryQueryMsg::PartnerStatus {
            address: address.to_string(),
        },
    )?)
}

/// `value` as the 32 bytes a commitment or a secret is.
pub fn bytes32(field: &'static str, value: &HexBinary) -> Result<[u8; 32], ContractError> {
    value
        .as_slice()
        .try_into()
        .map_err(|_| ContractError::WrongLength {
            field,
            got: value.len(),
        })
}

pub fn window(field: &'static str, seconds: u64) -> Result<u64, ContractError> {
    if seconds == 0 || seconds > MAX_WINDOW_SECONDS {
        return Err(ContractError::InvalidWindow {
            field,
            max: MAX_WINDOW_SECONDS,
        });
    }
    Ok(seconds)
}

pub fn commit_bounds(min_commits: u32, max_commits: u32) -> Result<(), ContractError> {
    if min_commits < MIN_COMMITS_FLOOR || min_commits > max_commits || max_commits > MAX_COMMITS_CAP
    {
        return Err(ContractError::InvalidCommitBounds {
            min_commits,
            max_commits,
            floor: MIN_COMMITS_FLOOR,
            cap: MAX_COMMITS_CAP,
        });
    }
    Ok(())
}

/// A count one up: the counts are u32, far above what a draw or a provider reaches.
pub fn increment(count: u32) -> Result<u32, ContractError> {
    count
        .checked_add(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add).into())
}

pub fn decrement(count: u32) -> Result<u32, ContractError> {
    count
        .checked_sub(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Sub).into())
}

//! The execute handlers, by what they do, and the loads they share.

pub mod admin;
pub mod funding;
pub mod grants;

use cosmwasm_std::{Addr, Storage};

use crate::error::ContractError;
use crate::state::{Grant, GRANTS, TOKEN};

pub fn configured_token(storage: &dyn Storage) -> Result<Addr, ContractError> {
    TOKEN.may_load(storage)?.ok_or(ContractError::TokenNotSet)
}

pub fn load_grant(storage: &dyn Storage, grant_id: u64) -> Result<Grant, ContractError> {
    GRANTS
        .may_load(storage, grant_id)?
        .ok_or(ContractError::UnknownGrant { grant_id })
}

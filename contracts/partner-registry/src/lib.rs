//! The partner registry: who may do what on TicketChain. An admission authority admits partners
//! and grants capabilities with quotas; regulators supervise and leave records; partners attest
//! user identity levels; digests of documents are anchored as evidence and confirmed by parties.

mod access;
pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;
mod validate;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

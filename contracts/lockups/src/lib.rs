//! Lock-ups: one instance holds one locked genesis bucket of CTC (the founding team's, the
//! institutional investors') from the token's instantiate on. The owner (the committee) carves
//! grants out of it, and nothing leaves except to a grant's beneficiary, on the grant's schedule.
//! There is no withdrawal: what is not granted stays here.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod schedule;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

//! Allocation fund: one of CTC's genesis buckets (service providers, business development,
//! community rewards, public welfare), owned by the platform's committee. Every CTC in and out is
//! a numbered entry of a public ledger; distribution happens in Merkle sum-tree rounds whose root
//! and total are reserved when opened, so no round can pay more than it set aside, and each
//! listed address claims once. The same tree proves a custodian's holdings (`verify_holdings`).

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

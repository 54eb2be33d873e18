//! The outcome oracle: admitted reporters answer questions about real-world outcomes; when a
//! quorum agrees the answer is proposed, anyone may dispute it with a CTC bond during a window,
//! and the arbiter rules on disputes. Pools read the final answer.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

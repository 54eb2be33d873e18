//! CTC, the TicketChain token: a cw20 (cw20-base behaviour for every standard message) with a fixed
//! issuance split into a genesis allocation, no minter, and deflation bounded by a supply floor.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

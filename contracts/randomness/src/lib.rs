//! Randomness: draws made by commit–reveal among providers the partner registry admitted, each
//! staking a CTC deposit. A consumer (wager-pool, crowdfund, ticket-nft) opens a draw keyed by
//! its own address and a number; providers commit to secrets while the consumer's inputs can
//! still change and reveal them once they are fixed; the seed is the hash of the XOR of what was
//! revealed, final once every committer revealed or the reveal window closed. Each pending
//! commitment locks one `provider_bond` of its provider's deposit, and a withheld secret loses
//! that stake to the treasury, which is what makes seeing the other secrets first and
//! withholding to steer the result a losing trade in every draw at once.
//!
//! The formats (commitment, seed, picks) are `ctc_interfaces::randomness`'s, so consumers and
//! anyone checking them recompute every result from chain data.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

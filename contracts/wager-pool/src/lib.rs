//! Wager pools (竞猜): pari-mutuel pools on real-world outcomes with a small fee. Bets are CTC;
//! the outcome oracle answers; winners pull their share of the pool less the fee, and when nobody
//! backed the winner, or the question is invalid or unresolvable, everyone pulls a full refund.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

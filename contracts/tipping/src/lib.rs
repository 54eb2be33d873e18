//! Tipping: a fan tips a performer, a streamer or another fan by address, in CTC or an accepted
//! native coin. A service fee goes to the treasury and the rest to the recipient at once, so the
//! contract holds nothing between messages; it keeps stats, a bounded history per recipient and a
//! top-ten leaderboard per denom.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

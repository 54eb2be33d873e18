//! Ticket NFTs: one cw721 collection for every event on TicketChain. Partners issue events with
//! tiers; buyers pay in CTC through cw20 `Send`; tickets move only as their event's policy allows,
//! resell under a price cap, keep their provenance, are checked in once at the door, are refunded
//! if the event is cancelled, and settle with a platform fee and a burn share.

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

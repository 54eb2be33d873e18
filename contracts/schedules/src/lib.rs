//! Schedules (档期): a theater lists its venues and halls and publishes the slots a hall is free
//! for; a partner that issues tickets requests a slot; the theater accepts, and the confirmed
//! booking holds the hall, so two troupes sharing a theater can never be sold the same evening.
//! ticket-nft reads the booking before it issues the event that plays there and marks it issued.

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

//! Crowdfunding: partners raise CTC for a production before it is staged. All or nothing: if the
//! goal is reached the creator withdraws the funds (minus the platform fee) and each backer claims
//! its reward tickets, minted by ticket-nft; otherwise every backer pulls its pledge back.

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

//! Fan account: a contract a fan's key operates, which holds the fan's tickets, vouchers, CTC and
//! identity attestation at an address that survives a key reset (络谱 §3.4.1 密钥管理). It speaks
//! cw1: the operator's `Execute` sends any messages as the account; delegates may send CTC within
//! a daily amount and present door and redeem codes (`CanPresent`, asked by ticket-nft and
//! vouchers). A recovery set (the attesting partner, friends) replaces a lost key: a proposal
//! anchors the evidence, members approve up to a threshold, the old key may veto during a delay,
//! anyone completes after it, at most once a period; every proposal stays on record.

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

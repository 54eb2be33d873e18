//! Account factory: creates fan accounts (`fan-account`, issue 24) and keeps a record of each.
//! Every account it creates gets the same wasm admin (the committee, as every platform
//! contract), the platform's CTC and registry, and a recovery delay and period within the bounds
//! configured here; the factory records who created it, when and from which code, and indexes it
//! by its operator, which the account reports whenever its key changes. The factory holds no
//! funds and has no power over the accounts it created.

pub mod contract;
pub mod error;
mod execute;
pub mod msg;
mod query;
pub mod state;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

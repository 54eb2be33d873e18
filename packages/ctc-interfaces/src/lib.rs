//! What TicketChain contracts send to and ask of one another.
//!
//! Only types and small pure helpers live here, so that a frontend, an indexer or a third-party
//! contract can speak to the platform without depending on any contract crate.

pub mod accounts;
pub mod bps;
pub mod crowdfund;
pub mod funds;
pub mod merkle;
pub mod oracle;
pub mod paging;
pub mod proof;
pub mod randomness;
pub mod registry;
pub mod schedules;
pub mod supervision;
pub mod tickets;
pub mod tipping;
pub mod token;
pub mod vouchers;
pub mod wager;

pub use bps::{BasisPoints, BasisPointsError, FeeSplit};

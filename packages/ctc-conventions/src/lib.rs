//! What every TicketChain contract does the same way, written once: the instantiate and migrate
//! entries, two-step ownership without renouncing, the check that a payout recipient can spend,
//! input validation, the guard on CTC `Send` hooks, paging, the check that a token is the
//! platform's CTC and the refusals all of them share.
//!
//! Each contract keeps its own rules; it reaches for this crate only for what is the same in all.

pub mod admin;
pub mod error;
pub mod hook;
pub mod lifecycle;
pub mod mirror;
pub mod paging;
pub mod token;
pub mod validate;

pub use admin::{
    ensure_owner, ensure_recipient_can_spend, is_supervisor, update_ownership, AdminError,
    PLATFORM_CONTRACT_NAMES,
};
pub use error::ConventionError;
pub use hook::{ctc_hook, CtcHook};
pub use lifecycle::{instantiate, migrate, migrate_from_layout, nonpayable, ContractId};
pub use token::{
    balance_of, verify_platform_token, verify_platform_token_at_instantiate, CTC_TOKEN_NAME,
};

//! Vouchers (凭证): partners holding the registry's `issue_vouchers` capability issue classes of
//! discount coupons, goods or service vouchers and membership passes; identity-verified users
//! claim them free or buy them in CTC; a holder may gift one where its class allows; the
//! merchant's scanner redeems it once with the holder's signed code; after its validity each
//! unredeemed paid voucher is cleared on its own, refunded to its holder or paid to the merchant.
//! Phase 1 keeps one voucher per token (a cw721 collection); fungible amounts, resale and the use
//! of coupons and passes in a ticket purchase come in phase 2.

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

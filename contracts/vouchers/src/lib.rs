//! Vouchers (凭证): partners holding the registry's `issue_vouchers` capability issue classes of
//! discount coupons, goods or service vouchers and membership passes; identity-verified users
//! claim them free or buy them in CTC; holders gift them (whole, or split where the class is
//! fungible) and resell them under a price cap where the class allows; the merchant's scanner
//! redeems them with the holder's signed code; coupons and passes are used in the CTC `Send` that
//! buys tickets; after its validity each unredeemed paid voucher is cleared on its own, refunded
//! to its holder or paid to the merchant. Every voucher is a cw721 token holding units.

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

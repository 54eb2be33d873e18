//! What buyers and issuers send to the vouchers contract with CTC.

use cosmwasm_schema::cw_serde;

/// The `msg` of a CTC `Send` to vouchers.
#[cw_serde]
pub enum VoucherReceiveMsg {
    /// Buys `quantity` vouchers of a priced class: the amount sent must be exactly the class price
    /// times `quantity`. They go to `recipient`, or to the buyer when omitted.
    Buy {
        class_id: u64,
        quantity: u32,
        recipient: Option<String>,
    },
}

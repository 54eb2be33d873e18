//! What buyers and issuers send to the vouchers contract with CTC, and what ticket-nft tells it
//! when a ticket purchase uses a voucher.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::Uint128;

/// The `msg` of a CTC `Send` to vouchers.
#[cw_serde]
pub enum VoucherReceiveMsg {
    /// Buys `quantity` units of a priced class: the amount sent must be exactly the class price
    /// times `quantity`. They go to `recipient`, or to the buyer when omitted.
    Buy {
        class_id: u64,
        quantity: u32,
        recipient: Option<String>,
    },
    /// Buys a listed voucher whole: the amount sent must be exactly its listed price.
    BuyListed { token_id: String },
}

/// What ticket-nft sends vouchers, only ever to the vouchers contract in its own configuration.
#[cw_serde]
pub enum VoucherExecuteMsg {
    /// A ticket purchase names a voucher. vouchers refuses (and so reverts the whole purchase)
    /// unless the voucher fits the tickets and `paid_each` is exactly the price it allows; a
    /// coupon is spent one unit per ticket, a pass counts its uses for the event.
    UseForTickets(TicketUse),
}

#[cw_serde]
pub struct TicketUse {
    /// The voucher's token id.
    pub token_id: String,
    /// Who paid for the tickets: the voucher must be theirs.
    pub holder: String,
    /// The event's issuer.
    pub issuer: String,
    pub event_id: u64,
    /// The tier is only for members of this pass class.
    pub members_of: Option<u64>,
    pub quantity: u32,
    /// The tier's face price of one ticket.
    pub price: Uint128,
    /// What one ticket was paid.
    pub paid_each: Uint128,
}

//! What fans and frontends send to tipping.

use cosmwasm_schema::cw_serde;

/// The `msg` of a CTC `Send` to tipping.
#[cw_serde]
pub enum TippingReceiveMsg {
    /// Tips the amount sent to `recipient`. `context` names what is tipped, as `kind:id`
    /// (e.g. `event:7`, `post:abc`), for frontends to group by.
    Tip {
        recipient: String,
        memo: Option<String>,
        context: Option<String>,
    },
}

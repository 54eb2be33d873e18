//! What backers and frontends send to crowdfund.

use cosmwasm_schema::cw_serde;

/// The `msg` of a CTC `Send` to crowdfund.
#[cw_serde]
pub enum CrowdfundReceiveMsg {
    /// Pledges the amount sent to `campaign_id`.
    Contribute { campaign_id: u64 },
}

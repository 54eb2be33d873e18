//! What buyers, frontends and other contracts send to ticket-nft.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{to_json_binary, Addr, StdResult, Timestamp, Uint128, WasmMsg};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `msg` of a CTC `Send` to ticket-nft.
#[cw_serde]
pub enum TicketReceiveMsg {
    /// Primary sale: the amount sent must be exactly the tier price times `quantity`. Tickets go
    /// to `recipient`, or to the buyer when omitted.
    Buy {
        event_id: u64,
        tier: u8,
        quantity: u32,
        recipient: Option<String>,
        /// The token id of a voucher of the buyer's in the vouchers contract (a coupon, or the
        /// pass a members tier asks for). The amount sent is then what the voucher lets one pay,
        /// split evenly over the tickets and at most their face price; vouchers checks it and
        /// refuses, reverting the purchase, unless it is exactly that. Left out of the JSON when
        /// `None`, so a purchase without one is sent as before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        voucher: Option<String>,
    },
    /// Buys a listed ticket: the amount sent must be exactly the listing price.
    BuyResale { token_id: String },
    /// From a minter of the event (as `MintReserved`): mints `quantity` tickets that each carry
    /// an equal share of the amount sent (which must divide evenly). The value stays in escrow as
    /// a bought ticket's price does: refunded to the holder if the show is cancelled, paid to the
    /// issuer at settlement. How crowdfund delivers a reward its backer paid for.
    MintFunded {
        event_id: u64,
        tier: u8,
        recipient: String,
        quantity: u32,
    },
}

impl TicketReceiveMsg {
    /// The CTC `Send` that carries this hook to `ticket_nft`, to be executed on `token`.
    pub fn into_cw20_send(
        self,
        token: &Addr,
        ticket_nft: &Addr,
        amount: Uint128,
    ) -> StdResult<WasmMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: token.to_string(),
            msg: to_json_binary(&cw20::Cw20ExecuteMsg::Send {
                contract: ticket_nft.to_string(),
                amount,
                msg: to_json_binary(&self)?,
            })?,
            funds: vec![],
        })
    }
}

/// The ticket-nft execute messages other contracts send.
#[cw_serde]
pub enum TicketExecuteMsg {
    /// Mints without payment, within the tier's supply. Only addresses the event's issuer
    /// authorised as minters for that event (e.g. a crowdfund contract) may send it.
    MintReserved {
        event_id: u64,
        tier: u8,
        recipient: String,
        quantity: u32,
    },
}

/// The ticket-nft queries other contracts send.
#[cw_serde]
#[derive(QueryResponses)]
pub enum TicketQueryMsg {
    /// Answered with ticket-nft's full event; `EventSummary` reads the part contracts rely on.
    #[returns(EventSummary)]
    Event { event_id: u64 },
    /// Answered with ticket-nft's `RolesResponse`; `RolesSummary` reads whether `address` may
    /// send `MintReserved` for the event.
    #[returns(RolesSummary)]
    Roles { event_id: u64, address: String },
}

/// The fields of ticket-nft's `Event` answer that other contracts rely on. Not `cw_serde`: it
/// must accept the full answer, whose other fields it ignores.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct EventSummary {
    pub issuer: Addr,
    pub ends_at: Timestamp,
    /// Tickets are minted only while the event is `Scheduled` (and before `ends_at`).
    pub status: EventStatus,
    pub tiers: Vec<TierSummary>,
}

/// ticket-nft's event status, as it answers it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Scheduled,
    Cancelled { at: Timestamp },
    Settled { at: Timestamp },
}

/// The part of ticket-nft's `Roles` answer that a minter such as crowdfund reads.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct RolesSummary {
    pub minter: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct TierSummary {
    pub supply: u32,
    pub sold: u32,
}

/// Token ids are the event id and the ticket's serial within the event: `"7-42"`. Serials are
/// handed out tier by tier: tier `k`'s tickets follow the supply of tiers `0..k`.
pub fn token_id(event_id: u64, serial: u32) -> String {
    format!("{event_id}-{serial}")
}

/// The event id and serial of a token id, only in the one spelling `token_id` writes, so that
/// `"7-042"` or `"+7-42"` cannot name the same ticket as `"7-42"`.
pub fn parse_token_id(token_id: &str) -> Option<(u64, u32)> {
    let (event, serial) = token_id.split_once('-')?;
    let parsed = (event.parse().ok()?, serial.parse().ok()?);
    (self::token_id(parsed.0, parsed.1) == token_id).then_some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ids_parse_only_as_written() {
        assert_eq!(parse_token_id("7-42"), Some((7, 42)));
        assert_eq!(
            parse_token_id(&token_id(u64::MAX, u32::MAX)),
            Some((u64::MAX, u32::MAX))
        );
        for other in [
            "7-042",
            "07-42",
            "+7-42",
            "7-+42",
            "7--42",
            "7-42-1",
            "7",
            "-42",
            "7-",
            "a-1",
            "7-4294967296",
        ] {
            assert_eq!(parse_token_id(other), None, "{other}");
        }
    }

    #[test]
    fn the_send_wraps_the_hook_as_cw20_does() {
        let api = cosmwasm_std::testing::MockApi::default();
        let (token, nft) = (api.addr_make("token"), api.addr_make("tickets"));
        let hook = TicketReceiveMsg::BuyResale {
            token_id: token_id(7, 42),
        };
        let msg = hook
            .clone()
            .into_cw20_send(&token, &nft, Uint128::new(5))
            .unwrap();
        let WasmMsg::Execute {
            contract_addr, msg, ..
        } = msg
        else {
            panic!("not an execute")
        };
        assert_eq!(contract_addr, token.as_str());
        let cw20::Cw20ExecuteMsg::Send {
            contract,
            amount,
            msg: inner,
        } = cosmwasm_std::from_json(&msg).unwrap()
        else {
            panic!("not a send")
        };
        assert_eq!(contract, nft.as_str());
        assert_eq!(amount, Uint128::new(5));
        assert_eq!(
            cosmwasm_std::from_json::<TicketReceiveMsg>(&inner).unwrap(),
            hook
        );
        assert!(String::from_utf8(msg.to_vec())
            .unwrap()
            .starts_with(r#"{"send":{"contract":"#));
    }
}

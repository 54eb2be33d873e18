//! What other contracts send to and ask of schedules (档期): ticket-nft reads a confirmed booking
//! of a hall before it issues the event that plays there, then marks the booking issued.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a booking of a slot stands. Only `Confirmed` holds the hall.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum BookingStatus {
    /// Asked for by the requester, not yet answered by the theater.
    Requested,
    /// Accepted by the theater: the hall is held for the requester.
    Confirmed,
    /// Refused by the theater before confirmation.
    Declined,
    /// Taken back by the requester before confirmation.
    Withdrawn,
    /// Cancelled after confirmation, by one side within the terms or by both.
    Cancelled,
}

impl BookingStatus {
    /// The name used in JSON, in event attributes and in error messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Confirmed => "confirmed",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The schedules queries other contracts send.
#[cw_serde]
#[derive(QueryResponses)]
pub enum ScheduleQueryMsg {
    /// Answered with schedules' full booking; `BookingSummary` reads the part contracts rely on.
    #[returns(BookingSummary)]
    Booking { booking_id: u64 },
}

/// The schedules execute messages platform contracts send.
#[cw_serde]
pub enum ScheduleExecuteMsg {
    /// Only the ticket-nft contract schedules is configured with: records that `event_id` was
    /// issued for the confirmed booking, once. From then on the booking is cancelled only once
    /// ticket-nft answers that the event is cancelled.
    MarkIssued { booking_id: u64, event_id: u64 },
}

/// The fields of schedules' `Booking` answer that other contracts rely on. Not `cw_serde`: it
/// must accept the full answer, whose other fields it ignores.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct BookingSummary {
    pub venue_id: u64,
    pub hall_id: u64,
    pub venue_name: String,
    pub hall_name: String,
    pub city: String,
    /// Seats in the hall: an event held there should not sell more.
    pub capacity: u32,
    /// The partner the hall is held for: the one who may issue the event.
    pub requester: Addr,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub status: BookingStatus,
    /// The event issued for the booking, once marked.
    pub event_id: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, to_json_string};

    #[test]
    fn status_names_are_the_json_names() {
        use BookingStatus::*;
        for status in [Requested, Confirmed, Declined, Withdrawn, Cancelled] {
            let json = to_json_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
    }

    #[test]
    fn messages_have_their_documented_json() {
        let query = ScheduleQueryMsg::Booking { booking_id: 3 };
        assert_eq!(
            to_json_string(&query).unwrap(),
            r#"{"booking":{"booking_id":3}}"#
        );
        let mark = ScheduleExecuteMsg::MarkIssued {
            booking_id: 3,
            event_id: 9,
        };
        assert_eq!(
            to_json_string(&mark).unwrap(),
            r#"{"mark_issued":{"booking_id":3,"event_id":9}}"#
        );
    }

    #[test]
    fn a_summary_reads_a_full_answer_and_ignores_the_rest() {
        let full = r#"{"booking_id":3,"slot_id":2,"venue_id":1,"hall_id":4,
            "venue_name":"Grand","hall_name":"Main","city":"Shanghai","capacity":800,
            "requester":"cosmwasm1troupe","starts_at":"1000000000","ends_at":"2000000000",
            "status":"confirmed","theater_confirmed":true,"requester_confirmed":true,
            "terms":{"cancel_notice_seconds":86400},"cancel_proposed_by":null,"event_id":null}"#;
        let summary: BookingSummary = from_json(full).unwrap();
        assert_eq!(summary.capacity, 800);
        assert_eq!(summary.status, BookingStatus::Confirmed);
        assert_eq!(summary.starts_at, Timestamp::from_seconds(1));
        assert_eq!(summary.event_id, None);
    }
}

//! Unit tests through the entry points, with the registry's `partner_status` and
//! `has_capability` answered by a mock from a table of partners. Every refusal is checked to
//! leave the storage unchanged.

mod admin;
mod bookings;
mod calendar_property;
mod cancellation;
mod queries;
mod slots;
mod standing;
mod storage_layout;
mod venues;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use cosmwasm_std::{Addr, Response, Timestamp};
use ctc_conventions::ConventionError;
use ctc_interfaces::registry::{
    Capability, CapabilityResponse, PartnerKind, PartnerStanding, PartnerStatusResponse,
    RegistryQueryMsg, Standing,
};
use ctc_interfaces::tickets::{EventStatus, EventSummary, TicketQueryMsg};
use ctc_testkit::{Neighbours, Unit};

use crate::contract::{execute, instantiate, query};
use crate::msg::{
    BookingResponse, BookingStatus, BookingTerms, ExecuteMsg, InstantiateMsg, QueryMsg,
};
use crate::ContractError;

pub const HOUR: u64 = 3_600;
pub const DIGEST: &str = "ab";

/// The schedules contract under test: its `execute`, where every refusal is checked to change
/// nothing.
pub type Schedules = Unit<ExecuteMsg, ContractError>;

/// A partner as the mocked registry knows it.
#[derive(Clone)]
pub struct Partner {
    pub kind: PartnerKind,
    pub standing: PartnerStanding,
}

pub struct Accounts {
    pub owner: Addr,
    pub registry: Addr,
    pub ticket_nft: Addr,
    /// An Active theater without IssueTickets: owns the venue.
    pub theater: Addr,
    /// A second Active theater that also issues tickets (a touring house).
    pub theater2: Addr,
    /// Two Active troupes holding IssueTickets.
    pub troupe: Addr,
    pub troupe2: Addr,
    /// An Active agency without IssueTickets.
    pub agency: Addr,
    pub stranger: Addr,
}

pub struct Chain {
    pub unit: Schedules,
    pub accounts: Accounts,
    pub partners: BTreeMap<Addr, Partner>,
    /// The block time at instantiation: slot times are hours after it.
    pub start: Timestamp,
    /// Every query the mocked registry answered, in order (see `registry_queries`).
    pub asked: Rc<RefCell<Vec<RegistryQueryMsg>>>,
    /// The events the mocked ticket-nft answers cancelled; every other one is scheduled.
    pub cancelled_events: Rc<RefCell<BTreeSet<u64>>>,
    /// Every event the mocked ticket-nft was asked about, in order.
    pub events_asked: Rc<RefCell<Vec<u64>>>,
}

ctc_testkit::deref_to_unit!(Chain.unit: Schedules);

/// A refusal every platform contract shares.
pub fn convention(err: impl Into<ConventionError>) -> ContractError {
    ContractError::Convention(err.into())
}

pub fn partner(kind: PartnerKind, standing: Standing, capabilities: &[Capability]) -> Partner {
    Partner {
        kind,
        standing: PartnerStanding {
            standing,
            capabilities: capabilities.to_vec(),
        },
    }
}

pub fn terms(notice_hours: u64) -> BookingTerms {
    BookingTerms {
        cancel_notice_seconds: notice_hours * HOUR,
    }
}

pub fn register_venue(name: &str, city: &str) -> ExecuteMsg {
    ExecuteMsg::RegisterVenue {
        name: name.into(),
        city: city.into(),
        address_digest: DIGEST.repeat(32),
    }
}

impl Chain {
    /// Instantiated with ticket-nft configured; the registry knows the accounts' partners.
    pub fn new() -> Self {
        let mut unit = Schedules::new(execute);
        let name = |n: &str| unit.addr(n);
        let accounts = Accounts {
            owner: name("owner"),
            registry: name("registry"),
            ticket_nft: name("ticket_nft"),
            theater: name("theater"),
            theater2: name("theater2"),
            troupe: name("troupe"),
            troupe2: name("troupe2"),
            agency: name("agency"),
            stranger: name("stranger"),
        };
        let msg = InstantiateMsg {
            registry: accounts.registry.to_string(),
            ticket_nft: Some(accounts.ticket_nft.to_string()),
            owner: None,
        };
        unit.instantiate(instantiate, &accounts.owner, msg).unwrap();
        let issue = [Capability::IssueTickets];
        let partners = BTreeMap::from([
            (
                accounts.theater.clone(),
                partner(PartnerKind::Theater, Standing::Active, &[]),
            ),
            (
                accounts.theater2.clone(),
                partner(PartnerKind::Theater, Standing::Active, &issue),
            ),
            (
                accounts.troupe.clone(),
                partner(PartnerKind::Troupe, Standing::Active, &issue),
            ),
            (
                accounts.troupe2.clone(),
                partner(PartnerKind::Troupe, Standing::Active, &issue),
            ),
            (
                accounts.agency.clone(),
                partner(PartnerKind::Agency, Standing::Active, &[]),
            ),
        ]);
        let start = unit.env.block.time;
        let mut chain = Self {
            unit,
            accounts,
            partners,
            start,
            asked: Rc::default(),
            cancelled_events: Rc::default(),
            events_asked: Rc::default(),
        };
        chain.install_registry();
        chain
    }

    /// The mocked registry answers from `partners` as it stands now, and the mocked ticket-nft
    /// from `cancelled_events`.
    pub fn install_registry(&mut self) {
        let (cancelled, events_asked) = (
            Rc::clone(&self.cancelled_events),
            Rc::clone(&self.events_asked),
        );
        let issuer = self.accounts.troupe.clone();
        let ticket_nft = self.accounts.ticket_nft.clone();
        let partners: BTreeMap<String, Partner> = self
            .partners
            .iter()
            .map(|(address, partner)| (address.to_string(), partner.clone()))
            .collect();
        let registry = self.accounts.registry.clone();
        let asked = Rc::clone(&self.asked);
        Neighbours::new()
            .smart(&registry, move |query: RegistryQueryMsg| {
                asked.borrow_mut().push(query.clone());
                match query {
                    RegistryQueryMsg::PartnerStatus { address } => {
                        let found = partners.get(&address);
                        RegistryAnswer::Status(PartnerStatusResponse {
                            admitted: found.is_some(),
                            active: found.is_some_and(|p| p.standing.standing == Standing::Active),
                            kind: found.map(|p| p.kind),
                        })
                    }
                    RegistryQueryMsg::HasCapability {
                        address,
                        capability,
                    } => {
                        let standing = partners.get(&address).map(|p| &p.standing);
                        let reason = PartnerStanding::denial(standing, capability);
                        RegistryAnswer::Capability(CapabilityResponse {
                            allowed: reason.is_none(),
                            reason,
                        })
                    }
                    other => panic!("schedules does not ask {other:?}"),
                }
            })
            .smart(&ticket_nft, move |query: TicketQueryMsg| match query {
                TicketQueryMsg::Event { event_id } => {
                    events_asked.borrow_mut().push(event_id);
                    let status = if cancelled.borrow().contains(&event_id) {
                        EventStatus::Cancelled {
                            at: Timestamp::from_seconds(1),
                        }
                    } else {
                        EventStatus::Scheduled
                    };
                    EventSummary {
                        issuer: issuer.clone(),
                        ends_at: Timestamp::from_seconds(2),
                        status,
                        tiers: vec![],
                    }
                }
                other => panic!("schedules does not ask ticket-nft {other:?}"),
            })
            .install(&mut self.unit.deps);
    }

    /// The mocked ticket-nft answers from now on that `event_id` is cancelled.
    pub fn cancel_event(&self, event_id: u64) {
        self.cancelled_events.borrow_mut().insert(event_id);
    }

    /// The registry queries asked since the last call, emptied.
    pub fn registry_queries(&self) -> Vec<RegistryQueryMsg> {
        self.asked.borrow_mut().drain(..).collect()
    }

    /// Changes a partner's standing in the mocked registry.
    pub fn set_standing(&mut self, address: &Addr, standing: Standing) {
        self.partners.get_mut(address).unwrap().standing.standing = standing;
        self.install_registry();
    }

    /// `hours` after instantiation.
    pub fn at(&self, hours: u64) -> Timestamp {
        self.start.plus_seconds(hours * HOUR)
    }

    pub fn ask<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        self.unit.ask(query, msg)
    }

    pub fn ask_err(&self, msg: QueryMsg) -> ContractError {
        query(self.unit.deps.as_ref(), self.unit.env.clone(), msg).unwrap_err()
    }

    /// The theater's venue 1 in Shanghai with hall 1 (800 seats) and hall 2 (200 seats).
    pub fn with_venue() -> Self {
        let mut chain = Self::new();
        let theater = chain.accounts.theater.clone();
        chain
            .execute(&theater, register_venue("Grand Theatre", "Shanghai"))
            .unwrap();
        for (name, capacity) in [("Main", 800), ("Studio", 200)] {
            chain
                .execute(
                    &theater,
                    ExecuteMsg::AddHall {
                        venue_id: 1,
                        name: name.into(),
                        capacity,
                    },
                )
                .unwrap();
        }
        chain
    }

    /// The theater publishes `hall` from hour `from` to hour `to` with `notice` hours of notice.
    pub fn publish(
        &mut self,
        hall_id: u64,
        from: u64,
        to: u64,
        notice: u64,
    ) -> Result<u64, ContractError> {
        let theater = self.accounts.theater.clone();
        let msg = ExecuteMsg::PublishSlot {
            hall_id,
            starts_at: self.at(from),
            ends_at: self.at(to),
            terms: terms(notice),
        };
        let response = self.execute(&theater, msg)?;
        Ok(attribute(&response, "slot_id").parse().unwrap())
    }

    pub fn request(&mut self, who: &Addr, slot_id: u64) -> Result<u64, ContractError> {
        let response = self.execute(who, ExecuteMsg::RequestBooking { slot_id })?;
        Ok(attribute(&response, "booking_id").parse().unwrap())
    }

    pub fn accept(&mut self, booking_id: u64) -> Result<Response, ContractError> {
        let theater = self.accounts.theater.clone();
        self.execute(&theater, ExecuteMsg::AcceptBooking { booking_id })
    }

    /// Publishes `hall` from hour `from` to `to` (notice `notice` hours), the troupe requests
    /// it and the theater accepts: the confirmed booking's id.
    pub fn confirmed(&mut self, hall_id: u64, from: u64, to: u64, notice: u64) -> u64 {
        let slot = self.publish(hall_id, from, to, notice).unwrap();
        let troupe = self.accounts.troupe.clone();
        let booking = self.request(&troupe, slot).unwrap();
        self.accept(booking).unwrap();
        booking
    }

    pub fn booking(&self, booking_id: u64) -> BookingResponse {
        self.ask(QueryMsg::Booking { booking_id })
    }

    pub fn status(&self, booking_id: u64) -> BookingStatus {
        self.booking(booking_id).status
    }
}

/// The registry's two answers, so one closure can give either.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum RegistryAnswer {
    Status(PartnerStatusResponse),
    Capability(CapabilityResponse),
}

/// The value of the attribute `key` in `response`.
pub fn attribute(response: &Response, key: &str) -> String {
    response
        .attributes
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no attribute {key}"))
        .value
        .clone()
}

/// The attributes of `response` as (key, value) pairs.
pub fn attributes(response: &Response) -> Vec<(String, String)> {
    response
        .attributes
        .iter()
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect()
}

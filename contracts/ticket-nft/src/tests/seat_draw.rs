//! Random seats: a seated tier whose seats a draw deals. `DrawSeats` closes the tier's sales and
//! asks the randomness contract; a ticket's seat shows only once that draw is ready, and then
//! the draw's permutation gives each position its own seat.

use std::cell::Cell;
use std::rc::Rc;

use cosmwasm_std::{ContractResult, SystemError, SystemResult, WasmQuery};
use ctc_interfaces::randomness::{self, DrawResponse, DrawStatus, RandomnessQueryMsg};
use cw721::msg::NftInfoResponse;

use super::*;
use crate::msg::{ConfigResponse, TicketFilter, TicketInfo, VerifyTicketResponse};
use crate::state::{CONFIG, TIERS};

const SEATS: u32 = 8;
/// Event 2: the Stalls as event 1's, and "Pit", 8 random seats R1..R8 at 250 CTC, no limit.
const EVENT: u64 = 2;
const PIT: u8 = 1;

fn seed() -> [u8; 32] {
    randomness::seed("randomness", 77, &[9u8; 32])
}

/// The randomness contract's address, configured by the platform owner through `UpdateConfig`.
fn configure_randomness(chain: &mut Chain) -> Addr {
    let randomness = chain.addr("randomness");
    let owner = chain.accounts.owner.clone();
    chain
        .execute(&owner, update_randomness(&randomness))
        .unwrap();
    randomness
}

fn update_randomness(randomness: &Addr) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: None,
        randomness: Some(randomness.to_string()),
    }
}

/// Event 1 as `Chain::new` makes it, and event 2 with its random-seat Pit.
fn chain_with_pit() -> Chain {
    let mut chain = Chain::new();
    create_event(&mut chain, |input| {
        let pit = &mut input.tiers[1];
        pit.name = "Pit".into();
        pit.supply = SEATS;
        pit.seats = (1..=SEATS).map(|n| format!("R{n}")).collect();
        pit.random_seats = true;
    })
    .unwrap();
    chain
}

/// Makes the randomness contract answer the Pit's draw with `status` and `seed`, checking that
/// it is asked for this contract's draw under the Pit's key; returns how many times it was asked.
fn answer_draw(
    chain: &mut Chain,
    randomness: &Addr,
    status: DrawStatus,
    seed: Option<[u8; 32]>,
) -> Rc<Cell<u32>> {
    let asked = Rc::new(Cell::new(0));
    let counter = asked.clone();
    let requester = chain.env.contract.address.to_string();
    Neighbours::new()
        .contract(&chain.accounts.token, "crates.io:ctc-token")
        .smart(randomness, move |query: RandomnessQueryMsg| {
            let RandomnessQueryMsg::Draw {
                requester: asker,
                key,
            } = query;
            assert_eq!(asker, requester);
            assert_eq!(key, (EVENT << 8) | u64::from(PIT));
            counter.set(counter.get() + 1);
            DrawResponse::answered(asker, key, status, seed)
        })
        .install(&mut chain.unit.deps);
    asked
}

fn draw_seats(tier: u8) -> ExecuteMsg {
    ExecuteMsg::DrawSeats {
        event_id: EVENT,
        tier,
    }
}

fn buy_pit(chain: &mut Chain, fan: usize, quantity: u32) -> Result<Response, ContractError> {
    chain.buy_in(
        fan,
        (EVENT, PIT),
        quantity,
        u128::from(quantity) * 250 * CTC,
    )
}

fn seat(chain: &Chain, serial: u32) -> Option<String> {
    let info: NftInfoResponse<TicketInfo> = chain.ask(QueryMsg::NftInfo {
        token_id: format!("{EVENT}-{serial}"),
    });
    info.extension.seat
}

/// The Pit's serials: after the Stalls' ten.
fn pit_serials(sold: u32) -> std::ops::Range<u32> {
    10..10 + sold
}

#[test]
fn drawn_seats_give_each_sold_ticket_its_own_seat_once_the_draw_is_ready() {
    let mut chain = chain_with_pit();
    let randomness = configure_randomness(&mut chain);
    for fan in 0..3 {
        buy_pit(&mut chain, fan, 2).unwrap();
    }
    // Not drawn: no seat shows, and the randomness contract is not asked (it is no neighbour
    // yet, so a query would fail the test).
    for serial in pit_serials(6) {
        assert_eq!(seat(&chain, serial), None);
    }

    let issuer = chain.accounts.issuer.clone();
    let response = chain.execute(&issuer, draw_seats(PIT)).unwrap();
    assert_eq!(
        executes(&response),
        [(
            randomness.to_string(),
            format!(
                r#"{{"request_draw":{{"key":{},"commits_close_at":null}}}}"#,
                (2 << 8) | 1
            )
        )]
    );
    let tier = &chain.event_of(EVENT).tiers[1];
    assert!(tier.random_seats && tier.seats_drawn);

    // Asked for but not ready: still hidden, in every answer that shows a seat.
    for status in [
        DrawStatus::Committing,
        DrawStatus::Revealing,
        DrawStatus::Stalled,
    ] {
        let asked = answer_draw(&mut chain, &randomness, status, None);
        assert_eq!(seat(&chain, 10), None);
        let verified: VerifyTicketResponse = chain.ask(QueryMsg::VerifyTicket {
            token_id: "2-11".into(),
            holder: None,
        });
        assert_eq!(verified.seat, None);
        assert_eq!(asked.get(), 2);
    }

    let asked = answer_draw(&mut chain, &randomness, DrawStatus::Ready, Some(seed()));
    let seats: Vec<String> = pit_serials(6)
        .map(|serial| seat(&chain, serial).expect("a drawn seat"))
        .collect();
    let expected: Vec<String> = (0..6)
        .map(|position| format!("R{}", randomness::seat_of(&seed(), position, SEATS) + 1))
        .collect();
    assert_eq!(seats, expected);
    let mut distinct = seats.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 6, "{seats:?}");
    // Not simply the order of sale, for this seed.
    assert_ne!(seats, ["R1", "R2", "R3", "R4", "R5", "R6"]);
    // One query per answer.
    assert_eq!(asked.get(), 6);

    let verified: VerifyTicketResponse = chain.ask(QueryMsg::VerifyTicket {
        token_id: "2-13".into(),
        holder: None,
    });
    assert_eq!(verified.seat.as_ref(), Some(&seats[3]));

    // A page of the collection asks once for the Pit's run of tickets, and a seat filter
    // matches the drawn seat.
    let before = asked.get();
    let found: Option<Vec<NftInfoResponse<TicketInfo>>> = chain.ask(QueryMsg::GetNftByExtension {
        extension: Some(TicketFilter {
            seat: Some(seats[4].clone()),
            ..TicketFilter::default()
        }),
        start_after: Some("2-9".into()),
        limit: Some(20),
    });
    let found = found.expect("the ticket sitting there");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].extension.seat.as_ref(), Some(&seats[4]));
    assert_eq!(asked.get(), before + 1);
}

#[test]
fn a_full_tier_is_dealt_every_seat_once() {
    let mut chain = chain_with_pit();
    let randomness = configure_randomness(&mut chain);
    for fan in 0..4 {
        buy_pit(&mut chain, fan, 2).unwrap();
    }
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    answer_draw(&mut chain, &randomness, DrawStatus::Ready, Some(seed()));
    let mut seats: Vec<String> = pit_serials(SEATS)
        .map(|serial| seat(&chain, serial).unwrap())
        .collect();
    seats.sort();
    let mut all: Vec<String> = (1..=SEATS).map(|n| format!("R{n}")).collect();
    all.sort();
    assert_eq!(seats, all);
}

#[test]
fn drawing_closes_the_tiers_sales_by_every_path() {
    let mut chain = chain_with_pit();
    configure_randomness(&mut chain);
    buy_pit(&mut chain, 0, 1).unwrap();
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    // No minter can be named after the draw (`MinterAfterSeatDraw`); one written into storage
    // all the same mints nothing of the tier either.
    let minter = chain.accounts.minter.clone();
    assert_eq!(
        chain.refused(
            &issuer,
            ExecuteMsg::SetMinter {
                event_id: EVENT,
                address: minter.to_string(),
                allowed: true,
            }
        ),
        ContractError::MinterAfterSeatDraw
    );
    crate::state::MINTERS
        .save(
            chain.unit.deps.as_mut().storage,
            (EVENT, &minter),
            &cosmwasm_std::Empty {},
        )
        .unwrap();

    assert_eq!(
        buy_pit(&mut chain, 1, 1).unwrap_err(),
        ContractError::SeatsDrawn
    );
    let recipient = chain.accounts.fans[2].to_string();
    let reserved = ExecuteMsg::MintReserved {
        event_id: EVENT,
        tier: PIT,
        recipient: recipient.clone(),
        quantity: 1,
    };
    assert_eq!(chain.refused(&minter, reserved), ContractError::SeatsDrawn);
    let funded = ReceiveMsg::MintFunded {
        event_id: EVENT,
        tier: PIT,
        recipient,
        quantity: 1,
    };
    assert_eq!(
        chain.pay(&minter, 10 * CTC, &funded).unwrap_err(),
        ContractError::SeatsDrawn
    );
    assert_eq!(chain.event_of(EVENT).tiers[1].sold, 1);
    // The event's other tier sells on.
    chain.buy_in(1, (EVENT, 0), 1, 100 * CTC).unwrap();
}

/// A minter (crowdfund) may owe rewards of the tier: the draw waits until the issuer removed every
/// minter of the event, after which crowdfund sees its rewards undeliverable.
#[test]
fn seats_are_drawn_only_once_the_event_has_no_minter() {
    let mut chain = chain_with_pit();
    configure_randomness(&mut chain);
    let (issuer, crowdfund, other) = (
        chain.accounts.issuer.clone(),
        chain.accounts.minter.clone(),
        chain.addr("another_minter"),
    );
    chain.appoint_minter(EVENT, &crowdfund);
    chain.appoint_minter(EVENT, &other);
    // Another event's minter does not hold this one back.
    chain.appoint_minter(1, &other);
    let set_minter = |address: &Addr, allowed| ExecuteMsg::SetMinter {
        event_id: EVENT,
        address: address.to_string(),
        allowed,
    };
    assert_eq!(
        chain.refused(&issuer, draw_seats(PIT)),
        ContractError::EventHasMinters
    );
    chain.execute(&issuer, set_minter(&other, false)).unwrap();
    assert_eq!(
        chain.refused(&issuer, draw_seats(PIT)),
        ContractError::EventHasMinters
    );
    // The reward stays mintable meanwhile.
    let reserved = ExecuteMsg::MintReserved {
        event_id: EVENT,
        tier: PIT,
        recipient: chain.accounts.fans[0].to_string(),
        quantity: 1,
    };
    chain.execute(&crowdfund, reserved).unwrap();

    chain
        .execute(&issuer, set_minter(&crowdfund, false))
        .unwrap();
    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    assert!(chain.event_of(EVENT).tiers[1].seats_drawn);
    // And no minter comes back once a tier is drawn: its rewards could never be minted.
    assert_eq!(
        chain.refused(&issuer, set_minter(&crowdfund, true)),
        ContractError::MinterAfterSeatDraw
    );
    chain
        .execute(&issuer, set_minter(&crowdfund, false))
        .unwrap();
}

/// A randomness contract whose answer fails reads as a draw not ready: the tier's tickets answer
/// without a seat instead of failing.
#[test]
fn a_failing_randomness_answer_hides_the_seats_without_failing_the_queries() {
    let mut chain = chain_with_pit();
    let randomness = configure_randomness(&mut chain);
    buy_pit(&mut chain, 0, 2).unwrap();
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    // The randomness contract errors on its draw query.
    chain.unit.deps.querier.update_wasm(|query| match query {
        WasmQuery::Smart { .. } => {
            SystemResult::Ok(ContractResult::Err("randomness: out of gas".into()))
        }
        other => panic!("unexpected query {other:?}"),
    });
    assert_eq!(seat(&chain, 10), None);
    let verified: VerifyTicketResponse = chain.ask(QueryMsg::VerifyTicket {
        token_id: "2-11".into(),
        holder: None,
    });
    assert_eq!(verified.seat, None);
    let found: Option<Vec<NftInfoResponse<TicketInfo>>> = chain.ask(QueryMsg::GetNftByExtension {
        extension: Some(TicketFilter::default()),
        start_after: Some("2-9".into()),
        limit: Some(20),
    });
    let found = found.expect("the Pit's tickets");
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|info| info.extension.seat.is_none()));

    // An answer that is no draw, and no contract at all at the address: the same.
    Neighbours::new()
        .smart(&randomness, |_: RandomnessQueryMsg| "not a draw")
        .install(&mut chain.unit.deps);
    assert_eq!(seat(&chain, 11), None);
    chain.unit.deps.querier.update_wasm(|query| match query {
        WasmQuery::Smart { contract_addr, .. } => SystemResult::Err(SystemError::NoSuchContract {
            addr: contract_addr.clone(),
        }),
        other => panic!("unexpected query {other:?}"),
    });
    assert_eq!(seat(&chain, 11), None);
    // Once it answers, the seats show.
    answer_draw(&mut chain, &randomness, DrawStatus::Ready, Some(seed()));
    assert!(seat(&chain, 11).is_some());
}

#[test]
fn only_the_issuer_draws_a_random_tier_once_with_randomness_configured() {
    let mut chain = chain_with_pit();
    let issuer = chain.accounts.issuer.clone();
    assert_eq!(
        chain.refused(&issuer, draw_seats(PIT)),
        ContractError::RandomnessNotSet
    );
    let randomness = configure_randomness(&mut chain);

    let (owner, fan) = (chain.accounts.owner.clone(), chain.accounts.fans[0].clone());
    for stranger in [&owner, &fan] {
        assert_eq!(
            chain.refused(stranger, draw_seats(PIT)),
            ContractError::NotIssuer
        );
    }
    assert_eq!(
        chain.refused(&issuer, draw_seats(0)),
        ContractError::NotRandomSeats { tier: 0 }
    );
    assert_eq!(
        chain.refused(&issuer, draw_seats(2)),
        ContractError::TierNotFound {
            event_id: EVENT,
            tier: 2
        }
    );
    // Event 1's seated Box was not made random.
    assert_eq!(
        chain.refused(
            &issuer,
            ExecuteMsg::DrawSeats {
                event_id: 1,
                tier: 1
            }
        ),
        ContractError::NotRandomSeats { tier: 1 }
    );

    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    assert_eq!(
        chain.refused(&issuer, draw_seats(PIT)),
        ContractError::SeatsAlreadyDrawn { tier: PIT }
    );

    // A cancelled event draws nothing.
    let mut other = chain_with_pit();
    other
        .execute(&owner, update_randomness(&randomness))
        .unwrap();
    other
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: EVENT })
        .unwrap();
    assert_eq!(
        other.refused(&issuer, draw_seats(PIT)),
        ContractError::EventCancelled
    );
}

#[test]
fn only_a_seated_tier_has_random_seats() {
    let mut chain = Chain::new();
    let err = create_event(&mut chain, |input| input.tiers[0].random_seats = true).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidTier {
            reason: "only a seated tier can have random seats".into()
        }
    );
    // Nor can a tier added later: event 2's sale starts tomorrow.
    let tomorrow = chain.env.block.time.plus_seconds(DAY);
    create_event(&mut chain, |input| input.sale_starts_at = tomorrow).unwrap();
    let issuer = chain.accounts.issuer.clone();
    let mut general = event_input(&chain.env).tiers.remove(0);
    general.random_seats = true;
    let err = chain.refused(
        &issuer,
        ExecuteMsg::AddTier {
            event_id: 2,
            tier: general,
        },
    );
    assert!(matches!(err, ContractError::InvalidTier { .. }), "{err}");
}

#[test]
fn the_owner_alone_configures_the_randomness_contract() {
    let mut chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.randomness, None);
    // Stored as before while unset.
    let stored = cosmwasm_std::to_json_string(&CONFIG.load(&chain.deps.storage).unwrap()).unwrap();
    assert!(!stored.contains("randomness"), "{stored}");

    let randomness = chain.addr("randomness");
    let fan = chain.accounts.fans[0].clone();
    assert!(matches!(
        chain.refused(&fan, update_randomness(&randomness)),
        ContractError::Convention(_)
    ));
    let owner = chain.accounts.owner.clone();
    let bad = ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: None,
        randomness: Some("not an address".into()),
    };
    assert!(matches!(
        chain.refused(&owner, bad),
        ContractError::Convention(_)
    ));
    chain
        .execute(&owner, update_randomness(&randomness))
        .unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.randomness, Some(randomness.clone()));
    // Set once: not another, nor the same again.
    let swap = chain.addr("committee_randomness");
    for address in [&swap, &randomness] {
        assert_eq!(
            chain.refused(&owner, update_randomness(address)),
            ContractError::RandomnessFixed
        );
    }

    // Or at instantiation, and fixed from then on.
    let mut fresh = Unit::new(execute);
    let mut msg = instantiate_msg(&chain.accounts);
    msg.randomness = Some(randomness.to_string());
    fresh.instantiate(instantiate, &owner, msg).unwrap();
    let config: ConfigResponse = fresh.ask(query, QueryMsg::Config {});
    assert_eq!(config.randomness, Some(randomness));
    assert_eq!(
        fresh.refused(&owner, update_randomness(&swap)),
        ContractError::RandomnessFixed
    );
}

/// A tier without random seats keeps its bytes (`storage_layout` pins them); a random one adds
/// its flag, and its draw another, at the end.
#[test]
fn a_random_tier_stores_its_flags_after_the_others() {
    let mut chain = chain_with_pit();
    configure_randomness(&mut chain);
    let stored = |chain: &Chain| {
        cosmwasm_std::to_json_string(&TIERS.load(&chain.deps.storage, (EVENT, PIT)).unwrap())
            .unwrap()
    };
    assert!(stored(&chain).ends_with(r#""reserved":0,"random_seats":true}"#));
    assert!(
        !cosmwasm_std::to_json_string(&TIERS.load(&chain.deps.storage, (EVENT, 0)).unwrap())
            .unwrap()
            .contains("random")
    );
    let issuer = chain.accounts.issuer.clone();
    chain.execute(&issuer, draw_seats(PIT)).unwrap();
    assert!(stored(&chain).ends_with(r#""random_seats":true,"seats_drawn":true}"#));
}

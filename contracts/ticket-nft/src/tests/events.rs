use super::*;
use crate::msg::{EventStatus, TierResponse};

fn invalid(chain: &mut Chain, change: impl FnOnce(&mut EventInput)) -> ContractError {
    let mut input = event_input(&chain.env);
    change(&mut input);
    let issuer = chain.accounts.issuer.clone();
    chain.refused(&issuer, ExecuteMsg::CreateEvent { event: input })
}

fn reason(err: ContractError) -> String {
    match err {
        ContractError::InvalidEvent { reason } | ContractError::InvalidTier { reason } => reason,
        other => panic!("not an invalid event: {other}"),
    }
}

#[test]
fn creating_an_event_draws_its_supply_from_the_quota_and_fixes_the_terms() {
    let mut chain = Chain::bare();
    let issuer = chain.accounts.issuer.clone();
    let input = event_input(&chain.env);
    let response = chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    let sent = executes(&response);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, chain.accounts.registry.as_str());
    assert_eq!(
        sent[0].1,
        format!(
            r#"{{"consume_quota":{{"partner":"{issuer}","capability":"issue_tickets","units":12}}}}"#
        )
    );
    let event = chain.event();
    assert_eq!(event.event_id, 1);
    assert_eq!(event.issuer, issuer);
    assert_eq!(event.status, EventStatus::Scheduled);
    assert_eq!(event.platform_fee.get(), 500);
    assert_eq!(event.burn_share.get(), 1_000);
    assert_eq!(
        event.tiers[1],
        TierResponse {
            name: "Box".into(),
            price: Uint128::new(250 * CTC),
            supply: 2,
            sold: 0,
            seated: true,
            per_wallet_limit: None,
            members_of: None,
            random_seats: false,
            seats_drawn: false,
        }
    );
    assert_eq!(event.settlement_delay_seconds, DAY);

    // Later config changes leave the event's terms alone.
    let owner = chain.accounts.owner.clone();
    chain
        .execute(
            &owner,
            ExecuteMsg::UpdateConfig {
                treasury: None,
                platform_fee: Some(BasisPoints::new(100).unwrap()),
                burn_share: None,
                settlement_delay_seconds: None,
                randomness: None,
            },
        )
        .unwrap();
    assert_eq!(chain.event().platform_fee.get(), 500);
}

#[test]
fn refuses_malformed_events() {
    let mut chain = Chain::bare();
    let now = chain.env.block.time;
    assert_eq!(
        reason(invalid(&mut chain, |e| e.starts_at = now)),
        "starts_at must be in the future"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.ends_at = e.starts_at)),
        "ends_at must be after starts_at"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.sale_ends_at = e.ends_at.plus_seconds(1))),
        "the sale must end after it starts and no later than the event"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.tiers.clear())),
        "an event has between 1 and 16 tiers"
    );
    // Finding 10: doors open at most a day early, tickets freeze at most 30 days early.
    assert_eq!(
        reason(invalid(&mut chain, |e| e.check_in_opens_before_seconds = DAY + 1)),
        "check-in opens at most 86400 seconds (a day) before the start"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.lock_before_start_seconds = 30 * DAY + 1)),
        "tickets lock at most 2592000 seconds (30 days) before the start"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.resale_cap_bps = 30_001)),
        "the resale cap is at most 30000 (300%)"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| {
            e.transfer_policy = TransferPolicy::GiftOnly { max_transfers: 0 }
        })),
        "max_transfers is between 1 and 100"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.tiers[0].price = Uint128::zero())),
        "price must be greater than zero"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.tiers[0].supply = 0)),
        "supply must be between 1 and 100000"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| {
            e.tiers[1].seats.pop();
        })),
        "a seated tier needs exactly one seat per ticket"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| {
            e.tiers[0].supply = 1_001;
            e.tiers[0].seats = (0..1_001).map(|n| format!("S{n}")).collect();
        })),
        "a seated tier has at most 1000 seats"
    );
    assert_eq!(
        reason(invalid(&mut chain, |e| e.tiers[0].per_wallet_limit = Some(0))),
        "a per-wallet limit must be at least 1"
    );
    assert_eq!(
        invalid(&mut chain, |e| e.title = "t".repeat(129)),
        ContractError::Convention(ConventionError::InvalidLength {
            field: "title",
            max: 128
        })
    );
}

#[test]
fn the_issuer_edits_before_the_sale_starts_only() {
    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.sale_starts_at = chain.env.block.time.plus_seconds(DAY);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    let update = ExecuteMsg::UpdateEvent {
        event_id: 1,
        title: Some("Hamlet (new cast)".into()),
        venue: None,
        description_uri: Some("ipfs://new".into()),
    };
    let fan = chain.accounts.fans[0].clone();
    assert_eq!(
        chain.refused(&fan, update.clone()),
        ContractError::NotIssuer
    );
    chain.execute(&issuer, update.clone()).unwrap();
    assert_eq!(chain.event().title, "Hamlet (new cast)");

    let tier = TierInput {
        name: "Gallery".into(),
        price: Uint128::new(20 * CTC),
        supply: 50,
        seats: vec![],
        per_wallet_limit: None,
        members_of: None,
        random_seats: false,
    };
    let response = chain
        .execute(
            &issuer,
            ExecuteMsg::AddTier {
                event_id: 1,
                tier: tier.clone(),
            },
        )
        .unwrap();
    assert!(executes(&response)[0].1.contains(r#""units":50"#));
    assert_eq!(chain.event().tiers.len(), 3);

    chain.advance_to(chain.env.block.time.plus_seconds(DAY));
    assert_eq!(chain.refused(&issuer, update), ContractError::SaleStarted);
    assert_eq!(
        chain.refused(&issuer, ExecuteMsg::AddTier { event_id: 1, tier }),
        ContractError::SaleStarted
    );
    assert_eq!(
        chain.refused(
            &issuer,
            ExecuteMsg::UpdateEvent {
                event_id: 9,
                title: None,
                venue: None,
                description_uri: None
            }
        ),
        ContractError::EventNotFound { event_id: 9 }
    );
}

#[test]
fn only_the_issuer_pauses_and_appoints_staff() {
    let mut chain = Chain::new();
    let fan = chain.accounts.fans[0].clone();
    let issuer = chain.accounts.issuer.clone();
    let scanner = chain.accounts.scanner.clone();
    let pause = ExecuteMsg::SetSalePaused {
        event_id: 1,
        paused: true,
    };
    assert_eq!(chain.refused(&fan, pause.clone()), ContractError::NotIssuer);
    let staff = ExecuteMsg::SetScanner {
        event_id: 1,
        address: scanner.to_string(),
        allowed: true,
    };
    assert_eq!(chain.refused(&fan, staff.clone()), ContractError::NotIssuer);
    chain.execute(&issuer, staff).unwrap();
    let roles: crate::msg::RolesResponse = chain.ask(QueryMsg::Roles {
        event_id: 1,
        address: scanner.to_string(),
    });
    assert!(roles.scanner && !roles.minter);
    chain.execute(&issuer, pause).unwrap();
    assert!(chain.event().sale_paused);
    assert_eq!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::SalePaused
    );
}

#[test]
fn cancellation_is_for_the_issuer_or_owner_before_the_end() {
    let mut chain = Chain::new();
    let fan = chain.accounts.fans[0].clone();
    let owner = chain.accounts.owner.clone();
    let cancel = ExecuteMsg::CancelEvent { event_id: 1 };
    assert_eq!(
        chain.refused(&fan, cancel.clone()),
        ContractError::NotIssuerOrOwner
    );
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at);
    assert_eq!(
        chain.refused(&owner, cancel.clone()),
        ContractError::EventEnded
    );
    chain.advance_to(ends_at.minus_seconds(1));
    chain.execute(&owner, cancel.clone()).unwrap();
    assert!(matches!(
        chain.event().status,
        EventStatus::Cancelled { .. }
    ));
    assert_eq!(chain.refused(&owner, cancel), ContractError::EventCancelled);
}

#[test]
fn the_event_answer_reads_as_the_interface_summary() {
    let chain = Chain::new();
    let interface_msg = ctc_interfaces::tickets::TicketQueryMsg::Event { event_id: 1 };
    let msg: QueryMsg = from_json(to_json_binary(&interface_msg).unwrap()).unwrap();
    let raw = query(chain.deps.as_ref(), chain.env.clone(), msg).unwrap();
    let summary: ctc_interfaces::tickets::EventSummary = from_json(raw).unwrap();
    assert_eq!(summary.issuer, chain.accounts.issuer);
    assert_eq!(summary.tiers.len(), 2);
    assert_eq!(summary.tiers[1].supply, 2);
}

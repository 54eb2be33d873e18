//! Supervision and after the show: freezes, complaints and rulings, settlement that waits for a
//! suspended issuer and returns a revoked one's escrow, holds on one user's ticket, the partner
//! report, and funded mints. A supervisor other than the platform owner is whoever the registry
//! answers is one (`answer_supervisors`).

use super::*;
use crate::msg::{
    DayReport, EventStatus, ListingResponse, ListingsResponse, PartnerReportResponse, Provenance,
    ReportTotals, SupervisionAction, SupervisionRecord, SupervisionResponse,
};
use crate::validate::REVIEW_SECONDS;

const FRAUD: &str = "box office fraud under investigation";
const CLEARED: &str = "investigation closed";

fn freeze(frozen: bool) -> ExecuteMsg {
    ExecuteMsg::FreezeEvent {
        event_id: 1,
        frozen,
        reason: (if frozen { FRAUD } else { CLEARED }).into(),
        digest: digest(),
    }
}

fn rule(happened: bool) -> ExecuteMsg {
    ExecuteMsg::RuleOnEvent {
        event_id: 1,
        happened,
        reason: "the venue's report".into(),
        digest: digest(),
    }
}

fn complain(token_id: &str) -> ExecuteMsg {
    ExecuteMsg::FileComplaint {
        token_id: token_id.into(),
        digest: digest(),
    }
}

fn hold(token_id: &str, held: bool) -> ExecuteMsg {
    ExecuteMsg::HoldTicket {
        token_id: token_id.into(),
        held,
        reason: (if held {
            "court order 42"
        } else {
            "order lifted"
        })
        .into(),
        digest: digest(),
    }
}

fn refund(token_id: &str) -> ExecuteMsg {
    ExecuteMsg::ClaimRefund {
        token_id: token_id.into(),
    }
}

fn settle(event_id: u64) -> ExecuteMsg {
    ExecuteMsg::Settle { event_id }
}

fn records(chain: &Chain, event_id: u64) -> Vec<SupervisionRecord> {
    let answer: SupervisionResponse = chain.ask(QueryMsg::SupervisionRecords {
        event_id,
        start_after: None,
        limit: None,
    });
    answer.records
}

/// A supervision record of `action` by `by`, at the chain's current block.
fn record_now(
    chain: &Chain,
    id: u32,
    (action, by): (SupervisionAction, &Addr),
    (reason, digest): (&str, &str),
) -> SupervisionRecord {
    SupervisionRecord {
        id,
        action,
        by: by.clone(),
        reason: reason.into(),
        digest: digest.into(),
        time: chain.env.block.time,
        height: chain.env.block.height,
    }
}

/// The single CTC `Disburse` paying `to` `amount` that a refund sends.
fn refunded(chain: &Chain, to: &Addr, amount: u128) -> Vec<(String, String)> {
    vec![(
        chain.accounts.token.to_string(),
        ctc_disburse_json(&[(to, amount)], 0),
    )]
}

fn listing(chain: &Chain, token_id: &str) -> Option<ListingResponse> {
    chain.ask(QueryMsg::Listing {
        token_id: token_id.into(),
    })
}

fn escrow(chain: &Chain) -> u128 {
    chain.event().escrow.u128()
}

const NOT_SUPERVISOR: ContractError = ContractError::NotSupervisor;

fn invalid_digest() -> ContractError {
    ContractError::Convention(ConventionError::InvalidDigest { field: "digest" })
}

#[test]
fn a_freeze_stops_sales_moves_and_settlement_until_lifted() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let (owner, issuer, minter) = (
        chain.accounts.owner.clone(),
        chain.accounts.issuer.clone(),
        chain.accounts.minter.clone(),
    );
    let regulator = chain.addr("regulator");
    chain.buy(0, 0, 2, 200 * CTC).unwrap(); // 1-0, 1-1
    chain.execute(&fans[0], list("1-1", 100 * CTC)).unwrap();
    chain.appoint_minter(1, &minter);
    answer_supervisors(&mut chain, std::slice::from_ref(&regulator));

    // Neither a fan nor the issuer supervises.
    assert_eq!(chain.refused(&fans[3], freeze(true)), NOT_SUPERVISOR);
    assert_eq!(chain.refused(&issuer, freeze(true)), NOT_SUPERVISOR);
    for bad in [
        "ab".repeat(31),
        "zz".repeat(32),
        "ab".repeat(33),
        String::new(),
    ] {
        let msg = ExecuteMsg::FreezeEvent {
            event_id: 1,
            frozen: true,
            reason: FRAUD.into(),
            digest: bad.clone(),
        };
        assert_eq!(chain.refused(&owner, msg), invalid_digest(), "{bad:?}");
    }
    assert!(!chain.event().frozen);

    chain.execute(&owner, freeze(true)).unwrap();
    assert!(chain.event().frozen);
    let first = record_now(
        &chain,
        0,
        (SupervisionAction::Frozen, &owner),
        (FRAUD, &digest()),
    );
    assert_eq!(
        chain.refused(&owner, freeze(true)),
        ContractError::FreezeUnchanged { frozen: true }
    );
    let frozen = ContractError::EventFrozen;
    assert_eq!(chain.buy(1, 0, 1, 100 * CTC).unwrap_err(), frozen);
    assert_eq!(chain.refused(&fans[0], gift("1-0", &fans[1])), frozen);
    assert_eq!(chain.refused(&fans[0], list("1-0", 100 * CTC)), frozen);
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-1".into(),
    };
    assert_eq!(chain.pay(&fans[1], 100 * CTC, &resale).unwrap_err(), frozen);
    let reserved = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: fans[2].to_string(),
        quantity: 1,
    };
    assert_eq!(chain.refused(&minter, reserved.clone()), frozen);
    // Lifting is a supervisor's too.
    assert_eq!(chain.refused(&fans[3], freeze(false)), NOT_SUPERVISOR);

    chain.advance(3_600);
    chain.execute(&owner, freeze(false)).unwrap();
    let second = record_now(
        &chain,
        1,
        (SupervisionAction::Unfrozen, &owner),
        (CLEARED, &digest()),
    );
    assert_eq!(
        chain.refused(&owner, freeze(false)),
        ContractError::FreezeUnchanged { frozen: false }
    );
    chain.buy(1, 0, 1, 100 * CTC).unwrap(); // 1-2
    chain.execute(&fans[0], gift("1-0", &fans[2])).unwrap();
    chain.execute(&fans[2], list("1-0", 100 * CTC)).unwrap();
    chain.pay(&fans[1], 100 * CTC, &resale).unwrap();
    chain.execute(&minter, reserved).unwrap(); // 1-3
    assert_eq!(chain.owner_of("1-1"), fans[1].to_string());
    assert_eq!(chain.event().tickets_minted, 4);

    // After the show a regulator, not the owner, freezes it: settlement waits for the lift.
    let opens_at = chain.event().ends_at.plus_seconds(DAY);
    chain.advance_to(opens_at);
    chain.execute(&regulator, freeze(true)).unwrap();
    let third = record_now(
        &chain,
        2,
        (SupervisionAction::Frozen, &regulator),
        (FRAUD, &digest()),
    );
    let before = escrow(&chain);
    assert_eq!(
        chain.refused(&fans[3], settle(1)),
        ContractError::SettlementWithheld { reason: "frozen" }
    );
    assert_eq!(escrow(&chain), before);
    chain.execute(&regulator, freeze(false)).unwrap();
    let fourth = record_now(
        &chain,
        3,
        (SupervisionAction::Unfrozen, &regulator),
        (CLEARED, &digest()),
    );
    chain.execute(&fans[3], settle(1)).unwrap();
    assert_eq!(chain.event().status, EventStatus::Settled { at: opens_at });
    assert_eq!(records(&chain, 1), [first, second, third, fourth]);
    assert_eq!(chain.event().supervision_records, 4);
}

#[test]
fn a_digest_is_kept_in_one_spelling() {
    let mut chain = Chain::new();
    let owner = chain.accounts.owner.clone();
    let msg = ExecuteMsg::FreezeEvent {
        event_id: 1,
        frozen: true,
        reason: FRAUD.into(),
        digest: "AB".repeat(32),
    };
    chain.execute(&owner, msg).unwrap();
    assert_eq!(records(&chain, 1)[0].digest, digest());
    // A reason is bounded as any text is.
    let long = ExecuteMsg::FreezeEvent {
        event_id: 1,
        frozen: false,
        reason: "x".repeat(257),
        digest: digest(),
    };
    assert!(matches!(
        chain.refused(&owner, long),
        ContractError::Convention(ConventionError::InvalidLength { .. })
    ));
}

#[test]
fn a_complaint_holds_settlement_until_a_supervisor_rules_the_show_happened() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let owner = chain.accounts.owner.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap(); // 1-0
    chain.buy(1, 0, 1, 100 * CTC).unwrap(); // 1-1
    answer_supervisors(&mut chain, &[]);
    let ends_at = chain.event().ends_at;
    let closes_at = ends_at.plus_seconds(DAY);
    let window = ContractError::ComplaintWindow {
        opens_at: ends_at,
        closes_at,
    };

    chain.advance_to(ends_at.minus_seconds(1));
    assert_eq!(chain.refused(&fans[0], complain("1-0")), window);
    assert_eq!(
        chain.refused(&owner, rule(true)),
        ContractError::RulingNotOpen
    );

    chain.advance_to(ends_at);
    assert_eq!(
        chain.refused(&fans[1], complain("1-0")),
        ContractError::NotOwner
    );
    let bad = ExecuteMsg::FileComplaint {
        token_id: "1-0".into(),
        digest: "not a digest".into(),
    };
    assert_eq!(chain.refused(&fans[0], bad), invalid_digest());
    chain.execute(&fans[0], complain("1-0")).unwrap();
    assert_eq!(
        chain.refused(&fans[0], complain("1-0")),
        ContractError::AlreadyComplained
    );
    assert_eq!(chain.event().complaints, 1);
    assert_eq!(
        changes(&chain, "1-0").last(),
        Some(&Provenance::Complained {
            holder: fans[0].clone(),
            digest: digest(),
        })
    );

    chain.advance_to(closes_at);
    assert_eq!(chain.refused(&fans[1], complain("1-1")), window);
    assert_eq!(
        chain.refused(&fans[1], settle(1)),
        ContractError::UnderReview {
            complaints: 1,
            until: closes_at.plus_seconds(REVIEW_SECONDS),
        }
    );
    assert_eq!(chain.refused(&fans[1], rule(true)), NOT_SUPERVISOR);
    chain.execute(&owner, rule(true)).unwrap();
    let ruled = record_now(
        &chain,
        0,
        (SupervisionAction::RuledHappened, &owner),
        ("the venue's report", &digest()),
    );
    assert!(chain.event().ruled_happened);
    assert_eq!(records(&chain, 1), [ruled]);

    let response = chain.execute(&fans[1], settle(1)).unwrap();
    // 200 CTC: 5% fee, 10% burn, the rest to the issuer.
    let (treasury, issuer) = (&chain.accounts.treasury, &chain.accounts.issuer);
    assert_eq!(
        executes(&response),
        [(
            chain.accounts.token.to_string(),
            ctc_disburse_json(&[(treasury, 10 * CTC), (issuer, 170 * CTC)], 20 * CTC)
        )]
    );
    assert_eq!(chain.event().status, EventStatus::Settled { at: closes_at });
}

#[test]
fn a_ruling_that_the_show_did_not_happen_refunds_every_holder_in_full() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let owner = chain.accounts.owner.clone();
    chain.buy(0, 0, 2, 200 * CTC).unwrap(); // 1-0, 1-1
    chain.buy(1, 1, 1, 250 * CTC).unwrap(); // 1-10
    chain.execute(&fans[0], gift("1-1", &fans[2])).unwrap();
    // Resold at 110 CTC: the 5.5 CTC royalty is the buyer's too if the show did not happen.
    chain.execute(&fans[0], list("1-0", 110 * CTC)).unwrap();
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    chain.pay(&fans[3], 110 * CTC, &resale).unwrap();
    assert_eq!(escrow(&chain), 455_500_000);

    assert_eq!(
        chain.refused(&owner, rule(false)),
        ContractError::RulingNotOpen
    );
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at.plus_seconds(60));
    chain.execute(&fans[3], complain("1-0")).unwrap();
    chain.execute(&owner, rule(false)).unwrap();
    let now = chain.env.block.time;
    assert_eq!(chain.event().status, EventStatus::Cancelled { at: now });
    assert_eq!(
        records(&chain, 1),
        [record_now(
            &chain,
            0,
            (SupervisionAction::RuledNotHappened, &owner),
            ("the venue's report", &digest()),
        )]
    );
    chain.advance_to(ends_at.plus_seconds(DAY));
    assert_eq!(
        chain.refused(&fans[0], settle(1)),
        ContractError::EventCancelled
    );
    assert_eq!(
        chain.refused(&owner, rule(true)),
        ContractError::EventCancelled
    );

    for (fan, token_id, amount) in [
        (3, "1-0", 105_500_000),
        (2, "1-1", 100 * CTC),
        (1, "1-10", 250 * CTC),
    ] {
        let response = chain.execute(&fans[fan], refund(token_id)).unwrap();
        assert_eq!(executes(&response), refunded(&chain, &fans[fan], amount));
    }
    assert_eq!(escrow(&chain), 0);
}

#[test]
fn settlement_waits_for_a_suspended_issuer_and_returns_a_revoked_ones_escrow() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap(); // 1-0
    chain.buy(1, 1, 1, 250 * CTC).unwrap(); // 1-10
    let opens_at = chain.event().ends_at.plus_seconds(DAY);
    chain.advance_to(opens_at);

    for (denial, reason) in [
        (Denial::Suspended, "the issuer is suspended"),
        (Denial::NotAPartner, "the issuer is not a partner"),
    ] {
        chain.set_registry(Registry {
            issuer_denial: Some(denial),
            ..Registry::default()
        });
        assert_eq!(
            chain.refused(&fans[2], settle(1)),
            ContractError::SettlementWithheld { reason }
        );
        assert_eq!(escrow(&chain), 350 * CTC);
        assert_eq!(chain.event().status, EventStatus::Scheduled);
        assert_eq!(
            chain.refused(&fans[0], refund("1-0")),
            ContractError::EventNotCancelled
        );
    }

    chain.set_registry(Registry {
        issuer_denial: Some(Denial::Revoked),
        ..Registry::default()
    });
    let response = chain.execute(&fans[2], settle(1)).unwrap();
    assert!(response.messages.is_empty(), "nothing is paid out");
    assert_eq!(
        chain.event().status,
        EventStatus::Cancelled { at: opens_at }
    );
    let contract = chain.env.contract.address.clone();
    assert_eq!(
        records(&chain, 1),
        [record_now(
            &chain,
            0,
            (SupervisionAction::ReturnedToHolders, &contract),
            ("the issuer was revoked before settlement", ""),
        )]
    );
    assert_eq!(escrow(&chain), 350 * CTC);
    for (fan, token_id, amount) in [(0, "1-0", 100 * CTC), (1, "1-10", 250 * CTC)] {
        let response = chain.execute(&fans[fan], refund(token_id)).unwrap();
        assert_eq!(executes(&response), refunded(&chain, &fans[fan], amount));
    }
    assert_eq!(escrow(&chain), 0);
    assert_eq!(
        chain.refused(&fans[2], settle(1)),
        ContractError::EventCancelled
    );
}

#[test]
fn the_owners_attester_holds_a_ticket_and_a_supervisor_lifts_it() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let (owner, issuer) = (chain.accounts.owner.clone(), chain.accounts.issuer.clone());
    let (civil_id, notary) = (chain.addr("civil-id"), chain.addr("notary"));
    // civil-id attested fan 0; the notary, another identity provider, only fan 1.
    let mut registry = Registry::default();
    registry
        .levels
        .insert(fans[0].to_string(), IdentityLevel::Phone);
    chain.set_registry(registry);
    chain.push(RegistryUpdate::Partner {
        address: notary.clone(),
        standing: Some(PartnerStanding {
            standing: Standing::Active,
            capabilities: vec![Capability::AttestIdentity],
        }),
    });
    chain.push(RegistryUpdate::Attestation {
        user: fans[1].clone(),
        attester: notary.clone(),
        attested: Some(AttestedLevel {
            level: IdentityLevel::Phone,
            expires_at: None,
            subject: None,
        }),
    });
    answer_supervisors(&mut chain, &[]);
    chain.buy(0, 0, 2, 200 * CTC).unwrap(); // 1-0, 1-1
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();

    // Only the owner's own attester carries out an order on it: not another provider, not a
    // stranger, not the issuer, not even a supervisor.
    for someone in [&notary, &fans[3], &issuer, &owner, &fans[0]] {
        assert_eq!(
            chain.refused(someone, hold("1-0", true)),
            ContractError::NotHoldersAttester,
            "{someone}"
        );
    }
    let bad = ExecuteMsg::HoldTicket {
        token_id: "1-0".into(),
        held: true,
        reason: "court order 42".into(),
        digest: "ab".into(),
    };
    assert_eq!(chain.refused(&civil_id, bad), invalid_digest());

    chain.execute(&civil_id, hold("1-0", true)).unwrap();
    assert_eq!(
        chain.refused(&civil_id, hold("1-0", true)),
        ContractError::HoldUnchanged { held: true }
    );
    assert_eq!(listing(&chain, "1-0"), None);
    let listings: ListingsResponse = chain.ask(QueryMsg::Listings {
        event_id: 1,
        start_after: None,
        limit: None,
    });
    assert_eq!(listings.listings, []);
    let held = ContractError::TicketHeld;
    assert_eq!(chain.refused(&fans[0], gift("1-0", &fans[1])), held);
    assert_eq!(chain.refused(&fans[0], list("1-0", 100 * CTC)), held);
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    assert_eq!(
        chain.pay(&fans[1], 100 * CTC, &resale).unwrap_err(),
        ContractError::NotListed {
            token_id: "1-0".into()
        }
    );
    assert_eq!(chain.owner_of("1-0"), fans[0].to_string());
    // The hold is on one ticket: the owner's other one moves.
    chain.execute(&fans[0], gift("1-1", &fans[1])).unwrap();

    // Lifted by a supervisor: not by a stranger or a provider that did not attest the owner.
    assert_eq!(
        chain.refused(&fans[3], hold("1-0", false)),
        ContractError::NotHoldersAttester
    );
    assert_eq!(
        chain.refused(&notary, hold("1-0", false)),
        ContractError::NotHoldersAttester
    );
    chain.execute(&owner, hold("1-0", false)).unwrap();
    assert_eq!(
        chain.refused(&owner, hold("1-0", false)),
        ContractError::HoldUnchanged { held: false }
    );
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();

    // Held again, a cancelled show refunds it only once the attester lifts the hold.
    chain.execute(&civil_id, hold("1-0", true)).unwrap();
    assert_eq!(listing(&chain, "1-0"), None);
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert_eq!(chain.refused(&fans[0], refund("1-0")), held);
    chain.execute(&civil_id, hold("1-0", false)).unwrap();
    let response = chain.execute(&fans[0], refund("1-0")).unwrap();
    assert_eq!(executes(&response), refunded(&chain, &fans[0], 100 * CTC));

    let hold_record = |held: bool, by: &Addr| Provenance::Hold {
        held,
        holder: fans[0].clone(),
        by: by.clone(),
        reason: (if held {
            "court order 42"
        } else {
            "order lifted"
        })
        .into(),
        digest: digest(),
    };
    assert_eq!(
        changes(&chain, "1-0"),
        [
            Provenance::Minted {
                to: fans[0].clone(),
                paid: Uint128::new(100 * CTC)
            },
            hold_record(true, &civil_id),
            hold_record(false, &owner),
            hold_record(true, &civil_id),
            hold_record(false, &civil_id),
            Provenance::Refunded {
                to: fans[0].clone(),
                amount: Uint128::new(100 * CTC)
            },
        ]
    );
}

#[test]
fn the_partner_report_keeps_each_days_money_and_sums_it() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let issuer = chain.accounts.issuer.clone();
    create_event(&mut chain, |_| {}).unwrap(); // event 2
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    chain.buy_in(1, (2, 1), 1, 250 * CTC).unwrap(); // 2-10
    chain.buy_in(2, (2, 0), 1, 100 * CTC).unwrap(); // 2-0
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 2 })
        .unwrap();
    let day = |time: Timestamp| u32::try_from(time.seconds() / DAY).unwrap();
    let refund_day = day(chain.env.block.time);
    chain.execute(&fans[1], refund("2-10")).unwrap();

    let opens_at = chain.event().ends_at.plus_seconds(DAY);
    chain.advance_to(opens_at);
    let settle_day = day(opens_at);
    assert!(settle_day > refund_day);
    chain.execute(&fans[3], settle(1)).unwrap();
    chain.execute(&fans[2], refund("2-0")).unwrap();

    let report = |chain: &Chain, partner: &Addr, from_day: u32, to_day: u32| {
        chain.ask::<PartnerReportResponse>(QueryMsg::PartnerReport {
            partner: partner.to_string(),
            from_day,
            to_day,
        })
    };
    let settled = ReportTotals {
        sold: Uint128::new(200 * CTC),
        refunded: Uint128::new(100 * CTC),
        settled: Uint128::new(170 * CTC),
        burned: Uint128::new(20 * CTC),
        fees: Uint128::new(10 * CTC),
    };
    let refunded = ReportTotals {
        refunded: Uint128::new(250 * CTC),
        ..ReportTotals::default()
    };
    let answer = report(&chain, &issuer, refund_day, settle_day);
    assert_eq!(
        answer.days,
        [
            DayReport {
                day: refund_day,
                totals: refunded
            },
            DayReport {
                day: settle_day,
                totals: settled.clone()
            },
        ]
    );
    assert_eq!(
        answer.total,
        ReportTotals {
            sold: Uint128::new(200 * CTC),
            refunded: Uint128::new(350 * CTC),
            settled: Uint128::new(170 * CTC),
            burned: Uint128::new(20 * CTC),
            fees: Uint128::new(10 * CTC),
        }
    );
    // A range holds only its own days, and may span 366 of them; another partner's report holds
    // nothing of this one's.
    let late = report(&chain, &issuer, refund_day + 1, refund_day + 366);
    assert_eq!(late.total, settled);
    assert_eq!(late.days.len(), 1);
    let other = report(&chain, &fans[0], refund_day, settle_day);
    assert_eq!(
        other,
        PartnerReportResponse {
            days: vec![],
            total: ReportTotals::default()
        }
    );

    let range = |from_day: u32, to_day: u32| QueryMsg::PartnerReport {
        partner: issuer.to_string(),
        from_day,
        to_day,
    };
    for (from_day, to_day) in [(refund_day, refund_day + 366), (settle_day, refund_day)] {
        assert_eq!(
            chain.query_refused(range(from_day, to_day)),
            ContractError::InvalidReportRange { max: 366 }
        );
    }
}

#[test]
fn a_funded_mint_escrows_what_the_minter_paid_and_refunds_it_to_each_holder() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let (issuer, minter) = (chain.accounts.issuer.clone(), chain.accounts.minter.clone());
    chain.appoint_minter(1, &minter);
    let funded = |recipient: &Addr, quantity: u32| ReceiveMsg::MintFunded {
        event_id: 1,
        tier: 0,
        recipient: recipient.to_string(),
        quantity,
    };

    assert_eq!(
        chain
            .pay(&fans[3], 150 * CTC, &funded(&fans[0], 2))
            .unwrap_err(),
        ContractError::NotMinter
    );
    assert_eq!(
        chain
            .pay(&minter, 150 * CTC + 1, &funded(&fans[0], 2))
            .unwrap_err(),
        ContractError::WrongAmount {
            expected: Uint128::new(150 * CTC),
            received: Uint128::new(150 * CTC + 1)
        }
    );
    assert_eq!(chain.event().tickets_minted, 0);

    // 150 CTC for two: each ticket carries 75 CTC, whatever its tier's price.
    chain.pay(&minter, 150 * CTC, &funded(&fans[0], 2)).unwrap(); // 1-0, 1-1
    assert_eq!(
        changes(&chain, "1-0"),
        [Provenance::Minted {
            to: fans[0].clone(),
            paid: Uint128::new(75 * CTC)
        }]
    );
    assert_eq!(escrow(&chain), 150 * CTC);
    chain.buy(1, 0, 1, 100 * CTC).unwrap(); // 1-2
    assert_eq!(escrow(&chain), 250 * CTC);
    chain.execute(&fans[0], gift("1-1", &fans[2])).unwrap();

    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    for (fan, token_id, amount) in [
        (0, "1-0", 75 * CTC),
        (2, "1-1", 75 * CTC),
        (1, "1-2", 100 * CTC),
    ] {
        let response = chain.execute(&fans[fan], refund(token_id)).unwrap();
        assert_eq!(executes(&response), refunded(&chain, &fans[fan], amount));
    }
    assert_eq!(escrow(&chain), 0);
}

/// `PartnerReportResponse::days` holds "only the days on which something moved", as refunds of
/// nothing leave no day: settling an event that sold nothing moves nothing either.
#[test]
fn a_settlement_that_moved_nothing_leaves_no_day_in_the_report() {
    let mut chain = Chain::new();
    let issuer = chain.accounts.issuer.clone();
    let opens_at = chain.event().ends_at.plus_seconds(DAY);
    chain.advance_to(opens_at);
    let response = chain.execute(&issuer, settle(1)).unwrap();
    assert!(response.messages.is_empty());
    let day = u32::try_from(opens_at.seconds() / DAY).unwrap();
    let answer: PartnerReportResponse = chain.ask(QueryMsg::PartnerReport {
        partner: issuer.to_string(),
        from_day: day,
        to_day: day,
    });
    assert_eq!(answer.days, []);
}

#[test]
fn a_complaint_nobody_rules_on_lapses_and_a_free_ticket_cannot_complain() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    let comp = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: fans[1].to_string(),
        quantity: 1,
    };
    chain.execute(&minter, comp).unwrap();
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at);
    let complain = |token_id: &str| ExecuteMsg::FileComplaint {
        token_id: token_id.into(),
        digest: digest(),
    };
    assert_eq!(
        chain.refused(&fans[1], complain("1-1")),
        ContractError::NothingAtStake
    );
    chain.execute(&fans[0], complain("1-0")).unwrap();
    let opens_at = ends_at.plus_seconds(DAY);
    let until = opens_at.plus_seconds(REVIEW_SECONDS);
    chain.advance_to(until.minus_seconds(1));
    assert_eq!(
        chain.refused(&fans[2], ExecuteMsg::Settle { event_id: 1 }),
        ContractError::UnderReview {
            complaints: 1,
            until
        }
    );
    chain.advance_to(until);
    chain
        .execute(&fans[2], ExecuteMsg::Settle { event_id: 1 })
        .unwrap();
}

/// A hold is lifted only by the partner that placed it or a supervisor: another attester the
/// owner finds cannot undo it, and a partner whose word the event does not accept cannot place
/// one.
#[test]
fn only_the_holding_partner_or_a_supervisor_lifts_a_hold() {
    let mut chain = Chain::bare();
    let fans = chain.accounts.fans.clone();
    let (civil_id, notary) = (chain.addr("civil-id"), chain.addr("notary"));
    create_event(&mut chain, |input| {
        input.accepted_attesters = Some(vec![civil_id.to_string()]);
    })
    .unwrap();
    let mut registry = Registry::default();
    registry
        .levels
        .insert(fans[0].to_string(), IdentityLevel::Phone);
    chain.set_registry(registry);
    chain.push(RegistryUpdate::Partner {
        address: notary.clone(),
        standing: Some(PartnerStanding {
            standing: Standing::Active,
            capabilities: vec![Capability::AttestIdentity],
        }),
    });
    chain.push(RegistryUpdate::Attestation {
        user: fans[0].clone(),
        attester: notary.clone(),
        attested: Some(AttestedLevel {
            level: IdentityLevel::Certificate,
            expires_at: None,
            subject: None,
        }),
    });
    answer_supervisors(&mut chain, &[]);
    chain.buy(0, 0, 1, 100 * CTC).unwrap();

    // The notary vouches for fan 0, but this event does not take its word.
    assert_eq!(
        chain.refused(&notary, hold("1-0", true)),
        ContractError::NotHoldersAttester
    );
    chain.execute(&civil_id, hold("1-0", true)).unwrap();
    assert_eq!(
        chain.refused(&notary, hold("1-0", false)),
        ContractError::NotHoldersAttester
    );
    let owner = chain.accounts.owner.clone();
    chain.execute(&owner, hold("1-0", false)).unwrap();
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
}

#[test]
fn a_history_page_of_nothing_holds_nothing() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let page: crate::msg::HistoryResponse = chain.ask(QueryMsg::History {
        token_id: "1-0".into(),
        start_after: None,
        limit: Some(0),
    });
    assert_eq!(page.records, []);
}

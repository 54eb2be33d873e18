//! Anti-scalping and supervision with the real token and registry: a holder's complaint and a
//! regulator's ruling, an issuer suspended or revoked before settlement, a freeze and its lifting,
//! a regulator's order on one user through the partner that attested them, per-person limits
//! from the providers' subjects, a capped event's markets, and the per-partner report.

use cosmwasm_std::{Addr, Uint128};
use ctc_interfaces::registry::IdentityLevel;
use partner_registry::msg::ExecuteMsg as RegistryMsg;
use ticket_nft::msg::{
    AntiScalpingInput, EventStatus, ExecuteMsg, PartnerReportResponse, QueryMsg, SupervisionAction,
    SupervisionResponse, TransferPolicy,
};

use crate::platform::{admit, attribute, digest, root, Platform, CTC};
use crate::ticket_flows::stalls_and_vip;

const DAY: u64 = 86_400;

impl Platform {
    /// The theater's Hamlet (stalls 100 CTC with a limit of 4, VIP 300 CTC), in five days.
    fn hamlet(&self) -> u64 {
        let starts_at = self.now().plus_seconds(5 * DAY);
        self.create_event(stalls_and_vip(starts_at, self.now()))
    }

    /// The registry's authority appoints `name` a regulator.
    fn regulator(&self, name: &str) -> Addr {
        let regulator = self.addr(name);
        let appoint = RegistryMsg::AppointRegulator {
            address: regulator.to_string(),
        };
        self.execute(&self.owner, &self.registry, &appoint).unwrap();
        regulator
    }

    /// Moves to the end of `event_id`'s show.
    fn after_the_show(&self, event_id: u64) {
        self.advance_to(self.event(event_id).ends_at);
    }

    /// Moves past `event_id`'s settlement delay.
    fn settlement_opens(&self, event_id: u64) {
        let event = self.event(event_id);
        self.advance_to(event.ends_at.plus_seconds(event.settlement_delay_seconds));
    }

    fn registry_action(&self, msg: fn(String, String, String) -> RegistryMsg, who: &Addr) {
        let msg = msg(who.to_string(), "review".into(), digest(0x77));
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }

    fn records(&self, event_id: u64) -> Vec<SupervisionAction> {
        let records: SupervisionResponse = self.query(
            &self.tickets,
            &QueryMsg::SupervisionRecords {
                event_id,
                start_after: None,
                limit: None,
            },
        );
        records.records.into_iter().map(|r| r.action).collect()
    }

    fn refund(&self, fan: usize, token_id: &str) -> anyhow::Result<cw_multi_test::AppResponse> {
        let claim = ExecuteMsg::ClaimRefund {
            token_id: token_id.into(),
        };
        self.execute(&self.fans[fan], &self.tickets, &claim)
    }
}

fn suspend(address: String, reason: String, digest: String) -> RegistryMsg {
    RegistryMsg::Suspend {
        address,
        reason,
        digest,
    }
}

fn reinstate(address: String, reason: String, digest: String) -> RegistryMsg {
    RegistryMsg::Reinstate {
        address,
        reason,
        digest,
    }
}

fn revoke(address: String, reason: String, digest: String) -> RegistryMsg {
    RegistryMsg::Revoke {
        address,
        reason,
        digest,
    }
}

fn gift(to: &Addr, token_id: &str) -> ExecuteMsg {
    ExecuteMsg::TransferNft {
        recipient: to.to_string(),
        token_id: token_id.into(),
    }
}

#[test]
fn a_complaint_waits_for_a_regulators_ruling_and_did_not_happen_refunds_everyone() {
    let p = Platform::new();
    let event_id = p.hamlet();
    let fans = &p.fans;
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();
    p.buy(1, event_id, 1, 1, 300 * CTC).unwrap();
    let complain = |token_id: &str| ExecuteMsg::FileComplaint {
        token_id: token_id.into(),
        digest: digest(0xc1),
    };
    assert!(p
        .refused(&fans[0], &p.tickets, &complain("1-0"))
        .starts_with("complaints are filed from"));

    p.after_the_show(event_id);
    assert_eq!(
        p.refused(&fans[1], &p.tickets, &complain("1-0")),
        "only the ticket's owner may do this"
    );
    p.execute(&fans[0], &p.tickets, &complain("1-0")).unwrap();
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &complain("1-0")),
        "a complaint was already filed for this ticket"
    );
    p.settlement_opens(event_id);
    assert!(p
        .refused(&fans[2], &p.tickets, &ExecuteMsg::Settle { event_id })
        .starts_with("settlement waits until"));

    // Only a supervisor rules: the registry answers who its regulators are.
    let ruling = ExecuteMsg::RuleOnEvent {
        event_id,
        happened: false,
        reason: "the venue confirms the show did not take place".into(),
        digest: digest(0xd1),
    };
    assert_eq!(
        p.refused(&p.theater, &p.tickets, &ruling),
        "only the platform owner, the registry's authority or a regulator may do this"
    );
    let regulator = p.regulator("culture-bureau");
    p.execute(&regulator, &p.tickets, &ruling).unwrap();
    assert!(matches!(
        p.event(event_id).status,
        EventStatus::Cancelled { .. }
    ));
    assert_eq!(p.records(event_id), [SupervisionAction::RuledNotHappened]);

    // Every holder pulls what it paid; the issuer is paid nothing.
    let theater_before = p.balance(&p.theater);
    for (fan, token_id, paid) in [(0, "1-0", 100), (0, "1-1", 100), (1, "1-100", 300)] {
        let before = p.balance(&fans[fan]);
        p.refund(fan, token_id).unwrap();
        assert_eq!(p.balance(&fans[fan]), before + paid * CTC);
    }
    assert_eq!(p.balance(&p.tickets), 0);
    assert_eq!(p.balance(&p.theater), theater_before);
    p.assert_escrow_conserved();
}

#[test]
fn a_ruling_that_the_show_happened_releases_settlement() {
    let p = Platform::new();
    let event_id = p.hamlet();
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
    p.after_the_show(event_id);
    let complaint = ExecuteMsg::FileComplaint {
        token_id: "1-0".into(),
        digest: digest(0xc1),
    };
    p.execute(&p.fans[0], &p.tickets, &complaint).unwrap();
    let ruling = ExecuteMsg::RuleOnEvent {
        event_id,
        happened: true,
        reason: "recordings show the performance".into(),
        digest: digest(0xd2),
    };
    // The platform owner supervises too.
    p.execute(&p.owner, &p.tickets, &ruling).unwrap();
    p.settlement_opens(event_id);
    let settled = p
        .execute(&p.fans[3], &p.tickets, &ExecuteMsg::Settle { event_id })
        .unwrap();
    assert_eq!(attribute(&settled, "outcome"), "settled");
    assert_eq!(p.balance(&p.tickets), 0);
}

#[test]
fn a_revoked_issuers_escrow_goes_back_to_the_holders() {
    let p = Platform::new();
    let event_id = p.hamlet();
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();
    p.buy(2, event_id, 1, 1, 300 * CTC).unwrap();
    p.settlement_opens(event_id);
    p.registry_action(revoke, &p.theater);
    let theater_before = p.balance(&p.theater);

    // Anyone cranks settlement: the money goes back, not to the revoked issuer.
    let response = p
        .execute(&p.fans[3], &p.tickets, &ExecuteMsg::Settle { event_id })
        .unwrap();
    assert_eq!(attribute(&response, "outcome"), "returned_to_holders");
    assert!(matches!(
        p.event(event_id).status,
        EventStatus::Cancelled { .. }
    ));
    assert_eq!(p.records(event_id), [SupervisionAction::ReturnedToHolders]);
    assert_eq!(p.event(event_id).escrow, Uint128::new(500 * CTC));
    for (fan, token_id) in [(0, "1-0"), (0, "1-1"), (2, "1-100")] {
        p.refund(fan, token_id).unwrap();
    }
    assert_eq!(p.balance(&p.tickets), 0);
    assert_eq!(p.balance(&p.theater), theater_before);
}

#[test]
fn a_suspended_issuer_stops_gifts_and_waits_for_its_money() {
    let p = Platform::new();
    let event_id = p.hamlet();
    let fans = &p.fans;
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();
    p.registry_action(suspend, &p.theater);
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &gift(&fans[1], "1-0")),
        "the issuer's tickets cannot move: suspended"
    );
    p.settlement_opens(event_id);
    assert_eq!(
        p.refused(&fans[3], &p.tickets, &ExecuteMsg::Settle { event_id }),
        "settlement is withheld: the issuer is suspended"
    );
    assert_eq!(p.event(event_id).escrow, Uint128::new(200 * CTC));

    p.registry_action(reinstate, &p.theater);
    let theater_before = p.balance(&p.theater);
    p.execute(&fans[3], &p.tickets, &ExecuteMsg::Settle { event_id })
        .unwrap();
    // 200 CTC less the 5% fee and the 10% burn share.
    assert_eq!(p.balance(&p.theater), theater_before + 170 * CTC);
}

#[test]
fn a_freeze_stops_circulation_until_a_supervisor_lifts_it() {
    let p = Platform::new();
    let event_id = p.hamlet();
    let fans = &p.fans;
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
    let freeze = |frozen: bool| ExecuteMsg::FreezeEvent {
        event_id,
        frozen,
        reason: "investigating ticket fraud".into(),
        digest: digest(0xf1),
    };
    assert_eq!(
        p.refused(&fans[1], &p.tickets, &freeze(true)),
        "only the platform owner, the registry's authority or a regulator may do this"
    );
    let regulator = p.regulator("market-regulator");
    p.execute(&regulator, &p.tickets, &freeze(true)).unwrap();
    assert!(p.event(event_id).frozen);
    assert_eq!(
        root(p.buy(1, event_id, 0, 1, 100 * CTC).unwrap_err()),
        "the event's circulation is frozen by a supervisor"
    );
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &gift(&fans[1], "1-0")),
        "the event's circulation is frozen by a supervisor"
    );
    let list = ExecuteMsg::ListForResale {
        token_id: "1-0".into(),
        price: Uint128::new(100 * CTC),
    };
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &list),
        "the event's circulation is frozen by a supervisor"
    );

    p.execute(&regulator, &p.tickets, &freeze(false)).unwrap();
    p.buy(1, event_id, 0, 1, 100 * CTC).unwrap();
    p.execute(&fans[0], &p.tickets, &gift(&fans[2], "1-0"))
        .unwrap();
    assert_eq!(
        p.records(event_id),
        [SupervisionAction::Frozen, SupervisionAction::Unfrozen]
    );
    p.assert_escrow_conserved();
}

#[test]
fn a_regulators_order_on_one_user_goes_through_the_partner_that_attested_them() {
    let p = Platform::new();
    let event_id = p.hamlet();
    let fans = &p.fans;
    p.attest(&fans[0], IdentityLevel::RealName);
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
    p.buy(1, event_id, 0, 1, 100 * CTC).unwrap();
    let hold = |token_id: &str, held: bool| ExecuteMsg::HoldTicket {
        token_id: token_id.into(),
        held,
        reason: "court order 2026-114".into(),
        digest: digest(0xa1),
    };
    // The provider never attested fan 1, and the theater attests nobody.
    assert_eq!(
        p.refused(&p.identity_provider, &p.tickets, &hold("1-1", true)),
        "only the partner that attested the ticket's owner, or a supervisor, may do this"
    );
    assert_eq!(
        p.refused(&p.theater, &p.tickets, &hold("1-0", true)),
        "only the partner that attested the ticket's owner, or a supervisor, may do this"
    );
    p.execute(&p.identity_provider, &p.tickets, &hold("1-0", true))
        .unwrap();
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &gift(&fans[2], "1-0")),
        "the ticket is held on a regulator's order"
    );
    // Fan 1's ticket is not touched.
    p.execute(&fans[1], &p.tickets, &gift(&fans[2], "1-1"))
        .unwrap();
    // A regulator lifts the hold.
    let regulator = p.regulator("court-liaison");
    p.execute(&regulator, &p.tickets, &hold("1-0", false))
        .unwrap();
    p.execute(&fans[0], &p.tickets, &gift(&fans[2], "1-0"))
        .unwrap();
}

#[test]
fn one_person_with_two_wallets_buys_within_one_limit() {
    let p = Platform::new();
    let starts_at = p.now().plus_seconds(5 * DAY);
    let mut input = stalls_and_vip(starts_at, p.now());
    input.min_identity = Some(IdentityLevel::RealName);
    let event_id = p.create_event(input);
    let fans = &p.fans;
    // Fans 0 and 1 are one person to the provider; fan 2 is another.
    let scalper = digest(0x5c);
    p.attest_person(&fans[0], IdentityLevel::RealName, &scalper);
    p.attest_person(&fans[1], IdentityLevel::RealName, &scalper);
    p.attest(&fans[2], IdentityLevel::RealName);

    p.buy(0, event_id, 0, 3, 300 * CTC).unwrap();
    assert_eq!(
        root(p.buy(1, event_id, 0, 2, 200 * CTC).unwrap_err()),
        "over the per-person limit of 4: 3 already bought or received"
    );
    p.buy(1, event_id, 0, 1, 100 * CTC).unwrap();
    p.buy(2, event_id, 0, 4, 400 * CTC).unwrap();
    p.assert_escrow_conserved();
}

#[test]
fn an_event_counts_only_the_attesters_its_issuer_accepts() {
    let p = Platform::new();
    let fans = &p.fans;
    // A second provider the theater does not accept.
    let lax_provider = p.addr("lax-provider");
    p.execute(
        &p.owner,
        &p.registry,
        &admit(
            &lax_provider,
            "Lax ID",
            partner_registry::msg::PartnerKind::IdentityProvider,
            partner_registry::msg::Capability::AttestIdentity,
            0xb0,
            vec![],
        ),
    )
    .unwrap();
    let attest = RegistryMsg::Attest {
        user: fans[1].to_string(),
        level: IdentityLevel::RealName,
        digest: digest(0x12),
        expires_at: None,
        subject: Some(digest(0x13)),
    };
    p.execute(&lax_provider, &p.registry, &attest).unwrap();
    p.attest(&fans[0], IdentityLevel::RealName);

    let starts_at = p.now().plus_seconds(5 * DAY);
    let mut input = stalls_and_vip(starts_at, p.now());
    input.min_identity = Some(IdentityLevel::RealName);
    input.accepted_attesters = Some(vec![p.identity_provider.to_string()]);
    let event_id = p.create_event(input);
    assert_eq!(
        root(p.buy(1, event_id, 0, 1, 100 * CTC).unwrap_err()),
        "identity level real_name required"
    );
    p.buy(0, event_id, 0, 1, 100 * CTC).unwrap();
}

#[test]
fn a_capped_event_changes_hands_only_between_people_or_through_its_markets() {
    let p = Platform::new();
    let fans = &p.fans;
    let market = p.addr("trusted-market");
    let starts_at = p.now().plus_seconds(5 * DAY);
    let mut input = stalls_and_vip(starts_at, p.now());
    input.transfer_policy = TransferPolicy::Free { max_transfers: 3 };
    input.anti_scalping = Some(AntiScalpingInput {
        gift_identity: IdentityLevel::RealName,
        markets: vec![market.to_string()],
    });
    let event_id = p.create_event(input);
    p.attest(&fans[0], IdentityLevel::RealName);
    p.attest(&fans[1], IdentityLevel::RealName);
    p.buy(0, event_id, 0, 2, 200 * CTC).unwrap();

    // A gift to an unidentified wallet: what a sale for cash off chain would need.
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &gift(&fans[3], "1-0")),
        "the receiver of a gift needs identity level real_name"
    );
    // A marketplace of the seller's choosing, as a spender or an operator.
    let outside_market = p.addr("outside-market");
    let approve = ExecuteMsg::Approve {
        spender: outside_market.to_string(),
        token_id: "1-0".into(),
        expires: None,
    };
    assert_eq!(
        p.refused(&fans[0], &p.tickets, &approve),
        format!("{outside_market} is not a market this event allows to move its tickets")
    );
    let operator = ExecuteMsg::ApproveAll {
        operator: outside_market.to_string(),
        expires: None,
    };
    p.execute(&fans[0], &p.tickets, &operator).unwrap();
    assert_eq!(
        p.refused(&outside_market, &p.tickets, &gift(&fans[1], "1-0")),
        format!("{outside_market} is not a market this event allows to move its tickets")
    );
    // The issuer's market moves it to an identified buyer; a gift between people goes too.
    let trusted = ExecuteMsg::Approve {
        spender: market.to_string(),
        token_id: "1-0".into(),
        expires: None,
    };
    p.execute(&fans[0], &p.tickets, &trusted).unwrap();
    p.execute(&market, &p.tickets, &gift(&fans[1], "1-0"))
        .unwrap();
    p.execute(&fans[0], &p.tickets, &gift(&fans[1], "1-1"))
        .unwrap();
    assert_eq!(p.owner_of("1-1"), fans[1].to_string());
}

#[test]
fn the_partner_report_adds_up_sales_settlements_burns_and_refunds() {
    let p = Platform::new();
    let fans = &p.fans;
    let sold = p.hamlet();
    p.buy(0, sold, 0, 2, 200 * CTC).unwrap();
    let cancelled = p.hamlet();
    p.buy(1, cancelled, 1, 1, 300 * CTC).unwrap();
    p.execute(
        &p.theater,
        &p.tickets,
        &ExecuteMsg::CancelEvent {
            event_id: cancelled,
        },
    )
    .unwrap();
    let refund_day = (p.now().seconds() / DAY) as u32;
    p.refund(1, "2-100").unwrap();
    p.settlement_opens(sold);
    let settle_day = (p.now().seconds() / DAY) as u32;
    p.execute(&fans[3], &p.tickets, &ExecuteMsg::Settle { event_id: sold })
        .unwrap();

    let report: PartnerReportResponse = p.query(
        &p.tickets,
        &QueryMsg::PartnerReport {
            partner: p.theater.to_string(),
            from_day: refund_day,
            to_day: settle_day,
        },
    );
    let days: Vec<u32> = report.days.iter().map(|d| d.day).collect();
    assert_eq!(days, [refund_day, settle_day]);
    let total = report.total;
    assert_eq!(total.refunded, Uint128::new(300 * CTC));
    assert_eq!(total.sold, Uint128::new(200 * CTC));
    assert_eq!(total.fees, Uint128::new(10 * CTC));
    assert_eq!(total.burned, Uint128::new(20 * CTC));
    assert_eq!(total.settled, Uint128::new(170 * CTC));
    assert_eq!(
        total.sold,
        total.settled + total.burned + total.fees,
        "settlement moves exactly what was sold"
    );
}

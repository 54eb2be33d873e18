//! The festival season: every contract of the platform in one realistic run, with every CTC
//! balance checked to the unit at the end and CTC's supply + burned = issuance.

use std::collections::BTreeMap;

use cosmwasm_std::{Addr, Timestamp, Uint128};
use ctc_interfaces::crowdfund::CrowdfundReceiveMsg;
use ctc_interfaces::oracle::Verdict;
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::token::{CtcQueryMsg, TokenomicsResponse, CTC_ISSUANCE};
use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg};
use ctc_interfaces::BasisPoints;

use crate::platform::{digest, id, root, Platform, CTC, ORACLE_BOND};

const HOUR: u64 = 3_600;
const DAY: u64 = 24 * HOUR;

/// Expected change of every CTC balance the season touches.
#[derive(Default)]
struct Ledger(BTreeMap<Addr, i128>);

impl Ledger {
    fn moved(&mut self, from: &Addr, to: &Addr, amount: u128) {
        *self.0.entry(from.clone()).or_default() -= amount as i128;
        *self.0.entry(to.clone()).or_default() += amount as i128;
    }

    fn burned(&mut self, from: &Addr, amount: u128) {
        *self.0.entry(from.clone()).or_default() -= amount as i128;
    }
}

fn show(
    starts_at: Timestamp,
    sale_starts_at: Timestamp,
    real_name: bool,
) -> ticket_nft::msg::EventInput {
    use ticket_nft::msg::{EventInput, TierInput, TransferPolicy};
    let tier = |name: &str, price: u128, supply: u32| TierInput {
        name: name.into(),
        price: Uint128::new(price),
        supply,
        seats: vec![],
        per_wallet_limit: Some(4),
        members_of: None,
        random_seats: false,
    };
    EventInput {
        title: "The Butterfly Lovers".into(),
        venue: "Grand Theater".into(),
        description_uri: Some("ipfs://butterfly-lovers".into()),
        starts_at,
        ends_at: starts_at.plus_seconds(3 * HOUR),
        sale_starts_at,
        sale_ends_at: starts_at,
        tiers: vec![tier("Stalls", 100 * CTC, 50), tier("Patron", 250 * CTC, 10)],
        min_identity: real_name.then_some(IdentityLevel::RealName),
        accepted_attesters: None,
        transfer_policy: TransferPolicy::Free { max_transfers: 2 },
        anti_scalping: None,
        lock_before_start_seconds: 2 * HOUR,
        resale_cap_bps: 11_000,
        royalty: BasisPoints::new(500).unwrap(),
        check_in_opens_before_seconds: 2 * HOUR,
        booking_id: None,
    }
}

#[test]
fn a_festival_season_balances_to_the_unit() {
    let p = Platform::new();
    let mut ledger = Ledger::default();
    let start = p.now();
    let fans = &p.fans;
    let (theater, troupe, owner) = (p.theater.clone(), p.troupe.clone(), p.owner.clone());
    let (tickets, crowdfund, tipping, oracle, wager) = (
        p.tickets.clone(),
        p.crowdfund.clone(),
        p.tipping.clone(),
        p.oracle.clone(),
        p.wager.clone(),
    );
    let (treasury, nodes, community) = (p.treasury.clone(), p.nodes.clone(), p.community.clone());
    let mut watched: Vec<Addr> = fans.clone();
    watched.extend([
        theater.clone(),
        troupe.clone(),
        tickets.clone(),
        crowdfund.clone(),
        tipping.clone(),
        oracle.clone(),
        wager.clone(),
        treasury.clone(),
        nodes.clone(),
        community.clone(),
    ]);
    let opening: BTreeMap<Addr, u128> = watched.iter().map(|a| (a.clone(), p.balance(a))).collect();
    for fan in fans {
        p.attest(fan, IdentityLevel::RealName);
    }

    // The theater issues the show (real-name), and backs the troupe's crowdfund with Patron seats.
    let starts_at = start.plus_seconds(30 * DAY);
    let response = p
        .execute(
            &theater,
            &tickets,
            &ticket_nft::msg::ExecuteMsg::CreateEvent {
                event: show(starts_at, start, true),
            },
        )
        .unwrap();
    let show_id = id(&response, "event_id");
    p.execute(
        &theater,
        &tickets,
        &ticket_nft::msg::ExecuteMsg::SetMinter {
            event_id: show_id,
            address: crowdfund.to_string(),
            allowed: true,
        },
    )
    .unwrap();

    // 1. The troupe's crowdfund succeeds; the theater approves its Patron rewards.
    let campaign = crowdfund::msg::CampaignInput {
        title: "Stage The Butterfly Lovers".into(),
        description_uri: None,
        goal: Uint128::new(500 * CTC),
        hard_cap: None,
        starts_at: start,
        deadline: start.plus_seconds(7 * DAY),
        min_pledge: Uint128::new(10 * CTC),
        reward_tiers: vec![crowdfund::msg::RewardTier {
            min_pledge: Uint128::new(200 * CTC),
            event_id: show_id,
            tier: 1,
            tickets: 1,
        }],
        lucky_draw: None,
    };
    let response = p
        .execute(
            &troupe,
            &crowdfund,
            &crowdfund::msg::ExecuteMsg::Launch { campaign },
        )
        .unwrap();
    let campaign_id = id(&response, "campaign_id");
    for (fan, amount) in [(0, 300 * CTC), (1, 250 * CTC)] {
        let pledge = CrowdfundReceiveMsg::Contribute { campaign_id };
        p.send_ctc(&fans[fan], &crowdfund, amount, &pledge).unwrap();
        ledger.moved(&fans[fan], &crowdfund, amount);
    }
    p.advance_to(start.plus_seconds(7 * DAY));
    p.execute(
        &fans[2],
        &crowdfund,
        &crowdfund::msg::ExecuteMsg::Finalize { campaign_id },
    )
    .unwrap();
    p.execute(
        &theater,
        &crowdfund,
        &crowdfund::msg::ExecuteMsg::ApproveRewards {
            campaign_id,
            event_id: show_id,
        },
    )
    .unwrap();
    p.execute(
        &troupe,
        &crowdfund,
        &crowdfund::msg::ExecuteMsg::WithdrawFunds { campaign_id },
    )
    .unwrap();
    // 550 CTC raised, of which the two Patron rewards' 400 CTC stay for their tickets: 150 CTC
    // withdrawn, 3% fee: 4.5 CTC to the treasury, 145.5 CTC to the troupe.
    ledger.moved(&crowdfund, &treasury, 4_500_000);
    ledger.moved(&crowdfund, &troupe, 145_500_000);
    // Each claim pays the reward's 200 CTC into the show's escrow with its ticket.
    for fan in [0, 1] {
        p.execute(
            &fans[fan],
            &crowdfund,
            &crowdfund::msg::ExecuteMsg::ClaimRewards { campaign_id },
        )
        .unwrap();
        ledger.moved(&crowdfund, &tickets, 200 * CTC);
    }

    // 2. Fans buy; a gift; a resale within the cap; a scalper's over-cap listing is refused.
    let buy = |tier: u8, quantity: u32| TicketReceiveMsg::Buy {
        event_id: show_id,
        tier,
        quantity,
        recipient: None,
        voucher: None,
    };
    p.send_ctc(&fans[2], &tickets, 200 * CTC, &buy(0, 2))
        .unwrap();
    ledger.moved(&fans[2], &tickets, 200 * CTC);
    p.send_ctc(&fans[3], &tickets, 100 * CTC, &buy(0, 1))
        .unwrap();
    ledger.moved(&fans[3], &tickets, 100 * CTC);
    // Tokens are numbered tier by tier: 0, 1 fan 2's Stalls; 2 fan 3's; 50 and 51 the crowdfund
    // Patrons (fans 0, 1).
    let token = |serial: u32| ctc_interfaces::tickets::token_id(show_id, serial);
    p.execute(
        &fans[2],
        &tickets,
        &ticket_nft::msg::ExecuteMsg::TransferNft {
            recipient: fans[0].to_string(),
            token_id: token(1),
        },
    )
    .unwrap();
    let scalp = ticket_nft::msg::ExecuteMsg::ListForResale {
        token_id: token(0),
        price: Uint128::new(150 * CTC),
    };
    assert_eq!(
        p.refused(&fans[2], &tickets, &scalp),
        format!(
            "price {} is above the resale cap of {}",
            150 * CTC,
            110 * CTC
        )
    );
    p.execute(
        &fans[2],
        &tickets,
        &ticket_nft::msg::ExecuteMsg::ListForResale {
            token_id: token(0),
            price: Uint128::new(108 * CTC),
        },
    )
    .unwrap();
    p.send_ctc(
        &fans[1],
        &tickets,
        108 * CTC,
        &TicketReceiveMsg::BuyResale { token_id: token(0) },
    )
    .unwrap();
    // 5% royalty: 5.4 CTC into the show's escrow as the theater's income, 102.6 CTC to the seller.
    ledger.moved(&fans[1], &tickets, 5_400_000);
    ledger.moved(&fans[1], &fans[2], 102_600_000);

    // 3. A second show is announced, sells a little, then the theater is suspended mid-season:
    //    it can no longer sell, and the platform cancels the show and refunds.
    let second_show = show(starts_at.plus_seconds(10 * DAY), p.now(), false);
    let response = p
        .execute(
            &theater,
            &tickets,
            &ticket_nft::msg::ExecuteMsg::CreateEvent { event: second_show },
        )
        .unwrap();
    let second = id(&response, "event_id");
    let buy_second = TicketReceiveMsg::Buy {
        event_id: second,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: None,
    };
    p.send_ctc(&fans[3], &tickets, 100 * CTC, &buy_second)
        .unwrap();
    ledger.moved(&fans[3], &tickets, 100 * CTC);
    p.execute(
        &owner,
        &p.registry,
        &partner_registry::msg::ExecuteMsg::Suspend {
            address: theater.to_string(),
            reason: "venue safety inspection failed".into(),
            digest: digest(0x51),
        },
    )
    .unwrap();
    let err = p
        .send_ctc(&fans[2], &tickets, 100 * CTC, &buy_second)
        .unwrap_err();
    assert_eq!(root(err), "the issuer cannot sell: suspended");
    p.execute(
        &owner,
        &tickets,
        &ticket_nft::msg::ExecuteMsg::CancelEvent { event_id: second },
    )
    .unwrap();
    p.execute(
        &fans[3],
        &tickets,
        &ticket_nft::msg::ExecuteMsg::ClaimRefund {
            token_id: ctc_interfaces::tickets::token_id(second, 0),
        },
    )
    .unwrap();
    ledger.moved(&tickets, &fans[3], 100 * CTC);
    p.execute(
        &owner,
        &p.registry,
        &partner_registry::msg::ExecuteMsg::Reinstate {
            address: theater.to_string(),
            reason: "inspection passed".into(),
            digest: digest(0x52),
        },
    )
    .unwrap();

    // 4. Fans tip the troupe (a verified partner).
    for (fan, amount) in [(0, 20 * CTC), (3, 7 * CTC)] {
        p.send_ctc(
            &fans[fan],
            &tipping,
            amount,
            &ctc_interfaces::tipping::TippingReceiveMsg::Tip {
                recipient: troupe.to_string(),
                memo: Some("bravo!".into()),
                context: Some(format!("event:{show_id}")),
            },
        )
        .unwrap();
        // 2% fee, rounded up.
        let fee = (amount * 2).div_ceil(100);
        ledger.moved(&fans[fan], &treasury, fee);
        ledger.moved(&fans[fan], &troupe, amount - fee);
    }

    // 5. A wager pool on the show's award, with a rejected dispute.
    let now = p.now();
    let pool = PoolInput {
        title: "Best actress: Butterfly Lovers".into(),
        outcomes: vec!["Zhu".into(), "Liang".into()],
        question: QuestionSource::New {
            resolve_after: now.plus_seconds(DAY),
            deadline: now.plus_seconds(20 * DAY),
            reporters: None,
            quorum: 2,
            dispute_window_seconds: DAY,
        },
        closes_at: now.plus_seconds(DAY),
        fee: None,
        min_bet: None,
        max_bet: None,
        cap_per_address: None,
        min_identity: None,
    };
    let response = p
        .execute(
            &owner,
            &wager,
            &wager_pool::msg::ExecuteMsg::CreatePool { pool },
        )
        .unwrap();
    let pool_id = id(&response, "pool_id");
    for (fan, outcome, amount) in [(1, 0, 40 * CTC), (2, 1, 60 * CTC), (3, 0, 20 * CTC)] {
        p.send_ctc(
            &fans[fan],
            &wager,
            amount,
            &WagerReceiveMsg::Bet { pool_id, outcome },
        )
        .unwrap();
        ledger.moved(&fans[fan], &wager, amount);
    }
    p.advance_to(now.plus_seconds(DAY));
    let pool_view: wager_pool::msg::PoolResponse =
        p.query(&wager, &wager_pool::msg::QueryMsg::Pool { pool_id });
    let question_id = pool_view.question_id;
    for reporter in p.reporters.clone().iter().take(2) {
        p.execute(
            reporter,
            &oracle,
            &outcome_oracle::msg::ExecuteMsg::Report {
                question_id,
                verdict: Verdict::Outcome(0),
            },
        )
        .unwrap();
    }
    p.send_ctc(
        &fans[2],
        &oracle,
        ORACLE_BOND,
        &outcome_oracle::msg::ReceiveMsg::Dispute { question_id },
    )
    .unwrap();
    p.execute(
        &p.arbiter,
        &oracle,
        &outcome_oracle::msg::ExecuteMsg::Arbitrate {
            question_id,
            verdict: Verdict::Outcome(0),
        },
    )
    .unwrap();
    ledger.moved(&fans[2], &treasury, ORACLE_BOND);
    p.execute(
        &fans[0],
        &wager,
        &wager_pool::msg::ExecuteMsg::Resolve { pool_id },
    )
    .unwrap();
    // 120 CTC staked, 5% fee = 6 CTC: 3.6 to the treasury, 2.4 to the nodes; 114 CTC shared by
    // the 60 CTC on Zhu: fan 1 gets 76, fan 3 (last) 38.
    ledger.moved(&wager, &treasury, 3_600_000);
    ledger.moved(&wager, &nodes, 2_400_000);
    for (fan, payout) in [(1, 76 * CTC), (3, 38 * CTC)] {
        p.execute(
            &fans[fan],
            &wager,
            &wager_pool::msg::ExecuteMsg::Claim { pool_id },
        )
        .unwrap();
        ledger.moved(&wager, &fans[fan], payout);
    }

    // 6. The show: doors check tickets in once; then it settles with fee, burn and payout.
    p.advance_to(starts_at.minus_seconds(HOUR));
    let door = p.addr("door");
    p.execute(
        &theater,
        &tickets,
        &ticket_nft::msg::ExecuteMsg::SetScanner {
            event_id: show_id,
            address: door.to_string(),
            allowed: true,
        },
    )
    .unwrap();
    let check_in = p.check_in(0, &token(1));
    p.execute(&door, &tickets, &check_in).unwrap();
    assert_eq!(
        p.refused(&door, &tickets, &check_in),
        "the ticket was already checked in"
    );
    p.advance_to(starts_at.plus_seconds(3 * HOUR + DAY));
    let supply_before = p.total_supply();
    p.execute(
        &fans[1],
        &tickets,
        &ticket_nft::msg::ExecuteMsg::Settle { event_id: show_id },
    )
    .unwrap();
    // 300 CTC of sales, 400 CTC of reward tickets and a 5.4 CTC royalty: 5% fee (35.27) to the
    // treasury, 10% (70.54) burned, 599.59 to the theater.
    ledger.moved(&tickets, &treasury, 35_270_000);
    ledger.burned(&tickets, 70_540_000);
    ledger.moved(&tickets, &theater, 599_590_000);
    assert_eq!(p.total_supply(), supply_before - 70_540_000);

    // Every balance, to the unit.
    for address in &watched {
        let expected = opening[address] as i128 + ledger.0.get(address).copied().unwrap_or(0);
        assert_eq!(p.balance(address) as i128, expected, "{address}");
    }
    for contract in [&tickets, &crowdfund, &tipping, &oracle, &wager] {
        assert_eq!(p.balance(contract), 0, "{contract} owes nothing at the end");
    }
    let tokenomics: TokenomicsResponse = p.query(&p.token, &CtcQueryMsg::Tokenomics {});
    assert_eq!(tokenomics.burned, Uint128::new(70_540_000));
    assert_eq!(tokenomics.total_supply + tokenomics.burned, CTC_ISSUANCE);
    let _ = community;
}

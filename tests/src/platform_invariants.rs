//! Random actors send random, valid and invalid, messages to every contract of the platform. After
//! each step the global invariants hold: CTC balances sum to the supply, which stays above the
//! floor; each contract holds exactly what it owes; a used ticket never moves; no refund or claim
//! is paid twice; a refused message changes no balance. Fans buy tickets with the theater's
//! coupons too.
//!
//! Attackers move too: the issuer appoints itself or an accomplice minter, mints reserved tickets
//! and tries to sell them on resale; a partner opens a pool on the existing question, whose
//! rules (a six-hour dispute window) a partner's own question could not have. Those sales and
//! that pool must always be refused.
//!
//! Cases: `PLATFORM_INVARIANT_CASES` (default 12), steps per case: `PLATFORM_INVARIANT_STEPS`
//! (default 40).

use std::collections::BTreeSet;

use cosmwasm_std::{Addr, Uint128};
use ctc_interfaces::oracle::Verdict;
use ctc_interfaces::registry::IdentityLevel;
use ctc_interfaces::tickets::{token_id, TicketReceiveMsg};
use ctc_interfaces::token::CTC_SUPPLY_FLOOR;
use ctc_interfaces::wager::{PoolInput, QuestionSource, WagerReceiveMsg};
use ctc_interfaces::BasisPoints;
use cw_multi_test::AppResponse;
use proptest::prelude::*;
use vouchers::msg::{ClassInput, ExecuteMsg as VoucherMsg, Off};

use crate::platform::{Platform, CTC};
use crate::vouchers_flows::{
    assert_vouchers_conserved, create_class, theater_issues_vouchers, ticket_coupon,
};

const HOUR: u64 = 3_600;

fn env_or(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Clone, Debug)]
enum Op {
    Transfer {
        from: usize,
        to: usize,
        ctc: u128,
    },
    Burn {
        from: usize,
        ctc: u128,
    },
    Buy {
        fan: usize,
        tier: u8,
        quantity: u32,
        exact: bool,
    },
    Gift {
        fan: usize,
        token: u32,
        to: usize,
    },
    Resell {
        fan: usize,
        token: u32,
        buyer: usize,
        permille: u128,
    },
    CheckIn {
        token: u32,
        holder: usize,
    },
    MoveUsed {
        token: u32,
        to: usize,
    },
    CancelEvent,
    ClaimRefund {
        fan: usize,
        token: u32,
    },
    Settle,
    Pledge {
        fan: usize,
        ctc: u128,
    },
    WithdrawPledge {
        fan: usize,
    },
    FinalizeCampaign,
    CampaignRefund {
        fan: usize,
    },
    WithdrawFunds,
    Tip {
        fan: usize,
        to: usize,
        ctc: u128,
    },
    Bet {
        fan: usize,
        outcome: u32,
        ctc: u128,
    },
    Report {
        reporter: usize,
        outcome: u32,
    },
    FinalizeQuestion,
    Dispute {
        fan: usize,
    },
    Arbitrate {
        outcome: u32,
    },
    ResolvePool,
    ClaimPool {
        fan: usize,
    },
    Advance {
        hours: u64,
    },
    /// The theater appoints `minter` (itself when `None`, else that fan) and it mints reserved
    /// tickets to itself.
    SelfMint {
        accomplice: Option<usize>,
        quantity: u32,
    },
    /// The theater lists a ticket it holds and `buyer` buys it.
    IssuerResell {
        token: u32,
        buyer: usize,
    },
    /// The agency opens a bonded pool on the oracle question pool 1 asks.
    PoolOnExistingQuestion,
    /// `fan` pays 80% of the face price with its book of the theater's coupons.
    CouponBuy {
        fan: usize,
        tier: u8,
        quantity: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let fan = 0usize..4;
    prop_oneof![
        1 => (fan.clone(), fan.clone(), 0u128..3_000).prop_map(|(from, to, ctc)| Op::Transfer { from, to, ctc }),
        1 => (fan.clone(), 0u128..50).prop_map(|(from, ctc)| Op::Burn { from, ctc }),
        3 => (fan.clone(), 0u8..3, 0u32..4, any::<bool>())
            .prop_map(|(fan, tier, quantity, exact)| Op::Buy { fan, tier, quantity, exact }),
        1 => (fan.clone(), 0u32..12, fan.clone()).prop_map(|(fan, token, to)| Op::Gift { fan, token, to }),
        1 => (fan.clone(), 0u32..12, fan.clone(), 500u128..1_200)
            .prop_map(|(fan, token, buyer, permille)| Op::Resell { fan, token, buyer, permille }),
        1 => (0u32..12, fan.clone()).prop_map(|(token, holder)| Op::CheckIn { token, holder }),
        1 => (0u32..12, fan.clone()).prop_map(|(token, to)| Op::MoveUsed { token, to }),
        1 => Just(Op::CancelEvent),
        1 => (fan.clone(), 0u32..12).prop_map(|(fan, token)| Op::ClaimRefund { fan, token }),
        1 => Just(Op::Settle),
        2 => (fan.clone(), 0u128..400).prop_map(|(fan, ctc)| Op::Pledge { fan, ctc }),
        1 => fan.clone().prop_map(|fan| Op::WithdrawPledge { fan }),
        1 => Just(Op::FinalizeCampaign),
        1 => fan.clone().prop_map(|fan| Op::CampaignRefund { fan }),
        1 => Just(Op::WithdrawFunds),
        1 => (fan.clone(), 0usize..5, 0u128..30).prop_map(|(fan, to, ctc)| Op::Tip { fan, to, ctc }),
        2 => (fan.clone(), 0u32..3, 0u128..250).prop_map(|(fan, outcome, ctc)| Op::Bet { fan, outcome, ctc }),
        1 => (0usize..3, 0u32..2).prop_map(|(reporter, outcome)| Op::Report { reporter, outcome }),
        1 => Just(Op::FinalizeQuestion),
        1 => fan.clone().prop_map(|fan| Op::Dispute { fan }),
        1 => (0u32..2).prop_map(|outcome| Op::Arbitrate { outcome }),
        1 => Just(Op::ResolvePool),
        1 => fan.clone().prop_map(|fan| Op::ClaimPool { fan }),
        3 => (1u64..48).prop_map(|hours| Op::Advance { hours }),
        1 => (prop::option::of(fan.clone()), 1u32..3)
            .prop_map(|(accomplice, quantity)| Op::SelfMint { accomplice, quantity }),
        2 => (fan.clone(), 0u8..2, 0u32..4)
            .prop_map(|(fan, tier, quantity)| Op::CouponBuy { fan, tier, quantity }),
        1 => (0u32..12, fan).prop_map(|(token, buyer)| Op::IssuerResell { token, buyer }),
        1 => Just(Op::PoolOnExistingQuestion),
    ]
}

struct World {
    p: Platform,
    event_id: u64,
    campaign_id: u64,
    pool_id: u64,
    question_id: u64,
    scanner: Addr,
    paid_out: BTreeSet<String>,
    /// Tickets minted as reserved (never paid for): none may ever be sold.
    reserved: BTreeSet<String>,
}

impl World {
    fn new() -> Self {
        let p = Platform::new();
        let now = p.now();
        // Doors open at most a day early, so the show starts a day from now and check-in can be
        // tried at any step.
        let starts_at = now.plus_seconds(24 * HOUR);
        let tier = |price: u128| ticket_nft::msg::TierInput {
            name: format!("{price}"),
            price: Uint128::new(price),
            supply: 8,
            seats: vec![],
            per_wallet_limit: Some(5),
            members_of: None,
            random_seats: false,
        };
        let event = ticket_nft::msg::EventInput {
            title: "Random show".into(),
            venue: "Hall".into(),
            description_uri: None,
            starts_at,
            ends_at: starts_at.plus_seconds(3 * HOUR),
            sale_starts_at: now,
            sale_ends_at: starts_at,
            tiers: vec![tier(30 * CTC), tier(75 * CTC)],
            min_identity: None,
            accepted_attesters: None,
            transfer_policy: ticket_nft::msg::TransferPolicy::Free { max_transfers: 3 },
            anti_scalping: None,
            lock_before_start_seconds: HOUR,
            resale_cap_bps: 11_000,
            royalty: BasisPoints::new(700).unwrap(),
            check_in_opens_before_seconds: 24 * HOUR,
            booking_id: None,
        };
        p.fund(&p.agency, 2 * crate::platform::POOL_BOND);
        p.execute(
            &p.theater,
            &p.tickets,
            &ticket_nft::msg::ExecuteMsg::CreateEvent { event },
        )
        .unwrap();
        let scanner = p.addr("door");
        p.execute(
            &p.theater,
            &p.tickets,
            &ticket_nft::msg::ExecuteMsg::SetScanner {
                event_id: 1,
                address: scanner.to_string(),
                allowed: true,
            },
        )
        .unwrap();
        let campaign = crowdfund::msg::CampaignInput {
            title: "Random campaign".into(),
            description_uri: None,
            goal: Uint128::new(600 * CTC),
            hard_cap: Some(Uint128::new(900 * CTC)),
            starts_at: now,
            deadline: now.plus_seconds(2 * 24 * HOUR),
            min_pledge: Uint128::new(5 * CTC),
            reward_tiers: vec![],
            lucky_draw: None,
        };
        p.execute(
            &p.troupe,
            &p.crowdfund,
            &crowdfund::msg::ExecuteMsg::Launch { campaign },
        )
        .unwrap();
        let pool = PoolInput {
            title: "Random pool".into(),
            outcomes: vec!["yes".into(), "no".into()],
            question: QuestionSource::New {
                resolve_after: now.plus_seconds(24 * HOUR),
                deadline: now.plus_seconds(20 * 24 * HOUR),
                reporters: None,
                quorum: 2,
                dispute_window_seconds: 6 * HOUR,
            },
            closes_at: now.plus_seconds(24 * HOUR),
            fee: None,
            min_bet: None,
            max_bet: None,
            cap_per_address: None,
            min_identity: None,
        };
        p.execute(
            &p.owner,
            &p.wager,
            &wager_pool::msg::ExecuteMsg::CreatePool { pool },
        )
        .unwrap();
        let view: wager_pool::msg::PoolResponse =
            p.query(&p.wager, &wager_pool::msg::QueryMsg::Pool { pool_id: 1 });
        // The theater's coupons, 20% off its shows: a book of 20 claimed by each fan, attested
        // to hold it.
        theater_issues_vouchers(&p);
        let coupons = ClassInput {
            fungible: true,
            per_holder_limit: None,
            ..ticket_coupon(now, Off::Percent(BasisPoints::new(2_000).unwrap()))
        };
        let class_id = create_class(&p, &p.theater, coupons).unwrap();
        for fan in &p.fans {
            p.attest(fan, IdentityLevel::RealName);
            let claim = VoucherMsg::Claim {
                class_id,
                quantity: 20,
            };
            p.execute(fan, &p.vouchers, &claim).unwrap();
        }
        Self {
            p,
            event_id: 1,
            campaign_id: 1,
            pool_id: 1,
            question_id: view.question_id,
            scanner,
            paid_out: BTreeSet::new(),
            reserved: BTreeSet::new(),
        }
    }

    /// Every CTC balance, by holder.
    fn balances(&self) -> Vec<(String, Uint128)> {
        let mut all = vec![];
        let mut start_after = None;
        loop {
            let page: cw20::AllAccountsResponse = self.p.query(
                &self.p.token,
                &cw20::Cw20QueryMsg::AllAccounts {
                    start_after: start_after.clone(),
                    limit: Some(30),
                },
            );
            let Some(last) = page.accounts.last().cloned() else {
                return all;
            };
            for account in page.accounts {
                let balance: cw20::BalanceResponse = self.p.query(
                    &self.p.token,
                    &cw20::Cw20QueryMsg::Balance {
                        address: account.clone(),
                    },
                );
                all.push((account, balance.balance));
            }
            start_after = Some(last);
        }
    }

    fn ticket_used(&self, token: &str) -> Option<bool> {
        let info: Result<cw721::msg::NftInfoResponse<ticket_nft::msg::TicketInfo>, _> =
            self.p.try_query(
                &self.p.tickets,
                &ticket_nft::msg::QueryMsg::NftInfo {
                    token_id: token.to_owned(),
                },
            );
        info.ok()
            .map(|info| info.extension.status == ticket_nft::msg::TicketStatus::Used)
    }

    fn owner_of(&self, token: &str) -> Option<Addr> {
        let owner: Result<cw721::msg::OwnerOfResponse, _> = self.p.try_query(
            &self.p.tickets,
            &ticket_nft::msg::QueryMsg::OwnerOf {
                token_id: token.to_owned(),
                include_expired: None,
            },
        );
        owner
            .ok()
            .map(|o| cosmwasm_std::Api::addr_validate(self.p.app().api(), &o.owner).unwrap())
    }

    /// Records a payout that must happen at most once.
    fn once(&mut self, key: String) -> Result<(), TestCaseError> {
        prop_assert!(self.paid_out.insert(key.clone()), "{} paid twice", key);
        Ok(())
    }

    /// Runs one operation; answers whether it succeeded.
    fn step(&mut self, op: Op) -> Result<bool, TestCaseError> {
        let moved_ticket = match op {
            Op::MoveUsed { token: t, .. } => {
                let id = token_id(1, t);
                (self.ticket_used(&id), self.owner_of(&id))
            }
            _ => (None, None),
        };
        let paid_once = match &op {
            Op::ClaimRefund { token: t, .. } => Some(format!("ticket refund {}", token_id(1, *t))),
            Op::CampaignRefund { fan } => Some(format!("campaign refund {fan}")),
            Op::WithdrawFunds => Some("creator withdrawal".to_owned()),
            Op::ClaimPool { fan } => Some(format!("pool claim {fan}")),
            _ => None,
        };
        let p = &self.p;
        let fans = &p.fans;
        let (tickets, crowdfund, tipping, oracle, wager) = (
            p.tickets.clone(),
            p.crowdfund.clone(),
            p.tipping.clone(),
            p.oracle.clone(),
            p.wager.clone(),
        );
        let token = |serial: u32| token_id(1, serial);
        let result = match op.clone() {
            Op::Transfer { from, to, ctc } => {
                let msg = cw20::Cw20ExecuteMsg::Transfer {
                    recipient: fans[to].to_string(),
                    amount: Uint128::new(ctc * CTC),
                };
                let token_addr = p.token.clone();
                p.execute(&fans[from], &token_addr, &msg)
            }
            Op::Burn { from, ctc } => {
                let token_addr = p.token.clone();
                p.execute(
                    &fans[from],
                    &token_addr,
                    &cw20::Cw20ExecuteMsg::Burn {
                        amount: Uint128::new(ctc * CTC),
                    },
                )
            }
            Op::Buy {
                fan,
                tier,
                quantity,
                exact,
            } => {
                let price = [30 * CTC, 75 * CTC, 1][tier as usize];
                let amount = price * u128::from(quantity) + u128::from(!exact);
                let hook = TicketReceiveMsg::Buy {
                    event_id: self.event_id,
                    tier,
                    quantity,
                    recipient: None,
                    voucher: None,
                };
                p.send_ctc(&fans[fan], &tickets, amount, &hook)
            }
            Op::Gift { fan, token: t, to } => p.execute(
                &fans[fan],
                &tickets,
                &ticket_nft::msg::ExecuteMsg::TransferNft {
                    recipient: fans[to].to_string(),
                    token_id: token(t),
                },
            ),
            Op::Resell {
                fan,
                token: t,
                buyer,
                permille,
            } => {
                let price = [30 * CTC, 75 * CTC][(t % 2) as usize] * permille / 1_000;
                let listed = p.execute(
                    &fans[fan],
                    &tickets,
                    &ticket_nft::msg::ExecuteMsg::ListForResale {
                        token_id: token(t),
                        price: Uint128::new(price),
                    },
                );
                let sold = match listed {
                    Ok(_) => p.send_ctc(
                        &fans[buyer],
                        &tickets,
                        price,
                        &TicketReceiveMsg::BuyResale { token_id: token(t) },
                    ),
                    Err(err) => Err(err),
                };
                prop_assert!(
                    !(sold.is_ok() && self.reserved.contains(&token(t))),
                    "reserved ticket {} was sold",
                    token(t)
                );
                sold
            }
            Op::CheckIn { token: t, holder } => {
                let scanner = self.scanner.clone();
                p.execute(&scanner, &tickets, &p.check_in(holder, &token(t)))
            }
            Op::MoveUsed { token: t, to } => {
                let (used, owner) = moved_ticket;
                let result = match owner {
                    Some(owner) => p.execute(
                        &owner,
                        &tickets,
                        &ticket_nft::msg::ExecuteMsg::TransferNft {
                            recipient: fans[to].to_string(),
                            token_id: token(t),
                        },
                    ),
                    None => Err(anyhow::anyhow!("no such ticket")),
                };
                if used == Some(true) {
                    prop_assert!(result.is_err(), "a used ticket moved");
                }
                result
            }
            Op::CancelEvent => p.execute(
                &p.theater,
                &tickets,
                &ticket_nft::msg::ExecuteMsg::CancelEvent { event_id: 1 },
            ),
            Op::ClaimRefund { fan, token: t } => p.execute(
                &fans[fan],
                &tickets,
                &ticket_nft::msg::ExecuteMsg::ClaimRefund { token_id: token(t) },
            ),
            Op::Settle => p.execute(
                &fans[0],
                &tickets,
                &ticket_nft::msg::ExecuteMsg::Settle { event_id: 1 },
            ),
            Op::Pledge { fan, ctc } => p.send_ctc(
                &fans[fan],
                &crowdfund,
                ctc * CTC,
                &ctc_interfaces::crowdfund::CrowdfundReceiveMsg::Contribute {
                    campaign_id: self.campaign_id,
                },
            ),
            Op::WithdrawPledge { fan } => p.execute(
                &fans[fan],
                &crowdfund,
                &crowdfund::msg::ExecuteMsg::WithdrawPledge { campaign_id: 1 },
            ),
            Op::FinalizeCampaign => p.execute(
                &fans[0],
                &crowdfund,
                &crowdfund::msg::ExecuteMsg::Finalize { campaign_id: 1 },
            ),
            Op::CampaignRefund { fan } => p.execute(
                &fans[fan],
                &crowdfund,
                &crowdfund::msg::ExecuteMsg::Refund { campaign_id: 1 },
            ),
            Op::WithdrawFunds => p.execute(
                &p.troupe,
                &crowdfund,
                &crowdfund::msg::ExecuteMsg::WithdrawFunds { campaign_id: 1 },
            ),
            Op::Tip { fan, to, ctc } => {
                let recipient = if to == 4 {
                    p.troupe.clone()
                } else {
                    fans[to].clone()
                };
                p.send_ctc(
                    &fans[fan],
                    &tipping,
                    ctc * CTC,
                    &ctc_interfaces::tipping::TippingReceiveMsg::Tip {
                        recipient: recipient.to_string(),
                        memo: None,
                        context: None,
                    },
                )
            }
            Op::Bet { fan, outcome, ctc } => p.send_ctc(
                &fans[fan],
                &wager,
                ctc * CTC,
                &WagerReceiveMsg::Bet {
                    pool_id: self.pool_id,
                    outcome,
                },
            ),
            Op::Report { reporter, outcome } => {
                let reporter = p.reporters[reporter].clone();
                p.execute(
                    &reporter,
                    &oracle,
                    &outcome_oracle::msg::ExecuteMsg::Report {
                        question_id: self.question_id,
                        verdict: Verdict::Outcome(outcome),
                    },
                )
            }
            Op::FinalizeQuestion => p.execute(
                &fans[0],
                &oracle,
                &outcome_oracle::msg::ExecuteMsg::Finalize {
                    question_id: self.question_id,
                },
            ),
            Op::Dispute { fan } => p.send_ctc(
                &fans[fan],
                &oracle,
                crate::platform::ORACLE_BOND,
                &outcome_oracle::msg::ReceiveMsg::Dispute {
                    question_id: self.question_id,
                },
            ),
            Op::Arbitrate { outcome } => p.execute(
                &p.arbiter,
                &oracle,
                &outcome_oracle::msg::ExecuteMsg::Arbitrate {
                    question_id: self.question_id,
                    verdict: Verdict::Outcome(outcome),
                },
            ),
            Op::ResolvePool => p.execute(
                &fans[0],
                &wager,
                &wager_pool::msg::ExecuteMsg::Resolve { pool_id: 1 },
            ),
            Op::ClaimPool { fan } => p.execute(
                &fans[fan],
                &wager,
                &wager_pool::msg::ExecuteMsg::Claim { pool_id: 1 },
            ),
            Op::Advance { hours } => {
                let later = p.now().plus_seconds(hours * HOUR);
                p.advance_to(later);
                Ok(AppResponse::default())
            }
            Op::SelfMint {
                accomplice,
                quantity,
            } => {
                let minter = accomplice.map_or(p.theater.clone(), |fan| fans[fan].clone());
                p.execute(
                    &p.theater,
                    &tickets,
                    &ticket_nft::msg::ExecuteMsg::SetMinter {
                        event_id: 1,
                        address: minter.to_string(),
                        allowed: true,
                    },
                )
                .and_then(|_| {
                    p.execute(
                        &minter,
                        &tickets,
                        &ticket_nft::msg::ExecuteMsg::MintReserved {
                            event_id: 1,
                            tier: 0,
                            recipient: minter.to_string(),
                            quantity,
                        },
                    )
                })
            }
            Op::IssuerResell { token: t, buyer } => {
                let price = 33 * CTC;
                let sold = p
                    .execute(
                        &p.theater,
                        &tickets,
                        &ticket_nft::msg::ExecuteMsg::ListForResale {
                            token_id: token(t),
                            price: Uint128::new(price),
                        },
                    )
                    .and_then(|_| {
                        p.send_ctc(
                            &fans[buyer],
                            &tickets,
                            price,
                            &TicketReceiveMsg::BuyResale { token_id: token(t) },
                        )
                    });
                prop_assert!(
                    sold.is_err(),
                    "the issuer sold ticket {} on resale",
                    token(t)
                );
                sold
            }
            Op::CouponBuy {
                fan,
                tier,
                quantity,
            } => {
                let each = [30 * CTC, 75 * CTC][tier as usize] * 8 / 10;
                let hook = TicketReceiveMsg::Buy {
                    event_id: self.event_id,
                    tier,
                    quantity,
                    recipient: None,
                    voucher: Some(format!("1-{fan}")),
                };
                p.send_ctc(&fans[fan], &tickets, each * u128::from(quantity), &hook)
            }
            Op::PoolOnExistingQuestion => {
                let pool = PoolInput {
                    title: "A partner's own answer".into(),
                    outcomes: vec!["yes".into(), "no".into()],
                    question: QuestionSource::Existing {
                        question_id: self.question_id,
                    },
                    closes_at: p.now().plus_seconds(HOUR),
                    fee: None,
                    min_bet: None,
                    max_bet: None,
                    cap_per_address: None,
                    min_identity: None,
                };
                let opened = p.send_ctc(
                    &p.agency,
                    &wager,
                    crate::platform::POOL_BOND,
                    &WagerReceiveMsg::CreatePool {
                        pool: Box::new(pool),
                    },
                );
                prop_assert!(
                    opened.is_err(),
                    "a partner opened a pool on a question with a six-hour window"
                );
                opened
            }
        };
        if let (Op::SelfMint { .. }, Ok(response)) = (&op, &result) {
            let minted = response
                .events
                .iter()
                .flat_map(|event| &event.attributes)
                .filter(|attribute| attribute.key == "token_ids")
                .flat_map(|attribute| attribute.value.split(','));
            self.reserved.extend(minted.map(str::to_owned));
        }
        if result.is_ok() {
            if let Some(key) = paid_once {
                self.once(key)?;
            }
        }
        Ok(result.is_ok())
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let p = &self.p;
        let balances = self.balances();
        let sum: Uint128 = balances.iter().map(|(_, b)| *b).sum();
        let supply = Uint128::new(p.total_supply());
        prop_assert_eq!(sum, supply);
        prop_assert!(supply >= CTC_SUPPLY_FLOOR);

        let event: ticket_nft::msg::EventResponse = p.query(
            &p.tickets,
            &ticket_nft::msg::QueryMsg::Event { event_id: 1 },
        );
        prop_assert_eq!(p.balance(&p.tickets), event.escrow.u128());
        let campaign: crowdfund::msg::CampaignResponse = p.query(
            &p.crowdfund,
            &crowdfund::msg::QueryMsg::Campaign { campaign_id: 1 },
        );
        prop_assert_eq!(p.balance(&p.crowdfund), campaign.held.u128());
        prop_assert_eq!(p.balance(&p.tipping), 0);
        assert_vouchers_conserved(p);
        let question: outcome_oracle::msg::QuestionResponse = p.query(
            &p.oracle,
            &outcome_oracle::msg::QueryMsg::Question {
                question_id: self.question_id,
            },
        );
        let bonds = match question.status {
            outcome_oracle::msg::QuestionStatus::Disputed { bond, .. } => bond.u128(),
            _ => 0,
        };
        prop_assert_eq!(p.balance(&p.oracle), bonds);
        let pool: wager_pool::msg::PoolResponse =
            p.query(&p.wager, &wager_pool::msg::QueryMsg::Pool { pool_id: 1 });
        let bond = if pool.status == wager_pool::msg::PoolStatus::Open {
            pool.bond
        } else {
            Uint128::zero()
        };
        prop_assert_eq!(
            Uint128::new(p.balance(&p.wager)),
            pool.total - pool.fee_taken - pool.paid + bond
        );
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(env_or("PLATFORM_INVARIANT_CASES", 12)))]

    #[test]
    fn the_platform_keeps_its_invariants_under_random_traffic(
        ops in prop::collection::vec(op(), env_or("PLATFORM_INVARIANT_STEPS", 40) as usize)
    ) {
        let mut world = World::new();
        for op in ops {
            let before = world.balances();
            let succeeded = world.step(op.clone())?;
            if !succeeded {
                prop_assert_eq!(&world.balances(), &before, "refused {:?} moved CTC", op);
            }
            world.check()?;
        }
    }
}

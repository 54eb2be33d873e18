//! Conservation, as a property: whatever backers, creators, strangers, the registry and ticket-nft
//! do, in any order, the contract's CTC (modelled from what it received and the payments its
//! responses carry) equals Σ held over campaigns; each campaign holds exactly what it still owes
//! (its unclaimed rewards' value while succeeded, its backers' refunds and the creator's share
//! once failed or cancelled); and once everyone has pulled what is theirs nothing is left.
//! Every refused step is checked to change nothing (the unit compares the storage).

use proptest::prelude::*;

use super::*;
use crate::msg::CampaignStatus;
use crate::state::{CAMPAIGNS, PLEDGES};

const CAMPAIGNS_UNDER_TEST: u64 = 2;

#[derive(Clone, Debug)]
enum Op {
    Pledge {
        backer: usize,
        campaign: u64,
        amount: u128,
    },
    WithdrawPledge {
        backer: usize,
        campaign: u64,
    },
    Advance {
        days: u64,
    },
    Finalize {
        campaign: u64,
    },
    /// By the creator (0), the authority (1) or a stranger (2).
    Cancel {
        by: usize,
        campaign: u64,
    },
    Claim {
        backer: usize,
        campaign: u64,
    },
    RefundReward {
        backer: usize,
        campaign: u64,
    },
    Refund {
        backer: usize,
        campaign: u64,
    },
    WithdrawFunds {
        campaign: u64,
    },
    /// The registry pushes the creator's standing.
    Standing {
        standing: Option<Standing>,
    },
    /// ticket-nft's answers change: 0 all well, 1 the show cancelled, 2 this contract no longer
    /// minter, 3 tier 0 sold out, 4 two tickets left in tier 1.
    Tickets {
        change: u8,
    },
}

/// Whole CTC, odd amounts, and the reward minimums exactly.
fn amount() -> impl Strategy<Value = u128> {
    prop_oneof![
        (1u128..700).prop_map(|ctc| ctc * CTC),
        (1u128..700, 1u128..3).prop_map(|(ctc, units)| ctc * CTC + units),
        Just(100 * CTC),
        Just(500 * CTC),
        Just(70 * CTC + 1),
        Just(200 * CTC),
    ]
}

fn standing() -> impl Strategy<Value = Option<Standing>> {
    prop_oneof![
        3 => Just(Some(Standing::Active)),
        1 => Just(Some(Standing::Suspended)),
        1 => Just(Some(Standing::Revoked)),
        1 => Just(None),
    ]
}

/// While campaigns are open: mostly pledges.
fn funding_op() -> impl Strategy<Value = Op> {
    let backer = 0usize..3;
    let campaign = 1u64..=CAMPAIGNS_UNDER_TEST;
    prop_oneof![
        8 => (backer.clone(), campaign.clone(), amount())
            .prop_map(|(backer, campaign, amount)| Op::Pledge { backer, campaign, amount }),
        1 => (backer, campaign.clone())
            .prop_map(|(backer, campaign)| Op::WithdrawPledge { backer, campaign }),
        1 => (0usize..3, campaign).prop_map(|(by, campaign)| Op::Cancel { by, campaign }),
        1 => standing().prop_map(|standing| Op::Standing { standing }),
    ]
}

/// Anything, in any order.
fn op() -> impl Strategy<Value = Op> {
    let backer = 0usize..3;
    let campaign = 1u64..=CAMPAIGNS_UNDER_TEST;
    prop_oneof![
        2 => (backer.clone(), campaign.clone(), amount())
            .prop_map(|(backer, campaign, amount)| Op::Pledge { backer, campaign, amount }),
        1 => (backer.clone(), campaign.clone())
            .prop_map(|(backer, campaign)| Op::WithdrawPledge { backer, campaign }),
        2 => (1u64..4).prop_map(|days| Op::Advance { days }),
        2 => campaign.clone().prop_map(|campaign| Op::Finalize { campaign }),
        1 => (0usize..3, campaign.clone()).prop_map(|(by, campaign)| Op::Cancel { by, campaign }),
        3 => (backer.clone(), campaign.clone())
            .prop_map(|(backer, campaign)| Op::Claim { backer, campaign }),
        2 => (backer.clone(), campaign.clone())
            .prop_map(|(backer, campaign)| Op::RefundReward { backer, campaign }),
        3 => (backer.clone(), campaign.clone())
            .prop_map(|(backer, campaign)| Op::Refund { backer, campaign }),
        2 => campaign.prop_map(|campaign| Op::WithdrawFunds { campaign }),
        1 => standing().prop_map(|standing| Op::Standing { standing }),
        2 => (0u8..5).prop_map(|change| Op::Tickets { change }),
    ]
}

/// Campaign 1 from `campaign_input`; campaign 2: goal 300 CTC, no cap, three days, minimum 5 CTC,
/// rewards whose value does not divide evenly: 70.000001 CTC for three tickets (69.999999
/// carried), 200 CTC for seven (199.999996 carried).
fn chain() -> Chain {
    let mut chain = Chain::new();
    let mut input = campaign_input(&chain.env);
    input.goal = Uint128::new(300 * CTC);
    input.hard_cap = None;
    input.deadline = chain.env.block.time.plus_seconds(3 * DAY);
    input.min_pledge = Uint128::new(5 * CTC);
    input.reward_tiers[0].min_pledge = Uint128::new(70 * CTC + 1);
    input.reward_tiers[0].tickets = 3;
    input.reward_tiers[1].min_pledge = Uint128::new(200 * CTC);
    input.reward_tiers[1].tickets = 7;
    let creator = chain.accounts.creator.clone();
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    chain
}

/// Runs `op`; the CTC it moves in (a pledge) and out (the payments in its response) update
/// `balance`.
fn run(chain: &mut Chain, balance: &mut u128, op: Op) {
    let backers = chain.accounts.backers.clone();
    let (creator, owner) = (chain.accounts.creator.clone(), chain.accounts.owner.clone());
    let stranger = chain.deps.api.addr_make("stranger");
    let result = match op {
        Op::Pledge {
            backer,
            campaign,
            amount,
        } => {
            let result = chain.pledge_as(&backers[backer], campaign, amount);
            if result.is_ok() {
                *balance += amount;
            }
            result
        }
        Op::WithdrawPledge { backer, campaign } => chain.execute(
            &backers[backer],
            ExecuteMsg::WithdrawPledge {
                campaign_id: campaign,
            },
        ),
        Op::Advance { days } => {
            chain.advance(days * DAY);
            return;
        }
        Op::Finalize { campaign } => chain.execute(
            &stranger,
            ExecuteMsg::Finalize {
                campaign_id: campaign,
            },
        ),
        Op::Cancel { by, campaign } => {
            let sender = [&creator, &owner, &stranger][by];
            chain.execute(
                sender,
                ExecuteMsg::Cancel {
                    campaign_id: campaign,
                },
            )
        }
        Op::Claim { backer, campaign } => chain.execute(
            &backers[backer],
            ExecuteMsg::ClaimRewards {
                campaign_id: campaign,
            },
        ),
        Op::RefundReward { backer, campaign } => chain.execute(
            &backers[backer],
            ExecuteMsg::RefundUndeliverableReward {
                campaign_id: campaign,
            },
        ),
        Op::Refund { backer, campaign } => chain.execute(
            &backers[backer],
            ExecuteMsg::Refund {
                campaign_id: campaign,
            },
        ),
        Op::WithdrawFunds { campaign } => chain.execute(
            &creator,
            ExecuteMsg::WithdrawFunds {
                campaign_id: campaign,
            },
        ),
        Op::Standing { standing } => {
            chain.set_creator_standing(standing);
            return;
        }
        Op::Tickets { change } => {
            let at = chain.env.block.time;
            chain.change_tickets(|t| {
                *t = Tickets {
                    status: EventStatus::Scheduled,
                    left: [100, 100],
                    minter: true,
                    ..t.clone()
                };
                match change {
                    1 => t.status = EventStatus::Cancelled { at },
                    2 => t.minter = false,
                    3 => t.left = [0, 100],
                    4 => t.left = [100, 2],
                    _ => {}
                }
            });
            return;
        }
    };
    if let Ok(response) = result {
        *balance -= ctc_paid(chain, &response);
    }
}

/// The books of every campaign balance against its pledges, and the modelled balance is their sum.
fn check(chain: &Chain, balance: u128) -> Result<(), TestCaseError> {
    let mut held_total = 0u128;
    for id in 1..=CAMPAIGNS_UNDER_TEST {
        let answer = chain.campaign_of(id);
        let campaign = CAMPAIGNS.load(&chain.deps.storage, id).unwrap();
        let held = answer.held.u128();
        prop_assert_eq!(
            held,
            answer.raised.u128()
                - answer.refunded.u128()
                - answer.released.u128()
                - answer.sent_to_tickets.u128()
        );
        held_total += held;
        let (mut owed, mut due, mut sent, mut claimed, mut pledged) = (0, 0, 0, 0, 0);
        for backer in &chain.accounts.backers {
            let Some(pledge) = PLEDGES.may_load(&chain.deps.storage, (id, backer)).unwrap() else {
                continue;
            };
            let amount = pledge.amount.u128();
            pledged += amount;
            let value = crate::execute::rewards::tier_of(&campaign.reward_tiers, pledge.amount)
                .map_or(0, |index| campaign.reward_value(index).unwrap().u128());
            prop_assert!(value <= amount);
            sent += pledge.sent_to_tickets.u128();
            if pledge.rewards_claimed {
                claimed += amount;
                prop_assert_eq!(pledge.sent_to_tickets.u128(), value);
            }
            if let Some(paid_back) = pledge.reward_refund {
                prop_assert_eq!(paid_back.u128(), value);
                prop_assert!(!pledge.rewards_claimed);
            }
            if !pledge.rewards_claimed && pledge.reward_refund.is_none() {
                owed += value;
            }
            if !pledge.refunded && (!pledge.rewards_claimed || campaign.creator_revoked) {
                due += pledge.refundable().unwrap().u128();
            }
        }
        prop_assert_eq!(pledged, answer.raised.u128());
        prop_assert_eq!(sent, answer.sent_to_tickets.u128());
        prop_assert_eq!(claimed, campaign.claimed.u128());
        match answer.status {
            CampaignStatus::Open => {
                prop_assert_eq!(held, answer.raised.u128());
            }
            CampaignStatus::Succeeded { .. } => {
                // The counts per tier stay right: what is owed is the unclaimed rewards' value.
                prop_assert_eq!(answer.owed_to_rewards.u128(), owed);
                prop_assert!(held >= owed);
                if !answer.released.is_zero() {
                    prop_assert_eq!(held, owed);
                }
            }
            CampaignStatus::Failed { .. } => prop_assert_eq!(held, due),
            CampaignStatus::Cancelled { .. } => {
                let creators = if campaign.creator_revoked || !answer.released.is_zero() {
                    0
                } else {
                    claimed - sent
                };
                prop_assert_eq!(held, due + creators);
            }
        }
    }
    prop_assert_eq!(balance, held_total);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Pledges while the campaigns are open, the deadline, then anything in any order (claims
    /// with value, reward refunds, cancellations by a revoked creator's strangers, refunds,
    /// withdrawals, ticket-nft and registry changes), then everyone pulls what is left.
    #[test]
    fn crowdfund_holds_exactly_what_it_owes(
        funding in prop::collection::vec(funding_op(), 1..25),
        ops in prop::collection::vec(op(), 1..50),
    ) {
        let mut chain = chain();
        let mut balance = 0u128;
        for op in funding {
            run(&mut chain, &mut balance, op);
            check(&chain, balance)?;
        }
        chain.advance(8 * DAY);
        for campaign in 1..=CAMPAIGNS_UNDER_TEST {
            run(&mut chain, &mut balance, Op::Finalize { campaign });
            check(&chain, balance)?;
        }
        for op in ops {
            run(&mut chain, &mut balance, op);
            check(&chain, balance)?;
        }
        // Everyone pulls what is theirs, with the creator Active and the rewards mintable.
        chain.set_creator_standing(Some(Standing::Active));
        chain.advance(30 * DAY);
        let creator = chain.accounts.creator.clone();
        chain.set_event_issuer(&creator);
        for campaign in 1..=CAMPAIGNS_UNDER_TEST {
            run(&mut chain, &mut balance, Op::Finalize { campaign });
            for backer in 0..3 {
                for op in [
                    Op::Claim { backer, campaign },
                    Op::Refund { backer, campaign },
                ] {
                    run(&mut chain, &mut balance, op);
                }
            }
            run(&mut chain, &mut balance, Op::WithdrawFunds { campaign });
            check(&chain, balance)?;
            prop_assert_eq!(chain.campaign_of(campaign).held, Uint128::zero());
        }
        prop_assert_eq!(balance, 0);
    }
}

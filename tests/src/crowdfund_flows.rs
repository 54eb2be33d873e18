//! Crowdfunding with the real token, registry and ticket-nft: success with rewards minted and the
//! fee paid, failure with refunds, cancellation, the hard cap, timing, double claims and refunds,
//! a wrong token, a suspended partner; and a property test of the conservation invariant.

use cosmwasm_std::{Addr, Timestamp, Uint128};
use crowdfund::msg::{
    CampaignInput, CampaignResponse, CampaignStatus, ExecuteMsg, PledgeResponse, QueryMsg,
    RewardTier,
};
use ctc_interfaces::crowdfund::CrowdfundReceiveMsg;
use ctc_interfaces::BasisPoints;
use cw_multi_test::AppResponse;
use proptest::prelude::*;
use ticket_nft::msg::{EventInput, TierInput, TransferPolicy};

use crate::platform::{attribute, digest, id, root, Platform, CTC};

const DAY: u64 = 86_400;

/// The theater's premiere (event 1) with a 20-seat "Supporter" tier 0 and a 10-seat "Patron"
/// tier 1, and crowdfund authorised as its minter.
fn premiere(p: &Platform) -> u64 {
    let event_id = unauthorised_premiere(p);
    authorise_crowdfund(p, event_id, true);
    event_id
}

/// The premiere, without crowdfund as its minter.
fn unauthorised_premiere(p: &Platform) -> u64 {
    let starts_at = p.now().plus_seconds(60 * DAY);
    let tier = |name: &str, price: u128, supply: u32| TierInput {
        name: name.into(),
        price: Uint128::new(price),
        supply,
        seats: vec![],
        per_wallet_limit: None,
        members_of: None,
        random_seats: false,
    };
    p.execute(
        &p.theater,
        &p.tickets,
        &ticket_nft::msg::ExecuteMsg::CreateEvent {
            event: EventInput {
                title: "Premiere".into(),
                venue: "Grand Theater".into(),
                description_uri: None,
                starts_at,
                ends_at: starts_at.plus_seconds(3 * 3_600),
                sale_starts_at: p.now(),
                sale_ends_at: starts_at,
                tiers: vec![
                    tier("Supporter", 80 * CTC, 20),
                    tier("Patron", 200 * CTC, 10),
                ],
                min_identity: None,
                accepted_attesters: None,
                transfer_policy: TransferPolicy::GiftOnly { max_transfers: 1 },
                anti_scalping: None,
                lock_before_start_seconds: 0,
                resale_cap_bps: 10_000,
                royalty: BasisPoints::ZERO,
                check_in_opens_before_seconds: 3_600,
                booking_id: None,
            },
        },
    )
    .unwrap();
    1
}

fn authorise_crowdfund(p: &Platform, event_id: u64, allowed: bool) {
    let crowdfund = p.crowdfund.to_string();
    p.execute(
        &p.theater,
        &p.tickets,
        &ticket_nft::msg::ExecuteMsg::SetMinter {
            event_id,
            address: crowdfund,
            allowed,
        },
    )
    .unwrap();
}

/// Goal 1,000 CTC, optional hard cap, pledges from now for seven days, minimum 10 CTC; 100 CTC
/// earns one Supporter ticket, 500 CTC two Patron tickets.
fn campaign(p: &Platform, goal: u128, hard_cap: Option<u128>) -> CampaignInput {
    CampaignInput {
        title: "A new opera".into(),
        description_uri: Some("ipfs://opera".into()),
        goal: Uint128::new(goal),
        hard_cap: hard_cap.map(Uint128::new),
        starts_at: p.now(),
        deadline: p.now().plus_seconds(7 * DAY),
        min_pledge: Uint128::new(10 * CTC),
        reward_tiers: vec![
            RewardTier {
                min_pledge: Uint128::new(100 * CTC),
                event_id: 1,
                tier: 0,
                tickets: 1,
            },
            RewardTier {
                min_pledge: Uint128::new(500 * CTC),
                event_id: 1,
                tier: 1,
                tickets: 2,
            },
        ],
        lucky_draw: None,
    }
}

impl Platform {
    /// The theater agrees that campaign `campaign_id` hands out tickets of its event 1.
    fn approve_rewards(&self, campaign_id: u64) {
        self.execute(
            &self.theater,
            &self.crowdfund,
            &ExecuteMsg::ApproveRewards {
                campaign_id,
                event_id: 1,
            },
        )
        .unwrap();
    }

    fn launch(&self, input: CampaignInput) -> anyhow::Result<u64> {
        let response = self.execute(
            &self.troupe,
            &self.crowdfund,
            &ExecuteMsg::Launch { campaign: input },
        )?;
        Ok(id(&response, "campaign_id"))
    }

    /// Pledges `amount` CTC to `campaign_id`, as a wallet's cw20 `Send`.
    fn pledge(&self, backer: &Addr, campaign_id: u64, amount: u128) -> anyhow::Result<AppResponse> {
        let hook = CrowdfundReceiveMsg::Contribute { campaign_id };
        self.send_ctc(backer, &self.crowdfund, amount, &hook)
    }

    fn campaign(&self, campaign_id: u64) -> CampaignResponse {
        self.query(&self.crowdfund, &QueryMsg::Campaign { campaign_id })
    }

    /// Moves time to campaign `campaign_id`'s deadline.
    fn to_deadline(&self, campaign_id: u64) {
        self.advance_to(self.campaign(campaign_id).deadline);
    }

    /// `anyone` finalizes campaign `campaign_id`; answers its status.
    fn finalize(&self, anyone: &Addr, campaign_id: u64) -> CampaignStatus {
        let finalize = ExecuteMsg::Finalize { campaign_id };
        self.execute(anyone, &self.crowdfund, &finalize).unwrap();
        self.campaign(campaign_id).status
    }

    fn assert_crowdfund_conserved(&self, campaigns: u64) {
        let held: u128 = (1..=campaigns)
            .map(|id| self.campaign(id).held.u128())
            .sum();
        assert_eq!(self.balance(&self.crowdfund), held);
    }

    fn tickets_of(&self, owner: &Addr) -> Vec<String> {
        let tokens: cw721::msg::TokensResponse = self.query(
            &self.tickets,
            &ticket_nft::msg::QueryMsg::Tokens {
                owner: owner.to_string(),
                start_after: None,
                limit: None,
            },
        );
        tokens.tokens
    }
}

#[test]
fn a_funded_campaign_pays_the_creator_and_rewards_backers() {
    let p = Platform::new();
    premiere(&p);
    let id = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let fans = &p.fans;
    let troupe_before = p.balance(&p.troupe);
    let treasury_before = p.balance(&p.treasury);

    p.pledge(&fans[0], id, 600 * CTC).unwrap();
    p.pledge(&fans[1], id, 200 * CTC).unwrap();
    p.pledge(&fans[3], id, 50 * CTC).unwrap();
    assert_eq!(
        root(p.pledge(&fans[2], id, 5 * CTC).unwrap_err()),
        format!("the smallest pledge is {}", 10 * CTC)
    );
    p.pledge(&fans[2], id, 300 * CTC).unwrap();
    p.assert_crowdfund_conserved(1);
    assert_eq!(
        p.refused(
            &fans[1],
            &p.crowdfund,
            &ExecuteMsg::WithdrawPledge { campaign_id: id }
        ),
        "the goal is reached: pledges are final"
    );
    assert!(p
        .refused(
            &fans[0],
            &p.crowdfund,
            &ExecuteMsg::Finalize { campaign_id: id }
        )
        .starts_with("the campaign can be finalized at"));

    p.to_deadline(id);
    assert!(root(p.pledge(&fans[1], id, 20 * CTC).unwrap_err()).starts_with("pledges closed"));
    assert!(matches!(
        p.finalize(&fans[0], id),
        CampaignStatus::Succeeded { .. }
    ));

    // The troupe's rewards are the theater's tickets: claims and the withdrawal wait for the
    // theater's approval.
    let claim = ExecuteMsg::ClaimRewards { campaign_id: id };
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &claim),
        "the issuer of event 1 has not approved these rewards yet"
    );
    assert!(p
        .refused(
            &p.troupe,
            &p.crowdfund,
            &ExecuteMsg::WithdrawFunds { campaign_id: id }
        )
        .contains("has not approved this campaign's rewards"));
    p.approve_rewards(id);

    // The creator withdraws the 1,150 CTC raised less the 700 CTC the rewards' tickets carry (a
    // Patron pair for 500, two Supporter seats for 100 each), less the 3% fee, once.
    assert_eq!(
        p.refused(
            &fans[0],
            &p.crowdfund,
            &ExecuteMsg::WithdrawFunds { campaign_id: id }
        ),
        "only the campaign's creator may do this"
    );
    let response = p
        .execute(
            &p.troupe,
            &p.crowdfund,
            &ExecuteMsg::WithdrawFunds { campaign_id: id },
        )
        .unwrap();
    // The fee and the payout in one call into the token.
    assert_eq!(p.token_actions(&response), ["disburse"]);
    assert_eq!(p.balance(&p.treasury), treasury_before + 13_500_000);
    assert_eq!(p.balance(&p.troupe), troupe_before + 436_500_000);
    assert_eq!(p.campaign(id).owed_to_rewards, Uint128::new(700 * CTC));
    assert_eq!(
        p.refused(
            &p.troupe,
            &p.crowdfund,
            &ExecuteMsg::WithdrawFunds { campaign_id: id }
        ),
        "the funds were already withdrawn"
    );

    // Each backer claims the highest tier its pledge reaches, once.
    p.execute(&fans[0], &p.crowdfund, &claim).unwrap();
    p.execute(&fans[1], &p.crowdfund, &claim).unwrap();
    p.execute(&fans[2], &p.crowdfund, &claim).unwrap();
    assert_eq!(p.tickets_of(&fans[0]), ["1-20", "1-21"]);
    assert_eq!(p.tickets_of(&fans[1]), ["1-0"]);
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &claim),
        "the rewards were already claimed"
    );
    assert_eq!(
        p.refused(&fans[3], &p.crowdfund, &claim),
        format!("a pledge of {} reaches no reward tier", 50 * CTC)
    );
    let patron: cw721::msg::NftInfoResponse<ticket_nft::msg::TicketInfo> = p.query(
        &p.tickets,
        &ticket_nft::msg::QueryMsg::NftInfo {
            token_id: "1-20".into(),
        },
    );
    assert_eq!(patron.extension.tier_name, "Patron");
    // The rewards' value went with their tickets into the show's escrow.
    assert_eq!(p.balance(&p.crowdfund), 0);
    assert_eq!(p.balance(&p.tickets), 700 * CTC);
    p.assert_crowdfund_conserved(1);
}

#[test]
fn a_cancelled_show_refunds_what_backers_paid_for_their_reward_tickets() {
    let p = Platform::new();
    let event_id = premiere(&p);
    let id = p.launch(campaign(&p, 500 * CTC, None)).unwrap();
    let fans = &p.fans;
    p.pledge(&fans[0], id, 600 * CTC).unwrap();
    p.pledge(&fans[1], id, 120 * CTC).unwrap();
    p.to_deadline(id);
    p.finalize(&fans[2], id);
    p.approve_rewards(id);
    p.execute(
        &p.troupe,
        &p.crowdfund,
        &ExecuteMsg::WithdrawFunds { campaign_id: id },
    )
    .unwrap();
    let claim = ExecuteMsg::ClaimRewards { campaign_id: id };
    p.execute(&fans[0], &p.crowdfund, &claim).unwrap();
    p.execute(&fans[1], &p.crowdfund, &claim).unwrap();

    p.execute(
        &p.theater,
        &p.tickets,
        &ticket_nft::msg::ExecuteMsg::CancelEvent { event_id },
    )
    .unwrap();
    // The Patron pair was bought with 500 CTC, the Supporter seat with 100: each ticket refunds
    // its share; what a backer gave above the reward stays the troupe's.
    for (fan, token_id, refund) in [(0, "1-20", 250), (0, "1-21", 250), (1, "1-0", 100)] {
        let before = p.balance(&fans[fan]);
        let claim = ticket_nft::msg::ExecuteMsg::ClaimRefund {
            token_id: token_id.into(),
        };
        p.execute(&fans[fan], &p.tickets, &claim).unwrap();
        assert_eq!(p.balance(&fans[fan]), before + refund * CTC, "{token_id}");
    }
    assert_eq!(p.balance(&p.tickets), 0);
    p.assert_crowdfund_conserved(1);
}

#[test]
fn a_claim_fails_with_ticket_nfts_reason_and_can_be_retried() {
    let p = Platform::new();
    let event_id = premiere(&p);
    let id = p.launch(campaign(&p, 100 * CTC, None)).unwrap();
    let fan = p.fans[0].clone();
    p.pledge(&fan, id, 150 * CTC).unwrap();
    p.to_deadline(id);
    p.finalize(&fan, id);
    p.approve_rewards(id);
    authorise_crowdfund(&p, event_id, false);
    let claim = ExecuteMsg::ClaimRewards { campaign_id: id };
    assert_eq!(
        p.refused(&fan, &p.crowdfund, &claim),
        "only a minter authorised for this event may mint reserved tickets"
    );
    let pledge: PledgeResponse = p.query(
        &p.crowdfund,
        &QueryMsg::Pledge {
            campaign_id: id,
            backer: fan.to_string(),
        },
    );
    assert!(!pledge.rewards_claimed);
    authorise_crowdfund(&p, event_id, true);
    p.execute(&fan, &p.crowdfund, &claim).unwrap();
    assert_eq!(p.tickets_of(&fan), ["1-0"]);
}

#[test]
fn a_failed_campaign_refunds_every_backer_once() {
    let p = Platform::new();
    premiere(&p);
    let mut input = campaign(&p, 5_000 * CTC, None);
    input.starts_at = p.now().plus_seconds(DAY);
    input.deadline = p.now().plus_seconds(8 * DAY);
    let id = p.launch(input).unwrap();
    let fans = &p.fans;
    let before: Vec<u128> = fans.iter().map(|f| p.balance(f)).collect();
    assert!(root(p.pledge(&fans[0], id, 300 * CTC).unwrap_err()).starts_with("pledges open at"));
    p.advance_to(p.now().plus_seconds(DAY));
    p.pledge(&fans[0], id, 300 * CTC).unwrap();
    p.pledge(&fans[1], id, 200 * CTC).unwrap();
    p.pledge(&fans[0], id, 100 * CTC).unwrap();
    // Before the goal, a backer may change its mind.
    p.execute(
        &fans[1],
        &p.crowdfund,
        &ExecuteMsg::WithdrawPledge { campaign_id: id },
    )
    .unwrap();
    assert_eq!(p.balance(&fans[1]), before[1]);
    assert_eq!(p.campaign(id).backers, 1);
    p.assert_crowdfund_conserved(1);

    let refund = ExecuteMsg::Refund { campaign_id: id };
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &refund),
        "the campaign neither failed nor was cancelled"
    );
    p.to_deadline(id);
    assert!(matches!(
        p.finalize(&fans[2], id),
        CampaignStatus::Failed { .. }
    ));
    p.execute(&fans[0], &p.crowdfund, &refund).unwrap();
    assert_eq!(p.balance(&fans[0]), before[0]);
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &refund),
        "the pledge was already refunded"
    );
    assert_eq!(
        p.refused(&fans[2], &p.crowdfund, &refund),
        "no pledge from this address"
    );
    assert_eq!(
        p.refused(
            &p.troupe,
            &p.crowdfund,
            &ExecuteMsg::WithdrawFunds { campaign_id: id }
        ),
        "the campaign did not succeed"
    );
    assert_eq!(p.balance(&p.crowdfund), 0);
    p.assert_crowdfund_conserved(1);
}

#[test]
fn the_creator_or_the_authority_cancels_before_success() {
    let p = Platform::new();
    premiere(&p);
    let first = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let second = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let fans = &p.fans;
    p.pledge(&fans[0], first, 400 * CTC).unwrap();
    p.pledge(&fans[0], second, 250 * CTC).unwrap();
    assert_eq!(
        p.refused(
            &fans[1],
            &p.crowdfund,
            &ExecuteMsg::Cancel { campaign_id: first }
        ),
        "only the creator or the authority may cancel"
    );
    p.execute(
        &p.troupe,
        &p.crowdfund,
        &ExecuteMsg::Cancel { campaign_id: first },
    )
    .unwrap();
    p.execute(
        &p.owner,
        &p.crowdfund,
        &ExecuteMsg::Cancel {
            campaign_id: second,
        },
    )
    .unwrap();
    assert!(root(p.pledge(&fans[1], first, 100 * CTC).unwrap_err()).contains("not open"));
    let before = p.balance(&fans[0]);
    p.execute(
        &fans[0],
        &p.crowdfund,
        &ExecuteMsg::Refund { campaign_id: first },
    )
    .unwrap();
    p.execute(
        &fans[0],
        &p.crowdfund,
        &ExecuteMsg::Refund {
            campaign_id: second,
        },
    )
    .unwrap();
    assert_eq!(p.balance(&fans[0]), before + 650 * CTC);
    p.assert_crowdfund_conserved(2);
}

#[test]
fn the_hard_cap_takes_what_fits_and_returns_the_rest() {
    let p = Platform::new();
    premiere(&p);
    let id = p
        .launch(campaign(&p, 800 * CTC, Some(1_000 * CTC)))
        .unwrap();
    let fans = &p.fans;
    p.pledge(&fans[0], id, 900 * CTC).unwrap();
    let before = p.balance(&fans[1]);
    let response = p.pledge(&fans[1], id, 300 * CTC).unwrap();
    assert_eq!(attribute(&response, "returned"), (200 * CTC).to_string());
    assert_eq!(p.balance(&fans[1]), before - 100 * CTC);
    assert_eq!(p.campaign(id).raised, Uint128::new(1_000 * CTC));
    assert_eq!(
        root(p.pledge(&fans[2], id, 50 * CTC).unwrap_err()),
        "the hard cap is reached"
    );
    // The pledge that fills the cap may be below the minimum pledge.
    let second = p
        .launch(campaign(&p, 800 * CTC, Some(1_000 * CTC)))
        .unwrap();
    p.pledge(&fans[0], second, 995 * CTC).unwrap();
    p.pledge(&fans[3], second, 8 * CTC).unwrap();
    assert_eq!(p.campaign(second).raised, Uint128::new(1_000 * CTC));
    // At the cap, finalizing need not wait for the deadline.
    assert!(matches!(
        p.finalize(&fans[2], id),
        CampaignStatus::Succeeded { .. }
    ));
    p.assert_crowdfund_conserved(2);
}

#[test]
fn only_ctc_is_accepted_and_only_active_partners_launch() {
    let p = Platform::new();
    premiere(&p);
    let id = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let fan = p.fans[0].clone();
    let fake = p.other_token(&fan, 1_000 * CTC);
    let hook = CrowdfundReceiveMsg::Contribute { campaign_id: id };
    let err = p
        .send_cw20(&fake, &fan, &p.crowdfund, 500 * CTC, &hook)
        .unwrap_err();
    assert_eq!(root(err), "only the configured CTC token is accepted");
    assert_eq!(p.campaign(id).raised, Uint128::zero());
    p.execute(
        &p.owner,
        &p.registry,
        &partner_registry::msg::ExecuteMsg::Suspend {
            address: p.troupe.to_string(),
            reason: "unpaid wages".into(),
            digest: digest(7),
        },
    )
    .unwrap();
    let err = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap_err();
    assert!(root(err).contains("is suspended"));
    // The theater lacks LaunchCrowdfunds.
    let input = campaign(&p, 1_000 * CTC, None);
    let err = p
        .execute(
            &p.theater,
            &p.crowdfund,
            &ExecuteMsg::Launch { campaign: input },
        )
        .unwrap_err();
    assert!(root(err).contains("does not hold launch_crowdfunds"));
}

/// Finding 13: the troupe (or the theater whose tickets are the rewards) pledges the missing
/// amount to make its own campaign succeed, so that the fans' pledges become final and pass to
/// it for the fee on its own pledge. Both are refused; the campaign fails and the fans get their
/// pledges back.
#[test]
fn a_creator_cannot_pledge_its_own_campaign_to_success() {
    let p = Platform::new();
    premiere(&p);
    let id = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let (fans, troupe, theater) = (&p.fans, &p.troupe, &p.theater);
    p.pledge(&fans[0], id, 700 * CTC).unwrap();
    for insider in [troupe, theater] {
        p.fund(insider, 300 * CTC);
    }
    let troupe_before = p.balance(troupe);
    assert_eq!(
        root(p.pledge(troupe, id, 300 * CTC).unwrap_err()),
        "a campaign's creator cannot pledge to it: its goal must be reached by others"
    );
    assert_eq!(
        root(p.pledge(theater, id, 300 * CTC).unwrap_err()),
        "the issuer of reward event 1 cannot pledge to this campaign: its goal must be reached by \
         others"
    );
    assert_eq!(p.balance(troupe), troupe_before);
    assert_eq!(p.campaign(id).raised, Uint128::new(700 * CTC));
    // Before the goal, the fan may still change its mind; at the deadline the campaign fails.
    p.to_deadline(id);
    assert!(matches!(
        p.finalize(&fans[1], id),
        CampaignStatus::Failed { .. }
    ));
    let before = p.balance(&fans[0]);
    p.execute(
        &fans[0],
        &p.crowdfund,
        &ExecuteMsg::Refund { campaign_id: id },
    )
    .unwrap();
    assert_eq!(p.balance(&fans[0]), before + 700 * CTC);
}

/// The rewards are the theater's tickets, minted only while crowdfund is the event's minter and
/// the event is scheduled, within the tier's supply. A campaign cannot offer what ticket-nft would
/// refuse, and the troupe cannot take the money while a backer's reward could not be minted. When
/// the theater cancels its show after the campaign succeeded, the campaign may be cancelled: the
/// fans who had no ticket yet are refunded, and the troupe is paid for the tickets delivered.
#[test]
fn the_troupe_takes_the_money_only_while_the_rewards_can_be_minted() {
    let p = Platform::new();
    let event_id = unauthorised_premiere(&p);
    assert_eq!(
        root(p.launch(campaign(&p, 1_000 * CTC, None)).unwrap_err()),
        "the rewards of event 1 cannot be delivered: its issuer has not named this contract a \
         minter (set_minter)"
    );
    authorise_crowdfund(&p, event_id, true);
    let id = p.launch(campaign(&p, 1_000 * CTC, None)).unwrap();
    let (fans, troupe) = (&p.fans, &p.troupe);
    // Two Patron tickets each for fans 0 and 1, one Supporter ticket for fan 2: 1,100 CTC of the
    // 1,300 raised pays for rewards.
    p.pledge(&fans[0], id, 600 * CTC).unwrap();
    p.pledge(&fans[1], id, 600 * CTC).unwrap();
    p.pledge(&fans[2], id, 100 * CTC).unwrap();
    p.to_deadline(id);
    p.finalize(&fans[3], id);
    p.approve_rewards(id);
    let withdraw = ExecuteMsg::WithdrawFunds { campaign_id: id };

    // The theater withdraws crowdfund's right to mint: the troupe must wait.
    authorise_crowdfund(&p, event_id, false);
    assert_eq!(
        p.refused(troupe, &p.crowdfund, &withdraw),
        "the rewards of event 1 cannot be delivered: its issuer has not named this contract a \
         minter (set_minter)"
    );
    authorise_crowdfund(&p, event_id, true);
    // Fan 0 takes its two Patron seats; the theater sells seven of the other eight.
    p.execute(
        &fans[0],
        &p.crowdfund,
        &ExecuteMsg::ClaimRewards { campaign_id: id },
    )
    .unwrap();
    let buy = ctc_interfaces::tickets::TicketReceiveMsg::Buy {
        event_id,
        tier: 1,
        quantity: 7,
        recipient: None,
        voucher: None,
    };
    p.send_ctc(&fans[3], &p.tickets, 1_400 * CTC, &buy).unwrap();
    let too_few = "the rewards of event 1 cannot be delivered: a reward tier has fewer tickets \
                   left than its backers are owed";
    assert_eq!(p.refused(troupe, &p.crowdfund, &withdraw), too_few);

    // The theater cancels the show: no reward can be delivered any more, and without a way out
    // the money would be stuck.
    p.execute(
        &p.theater,
        &p.tickets,
        &ticket_nft::msg::ExecuteMsg::CancelEvent { event_id },
    )
    .unwrap();
    assert_eq!(
        p.refused(troupe, &p.crowdfund, &withdraw),
        "the rewards of event 1 cannot be delivered: the event is cancelled or settled"
    );
    p.execute(
        &p.owner,
        &p.crowdfund,
        &ExecuteMsg::Cancel { campaign_id: id },
    )
    .unwrap();
    let refund = ExecuteMsg::Refund { campaign_id: id };
    for (fan, pledged) in [(1, 600 * CTC), (2, 100 * CTC)] {
        let before = p.balance(&fans[fan]);
        p.execute(&fans[fan], &p.crowdfund, &refund).unwrap();
        assert_eq!(p.balance(&fans[fan]), before + pledged);
    }
    assert_eq!(
        p.refused(&fans[0], &p.crowdfund, &refund),
        "the rewards were already claimed"
    );
    // Fan 0's 500 CTC went with the two seats it holds (and come back to it from ticket-nft, the
    // show being cancelled); the 100 CTC above them are the troupe's, less 3% to the treasury.
    let (troupe_before, treasury_before) = (p.balance(troupe), p.balance(&p.treasury));
    p.execute(troupe, &p.crowdfund, &withdraw).unwrap();
    assert_eq!(p.balance(troupe), troupe_before + 97 * CTC);
    assert_eq!(p.balance(&p.treasury), treasury_before + 3 * CTC);
    assert_eq!(p.tickets_of(&fans[0]).len(), 2);
    assert_eq!(p.balance(&p.crowdfund), 0);
    // The seven seats fan 3 bought and fan 0's two rewards, all refundable.
    assert_eq!(p.balance(&p.tickets), (1_400 + 500) * CTC);
    p.assert_crowdfund_conserved(1);
}

#[derive(Clone, Debug)]
enum Op {
    Pledge {
        fan: usize,
        campaign: u64,
        ctc: u128,
    },
    Withdraw {
        fan: usize,
        campaign: u64,
    },
    Advance {
        days: u64,
    },
    Finalize {
        campaign: u64,
    },
    Cancel {
        campaign: u64,
    },
    Refund {
        fan: usize,
        campaign: u64,
    },
    WithdrawFunds {
        campaign: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0usize..4, 1u64..=3, 1u128..700)
            .prop_map(|(fan, campaign, ctc)| Op::Pledge { fan, campaign, ctc }),
        2 => (0usize..4, 1u64..=3).prop_map(|(fan, campaign)| Op::Withdraw { fan, campaign }),
        2 => (1u64..4).prop_map(|days| Op::Advance { days }),
        2 => (1u64..=3).prop_map(|campaign| Op::Finalize { campaign }),
        1 => (1u64..=3).prop_map(|campaign| Op::Cancel { campaign }),
        3 => (0usize..4, 1u64..=3).prop_map(|(fan, campaign)| Op::Refund { fan, campaign }),
        2 => (1u64..=3).prop_map(|campaign| Op::WithdrawFunds { campaign }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever backers and creators do, crowdfund holds exactly raised − refunded − released −
    /// sent to tickets summed over campaigns, and every campaign's books balance.
    #[test]
    fn crowdfund_holds_exactly_what_it_owes(ops in prop::collection::vec(op(), 1..40)) {
        let p = Platform::new();
        let now: Timestamp = p.now();
        for (goal, cap, days) in [(1_000, None, 5), (600, Some(900), 3), (2_000, Some(2_500), 8)] {
            let mut input = campaign(&p, goal * CTC, cap.map(|c: u128| c * CTC));
            input.reward_tiers.clear();
            input.deadline = now.plus_seconds(days * DAY);
            p.launch(input).unwrap();
        }
        let fans = &p.fans;
        for op in ops {
            let _ = match op {
                Op::Pledge { fan, campaign, ctc } => p.pledge(&fans[fan], campaign, ctc * CTC),
                Op::Withdraw { fan, campaign } => p.execute(&fans[fan], &p.crowdfund, &ExecuteMsg::WithdrawPledge { campaign_id: campaign }),
                Op::Advance { days } => {
                    let later = p.now().plus_seconds(days * DAY);
                    p.advance_to(later);
                    continue;
                }
                Op::Finalize { campaign } => p.execute(&fans[0], &p.crowdfund, &ExecuteMsg::Finalize { campaign_id: campaign }),
                Op::Cancel { campaign } => p.execute(&p.troupe, &p.crowdfund, &ExecuteMsg::Cancel { campaign_id: campaign }),
                Op::Refund { fan, campaign } => p.execute(&fans[fan], &p.crowdfund, &ExecuteMsg::Refund { campaign_id: campaign }),
                Op::WithdrawFunds { campaign } => p.execute(&p.troupe, &p.crowdfund, &ExecuteMsg::WithdrawFunds { campaign_id: campaign }),
            };
            let mut held = 0u128;
            for id in 1..=3u64 {
                let c = p.campaign(id);
                prop_assert_eq!(c.held, c.raised - c.refunded - c.released - c.sent_to_tickets);
                prop_assert!(c.hard_cap.is_none_or(|cap| c.raised <= cap));
                held += c.held.u128();
            }
            prop_assert_eq!(p.balance(&p.crowdfund), held);
        }
    }
}

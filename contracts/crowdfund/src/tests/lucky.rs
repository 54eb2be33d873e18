//! Lucky draws: backers of a campaign with one are numbered as they arrive, and once the
//! campaign succeeded and the randomness contract's draw is ready, anyone draws the winners,
//! which everyone can recompute from the seed.

use cosmwasm_std::{Order, StdResult, Storage};
use ctc_interfaces::randomness::{self, distinct_picks, DrawStatus};
use ctc_testkit::stored_keys;

use super::*;
use crate::msg::{ConfigResponse, LuckyBackersResponse, LuckyDrawInput, LuckyWinner};
use crate::state::{CAMPAIGNS, CONFIG, LUCKY_NUMBERS, PLEDGES};

/// Campaign 2: `campaign_input`'s, with a lucky draw of `winners`.
const LUCKY: u64 = 2;

fn seed(n: u64) -> [u8; 32] {
    randomness::seed("randomness", n, &[5u8; 32])
}

fn set_randomness(chain: &mut Chain) {
    let (owner, randomness) = (
        chain.accounts.owner.clone(),
        chain.accounts.randomness.clone(),
    );
    chain
        .execute(&owner, update_randomness(&randomness))
        .unwrap();
}

fn update_randomness(randomness: &Addr) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: None,
        randomness: Some(randomness.to_string()),
    }
}

fn lucky_input(chain: &Chain, winners: u32) -> CampaignInput {
    let mut input = campaign_input(&chain.env);
    input.lucky_draw = Some(LuckyDrawInput {
        winners,
        prize: "Dinner with the cast".into(),
    });
    input
}

/// `Chain::new`'s campaign 1 (no draw), the randomness contract configured, and campaign 2
/// launched with a draw of `winners`.
fn lucky_chain(winners: u32) -> (Chain, Response) {
    let mut chain = Chain::new();
    set_randomness(&mut chain);
    let creator = chain.accounts.creator.clone();
    let input = lucky_input(&chain, winners);
    let launch = chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    (chain, launch)
}

fn fan(chain: &Chain, n: usize) -> Addr {
    chain.addr(&format!("fan{n}"))
}

fn pledge(chain: &mut Chain, backer: &Addr, ctc: u128) {
    chain.pledge_as(backer, LUCKY, ctc * CTC).unwrap();
}

fn withdraw(chain: &mut Chain, backer: &Addr) {
    chain
        .execute(backer, ExecuteMsg::WithdrawPledge { campaign_id: LUCKY })
        .unwrap();
}

/// At the deadline, finalized by anyone.
fn finalize(chain: &mut Chain) {
    chain.env.block.time = chain.campaign_of(LUCKY).deadline;
    let anyone = chain.addr("anyone");
    chain
        .execute(&anyone, ExecuteMsg::Finalize { campaign_id: LUCKY })
        .unwrap();
}

fn draw_msg(campaign_id: u64) -> ExecuteMsg {
    ExecuteMsg::DrawLuckyBackers { campaign_id }
}

fn lucky_backers(chain: &Chain, campaign_id: u64) -> Result<LuckyBackersResponse, ContractError> {
    let msg = QueryMsg::LuckyBackers { campaign_id };
    query(chain.deps.as_ref(), chain.env.clone(), msg).map(|answer| from_json(answer).unwrap())
}

fn attribute(response: &Response, key: &str) -> String {
    response
        .attributes
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no {key} attribute"))
        .value
        .clone()
}

/// The campaign's numbers are `0..numbered` without a hole, one per backer still pledged, and
/// each backer's pledge records the number it holds.
fn assert_dense(chain: &Chain) {
    let campaign = chain.campaign_of(LUCKY);
    let numbered = campaign.lucky_numbers.unwrap();
    assert_eq!(numbered, campaign.backers);
    let held: Vec<(u32, Addr)> = LUCKY_NUMBERS
        .prefix(LUCKY)
        .range(&chain.deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()
        .unwrap();
    assert_eq!(
        held.iter().map(|(number, _)| *number).collect::<Vec<_>>(),
        (0..numbered).collect::<Vec<_>>()
    );
    for (number, backer) in &held {
        assert_eq!(chain.pledge_of(LUCKY, backer).lucky_number, Some(*number));
    }
}

#[test]
fn a_launch_with_a_lucky_draw_asks_for_a_draw_closing_at_the_deadline() {
    let (chain, launch) = lucky_chain(3);
    let deadline = chain.campaign_of(LUCKY).deadline;
    assert_eq!(
        executes(&launch)[1],
        (
            chain.accounts.randomness.to_string(),
            format!(
                r#"{{"request_draw":{{"key":2,"commits_close_at":"{}"}}}}"#,
                deadline.nanos()
            )
        )
    );
    let draw = lucky_backers(&chain, LUCKY).unwrap();
    assert_eq!(
        draw,
        LuckyBackersResponse {
            campaign_id: LUCKY,
            winners: 3,
            prize: "Dinner with the cast".into(),
            numbered: 0,
            seed: None,
            drawn: vec![],
        }
    );
    assert_eq!(chain.campaign_of(LUCKY).lucky_numbers, Some(0));
}

#[test]
fn a_lucky_draw_needs_a_randomness_contract_and_sensible_terms() {
    let mut chain = Chain::new();
    let creator = chain.accounts.creator.clone();
    let input = lucky_input(&chain, 3);
    assert_eq!(
        chain.refused(&creator, ExecuteMsg::Launch { campaign: input }),
        ContractError::RandomnessNotSet
    );
    set_randomness(&mut chain);
    for winners in [0, 21] {
        let input = lucky_input(&chain, winners);
        assert_eq!(
            chain.refused(&creator, ExecuteMsg::Launch { campaign: input }),
            ContractError::InvalidCampaign {
                reason: "a lucky draw has between 1 and 20 winners"
            }
        );
    }
    for prize in [String::new(), "x".repeat(257)] {
        let mut input = lucky_input(&chain, 3);
        input.lucky_draw.as_mut().unwrap().prize = prize;
        assert!(matches!(
            chain.refused(&creator, ExecuteMsg::Launch { campaign: input }),
            ContractError::Convention(_)
        ));
    }
    let mut input = lucky_input(&chain, 20);
    input.lucky_draw.as_mut().unwrap().prize = "x".repeat(256);
    chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
}

/// Numbers follow arrival; a withdrawn backer's number goes to the last number's backer and one
/// that comes back is numbered afresh; the winners are the seed's first distinct picks.
#[test]
fn the_winners_are_distinct_backers_recomputed_from_the_seed() {
    let (mut chain, _) = lucky_chain(3);
    let fans: Vec<Addr> = (0..7).map(|n| fan(&chain, n)).collect();
    for backer in &fans[..6] {
        pledge(&mut chain, backer, 150);
    }
    // Fan 2 leaves and comes back (the goal is not reached yet): fan 5, holding the last
    // number, takes number 2, and fan 2 comes back as number 5.
    withdraw(&mut chain, &fans[2]);
    assert_eq!(chain.pledge_of(LUCKY, &fans[2]).lucky_number, None);
    assert_eq!(chain.pledge_of(LUCKY, &fans[5]).lucky_number, Some(2));
    assert_eq!(chain.campaign_of(LUCKY).lucky_numbers, Some(5));
    pledge(&mut chain, &fans[2], 150);
    pledge(&mut chain, &fans[6], 150);
    // A second pledge keeps the backer's number.
    pledge(&mut chain, &fans[0], 50);
    assert_eq!(chain.pledge_of(LUCKY, &fans[0]).lucky_number, Some(0));
    assert_eq!(chain.pledge_of(LUCKY, &fans[2]).lucky_number, Some(5));
    assert_eq!(chain.campaign_of(LUCKY).lucky_numbers, Some(7));
    assert_eq!(chain.campaign_of(LUCKY).backers, 7);
    assert_dense(&chain);
    let holders = [0, 1, 5, 3, 4, 2, 6];

    let seed = seed(2);
    finalize(&mut chain);
    chain.answer_draw(DrawStatus::Ready, Some(seed));
    let anyone = chain.addr("anyone");
    let response = chain.execute(&anyone, draw_msg(LUCKY)).unwrap();

    let numbers = distinct_picks(&seed, 3, 7);
    let winners: Vec<Addr> = numbers
        .iter()
        .map(|&number| fans[holders[number as usize]].clone())
        .collect();
    let draw = lucky_backers(&chain, LUCKY).unwrap();
    assert_eq!(draw.seed, Some(HexBinary::from(seed)));
    assert_eq!(draw.numbered, 7);
    assert_eq!(
        draw.drawn.iter().map(|w| w.number).collect::<Vec<_>>(),
        numbers
    );
    assert_eq!(
        draw.drawn
            .iter()
            .map(|w| w.backer.clone())
            .collect::<Vec<_>>(),
        winners
    );
    let mut distinct = winners.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3);

    let join = |items: Vec<String>| items.join(",");
    assert_eq!(
        attribute(&response, "winners"),
        join(winners.iter().map(Addr::to_string).collect())
    );
    assert_eq!(
        attribute(&response, "numbers"),
        join(numbers.iter().map(u32::to_string).collect())
    );
    assert_eq!(attribute(&response, "seed"), HexBinary::from(seed).to_hex());
    assert!(response.messages.is_empty());
}

#[test]
fn three_backers_and_three_winners_all_win() {
    let (mut chain, _) = lucky_chain(3);
    let fans: Vec<Addr> = (0..3).map(|n| fan(&chain, n)).collect();
    for (backer, ctc) in fans.iter().zip([400, 400, 300]) {
        pledge(&mut chain, backer, ctc);
    }
    finalize(&mut chain);
    chain.answer_draw(DrawStatus::Ready, Some(seed(1)));
    let anyone = chain.addr("anyone");
    chain.execute(&anyone, draw_msg(LUCKY)).unwrap();
    let mut winners: Vec<Addr> = lucky_backers(&chain, LUCKY)
        .unwrap()
        .drawn
        .into_iter()
        .map(|w| w.backer)
        .collect();
    winners.sort();
    let mut all = fans.clone();
    all.sort();
    assert_eq!(winners, all);
}

/// Pledge/withdraw cycles, from an address of the creator's or anyone's, leave no dead numbers:
/// the numbers stay those of the live backers, and every requested winner is drawn.
#[test]
fn pledge_and_withdraw_cycles_leave_no_dead_numbers() {
    let (mut chain, _) = lucky_chain(3);
    let fans: Vec<Addr> = (0..3).map(|n| fan(&chain, n)).collect();
    let (sybil, other) = (chain.addr("sybil"), chain.addr("sybil2"));
    // The attacker holds number 0, then leaves: the last backer moves into it.
    pledge(&mut chain, &sybil, 10);
    pledge(&mut chain, &fans[0], 400);
    pledge(&mut chain, &fans[1], 400);
    withdraw(&mut chain, &sybil);
    assert_eq!(chain.pledge_of(LUCKY, &fans[1]).lucky_number, Some(0));
    assert_dense(&chain);
    for _ in 0..100 {
        pledge(&mut chain, &sybil, 10);
        pledge(&mut chain, &other, 10);
        withdraw(&mut chain, &sybil);
        assert_dense(&chain);
        withdraw(&mut chain, &other);
    }
    // A fan who withdraws and pledges again holds one number only.
    pledge(&mut chain, &fans[2], 10);
    withdraw(&mut chain, &fans[2]);
    pledge(&mut chain, &fans[2], 300);
    assert_eq!(chain.campaign_of(LUCKY).lucky_numbers, Some(3));
    assert_eq!(chain.campaign_of(LUCKY).backers, 3);
    assert_dense(&chain);

    finalize(&mut chain);
    chain.answer_draw(DrawStatus::Ready, Some(seed(6)));
    let anyone = chain.addr("anyone");
    chain.execute(&anyone, draw_msg(LUCKY)).unwrap();
    let draw = lucky_backers(&chain, LUCKY).unwrap();
    assert_eq!(draw.numbered, 3);
    assert_eq!(
        draw.drawn.iter().map(|w| w.number).collect::<Vec<_>>(),
        distinct_picks(&seed(6), 3, 3)
    );
    let mut winners: Vec<Addr> = draw.drawn.into_iter().map(|w| w.backer).collect();
    winners.sort();
    let mut all = fans.clone();
    all.sort();
    assert_eq!(winners, all);
}

/// A draw of fewer winners than backers picks exactly `winners` of them.
#[test]
fn a_draw_picks_exactly_its_winners() {
    let (mut chain, _) = lucky_chain(2);
    let fans: Vec<Addr> = (0..5).map(|n| fan(&chain, n)).collect();
    for backer in &fans {
        pledge(&mut chain, backer, 220);
    }
    finalize(&mut chain);
    chain.answer_draw(DrawStatus::Ready, Some(seed(7)));
    let anyone = chain.addr("anyone");
    chain.execute(&anyone, draw_msg(LUCKY)).unwrap();
    let draw = lucky_backers(&chain, LUCKY).unwrap();
    let numbers = distinct_picks(&seed(7), 2, 5);
    assert_eq!(
        draw.drawn,
        numbers
            .iter()
            .map(|&number| LuckyWinner {
                number,
                backer: fans[number as usize].clone()
            })
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_draw_waits_for_success_the_deadline_and_the_seed_and_happens_once() {
    let (mut chain, _) = lucky_chain(2);
    let anyone = chain.addr("anyone");
    assert_eq!(
        chain.refused(&anyone, draw_msg(1)),
        ContractError::NoLuckyDraw { campaign_id: 1 }
    );
    assert_eq!(
        chain.refused(&anyone, draw_msg(9)),
        ContractError::CampaignNotFound { campaign_id: 9 }
    );
    assert_eq!(
        lucky_backers(&chain, 1).unwrap_err(),
        ContractError::NoLuckyDraw { campaign_id: 1 }
    );
    assert_eq!(
        chain.refused(&anyone, draw_msg(LUCKY)),
        ContractError::NotSucceeded
    );
    // The hard cap ends pledging before the deadline, but not the draw's commitments.
    let fans: Vec<Addr> = (0..3).map(|n| fan(&chain, n)).collect();
    for backer in &fans {
        pledge(&mut chain, backer, 500);
    }
    chain
        .execute(&anyone, ExecuteMsg::Finalize { campaign_id: LUCKY })
        .unwrap();
    let deadline = chain.campaign_of(LUCKY).deadline;
    assert_eq!(
        chain.refused(&anyone, draw_msg(LUCKY)),
        ContractError::LuckyDrawTooEarly { deadline }
    );

    chain.env.block.time = deadline;
    for status in [
        DrawStatus::Committing,
        DrawStatus::Revealing,
        DrawStatus::Stalled,
    ] {
        chain.answer_draw(status, None);
        assert_eq!(
            chain.refused(&anyone, draw_msg(LUCKY)),
            ContractError::DrawNotReady
        );
    }

    chain.answer_draw(DrawStatus::Ready, Some(seed(3)));
    // The randomness contract's address is set for good once a draw was launched; were it
    // missing, nothing would be drawn.
    let config = CONFIG.load(&chain.deps.storage).unwrap();
    let mut unset = config.clone();
    unset.randomness = None;
    CONFIG.save(&mut chain.unit.deps.storage, &unset).unwrap();
    assert_eq!(
        chain.refused(&anyone, draw_msg(LUCKY)),
        ContractError::RandomnessNotSet
    );
    CONFIG.save(&mut chain.unit.deps.storage, &config).unwrap();

    chain.execute(&anyone, draw_msg(LUCKY)).unwrap();
    let first = lucky_backers(&chain, LUCKY).unwrap();
    assert_eq!(first.drawn.len(), 2);
    chain.answer_draw(DrawStatus::Ready, Some(seed(4)));
    assert_eq!(
        chain.refused(&anyone, draw_msg(LUCKY)),
        ContractError::LuckyBackersAlreadyDrawn
    );
    assert_eq!(lucky_backers(&chain, LUCKY).unwrap(), first);
}

/// A failed campaign refunds its backers and draws nothing.
#[test]
fn a_failed_campaign_draws_nothing() {
    let (mut chain, _) = lucky_chain(1);
    let backer = fan(&chain, 0);
    pledge(&mut chain, &backer, 100);
    finalize(&mut chain);
    chain.answer_draw(DrawStatus::Ready, Some(seed(5)));
    assert_eq!(
        chain.refused(&backer, draw_msg(LUCKY)),
        ContractError::NotSucceeded
    );
    chain
        .execute(&backer, ExecuteMsg::Refund { campaign_id: LUCKY })
        .unwrap();
}

/// A campaign without a lucky draw pays nothing for the feature: no number, no draw request, and
/// its records keep their bytes.
#[test]
fn campaigns_without_a_lucky_draw_store_no_backer_numbers() {
    let mut chain = Chain::new();
    let backers = chain.accounts.backers.clone();
    chain.pledge(0, 100 * CTC).unwrap();
    chain.pledge(1, 200 * CTC).unwrap();
    chain
        .execute(&backers[1], ExecuteMsg::WithdrawPledge { campaign_id: 1 })
        .unwrap();
    chain.pledge(1, 200 * CTC).unwrap();
    let storage: &dyn Storage = &chain.deps.storage;
    assert!(stored_keys(storage)
        .iter()
        .all(|key| !key.contains("lucky")));
    let campaign = storage.get(&CAMPAIGNS.key(1)).unwrap();
    let pledge = storage.get(&PLEDGES.key((1, &backers[0]))).unwrap();
    let config = storage.get(CONFIG.as_slice()).unwrap();
    for bytes in [campaign, pledge, config] {
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains("lucky") && !text.contains("randomness"),
            "{text}"
        );
    }
    assert_eq!(chain.campaign().lucky_numbers, None);
    assert_eq!(chain.pledge_of(1, &backers[0]).lucky_number, None);

    // Nor does a launch without one ask the randomness contract, once configured.
    set_randomness(&mut chain);
    let creator = chain.accounts.creator.clone();
    let input = campaign_input(&chain.env);
    let launch = chain
        .execute(&creator, ExecuteMsg::Launch { campaign: input })
        .unwrap();
    assert_eq!(executes(&launch).len(), 1);
}

#[test]
fn the_authority_alone_configures_the_randomness_contract() {
    let mut chain = Chain::new();
    let randomness = chain.accounts.randomness.clone();
    let creator = chain.accounts.creator.clone();
    assert!(matches!(
        chain.refused(&creator, update_randomness(&randomness)),
        ContractError::Convention(_)
    ));
    let owner = chain.accounts.owner.clone();
    let bad = ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: None,
        randomness: Some("not an address".into()),
    };
    assert!(matches!(
        chain.refused(&owner, bad),
        ContractError::Convention(_)
    ));
    chain
        .execute(&owner, update_randomness(&randomness))
        .unwrap();
    let config: ConfigResponse =
        from_json(query(chain.deps.as_ref(), chain.env.clone(), QueryMsg::Config {}).unwrap())
            .unwrap();
    assert_eq!(config.randomness, Some(randomness.clone()));
    // Set once: not another, nor the same again; the other settings still change.
    let swap = chain.addr("committee_randomness");
    for address in [&swap, &randomness] {
        assert_eq!(
            chain.refused(&owner, update_randomness(address)),
            ContractError::RandomnessFixed
        );
    }
    let fee = ExecuteMsg::UpdateConfig {
        treasury: None,
        platform_fee: Some(BasisPoints::literal(300)),
        randomness: None,
    };
    chain.execute(&owner, fee).unwrap();
    assert_eq!(
        CONFIG.load(&chain.deps.storage).unwrap().randomness,
        Some(randomness.clone())
    );

    // Or at instantiation, and fixed from then on.
    let mut fresh = Unit::<ExecuteMsg, ContractError>::new(execute);
    let msg = InstantiateMsg {
        token: chain.accounts.token.to_string(),
        registry: chain.accounts.registry.to_string(),
        ticket_nft: chain.accounts.ticket_nft.to_string(),
        treasury: chain.accounts.treasury.to_string(),
        platform_fee: BasisPoints::literal(250),
        owner: None,
        randomness: Some(randomness.to_string()),
    };
    fresh.instantiate(instantiate, &owner, msg).unwrap();
    let config: ConfigResponse = fresh.ask(query, QueryMsg::Config {});
    assert_eq!(config.randomness, Some(randomness));
    assert_eq!(
        fresh.refused(&owner, update_randomness(&swap)),
        ContractError::RandomnessFixed
    );
}

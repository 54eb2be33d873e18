//! Finding 4 of the adversarial review: a fee recipient that could never spend what it receives.
//! The owner sets a contract's treasury (or CTC's recycle pool) to the token or to another
//! platform contract, and every fee after that is locked for good. Each is refused with the same
//! error; an ordinary account is accepted.

use cosmwasm_std::{Addr, Empty, Uint128};
use ctc_interfaces::BasisPoints;
use cw_multi_test::Contract;
use serde::Serialize;

use crate::platform::{genesis_allocation, root, Platform};

fn cannot_spend(field: &str, address: &Addr, name: &str) -> String {
    format!(
        "{field} cannot be {address}: it is a platform contract (crates.io:{name}) and could never \
         pass on what it receives"
    )
}

#[test]
fn no_fee_goes_where_it_could_never_be_spent() {
    let p = Platform::new();
    let (token, tickets, tipping) = (p.token.clone(), p.tickets.clone(), p.tipping.clone());
    let (crowdfund, oracle, wager) = (p.crowdfund.clone(), p.oracle.clone(), p.wager.clone());
    let to = |treasury: &Addr| Some(treasury.to_string());

    let msg = tipping::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&token),
        fee: None,
        min_ctc_tip: None,
    };
    assert_eq!(
        p.refused(&p.owner, &tipping, &msg),
        cannot_spend("treasury", &token, "ctc-token")
    );
    let msg = crowdfund::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&tickets),
        platform_fee: None,
        randomness: None,
    };
    assert_eq!(
        p.refused(&p.owner, &crowdfund, &msg),
        cannot_spend("treasury", &tickets, "ticket-nft")
    );
    let msg = outcome_oracle::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&wager),
        arbiter: None,
        dispute_bond: None,
        arbitration_timeout_seconds: None,
    };
    assert_eq!(
        p.refused(&p.owner, &oracle, &msg),
        cannot_spend("treasury", &wager, "wager-pool")
    );
    let msg = wager_pool::msg::ExecuteMsg::UpdateConfig {
        operator: None,
        treasury: None,
        node_incentive: to(&wager),
        treasury_share: None,
        creation_bond: None,
        bet_floor: None,
        bet_ceiling: None,
        scenario_bond: None,
        scenario_min_identity: None,
        max_open_scenarios: None,
        randomness: None,
    };
    assert_eq!(
        p.refused(&p.owner, &wager, &msg),
        cannot_spend("node_incentive", &wager, "wager-pool")
    );
    let msg = ticket_nft::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&crowdfund),
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: None,
        randomness: None,
    };
    assert_eq!(
        p.refused(&p.owner, &tickets, &msg),
        cannot_spend("treasury", &crowdfund, "crowdfund")
    );
    // Recycled CTC sent to ticket-nft would sit beside its escrow, owed to nobody.
    let msg = ctc_token::msg::ExecuteMsg::SetRecyclePool {
        address: tickets.to_string(),
    };
    assert_eq!(
        p.refused(&p.owner, &token, &msg),
        cannot_spend("recycle_pool", &tickets, "ticket-nft")
    );

    // Schedules holds no money and sends none: a fee sent to it would stay there for good.
    let msg = tipping::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&p.schedules),
        fee: None,
        min_ctc_tip: None,
    };
    assert_eq!(
        p.refused(&p.owner, &tipping, &msg),
        cannot_spend("treasury", &p.schedules, "schedules")
    );

    let multisig = p.addr("committee");
    let msg = tipping::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&multisig),
        fee: None,
        min_ctc_tip: None,
    };
    p.execute(&p.owner, &tipping, &msg).unwrap();
}

/// Instantiates `code` with `msg` by the platform owner and answers the root of the refusal.
fn deploy(p: &Platform, code: Box<dyn Contract<Empty>>, msg: &impl Serialize) -> String {
    root(p.instantiate(code, &p.owner, msg, "second").unwrap_err())
}

/// The same rule when the contracts are deployed: a second tipping, crowdfund, oracle or
/// wager-pool whose treasury (or node-incentive address) is a platform contract, or a second CTC
/// whose recycle pool is one, is never instantiated.
#[test]
fn no_contract_is_deployed_with_a_fee_recipient_that_could_never_spend() {
    let p = Platform::new();
    let (token, registry, tickets) = (p.token.clone(), p.registry.clone(), p.tickets.clone());
    let (tipping, oracle, wager) = (p.tipping.clone(), p.oracle.clone(), p.wager.clone());
    let treasury = p.treasury.to_string();
    let msg = tipping::msg::InstantiateMsg {
        token: token.to_string(),
        registry: registry.to_string(),
        treasury: token.to_string(),
        fee: BasisPoints::new(200).unwrap(),
        min_ctc_tip: Uint128::one(),
        native_denoms: vec![],
        owner: None,
    };
    assert_eq!(
        deploy(&p, crate::contracts::tipping(), &msg),
        cannot_spend("treasury", &token, "ctc-token")
    );
    let msg = crowdfund::msg::InstantiateMsg {
        token: token.to_string(),
        registry: registry.to_string(),
        ticket_nft: tickets.to_string(),
        treasury: tipping.to_string(),
        platform_fee: BasisPoints::new(300).unwrap(),
        owner: None,
        randomness: None,
    };
    assert_eq!(
        deploy(&p, crate::contracts::crowdfund(), &msg),
        cannot_spend("treasury", &tipping, "tipping")
    );
    let msg = outcome_oracle::msg::InstantiateMsg {
        token: token.to_string(),
        registry: registry.to_string(),
        treasury: registry.to_string(),
        arbiter: p.owner.to_string(),
        dispute_bond: Uint128::new(100),
        arbitration_timeout_seconds: 7 * 86_400,
        min_dispute_window_seconds: None,
        creators: vec![],
        owner: None,
    };
    assert_eq!(
        deploy(&p, crate::contracts::outcome_oracle(), &msg),
        cannot_spend("treasury", &registry, "partner-registry")
    );
    let msg = wager_pool::msg::InstantiateMsg {
        token: token.to_string(),
        registry: registry.to_string(),
        oracle: oracle.to_string(),
        operator: p.owner.to_string(),
        treasury: treasury.clone(),
        node_incentive: oracle.to_string(),
        treasury_share: BasisPoints::new(6_000).unwrap(),
        creation_bond: Uint128::new(100),
        owner: None,
        bet_floor: None,
        bet_ceiling: None,
        scenario_bond: None,
        scenario_min_identity: None,
        max_open_scenarios: None,
        randomness: None,
    };
    assert_eq!(
        deploy(&p, crate::contracts::wager_pool(), &msg),
        cannot_spend("node_incentive", &oracle, "outcome-oracle")
    );
    let buckets = ["a", "b", "c", "d", "e", "f"].map(|name| p.addr(name));
    let msg = ctc_token::msg::InstantiateMsg {
        allocation: genesis_allocation(&buckets),
        recycle_pool: Some(wager.to_string()),
        owner: None,
        marketing: None,
    };
    assert_eq!(
        deploy(&p, crate::contracts::ctc_token(), &msg),
        cannot_spend("recycle_pool", &wager, "wager-pool")
    );
}

//! Finding 4 of the adversarial review: a fee recipient that could never spend what it receives.
//! The owner sets a contract's treasury (or CTC's recycle pool) to the token or to another
//! platform contract, and every fee after that is locked for good. Each is refused with the same
//! error; an ordinary account is accepted.

use cosmwasm_std::Addr;
use cw_multi_test::Executor;
use serde::Serialize;

use crate::platform::Platform;

fn refused(p: &mut Platform, contract: &Addr, msg: &(impl Serialize + std::fmt::Debug)) -> String {
    let owner = p.owner.clone();
    p.app
        .execute_contract(owner, contract.clone(), msg, &[])
        .unwrap_err()
        .root_cause()
        .to_string()
}

fn cannot_spend(field: &str, address: &Addr, name: &str) -> String {
    format!(
        "{field} cannot be {address}: it is a platform contract (crates.io:{name}) and could never \
         pass on what it receives"
    )
}

#[test]
fn no_fee_goes_where_it_could_never_be_spent() {
    let mut p = Platform::new();
    let (token, tickets, tipping) = (p.token.clone(), p.tickets.clone(), p.tipping.clone());
    let (crowdfund, oracle, wager) = (p.crowdfund.clone(), p.oracle.clone(), p.wager.clone());
    let to = |treasury: &Addr| Some(treasury.to_string());

    let msg = tipping::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&token),
        fee: None,
        min_ctc_tip: None,
    };
    assert_eq!(
        refused(&mut p, &tipping, &msg),
        cannot_spend("treasury", &token, "ctc-token")
    );
    let msg = crowdfund::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&tickets),
        platform_fee: None,
    };
    assert_eq!(
        refused(&mut p, &crowdfund, &msg),
        cannot_spend("treasury", &tickets, "ticket-nft")
    );
    let msg = outcome_oracle::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&wager),
        arbiter: None,
        dispute_bond: None,
        arbitration_timeout_seconds: None,
    };
    assert_eq!(
        refused(&mut p, &oracle, &msg),
        cannot_spend("treasury", &wager, "wager-pool")
    );
    let msg = wager_pool::msg::ExecuteMsg::UpdateConfig {
        operator: None,
        treasury: None,
        node_incentive: to(&wager),
        treasury_share: None,
        creation_bond: None,
    };
    assert_eq!(
        refused(&mut p, &wager, &msg),
        cannot_spend("node_incentive", &wager, "wager-pool")
    );
    let msg = ticket_nft::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&crowdfund),
        platform_fee: None,
        burn_share: None,
        settlement_delay_seconds: None,
    };
    assert_eq!(
        refused(&mut p, &tickets, &msg),
        cannot_spend("treasury", &crowdfund, "crowdfund")
    );
    // Recycled CTC sent to ticket-nft would sit beside its escrow, owed to nobody.
    let msg = ctc_token::msg::ExecuteMsg::SetRecyclePool {
        address: tickets.to_string(),
    };
    assert_eq!(
        refused(&mut p, &token, &msg),
        cannot_spend("recycle_pool", &tickets, "ticket-nft")
    );

    let multisig = p.app.api().addr_make("committee");
    let owner = p.owner.clone();
    let msg = tipping::msg::ExecuteMsg::UpdateConfig {
        treasury: to(&multisig),
        fee: None,
        min_ctc_tip: None,
    };
    p.app.execute_contract(owner, tipping, &msg, &[]).unwrap();
}

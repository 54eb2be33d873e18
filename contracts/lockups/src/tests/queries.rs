use super::*;
use crate::msg::{GrantsResponse, VestedResponse};

fn ids(
    chain: &Chain,
    beneficiary: Option<&Addr>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Vec<u64> {
    let page: GrantsResponse = chain.ask(QueryMsg::Grants {
        beneficiary: beneficiary.map(Addr::to_string),
        start_after,
        limit,
    });
    page.grants.iter().map(|g| g.id).collect()
}

#[test]
fn grants_are_paged_by_id_and_by_beneficiary() {
    let mut chain = Chain::new();
    let (alice, bob, stranger) = (
        chain.accounts.alice.clone(),
        chain.accounts.bob.clone(),
        chain.accounts.stranger.clone(),
    );
    let schedule = linear(chain.at(0), chain.at(0), chain.at(100));
    for n in 0..13 {
        let who = if n % 3 == 0 { &bob } else { &alice };
        chain.grant(who, CTC, schedule.clone(), false).unwrap();
    }
    assert_eq!(ids(&chain, None, None, None), (1..=10).collect::<Vec<_>>());
    assert_eq!(ids(&chain, None, Some(10), None), [11, 12, 13]);
    assert_eq!(ids(&chain, None, Some(2), Some(3)), [3, 4, 5]);
    assert_eq!(ids(&chain, Some(&bob), None, None), [1, 4, 7, 10, 13]);
    assert_eq!(ids(&chain, Some(&bob), Some(4), Some(2)), [7, 10]);
    assert_eq!(ids(&chain, Some(&alice), Some(11), None), [12]);
    assert!(ids(&chain, Some(&stranger), None, None).is_empty());
    // Each entry answers as `grant` does.
    chain.set_time(40);
    let page: GrantsResponse = chain.ask(QueryMsg::Grants {
        beneficiary: Some(bob.to_string()),
        start_after: None,
        limit: Some(1),
    });
    assert_eq!(page.grants, [chain.grant_info(1)]);
    assert_eq!(page.grants[0].vested_now, u(CTC * 40 / 100));
    assert!(matches!(
        chain.ask_err(QueryMsg::Grants {
            beneficiary: None,
            start_after: None,
            limit: Some(51)
        }),
        ContractError::Convention(ConventionError::PageLimit(_))
    ));
    assert!(matches!(
        chain.ask_err(QueryMsg::Grants {
            beneficiary: Some("bad".into()),
            start_after: None,
            limit: None
        }),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "beneficiary",
            ..
        })
    ));
}

#[test]
fn vested_answers_at_any_time_and_stops_at_a_revocation() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let id = chain
        .grant(
            &alice,
            1_000,
            linear(chain.at(0), chain.at(100), chain.at(1_000)),
            true,
        )
        .unwrap();
    let vested = |chain: &Chain, at: Option<u64>| {
        let answer: VestedResponse = chain.ask(QueryMsg::Vested {
            grant_id: id,
            at: at.map(|s| chain.at(s)),
        });
        assert_eq!(answer.grant_id, id);
        answer.vested.u128()
    };
    assert_eq!(vested(&chain, None), 0);
    assert_eq!(vested(&chain, Some(99)), 0);
    assert_eq!(vested(&chain, Some(100)), 100);
    assert_eq!(vested(&chain, Some(2_000)), 1_000);
    chain.set_time(250);
    let answer: VestedResponse = chain.ask(QueryMsg::Vested {
        grant_id: id,
        at: None,
    });
    assert_eq!((answer.at, answer.vested), (chain.at(250), u(250)));
    chain.revoke(id).unwrap();
    assert_eq!(vested(&chain, Some(200)), 200);
    assert_eq!(vested(&chain, Some(2_000)), 250);
    assert_eq!(
        chain.ask_err(QueryMsg::Vested {
            grant_id: 2,
            at: None
        }),
        ContractError::UnknownGrant { grant_id: 2 }
    );
}

#[test]
fn vested_before_the_start_is_zero_for_both_kinds() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let linear_id = chain
        .grant(
            &alice,
            1_000,
            linear(chain.at(500), chain.at(500), chain.at(1_500)),
            false,
        )
        .unwrap();
    let tranches_id = chain
        .grant(&alice, 1_000, monthly(chain.at(MONTH), 10, MONTH), false)
        .unwrap();
    for (id, first) in [(linear_id, 500), (tranches_id, MONTH)] {
        for seconds in [0, first - 1] {
            let answer: VestedResponse = chain.ask(QueryMsg::Vested {
                grant_id: id,
                at: Some(chain.at(seconds)),
            });
            assert_eq!(answer.vested, u(0));
        }
        // Even at a time before the chain's own clock.
        let answer: VestedResponse = chain.ask(QueryMsg::Vested {
            grant_id: id,
            at: Some(Timestamp::from_nanos(0)),
        });
        assert_eq!(answer.vested, u(0));
    }
}

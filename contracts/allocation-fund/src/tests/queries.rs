use ctc_interfaces::paging::PageLimitError;

use super::*;
use crate::msg::{EntriesResponse, RoundsResponse, VerifyHoldingsResponse};

#[test]
fn the_ledger_of_a_fund_without_a_token_is_empty_and_balanced() {
    let chain = Chain::new();
    let ledger = chain.ledger();
    assert_eq!(
        ledger,
        LedgerResponse {
            received: Uint128::zero(),
            paid_out: Uint128::zero(),
            reserved: Uint128::zero(),
            available: Uint128::zero(),
            balance: Uint128::zero(),
            balanced: true,
            entries: 0,
            rounds: 0,
        }
    );
}

#[test]
fn entries_and_rounds_page_by_id() {
    let mut chain = Chain::funded();
    let donor = chain.addr("donor");
    for n in 1..=12u128 {
        chain.send(&donor, n * CTC, &donate(None, None)).unwrap();
    }
    let ids = |chain: &Chain, start_after, limit| -> Vec<u64> {
        let page: EntriesResponse = chain.ask(QueryMsg::Entries { start_after, limit });
        page.entries.iter().map(|e| e.id).collect()
    };
    assert_eq!(ids(&chain, None, None), (1..=10).collect::<Vec<_>>());
    assert_eq!(ids(&chain, Some(10), None), [11, 12, 13]);
    assert_eq!(ids(&chain, Some(3), Some(2)), [4, 5]);
    assert_eq!(ids(&chain, Some(13), None), Vec::<u64>::new());
    assert!(matches!(
        chain.ask_err(QueryMsg::Entries {
            start_after: None,
            limit: Some(51)
        }),
        ContractError::Convention(ConventionError::PageLimit(PageLimitError { .. }))
    ));
    let org = chain.addr("org");
    for _ in 0..3 {
        chain.open(&[(&org, CTC)], false);
    }
    let page: RoundsResponse = chain.ask(QueryMsg::Rounds {
        start_after: Some(1),
        limit: None,
    });
    assert_eq!(
        page.rounds.iter().map(|r| r.round_id).collect::<Vec<_>>(),
        [2, 3]
    );
    assert_eq!(
        chain.ask_err(QueryMsg::Round { round_id: 4 }),
        ContractError::UnknownRound { round_id: 4 }
    );
    assert_eq!(
        chain.ask_err(QueryMsg::Claimed {
            round_id: 4,
            address: org.to_string()
        }),
        ContractError::UnknownRound { round_id: 4 }
    );
}

#[test]
fn holdings_are_verified_against_the_custodians_tree() {
    let chain = Chain::new();
    let (custodian, client, other) = (
        chain.addr("custodian"),
        chain.addr("holder"),
        chain.addr("other"),
    );
    let tree = tree(
        &custodian,
        20_261_201,
        &[(&client, 42 * CTC), (&other, 8 * CTC)],
    );
    let msg = |custodian: &str, scope: u64, address: &str, amount: u128| QueryMsg::VerifyHoldings {
        custodian: custodian.into(),
        root: tree.root.clone(),
        total: tree.total,
        scope,
        address: address.into(),
        amount: Uint128::new(amount),
        proof: tree.proofs[0].clone(),
    };
    let ask = |custodian: &Addr, scope: u64, address: &Addr, amount: u128| {
        chain.ask::<VerifyHoldingsResponse>(msg(
            custodian.as_str(),
            scope,
            address.as_str(),
            amount,
        ))
    };
    assert_eq!(
        ask(&custodian, 20_261_201, &client, 42 * CTC),
        VerifyHoldingsResponse {
            valid: true,
            reason: None
        }
    );
    let refused = VerifyHoldingsResponse {
        valid: false,
        reason: Some("the proof does not rebuild the root and its total".into()),
    };
    assert_eq!(ask(&custodian, 20_261_201, &client, 43 * CTC), refused);
    assert_eq!(ask(&custodian, 20_261_202, &client, 42 * CTC), refused);
    assert_eq!(ask(&custodian, 20_261_201, &other, 42 * CTC), refused);
    // The domain is the custodian: the same list under another publisher (this fund, as if its
    // round) is another tree.
    assert_eq!(ask(&chain.fund(), 20_261_201, &client, 42 * CTC), refused);
    let short: VerifyHoldingsResponse = chain.ask(QueryMsg::VerifyHoldings {
        custodian: custodian.to_string(),
        root: root_of(3),
        total: tree.total,
        scope: 1,
        address: other.to_string(),
        amount: Uint128::one(),
        proof: vec![],
    });
    assert_eq!(short.reason.as_deref(), Some("a root is 32 bytes, not 3"));
    // Both addresses are validated: an upper-case spelling is no leaf's, and says so.
    let upper = |address: &Addr| address.as_str().to_uppercase();
    for (msg, field) in [
        (
            msg(custodian.as_str(), 20_261_201, &upper(&client), 42 * CTC),
            "address",
        ),
        (
            msg(&upper(&custodian), 20_261_201, client.as_str(), 42 * CTC),
            "custodian",
        ),
        (
            msg("custodian", 20_261_201, client.as_str(), 42 * CTC),
            "custodian",
        ),
    ] {
        let refused = chain.ask_err(msg);
        assert!(
            matches!(
                &refused,
                ContractError::Convention(ConventionError::InvalidAddress { field: f, .. })
                    if *f == field
            ),
            "{refused}"
        );
    }
    // A pure query: the registry and the token were not asked.
    assert!(chain.asked.borrow().is_empty());
}

//! The account queries and their pages.

use ctc_interfaces::paging::{PageLimitError, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT};

use super::*;

#[test]
fn an_address_the_factory_did_not_create_has_no_record() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    chain.created(&fan, &fan);
    assert_eq!(chain.account(&fan), None);
    assert_eq!(chain.account(&chain.addr("account-2")), None);
    let refused = chain.ask_err(QueryMsg::Account {
        address: "Not-An-Address".into(),
    });
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "address",
                ..
            })
        ),
        "{refused}"
    );
}

fn page(chain: &Chain, start_after: Option<&Addr>, limit: Option<u32>) -> Vec<Addr> {
    let page: AccountsResponse = chain.ask(QueryMsg::Accounts {
        start_after: start_after.map(Addr::to_string),
        limit,
    });
    page.accounts.into_iter().map(|a| a.address).collect()
}

#[test]
fn accounts_page_through_every_account_in_address_order() {
    let mut chain = Chain::new();
    let (partner, fan, other) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.addr("other-fan"),
    );
    let mut all: Vec<Addr> = (0..DEFAULT_PAGE_LIMIT + 3)
        .map(|i| {
            let operator = if i % 2 == 0 { &fan } else { &other };
            chain.created(&partner, operator)
        })
        .collect();
    all.sort();
    assert_eq!(page(&chain, None, None), all[..DEFAULT_PAGE_LIMIT as usize]);
    assert_eq!(page(&chain, None, Some(3)), all[..3]);
    assert_eq!(page(&chain, Some(&all[2]), Some(3)), all[3..6]);
    let last = all.len() - 1;
    assert_eq!(page(&chain, Some(&all[last - 1]), None), all[last..]);
    assert!(page(&chain, Some(&all[last]), None).is_empty());
    // Every record in full.
    let full: AccountsResponse = chain.ask(QueryMsg::Accounts {
        start_after: None,
        limit: Some(1),
    });
    assert_eq!(Some(full.accounts[0].clone()), chain.account(&all[0]));
    assert_eq!(
        chain.ask_err(QueryMsg::Accounts {
            start_after: None,
            limit: Some(MAX_PAGE_LIMIT + 1),
        }),
        convention(PageLimitError {
            requested: MAX_PAGE_LIMIT + 1,
            max: MAX_PAGE_LIMIT
        })
    );
}

#[test]
fn accounts_of_pages_through_one_operators_accounts() {
    let mut chain = Chain::new();
    let (partner, fan, other) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.addr("other-fan"),
    );
    let mut mine = vec![];
    for i in 0..5 {
        mine.push(chain.created(&partner, &fan));
        if i % 2 == 0 {
            chain.created(&partner, &other);
        }
    }
    mine.sort();
    assert_eq!(chain.accounts_of(&fan, None, None), mine);
    assert_eq!(chain.accounts_of(&fan, None, Some(2)), mine[..2]);
    assert_eq!(chain.accounts_of(&fan, Some(&mine[1]), Some(2)), mine[2..4]);
    assert_eq!(chain.accounts_of(&fan, Some(&mine[3]), None), mine[4..]);
    assert_eq!(chain.accounts_of(&other, None, None).len(), 3);
    assert!(chain.accounts_of(&chain.stranger, None, None).is_empty());
    let page: AccountsResponse = chain.ask(QueryMsg::AccountsOf {
        operator: fan.to_string(),
        start_after: None,
        limit: Some(1),
    });
    assert_eq!(Some(page.accounts[0].clone()), chain.account(&mine[0]));
    assert_eq!(
        chain.ask_err(QueryMsg::AccountsOf {
            operator: fan.to_string(),
            start_after: None,
            limit: Some(MAX_PAGE_LIMIT + 1),
        }),
        convention(PageLimitError {
            requested: MAX_PAGE_LIMIT + 1,
            max: MAX_PAGE_LIMIT
        })
    );
    let refused = chain.ask_err(QueryMsg::AccountsOf {
        operator: fan.to_string(),
        start_after: Some("Not-An-Address".into()),
        limit: None,
    });
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "start_after",
                ..
            })
        ),
        "{refused}"
    );
}

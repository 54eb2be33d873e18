//! The queries not covered with the messages they follow: history paging, delegates, migration.

use crate::contract::migrate;
use crate::msg::{DelegatesResponse, MigrateMsg, RecoveriesResponse};

use super::*;

#[test]
fn the_history_is_paged_by_id() {
    let mut chain = Chain::new();
    let (friend1, new_key) = (chain.friend1.clone(), chain.new_key.clone());
    for _ in 0..3 {
        let id = attribute(&chain.propose(&friend1, &new_key).unwrap(), "id");
        chain
            .execute(
                &friend1,
                ExecuteMsg::WithdrawRecovery {
                    id: id.parse().unwrap(),
                },
            )
            .unwrap();
    }
    let page = |start_after, limit| -> Vec<u32> {
        let answer: RecoveriesResponse = chain.ask(QueryMsg::Recoveries { start_after, limit });
        answer.recoveries.iter().map(|r| r.id).collect()
    };
    assert_eq!(page(None, None), [1, 2, 3]);
    assert_eq!(page(Some(1), Some(1)), [2]);
    assert_eq!(page(Some(3), None), Vec::<u32>::new());
    let err = chain.ask_refused(QueryMsg::Recoveries {
        start_after: None,
        limit: Some(51),
    });
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::PageLimit(_))
    ));
}

#[test]
fn delegates_are_listed_with_their_windows() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    let msg = chain.transfer(&chain.stranger, 20 * CTC);
    chain.run(&delegate, vec![msg]).unwrap();
    let listed: DelegatesResponse = chain.ask(QueryMsg::Delegates {});
    assert_eq!(listed.delegates, [chain.delegate_info(&delegate)]);
    let info = &listed.delegates[0];
    assert_eq!(info.address, delegate);
    assert_eq!(info.spent, Uint128::new(20 * CTC));
    assert_eq!(info.left, Uint128::new(30 * CTC));
    assert!(!info.expired);
    // After the window: nothing spent, no window open.
    chain.advance(DAY);
    let info = chain.delegate_info(&delegate);
    assert_eq!(info.spent, Uint128::zero());
    assert_eq!(info.window_ends_at, None);
    assert_eq!(info.left, Uint128::new(50 * CTC));
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.ask_refused(QueryMsg::Delegate {
            address: stranger.to_string()
        }),
        ContractError::NoGrant {
            address: stranger.to_string()
        }
    );
}

#[test]
fn migration_moves_forward_only_within_the_contract() {
    let mut chain = Chain::new();
    let response = chain
        .migrate_from(migrate, "crates.io:fan-account", "0.1.0", MigrateMsg {})
        .unwrap();
    assert_eq!(attribute(&response, "from_version"), "0.1.0");
    let err = chain
        .migrate_from(migrate, "crates.io:ticket-nft", "0.1.0", MigrateMsg {})
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
    let err = chain
        .migrate_from(migrate, "crates.io:fan-account", "9.0.0", MigrateMsg {})
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::CannotMigrate { .. })
    ));
}

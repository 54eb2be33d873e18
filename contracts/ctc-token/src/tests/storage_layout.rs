//! The raw keys this contract writes, pinned: a renamed namespace, a changed key encoding or a
//! moved bucket slot would strand what a deployed token has stored, so each fails here first.

use cosmwasm_std::{Addr, Uint128};
use ctc_interfaces::token::AllocationBucket;
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::state::{Recycling, GENESIS_ADDRESSES, RECYCLING};

#[test]
fn every_item_of_the_extension_has_its_pinned_key() {
    let mut token = Token::new(execute);
    let pool = token.addr("pool");
    GENESIS_ADDRESSES
        .save(&mut token.deps.storage, &vec![pool.clone()])
        .unwrap();
    RECYCLING
        .save(
            &mut token.deps.storage,
            &Recycling {
                pool,
                recycled: Uint128::zero(),
            },
        )
        .unwrap();
    assert_eq!(stored_keys(&token.deps.storage), ["genesis", "recycling"]);
}

#[test]
fn each_bucket_keeps_its_slot() {
    let slots = [
        (AllocationBucket::FoundingTeam, 0),
        (AllocationBucket::InstitutionalInvestors, 1),
        (AllocationBucket::ServiceProviders, 2),
        (AllocationBucket::BusinessDevelopment, 3),
        (AllocationBucket::CommunityRewards, 4),
        (AllocationBucket::PublicWelfare, 5),
    ];
    assert_eq!(AllocationBucket::ALL.len(), slots.len());
    for (bucket, slot) in slots {
        assert_eq!(bucket.index(), slot, "{bucket:?}");
    }
    let (token, accounts) = setup();
    let stored = GENESIS_ADDRESSES.load(&token.deps.storage).unwrap();
    assert_eq!(stored, accounts.genesis);
    // `Accounts::genesis` is in slot order: the address a bucket was given sits in its slot.
    assert_eq!(
        stored[AllocationBucket::CommunityRewards.index()],
        *accounts.community()
    );
}

/// Beside the extension: cw20-base's balances, token info and marketing, cw2 and cw-ownable.
#[test]
fn an_instantiated_token_stores_exactly_these_keys() {
    let (token, accounts) = setup();
    let mut known: Vec<(&str, &Addr)> =
        genesis_names().into_iter().zip(&accounts.genesis).collect();
    known.push(("owner", &accounts.owner));
    let mut keys = stored_keys_naming(&token.deps.storage, &known);
    keys.sort();
    let mut expected = vec![
        "contract_info".to_owned(),
        "genesis".to_owned(),
        "marketing_info".to_owned(),
        "ownership".to_owned(),
        "recycling".to_owned(),
        "token_info".to_owned(),
    ];
    expected.extend(genesis_names().map(|name| format!("\\x00\\x07balance<{name}>")));
    expected.sort();
    assert_eq!(keys, expected);
}

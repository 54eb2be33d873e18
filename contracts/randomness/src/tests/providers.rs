//! Joining with at least the bond, as an admitted and active partner, through CTC only; adding
//! to the deposit; leaving once settled; removal on the registry's word.

use cosmwasm_std::coins;
use ctc_interfaces::randomness::DrawStatus;

use super::*;
use crate::msg::{ProvidersResponse, Standing};

#[test]
fn a_partner_joins_with_at_least_the_bond() {
    let mut chain = Chain::new();
    let (p0, p1) = (chain.p(0), chain.p(1));
    for short in [0, 1, BOND - 1] {
        assert_eq!(
            chain.join_with(&p0, short).unwrap_err(),
            ContractError::BondTooLow {
                minimum: Uint128::new(BOND),
                sent: Uint128::new(short)
            }
        );
    }
    let joined = chain.join(&p0).unwrap();
    assert_eq!(attribute(&joined, "action"), "join");
    assert_eq!(attribute(&joined, "bond"), BOND.to_string());
    let provider = chain.provider(&p0);
    assert_eq!(
        (provider.bond, provider.pending, provider.standing),
        (Uint128::new(BOND), 0, Standing::Active)
    );
    // Any amount of at least one stake: a multiple is not required.
    chain.join_with(&p1, BOND + BOND / 2).unwrap();
    assert_eq!(chain.provider(&p1).bond, Uint128::new(BOND + BOND / 2));
    assert_eq!(chain.balance, 2 * BOND + BOND / 2);
}

/// The same hook from a provider in good standing adds to its deposit, by any amount but zero.
#[test]
fn an_active_provider_tops_up_its_deposit() {
    let mut chain = Chain::new();
    chain.join_first(1);
    let p0 = chain.p(0);
    assert_eq!(
        chain.join_with(&p0, 0).unwrap_err(),
        ContractError::ZeroTopUp
    );
    let topped = chain.join_with(&p0, 1).unwrap();
    assert_eq!(attribute(&topped, "action"), "top_up");
    assert_eq!(attribute(&topped, "added"), "1");
    assert_eq!(attribute(&topped, "bond"), (BOND + 1).to_string());
    chain.join(&p0).unwrap();
    let provider = chain.provider(&p0);
    assert_eq!(
        (provider.bond, provider.standing),
        (Uint128::new(2 * BOND + 1), Standing::Active)
    );
    // The registry is asked again: a partner it no longer answers active adds nothing.
    chain.set_partner(&p0, true, false);
    assert_eq!(
        chain.join(&p0).unwrap_err(),
        ContractError::PartnerNotActive {
            address: p0.to_string()
        }
    );
    assert_eq!(chain.balance, 2 * BOND + 1);
    // All of it leaves together.
    assert_eq!(chain.leave(&p0), Ok(2 * BOND + 1));
    assert_eq!(chain.balance, 0);
}

/// A removed provider commits no more: more deposit would only wait here. It leaves first.
#[test]
fn a_removed_provider_cannot_top_up() {
    let mut chain = Chain::new();
    chain.join_first(1);
    let (p0, stranger) = (chain.p(0), chain.stranger.clone());
    chain.set_partner(&p0, true, false);
    chain
        .execute(
            &stranger,
            ExecuteMsg::Remove {
                provider: p0.to_string(),
            },
        )
        .unwrap();
    chain.set_partner(&p0, true, true);
    assert_eq!(
        chain.join(&p0).unwrap_err(),
        ContractError::NoTopUp {
            address: p0.to_string(),
            standing: Standing::Removed
        }
    );
    assert_eq!(chain.leave(&p0), Ok(BOND));
    chain.join(&p0).unwrap();
    assert_eq!(chain.provider(&p0).standing, Standing::Active);
}

#[test]
fn only_an_admitted_active_partner_joins() {
    let mut chain = Chain::new();
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.join(&stranger).unwrap_err(),
        ContractError::NotAPartner {
            address: stranger.to_string()
        }
    );
    let suspended = chain.p(0);
    chain.set_partner(&suspended, true, false);
    assert_eq!(
        chain.join(&suspended).unwrap_err(),
        ContractError::PartnerNotActive {
            address: suspended.to_string()
        }
    );
    assert_eq!(chain.balance, 0);
}

/// Any cw20 can call `receive`: a hook from another token would post worthless units as a bond.
#[test]
fn a_hook_from_another_cw20_is_refused() {
    let mut chain = Chain::new();
    let (fake, p0) = (chain.addr("fake-ctc"), chain.p(0));
    let refused = chain
        .unit
        .ctc_send(
            &fake,
            &p0,
            BOND,
            &RandomnessReceiveMsg::Join {},
            ExecuteMsg::Receive,
        )
        .unwrap_err();
    assert_eq!(refused, convention(ConventionError::WrongToken));
    assert_eq!(
        chain.ask_err(QueryMsg::Provider {
            address: p0.to_string()
        }),
        ContractError::NotAProvider {
            address: p0.to_string()
        }
    );
}

/// Only CTC is held here: coins sent along would be locked for good.
#[test]
fn coins_are_refused() {
    let mut chain = Chain::new();
    chain.join_first(1);
    let p0 = chain.p(0);
    let refused = chain.refused_with(&p0, &coins(5, "ustake"), ExecuteMsg::Leave {});
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::Payment(_))
        ),
        "{refused}"
    );
    assert_eq!(chain.provider(&p0).bond, Uint128::new(BOND));
}

#[test]
fn a_provider_leaves_with_its_bond_only_when_nothing_is_pending() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    assert_eq!(
        chain.leave(&p0),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    chain.advance(COMMIT_SECONDS);
    chain.reveal(&p0, 1, &secret(0)).unwrap();
    assert_eq!(chain.leave(&p0), Ok(BOND));
    assert_eq!(chain.paid_to(&p0), BOND);
    assert_eq!(
        chain.leave(&p0),
        Err(ContractError::NotAProvider {
            address: p0.to_string()
        })
    );
    let stranger = chain.stranger.clone();
    assert_eq!(
        chain.leave(&stranger),
        Err(ContractError::NotAProvider {
            address: stranger.to_string()
        })
    );
    assert_eq!(chain.balance, BOND);
}

#[test]
fn the_registry_s_word_removes_a_provider_who_keeps_its_bond() {
    let mut chain = Chain::new();
    chain.join_first(3);
    let (p0, p1, p2) = (chain.p(0), chain.p(1), chain.p(2));
    chain.request(1, None).unwrap();
    chain.commit(&p0, 1, &secret(0)).unwrap();
    chain.commit(&p1, 1, &secret(1)).unwrap();
    let stranger = chain.stranger.clone();
    let remove = |who: &Addr| ExecuteMsg::Remove {
        provider: who.to_string(),
    };
    assert_eq!(
        chain.refused(&stranger, remove(&p0)),
        ContractError::StillAnActivePartner {
            address: p0.to_string()
        }
    );
    assert_eq!(
        chain.refused(&stranger, remove(&stranger)),
        ContractError::NotAProvider {
            address: stranger.to_string()
        }
    );
    chain.set_partner(&p0, true, false);
    chain.execute(&stranger, remove(&p0)).unwrap();
    assert_eq!(chain.provider(&p0).standing, Standing::Removed);
    assert_eq!(
        chain.refused(&stranger, remove(&p0)),
        ContractError::NotInGoodStanding {
            address: p0.to_string(),
            standing: Standing::Removed
        }
    );
    // No longer a partner at all (revoked): the same.
    chain.set_partner(&p2, false, false);
    chain.execute(&stranger, remove(&p2)).unwrap();
    // Removed: no new commitment, but the pending one is still revealed, then the bond leaves.
    chain.request(2, None).unwrap();
    assert_eq!(
        chain.commit(&p0, 2, &secret(5)).unwrap_err(),
        ContractError::NotInGoodStanding {
            address: p0.to_string(),
            standing: Standing::Removed
        }
    );
    chain.advance(COMMIT_SECONDS);
    assert_eq!(
        chain.leave(&p0),
        Err(ContractError::PendingCommitments { pending: 1 })
    );
    chain.reveal(&p0, 1, &secret(0)).unwrap();
    chain.reveal(&p1, 1, &secret(1)).unwrap();
    assert_eq!(chain.draw(1).status, DrawStatus::Ready);
    assert_eq!(chain.leave(&p0), Ok(BOND));
    assert_eq!(chain.leave(&p2), Ok(BOND));
}

#[test]
fn providers_are_listed_by_address_in_pages() {
    let mut chain = Chain::new();
    chain.join_first(5);
    let mut expected: Vec<Addr> = chain.partners[..5].to_vec();
    expected.sort();
    let mut listed = vec![];
    let mut start_after = None;
    loop {
        let page: ProvidersResponse = chain.ask(QueryMsg::Providers {
            start_after: start_after.clone(),
            limit: Some(2),
        });
        let Some(last) = page.providers.last() else {
            break;
        };
        start_after = Some(last.address.to_string());
        assert!(page.providers.len() <= 2);
        listed.extend(page.providers.into_iter().map(|p| p.address));
    }
    assert_eq!(listed, expected);
    assert!(matches!(
        chain.ask_err(QueryMsg::Providers {
            start_after: None,
            limit: Some(51)
        }),
        ContractError::Convention(ConventionError::PageLimit(_))
    ));
}

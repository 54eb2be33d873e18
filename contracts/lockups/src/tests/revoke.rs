use ctc_conventions::AdminError;
use cw_ownable::OwnershipError;

use super::*;

#[test]
fn revoking_keeps_the_vested_part_claimable_and_returns_the_rest() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let amount = 1_200 * CTC;
    let id = chain
        .grant(
            &alice,
            amount,
            linear(chain.at(0), chain.at(100), chain.at(1_200)),
            true,
        )
        .unwrap();
    chain.set_time(300);
    chain.claim(&alice, id).unwrap();
    chain.set_time(400);
    let response = chain.revoke(id).unwrap();
    assert_eq!(attribute(&response, "action"), "revoke");
    assert_eq!(attribute(&response, "vested"), (400 * CTC).to_string());
    assert_eq!(attribute(&response, "returned"), (800 * CTC).to_string());
    let grant = chain.grant_info(id);
    assert_eq!(grant.revoked_at, Some(chain.at(400)));
    assert_eq!(grant.amount, u(amount));
    assert_eq!(grant.claimable_now, u(100 * CTC));
    let totals = chain.totals();
    assert_eq!(totals.unallocated, u(BUCKET - 400 * CTC));
    assert_eq!(totals.granted_outstanding, u(100 * CTC));
    assert_eq!(totals.booked_balance, u(BUCKET - 300 * CTC));
    // It vests nothing after the revocation, however long one waits.
    chain.set_time(2_000);
    assert_eq!(chain.grant_info(id).vested_now, u(400 * CTC));
    assert_eq!(chain.claim(&alice, id).unwrap().1, 100 * CTC);
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    assert_eq!(chain.paid_to(&alice), 400 * CTC);
    // What returned can be granted again, and only that.
    let bob = chain.accounts.bob.clone();
    let all = BUCKET - 400 * CTC;
    chain
        .grant(
            &bob,
            all,
            linear(chain.at(0), chain.at(0), chain.at(1)),
            false,
        )
        .unwrap();
    assert_eq!(chain.totals().unallocated, u(0));
    assert_eq!(
        chain.revoke(id).unwrap_err(),
        ContractError::AlreadyRevoked { grant_id: id }
    );
}

#[test]
fn revoking_before_the_cliff_returns_everything() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let id = chain
        .grant(&alice, 50 * CTC, monthly(chain.at(MONTH), 10, MONTH), true)
        .unwrap();
    chain.set_time(MONTH - 1);
    let response = chain.revoke(id).unwrap();
    assert_eq!(attribute(&response, "returned"), (50 * CTC).to_string());
    chain.set_time(20 * MONTH);
    assert!(matches!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { .. }
    ));
    assert_eq!(chain.totals().unallocated, u(BUCKET));
    assert_eq!(chain.totals().granted_outstanding, u(0));
}

#[test]
fn only_the_owner_revokes_and_only_revocable_unfinished_grants_once() {
    let mut chain = Chain::new();
    let (alice, stranger) = (
        chain.accounts.alice.clone(),
        chain.accounts.stranger.clone(),
    );
    let schedule = linear(chain.at(0), chain.at(0), chain.at(100));
    let fixed = chain.grant(&alice, CTC, schedule.clone(), false).unwrap();
    let revocable = chain.grant(&alice, CTC, schedule, true).unwrap();
    chain.set_time(50);
    assert_eq!(
        chain.refused(
            &stranger,
            ExecuteMsg::Revoke {
                grant_id: revocable
            }
        ),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    assert_eq!(
        chain.refused(
            &alice,
            ExecuteMsg::Revoke {
                grant_id: revocable
            }
        ),
        convention(AdminError::Ownership(OwnershipError::NotOwner))
    );
    assert_eq!(
        chain.revoke(fixed).unwrap_err(),
        ContractError::NotRevocable { grant_id: fixed }
    );
    assert_eq!(
        chain.revoke(9).unwrap_err(),
        ContractError::UnknownGrant { grant_id: 9 }
    );
    chain.revoke(revocable).unwrap();
    assert_eq!(
        chain.revoke(revocable).unwrap_err(),
        ContractError::AlreadyRevoked {
            grant_id: revocable
        }
    );
    // A grant that has vested in full has nothing left to take back.
    let done = chain
        .grant(
            &alice,
            CTC,
            linear(chain.at(0), chain.at(0), chain.at(10)),
            true,
        )
        .unwrap();
    assert_eq!(
        chain.revoke(done).unwrap_err(),
        ContractError::FullyVested { grant_id: done }
    );
}

/// Revokes grant `id` at `seconds`, checks what it answers, then claims at the revocation's
/// own block and again much later: the vested part is paid once, nothing more ever vests.
fn revoke_then_claim(chain: &mut Chain, id: u64, seconds: u64, amount: u128, vested: u128) {
    let alice = chain.accounts.alice.clone();
    chain.set_time(seconds);
    let response = chain.revoke(id).unwrap();
    assert_eq!(attribute(&response, "vested"), vested.to_string());
    assert_eq!(
        attribute(&response, "returned"),
        (amount - vested).to_string()
    );
    assert_eq!(chain.grant_info(id).revoked_at, Some(chain.at(seconds)));
    assert_eq!(chain.claim(&alice, id).unwrap(), (alice.clone(), vested));
    chain.set_time(seconds + 10 * YEAR);
    assert_eq!(chain.grant_info(id).vested_now, u(vested));
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    assert_eq!(chain.paid_to(&alice), vested);
    let totals = chain.totals();
    assert_eq!(totals.granted_outstanding, u(0));
    assert_eq!(totals.unallocated, u(BUCKET - vested));
    assert_eq!(totals.booked_balance, u(BUCKET - vested));
}

#[test]
fn revoking_exactly_at_the_cliff_keeps_the_share_vested_at_the_cliff() {
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
    // The cliff itself vests: the share since the start, a tenth.
    revoke_then_claim(&mut chain, id, 100, 1_000, 100);
}

#[test]
fn revoking_one_second_before_the_end_returns_only_the_unvested_remainder() {
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
    revoke_then_claim(&mut chain, id, 999, 1_000, 999);
}

#[test]
fn revoking_at_a_tranches_exact_time_keeps_that_tranche() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let id = chain
        .grant(&alice, 1_000, monthly(chain.at(MONTH), 10, MONTH), true)
        .unwrap();
    // The third step's `at`: three steps have vested, the third included.
    revoke_then_claim(&mut chain, id, 3 * MONTH, 1_000, 300);
}

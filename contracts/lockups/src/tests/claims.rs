use super::*;

#[test]
fn nothing_is_claimed_before_the_cliff_then_exactly_the_linear_share() {
    let mut chain = Chain::new();
    let (alice, stranger) = (
        chain.accounts.alice.clone(),
        chain.accounts.stranger.clone(),
    );
    let amount = 1_000_000 * CTC + 7;
    let id = chain
        .grant(
            &alice,
            amount,
            linear(chain.at(0), chain.at(YEAR), chain.at(4 * YEAR)),
            false,
        )
        .unwrap();
    chain.set_time(YEAR - 1);
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    chain.set_time(YEAR);
    // A quarter of the way from start to end, rounded down.
    let quarter = amount / 4;
    assert_eq!(chain.grant_info(id).claimable_now, u(quarter));
    assert_eq!(chain.claim(&alice, id).unwrap(), (alice.clone(), quarter));
    // Claimed once: nothing more in the same block.
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    // 500 days in: the share of 500 days in 4 × 365, less what was paid.
    chain.set_time(500 * DAY);
    let vested = u(amount).multiply_ratio(500 * DAY, 4 * YEAR).u128();
    let response = chain
        .execute(&stranger, ExecuteMsg::Claim { grant_id: id })
        .unwrap();
    assert_eq!(attribute(&response, "action"), "claim");
    assert_eq!(attribute(&response, "beneficiary"), alice.as_str());
    assert_eq!(
        attribute(&response, "amount"),
        (vested - quarter).to_string()
    );
    assert_eq!(attribute(&response, "claimed"), vested.to_string());
    assert_eq!(
        executes(&response),
        [(
            chain.accounts.token.to_string(),
            ctc_testkit::cw20_transfer_json(&alice, vested - quarter)
        )]
    );
    *chain.balance.borrow_mut() -= vested - quarter;
    // At the end the rest, to the unit.
    chain.set_time(4 * YEAR);
    assert_eq!(chain.claim(&alice, id).unwrap().1, amount - vested);
    let grant = chain.grant_info(id);
    assert_eq!(grant.claimed, u(amount));
    assert_eq!(grant.claimable_now, u(0));
    chain.set_time(5 * YEAR);
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET - amount));
    assert_eq!(totals.granted_outstanding, u(0));
    assert_eq!(totals.claimed_total, u(amount));
    assert_eq!(*chain.balance.borrow(), BUCKET - amount);
}

#[test]
fn ten_monthly_tranches_pay_twenty_percent_after_two_and_the_remainder_last() {
    let mut chain = Chain::new();
    let bob = chain.accounts.bob.clone();
    let amount = 15_000_000 * CTC + 9;
    let id = chain
        .grant(&bob, amount, monthly(chain.at(MONTH), 10, MONTH), false)
        .unwrap();
    chain.set_time(MONTH - 1);
    assert_eq!(
        chain.refused(&bob, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    chain.set_time(2 * MONTH);
    let twenty = u(amount).multiply_ratio(2_000u32, 10_000u32).u128();
    assert_eq!(twenty, 3_000_000 * CTC + 1);
    assert_eq!(chain.claim(&bob, id).unwrap().1, twenty);
    // Between steps nothing new.
    chain.set_time(3 * MONTH - 1);
    assert!(matches!(
        chain.refused(&bob, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { .. }
    ));
    chain.set_time(9 * MONTH);
    let ninety = u(amount).multiply_ratio(9_000u32, 10_000u32).u128();
    assert_eq!(chain.claim(&bob, id).unwrap().1, ninety - twenty);
    chain.set_time(10 * MONTH);
    // The last step pays what is left, dust included: the grant is paid to the unit.
    assert_eq!(chain.claim(&bob, id).unwrap().1, amount - ninety);
    assert_eq!(chain.paid_to(&bob), amount);
}

#[test]
fn a_claim_by_a_stranger_pays_the_beneficiary() {
    let mut chain = Chain::new();
    let (alice, stranger) = (
        chain.accounts.alice.clone(),
        chain.accounts.stranger.clone(),
    );
    let id = chain
        .grant(
            &alice,
            100 * CTC,
            linear(chain.at(0), chain.at(0), chain.at(100)),
            false,
        )
        .unwrap();
    chain.set_time(30);
    assert_eq!(
        chain.claim(&stranger, id).unwrap(),
        (alice.clone(), 30 * CTC)
    );
    assert_eq!(chain.paid_to(&stranger), 0);
    assert_eq!(chain.paid_to(&alice), 30 * CTC);
}

#[test]
fn an_unknown_grant_is_refused() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: 1 }),
        ContractError::UnknownGrant { grant_id: 1 }
    );
    assert_eq!(
        chain.ask_err(QueryMsg::Grant { grant_id: 0 }),
        ContractError::UnknownGrant { grant_id: 0 }
    );
}

#[test]
fn a_one_unit_linear_grant_vests_nothing_until_its_end_then_the_unit() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let id = chain
        .grant(
            &alice,
            1,
            linear(chain.at(0), chain.at(0), chain.at(1_000)),
            false,
        )
        .unwrap();
    for seconds in [0, 1, 500, 999] {
        chain.set_time(seconds);
        assert_eq!(chain.grant_info(id).vested_now, u(0));
        assert_eq!(
            chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
            ContractError::NothingToClaim { grant_id: id }
        );
    }
    chain.set_time(1_000);
    assert_eq!(chain.claim(&alice, id).unwrap(), (alice.clone(), 1));
    assert_eq!(chain.paid_to(&alice), 1);
    assert_eq!(chain.totals().granted_outstanding, u(0));
}

#[test]
fn a_grant_starting_now_with_its_cliff_now_vests_from_the_next_second() {
    let mut chain = Chain::new();
    let alice = chain.accounts.alice.clone();
    let now = chain.env.block.time;
    let id = chain
        .grant(
            &alice,
            100 * CTC,
            linear(now, now, now.plus_seconds(100)),
            false,
        )
        .unwrap();
    // At the start the share is zero seconds' worth: nothing to claim yet.
    assert_eq!(chain.grant_info(id).vested_now, u(0));
    assert_eq!(
        chain.refused(&alice, ExecuteMsg::Claim { grant_id: id }),
        ContractError::NothingToClaim { grant_id: id }
    );
    chain.advance(1);
    assert_eq!(chain.claim(&alice, id).unwrap(), (alice.clone(), CTC));
}

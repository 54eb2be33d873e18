use super::*;

#[test]
fn a_fund_hook_from_the_token_adds_to_the_unallocated_part() {
    let mut chain = Chain::new();
    let bob = chain.accounts.bob.clone();
    let response = chain.fund(&bob, 7 * CTC).unwrap();
    assert_eq!(attribute(&response, "action"), "fund");
    assert_eq!(attribute(&response, "from"), bob.as_str());
    assert_eq!(attribute(&response, "amount"), (7 * CTC).to_string());
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET + 7 * CTC));
    assert_eq!(totals.unallocated, u(BUCKET + 7 * CTC));
    assert_eq!(*chain.balance.borrow(), BUCKET + 7 * CTC);
}

#[test]
fn a_hook_from_another_token_or_before_the_token_is_set_is_refused() {
    let mut chain = Chain::new();
    let (bob, fake) = (chain.accounts.bob.clone(), chain.addr("fake_token"));
    let refused = chain
        .ctc_send(&fake, &bob, CTC, &ReceiveMsg::Fund {}, ExecuteMsg::Receive)
        .unwrap_err();
    assert_eq!(refused, convention(ConventionError::WrongToken));
    let refused = chain
        .ctc_send(&bob, &bob, CTC, &ReceiveMsg::Fund {}, ExecuteMsg::Receive)
        .unwrap_err();
    assert_eq!(refused, convention(ConventionError::WrongToken));
    // An unknown hook is refused too, so no CTC is credited without being booked.
    let token = chain.accounts.token.clone();
    let refused = chain
        .ctc_send(&token, &bob, CTC, &"claim", ExecuteMsg::Receive)
        .unwrap_err();
    assert!(
        matches!(refused, ContractError::Convention(ConventionError::Std(_))),
        "{refused}"
    );
    assert_eq!(
        chain.refused(
            &token,
            ExecuteMsg::Receive(ctc_testkit::cw20_receive(&bob, 0, &ReceiveMsg::Fund {}))
        ),
        ContractError::ZeroAmount
    );

    let mut chain = Chain::bare();
    let token = chain.accounts.token.clone();
    let refused = chain
        .ctc_send(&token, &bob, CTC, &ReceiveMsg::Fund {}, ExecuteMsg::Receive)
        .unwrap_err();
    assert_eq!(refused, ContractError::TokenNotSet);
    assert_eq!(chain.totals().booked_balance, u(0));
}

#[test]
fn reconcile_books_plain_transfers_once() {
    let mut chain = Chain::new();
    let stranger = chain.accounts.stranger.clone();
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::NothingToReconcile {
            balance: u(BUCKET),
            booked: u(BUCKET)
        }
    );
    chain.transfer_in(3 * CTC + 1);
    let response = chain.execute(&stranger, ExecuteMsg::Reconcile {}).unwrap();
    assert_eq!(attribute(&response, "action"), "reconcile");
    assert_eq!(attribute(&response, "amount"), (3 * CTC + 1).to_string());
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET + 3 * CTC + 1));
    assert_eq!(totals.unallocated, u(BUCKET + 3 * CTC + 1));
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::NothingToReconcile {
            balance: u(BUCKET + 3 * CTC + 1),
            booked: u(BUCKET + 3 * CTC + 1)
        }
    );
    // After claims the books follow the balance down, and reconcile still finds nothing new.
    let alice = chain.accounts.alice.clone();
    let id = chain
        .grant(
            &alice,
            10 * CTC,
            linear(chain.at(0), chain.at(0), chain.at(10)),
            false,
        )
        .unwrap();
    chain.advance(4);
    chain.claim(&stranger, id).unwrap();
    assert!(matches!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::NothingToReconcile { .. }
    ));
}

#[test]
fn reconcile_books_the_bucket_when_the_token_was_given_at_instantiate() {
    let mut chain = Chain::bare();
    let stranger = chain.accounts.stranger.clone();
    assert_eq!(
        chain.refused(&stranger, ExecuteMsg::Reconcile {}),
        ContractError::TokenNotSet
    );
    // A fresh unit has the same contract address, so the mocked token names it too and the
    // instantiate's verification passes.
    let mut unit = Lockups::new(execute);
    chain.neighbours().install(&mut unit.deps);
    let (owner, token) = (unit.addr("owner"), unit.addr("ctc"));
    let msg = InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        locked_until: chain.locked_until,
    };
    unit.instantiate(instantiate, &owner, msg).unwrap();
    chain.unit = unit;
    *chain.balance.borrow_mut() = BUCKET;
    chain.install_token();
    assert_eq!(chain.totals().booked_balance, u(0));
    chain.execute(&stranger, ExecuteMsg::Reconcile {}).unwrap();
    let totals = chain.totals();
    assert_eq!(totals.booked_balance, u(BUCKET));
    assert_eq!(totals.unallocated, u(BUCKET));
}

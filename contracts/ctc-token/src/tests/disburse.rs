use std::cell::RefCell;

use cosmwasm_std::{Attribute, DepsMut, Order, QuerierWrapper, Record, Storage, Uint128};
use ctc_interfaces::token::{CtcExecuteMsg, Payment, CTC_SUPPLY_FLOOR, MAX_DISBURSE_PAYMENTS};
use ctc_testkit::{readable_key, snapshot};

use super::*;

pub(super) fn fund(token: &mut Token, accounts: &Accounts, to: &Addr, amount: u128) {
    token
        .execute(
            &accounts.genesis[1],
            ExecuteMsg::Transfer {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
            },
        )
        .unwrap();
}

pub(super) fn pay(recipient: &Addr, amount: u128) -> Payment {
    Payment {
        recipient: recipient.to_string(),
        amount: Uint128::new(amount),
    }
}

fn disburse(payments: Vec<Payment>, burn_or_recycle: u128) -> ExecuteMsg {
    ExecuteMsg::Disburse {
        payments,
        burn_or_recycle: Uint128::new(burn_or_recycle),
    }
}

pub(super) fn pairs(attributes: &[Attribute]) -> Vec<(&str, &str)> {
    attributes
        .iter()
        .map(|a| (a.key.as_str(), a.value.as_str()))
        .collect()
}

#[test]
fn pays_every_recipient_from_one_debit_without_touching_the_supply() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let carol = token.addr("carol");
    fund(&mut token, &accounts, alice, 1_000);
    let before = tokenomics(&token);

    let response = token
        .execute(alice, disburse(vec![pay(bob, 300), pay(&carol, 200)], 0))
        .unwrap();
    assert!(response.messages.is_empty());
    assert_eq!(
        pairs(&response.attributes),
        [
            ("action", "disburse"),
            ("from", alice.as_str()),
            ("amount", "500"),
            ("to", bob.as_str()),
            ("paid", "300"),
            ("to", carol.as_str()),
            ("paid", "200"),
            ("burned", "0"),
            ("recycled", "0"),
        ]
    );
    assert_eq!(balance(&token, alice), Uint128::new(500));
    assert_eq!(balance(&token, bob), Uint128::new(300));
    assert_eq!(balance(&token, &carol), Uint128::new(200));
    assert_eq!(tokenomics(&token), before);
}

#[test]
fn burns_the_burn_part_while_above_the_floor() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    fund(&mut token, &accounts, alice, 1_000);

    let response = token
        .execute(alice, disburse(vec![pay(bob, 600)], 150))
        .unwrap();
    let attrs = pairs(&response.attributes);
    assert_eq!(attrs[2], ("amount", "750"));
    assert_eq!(
        attrs[5..],
        [
            ("burned", "150"),
            ("recycled", "0"),
            ("recycle_pool", accounts.community().as_str()),
        ]
    );
    assert_eq!(balance(&token, alice), Uint128::new(250));
    assert_eq!(balance(&token, bob), Uint128::new(600));
    let t = tokenomics(&token);
    assert_eq!(t.burned, Uint128::new(150));
    assert_eq!(t.recycled, Uint128::zero());
}

#[test]
fn splits_the_burn_part_across_the_floor_into_burned_and_recycled() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    fund(&mut token, &accounts, alice, 1_000);
    burn_until_burnable(&mut token, &accounts, Uint128::new(40));
    let pool = accounts.community();
    let pool_before = balance(&token, pool);

    let response = token
        .execute(alice, disburse(vec![pay(bob, 500)], 100))
        .unwrap();
    let attrs = pairs(&response.attributes);
    assert!(attrs.contains(&("burned", "40")));
    assert!(attrs.contains(&("recycled", "60")));
    assert_eq!(balance(&token, alice), Uint128::new(400));
    assert_eq!(balance(&token, bob), Uint128::new(500));
    assert_eq!(balance(&token, pool), pool_before + Uint128::new(60));
    let t = tokenomics(&token);
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.recycled, Uint128::new(60));
}

#[test]
fn a_burn_part_alone_does_exactly_what_burn_or_recycle_does() {
    for burnable in [10_000u128, 250, 0] {
        let (mut disbursed, accounts) = setup();
        let (mut burned, _) = setup();
        for token in [&mut disbursed, &mut burned] {
            fund(token, &accounts, &accounts.alice, 1_000);
            burn_until_burnable(token, &accounts, Uint128::new(burnable));
        }
        disbursed
            .execute(&accounts.alice, disburse(vec![], 700))
            .unwrap();
        burned
            .execute(
                &accounts.alice,
                ExecuteMsg::BurnOrRecycle {
                    amount: Uint128::new(700),
                },
            )
            .unwrap();
        assert_eq!(
            snapshot(&disbursed.deps.storage),
            snapshot(&burned.deps.storage),
            "with {burnable} burnable"
        );
    }
}

#[test]
fn one_address_named_several_times_is_credited_with_the_sum() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    fund(&mut token, &accounts, alice, 1_000);
    burn_until_burnable(&mut token, &accounts, Uint128::zero());
    let pool = accounts.community().clone();
    let pool_before = balance(&token, &pool);

    // Bob twice, the sender herself, and the pool both paid and recycled to.
    let payments = vec![pay(bob, 100), pay(alice, 50), pay(bob, 20), pay(&pool, 5)];
    token.execute(alice, disburse(payments, 30)).unwrap();
    assert_eq!(balance(&token, alice), Uint128::new(1_000 - 205 + 50));
    assert_eq!(balance(&token, bob), Uint128::new(120));
    assert_eq!(balance(&token, &pool), pool_before + Uint128::new(35));
    assert_eq!(tokenomics(&token).recycled, Uint128::new(30));
}

#[test]
fn the_recycle_pool_may_pay_but_not_burn_or_recycle() {
    let (mut token, accounts) = setup();
    let pool = accounts.community().clone();
    let bob = &accounts.bob;
    let err = token.refused(&pool, disburse(vec![pay(bob, 10)], 1));
    assert_eq!(err, ContractError::SenderIsRecyclePool);
    token
        .execute(&pool, disburse(vec![pay(bob, 10)], 0))
        .unwrap();
    assert_eq!(balance(&token, bob), Uint128::new(10));
}

#[test]
fn takes_up_to_the_bound_of_payments_and_refuses_one_more() {
    let (mut token, accounts) = setup();
    let alice = &accounts.alice;
    fund(&mut token, &accounts, alice, 1_000);
    let payees: Vec<Addr> = (0..=MAX_DISBURSE_PAYMENTS)
        .map(|i| token.addr(&format!("payee{i}")))
        .collect();
    let payments: Vec<Payment> = payees.iter().map(|p| pay(p, 10)).collect();

    let err = token.refused(alice, disburse(payments.clone(), 0));
    assert_eq!(
        err,
        ContractError::TooManyPayments {
            max: MAX_DISBURSE_PAYMENTS,
            given: MAX_DISBURSE_PAYMENTS + 1,
        }
    );
    let at_the_bound = payments[..MAX_DISBURSE_PAYMENTS].to_vec();
    token.execute(alice, disburse(at_the_bound, 0)).unwrap();
    assert_eq!(
        balance(&token, alice),
        Uint128::new(1_000 - 10 * MAX_DISBURSE_PAYMENTS as u128)
    );
    assert_eq!(
        balance(&token, &payees[MAX_DISBURSE_PAYMENTS]),
        Uint128::zero()
    );
}

#[test]
fn refuses_nothing_to_do_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let err = token.refused(&accounts.genesis[0], disburse(vec![], 0));
    assert_eq!(err, ContractError::NothingToDisburse);
}

#[test]
fn refuses_a_zero_payment_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let payments = vec![pay(&accounts.alice, 5), pay(&accounts.bob, 0)];
    let err = token.refused(&accounts.genesis[0], disburse(payments, 5));
    assert_eq!(
        err,
        ContractError::ZeroPayment {
            index: 1,
            recipient: accounts.bob.to_string(),
        }
    );
}

#[test]
fn refuses_an_invalid_recipient_and_changes_nothing() {
    let (mut token, accounts) = setup();
    for bad in [
        "",
        "not-an-address",
        &accounts.alice.as_str().to_uppercase(),
    ] {
        let payments = vec![
            pay(&accounts.alice, 5),
            Payment {
                recipient: bad.to_owned(),
                amount: Uint128::new(5),
            },
        ];
        let err = token.refused(&accounts.genesis[0], disburse(payments, 0));
        assert!(
            matches!(err, ContractError::InvalidPaymentRecipient { index: 1, .. }),
            "{bad:?}: {err:?}"
        );
    }
}

#[test]
fn refuses_more_than_the_balance_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    fund(&mut token, &accounts, alice, 99);
    // The burn part counts: 60 + 30 + 10 is one more than alice has.
    let err = token.refused(alice, disburse(vec![pay(bob, 60), pay(bob, 30)], 10));
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::new(99),
            required: Uint128::new(100),
        }
    );
    // Paying herself does not count towards what she has.
    let err = token.refused(alice, disburse(vec![pay(alice, 100)], 0));
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::new(99),
            required: Uint128::new(100),
        }
    );
}

#[test]
fn refuses_amounts_that_overflow_and_changes_nothing() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    let max = Uint128::MAX.u128();
    for msg in [
        disburse(vec![pay(bob, max), pay(alice, 1)], 0),
        disburse(vec![pay(bob, max)], 1),
    ] {
        let err = token.refused(&accounts.genesis[0], msg);
        assert!(matches!(err, ContractError::Overflow(_)), "{err:?}");
    }
}

/// Storage that records every key read and written, to count the reads and writes of balances.
struct Counting<'a> {
    inner: &'a mut dyn Storage,
    reads: RefCell<Vec<Vec<u8>>>,
    writes: Vec<Vec<u8>>,
}

impl Storage for Counting<'_> {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.reads.borrow_mut().push(key.to_vec());
        self.inner.get(key)
    }

    fn range<'b>(
        &'b self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: Order,
    ) -> Box<dyn Iterator<Item = Record> + 'b> {
        self.inner.range(start, end, order)
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        self.writes.push(key.to_vec());
        self.inner.set(key, value);
    }

    fn remove(&mut self, key: &[u8]) {
        self.writes.push(key.to_vec());
        self.inner.remove(key);
    }
}

/// The keys `msg` by `sender` reads and writes, as text, in order.
fn accesses(token: &mut Token, sender: &Addr, msg: ExecuteMsg) -> (Vec<String>, Vec<String>) {
    let mut counting = Counting {
        inner: &mut token.deps.storage,
        reads: RefCell::new(vec![]),
        writes: vec![],
    };
    let deps = DepsMut {
        storage: &mut counting,
        api: &token.deps.api,
        querier: QuerierWrapper::new(&token.deps.querier),
    };
    execute(deps, token.env.clone(), message_info(sender, &[]), msg).unwrap();
    let text = |keys: &[Vec<u8>]| keys.iter().map(|k| readable_key(k)).collect::<Vec<_>>();
    let reads = text(&counting.reads.borrow());
    (reads, text(&counting.writes))
}

fn each_once(keys: &[String]) -> bool {
    keys.iter()
        .all(|key| keys.iter().filter(|k| *k == key).count() == 1)
}

#[test]
fn each_balance_is_read_once_and_written_once() {
    let (mut token, accounts) = setup();
    let (alice, bob) = (&accounts.alice, &accounts.bob);
    fund(&mut token, &accounts, alice, 1_000);
    burn_until_burnable(&mut token, &accounts, Uint128::new(10));
    let pool = accounts.community().clone();

    // A plain payout reads and writes balances only: the supply and the pool stay unread.
    let (reads, writes) = accesses(&mut token, alice, disburse(vec![pay(bob, 1)], 0));
    assert!(reads.iter().all(|key| key.contains("balance")), "{reads:?}");
    assert_eq!((reads.len(), writes.len()), (2, 2));

    // Repeated recipients, the sender, and the pool as payee and for the recycled part.
    let payments = vec![pay(bob, 1), pay(&pool, 2), pay(bob, 3), pay(alice, 4)];
    let (reads, writes) = accesses(&mut token, alice, disburse(payments, 50));
    assert!(each_once(&reads), "{reads:?}");
    assert!(each_once(&writes), "{writes:?}");
    let balances = |keys: &[String]| keys.iter().filter(|k| k.contains("balance")).count();
    // Alice, bob and the pool; the supply and the recycled total besides.
    assert_eq!((balances(&reads), balances(&writes)), (3, 3));
    assert_eq!(writes.len(), 5);
}

#[test]
fn the_interface_message_is_the_contract_message() {
    let api = MockApi::default();
    let payments = vec![
        pay(&api.addr_make("troupe"), 975),
        pay(&api.addr_make("treasury"), 25),
    ];
    let burn_or_recycle = Uint128::new(7);
    assert_eq!(
        cosmwasm_std::to_json_vec(&CtcExecuteMsg::Disburse {
            payments: payments.clone(),
            burn_or_recycle,
        })
        .unwrap(),
        cosmwasm_std::to_json_vec(&ExecuteMsg::Disburse {
            payments,
            burn_or_recycle,
        })
        .unwrap(),
    );
}

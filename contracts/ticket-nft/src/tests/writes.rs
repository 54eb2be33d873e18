//! What a purchase costs in storage: the bytes of each ticket and the set of entries it writes. A
//! byte or an entry more on the hottest path is gas every fan pays, so both are pinned.

use std::cell::RefCell;
use std::collections::BTreeSet;

use cosmwasm_std::testing::MockStorage;
use cosmwasm_std::{DepsMut, Order, QuerierWrapper, Record, Storage};
use ctc_testkit::{cw20_receive, readable_key};

use super::*;
use crate::state::{LEDGERS, OWNED, PURCHASES, TICKETS, TICKET_COUNT, TIERS, TOKEN, VOUCHERS};

fn stored_ticket(chain: &Chain, key: (u64, u32)) -> String {
    let bytes = chain
        .deps
        .storage
        .get(&TICKETS.key(key))
        .expect("a stored ticket");
    String::from_utf8(bytes).unwrap()
}

/// A ticket minted at `(time, height)` to `owner`, with every other field at its default.
fn fresh(owner: &Addr, tier: u8, (time, height): (Timestamp, u64)) -> String {
    format!(
        r#"{{"owner":"{owner}","tier":{tier},"minted_at":"{}","minted_height":{height}}}"#,
        time.nanos()
    )
}

#[test]
fn a_ticket_stores_only_what_differs_from_the_defaults() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let block = (chain.env.block.time, chain.env.block.height);
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    chain.buy(0, 1, 1, 250 * CTC).unwrap();
    assert_eq!(stored_ticket(&chain, (1, 0)), fresh(&fans[0], 0, block));
    assert_eq!(stored_ticket(&chain, (1, 10)), fresh(&fans[0], 1, block));

    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    chain.advance(60);
    let minted_later = (chain.env.block.time, chain.env.block.height);
    let mint = ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: fans[1].to_string(),
        quantity: 1,
    };
    chain.execute(&minter, mint).unwrap();
    let reserved = fresh(&fans[1], 0, minted_later).replace('}', r#","reserved":true}"#);
    assert_eq!(stored_ticket(&chain, (1, 1)), reserved);

    // Approved and listed, then given away: the move clears both and counts itself once.
    let approve = ExecuteMsg::Approve {
        spender: fans[3].to_string(),
        token_id: "1-0".into(),
        expires: None,
    };
    chain.execute(&fans[0], approve).unwrap();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    let listed = stored_ticket(&chain, (1, 0));
    assert!(listed.contains(r#""listed":true"#), "{listed}");
    assert!(listed.contains(fans[3].as_str()), "{listed}");
    chain.advance(60);
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    let gifted = fresh(&fans[1], 0, block).replace('}', r#","transfers":1,"records":1}"#);
    assert_eq!(stored_ticket(&chain, (1, 0)), gifted);
}

/// The storage a step runs on, noting each key it sets or removes: rewriting a value unchanged
/// costs the gas of a change, and no snapshot taken after the step could tell it happened. It
/// notes each key it reads too (not the ranges it iterates).
struct Recorder<'a> {
    storage: &'a mut MockStorage,
    read: RefCell<BTreeSet<String>>,
    written: BTreeSet<String>,
}

impl Storage for Recorder<'_> {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.read.borrow_mut().insert(readable_key(key));
        self.storage.get(key)
    }

    fn range<'b>(
        &'b self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: Order,
    ) -> Box<dyn Iterator<Item = Record> + 'b> {
        self.storage.range(start, end, order)
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        self.written.insert(readable_key(key));
        self.storage.set(key, value);
    }

    fn remove(&mut self, key: &[u8]) {
        self.written
            .insert(format!("removed {}", readable_key(key)));
        self.storage.remove(key);
    }
}

fn keys(raw: &[&[u8]]) -> BTreeSet<String> {
    raw.iter().map(|key| readable_key(key)).collect()
}

/// The keys a purchase paid by `payer` with `hook` sets or removes; it must go through.
fn writes_of(chain: &mut Chain, payer: &Addr, amount: u128, hook: &ReceiveMsg) -> BTreeSet<String> {
    reads_and_writes_of(chain, payer, amount, hook).1
}

/// The keys such a purchase reads, and those it sets or removes.
fn reads_and_writes_of(
    chain: &mut Chain,
    payer: &Addr,
    amount: u128,
    hook: &ReceiveMsg,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let env = chain.unit.env.clone();
    let info = message_info(&chain.accounts.token, &[]);
    let msg = ExecuteMsg::Receive(cw20_receive(payer, amount, hook));
    let deps = &mut chain.unit.deps;
    let mut recorder = Recorder {
        storage: &mut deps.storage,
        read: RefCell::default(),
        written: BTreeSet::new(),
    };
    let deps_mut = DepsMut {
        storage: &mut recorder,
        api: &deps.api,
        querier: QuerierWrapper::new(&deps.querier),
    };
    execute(deps_mut, env, info, msg).unwrap();
    (recorder.read.into_inner(), recorder.written)
}

fn buy_for(recipient: Option<&Addr>, tier: u8, quantity: u32) -> ReceiveMsg {
    ReceiveMsg::Buy {
        event_id: 1,
        tier,
        quantity,
        recipient: recipient.map(Addr::to_string),
        voucher: None,
    }
}

#[test]
fn a_purchase_writes_its_tickets_their_owners_and_the_counts_only() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    let count_item = TICKET_COUNT;
    let count = count_item.as_slice();

    let first = writes_of(&mut chain, &fans[0], 200 * CTC, &buy_for(None, 0, 2));
    assert_eq!(
        first,
        keys(&[
            &TICKETS.key((1, 0)),
            &TICKETS.key((1, 1)),
            &OWNED.key((&fans[0], "1-0")),
            &OWNED.key((&fans[0], "1-1")),
            count,
            &PURCHASES.key((1, 0, &fans[0])),
        ])
    );

    let again = writes_of(&mut chain, &fans[0], 100 * CTC, &buy_for(None, 0, 1));
    assert_eq!(
        again,
        keys(&[
            &TICKETS.key((1, 2)),
            &OWNED.key((&fans[0], "1-2")),
            count,
            &PURCHASES.key((1, 0, &fans[0])),
        ])
    );

    let for_friend = buy_for(Some(&fans[2]), 0, 1);
    let gift_purchase = writes_of(&mut chain, &fans[1], 100 * CTC, &for_friend);
    assert_eq!(
        gift_purchase,
        keys(&[
            &TICKETS.key((1, 3)),
            &OWNED.key((&fans[2], "1-3")),
            count,
            &PURCHASES.key((1, 0, &fans[1])),
            &PURCHASES.key((1, 0, &fans[2])),
        ])
    );

    // The Box has no per-wallet limit: nothing to count per wallet.
    let unlimited = writes_of(&mut chain, &fans[3], 250 * CTC, &buy_for(None, 1, 1));
    assert_eq!(
        unlimited,
        keys(&[&TICKETS.key((1, 10)), &OWNED.key((&fans[3], "1-10")), count,])
    );
}

/// Issue 21: naming no voucher, a purchase reads and writes exactly the keys it did before
/// vouchers existed, though one is configured (its address is an item of its own, read only when
/// a voucher is named); naming one, it writes the tier's reserved count and the ledger's funded
/// total too, as a funded mint does.
#[test]
fn a_voucher_costs_its_storage_only_to_a_purchase_that_names_one() {
    let mut chain = Chain::new();
    let owner = chain.accounts.owner.clone();
    let set = ExecuteMsg::SetVouchers {
        address: chain.deps.api.addr_make("vouchers").to_string(),
    };
    chain.execute(&owner, set).unwrap();
    let fans = chain.accounts.fans.clone();
    let count_item = TICKET_COUNT;
    let count = count_item.as_slice();
    let (token, vouchers) = (TOKEN, VOUCHERS);
    let issuer = ctc_conventions::mirror::PARTNERS.key(&chain.accounts.issuer);

    let (read, written) =
        reads_and_writes_of(&mut chain, &fans[0], 200 * CTC, &buy_for(None, 0, 2));
    assert_eq!(
        written,
        keys(&[
            &TICKETS.key((1, 0)),
            &TICKETS.key((1, 1)),
            &OWNED.key((&fans[0], "1-0")),
            &OWNED.key((&fans[0], "1-1")),
            count,
            &PURCHASES.key((1, 0, &fans[0])),
        ])
    );
    let without = keys(&[
        token.as_slice(),
        &crate::state::EVENTS.key(1),
        &TIERS.key((1, 0)),
        &PURCHASES.key((1, 0, &fans[0])),
        &issuer,
        count,
    ]);
    assert_eq!(read, without);

    let with_voucher = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: Some("3-7".into()),
    };
    let (read, written) = reads_and_writes_of(&mut chain, &fans[1], 80 * CTC, &with_voucher);
    assert_eq!(
        written,
        keys(&[
            &TICKETS.key((1, 2)),
            &OWNED.key((&fans[1], "1-2")),
            count,
            &PURCHASES.key((1, 0, &fans[1])),
            &TIERS.key((1, 0)),
            &LEDGERS.key(1),
        ])
    );
    let mut expected = without;
    expected.remove(&readable_key(&PURCHASES.key((1, 0, &fans[0]))));
    expected.extend(keys(&[
        &PURCHASES.key((1, 0, &fans[1])),
        vouchers.as_slice(),
        &LEDGERS.key(1),
    ]));
    assert_eq!(read, expected);
}

//! The raw storage keys are the contract's on-chain layout, and what the frequent paths read
//! and write is their gas: pinned here.

use std::cell::RefCell;

use cosmwasm_std::testing::message_info;
use cosmwasm_std::{DepsMut, Order, QuerierWrapper, Record, Storage};
use ctc_testkit::{stored_keys, stored_keys_naming};

use super::*;
use crate::state::{BOUNDS, CONFIG, DELEGATES, PROPOSAL, RECOVERIES, RECOVERY, RECOVERY_UPDATE};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let (operator, friend1, new_key, delegate) = (
        chain.operator.clone(),
        chain.friend1.clone(),
        chain.new_key.clone(),
        chain.delegate.clone(),
    );
    let id = attribute(&chain.propose(&friend1, &new_key).unwrap(), "id");
    chain
        .execute(
            &friend1,
            ExecuteMsg::WithdrawRecovery {
                id: id.parse().unwrap(),
            },
        )
        .unwrap();
    // A proposal drops a scheduled update: the two are never stored together, each pinned in
    // turn.
    let open = attribute(&chain.propose(&friend1, &new_key).unwrap(), "id");
    let stored = &chain.deps.storage;
    assert!(PROPOSAL.exists(stored) && !RECOVERY_UPDATE.exists(stored));
    assert!(RECOVERIES.has(stored, 1) && DELEGATES.has(stored, &delegate));
    let common = [
        r"\x00\x09delegates<delegate>",
        // Proposal ids big-endian.
        r"\x00\x0arecoveries\x00\x00\x00\x01",
        "bounds",
        "config",
        "contract_info",
    ];
    let with = |last: &[&str]| -> Vec<String> {
        common
            .iter()
            .chain(last)
            .map(|key| key.to_string())
            .collect()
    };
    assert_eq!(
        stored_keys_naming(stored, &[("delegate", &delegate)]),
        with(&["proposal", "recovery"])
    );
    chain
        .execute(
            &friend1,
            ExecuteMsg::WithdrawRecovery {
                id: open.parse().unwrap(),
            },
        )
        .unwrap();
    let config = chain.recovery_config();
    chain
        .execute(&operator, ExecuteMsg::UpdateRecovery { config })
        .unwrap();
    let stored = &chain.deps.storage;
    assert!(RECOVERY_UPDATE.exists(stored) && !PROPOSAL.exists(stored));
    let mut keys = with(&["recovery", "recovery_update"]);
    keys.insert(2, r"\x00\x0arecoveries\x00\x00\x00\x02".to_string());
    assert_eq!(stored_keys_naming(stored, &[("delegate", &delegate)]), keys);
}

/// cw2 and the account's own three items; no cw-ownable owner: the operator is the only
/// authority.
#[test]
fn an_instantiated_account_stores_exactly_these_keys() {
    let chain = Chain::new();
    let stored = &chain.deps.storage;
    assert_eq!(
        stored_keys(stored),
        ["bounds", "config", "contract_info", "recovery"]
    );
    assert!(CONFIG.exists(stored) && RECOVERY.exists(stored) && BOUNDS.exists(stored));
}

/// A storage that records the keys read.
struct Counting<'a> {
    inner: &'a mut dyn Storage,
    reads: RefCell<Vec<Vec<u8>>>,
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
        self.reads.borrow_mut().push(b"<range>".to_vec());
        self.inner.range(start, end, order)
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &[u8]) {
        self.inner.remove(key)
    }
}

/// The keys `msg` from `sender` reads, and the keys whose value it changes.
fn reads_and_writes(chain: &mut Chain, sender: &Addr, msg: ExecuteMsg) -> (Vec<String>, usize) {
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    let env = chain.env.clone();
    let mut counting = Counting {
        inner: &mut chain.unit.deps.storage,
        reads: RefCell::default(),
    };
    let deps = DepsMut {
        storage: &mut counting,
        api: &chain.unit.deps.api,
        querier: QuerierWrapper::new(&chain.unit.deps.querier),
    };
    execute(deps, env, message_info(sender, &[]), msg).unwrap();
    let reads = counting
        .reads
        .into_inner()
        .iter()
        .map(|key| ctc_testkit::readable_key(key))
        .collect();
    let after = ctc_testkit::snapshot(&chain.deps.storage);
    let changed = after.iter().filter(|entry| !before.contains(entry)).count();
    (reads, changed)
}

#[test]
fn the_operators_execute_reads_one_item_and_writes_nothing() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let operator = chain.operator.clone();
    let msgs = vec![
        chain.transfer(&chain.stranger, 5),
        chain.send(&chain.tickets, 5),
    ];
    let (reads, changed) = reads_and_writes(&mut chain, &operator, ExecuteMsg::Execute { msgs });
    assert_eq!(reads, ["config"]);
    assert_eq!(changed, 0);
}

#[test]
fn a_delegates_execute_reads_config_and_its_grant_and_writes_the_grant() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    let msgs = vec![chain.transfer(&chain.stranger, 5)];
    let (reads, changed) = reads_and_writes(&mut chain, &delegate, ExecuteMsg::Execute { msgs });
    assert_eq!(
        reads,
        [
            "config".to_string(),
            format!(r"\x00\x09delegates{delegate}")
        ]
    );
    assert_eq!(changed, 1);
}

/// Every byte stored is paid at each write: the operator's item and a grant stay short.
#[test]
fn records_store_few_bytes() {
    let mut chain = Chain::new();
    let tickets = chain.tickets.clone();
    chain.grant_spend(50, Some(vec![&tickets]));
    let value = |chain: &Chain, key: &[u8]| {
        String::from_utf8(chain.deps.storage.get(key).unwrap()).unwrap()
    };
    let config = value(&chain, b"config");
    assert_eq!(
        config,
        format!(
            r#"{{"operator":"{}","ctc_token":"{}","registry":"{}","factory":"{}","pending_operator":null,"last_recovery_at":null,"cooldown_until":null}}"#,
            chain.operator, chain.token, chain.registry, chain.factory
        )
    );
    // The account's own bounds, when no factory gave any.
    assert_eq!(
        value(&chain, b"bounds"),
        r#"{"min_delay_seconds":1,"max_delay_seconds":31536000,"min_period_seconds":1,"max_period_seconds":63072000}"#
    );
    let delegate = chain.delegate.clone();
    let grant = value(&chain, &DELEGATES.key(&delegate));
    let expires = chain.now().plus_seconds(10 * DAY).nanos();
    assert_eq!(
        grant,
        format!(
            r#"{{"rights":{{"door":true,"redeem":false,"spend":{{"daily":"{}","to":["{tickets}"]}}}},"expires_at":"{expires}","spent":"0","window_ends_at":"0"}}"#,
            50 * CTC
        )
    );
}

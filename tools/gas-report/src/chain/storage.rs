//! The `Storage` a contract instance sees during one call: its own store in the chain state,
//! with every access charged as the SDK's gas KV store charges it.
//!
//! The VM gets zero `GasInfo` back from every access: the SDK charges storage on its own gas
//! meter, not through the VM, so reporting it to the VM too would count it twice.

use std::cell::RefCell;
use std::ops::Bound;
use std::rc::Rc;

use cosmwasm_std::{Order, Record};
use cosmwasm_vm::{BackendError, BackendResult, GasInfo, Storage};

use super::meter::KvTally;
use super::state::ChainState;
use crate::gas::CONTRACT_STORE_PREFIX_LEN;

/// An open range scan. It keeps where it stands, not a copy of the range, so a scan over a
/// store of 10,000 entries costs one tree lookup per step.
struct RangeScan {
    start: Option<Vec<u8>>,
    end: Option<Vec<u8>>,
    order: Order,
    /// The last key handed out; the next one lies strictly beyond it.
    last: Option<Vec<u8>>,
}

pub struct MeteredStorage {
    state: Rc<RefCell<ChainState>>,
    contract: String,
    tally: Rc<RefCell<KvTally>>,
    scans: Vec<RangeScan>,
}

impl MeteredStorage {
    pub fn new(
        state: Rc<RefCell<ChainState>>,
        contract: &str,
        tally: Rc<RefCell<KvTally>>,
    ) -> Self {
        Self {
            state,
            contract: contract.to_owned(),
            tally,
            scans: Vec::new(),
        }
    }

    /// The record after `scan`'s position, without moving it.
    fn peek(&self, scan: &RangeScan) -> Option<Record> {
        let state = self.state.borrow();
        let store = state.store(&self.contract)?;
        let lower = match (&scan.order, &scan.last, &scan.start) {
            (Order::Ascending, Some(last), _) => Bound::Excluded(last.clone()),
            (_, _, Some(start)) => Bound::Included(start.clone()),
            (_, _, None) => Bound::Unbounded,
        };
        let upper = match (&scan.order, &scan.last, &scan.end) {
            (Order::Descending, Some(last), _) => Bound::Excluded(last.clone()),
            (_, _, Some(end)) => Bound::Excluded(end.clone()),
            (_, _, None) => Bound::Unbounded,
        };
        if let (Bound::Included(l) | Bound::Excluded(l), Bound::Excluded(u)) = (&lower, &upper) {
            if l >= u {
                return None;
            }
        }
        let mut range = store.range((lower, upper));
        let found = match scan.order {
            Order::Ascending => range.next(),
            Order::Descending => range.next_back(),
        };
        found.map(|(k, v)| (k.clone(), v.clone()))
    }
}

fn charged_len(key: &[u8]) -> u64 {
    CONTRACT_STORE_PREFIX_LEN + key.len() as u64
}

impl Storage for MeteredStorage {
    fn get(&self, key: &[u8]) -> BackendResult<Option<Vec<u8>>> {
        let value = self.state.borrow().get(&self.contract, key).cloned();
        let value_len = value.as_ref().map_or(0, |v| v.len() as u64);
        self.tally.borrow_mut().read(charged_len(key), value_len);
        (Ok(value), GasInfo::free())
    }

    fn scan(
        &mut self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: Order,
    ) -> BackendResult<u32> {
        let scan = RangeScan {
            start: start.map(<[u8]>::to_vec),
            end: end.map(<[u8]>::to_vec),
            order,
            last: None,
        };
        // Opening the iterator already seeks to (and pays for) the first record.
        let first = self.peek(&scan);
        self.tally
            .borrow_mut()
            .iterator_step(first.map(|(k, v)| (charged_len(&k), v.len() as u64)));
        self.scans.push(scan);
        let id = u32::try_from(self.scans.len()).expect("fewer than 2^32 scans in one call");
        (Ok(id), GasInfo::free())
    }

    fn next(&mut self, iterator_id: u32) -> BackendResult<Option<Record>> {
        let index = iterator_id as usize;
        if index == 0 || index > self.scans.len() {
            return (
                Err(BackendError::iterator_does_not_exist(iterator_id)),
                GasInfo::free(),
            );
        }
        let record = self.peek(&self.scans[index - 1]);
        // wasmvm returns at the end without touching the SDK iterator, so the end is free.
        if let Some((key, value)) = &record {
            self.tally
                .borrow_mut()
                .iterator_step(Some((charged_len(key), value.len() as u64)));
            self.scans[index - 1].last = Some(key.clone());
        }
        (Ok(record), GasInfo::free())
    }

    fn set(&mut self, key: &[u8], value: &[u8]) -> BackendResult<()> {
        self.tally
            .borrow_mut()
            .write(charged_len(key), value.len() as u64);
        self.state.borrow_mut().set(&self.contract, key, value);
        (Ok(()), GasInfo::free())
    }

    fn remove(&mut self, key: &[u8]) -> BackendResult<()> {
        self.tally.borrow_mut().delete();
        self.state.borrow_mut().remove(&self.contract, key);
        (Ok(()), GasInfo::free())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn storage_with(keys: &[&[u8]]) -> (MeteredStorage, Rc<RefCell<KvTally>>) {
        let state = Rc::new(RefCell::new(ChainState::default()));
        for key in keys {
            state.borrow_mut().set("c", key, b"v");
        }
        let tally = Rc::new(RefCell::new(KvTally::default()));
        (MeteredStorage::new(state, "c", tally.clone()), tally)
    }

    fn drain(storage: &mut MeteredStorage, id: u32) -> Vec<Vec<u8>> {
        let mut keys = Vec::new();
        while let (Ok(Some((key, _))), _) = storage.next(id) {
            keys.push(key);
        }
        keys
    }

    #[test]
    fn scans_order_bytewise_with_an_exclusive_end() {
        let (mut storage, _) = storage_with(&[b"a", b"a\0", b"ab", b"b"]);
        let (id, _) = storage.scan(Some(b"a\0"), Some(b"b"), Order::Ascending);
        assert_eq!(
            drain(&mut storage, id.unwrap()),
            vec![b"a\0".to_vec(), b"ab".to_vec()]
        );
        let (id, _) = storage.scan(None, None, Order::Descending);
        assert_eq!(
            drain(&mut storage, id.unwrap()),
            vec![
                b"b".to_vec(),
                b"ab".to_vec(),
                b"a\0".to_vec(),
                b"a".to_vec()
            ]
        );
    }

    #[test]
    fn every_access_is_charged_with_the_contract_prefix() {
        let (mut storage, tally) = storage_with(&[b"k"]);
        let _ = storage.get(b"k"); // 1000 + 3 * (34 + 1)
        let _ = storage.set(b"x", b"yy"); // 2000 + 30 * (34 + 2)
        let _ = storage.remove(b"x"); // 1000
        let (id, _) = storage.scan(None, None, Order::Ascending); // 30 + 3 * 35 at open
        drain(&mut storage, id.unwrap()); // the same for the one record; the end is free
        let tally = *tally.borrow();
        assert_eq!(
            (
                tally.reads,
                tally.writes,
                tally.deletes,
                tally.iterator_steps
            ),
            (1, 1, 1, 2)
        );
        assert_eq!(tally.gas, 1_105 + 3_080 + 1_000 + 2 * 135);
    }
}

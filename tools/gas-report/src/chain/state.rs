//! The chain's state: one ordered KV store per contract, the contracts' metadata, accounts and
//! a bank, with an undo journal so a failed message (or a failed sub-message) leaves no trace,
//! as in the SDK's cache-wrapped contexts.

use std::collections::{BTreeMap, HashMap};

use super::bank::Account;
use super::wasmd::ContractRecord;

/// A contract's store. Keys order bytewise, shorter prefix first, as in the SDK's IAVL store.
pub type ContractStore = BTreeMap<Vec<u8>, Vec<u8>>;

enum Undo {
    Kv {
        contract: String,
        key: Vec<u8>,
        previous: Option<Vec<u8>>,
    },
    Bank {
        account: String,
        denom: String,
        previous: u128,
    },
    Contract {
        address: String,
        previous: Option<ContractRecord>,
    },
    Account {
        address: String,
        previous: Option<Account>,
    },
}

/// A position in the journal to roll back to.
#[derive(Clone, Copy)]
pub struct Checkpoint(usize);

#[derive(Default)]
pub struct ChainState {
    stores: HashMap<String, ContractStore>,
    balances: BTreeMap<(String, String), u128>,
    contracts: HashMap<String, ContractRecord>,
    accounts: HashMap<String, Account>,
    journal: Vec<Undo>,
}

impl ChainState {
    pub fn store(&self, contract: &str) -> Option<&ContractStore> {
        self.stores.get(contract)
    }

    pub fn get(&self, contract: &str, key: &[u8]) -> Option<&Vec<u8>> {
        self.stores.get(contract).and_then(|store| store.get(key))
    }

    pub fn set(&mut self, contract: &str, key: &[u8], value: &[u8]) {
        let store = self.stores.entry(contract.to_owned()).or_default();
        let previous = store.insert(key.to_vec(), value.to_vec());
        self.journal.push(Undo::Kv {
            contract: contract.to_owned(),
            key: key.to_vec(),
            previous,
        });
    }

    pub fn remove(&mut self, contract: &str, key: &[u8]) {
        let previous = self
            .stores
            .get_mut(contract)
            .and_then(|store| store.remove(key));
        if previous.is_some() {
            self.journal.push(Undo::Kv {
                contract: contract.to_owned(),
                key: key.to_vec(),
                previous,
            });
        }
    }

    pub fn balance(&self, account: &str, denom: &str) -> u128 {
        self.balances
            .get(&(account.to_owned(), denom.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    pub fn set_balance(&mut self, account: &str, denom: &str, amount: u128) {
        let key = (account.to_owned(), denom.to_owned());
        let previous = if amount == 0 {
            self.balances.remove(&key)
        } else {
            self.balances.insert(key, amount)
        };
        self.journal.push(Undo::Bank {
            account: account.to_owned(),
            denom: denom.to_owned(),
            previous: previous.unwrap_or(0),
        });
    }

    pub fn contract(&self, address: &str) -> Option<&ContractRecord> {
        self.contracts.get(address)
    }

    /// Whether any contract was instantiated: wasmd's instance sequence exists from then on.
    pub fn has_contracts(&self) -> bool {
        !self.contracts.is_empty()
    }

    /// How many contracts were instantiated: wasmd's instance sequence stands one above (it
    /// starts at 1, and a failed instantiation takes its increment back with the rest).
    pub fn contract_count(&self) -> u64 {
        self.contracts.len() as u64
    }

    pub fn set_contract(&mut self, address: &str, record: ContractRecord) {
        let previous = self.contracts.insert(address.to_owned(), record);
        self.journal.push(Undo::Contract {
            address: address.to_owned(),
            previous,
        });
    }

    pub fn account(&self, address: &str) -> Option<Account> {
        self.accounts.get(address).copied()
    }

    pub fn set_account(&mut self, address: &str, account: Account) {
        let previous = self.accounts.insert(address.to_owned(), account);
        self.journal.push(Undo::Account {
            address: address.to_owned(),
            previous,
        });
    }

    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint(self.journal.len())
    }

    /// Undoes every change made after `checkpoint`, newest first.
    pub fn rollback(&mut self, checkpoint: Checkpoint) {
        while self.journal.len() > checkpoint.0 {
            match self
                .journal
                .pop()
                .expect("journal is longer than the checkpoint")
            {
                Undo::Kv {
                    contract,
                    key,
                    previous,
                } => {
                    let store = self.stores.entry(contract).or_default();
                    match previous {
                        Some(value) => store.insert(key, value),
                        None => store.remove(&key),
                    };
                }
                Undo::Bank {
                    account,
                    denom,
                    previous,
                } => {
                    if previous == 0 {
                        self.balances.remove(&(account, denom));
                    } else {
                        self.balances.insert((account, denom), previous);
                    }
                }
                Undo::Contract { address, previous } => {
                    match previous {
                        Some(record) => self.contracts.insert(address, record),
                        None => self.contracts.remove(&address),
                    };
                }
                Undo::Account { address, previous } => {
                    match previous {
                        Some(account) => self.accounts.insert(address, account),
                        None => self.accounts.remove(&address),
                    };
                }
            }
        }
    }

    /// A transaction succeeded: its changes are final.
    pub fn commit(&mut self) {
        self.journal.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rollback_restores_values_and_absences() {
        let mut state = ChainState::default();
        state.set("c", b"a", b"1");
        state.set_balance("alice", "ustake", 10);
        state.commit();
        let checkpoint = state.checkpoint();
        state.set("c", b"a", b"2");
        state.set("c", b"b", b"3");
        state.remove("c", b"a");
        state.set_balance("alice", "ustake", 0);
        state.set_balance("bob", "ustake", 10);
        state.set_account("bob", Account::Wallet { signed: false });
        state.rollback(checkpoint);
        assert_eq!(state.account("bob"), None);
        assert_eq!(state.get("c", b"a").map(Vec::as_slice), Some(&b"1"[..]));
        assert_eq!(state.get("c", b"b"), None);
        assert_eq!(state.balance("alice", "ustake"), 10);
        assert_eq!(state.balance("bob", "ustake"), 0);
    }
}

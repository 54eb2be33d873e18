//! x/wasm's own store accesses around a contract call, as wasmd v0.60.8's keeper.go makes them,
//! and the code and contract metadata they read and write. Keys are those of
//! x/wasm/types/keys.go; values are the protobuf lengths of `proto`.

use std::collections::HashSet;

use cosmwasm_std::Checksum;

use super::meter::{KvTally, Setup};
use super::proto::{self, ContractInfo, HistoryOperation, TxPosition};

/// An uploaded code, as `CodeInfo` and the pinned-code index hold it.
#[derive(Clone, Debug)]
pub struct CodeRecord {
    pub id: u64,
    pub checksum: Checksum,
    pub creator: String,
    /// The report's name for contracts of this code.
    pub name: String,
    pub pinned: bool,
    /// The code exports IBC entry points: its contracts get an IBC port.
    pub ibc: bool,
    /// `cw_migrate_version`: migrating between two codes of the same version skips the call.
    pub migrate_version: Option<u64>,
}

impl CodeRecord {
    pub fn info_len(&self) -> u64 {
        proto::code_info_len(&self.creator)
    }
}

/// A contract instance, as `ContractInfo` and its code history hold it.
#[derive(Clone, Debug)]
pub struct ContractRecord {
    /// The report's name for the contract.
    pub name: String,
    pub code_id: u64,
    pub creator: String,
    pub admin: Option<String>,
    pub label: String,
    pub created: TxPosition,
    pub ibc_port_id: Option<String>,
    /// Bytes of the newest code-history entry, which a migration reads back.
    pub last_history_len: u64,
}

impl ContractRecord {
    pub fn info_len(&self) -> u64 {
        ContractInfo {
            code_id: self.code_id,
            creator: &self.creator,
            admin: self.admin.as_deref(),
            label: &self.label,
            created: self.created,
            ibc_port_id: self.ibc_port_id.as_deref(),
        }
        .len()
    }
}

/// The checksums that already ran in the transaction under way (wasmd's `TxContracts`, set
/// up by its ante handler): one set for all the transaction's messages, kept by reference, so a
/// failed sub-message or query does not take its entry back.
#[derive(Default)]
pub struct TxContracts(HashSet<Checksum>);

impl TxContracts {
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// `checkDiscountEligibility`: pinned code pays the discount (and is not noted); a
    /// checksum that already ran in the transaction pays the discount; any other pays the full
    /// cost and is noted. Instantiate, execute, migrate and smart queries ask; replies are
    /// always discounted without asking.
    pub fn setup(&mut self, code: &CodeRecord) -> Setup {
        if code.pinned {
            Setup::Discounted
        } else if self.0.insert(code.checksum) {
            Setup::Full
        } else {
            Setup::Repeated
        }
    }
}

/// Bytes of the account behind a bech32 address (20 for a wallet, 32 for a contract).
pub fn address_len(address: &str) -> u64 {
    bech32::decode(address).map_or(20, |(_, data)| data.len() as u64)
}

/// `GetCodeKey` and `GetPinnedCodeIndexPrefix`: a prefix byte and the big-endian code id.
const CODE_KEY_LEN: u64 = 1 + 8;
/// `KeySequenceInstanceID`: the sequence byte and "lastContractId".
const INSTANCE_SEQUENCE_KEY_LEN: u64 = 1 + 14;
/// `AbsoluteTxPosition.Bytes()`: height and index, 8 bytes each.
const POSITION_KEY_LEN: u64 = 16;

/// `GetContractAddressKey`.
fn contract_key_len(address: &str) -> u64 {
    1 + address_len(address)
}

/// `GetContractByCreatedSecondaryIndexKey`: prefix, code id, position, contract.
fn code_index_key_len(address: &str) -> u64 {
    1 + 8 + POSITION_KEY_LEN + address_len(address)
}

/// `GetContractByCreatorSecondaryIndexKey`: prefix, length-prefixed creator, position,
/// contract.
fn creator_index_key_len(creator: &str, address: &str) -> u64 {
    1 + 1 + address_len(creator) + POSITION_KEY_LEN + address_len(address)
}

/// `GetContractCodeHistoryElementKey`: prefix, contract, 8-byte position in the history.
fn history_key_len(address: &str) -> u64 {
    1 + address_len(address) + 8
}

/// `GetContractInfo` / the first half of `contractInstance`.
pub fn read_contract_info(t: &mut KvTally, address: &str, contract: &ContractRecord) {
    t.read(contract_key_len(address), contract.info_len());
}

/// `GetCodeInfo` / the second half of `contractInstance`.
pub fn read_code_info(t: &mut KvTally, code: &CodeRecord) {
    t.read(CODE_KEY_LEN, code.info_len());
}

/// `contractInstance`: execute, query, reply and sudo all load both records first.
pub fn read_instance(t: &mut KvTally, address: &str, contract: &ContractRecord, code: &CodeRecord) {
    read_contract_info(t, address, contract);
    read_code_info(t, code);
}

/// `IsPinnedCode`: a `Has` on the pinned-code index, pinned or not.
pub fn check_pinned(t: &mut KvTally) {
    t.has();
}

/// instantiate's `ClassicAddressGenerator` (`mustAutoIncrementID`) and `HasContractInfo`:
/// the instance sequence is read (absent before the chain's first contract) and advanced,
/// then the new address is checked to be free.
pub fn allocate_address(t: &mut KvTally, sequence_exists: bool) {
    t.read(
        INSTANCE_SEQUENCE_KEY_LEN,
        if sequence_exists { 8 } else { 0 },
    );
    t.write(INSTANCE_SEQUENCE_KEY_LEN, 8);
    t.has();
}

/// The code-history entry instantiate writes.
pub fn init_history_len(code_id: u64, created: TxPosition, msg_len: u64) -> u64 {
    proto::history_entry_len(HistoryOperation::Init, code_id, created, msg_len)
}

/// The code-history entry migrate writes.
pub fn migrate_history_len(code_id: u64, updated: TxPosition, msg_len: u64) -> u64 {
    proto::history_entry_len(HistoryOperation::Migrate, code_id, updated, msg_len)
}

/// `mustStoreContractInfo`: the record rewritten (a change of admin).
pub fn store_contract_info(t: &mut KvTally, address: &str, contract: &ContractRecord) {
    t.write(contract_key_len(address), contract.info_len());
}

/// What instantiate persists once the contract answered: the by-code and by-creator indexes,
/// the first history entry (after a reverse scan of the empty history for its position) and
/// the `ContractInfo`.
pub fn store_new_contract(t: &mut KvTally, address: &str, contract: &ContractRecord) {
    t.write(code_index_key_len(address), 0);
    t.write(creator_index_key_len(&contract.creator, address), 0);
    t.iterator_step(None);
    t.write(history_key_len(address), contract.last_history_len);
    t.write(contract_key_len(address), contract.info_len());
}

/// What migrate persists: the last history entry is read back twice (once to drop its
/// by-code index entry, once for the next position), then the new entry, the new by-code index
/// entry and the updated `ContractInfo` are written.
pub fn store_migration(
    t: &mut KvTally,
    address: &str,
    before: &ContractRecord,
    after: &ContractRecord,
) {
    let last_entry = Some((history_key_len(address), before.last_history_len));
    t.iterator_step(last_entry);
    t.delete();
    t.iterator_step(last_entry);
    t.write(history_key_len(address), after.last_history_len);
    t.write(code_index_key_len(address), 0);
    t.write(contract_key_len(address), after.info_len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::addresses;

    fn code(checksum: u8, pinned: bool) -> CodeRecord {
        CodeRecord {
            id: u64::from(checksum),
            checksum: Checksum::from([checksum; 32]),
            creator: addresses::account("owner"),
            name: "c".to_owned(),
            pinned,
            ibc: false,
            migrate_version: None,
        }
    }

    #[test]
    fn a_checksum_is_discounted_after_its_first_call_in_a_transaction() {
        let mut tx = TxContracts::default();
        let (token, tickets) = (code(1, false), code(2, false));
        assert_eq!(tx.setup(&token), Setup::Full);
        assert_eq!(tx.setup(&tickets), Setup::Full);
        assert_eq!(tx.setup(&token), Setup::Repeated);
        // Another code id with the same checksum (the same wasm uploaded twice) is the same
        // module in the VM's cache.
        let again = CodeRecord {
            id: 7,
            ..code(1, false)
        };
        assert_eq!(tx.setup(&again), Setup::Repeated);
        tx.clear();
        assert_eq!(tx.setup(&token), Setup::Full);
    }

    #[test]
    fn pinned_code_is_always_discounted_and_never_noted() {
        let mut tx = TxContracts::default();
        let pinned = code(3, true);
        assert_eq!(tx.setup(&pinned), Setup::Discounted);
        assert_eq!(tx.setup(&pinned), Setup::Discounted);
        // Unpinned later in the same transaction, it would pay in full: it was never noted.
        assert_eq!(tx.setup(&code(3, false)), Setup::Full);
    }

    fn record(creator: &str) -> ContractRecord {
        let created = TxPosition {
            block_height: 41,
            tx_index: 0,
        };
        ContractRecord {
            name: "ticket-nft".to_owned(),
            code_id: 3,
            creator: creator.to_owned(),
            admin: Some(creator.to_owned()),
            label: "ticketchain ticket-nft".to_owned(),
            created,
            ibc_port_id: None,
            last_history_len: init_history_len(3, created, 100),
        }
    }

    #[test]
    fn every_call_reads_both_records_and_the_pinned_flag() {
        let owner = addresses::account("owner");
        let contract = addresses::contract("ticket-nft");
        let code = code(3, false);
        let mut t = KvTally::default();
        read_instance(&mut t, &contract, &record(&owner), &code);
        check_pinned(&mut t);
        // ContractInfo: 33-byte key, 120-byte value; CodeInfo: 9-byte key, 83-byte value.
        assert_eq!(record(&owner).info_len(), 2 + 45 + 45 + 24 + 4);
        assert_eq!(code.info_len(), 83);
        assert_eq!(
            t.gas,
            (1_000 + 3 * (33 + 120)) + (1_000 + 3 * (9 + 83)) + 1_000
        );
    }

    #[test]
    fn instantiate_writes_indexes_history_and_info() {
        let owner = addresses::account("owner");
        let contract = addresses::contract("ticket-nft");
        let mut t = KvTally::default();
        allocate_address(&mut t, false);
        assert_eq!(t.gas, (1_000 + 3 * 15) + (2_000 + 30 * 23) + 1_000);
        let mut t = KvTally::default();
        store_new_contract(&mut t, &contract, &record(&owner));
        let history = 2 + 2 + 4 + 102;
        assert_eq!(
            t.gas,
            (2_000 + 30 * 57)
                + (2_000 + 30 * 70)
                + 30
                + (2_000 + 30 * (41 + history))
                + (2_000 + 30 * (33 + 120))
        );
    }

    #[test]
    fn a_new_admin_rewrites_the_record_at_its_new_length() {
        let owner = addresses::account("owner");
        let committee = addresses::contract("committee");
        let contract = addresses::contract("ticket-nft");
        let before = record(&owner);
        let after = ContractRecord {
            admin: Some(committee.clone()),
            ..before.clone()
        };
        // A contract's address is 20 characters longer than an account's.
        assert_eq!(after.info_len(), before.info_len() + 20);
        let cleared = ContractRecord {
            admin: None,
            ..before.clone()
        };
        assert_eq!(cleared.info_len(), before.info_len() - 2 - 43);
        let mut t = KvTally::default();
        read_contract_info(&mut t, &contract, &before);
        store_contract_info(&mut t, &contract, &after);
        assert_eq!(t.gas, (1_000 + 3 * (33 + 120)) + (2_000 + 30 * (33 + 140)));
    }

    #[test]
    fn migrate_reads_the_last_history_entry_twice() {
        let owner = addresses::account("owner");
        let contract = addresses::contract("ticket-nft");
        let before = record(&owner);
        let at = TxPosition {
            block_height: 90,
            tx_index: 0,
        };
        let after = ContractRecord {
            code_id: 9,
            last_history_len: migrate_history_len(9, at, 2),
            ..before.clone()
        };
        let mut t = KvTally::default();
        store_migration(&mut t, &contract, &before, &after);
        let old_entry = 30 + 3 * (41 + before.last_history_len);
        assert_eq!(after.last_history_len, 2 + 2 + 4 + 4);
        assert_eq!(
            t.gas,
            old_entry
                + 1_000
                + old_entry
                + (2_000 + 30 * (41 + 12))
                + (2_000 + 30 * 57)
                + (2_000 + 30 * (33 + 120))
        );
    }
}

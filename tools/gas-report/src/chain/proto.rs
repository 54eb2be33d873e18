//! Byte lengths of the protobuf values wasmd and the SDK store, by proto3's encoding rules as
//! gogoproto applies them: a scalar at its default value and an empty string or bytes are left
//! out, an embedded message that is set is written even when empty, and every field number
//! here is below 16, so each tag is one byte. Storage gas is paid per stored byte, so only the
//! lengths matter, never the bytes.

/// Bytes of `v` as a base-128 varint.
pub fn varint_len(v: u64) -> u64 {
    let significant_bits = 64 - u64::from(v.leading_zeros());
    significant_bits.div_ceil(7).max(1)
}

/// A `uint64` or enum field.
fn uint_field(v: u64) -> u64 {
    if v == 0 {
        0
    } else {
        1 + varint_len(v)
    }
}

/// A `string` or `bytes` field of `len` bytes.
fn bytes_field(len: u64) -> u64 {
    if len == 0 {
        0
    } else {
        message_field(len)
    }
}

/// An embedded message that is set, of `len` bytes.
fn message_field(len: u64) -> u64 {
    1 + varint_len(len) + len
}

/// `cosmwasm.wasm.v1.AbsoluteTxPosition`: where a contract was created or migrated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TxPosition {
    pub block_height: u64,
    /// Not the transaction's index in the block: `NewAbsoluteTxPosition` reads the block gas
    /// meter, i.e. the gas the block's earlier transactions used (0 for a block's first one).
    pub tx_index: u64,
}

impl TxPosition {
    fn len(self) -> u64 {
        uint_field(self.block_height) + uint_field(self.tx_index)
    }
}

/// `cosmwasm.wasm.v1.ContractInfo`, without the extension (wasmd sets none).
pub struct ContractInfo<'a> {
    pub code_id: u64,
    pub creator: &'a str,
    pub admin: Option<&'a str>,
    pub label: &'a str,
    pub created: TxPosition,
    pub ibc_port_id: Option<&'a str>,
}

impl ContractInfo<'_> {
    pub fn len(&self) -> u64 {
        uint_field(self.code_id)
            + bytes_field(self.creator.len() as u64)
            + bytes_field(self.admin.map_or(0, |a| a.len() as u64))
            + bytes_field(self.label.len() as u64)
            + message_field(self.created.len())
            + bytes_field(self.ibc_port_id.map_or(0, |p| p.len() as u64))
    }
}

/// `cosmwasm.wasm.v1.CodeInfo`: a 32-byte checksum, the uploader, and the instantiate
/// permission (not nullable, so always written). An upload without an explicit permission gets
/// the params' default, `AccessTypeEverybody` (3) on a default chain, stored without addresses.
pub fn code_info_len(creator: &str) -> u64 {
    const ACCESS_TYPE_EVERYBODY: u64 = 3;
    bytes_field(32)
        + bytes_field(creator.len() as u64)
        + message_field(uint_field(ACCESS_TYPE_EVERYBODY))
}

/// `ContractCodeHistoryOperationType`.
#[derive(Clone, Copy, Debug)]
pub enum HistoryOperation {
    Init = 1,
    Migrate = 2,
}

/// `cosmwasm.wasm.v1.ContractCodeHistoryEntry`; `msg_len` is the JSON message's bytes.
pub fn history_entry_len(
    operation: HistoryOperation,
    code_id: u64,
    updated: TxPosition,
    msg_len: u64,
) -> u64 {
    uint_field(operation as u64)
        + uint_field(code_id)
        + message_field(updated.len())
        + bytes_field(msg_len)
}

const BASE_ACCOUNT_TYPE_URL: &str = "/cosmos.auth.v1beta1.BaseAccount";
const SECP256K1_TYPE_URL: &str = "/cosmos.crypto.secp256k1.PubKey";
const SECP256K1_KEY_LEN: u64 = 33;

/// `google.protobuf.Any` around a value of `value_len` bytes.
fn any_len(type_url: &str, value_len: u64) -> u64 {
    bytes_field(type_url.len() as u64) + bytes_field(value_len)
}

/// An x/auth account as the account store holds it: a `BaseAccount` (address, public key once
/// it has signed, account number, sequence) packed in an `Any`.
pub fn account_len(address: &str, signed: bool, account_number: u64, sequence: u64) -> u64 {
    let pub_key = if signed {
        let key = bytes_field(SECP256K1_KEY_LEN);
        message_field(any_len(SECP256K1_TYPE_URL, key))
    } else {
        0
    };
    let base = bytes_field(address.len() as u64)
        + pub_key
        + uint_field(account_number)
        + uint_field(sequence);
    any_len(BASE_ACCOUNT_TYPE_URL, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wallet (20 bytes) and a contract (32 bytes) under the `wasm` prefix.
    const WALLET: &str = "wasm1qyqszqgpqyqszqgpqyqszqgpqyqszqgpx9nm2h";
    const CONTRACT: &str = "wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d";

    #[test]
    fn varints_grow_every_seven_bits() {
        assert_eq!(
            [0, 1, 127, 128, 16_383, 16_384, u64::MAX].map(varint_len),
            [1, 1, 1, 2, 2, 3, 10]
        );
    }

    #[test]
    fn addresses_have_chain_lengths() {
        assert_eq!((WALLET.len(), CONTRACT.len()), (43, 63));
    }

    #[test]
    fn contract_info_counts_each_set_field() {
        let created = TxPosition {
            block_height: 41,
            tx_index: 0,
        };
        let info = ContractInfo {
            code_id: 3,
            creator: WALLET,
            admin: Some(WALLET),
            label: "ticketchain ticket-nft",
            created,
            ibc_port_id: None,
        };
        // 08 03 | 12 2b <43> | 1a 2b <43> | 22 16 <22> | 2a 02 (08 29)
        assert_eq!(info.len(), 2 + 45 + 45 + 24 + 4);
        let no_admin = ContractInfo {
            admin: None,
            ..info
        };
        assert_eq!(no_admin.len(), 2 + 45 + 24 + 4);
        // A later block and a non-zero block-gas position lengthen `created`:
        // 2a 07 (08 e8 07 | 10 99 88 13) for height 1,000 and 312,345 gas.
        let later = ContractInfo {
            created: TxPosition {
                block_height: 1_000,
                tx_index: 312_345,
            },
            ..no_admin
        };
        assert_eq!(later.len(), 2 + 45 + 24 + 9);
        // An IBC contract also stores its port, "wasm." + its address.
        let port = format!("wasm.{CONTRACT}");
        let ibc = ContractInfo {
            ibc_port_id: Some(&port),
            ..later
        };
        assert_eq!(ibc.len(), later.len() + 2 + 68);
    }

    #[test]
    fn an_empty_position_is_still_written() {
        let info = ContractInfo {
            code_id: 0,
            creator: "",
            admin: None,
            label: "",
            created: TxPosition {
                block_height: 0,
                tx_index: 0,
            },
            ibc_port_id: None,
        };
        assert_eq!(info.len(), 2);
    }

    #[test]
    fn code_info_holds_checksum_creator_and_permission() {
        // 0a 20 <32> | 12 2b <43> | 2a 02 (08 03)
        assert_eq!(code_info_len(WALLET), 34 + 45 + 4);
    }

    #[test]
    fn history_entries_carry_the_message() {
        let at = TxPosition {
            block_height: 41,
            tx_index: 0,
        };
        // 08 01 | 10 03 | 1a 02 (08 29) | 22 <len> <msg>
        assert_eq!(
            history_entry_len(HistoryOperation::Init, 3, at, 100),
            2 + 2 + 4 + 102
        );
        assert_eq!(
            history_entry_len(HistoryOperation::Migrate, 9, at, 200),
            2 + 2 + 4 + 203
        );
        assert_eq!(history_entry_len(HistoryOperation::Migrate, 9, at, 0), 8);
    }

    #[test]
    fn accounts_grow_with_the_key_the_first_signature_stores() {
        // Any: 0a 20 <type url> | 12 <len> (BaseAccount)
        // BaseAccount of a contract: 0a 3f <63> | 18 07
        assert_eq!(account_len(CONTRACT, false, 7, 0), 34 + 2 + 67);
        // BaseAccount of a wallet that signed: 0a 2b <43> | 12 46 (Any: 0a 1f <31> | 12 23
        // (0a 21 <33>)) | 18 05 | 20 02
        assert_eq!(account_len(WALLET, true, 5, 2), 34 + 2 + 45 + 72 + 2 + 2);
        // Account number 0 and sequence 0 are left out.
        assert_eq!(account_len(WALLET, false, 0, 0), 34 + 2 + 45);
    }
}

//! Bech32 addresses of the lengths a real chain uses: 20-byte accounts (a wallet's key hash)
//! and 32-byte contracts (wasmd's module-derived addresses). Storage keyed by address costs
//! per byte, so a harness that gives wallets 32-byte addresses overstates every balance write.

use bech32::{Bech32, Hrp};
use sha2::{Digest, Sha256};

/// wasmd's default prefix.
pub const PREFIX: &str = "wasm";

fn encode(data: &[u8]) -> String {
    let hrp = Hrp::parse(PREFIX).expect("a valid bech32 prefix");
    bech32::encode::<Bech32>(hrp, data).expect("encodable address data")
}

/// A wallet's address: 20 bytes derived from its name.
pub fn account(name: &str) -> String {
    let digest = Sha256::digest(format!("account/{name}"));
    encode(&digest[..20])
}

/// A contract's address: 32 bytes derived from its label.
pub fn contract(label: &str) -> String {
    let digest = Sha256::digest(format!("contract/{label}"));
    encode(&digest)
}

/// The address wasmd's classic generator gives the `instance_id`-th contract of the chain when
/// it is of code `code_id` (`BuildContractAddressClassic`): the SDK's module address of "wasm"
/// derived from the two ids, big-endian, i.e. sha256(sha256("module") ‖ "wasm" ‖ 0 ‖ code id ‖
/// instance id). A contract's `WasmMsg::Instantiate` gets its address this way.
pub fn classic_contract(code_id: u64, instance_id: u64) -> String {
    let typ = Sha256::digest("module");
    let mut hasher = Sha256::new();
    hasher.update(typ);
    hasher.update(b"wasm\0");
    hasher.update(code_id.to_be_bytes());
    hasher.update(instance_id.to_be_bytes());
    encode(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_addresses_are_wasmds() {
        // The first contract of a fresh wasmd chain, of its first code.
        assert_eq!(
            classic_contract(1, 1),
            "wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d"
        );
        assert_ne!(classic_contract(1, 2), classic_contract(2, 1));
    }

    #[test]
    fn accounts_and_contracts_have_chain_lengths() {
        // "wasm" + "1" + data (20 bytes → 32 chars, 32 bytes → 52 chars) + 6 checksum chars.
        assert_eq!(account("alice").len(), 4 + 1 + 32 + 6);
        assert_eq!(contract("ctc-token").len(), 4 + 1 + 52 + 6);
        assert_ne!(account("alice"), account("bob"));
    }
}

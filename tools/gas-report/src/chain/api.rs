//! The address API a contract calls, priced as wasmd prices it (keeper/api.go): the VM adds
//! these costs to the call's compute. cosmwasm-vm's `MockApi` has the humanize and canonicalize
//! prices the other way round, which would misprice every contract that converts addresses.

use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use cosmwasm_vm::{BackendApi, BackendError, BackendResult, GasInfo};

use crate::gas::{CANONICALIZE_COST, HUMANIZE_COST};

/// The SDK's `VerifyAddressFormat` bound.
const MAX_ADDRESS_LEN: usize = 255;

#[derive(Clone)]
pub struct ChainApi {
    prefix: String,
}

impl ChainApi {
    pub fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_owned(),
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn canonicalize(&self, human: &str) -> Result<Vec<u8>, BackendError> {
        let parsed = CheckedHrpstring::new::<Bech32>(human)
            .map_err(|e| BackendError::user_err(format!("decoding bech32 failed: {e}")))?;
        // The SDK decodes an all-upper-case address too; validation then finds it not normalized.
        if parsed.hrp().to_lowercase() != self.prefix {
            return Err(BackendError::user_err(format!(
                "invalid Bech32 prefix; expected {}, got {}",
                self.prefix,
                parsed.hrp()
            )));
        }
        let bytes: Vec<u8> = parsed.byte_iter().collect();
        check_length(&bytes)?;
        Ok(bytes)
    }

    fn humanize(&self, canonical: &[u8]) -> Result<String, BackendError> {
        check_length(canonical)?;
        let hrp = Hrp::parse(&self.prefix)
            .map_err(|e| BackendError::user_err(format!("invalid prefix: {e}")))?;
        bech32::encode::<Bech32>(hrp, canonical)
            .map_err(|e| BackendError::user_err(format!("encoding bech32 failed: {e}")))
    }
}

fn check_length(bytes: &[u8]) -> Result<(), BackendError> {
    if bytes.is_empty() || bytes.len() > MAX_ADDRESS_LEN {
        return Err(BackendError::user_err(format!(
            "invalid address length: {}",
            bytes.len()
        )));
    }
    Ok(())
}

impl BackendApi for ChainApi {
    fn addr_validate(&self, input: &str) -> BackendResult<()> {
        // wasmd's validateAddress: a failed decode pays the canonicalize cost only.
        let canonical = match self.canonicalize(input) {
            Ok(bytes) => bytes,
            Err(e) => return (Err(e), GasInfo::with_cost(CANONICALIZE_COST)),
        };
        let cost = GasInfo::with_cost(CANONICALIZE_COST + HUMANIZE_COST);
        match self.humanize(&canonical) {
            Ok(normalized) if normalized == input => (Ok(()), cost),
            Ok(_) => (Err(BackendError::user_err("address not normalized")), cost),
            Err(e) => (Err(e), cost),
        }
    }

    fn addr_canonicalize(&self, human: &str) -> BackendResult<Vec<u8>> {
        (
            self.canonicalize(human),
            GasInfo::with_cost(CANONICALIZE_COST),
        )
    }

    fn addr_humanize(&self, canonical: &[u8]) -> BackendResult<String> {
        (self.humanize(canonical), GasInfo::with_cost(HUMANIZE_COST))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip_at_wasmd_prices() {
        let api = ChainApi::new("wasm");
        let (human, gas) = api.addr_humanize(&[7; 20]);
        let human = human.unwrap();
        assert_eq!(gas.cost, 5 * 140_000);
        let (canonical, gas) = api.addr_canonicalize(&human);
        assert_eq!(canonical.unwrap(), vec![7; 20]);
        assert_eq!(gas.cost, 4 * 140_000);
        let (valid, gas) = api.addr_validate(&human);
        assert!(valid.is_ok());
        assert_eq!(gas.cost, 9 * 140_000);
    }

    #[test]
    fn other_prefixes_and_upper_case_are_refused() {
        let api = ChainApi::new("wasm");
        let (human, _) = api.addr_humanize(&[7; 20]);
        let human = human.unwrap();
        let (upper, gas) = api.addr_validate(&human.to_uppercase());
        assert!(upper.is_err());
        assert_eq!(gas.cost, 9 * 140_000);
        let (other, gas) = ChainApi::new("osmo").addr_validate(&human);
        assert!(other.is_err());
        assert_eq!(gas.cost, 4 * 140_000);
    }
}

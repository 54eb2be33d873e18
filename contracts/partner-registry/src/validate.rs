//! Checks on message input, each failing with a specific error: the registry's own limits and
//! digests here, addresses and text lengths as every contract checks them.

use cosmwasm_std::HexBinary;
pub use ctc_conventions::validate::{address, optional_address, optional_text, text};

use crate::error::ContractError;

pub const MAX_NAME_BYTES: usize = 64;
pub const MAX_TEXT_BYTES: usize = 256;
pub const MAX_NAMESPACE_BYTES: usize = 64;
pub const MAX_KEY_BYTES: usize = 128;
pub const MAX_ID_BYTES: usize = 64;
pub const MAX_PARTIES: usize = 16;
pub const MAX_ACCEPTED_ATTESTERS: usize = 10;
/// Every partner or attestation change sends one message to each mirror.
pub const MAX_MIRRORS: usize = 4;

/// A sha256 digest as 64 hex characters: returns it in lower case and as its 32 raw bytes.
pub fn digest(field: &'static str, value: &str) -> Result<(String, Vec<u8>), ContractError> {
    let invalid = || ContractError::InvalidDigest { field };
    if value.len() != 64 {
        return Err(invalid());
    }
    let bytes = HexBinary::from_hex(value).map_err(|_| invalid())?;
    Ok((bytes.to_hex(), bytes.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_must_be_64_hex_characters() {
        let upper = "AB".repeat(32);
        let (hex, raw) = digest("digest", &upper).unwrap();
        assert_eq!(hex, "ab".repeat(32));
        assert_eq!(raw, vec![0xab; 32]);
        for bad in [
            "ab".repeat(31),
            "ab".repeat(33),
            "zz".repeat(32),
            String::new(),
        ] {
            assert_eq!(
                digest("digest", &bad),
                Err(ContractError::InvalidDigest { field: "digest" })
            );
        }
    }

    #[test]
    fn text_must_be_within_bounds() {
        assert!(text("name", "Grand Theater", MAX_NAME_BYTES).is_ok());
        assert!(text("name", "", MAX_NAME_BYTES).is_err());
        assert!(text("name", &"x".repeat(65), MAX_NAME_BYTES).is_err());
        assert!(optional_text("note", None, MAX_TEXT_BYTES).is_ok());
    }
}

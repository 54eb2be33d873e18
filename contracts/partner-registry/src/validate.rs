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

/// Exactly 32 bytes written as 64 hex characters (either case), by the check every contract uses.
fn hex32(value: &str) -> Option<HexBinary> {
    ctc_conventions::validate::digest_bytes("digest", value).ok()
}

/// A sha256 digest as 64 hex characters: returns it in lower case and as its 32 raw bytes.
pub fn digest(field: &'static str, value: &str) -> Result<(String, Vec<u8>), ContractError> {
    let bytes = hex32(value).ok_or(ContractError::InvalidDigest { field })?;
    Ok((bytes.to_hex(), bytes.to_vec()))
}

/// An attester's pseudonym for a person, when given: 32 bytes as 64 hex characters, as a digest
/// is. Stored as bytes, so the same subject written in upper or lower case is one subject, which
/// per-person limits rely on.
pub fn subject(value: Option<&str>) -> Result<Option<HexBinary>, ContractError> {
    value
        .map(|value| hex32(value).ok_or(ContractError::InvalidSubject))
        .transpose()
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
    fn subject_must_be_32_bytes_in_hex_when_given() {
        assert_eq!(subject(None), Ok(None));
        let upper = "C3".repeat(32);
        assert_eq!(
            subject(Some(&upper)),
            Ok(Some(HexBinary::from(vec![0xc3; 32])))
        );
        for bad in [
            "c".repeat(63),
            "c3".repeat(33),
            "zz".repeat(32),
            format!("0x{}", "c3".repeat(31)),
            String::new(),
        ] {
            assert_eq!(subject(Some(&bad)), Err(ContractError::InvalidSubject));
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

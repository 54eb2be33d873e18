//! Checks on what callers send, each naming the field it refuses.

use cosmwasm_std::{Addr, Api, Deps, Env, HexBinary};

use crate::admin::ensure_recipient_can_spend;

use crate::error::ConventionError;

/// `value` as a validated address (canonical, lower case), or `InvalidAddress` naming `field`.
pub fn address(api: &dyn Api, field: &'static str, value: &str) -> Result<Addr, ConventionError> {
    api.addr_validate(value)
        .map_err(|err| ConventionError::InvalidAddress {
            field,
            reason: err.to_string(),
        })
}

pub fn optional_address(
    api: &dyn Api,
    field: &'static str,
    value: Option<&str>,
) -> Result<Option<Addr>, ConventionError> {
    value.map(|value| address(api, field, value)).transpose()
}

/// `value` as the address of a recipient of funds (a treasury, a payout or recycle address) that
/// can spend them: not `own_name`'s own address nor another platform contract. One raw query, so
/// for configuration only.
pub fn recipient(
    deps: Deps,
    env: &Env,
    own_name: &str,
    field: &'static str,
    value: &str,
) -> Result<Addr, ConventionError> {
    let recipient = address(deps.api, field, value)?;
    ensure_recipient_can_spend(&deps.querier, env, own_name, field, &recipient)?;
    Ok(recipient)
}

/// Text of 1 to `max` bytes: an empty name or note says nothing, and every stored byte costs gas.
pub fn text(field: &'static str, value: &str, max: usize) -> Result<(), ConventionError> {
    if value.is_empty() || value.len() > max {
        return Err(ConventionError::InvalidLength { field, max });
    }
    Ok(())
}

/// Like [`text`] when present; absent is fine.
pub fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<(), ConventionError> {
    value.map_or(Ok(()), |value| text(field, value, max))
}

/// Exactly 32 bytes written as 64 hex characters (either case): a sha256 digest, or anything
/// else of that shape (an attester's subject).
pub fn digest_bytes(field: &'static str, value: &str) -> Result<HexBinary, ConventionError> {
    // The length first: `from_hex` would take any even number of characters.
    if value.len() != 64 {
        return Err(ConventionError::InvalidDigest { field });
    }
    HexBinary::from_hex(value).map_err(|_| ConventionError::InvalidDigest { field })
}

/// A sha256 digest as 64 hex characters, answered in lower case so one digest has one spelling.
pub fn digest(field: &'static str, value: &str) -> Result<String, ConventionError> {
    Ok(digest_bytes(field, value)?.to_hex())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockApi;

    #[test]
    fn addresses_are_validated_and_named() {
        let api = MockApi::default();
        let good = api.addr_make("fan");
        assert_eq!(address(&api, "owner", good.as_str()), Ok(good.clone()));
        let refused = address(&api, "owner", "not-an-address").unwrap_err();
        assert!(matches!(
            refused,
            ConventionError::InvalidAddress { field: "owner", .. }
        ));
        assert_eq!(optional_address(&api, "owner", None), Ok(None));
        assert_eq!(
            optional_address(&api, "owner", Some(good.as_str())),
            Ok(Some(good))
        );
    }

    #[test]
    fn text_is_one_to_max_bytes() {
        assert_eq!(text("name", "a", 3), Ok(()));
        assert_eq!(text("name", "abc", 3), Ok(()));
        let too_long = Err(ConventionError::InvalidLength {
            field: "name",
            max: 3,
        });
        assert_eq!(text("name", "abcd", 3), too_long);
        assert_eq!(text("name", "", 3), too_long);
        // Bytes, not characters: one CJK character is three bytes.
        assert_eq!(text("name", "票链", 3), too_long);
        assert_eq!(optional_text("name", None, 3), Ok(()));
        assert_eq!(optional_text("name", Some(""), 3), too_long);
    }

    #[test]
    fn a_digest_is_64_hex_characters_in_one_spelling() {
        assert_eq!(digest("digest", &"AB".repeat(32)), Ok("ab".repeat(32)));
        for bad in [
            "ab".repeat(31),
            "ab".repeat(33),
            "zz".repeat(32),
            String::new(),
        ] {
            assert_eq!(
                digest("digest", &bad),
                Err(ConventionError::InvalidDigest { field: "digest" })
            );
        }
    }
}

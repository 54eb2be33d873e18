//! The platform's configuration, read from the one file deploy/ reads it from
//! (`deploy/platform.json`, by `deploy/src/platform-config.ts`): every instantiate parameter that is
//! not an address, by contract name, under the instantiate messages' own field names. The
//! cross-contract suites (`tests/`) and the gas report (`tools/gas-report`) build their
//! instantiate messages from it, so the platform they run is the one deploy/ deploys.

use serde_json::{json, Map, Value};

/// `deploy/platform.json` as compiled in.
pub const PLATFORM_JSON: &str = include_str!("../../../deploy/platform.json");

/// The contracts the file configures, by code, in the order deploy/ instantiates them (two
/// lock-ups and four funds share the codes `lockups` and `allocation-fund`).
pub const CONTRACTS: [&str; 13] = [
    "partner-registry",
    "lockups",
    "allocation-fund",
    "ctc-token",
    "randomness",
    "ticket-nft",
    "crowdfund",
    "tipping",
    "outcome-oracle",
    "wager-pool",
    "schedules",
    "vouchers",
    "account-factory",
];

/// Keys the file uses for notes to the reader, at its top and in each contract.
const COMMENT: &str = "$comment";

fn file() -> Map<String, Value> {
    match serde_json::from_str(PLATFORM_JSON) {
        Ok(Value::Object(file)) => file,
        Ok(other) => panic!("deploy/platform.json is not an object: {other}"),
        Err(err) => panic!("deploy/platform.json does not parse: {err}"),
    }
}

/// Contract `name`'s parameters as the file writes them, in its order, without `$comment`.
/// Panics when the file does not configure `name`.
pub fn parameters(name: &str) -> Map<String, Value> {
    let Some(Value::Object(parameters)) = file().remove(name) else {
        panic!("deploy/platform.json has no object for {name}");
    };
    parameters
        .into_iter()
        .filter(|(key, _)| key != COMMENT)
        .collect()
}

/// The instantiate message of contract `name`: the fields of `addresses` (an object, in its order),
/// then the file's parameters for `name` (in the file's order). Tipping's `native_min_tip` becomes
/// `native_denoms: [{ denom: native_denom, min_tip }]`, in its place, as deploy/ sends it. A field
/// the caller wants after the parameters (e.g. `owner`) it adds to the answer.
///
/// Panics when `addresses` is not an object or names a parameter the file sets.
pub fn instantiate_msg(name: &str, native_denom: &str, addresses: Value) -> Value {
    let Value::Object(mut msg) = addresses else {
        panic!("the addresses of {name} are not an object: {addresses}");
    };
    for (key, value) in parameters(name) {
        // A lock-up's lock lengths are not fields: the caller computes `locked_until` from them
        // and the listing time (`lock_seconds`).
        if name == "lockups" {
            continue;
        }
        let (key, value) = match (name, key.as_str()) {
            ("tipping", "native_min_tip") => (
                "native_denoms".to_owned(),
                json!([{ "denom": native_denom, "min_tip": value }]),
            ),
            _ => (key, value),
        };
        assert!(
            !msg.contains_key(&key),
            "{name}: {key} is set by deploy/platform.json, not by the caller"
        );
        msg.insert(key, value);
    }
    Value::Object(msg)
}

/// How long the lock-up of `bucket` (`founding_team` or `institutional_investors`) locks its CTC
/// from listing, in seconds.
pub fn lock_seconds(bucket: &str) -> u64 {
    let key = format!("{bucket}_lock_seconds");
    parameters("lockups")
        .get(&key)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("deploy/platform.json has no lockups.{key}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_and_configures_each_contract() {
        let file = file();
        for name in CONTRACTS {
            assert!(
                matches!(file.get(name), Some(Value::Object(_))),
                "deploy/platform.json has no object for {name}"
            );
            assert!(!parameters(name).contains_key(COMMENT));
        }
        let unknown: Vec<&String> = file
            .keys()
            .filter(|key| *key != COMMENT && !CONTRACTS.contains(&key.as_str()))
            .collect();
        assert!(unknown.is_empty(), "contracts nobody deploys: {unknown:?}");
    }

    #[test]
    fn the_message_is_the_addresses_then_the_parameters() {
        let msg = instantiate_msg(
            "tipping",
            "ustake",
            json!({ "token": "ctc", "registry": "registry", "treasury": "treasury" }),
        );
        let Value::Object(msg) = msg else {
            unreachable!()
        };
        let tipping = parameters("tipping");
        assert_eq!(
            msg.get("native_denoms"),
            Some(&json!([{ "denom": "ustake", "min_tip": tipping["native_min_tip"] }]))
        );
        assert_eq!(msg.get("fee"), tipping.get("fee"));
        assert!(!msg.contains_key("native_min_tip") && !msg.contains_key(COMMENT));
        assert_eq!(msg["token"], "ctc");
        assert_eq!(msg.len(), 3 + tipping.len());
    }

    #[test]
    #[should_panic(expected = "is set by deploy/platform.json")]
    fn a_caller_cannot_override_a_parameter() {
        instantiate_msg("crowdfund", "ustake", json!({ "platform_fee": 0 }));
    }
}

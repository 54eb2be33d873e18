//! What wasmd (x/wasm) and the Cosmos SDK store charge, in SDK gas, as pure functions.
//!
//! Every constant names the Go identifier it mirrors, so a reader can check it against
//! wasmd v0.60.8's `x/wasm/types/gas_register.go`, `x/wasm/keeper/api.go` and the SDK's
//! `store/types/gas.go` (`KVGasConfig`, cosmossdk.io/store v1.1.2, as in SDK v0.53).

use cosmwasm_std::{Attribute, Event};

/// CosmWasm gas per SDK gas for CosmWasm 2.x (`DefaultGasMultiplier`, gas_register.go).
pub const GAS_MULTIPLIER: u64 = 140_000;
/// SDK gas to load and set up a contract instance, per call (`DefaultInstanceCost`).
pub const INSTANCE_COST: u64 = 60_000;
/// Charged instead when wasmd assumes the module is already in memory
/// (`DefaultInstanceCostDiscount`): the code is pinned, or its checksum already ran in the same
/// transaction (`checkDiscountEligibility`), or the call is a reply (`ReplyCosts(true, …)`).
pub const INSTANCE_COST_DISCOUNT: u64 = 2_000;
/// CosmWasm gas wasmd's API charges per address conversion (`DefaultGasCostHumanAddress`,
/// `DefaultGasCostCanonicalAddress`, keeper/api.go, × `DefaultGasMultiplier`); a validation
/// pays both.
pub const HUMANIZE_COST: u64 = 5 * GAS_MULTIPLIER;
pub const CANONICALIZE_COST: u64 = 4 * GAS_MULTIPLIER;
/// SDK gas per attribute a contract emits (`DefaultPerAttributeCost`).
pub const PER_ATTRIBUTE_COST: u64 = 10;
/// SDK gas per byte of attribute key + value and of custom event types
/// (`DefaultEventAttributeDataCost`).
pub const EVENT_ATTRIBUTE_DATA_COST: u64 = 1;
/// Bytes of attribute data per call that are not charged (`DefaultEventAttributeDataFreeTier`).
pub const EVENT_ATTRIBUTE_DATA_FREE_TIER: u64 = 100;
/// SDK gas per custom event (`DefaultPerCustomEventCost`).
pub const PER_CUSTOM_EVENT_COST: u64 = 20;
/// SDK gas per byte of the JSON a call returns, charged by wasmvm when it deserializes the
/// result (`DefaultDeserializationCostPerByte`; wasmd passes it as `costJSONDeserialization`
/// = 1 × `DefaultGasMultiplier` CosmWasm gas per byte).
pub const DESERIALIZATION_COST_PER_BYTE: u64 = 1;

/// The SDK's `KVGasConfig()` (store/types/gas.go), charged by the gas KV store that wraps
/// every module store, wasm's included.
pub mod kv {
    pub const HAS_COST: u64 = 1_000;
    pub const DELETE_COST: u64 = 1_000;
    pub const READ_COST_FLAT: u64 = 1_000;
    pub const READ_COST_PER_BYTE: u64 = 3;
    pub const WRITE_COST_FLAT: u64 = 2_000;
    pub const WRITE_COST_PER_BYTE: u64 = 30;
    pub const ITER_NEXT_COST_FLAT: u64 = 30;
}

/// wasmd stores a contract's key `k` under `0x03 ‖ contract address ‖ k`
/// (`ContractStorePrefix` + a 32-byte contract address), and the gas store below the prefix
/// store sees, and charges, the whole key.
pub const CONTRACT_STORE_PREFIX_LEN: u64 = 1 + 32;

/// `gaskv.Store.Get`: flat + per byte of key and value (an absent key reads 0 value bytes).
pub fn read_gas(key_len: u64, value_len: u64) -> u64 {
    kv::READ_COST_FLAT + kv::READ_COST_PER_BYTE * (key_len + value_len)
}

/// `gaskv.Store.Set`: flat + per byte of key and value.
pub fn write_gas(key_len: u64, value_len: u64) -> u64 {
    kv::WRITE_COST_FLAT + kv::WRITE_COST_PER_BYTE * (key_len + value_len)
}

/// `gaskv.Store.Delete`: flat, whatever the size.
pub fn delete_gas() -> u64 {
    kv::DELETE_COST
}

/// `gasIterator.consumeSeekGas`: flat per step + per byte of the record the iterator stands
/// on (nothing per byte once it is exhausted). Charged once when the iterator is opened and
/// once per record handed to the contract, so the first record is paid twice.
pub fn iterator_step_gas(record: Option<(u64, u64)>) -> u64 {
    let bytes = record.map_or(0, |(key_len, value_len)| key_len + value_len);
    kv::ITER_NEXT_COST_FLAT + kv::READ_COST_PER_BYTE * bytes
}

/// CosmWasm gas of compute → SDK gas, rounded down as wasmd's `FromWasmVMGas` does.
pub fn compute_gas(vm_gas: u64) -> u64 {
    vm_gas / GAS_MULTIPLIER
}

/// Attribute data cost with the free tier left over from earlier attributes of the same call
/// (`eventAttributeCosts`): returns the gas and the free tier still unused.
fn attribute_costs<'a>(
    attributes: impl IntoIterator<Item = &'a Attribute>,
    free_tier: u64,
) -> (u64, u64) {
    let (count, bytes) = attributes.into_iter().fold((0u64, 0u64), |(n, b), a| {
        (n + 1, b + (a.key.len() + a.value.len()) as u64)
    });
    if count == 0 {
        return (0, free_tier);
    }
    let charged = bytes.saturating_sub(free_tier);
    let free_left = free_tier.saturating_sub(bytes);
    (
        EVENT_ATTRIBUTE_DATA_COST * charged + PER_ATTRIBUTE_COST * count,
        free_left,
    )
}

/// `EventCosts`: what a successful execute, instantiate or reply pays for the attributes and
/// custom events of its response. The 100-byte free tier is shared by all of them, applied to
/// the response's own attributes first; a custom event's type has no free tier.
pub fn response_event_gas(attributes: &[Attribute], events: &[Event]) -> u64 {
    let (mut gas, mut free_tier) = attribute_costs(attributes, EVENT_ATTRIBUTE_DATA_FREE_TIER);
    for event in events {
        gas += PER_CUSTOM_EVENT_COST + EVENT_ATTRIBUTE_DATA_COST * event.ty.len() as u64;
        let (attribute_gas, left) = attribute_costs(&event.attributes, free_tier);
        gas += attribute_gas;
        free_tier = left;
    }
    gas
}

/// `SetupContractCost`: the instance cost (the message bytes are free,
/// `DefaultContractMessageDataCost` is 0).
pub fn setup_gas(discounted: bool) -> u64 {
    if discounted {
        INSTANCE_COST_DISCOUNT
    } else {
        INSTANCE_COST
    }
}

/// `ReplyCosts` without the instance cost: a reply pays again for the events of the
/// sub-message it receives: their type bytes, then all their attributes as one set through
/// `EventCosts`, so with the 100-byte free tier but no per-event cost.
pub fn reply_event_gas(sub_message_events: &[Event]) -> u64 {
    let type_bytes: u64 = sub_message_events.iter().map(|e| e.ty.len() as u64).sum();
    let (attribute_gas, _) = attribute_costs(
        sub_message_events.iter().flat_map(|e| e.attributes.iter()),
        EVENT_ATTRIBUTE_DATA_FREE_TIER,
    );
    EVENT_ATTRIBUTE_DATA_COST * type_bytes + attribute_gas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_count_key_and_value_bytes() {
        // A cw20 balance: 33-byte prefix + "balance" namespace (2 + 7) + a 20-byte address,
        // value "\"1000\"" (6 bytes).
        let key = CONTRACT_STORE_PREFIX_LEN + 2 + 7 + 20;
        assert_eq!(key, 62);
        assert_eq!(read_gas(key, 6), 1_000 + 3 * 68);
        assert_eq!(write_gas(key, 6), 2_000 + 30 * 68);
        // A missing key still pays the flat cost and its key bytes.
        assert_eq!(read_gas(key, 0), 1_186);
        assert_eq!(delete_gas(), 1_000);
    }

    #[test]
    fn iterator_steps_pay_per_record_and_a_flat_step() {
        assert_eq!(iterator_step_gas(Some((40, 10))), 30 + 150);
        assert_eq!(iterator_step_gas(None), 30);
    }

    #[test]
    fn compute_rounds_down() {
        assert_eq!(compute_gas(22_400_000), 160);
        assert_eq!(compute_gas(139_999), 0);
        assert_eq!(compute_gas(140_000), 1);
    }

    #[test]
    fn attributes_under_the_free_tier_pay_only_their_count() {
        // cw20 transfer: action=transfer, from, to, amount with 20-byte (39-char) addresses.
        let attributes = vec![
            Attribute::new("action", "transfer"),
            Attribute::new("amount", "1000"),
        ];
        // 6+8 + 6+4 = 24 bytes, free.
        assert_eq!(response_event_gas(&attributes, &[]), 20);
    }

    #[test]
    fn the_free_tier_is_shared_by_attributes_and_custom_events() {
        let long = "x".repeat(90);
        let attributes = vec![Attribute::new("k", long.clone())]; // 91 bytes: 9 free left
        let event = Event::new("ticket").add_attribute("token_id", "1-0"); // 11 bytes: 2 charged
        let gas = response_event_gas(&attributes, &[event]);
        assert_eq!(gas, 10 + (20 + 6) + (10 + 2));
        // No attributes at all costs nothing.
        assert_eq!(response_event_gas(&[], &[]), 0);
    }

    #[test]
    fn a_reply_pays_for_the_sub_message_events_with_one_free_tier() {
        let events = vec![
            Event::new("execute").add_attribute("_contract_address", "c"),
            Event::new("wasm")
                .add_attribute("_contract_address", "c")
                .add_attribute("action", "create_question"),
        ];
        // types 7 + 4, attributes 18 + 18 + 21 = 57 bytes (free), 3 attributes.
        assert_eq!(reply_event_gas(&events), 11 + 30);
        let long = Event::new("wasm").add_attribute("k", "v".repeat(120));
        // 121 bytes: 21 beyond the free tier.
        assert_eq!(reply_event_gas(&[long]), 4 + 21 + 10);
    }

    #[test]
    fn setup_is_discounted_thirty_fold() {
        assert_eq!(setup_gas(false), 60_000);
        assert_eq!(setup_gas(true), 2_000);
    }
}

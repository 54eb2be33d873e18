//! The raw storage keys are the contract's on-chain layout: a migrated contract reads what the
//! previous code wrote. One entry in every `Item` and `Map` of `state.rs` (and the shared cw2 and
//! cw-ownable records), and the exact keys they land on, so a renamed namespace or a changed key
//! type fails here instead of stranding stored data.

use cosmwasm_std::testing::mock_dependencies;
use cosmwasm_std::Empty;
use ctc_testkit::stored_keys_naming;
use cw721::Expiration;

use super::*;
use crate::contract::CONTRACT;
use crate::msg::{ReportTotals, SupervisionAction, SupervisionRecord};
use crate::state::{
    Change, Ledger, Listing, Record, CONFIG, EVENTS, EVENT_COUNT, EVENT_RECORDS, EVENT_TEXTS,
    HISTORY, LEDGERS, LISTINGS, MINTERS, OPERATORS, OWNED, PERSON_PURCHASES, PURCHASES, REPORTS,
    SCANNERS, SEATS, TICKETS, TICKET_COUNT, TIERS, TOKEN, VOUCHERS,
};

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    // Stored values of every type, as the contract writes them.
    let mut chain = Chain::new();
    chain.buy(0, 1, 1, 250 * CTC).unwrap();
    let stored = &chain.deps.storage;
    let config = CONFIG.load(stored).unwrap();
    let event = EVENTS.load(stored, 1).unwrap();
    let tier = TIERS.load(stored, (1, 1)).unwrap();
    let text = EVENT_TEXTS.load(stored, 1).unwrap();
    let ticket = TICKETS.load(stored, (1, 10)).unwrap();
    let standing = ctc_conventions::mirror::PARTNERS
        .load(stored, &chain.accounts.issuer)
        .unwrap();
    let supervision = SupervisionRecord {
        id: 0,
        action: SupervisionAction::Frozen,
        by: chain.accounts.owner.clone(),
        reason: "inquiry".into(),
        digest: "ab".repeat(32),
        time: chain.env.block.time,
        height: chain.env.block.height,
    };
    let record = Record {
        sequence: 0,
        change: Change::Refunded {
            to: chain.accounts.fans[0].clone(),
            amount: Uint128::new(1),
        },
        time: chain.env.block.time,
        height: chain.env.block.height,
    };

    // One entry each in empty storage, under short keys that read well escaped.
    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let info = cosmwasm_std::testing::message_info(&owner, &[]);
    ctc_conventions::instantiate(deps.as_mut(), &info, CONTRACT, None).unwrap();
    let (alice, bob) = (deps.api.addr_make("alice"), deps.api.addr_make("bob"));
    let storage = &mut deps.storage;
    CONFIG.save(storage, &config).unwrap();
    TOKEN.save(storage, &bob).unwrap();
    VOUCHERS.save(storage, &alice).unwrap();
    EVENT_TEXTS.save(storage, 7, &text).unwrap();
    LEDGERS.save(storage, 7, &Ledger::default()).unwrap();
    ctc_conventions::mirror::PARTNERS
        .save(storage, &alice, &standing)
        .unwrap();
    let attested = ctc_interfaces::registry::AttestedLevel {
        level: IdentityLevel::Phone,
        expires_at: None,
        subject: None,
    };
    ctc_conventions::mirror::ATTESTATIONS
        .save(storage, (&alice, &bob), &attested)
        .unwrap();
    EVENTS.save(storage, 7, &event).unwrap();
    EVENT_COUNT.save(storage, &7).unwrap();
    TIERS.save(storage, (7, 2), &tier).unwrap();
    SEATS.save(storage, (7, 2, 3), &"A1".to_owned()).unwrap();
    PURCHASES.save(storage, (7, 2, &alice), &1).unwrap();
    SCANNERS.save(storage, (7, &alice), &Empty {}).unwrap();
    MINTERS.save(storage, (7, &bob), &Empty {}).unwrap();
    TICKETS.save(storage, (7, 0), &ticket).unwrap();
    OWNED.save(storage, (&alice, "7-0"), &Empty {}).unwrap();
    OPERATORS
        .save(storage, (&alice, &bob), &Expiration::Never {})
        .unwrap();
    TICKET_COUNT.save(storage, &1).unwrap();
    let listing = Listing {
        seller: alice.clone(),
        price: Uint128::new(1),
    };
    LISTINGS.save(storage, (7, "7-0"), &listing).unwrap();
    HISTORY.save(storage, ("7-0", 4), &record).unwrap();
    PERSON_PURCHASES
        .save(storage, ((7, 2), &bob, &[0xab; 2]), &1)
        .unwrap();
    EVENT_RECORDS.save(storage, (7, 0), &supervision).unwrap();
    REPORTS
        .save(storage, (&alice, 3), &ReportTotals::default())
        .unwrap();

    assert_eq!(
        stored_keys_naming(storage, &[("alice", &alice), ("bob", &bob)]),
        [
            // Maps: the namespace's length (2 bytes) and name, then each key but the last with
            // its length; integers big-endian, strings and addresses as their bytes (`<alice>`
            // is alice's address, 67 bytes long: `\x00C` in front of it).
            r"\x00\x05owned\x00C<alice>7-0",
            r"\x00\x05seats\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x01\x02\x00\x00\x00\x03",
            r"\x00\x05tiers\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x02",
            r"\x00\x06events\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x07history\x00\x037-0\x00\x00\x00\x04",
            r"\x00\x07ledgers\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x07minters\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07<bob>",
            // A ticket's key is its token id parsed: event id, then serial, both big-endian.
            r"\x00\x07reports\x00C<alice>\x00\x00\x00\x03",
            r"\x00\x07tickets\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00",
            r"\x00\x08listings\x00\x08\x00\x00\x00\x00\x00\x00\x00\x077-0",
            r"\x00\x08scanners\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07<alice>",
            r"\x00\x09operators\x00C<alice><bob>",
            r"\x00\x09purchases\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x01\x02<alice>",
            r"\x00\x0bevent_texts\x00\x00\x00\x00\x00\x00\x00\x07",
            r"\x00\x0devent_records\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00",
            // The registry's mirrored answers (`ctc_conventions::mirror`).
            r"\x00\x0fmirror_partners<alice>",
            // A person is the attester and its subject for them, after the (event, tier) pair.
            r"\x00\x10person_purchases\x00\x08\x00\x00\x00\x00\x00\x00\x00\x07\x00\x01\x02\x00C<bob>\xab\xab",
            r"\x00\x13mirror_attestations\x00C<alice><bob>",
            // Items: the name alone (cw2's and cw-ownable's too).
            "config",
            "contract_info",
            "event_count",
            "ownership",
            "ticket_count",
            "token",
            "vouchers",
        ]
    );
}

/// 0.2.0 stored each record whole, its sequence and a move's receiver included; this version
/// leaves both out. A record of either shape is answered the same.
#[test]
fn a_record_written_by_0_2_0_is_answered_as_before() {
    use cosmwasm_std::Storage;
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    let history = |chain: &Chain| -> crate::msg::HistoryResponse {
        chain.ask(QueryMsg::History {
            token_id: "1-0".into(),
            start_after: None,
            limit: None,
        })
    };
    let answered = history(&chain);
    let key = HISTORY.key(("1-0", 1));
    let stored = chain.deps.storage.get(&key).unwrap();
    assert!(!String::from_utf8_lossy(&stored).contains("\"to\""));
    let record = &answered.records[1];
    let old = format!(
        r#"{{"sequence":1,"change":{{"transferred":{{"from":"{}","to":"{}"}}}},"time":"{}","height":{}}}"#,
        fans[0],
        fans[1],
        record.time.nanos(),
        record.height
    );
    chain.deps.storage.set(&key, old.as_bytes());
    assert_eq!(history(&chain), answered);
}

/// Issue 21 gave tiers `members_of`: a tier without it is stored in exactly the bytes it was
/// before, so the stored tiers of existing events read back unchanged and a purchase rewrites
/// none of them; one with it adds the field at the end.
#[test]
fn a_tier_without_a_members_class_is_stored_as_before() {
    use cosmwasm_std::Storage;
    let mut chain = Chain::new();
    let stored = |chain: &Chain, key| {
        String::from_utf8(chain.deps.storage.get(&TIERS.key(key)).unwrap()).unwrap()
    };
    let stalls = r#"{"name":"Stalls","price":"100000000","supply":10,"first_serial":0,"seated":false,"per_wallet_limit":4,"reserved":0}"#;
    assert_eq!(stored(&chain, (1, 0)), stalls);
    let tier = TIERS.load(&chain.deps.storage, (1, 0)).unwrap();
    assert_eq!(tier.members_of, None);
    assert_eq!(cosmwasm_std::to_json_string(&tier).unwrap(), stalls);

    create_event(&mut chain, |input| input.tiers[0].members_of = Some(9)).unwrap();
    let members = stalls.replace('}', r#","members_of":9}"#);
    assert_eq!(stored(&chain, (2, 0)), members);
    assert_eq!(
        TIERS.load(&chain.deps.storage, (2, 0)).unwrap().members_of,
        Some(9)
    );
}

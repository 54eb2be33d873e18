//! The raw keys the contract stores under, pinned: a renamed namespace or a changed key encoding
//! would strand what a deployed contract holds.

use ctc_testkit::stored_keys_naming;

use super::*;

#[test]
fn every_namespace_and_key_encoding_is_pinned() {
    let mut chain = Chain::with_paid_voucher();
    let a = &chain.accounts;
    let (fan, fan2, scanner, owner) = (
        a.fan.clone(),
        a.fan2.clone(),
        a.scanner.clone(),
        a.owner.clone(),
    );
    chain.transfer(&fan, &fan2, "1-0").unwrap();
    let code = chain.code(2, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
    let freeze = ExecuteMsg::FreezeClass {
        class_id: 1,
        frozen: true,
        reason: "r".into(),
        digest: digest(),
    };
    chain.execute(&owner, freeze).unwrap();
    let a = &chain.accounts;
    let names = [
        ("cafe", &a.cafe),
        ("bakery", &a.bakery),
        ("florist", &a.florist),
        ("attester", &a.attester),
        ("scanner", &a.scanner),
        ("bakery_scanner", &a.bakery_scanner),
        ("fan", &a.fan),
        ("fan2", &a.fan2),
        ("fan3", &a.fan3),
    ];
    let keys = stored_keys_naming(&chain.deps.storage, &names);
    // cw-storage-plus: an `Item` is its namespace; a `Map` key is the namespace and each part of
    // the key but the last behind a two-byte length. Numbers are big-endian. An `addr_make`
    // address is 67 bytes (`\x00C` in front), a fan's key-derived one 47 (`\x00/`).
    let pinned = [
        r"\x00\x05owned\x00/<fan2>1-0",
        r"\x00\x06earned<cafe>",
        r"\x00\x06supply\x00\x00\x00\x00\x00\x00\x00\x01",
        r"\x00\x07classes\x00\x00\x00\x00\x00\x00\x00\x01",
        r"\x00\x08acquired\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01<fan>",
        r"\x00\x08scanners\x00C<cafe><scanner>",
        r"\x00\x08scanners\x00C<bakery><bakery_scanner>",
        r"\x00\x08vouchers\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00",
        r"\x00\x0aclass_meta\x00\x00\x00\x00\x00\x00\x00\x01",
        r"\x00\x0dclass_records\x00\x08\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00",
        r"\x00\x0fmirror_partners<cafe>",
        r"\x00\x0fmirror_partners<florist>",
        r"\x00\x0fmirror_partners<attester>",
        r"\x00\x0fmirror_partners<bakery>",
        r"\x00\x13mirror_attestations\x00/<fan><attester>",
        r"\x00\x13mirror_attestations\x00/<fan2><attester>",
        r"\x00\x13mirror_attestations\x00/<fan3><attester>",
        "class_count",
        "config",
        "contract_info",
        "ownership",
    ];
    assert_eq!(keys, pinned);
}

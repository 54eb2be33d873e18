//! A holder's short-lived proof that it controls its address: the text of one action, signed by
//! the holder's wallet as ADR-036 arbitrary data (Keplr's `signArbitrary`, or any amino signer),
//! and shown as a QR code. A contract checks it, so staff at a door cannot act on a ticket or a
//! voucher without its holder, and a screenshot stops working within minutes.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Api, Binary, CanonicalAddr, QuerierWrapper, Timestamp};

use crate::accounts::{CanPresentResponse, HolderQueryMsg, PresentRight};
use ripemd::Ripemd160;
use sha2::{Digest, Sha256};

/// The longest a proof may stay valid: long enough to walk from the queue to the scanner.
pub const MAX_PROOF_LIFETIME_SECONDS: u64 = 300;

#[cw_serde]
pub struct HolderProof {
    /// The holder's secp256k1 public key, compressed (33 bytes), as Cosmos accounts use.
    pub pubkey: Binary,
    /// The 64-byte signature (r ‖ s) of the ADR-036 sign doc of the action's text.
    pub signature: Binary,
    /// The proof is refused from this moment; at most five minutes after the block it is used in.
    pub expires_at: Timestamp,
}

#[derive(thiserror::Error, Debug, PartialEq)]
pub enum ProofError {
    #[error("the holder's proof expired at {expires_at}; show a fresh code")]
    Expired { expires_at: Timestamp },

    #[error("the holder's proof may be valid for at most {max_seconds} seconds")]
    TooLongLived { max_seconds: u64 },

    #[error("the holder's proof needs a 33-byte compressed secp256k1 public key")]
    InvalidPubkey,

    #[error("the proof was signed by a key that does not belong to {holder}")]
    NotTheHolder { holder: String },

    #[error("the holder's signature does not match the action")]
    InvalidSignature,
}

/// The text a holder signs to admit `token_id` at the door of `contract` on `chain_id`. Readable,
/// because a wallet shows it before signing.
pub fn check_in_text(
    chain_id: &str,
    contract: &Addr,
    token_id: &str,
    expires_at: Timestamp,
) -> String {
    format!(
        "TicketChain check-in\nchain: {chain_id}\ncontract: {contract}\nticket: {token_id}\nexpires: {}",
        expires_at.seconds()
    )
}

/// The text a holder signs to let a merchant's scanner redeem `units` of `voucher` (a token id
/// such as `7-3`) on `contract` on `chain_id`. `held` is what the voucher holds before this
/// redemption: every redemption lowers it, so one code redeems once even within its lifetime, and
/// the scanner cannot take more units than the holder agreed to.
pub fn redeem_text(
    chain_id: &str,
    contract: &Addr,
    voucher: &str,
    units: u64,
    held: u64,
    expires_at: Timestamp,
) -> String {
    format!(
        "TicketChain voucher redeem\nchain: {chain_id}\ncontract: {contract}\nvoucher: {voucher}\nunits: {units}\nheld: {held}\nexpires: {}",
        expires_at.seconds()
    )
}

/// The bytes an amino signer signs for ADR-036 arbitrary data: the canonical (sorted, compact)
/// JSON of a sign doc with one `sign/MsgSignData`, empty chain id, zero fee, account and sequence.
pub fn adr036_sign_bytes(signer: &Addr, data: &[u8]) -> Vec<u8> {
    format!(
        concat!(
            r#"{{"account_number":"0","chain_id":"","fee":{{"amount":[],"gas":"0"}},"memo":"","#,
            r#""msgs":[{{"type":"sign/MsgSignData","value":{{"data":"{}","signer":"{}"}}}}],"#,
            r#""sequence":"0"}}"#
        ),
        Binary::from(data).to_base64(),
        signer
    )
    .into_bytes()
}

/// Checks that `holder` signed `text` with a proof that is still fresh at `now`. A Cosmos account
/// address is the RIPEMD-160 of the SHA-256 of its compressed public key; addresses of other
/// kinds (contracts, Ethereum-style keys) cannot sign such a proof.
pub fn verify_holder_proof(
    api: &dyn Api,
    now: Timestamp,
    proof: &HolderProof,
    holder: &Addr,
    text: &str,
) -> Result<(), ProofError> {
    let key_address = fresh_key_address(now, proof)?;
    let canonical = canonical_holder(api, holder)?;
    if canonical.as_slice() != &key_address[..] {
        return Err(not_the_holder(holder));
    }
    verify_signature(api, proof, holder, text)
}

/// Checks a proof for a ticket or voucher `holder` that may be a contract account (issue 24). A
/// proof signed by the holder's own key passes exactly as `verify_holder_proof` does, with no
/// query, and gives `None`. A proof signed by another key passes only when the key signed as its
/// own address and the holder, asked, answers that this key may present `right` for it now; it
/// gives the key's address, so the caller can record who presented. A holder that is not a
/// contract cannot answer (the query fails), so another key never presents for a wallet.
///
/// Only the holder is asked, and its answer decides only who may present what it holds.
pub fn verify_presenter(
    querier: QuerierWrapper,
    api: &dyn Api,
    now: Timestamp,
    proof: &HolderProof,
    holder: &Addr,
    text: &str,
    right: PresentRight,
) -> Result<Option<Addr>, ProofError> {
    let key_address = fresh_key_address(now, proof)?;
    let canonical = canonical_holder(api, holder)?;
    if canonical.as_slice() == &key_address[..] {
        return verify_signature(api, proof, holder, text).map(|()| None);
    }
    let presenter = api
        .addr_humanize(&key_address.to_vec().into())
        .map_err(|_| ProofError::InvalidPubkey)?;
    verify_signature(api, proof, &presenter, text)?;
    let answer: Result<CanPresentResponse, _> = querier.query_wasm_smart(
        holder,
        &HolderQueryMsg::CanPresent {
            key: presenter.to_string(),
            right,
        },
    );
    match answer {
        Ok(CanPresentResponse { allowed: true }) => Ok(Some(presenter)),
        _ => Err(not_the_holder(holder)),
    }
}

/// The proof's signing key as a 20-byte account address, once its lifetime checks pass.
fn fresh_key_address(now: Timestamp, proof: &HolderProof) -> Result<[u8; 20], ProofError> {
    if proof.expires_at <= now {
        return Err(ProofError::Expired {
            expires_at: proof.expires_at,
        });
    }
    if proof.expires_at > now.plus_seconds(MAX_PROOF_LIFETIME_SECONDS) {
        return Err(ProofError::TooLongLived {
            max_seconds: MAX_PROOF_LIFETIME_SECONDS,
        });
    }
    if proof.pubkey.len() != 33 {
        return Err(ProofError::InvalidPubkey);
    }
    Ok(Ripemd160::digest(Sha256::digest(proof.pubkey.as_slice())).into())
}

fn canonical_holder(api: &dyn Api, holder: &Addr) -> Result<CanonicalAddr, ProofError> {
    api.addr_canonicalize(holder.as_str())
        .map_err(|_| not_the_holder(holder))
}

fn not_the_holder(holder: &Addr) -> ProofError {
    ProofError::NotTheHolder {
        holder: holder.to_string(),
    }
}

/// The proof's signature over `text` as signed by `signer`'s wallet.
fn verify_signature(
    api: &dyn Api,
    proof: &HolderProof,
    signer: &Addr,
    text: &str,
) -> Result<(), ProofError> {
    let hash = Sha256::digest(adr036_sign_bytes(signer, text.as_bytes()));
    match api.secp256k1_verify(&hash, &proof.signature, &proof.pubkey) {
        Ok(true) => Ok(()),
        Ok(false) | Err(_) => Err(ProofError::InvalidSignature),
    }
}

/// Keys and proofs for tests: accounts whose addresses come from a secp256k1 key, as a
/// wallet's do, so they can sign holder proofs.
#[cfg(any(test, feature = "testing"))]
pub mod testing {
    use super::*;
    use k256::ecdsa::{signature::Signer, Signature, SigningKey};

    /// The key of test account `seed` (any non-zero byte).
    pub fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32].into()).expect("a non-zero seed is a valid key")
    }

    /// The compressed public key and the address of `key` under `api`'s prefix.
    pub fn account(api: &dyn Api, key: &SigningKey) -> (Binary, Addr) {
        let pubkey = Binary::from(key.verifying_key().to_encoded_point(true).as_bytes());
        let raw = Ripemd160::digest(Sha256::digest(pubkey.as_slice()));
        let address = api
            .addr_humanize(&raw.to_vec().into())
            .expect("20 bytes make an address");
        (pubkey, address)
    }

    /// The proof `key`'s account gives for `text`, valid until `expires_at`.
    pub fn sign(api: &dyn Api, key: &SigningKey, text: &str, expires_at: Timestamp) -> HolderProof {
        let (pubkey, holder) = account(api, key);
        let signature: Signature = key.sign(&adr036_sign_bytes(&holder, text.as_bytes()));
        HolderProof {
            pubkey,
            signature: signature.to_bytes().to_vec().into(),
            expires_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{account, key, sign};
    use super::*;
    use cosmwasm_std::testing::MockApi;

    #[test]
    fn the_sign_doc_is_the_one_wallets_sign() {
        let holder = MockApi::default().addr_make("holder");
        let doc = adr036_sign_bytes(&holder, b"hi");
        assert_eq!(
            String::from_utf8(doc).unwrap(),
            format!(
                r#"{{"account_number":"0","chain_id":"","fee":{{"amount":[],"gas":"0"}},"memo":"","msgs":[{{"type":"sign/MsgSignData","value":{{"data":"aGk=","signer":"{holder}"}}}}],"sequence":"0"}}"#
            )
        );
    }

    #[test]
    fn a_redeem_text_names_the_action_the_contract_the_voucher_and_the_expiry() {
        let contract = MockApi::default().addr_make("vouchers");
        let text = redeem_text(
            "ctc-1",
            &contract,
            "7-3",
            2,
            5,
            Timestamp::from_seconds(1_300),
        );
        assert_eq!(
            text,
            format!(
                "TicketChain voucher redeem\nchain: ctc-1\ncontract: {contract}\nvoucher: 7-3\nunits: 2\nheld: 5\nexpires: 1300"
            )
        );
        let check_in = check_in_text("ctc-1", &contract, "7-3", Timestamp::from_seconds(1_300));
        assert_ne!(text, check_in, "a check-in code cannot redeem a voucher");
    }

    #[test]
    fn only_a_fresh_proof_by_the_holders_key_for_this_text_passes() {
        let api = MockApi::default();
        let now = Timestamp::from_seconds(1_000);
        let expires = now.plus_seconds(120);
        let (holder_key, other_key) = (key(7), key(9));
        let (_, holder) = account(&api, &holder_key);
        let text = "TicketChain check-in\nticket: 1-0";
        let proof = sign(&api, &holder_key, text, expires);
        assert_eq!(
            verify_holder_proof(&api, now, &proof, &holder, text),
            Ok(())
        );

        let other_text = "TicketChain check-in\nticket: 1-1";
        assert_eq!(
            verify_holder_proof(&api, now, &proof, &holder, other_text),
            Err(ProofError::InvalidSignature)
        );
        let by_other = sign(&api, &other_key, text, expires);
        assert_eq!(
            verify_holder_proof(&api, now, &by_other, &holder, text),
            Err(ProofError::NotTheHolder {
                holder: holder.to_string()
            })
        );
        let mut borrowed_key = by_other.clone();
        borrowed_key.pubkey = proof.pubkey.clone();
        assert_eq!(
            verify_holder_proof(&api, now, &borrowed_key, &holder, text),
            Err(ProofError::InvalidSignature)
        );
        assert_eq!(
            verify_holder_proof(&api, expires, &proof, &holder, text),
            Err(ProofError::Expired {
                expires_at: expires
            })
        );
        let long_lived = sign(&api, &holder_key, text, now.plus_seconds(301));
        assert_eq!(
            verify_holder_proof(&api, now, &long_lived, &holder, text),
            Err(ProofError::TooLongLived { max_seconds: 300 })
        );
    }

    mod presenter {
        use super::super::testing::{account, key, sign};
        use super::super::*;
        use cosmwasm_std::testing::{MockApi, MockQuerier};
        use cosmwasm_std::{
            from_json, to_json_binary, ContractResult, Empty, SystemError, SystemResult, WasmQuery,
        };
        use k256::ecdsa::{signature::Signer, Signature};

        const TEXT: &str = "TicketChain check-in\nticket: 1-0";

        /// A querier whose only contract, `account`, lets `door_key` present at the door.
        fn querier(account: &Addr, door_key: &Addr) -> MockQuerier {
            let (account, door_key) = (account.clone(), door_key.clone());
            let mut querier = MockQuerier::<Empty>::new(&[]);
            querier.update_wasm(move |query| match query {
                WasmQuery::Smart { contract_addr, msg } if *contract_addr == account.as_str() => {
                    let HolderQueryMsg::CanPresent { key, right } = from_json(msg).unwrap();
                    let allowed = key == door_key.as_str() && right == PresentRight::Door;
                    SystemResult::Ok(ContractResult::Ok(
                        to_json_binary(&CanPresentResponse { allowed }).unwrap(),
                    ))
                }
                _ => SystemResult::Err(SystemError::NoSuchContract {
                    addr: "asked a holder that is not the account".to_string(),
                }),
            });
            querier
        }

        #[test]
        fn a_contract_holder_decides_which_other_keys_present_for_it() {
            let api = MockApi::default();
            let now = Timestamp::from_seconds(1_000);
            let expires = now.plus_seconds(60);
            let account_address = api.addr_make("fan-account");
            let (_, delegate) = account(&api, &key(3));
            let mock = querier(&account_address, &delegate);
            let querier = QuerierWrapper::<Empty>::new(&mock);
            let by_delegate = sign(&api, &key(3), TEXT, expires);
            let check = |proof: &HolderProof, right| {
                verify_presenter(querier, &api, now, proof, &account_address, TEXT, right)
            };

            assert_eq!(
                check(&by_delegate, PresentRight::Door),
                Ok(Some(delegate.clone()))
            );
            let refused = Err(ProofError::NotTheHolder {
                holder: account_address.to_string(),
            });
            assert_eq!(check(&by_delegate, PresentRight::Redeem), refused);
            assert_eq!(
                check(&sign(&api, &key(4), TEXT, expires), PresentRight::Door),
                refused
            );

            // A delegate's wallet signs as itself: a signature made in the account's name is not
            // the delegate's, whatever the account answers.
            let as_account: Signature =
                key(3).sign(&adr036_sign_bytes(&account_address, TEXT.as_bytes()));
            let mut borrowed_name = by_delegate.clone();
            borrowed_name.signature = as_account.to_bytes().to_vec().into();
            assert_eq!(
                check(&borrowed_name, PresentRight::Door),
                Err(ProofError::InvalidSignature)
            );
            assert_eq!(
                check(
                    &sign(&api, &key(3), "another text", expires),
                    PresentRight::Door
                ),
                Err(ProofError::InvalidSignature)
            );
        }

        #[test]
        fn a_wallets_own_proof_passes_as_before_and_no_other_key_presents_for_a_wallet() {
            let api = MockApi::default();
            let now = Timestamp::from_seconds(1_000);
            let expires = now.plus_seconds(60);
            let (_, wallet) = account(&api, &key(7));
            let (_, delegate) = account(&api, &key(3));
            // The querier fails every query but the account's, as a chain fails a query to an
            // address with no contract.
            let mock = querier(&api.addr_make("fan-account"), &delegate);
            let querier = QuerierWrapper::<Empty>::new(&mock);

            let own = sign(&api, &key(7), TEXT, expires);
            assert_eq!(
                verify_presenter(querier, &api, now, &own, &wallet, TEXT, PresentRight::Door),
                Ok(None)
            );
            let other = sign(&api, &key(3), TEXT, expires);
            assert_eq!(
                verify_presenter(
                    querier,
                    &api,
                    now,
                    &other,
                    &wallet,
                    TEXT,
                    PresentRight::Door
                ),
                Err(ProofError::NotTheHolder {
                    holder: wallet.to_string()
                })
            );
            assert_eq!(
                verify_presenter(
                    querier,
                    &api,
                    expires,
                    &own,
                    &wallet,
                    TEXT,
                    PresentRight::Door
                ),
                Err(ProofError::Expired {
                    expires_at: expires
                })
            );
        }

        #[test]
        fn a_contract_that_does_not_answer_holds_without_presenters() {
            let api = MockApi::default();
            let now = Timestamp::from_seconds(1_000);
            let sink = api.addr_make("a-cw20-sink");
            let (_, delegate) = account(&api, &key(3));
            let mock = querier(&api.addr_make("fan-account"), &delegate);
            let querier = QuerierWrapper::<Empty>::new(&mock);
            let proof = sign(&api, &key(3), TEXT, now.plus_seconds(60));
            assert_eq!(
                verify_presenter(querier, &api, now, &proof, &sink, TEXT, PresentRight::Door),
                Err(ProofError::NotTheHolder {
                    holder: sink.to_string()
                })
            );
        }
    }
}

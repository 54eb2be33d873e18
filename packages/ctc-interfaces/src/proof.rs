//! A holder's short-lived proof that it controls its address: the text of one action, signed by
//! the holder's wallet as ADR-036 arbitrary data (Keplr's `signArbitrary`, or any amino signer),
//! and shown as a QR code. A contract checks it, so staff at a door cannot act on a ticket or a
//! voucher without its holder, and a screenshot stops working within minutes.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Api, Binary, Timestamp};
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
    let key_address = Ripemd160::digest(Sha256::digest(proof.pubkey.as_slice()));
    let not_the_holder = || ProofError::NotTheHolder {
        holder: holder.to_string(),
    };
    let canonical = api
        .addr_canonicalize(holder.as_str())
        .map_err(|_| not_the_holder())?;
    if canonical.as_slice() != &key_address[..] {
        return Err(not_the_holder());
    }
    let hash = Sha256::digest(adr036_sign_bytes(holder, text.as_bytes()));
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
}

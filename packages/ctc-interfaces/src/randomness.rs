//! Draws: randomness that registry-admitted providers make together by commit–reveal in the
//! randomness contract, and the pure functions that turn a draw's seed into a result. Consumers
//! (wager-pool, crowdfund, ticket-nft) and anyone checking them call the same functions, so
//! every result can be recomputed from chain data.
//!
//! The format, byte for byte (integers big-endian, addresses as their bech32 text):
//!
//! - commitment = sha256("ticketchain/commit" ‖ len(requester) (u8) ‖ requester ‖ key (u64) ‖
//!   len(provider) (u8) ‖ provider ‖ secret (32 bytes)). Binding the provider stops one provider
//!   from copying another's commitment and, once the secret is out, cancelling it;
//! - a draw's mix is the XOR of every revealed secret, so the order of reveals does not matter;
//! - seed = sha256("ticketchain/seed" ‖ len(requester) (u8) ‖ requester ‖ key (u64) ‖ mix);
//! - [`pick`] and [`seat_of`] derive from the seed as their documentation says.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{HexBinary, Timestamp};
use sha2::{Digest, Sha256};

/// What a consumer sends the randomness contract.
#[cw_serde]
pub enum RandomnessExecuteMsg {
    /// Opens the draw (sender, `key`). Commitments are taken until `commits_close_at` (never
    /// sooner than the contract's commit window from now) and reveals only after it: a consumer
    /// closes commitments when its own inputs are fixed (betting closed, pledges ended, sales
    /// closed), so no secret is out while they can still change.
    RequestDraw {
        key: u64,
        commits_close_at: Option<Timestamp>,
    },
}

/// The `msg` of a CTC `Send` to the randomness contract.
#[cw_serde]
pub enum RandomnessReceiveMsg {
    /// The sender becomes a provider, posting the amount sent: exactly the provider bond. The
    /// registry must answer it as an admitted, active partner.
    Join {},
}

/// What a consumer asks the randomness contract.
#[cw_serde]
#[derive(QueryResponses)]
pub enum RandomnessQueryMsg {
    #[returns(DrawResponse)]
    Draw { requester: String, key: u64 },
}

#[cw_serde]
#[derive(Copy)]
pub enum DrawStatus {
    /// Taking commitments.
    Committing,
    /// Commitments closed; taking reveals.
    Revealing,
    /// The seed is final.
    Ready,
    /// The reveal window closed with no reveal: every committer forfeits its bond, and the next
    /// commitment starts a new round.
    Stalled,
}

#[cw_serde]
pub struct DrawResponse {
    pub requester: String,
    pub key: u64,
    pub status: DrawStatus,
    /// Starts at 1; a stalled draw starts the next.
    pub round: u32,
    pub commits: u32,
    pub reveals: u32,
    pub commits_close_at: Timestamp,
    /// Set once enough providers committed.
    pub reveals_close_at: Option<Timestamp>,
    /// XOR of the secrets revealed so far.
    pub mix: HexBinary,
    /// Set once `Ready`.
    pub seed: Option<HexBinary>,
}

impl DrawResponse {
    /// The seed as bytes, once the draw is ready.
    pub fn ready_seed(&self) -> Option<[u8; 32]> {
        let seed = self.seed.as_ref()?;
        seed.as_slice().try_into().ok()
    }
}

#[cfg(feature = "testing")]
impl DrawResponse {
    /// What a test's stand-in randomness contract answers: two commitments, `status`, and `seed`
    /// (with every reveal in) once given.
    pub fn answered(
        requester: String,
        key: u64,
        status: DrawStatus,
        seed: Option<[u8; 32]>,
    ) -> Self {
        Self {
            requester,
            key,
            status,
            round: 1,
            commits: 2,
            reveals: if seed.is_some() { 2 } else { 0 },
            commits_close_at: Timestamp::from_seconds(1),
            reveals_close_at: None,
            mix: HexBinary::from(vec![0u8; 32]),
            seed: seed.map(HexBinary::from),
        }
    }
}

fn push_text(hasher: &mut Sha256, text: &str) {
    // Bech32 addresses are at most 90 bytes, so their length fits a byte.
    hasher.update([text.len() as u8]);
    hasher.update(text.as_bytes());
}

/// What a provider commits for the draw (`requester`, `key`) before revealing `secret`.
pub fn commitment(requester: &str, key: u64, provider: &str, secret: &[u8; 32]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"ticketchain/commit");
    push_text(&mut hasher, requester);
    hasher.update(key.to_be_bytes());
    push_text(&mut hasher, provider);
    hasher.update(secret);
    hasher.finalize().into()
}

/// The draw's seed from the XOR of its revealed secrets.
pub fn seed(requester: &str, key: u64, mix: &[u8; 32]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"ticketchain/seed");
    push_text(&mut hasher, requester);
    hasher.update(key.to_be_bytes());
    hasher.update(mix);
    hasher.finalize().into()
}

/// Folds a revealed secret into a draw's mix.
pub fn mix_in(mix: &mut [u8; 32], secret: &[u8; 32]) {
    for (byte, other) in mix.iter_mut().zip(secret) {
        *byte ^= other;
    }
}

fn word(seed: &[u8; 32], domain: &[u8], a: u32, b: u32) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(seed);
    hasher.update(domain);
    hasher.update(a.to_be_bytes());
    hasher.update(b.to_be_bytes());
    let digest: [u8; 32] = hasher.finalize().into();
    let [b0, b1, b2, b3, b4, b5, b6, b7, ..] = digest;
    u64::from_be_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
}

/// The `index`-th pick from a draw, uniform over `0..n` (`n` > 0): word = the first 8 bytes of
/// sha256(seed ‖ "pick" ‖ index (u32) ‖ attempt (u32)) as a u64, taken modulo `n` unless it falls
/// in the last, incomplete run of `n` below 2⁶⁴, when the next attempt is tried. The chance of
/// even one retry is below n / 2⁶⁴.
#[inline]
pub fn pick(seed: &[u8; 32], index: u32, n: u32) -> u32 {
    assert!(n > 0, "a pick needs at least one choice");
    let n = u64::from(n);
    // The largest multiple of n that fits, so every residue is equally likely below it.
    let zone = u64::MAX - (u64::MAX % n + 1) % n;
    let mut attempt = 0u32;
    loop {
        let value = word(seed, b"pick", index, attempt);
        if value <= zone || attempt == u32::MAX {
            return (value % n) as u32;
        }
        attempt += 1;
    }
}

/// `count` distinct picks from `0..n`, in order drawn: [`pick`] with indices 0, 1, … skipping a
/// value already drawn. `count` is at most `n`; the loop ends because each index is fresh.
pub fn distinct_picks(seed: &[u8; 32], count: u32, n: u32) -> Vec<u32> {
    let count = count.min(n);
    let mut picked: Vec<u32> = Vec::with_capacity(count as usize);
    let mut index = 0u32;
    while (picked.len() as u32) < count {
        let candidate = pick(seed, index, n);
        if !picked.contains(&candidate) {
            picked.push(candidate);
        }
        index += 1;
    }
    picked
}

/// The seat (in `0..n`) of the ticket at `position` (in `0..n`) of a tier of `n` seats: a
/// permutation keyed by the seed, so every ticket has its own seat and none is stored. A
/// four-round Feistel network on the smallest even power of two ≥ `n`, whose round function is
/// the first 8 bytes of sha256(seed ‖ "seat" ‖ round (u32) ‖ right half (u32)); values that land
/// at or above `n` are fed through again (cycle walking), which keeps it a permutation of `0..n`.
#[inline]
pub fn seat_of(seed: &[u8; 32], position: u32, n: u32) -> u32 {
    assert!(position < n, "a position within the tier");
    let mut half_bits = 1u32;
    while (1u64 << (2 * half_bits)) < u64::from(n) {
        half_bits += 1;
    }
    let mask = (1u64 << half_bits) - 1;
    let mut value = u64::from(position);
    loop {
        let (mut left, mut right) = (value >> half_bits, value & mask);
        for round in 0..4u32 {
            let mixed = left ^ (word(seed, b"seat", round, right as u32) & mask);
            left = right;
            right = mixed;
        }
        value = (left << half_bits) | right;
        if value < u64::from(n) {
            return value as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_of(n: u64) -> [u8; 32] {
        seed("wager", n, &[0u8; 32])
    }

    #[test]
    fn a_commitment_binds_draw_provider_and_secret() {
        let secret = [7u8; 32];
        let base = commitment("pool", 1, "alice", &secret);
        assert_ne!(base, commitment("pool", 2, "alice", &secret));
        assert_ne!(base, commitment("pool", 1, "bob", &secret));
        assert_ne!(base, commitment("pooll", 1, "alice", &secret));
        assert_ne!(base, commitment("pool", 1, "alice", &[8u8; 32]));
        // The length prefix keeps the requester's and the provider's text apart.
        assert_ne!(
            commitment("ab", 1, "c", &secret),
            commitment("a", 1, "bc", &secret)
        );
    }

    #[test]
    fn the_mix_does_not_depend_on_the_order_of_reveals() {
        let (a, b, c) = ([1u8; 32], [2u8; 32], [200u8; 32]);
        let mut one = [0u8; 32];
        let mut other = [0u8; 32];
        for secret in [&a, &b, &c] {
            mix_in(&mut one, secret);
        }
        for secret in [&c, &a, &b] {
            mix_in(&mut other, secret);
        }
        assert_eq!(one, other);
        assert_ne!(seed("r", 1, &one), seed("r", 2, &one));
    }

    /// χ² over 6 outcomes from 6,000 seeds: 5 degrees of freedom, 20.52 is the 99.9% bound.
    #[test]
    fn picks_are_uniform() {
        let mut counts = [0u32; 6];
        for n in 0..6_000u64 {
            counts[pick(&seed_of(n), 0, 6) as usize] += 1;
        }
        let expected = 1_000.0;
        let chi: f64 = counts
            .iter()
            .map(|&c| (f64::from(c) - expected).powi(2) / expected)
            .sum();
        assert!(chi < 20.52, "χ² = {chi}, counts {counts:?}");
    }

    #[test]
    fn distinct_picks_never_repeat_and_stop_at_n() {
        let picks = distinct_picks(&seed_of(3), 5, 8);
        assert_eq!(picks.len(), 5);
        let mut sorted = picks.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 5);
        let mut all = distinct_picks(&seed_of(3), 20, 4);
        all.sort();
        assert_eq!(all, vec![0, 1, 2, 3]);
    }

    #[test]
    fn seats_are_a_permutation_for_every_size() {
        for n in [1u32, 2, 3, 5, 16, 17, 100, 257] {
            let seed = seed_of(u64::from(n));
            let mut seats: Vec<u32> = (0..n).map(|p| seat_of(&seed, p, n)).collect();
            seats.sort();
            assert_eq!(seats, (0..n).collect::<Vec<_>>(), "n = {n}");
        }
    }

    /// Position 0's seat over 4,000 seeds in a tier of 8: χ² with 7 degrees of freedom, 24.32 is
    /// the 99.9% bound.
    #[test]
    fn a_position_lands_on_every_seat_alike() {
        let mut counts = [0u32; 8];
        for n in 0..4_000u64 {
            counts[seat_of(&seed_of(n), 0, 8) as usize] += 1;
        }
        let expected = 500.0;
        let chi: f64 = counts
            .iter()
            .map(|&c| (f64::from(c) - expected).powi(2) / expected)
            .sum();
        assert!(chi < 24.32, "χ² = {chi}, counts {counts:?}");
    }

    /// The committed vector file, for a TypeScript implementation to reproduce byte for byte.
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct VectorFile {
        requester: String,
        key: u64,
        providers: Vec<String>,
        secrets: Vec<HexBinary>,
        commitments: Vec<HexBinary>,
        seed: HexBinary,
        /// `pick(seed, i, 6)` for i in 0..8.
        picks_of_6: Vec<u32>,
        /// `distinct_picks(seed, 3, 10)`.
        distinct_3_of_10: Vec<u32>,
        /// `seat_of(seed, p, 10)` for p in 0..10.
        seats_of_10: Vec<u32>,
    }

    fn vector() -> VectorFile {
        let requester = "cosmwasm1wagerpool".to_owned();
        let key = 42u64;
        let providers: Vec<String> = ["cosmwasm1provider0", "cosmwasm1provider1"]
            .map(str::to_owned)
            .to_vec();
        let secrets: Vec<[u8; 32]> = (0u8..2).map(|i| Sha256::digest([i]).into()).collect();
        let commitments = providers
            .iter()
            .zip(&secrets)
            .map(|(provider, secret)| {
                HexBinary::from(commitment(&requester, key, provider, secret))
            })
            .collect();
        let mut mix = [0u8; 32];
        for secret in &secrets {
            mix_in(&mut mix, secret);
        }
        let drawn = seed(&requester, key, &mix);
        VectorFile {
            picks_of_6: (0..8).map(|i| pick(&drawn, i, 6)).collect(),
            distinct_3_of_10: distinct_picks(&drawn, 3, 10),
            seats_of_10: (0..10).map(|p| seat_of(&drawn, p, 10)).collect(),
            seed: HexBinary::from(drawn),
            secrets: secrets.into_iter().map(HexBinary::from).collect(),
            commitments,
            providers,
            requester,
            key,
        }
    }

    #[test]
    fn the_committed_vector_is_this_implementation() {
        let file: VectorFile =
            cosmwasm_std::from_json(include_str!("../tests/randomness_vector.json")).unwrap();
        assert_eq!(file, vector());
    }

    /// `cargo test -p ctc-interfaces print_randomness_vector -- --ignored --nocapture` writes the
    /// file's contents after a deliberate change of format.
    #[test]
    #[ignore]
    fn print_randomness_vector() {
        println!("{}", cosmwasm_std::to_json_string(&vector()).unwrap());
    }
}

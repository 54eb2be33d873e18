//! The seeds the contract hands out are uniform where the consumers use them: 600 draws
//! through the entry points, each from two providers' secrets (sha256 of a counter), mapped to
//! six outcomes with `pick(seed, 0, 6)` as a drawn wager pool does.

use ctc_interfaces::randomness::{pick, DrawStatus};

use super::*;

const DRAWS: u64 = 600;

/// χ² with 5 degrees of freedom; 20.52 is the bound a fair die exceeds once in a thousand.
#[test]
fn ready_seeds_pick_six_outcomes_uniformly() {
    let mut chain = Chain::new();
    chain.join_first(2);
    let (p0, p1) = (chain.p(0), chain.p(1));
    let mut counts = [0u32; 6];
    for key in 0..DRAWS {
        let (a, b) = (secret(2 * key), secret(2 * key + 1));
        chain.request(key, None).unwrap();
        chain.commit(&p0, key, &a).unwrap();
        chain.commit(&p1, key, &b).unwrap();
        chain.advance(COMMIT_SECONDS);
        chain.reveal(&p0, key, &a).unwrap();
        chain.reveal(&p1, key, &b).unwrap();
        let draw = chain.draw(key);
        assert_eq!(draw.status, DrawStatus::Ready);
        let seed = draw.ready_seed().unwrap();
        counts[pick(&seed, 0, 6) as usize] += 1;
    }
    let expected = DRAWS as f64 / 6.0;
    let chi: f64 = counts
        .iter()
        .map(|&c| (f64::from(c) - expected).powi(2) / expected)
        .sum();
    assert!(chi < 20.52, "χ² = {chi}, counts {counts:?}");
    assert_eq!(counts.iter().sum::<u32>() as u64, DRAWS);
}

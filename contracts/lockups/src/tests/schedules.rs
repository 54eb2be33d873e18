//! The vesting arithmetic alone, on exact numbers.

use super::*;

fn ts(seconds: u64) -> Timestamp {
    Timestamp::from_seconds(seconds)
}

#[test]
fn linear_vests_nothing_before_the_cliff_then_its_share_rounded_down() {
    let schedule = linear(ts(1_000), ts(1_250), ts(2_000));
    let amount = u(1_000_003);
    assert_eq!(schedule.vested(amount, ts(0)), u(0));
    assert_eq!(schedule.vested(amount, ts(1_249)), u(0));
    // At the cliff the share since the start, not since the cliff: a quarter.
    assert_eq!(schedule.vested(amount, ts(1_250)), u(250_000));
    // 1_000_003 × 333 / 1000 = 333_000.999 → 333_000.
    assert_eq!(schedule.vested(amount, ts(1_333)), u(333_000));
    assert_eq!(schedule.vested(amount, ts(1_999)), u(999_002));
    assert_eq!(schedule.vested(amount, ts(2_000)), amount);
    assert_eq!(
        schedule.vested(amount, ts(u64::MAX / 1_000_000_000)),
        amount
    );
}

#[test]
fn a_cliff_at_the_end_is_a_plain_lock_up() {
    let schedule = linear(ts(0), ts(YEAR), ts(YEAR));
    let amount = u(BUCKET);
    assert_eq!(schedule.vested(amount, ts(YEAR - 1)), u(0));
    assert_eq!(schedule.vested(amount, ts(YEAR)), amount);
}

#[test]
fn linear_handles_the_largest_amounts_without_overflow() {
    let schedule = linear(ts(0), ts(0), Timestamp::from_nanos(u64::MAX));
    let amount = Uint128::MAX;
    let half = Timestamp::from_nanos(u64::MAX / 2);
    assert_eq!(
        schedule.vested(amount, half),
        amount.multiply_ratio(u64::MAX / 2, u64::MAX)
    );
    assert_eq!(
        schedule.vested(amount, Timestamp::from_nanos(u64::MAX)),
        amount
    );
}

#[test]
fn tranches_vest_step_by_step_and_the_last_step_gives_the_remainder() {
    let schedule = monthly(ts(MONTH), 10, MONTH);
    // An amount 10% of which is not whole: 3 units of dust at each step.
    let amount = u(1_000_000_007);
    assert_eq!(schedule.vested(amount, ts(MONTH - 1)), u(0));
    assert_eq!(schedule.vested(amount, ts(MONTH)), u(100_000_000));
    assert_eq!(schedule.vested(amount, ts(2 * MONTH)), u(200_000_001));
    assert_eq!(schedule.vested(amount, ts(3 * MONTH - 1)), u(200_000_001));
    assert_eq!(schedule.vested(amount, ts(9 * MONTH)), u(900_000_006));
    assert_eq!(schedule.vested(amount, ts(10 * MONTH)), amount);
    // Uneven steps: 25%, 0.01%, the rest.
    let schedule = Schedule::Tranches {
        steps: vec![
            Tranche {
                at: ts(10),
                bps: 2_500,
            },
            Tranche { at: ts(20), bps: 1 },
            Tranche {
                at: ts(30),
                bps: 7_499,
            },
        ],
    };
    assert_eq!(schedule.vested(u(10_001), ts(10)), u(2_500));
    assert_eq!(schedule.vested(u(10_001), ts(20)), u(2_501));
    assert_eq!(schedule.vested(u(10_001), ts(30)), u(10_001));
}

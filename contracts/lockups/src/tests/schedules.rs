//! The vesting arithmetic alone, on exact numbers.

use super::*;

fn ts(seconds: u64) -> Timestamp {
    Timestamp::from_seconds(seconds)
}

#[test]
fn linear_vests_nothing_before_the_cliff_then_its_share_rounded_down() {
    let schedule = linear(ts(1_000), ts(1_250), ts(2_000));
    let amount = u(1_000_003);
    assert_eq!(schedule.vested(amount, ts(0)).unwrap(), u(0));
    assert_eq!(schedule.vested(amount, ts(1_249)).unwrap(), u(0));
    // At the cliff the share since the start, not since the cliff: a quarter.
    assert_eq!(schedule.vested(amount, ts(1_250)).unwrap(), u(250_000));
    // 1_000_003 × 333 / 1000 = 333_000.999 → 333_000.
    assert_eq!(schedule.vested(amount, ts(1_333)).unwrap(), u(333_000));
    assert_eq!(schedule.vested(amount, ts(1_999)).unwrap(), u(999_002));
    assert_eq!(schedule.vested(amount, ts(2_000)).unwrap(), amount);
    assert_eq!(
        schedule
            .vested(amount, ts(u64::MAX / 1_000_000_000))
            .unwrap(),
        amount
    );
}

#[test]
fn a_cliff_at_the_end_is_a_plain_lock_up() {
    let schedule = linear(ts(0), ts(YEAR), ts(YEAR));
    let amount = u(BUCKET);
    assert_eq!(schedule.vested(amount, ts(YEAR - 1)).unwrap(), u(0));
    assert_eq!(schedule.vested(amount, ts(YEAR)).unwrap(), amount);
}

#[test]
fn linear_handles_the_largest_amounts_without_overflow() {
    let schedule = linear(ts(0), ts(0), Timestamp::from_nanos(u64::MAX));
    let amount = Uint128::MAX;
    let half = Timestamp::from_nanos(u64::MAX / 2);
    assert_eq!(
        schedule.vested(amount, half).unwrap(),
        amount.multiply_ratio(u64::MAX / 2, u64::MAX)
    );
    assert_eq!(
        schedule
            .vested(amount, Timestamp::from_nanos(u64::MAX))
            .unwrap(),
        amount
    );
}

#[test]
fn tranches_vest_step_by_step_and_the_last_step_gives_the_remainder() {
    let schedule = monthly(ts(MONTH), 10, MONTH);
    // An amount 10% of which is not whole: 3 units of dust at each step.
    let amount = u(1_000_000_007);
    assert_eq!(schedule.vested(amount, ts(MONTH - 1)).unwrap(), u(0));
    assert_eq!(schedule.vested(amount, ts(MONTH)).unwrap(), u(100_000_000));
    assert_eq!(
        schedule.vested(amount, ts(2 * MONTH)).unwrap(),
        u(200_000_001)
    );
    assert_eq!(
        schedule.vested(amount, ts(3 * MONTH - 1)).unwrap(),
        u(200_000_001)
    );
    assert_eq!(
        schedule.vested(amount, ts(9 * MONTH)).unwrap(),
        u(900_000_006)
    );
    assert_eq!(schedule.vested(amount, ts(10 * MONTH)).unwrap(), amount);
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
    assert_eq!(schedule.vested(u(10_001), ts(10)).unwrap(), u(2_500));
    assert_eq!(schedule.vested(u(10_001), ts(20)).unwrap(), u(2_501));
    assert_eq!(schedule.vested(u(10_001), ts(30)).unwrap(), u(10_001));
}

#[test]
fn a_schedule_that_skipped_validation_is_refused_not_wrapped() {
    // Stored schedules are validated, so these cannot be reached through the contract; the
    // arithmetic still refuses them with an error rather than a wrapped number or a panic.
    let cliff_before_start = linear(ts(1_000), ts(500), ts(2_000));
    assert!(matches!(
        cliff_before_start.vested(u(1_000), ts(600)),
        Err(ContractError::Overflow(_))
    ));
    let zero_length = linear(ts(1_000), ts(500), ts(1_000));
    assert!(matches!(
        zero_length.vested(u(1_000), ts(600)),
        Err(ContractError::Overflow(_))
    ));
    // Steps worth more than 100% before the last: the ratio would exceed one.
    let too_much = Schedule::Tranches {
        steps: vec![
            Tranche {
                at: ts(10),
                bps: u16::MAX,
            },
            Tranche { at: ts(20), bps: 1 },
        ],
    };
    assert!(matches!(
        too_much.vested(Uint128::MAX, ts(10)),
        Err(ContractError::MultiplyRatio(_))
    ));
}

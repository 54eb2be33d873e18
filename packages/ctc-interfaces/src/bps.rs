//! Basis points: the one unit every fee, burn share, royalty and cap of the platform is expressed in.

use std::borrow::Cow;

use cosmwasm_std::Uint128;
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

const WHOLE: u16 = 10_000;

#[derive(Error, Debug, PartialEq, Eq)]
pub enum BasisPointsError {
    #[error("{value} basis points is more than 10000 (100%)")]
    OutOfRange { value: u32 },

    #[error("shares add up to {total} basis points, more than 10000 (100%)")]
    SharesExceedWhole { total: u32 },
}

/// A share between 0 and 10,000 basis points (0% to 100%); 1 basis point is 0.01%.
///
/// Serialized as a plain JSON integer. Deserialization rejects values above 10,000, so a contract
/// never holds an out-of-range share.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct BasisPoints(u16);

impl BasisPoints {
    pub const ZERO: Self = Self(0);
    pub const WHOLE: Self = Self(WHOLE);

    pub const fn new(value: u16) -> Result<Self, BasisPointsError> {
        if value > WHOLE {
            return Err(BasisPointsError::OutOfRange {
                value: value as u32,
            });
        }
        Ok(Self(value))
    }

    /// A share written in the source: out of range is a compile error where it initialises a
    /// `const`, so a mistyped fee can never fall back to another value.
    pub const fn literal(value: u16) -> Self {
        match Self::new(value) {
            Ok(share) => share,
            Err(_) => panic!("basis points are at most 10000"),
        }
    }

    pub const fn get(self) -> u16 {
        self.0
    }

    /// This share of `amount`, rounded down. Never more than `amount`, so it cannot overflow.
    pub fn of(self, amount: Uint128) -> Uint128 {
        amount.multiply_ratio(self.0, WHOLE)
    }

    /// This share of `amount`, rounded up: for limits a caller must stay within (e.g. a price cap of
    /// 110% of face), rounding up never refuses a price the rule allows.
    pub fn of_ceil(self, amount: Uint128) -> Uint128 {
        // ceil(a·s) = a − floor(a·(1 − s)): the two shares of a add up to a exactly.
        amount - Self(WHOLE - self.0).of(amount)
    }

    pub fn checked_add(self, other: Self) -> Result<Self, BasisPointsError> {
        let total = u32::from(self.0) + u32::from(other.0);
        if total > u32::from(WHOLE) {
            return Err(BasisPointsError::SharesExceedWhole { total });
        }
        Ok(Self(total as u16))
    }
}

impl TryFrom<u16> for BasisPoints {
    type Error = BasisPointsError;

    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<BasisPoints> for u16 {
    fn from(bps: BasisPoints) -> u16 {
        bps.0
    }
}

impl std::fmt::Display for BasisPoints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl JsonSchema for BasisPoints {
    fn schema_name() -> String {
        "BasisPoints".to_owned()
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("ctc_interfaces::BasisPoints")
    }

    fn json_schema(_gen: &mut SchemaGenerator) -> Schema {
        let mut schema = SchemaObject {
            instance_type: Some(InstanceType::Integer.into()),
            format: Some("uint16".to_owned()),
            ..Default::default()
        };
        schema.metadata().description =
            Some("A share in basis points: 0 to 10000 (100%).".to_owned());
        schema.number().minimum = Some(0.0);
        schema.number().maximum = Some(f64::from(WHOLE));
        schema.into()
    }
}

/// An amount divided into a fee, a burn share and the rest.
///
/// The fee and the burn share are rounded down, so any rounding dust stays in `rest` and the three
/// parts always add up to the amount exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeSplit {
    pub fee: Uint128,
    pub burn: Uint128,
    pub rest: Uint128,
}

impl FeeSplit {
    pub fn new(
        amount: Uint128,
        fee: BasisPoints,
        burn: BasisPoints,
    ) -> Result<Self, BasisPointsError> {
        fee.checked_add(burn)?;
        let fee = fee.of(amount);
        let burn = burn.of(amount);
        // fee + burn <= amount because their shares add up to at most 10,000 basis points.
        let rest = amount - fee - burn;
        Ok(Self { fee, burn, rest })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bps(value: u16) -> BasisPoints {
        BasisPoints::new(value).unwrap()
    }

    #[test]
    fn rejects_more_than_whole() {
        assert_eq!(BasisPoints::new(10_000), Ok(BasisPoints::WHOLE));
        assert_eq!(
            BasisPoints::new(10_001),
            Err(BasisPointsError::OutOfRange { value: 10_001 })
        );
        assert_eq!(
            bps(6_000).checked_add(bps(4_001)),
            Err(BasisPointsError::SharesExceedWhole { total: 10_001 })
        );
    }

    #[test]
    fn literals_are_checked_when_compiled() {
        const FEE: BasisPoints = BasisPoints::literal(250);
        assert_eq!(FEE.get(), 250);
        assert!(std::panic::catch_unwind(|| BasisPoints::literal(10_001)).is_err());
    }

    #[test]
    fn serializes_as_a_plain_integer_and_validates_on_parse() {
        assert_eq!(cosmwasm_std::to_json_string(&bps(250)).unwrap(), "250");
        assert!(cosmwasm_std::from_json::<BasisPoints>("11000").is_err());
        let parsed: BasisPoints = cosmwasm_std::from_json("9999").unwrap();
        assert_eq!(parsed, bps(9_999));
    }

    #[test]
    fn share_rounds_down_and_ceil_rounds_up() {
        assert_eq!(bps(250).of(Uint128::new(1_000)), Uint128::new(25));
        assert_eq!(bps(250).of(Uint128::new(39)), Uint128::zero());
        assert_eq!(bps(250).of_ceil(Uint128::new(39)), Uint128::one());
        assert_eq!(bps(250).of_ceil(Uint128::new(40)), Uint128::one());
        assert_eq!(bps(10_000).of(Uint128::MAX), Uint128::MAX);
        assert_eq!(bps(10_000).of_ceil(Uint128::MAX), Uint128::MAX);
    }

    #[test]
    fn split_leaves_dust_in_the_rest() {
        let split = FeeSplit::new(Uint128::new(999), bps(250), bps(1_000)).unwrap();
        assert_eq!(
            split,
            FeeSplit {
                fee: Uint128::new(24),
                burn: Uint128::new(99),
                rest: Uint128::new(876),
            }
        );
        assert_eq!(
            FeeSplit::new(Uint128::new(1), bps(5_000), bps(5_001)),
            Err(BasisPointsError::SharesExceedWhole { total: 10_001 })
        );
    }

    proptest! {
        #[test]
        fn split_conserves_the_amount(amount in any::<u128>(), fee in 0u16..=10_000, burn in 0u16..=10_000) {
            let amount = Uint128::new(amount);
            match FeeSplit::new(amount, bps(fee), bps(burn)) {
                Ok(split) => {
                    prop_assert!(u32::from(fee) + u32::from(burn) <= 10_000);
                    prop_assert_eq!(split.fee + split.burn + split.rest, amount);
                    // Each share is the exact floor of amount * bps / 10000.
                    prop_assert!(split.fee.full_mul(10_000u128) <= amount.full_mul(u128::from(fee)));
                    prop_assert!((split.fee + Uint128::one()).full_mul(10_000u128) > amount.full_mul(u128::from(fee)));
                    prop_assert!(split.burn.full_mul(10_000u128) <= amount.full_mul(u128::from(burn)));
                }
                Err(err) => {
                    prop_assert_eq!(err, BasisPointsError::SharesExceedWhole { total: u32::from(fee) + u32::from(burn) });
                }
            }
        }

        #[test]
        fn ceil_is_floor_or_one_more(amount in any::<u128>(), share in 0u16..=10_000) {
            let amount = Uint128::new(amount);
            let floor = bps(share).of(amount);
            let ceil = bps(share).of_ceil(amount);
            let exact = amount.full_mul(u128::from(share));
            prop_assert!(ceil.full_mul(10_000u128) >= exact);
            prop_assert!(ceil == floor || ceil == floor + Uint128::one());
            prop_assert_eq!(ceil == floor, floor.full_mul(10_000u128) == exact);
        }
    }
}

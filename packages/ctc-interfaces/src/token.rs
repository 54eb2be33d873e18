//! The part of ctc-token's API that is not plain cw20: its constants, extension messages and
//! responses. Everything else about CTC is spoken with the `cw20` crate's messages.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{wasm_execute, Addr, StdResult, Uint128, WasmMsg};

use crate::BasisPoints;

pub const CTC_DECIMALS: u8 = 6;
/// 1,500,000,000 CTC in micro-units, created once at instantiate.
pub const CTC_ISSUANCE: Uint128 = Uint128::new(1_500_000_000_000_000);
/// Burning stops when the supply falls to 30% of issuance (450,000,000 CTC); past it CTC is recycled.
pub const CTC_SUPPLY_FLOOR: Uint128 = Uint128::new(450_000_000_000_000);

/// A bucket of the genesis allocation fixed by the whitepaper.
#[cw_serde]
#[derive(Copy, Eq, Hash)]
pub enum AllocationBucket {
    FoundingTeam,
    InstitutionalInvestors,
    /// Upstream service providers: performance organisations and troupes.
    ServiceProviders,
    BusinessDevelopment,
    CommunityRewards,
    PublicWelfare,
}

impl AllocationBucket {
    pub const ALL: [Self; 6] = [
        Self::FoundingTeam,
        Self::InstitutionalInvestors,
        Self::ServiceProviders,
        Self::BusinessDevelopment,
        Self::CommunityRewards,
        Self::PublicWelfare,
    ];

    /// The bucket's slot in ctc-token's stored list of bucket addresses. Written out rather than
    /// taken from the declaration order, so a bucket added anywhere cannot move another's slot.
    pub const fn index(self) -> usize {
        match self {
            Self::FoundingTeam => 0,
            Self::InstitutionalInvestors => 1,
            Self::ServiceProviders => 2,
            Self::BusinessDevelopment => 3,
            Self::CommunityRewards => 4,
            Self::PublicWelfare => 5,
        }
    }

    /// The team's and the investors' buckets, which 令吉 §4.4 locks up; the other four are the
    /// platform's to distribute.
    pub const fn is_locked(self) -> bool {
        matches!(self, Self::FoundingTeam | Self::InstitutionalInvestors)
    }

    /// The bucket's field in the genesis allocation message.
    pub const fn name(self) -> &'static str {
        match self {
            Self::FoundingTeam => "founding_team",
            Self::InstitutionalInvestors => "institutional_investors",
            Self::ServiceProviders => "service_providers",
            Self::BusinessDevelopment => "business_development",
            Self::CommunityRewards => "community_rewards",
            Self::PublicWelfare => "public_welfare",
        }
    }

    /// The bucket's share of the issuance: 15%, 10%, 30%, 15%, 25% and 5%.
    pub const fn share(self) -> BasisPoints {
        let bps = match self {
            Self::FoundingTeam => 1_500,
            Self::InstitutionalInvestors => 1_000,
            Self::ServiceProviders => 3_000,
            Self::BusinessDevelopment => 1_500,
            Self::CommunityRewards => 2_500,
            Self::PublicWelfare => 500,
        };
        BasisPoints::literal(bps)
    }

    /// The bucket's genesis amount in micro-CTC. The shares divide the issuance without remainder.
    pub fn amount(self) -> Uint128 {
        self.share().of(CTC_ISSUANCE)
    }
}

/// The most payments one `Disburse` (or `DisburseFrom`) may carry. The platform's payouts need at
/// most three (a fee, a second fee share, the payee); a bound keeps one message's work fixed, as
/// the money rules ask of every execute path, and leaves room for one more party without a new
/// message.
pub const MAX_DISBURSE_PAYMENTS: usize = 4;

/// The ctc-token execute messages beyond cw20, for contracts that pay into the deflation or pay
/// several parties at once.
#[cw_serde]
pub enum CtcExecuteMsg {
    /// Takes `amount` from the sender's balance: burns as much as the supply floor allows and
    /// transfers the rest to the recycle pool. Responds with `burned` and `recycled` attributes.
    BurnOrRecycle { amount: Uint128 },
    /// Pays several parties, and optionally the deflation, in one call into the token. Every cw20
    /// `Transfer` a contract sends is a contract call of its own: its start (60,000 gas, or 2,000
    /// once the token's code has run in the transaction), the token's metadata reads, and the
    /// sender's balance read and written again. A payout split between a payee and fees pays
    /// those once instead of once per party.
    ///
    /// Takes the sum of the payments and `burn_or_recycle` from the sender in one debit, credits
    /// each recipient, and treats `burn_or_recycle` exactly as `BurnOrRecycle` treats its amount
    /// (zero: nothing burned or recycled). All or nothing: refused, changing nothing, when there
    /// is nothing to do, a payment is zero, there are more than `MAX_DISBURSE_PAYMENTS`, a
    /// recipient is not a valid address or the balance is short.
    Disburse {
        payments: Vec<Payment>,
        burn_or_recycle: Uint128,
    },
    /// `Disburse` from `owner`'s balance under the allowance `owner` granted the sender (cw20's
    /// `IncreaseAllowance`), as `TransferFrom` is `Transfer` under an allowance. A contract the
    /// owner calls directly can then take and split a payment in the one call into the token its
    /// payout makes, where a cw20 `Send` into the contract would be a call into the token of its
    /// own before it.
    ///
    /// Deducts the sum of the payments and `burn_or_recycle` from the allowance and takes it from
    /// `owner`; otherwise exactly `Disburse`, refusals included, with `owner` in the sender's
    /// place (the recycle pool as owner may pay but not burn-or-recycle). Also refused, changing
    /// nothing, as cw20's `TransferFrom` refuses: no allowance, an expired one, or one short of
    /// the sum.
    DisburseFrom {
        owner: String,
        payments: Vec<Payment>,
        burn_or_recycle: Uint128,
    },
}

impl CtcExecuteMsg {
    /// A `Disburse` of the payments whose amount is not zero, burning nothing; `None` when every
    /// amount is zero. Payouts often have a zero share (no fee, no bond) and `Disburse` refuses a
    /// zero payment, so payers leave those out here rather than each on its own.
    pub fn disburse<R: Into<String>>(
        payments: impl IntoIterator<Item = (R, Uint128)>,
    ) -> Option<Self> {
        let payments = nonzero_payments(payments);
        (!payments.is_empty()).then_some(Self::Disburse {
            payments,
            burn_or_recycle: Uint128::zero(),
        })
    }

    /// `disburse`'s payments as a `DisburseFrom` of `owner`'s balance; `None` when every amount
    /// is zero.
    pub fn disburse_from<R: Into<String>>(
        owner: impl Into<String>,
        payments: impl IntoIterator<Item = (R, Uint128)>,
    ) -> Option<Self> {
        let payments = nonzero_payments(payments);
        (!payments.is_empty()).then_some(Self::DisburseFrom {
            owner: owner.into(),
            payments,
            burn_or_recycle: Uint128::zero(),
        })
    }
}

/// The one message a paying contract sends `token`: a `Disburse` of the payments that are not
/// zero and of `burn_or_recycle`, or nothing when all of it is zero.
pub fn disburse(
    token: &Addr,
    payments: &[(&Addr, Uint128)],
    burn_or_recycle: Uint128,
) -> StdResult<Option<WasmMsg>> {
    let payments = nonzero_payments(payments.iter().map(|(to, amount)| (to.as_str(), *amount)));
    if payments.is_empty() && burn_or_recycle.is_zero() {
        return Ok(None);
    }
    let msg = CtcExecuteMsg::Disburse {
        payments,
        burn_or_recycle,
    };
    wasm_execute(token, &msg, vec![]).map(Some)
}

fn nonzero_payments<R: Into<String>>(
    payments: impl IntoIterator<Item = (R, Uint128)>,
) -> Vec<Payment> {
    payments
        .into_iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(recipient, amount)| Payment {
            recipient: recipient.into(),
            amount,
        })
        .collect()
}

/// One credit of a `Disburse`. The recipient is a string, as in cw20's `Transfer`, because the
/// token validates it: a payer need not, and a bad address refuses the whole disbursement.
#[cw_serde]
pub struct Payment {
    pub recipient: String,
    pub amount: Uint128,
}

/// The ctc-token queries beyond cw20.
#[cw_serde]
#[derive(QueryResponses)]
pub enum CtcQueryMsg {
    #[returns(TokenomicsResponse)]
    Tokenomics {},
    #[returns(AllocationResponse)]
    Allocation {},
}

#[cw_serde]
pub struct TokenomicsResponse {
    pub issuance: Uint128,
    pub total_supply: Uint128,
    /// Burned since genesis: issuance minus total supply (nothing can be minted).
    pub burned: Uint128,
    pub floor: Uint128,
    /// How much can still be burned before the supply reaches the floor.
    pub burnable: Uint128,
    /// Sent to the recycle pool by `BurnOrRecycle` since genesis.
    pub recycled: Uint128,
    pub recycle_pool: Addr,
    /// Held at the founding-team and institutional-investor bucket addresses (the lock-ups):
    /// vested but unclaimed CTC is still here.
    pub locked: Uint128,
    /// Held at the other four bucket addresses and at the recycle pool when it is none of them:
    /// issued, but not yet handed to anyone.
    pub undistributed: Uint128,
    /// `total_supply - locked - undistributed`: what the market holds. The supply floor is on
    /// `total_supply`, not on this.
    pub circulating: Uint128,
}

#[cw_serde]
pub struct AllocationResponse {
    pub buckets: Vec<BucketAllocation>,
}

#[cw_serde]
pub struct BucketAllocation {
    pub bucket: AllocationBucket,
    pub address: Addr,
    pub share: BasisPoints,
    pub amount: Uint128,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_amounts_sum_to_the_issuance() {
        let total: Uint128 = AllocationBucket::ALL.iter().map(|b| b.amount()).sum();
        assert_eq!(total, CTC_ISSUANCE);
        assert_eq!(
            AllocationBucket::ServiceProviders.amount(),
            Uint128::new(450_000_000_000_000)
        );
        assert_eq!(
            AllocationBucket::PublicWelfare.amount(),
            Uint128::new(75_000_000_000_000)
        );
    }

    #[test]
    fn index_is_the_position_in_all_and_name_the_json_name() {
        for (position, bucket) in AllocationBucket::ALL.into_iter().enumerate() {
            assert_eq!(bucket.index(), position);
            let json = cosmwasm_std::to_json_string(&bucket).unwrap();
            assert_eq!(json, format!("\"{}\"", bucket.name()));
        }
    }

    #[test]
    fn disburse_leaves_out_zero_payments_and_keeps_its_json() {
        let msg = CtcExecuteMsg::disburse([
            ("treasury", Uint128::new(25)),
            ("nodes", Uint128::zero()),
            ("troupe", Uint128::new(975)),
        ])
        .unwrap();
        assert_eq!(
            cosmwasm_std::to_json_string(&msg).unwrap(),
            r#"{"disburse":{"payments":[{"recipient":"treasury","amount":"25"},{"recipient":"troupe","amount":"975"}],"burn_or_recycle":"0"}}"#
        );
        assert_eq!(
            CtcExecuteMsg::disburse([("treasury", Uint128::zero())]),
            None
        );
        assert_eq!(CtcExecuteMsg::disburse::<String>([]), None);
    }

    #[test]
    fn disburse_from_names_the_owner_leaves_out_zero_payments_and_keeps_its_json() {
        let msg = CtcExecuteMsg::disburse_from(
            "fan",
            [("troupe", Uint128::new(975)), ("treasury", Uint128::zero())],
        )
        .unwrap();
        assert_eq!(
            cosmwasm_std::to_json_string(&msg).unwrap(),
            r#"{"disburse_from":{"owner":"fan","payments":[{"recipient":"troupe","amount":"975"}],"burn_or_recycle":"0"}}"#
        );
        assert_eq!(
            CtcExecuteMsg::disburse_from("fan", [("treasury", Uint128::zero())]),
            None
        );
    }

    #[test]
    fn floor_is_thirty_percent_of_issuance() {
        assert_eq!(
            BasisPoints::new(3_000).unwrap().of(CTC_ISSUANCE),
            CTC_SUPPLY_FLOOR
        );
    }
}

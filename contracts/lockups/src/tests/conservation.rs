//! Random grants, claims (by beneficiaries and strangers), revocations, waits, funding by
//! `send`, plain transfers and reconciliations: after every step the books hold
//! (`booked == unallocated + Σ outstanding`), everything that came in is either booked or paid
//! out, the mocked token balance is the books plus what is not reconciled yet, and no
//! beneficiary has received more than its grants. Grants, revocations and what every grant has
//! vested are checked against a model written here on plain `u128`s: a grant vesting before the
//! lock's end is refused, and a revocation answers exactly what the model expects (accepted,
//! `NotRevocable`, `AlreadyRevoked` or `FullyVested`). The harness also checks that every
//! refused step left the storage as it was.

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::msg::GrantsResponse;

#[derive(Clone, Debug)]
enum Step {
    /// Beneficiary (0..3), percent of the unallocated part (above 100 is refused), schedule,
    /// revocable.
    Grant(usize, u128, Shape, bool),
    /// A grant so far, claimed by its beneficiary (false) or a stranger (true).
    Claim(Index, bool),
    Revoke(Index),
    Wait(u64),
    Fund(u128),
    Transfer(u128),
    Reconcile,
}

#[derive(Clone, Debug)]
enum Shape {
    /// Start (days before or after now, +/-), cliff and end in days after the start.
    Linear(i64, u64, u64),
    /// Steps, days from now to the first, days between steps.
    Tranches(u64, u64, u64),
}

fn step() -> impl Strategy<Value = Step> {
    let shape = prop_oneof![
        (-100i64..100, 0u64..400, 1u64..800)
            .prop_map(|(start, cliff, length)| { Shape::Linear(start, cliff.min(length), length) }),
        (1u64..=12, 0u64..60, 1u64..45)
            .prop_map(|(n, first, every)| Shape::Tranches(n, first, every)),
    ];
    prop_oneof![
        3 => (0usize..3, 1u128..=110, shape, any::<bool>())
            .prop_map(|(who, percent, shape, revocable)| Step::Grant(who, percent, shape, revocable)),
        5 => (any::<Index>(), any::<bool>()).prop_map(|(g, stranger)| Step::Claim(g, stranger)),
        1 => any::<Index>().prop_map(Step::Revoke),
        4 => (1u64..120).prop_map(|days| Step::Wait(days * DAY)),
        1 => (1u128..1_000_000 * CTC).prop_map(Step::Fund),
        1 => (1u128..1_000_000 * CTC).prop_map(Step::Transfer),
        1 => Just(Step::Reconcile),
    ]
}

fn schedule(now: Timestamp, shape: &Shape) -> Schedule {
    match *shape {
        Shape::Linear(start, cliff, length) => {
            let start = if start < 0 {
                now.minus_seconds(start.unsigned_abs() * DAY)
            } else {
                now.plus_seconds(start as u64 * DAY)
            };
            linear(
                start,
                start.plus_seconds(cliff * DAY),
                start.plus_seconds(length * DAY),
            )
        }
        Shape::Tranches(count, first, every) => {
            let bps = (10_000 / count) as u16;
            let steps = (0..count)
                .map(|n| Tranche {
                    at: now.plus_seconds((first + n * every) * DAY),
                    bps: if n + 1 == count {
                        10_000 - bps * (count as u16 - 1)
                    } else {
                        bps
                    },
                })
                .collect();
            Schedule::Tranches { steps }
        }
    }
}

/// What the test knows of a grant, to predict the contract's answers.
struct Model {
    amount: u128,
    schedule: Schedule,
    revocable: bool,
    revoked_at: Option<Timestamp>,
}

impl Model {
    /// The schedule's share at `t`, frozen at the revocation, on plain integers: the contract's
    /// arithmetic is checked against this rather than against itself.
    fn vested(&self, t: Timestamp) -> u128 {
        let t = self.revoked_at.map_or(t, |revoked_at| t.min(revoked_at));
        match &self.schedule {
            Schedule::Linear { start, cliff, end } => {
                if t < *cliff {
                    0
                } else if t >= *end {
                    self.amount
                } else {
                    let elapsed = u128::from(t.nanos() - start.nanos());
                    self.amount * elapsed / u128::from(end.nanos() - start.nanos())
                }
            }
            Schedule::Tranches { steps } => {
                let passed: Vec<_> = steps.iter().filter(|step| step.at <= t).collect();
                if passed.len() == steps.len() {
                    self.amount
                } else {
                    let bps: u128 = passed.iter().map(|step| u128::from(step.bps)).sum();
                    self.amount * bps / 10_000
                }
            }
        }
    }

    /// The earliest time the schedule vests anything.
    fn first_vesting(&self) -> Timestamp {
        match &self.schedule {
            Schedule::Linear { cliff, .. } => *cliff,
            Schedule::Tranches { steps } => steps[0].at,
        }
    }
}

/// Every grant, page by page.
fn all_grants(chain: &Chain) -> Vec<GrantResponse> {
    let mut grants = vec![];
    let mut start_after = None;
    loop {
        let page: GrantsResponse = chain.ask(QueryMsg::Grants {
            beneficiary: None,
            start_after,
            limit: Some(7),
        });
        let Some(last) = page.grants.last() else {
            return grants;
        };
        start_after = Some(last.id);
        grants.extend(page.grants);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_books_always_hold_and_nobody_gets_more_than_granted(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        // Locked for 60 days: some random schedules vest earlier and must be refused.
        let mut chain = Chain::new_locked_for(60 * DAY);
        let locked_until = chain.locked_until;
        let beneficiaries = [
            chain.accounts.alice.clone(),
            chain.accounts.bob.clone(),
            chain.addr("carol"),
        ];
        let (stranger, funder) = (chain.accounts.stranger.clone(), chain.addr("funder"));
        // Everything booked so far, and what arrived by transfer and is not booked yet.
        let (mut booked_in, mut pending) = (BUCKET, 0u128);
        let mut models: Vec<Model> = vec![];
        let mut grants = 0u64;
        let pick = |index: &Index, count: u64| index.index(count as usize) as u64 + 1;
        for step in steps {
            let now = chain.env.block.time;
            match step {
                Step::Grant(who, percent, shape, revocable) => {
                    let unallocated = chain.totals().unallocated.u128();
                    let amount = (unallocated * percent / 100).max(1);
                    let model = Model {
                        amount,
                        schedule: schedule(now, &shape),
                        revocable,
                        revoked_at: None,
                    };
                    let result = chain.grant(&beneficiaries[who], amount, model.schedule.clone(), revocable);
                    if model.first_vesting() < locked_until {
                        prop_assert_eq!(
                            result.unwrap_err(),
                            ContractError::VestsBeforeLockEnd { locked_until }
                        );
                    } else if amount <= unallocated {
                        prop_assert_eq!(result.unwrap(), grants + 1);
                        grants += 1;
                        models.push(model);
                    } else {
                        let refused = result.unwrap_err();
                        prop_assert!(
                            matches!(refused, ContractError::InsufficientUnallocated { .. }),
                            "{}", refused
                        );
                    }
                }
                Step::Claim(grant, by_stranger) if grants > 0 => {
                    let grant_id = pick(&grant, grants);
                    let info = chain.grant_info(grant_id);
                    let who = if by_stranger { stranger.clone() } else { info.beneficiary.clone() };
                    match chain.claim(&who, grant_id) {
                        Ok((to, amount)) => {
                            prop_assert_eq!(&to, &info.beneficiary);
                            prop_assert_eq!(amount, info.claimable_now.u128());
                        }
                        Err(refused) => {
                            prop_assert!(info.claimable_now.is_zero());
                            prop_assert_eq!(refused, ContractError::NothingToClaim { grant_id });
                        }
                    }
                }
                Step::Revoke(grant) if grants > 0 => {
                    let grant_id = pick(&grant, grants);
                    let model = &mut models[grant_id as usize - 1];
                    let vested = model.vested(now);
                    let result = chain.revoke(grant_id);
                    if !model.revocable {
                        prop_assert_eq!(result.unwrap_err(), ContractError::NotRevocable { grant_id });
                    } else if model.revoked_at.is_some() {
                        prop_assert_eq!(result.unwrap_err(), ContractError::AlreadyRevoked { grant_id });
                    } else if vested == model.amount {
                        prop_assert_eq!(result.unwrap_err(), ContractError::FullyVested { grant_id });
                    } else {
                        let response = result.unwrap();
                        prop_assert_eq!(attribute(&response, "vested"), vested.to_string());
                        prop_assert_eq!(
                            attribute(&response, "returned"),
                            (model.amount - vested).to_string()
                        );
                        model.revoked_at = Some(now);
                    }
                }
                Step::Wait(seconds) => chain.advance(seconds),
                Step::Fund(amount) => {
                    chain.fund(&funder, amount).unwrap();
                    booked_in += amount;
                }
                Step::Transfer(amount) => {
                    chain.transfer_in(amount);
                    pending += amount;
                }
                Step::Reconcile => match chain.execute(&stranger, ExecuteMsg::Reconcile {}) {
                    Ok(response) => {
                        prop_assert_eq!(attribute(&response, "amount"), pending.to_string());
                        booked_in += pending;
                        pending = 0;
                    }
                    Err(refused) => {
                        prop_assert_eq!(pending, 0);
                        prop_assert!(
                            matches!(refused, ContractError::NothingToReconcile { .. }),
                            "{}", refused
                        );
                    }
                },
                _ => {}
            }

            let totals = chain.totals();
            let all = all_grants(&chain);
            prop_assert_eq!(all.len() as u64, grants);
            prop_assert_eq!(totals.grants, grants);
            let now = chain.env.block.time;
            for (grant, model) in all.iter().zip(&models) {
                prop_assert_eq!(grant.amount.u128(), model.amount);
                prop_assert_eq!(grant.revoked_at, model.revoked_at);
                prop_assert_eq!(grant.vested_now.u128(), model.vested(now));
            }
            let mut outstanding = 0u128;
            for grant in &all {
                let owed = if grant.revoked_at.is_some() { grant.vested_now } else { grant.amount };
                prop_assert!(grant.claimed <= owed);
                prop_assert!(grant.vested_now <= grant.amount);
                outstanding += (owed - grant.claimed).u128();
            }
            prop_assert_eq!(totals.granted_outstanding.u128(), outstanding);
            prop_assert_eq!(totals.booked_balance.u128(), totals.unallocated.u128() + outstanding);
            let paid: u128 = chain.paid.values().sum();
            prop_assert_eq!(totals.claimed_total.u128(), paid);
            prop_assert_eq!(paid + totals.booked_balance.u128(), booked_in);
            prop_assert_eq!(*chain.balance.borrow(), totals.booked_balance.u128() + pending);
            for who in &beneficiaries {
                let theirs = all.iter().filter(|g| g.beneficiary == *who);
                let (granted, claimed) = theirs.fold((0u128, 0u128), |(a, c), g| {
                    (a + g.amount.u128(), c + g.claimed.u128())
                });
                prop_assert_eq!(chain.paid_to(who), claimed);
                prop_assert!(chain.paid_to(who) <= granted);
            }
            prop_assert_eq!(chain.paid_to(&stranger), 0);
        }
    }
}

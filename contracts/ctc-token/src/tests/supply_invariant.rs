//! Any sequence of transfers, burns, burn-or-recycles and disbursements (by the holder or under an
//! allowance) keeps the sum of balances equal to the total supply, and the total supply at or above
//! the floor; each outcome, allowances included, matches a plain model. Every refused operation is
//! checked to change nothing.

use std::collections::BTreeMap;

use cosmwasm_std::{Api, Uint128};
use ctc_interfaces::token::{Payment, CTC_ISSUANCE, CTC_SUPPLY_FLOOR, MAX_DISBURSE_PAYMENTS};
use proptest::prelude::*;

use super::*;

#[derive(Clone, Debug)]
enum Op {
    Transfer {
        from: usize,
        to: usize,
        permille: u128,
    },
    Burn {
        from: usize,
        permille: u128,
    },
    BurnOrRecycle {
        from: usize,
        permille: u128,
    },
    /// Each payment and the burn part are per mille of the sender's balance.
    Disburse {
        from: usize,
        payments: Vec<(usize, u128)>,
        burn_permille: u128,
    },
    /// A `DisburseFrom` of `from`'s balance by `by`, after `from` grants `by` an allowance of
    /// `grant_permille` of its balance when there is one (allowances add up across operations).
    DisburseFrom {
        by: usize,
        from: usize,
        grant_permille: Option<u128>,
        payments: Vec<(usize, u128)>,
        burn_permille: u128,
    },
    SetRecyclePool {
        to: usize,
    },
}

/// Up to one payment past the bound, zero amounts and repeated recipients among them; at most 400
/// per mille each, so that some disbursements fit in the balance and some do not.
fn payments() -> impl Strategy<Value = Vec<(usize, u128)>> {
    prop::collection::vec((0usize..8, 0u128..=400), 0..=MAX_DISBURSE_PAYMENTS + 1)
}

fn burn_permille() -> impl Strategy<Value = u128> {
    prop_oneof![Just(0u128), 0u128..=400]
}

fn op() -> impl Strategy<Value = Op> {
    // Up to 1100 permille of a balance, so some operations ask for more than the holder has.
    let holder = 0usize..8;
    let permille = 0u128..=1_100;
    prop_oneof![
        (holder.clone(), holder.clone(), permille.clone())
            .prop_map(|(from, to, permille)| Op::Transfer { from, to, permille }),
        (holder.clone(), permille.clone()).prop_map(|(from, permille)| Op::Burn { from, permille }),
        (holder.clone(), permille.clone())
            .prop_map(|(from, permille)| Op::BurnOrRecycle { from, permille }),
        (holder.clone(), payments(), burn_permille()).prop_map(
            |(from, payments, burn_permille)| Op::Disburse {
                from,
                payments,
                burn_permille,
            }
        ),
        // Grants of up to 1100 per mille, so that some allowances fall short of the debit.
        (
            holder.clone(),
            holder.clone(),
            prop::option::of(0u128..=1_100),
            payments(),
            burn_permille(),
        )
            .prop_map(|(by, from, grant_permille, payments, burn_permille)| {
                Op::DisburseFrom {
                    by,
                    from,
                    grant_permille,
                    payments,
                    burn_permille,
                }
            }),
        holder.prop_map(|to| Op::SetRecyclePool { to }),
    ]
}

struct Model {
    balances: BTreeMap<Addr, Uint128>,
    /// (owner, spender) → allowance.
    allowances: BTreeMap<(Addr, Addr), Uint128>,
    supply: Uint128,
    recycled: Uint128,
    pool: Addr,
}

/// A disbursement as the model sees it: each payment and the burn part in micro-CTC.
struct Planned {
    payments: Vec<(Addr, Uint128)>,
    burn_or_recycle: Uint128,
    total: Uint128,
}

impl Planned {
    /// Payments and burn part per mille of `from`'s balance.
    fn new(
        model: &Model,
        holders: &[Addr],
        from: &Addr,
        payments: Vec<(usize, u128)>,
        burn_permille: u128,
    ) -> Self {
        let balance = model.balance(from);
        let part = |permille: u128| balance.multiply_ratio(permille, 1_000u128);
        let payments: Vec<(Addr, Uint128)> = payments
            .into_iter()
            .map(|(to, permille)| (holders[to].clone(), part(permille)))
            .collect();
        let burn_or_recycle = part(burn_permille);
        let total = payments.iter().map(|(_, amount)| *amount).sum::<Uint128>() + burn_or_recycle;
        Self {
            payments,
            burn_or_recycle,
            total,
        }
    }

    fn payments(&self) -> Vec<Payment> {
        self.payments
            .iter()
            .map(|(to, amount)| Payment {
                recipient: to.to_string(),
                amount: *amount,
            })
            .collect()
    }

    /// Whether the token should accept this disbursement of `from`'s balance: the rules that
    /// `Disburse` and `DisburseFrom` share.
    fn allowed(&self, model: &Model, from: &Addr) -> bool {
        self.payments.len() <= MAX_DISBURSE_PAYMENTS
            && (!self.payments.is_empty() || !self.burn_or_recycle.is_zero())
            && self.payments.iter().all(|(_, amount)| !amount.is_zero())
            && (self.burn_or_recycle.is_zero() || *from != model.pool)
            && self.total <= model.balance(from)
    }

    fn apply(&self, model: &mut Model, from: &Addr) {
        let burned = self.burn_or_recycle.min(model.supply - CTC_SUPPLY_FLOOR);
        let pool = model.pool.clone();
        model.sub(from, self.total);
        for (to, amount) in &self.payments {
            model.add(to, *amount);
        }
        model.add(&pool, self.burn_or_recycle - burned);
        model.supply -= burned;
        model.recycled += self.burn_or_recycle - burned;
    }
}

impl Model {
    fn balance(&self, holder: &Addr) -> Uint128 {
        self.balances.get(holder).copied().unwrap_or_default()
    }

    fn add(&mut self, holder: &Addr, amount: Uint128) {
        *self.balances.entry(holder.clone()).or_default() += amount;
    }

    fn sub(&mut self, holder: &Addr, amount: Uint128) {
        *self.balances.entry(holder.clone()).or_default() -= amount;
    }

    fn allowance(&self, owner: &Addr, spender: &Addr) -> Uint128 {
        let key = (owner.clone(), spender.clone());
        self.allowances.get(&key).copied().unwrap_or_default()
    }
}

fn allowance(token: &Token, owner: &Addr, spender: &Addr) -> Uint128 {
    ask::<cw20::AllowanceResponse>(
        token,
        QueryMsg::Allowance {
            owner: owner.to_string(),
            spender: spender.to_string(),
        },
    )
    .allowance
}

fn all_balances(token: &Token) -> BTreeMap<Addr, Uint128> {
    let mut balances = BTreeMap::new();
    let mut start_after = None;
    loop {
        let page: cw20::AllAccountsResponse = ask(
            token,
            QueryMsg::AllAccounts {
                start_after: start_after.clone(),
                limit: Some(30),
            },
        );
        let Some(last) = page.accounts.last().cloned() else {
            return balances;
        };
        for account in page.accounts {
            let address = token.deps.api.addr_validate(&account).unwrap();
            balances.insert(address.clone(), balance(token, &address));
        }
        start_after = Some(last);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn balances_sum_to_supply_and_supply_stays_above_the_floor(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        let (mut token, accounts) = setup();
        let mut holders = accounts.genesis.clone();
        holders.push(accounts.alice.clone());
        holders.push(accounts.bob.clone());
        let mut model = Model {
            balances: all_balances(&token),
            allowances: BTreeMap::new(),
            supply: CTC_ISSUANCE,
            recycled: Uint128::zero(),
            pool: accounts.community().clone(),
        };

        for op in ops {
            match op {
                Op::Transfer { from, to, permille } => {
                    let (from, to) = (&holders[from], &holders[to]);
                    let amount = model.balance(from).multiply_ratio(permille, 1_000u128);
                    let result = token.execute(from, ExecuteMsg::Transfer {
                        recipient: to.to_string(), amount,
                    });
                    prop_assert_eq!(result.is_ok(), amount <= model.balance(from));
                    if result.is_ok() {
                        model.sub(from, amount);
                        model.add(to, amount);
                    }
                }
                Op::Burn { from, permille } => {
                    let from = &holders[from];
                    let amount = model.balance(from).multiply_ratio(permille, 1_000u128);
                    let burnable = model.supply - CTC_SUPPLY_FLOOR;
                    let result = token.execute(from, ExecuteMsg::Burn { amount });
                    prop_assert_eq!(result.is_ok(), amount <= model.balance(from) && amount <= burnable);
                    if result.is_ok() {
                        model.sub(from, amount);
                        model.supply -= amount;
                    }
                }
                Op::BurnOrRecycle { from, permille } => {
                    let from = &holders[from];
                    let amount = model.balance(from).multiply_ratio(permille, 1_000u128);
                    let result = token.execute(from, ExecuteMsg::BurnOrRecycle { amount });
                    let allowed = !amount.is_zero() && amount <= model.balance(from) && *from != model.pool;
                    prop_assert_eq!(result.is_ok(), allowed);
                    if result.is_ok() {
                        let burned = amount.min(model.supply - CTC_SUPPLY_FLOOR);
                        let pool = model.pool.clone();
                        model.sub(from, amount);
                        model.add(&pool, amount - burned);
                        model.supply -= burned;
                        model.recycled += amount - burned;
                    }
                }
                Op::Disburse { from, payments, burn_permille } => {
                    let from = &holders[from];
                    let planned = Planned::new(&model, &holders, from, payments, burn_permille);
                    let msg = ExecuteMsg::Disburse {
                        payments: planned.payments(),
                        burn_or_recycle: planned.burn_or_recycle,
                    };
                    let result = token.execute(from, msg);
                    prop_assert_eq!(result.is_ok(), planned.allowed(&model, from), "{:?}", result);
                    if result.is_ok() {
                        planned.apply(&mut model, from);
                    }
                }
                Op::DisburseFrom { by, from, grant_permille, payments, burn_permille } => {
                    let (by, from) = (&holders[by], &holders[from]);
                    if let Some(permille) = grant_permille {
                        let amount = model.balance(from).multiply_ratio(permille, 1_000u128);
                        let grant = token.execute(from, ExecuteMsg::IncreaseAllowance {
                            spender: by.to_string(),
                            amount,
                            expires: None,
                        });
                        // cw20 refuses an allowance to oneself.
                        prop_assert_eq!(grant.is_ok(), by != from);
                        if grant.is_ok() {
                            *model.allowances.entry((from.clone(), by.clone())).or_default() += amount;
                        }
                    }
                    let planned = Planned::new(&model, &holders, from, payments, burn_permille);
                    let msg = ExecuteMsg::DisburseFrom {
                        owner: from.to_string(),
                        payments: planned.payments(),
                        burn_or_recycle: planned.burn_or_recycle,
                    };
                    let result = token.execute(by, msg);
                    // The sum is never zero once the shared rules hold, so an allowance of zero
                    // (or none) refuses as cw20 does.
                    let allowed = planned.allowed(&model, from)
                        && planned.total <= model.allowance(from, by);
                    prop_assert_eq!(result.is_ok(), allowed, "{:?}", result);
                    if result.is_ok() {
                        planned.apply(&mut model, from);
                        *model.allowances.get_mut(&(from.clone(), by.clone())).unwrap() -= planned.total;
                    }
                    prop_assert_eq!(allowance(&token, from, by), model.allowance(from, by));
                }
                Op::SetRecyclePool { to } => {
                    let pool = holders[to].clone();
                    token.execute(&accounts.owner, ExecuteMsg::SetRecyclePool {
                        address: pool.to_string(),
                    }).unwrap();
                    model.pool = pool;
                }
            }

            let balances = all_balances(&token);
            let sum: Uint128 = balances.values().copied().sum();
            let t = tokenomics(&token);
            prop_assert_eq!(sum, t.total_supply);
            prop_assert!(t.total_supply >= CTC_SUPPLY_FLOOR);
            prop_assert_eq!(t.total_supply, model.supply);
            prop_assert_eq!(t.recycled, model.recycled);
            prop_assert_eq!(t.locked + t.undistributed + t.circulating, t.total_supply);
            for (holder, amount) in &balances {
                prop_assert_eq!(*amount, model.balance(holder));
            }
        }
    }
}

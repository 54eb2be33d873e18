use cosmwasm_std::{
    attr, Addr, Api, Attribute, Deps, DepsMut, Env, MessageInfo, Response, Storage, Uint128,
};
use ctc_interfaces::token::{
    AllocationBucket, Payment, CTC_DECIMALS, CTC_ISSUANCE, CTC_SUPPLY_FLOOR, MAX_DISBURSE_PAYMENTS,
};
use cw20::Cw20Coin;
use cw20_base::msg::InstantiateMarketingInfo;
use cw20_base::state::{TokenInfo, BALANCES, TOKEN_INFO};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::msg::{GenesisAllocation, InstantiateMsg};
use crate::state::{Recycling, GENESIS_ADDRESSES, RECYCLING};

pub const TOKEN_NAME: &str = "TicketChain Coin";
pub const TOKEN_SYMBOL: &str = "CTC";

pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // What this contract checks is checked before the first write. A supplied marketing logo is
    // the exception: cw20-base checks it (privately) after writing, and a refusal there reverts
    // the whole instantiate. Coins are refused here because the shared instantiate below refuses
    // them only after cw20-base has written.
    ctc_conventions::nonpayable(&info)?;
    let genesis = validate_allocation(deps.api, &msg.allocation)?;
    // The default pool, the community-rewards address, is held to the same rule as a chosen one.
    let recycle_pool = match msg.recycle_pool {
        Some(pool) => validate_recycle_pool(deps.as_ref(), &env, &pool)?,
        None => validate_recycle_pool(
            deps.as_ref(),
            &env,
            genesis[AllocationBucket::CommunityRewards.index()].as_str(),
        )?,
    };
    let owner = match msg.owner {
        Some(owner) => deps.api.addr_validate(&owner)?,
        None => info.sender.clone(),
    };
    // Without a marketing address nobody could ever set the project, description or logo.
    let marketing = msg.marketing.unwrap_or_else(|| InstantiateMarketingInfo {
        project: Some(TOKEN_NAME.to_owned()),
        description: None,
        marketing: Some(owner.to_string()),
        logo: None,
    });
    if let Some(address) = &marketing.marketing {
        deps.api.addr_validate(address)?;
    }

    let initial_balances = AllocationBucket::ALL
        .iter()
        .zip(&genesis)
        .map(|(bucket, address)| Cw20Coin {
            address: address.to_string(),
            amount: bucket.amount(),
        })
        .collect();
    cw20_base::contract::instantiate(
        deps.branch(),
        env,
        info.clone(),
        cw20_base::msg::InstantiateMsg {
            name: TOKEN_NAME.to_owned(),
            symbol: TOKEN_SYMBOL.to_owned(),
            decimals: CTC_DECIMALS,
            initial_balances,
            mint: None,
            marketing: Some(marketing),
        },
    )?;
    // After cw20-base, which recorded its own cw2 name: this contract answers migrations under its
    // own.
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, Some(owner.as_str()))?;
    GENESIS_ADDRESSES.save(deps.storage, &genesis)?;
    RECYCLING.save(
        deps.storage,
        &Recycling {
            pool: recycle_pool.clone(),
            recycled: Uint128::zero(),
        },
    )?;

    Ok(response
        .add_attribute("total_supply", CTC_ISSUANCE)
        .add_attribute("recycle_pool", recycle_pool))
}

fn validate_allocation(
    api: &dyn Api,
    allocation: &GenesisAllocation,
) -> Result<Vec<Addr>, ContractError> {
    let given = [
        &allocation.founding_team,
        &allocation.institutional_investors,
        &allocation.service_providers,
        &allocation.business_development,
        &allocation.community_rewards,
        &allocation.public_welfare,
    ];
    let mut genesis = Vec::with_capacity(given.len());
    for (bucket, address) in AllocationBucket::ALL.into_iter().zip(given) {
        let address =
            api.addr_validate(address)
                .map_err(|err| ContractError::InvalidBucketAddress {
                    bucket,
                    reason: err.to_string(),
                })?;
        if let Some(first) = genesis.iter().position(|seen| *seen == address) {
            return Err(ContractError::DuplicateBucketAddress {
                first: AllocationBucket::ALL[first],
                second: bucket,
            });
        }
        genesis.push(address);
    }
    Ok(genesis)
}

fn validate_recycle_pool(deps: Deps, env: &Env, pool: &str) -> Result<Addr, ContractError> {
    let pool = deps
        .api
        .addr_validate(pool)
        .map_err(|err| ContractError::InvalidRecyclePool {
            reason: err.to_string(),
        })?;
    // A cw20 cannot move its own balance, so CTC recycled to the token itself would be lost.
    if pool == env.contract.address {
        return Err(ContractError::InvalidRecyclePool {
            reason: "the token contract cannot hold recycled CTC".to_owned(),
        });
    }
    // A platform contract (ticket-nft, which burns at settlement, among them) has no message to
    // pass on CTC it never asked for.
    ctc_conventions::ensure_recipient_can_spend(
        &deps.querier,
        env,
        CONTRACT.name,
        "recycle_pool",
        &pool,
    )?;
    Ok(pool)
}

fn ensure_burnable(storage: &dyn Storage, amount: Uint128) -> Result<(), ContractError> {
    let total_supply = TOKEN_INFO.load(storage)?.total_supply;
    let burnable = total_supply.saturating_sub(CTC_SUPPLY_FLOOR);
    if amount > burnable {
        return Err(ContractError::BurnBelowFloor {
            requested: amount,
            burnable,
        });
    }
    Ok(())
}

pub fn burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_burnable(deps.storage, amount)?;
    Ok(cw20_base::contract::execute_burn(deps, env, info, amount)?)
}

pub fn burn_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_burnable(deps.storage, amount)?;
    Ok(cw20_base::allowances::execute_burn_from(
        deps, env, info, owner, amount,
    )?)
}

/// What a burn-or-recycle of `amount` does, computed before anything is written: how much the
/// floor lets burn, how much goes to the recycle pool, and the supply and recycling records as
/// they will be.
struct BurnSplit {
    burned: Uint128,
    recycled: Uint128,
    token: TokenInfo,
    recycling: Recycling,
}

impl BurnSplit {
    /// `debtor` is whose balance pays: the sender, or the owner of a `DisburseFrom`.
    fn new(storage: &dyn Storage, debtor: &Addr, amount: Uint128) -> Result<Self, ContractError> {
        let mut recycling = RECYCLING.load(storage)?;
        // Recycling into the debtor's own balance would move nothing yet inflate the recycled
        // total; the pool burns with a plain Burn.
        if *debtor == recycling.pool {
            return Err(ContractError::SenderIsRecyclePool);
        }
        let mut token = TOKEN_INFO.load(storage)?;
        let burned = amount.min(token.total_supply.saturating_sub(CTC_SUPPLY_FLOOR));
        let recycled = amount.checked_sub(burned)?;
        token.total_supply = token.total_supply.checked_sub(burned)?;
        recycling.recycled = recycling.recycled.checked_add(recycled)?;
        Ok(Self {
            burned,
            recycled,
            token,
            recycling,
        })
    }

    /// Writes the supply and the recycled total, each only when it changed. The pool's balance is
    /// the caller's to credit, with the other balances it writes.
    fn save(&self, storage: &mut dyn Storage) -> Result<(), ContractError> {
        if !self.burned.is_zero() {
            TOKEN_INFO.save(storage, &self.token)?;
        }
        if !self.recycled.is_zero() {
            RECYCLING.save(storage, &self.recycling)?;
        }
        Ok(())
    }
}

pub fn burn_or_recycle(
    deps: DepsMut,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let split = BurnSplit::new(deps.storage, &info.sender, amount)?;
    let balance = BALANCES
        .may_load(deps.storage, &info.sender)?
        .unwrap_or_default();
    let remaining =
        balance
            .checked_sub(amount)
            .map_err(|_| ContractError::InsufficientBalance {
                balance,
                required: amount,
            })?;
    BALANCES.save(deps.storage, &info.sender, &remaining)?;
    if !split.recycled.is_zero() {
        BALANCES.update(
            deps.storage,
            &split.recycling.pool,
            |pool_balance| -> Result<_, ContractError> {
                Ok(pool_balance
                    .unwrap_or_default()
                    .checked_add(split.recycled)?)
            },
        )?;
    }
    split.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "burn_or_recycle")
        .add_attribute("from", &info.sender)
        .add_attribute("amount", amount)
        .add_attribute("burned", split.burned)
        .add_attribute("recycled", split.recycled)
        .add_attribute("recycle_pool", split.recycling.pool))
}

/// Adds `amount` to what `address` is credited, merging it with an earlier credit to the same
/// address so that its balance is read and written once.
fn credit(
    credits: &mut Vec<(Addr, Uint128)>,
    address: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    match credits.iter_mut().find(|(credited, _)| credited == address) {
        Some((_, total)) => *total = total.checked_add(amount)?,
        None => credits.push((address.clone(), amount)),
    }
    Ok(())
}

/// A disbursement checked and computed against storage, nothing written yet: what `debtor` is
/// debited, every balance as it will be, and the burn part's split. `Disburse` and `DisburseFrom`
/// differ only in whose balance is debited and in the allowance the latter deducts, so both plan
/// and write through this one path and cannot drift apart in their rules.
struct Disbursement {
    debtor: Addr,
    /// The payments plus the burn part: the whole debit.
    total: Uint128,
    /// The debtor's balance before and after (its own payments credited back).
    debtor_before: Uint128,
    debtor_after: Uint128,
    /// Every other credited address with its balance after, each once.
    credited: Vec<(Addr, Uint128)>,
    paid: Vec<Attribute>,
    split: Option<BurnSplit>,
}

impl Disbursement {
    fn plan(
        storage: &dyn Storage,
        api: &dyn Api,
        debtor: Addr,
        payments: Vec<Payment>,
        burn_or_recycle: Uint128,
    ) -> Result<Self, ContractError> {
        if payments.len() > MAX_DISBURSE_PAYMENTS {
            return Err(ContractError::TooManyPayments {
                max: MAX_DISBURSE_PAYMENTS,
                given: payments.len(),
            });
        }
        if payments.is_empty() && burn_or_recycle.is_zero() {
            return Err(ContractError::NothingToDisburse);
        }
        // Everything is checked and computed here, before `write`, so a refusal changes nothing.
        // Credits are kept per distinct address (at most the payments plus the recycle pool), so
        // a recipient named twice, or also the pool or the debtor, still costs one read and one
        // write.
        let mut credits: Vec<(Addr, Uint128)> = Vec::with_capacity(payments.len() + 1);
        // One `to` and `paid` pair per payment: an indexer that follows balances through events
        // (as it follows cw20's `transfer`) needs every credit, and the pairs cost a few hundred
        // gas of event bytes, against the thousands a `Transfer` costs for the call alone (its
        // start, the metadata reads, the sender's balance again). `paid`, not `amount`, so that
        // `amount` keeps one meaning here: the whole debit.
        let mut paid = Vec::with_capacity(2 * payments.len());
        let mut total = burn_or_recycle;
        for (index, payment) in payments.into_iter().enumerate() {
            if payment.amount.is_zero() {
                return Err(ContractError::ZeroPayment {
                    index,
                    recipient: payment.recipient,
                });
            }
            let recipient = api.addr_validate(&payment.recipient).map_err(|err| {
                ContractError::InvalidPaymentRecipient {
                    index,
                    reason: err.to_string(),
                }
            })?;
            total = total.checked_add(payment.amount)?;
            credit(&mut credits, &recipient, payment.amount)?;
            paid.push(attr("to", recipient));
            paid.push(attr("paid", payment.amount));
        }
        // Without a burn part nothing of the supply or the pool is read: a plain payout costs
        // what its transfers would inside the token.
        let split = if burn_or_recycle.is_zero() {
            None
        } else {
            let split = BurnSplit::new(storage, &debtor, burn_or_recycle)?;
            if !split.recycled.is_zero() {
                credit(&mut credits, &split.recycling.pool, split.recycled)?;
            }
            Some(split)
        };
        let debtor_before = BALANCES.may_load(storage, &debtor)?.unwrap_or_default();
        let mut debtor_after =
            debtor_before
                .checked_sub(total)
                .map_err(|_| ContractError::InsufficientBalance {
                    balance: debtor_before,
                    required: total,
                })?;
        let mut credited = Vec::with_capacity(credits.len());
        for (address, amount) in credits {
            if address == debtor {
                debtor_after = debtor_after.checked_add(amount)?;
            } else {
                let before = BALANCES.may_load(storage, &address)?.unwrap_or_default();
                credited.push((address, before.checked_add(amount)?));
            }
        }
        Ok(Self {
            debtor,
            total,
            debtor_before,
            debtor_after,
            credited,
            paid,
            split,
        })
    }

    /// Writes the balances, the supply and the recycled total, and adds `amount`, the payments
    /// and the burn part's outcome to `response` (which already names the action and parties).
    fn write(
        self,
        storage: &mut dyn Storage,
        response: Response,
    ) -> Result<Response, ContractError> {
        if self.debtor_after != self.debtor_before {
            BALANCES.save(storage, &self.debtor, &self.debtor_after)?;
        }
        for (address, after) in &self.credited {
            BALANCES.save(storage, address, after)?;
        }
        let response = response
            .add_attribute("amount", self.total)
            .add_attributes(self.paid);
        Ok(match self.split {
            Some(split) => {
                split.save(storage)?;
                response
                    .add_attribute("burned", split.burned)
                    .add_attribute("recycled", split.recycled)
                    .add_attribute("recycle_pool", split.recycling.pool)
            }
            None => response
                .add_attribute("burned", Uint128::zero())
                .add_attribute("recycled", Uint128::zero()),
        })
    }
}

pub fn disburse(
    deps: DepsMut,
    info: MessageInfo,
    payments: Vec<Payment>,
    burn_or_recycle: Uint128,
) -> Result<Response, ContractError> {
    let plan = Disbursement::plan(
        deps.storage,
        deps.api,
        info.sender,
        payments,
        burn_or_recycle,
    )?;
    let response = Response::new()
        .add_attribute("action", "disburse")
        .add_attribute("from", &plan.debtor);
    plan.write(deps.storage, response)
}

pub fn disburse_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    payments: Vec<Payment>,
    burn_or_recycle: Uint128,
) -> Result<Response, ContractError> {
    let owner = deps.api.addr_validate(&owner)?;
    let plan = Disbursement::plan(deps.storage, deps.api, owner, payments, burn_or_recycle)?;
    // The allowance is the last check because cw20-base checks and deducts it in one step, which
    // refuses (no allowance, expired, too small) before it writes: every other refusal has
    // already been ruled out, so a refusal still changes nothing. Its own storage and function,
    // so that expiry and refusals are exactly `TransferFrom`'s.
    cw20_base::allowances::deduct_allowance(
        deps.storage,
        &plan.debtor,
        &info.sender,
        &env.block,
        plan.total,
    )?;
    let response = Response::new()
        .add_attribute("action", "disburse_from")
        .add_attribute("from", &plan.debtor)
        .add_attribute("by", &info.sender);
    plan.write(deps.storage, response)
}

pub fn set_recycle_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let pool = validate_recycle_pool(deps.as_ref(), &env, &address)?;
    RECYCLING.update(deps.storage, |mut recycling| -> Result<_, ContractError> {
        recycling.pool = pool.clone();
        Ok(recycling)
    })?;
    Ok(Response::new()
        .add_attribute("action", "set_recycle_pool")
        .add_attribute("recycle_pool", pool))
}

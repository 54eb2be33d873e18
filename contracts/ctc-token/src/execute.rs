use cosmwasm_std::{Addr, Api, Deps, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use ctc_interfaces::token::{AllocationBucket, CTC_DECIMALS, CTC_ISSUANCE, CTC_SUPPLY_FLOOR};
use cw20::Cw20Coin;
use cw20_base::msg::InstantiateMarketingInfo;
use cw20_base::state::{BALANCES, TOKEN_INFO};

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

pub fn burn_or_recycle(
    deps: DepsMut,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut recycling = RECYCLING.load(deps.storage)?;
    // Recycling into the sender's own balance would move nothing yet inflate the recycled total;
    // the pool burns with a plain Burn.
    if info.sender == recycling.pool {
        return Err(ContractError::SenderIsRecyclePool);
    }
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

    let mut token = TOKEN_INFO.load(deps.storage)?;
    let burned = amount.min(token.total_supply.saturating_sub(CTC_SUPPLY_FLOOR));
    let recycled = amount.checked_sub(burned)?;
    if !burned.is_zero() {
        token.total_supply = token.total_supply.checked_sub(burned)?;
        TOKEN_INFO.save(deps.storage, &token)?;
    }

    if !recycled.is_zero() {
        BALANCES.update(
            deps.storage,
            &recycling.pool,
            |pool_balance| -> Result<_, ContractError> {
                Ok(pool_balance.unwrap_or_default().checked_add(recycled)?)
            },
        )?;
        recycling.recycled = recycling.recycled.checked_add(recycled)?;
        RECYCLING.save(deps.storage, &recycling)?;
    }
    Ok(Response::new()
        .add_attribute("action", "burn_or_recycle")
        .add_attribute("from", &info.sender)
        .add_attribute("amount", amount)
        .add_attribute("burned", burned)
        .add_attribute("recycled", recycled)
        .add_attribute("recycle_pool", recycling.pool))
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

//! The platform's contracts wrapped for cw-multi-test.

use cosmwasm_std::{Addr, Empty};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};
use serde::Serialize;

pub fn ctc_token() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            ctc_token::contract::execute,
            ctc_token::contract::instantiate,
            ctc_token::contract::query,
        )
        .with_migrate(ctc_token::contract::migrate),
    )
}

pub fn partner_registry() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            partner_registry::contract::execute,
            partner_registry::contract::instantiate,
            partner_registry::contract::query,
        )
        .with_migrate(partner_registry::contract::migrate),
    )
}

pub fn ticket_nft() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            ticket_nft::contract::execute,
            ticket_nft::contract::instantiate,
            ticket_nft::contract::query,
        )
        .with_migrate(ticket_nft::contract::migrate),
    )
}

pub fn schedules() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            schedules::contract::execute,
            schedules::contract::instantiate,
            schedules::contract::query,
        )
        .with_migrate(schedules::contract::migrate),
    )
}

pub fn vouchers() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            vouchers::contract::execute,
            vouchers::contract::instantiate,
            vouchers::contract::query,
        )
        .with_migrate(vouchers::contract::migrate),
    )
}

pub fn crowdfund() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            crowdfund::contract::execute,
            crowdfund::contract::instantiate,
            crowdfund::contract::query,
        )
        .with_migrate(crowdfund::contract::migrate),
    )
}

pub fn tipping() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            tipping::contract::execute,
            tipping::contract::instantiate,
            tipping::contract::query,
        )
        .with_migrate(tipping::contract::migrate),
    )
}

pub fn outcome_oracle() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            outcome_oracle::contract::execute,
            outcome_oracle::contract::instantiate,
            outcome_oracle::contract::query,
        )
        .with_migrate(outcome_oracle::contract::migrate),
    )
}

pub fn wager_pool() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            wager_pool::contract::execute,
            wager_pool::contract::instantiate,
            wager_pool::contract::query,
        )
        .with_reply(wager_pool::contract::reply)
        .with_migrate(wager_pool::contract::migrate),
    )
}

pub fn allocation_fund() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            allocation_fund::contract::execute,
            allocation_fund::contract::instantiate,
            allocation_fund::contract::query,
        )
        .with_migrate(allocation_fund::contract::migrate),
    )
}

pub fn lockups() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            lockups::contract::execute,
            lockups::contract::instantiate,
            lockups::contract::query,
        )
        .with_migrate(lockups::contract::migrate),
    )
}

pub fn randomness() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            randomness::contract::execute,
            randomness::contract::instantiate,
            randomness::contract::query,
        )
        .with_migrate(randomness::contract::migrate),
    )
}

/// Plain cw20-base, the reference CTC must behave like.
pub fn cw20_base() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            cw20_base::contract::execute,
            cw20_base::contract::instantiate,
            cw20_base::contract::query,
        )
        .with_migrate(cw20_base::contract::migrate),
    )
}

/// Migrates `contract` to a new upload of `code`: refused for `outsider`, who is not its admin,
/// then done by `admin`. Answers the new code id, which the contract now runs.
pub fn migrate_by_admin_only(
    app: &mut App,
    code: Box<dyn Contract<Empty>>,
    contract: &Addr,
    admin: &Addr,
    outsider: &Addr,
    msg: &impl Serialize,
) -> u64 {
    let new_code = app.store_code(code);
    let err = app
        .migrate_contract(outsider.clone(), contract.clone(), msg, new_code)
        .unwrap_err();
    assert!(err.root_cause().to_string().contains("admin"), "{err}");
    app.migrate_contract(admin.clone(), contract.clone(), msg, new_code)
        .unwrap();
    let info = app.wrap().query_wasm_contract_info(contract).unwrap();
    assert_eq!(info.code_id, new_code);
    new_code
}

/// cw-plus 2.0's cw4-group, as published: the committee's members and weights.
pub fn cw4_group() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        cw4_group::contract::execute,
        cw4_group::contract::instantiate,
        cw4_group::contract::query,
    ))
}

/// cw-plus 2.0's cw3-flex-multisig, as published: proposals the cw4 group votes on.
pub fn cw3_flex_multisig() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        cw3_flex_multisig::contract::execute,
        cw3_flex_multisig::contract::instantiate,
        cw3_flex_multisig::contract::query,
    ))
}

/// A fan's recoverable account (issue 24): instantiated by the account factory, never stored by
/// hand in the platform.
pub fn fan_account() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            fan_account::contract::execute,
            fan_account::contract::instantiate,
            fan_account::contract::query,
        )
        .with_migrate(fan_account::contract::migrate),
    )
}

/// Creates fan accounts and indexes them by operator; reads each new account's address in a
/// reply.
pub fn account_factory() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            account_factory::contract::execute,
            account_factory::contract::instantiate,
            account_factory::contract::query,
        )
        .with_reply(account_factory::contract::reply)
        .with_migrate(account_factory::contract::migrate),
    )
}

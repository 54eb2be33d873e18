//! CTC on a simulated chain: genesis allocation, cw20 transfer and send into a contract, the burn
//! floor, burn-or-recycle and disburse across it, recycle-pool administration and migration.

use cosmwasm_std::{to_json_binary, Addr, Empty, Event, Uint128};
use ctc_interfaces::token::{
    AllocationBucket, AllocationResponse, CtcExecuteMsg, CtcQueryMsg, Payment, TokenomicsResponse,
    CTC_ISSUANCE, CTC_SUPPLY_FLOOR,
};
use ctc_token::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use cw_multi_test::{App, AppResponse, Executor};

use crate::contracts;
use crate::platform::genesis_allocation;
use crate::receiver::{self, Received};

struct Suite {
    app: App,
    token: Addr,
    token_code: u64,
    owner: Addr,
    genesis: Vec<Addr>,
    alice: Addr,
}

impl Suite {
    fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let owner = api.addr_make("owner");
        let alice = api.addr_make("alice");
        let genesis: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| api.addr_make(&format!("{bucket:?}")))
            .collect();
        let token_code = app.store_code(contracts::ctc_token());
        let msg = InstantiateMsg {
            allocation: genesis_allocation(&genesis),
            recycle_pool: None,
            owner: None,
            marketing: None,
        };
        let token = app
            .instantiate_contract(
                token_code,
                owner.clone(),
                &msg,
                &[],
                "CTC",
                Some(owner.to_string()),
            )
            .unwrap();
        Self {
            app,
            token,
            token_code,
            owner,
            genesis,
            alice,
        }
    }

    fn execute(&mut self, sender: &Addr, msg: &ExecuteMsg) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.token.clone(), msg, &[])
    }

    fn balance(&self, address: &Addr) -> Uint128 {
        let response: cw20::BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.token,
                &QueryMsg::Balance {
                    address: address.to_string(),
                },
            )
            .unwrap();
        response.balance
    }

    /// Read through the interface package, as another contract or a frontend would.
    fn tokenomics(&self) -> TokenomicsResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.token, &CtcQueryMsg::Tokenomics {})
            .unwrap()
    }

    fn burn_to_leave_burnable(&mut self, remaining: Uint128) {
        let mut to_burn = self.tokenomics().burnable - remaining;
        for holder in self.genesis.clone() {
            let amount = to_burn.min(self.balance(&holder));
            self.execute(&holder, &ExecuteMsg::Burn { amount }).unwrap();
            to_burn -= amount;
        }
        assert_eq!(self.tokenomics().burnable, remaining);
    }
}

fn wasm_attribute<'a>(events: &'a [Event], key: &str) -> Option<&'a str> {
    events
        .iter()
        .filter(|event| event.ty == "wasm")
        .flat_map(|event| &event.attributes)
        .find(|attribute| attribute.key == key)
        .map(|attribute| attribute.value.as_str())
}

#[test]
fn genesis_allocation_is_exact_to_the_unit() {
    let suite = Suite::new();
    let table: AllocationResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.token, &CtcQueryMsg::Allocation {})
        .unwrap();
    let expected_micro: [u128; 6] = [
        225_000_000_000_000,
        150_000_000_000_000,
        450_000_000_000_000,
        225_000_000_000_000,
        375_000_000_000_000,
        75_000_000_000_000,
    ];
    let mut sum = Uint128::zero();
    for ((row, holder), expected) in table.buckets.iter().zip(&suite.genesis).zip(expected_micro) {
        assert_eq!(&row.address, holder);
        assert_eq!(row.amount, Uint128::new(expected));
        assert_eq!(suite.balance(holder), Uint128::new(expected));
        sum += suite.balance(holder);
    }
    assert_eq!(sum, CTC_ISSUANCE);
    let info: cw20::TokenInfoResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.token, &QueryMsg::TokenInfo {})
        .unwrap();
    assert_eq!(info.total_supply, CTC_ISSUANCE);
}

#[test]
fn transfer_and_send_reach_wallets_and_contracts() {
    let mut suite = Suite::new();
    let receiver_code = suite.app.store_code(receiver::contract());
    let receiver = suite
        .app
        .instantiate_contract(
            receiver_code,
            suite.owner.clone(),
            &Empty {},
            &[],
            "receiver",
            None,
        )
        .unwrap();
    let payer = suite.genesis[1].clone();
    let alice = suite.alice.clone();

    suite
        .execute(
            &payer,
            &ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: Uint128::new(2_500_000),
            },
        )
        .unwrap();
    let hook = to_json_binary(&"buy ticket").unwrap();
    let response = suite
        .execute(
            &alice,
            &ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: Uint128::new(1_000_000),
                msg: hook.clone(),
            },
        )
        .unwrap();
    assert_eq!(wasm_attribute(&response.events, "action"), Some("send"));

    assert_eq!(suite.balance(&alice), Uint128::new(1_500_000));
    assert_eq!(suite.balance(&receiver), Uint128::new(1_000_000));
    let received: Vec<Received> = suite
        .app
        .wrap()
        .query_wasm_smart(&receiver, &receiver::QueryMsg::Received {})
        .unwrap();
    assert_eq!(
        received,
        vec![Received {
            token: suite.token.to_string(),
            sender: alice.to_string(),
            amount: Uint128::new(1_000_000),
            msg: hook,
        }]
    );
}

#[test]
fn burns_exactly_to_the_floor_and_refuses_one_unit_more() {
    let mut suite = Suite::new();
    suite.burn_to_leave_burnable(Uint128::zero());
    let t = suite.tokenomics();
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.burned, CTC_ISSUANCE - CTC_SUPPLY_FLOOR);

    let holder = suite.genesis[5].clone();
    let before = suite.balance(&holder);
    let err = suite
        .execute(
            &holder,
            &ExecuteMsg::Burn {
                amount: Uint128::one(),
            },
        )
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "burning 1 would take the supply below the floor; 0 is still burnable"
    );
    assert_eq!(suite.balance(&holder), before);
    assert_eq!(suite.tokenomics().total_supply, CTC_SUPPLY_FLOOR);
}

#[test]
fn burn_or_recycle_across_the_floor_splits_the_amount() {
    let mut suite = Suite::new();
    let alice = suite.alice.clone();
    suite
        .execute(
            &suite.genesis[1].clone(),
            &ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: Uint128::new(10_000_000),
            },
        )
        .unwrap();
    suite.burn_to_leave_burnable(Uint128::new(3_000_000));
    let pool = suite.genesis[4].clone();
    let pool_before = suite.balance(&pool);

    // Sent as the interface message, the way ticket-nft settles an event.
    let msg = CtcExecuteMsg::BurnOrRecycle {
        amount: Uint128::new(10_000_000),
    };
    let response = suite
        .app
        .execute_contract(alice.clone(), suite.token.clone(), &msg, &[])
        .unwrap();
    let burned: u128 = wasm_attribute(&response.events, "burned")
        .unwrap()
        .parse()
        .unwrap();
    let recycled: u128 = wasm_attribute(&response.events, "recycled")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!((burned, recycled), (3_000_000, 7_000_000));

    assert_eq!(suite.balance(&alice), Uint128::zero());
    assert_eq!(suite.balance(&pool), pool_before + Uint128::new(7_000_000));
    let t = suite.tokenomics();
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.recycled, Uint128::new(7_000_000));
}

#[test]
fn disburse_pays_burns_and_recycles_in_one_call() {
    let mut suite = Suite::new();
    let alice = suite.alice.clone();
    let (bob, carol) = (
        suite.app.api().addr_make("bob"),
        suite.app.api().addr_make("carol"),
    );
    suite
        .execute(
            &suite.genesis[1].clone(),
            &ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: Uint128::new(10_000_000),
            },
        )
        .unwrap();
    suite.burn_to_leave_burnable(Uint128::new(1_000_000));
    let pool = suite.genesis[4].clone();
    let pool_before = suite.balance(&pool);

    // Sent as the interface message, the way a contract pays a payee, a fee and the deflation.
    let msg = CtcExecuteMsg::Disburse {
        payments: vec![
            Payment {
                recipient: bob.to_string(),
                amount: Uint128::new(6_000_000),
            },
            Payment {
                recipient: carol.to_string(),
                amount: Uint128::new(1_500_000),
            },
        ],
        burn_or_recycle: Uint128::new(2_500_000),
    };
    let response = suite
        .app
        .execute_contract(alice.clone(), suite.token.clone(), &msg, &[])
        .unwrap();
    assert_eq!(wasm_attribute(&response.events, "action"), Some("disburse"));
    assert_eq!(wasm_attribute(&response.events, "amount"), Some("10000000"));
    assert_eq!(wasm_attribute(&response.events, "burned"), Some("1000000"));
    assert_eq!(
        wasm_attribute(&response.events, "recycled"),
        Some("1500000")
    );

    assert_eq!(suite.balance(&alice), Uint128::zero());
    assert_eq!(suite.balance(&bob), Uint128::new(6_000_000));
    assert_eq!(suite.balance(&carol), Uint128::new(1_500_000));
    assert_eq!(suite.balance(&pool), pool_before + Uint128::new(1_500_000));
    let t = suite.tokenomics();
    assert_eq!(t.total_supply, CTC_SUPPLY_FLOOR);
    assert_eq!(t.recycled, Uint128::new(1_500_000));
}

#[test]
fn only_the_owner_moves_the_recycle_pool() {
    let mut suite = Suite::new();
    let new_pool = suite.app.api().addr_make("festival_fund");
    let alice = suite.alice.clone();
    let set_pool = ExecuteMsg::SetRecyclePool {
        address: new_pool.to_string(),
    };

    let err = suite.execute(&alice, &set_pool).unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "Caller is not the contract's current owner"
    );
    assert_eq!(suite.tokenomics().recycle_pool, suite.genesis[4]);

    suite.execute(&suite.owner.clone(), &set_pool).unwrap();
    assert_eq!(suite.tokenomics().recycle_pool, new_pool);

    // What BurnOrRecycle cannot burn now lands in the new pool.
    suite.burn_to_leave_burnable(Uint128::zero());
    let holder = suite.genesis[5].clone();
    suite
        .execute(
            &holder,
            &ExecuteMsg::BurnOrRecycle {
                amount: Uint128::new(42),
            },
        )
        .unwrap();
    assert_eq!(suite.balance(&new_pool), Uint128::new(42));
}

#[test]
fn migrates_to_new_code_and_refuses_a_cw20_base_instance() {
    let mut suite = Suite::new();
    contracts::migrate_by_admin_only(
        &mut suite.app,
        contracts::ctc_token(),
        &suite.token,
        &suite.owner,
        &suite.alice,
        &MigrateMsg {},
    );
    assert_eq!(
        suite.tokenomics().total_supply,
        CTC_ISSUANCE,
        "state survives"
    );

    // A plain cw20-base instance cannot be turned into CTC by a migration.
    let cw20_code = suite.app.store_code(contracts::cw20_base());
    let other = suite
        .app
        .instantiate_contract(
            cw20_code,
            suite.owner.clone(),
            &cw20_base::msg::InstantiateMsg {
                name: "Other".into(),
                symbol: "OTH".into(),
                decimals: 6,
                initial_balances: vec![],
                mint: None,
                marketing: None,
            },
            &[],
            "other",
            Some(suite.owner.to_string()),
        )
        .unwrap();
    let err = suite
        .app
        .migrate_contract(suite.owner.clone(), other, &MigrateMsg {}, suite.token_code)
        .unwrap_err();
    assert!(
        err.root_cause()
            .to_string()
            .contains("Cannot migrate from crates.io:cw20-base"),
        "{err}"
    );
}

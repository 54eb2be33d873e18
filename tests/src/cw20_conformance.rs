//! CTC against plain cw20-base: the same cw20 messages (built with the `cw20` crate's own types, as
//! a wallet or CosmJS client would) sent to both give the same results, events and query answers.

use cosmwasm_std::{to_json_binary, Addr, Attribute, Empty, Uint128};
use ctc_interfaces::token::AllocationBucket;
use ctc_token::msg::{GenesisAllocation, InstantiateMsg};
use cw20::{Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, Expiration};
use cw_multi_test::{App, AppResponse, Executor};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{contracts, receiver};

struct Pair {
    app: App,
    ctc: Addr,
    reference: Addr,
}

impl Pair {
    fn new(genesis: &[Addr], owner: &Addr) -> Self {
        let mut app = App::default();
        let ctc_code = app.store_code(contracts::ctc_token());
        let cw20_code = app.store_code(contracts::cw20_base());
        let ctc = app
            .instantiate_contract(
                ctc_code,
                owner.clone(),
                &InstantiateMsg {
                    allocation: GenesisAllocation {
                        founding_team: genesis[0].to_string(),
                        institutional_investors: genesis[1].to_string(),
                        service_providers: genesis[2].to_string(),
                        business_development: genesis[3].to_string(),
                        community_rewards: genesis[4].to_string(),
                        public_welfare: genesis[5].to_string(),
                    },
                    recycle_pool: None,
                    owner: None,
                    marketing: None,
                },
                &[],
                "CTC",
                None,
            )
            .unwrap();
        let initial_balances = AllocationBucket::ALL
            .iter()
            .zip(genesis)
            .map(|(bucket, address)| Cw20Coin {
                address: address.to_string(),
                amount: bucket.amount(),
            })
            .collect();
        let reference = app
            .instantiate_contract(
                cw20_code,
                owner.clone(),
                &cw20_base::msg::InstantiateMsg {
                    name: "Reference".into(),
                    symbol: "REF".into(),
                    decimals: 6,
                    initial_balances,
                    mint: None,
                    marketing: None,
                },
                &[],
                "cw20-base",
                None,
            )
            .unwrap();
        Self {
            app,
            ctc,
            reference,
        }
    }

    /// Sends `msg` to both tokens and asserts the outcomes match.
    fn both(&mut self, sender: &Addr, msg: &Cw20ExecuteMsg) {
        let ctc = self
            .app
            .execute_contract(sender.clone(), self.ctc.clone(), msg, &[]);
        let reference = self
            .app
            .execute_contract(sender.clone(), self.reference.clone(), msg, &[]);
        match (ctc, reference) {
            (Ok(ctc), Ok(reference)) => assert_eq!(
                token_attributes(&ctc, &self.ctc),
                token_attributes(&reference, &self.reference),
                "{msg:?}"
            ),
            (Err(ctc), Err(reference)) => assert_eq!(
                ctc.root_cause().to_string(),
                reference.root_cause().to_string(),
                "{msg:?}"
            ),
            (ctc, reference) => panic!("{msg:?}: CTC gave {ctc:?}, cw20-base gave {reference:?}"),
        }
    }

    fn same_answer<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
        &self,
        query: &impl Serialize,
    ) -> T {
        let ctc: T = self.app.wrap().query_wasm_smart(&self.ctc, query).unwrap();
        let reference: T = self
            .app
            .wrap()
            .query_wasm_smart(&self.reference, query)
            .unwrap();
        assert_eq!(ctc, reference);
        ctc
    }
}

/// The attributes the token itself emitted, without the contract address (which differs).
fn token_attributes(response: &AppResponse, token: &Addr) -> Vec<Attribute> {
    response
        .events
        .iter()
        .filter(|event| event.ty == "wasm")
        .filter(|event| {
            event
                .attributes
                .iter()
                .any(|a| a.key == "_contract_address" && a.value == token.as_str())
        })
        .flat_map(|event| event.attributes.clone())
        .filter(|a| a.key != "_contract_address")
        .collect()
}

#[test]
fn standard_cw20_messages_behave_as_in_cw20_base() {
    let probe = App::default();
    let api = probe.api();
    let genesis: Vec<Addr> = (0..6)
        .map(|i| api.addr_make(&format!("bucket{i}")))
        .collect();
    let [owner, alice, bob, carol] = ["owner", "alice", "bob", "carol"].map(|n| api.addr_make(n));
    let mut pair = Pair::new(&genesis, &owner);
    let receiver_code = pair.app.store_code(receiver::contract());
    let receiver = pair
        .app
        .instantiate_contract(
            receiver_code,
            owner.clone(),
            &Empty {},
            &[],
            "receiver",
            None,
        )
        .unwrap();
    let amount = Uint128::new;
    let hook = to_json_binary(&"hook").unwrap();
    let past = Expiration::AtHeight(1);

    let steps: Vec<(&Addr, Cw20ExecuteMsg)> = vec![
        (
            &genesis[0],
            Cw20ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: amount(1_000),
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: amount(500),
                expires: None,
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::DecreaseAllowance {
                spender: bob.to_string(),
                amount: amount(100),
                expires: None,
            },
        ),
        (
            &bob,
            Cw20ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: amount(150),
            },
        ),
        (
            &bob,
            Cw20ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: amount(50),
                msg: hook.clone(),
            },
        ),
        (
            &bob,
            Cw20ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: amount(20),
            },
        ),
        (&alice, Cw20ExecuteMsg::Burn { amount: amount(10) }),
        (
            &alice,
            Cw20ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: amount(30),
                msg: hook,
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: amount(5),
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::Transfer {
                recipient: carol.to_string(),
                amount: amount(0),
            },
        ),
        // Refusals: over the allowance, over the balance, an expired allowance, a spender on itself.
        (
            &bob,
            Cw20ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: bob.to_string(),
                amount: amount(1_000),
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::Transfer {
                recipient: carol.to_string(),
                amount: amount(1_000_000),
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: carol.to_string(),
                amount: amount(1),
                expires: Some(past),
            },
        ),
        (
            &alice,
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: alice.to_string(),
                amount: amount(1),
                expires: None,
            },
        ),
        (
            &carol,
            Cw20ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: amount(1),
            },
        ),
    ];
    for (sender, msg) in &steps {
        pair.both(sender, msg);
    }

    for holder in genesis.iter().chain([&alice, &bob, &carol, &receiver]) {
        pair.same_answer::<cw20::BalanceResponse>(&Cw20QueryMsg::Balance {
            address: holder.to_string(),
        });
    }
    let left: cw20::AllowanceResponse = pair.same_answer(&Cw20QueryMsg::Allowance {
        owner: alice.to_string(),
        spender: bob.to_string(),
    });
    assert_eq!(left.allowance, amount(180));
    pair.same_answer::<cw20::AllAllowancesResponse>(&Cw20QueryMsg::AllAllowances {
        owner: alice.to_string(),
        start_after: None,
        limit: None,
    });
    pair.same_answer::<cw20::AllSpenderAllowancesResponse>(
        &cw20_base::msg::QueryMsg::AllSpenderAllowances {
            spender: bob.to_string(),
            start_after: None,
            limit: None,
        },
    );
    let accounts: cw20::AllAccountsResponse = pair.same_answer(&Cw20QueryMsg::AllAccounts {
        start_after: None,
        limit: Some(30),
    });
    assert_eq!(accounts.accounts.len(), 9);
    pair.same_answer::<Option<cw20::MinterResponse>>(&Cw20QueryMsg::Minter {});

    let ctc: cw20::TokenInfoResponse = pair
        .app
        .wrap()
        .query_wasm_smart(&pair.ctc, &Cw20QueryMsg::TokenInfo {})
        .unwrap();
    let reference: cw20::TokenInfoResponse = pair
        .app
        .wrap()
        .query_wasm_smart(&pair.reference, &Cw20QueryMsg::TokenInfo {})
        .unwrap();
    assert_eq!(
        (ctc.decimals, ctc.total_supply),
        (reference.decimals, reference.total_supply)
    );
}

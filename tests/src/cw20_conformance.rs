//! CTC against plain cw20-base: the same cw20 messages (built with the `cw20` crate's own types, as
//! a wallet or CosmJS client would) sent to both give the same results, events and query answers.
//! `every_cw20_base_message_is_understood` is driven by cw20-base 2.0's full message lists: every
//! execute and query variant, checked against its schema, so a variant CTC does not know fails.

use std::collections::{BTreeMap, BTreeSet};

use cosmwasm_schema::{schemars, QueryResponses};
use cosmwasm_std::{
    from_json, to_json_binary, to_json_vec, Addr, Attribute, Binary, ContractResult, Empty,
    Querier, QueryRequest, SystemResult, Uint128, WasmQuery,
};
use ctc_interfaces::token::AllocationBucket;
use ctc_token::msg::InstantiateMsg;
use cw20::{Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, EmbeddedLogo, Expiration, Logo};
use cw20_base::msg::QueryMsg;
use cw_multi_test::{App, AppResponse, Executor};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::platform::genesis_allocation;
use crate::{contracts, receiver};

struct Pair {
    app: App,
    ctc: Addr,
    reference: Addr,
}

impl Pair {
    fn new(genesis: &[Addr], owner: &Addr) -> Self {
        Self::with_marketing(genesis, owner, None)
    }

    /// Both tokens with the same genesis balances and, when given, the same marketing info (CTC's
    /// default makes the owner its marketing address, cw20-base's leaves none).
    fn with_marketing(
        genesis: &[Addr],
        owner: &Addr,
        marketing: Option<cw20_base::msg::InstantiateMarketingInfo>,
    ) -> Self {
        let mut app = App::default();
        let ctc_code = app.store_code(contracts::ctc_token());
        let cw20_code = app.store_code(contracts::cw20_base());
        let ctc = app
            .instantiate_contract(
                ctc_code,
                owner.clone(),
                &InstantiateMsg {
                    allocation: genesis_allocation(genesis),
                    recycle_pool: None,
                    owner: None,
                    marketing: marketing.clone(),
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
                    marketing,
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

/// The genesis buckets, CTC's owner and three users, with the addresses a test app gives them.
struct Cast {
    genesis: Vec<Addr>,
    owner: Addr,
    alice: Addr,
    bob: Addr,
    carol: Addr,
}

impl Cast {
    fn new() -> Self {
        let probe = App::default();
        let api = probe.api();
        let [owner, alice, bob, carol] =
            ["owner", "alice", "bob", "carol"].map(|n| api.addr_make(n));
        Self {
            genesis: (0..6)
                .map(|i| api.addr_make(&format!("bucket{i}")))
                .collect(),
            owner,
            alice,
            bob,
            carol,
        }
    }
}

impl Pair {
    /// A contract that accepts any cw20 `Receive`, for `Send` and `SendFrom`.
    fn receiver(&mut self, owner: &Addr) -> Addr {
        let code = self.app.store_code(receiver::contract());
        self.app
            .instantiate_contract(code, owner.clone(), &Empty {}, &[], "receiver", None)
            .unwrap()
    }
}

/// Alice lets Bob spend 400 of her tokens; Bob moves 150 to Carol, sends 50 to `receiver` with
/// `hook` and burns 20.
fn spending_by_allowance<'a>(
    alice: &'a Addr,
    bob: &'a Addr,
    carol: &Addr,
    receiver: &Addr,
    hook: &Binary,
) -> Vec<(&'a Addr, Cw20ExecuteMsg)> {
    let amount = Uint128::new;
    let hook = hook.clone();
    vec![
        (
            alice,
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: amount(500),
                expires: None,
            },
        ),
        (
            alice,
            Cw20ExecuteMsg::DecreaseAllowance {
                spender: bob.to_string(),
                amount: amount(100),
                expires: None,
            },
        ),
        (
            bob,
            Cw20ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: amount(150),
            },
        ),
        (
            bob,
            Cw20ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: amount(50),
                msg: hook,
            },
        ),
        (
            bob,
            Cw20ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: amount(20),
            },
        ),
    ]
}

#[test]
fn standard_cw20_messages_behave_as_in_cw20_base() {
    let Cast {
        genesis,
        owner,
        alice,
        bob,
        carol,
    } = Cast::new();
    let mut pair = Pair::new(&genesis, &owner);
    let receiver = pair.receiver(&owner);
    let amount = Uint128::new;
    let hook = to_json_binary(&"hook").unwrap();
    let past = Expiration::AtHeight(1);

    let mut steps: Vec<(&Addr, Cw20ExecuteMsg)> = vec![(
        &genesis[0],
        Cw20ExecuteMsg::Transfer {
            recipient: alice.to_string(),
            amount: amount(1_000),
        },
    )];
    steps.extend(spending_by_allowance(
        &alice, &bob, &carol, &receiver, &hook,
    ));
    steps.extend([
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
    ]);
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

/// The raw answer of `contract` to `query`, or the error it gave.
fn raw_answer(
    app: &App,
    contract: &Addr,
    query: &cw20_base::msg::QueryMsg,
) -> Result<Binary, String> {
    let request: QueryRequest<Empty> = QueryRequest::Wasm(WasmQuery::Smart {
        contract_addr: contract.to_string(),
        msg: to_json_binary(query).unwrap(),
    });
    match app.raw_query(&to_json_vec(&request).unwrap()) {
        SystemResult::Ok(ContractResult::Ok(answer)) => Ok(answer),
        other => Err(format!("{other:?}")),
    }
}

/// The name a message's JSON carries: `{"transfer":{…}}` is `transfer`.
fn variant_name(msg: &impl Serialize) -> String {
    let json = cosmwasm_std::to_json_string(msg).unwrap();
    json.trim_start_matches("{\"")
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

/// The variant names of an enum's JSON schema (a `oneOf` of single-key objects).
fn schema_variants(root: &schemars::schema::RootSchema) -> BTreeSet<String> {
    root.schema
        .subschemas
        .as_ref()
        .and_then(|subschemas| subschemas.one_of.as_ref())
        .expect("a oneOf of variants")
        .iter()
        .map(|variant| match variant {
            schemars::schema::Schema::Object(object) => {
                let required = &object.object.as_ref().expect("an object variant").required;
                assert_eq!(required.len(), 1);
                required.iter().next().unwrap().clone()
            }
            other => panic!("unexpected variant schema {other:?}"),
        })
        .collect()
}

const NO_MINTER: &str =
    "CTC has no minter: all 1,500,000,000 CTC were issued at genesis and the supply only falls";

/// What CTC does with each of cw20-base's execute messages: the same as cw20-base, or a refusal
/// the token's rules require. The match has no wildcard, so a variant added to cw20 breaks the
/// build here until someone decides what CTC does with it.
fn ctc_refusal(msg: &Cw20ExecuteMsg) -> Option<&'static str> {
    match msg {
        Cw20ExecuteMsg::Transfer { .. }
        | Cw20ExecuteMsg::Burn { .. }
        | Cw20ExecuteMsg::Send { .. }
        | Cw20ExecuteMsg::IncreaseAllowance { .. }
        | Cw20ExecuteMsg::DecreaseAllowance { .. }
        | Cw20ExecuteMsg::TransferFrom { .. }
        | Cw20ExecuteMsg::SendFrom { .. }
        | Cw20ExecuteMsg::BurnFrom { .. }
        | Cw20ExecuteMsg::UpdateMarketing { .. }
        | Cw20ExecuteMsg::UploadLogo(_) => None,
        // The whole issuance exists from genesis: nothing is ever minted.
        Cw20ExecuteMsg::Mint { .. } | Cw20ExecuteMsg::UpdateMinter { .. } => Some(NO_MINTER),
    }
}

/// Asserts that both answers read as `T`, the type cw20-base's schema names for `query`, and are
/// equal; returns CTC's.
fn same_as_schema<T>(
    schemas: &BTreeMap<String, schemars::schema::RootSchema>,
    query: &str,
    answers: &(Binary, Binary),
) -> T
where
    T: DeserializeOwned + schemars::JsonSchema + PartialEq + std::fmt::Debug,
{
    let title = |root: &schemars::schema::RootSchema| {
        root.schema
            .metadata
            .as_ref()
            .and_then(|metadata| metadata.title.clone())
    };
    assert_eq!(
        title(&schemas[query]),
        title(&schemars::schema_for!(T)),
        "{query}"
    );
    let ctc: T = from_json(&answers.0).unwrap_or_else(|err| panic!("{query}: {err}"));
    let reference: T = from_json(&answers.1).unwrap();
    assert_eq!(ctc, reference, "{query}");
    ctc
}

/// Checks CTC's answer to `query` against cw20-base's schema and against a cw20-base instance
/// that went through the same messages. No wildcard: a new query variant breaks the build here.
fn check_answer(
    schemas: &BTreeMap<String, schemars::schema::RootSchema>,
    query: &QueryMsg,
    answers: &(Binary, Binary),
) {
    let name = variant_name(query);
    match query {
        QueryMsg::Balance { .. } => {
            same_as_schema::<cw20::BalanceResponse>(schemas, &name, answers);
        }
        QueryMsg::TokenInfo {} => {
            // Only the name and symbol differ from the reference instance's.
            let title = schemas[&name]
                .schema
                .metadata
                .as_ref()
                .unwrap()
                .title
                .clone();
            assert_eq!(title.as_deref(), Some("TokenInfoResponse"));
            let ctc: cw20::TokenInfoResponse = from_json(&answers.0).unwrap();
            let reference: cw20::TokenInfoResponse = from_json(&answers.1).unwrap();
            assert_eq!(
                (ctc.name.as_str(), ctc.symbol.as_str()),
                ("TicketChain Coin", "CTC")
            );
            assert_eq!(
                (ctc.decimals, ctc.total_supply),
                (reference.decimals, reference.total_supply)
            );
        }
        QueryMsg::Minter {} => {
            // cw20-base's schema names `MinterResponse`, but cw20-base itself answers `null` for a
            // token without a minter, and so does CTC, which never has one.
            let ctc: Option<cw20::MinterResponse> = from_json(&answers.0).unwrap();
            let reference: Option<cw20::MinterResponse> = from_json(&answers.1).unwrap();
            assert_eq!((ctc, reference), (None, None));
        }
        QueryMsg::Allowance { .. } => {
            let allowance = same_as_schema::<cw20::AllowanceResponse>(schemas, &name, answers);
            assert!(!allowance.allowance.is_zero());
        }
        QueryMsg::AllAllowances { .. } => {
            let all = same_as_schema::<cw20::AllAllowancesResponse>(schemas, &name, answers);
            assert!(!all.allowances.is_empty());
        }
        QueryMsg::AllSpenderAllowances { .. } => {
            let all = same_as_schema::<cw20::AllSpenderAllowancesResponse>(schemas, &name, answers);
            assert!(!all.allowances.is_empty());
        }
        QueryMsg::AllAccounts { .. } => {
            let all = same_as_schema::<cw20::AllAccountsResponse>(schemas, &name, answers);
            assert!(all.accounts.len() > 6);
        }
        QueryMsg::MarketingInfo {} => {
            let info = same_as_schema::<cw20::MarketingInfoResponse>(schemas, &name, answers);
            assert_eq!(info.project.as_deref(), Some("ticketchain.example"));
        }
        QueryMsg::DownloadLogo {} => {
            let logo = same_as_schema::<cw20::DownloadLogoResponse>(schemas, &name, answers);
            assert_eq!(logo.mime_type, "image/png");
        }
    }
}

#[test]
fn every_cw20_base_message_is_understood() {
    let Cast {
        genesis,
        owner,
        alice,
        bob,
        carol,
    } = Cast::new();
    let png = |tail: u8| {
        Logo::Embedded(EmbeddedLogo::Png(Binary::from(vec![
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, tail,
        ])))
    };
    let marketing = cw20_base::msg::InstantiateMarketingInfo {
        project: Some("TicketChain".into()),
        description: Some("The ticket platform's coin".into()),
        marketing: Some(owner.to_string()),
        logo: Some(png(0)),
    };
    let mut pair = Pair::with_marketing(&genesis, &owner, Some(marketing));
    let receiver = pair.receiver(&owner);
    let amount = Uint128::new;
    let hook = to_json_binary(&"hook").unwrap();

    // Every variant of cw20-base 2.0's `ExecuteMsg` (cw20's `Cw20ExecuteMsg`), from a sender for
    // which it can succeed where CTC's rules allow it.
    let mut executes: Vec<(&Addr, Cw20ExecuteMsg)> = vec![
        (
            &genesis[0],
            Cw20ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: amount(1_000),
            },
        ),
        (&alice, Cw20ExecuteMsg::Burn { amount: amount(10) }),
        (
            &alice,
            Cw20ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: amount(30),
                msg: hook.clone(),
            },
        ),
    ];
    executes.extend(spending_by_allowance(
        &alice, &bob, &carol, &receiver, &hook,
    ));
    executes.extend([
        (
            &owner,
            Cw20ExecuteMsg::Mint {
                recipient: owner.to_string(),
                amount: amount(1),
            },
        ),
        (
            &owner,
            Cw20ExecuteMsg::UpdateMinter {
                new_minter: Some(owner.to_string()),
            },
        ),
        (
            &owner,
            Cw20ExecuteMsg::UpdateMarketing {
                project: Some("ticketchain.example".into()),
                description: None,
                marketing: None,
            },
        ),
        (&owner, Cw20ExecuteMsg::UploadLogo(png(1))),
    ]);
    let sent: BTreeSet<String> = executes.iter().map(|(_, msg)| variant_name(msg)).collect();
    assert_eq!(sent.len(), executes.len(), "each variant once");
    assert_eq!(
        sent,
        schema_variants(&schemars::schema_for!(cw20_base::msg::ExecuteMsg)),
        "every execute variant of cw20-base 2.0"
    );
    let supply = |pair: &Pair| -> Uint128 {
        let info: cw20::TokenInfoResponse = pair
            .app
            .wrap()
            .query_wasm_smart(&pair.ctc, &QueryMsg::TokenInfo {})
            .unwrap();
        info.total_supply
    };
    for (sender, msg) in &executes {
        match ctc_refusal(msg) {
            None => pair.both(sender, msg),
            Some(refusal) => {
                let before = supply(&pair);
                let err = pair
                    .app
                    .execute_contract((*sender).clone(), pair.ctc.clone(), msg, &[])
                    .unwrap_err();
                assert_eq!(err.root_cause().to_string(), refusal, "{msg:?}");
                assert_eq!(supply(&pair), before);
            }
        }
    }

    // Every variant of cw20-base 2.0's `QueryMsg`, answered as its schema says.
    let schemas = cw20_base::msg::QueryMsg::response_schemas().unwrap();
    let queries = vec![
        QueryMsg::Balance {
            address: alice.to_string(),
        },
        QueryMsg::TokenInfo {},
        QueryMsg::Minter {},
        QueryMsg::Allowance {
            owner: alice.to_string(),
            spender: bob.to_string(),
        },
        QueryMsg::AllAllowances {
            owner: alice.to_string(),
            start_after: None,
            limit: None,
        },
        QueryMsg::AllSpenderAllowances {
            spender: bob.to_string(),
            start_after: None,
            limit: None,
        },
        QueryMsg::AllAccounts {
            start_after: None,
            limit: Some(30),
        },
        QueryMsg::MarketingInfo {},
        QueryMsg::DownloadLogo {},
    ];
    let asked: BTreeSet<String> = queries.iter().map(variant_name).collect();
    assert_eq!(asked.len(), queries.len(), "each variant once");
    assert_eq!(
        asked,
        schemas.keys().cloned().collect::<BTreeSet<_>>(),
        "every query variant of cw20-base 2.0"
    );
    for query in &queries {
        let ctc = raw_answer(&pair.app, &pair.ctc, query)
            .unwrap_or_else(|err| panic!("CTC refused {query:?}: {err}"));
        let reference = raw_answer(&pair.app, &pair.reference, query).unwrap();
        check_answer(&schemas, query, &(ctc, reference));
    }
}

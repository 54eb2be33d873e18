//! ticket-nft spoken to with the `cw721` crate's own messages, as a wallet, explorer or
//! marketplace would: every standard query answers in cw721's response types and the standard
//! transfer and approval messages behave as cw721 defines.

#![allow(deprecated)]

use cosmwasm_std::{to_json_binary, Addr, Binary, Empty, Uint128};
use ctc_interfaces::tickets::TicketReceiveMsg;
use cw721::msg::{
    AllNftInfoResponse, ApprovalResponse, ApprovalsResponse, CollectionInfoAndExtensionResponse,
    Cw721ExecuteMsg, Cw721QueryMsg, MinterResponse, NftInfoResponse, NumTokensResponse,
    OperatorResponse, OperatorsResponse, OwnerOfResponse, TokensResponse,
};
use cw721::{Expiration, Ownership};
use cw_multi_test::{AppResponse, Executor};
use serde::de::DeserializeOwned;
use ticket_nft::msg::{EventInput, ExecuteMsg, TicketInfo, TierInput, TransferPolicy};

use crate::platform::{Platform, CTC};
use crate::receiver::{self, Received};

type Execute = Cw721ExecuteMsg<Option<Empty>, Option<Empty>, Empty>;
type Query = Cw721QueryMsg<TicketInfo, Option<Empty>, Empty>;

impl Platform {
    fn cw721<T: DeserializeOwned>(&self, query: Query) -> T {
        self.tickets_query(&query)
    }

    fn cw721_exec(&mut self, sender: &Addr, msg: Execute) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.tickets.clone(), &msg, &[])
    }
}

fn owner_of(p: &Platform, token_id: &str) -> OwnerOfResponse {
    p.cw721(Query::OwnerOf {
        token_id: token_id.into(),
        include_expired: None,
    })
}

/// Fan 0 holds three tickets "1-0", "1-1", "1-2" of a freely transferable event.
fn three_tickets() -> Platform {
    let mut p = Platform::new();
    let now = p.now();
    let starts_at = now.plus_seconds(30 * 86_400);
    let theater = p.theater.clone();
    p.tickets_exec(
        &theater,
        &ExecuteMsg::CreateEvent {
            event: EventInput {
                title: "Swan Lake".into(),
                venue: "Opera House".into(),
                description_uri: Some("ipfs://swan-lake".into()),
                starts_at,
                ends_at: starts_at.plus_seconds(7_200),
                sale_starts_at: now,
                sale_ends_at: starts_at,
                tiers: vec![TierInput {
                    name: "Balcony".into(),
                    price: Uint128::new(50 * CTC),
                    supply: 10,
                    seats: vec![],
                    per_wallet_limit: None,
                }],
                min_identity: None,
                transfer_policy: TransferPolicy::Free { max_transfers: 10 },
                lock_before_start_seconds: 0,
                resale_cap_bps: 10_000,
                royalty: ctc_interfaces::BasisPoints::ZERO,
                check_in_opens_before_seconds: 3_600,
            },
        },
    )
    .unwrap();
    let fan = p.fans[0].clone();
    p.pay(
        &fan,
        150 * CTC,
        &TicketReceiveMsg::Buy {
            event_id: 1,
            tier: 0,
            quantity: 3,
            recipient: None,
        },
    )
    .unwrap();
    p
}

#[test]
fn standard_queries_answer_in_cw721_types() {
    let p = three_tickets();
    let fan = p.fans[0].to_string();
    let count: NumTokensResponse = p.cw721(Query::NumTokens {});
    assert_eq!(count.count, 3);
    let all: TokensResponse = p.cw721(Query::AllTokens {
        start_after: None,
        limit: None,
    });
    assert_eq!(all.tokens, ["1-0", "1-1", "1-2"]);
    let page: TokensResponse = p.cw721(Query::Tokens {
        owner: fan.clone(),
        start_after: Some("1-0".into()),
        limit: Some(1),
    });
    assert_eq!(page.tokens, ["1-1"]);
    assert_eq!(owner_of(&p, "1-2").owner, fan);

    let info: NftInfoResponse<TicketInfo> = p.cw721(Query::NftInfo {
        token_id: "1-0".into(),
    });
    assert_eq!(info.token_uri.as_deref(), Some("ipfs://swan-lake"));
    assert_eq!(info.extension.face_price, Uint128::new(50 * CTC));
    assert_eq!(info.extension.issuer, p.theater);
    let all_info: AllNftInfoResponse<TicketInfo> = p.cw721(Query::AllNftInfo {
        token_id: "1-0".into(),
        include_expired: None,
    });
    assert_eq!(all_info.access.owner, fan);
    assert_eq!(all_info.info, info);

    for query in [
        Query::ContractInfo {},
        Query::GetCollectionInfoAndExtension {},
    ] {
        let collection: CollectionInfoAndExtensionResponse<Option<Empty>> = p.cw721(query);
        assert_eq!(
            (collection.name.as_str(), collection.symbol.as_str()),
            ("TicketChain Tickets", "TIX")
        );
    }
    let minter: MinterResponse = p.cw721(Query::Minter {});
    assert_eq!(minter.minter, Some(p.owner.to_string()));
    let ownership: Ownership<Addr> = p.cw721(Query::GetMinterOwnership {});
    assert_eq!(ownership.owner, Some(p.owner.clone()));
    let ownership: Ownership<Addr> = p.cw721(Query::Ownership {});
    assert_eq!(ownership.owner, Some(p.owner.clone()));
}

#[test]
fn approvals_and_operators_move_tickets_as_cw721_defines() {
    let mut p = three_tickets();
    let [owner, spender, receiver_fan, operator] = [0, 1, 2, 3].map(|i| p.fans[i].clone());

    p.cw721_exec(
        &owner,
        Execute::Approve {
            spender: spender.to_string(),
            token_id: "1-0".into(),
            expires: None,
        },
    )
    .unwrap();
    let approval: ApprovalResponse = p.cw721(Query::Approval {
        token_id: "1-0".into(),
        spender: spender.to_string(),
        include_expired: None,
    });
    assert_eq!(approval.approval.expires, Expiration::Never {});
    p.cw721_exec(
        &spender,
        Execute::TransferNft {
            recipient: receiver_fan.to_string(),
            token_id: "1-0".into(),
        },
    )
    .unwrap();
    let moved = owner_of(&p, "1-0");
    assert_eq!(moved.owner, receiver_fan.to_string());
    assert!(moved.approvals.is_empty(), "a transfer clears approvals");
    let err = p
        .cw721_exec(
            &spender,
            Execute::TransferNft {
                recipient: spender.to_string(),
                token_id: "1-0".into(),
            },
        )
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "not allowed to move ticket 1-0"
    );

    p.cw721_exec(
        &owner,
        Execute::Approve {
            spender: spender.to_string(),
            token_id: "1-1".into(),
            expires: None,
        },
    )
    .unwrap();
    p.cw721_exec(
        &owner,
        Execute::Revoke {
            spender: spender.to_string(),
            token_id: "1-1".into(),
        },
    )
    .unwrap();
    let approvals: ApprovalsResponse = p.cw721(Query::Approvals {
        token_id: "1-1".into(),
        include_expired: None,
    });
    assert!(approvals.approvals.is_empty());

    let err = p
        .cw721_exec(
            &owner,
            Execute::ApproveAll {
                operator: operator.to_string(),
                expires: Some(Expiration::AtHeight(1)),
            },
        )
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "Cannot set approval that is already expired"
    );
    p.cw721_exec(
        &owner,
        Execute::ApproveAll {
            operator: operator.to_string(),
            expires: None,
        },
    )
    .unwrap();
    let operator_answer: OperatorResponse = p.cw721(Query::Operator {
        owner: owner.to_string(),
        operator: operator.to_string(),
        include_expired: None,
    });
    assert_eq!(operator_answer.approval.spender, operator);
    let operators: OperatorsResponse = p.cw721(Query::AllOperators {
        owner: owner.to_string(),
        include_expired: None,
        start_after: None,
        limit: None,
    });
    assert_eq!(operators.operators.len(), 1);
    p.cw721_exec(
        &operator,
        Execute::TransferNft {
            recipient: operator.to_string(),
            token_id: "1-1".into(),
        },
    )
    .unwrap();
    assert_eq!(owner_of(&p, "1-1").owner, operator.to_string());

    p.cw721_exec(
        &owner,
        Execute::RevokeAll {
            operator: operator.to_string(),
        },
    )
    .unwrap();
    let err = p
        .cw721_exec(
            &operator,
            Execute::TransferNft {
                recipient: operator.to_string(),
                token_id: "1-2".into(),
            },
        )
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "not allowed to move ticket 1-2"
    );
}

#[test]
fn send_nft_calls_the_receiver_and_burn_is_refused() {
    let mut p = three_tickets();
    let owner = p.fans[0].clone();
    let code = p.app.store_code(receiver::contract());
    let contract = p
        .app
        .instantiate_contract(code, owner.clone(), &Empty {}, &[], "receiver", None)
        .unwrap();
    p.cw721_exec(
        &owner,
        Execute::SendNft {
            contract: contract.to_string(),
            token_id: "1-2".into(),
            msg: to_json_binary(&"hello").unwrap(),
        },
    )
    .unwrap();
    assert_eq!(owner_of(&p, "1-2").owner, contract.to_string());
    let received: Vec<Received> = p
        .app
        .wrap()
        .query_wasm_smart(&contract, &receiver::QueryMsg::Received {})
        .unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].sender, owner.to_string());
    assert_eq!(received[0].msg, Binary::from(b"1-2".to_vec()));

    let err = p
        .cw721_exec(
            &owner,
            Execute::Burn {
                token_id: "1-0".into(),
            },
        )
        .unwrap_err();
    assert!(err
        .root_cause()
        .to_string()
        .starts_with("tickets are never burned"));
    let count: NumTokensResponse = p.cw721(Query::NumTokens {});
    assert_eq!(count.count, 3);
}

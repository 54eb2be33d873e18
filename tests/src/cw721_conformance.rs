//! ticket-nft spoken to with the `cw721` crate's own messages, as a wallet, explorer or
//! marketplace would: every standard query answers in cw721's response types and the standard
//! transfer and approval messages behave as cw721 defines.

#![allow(deprecated)]

use std::collections::BTreeSet;
use std::fmt::Debug;

use cosmwasm_schema::schemars::schema::{RootSchema, Schema};
use cosmwasm_schema::schemars::JsonSchema;
use cosmwasm_schema::{schema_for, QueryResponses};
use cosmwasm_std::{coin, to_json_binary, to_json_string, Addr, Binary, Decimal, Empty, Uint128};
use ctc_interfaces::tickets::TicketReceiveMsg;
use cw721::msg::{
    AdditionalMintersResponse, AllInfoResponse, AllNftInfoResponse, ApprovalResponse,
    ApprovalsResponse, CollectionExtensionMsg, CollectionInfoAndExtensionResponse,
    CollectionInfoMsg, ConfigResponse, Cw721ExecuteMsg, Cw721QueryMsg, MinterResponse,
    NftExtensionMsg, NftInfoResponse, NumTokensResponse, OperatorResponse, OperatorsResponse,
    OwnerOfResponse, RoyaltyInfoResponse, TokensResponse,
};
use cw721::state::CollectionExtensionAttributes;
use cw721::{
    Action, CollectionExtension, DefaultOptionalCollectionExtension,
    DefaultOptionalCollectionExtensionMsg, DefaultOptionalNftExtension,
    DefaultOptionalNftExtensionMsg, EmptyOptionalNftExtension, EmptyOptionalNftExtensionMsg,
    Expiration, NftExtension, Ownership,
};
use cw_multi_test::AppResponse;
use serde::de::DeserializeOwned;
use serde::Serialize;
use ticket_nft::msg::{
    EventInput, ExecuteMsg, TicketFilter, TicketInfo, TicketStatus, TierInput, TransferPolicy,
};
use ticket_nft::ContractError;

use crate::platform::{Platform, CTC};
use crate::receiver::{self, Received};

type Execute = Cw721ExecuteMsg<Option<Empty>, Option<Empty>, Empty>;
type Query = Cw721QueryMsg<TicketInfo, Option<Empty>, Empty>;
/// A client of cw721's on-chain metadata flavour (`NftExtension`).
type MetadataQuery =
    Cw721QueryMsg<DefaultOptionalNftExtension, DefaultOptionalCollectionExtension, Empty>;

impl Platform {
    fn cw721<T: DeserializeOwned>(&self, query: Query) -> T {
        self.query(&self.tickets, &query)
    }

    fn cw721_exec(&self, sender: &Addr, msg: Execute) -> anyhow::Result<AppResponse> {
        self.execute(sender, &self.tickets, &msg)
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
    let p = Platform::new();
    let now = p.now();
    let starts_at = now.plus_seconds(30 * 86_400);
    p.execute(
        &p.theater,
        &p.tickets,
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
                    members_of: None,
                    random_seats: false,
                }],
                min_identity: None,
                accepted_attesters: None,
                transfer_policy: TransferPolicy::Free { max_transfers: 10 },
                anti_scalping: None,
                lock_before_start_seconds: 0,
                resale_cap_bps: 10_000,
                royalty: ctc_interfaces::BasisPoints::ZERO,
                check_in_opens_before_seconds: 3_600,
                booking_id: None,
            },
        },
    )
    .unwrap();
    let fan = p.fans[0].clone();
    p.send_ctc(
        &fan,
        &p.tickets,
        150 * CTC,
        &TicketReceiveMsg::Buy {
            event_id: 1,
            tier: 0,
            quantity: 3,
            recipient: None,
            voucher: None,
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
    let p = three_tickets();
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
    let p = three_tickets();
    let owner = p.fans[0].clone();
    let contract = p
        .instantiate(receiver::contract(), &owner, &Empty {}, "receiver")
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
    let received: Vec<Received> = p.query(&contract, &receiver::QueryMsg::Received {});
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

// The standard's full message lists: every variant of cw721 0.22's `Cw721QueryMsg` and
// `Cw721ExecuteMsg` is built, sent as JSON and answered. The matches below name no wildcard, so a
// variant added to cw721 breaks the build; the variant names are also checked against cw721's own
// schema of each enum, so a variant built nowhere fails the test.

/// The variant names of a message enum, from its JSON schema (cw721's, not ours).
fn variant_names(schema: RootSchema) -> BTreeSet<String> {
    let variants = schema
        .schema
        .subschemas
        .expect("an enum")
        .one_of
        .expect("variants");
    variants
        .into_iter()
        .flat_map(|variant| match variant {
            Schema::Object(variant) => {
                let named = variant.object.map(|o| o.required).unwrap_or_default();
                let units = variant.enum_values.unwrap_or_default();
                let units = units.iter().filter_map(|v| v.as_str().map(String::from));
                named.into_iter().chain(units).collect::<Vec<_>>()
            }
            Schema::Bool(_) => vec![],
        })
        .collect()
}

/// The JSON name a message is sent under.
fn json_name(msg: &impl Serialize) -> String {
    let json = to_json_string(msg).unwrap();
    json.trim_start_matches("{\"")
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

/// The three tickets of `three_tickets`, fan 0's, with fan 3 as fan 0's operator.
fn standard_collection() -> Platform {
    let p = three_tickets();
    let (holder, operator) = (p.fans[0].clone(), p.fans[3].clone());
    p.cw721_exec(
        &holder,
        Execute::ApproveAll {
            operator: operator.to_string(),
            expires: None,
        },
    )
    .unwrap();
    p
}

/// Every variant of cw721's query enum, as a client whose extension types are `N` (NFTs) and `C`
/// (the collection) builds it. `nft_extension` must match every ticket.
fn every_query<N: Clone, C: Clone>(
    p: &Platform,
    nft_extension: &N,
    collection_extension: &C,
) -> Vec<Cw721QueryMsg<N, C, Empty>> {
    use Cw721QueryMsg as Q;
    let (holder, operator) = (p.fans[0].to_string(), p.fans[3].to_string());
    let token = || "1-0".to_string();
    vec![
        Q::OwnerOf {
            token_id: token(),
            include_expired: None,
        },
        Q::Approval {
            token_id: token(),
            spender: holder.clone(),
            include_expired: None,
        },
        Q::Approvals {
            token_id: token(),
            include_expired: Some(true),
        },
        Q::Operator {
            owner: holder.clone(),
            operator,
            include_expired: None,
        },
        Q::AllOperators {
            owner: holder.clone(),
            include_expired: None,
            start_after: None,
            limit: None,
        },
        Q::NumTokens {},
        Q::ContractInfo {},
        Q::GetConfig {},
        Q::GetCollectionInfoAndExtension {},
        Q::GetAllInfo {},
        Q::GetCollectionExtensionAttributes {},
        Q::Ownership {},
        Q::Minter {},
        Q::GetMinterOwnership {},
        Q::GetCreatorOwnership {},
        Q::GetAdditionalMinters {
            start_after: None,
            limit: None,
        },
        Q::NftInfo { token_id: token() },
        Q::GetNftByExtension {
            extension: nft_extension.clone(),
            start_after: None,
            limit: None,
        },
        Q::AllNftInfo {
            token_id: token(),
            include_expired: None,
        },
        Q::Tokens {
            owner: holder,
            start_after: None,
            limit: None,
        },
        Q::AllTokens {
            start_after: None,
            limit: None,
        },
        Q::Extension { msg: Empty {} },
        Q::GetCollectionExtension {
            msg: collection_extension.clone(),
        },
        Q::GetWithdrawAddress {},
    ]
}

/// Sends `query` to ticket-nft and reads the answer into the type cw721's `#[returns]` names for it
/// (for `get_nft_by_extension`, the list cw721-base's implementation answers); returns its name.
fn ask<N, C>(p: &Platform, query: &Cw721QueryMsg<N, C, Empty>) -> &'static str
where
    N: Serialize + DeserializeOwned + Debug,
    C: Serialize + DeserializeOwned + Debug,
{
    use Cw721QueryMsg as Q;
    let holder = p.fans[0].to_string();
    let owner = Some(p.owner.clone());
    let contract_info = p.app().wrap().query_wasm_contract_info(&p.tickets).unwrap();
    let collection = ("TicketChain Tickets", "TIX");
    let all = ["1-0", "1-1", "1-2"];
    match query {
        Q::OwnerOf { .. } => {
            let answer: OwnerOfResponse = p.query(&p.tickets, query);
            assert_eq!(answer.owner, holder);
            "owner_of"
        }
        Q::Approval { .. } => {
            let answer: ApprovalResponse = p.query(&p.tickets, query);
            assert_eq!(answer.approval.expires, Expiration::Never {});
            "approval"
        }
        Q::Approvals { .. } => {
            let answer: ApprovalsResponse = p.query(&p.tickets, query);
            assert!(answer.approvals.is_empty());
            "approvals"
        }
        Q::Operator { .. } => {
            let answer: OperatorResponse = p.query(&p.tickets, query);
            assert_eq!(answer.approval.spender, p.fans[3]);
            "operator"
        }
        Q::AllOperators { .. } => {
            let answer: OperatorsResponse = p.query(&p.tickets, query);
            assert_eq!(answer.operators.len(), 1);
            "all_operators"
        }
        Q::NumTokens {} => {
            let answer: NumTokensResponse = p.query(&p.tickets, query);
            assert_eq!(answer.count, 3);
            "num_tokens"
        }
        Q::ContractInfo {} => {
            let answer: CollectionInfoAndExtensionResponse<C> = p.query(&p.tickets, query);
            assert_eq!((answer.name.as_str(), answer.symbol.as_str()), collection);
            "contract_info"
        }
        Q::GetConfig {} => {
            let answer: ConfigResponse<C> = p.query(&p.tickets, query);
            assert_eq!(answer.num_tokens, 3);
            assert_eq!(answer.minter_ownership.owner, owner);
            assert_eq!(answer.creator_ownership, answer.minter_ownership);
            assert_eq!(answer.withdraw_address, None);
            let info = &answer.collection_info;
            assert_eq!((info.name.as_str(), info.symbol.as_str()), collection);
            assert_eq!(
                to_json_string(&answer.collection_extension).unwrap(),
                "null"
            );
            assert_eq!(answer.contract_info, contract_info);
            "get_config"
        }
        Q::GetCollectionInfoAndExtension {} => {
            let answer: CollectionInfoAndExtensionResponse<C> = p.query(&p.tickets, query);
            assert_eq!((answer.name.as_str(), answer.symbol.as_str()), collection);
            assert_eq!(to_json_string(&answer.extension).unwrap(), "null");
            "get_collection_info_and_extension"
        }
        Q::GetAllInfo {} => {
            let answer: AllInfoResponse = p.query(&p.tickets, query);
            assert_eq!(answer.num_tokens, 3);
            assert!(answer.collection_extension.is_empty());
            let info = &answer.collection_info;
            assert_eq!((info.name.as_str(), info.symbol.as_str()), collection);
            assert_eq!(answer.contract_info, contract_info);
            "get_all_info"
        }
        Q::GetCollectionExtensionAttributes {} => {
            let answer: CollectionExtensionAttributes = p.query(&p.tickets, query);
            assert!(answer.is_empty());
            "get_collection_extension_attributes"
        }
        Q::Ownership {} => {
            let answer: Ownership<Addr> = p.query(&p.tickets, query);
            assert_eq!(answer.owner, owner);
            "ownership"
        }
        Q::Minter {} => {
            let answer: MinterResponse = p.query(&p.tickets, query);
            assert_eq!(answer.minter, Some(p.owner.to_string()));
            "minter"
        }
        Q::GetMinterOwnership {} => {
            let answer: Ownership<Addr> = p.query(&p.tickets, query);
            assert_eq!(answer.owner, owner);
            "get_minter_ownership"
        }
        Q::GetCreatorOwnership {} => {
            let answer: Ownership<Addr> = p.query(&p.tickets, query);
            assert_eq!(answer.owner, owner);
            "get_creator_ownership"
        }
        Q::GetAdditionalMinters { .. } => {
            let answer: AdditionalMintersResponse = p.query(&p.tickets, query);
            assert!(answer.minters.is_empty());
            "get_additional_minters"
        }
        Q::NftInfo { .. } => {
            let answer: NftInfoResponse<N> = p.query(&p.tickets, query);
            assert_eq!(answer.token_uri.as_deref(), Some("ipfs://swan-lake"));
            "nft_info"
        }
        Q::GetNftByExtension { .. } => {
            let answer: Option<Vec<NftInfoResponse<N>>> = p.query(&p.tickets, query);
            assert_eq!(answer.map(|found| found.len()), Some(3));
            "get_nft_by_extension"
        }
        Q::AllNftInfo { .. } => {
            let answer: AllNftInfoResponse<N> = p.query(&p.tickets, query);
            assert_eq!(answer.access.owner, holder);
            assert_eq!(answer.info.token_uri.as_deref(), Some("ipfs://swan-lake"));
            "all_nft_info"
        }
        Q::Tokens { .. } => {
            let answer: TokensResponse = p.query(&p.tickets, query);
            assert_eq!(answer.tokens, all);
            "tokens"
        }
        Q::AllTokens { .. } => {
            let answer: TokensResponse = p.query(&p.tickets, query);
            assert_eq!(answer.tokens, all);
            "all_tokens"
        }
        Q::Extension { .. } => {
            let () = p.query(&p.tickets, query);
            "extension"
        }
        Q::GetCollectionExtension { .. } => {
            let () = p.query(&p.tickets, query);
            "get_collection_extension"
        }
        Q::GetWithdrawAddress {} => {
            let answer: Option<String> = p.query(&p.tickets, query);
            assert_eq!(answer, None);
            "get_withdraw_address"
        }
    }
}

fn ask_every_query<N, C>(nft_extension: N, collection_extension: C)
where
    N: Serialize + DeserializeOwned + JsonSchema + Clone + Debug + PartialEq,
    C: Serialize + DeserializeOwned + JsonSchema + Clone + Debug + PartialEq,
{
    let p = standard_collection();
    let mut asked = BTreeSet::new();
    for query in every_query(&p, &nft_extension, &collection_extension) {
        let name = ask(&p, &query);
        assert_eq!(json_name(&query), name);
        assert!(asked.insert(name.to_string()), "{name} asked twice");
    }
    let standard = Cw721QueryMsg::<N, C, Empty>::response_schemas().unwrap();
    assert_eq!(asked, standard.keys().cloned().collect());
    assert_eq!(
        asked,
        variant_names(schema_for!(Cw721QueryMsg<N, C, Empty>))
    );
}

#[test]
fn every_cw721_query_answers_a_ticket_typed_client() {
    let p = three_tickets();
    let info: NftInfoResponse<TicketInfo> = p.cw721(Query::NftInfo {
        token_id: "1-0".into(),
    });
    ask_every_query::<TicketInfo, Option<Empty>>(info.extension, Some(Empty {}));
}

/// cw721-base 0.22's `QueryMsg`: `Cw721QueryMsg<EmptyOptionalNftExtension,
/// DefaultOptionalCollectionExtension, Empty>`.
#[test]
fn every_cw721_base_query_answers_in_its_response_type() {
    let royalty = cw721::RoyaltyInfo {
        payment_address: cosmwasm_std::testing::MockApi::default().addr_make("royalty"),
        share: Decimal::percent(5),
    };
    let extension = CollectionExtension {
        description: "A collection".into(),
        image: "ipfs://collection".into(),
        external_link: None,
        banner_url: None,
        explicit_content: None,
        start_trading_time: None,
        royalty_info: Some(royalty),
    };
    // cw721-base's empty NFT extension `{}` matches every ticket.
    ask_every_query::<EmptyOptionalNftExtension, DefaultOptionalCollectionExtension>(
        Some(Empty {}),
        Some(extension),
    );
}

/// Every variant of cw721's execute enum, for a client whose extension messages are `N` (NFTs)
/// and `C` (the collection).
fn every_execute<N: Clone, C: Clone>(
    p: &Platform,
    receiver: &Addr,
    nft_extension: &N,
    collection_extension: &C,
) -> Vec<Cw721ExecuteMsg<N, C, Empty>> {
    use Cw721ExecuteMsg as X;
    let transfer = |to: &Addr| Action::TransferOwnership {
        new_owner: to.to_string(),
        expiry: None,
    };
    vec![
        X::UpdateOwnership(transfer(&p.treasury)),
        X::UpdateMinterOwnership(transfer(&p.theater)),
        X::UpdateCreatorOwnership(transfer(&p.troupe)),
        X::UpdateCollectionInfo {
            collection_info: CollectionInfoMsg {
                name: Some("Not Tickets".into()),
                symbol: None,
                extension: collection_extension.clone(),
            },
        },
        X::TransferNft {
            recipient: p.fans[1].to_string(),
            token_id: "1-0".into(),
        },
        X::SendNft {
            contract: receiver.to_string(),
            token_id: "1-1".into(),
            msg: to_json_binary(&"hello").unwrap(),
        },
        X::Approve {
            spender: p.fans[2].to_string(),
            token_id: "1-2".into(),
            expires: None,
        },
        X::Revoke {
            spender: p.fans[3].to_string(),
            token_id: "1-2".into(),
        },
        X::ApproveAll {
            operator: p.fans[2].to_string(),
            expires: None,
        },
        X::RevokeAll {
            operator: p.fans[3].to_string(),
        },
        X::Mint {
            token_id: "1-3".into(),
            owner: p.fans[0].to_string(),
            token_uri: None,
            extension: nft_extension.clone(),
        },
        X::Burn {
            token_id: "1-2".into(),
        },
        X::AddMinter {
            minter: p.fans[1].to_string(),
        },
        X::RemoveMinter {
            minter: p.fans[1].to_string(),
        },
        X::UpdateExtension { msg: Empty {} },
        X::UpdateNftInfo {
            token_id: "1-2".into(),
            token_uri: Some("ipfs://elsewhere".into()),
            extension: nft_extension.clone(),
        },
        X::SetWithdrawAddress {
            address: p.owner.to_string(),
        },
        X::RemoveWithdrawAddress {},
        X::WithdrawFunds {
            amount: coin(1, "ustake"),
        },
    ]
}

/// Refused by the contract itself with `why`, not by a parse error.
fn refused(result: anyhow::Result<AppResponse>, why: ContractError) {
    let err = result.expect_err("refused");
    assert_eq!(err.downcast_ref::<ContractError>(), Some(&why), "{err:?}");
}

/// Sends `msg` from the account it belongs to: the holder for ticket moves, the platform owner
/// (and for minting an outsider too) for the rest. Checks that it works, or is refused with the
/// ticket rule's own error; returns its name.
fn perform<N: Serialize + Debug, C: Serialize + Debug>(
    p: &Platform,
    receiver: &Addr,
    msg: &Cw721ExecuteMsg<N, C, Empty>,
) -> &'static str {
    use Cw721ExecuteMsg as X;
    let (holder, owner, issuer) = (p.fans[0].clone(), p.owner.clone(), p.theater.clone());
    let send = |p: &Platform, sender: &Addr| p.execute(sender, &p.tickets, msg);
    let pending = |p: &Platform| -> [Option<Addr>; 2] {
        [Query::GetMinterOwnership {}, Query::GetCreatorOwnership {}].map(|query| {
            let ownership: Ownership<Addr> = p.cw721(query);
            assert_eq!(ownership.owner, Some(p.owner.clone()));
            ownership.pending_owner
        })
    };
    match msg {
        X::UpdateOwnership(_) => {
            send(p, &owner).unwrap();
            assert_eq!(
                pending(p),
                [Some(p.treasury.clone()), Some(p.treasury.clone())]
            );
            "update_ownership"
        }
        X::UpdateMinterOwnership(_) => {
            send(p, &owner).unwrap();
            assert_eq!(
                pending(p),
                [Some(p.theater.clone()), Some(p.theater.clone())]
            );
            "update_minter_ownership"
        }
        X::UpdateCreatorOwnership(_) => {
            let err = send(p, &holder).unwrap_err();
            assert_eq!(
                err.root_cause().to_string(),
                cw721::OwnershipError::NotOwner.to_string()
            );
            send(p, &owner).unwrap();
            assert_eq!(pending(p), [Some(p.troupe.clone()), Some(p.troupe.clone())]);
            "update_creator_ownership"
        }
        X::UpdateCollectionInfo { .. } => {
            refused(send(p, &owner), ContractError::CollectionInfoFixed);
            let info: CollectionInfoAndExtensionResponse<Option<Empty>> =
                p.cw721(Query::GetCollectionInfoAndExtension {});
            assert_eq!(info.name, "TicketChain Tickets");
            "update_collection_info"
        }
        X::TransferNft { .. } => {
            send(p, &holder).unwrap();
            assert_eq!(owner_of(p, "1-0").owner, p.fans[1].to_string());
            "transfer_nft"
        }
        X::SendNft { .. } => {
            send(p, &holder).unwrap();
            assert_eq!(owner_of(p, "1-1").owner, receiver.to_string());
            "send_nft"
        }
        X::Approve { .. } => {
            send(p, &holder).unwrap();
            let approvals: ApprovalsResponse = p.cw721(Query::Approvals {
                token_id: "1-2".into(),
                include_expired: None,
            });
            assert_eq!(approvals.approvals[0].spender, p.fans[2]);
            "approve"
        }
        X::Revoke { .. } => {
            send(p, &holder).unwrap();
            "revoke"
        }
        X::ApproveAll { .. } => {
            send(p, &holder).unwrap();
            let operator: OperatorResponse = p.cw721(Query::Operator {
                owner: holder.to_string(),
                operator: p.fans[2].to_string(),
                include_expired: None,
            });
            assert_eq!(operator.approval.expires, Expiration::Never {});
            "approve_all"
        }
        X::RevokeAll { .. } => {
            send(p, &holder).unwrap();
            let operators: OperatorsResponse = p.cw721(Query::AllOperators {
                owner: holder.to_string(),
                include_expired: None,
                start_after: None,
                limit: None,
            });
            assert!(operators.operators.iter().all(|o| o.spender != p.fans[3]));
            "revoke_all"
        }
        X::Mint { .. } => {
            for sender in [&owner, &holder, &issuer] {
                refused(send(p, sender), ContractError::MintNotSupported);
            }
            let count: NumTokensResponse = p.cw721(Query::NumTokens {});
            assert_eq!(count.count, 3);
            "mint"
        }
        X::Burn { .. } => {
            refused(send(p, &holder), ContractError::BurnNotSupported);
            "burn"
        }
        X::AddMinter { .. } => {
            refused(send(p, &owner), ContractError::MintersPerEvent);
            "add_minter"
        }
        X::RemoveMinter { .. } => {
            refused(send(p, &owner), ContractError::MintersPerEvent);
            "remove_minter"
        }
        X::UpdateExtension { .. } => {
            refused(send(p, &owner), ContractError::ExtensionNotSupported);
            "update_extension"
        }
        X::UpdateNftInfo { .. } => {
            for sender in [&owner, &issuer] {
                refused(send(p, sender), ContractError::NftInfoFromEvent);
            }
            "update_nft_info"
        }
        X::SetWithdrawAddress { .. } => {
            refused(send(p, &owner), ContractError::NoWithdrawals);
            let address: Option<String> = p.cw721(Query::GetWithdrawAddress {});
            assert_eq!(address, None);
            "set_withdraw_address"
        }
        X::RemoveWithdrawAddress {} => {
            refused(send(p, &owner), ContractError::NoWithdrawals);
            "remove_withdraw_address"
        }
        X::WithdrawFunds { .. } => {
            refused(send(p, &owner), ContractError::NoWithdrawals);
            "withdraw_funds"
        }
    }
}

fn perform_every_execute<N, C>(nft_extension: N, collection_extension: C)
where
    N: Serialize + DeserializeOwned + JsonSchema + Clone + Debug + PartialEq,
    C: Serialize + DeserializeOwned + JsonSchema + Clone + Debug + PartialEq,
{
    let p = standard_collection();
    let receiver = p
        .instantiate(receiver::contract(), &p.fans[0], &Empty {}, "receiver")
        .unwrap();
    let mut performed = BTreeSet::new();
    for msg in every_execute(&p, &receiver, &nft_extension, &collection_extension) {
        let name = perform(&p, &receiver, &msg);
        assert_eq!(json_name(&msg), name);
        assert!(performed.insert(name.to_string()), "{name} sent twice");
    }
    assert_eq!(
        performed,
        variant_names(schema_for!(Cw721ExecuteMsg<N, C, Empty>))
    );
}

/// cw721-base 0.22's `ExecuteMsg`: `Cw721ExecuteMsg<EmptyOptionalNftExtensionMsg,
/// DefaultOptionalCollectionExtensionMsg, Empty>`.
#[test]
fn every_cw721_base_execute_works_or_is_refused_by_name() {
    let extension = CollectionExtensionMsg {
        description: Some("Not tickets".into()),
        image: None,
        external_link: None,
        banner_url: None,
        explicit_content: None,
        start_trading_time: None,
        royalty_info: Some(RoyaltyInfoResponse {
            payment_address: "cosmwasm1royalty".into(),
            share: Decimal::percent(5),
        }),
    };
    perform_every_execute::<EmptyOptionalNftExtensionMsg, DefaultOptionalCollectionExtensionMsg>(
        Some(Empty {}),
        Some(extension),
    );
}

/// A client of cw721's on-chain metadata flavour: its extension payloads are read and ignored.
#[test]
fn every_cw721_metadata_execute_works_or_is_refused_by_name() {
    let metadata = NftExtensionMsg {
        name: Some("Front row".into()),
        image: Some("ipfs://front-row".into()),
        ..NftExtensionMsg::default()
    };
    perform_every_execute::<DefaultOptionalNftExtensionMsg, Option<Empty>>(Some(metadata), None);
}

#[test]
fn get_nft_by_extension_filters_a_window_of_tickets() {
    let p = standard_collection();
    type Found = Option<Vec<NftInfoResponse<TicketInfo>>>;
    let by = |filter: Option<TicketFilter>, start_after: Option<&str>, limit: Option<u32>| {
        let found: Found = p.query(
            &p.tickets,
            &ticket_nft::msg::QueryMsg::GetNftByExtension {
                extension: filter,
                start_after: start_after.map(String::from),
                limit,
            },
        );
        found.map_or(0, |found| found.len())
    };
    let of_event = |event_id| TicketFilter {
        event_id: Some(event_id),
        ..TicketFilter::default()
    };
    assert_eq!(by(Some(TicketFilter::default()), None, None), 3);
    assert_eq!(by(Some(of_event(1)), Some("1-0"), None), 2);
    assert_eq!(by(Some(of_event(1)), None, Some(1)), 1);
    let used = TicketFilter {
        status: Some(TicketStatus::Used),
        ..of_event(1)
    };
    assert_eq!(by(Some(used), None, None), 0);
    assert_eq!(by(Some(of_event(2)), None, None), 0);
    // A null extension asks for tokens without one: no ticket is.
    assert_eq!(by(None, None, None), 0);
    let none: Found = p.query(
        &p.tickets,
        &Query::GetNftByExtension {
            extension: TicketInfo {
                issuer: p.fans[1].clone(),
                ..p.cw721::<NftInfoResponse<TicketInfo>>(Query::NftInfo {
                    token_id: "1-0".into(),
                })
                .extension
            },
            start_after: None,
            limit: None,
        },
    );
    assert_eq!(none, None, "null, as cw721-base answers no match");

    // On-chain metadata has no field a ticket has: such a filter is refused, not ignored.
    let err = p
        .try_query::<Found>(
            &p.tickets,
            &MetadataQuery::GetNftByExtension {
                extension: Some(NftExtension::default()),
                start_after: None,
                limit: None,
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("unknown field `image`"), "{err}");
}

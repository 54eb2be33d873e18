use cosmwasm_std::{coins, to_json_binary, Uint128};
use ctc_conventions::ConventionError;
use cw20::Cw20ReceiveMsg;

use super::*;

#[test]
fn transfer_moves_balance_like_cw20_base() {
    let (mut token, accounts) = setup();
    let from = &accounts.genesis[0];
    let before = balance(&token, from);
    let response = token
        .execute(
            from,
            ExecuteMsg::Transfer {
                recipient: accounts.alice.to_string(),
                amount: Uint128::new(123),
            },
        )
        .unwrap();
    assert_eq!(response.attributes[0].value, "transfer");
    assert_eq!(balance(&token, from), before - Uint128::new(123));
    assert_eq!(balance(&token, &accounts.alice), Uint128::new(123));
}

#[test]
fn send_calls_the_receiver_hook() {
    let (mut token, accounts) = setup();
    let from = &accounts.genesis[0];
    let receiver = token.addr("ticket_nft");
    let hook = to_json_binary(&"buy").unwrap();
    let response = token
        .execute(
            from,
            ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: Uint128::new(5),
                msg: hook.clone(),
            },
        )
        .unwrap();
    let expected = Cw20ReceiveMsg {
        sender: from.to_string(),
        amount: Uint128::new(5),
        msg: hook,
    }
    .into_cosmos_msg(receiver.to_string())
    .unwrap();
    assert_eq!(response.messages.len(), 1);
    assert_eq!(response.messages[0].msg, expected);
    assert_eq!(balance(&token, &receiver), Uint128::new(5));
}

#[test]
fn allowance_family_and_enumeration_answer_like_cw20() {
    let (mut token, accounts) = setup();
    let owner = &accounts.genesis[0];
    token
        .execute(
            owner,
            ExecuteMsg::IncreaseAllowance {
                spender: accounts.bob.to_string(),
                amount: Uint128::new(50),
                expires: None,
            },
        )
        .unwrap();
    token
        .execute(
            &accounts.bob,
            ExecuteMsg::TransferFrom {
                owner: owner.to_string(),
                recipient: accounts.alice.to_string(),
                amount: Uint128::new(20),
            },
        )
        .unwrap();
    let allowance: cw20::AllowanceResponse = ask(
        &token,
        QueryMsg::Allowance {
            owner: owner.to_string(),
            spender: accounts.bob.to_string(),
        },
    );
    assert_eq!(allowance.allowance, Uint128::new(30));
    let all: cw20::AllAllowancesResponse = ask(
        &token,
        QueryMsg::AllAllowances {
            owner: owner.to_string(),
            start_after: None,
            limit: None,
        },
    );
    assert_eq!(all.allowances.len(), 1);
    let accounts_page: cw20::AllAccountsResponse = ask(
        &token,
        QueryMsg::AllAccounts {
            start_after: None,
            limit: Some(30),
        },
    );
    assert_eq!(accounts_page.accounts.len(), 7, "six buckets and alice");
}

#[test]
fn the_owner_manages_marketing_by_default() {
    let (mut token, accounts) = setup();
    let info: cw20::MarketingInfoResponse = ask(&token, QueryMsg::MarketingInfo {});
    assert_eq!(info.marketing, Some(accounts.owner.clone()));
    assert_eq!(info.project.as_deref(), Some("TicketChain Coin"));
    let update = ExecuteMsg::UpdateMarketing {
        project: Some("TicketChain".into()),
        description: Some("Tickets, tips and crowdfunding".into()),
        marketing: None,
    };
    let err = token.refused(&accounts.alice, update.clone());
    assert_eq!(
        err,
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
    );
    token.execute(&accounts.owner, update).unwrap();
    let info: cw20::MarketingInfoResponse = ask(&token, QueryMsg::MarketingInfo {});
    assert_eq!(info.project.as_deref(), Some("TicketChain"));
}

#[test]
fn refuses_native_funds_on_any_message() {
    let (mut token, accounts) = setup();
    let err = token.refused_with(
        &accounts.genesis[0],
        &coins(1, "ustake"),
        ExecuteMsg::Transfer {
            recipient: accounts.alice.to_string(),
            amount: Uint128::one(),
        },
    );
    assert_eq!(
        err,
        ContractError::Convention(ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
}

/// cw20's `mint` and `update_minter` are understood and refused with the reason, not as unknown
/// variants; nothing changes.
#[test]
fn mint_and_update_minter_are_refused_by_name() {
    let (mut token, accounts) = setup();
    let owner = &accounts.owner;
    for msg in [
        r#"{"mint":{"recipient":"x","amount":"1"}}"#,
        r#"{"update_minter":{"new_minter":null}}"#,
    ] {
        let msg: ExecuteMsg = cosmwasm_std::from_json(msg).unwrap();
        assert_eq!(token.refused(owner, msg), ContractError::NoMinter);
    }
    let mint = ExecuteMsg::Mint {
        recipient: accounts.alice.to_string(),
        amount: Uint128::new(1),
    };
    assert_eq!(token.refused(owner, mint), ContractError::NoMinter);
    assert_eq!(
        tokenomics(&token).total_supply,
        ctc_interfaces::token::CTC_ISSUANCE
    );
}

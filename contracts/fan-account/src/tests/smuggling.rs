//! A delegate with a generous spend right tries everything that is not a CTC transfer or send
//! within its grant: each is refused, alone, among allowed messages, and by `CanExecute`.

use cosmwasm_std::{coins, from_json, BankMsg};

use super::*;

/// Refused alone and after an allowed transfer; `CanExecute` says no; nothing booked.
fn refused_everywhere(chain: &mut Chain, msg: CosmosMsg) -> ContractError {
    let delegate = chain.delegate.clone();
    assert!(!chain.can_execute(&delegate, msg.clone()), "{msg:?}");
    let err = chain.run(&delegate, vec![msg.clone()]).unwrap_err();
    let allowed = chain.transfer(&chain.tickets, CTC);
    let err_mixed = chain.run(&delegate, vec![allowed, msg]).unwrap_err();
    assert_eq!(err, err_mixed);
    assert_eq!(chain.delegate_info(&delegate).spent, Uint128::zero());
    err
}

fn not_allowed(reason: &'static str) -> ContractError {
    ContractError::NotAllowed { reason }
}

#[test]
fn other_cw20_messages_of_the_token_are_refused() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let (token, stranger, delegate) = (
        chain.token.clone(),
        chain.stranger.clone(),
        chain.delegate.clone(),
    );
    let other = "no other CTC message, and no field beyond cw20's";
    for json in [
        format!(
            r#"{{"increase_allowance":{{"spender":"{delegate}","amount":"1","expires":null}}}}"#
        ),
        format!(r#"{{"decrease_allowance":{{"spender":"{delegate}","amount":"1"}}}}"#),
        r#"{"burn":{"amount":"1"}}"#.to_string(),
        r#"{"burn_or_recycle":{"amount":"1"}}"#.to_string(),
        format!(
            r#"{{"disburse":{{"payments":[{{"recipient":"{delegate}","amount":"1"}}],"burn_or_recycle":"0"}}}}"#
        ),
        format!(
            r#"{{"transfer_from":{{"owner":"{stranger}","recipient":"{delegate}","amount":"1"}}}}"#
        ),
        format!(
            r#"{{"send_from":{{"owner":"{stranger}","contract":"{delegate}","amount":"1","msg":""}}}}"#
        ),
        format!(r#"{{"burn_from":{{"owner":"{stranger}","amount":"1"}}}}"#),
        r#"{"update_marketing":{}}"#.to_string(),
        r#"{"update_ownership":"accept_ownership"}"#.to_string(),
        // Two variants at once, or a transfer followed by a burn in the same object.
        format!(
            r#"{{"transfer":{{"recipient":"{delegate}","amount":"1"}},"burn":{{"amount":"1"}}}}"#
        ),
        "not json".to_string(),
    ] {
        let err = refused_everywhere(&mut chain, wasm_json(&token, &json));
        assert_eq!(err, not_allowed(other), "{json}");
    }
}

#[test]
fn an_unknown_field_is_refused_though_cw20_itself_would_take_it() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let (token, delegate) = (chain.token.clone(), chain.delegate.clone());
    let other = not_allowed("no other CTC message, and no field beyond cw20's");
    for json in [
        format!(r#"{{"transfer":{{"recipient":"{delegate}","amount":"1","memo":"x"}}}}"#),
        format!(r#"{{"send":{{"contract":"{delegate}","amount":"1","msg":"","owner":"x"}}}}"#),
        // A duplicate field: which one would the token read?
        format!(
            r#"{{"transfer":{{"recipient":"{delegate}","amount":"1","amount":"1000000000"}}}}"#
        ),
        // A missing field.
        format!(r#"{{"send":{{"contract":"{delegate}","amount":"1"}}}}"#),
    ] {
        let err = refused_everywhere(&mut chain, wasm_json(&token, &json));
        assert_eq!(err, other, "{json}");
    }
    // Why the account reads cw20's two messages itself: cw20 2.0's type is lenient.
    let lenient: Result<cw20::Cw20ExecuteMsg, _> = from_json(
        format!(r#"{{"transfer":{{"recipient":"{delegate}","amount":"1","memo":"x"}}}}"#)
            .as_bytes(),
    );
    assert!(lenient.is_ok());
}

#[test]
fn a_transfer_to_another_cw20_or_with_coins_is_refused() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let stranger = chain.stranger.clone();
    let transfer = Cw20ExecuteMsg::Transfer {
        recipient: stranger.to_string(),
        amount: Uint128::new(CTC),
    };
    let other_token = chain.addr("other-cw20");
    let err = refused_everywhere(&mut chain, wasm(&other_token, &transfer, vec![]));
    assert_eq!(err, not_allowed("no message to another contract"));
    // The token's address in capitals is not the token's address.
    let upper = WasmMsg::Execute {
        contract_addr: chain.token.to_string().to_uppercase(),
        msg: to_json_binary(&transfer).unwrap(),
        funds: vec![],
    };
    let err = refused_everywhere(&mut chain, upper.into());
    assert_eq!(err, not_allowed("no message to another contract"));
    let token = chain.token.clone();
    let err = refused_everywhere(&mut chain, wasm(&token, &transfer, coins(1, "ustake")));
    assert_eq!(err, not_allowed("no coins attached"));
}

#[test]
fn bank_sends_nft_transfers_and_other_kinds_are_refused() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let (stranger, tickets) = (chain.stranger.clone(), chain.tickets.clone());
    let bank: CosmosMsg = BankMsg::Send {
        to_address: stranger.to_string(),
        amount: coins(1, "ustake"),
    }
    .into();
    let burn: CosmosMsg = BankMsg::Burn {
        amount: coins(1, "ustake"),
    }
    .into();
    let custom = CosmosMsg::Custom(cosmwasm_std::Empty {});
    let instantiate: CosmosMsg = WasmMsg::Instantiate {
        admin: None,
        code_id: 1,
        msg: Binary::from(b"{}"),
        funds: vec![],
        label: "x".into(),
    }
    .into();
    let migrate_other: CosmosMsg = WasmMsg::Migrate {
        contract_addr: tickets.to_string(),
        new_code_id: 2,
        msg: Binary::from(b"{}"),
    }
    .into();
    for msg in [bank, burn, custom, instantiate, migrate_other] {
        let err = refused_everywhere(&mut chain, msg);
        assert_eq!(err, not_allowed("no other kind of message"));
    }
    let nft = wasm_json(
        &tickets,
        &format!(r#"{{"transfer_nft":{{"recipient":"{stranger}","token_id":"1-7"}}}}"#),
    );
    let err = refused_everywhere(&mut chain, nft);
    assert_eq!(err, not_allowed("no message to another contract"));
}

#[test]
fn messages_to_the_account_itself_are_refused() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let (account, delegate) = (chain.account.clone(), chain.delegate.clone());
    // The delegate tries to widen its own grant through the account.
    let widen = ExecuteMsg::Grant {
        delegate: delegate.to_string(),
        rights: Rights {
            door: true,
            redeem: true,
            spend: Some(Spend {
                daily: Uint128::MAX,
                to: None,
            }),
        },
        expires_at: chain.now().plus_seconds(300 * DAY),
    };
    let selves: Vec<CosmosMsg> = vec![
        wasm(&account, &widen, vec![]),
        wasm(
            &account,
            &ExecuteMsg::ProposeOperator {
                new_operator: delegate.to_string(),
            },
            vec![],
        ),
        WasmMsg::Migrate {
            contract_addr: account.to_string(),
            new_code_id: 666,
            msg: Binary::from(b"{}"),
        }
        .into(),
        WasmMsg::UpdateAdmin {
            contract_addr: account.to_string(),
            admin: delegate.to_string(),
        }
        .into(),
        WasmMsg::ClearAdmin {
            contract_addr: account.to_string(),
        }
        .into(),
    ];
    for msg in selves {
        let err = refused_everywhere(&mut chain, msg);
        assert_eq!(err, ContractError::SelfCall);
    }
}

#[test]
fn spend_to_is_not_bypassed_by_a_send_to_another_contract() {
    let mut chain = Chain::new();
    let tickets = chain.tickets.clone();
    chain.grant_spend(1_000, Some(vec![&tickets]));
    let market = chain.addr("market");
    let send = chain.send(&market, CTC);
    let err = refused_everywhere(&mut chain, send);
    assert_eq!(
        err,
        ContractError::PayeeNotAllowed {
            payee: market.to_string()
        }
    );
    // A send to the allowed contract whose hook names someone else is the contract's business:
    // the payee is the contract.
    let hook = Cw20ExecuteMsg::Send {
        contract: tickets.to_string(),
        amount: Uint128::new(CTC),
        msg: to_json_binary(&serde_json_hook(&market)).unwrap(),
    };
    let delegate = chain.delegate.clone();
    let token = chain.token.clone();
    chain
        .run(&delegate, vec![wasm(&token, &hook, vec![])])
        .unwrap();
}

fn serde_json_hook(recipient: &Addr) -> std::collections::BTreeMap<String, String> {
    [("recipient".to_string(), recipient.to_string())]
        .into_iter()
        .collect()
}

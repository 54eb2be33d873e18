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
    // A purchase for the account, to a contract the grant does not name.
    let send = chain.send(&market, CTC);
    let err = refused_everywhere(&mut chain, send);
    assert_eq!(
        err,
        ContractError::PayeeNotAllowed {
            payee: market.to_string()
        }
    );
    // To the allowed contract, a hook that sends the purchase elsewhere: refused as a hook.
    let hook =
        format!(r#"{{"buy":{{"event_id":1,"tier":0,"quantity":1,"recipient":"{market}"}}}}"#);
    let elsewhere = chain.send_hook(&tickets, CTC, &hook);
    let err = refused_everywhere(&mut chain, elsewhere);
    assert_eq!(err, to_the_account());
    // A hook that is no purchase at all, whatever it names.
    let hook = to_json_binary(&serde_json_hook(&market)).unwrap();
    let not_a_buy = chain.send_hook(&tickets, CTC, std::str::from_utf8(&hook).unwrap());
    let err = refused_everywhere(&mut chain, not_a_buy);
    assert_eq!(err, only_a_buy());
    // The purchase for the account, to the allowed contract, passes.
    let delegate = chain.delegate.clone();
    let buy = chain.send_hook(
        &tickets,
        CTC,
        r#"{"buy":{"event_id":1,"tier":0,"quantity":1}}"#,
    );
    assert!(chain.can_execute(&delegate, buy.clone()));
    chain.run(&delegate, vec![buy]).unwrap();
    assert_eq!(chain.delegate_info(&delegate).spent, Uint128::new(CTC));
}

fn serde_json_hook(recipient: &Addr) -> std::collections::BTreeMap<String, String> {
    [("recipient".to_string(), recipient.to_string())]
        .into_iter()
        .collect()
}

fn to_the_account() -> ContractError {
    ContractError::HookNotAllowed {
        reason: "the tickets or vouchers go to the account",
    }
}

fn only_a_buy() -> ContractError {
    ContractError::HookNotAllowed {
        reason: "a buy, and nothing else",
    }
}

fn no_vouchers() -> ContractError {
    ContractError::HookNotAllowed {
        reason: "the account's vouchers are not the delegate's to use",
    }
}

/// With the account's CTC a delegate buys for the account only: not tickets for itself, not
/// with a coupon or pass the account holds, not its own resale listing.
#[test]
fn a_delegates_send_buys_for_the_account_and_nothing_else() {
    let mut chain = Chain::new();
    chain.grant_spend(1_000, None);
    let (tickets, delegate, stranger, account) = (
        chain.tickets.clone(),
        chain.delegate.clone(),
        chain.stranger.clone(),
        chain.account.clone(),
    );
    let buy = |extra: &str| format!(r#"{{"buy":{{"event_id":1,"tier":0,"quantity":1{extra}}}}}"#);
    let upper = account.to_string().to_uppercase();
    let refusals = [
        // Tickets or vouchers for someone else: the delegate, a stranger, the account's
        // address spelt in capitals, an empty name.
        (
            buy(&format!(r#","recipient":"{delegate}""#)),
            to_the_account(),
        ),
        (
            buy(&format!(r#","recipient":"{stranger}""#)),
            to_the_account(),
        ),
        (buy(&format!(r#","recipient":"{upper}""#)), to_the_account()),
        (buy(r#","recipient":"""#), to_the_account()),
        // The same names escaped, as the seller's JSON reader unescapes them.
        (
            buy(&format!(r#","recipi\u0065nt":"{delegate}""#)),
            to_the_account(),
        ),
        (buy(r#","vouch\u0065r":"7-1""#), no_vouchers()),
        // A voucher of the account's: a coupon or a pass whose value no daily amount counts.
        (buy(r#","voucher":"7-1""#), no_vouchers()),
        (buy(r#","recipient":null,"voucher":"7-1""#), no_vouchers()),
        (buy(r#","voucher":{"token_id":"7-1"}"#), no_vouchers()),
        // The recipient given twice: which would the seller read?
        (
            buy(&format!(r#","recipient":null,"recipient":"{delegate}""#)),
            only_a_buy(),
        ),
        // Another hook of ticket-nft's or vouchers': a listing (maybe the delegate's own).
        (
            r#"{"buy_resale":{"token_id":"1-0"}}"#.to_string(),
            only_a_buy(),
        ),
        (
            r#"{"buy_listed":{"token_id":"3"}}"#.to_string(),
            only_a_buy(),
        ),
        (
            r#"{"mint_funded":{"event_id":1,"tier":0,"recipient":"x","quantity":1}}"#.to_string(),
            only_a_buy(),
        ),
        // Other platform contracts' hooks.
        (
            r#"{"contribute":{"campaign_id":1}}"#.to_string(),
            only_a_buy(),
        ),
        (r#"{"pledge":{"campaign_id":1}}"#.to_string(), only_a_buy()),
        (
            format!(r#"{{"tip":{{"recipient":"{delegate}","memo":null,"context":null}}}}"#),
            only_a_buy(),
        ),
        (r#"{"fund":{}}"#.to_string(), only_a_buy()),
        (r#"{"join":{}}"#.to_string(), only_a_buy()),
        (
            r#"{"donate":{"memo":null,"evidence_digest":null}}"#.to_string(),
            only_a_buy(),
        ),
        // Two variants at once, a buy that is no object, no hook, and no JSON.
        (
            r#"{"buy":{"event_id":1,"tier":0,"quantity":1},"buy_resale":{"token_id":"1-0"}}"#
                .to_string(),
            only_a_buy(),
        ),
        (r#"{"buy":null}"#.to_string(), only_a_buy()),
        (r#""buy""#.to_string(), only_a_buy()),
        (String::new(), only_a_buy()),
        ("not json".to_string(), only_a_buy()),
    ];
    for (hook, expected) in refusals {
        let msg = chain.send_hook(&tickets, CTC, &hook);
        let err = refused_everywhere(&mut chain, msg);
        assert_eq!(err, expected, "{hook}");
    }
    // For the account: no recipient, a null one, the account itself; a voucher left null.
    // ticket-nft's and vouchers' purchases alike.
    let accepted = [
        r#"{"buy":{}}"#.to_string(),
        buy(""),
        buy(r#","recipient":null,"voucher":null"#),
        buy(&format!(r#","recipient":"{account}""#)),
        format!(r#"{{"buy":{{"class_id":3,"quantity":2,"recipient":"{account}"}}}}"#),
        r#"{"buy":{"class_id":3,"quantity":2,"recipient":null}}"#.to_string(),
    ];
    let mut spent = 0;
    for hook in accepted {
        let msg = chain.send_hook(&tickets, CTC, &hook);
        assert!(chain.can_execute(&delegate, msg.clone()), "{hook}");
        let response = chain.run(&delegate, vec![msg]).unwrap();
        spent += CTC;
        assert_eq!(chain.delegate_info(&delegate).spent, Uint128::new(spent));
        // Sent on exactly as written.
        let (_, sent) = &ctc_testkit::executes(&response)[0];
        let sent: Cw20ExecuteMsg = from_json(sent.as_bytes()).unwrap();
        let Cw20ExecuteMsg::Send { msg, .. } = sent else {
            panic!("a send")
        };
        assert_eq!(msg.as_slice(), hook.as_bytes());
    }
    // A refused hook among accepted messages refuses them all.
    let good = chain.send_hook(&tickets, CTC, &buy(""));
    let bad = chain.send_hook(
        &tickets,
        CTC,
        &buy(&format!(r#","recipient":"{delegate}""#)),
    );
    assert_eq!(
        chain.run(&delegate, vec![good, bad]).unwrap_err(),
        to_the_account()
    );
    assert_eq!(chain.delegate_info(&delegate).spent, Uint128::new(spent));
}

/// The hook rule is the delegates': the operator's own sends carry any hook.
#[test]
fn the_operator_sends_any_hook() {
    let mut chain = Chain::new();
    let (tickets, operator, stranger) = (
        chain.tickets.clone(),
        chain.operator.clone(),
        chain.stranger.clone(),
    );
    for hook in [
        r#"{"buy_resale":{"token_id":"1-0"}}"#.to_string(),
        format!(
            r#"{{"buy":{{"event_id":1,"tier":0,"quantity":1,"recipient":"{stranger}","voucher":"7-1"}}}}"#
        ),
        format!(r#"{{"tip":{{"recipient":"{stranger}","memo":null,"context":null}}}}"#),
    ] {
        let msg = chain.send_hook(&tickets, CTC, &hook);
        assert!(chain.can_execute(&operator, msg.clone()), "{hook}");
        chain.run(&operator, vec![msg]).unwrap();
    }
}

/// A transfer carries no hook: the rule leaves transfers as they were.
#[test]
fn transfers_are_unchanged_by_the_hook_rule() {
    let mut chain = Chain::new();
    let tickets = chain.tickets.clone();
    chain.grant_spend(10, Some(vec![&tickets]));
    let delegate = chain.delegate.clone();
    let stranger = chain.stranger.clone();
    let msg = chain.transfer(&stranger, CTC);
    assert_eq!(
        refused_everywhere(&mut chain, msg),
        ContractError::PayeeNotAllowed {
            payee: stranger.to_string()
        }
    );
    let msg = chain.transfer(&tickets, CTC);
    assert!(chain.can_execute(&delegate, msg.clone()));
    chain.run(&delegate, vec![msg]).unwrap();
    assert_eq!(chain.delegate_info(&delegate).spent, Uint128::new(CTC));
}

//! The operator's `Execute` and the receive hooks.

use cosmwasm_std::{coins, from_json, BankMsg, Empty, ReplyOn, SubMsg};
use cw721::receiver::Cw721ReceiveMsg;

use super::*;

#[test]
fn the_operator_sends_any_message_as_the_account() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    let msgs = vec![
        chain.transfer(&chain.stranger, 1_000_000 * CTC),
        BankMsg::Send {
            to_address: chain.stranger.to_string(),
            amount: coins(7, "ustake"),
        }
        .into(),
        wasm_json(
            &chain.tickets,
            r#"{"transfer_nft":{"recipient":"x","token_id":"1-7"}}"#,
        ),
        wasm_json(
            &chain.token,
            r#"{"increase_allowance":{"spender":"x","amount":"5"}}"#,
        ),
        WasmMsg::Migrate {
            contract_addr: chain.tickets.to_string(),
            new_code_id: 3,
            msg: Binary::from(b"{}"),
        }
        .into(),
    ];
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    let response = chain.run(&operator, msgs.clone()).unwrap();
    // Plain messages, in order, and nothing stored.
    let sent: Vec<SubMsg<Empty>> = msgs.into_iter().map(SubMsg::new).collect();
    assert_eq!(response.messages, sent);
    assert!(response
        .messages
        .iter()
        .all(|m| m.reply_on == ReplyOn::Never));
    assert_eq!(ctc_testkit::snapshot(&chain.deps.storage), before);
}

#[test]
fn the_operators_coins_come_along_with_execute_only() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    let forward: CosmosMsg = BankMsg::Send {
        to_address: chain.stranger.to_string(),
        amount: coins(7, "ustake"),
    }
    .into();
    chain
        .execute_with(
            &operator,
            &coins(7, "ustake"),
            ExecuteMsg::Execute {
                msgs: vec![forward],
            },
        )
        .unwrap();
    let err = chain.refused_with(
        &operator,
        &coins(7, "ustake"),
        ExecuteMsg::CancelOperatorProposal {},
    );
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::Payment(_))
    ));
}

#[test]
fn the_operator_cannot_call_migrate_or_change_the_admin_of_the_account() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    let account = chain.account.clone();
    let grant = ExecuteMsg::Grant {
        delegate: chain.stranger.to_string(),
        rights: Rights {
            door: true,
            redeem: true,
            spend: None,
        },
        expires_at: chain.now().plus_seconds(DAY),
    };
    let selves: Vec<CosmosMsg> = vec![
        wasm(&account, &grant, vec![]),
        wasm(&account, &ExecuteMsg::AcceptOperator {}, coins(1, "ustake")),
        // Bech32's other spelling of the same address.
        WasmMsg::Execute {
            contract_addr: account.to_string().to_uppercase(),
            msg: to_json_binary(&grant).unwrap(),
            funds: vec![],
        }
        .into(),
        WasmMsg::Migrate {
            contract_addr: account.to_string(),
            new_code_id: 666,
            msg: Binary::from(b"{}"),
        }
        .into(),
        WasmMsg::UpdateAdmin {
            contract_addr: account.to_string(),
            admin: operator.to_string(),
        }
        .into(),
        WasmMsg::ClearAdmin {
            contract_addr: account.to_string(),
        }
        .into(),
    ];
    for msg in selves {
        // Alone, and hidden after an allowed message.
        let err = chain.run(&operator, vec![msg.clone()]).unwrap_err();
        assert_eq!(err, ContractError::SelfCall, "{msg:?}");
        let ok = chain.transfer(&chain.stranger, 1);
        let err = chain.run(&operator, vec![ok, msg.clone()]).unwrap_err();
        assert_eq!(err, ContractError::SelfCall);
        assert!(!chain.can_execute(&operator, msg));
    }
}

#[test]
fn no_message_through_the_account_reaches_its_factory() {
    let mut chain = Chain::new();
    let operator = chain.operator.clone();
    let factory = chain.factory.clone();
    let forged_notice = to_json_binary(
        &ctc_interfaces::accounts::AccountFactoryExecuteMsg::OperatorChanged {
            old: operator.to_string(),
            new: chain.stranger.to_string(),
        },
    )
    .unwrap();
    for contract_addr in [factory.to_string(), factory.to_string().to_uppercase()] {
        let msg: CosmosMsg = WasmMsg::Execute {
            contract_addr,
            msg: forged_notice.clone(),
            funds: vec![],
        }
        .into();
        let err = chain.run(&operator, vec![msg.clone()]).unwrap_err();
        assert_eq!(err, ContractError::FactoryCall, "{msg:?}");
        assert!(!chain.can_execute(&operator, msg));
    }
}

#[test]
fn a_stranger_executes_nothing() {
    let mut chain = Chain::new();
    let stranger = chain.stranger.clone();
    let err = chain.run(&stranger, vec![]).unwrap_err();
    assert_eq!(
        err,
        ContractError::NoGrant {
            address: stranger.to_string()
        }
    );
    let msg = chain.transfer(&stranger, 1);
    let err = chain.run(&stranger, vec![msg.clone()]).unwrap_err();
    assert!(matches!(err, ContractError::NoGrant { .. }));
    assert!(!chain.can_execute(&stranger, msg.clone()));
    assert!(!chain.can_execute(&Addr::unchecked("not-an-address"), msg));
}

#[test]
fn cw20_and_cw721_deliveries_are_accepted_as_they_come() {
    let mut chain = Chain::new();
    let (token, tickets, stranger) = (
        chain.token.clone(),
        chain.tickets.clone(),
        chain.stranger.clone(),
    );
    let before = ctc_testkit::snapshot(&chain.deps.storage);
    let receive = ctc_testkit::cw20_receive(&stranger, 5 * CTC, &"anything");
    let response = chain.execute(&token, ExecuteMsg::Receive(receive)).unwrap();
    assert_eq!(attribute(&response, "action"), "receive");
    assert_eq!(attribute(&response, "token"), token.to_string());
    // What ticket-nft's `send_nft` delivers, in cw721's own words.
    let hook = Cw721ReceiveMsg {
        sender: stranger.to_string(),
        token_id: "1-7".into(),
        msg: Binary::from(b"gift"),
    }
    .into_json_binary()
    .unwrap();
    let json = String::from_utf8(hook.to_vec()).unwrap();
    assert!(json.starts_with(r#"{"receive_nft":{"sender":"#), "{json}");
    let msg: ExecuteMsg = from_json(&hook).unwrap();
    let response = chain.execute(&tickets, msg).unwrap();
    assert_eq!(attribute(&response, "action"), "receive_nft");
    assert_eq!(attribute(&response, "collection"), tickets.to_string());
    assert!(response.messages.is_empty());
    assert_eq!(ctc_testkit::snapshot(&chain.deps.storage), before);
}

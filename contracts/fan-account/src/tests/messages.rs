//! The messages' JSON: every message reads back from the JSON its type writes (the empty and
//! `id`-only messages are read by shared functions, which must accept exactly that JSON), and
//! the receive hooks accept what cw20 and cw721 send.

use cosmwasm_std::{from_json, to_json_string};
use cw721::receiver::Cw721ReceiveMsg;

use crate::msg::PresentRight;

use super::*;

#[test]
fn every_execute_message_reads_back_from_its_json() {
    let chain = Chain::new();
    let msgs = vec![
        ExecuteMsg::Execute {
            msgs: vec![chain.transfer(&chain.stranger, 1)],
        },
        ExecuteMsg::Grant {
            delegate: "d".into(),
            rights: Rights {
                door: true,
                redeem: false,
                spend: Some(Spend {
                    daily: Uint128::new(5),
                    to: Some(vec!["t".into()]),
                }),
            },
            expires_at: Timestamp::from_seconds(9),
        },
        ExecuteMsg::Revoke {
            delegate: "d".into(),
        },
        ExecuteMsg::Renounce {},
        ExecuteMsg::ProposeOperator {
            new_operator: "n".into(),
        },
        ExecuteMsg::AcceptOperator {},
        ExecuteMsg::CancelOperatorProposal {},
        ExecuteMsg::UpdateRecovery {
            config: chain.recovery_config(),
        },
        ExecuteMsg::ApplyRecoveryUpdate {},
        ExecuteMsg::CancelRecoveryUpdate {},
        ExecuteMsg::ProposeRecovery {
            new_operator: "n".into(),
            evidence: evidence(),
        },
        ExecuteMsg::ApproveRecovery { id: 7 },
        ExecuteMsg::WithdrawRecovery { id: 8 },
        ExecuteMsg::VetoRecovery {
            id: 9,
            reason: Some("mine".into()),
        },
        ExecuteMsg::CompleteRecovery { id: u32::MAX },
    ];
    for msg in msgs {
        let json = to_json_string(&msg).unwrap();
        assert_eq!(from_json::<ExecuteMsg>(&json).unwrap(), msg, "{json}");
    }
    assert_eq!(
        from_json::<ExecuteMsg>(r#"{"renounce":{}}"#).unwrap(),
        ExecuteMsg::Renounce {}
    );
    assert_eq!(
        from_json::<ExecuteMsg>(r#"{"approve_recovery":{"id":3}}"#).unwrap(),
        ExecuteMsg::ApproveRecovery { id: 3 }
    );
    for bad in [
        r#"{"renounce":null}"#,
        r#"{"renounce":[]}"#,
        r#"{"approve_recovery":{}}"#,
        r#"{"approve_recovery":{"id":"3"}}"#,
        r#"{"approve_recovery":{"id":-1}}"#,
        r#"{"complete_recovery":{"id":4294967296}}"#,
    ] {
        assert!(from_json::<ExecuteMsg>(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_query_reads_back_from_its_json() {
    let chain = Chain::new();
    let queries = vec![
        QueryMsg::CanExecute {
            sender: "s".into(),
            msg: chain.transfer(&chain.stranger, 1),
        },
        QueryMsg::CanPresent {
            key: "k".into(),
            right: PresentRight::Redeem,
        },
        QueryMsg::Config {},
        QueryMsg::RecoverySet {},
        QueryMsg::Proposal {},
        QueryMsg::Recoveries {
            start_after: Some(2),
            limit: None,
        },
        QueryMsg::Delegate {
            address: "a".into(),
        },
        QueryMsg::Delegates {},
    ];
    for query in queries {
        let json = to_json_string(&query).unwrap();
        assert_eq!(from_json::<QueryMsg>(&json).unwrap(), query, "{json}");
    }
    assert!(from_json::<QueryMsg>(r#"{"config":null}"#).is_err());
}

#[test]
fn the_receive_hooks_take_what_cw20_and_cw721_send() {
    let cw20 = cw20::Cw20ReceiveMsg {
        sender: "fan".into(),
        amount: Uint128::new(5),
        msg: Binary::from(b"{}"),
    };
    // `into_json_binary` writes `{"receive":{…}}`, as a token's `send` delivers it.
    let hook = cw20.into_json_binary().unwrap();
    assert!(matches!(
        from_json::<ExecuteMsg>(&hook).unwrap(),
        ExecuteMsg::Receive(_)
    ));
    let nft = Cw721ReceiveMsg {
        sender: "fan".into(),
        token_id: "1-7".into(),
        msg: Binary::default(),
    }
    .into_json_binary()
    .unwrap();
    assert!(matches!(
        from_json::<ExecuteMsg>(&nft).unwrap(),
        ExecuteMsg::ReceiveNft(_)
    ));
}

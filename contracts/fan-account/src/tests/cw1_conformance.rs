//! cw1 conformance: every `Cw1ExecuteMsg` and `Cw1QueryMsg` a cw1 client writes is one of
//! ours, and `CanExecute` keeps cw1's promise: true means `Execute` of that message from that
//! sender, before any other change, succeeds (here: exactly when).

use cosmwasm_std::{coins, from_json, BankMsg, Empty};
use cw1::{CanExecuteResponse, Cw1Contract, Cw1ExecuteMsg, Cw1QueryMsg};
use proptest::prelude::*;

use super::*;

fn sample_msgs(chain: &Chain) -> Vec<CosmosMsg> {
    vec![
        chain.transfer(&chain.stranger, 5),
        chain.send(&chain.tickets, 7),
        BankMsg::Send {
            to_address: chain.stranger.to_string(),
            amount: coins(1, "ustake"),
        }
        .into(),
    ]
}

#[test]
fn every_cw1_execute_message_is_ours() {
    let chain = Chain::new();
    let msgs = sample_msgs(&chain);
    let cw1_msg: Cw1ExecuteMsg<Empty> = Cw1ExecuteMsg::Execute { msgs: msgs.clone() };
    // A match over cw1's variants: a new one fails to compile here.
    let ours = match &cw1_msg {
        Cw1ExecuteMsg::Execute { msgs } => ExecuteMsg::Execute { msgs: msgs.clone() },
    };
    let parsed: ExecuteMsg = from_json(to_json_binary(&cw1_msg).unwrap()).unwrap();
    assert_eq!(parsed, ours);
    assert_eq!(
        to_json_binary(&parsed).unwrap(),
        to_json_binary(&cw1_msg).unwrap()
    );
    // What `Cw1Contract::execute` sends is ours too.
    let wrapped = Cw1Contract(chain.account.clone()).execute(msgs).unwrap();
    let CosmosMsg::Wasm(WasmMsg::Execute {
        contract_addr, msg, ..
    }) = wrapped
    else {
        panic!("cw1's helper sends a wasm execute")
    };
    assert_eq!(contract_addr, chain.account.to_string());
    assert_eq!(from_json::<ExecuteMsg>(&msg).unwrap(), ours);
}

#[test]
fn every_cw1_query_is_ours_and_answers_in_cw1s_type() {
    let mut chain = Chain::new();
    chain.grant_spend(50, None);
    let delegate = chain.delegate.clone();
    for (sender, msg, expected) in [
        (chain.operator.clone(), sample_msgs(&chain)[2].clone(), true),
        (delegate.clone(), sample_msgs(&chain)[0].clone(), true),
        (delegate.clone(), sample_msgs(&chain)[2].clone(), false),
        (
            chain.stranger.clone(),
            sample_msgs(&chain)[0].clone(),
            false,
        ),
    ] {
        let cw1_query: Cw1QueryMsg<Empty> = Cw1QueryMsg::CanExecute {
            sender: sender.to_string(),
            msg,
        };
        let ours: QueryMsg = match &cw1_query {
            Cw1QueryMsg::CanExecute { sender, msg } => QueryMsg::CanExecute {
                sender: sender.clone(),
                msg: msg.clone(),
            },
        };
        let parsed: QueryMsg = from_json(to_json_binary(&cw1_query).unwrap()).unwrap();
        assert_eq!(parsed, ours);
        let answer: CanExecuteResponse = chain.ask(parsed);
        assert_eq!(answer.can_execute, expected);
    }
}

/// One message a delegate might try: a payee index into (tickets, stranger, market), an amount
/// in CTC, and a kind.
#[derive(Clone, Debug)]
enum Try {
    Transfer(usize, u128),
    Send(usize, u128),
    Bank,
    OtherToken(u128),
    WithCoins(u128),
    ToSelf,
    UnknownField(u128),
}

fn a_try() -> impl Strategy<Value = Try> {
    prop_oneof![
        4 => (0..3usize, 0..40u128).prop_map(|(p, a)| Try::Transfer(p, a)),
        4 => (0..3usize, 0..40u128).prop_map(|(p, a)| Try::Send(p, a)),
        1 => Just(Try::Bank),
        1 => (0..40u128).prop_map(Try::OtherToken),
        1 => (0..40u128).prop_map(Try::WithCoins),
        1 => Just(Try::ToSelf),
        1 => (0..40u128).prop_map(Try::UnknownField),
    ]
}

impl Chain {
    fn payees(&self) -> [Addr; 3] {
        [
            self.tickets.clone(),
            self.stranger.clone(),
            self.addr("market"),
        ]
    }

    fn message(&self, attempt: &Try) -> CosmosMsg {
        let payees = self.payees();
        match *attempt {
            Try::Transfer(p, a) => self.transfer(&payees[p], a * CTC),
            Try::Send(p, a) => self.send(&payees[p], a * CTC),
            Try::Bank => BankMsg::Send {
                to_address: payees[1].to_string(),
                amount: coins(1, "ustake"),
            }
            .into(),
            Try::OtherToken(a) => {
                let transfer = Cw20ExecuteMsg::Transfer {
                    recipient: payees[1].to_string(),
                    amount: Uint128::new(a * CTC),
                };
                wasm(&self.addr("other-cw20"), &transfer, vec![])
            }
            Try::WithCoins(a) => {
                let transfer = Cw20ExecuteMsg::Transfer {
                    recipient: payees[1].to_string(),
                    amount: Uint128::new(a * CTC),
                };
                wasm(&self.token, &transfer, coins(1, "ustake"))
            }
            Try::ToSelf => wasm(&self.account, &ExecuteMsg::Renounce {}, vec![]),
            Try::UnknownField(a) => wasm_json(
                &self.token,
                &format!(
                    r#"{{"transfer":{{"recipient":"{}","amount":"{}","memo":"x"}}}}"#,
                    payees[1],
                    a * CTC
                ),
            ),
        }
    }
}

/// Who sends: 0 the operator, 1 the delegate, 2 a stranger.
fn sender(chain: &Chain, who: usize) -> Addr {
    [
        chain.operator.clone(),
        chain.delegate.clone(),
        chain.stranger.clone(),
    ][who]
        .clone()
}

/// A chain whose delegate has `daily` CTC a day (to the payees of `to`, a bitmask over the three,
/// all when zero), granted for `days`, that spent `spent` CTC, `elapsed` seconds ago.
fn granted(daily: u128, to: u8, days: u64, spent: u128, elapsed: u64) -> Chain {
    let mut chain = Chain::new();
    let payees = chain.payees();
    let to = (to != 0).then(|| {
        (0..3)
            .filter(|i| to & (1 << i) != 0)
            .map(|i| payees[i].to_string())
            .collect()
    });
    let delegate = chain.delegate.clone();
    let rights = Rights {
        door: false,
        redeem: false,
        spend: Some(Spend {
            daily: Uint128::new(daily * CTC),
            to,
        }),
    };
    chain.grant_rights(&delegate, rights, days).unwrap();
    let operator = chain.operator.clone();
    if spent > 0 {
        // Spent as a transfer to whichever payee the grant allows.
        let first = payees
            .iter()
            .find(|p| chain.can_execute(&delegate, chain.transfer(p, spent * CTC)))
            .cloned();
        if let Some(payee) = first {
            let msg = chain.transfer(&payee, spent * CTC);
            chain.run(&delegate, vec![msg]).unwrap();
        }
    }
    let _ = operator;
    chain.advance(elapsed);
    chain
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Message by message, `CanExecute` answers what `Execute` does, as the window fills.
    #[test]
    fn can_execute_says_what_execute_does(
        daily in 1..100u128,
        to in 0..8u8,
        days in 1..3u64,
        spent in 0..100u128,
        elapsed in prop_oneof![Just(0u64), 0..(3 * DAY)],
        attempts in prop::collection::vec((0..3usize, a_try()), 1..8),
    ) {
        let mut chain = granted(daily, to, days, spent, elapsed);
        for (who, attempt) in &attempts {
            let sender = sender(&chain, *who);
            let msg = chain.message(attempt);
            let can = chain.can_execute(&sender, msg.clone());
            let outcome = chain.run(&sender, vec![msg]);
            prop_assert_eq!(can, outcome.is_ok(), "{:?} by {}: {:?}", attempt, who, outcome);
        }
    }

    /// A whole `Execute` that succeeds is made of messages each of which `CanExecute` allowed
    /// (before it), and it is refused once their sum is over what is left.
    #[test]
    fn an_accepted_list_is_made_of_allowed_messages(
        daily in 1..100u128,
        to in 0..8u8,
        spent in 0..100u128,
        attempts in prop::collection::vec(a_try(), 0..6),
    ) {
        let mut chain = granted(daily, to, 2, spent, 0);
        let delegate = chain.delegate.clone();
        let msgs: Vec<CosmosMsg> = attempts.iter().map(|a| chain.message(a)).collect();
        let each = msgs.iter().all(|m| chain.can_execute(&delegate, m.clone()));
        let left = chain.delegate_info(&delegate).left;
        let outcome = chain.run(&delegate, msgs);
        if outcome.is_ok() {
            prop_assert!(each);
        }
        if !each {
            prop_assert!(outcome.is_err());
        }
        if let Err(ContractError::DailyLimit { left: said }) = outcome {
            prop_assert_eq!(said, left);
        }
    }
}

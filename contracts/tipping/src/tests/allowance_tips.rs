//! `Tip`: a CTC tip taken from the tipper under an allowance, by one `disburse_from` to the token.
//! Whether the allowance is there is the token's to check (`tests/src/tipping_flows.rs` shows
//! its refusals undoing the whole tip); here, the message tipping builds, and that it accepts,
//! refuses and records exactly what a CTC `Send` does.

use ctc_testkit::{ctc_disburse_from_json, executes};

use super::*;
use crate::execute::MAX_FEE;

#[test]
fn one_disburse_from_takes_the_tip_from_the_sender_and_pays_rest_and_fee() {
    let mut chain = Chain::new();
    let (fan, performer) = (chain.fans[0].clone(), chain.fans[1].clone());
    let response = chain
        .tip_from_allowance(0, &performer, 1_000_003, None)
        .unwrap();
    // 2.5% of 1,000,003 is 25,000.075: the fee rounds up to 25,001, as for a `Send`. Tipping does
    // not look at the allowance: a fan without one gets this same message, which the token
    // refuses, undoing the tip.
    let payout =
        ctc_disburse_from_json(&fan, &[(&performer, 975_002), (&chain.treasury, 25_001)], 0);
    assert_eq!(executes(&response), [(chain.token.to_string(), payout)]);
    assert_eq!(response.attributes[0].value, "tip");
}

/// The attack an allowance invites: making this contract spend an allowance someone else granted
/// it. A tip has no field for an owner, and the owner of what it takes is always its sender.
#[test]
fn a_tip_can_only_take_from_its_sender() {
    let mut chain = Chain::new();
    let (victim, attacker, performer) = (
        chain.fans[0].clone(),
        chain.fans[1].clone(),
        chain.fans[2].clone(),
    );
    let owner_of = |response: &Response| {
        let (_, payout) = &executes(response)[0];
        let CtcExecuteMsg::DisburseFrom { owner, .. } = from_json(payout).unwrap() else {
            panic!("not a disburse_from: {payout}");
        };
        owner
    };

    // An `owner` slipped into the JSON is not a field of `Tip`: it is ignored (as any unknown
    // field of a message is), and the tip is still the attacker's own.
    let naming_the_victim: ExecuteMsg = from_json(format!(
        r#"{{"tip":{{"recipient":"{performer}","amount":"5000000","memo":null,"context":null,"owner":"{victim}"}}}}"#
    ))
    .unwrap();
    let response = chain.tipping.execute(&attacker, naming_the_victim).unwrap();
    assert_eq!(owner_of(&response), attacker.to_string());
    let (_, payout) = &executes(&response)[0];
    assert!(!payout.contains(victim.as_str()), "{payout}");

    // Tipping the victim, or tipping as anyone else, draws on the sender's allowance alone.
    let response = chain.tip_from_allowance(1, &victim, 5 * CTC, None).unwrap();
    let expected = ctc_disburse_from_json(
        &attacker,
        &[(&victim, 4_875_000), (&chain.treasury, 125_000)],
        0,
    );
    assert_eq!(executes(&response)[0].1, expected);
    for sender in 0..chain.fans.len() {
        let response = chain.tip_from_allowance(sender, &performer, 5 * CTC, None);
        if sender == 2 {
            assert_eq!(response.unwrap_err(), ContractError::SelfTip);
        } else {
            assert_eq!(owner_of(&response.unwrap()), chain.fans[sender].to_string());
        }
    }
}

/// The same tip, as a CTC `Send` on one contract and as `Tip` on another: the same refusal, or
/// the same event and the same storage afterwards (stats, recent tips, leaderboard).
#[test]
fn accepts_refuses_and_records_exactly_as_a_ctc_send() {
    let mut by_send = Chain::new();
    let mut by_tip = Chain::new();
    let rule = ExecuteMsg::SetVerificationRequired {
        context_kind: "performance".into(),
        required: true,
    };
    for chain in [&mut by_send, &mut by_tip] {
        let owner = chain.owner.clone();
        chain.tipping.execute(&owner, rule.clone()).unwrap();
        let verified = chain.fans[4].clone();
        chain.verify(&[&verified]);
    }
    let fans = by_send.fans.clone();
    let this = by_send.tipping.env.contract.address.clone();
    let token = by_send.token.clone();
    let (long_memo, long_context) = ("m".repeat(141), "x".repeat(65));
    let cases: Vec<(String, u128, Option<&str>, Option<&str>)> = vec![
        (fans[1].to_string(), 1_000_003, None, None),
        (fans[1].to_string(), 7 * CTC, Some("hi"), Some("post:1")),
        (fans[2].to_string(), CTC, None, Some("event:7")),
        (
            fans[4].to_string(),
            3 * CTC,
            None,
            Some("Performance:hamlet"),
        ),
        (
            fans[3].to_string(),
            3 * CTC,
            None,
            Some("performance:hamlet"),
        ),
        (fans[0].to_string(), 5 * CTC, None, None),
        (fans[1].to_string(), 0, None, None),
        (fans[1].to_string(), CTC - 1, None, None),
        (fans[1].to_string(), 5 * CTC, Some(&long_memo), None),
        (fans[1].to_string(), 5 * CTC, None, Some(&long_context)),
        (fans[1].to_string(), 5 * CTC, None, Some("")),
        (this.to_string(), 5 * CTC, None, None),
        (token.to_string(), 5 * CTC, None, None),
        (fans[1].to_string().to_uppercase(), 5 * CTC, None, None),
        (fans[2].to_string(), 9 * CTC, None, None),
    ];
    let mut refusals = 0;
    for (recipient, amount, memo, context) in cases {
        let case = format!("{recipient} {amount} {memo:?} {context:?}");
        let hook = ReceiveMsg::Tip {
            recipient: recipient.clone(),
            memo: memo.map(String::from),
            context: context.map(String::from),
        };
        let fan = fans[0].clone();
        let sent = by_send
            .tipping
            .ctc_send(&token, &fan, amount, &hook, ExecuteMsg::Receive);
        let tip = ExecuteMsg::Tip {
            recipient,
            amount: Uint128::new(amount),
            memo: memo.map(String::from),
            context: context.map(String::from),
        };
        let tipped = by_tip.tipping.execute(&fan, tip);
        match (sent, tipped) {
            (Ok(sent), Ok(tipped)) => assert_eq!(sent.attributes, tipped.attributes, "{case}"),
            (Err(sent), Err(tipped)) => {
                assert_eq!(sent, tipped, "{case}");
                refusals += 1;
            }
            (sent, tipped) => panic!("{case}: by send {sent:?}, by tip {tipped:?}"),
        }
        assert!(
            snapshot(&by_send.tipping.deps.storage) == snapshot(&by_tip.tipping.deps.storage),
            "{case}"
        );
    }
    assert_eq!(refusals, 10);
}

#[test]
fn refuses_coins() {
    let mut chain = Chain::new();
    let (fan, performer) = (chain.fans[0].clone(), chain.fans[1].clone());
    let tip = ExecuteMsg::Tip {
        recipient: performer.to_string(),
        amount: Uint128::new(5 * CTC),
        memo: None,
        context: None,
    };
    assert_eq!(
        chain.tipping.refused_with(&fan, &native(5_000), tip),
        convention(cw_utils::PaymentError::NonPayable {})
    );
}

#[test]
fn a_zero_share_is_left_out_of_the_disbursement() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let (fan, performer) = (chain.fans[0].clone(), chain.fans[1].clone());
    let fee = |fee, min_ctc_tip| ExecuteMsg::UpdateConfig {
        treasury: None,
        fee: Some(fee),
        min_ctc_tip: Some(Uint128::new(min_ctc_tip)),
    };
    chain
        .tipping
        .execute(&owner, fee(BasisPoints::ZERO, CTC))
        .unwrap();
    let response = chain
        .tip_from_allowance(0, &performer, 3 * CTC, None)
        .unwrap();
    let whole = ctc_disburse_from_json(&fan, &[(&performer, 3 * CTC)], 0);
    assert_eq!(executes(&response)[0].1, whole);

    // 10% of one micro-CTC rounds up to all of it: only the treasury is paid.
    chain.tipping.execute(&owner, fee(MAX_FEE, 1)).unwrap();
    let response = chain.tip_from_allowance(0, &performer, 1, None).unwrap();
    let fee_only = ctc_disburse_from_json(&fan, &[(&chain.treasury, 1)], 0);
    assert_eq!(executes(&response), [(chain.token.to_string(), fee_only)]);
}

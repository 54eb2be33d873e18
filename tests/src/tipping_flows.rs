//! Tipping with the real token and registry: CTC through a cw20 `Send`, native coins through the
//! bank, fees to the unit, verified performers from the registry, and a contract that holds
//! nothing between messages.

use cosmwasm_std::{coins, Addr, Uint128};
use ctc_interfaces::tipping::TippingReceiveMsg;
use cw_multi_test::AppResponse;
use tipping::msg::{ExecuteMsg, QueryMsg, RecipientStatsResponse, TopRecipientsResponse};

use crate::platform::{root, Platform, CTC, NATIVE_DENOM};

impl Platform {
    fn tip_ctc(
        &self,
        fan: usize,
        recipient: &Addr,
        amount: u128,
        context: Option<&str>,
    ) -> anyhow::Result<AppResponse> {
        let tip = TippingReceiveMsg::Tip {
            recipient: recipient.to_string(),
            memo: Some("encore!".into()),
            context: context.map(String::from),
        };
        self.send_ctc(&self.fans[fan], &self.tipping, amount, &tip)
    }
}

#[test]
fn ctc_tips_reach_the_recipient_at_once_and_the_contract_keeps_nothing() {
    let p = Platform::new();
    let performer = p.theater.clone();
    let before = (p.balance(&performer), p.balance(&p.treasury));
    let response = p
        .tip_ctc(0, &performer, 12_345_679, Some("performance:hamlet"))
        .unwrap();
    // The rest and the fee leave in one call into the token: the fan's send, then one disburse.
    assert_eq!(p.token_actions(&response), ["send", "disburse"]);
    // 2% of 12,345,679 is 246,913.58: the fee rounds up to 246,914.
    assert_eq!(p.balance(&performer), before.0 + 12_098_765);
    assert_eq!(p.balance(&p.treasury), before.1 + 246_914);
    assert_eq!(p.balance(&p.tipping), 0);

    let stats: RecipientStatsResponse = p.query(
        &p.tipping,
        &QueryMsg::RecipientStats {
            address: performer.to_string(),
        },
    );
    assert!(stats.verified, "the theater is an Active partner");
    assert_eq!(stats.totals[0].total, Uint128::new(12_345_679));
    let fan = p.fans[2].clone();
    let stats: RecipientStatsResponse = p.query(
        &p.tipping,
        &QueryMsg::RecipientStats {
            address: fan.to_string(),
        },
    );
    assert!(!stats.verified);
}

#[test]
fn native_tips_go_through_the_bank() {
    let p = Platform::new();
    let fan = p.fans[0].clone();
    p.fund_native(&fan, 1_000_000);
    let performer = p.troupe.clone();
    let tip = ExecuteMsg::TipNative {
        recipient: performer.to_string(),
        memo: None,
        context: None,
    };
    p.execute_with_funds(&fan, &p.tipping, &tip, &coins(50_001, NATIVE_DENOM))
        .unwrap();
    // 2% of 50,001 is 1,000.02: the fee rounds up to 1,001.
    assert_eq!(p.native_balance(&performer), 49_000);
    assert_eq!(p.native_balance(&p.treasury), 1_001);
    assert_eq!(p.native_balance(&fan), 1_000_000 - 50_001);
    assert_eq!(p.native_balance(&p.tipping), 0);
    let to_oneself = ExecuteMsg::TipNative {
        recipient: fan.to_string(),
        memo: None,
        context: None,
    };
    let err = p
        .execute_with_funds(&fan, &p.tipping, &to_oneself, &coins(5_000, NATIVE_DENOM))
        .unwrap_err();
    assert_eq!(root(err), "a tip to oneself is not a tip");
    assert_eq!(
        p.native_balance(&fan),
        1_000_000 - 50_001,
        "refused coins stay with the fan"
    );
}

#[test]
fn verification_rules_and_the_leaderboard_use_the_registry() {
    let p = Platform::new();
    let rule = ExecuteMsg::SetVerificationRequired {
        context_kind: "performance".into(),
        required: true,
    };
    p.execute(&p.owner, &p.tipping, &rule).unwrap();
    let (theater, busker) = (p.theater.clone(), p.fans[3].clone());
    let err = p
        .tip_ctc(0, &busker, 5 * CTC, Some("performance:street"))
        .unwrap_err();
    assert_eq!(
        root(err),
        "tips for performance need a recipient verified in the registry"
    );
    p.tip_ctc(0, &theater, 5 * CTC, Some("performance:hamlet"))
        .unwrap();
    p.tip_ctc(1, &busker, 9 * CTC, Some("post:1")).unwrap();
    let top: TopRecipientsResponse = p.query(
        &p.tipping,
        &QueryMsg::TopRecipients {
            denom: format!("cw20:{}", p.token),
        },
    );
    let ranked: Vec<(String, u128, bool)> = top
        .recipients
        .iter()
        .map(|r| (r.address.to_string(), r.total.u128(), r.verified))
        .collect();
    assert_eq!(
        ranked,
        vec![
            (busker.to_string(), 9 * CTC, false),
            (theater.to_string(), 5 * CTC, true)
        ]
    );
}

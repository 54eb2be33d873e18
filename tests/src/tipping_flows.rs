//! Tipping with the real token and registry: CTC through a cw20 `Send`, native coins through the
//! bank, fees to the unit, verified performers from the registry, and a contract that holds
//! nothing between messages.

use cosmwasm_std::{coins, to_json_binary, Uint128};
use ctc_interfaces::tipping::TippingReceiveMsg;
use cw_multi_test::{BankSudo, Executor, SudoMsg};
use tipping::msg::{ExecuteMsg, QueryMsg, RecipientStatsResponse, TopRecipientsResponse};

use crate::platform::{Platform, CTC, NATIVE_DENOM};

impl Platform {
    fn tip_ctc(
        &mut self,
        fan: usize,
        recipient: &cosmwasm_std::Addr,
        amount: u128,
        context: Option<&str>,
    ) -> anyhow::Result<cw_multi_test::AppResponse> {
        let msg = cw20::Cw20ExecuteMsg::Send {
            contract: self.tipping.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&TippingReceiveMsg::Tip {
                recipient: recipient.to_string(),
                memo: Some("encore!".into()),
                context: context.map(String::from),
            })
            .unwrap(),
        };
        let fan = self.fans[fan].clone();
        self.app
            .execute_contract(fan, self.token.clone(), &msg, &[])
    }

    fn native_balance(&self, address: &cosmwasm_std::Addr) -> u128 {
        self.app
            .wrap()
            .query_balance(address, NATIVE_DENOM)
            .unwrap()
            .amount
            .u128()
    }
}

#[test]
fn ctc_tips_reach_the_recipient_at_once_and_the_contract_keeps_nothing() {
    let mut p = Platform::new();
    let performer = p.theater.clone();
    let treasury = p.treasury.clone();
    let before = (p.balance(&performer), p.balance(&treasury));
    p.tip_ctc(0, &performer, 12_345_679, Some("performance:hamlet"))
        .unwrap();
    // 2% of 12,345,679 is 246,913.58: the fee rounds up to 246,914.
    assert_eq!(p.balance(&performer), before.0 + 12_098_765);
    assert_eq!(p.balance(&treasury), before.1 + 246_914);
    assert_eq!(p.balance(&p.tipping.clone()), 0);

    let stats: RecipientStatsResponse = p
        .app
        .wrap()
        .query_wasm_smart(
            &p.tipping,
            &QueryMsg::RecipientStats {
                address: performer.to_string(),
            },
        )
        .unwrap();
    assert!(stats.verified, "the theater is an Active partner");
    assert_eq!(stats.totals[0].total, Uint128::new(12_345_679));
    let fan = p.fans[2].clone();
    let stats: RecipientStatsResponse = p
        .app
        .wrap()
        .query_wasm_smart(
            &p.tipping,
            &QueryMsg::RecipientStats {
                address: fan.to_string(),
            },
        )
        .unwrap();
    assert!(!stats.verified);
}

#[test]
fn native_tips_go_through_the_bank() {
    let mut p = Platform::new();
    let fan = p.fans[0].clone();
    p.app
        .sudo(SudoMsg::Bank(BankSudo::Mint {
            to_address: fan.to_string(),
            amount: coins(1_000_000, NATIVE_DENOM),
        }))
        .unwrap();
    let performer = p.troupe.clone();
    let treasury = p.treasury.clone();
    let tipping = p.tipping.clone();
    p.app
        .execute_contract(
            fan.clone(),
            tipping.clone(),
            &ExecuteMsg::TipNative {
                recipient: performer.to_string(),
                memo: None,
                context: None,
            },
            &coins(50_001, NATIVE_DENOM),
        )
        .unwrap();
    // 2% of 50,001 is 1,000.02: the fee rounds up to 1,001.
    assert_eq!(p.native_balance(&performer), 49_000);
    assert_eq!(p.native_balance(&treasury), 1_001);
    assert_eq!(p.native_balance(&fan), 1_000_000 - 50_001);
    assert_eq!(p.native_balance(&tipping), 0);
    let err = p
        .app
        .execute_contract(
            fan.clone(),
            tipping,
            &ExecuteMsg::TipNative {
                recipient: fan.to_string(),
                memo: None,
                context: None,
            },
            &coins(5_000, NATIVE_DENOM),
        )
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "a tip to oneself is not a tip"
    );
    assert_eq!(
        p.native_balance(&fan),
        1_000_000 - 50_001,
        "refused coins stay with the fan"
    );
}

#[test]
fn verification_rules_and_the_leaderboard_use_the_registry() {
    let mut p = Platform::new();
    let owner = p.owner.clone();
    let tipping = p.tipping.clone();
    p.app
        .execute_contract(
            owner,
            tipping.clone(),
            &ExecuteMsg::SetVerificationRequired {
                context_kind: "performance".into(),
                required: true,
            },
            &[],
        )
        .unwrap();
    let (theater, busker) = (p.theater.clone(), p.fans[3].clone());
    let err = p
        .tip_ctc(0, &busker, 5 * CTC, Some("performance:street"))
        .unwrap_err();
    assert_eq!(
        err.root_cause().to_string(),
        "tips for performance need a recipient verified in the registry"
    );
    p.tip_ctc(0, &theater, 5 * CTC, Some("performance:hamlet"))
        .unwrap();
    p.tip_ctc(1, &busker, 9 * CTC, Some("post:1")).unwrap();
    let top: TopRecipientsResponse = p
        .app
        .wrap()
        .query_wasm_smart(
            &tipping,
            &QueryMsg::TopRecipients {
                denom: format!("cw20:{}", p.token),
            },
        )
        .unwrap();
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

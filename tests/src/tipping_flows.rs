//! Tipping with the real token and registry: CTC through a cw20 `Send` or under an allowance
//! (`tip`, the token's `disburse_from`), native coins through the bank, fees to the unit, verified
//! performers from the registry, and a contract that holds nothing between messages.

use cosmwasm_std::{coins, Addr, Uint128};
use ctc_interfaces::tipping::TippingReceiveMsg;
use cw_multi_test::AppResponse;
use serde_json::json;
use tipping::msg::{
    ExecuteMsg, QueryMsg, RecipientStatsResponse, TopRecipientsResponse, TotalsResponse,
};

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

    /// Fan `fan` tips with `tip`: tipping takes the CTC under the fan's allowance.
    fn tip_from_allowance(
        &self,
        fan: usize,
        recipient: &Addr,
        amount: u128,
        context: Option<&str>,
    ) -> anyhow::Result<AppResponse> {
        let tip = ExecuteMsg::Tip {
            recipient: recipient.to_string(),
            amount: Uint128::new(amount),
            memo: Some("encore!".into()),
            context: context.map(String::from),
        };
        self.execute(&self.fans[fan], &self.tipping, &tip)
    }

    /// CTC balances of the fans, the theater, the treasury and tipping, and what each fan allows
    /// tipping: everything a CTC tip could move.
    fn ctc_state(&self) -> Vec<u128> {
        let mut state: Vec<u128> = [&self.theater, &self.treasury, &self.tipping]
            .into_iter()
            .chain(&self.fans)
            .map(|address| self.balance(address))
            .collect();
        state.extend(
            self.fans
                .iter()
                .map(|fan| self.allowance(fan, &self.tipping)),
        );
        state
    }

    fn tipping_stats(&self, address: &Addr) -> (RecipientStatsResponse, TotalsResponse) {
        let address = address.to_string();
        let received = QueryMsg::RecipientStats {
            address: address.clone(),
        };
        let given = QueryMsg::TipperStats { address };
        (
            self.query(&self.tipping, &received),
            self.query(&self.tipping, &given),
        )
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
    assert_eq!(p.actions(&response), ["send", "tip", "disburse"]);
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

#[test]
fn a_tip_under_an_allowance_is_two_calls_and_moves_exactly_rest_and_fee() {
    let p = Platform::new();
    let (fan, performer) = (p.fans[0].clone(), p.theater.clone());
    p.allow(&fan, &p.tipping, 100 * CTC, None);
    let before = (
        p.balance(&fan),
        p.balance(&performer),
        p.balance(&p.treasury),
        p.total_supply(),
    );

    let response = p
        .tip_from_allowance(0, &performer, 12_345_679, Some("performance:hamlet"))
        .unwrap();
    // The fan's call into tipping, then one call into the token that takes the tip and pays it.
    assert_eq!(p.actions(&response), ["tip", "disburse_from"]);
    assert_eq!(p.token_actions(&response), ["disburse_from"]);
    // 2% of 12,345,679 is 246,913.58: the fee rounds up to 246,914, as for a `Send`.
    assert_eq!(p.balance(&fan), before.0 - 12_345_679);
    assert_eq!(p.balance(&performer), before.1 + 12_098_765);
    assert_eq!(p.balance(&p.treasury), before.2 + 246_914);
    assert_eq!(p.balance(&p.tipping), 0);
    assert_eq!(p.total_supply(), before.3);
    assert_eq!(p.allowance(&fan, &p.tipping), 100 * CTC - 12_345_679);

    let (received, _) = p.tipping_stats(&performer);
    assert_eq!(received.totals[0].total, Uint128::new(12_345_679));
    assert_eq!(received.totals[0].count, 1);
    let last = received.last_tip.unwrap();
    assert_eq!((last.from, last.fee), (fan.clone(), Uint128::new(246_914)));
    let (_, given) = p.tipping_stats(&fan);
    assert_eq!(given.totals[0].total, Uint128::new(12_345_679));

    // The allowance covers tips until it runs out, without another grant.
    p.tip_from_allowance(0, &performer, 87_654_321, None)
        .unwrap();
    assert_eq!(p.allowance(&fan, &p.tipping), 0);
    let err = p.tip_from_allowance(0, &performer, CTC, None).unwrap_err();
    assert_eq!(root(err), "Overflow: Cannot Sub with given operands");
}

#[test]
fn a_tip_without_a_sufficient_live_allowance_fails_whole_and_moves_nothing() {
    let p = Platform::new();
    let (fan, performer) = (p.fans[1].clone(), p.troupe.clone());
    let unchanged = |p: &Platform, before: &[u128]| {
        assert_eq!(p.ctc_state(), before);
        let (received, given) = p.tipping_stats(&performer);
        assert!(received.totals.is_empty() && received.last_tip.is_none());
        assert!(given.totals.is_empty());
        let (_, given) = p.tipping_stats(&fan);
        assert!(given.totals.is_empty(), "no stats for a tip that failed");
    };
    let before = p.ctc_state();

    // Tipping accepts the tip and records it; the token's refusal undoes all of it.
    let err = p
        .tip_from_allowance(1, &performer, 5 * CTC, None)
        .unwrap_err();
    assert_eq!(root(err), "No allowance for this account");
    unchanged(&p, &before);

    p.allow(&fan, &p.tipping, 5 * CTC - 1, None);
    let before = p.ctc_state();
    let err = p
        .tip_from_allowance(1, &performer, 5 * CTC, None)
        .unwrap_err();
    assert_eq!(root(err), "Overflow: Cannot Sub with given operands");
    unchanged(&p, &before);

    let soon = p.app().block_info().height + 2;
    p.allow(
        &fan,
        &p.tipping,
        CTC,
        Some(cw20::Expiration::AtHeight(soon)),
    );
    p.advance(60);
    let before = p.ctc_state();
    let err = p
        .tip_from_allowance(1, &performer, 5 * CTC, None)
        .unwrap_err();
    assert_eq!(root(err), "Allowance is expired");
    unchanged(&p, &before);
}

/// What an allowance to tipping must never allow: another address tipping with the fan's CTC.
#[test]
fn no_one_but_the_fan_spends_the_fans_allowance() {
    let p = Platform::new();
    let (victim, attacker, accomplice) = (p.fans[0].clone(), p.fans[1].clone(), p.fans[2].clone());
    p.allow(&victim, &p.tipping, 1_000 * CTC, None);
    let before = p.ctc_state();

    // `owner` is no field of a tip: tipping ignores it and takes from the attacker, who allowed
    // nothing, so the token refuses the whole tip.
    let naming_the_victim = json!({ "tip": {
        "recipient": accomplice, "amount": (100 * CTC).to_string(), "memo": null, "context": null,
        "owner": victim,
    }});
    assert_eq!(
        p.refused(&attacker, &p.tipping, &naming_the_victim),
        "No allowance for this account"
    );
    // Nor does a tip to the victim, or to the attacker, draw on the victim's allowance.
    for recipient in [&victim, &accomplice] {
        let err = p
            .tip_from_allowance(1, recipient, 100 * CTC, None)
            .unwrap_err();
        assert_eq!(root(err), "No allowance for this account");
    }
    // The allowance is tipping's to use, not the attacker's to call the token with.
    let direct = ctc_interfaces::token::CtcExecuteMsg::disburse_from(
        &victim,
        [(&accomplice, Uint128::new(100 * CTC))],
    )
    .unwrap();
    assert_eq!(
        p.refused(&attacker, &p.token, &direct),
        "No allowance for this account"
    );
    assert_eq!(p.ctc_state(), before);
    assert_eq!(p.allowance(&victim, &p.tipping), 1_000 * CTC);
}

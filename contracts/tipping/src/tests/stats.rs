use super::*;
use crate::msg::{RecentTipsResponse, RecipientStatsResponse, TotalsResponse};

#[test]
fn stats_add_up_per_recipient_tipper_and_context() {
    let mut chain = Chain::new();
    chain.tip_ctc(0, 1, 3 * CTC).unwrap();
    chain.tip_ctc(2, 1, 2 * CTC).unwrap();
    chain
        .tip_native(0, 1, &native(7_000), Some("event:7"))
        .unwrap();
    chain
        .tip_native(2, 3, &native(1_000), Some("event:7"))
        .unwrap();

    let stats: RecipientStatsResponse = chain.ask(QueryMsg::RecipientStats {
        address: chain.fans[1].to_string(),
    });
    assert!(!stats.verified);
    let ctc = stats
        .totals
        .iter()
        .find(|t| t.denom == chain.ctc())
        .unwrap();
    assert_eq!((ctc.total.u128(), ctc.count), (5 * CTC, 2));
    let staked = stats.totals.iter().find(|t| t.denom == NATIVE).unwrap();
    assert_eq!((staked.total.u128(), staked.count), (7_000, 1));
    let last = stats.last_tip.unwrap();
    assert_eq!((last.amount.u128(), last.fee.u128()), (7_000, 175));

    let tipper: TotalsResponse = chain.ask(QueryMsg::TipperStats {
        address: chain.fans[0].to_string(),
    });
    assert_eq!(tipper.totals.len(), 2);
    let context: TotalsResponse = chain.ask(QueryMsg::ContextStats {
        context: "event:7".into(),
    });
    assert_eq!(
        (context.totals[0].total.u128(), context.totals[0].count),
        (8_000, 2)
    );
    chain.verify(&[&chain.fans[1].clone()]);
    let stats: RecipientStatsResponse = chain.ask(QueryMsg::RecipientStats {
        address: chain.fans[1].to_string(),
    });
    assert!(stats.verified);
}

#[test]
fn recent_tips_keep_the_newest_twenty_newest_first() {
    let mut chain = Chain::new();
    for n in 1..=25u128 {
        chain.tip_ctc((n % 3) as usize + 2, 1, n * CTC).unwrap();
    }
    let recent: RecentTipsResponse = chain.ask(QueryMsg::RecentTips {
        recipient: chain.fans[1].to_string(),
        limit: None,
    });
    let amounts: Vec<u128> = recent.tips.iter().map(|t| t.amount.u128() / CTC).collect();
    assert_eq!(amounts, (6..=25).rev().collect::<Vec<_>>());
    let three: RecentTipsResponse = chain.ask(QueryMsg::RecentTips {
        recipient: chain.fans[1].to_string(),
        limit: Some(3),
    });
    assert_eq!(three.tips.len(), 3);
    assert_eq!(three.tips[0].amount.u128(), 25 * CTC);
}

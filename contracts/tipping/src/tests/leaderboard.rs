use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::msg::TopRecipientsResponse;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The kept top ten always equals the ten highest totals of a brute-force model, and each
    /// listed recipient's total is its true total.
    #[test]
    fn the_leaderboard_matches_a_brute_force_ranking(
        tips in prop::collection::vec((0usize..3, 3usize..16, 1u128..50), 1..80)
    ) {
        let mut chain = Chain::new();
        let mut totals: BTreeMap<String, u128> = BTreeMap::new();
        for (from, to, ctc) in tips {
            chain.tip_ctc(from, to, ctc * CTC).unwrap();
            *totals.entry(chain.fans[to].to_string()).or_default() += ctc * CTC;

            let top: TopRecipientsResponse = chain.ask(QueryMsg::TopRecipients { denom: chain.ctc() });
            let mut expected: Vec<u128> = totals.values().copied().collect();
            expected.sort_unstable_by(|a, b| b.cmp(a));
            expected.truncate(10);
            let listed: Vec<u128> = top.recipients.iter().map(|r| r.total.u128()).collect();
            prop_assert_eq!(listed, expected);
            for entry in &top.recipients {
                prop_assert_eq!(entry.total.u128(), totals[entry.address.as_str()]);
            }
        }
    }
}

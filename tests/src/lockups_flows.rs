//! The locked genesis buckets on a simulated chain: two lockups instances (founding team,
//! institutional investors) instantiated before CTC, named as those buckets at CTC's
//! instantiate, then given the token, which books the bucket CTC credited them. The team's lock
//! ends 12 months after genesis and the investors' after 6 (令吉 §4.4). `set_token` is open to
//! anyone and verified: a stranger's is accepted, a look-alike token refused, and so is a
//! ctc-token an attacker instantiated with a genesis naming the lock-ups, sent first: the
//! committee instantiated the lock-ups and the real token, and only a token with the lock-up's
//! own creator passes. A team grant with a
//! 12-month cliff and an investor grant in ten monthly tranches from the end of its lock are
//! claimed through the real token, balances checked to the unit; after every step each
//! instance's token balance is its booked balance.

use cosmwasm_std::{to_json_binary, Addr, Timestamp, Uint128};
use ctc_interfaces::token::AllocationBucket;
use cw_multi_test::{App, AppResponse, Executor};
use lockups::msg::{
    ExecuteMsg, GrantResponse, InstantiateMsg, MigrateMsg, QueryMsg, ReceiveMsg, Schedule,
    TotalsResponse, Tranche,
};

use crate::contracts;
use crate::platform::{attribute, genesis_allocation, root, CTC};

const DAY: u64 = 86_400;
const MONTH: u64 = 30 * DAY;
const YEAR: u64 = 365 * DAY;
/// The investors' lock-up: six 30-day months.
const HALF_YEAR: u64 = 6 * MONTH;

struct Suite {
    app: App,
    token: Addr,
    /// The founding team's bucket.
    team: Addr,
    /// The institutional investors' bucket.
    investors: Addr,
    /// Owns both instances and is their wasm admin: the committee, later.
    committee: Addr,
    /// CTC's service-providers bucket, a liquid holder that can send CTC.
    providers: Addr,
    alice: Addr,
    bob: Addr,
    stranger: Addr,
    /// The block time at genesis.
    genesis: Timestamp,
}

impl Suite {
    /// Both tokens set by the committee, as the deploy does it.
    fn new() -> Self {
        let mut suite = Self::without_token();
        for lockup in [suite.team.clone(), suite.investors.clone()] {
            let set = ExecuteMsg::SetToken {
                address: suite.token.to_string(),
            };
            let committee = suite.committee.clone();
            suite.execute(&committee, &lockup, &set).unwrap();
        }
        suite
    }

    /// The lock-ups and the token instantiated, no `set_token` yet.
    fn without_token() -> Self {
        let mut app = App::default();
        let genesis = app.block_info().time;
        let api = *app.api();
        let committee = api.addr_make("committee");
        let (alice, bob, stranger) = (
            api.addr_make("alice"),
            api.addr_make("bob"),
            api.addr_make("stranger"),
        );
        // The lock-ups first: the token needs their addresses at its instantiate.
        let code = app.store_code(contracts::lockups());
        let mut lockup = |label: &str, locked_for: u64| {
            let msg = InstantiateMsg {
                owner: None,
                token: None,
                locked_until: genesis.plus_seconds(locked_for),
            };
            app.instantiate_contract(
                code,
                committee.clone(),
                &msg,
                &[],
                label,
                Some(committee.to_string()),
            )
            .unwrap()
        };
        let team = lockup("founding-team lock-up", YEAR);
        let investors = lockup("investors lock-up", HALF_YEAR);
        let mut buckets: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| api.addr_make(&format!("{bucket:?}")))
            .collect();
        buckets[AllocationBucket::FoundingTeam.index()] = team.clone();
        buckets[AllocationBucket::InstitutionalInvestors.index()] = investors.clone();
        let providers = buckets[AllocationBucket::ServiceProviders.index()].clone();
        let token_code = app.store_code(contracts::ctc_token());
        let msg = ctc_token::msg::InstantiateMsg {
            allocation: genesis_allocation(&buckets),
            recycle_pool: None,
            owner: None,
            marketing: None,
        };
        let token = app
            .instantiate_contract(
                token_code,
                committee.clone(),
                &msg,
                &[],
                "CTC",
                Some(committee.to_string()),
            )
            .unwrap();
        assert_eq!(app.block_info().time, genesis);
        Self {
            app,
            token,
            team,
            investors,
            committee,
            providers,
            alice,
            bob,
            stranger,
            genesis,
        }
    }

    fn execute(
        &mut self,
        sender: &Addr,
        lockup: &Addr,
        msg: &ExecuteMsg,
    ) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), lockup.clone(), msg, &[])
    }

    fn refused(&mut self, sender: &Addr, lockup: &Addr, msg: &ExecuteMsg) -> String {
        root(self.execute(sender, lockup, msg).unwrap_err())
    }

    fn grant(
        &mut self,
        lockup: &Addr,
        beneficiary: &Addr,
        amount: u128,
        schedule: Schedule,
        revocable: bool,
    ) -> u64 {
        let msg = ExecuteMsg::CreateGrant {
            beneficiary: beneficiary.to_string(),
            amount: Uint128::new(amount),
            schedule,
            revocable,
        };
        let committee = self.committee.clone();
        let response = self.execute(&committee, lockup, &msg).unwrap();
        attribute(&response, "grant_id").parse().unwrap()
    }

    /// `claim` by `sender`: answers the amount the lock-up says it paid.
    fn claim(&mut self, sender: &Addr, lockup: &Addr, grant_id: u64) -> anyhow::Result<u128> {
        let response = self.execute(sender, lockup, &ExecuteMsg::Claim { grant_id })?;
        Ok(attribute(&response, "amount").parse().unwrap())
    }

    fn balance(&self, address: &Addr) -> u128 {
        let answer: cw20::BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.token,
                &cw20::Cw20QueryMsg::Balance {
                    address: address.to_string(),
                },
            )
            .unwrap();
        answer.balance.u128()
    }

    fn totals(&self, lockup: &Addr) -> TotalsResponse {
        self.app
            .wrap()
            .query_wasm_smart(lockup, &QueryMsg::Totals {})
            .unwrap()
    }

    fn grant_info(&self, lockup: &Addr, grant_id: u64) -> GrantResponse {
        self.app
            .wrap()
            .query_wasm_smart(lockup, &QueryMsg::Grant { grant_id })
            .unwrap()
    }

    /// Moves the block to `seconds` after genesis.
    fn set_time(&mut self, seconds: u64) {
        let to = self.genesis.plus_seconds(seconds);
        self.app.update_block(|block| {
            assert!(to >= block.time, "time only moves forward");
            block.height += (to.seconds() - block.time.seconds()) / 5;
            block.time = to;
        });
    }

    fn at(&self, seconds: u64) -> Timestamp {
        self.genesis.plus_seconds(seconds)
    }

    /// Each instance holds at the token exactly what its books say, and its books balance.
    fn assert_books(&self) {
        for lockup in [&self.team, &self.investors] {
            let totals = self.totals(lockup);
            assert_eq!(totals.booked_balance.u128(), self.balance(lockup));
            assert_eq!(
                totals.booked_balance,
                totals.unallocated + totals.granted_outstanding
            );
        }
    }
}

#[test]
fn the_token_credits_each_bucket_and_set_token_books_it() {
    let mut suite = Suite::new();
    let team = AllocationBucket::FoundingTeam.amount().u128();
    let investors = AllocationBucket::InstitutionalInvestors.amount().u128();
    assert_eq!(team, 225_000_000 * CTC);
    assert_eq!(investors, 150_000_000 * CTC);
    for (lockup, bucket) in [
        (suite.team.clone(), team),
        (suite.investors.clone(), investors),
    ] {
        assert_eq!(suite.balance(&lockup), bucket);
        let totals = suite.totals(&lockup);
        assert_eq!(totals.booked_balance.u128(), bucket);
        assert_eq!(totals.unallocated.u128(), bucket);
        assert_eq!(totals.grants, 0);
    }
    // The token is set once: the bucket is not booked twice.
    let (committee, team_lockup, token) = (
        suite.committee.clone(),
        suite.team.clone(),
        suite.token.clone(),
    );
    let set = ExecuteMsg::SetToken {
        address: token.to_string(),
    };
    assert!(suite
        .refused(&committee, &team_lockup, &set)
        .contains("set once"));
    // Nobody but the owner grants, and nothing can be granted beyond the bucket.
    let stranger = suite.stranger.clone();
    let grant = ExecuteMsg::CreateGrant {
        beneficiary: stranger.to_string(),
        amount: Uint128::new(team + 1),
        schedule: Schedule::Linear {
            start: suite.at(0),
            cliff: suite.at(YEAR),
            end: suite.at(YEAR + 1),
        },
        revocable: false,
    };
    assert!(suite
        .refused(&stranger, &team_lockup, &grant)
        .contains("not the contract's current owner"));
    assert_eq!(
        suite.refused(&committee, &team_lockup, &grant),
        format!("only {team} is unallocated, {} was asked", team + 1)
    );
    suite.assert_books();
}

#[test]
fn a_team_grant_pays_nothing_before_its_twelve_month_cliff_then_the_linear_share() {
    let mut suite = Suite::new();
    let (team, alice, stranger) = (
        suite.team.clone(),
        suite.alice.clone(),
        suite.stranger.clone(),
    );
    let bucket = suite.balance(&team);
    let amount = 9_000_000 * CTC + 7;
    let schedule = Schedule::Linear {
        start: suite.at(0),
        cliff: suite.at(YEAR),
        end: suite.at(4 * YEAR),
    };
    let id = suite.grant(&team, &alice, amount, schedule, true);
    suite.assert_books();

    suite.set_time(YEAR - 1);
    assert_eq!(
        root(suite.claim(&alice, &team, id).unwrap_err()),
        format!("grant {id} has nothing vested and unclaimed")
    );
    assert_eq!(suite.balance(&alice), 0);

    // At the cliff, a quarter: the share from the start, not from the cliff.
    suite.set_time(YEAR);
    let quarter = amount / 4;
    assert_eq!(suite.claim(&alice, &team, id).unwrap(), quarter);
    assert_eq!(suite.balance(&alice), quarter);
    assert_eq!(suite.balance(&team), bucket - quarter);
    suite.assert_books();

    // 500 days in, cranked by a stranger: alice is paid, the stranger gets nothing.
    suite.set_time(500 * DAY);
    let vested = Uint128::new(amount)
        .multiply_ratio(500 * DAY, 4 * YEAR)
        .u128();
    assert_eq!(suite.claim(&stranger, &team, id).unwrap(), vested - quarter);
    assert_eq!(suite.balance(&alice), vested);
    assert_eq!(suite.balance(&stranger), 0);
    assert_eq!(suite.grant_info(&team, id).claimed.u128(), vested);
    suite.assert_books();

    // After the end, the rest to the unit.
    suite.set_time(4 * YEAR + DAY);
    assert_eq!(suite.claim(&alice, &team, id).unwrap(), amount - vested);
    assert_eq!(suite.balance(&alice), amount);
    assert_eq!(suite.balance(&team), bucket - amount);
    assert!(suite.claim(&alice, &team, id).is_err());
    let totals = suite.totals(&team);
    assert_eq!(totals.claimed_total.u128(), amount);
    assert_eq!(totals.granted_outstanding.u128(), 0);
    assert_eq!(totals.unallocated.u128(), bucket - amount);
    suite.assert_books();
}

#[test]
fn an_investor_grant_in_ten_monthly_tranches_from_the_lock_end_pays_twenty_percent_after_two() {
    let mut suite = Suite::new();
    let (investors, bob) = (suite.investors.clone(), suite.bob.clone());
    let bucket = suite.balance(&investors);
    let amount = 12_345_678 * CTC + 9;
    // Nothing may vest before the investors' 6-month lock ends: a first step a month after
    // genesis is refused, so the ten steps run from the lock's end.
    let committee = suite.committee.clone();
    let early = ExecuteMsg::CreateGrant {
        beneficiary: bob.to_string(),
        amount: Uint128::new(amount),
        schedule: Schedule::Tranches {
            steps: (1..=10)
                .map(|n| Tranche {
                    at: suite.at(n * MONTH),
                    bps: 1_000,
                })
                .collect(),
        },
        revocable: false,
    };
    let locked_until = suite.at(HALF_YEAR);
    assert_eq!(
        suite.refused(&committee, &investors, &early),
        format!("nothing may vest before the lock-up ends at {locked_until}")
    );
    let steps = (0..10)
        .map(|n| Tranche {
            at: suite.at(HALF_YEAR + n * MONTH),
            bps: 1_000,
        })
        .collect();
    let id = suite.grant(
        &investors,
        &bob,
        amount,
        Schedule::Tranches { steps },
        false,
    );

    suite.set_time(HALF_YEAR - 1);
    assert!(root(suite.claim(&bob, &investors, id).unwrap_err()).contains("nothing vested"));

    suite.set_time(HALF_YEAR + MONTH);
    let twenty = Uint128::new(amount)
        .multiply_ratio(2_000u32, 10_000u32)
        .u128();
    assert_eq!(twenty, 2_469_135 * CTC + 600_001);
    assert_eq!(suite.claim(&bob, &investors, id).unwrap(), twenty);
    assert_eq!(suite.balance(&bob), twenty);
    suite.assert_books();

    // A plain lock-up cannot be revoked against the terms it was granted on.
    assert_eq!(
        suite.refused(&committee, &investors, &ExecuteMsg::Revoke { grant_id: id }),
        format!("grant {id} is not revocable")
    );

    // The tenth step pays the remainder: rounding dust included, the grant is paid in full.
    suite.set_time(HALF_YEAR + 9 * MONTH);
    assert_eq!(suite.claim(&bob, &investors, id).unwrap(), amount - twenty);
    assert_eq!(suite.balance(&bob), amount);
    assert_eq!(suite.balance(&investors), bucket - amount);
    suite.assert_books();
}

#[test]
fn a_revoked_team_grant_keeps_its_vested_part_and_returns_the_rest() {
    let mut suite = Suite::new();
    let (team, alice, committee) = (
        suite.team.clone(),
        suite.alice.clone(),
        suite.committee.clone(),
    );
    let bucket = suite.balance(&team);
    let amount = 4_000 * CTC;
    let schedule = Schedule::Linear {
        start: suite.at(0),
        cliff: suite.at(YEAR),
        end: suite.at(4 * YEAR),
    };
    let id = suite.grant(&team, &alice, amount, schedule, true);
    suite.set_time(2 * YEAR);
    let response = suite
        .execute(&committee, &team, &ExecuteMsg::Revoke { grant_id: id })
        .unwrap();
    assert_eq!(attribute(&response, "returned"), (amount / 2).to_string());
    assert_eq!(suite.totals(&team).unallocated.u128(), bucket - amount / 2);
    // Revoking moves nothing at the token; the vested half is still alice's to claim.
    assert_eq!(suite.balance(&team), bucket);
    suite.set_time(3 * YEAR);
    assert_eq!(suite.claim(&alice, &team, id).unwrap(), amount / 2);
    assert_eq!(suite.balance(&alice), amount / 2);
    suite.assert_books();
}

#[test]
fn ctc_sent_or_transferred_in_is_booked_and_only_from_the_token() {
    let mut suite = Suite::new();
    let (team, providers, stranger) = (
        suite.team.clone(),
        suite.providers.clone(),
        suite.stranger.clone(),
    );
    let bucket = suite.balance(&team);
    let send = ctc_token::msg::ExecuteMsg::Send {
        contract: team.to_string(),
        amount: Uint128::new(1_000 * CTC),
        msg: to_json_binary(&ReceiveMsg::Fund {}).unwrap(),
    };
    let token = suite.token.clone();
    suite
        .app
        .execute_contract(providers.clone(), token.clone(), &send, &[])
        .unwrap();
    assert_eq!(suite.totals(&team).unallocated.u128(), bucket + 1_000 * CTC);
    suite.assert_books();

    // A plain transfer is credited silently; anyone books it.
    assert!(suite
        .refused(&stranger, &team, &ExecuteMsg::Reconcile {})
        .contains("nothing beyond what is booked"));
    let transfer = ctc_token::msg::ExecuteMsg::Transfer {
        recipient: team.to_string(),
        amount: Uint128::new(5 * CTC + 3),
    };
    suite
        .app
        .execute_contract(providers.clone(), token, &transfer, &[])
        .unwrap();
    let response = suite
        .execute(&stranger, &team, &ExecuteMsg::Reconcile {})
        .unwrap();
    assert_eq!(attribute(&response, "amount"), (5 * CTC + 3).to_string());
    suite.assert_books();

    // A hook that claims to come from CTC but is sent by anyone else is refused.
    let forged = ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
        sender: stranger.to_string(),
        amount: Uint128::new(1_000_000 * CTC),
        msg: to_json_binary(&ReceiveMsg::Fund {}).unwrap(),
    });
    assert_eq!(
        suite.refused(&stranger, &team, &forged),
        "only the configured CTC token is accepted"
    );
    suite.assert_books();
}

#[test]
fn the_lockup_migrates_by_its_admin_only_and_keeps_its_books() {
    let mut suite = Suite::new();
    let (team, committee, stranger, alice) = (
        suite.team.clone(),
        suite.committee.clone(),
        suite.stranger.clone(),
        suite.alice.clone(),
    );
    let schedule = Schedule::Linear {
        start: suite.at(0),
        cliff: suite.at(YEAR),
        end: suite.at(YEAR),
    };
    let id = suite.grant(&team, &alice, 100 * CTC, schedule, false);
    let before = suite.totals(&team);
    contracts::migrate_by_admin_only(
        &mut suite.app,
        contracts::lockups(),
        &team,
        &committee,
        &stranger,
        &MigrateMsg {},
    );
    assert_eq!(suite.totals(&team), before);
    suite.set_time(YEAR);
    assert_eq!(suite.claim(&alice, &team, id).unwrap(), 100 * CTC);
    suite.assert_books();
}

#[test]
fn a_strangers_set_token_is_accepted_and_a_look_alike_token_refused() {
    let mut suite = Suite::without_token();
    let (team, investors, stranger, committee) = (
        suite.team.clone(),
        suite.investors.clone(),
        suite.stranger.clone(),
        suite.committee.clone(),
    );
    let api = *suite.app.api();
    // A second, real ctc-token whose genesis names other addresses for every bucket: the code,
    // the cw2 name and the creator are right, the allocation is not this lock-up's.
    let elsewhere: Vec<Addr> = AllocationBucket::ALL
        .iter()
        .map(|bucket| api.addr_make(&format!("elsewhere-{bucket:?}")))
        .collect();
    let token_code = suite.app.store_code(contracts::ctc_token());
    let msg = ctc_token::msg::InstantiateMsg {
        allocation: genesis_allocation(&elsewhere),
        recycle_pool: None,
        owner: None,
        marketing: None,
    };
    let look_alike = suite
        .app
        .instantiate_contract(token_code, committee.clone(), &msg, &[], "CTC?", None)
        .unwrap();
    // A plain cw20 is no ctc-token at all.
    let cw20_code = suite.app.store_code(contracts::cw20_base());
    let msg = cw20_base::msg::InstantiateMsg {
        name: "Ticket Coin".into(),
        symbol: "CTC".into(),
        decimals: 6,
        initial_balances: vec![cw20::Cw20Coin {
            address: team.to_string(),
            amount: Uint128::new(CTC),
        }],
        mint: None,
        marketing: None,
    };
    let plain = suite
        .app
        .instantiate_contract(cw20_code, stranger.clone(), &msg, &[], "cw20", None)
        .unwrap();
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    for sender in [&stranger, &committee] {
        assert_eq!(
            suite.refused(sender, &team, &set(&look_alike)),
            format!(
                "{look_alike} does not name this contract as its founding-team or investors bucket"
            )
        );
        assert_eq!(
            suite.refused(sender, &team, &set(&plain)),
            format!("{plain} is not the CTC token: it does not answer as crates.io:ctc-token")
        );
        assert!(suite
            .refused(sender, &team, &set(&stranger))
            .contains("is not the CTC token"));
    }
    assert_eq!(suite.totals(&team).booked_balance.u128(), 0);

    // The real token, set by a stranger: verified, so who sends it does not matter.
    let token = suite.token.clone();
    let response = suite.execute(&stranger, &team, &set(&token)).unwrap();
    assert_eq!(attribute(&response, "bucket"), "founding_team");
    assert_eq!(
        attribute(&response, "amount"),
        AllocationBucket::FoundingTeam.amount().to_string()
    );
    let response = suite.execute(&stranger, &investors, &set(&token)).unwrap();
    assert_eq!(attribute(&response, "bucket"), "institutional_investors");
    let config: lockups::msg::ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&team, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.token, Some(token));
    assert_eq!(config.locked_until, suite.at(YEAR));
    // Once set, no other token, the look-alike included.
    assert!(suite
        .refused(&stranger, &team, &set(&look_alike))
        .contains("set once"));
    suite.assert_books();

    // The team's lock: nothing may vest before 12 months, whoever asks.
    let early = ExecuteMsg::CreateGrant {
        beneficiary: suite.alice.to_string(),
        amount: Uint128::new(CTC),
        schedule: Schedule::Linear {
            start: suite.at(0),
            cliff: suite.at(YEAR - 1),
            end: suite.at(4 * YEAR),
        },
        revocable: false,
    };
    assert_eq!(
        suite.refused(&committee, &team, &early),
        format!(
            "nothing may vest before the lock-up ends at {}",
            suite.at(YEAR)
        )
    );
}

#[test]
fn a_ctc_token_an_attacker_instantiated_naming_the_lockups_cannot_front_run_set_token() {
    let mut suite = Suite::without_token();
    let (team, investors, stranger, committee) = (
        suite.team.clone(),
        suite.investors.clone(),
        suite.stranger.clone(),
        suite.committee.clone(),
    );
    let attacker = suite.app.api().addr_make("attacker");
    // The attacker instantiates the public ctc-token code itself, with a genesis naming both
    // lock-ups as their buckets: the code, the cw2 name and the allocation are all right.
    let mut buckets: Vec<Addr> = AllocationBucket::ALL
        .iter()
        .map(|bucket| attacker_bucket(&suite, bucket))
        .collect();
    buckets[AllocationBucket::FoundingTeam.index()] = team.clone();
    buckets[AllocationBucket::InstitutionalInvestors.index()] = investors.clone();
    let token_code = suite.app.store_code(contracts::ctc_token());
    let msg = ctc_token::msg::InstantiateMsg {
        allocation: genesis_allocation(&buckets),
        recycle_pool: None,
        owner: None,
        marketing: None,
    };
    let worthless = suite
        .app
        .instantiate_contract(token_code, attacker.clone(), &msg, &[], "CTC", None)
        .unwrap();
    assert_eq!(
        suite.balance(&team),
        AllocationBucket::FoundingTeam.amount().u128()
    );
    // Sent first, by the attacker, for each lock-up: refused, nothing booked.
    let set = |address: &Addr| ExecuteMsg::SetToken {
        address: address.to_string(),
    };
    for lockup in [&team, &investors] {
        assert_eq!(
            suite.refused(&attacker, lockup, &set(&worthless)),
            format!(
                "{worthless} was created by {attacker}, not by {committee} who created this contract: it is not the platform's CTC"
            )
        );
        let config: lockups::msg::ConfigResponse = suite
            .app
            .wrap()
            .query_wasm_smart(lockup, &QueryMsg::Config {})
            .unwrap();
        assert_eq!(config.token, None);
        assert_eq!(suite.totals(lockup).booked_balance.u128(), 0);
    }
    // The real token, by a stranger: accepted, and it books the real bucket.
    let token = suite.token.clone();
    let response = suite.execute(&stranger, &team, &set(&token)).unwrap();
    assert_eq!(attribute(&response, "bucket"), "founding_team");
    assert_eq!(
        attribute(&response, "amount"),
        AllocationBucket::FoundingTeam.amount().to_string()
    );
    let response = suite.execute(&stranger, &investors, &set(&token)).unwrap();
    assert_eq!(attribute(&response, "bucket"), "institutional_investors");
    suite.assert_books();
    // A lock-up the attacker instantiates with the real token is refused as well: its creator
    // is the attacker, the token's the committee.
    let code = suite.app.store_code(contracts::lockups());
    let msg = InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        locked_until: suite.at(YEAR),
    };
    let refused = suite
        .app
        .instantiate_contract(code, attacker.clone(), &msg, &[], "lock-up", None)
        .unwrap_err();
    assert_eq!(
        root(refused),
        format!(
            "{token} was created by {committee}, not by {attacker} who created this contract: it is not the platform's CTC"
        )
    );
}

/// An address of the attacker's for `bucket`.
fn attacker_bucket(suite: &Suite, bucket: &AllocationBucket) -> Addr {
    suite
        .app
        .api()
        .addr_make(&format!("attacker-{}", bucket.name()))
}

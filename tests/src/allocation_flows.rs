//! CTC's genesis buckets held by allocation-fund instances on a simulated chain: two funds (the
//! service providers' and public welfare) instantiated before the real ctc-token, which credits
//! them at genesis, then given the token by anyone (`set_token` checks that the token is CTC and
//! names the fund, and books what it holds; a look-alike ctc-token that names other buckets and a
//! contract that is not CTC are refused, and so is a ctc-token an attacker instantiated with a
//! genesis naming the fund, sent first: the committee instantiated the funds and the real token,
//! and only a token with the fund's own creator passes). A partners-only round
//! for three admitted organisations pays a claim exactly and refuses a second claim, a forged
//! proof and an organisation the registry never admitted; the welfare fund's ledger books the
//! genesis, a donation by `Send`, a plain transfer once reconciled, and a disbursement with its
//! purpose and evidence, its numbers equal to the token's balances throughout.

use allocation_fund::msg::{
    EntriesResponse, EntryKind, ExecuteMsg, InstantiateMsg, LedgerResponse, QueryMsg, ReceiveMsg,
    RoundResponse,
};
use cosmwasm_std::{to_json_binary, Addr, Timestamp, Uint128};
use ctc_interfaces::merkle::{self, ProofStep, Tree};
use ctc_interfaces::registry::{Capability, PartnerKind};
use ctc_interfaces::token::AllocationBucket;
use cw_multi_test::{App, AppResponse, Executor};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::contracts;
use crate::platform::{admit, attribute, digest, genesis_allocation, root, CTC};

struct Suite {
    app: App,
    committee: Addr,
    token: Addr,
    registry: Addr,
    /// The service providers' bucket (30%).
    providers: Addr,
    /// The public-welfare bucket (5%).
    welfare: Addr,
    /// The founding team's bucket, a plain account here: funds the donor.
    team: Addr,
    /// Three organisations the registry admitted.
    partners: [Addr; 3],
    /// Listed in the round, but never admitted.
    applicant: Addr,
}

impl Suite {
    fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let committee = api.addr_make("committee");
        let partners = [
            api.addr_make("shanghai_opera_house"),
            api.addr_make("spring_troupe"),
            api.addr_make("sound_and_light_co"),
        ];
        let applicant = api.addr_make("applicant");
        let mut buckets: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| api.addr_make(bucket.name()))
            .collect();
        let registry_code = app.store_code(contracts::partner_registry());
        let registry = app
            .instantiate_contract(
                registry_code,
                committee.clone(),
                &partner_registry::msg::InstantiateMsg {
                    authority: None,
                    open_anchoring: false,
                },
                &[],
                "partner-registry",
                Some(committee.to_string()),
            )
            .unwrap();
        // The funds first: the token names them as buckets and credits them at genesis.
        let fund_code = app.store_code(contracts::allocation_fund());
        let mut fund = |bucket: &str| {
            let msg = InstantiateMsg {
                owner: None,
                token: None,
                registry: registry.to_string(),
                bucket: bucket.into(),
            };
            app.instantiate_contract(
                fund_code,
                committee.clone(),
                &msg,
                &[],
                bucket,
                Some(committee.to_string()),
            )
            .unwrap()
        };
        let providers = fund("service_providers");
        let welfare = fund("public_welfare");
        buckets[2] = providers.clone();
        buckets[5] = welfare.clone();
        let token_code = app.store_code(contracts::ctc_token());
        let token = app
            .instantiate_contract(
                token_code,
                committee.clone(),
                &ctc_token::msg::InstantiateMsg {
                    allocation: genesis_allocation(&buckets),
                    recycle_pool: None,
                    owner: None,
                    marketing: None,
                },
                &[],
                "CTC",
                Some(committee.to_string()),
            )
            .unwrap();
        let mut suite = Self {
            app,
            committee,
            token,
            registry,
            providers,
            welfare,
            team: buckets[0].clone(),
            partners,
            applicant,
        };
        let names = ["Shanghai Opera House", "Spring Troupe", "Sound & Light Co."];
        for (i, (partner, name)) in suite.partners.clone().iter().zip(names).enumerate() {
            let msg = admit(
                partner,
                name,
                PartnerKind::Troupe,
                Capability::IssueTickets,
                0xa0 + i as u8,
                vec![],
            );
            let (committee, registry) = (suite.committee.clone(), suite.registry.clone());
            suite.execute(&committee, &registry, &msg).unwrap();
        }
        suite
    }

    fn execute(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: &(impl Serialize + std::fmt::Debug),
    ) -> anyhow::Result<AppResponse> {
        self.app
            .execute_contract(sender.clone(), contract.clone(), msg, &[])
    }

    fn refused(&mut self, sender: &Addr, contract: &Addr, msg: &ExecuteMsg) -> String {
        root(self.execute(sender, contract, msg).unwrap_err())
    }

    fn query<T: DeserializeOwned>(&self, contract: &Addr, msg: &impl Serialize) -> T {
        self.app.wrap().query_wasm_smart(contract, msg).unwrap()
    }

    fn balance(&self, address: &Addr) -> u128 {
        let answer: cw20::BalanceResponse = self.query(
            &self.token,
            &cw20::Cw20QueryMsg::Balance {
                address: address.to_string(),
            },
        );
        answer.balance.u128()
    }

    fn ledger(&self, fund: &Addr) -> LedgerResponse {
        self.query(fund, &QueryMsg::Ledger {})
    }

    /// The fund's ledger agrees with the token: `balanced`, and `received − paid_out` is the
    /// fund's CTC balance to the unit.
    fn assert_balanced(&self, fund: &Addr) -> LedgerResponse {
        let ledger = self.ledger(fund);
        assert!(ledger.balanced, "{ledger:?}");
        assert_eq!(ledger.balance.u128(), self.balance(fund));
        assert_eq!(ledger.received - ledger.paid_out, ledger.balance);
        assert_eq!(
            ledger.received - ledger.paid_out,
            ledger.available + ledger.reserved
        );
        ledger
    }

    fn set_token(&mut self, fund: &Addr) -> AppResponse {
        let msg = ExecuteMsg::SetToken {
            address: self.token.to_string(),
        };
        let committee = self.committee.clone();
        self.execute(&committee, fund, &msg).unwrap()
    }

    /// Another real ctc-token, whose buckets are all plain accounts: it names no fund.
    fn look_alike(&mut self) -> Addr {
        let buckets: Vec<Addr> = AllocationBucket::ALL
            .iter()
            .map(|bucket| {
                self.app
                    .api()
                    .addr_make(&format!("other_{}", bucket.name()))
            })
            .collect();
        let code = self.app.store_code(contracts::ctc_token());
        self.app
            .instantiate_contract(
                code,
                self.committee.clone(),
                &ctc_token::msg::InstantiateMsg {
                    allocation: genesis_allocation(&buckets),
                    recycle_pool: None,
                    owner: None,
                    marketing: None,
                },
                &[],
                "CTC look-alike",
                None,
            )
            .unwrap()
    }

    fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    fn claim(address: &Addr, amount: u128, proof: &[ProofStep]) -> ExecuteMsg {
        ExecuteMsg::Claim {
            round_id: 1,
            address: address.to_string(),
            amount: Uint128::new(amount),
            proof: proof.to_vec(),
        }
    }
}

/// The tree `fund` publishes of `list` for round `scope`: the fund's address is the domain.
fn tree(fund: &Addr, scope: u64, list: &[(&Addr, u128)]) -> Tree {
    let entries: Vec<(String, Uint128)> = list
        .iter()
        .map(|(address, amount)| (address.to_string(), Uint128::new(*amount)))
        .collect();
    merkle::build(fund.as_str(), scope, &entries).unwrap()
}

#[test]
fn set_token_books_each_genesis_bucket_as_the_token_credited_it() {
    let mut suite = Suite::new();
    let (providers, welfare) = (suite.providers.clone(), suite.welfare.clone());
    for (fund, share) in [(&providers, 30u128), (&welfare, 5)] {
        let held = suite.balance(fund);
        assert_eq!(held, 1_500_000_000 * CTC * share / 100);
        // Before its token is set the fund books nothing and reports no balance.
        assert_eq!(suite.ledger(fund).received, Uint128::zero());
        let response = suite.set_token(fund);
        assert_eq!(attribute(&response, "amount"), held.to_string());
        let ledger = suite.assert_balanced(fund);
        assert_eq!(ledger.received.u128(), held);
        assert_eq!(ledger.available.u128(), held);
    }
    let committee = suite.committee.clone();
    let again = ExecuteMsg::SetToken {
        address: suite.token.to_string(),
    };
    assert_eq!(
        suite.refused(&committee, &welfare, &again),
        "the token is set once: the ledger books its balances"
    );
}

#[test]
fn anyone_sets_the_real_token_and_look_alikes_are_refused() {
    let mut suite = Suite::new();
    let (welfare, token, registry) = (
        suite.welfare.clone(),
        suite.token.clone(),
        suite.registry.clone(),
    );
    let stranger = suite.app.api().addr_make("stranger");
    let look_alike = suite.look_alike();
    let set = |token: &Addr| ExecuteMsg::SetToken {
        address: token.to_string(),
    };
    // A real ctc-token, by its cw2 name and its answers, but not this fund's.
    assert_eq!(
        suite.refused(&stranger, &welfare, &set(&look_alike)),
        format!(
            "{look_alike} does not name this fund: none of its genesis buckets nor its recycle pool is this contract"
        )
    );
    // A platform contract that is not CTC, and a plain account.
    for not_ctc in [&registry, &stranger] {
        assert_eq!(
            suite.refused(&stranger, &welfare, &set(not_ctc)),
            format!("{not_ctc} is not the CTC token: it does not answer as crates.io:ctc-token")
        );
    }
    assert_eq!(suite.ledger(&welfare).received, Uint128::zero());
    // The token that names this fund as its public-welfare bucket: anyone may set it.
    let held = suite.balance(&welfare);
    let response = suite.execute(&stranger, &welfare, &set(&token)).unwrap();
    assert_eq!(attribute(&response, "sender"), stranger.as_str());
    assert_eq!(attribute(&response, "amount"), held.to_string());
    suite.assert_balanced(&welfare);
    // And a fund instantiated with a token is held to the same check, here by the committee
    // that created the token.
    let code = suite.app.store_code(contracts::allocation_fund());
    let instantiate = |token: &Addr| InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        registry: registry.to_string(),
        bucket: "community_rewards".into(),
    };
    let refused = suite
        .app
        .instantiate_contract(
            code,
            suite.committee.clone(),
            &instantiate(&token),
            &[],
            "fund",
            None,
        )
        .unwrap_err();
    assert_eq!(
        root(refused),
        format!("{token} does not name this fund: none of its genesis buckets nor its recycle pool is this contract")
    );
}

#[test]
fn a_ctc_token_an_attacker_instantiated_naming_the_fund_cannot_front_run_set_token() {
    let mut suite = Suite::new();
    let (welfare, providers, committee, token, registry) = (
        suite.welfare.clone(),
        suite.providers.clone(),
        suite.committee.clone(),
        suite.token.clone(),
        suite.registry.clone(),
    );
    let api = *suite.app.api();
    let (attacker, stranger) = (api.addr_make("attacker"), api.addr_make("stranger"));
    // The attacker instantiates the public ctc-token code itself, with a genesis naming both
    // funds as their buckets: the code, the cw2 name and the allocation are all right.
    let mut buckets: Vec<Addr> = AllocationBucket::ALL
        .iter()
        .map(|bucket| api.addr_make(&format!("attacker_{}", bucket.name())))
        .collect();
    buckets[AllocationBucket::ServiceProviders.index()] = providers.clone();
    buckets[AllocationBucket::PublicWelfare.index()] = welfare.clone();
    let code = suite.app.store_code(contracts::ctc_token());
    let worthless = suite
        .app
        .instantiate_contract(
            code,
            attacker.clone(),
            &ctc_token::msg::InstantiateMsg {
                allocation: genesis_allocation(&buckets),
                recycle_pool: None,
                owner: None,
                marketing: None,
            },
            &[],
            "CTC",
            None,
        )
        .unwrap();
    let set = |token: &Addr| ExecuteMsg::SetToken {
        address: token.to_string(),
    };
    // Sent first, by the attacker, for each fund: refused, nothing booked.
    for fund in [&welfare, &providers] {
        assert_eq!(
            suite.refused(&attacker, fund, &set(&worthless)),
            format!(
                "{worthless} was created by {attacker}, not by {committee} who created this contract: it is not the platform's CTC"
            )
        );
        let config: allocation_fund::msg::ConfigResponse = suite.query(fund, &QueryMsg::Config {});
        assert_eq!(config.token, None);
        assert_eq!(suite.ledger(fund).received, Uint128::zero());
    }
    // The real token, by a stranger: accepted, and it books what the real token credited.
    for fund in [&welfare, &providers] {
        let held = suite.balance(fund);
        let response = suite.execute(&stranger, fund, &set(&token)).unwrap();
        assert_eq!(attribute(&response, "amount"), held.to_string());
        suite.assert_balanced(fund);
    }
    // A fund the attacker instantiates with the real token is refused as well: its creator is
    // the attacker, the token's the committee.
    let code = suite.app.store_code(contracts::allocation_fund());
    let msg = InstantiateMsg {
        owner: None,
        token: Some(token.to_string()),
        registry: registry.to_string(),
        bucket: "community_rewards".into(),
    };
    let refused = suite
        .app
        .instantiate_contract(code, attacker.clone(), &msg, &[], "fund", None)
        .unwrap_err();
    assert_eq!(
        root(refused),
        format!(
            "{token} was created by {committee}, not by {attacker} who created this contract: it is not the platform's CTC"
        )
    );
}

#[test]
fn a_partners_only_round_pays_each_admitted_partner_once() {
    let mut suite = Suite::new();
    let providers = suite.providers.clone();
    suite.set_token(&providers);
    let [opera, troupe, crew] = suite.partners.clone();
    let applicant = suite.applicant.clone();
    let list = [
        (&opera, 2_000_000 * CTC),
        (&troupe, 750_000 * CTC),
        (&crew, 250_000 * CTC + 1),
        (&applicant, 100_000 * CTC),
    ];
    let round = tree(&providers, 1, &list);
    let open = ExecuteMsg::OpenRound {
        round_id: 1,
        root: round.root.clone(),
        total: round.total,
        list_digest: digest(0x51),
        list_uri: "ipfs://bafy-season-1-providers".into(),
        claims_until: suite.now().plus_seconds(30 * 86_400),
        partners_only: true,
    };
    let committee = suite.committee.clone();
    // Only the committee opens rounds.
    assert_eq!(
        suite.refused(&opera, &providers, &open),
        "Caller is not the contract's current owner"
    );
    let response = suite.execute(&committee, &providers, &open).unwrap();
    assert_eq!(attribute(&response, "round_id"), "1");
    let before = suite.ledger(&providers);
    assert_eq!(before.reserved, round.total);

    // A claim, sent by anyone, pays the listed organisation exactly its leaf.
    let held = suite.balance(&troupe);
    let fund_held = suite.balance(&providers);
    suite
        .execute(
            &opera,
            &providers,
            &Suite::claim(&troupe, 750_000 * CTC, &round.proofs[1]),
        )
        .unwrap();
    assert_eq!(suite.balance(&troupe), held + 750_000 * CTC);
    assert_eq!(suite.balance(&providers), fund_held - 750_000 * CTC);
    // Once.
    assert_eq!(
        suite.refused(
            &troupe,
            &providers,
            &Suite::claim(&troupe, 750_000 * CTC, &round.proofs[1])
        ),
        format!("{troupe} has already claimed in round 1")
    );
    // A forged proof: the troupe's own proof for more, and another's proof for the troupe.
    for (amount, proof) in [
        (750_000 * CTC + 1, &round.proofs[1]),
        (2_000_000 * CTC, &round.proofs[0]),
    ] {
        assert_eq!(
            suite.refused(&troupe, &providers, &Suite::claim(&crew, amount, proof)),
            "invalid proof: the proof does not rebuild the root and its total"
        );
    }
    // Listed, with a genuine proof, but never admitted.
    assert_eq!(
        suite.refused(
            &applicant,
            &providers,
            &Suite::claim(&applicant, 100_000 * CTC, &round.proofs[3])
        ),
        format!("{applicant} was never admitted as a partner: round 1 pays partners only")
    );
    for (k, partner) in [(0, &opera), (2, &crew)] {
        let (_, amount) = list[k];
        let held = suite.balance(partner);
        suite
            .execute(
                partner,
                &providers,
                &Suite::claim(partner, amount, &round.proofs[k]),
            )
            .unwrap();
        assert_eq!(suite.balance(partner), held + amount);
    }
    let claimed: RoundResponse = suite.query(&providers, &QueryMsg::Round { round_id: 1 });
    assert_eq!(claimed.claimed.u128(), 3_000_000 * CTC + 1);
    let ledger = suite.assert_balanced(&providers);
    assert_eq!(ledger.paid_out.u128(), 3_000_000 * CTC + 1);
    assert_eq!(ledger.reserved.u128(), 100_000 * CTC);

    // After the claims end anyone closes the round: the applicant's share is available again.
    suite.app.update_block(|block| {
        block.time = block.time.plus_seconds(30 * 86_400 + 1);
        block.height += 1;
    });
    suite
        .execute(
            &applicant,
            &providers,
            &ExecuteMsg::CloseRound { round_id: 1 },
        )
        .unwrap();
    let ledger = suite.assert_balanced(&providers);
    assert_eq!(ledger.reserved, Uint128::zero());
    assert_eq!(
        ledger.available,
        before.available + Uint128::new(100_000 * CTC)
    );
}

#[test]
fn the_welfare_ledger_books_every_ctc_in_and_out() {
    let mut suite = Suite::new();
    let welfare = suite.welfare.clone();
    let genesis = suite.balance(&welfare);
    suite.set_token(&welfare);
    let (committee, team, token) = (
        suite.committee.clone(),
        suite.team.clone(),
        suite.token.clone(),
    );
    let donor = suite.app.api().addr_make("donor");
    let school = suite.app.api().addr_make("mountain_school");
    let transfer = cw20::Cw20ExecuteMsg::Transfer {
        recipient: donor.to_string(),
        amount: Uint128::new(1_000 * CTC),
    };
    suite.execute(&team, &token, &transfer).unwrap();

    // A donation by Send, booked under the donor with its memo and evidence.
    let send = cw20::Cw20ExecuteMsg::Send {
        contract: welfare.to_string(),
        amount: Uint128::new(600 * CTC),
        msg: to_json_binary(&ReceiveMsg::Donate {
            memo: Some("for the children's choir".into()),
            evidence_digest: Some(digest(0xd0)),
        })
        .unwrap(),
    };
    suite.execute(&donor, &token, &send).unwrap();
    suite.assert_balanced(&welfare);

    // A plain transfer unbalances the ledger until anyone reconciles it.
    let plain = cw20::Cw20ExecuteMsg::Transfer {
        recipient: welfare.to_string(),
        amount: Uint128::new(400 * CTC),
    };
    suite.execute(&donor, &token, &plain).unwrap();
    let ledger = suite.ledger(&welfare);
    assert!(!ledger.balanced);
    assert_eq!(ledger.balance.u128(), suite.balance(&welfare));
    suite
        .execute(&donor, &welfare, &ExecuteMsg::Reconcile {})
        .unwrap();
    suite.assert_balanced(&welfare);

    // Used openly: a disbursement with its purpose and the digest of its evidence.
    let disburse = ExecuteMsg::Disburse {
        recipient: school.to_string(),
        amount: Uint128::new(250_000 * CTC),
        purpose: "instruments for the mountain school's music room".into(),
        evidence_digest: digest(0xe1),
    };
    assert_eq!(
        suite.refused(&donor, &welfare, &disburse),
        "Caller is not the contract's current owner"
    );
    suite.execute(&committee, &welfare, &disburse).unwrap();
    assert_eq!(suite.balance(&school), 250_000 * CTC);
    let too_much = ExecuteMsg::Disburse {
        recipient: school.to_string(),
        amount: Uint128::new(genesis),
        purpose: "everything".into(),
        evidence_digest: digest(0xe2),
    };
    assert_eq!(
        suite.refused(&committee, &welfare, &too_much),
        format!(
            "only {} is available",
            genesis + 1_000 * CTC - 250_000 * CTC
        )
    );

    let ledger = suite.assert_balanced(&welfare);
    assert_eq!(ledger.received.u128(), genesis + 1_000 * CTC);
    assert_eq!(ledger.paid_out.u128(), 250_000 * CTC);
    assert_eq!(ledger.balance.u128(), genesis + 1_000 * CTC - 250_000 * CTC);
    let page: EntriesResponse = suite.query(
        &welfare,
        &QueryMsg::Entries {
            start_after: None,
            limit: None,
        },
    );
    let summary: Vec<_> = page
        .entries
        .iter()
        .map(|e| {
            (
                e.id,
                e.kind,
                e.amount.u128(),
                e.party.clone(),
                e.note.clone(),
                e.evidence_digest.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                1,
                EntryKind::Receipt,
                genesis,
                None,
                Some("genesis".into()),
                None
            ),
            (
                2,
                EntryKind::Receipt,
                600 * CTC,
                Some(donor.clone()),
                Some("for the children's choir".into()),
                Some(digest(0xd0))
            ),
            (
                3,
                EntryKind::Receipt,
                400 * CTC,
                None,
                Some("reconcile".into()),
                None
            ),
            (
                4,
                EntryKind::Disbursement,
                250_000 * CTC,
                Some(school.clone()),
                Some("instruments for the mountain school's music room".into()),
                Some(digest(0xe1))
            ),
        ]
    );
    // The ledger's entries add up to the token's balance.
    let net: i128 = page
        .entries
        .iter()
        .map(|e| match e.kind {
            EntryKind::Receipt => e.amount.u128() as i128,
            _ => -(e.amount.u128() as i128),
        })
        .sum();
    assert_eq!(net, suite.balance(&welfare) as i128);
}

#[test]
fn a_round_copied_from_another_fund_pays_no_one_and_is_cancelled() {
    let mut suite = Suite::new();
    let (providers, welfare, committee) = (
        suite.providers.clone(),
        suite.welfare.clone(),
        suite.committee.clone(),
    );
    suite.set_token(&welfare);
    let [opera, troupe, _] = suite.partners.clone();
    let list = [(&opera, 1_000 * CTC), (&troupe, 500 * CTC)];
    // The providers' round 1, opened by mistake as the welfare fund's round 1.
    let theirs = tree(&providers, 1, &list);
    let open = |round_id: u64, tree: &Tree, suite: &Suite| ExecuteMsg::OpenRound {
        round_id,
        root: tree.root.clone(),
        total: tree.total,
        list_digest: digest(0x61),
        list_uri: "ipfs://bafy-copied".into(),
        claims_until: suite.now().plus_seconds(86_400),
        partners_only: false,
    };
    let msg = open(1, &theirs, &suite);
    suite.execute(&committee, &welfare, &msg).unwrap();
    let available = suite.ledger(&welfare).available;
    assert_eq!(
        suite.refused(
            &opera,
            &welfare,
            &Suite::claim(&opera, 1_000 * CTC, &theirs.proofs[0])
        ),
        "invalid proof: the proof does not rebuild the root and its total"
    );
    // A proposal built for round 1 does not open as round 2.
    let ours = tree(&welfare, 1, &list);
    let msg = open(1, &ours, &suite);
    assert_eq!(
        suite.refused(&committee, &welfare, &msg),
        "the next round is 2, not 1: a round opens under the id its tree was built for"
    );
    // Nothing claimed: the committee cancels it and its total is available again.
    let cancel = ExecuteMsg::CancelRound { round_id: 1 };
    assert_eq!(
        suite.refused(&opera, &welfare, &cancel),
        "Caller is not the contract's current owner"
    );
    let response = suite.execute(&committee, &welfare, &cancel).unwrap();
    assert_eq!(attribute(&response, "returned"), theirs.total.to_string());
    let round: RoundResponse = suite.query(&welfare, &QueryMsg::Round { round_id: 1 });
    assert!(round.closed && round.cancelled);
    let ledger = suite.assert_balanced(&welfare);
    assert_eq!(ledger.reserved, Uint128::zero());
    assert_eq!(ledger.available, available + theirs.total);
}

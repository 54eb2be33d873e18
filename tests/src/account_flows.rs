//! Fans' recoverable accounts (issue 24) on the whole platform: the account factory creating a
//! real `fan-account` with the committee as its wasm admin and indexing it by operator; an
//! account attested by the identity provider buying tickets and vouchers through cw1's `Execute`
//! under the limits of its wallet and its person; codes at the door and at the café's counter
//! signed by the operator or a delegate and checked by ticket-nft and vouchers asking the account
//! (`CanPresent`); a delegate's daily CTC amount and payees; recoveries that move the key and
//! nothing the account holds, a partner member losing its standing, a veto; and, over random
//! sequences, CTC conserved to the unit. Written as an attacker would: every refusal is checked
//! to move nothing.

use std::ops::Deref;

use account_factory::msg::{
    AccountResponse, AccountsResponse, ExecuteMsg as FactoryMsg, QueryMsg as FactoryQuery,
};
use cosmwasm_std::{to_json_binary, Addr, Api, CosmosMsg, Empty, Timestamp, Uint128, WasmMsg};
use ctc_interfaces::accounts::{
    CanPresentResponse, HolderQueryMsg, PresentRight, RecoveryConfig, RecoveryMember,
};
use ctc_interfaces::proof::testing::{account, key, sign};
use ctc_interfaces::proof::{adr036_sign_bytes, check_in_text, redeem_text, HolderProof};
use ctc_interfaces::registry::{IdentityLevel, IdentityLevelResponse};
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::vouchers::VoucherReceiveMsg;
use ctc_testkit::platform as platform_file;
use cw1::{CanExecuteResponse, Cw1ExecuteMsg, Cw1QueryMsg};
use cw_multi_test::{AppResponse, Executor};
use fan_account::msg::{
    ConfigResponse as AccountConfig, DelegateResponse, DelegatesResponse, ExecuteMsg as AccountMsg,
    Outcome, ProposalResponse, ProposalStatus, QueryMsg as AccountQuery, RecoveriesResponse,
    Rights, Spend,
};
use partner_registry::msg::{
    AttestationsResponse, ExecuteMsg as RegistryMsg, QueryMsg as RegistryQuery,
};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::json;
use ticket_nft::msg::{ExecuteMsg as TicketMsg, QueryMsg as TicketQuery, VerifyTicketResponse};
use vouchers::msg::{
    ClassInput, ExecuteMsg as VoucherMsg, OnExpiry, QueryMsg as VoucherQuery, TransferRule,
    VoucherKind, VoucherResponse, VoucherStatus,
};

use crate::contracts;
use crate::platform::{attribute, digest, root, Platform, CTC, NATIVE_DENOM};
use crate::ticket_flows::stalls_and_vip;
use crate::vouchers_flows::{assert_vouchers_conserved, create_class};

const HOUR: u64 = 3_600;
const DAY: u64 = 86_400;
/// The factory's bounds in deploy/platform.json (checked in `Suite::new`).
const MIN_DELAY: u64 = DAY;
const MAX_DELAY: u64 = 30 * DAY;
const MIN_PERIOD: u64 = 7 * DAY;
/// The recovery delay and period of the accounts below: the least the factory allows.
const DELAY: u64 = MIN_DELAY;
const PERIOD: u64 = MIN_PERIOD;
/// What the service-providers bucket gives each new account.
const FUNDED: u128 = 1_000 * CTC;
/// The Stalls of `stalls_and_vip`: 100 CTC, four per wallet.
const STALLS: u128 = 100 * CTC;

/// Key seeds. Fan 0's wallet (seed 1) operates the accounts of the suites; the others are keys
/// that appear later, all real secp256k1 accounts so they can sign codes.
const OPERATOR: u8 = 1;
const NEW_KEY: u8 = 11;
const DOORMAN: u8 = 21;
const REDEEMER: u8 = 22;
const SPENDER: u8 = 23;
const STRANGER: u8 = 31;
const FRIENDS: [u8; 2] = [41, 42];

/// The identity provider's pseudonym for fan 0, the person behind the wallet and the account.
fn subject() -> String {
    digest(0x5a)
}

/// The platform, the account factory made from deploy/platform.json with the committee as every
/// account's wasm admin, a door scanner and the café's counter.
struct Suite {
    p: Platform,
    factory: Addr,
    committee: Addr,
    account_code: u64,
    /// The theater's door staff, a scanner of every event `door_event` creates.
    scanner: Addr,
    /// The café's counter, its voucher scanner.
    counter: Addr,
}

impl Deref for Suite {
    type Target = Platform;

    fn deref(&self) -> &Platform {
        &self.p
    }
}

/// A recovery set of one member, `partner`'s weight 1.
fn partner_only(partner: &Addr) -> RecoveryConfig {
    RecoveryConfig {
        members: vec![RecoveryMember {
            address: partner.to_string(),
            weight: 1,
            partner: true,
        }],
        threshold: 1,
        delay_seconds: DELAY,
        period_seconds: PERIOD,
    }
}

fn create(operator: &Addr, recovery: RecoveryConfig) -> FactoryMsg {
    FactoryMsg::CreateAccount {
        operator: operator.to_string(),
        recovery,
        label: None,
    }
}

fn door() -> Rights {
    Rights {
        door: true,
        redeem: false,
        spend: None,
    }
}

fn redeem() -> Rights {
    Rights {
        door: false,
        redeem: true,
        spend: None,
    }
}

fn spend(daily: u128, to: Option<Vec<&Addr>>) -> Rights {
    Rights {
        door: false,
        redeem: false,
        spend: Some(Spend {
            daily: Uint128::new(daily),
            to: to.map(|to| to.iter().map(|a| a.to_string()).collect()),
        }),
    }
}

/// A latte card: a fungible goods voucher at 2 CTC a unit, five per holder, on sale ten days,
/// valid thirty, real name by any attester (the platform's minimum).
fn latte_card(now: Timestamp) -> ClassInput {
    ClassInput {
        name: "Latte card".into(),
        product: "Lattes, one a unit".into(),
        uri: None,
        kind: VoucherKind::Goods,
        fungible: true,
        cap: 100,
        price: Uint128::new(2 * CTC),
        per_holder_limit: Some(5),
        sale_starts_at: now,
        sale_ends_at: now.plus_seconds(10 * DAY),
        valid_from: now,
        valid_until: now.plus_seconds(30 * DAY),
        transfer: TransferRule::Gift { max_moves: 2 },
        min_identity: None,
        accepted_attesters: vec![],
        on_expiry: OnExpiry::RefundHolder,
    }
}

/// What an account holds across the platform, compared before and after a recovery.
#[derive(Debug, PartialEq)]
struct Holdings {
    tickets: Vec<String>,
    vouchers: Vec<VoucherResponse>,
    ctc: u128,
    identity: IdentityLevelResponse,
    attestations: AttestationsResponse,
}

impl Suite {
    fn new() -> Self {
        let p = Platform::new();
        let committee = p.addr("committee");
        for (field, value) in [
            ("min_delay_seconds", MIN_DELAY),
            ("max_delay_seconds", MAX_DELAY),
            ("min_period_seconds", MIN_PERIOD),
        ] {
            assert_eq!(
                platform_file::parameters("account-factory")[field],
                json!(value),
                "the suite assumes deploy/platform.json's {field}"
            );
        }
        let (account_code, factory) = {
            let mut app = p.app_mut();
            let account_code = app.store_code(contracts::fan_account());
            let factory_code = app.store_code(contracts::account_factory());
            let msg = platform_file::instantiate_msg(
                "account-factory",
                NATIVE_DENOM,
                json!({
                    "account_code_id": account_code,
                    "ctc_token": p.token,
                    "registry": p.registry,
                    "account_admin": committee,
                }),
            );
            let msg: account_factory::msg::InstantiateMsg = serde_json::from_value(msg)
                .expect("deploy/platform.json's account-factory is its message");
            let factory = app
                .instantiate_contract(
                    factory_code,
                    p.owner.clone(),
                    &msg,
                    &[],
                    "account-factory",
                    Some(committee.to_string()),
                )
                .unwrap();
            (account_code, factory)
        };
        let counter = p.addr("cafe_counter");
        let set_counter = VoucherMsg::SetScanner {
            address: counter.to_string(),
            allowed: true,
        };
        p.execute(&p.cafe, &p.vouchers, &set_counter).unwrap();
        let scanner = p.addr("door_staff");
        Self {
            p,
            factory,
            committee,
            account_code,
            scanner,
            counter,
        }
    }

    /// The address of the wallet whose key is `seed`.
    fn wallet(&self, seed: u8) -> Addr {
        account(self.app().api(), &key(seed)).1
    }

    /// `creator` asks the factory for an account operated by `operator`: its address.
    fn create_account(
        &self,
        creator: &Addr,
        operator: &Addr,
        recovery: RecoveryConfig,
    ) -> anyhow::Result<Addr> {
        let response = self.execute(creator, &self.factory, &create(operator, recovery))?;
        Ok(self
            .app()
            .api()
            .addr_validate(&attribute(&response, "account"))?)
    }

    /// Onboarding in 络谱's order: the identity provider creates fan 0's account (itself the only
    /// member of the recovery set) and attests it real name as fan 0's person; the account is
    /// funded with `FUNDED`.
    fn onboard(&self) -> Addr {
        let account = self
            .create_account(
                &self.identity_provider,
                &self.fans[0],
                partner_only(&self.identity_provider),
            )
            .unwrap();
        self.attest_person(&account, IdentityLevel::RealName, &subject());
        self.fund(&account, FUNDED);
        account
    }

    /// `msg` to CTC, as a message the account sends.
    fn ctc(&self, msg: &cw20::Cw20ExecuteMsg) -> CosmosMsg {
        WasmMsg::Execute {
            contract_addr: self.token.to_string(),
            msg: to_json_binary(msg).unwrap(),
            funds: vec![],
        }
        .into()
    }

    fn transfer(&self, to: &Addr, amount: u128) -> CosmosMsg {
        self.ctc(&cw20::Cw20ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount: Uint128::new(amount),
        })
    }

    fn send(&self, contract: &Addr, amount: u128, hook: &impl Serialize) -> CosmosMsg {
        self.ctc(&cw20::Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        })
    }

    /// A purchase of `quantity` tickets of `event_id`'s `tier` for `amount`, for the buyer.
    fn buy_msg(&self, event_id: u64, tier: u8, quantity: u32, amount: u128) -> CosmosMsg {
        let hook = TicketReceiveMsg::Buy {
            event_id,
            tier,
            quantity,
            recipient: None,
            voucher: None,
        };
        self.send(&self.tickets, amount, &hook)
    }

    /// `sender` sends `msgs` through `account`'s cw1 `Execute`, in cw1's own message type.
    fn via(
        &self,
        sender: &Addr,
        account: &Addr,
        msgs: Vec<CosmosMsg>,
    ) -> anyhow::Result<AppResponse> {
        self.execute(sender, account, &Cw1ExecuteMsg::<Empty>::Execute { msgs })
    }

    /// cw1's `CanExecute` of `msg` by `sender` on `account`.
    fn can_execute(&self, account: &Addr, sender: &Addr, msg: CosmosMsg) -> bool {
        let query = Cw1QueryMsg::<Empty>::CanExecute {
            sender: sender.to_string(),
            msg,
        };
        let answer: CanExecuteResponse = self.query(account, &query);
        answer.can_execute
    }

    /// The question ticket-nft and vouchers ask `account`.
    fn can_present(&self, account: &Addr, key: &Addr, right: PresentRight) -> bool {
        let query = HolderQueryMsg::CanPresent {
            key: key.to_string(),
            right,
        };
        let answer: CanPresentResponse = self.query(account, &query);
        answer.allowed
    }

    fn grant(
        &self,
        operator: &Addr,
        account: &Addr,
        delegate: &Addr,
        rights: Rights,
        expires_at: Timestamp,
    ) {
        let msg = AccountMsg::Grant {
            delegate: delegate.to_string(),
            rights,
            expires_at,
        };
        self.execute(operator, account, &msg).unwrap();
    }

    fn account_config(&self, account: &Addr) -> AccountConfig {
        self.query(account, &AccountQuery::Config {})
    }

    fn delegates(&self, account: &Addr) -> Vec<DelegateResponse> {
        let answer: DelegatesResponse = self.query(account, &AccountQuery::Delegates {});
        answer.delegates
    }

    fn delegate(&self, account: &Addr, delegate: &Addr) -> DelegateResponse {
        let query = AccountQuery::Delegate {
            address: delegate.to_string(),
        };
        self.query(account, &query)
    }

    fn proposal(&self, account: &Addr) -> ProposalResponse {
        self.query(account, &AccountQuery::Proposal {})
    }

    fn recoveries(&self, account: &Addr) -> RecoveriesResponse {
        let query = AccountQuery::Recoveries {
            start_after: None,
            limit: None,
        };
        self.query(account, &query)
    }

    /// `member` proposes `new_operator` for `account`, with the digest of its evidence: the
    /// proposal's id.
    fn propose(&self, member: &Addr, account: &Addr, new_operator: &Addr) -> anyhow::Result<u32> {
        let msg = AccountMsg::ProposeRecovery {
            new_operator: new_operator.to_string(),
            evidence: digest(0xe1),
        };
        let response = self.execute(member, account, &msg)?;
        Ok(attribute(&response, "id").parse().unwrap())
    }

    fn record(&self, account: &Addr) -> Option<AccountResponse> {
        let query = FactoryQuery::Account {
            address: account.to_string(),
        };
        self.query(&self.factory, &query)
    }

    fn accounts_of(&self, operator: &Addr) -> Vec<Addr> {
        let query = FactoryQuery::AccountsOf {
            operator: operator.to_string(),
            start_after: None,
            limit: None,
        };
        let answer: AccountsResponse = self.query(&self.factory, &query);
        answer.accounts.into_iter().map(|a| a.address).collect()
    }

    fn all_accounts(&self) -> Vec<Addr> {
        let query = FactoryQuery::Accounts {
            start_after: None,
            limit: None,
        };
        let answer: AccountsResponse = self.query(&self.factory, &query);
        answer.accounts.into_iter().map(|a| a.address).collect()
    }

    /// An event starting at `starts_at` (check-in opens two hours before), sale open now, with
    /// the door staff as its scanner.
    fn door_event(&self, starts_at: Timestamp) -> u64 {
        let event_id = self.create_event(stalls_and_vip(starts_at, self.now()));
        let set = TicketMsg::SetScanner {
            event_id,
            address: self.scanner.to_string(),
            allowed: true,
        };
        self.execute(&self.theater, &self.tickets, &set).unwrap();
        event_id
    }

    /// The check-in code key `seed` signs for `token_id`, valid a minute.
    fn door_code(&self, seed: u8, token_id: &str) -> TicketMsg {
        let app = self.app();
        let block = app.block_info();
        let expires_at = block.time.plus_seconds(60);
        let text = check_in_text(&block.chain_id, &self.tickets, token_id, expires_at);
        TicketMsg::CheckIn {
            token_id: token_id.to_owned(),
            proof: sign(app.api(), &key(seed), &text, expires_at),
        }
    }

    /// The check-in code key `seed` signs for `token_id`, its wallet naming `signer` as the
    /// ADR-036 signer instead of its own address.
    fn door_code_signed_as(&self, seed: u8, signer: &Addr, token_id: &str) -> TicketMsg {
        let app = self.app();
        let block = app.block_info();
        let expires_at = block.time.plus_seconds(60);
        let text = check_in_text(&block.chain_id, &self.tickets, token_id, expires_at);
        TicketMsg::CheckIn {
            token_id: token_id.to_owned(),
            proof: signed_as(&app, seed, signer, &text, expires_at),
        }
    }

    /// The door staff scans `code`.
    fn scan(&self, code: &TicketMsg) -> anyhow::Result<AppResponse> {
        self.execute(&self.scanner, &self.tickets, code)
    }

    /// Whether `token_id` still admits (neither used nor refunded, its event ahead).
    fn admits(&self, token_id: &str) -> bool {
        let query = TicketQuery::VerifyTicket {
            token_id: token_id.into(),
            holder: None,
        };
        let answer: VerifyTicketResponse = self.query(&self.tickets, &query);
        answer.valid
    }

    fn tickets_of(&self, owner: &Addr) -> Vec<String> {
        let query = TicketQuery::Tokens {
            owner: owner.to_string(),
            start_after: None,
            limit: Some(50),
        };
        let answer: cw721::msg::TokensResponse = self.query(&self.tickets, &query);
        answer.tokens
    }

    fn voucher(&self, token_id: &str) -> VoucherResponse {
        let query = VoucherQuery::Voucher {
            token_id: token_id.into(),
        };
        self.query(&self.vouchers, &query)
    }

    fn vouchers_of(&self, owner: &Addr) -> Vec<VoucherResponse> {
        let query = VoucherQuery::Tokens {
            owner: owner.to_string(),
            start_after: None,
            limit: Some(50),
        };
        let answer: cw721::msg::TokensResponse = self.query(&self.vouchers, &query);
        answer.tokens.iter().map(|id| self.voucher(id)).collect()
    }

    /// The code key `seed` signs at the counter to redeem `units` of `token_id` holding `held`.
    fn redeem_code(&self, seed: u8, token_id: &str, units: u64, held: u64) -> HolderProof {
        let app = self.app();
        let block = app.block_info();
        let expires_at = block.time.plus_seconds(120);
        let text = redeem_text(
            &block.chain_id,
            &self.vouchers,
            token_id,
            units,
            held,
            expires_at,
        );
        sign(app.api(), &key(seed), &text, expires_at)
    }

    /// The café's counter redeems `units` of `token_id` with `proof`.
    fn redeem_at_counter(
        &self,
        token_id: &str,
        units: u64,
        proof: HolderProof,
    ) -> anyhow::Result<AppResponse> {
        let msg = VoucherMsg::Redeem {
            token_id: token_id.into(),
            units,
            proof,
        };
        self.execute(&self.counter, &self.vouchers, &msg)
    }

    fn holdings(&self, account: &Addr) -> Holdings {
        Holdings {
            tickets: self.tickets_of(account),
            vouchers: self.vouchers_of(account),
            ctc: self.balance(account),
            identity: self.query(
                &self.registry,
                &RegistryQuery::IdentityLevel {
                    address: account.to_string(),
                    accepted_attesters: None,
                },
            ),
            attestations: self.query(
                &self.registry,
                &RegistryQuery::Attestations {
                    address: account.to_string(),
                },
            ),
        }
    }

    /// The registry's authority suspends `partner`, or reinstates it.
    fn set_standing(&self, partner: &Addr, suspended: bool) {
        let msg = if suspended {
            RegistryMsg::Suspend {
                address: partner.to_string(),
                reason: "attestation audit".into(),
                digest: digest(0x5e),
            }
        } else {
            RegistryMsg::Reinstate {
                address: partner.to_string(),
                reason: "audit passed".into(),
                digest: digest(0x5f),
            }
        };
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }
}

/// A proof by key `seed` over `text`, its wallet naming `signer` in the ADR-036 sign doc.
fn signed_as(
    app: &cw_multi_test::App,
    seed: u8,
    signer: &Addr,
    text: &str,
    expires_at: Timestamp,
) -> HolderProof {
    let signing_key = key(seed);
    let (pubkey, _) = account(app.api(), &signing_key);
    let (signature, _) = signing_key
        .sign_recoverable(&adr036_sign_bytes(signer, text.as_bytes()))
        .unwrap();
    HolderProof {
        pubkey,
        signature: signature.to_bytes().to_vec().into(),
        expires_at,
    }
}

fn not_the_holder(holder: &Addr) -> String {
    format!("the proof was signed by a key that does not belong to {holder}")
}

const BAD_SIGNATURE: &str = "the holder's signature does not match the action";

#[test]
fn the_factory_creates_a_real_account_whose_index_follows_its_recovery() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let stranger = s.wallet(STRANGER);
    let new_key = s.wallet(NEW_KEY);
    assert!(s.all_accounts().is_empty());

    let response = s
        .execute(
            &s.identity_provider,
            &s.factory,
            &create(&fan, partner_only(&s.identity_provider)),
        )
        .unwrap();
    let account = s
        .app()
        .api()
        .addr_validate(&attribute(&response, "account"))
        .unwrap();
    // A real fan-account on the chain: this code, instantiated by the factory, the committee its
    // wasm admin — neither the factory nor the fan.
    let info = s.app().wrap().query_wasm_contract_info(&account).unwrap();
    assert_eq!(info.code_id, s.account_code);
    assert_eq!(info.creator, s.factory);
    assert_eq!(info.admin, Some(s.committee.clone()));
    let config = s.account_config(&account);
    assert_eq!(
        (config.operator, config.ctc_token, config.registry),
        (fan.clone(), s.token.clone(), s.registry.clone())
    );
    assert_eq!(config.factory, Some(s.factory.clone()));
    let record = s.record(&account).unwrap();
    assert_eq!(
        (record.operator, record.created_by, record.code_id),
        (fan.clone(), s.identity_provider.clone(), s.account_code)
    );
    assert_eq!(s.accounts_of(&fan), vec![account.clone()]);
    assert_eq!(s.all_accounts(), vec![account.clone()]);
    assert_eq!(s.record(&fan), None, "a wallet is no account");

    // Only the committee migrates the account: not its operator, not the factory.
    {
        let mut app = s.app_mut();
        let code = app.store_code(contracts::fan_account());
        for outsider in [&fan, &s.factory] {
            let msg = fan_account::msg::MigrateMsg {};
            let err = app
                .migrate_contract(outsider.clone(), account.clone(), &msg, code)
                .unwrap_err();
            assert!(root(err).contains("admin"));
        }
    }
    contracts::migrate_by_admin_only(
        &mut s.app_mut(),
        contracts::fan_account(),
        &account,
        &s.committee,
        &stranger,
        &fan_account::msg::MigrateMsg {},
    );

    // A fan-account instantiated by hand cannot name this factory: it is not its instantiator.
    let by_hand = |factory: Option<&Addr>| fan_account::msg::InstantiateMsg {
        operator: fan.to_string(),
        ctc_token: s.token.to_string(),
        registry: s.registry.to_string(),
        factory: factory.map(Addr::to_string),
        recovery: partner_only(&s.identity_provider),
        bounds: None,
    };
    let refused = s
        .instantiate(
            contracts::fan_account(),
            &fan,
            &by_hand(Some(&s.factory)),
            "hand-made account",
        )
        .unwrap_err();
    assert_eq!(
        root(refused),
        "an account names as its factory only the contract that instantiates it"
    );
    // `operator_changed` from anyone but an account it created: a wallet, a member, a platform
    // contract, and a fan-account instantiated by hand (the same code, naming no factory).
    let hand_made = s
        .instantiate(
            contracts::fan_account(),
            &fan,
            &by_hand(None),
            "hand-made account",
        )
        .unwrap();
    assert_eq!(s.account_config(&hand_made).factory, None);
    let forged = FactoryMsg::OperatorChanged {
        old: fan.to_string(),
        new: stranger.to_string(),
    };
    for sender in [
        &fan,
        &stranger,
        &s.identity_provider,
        &s.tickets,
        &hand_made,
    ] {
        assert_eq!(
            s.refused(sender, &s.factory, &forged),
            format!("{sender} is not an account this factory created")
        );
    }
    assert_eq!(s.accounts_of(&fan), vec![account.clone()]);
    assert!(s.accounts_of(&stranger).is_empty());

    // A completed recovery: the account tells the factory, the index moves to the new key.
    let id = s.propose(&s.identity_provider, &account, &new_key).unwrap();
    s.advance(DELAY);
    let completed = s
        .execute(&stranger, &account, &AccountMsg::CompleteRecovery { id })
        .unwrap();
    assert!(s.actions(&completed).contains(&"operator_changed"));
    assert!(s.accounts_of(&fan).is_empty());
    assert_eq!(s.accounts_of(&new_key), vec![account.clone()]);
    let record = s.record(&account).unwrap();
    assert_eq!(
        (record.operator, record.created_by),
        (new_key.clone(), s.identity_provider.clone())
    );
    // The old key's claim to the account no longer matches the record, even from the account.
    assert_eq!(
        s.refused(&account, &s.factory, &forged),
        format!("the account's recorded operator is {new_key}, not {fan}")
    );
}

/// A change to a recovery set and the factory's refusal of it.
type Case = (fn(&mut RecoveryConfig), String);

#[test]
fn the_factory_keeps_the_platforms_recovery_bounds_and_a_refused_account_leaves_no_record() {
    let s = Suite::new();
    let fan = s.fans[1].clone();
    let with = |adjust: fn(&mut RecoveryConfig)| {
        let mut recovery = partner_only(&s.identity_provider);
        adjust(&mut recovery);
        create(&fan, recovery)
    };
    let cases: [Case; 5] = [
        (
            |r| r.delay_seconds = MIN_DELAY - 1,
            format!(
                "the recovery delay of {} seconds is below the minimum of {MIN_DELAY}",
                MIN_DELAY - 1
            ),
        ),
        (
            |r| {
                r.delay_seconds = MAX_DELAY + 1;
                r.period_seconds = 60 * DAY;
            },
            format!(
                "the recovery delay of {} seconds is above the maximum of {MAX_DELAY}",
                MAX_DELAY + 1
            ),
        ),
        (
            |r| r.period_seconds = MIN_PERIOD - 1,
            format!(
                "the recovery period of {} seconds is below the minimum of {MIN_PERIOD}",
                MIN_PERIOD - 1
            ),
        ),
        (
            |r| {
                r.delay_seconds = 10 * DAY;
                r.period_seconds = 8 * DAY;
            },
            format!(
                "the recovery period ({} seconds) must be at least the delay ({} seconds)",
                8 * DAY,
                10 * DAY
            ),
        ),
        (
            |r| r.threshold = 2,
            "the threshold 2 must be between 1 and the members' total weight 1".to_owned(),
        ),
    ];
    for (adjust, refusal) in cases {
        assert_eq!(s.refused(&fan, &s.factory, &with(adjust)), refusal);
    }
    // The account's own checks revert the whole creation: the operator as a member, a "partner"
    // the registry does not let attest identity.
    let mut operator_member = partner_only(&s.identity_provider);
    operator_member.members.push(RecoveryMember {
        address: fan.to_string(),
        weight: 1,
        partner: false,
    });
    assert_eq!(
        s.refused(&fan, &s.factory, &create(&fan, operator_member)),
        format!("the operator {fan} cannot be a member of the recovery set")
    );
    assert_eq!(
        s.refused(&fan, &s.factory, &create(&fan, partner_only(&s.troupe))),
        format!(
            "{} is marked a partner but the registry does not let it attest identity now: not_granted",
            s.troupe
        )
    );
    assert!(s.all_accounts().is_empty());
    assert!(s.accounts_of(&fan).is_empty());

    // At the bounds exactly, the fan creates its own account.
    let mut edge = partner_only(&s.identity_provider);
    edge.delay_seconds = MIN_DELAY;
    edge.period_seconds = MIN_PERIOD;
    let account = s.create_account(&fan, &fan, edge).unwrap();
    assert_eq!(s.record(&account).unwrap().created_by, fan);
    assert_eq!(s.all_accounts(), [account]);
}

#[test]
fn an_account_holds_tickets_under_the_limits_of_its_wallet_and_its_person() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    // The identity follows the account's address: the registry's answer and ticket-nft's mirror.
    let level: IdentityLevelResponse = s.query(
        &s.registry,
        &RegistryQuery::IdentityLevel {
            address: account.to_string(),
            accepted_attesters: None,
        },
    );
    assert_eq!(level.level, Some(IdentityLevel::RealName));
    assert_eq!(level.attester, Some(s.identity_provider.clone()));

    // The operator buys through cw1 `Execute`: the account pays and holds, the key holds nothing.
    let open = s.create_event(stalls_and_vip(s.now().plus_seconds(10 * DAY), s.now()));
    let fan_start = s.balance(&fan);
    s.via(&fan, &account, vec![s.buy_msg(open, 0, 2, 2 * STALLS)])
        .unwrap();
    assert_eq!(s.owner_of(&format!("{open}-0")), account.to_string());
    assert_eq!(s.owner_of(&format!("{open}-1")), account.to_string());
    assert_eq!(s.balance(&account), FUNDED - 2 * STALLS);
    assert_eq!(s.balance(&fan), fan_start);
    assert!(s.tickets_of(&fan).is_empty());

    // The account is one wallet: 2 + 3 is over the tier's limit of 4, and nothing moves.
    let refused = s
        .via(&fan, &account, vec![s.buy_msg(open, 0, 3, 3 * STALLS)])
        .unwrap_err();
    assert_eq!(
        root(refused),
        "over the wallet limit of 4: 2 already bought"
    );
    assert_eq!(s.balance(&account), FUNDED - 2 * STALLS);
    assert_eq!(s.tickets_of(&account).len(), 2);
    s.via(&fan, &account, vec![s.buy_msg(open, 0, 2, 2 * STALLS)])
        .unwrap();

    // At a real-name event the account counts as its person: fan 0's own wallet, attested with
    // the same subject, bought 3 of 4.
    s.attest_person(&fan, IdentityLevel::RealName, &subject());
    let mut input = stalls_and_vip(s.now().plus_seconds(10 * DAY), s.now());
    input.min_identity = Some(IdentityLevel::RealName);
    let named = s.create_event(input);
    s.buy(0, named, 0, 3, 3 * STALLS).unwrap();
    let before = s.balance(&account);
    let refused = s
        .via(&fan, &account, vec![s.buy_msg(named, 0, 2, 2 * STALLS)])
        .unwrap_err();
    assert_eq!(
        root(refused),
        "over the per-person limit of 4: 3 already bought or received"
    );
    assert_eq!(s.balance(&account), before);
    s.via(&fan, &account, vec![s.buy_msg(named, 0, 1, STALLS)])
        .unwrap();
    assert_eq!(s.owner_of(&format!("{named}-3")), account.to_string());

    // An account nobody attested holds nothing at an identity-gated event, even when its
    // operator's wallet is attested: the level is the address's, not the key's.
    let other_fan = s.fans[1].clone();
    s.attest(&other_fan, IdentityLevel::Certificate);
    let bare = s
        .create_account(&other_fan, &other_fan, partner_only(&s.identity_provider))
        .unwrap();
    s.fund(&bare, 500 * CTC);
    let refused = s
        .via(&other_fan, &bare, vec![s.buy_msg(named, 0, 1, STALLS)])
        .unwrap_err();
    assert_eq!(root(refused), "identity level real_name required");
    assert_eq!(s.balance(&bare), 500 * CTC);
    assert!(s.tickets_of(&bare).is_empty());
    s.assert_escrow_conserved();
}

#[test]
fn at_the_door_only_keys_the_account_names_admit_its_tickets() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    let starts_at = s.now().plus_seconds(3 * HOUR);
    let event_id = s.door_event(starts_at);
    let ticket = |n: u32| format!("{event_id}-{n}");
    s.via(&fan, &account, vec![s.buy_msg(event_id, 0, 4, 4 * STALLS)])
        .unwrap();

    let [doorman, redeemer, stranger] = [DOORMAN, REDEEMER, STRANGER].map(|seed| s.wallet(seed));
    let (revoked, expiring) = (s.wallet(FRIENDS[0]), s.wallet(FRIENDS[1]));
    let month = s.now().plus_seconds(30 * DAY);
    s.grant(&fan, &account, &doorman, door(), month);
    s.grant(&fan, &account, &redeemer, redeem(), month);
    s.grant(&fan, &account, &revoked, door(), month);
    // Expires before the door opens.
    s.grant(
        &fan,
        &account,
        &expiring,
        door(),
        s.now().plus_seconds(90 * 60),
    );
    let revoke = AccountMsg::Revoke {
        delegate: revoked.to_string(),
    };
    s.execute(&fan, &account, &revoke).unwrap();

    // Tickets other contracts hold, and a plain wallet's.
    let other_fan = s.fans[1].clone();
    let to_tipping = TicketReceiveMsg::Buy {
        event_id,
        tier: 0,
        quantity: 1,
        recipient: Some(s.tipping.to_string()),
        voucher: None,
    };
    s.send_ctc(&other_fan, &s.tickets, STALLS, &to_tipping)
        .unwrap();
    assert_eq!(s.owner_of(&ticket(4)), s.tipping.to_string());
    let sink = s
        .instantiate(crate::receiver::contract(), &other_fan, &Empty {}, "sink")
        .unwrap();
    s.buy(1, event_id, 0, 1, STALLS).unwrap();
    let send_nft = TicketMsg::SendNft {
        contract: sink.to_string(),
        token_id: ticket(5),
        msg: to_json_binary(&"a gift").unwrap(),
    };
    s.execute(&other_fan, &s.tickets, &send_nft).unwrap();
    assert_eq!(s.owner_of(&ticket(5)), sink.to_string());
    s.buy(2, event_id, 0, 1, STALLS).unwrap();
    assert_eq!(s.owner_of(&ticket(6)), s.fans[2].to_string());

    s.advance_to(starts_at.minus_seconds(HOUR));
    let escrow = s.balance(&s.tickets);

    // Refused, each leaving the ticket valid: a stranger; a redeem-only delegate; a revoked and
    // an expired delegate; the door delegate signing in the account's name.
    for seed in [STRANGER, REDEEMER, FRIENDS[0], FRIENDS[1]] {
        let refused = s.scan(&s.door_code(seed, &ticket(0))).unwrap_err();
        assert_eq!(root(refused), not_the_holder(&account), "key {seed}");
    }
    assert!(!s.can_present(&account, &stranger, PresentRight::Door));
    assert!(!s.can_present(&account, &redeemer, PresentRight::Door));
    assert!(s.can_present(&account, &redeemer, PresentRight::Redeem));
    assert!(!s.can_present(&account, &expiring, PresentRight::Door));
    let as_account = s.door_code_signed_as(DOORMAN, &account, &ticket(0));
    assert_eq!(root(s.scan(&as_account).unwrap_err()), BAD_SIGNATURE);
    // The same helper signing in the delegate's own name is a valid code: the refusal above is
    // the signer's name, nothing else.
    let own_name = s.door_code_signed_as(DOORMAN, &doorman, &ticket(1));
    // A code for one ticket does not admit another.
    let for_other = match s.door_code(DOORMAN, &ticket(2)) {
        TicketMsg::CheckIn { proof, .. } => TicketMsg::CheckIn {
            token_id: ticket(0),
            proof,
        },
        _ => unreachable!(),
    };
    assert_eq!(root(s.scan(&for_other).unwrap_err()), BAD_SIGNATURE);
    assert!(s.admits(&ticket(0)));

    // The operator's code admits, and names it as presenter.
    let admitted = s.scan(&s.door_code(OPERATOR, &ticket(0))).unwrap();
    assert_eq!(attribute(&admitted, "presenter"), fan.to_string());
    assert_eq!(attribute(&admitted, "holder"), account.to_string());
    assert!(!s.admits(&ticket(0)));
    // The door delegate's code admits, once.
    let admitted = s.scan(&own_name).unwrap();
    assert_eq!(attribute(&admitted, "presenter"), doorman.to_string());
    assert_eq!(attribute(&admitted, "holder"), account.to_string());
    assert_eq!(
        root(s.scan(&s.door_code(DOORMAN, &ticket(1))).unwrap_err()),
        "the ticket was already checked in"
    );

    // A contract that is not an account has no one to present for it: tipping (it answers no
    // `can_present`) and a cw721 sink. Neither its own sender's key nor anyone's admits.
    for (token, holder) in [(ticket(4), &s.tipping), (ticket(5), &sink)] {
        for seed in [2, OPERATOR, DOORMAN] {
            let refused = s.scan(&s.door_code(seed, &token)).unwrap_err();
            assert_eq!(root(refused), not_the_holder(holder));
        }
        assert!(s.admits(&token));
    }

    // A plain wallet's own code: admitted as before, with no presenter; another key's refused.
    assert_eq!(
        root(s.scan(&s.door_code(OPERATOR, &ticket(6))).unwrap_err()),
        not_the_holder(&s.fans[2])
    );
    let admitted = s.scan(&s.door_code(3, &ticket(6))).unwrap();
    let attributes: Vec<(&str, &str)> = admitted
        .events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| &e.attributes)
        .map(|a| (a.key.as_str(), a.value.as_str()))
        .collect();
    let token_6 = ticket(6);
    let event_text = event_id.to_string();
    let holder = s.fans[2].to_string();
    let scanner = s.scanner.to_string();
    assert_eq!(
        attributes,
        [
            ("_contract_address", s.tickets.as_str()),
            ("action", "check_in"),
            ("event_id", event_text.as_str()),
            ("token_id", token_6.as_str()),
            ("holder", holder.as_str()),
            ("scanner", scanner.as_str()),
        ]
    );
    // No CTC moved at the door.
    assert_eq!(s.balance(&s.tickets), escrow);
    assert!(s.admits(&ticket(2)) && s.admits(&ticket(3)));
}

#[test]
fn a_redeem_delegate_redeems_the_accounts_voucher_once_per_code() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    let class_id = create_class(&s, &s.cafe, latte_card(s.now())).unwrap();
    let buy = VoucherReceiveMsg::Buy {
        class_id,
        quantity: 3,
        recipient: None,
    };
    let bought = s
        .via(&fan, &account, vec![s.send(&s.vouchers, 6 * CTC, &buy)])
        .unwrap();
    let token_id = attribute(&bought, "token_ids");
    let card = s.voucher(&token_id);
    assert_eq!((card.owner.clone(), card.units), (account.clone(), 3));
    assert_eq!(s.balance(&account), FUNDED - 6 * CTC);

    let [redeemer, doorman] = [REDEEMER, DOORMAN].map(|seed| s.wallet(seed));
    let month = s.now().plus_seconds(30 * DAY);
    s.grant(&fan, &account, &redeemer, redeem(), month);
    s.grant(&fan, &account, &doorman, door(), month);

    // Refused, the card untouched: a door-only delegate, a stranger, the redeemer signing in the
    // account's name.
    for seed in [DOORMAN, STRANGER] {
        let refused = s
            .redeem_at_counter(&token_id, 1, s.redeem_code(seed, &token_id, 1, 3))
            .unwrap_err();
        assert_eq!(root(refused), not_the_holder(&account));
    }
    let as_account = {
        let app = s.app();
        let block = app.block_info();
        let expires_at = block.time.plus_seconds(120);
        let text = redeem_text(&block.chain_id, &s.vouchers, &token_id, 1, 3, expires_at);
        signed_as(&app, REDEEMER, &account, &text, expires_at)
    };
    assert_eq!(
        root(s.redeem_at_counter(&token_id, 1, as_account).unwrap_err()),
        BAD_SIGNATURE
    );
    assert_eq!(s.voucher(&token_id).units, 3);

    // The redeemer's code passes once.
    let code = s.redeem_code(REDEEMER, &token_id, 1, 3);
    let redeemed = s.redeem_at_counter(&token_id, 1, code.clone()).unwrap();
    assert_eq!(attribute(&redeemed, "presenter"), redeemer.to_string());
    assert_eq!(attribute(&redeemed, "holder"), account.to_string());
    assert_eq!(s.voucher(&token_id).units, 2);
    // The same code again: it named the units held before, which changed.
    assert_eq!(
        root(s.redeem_at_counter(&token_id, 1, code).unwrap_err()),
        BAD_SIGNATURE
    );
    assert_eq!(s.voucher(&token_id).units, 2);

    // Revoked, its fresh code is refused; the operator's own code redeems the rest.
    let revoke = AccountMsg::Revoke {
        delegate: redeemer.to_string(),
    };
    s.execute(&fan, &account, &revoke).unwrap();
    let refused = s
        .redeem_at_counter(&token_id, 1, s.redeem_code(REDEEMER, &token_id, 1, 2))
        .unwrap_err();
    assert_eq!(root(refused), not_the_holder(&account));
    s.redeem_at_counter(&token_id, 2, s.redeem_code(OPERATOR, &token_id, 2, 2))
        .unwrap();
    let card = s.voucher(&token_id);
    assert_eq!((card.status, card.units), (VoucherStatus::Redeemed, 0));
    assert_vouchers_conserved(&s);
}

#[test]
fn a_spending_delegate_buys_within_its_daily_amount_and_pays_only_ticket_nft() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    let spender = s.wallet(SPENDER);
    let event_id = s.create_event(stalls_and_vip(s.now().plus_seconds(30 * DAY), s.now()));
    s.grant(
        &fan,
        &account,
        &spender,
        spend(3 * STALLS, Some(vec![&s.tickets])),
        s.now().plus_seconds(30 * DAY),
    );
    let supply = s.total_supply();
    let books = |s: &Suite| {
        (
            s.balance(&account),
            s.balance(&s.tickets),
            s.balance(&spender),
            s.tickets_of(&account),
            s.total_supply(),
        )
    };
    let over = |left: u128| format!("over the delegate's daily amount: {left} left in this window");

    // Two Stalls: the account pays and holds them.
    let bought = s
        .via(
            &spender,
            &account,
            vec![s.buy_msg(event_id, 0, 2, 2 * STALLS)],
        )
        .unwrap();
    assert_eq!(attribute(&bought, "spent"), (2 * STALLS).to_string());
    assert_eq!(s.tickets_of(&account).len(), 2);
    assert_eq!(s.balance(&account), FUNDED - 2 * STALLS);
    assert_eq!(s.balance(&spender), 0);
    let grant = s.delegate(&account, &spender);
    assert_eq!(
        (grant.spent.u128(), grant.left.u128()),
        (2 * STALLS, STALLS)
    );
    let window_ends_at = grant.window_ends_at.unwrap();

    // Two more in one `Execute`, each alone within what is left, together over it: refused whole.
    let before = books(&s);
    let pair = vec![
        s.buy_msg(event_id, 0, 1, STALLS),
        s.buy_msg(event_id, 0, 1, STALLS),
    ];
    assert!(!s.can_execute(&account, &spender, s.buy_msg(event_id, 0, 2, 2 * STALLS)));
    assert_eq!(
        root(s.via(&spender, &account, pair).unwrap_err()),
        over(STALLS)
    );
    assert_eq!(books(&s), before);
    // Paying itself, or any contract but ticket-nft: refused, nothing moved.
    let to_itself = s.transfer(&spender, CTC);
    assert!(!s.can_execute(&account, &spender, to_itself.clone()));
    assert!(s.can_execute(&account, &fan, to_itself.clone()));
    assert_eq!(
        root(s.via(&spender, &account, vec![to_itself]).unwrap_err()),
        format!("the grant does not let the delegate pay {spender}")
    );
    let voucher_buy = VoucherReceiveMsg::Buy {
        class_id: 1,
        quantity: 1,
        recipient: None,
    };
    let elsewhere = s.send(&s.vouchers, CTC, &voucher_buy);
    assert_eq!(
        root(s.via(&spender, &account, vec![elsewhere]).unwrap_err()),
        format!("the grant does not let the delegate pay {}", s.vouchers)
    );
    assert_eq!(books(&s), before);
    // Exactly what is left passes; then nothing more today.
    s.via(&spender, &account, vec![s.buy_msg(event_id, 0, 1, STALLS)])
        .unwrap();
    assert_eq!(s.delegate(&account, &spender).left.u128(), 0);
    let before = books(&s);
    assert_eq!(
        root(
            s.via(&spender, &account, vec![s.buy_msg(event_id, 0, 1, STALLS)])
                .unwrap_err()
        ),
        over(0)
    );
    assert_eq!(books(&s), before);

    // A second before the window ends, still nothing; at its end, a new window.
    s.advance_to(window_ends_at.minus_seconds(1));
    assert!(!s.can_execute(&account, &spender, s.buy_msg(event_id, 0, 1, STALLS)));
    s.advance_to(window_ends_at);
    s.via(&spender, &account, vec![s.buy_msg(event_id, 0, 1, STALLS)])
        .unwrap();
    let grant = s.delegate(&account, &spender);
    assert_eq!(
        (grant.spent.u128(), grant.left.u128()),
        (STALLS, 2 * STALLS)
    );
    // The wallet limit (4) is ticket-nft's: refused there, the window books nothing.
    let refused = s
        .via(&spender, &account, vec![s.buy_msg(event_id, 0, 1, STALLS)])
        .unwrap_err();
    assert_eq!(
        root(refused),
        "over the wallet limit of 4: 4 already bought"
    );
    assert_eq!(s.delegate(&account, &spender).spent.u128(), STALLS);

    // To the unit: the account paid four Stalls, ticket-nft escrows them, the delegate has
    // nothing, no CTC was made or burnt.
    assert_eq!(s.balance(&account), FUNDED - 4 * STALLS);
    assert_eq!(s.balance(&s.tickets), 4 * STALLS);
    assert_eq!(s.balance(&spender), 0);
    assert_eq!(s.total_supply(), supply);
    s.assert_escrow_conserved();
}

#[test]
fn a_recovery_moves_the_key_and_nothing_the_account_holds() {
    let s = Suite::new();
    let old = s.fans[0].clone();
    let new = s.wallet(NEW_KEY);
    let stranger = s.wallet(STRANGER);
    let doorman = s.wallet(DOORMAN);
    let account = s.onboard();
    let starts_at = s.now().plus_seconds(10 * DAY);
    let event_id = s.door_event(starts_at);
    let ticket = |n: u32| format!("{event_id}-{n}");
    let class_id = create_class(&s, &s.cafe, latte_card(s.now())).unwrap();
    let voucher_buy = VoucherReceiveMsg::Buy {
        class_id,
        quantity: 2,
        recipient: None,
    };
    s.via(
        &old,
        &account,
        vec![
            s.buy_msg(event_id, 0, 3, 3 * STALLS),
            s.send(&s.vouchers, 4 * CTC, &voucher_buy),
        ],
    )
    .unwrap();
    let rights = Rights {
        door: true,
        redeem: true,
        spend: Some(Spend {
            daily: Uint128::new(50 * CTC),
            to: None,
        }),
    };
    s.grant(
        &old,
        &account,
        &doorman,
        rights,
        s.now().plus_seconds(60 * DAY),
    );
    let before = s.holdings(&account);
    assert_eq!(before.tickets.len(), 3);
    assert_eq!(before.vouchers.len(), 1);
    assert_eq!(before.ctc, FUNDED - 3 * STALLS - 4 * CTC);
    assert_eq!(before.identity.level, Some(IdentityLevel::RealName));

    // Only a member proposes; the partner does, with its evidence.
    let propose = AccountMsg::ProposeRecovery {
        new_operator: new.to_string(),
        evidence: digest(0xe1),
    };
    assert_eq!(
        s.refused(&stranger, &account, &propose),
        format!("{stranger} is not a member of the recovery set")
    );
    let id = s.propose(&s.identity_provider, &account, &new).unwrap();
    let proposal = s.proposal(&account).proposal.unwrap();
    assert_eq!(proposal.status, ProposalStatus::Waiting);
    let executable_at = proposal.executable_at.unwrap();
    assert_eq!(executable_at, s.now().plus_seconds(DELAY));
    s.advance(DELAY - 1);
    assert_eq!(
        s.refused(&stranger, &account, &AccountMsg::CompleteRecovery { id }),
        format!("the proposal can be completed from {executable_at}")
    );
    // Until it completes the old key operates (and could veto).
    assert!(s.can_execute(&account, &old, s.transfer(&old, CTC)));
    s.advance(1);
    s.execute(&stranger, &account, &AccountMsg::CompleteRecovery { id })
        .unwrap();
    let completed_at = s.now();

    // Nothing the account holds moved: tickets, vouchers, CTC, the attestation.
    assert_eq!(s.holdings(&account), before);
    let config = s.account_config(&account);
    assert_eq!(config.operator, new);
    assert_eq!(config.last_recovery_at, Some(completed_at));
    let record = &s.recoveries(&account).recoveries[0];
    assert_eq!(
        (record.outcome, &record.old, &record.new),
        (Outcome::Completed, &old, &new)
    );
    assert_eq!(record.evidence.to_hex(), digest(0xe1));
    // The old key's grants are gone with it.
    assert!(s.delegates(&account).is_empty());
    assert!(!s.can_present(&account, &doorman, PresentRight::Door));

    // The old key no longer executes; the new one does.
    let pay_old = s.transfer(&old, CTC);
    assert!(!s.can_execute(&account, &old, pay_old.clone()));
    assert_eq!(
        root(s.via(&old, &account, vec![pay_old.clone()]).unwrap_err()),
        format!("{old} has no unexpired grant")
    );
    assert_eq!(
        root(
            s.via(&doorman, &account, vec![s.transfer(&doorman, CTC)])
                .unwrap_err()
        ),
        format!("{doorman} has no unexpired grant")
    );
    assert!(s.can_execute(&account, &new, pay_old));
    // The wallet limit still counts the account's three tickets.
    let refused = s
        .via(&new, &account, vec![s.buy_msg(event_id, 0, 2, 2 * STALLS)])
        .unwrap_err();
    assert_eq!(
        root(refused),
        "over the wallet limit of 4: 3 already bought"
    );
    assert_eq!(s.holdings(&account), before);

    // One recovery per period: the next proposal waits, whoever proposes it.
    let again = AccountMsg::ProposeRecovery {
        new_operator: stranger.to_string(),
        evidence: digest(0xe2),
    };
    let next_at = completed_at.plus_seconds(PERIOD);
    assert_eq!(
        s.refused(&s.identity_provider, &account, &again),
        format!("at most one recovery per period: the next from {next_at}")
    );
    assert_eq!(s.proposal(&account).next_recovery_at, Some(next_at));

    // At the door: the old key's code and the removed delegate's are refused, the new key's
    // admits.
    s.advance_to(starts_at.minus_seconds(HOUR));
    for seed in [OPERATOR, DOORMAN] {
        let refused = s.scan(&s.door_code(seed, &ticket(0))).unwrap_err();
        assert_eq!(root(refused), not_the_holder(&account));
    }
    let admitted = s.scan(&s.door_code(NEW_KEY, &ticket(0))).unwrap();
    assert_eq!(attribute(&admitted, "presenter"), new.to_string());
    assert!(!s.admits(&ticket(0)));
}

#[test]
fn a_suspended_partner_member_neither_approves_nor_keeps_its_quorum() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let new = s.wallet(NEW_KEY);
    let [friend_a, friend_b] = FRIENDS.map(|seed| s.wallet(seed));
    let partner = s.identity_provider.clone();
    // The partner alone (weight 2) or both friends (1 each) reach the threshold of 2.
    let member = |address: &Addr, weight, partner| RecoveryMember {
        address: address.to_string(),
        weight,
        partner,
    };
    let recovery = RecoveryConfig {
        members: vec![
            member(&partner, 2, true),
            member(&friend_a, 1, false),
            member(&friend_b, 1, false),
        ],
        threshold: 2,
        delay_seconds: DELAY,
        period_seconds: PERIOD,
    };
    let account = s.create_account(&partner, &fan, recovery).unwrap();

    // Suspended before approving: its approval and its own proposal are refused.
    let first = s.propose(&friend_a, &account, &new).unwrap();
    s.set_standing(&partner, true);
    let not_allowed = format!(
        "{partner} is marked a partner but the registry does not let it attest identity now: suspended"
    );
    assert_eq!(
        s.refused(
            &partner,
            &account,
            &AccountMsg::ApproveRecovery { id: first }
        ),
        not_allowed
    );
    let proposal = s.proposal(&account).proposal.unwrap();
    assert_eq!(
        (proposal.weight, proposal.status),
        (1, ProposalStatus::Approving)
    );
    s.advance(DELAY);
    assert_eq!(
        s.refused(
            &friend_a,
            &account,
            &AccountMsg::CompleteRecovery { id: first }
        ),
        "the proposal has weight 1 of the 2 it needs"
    );
    s.execute(
        &friend_a,
        &account,
        &AccountMsg::WithdrawRecovery { id: first },
    )
    .unwrap();
    let propose = AccountMsg::ProposeRecovery {
        new_operator: new.to_string(),
        evidence: digest(0xe1),
    };
    assert_eq!(s.refused(&partner, &account, &propose), not_allowed);

    // Reinstated, it proposes alone; suspended during the delay, its weight no longer counts.
    s.set_standing(&partner, false);
    let second = s.propose(&partner, &account, &new).unwrap();
    s.advance(DELAY / 2);
    s.set_standing(&partner, true);
    s.advance(DELAY);
    assert_eq!(
        s.refused(
            &friend_a,
            &account,
            &AccountMsg::CompleteRecovery { id: second }
        ),
        "partner approvers no longer in standing leave weight 0 of the 2 needed"
    );
    assert_eq!(s.account_config(&account).operator, fan);
    assert_eq!(s.accounts_of(&fan), vec![account.clone()]);

    // The friends restore the quorum on their own weight: the delay starts again from the last
    // approval, the fan has a whole one to veto.
    for friend in [&friend_a, &friend_b] {
        s.execute(
            friend,
            &account,
            &AccountMsg::ApproveRecovery { id: second },
        )
        .unwrap();
    }
    let executable_at = s.now().plus_seconds(DELAY);
    assert_eq!(
        s.proposal(&account).proposal.unwrap().executable_at,
        Some(executable_at)
    );
    let complete = AccountMsg::CompleteRecovery { id: second };
    assert_eq!(
        s.refused(&friend_b, &account, &complete),
        format!("the proposal can be completed from {executable_at}")
    );
    s.advance(DELAY - 1);
    assert_eq!(
        s.refused(&friend_b, &account, &complete),
        format!("the proposal can be completed from {executable_at}")
    );
    assert_eq!(s.account_config(&account).operator, fan);
    s.advance(1);
    s.execute(&friend_b, &account, &complete).unwrap();
    assert_eq!(s.account_config(&account).operator, new);
    assert_eq!(s.accounts_of(&new), vec![account.clone()]);
    let outcomes: Vec<Outcome> = s
        .recoveries(&account)
        .recoveries
        .iter()
        .map(|r| r.outcome)
        .collect();
    assert_eq!(outcomes, [Outcome::Withdrawn, Outcome::Completed]);
}

#[test]
fn a_vetoed_recovery_cannot_complete_and_new_proposals_wait_out_the_cooldown() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let new = s.wallet(NEW_KEY);
    let stranger = s.wallet(STRANGER);
    let account = s.onboard();
    let partner = s.identity_provider.clone();
    let id = s.propose(&partner, &account, &new).unwrap();

    // Only the operator vetoes.
    let veto = AccountMsg::VetoRecovery {
        id,
        reason: Some("I still have my phone".into()),
    };
    for outsider in [&partner, &stranger, &new] {
        assert_eq!(
            s.refused(outsider, &account, &veto),
            "only the account's operator may do this"
        );
    }
    s.advance(DELAY / 2);
    s.execute(&fan, &account, &veto).unwrap();
    let cooldown_until = s.now().plus_seconds(DELAY);

    // After the delay it cannot complete: it is closed, recorded as vetoed with its reason.
    s.advance(DELAY / 2);
    assert_eq!(
        s.refused(&stranger, &account, &AccountMsg::CompleteRecovery { id }),
        "no recovery proposal is open"
    );
    assert_eq!(s.account_config(&account).operator, fan);
    assert_eq!(s.accounts_of(&fan), vec![account.clone()]);
    let record = &s.recoveries(&account).recoveries[0];
    assert_eq!(record.outcome, Outcome::Vetoed);
    assert_eq!(record.reason.as_deref(), Some("I still have my phone"));

    // A new proposal waits out the cooldown; a veto does not use up the period.
    s.advance_to(cooldown_until.minus_seconds(1));
    let propose = AccountMsg::ProposeRecovery {
        new_operator: new.to_string(),
        evidence: digest(0xe3),
    };
    assert_eq!(
        s.refused(&partner, &account, &propose),
        format!("a vetoed recovery is followed by a cooldown: no proposal before {cooldown_until}")
    );
    s.advance(1);
    let next = s.propose(&partner, &account, &new).unwrap();
    assert_eq!(next, id + 1);
    assert_eq!(s.account_config(&account).last_recovery_at, None);
}

/// The operator's cw1 `Execute` could once send the account's factory `operator_changed` in the
/// account's name, making the factory's record say anything about who operates the account; once
/// it disagreed with the account, every later recovery failed on the factory's refusal, which
/// reverted it (SECURITY finding 42). The account now refuses every message to its factory.
#[test]
fn the_operator_cannot_forge_the_factorys_record_or_block_a_recovery() {
    let s = Suite::new();
    let thief_key = s.fans[0].clone();
    let victim = s.fans[2].clone();
    let new = s.wallet(NEW_KEY);
    let account = s.onboard();
    let forged = WasmMsg::Execute {
        contract_addr: s.factory.to_string(),
        msg: to_json_binary(&FactoryMsg::OperatorChanged {
            old: thief_key.to_string(),
            new: victim.to_string(),
        })
        .unwrap(),
        funds: vec![],
    };
    let attempt = s.via(&thief_key, &account, vec![forged.into()]);
    let recorded = s.record(&account).unwrap().operator;
    let listed_for_victim = s.accounts_of(&victim);

    // The partner's recovery must still complete and the index follow it.
    let id = s.propose(&s.identity_provider, &account, &new).unwrap();
    s.advance(DELAY);
    let completed = s
        .execute(
            &s.identity_provider,
            &account,
            &AccountMsg::CompleteRecovery { id },
        )
        .map_err(root);
    // Everything observed at once, so that a failure shows the whole story.
    assert_eq!(
        (
            attempt.is_ok(),
            recorded,
            listed_for_victim,
            completed.err()
        ),
        (false, thief_key, vec![], None)
    );
    assert_eq!(s.accounts_of(&new), [account]);
}

/// Only the fan's key, or a partner the registry lets attest identity, creates an account for a
/// key: the factory's index of accounts by operator lists nothing a stranger set up, with a
/// recovery set of its own, for a key it does not hold.
#[test]
fn only_the_key_itself_or_an_identity_partner_creates_its_account() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let stranger = s.wallet(STRANGER);
    let not_allowed = |creator: &Addr| {
        format!(
            "{creator} may create an account only for its own key: only an identity partner creates one for another"
        )
    };
    // A stranger naming itself the fan's only recovery member; another fan; a partner the
    // registry does not let attest identity (the troupe); the identity provider suspended.
    let theirs = RecoveryConfig {
        members: vec![RecoveryMember {
            address: stranger.to_string(),
            weight: 1,
            partner: false,
        }],
        ..partner_only(&s.identity_provider)
    };
    assert_eq!(
        s.refused(&stranger, &s.factory, &create(&fan, theirs)),
        not_allowed(&stranger)
    );
    let other_fan = s.fans[1].clone();
    let for_fan = create(&fan, partner_only(&s.identity_provider));
    for creator in [&other_fan, &s.troupe, &s.theater] {
        assert_eq!(
            s.refused(creator, &s.factory, &for_fan),
            not_allowed(creator)
        );
    }
    s.set_standing(&s.identity_provider, true);
    assert_eq!(
        s.refused(&s.identity_provider, &s.factory, &for_fan),
        not_allowed(&s.identity_provider)
    );
    assert!(s.all_accounts().is_empty());
    assert!(s.accounts_of(&fan).is_empty());

    // The fan for itself, whoever its recovery set names; the identity provider once
    // reinstated.
    let own = s
        .create_account(&stranger, &stranger, partner_only(&s.troupe))
        .map_err(root);
    assert_eq!(
        own.unwrap_err(),
        format!(
            "{} is marked a partner but the registry does not let it attest identity now: not_granted",
            s.troupe
        )
    );
    let friends = RecoveryConfig {
        members: vec![RecoveryMember {
            address: s.wallet(FRIENDS[0]).to_string(),
            weight: 1,
            partner: false,
        }],
        ..partner_only(&s.identity_provider)
    };
    let strangers = s.create_account(&stranger, &stranger, friends).unwrap();
    s.set_standing(&s.identity_provider, false);
    let fans = s.onboard();
    assert_eq!(s.record(&strangers).unwrap().created_by, stranger);
    assert_eq!(s.record(&fans).unwrap().created_by, s.identity_provider);
    assert_eq!(s.accounts_of(&stranger), [strangers]);
    assert_eq!(s.accounts_of(&fan), [fans]);
}

/// The platform's bounds hold for the account's later recovery sets too: the operator's key
/// (perhaps a thief's) cannot schedule a delay the factory would have refused.
#[test]
fn an_account_keeps_the_factorys_bounds_when_its_set_changes() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    let update = |delay, period| AccountMsg::UpdateRecovery {
        config: RecoveryConfig {
            delay_seconds: delay,
            period_seconds: period,
            ..partner_only(&s.identity_provider)
        },
    };
    let max_period: u64 = serde_json::from_value(
        platform_file::parameters("account-factory")["max_period_seconds"].clone(),
    )
    .unwrap();
    let delay_out =
        format!("the recovery delay must be between {MIN_DELAY} and {MAX_DELAY} seconds");
    let period_out =
        format!("the recovery period must be between {MIN_PERIOD} and {max_period} seconds");
    for (delay, period, refusal) in [
        (MIN_DELAY - 1, PERIOD, &delay_out),
        (MAX_DELAY + 1, max_period, &delay_out),
        (u64::MAX, u64::MAX, &delay_out),
        (DELAY, MIN_PERIOD - 1, &period_out),
        (DELAY, max_period + 1, &period_out),
    ] {
        assert_eq!(
            &s.refused(&fan, &account, &update(delay, period)),
            refusal,
            "{delay} {period}"
        );
    }
    assert_eq!(s.account_config(&account).recovery_update, None);
    s.execute(&fan, &account, &update(MAX_DELAY, max_period))
        .unwrap();
    assert!(s.account_config(&account).recovery_update.is_some());
}

/// A thief holding the key schedules a set without the partner, then vetoes the partner's
/// proposal to apply the set during the cooldown: the proposal dropped the set.
#[test]
fn a_thief_cannot_drop_the_partner_by_vetoing_its_recovery() {
    let s = Suite::new();
    let thief = s.fans[0].clone();
    let new = s.wallet(NEW_KEY);
    let accomplice = s.wallet(STRANGER);
    let account = s.onboard();
    let partner = s.identity_provider.clone();
    let theirs = RecoveryConfig {
        members: vec![RecoveryMember {
            address: accomplice.to_string(),
            weight: 1,
            partner: false,
        }],
        ..partner_only(&partner)
    };
    s.execute(
        &thief,
        &account,
        &AccountMsg::UpdateRecovery { config: theirs },
    )
    .unwrap();
    s.advance(DELAY / 2);
    let propose = AccountMsg::ProposeRecovery {
        new_operator: new.to_string(),
        evidence: digest(0xe1),
    };
    let proposed = s.execute(&partner, &account, &propose).unwrap();
    assert_eq!(attribute(&proposed, "recovery_update_dropped"), "true");
    let id: u32 = attribute(&proposed, "id").parse().unwrap();
    s.execute(
        &thief,
        &account,
        &AccountMsg::VetoRecovery { id, reason: None },
    )
    .unwrap();
    // Past the set's due date, within the cooldown: nothing to apply.
    s.advance(DELAY / 2 + 60);
    assert_eq!(
        s.refused(&accomplice, &account, &AccountMsg::ApplyRecoveryUpdate {}),
        "no recovery set change is scheduled"
    );
    assert_eq!(
        s.refused(&accomplice, &account, &propose),
        format!("{accomplice} is not a member of the recovery set")
    );
    // The partner, still the member, recovers once the cooldown ends.
    s.advance(DELAY / 2);
    let id = s.propose(&partner, &account, &new).unwrap();
    s.advance(DELAY);
    s.execute(&accomplice, &account, &AccountMsg::CompleteRecovery { id })
        .unwrap();
    assert_eq!(s.account_config(&account).operator, new);
    assert_eq!(s.accounts_of(&new), [account]);
}

/// A spending delegate limited to ticket-nft buys tickets for the account only: not for
/// itself, not its own resale listing, not with a voucher the account holds. ticket-nft never
/// sees the refused sends, and nothing moves.
#[test]
fn a_delegates_send_buys_tickets_for_the_account_never_for_itself() {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let account = s.onboard();
    let spender = s.wallet(SPENDER);
    let event_id = s.create_event(stalls_and_vip(s.now().plus_seconds(30 * DAY), s.now()));
    s.grant(
        &fan,
        &account,
        &spender,
        spend(3 * STALLS, Some(vec![&s.tickets])),
        s.now().plus_seconds(30 * DAY),
    );
    // The delegate's own ticket, listed for resale at the cap.
    s.fund(&spender, STALLS);
    let own = TicketReceiveMsg::Buy {
        event_id,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: None,
    };
    s.send_ctc(&spender, &s.tickets, STALLS, &own).unwrap();
    let listed = format!("{event_id}-0");
    assert_eq!(s.owner_of(&listed), spender.to_string());
    let listing = TicketMsg::ListForResale {
        token_id: listed.clone(),
        price: Uint128::new(110 * CTC),
    };
    s.execute(&spender, &s.tickets, &listing).unwrap();

    let supply = s.total_supply();
    let books = |s: &Suite| {
        (
            s.balance(&account),
            s.balance(&s.tickets),
            s.balance(&spender),
            s.tickets_of(&account),
            s.tickets_of(&spender),
            s.delegate(&account, &spender).spent,
        )
    };
    let before = books(&s);
    let buy = |recipient: Option<&Addr>, voucher: Option<&str>| {
        s.send(
            &s.tickets,
            STALLS,
            &TicketReceiveMsg::Buy {
                event_id,
                tier: 0,
                quantity: 1,
                recipient: recipient.map(Addr::to_string),
                voucher: voucher.map(str::to_owned),
            },
        )
    };
    let hook_refusal =
        |reason: &str| format!("a delegate's send must buy for the account: {reason}");
    let resale = s.send(
        &s.tickets,
        110 * CTC,
        &TicketReceiveMsg::BuyResale {
            token_id: listed.clone(),
        },
    );
    for (msg, refusal) in [
        (
            buy(Some(&spender), None),
            hook_refusal("the tickets or vouchers go to the account"),
        ),
        (
            buy(None, Some("1-0")),
            hook_refusal("the account's vouchers are not the delegate's to use"),
        ),
        (resale, hook_refusal("a buy, and nothing else")),
    ] {
        assert!(!s.can_execute(&account, &spender, msg.clone()));
        assert_eq!(
            root(s.via(&spender, &account, vec![msg]).unwrap_err()),
            refusal
        );
        assert_eq!(books(&s), before);
    }
    // Nor alongside an allowed purchase: the whole `Execute` is refused.
    let pair = vec![buy(None, None), buy(Some(&spender), None)];
    assert!(s.via(&spender, &account, pair).is_err());
    assert_eq!(books(&s), before);
    assert_eq!(s.owner_of(&listed), spender.to_string());

    // For the account, named or not: bought, and the account holds them.
    for msg in [buy(None, None), buy(Some(&account), None)] {
        assert!(s.can_execute(&account, &spender, msg.clone()));
        s.via(&spender, &account, vec![msg]).unwrap();
    }
    assert_eq!(s.tickets_of(&account).len(), 2);
    assert_eq!(s.balance(&account), FUNDED - 2 * STALLS);
    assert_eq!(s.balance(&spender), 0);
    assert_eq!(s.delegate(&account, &spender).spent.u128(), 2 * STALLS);
    // The operator's own sends carry any hook: it buys the listing.
    let resale = s.send(
        &s.tickets,
        110 * CTC,
        &TicketReceiveMsg::BuyResale {
            token_id: listed.clone(),
        },
    );
    s.via(&fan, &account, vec![resale]).unwrap();
    assert_eq!(s.owner_of(&listed), account.to_string());
    assert_eq!(s.total_supply(), supply);
    s.assert_escrow_conserved();
}

/// The sum of every balance a conservation step can touch.
fn touched(s: &Suite, account: &Addr, friend: &Addr, payee: &Addr, spender: &Addr) -> u128 {
    [account, friend, payee, spender, &s.tickets]
        .iter()
        .map(|a| s.balance(a))
        .sum()
}

#[derive(Clone, Debug)]
enum Step {
    /// The delegate pays a friend of the fan through the account.
    DelegatePays(u128),
    /// The delegate pays the friend twice in one `Execute`.
    DelegatePaysTwice(u128, u128),
    /// The delegate buys Stalls through the account.
    DelegateBuys(u32),
    /// The operator pays fan 1.
    OperatorPays(u128),
    /// Hours pass.
    Wait(u64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1..=150 * CTC).prop_map(Step::DelegatePays),
        (1..=100 * CTC, 1..=100 * CTC).prop_map(|(a, b)| Step::DelegatePaysTwice(a, b)),
        (1..=2u32).prop_map(Step::DelegateBuys),
        (1..=400 * CTC).prop_map(Step::OperatorPays),
        (1..=30u64).prop_map(Step::Wait),
    ]
}

/// What the account and the delegate's window should be, by Argent's rule.
struct Model {
    balance: u128,
    window_ends_at: Timestamp,
    spent: u128,
    bought: u32,
}

impl Model {
    fn left(&self, now: Timestamp) -> u128 {
        if self.window_ends_at <= now {
            DAILY
        } else {
            DAILY - self.spent
        }
    }

    fn charge(&mut self, amount: u128, now: Timestamp) {
        if self.window_ends_at <= now {
            self.spent = 0;
            self.window_ends_at = now.plus_seconds(DAY);
        }
        self.spent += amount;
        self.balance -= amount;
    }
}

/// The spending delegate's daily amount in the conservation property.
const DAILY: u128 = 300 * CTC;

/// One run of the conservation property: after every step the account holds what the model
/// says, and each step is accepted exactly when the model accepts it.
fn conserve(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let fan = s.fans[0].clone();
    let payee = s.fans[1].clone();
    let friend = s.wallet(FRIENDS[0]);
    let spender = s.wallet(SPENDER);
    let account = s.onboard();
    let event_id = s.create_event(stalls_and_vip(s.now().plus_seconds(60 * DAY), s.now()));
    let payees = Some(vec![&friend, &s.tickets]);
    let expires_at = s.now().plus_seconds(300 * DAY);
    s.grant(&fan, &account, &spender, spend(DAILY, payees), expires_at);
    let supply = s.total_supply();
    let total = touched(&s, &account, &friend, &payee, &spender);
    let mut model = Model {
        balance: FUNDED,
        window_ends_at: Timestamp::from_nanos(0),
        spent: 0,
        bought: 0,
    };
    let mut moved_out = 0u128;
    for step in steps {
        let now = s.now();
        let (result, amount, expected) = match step {
            Step::DelegatePays(amount) => {
                let ok = amount <= model.left(now) && amount <= model.balance;
                let msgs = vec![s.transfer(&friend, amount)];
                (s.via(&spender, &account, msgs), amount, ok)
            }
            Step::DelegatePaysTwice(a, b) => {
                let ok = a + b <= model.left(now) && a + b <= model.balance;
                let msgs = vec![s.transfer(&friend, a), s.transfer(&friend, b)];
                (s.via(&spender, &account, msgs), a + b, ok)
            }
            Step::DelegateBuys(quantity) => {
                let amount = u128::from(quantity) * STALLS;
                let ok = amount <= model.left(now)
                    && amount <= model.balance
                    && model.bought + quantity <= 4;
                if ok {
                    model.bought += quantity;
                }
                let msgs = vec![s.buy_msg(event_id, 0, quantity, amount)];
                (s.via(&spender, &account, msgs), amount, ok)
            }
            Step::OperatorPays(amount) => {
                let ok = amount <= model.balance;
                if ok {
                    model.balance -= amount;
                    moved_out += amount;
                }
                let paid = s.via(&fan, &account, vec![s.transfer(&payee, amount)]);
                prop_assert_eq!(paid.is_ok(), ok);
                prop_assert_eq!(s.balance(&account), model.balance);
                continue;
            }
            Step::Wait(hours) => {
                s.advance(hours * HOUR);
                continue;
            }
        };
        prop_assert_eq!(result.is_ok(), expected, "{:?}", result.err());
        if expected {
            model.charge(amount, now);
            moved_out += amount;
        }
        prop_assert_eq!(s.balance(&account), model.balance);
        let grant = s.delegate(&account, &spender);
        prop_assert_eq!(grant.left.u128(), model.left(s.now()));
    }
    prop_assert_eq!(s.balance(&account), FUNDED - moved_out);
    prop_assert_eq!(s.balance(&spender), 0);
    prop_assert_eq!(s.total_supply(), supply);
    prop_assert_eq!(touched(&s, &account, &friend, &payee, &spender), total);
    prop_assert_eq!(s.tickets_of(&account).len(), model.bought as usize);
    s.assert_escrow_conserved();
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever a spending delegate and the operator do through the account, no CTC is made or
    /// lost, the account holds exactly what it was funded minus what left it, and each refusal
    /// is exactly the one the daily window, the balance or the wallet limit predicts.
    #[test]
    fn delegate_and_operator_spending_conserves_ctc(steps in prop::collection::vec(step(), 1..32)) {
        conserve(steps)?;
    }
}

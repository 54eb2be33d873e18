//! Vouchers with the real CTC token, partner registry and ticket-nft: classes drawing the
//! merchant's registry quota, a suspended and a revoked merchant, a purchase by CTC Send, a gift
//! and a redemption at the café's counter with the holder's signed code; coupons and passes named
//! in a ticket purchase, whose refusal by vouchers reverts the whole purchase; a cancelled show;
//! expiry clearing and the merchant's withdrawal. Every refusal is checked to change no balance,
//! class, voucher, event or quota, and after every step vouchers holds exactly the escrow of its
//! classes plus what its merchants earned (and ticket-nft the escrow of its events).

use std::ops::Deref;

use cosmwasm_std::{Addr, Timestamp, Uint128};
use ctc_interfaces::proof::testing::{key, sign};
use ctc_interfaces::proof::{redeem_text, HolderProof};
use ctc_interfaces::registry::{Capability, IdentityLevel, PartnerKind};
use ctc_interfaces::tickets::TicketReceiveMsg;
use ctc_interfaces::vouchers::{TicketUse, VoucherReceiveMsg};
use ctc_interfaces::BasisPoints;
use cw_multi_test::AppResponse;
use partner_registry::msg::{ExecuteMsg as RegistryMsg, QueryMsg as RegistryQuery, QuotaResponse};
use ticket_nft::msg::{
    EventResponse, EventsResponse, ExecuteMsg as TicketMsg, HistoryResponse, Provenance,
    QueryMsg as TicketQuery, TierInput,
};
use vouchers::msg::{
    ClassInput, ClassResponse, ClassesResponse, CouponTarget, ExecuteMsg as VoucherMsg, Off,
    OnExpiry, QueryMsg as VoucherQuery, TransferRule, VoucherKind, VoucherResponse, VoucherStatus,
};
use vouchers::state::Earned;

use crate::platform::{admit, attribute, digest, id, root, Platform, CTC};
use crate::ticket_flows::stalls_and_vip;

const DAY: u64 = 86_400;
/// A latte: what one unit of the goods classes below costs.
const PRICE: u128 = 5 * CTC;
/// The Stalls of `stalls_and_vip`, and what a 20% coupon leaves of it.
const STALLS: u128 = 100 * CTC;
const STALLS_OFF: u128 = 80 * CTC;

/// Ticket-nft's fee and burn share (deploy/platform.json), which the harness gives vouchers too.
const FEE_BPS: u128 = 500;
const BURN_BPS: u128 = 1_000;

/// What a merchant earns of `value`: the fee and the burn share split off, rounded down.
fn split(value: u128) -> Earned {
    let fee = value * FEE_BPS / 10_000;
    let burn = value * BURN_BPS / 10_000;
    Earned {
        payout: Uint128::new(value - fee - burn),
        fee: Uint128::new(fee),
        burn: Uint128::new(burn),
    }
}

fn twenty_percent() -> Off {
    Off::Percent(BasisPoints::new(2_000).unwrap())
}

/// A class of `kind` at `price` a unit: cap 100, five per holder, on sale for ten days from `now`,
/// valid for thirty, giftable twice, refunded to its holder at expiry, real name by any attester.
fn class_input(now: Timestamp, kind: VoucherKind, price: u128) -> ClassInput {
    ClassInput {
        name: "Latte".into(),
        product: "One latte, any size".into(),
        uri: None,
        kind,
        fungible: false,
        cap: 100,
        price: Uint128::new(price),
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

/// A coupon taking `off` off the tickets of every event of its issuer. Claimed free: a price paid
/// for it would reach the issuer outside the show's escrow, so vouchers refuses one.
pub(crate) fn ticket_coupon(now: Timestamp, off: Off) -> ClassInput {
    let kind = VoucherKind::Coupon {
        off,
        on: CouponTarget::Tickets { events: vec![] },
    };
    ClassInput {
        name: "Show coupon".into(),
        product: "A discount on a ticket".into(),
        ..class_input(now, kind, 0)
    }
}

/// The theater issues vouchers as well as tickets: coupons and passes for its own shows.
pub(crate) fn theater_issues_vouchers(p: &Platform) {
    let update = RegistryMsg::UpdatePartner {
        address: p.theater.to_string(),
        name: None,
        kind: None,
        capabilities: Some(vec![Capability::IssueTickets, Capability::IssueVouchers]),
        agreement_digest: None,
        metadata_uri: None,
    };
    p.execute(&p.owner, &p.registry, &update).unwrap();
}

/// `issuer` creates `input` in vouchers: its class id.
pub(crate) fn create_class(p: &Platform, issuer: &Addr, input: ClassInput) -> anyhow::Result<u64> {
    let create = VoucherMsg::CreateClass { class: input };
    Ok(id(&p.execute(issuer, &p.vouchers, &create)?, "class_id"))
}

/// Every class of vouchers, page by page.
fn all_classes(p: &Platform) -> Vec<ClassResponse> {
    let mut all: Vec<ClassResponse> = vec![];
    loop {
        let page: ClassesResponse = p.query(
            &p.vouchers,
            &VoucherQuery::Classes {
                start_after: all.last().map(|c| c.class_id),
                limit: Some(50),
            },
        );
        if page.classes.is_empty() {
            return all;
        }
        all.extend(page.classes);
    }
}

/// Conservation: vouchers holds exactly the escrow of its classes and what their issuers earned
/// and did not withdraw yet.
pub(crate) fn assert_vouchers_conserved(p: &Platform) {
    let classes = all_classes(p);
    let escrow: u128 = classes.iter().map(|c| c.escrow.u128()).sum();
    let mut issuers: Vec<&Addr> = classes.iter().map(|c| &c.terms.issuer).collect();
    issuers.sort();
    issuers.dedup();
    let earned: u128 = issuers
        .into_iter()
        .map(|issuer| {
            let earned: Earned = p.query(
                &p.vouchers,
                &VoucherQuery::Earned {
                    merchant: issuer.to_string(),
                },
            );
            earned.total().u128()
        })
        .sum();
    assert_eq!(
        p.balance(&p.vouchers),
        escrow + earned,
        "vouchers holds its classes' escrow ({escrow}) and its merchants' earnings ({earned})"
    );
}

/// Everything a refusal must leave as it was.
#[derive(Debug, PartialEq)]
struct Books {
    /// The fans, ticket-nft, vouchers, the treasury and the merchants.
    balances: Vec<u128>,
    supply: u128,
    classes: Vec<ClassResponse>,
    earned: Vec<Earned>,
    /// Every voucher the fans hold.
    vouchers: Vec<VoucherResponse>,
    events: Vec<EventResponse>,
    quotas: Vec<QuotaResponse>,
}

/// The platform, its fans attested real name; a second merchant (a bakery); the café's and the
/// bakery's counter scanners; the theater may issue vouchers too.
struct Shop {
    p: Platform,
    bakery: Addr,
    counter: Addr,
    bakery_counter: Addr,
}

impl Deref for Shop {
    type Target = Platform;

    fn deref(&self) -> &Platform {
        &self.p
    }
}

impl Shop {
    fn new() -> Self {
        let p = Platform::new();
        for fan in &p.fans {
            p.attest(fan, IdentityLevel::RealName);
        }
        let bakery = p.addr("bakery");
        let admit_bakery = admit(
            &bakery,
            "Bakery",
            PartnerKind::Merchant,
            Capability::IssueVouchers,
            0xaf,
            vec![],
        );
        p.execute(&p.owner, &p.registry, &admit_bakery).unwrap();
        theater_issues_vouchers(&p);
        let (counter, bakery_counter) = (p.addr("cafe_counter"), p.addr("bakery_counter"));
        for (merchant, scanner) in [(&p.cafe, &counter), (&bakery, &bakery_counter)] {
            let set = VoucherMsg::SetScanner {
                address: scanner.to_string(),
                allowed: true,
            };
            p.execute(merchant, &p.vouchers, &set).unwrap();
        }
        Self {
            p,
            bakery,
            counter,
            bakery_counter,
        }
    }

    fn create(&self, issuer: &Addr, input: ClassInput) -> u64 {
        create_class(self, issuer, input).unwrap()
    }

    /// Fan `fan` buys `quantity` units of `class_id` for `amount`: the token ids.
    fn buy_units(
        &self,
        fan: usize,
        class_id: u64,
        quantity: u32,
        amount: u128,
    ) -> anyhow::Result<Vec<String>> {
        let hook = VoucherReceiveMsg::Buy {
            class_id,
            quantity,
            recipient: None,
        };
        let response = self.send_ctc(&self.fans[fan], &self.vouchers, amount, &hook)?;
        let ids = attribute(&response, "token_ids");
        Ok(ids.split(',').map(str::to_owned).collect())
    }

    /// Fan `fan` buys one unit of `class_id` at `PRICE`: its token id.
    fn buy_one(&self, fan: usize, class_id: u64) -> String {
        self.buy_units(fan, class_id, 1, PRICE).unwrap().remove(0)
    }

    /// Fan `fan` claims `quantity` units of the free `class_id`: the token ids.
    fn claim(&self, fan: usize, class_id: u64, quantity: u32) -> Vec<String> {
        let msg = VoucherMsg::Claim { class_id, quantity };
        let response = self.execute(&self.fans[fan], &self.vouchers, &msg).unwrap();
        let ids = attribute(&response, "token_ids");
        ids.split(',').map(str::to_owned).collect()
    }

    /// Fan `fan` buys `quantity` tickets of `event_id`'s `tier` for `amount`, naming `voucher`.
    fn tickets_with(
        &self,
        fan: usize,
        (event_id, tier, quantity): (u64, u8, u32),
        amount: u128,
        voucher: Option<&str>,
    ) -> anyhow::Result<AppResponse> {
        let hook = TicketReceiveMsg::Buy {
            event_id,
            tier,
            quantity,
            recipient: None,
            voucher: voucher.map(str::to_owned),
        };
        self.send_ctc(&self.fans[fan], &self.tickets, amount, &hook)
    }

    fn class(&self, class_id: u64) -> ClassResponse {
        self.query(&self.vouchers, &VoucherQuery::Class { class_id })
    }

    fn voucher(&self, token_id: &str) -> VoucherResponse {
        let query = VoucherQuery::Voucher {
            token_id: token_id.into(),
        };
        self.query(&self.vouchers, &query)
    }

    fn earned(&self, merchant: &Addr) -> Earned {
        let query = VoucherQuery::Earned {
            merchant: merchant.to_string(),
        };
        self.query(&self.vouchers, &query)
    }

    fn quota(&self, partner: &Addr) -> QuotaResponse {
        let query = RegistryQuery::Quota {
            partner: partner.to_string(),
            capability: Capability::IssueVouchers,
        };
        self.query(&self.registry, &query)
    }

    fn pass_uses(&self, token_id: &str, event_id: u64) -> u32 {
        let query = VoucherQuery::PassUses {
            token_id: token_id.into(),
            event_id,
        };
        self.query(&self.vouchers, &query)
    }

    /// What the ticket was minted holding, and to whom.
    fn minted(&self, token_id: &str) -> (Addr, u128) {
        let history: HistoryResponse = self.query(
            &self.tickets,
            &TicketQuery::History {
                token_id: token_id.into(),
                start_after: None,
                limit: None,
            },
        );
        match &history.records[0].change {
            Provenance::Minted { to, paid } => (to.clone(), paid.u128()),
            other => panic!("{token_id} begins with {other:?}"),
        }
    }

    /// The code fan `fan` shows at the counter to redeem `units` of `token_id`, which holds
    /// `held`: signed by the fan's wallet, valid two minutes.
    fn code(&self, fan: usize, token_id: &str, units: u64, held: u64) -> HolderProof {
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
        sign(app.api(), &key(fan as u8 + 1), &text, expires_at)
    }

    fn redeem(
        &self,
        scanner: &Addr,
        token_id: &str,
        units: u64,
        proof: HolderProof,
    ) -> anyhow::Result<AppResponse> {
        let msg = VoucherMsg::Redeem {
            token_id: token_id.into(),
            units,
            proof,
        };
        self.execute(scanner, &self.vouchers, &msg)
    }

    fn suspend(&self, who: &Addr) {
        let msg = RegistryMsg::Suspend {
            address: who.to_string(),
            reason: "review".into(),
            digest: digest(0x77),
        };
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }

    fn reinstate(&self, who: &Addr) {
        let msg = RegistryMsg::Reinstate {
            address: who.to_string(),
            reason: "cleared".into(),
            digest: digest(0x79),
        };
        self.execute(&self.owner, &self.registry, &msg).unwrap();
    }

    fn freeze(&self, class_id: u64, frozen: bool) {
        let msg = VoucherMsg::FreezeClass {
            class_id,
            frozen,
            reason: "inquiry".into(),
            digest: digest(0x78),
        };
        self.execute(&self.owner, &self.vouchers, &msg).unwrap();
    }

    fn books(&self) -> Books {
        let merchants = [&self.cafe, &self.theater, &self.bakery];
        let mut holders: Vec<&Addr> = self.fans.iter().collect();
        holders.extend([&self.tickets, &self.vouchers, &self.treasury]);
        holders.extend(merchants);
        let mut vouchers = vec![];
        for fan in &self.fans {
            let held: cw721::msg::TokensResponse = self.query(
                &self.vouchers,
                &VoucherQuery::Tokens {
                    owner: fan.to_string(),
                    start_after: None,
                    limit: Some(50),
                },
            );
            vouchers.extend(held.tokens.iter().map(|token_id| self.voucher(token_id)));
        }
        let events: EventsResponse = self.query(
            &self.tickets,
            &TicketQuery::Events {
                start_after: None,
                limit: Some(50),
            },
        );
        Books {
            balances: holders.iter().map(|holder| self.balance(holder)).collect(),
            supply: self.total_supply(),
            classes: all_classes(self),
            earned: merchants.iter().map(|m| self.earned(m)).collect(),
            vouchers,
            events: events.events,
            quotas: [&self.cafe, &self.theater]
                .iter()
                .map(|m| self.quota(m))
                .collect(),
        }
    }

    /// `attempt` must be refused and change nothing: the refusal's root cause.
    fn refusal(&self, attempt: impl FnOnce() -> anyhow::Result<AppResponse>) -> String {
        let before = self.books();
        let err = attempt().expect_err("refused");
        assert_eq!(self.books(), before, "the refusal {err} changed the books");
        self.conserved();
        root(err)
    }

    fn conserved(&self) {
        assert_vouchers_conserved(self);
        self.assert_escrow_conserved();
    }
}

#[test]
fn a_class_draws_the_merchant_quota_and_only_merchants_with_it_create() {
    let shop = Shop::new();
    let now = shop.now();
    let latte = || class_input(now, VoucherKind::Goods, PRICE);
    assert_eq!(shop.quota(&shop.cafe).remaining, Some(1_000));

    let class_id = shop.create(&shop.cafe, latte());
    let quota = shop.quota(&shop.cafe);
    assert_eq!((quota.used, quota.remaining), (100, Some(900)));
    let class = shop.class(class_id);
    assert_eq!(class.terms.issuer, shop.cafe);
    assert_eq!(class.terms.cap, 100);
    assert_eq!(
        (class.terms.platform_fee.get(), class.terms.burn_share.get()),
        (FEE_BPS as u16, BURN_BPS as u16)
    );
    assert_eq!((class.supply.issued, class.escrow.u128()), (0, 0));

    // A merchant admitted to sell tickets but not to issue vouchers, the troupe, and a fan who is
    // no partner at all.
    let florist = shop.addr("florist");
    let admit_florist = admit(
        &florist,
        "Florist",
        PartnerKind::Merchant,
        Capability::IssueTickets,
        0xb9,
        vec![],
    );
    shop.execute(&shop.owner, &shop.registry, &admit_florist)
        .unwrap();
    let create = |sender: &Addr, input: ClassInput| {
        let msg = VoucherMsg::CreateClass { class: input };
        shop.execute(sender, &shop.vouchers, &msg)
    };
    for partner in [&florist, &shop.troupe] {
        assert_eq!(
            shop.refusal(|| create(partner, latte())),
            format!("partner {partner} does not hold issue_vouchers")
        );
    }
    let fan = shop.fans[0].clone();
    assert_eq!(
        shop.refusal(|| create(&fan, latte())),
        format!("{fan} is not a partner")
    );
    // Over the day's quota, by one unit; then exactly the rest, and nothing more.
    let big = |cap| ClassInput { cap, ..latte() };
    assert_eq!(
        shop.refusal(|| create(&shop.cafe, big(901))),
        "quota for issue_vouchers exceeded: 900 left in this window, 901 requested"
    );
    assert_eq!(shop.create(&shop.cafe, big(900)), class_id + 1);
    assert_eq!(shop.quota(&shop.cafe).remaining, Some(0));
    assert_eq!(
        shop.refusal(|| create(&shop.cafe, big(1))),
        "quota for issue_vouchers exceeded: 0 left in this window, 1 requested"
    );
    // Another merchant's quota is its own.
    shop.create(&shop.bakery, big(1));
    shop.conserved();
    // The next day's window opens with the whole quota again.
    let window_ends_at = shop.quota(&shop.cafe).window_ends_at.unwrap();
    shop.advance_to(window_ends_at);
    assert_eq!(shop.quota(&shop.cafe).remaining, Some(1_000));
    shop.create(&shop.cafe, big(1));
    assert_eq!(shop.quota(&shop.cafe).remaining, Some(999));
    shop.conserved();
}

#[test]
fn a_suspended_merchant_sells_nothing_until_reinstated() {
    let shop = Shop::new();
    let class_id = shop.create(
        &shop.cafe,
        class_input(shop.now(), VoucherKind::Goods, PRICE),
    );
    let ids = shop.buy_units(0, class_id, 2, 2 * PRICE).unwrap();
    shop.redeem(&shop.counter, &ids[0], 1, shop.code(0, &ids[0], 1, 1))
        .unwrap();
    shop.conserved();

    shop.suspend(&shop.cafe);
    let buy = |fan: usize| {
        let hook = VoucherReceiveMsg::Buy {
            class_id,
            quantity: 1,
            recipient: None,
        };
        shop.send_ctc(&shop.fans[fan], &shop.vouchers, PRICE, &hook)
    };
    assert_eq!(
        shop.refusal(|| buy(1)),
        "the issuer may not issue vouchers now (see reason)"
    );
    let input = class_input(shop.now(), VoucherKind::Goods, PRICE);
    let create = VoucherMsg::CreateClass { class: input };
    assert_eq!(
        shop.refusal(|| shop.execute(&shop.cafe, &shop.vouchers, &create)),
        format!("partner {} is suspended", shop.cafe)
    );
    let withdraw = VoucherMsg::Withdraw {
        merchant: shop.cafe.to_string(),
    };
    assert_eq!(
        shop.refusal(|| shop.execute(&shop.fans[2], &shop.vouchers, &withdraw)),
        "the merchant is suspended: its earnings wait until it is reinstated"
    );
    // What it sold it still owes: its counter redeems while it is suspended.
    shop.redeem(&shop.counter, &ids[1], 1, shop.code(0, &ids[1], 1, 1))
        .unwrap();
    assert_eq!(shop.earned(&shop.cafe), split(2 * PRICE));
    shop.conserved();

    shop.reinstate(&shop.cafe);
    let response = buy(1).unwrap();
    let bought = attribute(&response, "token_ids");
    assert_eq!(shop.voucher(&bought).owner, shop.fans[1]);
    assert_eq!(shop.class(class_id).supply.issued, 3);
    shop.conserved();
    let cafe_before = shop.balance(&shop.cafe);
    shop.execute(&shop.fans[2], &shop.vouchers, &withdraw)
        .unwrap();
    assert_eq!(
        shop.balance(&shop.cafe),
        cafe_before + split(2 * PRICE).payout.u128()
    );
    assert_eq!(shop.balance(&shop.vouchers), PRICE);
    shop.conserved();
}

#[test]
fn a_voucher_is_bought_given_and_redeemed_once_at_the_cafe_counter() {
    let shop = Shop::new();
    let class_id = shop.create(
        &shop.cafe,
        class_input(shop.now(), VoucherKind::Goods, PRICE),
    );
    let fans = shop.fans.clone();
    let fan0_start = shop.balance(&fans[0]);

    // Exactly the price times the quantity.
    for amount in [2 * PRICE + 1, 2 * PRICE - 1] {
        let refused = shop.refusal(|| {
            let hook = VoucherReceiveMsg::Buy {
                class_id,
                quantity: 2,
                recipient: None,
            };
            shop.send_ctc(&fans[0], &shop.vouchers, amount, &hook)
        });
        assert_eq!(
            refused,
            "the amount sent must be exactly the price times the quantity"
        );
    }
    let ids = shop.buy_units(0, class_id, 2, 2 * PRICE).unwrap();
    assert_eq!(ids, [format!("{class_id}-0"), format!("{class_id}-1")]);
    assert_eq!(shop.balance(&fans[0]), fan0_start - 2 * PRICE);
    assert_eq!(shop.balance(&shop.vouchers), 2 * PRICE);
    let class = shop.class(class_id);
    assert_eq!((class.supply.issued, class.escrow.u128()), (2, 2 * PRICE));
    shop.conserved();

    // A gift to a fan attested real name; never to a wallet nobody attested.
    let gift = |from: usize, to: &Addr, token_id: &str| {
        let msg = VoucherMsg::TransferNft {
            recipient: to.to_string(),
            token_id: token_id.into(),
        };
        shop.execute(&fans[from], &shop.vouchers, &msg)
    };
    let stranger = shop.addr("stranger");
    assert_eq!(
        shop.refusal(|| gift(0, &stranger, &ids[0])),
        "the receiver's attested identity is below the class's minimum"
    );
    gift(0, &fans[1], &ids[0]).unwrap();
    let given = shop.voucher(&ids[0]);
    assert_eq!((given.owner.clone(), given.moves), (fans[1].clone(), 1));
    shop.conserved();

    // At the counter: the code must be the holder's, and only the café's own scanner takes it.
    let old_holders = shop.code(0, &ids[0], 1, 1);
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.counter, &ids[0], 1, old_holders)),
        format!(
            "the proof was signed by a key that does not belong to {}",
            fans[1]
        )
    );
    let code = shop.code(1, &ids[0], 1, 1);
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.bakery_counter, &ids[0], 1, code.clone())),
        "only a scanner the class's issuer set may redeem its vouchers"
    );
    assert_eq!(
        shop.refusal(|| shop.redeem(&fans[1], &ids[0], 1, code.clone())),
        "only a scanner the class's issuer set may redeem its vouchers"
    );
    shop.redeem(&shop.counter, &ids[0], 1, code.clone())
        .unwrap();
    let redeemed = shop.voucher(&ids[0]);
    assert_eq!(
        (redeemed.status, redeemed.units),
        (VoucherStatus::Redeemed, 0)
    );
    assert_eq!(shop.earned(&shop.cafe), split(PRICE));
    let class = shop.class(class_id);
    assert_eq!((class.supply.redeemed, class.escrow.u128()), (1, PRICE));
    shop.conserved();
    // The same code again, by the same counter: refused.
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.counter, &ids[0], 1, code)),
        "the voucher was already redeemed"
    );

    // A latte card of three, redeemed in parts: each code names the units held, so a code
    // redeems once even while the card still holds units.
    let card = shop.create(
        &shop.cafe,
        ClassInput {
            fungible: true,
            ..class_input(shop.now(), VoucherKind::Goods, 2 * CTC)
        },
    );
    let card_id = shop.buy_units(2, card, 3, 6 * CTC).unwrap().remove(0);
    assert_eq!(shop.voucher(&card_id).units, 3);
    let one_of_three = shop.code(2, &card_id, 1, 3);
    shop.redeem(&shop.counter, &card_id, 1, one_of_three.clone())
        .unwrap();
    assert_eq!(shop.voucher(&card_id).units, 2);
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.counter, &card_id, 1, one_of_three)),
        "the holder's signature does not match the action"
    );
    // Nor does a code for one unit let the counter take two.
    let one = shop.code(2, &card_id, 1, 2);
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.counter, &card_id, 2, one)),
        "the holder's signature does not match the action"
    );
    shop.redeem(&shop.counter, &card_id, 2, shop.code(2, &card_id, 2, 2))
        .unwrap();
    assert_eq!(shop.voucher(&card_id).status, VoucherStatus::Redeemed);
    assert_eq!(shop.earned(&shop.cafe), split(PRICE + 6 * CTC));
    assert_eq!(shop.balance(&shop.vouchers), 2 * PRICE + 6 * CTC);
    shop.conserved();
}

/// Hamlet (Stalls at 100 CTC, four a wallet) on sale from now, in ten days, and the theater's
/// 20% coupon for its shows, claimed by fan 0: (event id, coupon class, token id).
fn coupon_and_show(shop: &Shop) -> (u64, u64, String) {
    let now = shop.now();
    let event_id = shop.create_event(stalls_and_vip(now.plus_seconds(10 * DAY), now));
    let class_id = shop.create(&shop.theater, ticket_coupon(now, twenty_percent()));
    let coupon = shop.claim(0, class_id, 1).remove(0);
    shop.conserved();
    (event_id, class_id, coupon)
}

#[test]
fn a_coupon_takes_its_discount_off_a_ticket_in_one_send() {
    let shop = Shop::new();
    // A ticket coupon is claimed, never sold.
    let priced = ClassInput {
        price: Uint128::new(PRICE),
        ..ticket_coupon(shop.now(), twenty_percent())
    };
    let create = VoucherMsg::CreateClass { class: priced };
    let err = shop.refusal(|| shop.execute(&shop.theater, &shop.vouchers, &create));
    assert_eq!(err, "invalid voucher class (see reason)");
    let (event_id, class_id, coupon) = coupon_and_show(&shop);
    let fan = shop.fans[0].clone();
    let before = shop.balance(&fan);

    let response = shop
        .tickets_with(0, (event_id, 0, 1), STALLS_OFF, Some(&coupon))
        .unwrap();
    assert_eq!(
        shop.actions(&response),
        ["send", "buy", "use_for_tickets"],
        "one Send: the purchase and the coupon's use"
    );
    let ticket = attribute(&response, "token_ids");
    assert_eq!(shop.minted(&ticket), (fan.clone(), STALLS_OFF));
    assert_eq!(shop.owner_of(&ticket), fan.to_string());
    assert_eq!(shop.balance(&fan), before - STALLS_OFF);
    // Ticket-nft holds what it received, and says so.
    assert_eq!(shop.event(event_id).escrow.u128(), STALLS_OFF);
    assert_eq!(shop.balance(&shop.tickets), STALLS_OFF);
    // The coupon is spent; its price (none) is all the theater earns of it in vouchers.
    let spent = shop.voucher(&coupon);
    assert_eq!((spent.status, spent.units), (VoucherStatus::Redeemed, 0));
    let class = shop.class(class_id);
    assert_eq!((class.supply.redeemed, class.escrow.u128()), (1, 0));
    assert_eq!(shop.earned(&shop.theater), Earned::default());
    assert_eq!(shop.balance(&shop.vouchers), 0);
    shop.conserved();

    // Spent, it pays for no second ticket.
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, (event_id, 0, 1), STALLS_OFF, Some(&coupon))),
        "the voucher was already redeemed"
    );
    // A book of coupons pays for several tickets, one unit each, in one purchase.
    let book = shop.create(
        &shop.theater,
        ClassInput {
            fungible: true,
            ..ticket_coupon(shop.now(), twenty_percent())
        },
    );
    let three = shop.claim(1, book, 3).remove(0);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(1, (event_id, 0, 4), 4 * STALLS_OFF, Some(&three))),
        "units must be at least 1 and at most what the voucher holds (fewer, to split it)"
    );
    let response = shop
        .tickets_with(1, (event_id, 0, 2), 2 * STALLS_OFF, Some(&three))
        .unwrap();
    for ticket in attribute(&response, "token_ids").split(',') {
        assert_eq!(shop.minted(ticket), (shop.fans[1].clone(), STALLS_OFF));
    }
    assert_eq!(shop.voucher(&three).units, 1);
    assert_eq!(shop.class(book).supply.redeemed, 2);
    assert_eq!(shop.event(event_id).escrow.u128(), 3 * STALLS_OFF);
    shop.conserved();
}

#[test]
fn a_purchase_whose_voucher_is_refused_reverts_whole() {
    let shop = Shop::new();
    let (event_id, class_id, coupon) = coupon_and_show(&shop);
    let now = shop.now();
    let stalls = (event_id, 0, 1);

    // Not the discounted price: vouchers refuses, and the fan keeps its CTC and gets no ticket.
    for amount in [STALLS_OFF + CTC, STALLS_OFF - CTC, STALLS] {
        assert_eq!(
            shop.refusal(|| shop.tickets_with(0, stalls, amount, Some(&coupon))),
            "the price paid per ticket is not the voucher's price"
        );
    }
    // The café's coupon is for the café's shows, were it to issue any.
    let cafe_class = shop.create(&shop.cafe, ticket_coupon(now, twenty_percent()));
    let cafe_coupon = shop.claim(0, cafe_class, 1).remove(0);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, stalls, STALLS_OFF, Some(&cafe_coupon))),
        "the voucher is for another issuer's events"
    );
    // The theater's coupon for another of its shows only.
    let elsewhere = ClassInput {
        kind: VoucherKind::Coupon {
            off: twenty_percent(),
            on: CouponTarget::Tickets {
                events: vec![event_id + 1],
            },
        },
        ..ticket_coupon(now, twenty_percent())
    };
    let elsewhere = shop.create(&shop.theater, elsewhere);
    let elsewhere = shop.claim(0, elsewhere, 1).remove(0);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, stalls, STALLS_OFF, Some(&elsewhere))),
        "the coupon is not for this event"
    );
    // A coupon for the counter is not for tickets.
    let goods_off = VoucherKind::Coupon {
        off: twenty_percent(),
        on: CouponTarget::Goods,
    };
    let counter_class = shop.create(&shop.theater, class_input(now, goods_off, 0));
    let counter_coupon = shop.claim(0, counter_class, 1).remove(0);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, stalls, STALLS_OFF, Some(&counter_coupon))),
        "this voucher is not used for tickets"
    );
    // Fan 1 names fan 0's coupon.
    assert_eq!(
        shop.refusal(|| shop.tickets_with(1, stalls, STALLS_OFF, Some(&coupon))),
        "only the voucher's holder may do this"
    );
    // A frozen class spends nothing until it is unfrozen.
    shop.freeze(class_id, true);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, stalls, STALLS_OFF, Some(&coupon))),
        "a supervisor froze the class"
    );
    shop.freeze(class_id, false);
    // A coupon valid for two days, tried on the third (the show's sale still open).
    let short = shop.create(
        &shop.theater,
        ClassInput {
            sale_ends_at: now.plus_seconds(DAY),
            valid_until: now.plus_seconds(2 * DAY),
            ..ticket_coupon(now, twenty_percent())
        },
    );
    let short_coupon = shop.claim(0, short, 1).remove(0);
    shop.advance(2 * DAY);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, stalls, STALLS_OFF, Some(&short_coupon))),
        "the voucher expired"
    );

    // After all that, the first coupon still buys its ticket.
    assert_eq!(shop.event(event_id).tickets_minted, 0);
    assert_eq!(shop.voucher(&coupon).status, VoucherStatus::Valid);
    shop.tickets_with(0, stalls, STALLS_OFF, Some(&coupon))
        .unwrap();
    assert_eq!(shop.event(event_id).tickets_minted, 1);
    shop.conserved();
}

#[test]
fn a_members_tier_sells_to_pass_holders_at_the_member_price() {
    let shop = Shop::new();
    let now = shop.now();
    // A priced pass is never spent: its price is the issuer's when it expires.
    let pass = |member_off: Option<Off>, tickets_per_event: Option<u32>| {
        let kind = VoucherKind::Pass {
            member_off,
            tickets_per_event,
        };
        ClassInput {
            name: "Membership".into(),
            product: "Season membership".into(),
            on_expiry: OnExpiry::PayMerchant,
            ..class_input(now, kind, 20 * CTC)
        }
    };
    let ten_off = || Some(Off::Fixed(Uint128::new(10 * CTC)));
    let friends = shop.create(&shop.theater, pass(ten_off(), Some(3)));
    let regulars = shop.create(&shop.cafe, pass(ten_off(), None));
    let tier = |name: &str, members_of| TierInput {
        name: name.into(),
        price: Uint128::new(STALLS),
        supply: 10,
        seats: vec![],
        per_wallet_limit: None,
        members_of: Some(members_of),
        random_seats: false,
    };
    let mut hamlet = stalls_and_vip(now.plus_seconds(10 * DAY), now);
    hamlet.tiers.push(tier("Friends' gallery", friends));
    hamlet.tiers.push(tier("Café regulars' row", regulars));
    let event_id = shop.create_event(hamlet);
    let buy_pass = |fan: usize, class_id: u64| {
        shop.buy_units(fan, class_id, 1, 20 * CTC)
            .unwrap()
            .remove(0)
    };
    let card = buy_pass(0, friends);
    let regular = buy_pass(1, regulars);
    let member_price = STALLS - 10 * CTC;
    let gallery = |quantity| (event_id, 2, quantity);

    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, gallery(1), STALLS, None)),
        format!("this tier is for members: name a pass of class {friends} as the voucher")
    );
    // On the theater's own Stalls, the member price too.
    let response = shop
        .tickets_with(0, (event_id, 0, 1), member_price, Some(&card))
        .unwrap();
    assert_eq!(
        shop.minted(&attribute(&response, "token_ids")).1,
        member_price
    );
    let response = shop
        .tickets_with(0, gallery(2), 2 * member_price, Some(&card))
        .unwrap();
    for ticket in attribute(&response, "token_ids").split(',') {
        assert_eq!(shop.minted(ticket), (shop.fans[0].clone(), member_price));
    }
    assert_eq!(shop.pass_uses(&card, event_id), 3);
    // Shown, never spent: the pass is still valid and its price still in escrow.
    let shown = shop.voucher(&card);
    assert_eq!((shown.status, shown.units), (VoucherStatus::Valid, 1));
    assert_eq!(shop.class(friends).escrow.u128(), 20 * CTC);
    assert_eq!(shop.earned(&shop.theater), Earned::default());
    assert_eq!(shop.event(event_id).escrow.u128(), 3 * member_price);
    shop.conserved();

    // Three tickets for this event were all the pass buys.
    assert_eq!(
        shop.refusal(|| shop.tickets_with(0, gallery(1), member_price, Some(&card))),
        "the pass has bought all the tickets it may for this event"
    );
    // The café's pass is another class: not for this tier, at any price.
    for amount in [STALLS, member_price] {
        assert_eq!(
            shop.refusal(|| shop.tickets_with(1, gallery(1), amount, Some(&regular))),
            "the tier is for members of another pass, or the voucher is not a pass"
        );
    }
    // The row the theater keeps for the café's regulars admits them at the theater's price: the
    // café sets no price of the theater's.
    let row = (event_id, 3, 1);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(1, row, member_price, Some(&regular))),
        "the price paid per ticket is not the voucher's price"
    );
    let response = shop.tickets_with(1, row, STALLS, Some(&regular)).unwrap();
    assert_eq!(
        shop.minted(&attribute(&response, "token_ids")),
        (shop.fans[1].clone(), STALLS)
    );
    // A second friend pays the member price, not the face price.
    let second = buy_pass(2, friends);
    assert_eq!(
        shop.refusal(|| shop.tickets_with(2, gallery(1), STALLS, Some(&second))),
        "the price paid per ticket is not the voucher's price"
    );
    shop.tickets_with(2, gallery(1), member_price, Some(&second))
        .unwrap();
    assert_eq!(shop.pass_uses(&second, event_id), 1);
    assert_eq!(
        shop.event(event_id).escrow.u128(),
        4 * member_price + STALLS
    );
    shop.conserved();
}

#[test]
fn a_cancelled_show_refunds_what_a_coupon_ticket_cost() {
    let shop = Shop::new();
    let (event_id, class_id, coupon) = coupon_and_show(&shop);
    let fans = shop.fans.clone();
    let coupon_ticket = attribute(
        &shop
            .tickets_with(0, (event_id, 0, 1), STALLS_OFF, Some(&coupon))
            .unwrap(),
        "token_ids",
    );
    let face_ticket = attribute(&shop.buy(1, event_id, 0, 1, STALLS).unwrap(), "token_ids");
    shop.conserved();
    let cancel = TicketMsg::CancelEvent { event_id };
    shop.execute(&shop.theater, &shop.tickets, &cancel).unwrap();

    let before = [shop.balance(&fans[0]), shop.balance(&fans[1])];
    let refund = |token_id: &str| TicketMsg::ClaimRefund {
        token_id: token_id.into(),
    };
    shop.execute(&fans[0], &shop.tickets, &refund(&coupon_ticket))
        .unwrap();
    assert_eq!(shop.balance(&fans[0]), before[0] + STALLS_OFF);
    assert_eq!(shop.event(event_id).escrow.u128(), STALLS);
    shop.conserved();
    shop.execute(&fans[1], &shop.tickets, &refund(&face_ticket))
        .unwrap();
    assert_eq!(shop.balance(&fans[1]), before[1] + STALLS);
    assert_eq!(shop.balance(&shop.tickets), 0);
    assert_eq!(shop.event(event_id).escrow.u128(), 0);
    // Vouchers is not asked: the coupon stays spent.
    assert_eq!(shop.voucher(&coupon).status, VoucherStatus::Redeemed);
    assert_eq!(shop.class(class_id).supply.redeemed, 1);
    shop.conserved();
}

#[test]
fn expired_vouchers_clear_one_at_a_time_and_the_merchant_withdraws_in_one_disburse() {
    let shop = Shop::new();
    let now = shop.now();
    let refunded = shop.create(&shop.cafe, class_input(now, VoucherKind::Goods, PRICE));
    let prepaid = shop.create(
        &shop.cafe,
        ClassInput {
            on_expiry: OnExpiry::PayMerchant,
            ..class_input(now, VoucherKind::Goods, PRICE)
        },
    );
    let fans = shop.fans.clone();
    let mine = shop.buy_units(0, refunded, 2, 2 * PRICE).unwrap();
    let used = shop.buy_one(1, refunded);
    let unused = shop.buy_one(1, prepaid);
    shop.redeem(&shop.counter, &used, 1, shop.code(1, &used, 1, 1))
        .unwrap();
    shop.conserved();

    let crank = shop.addr("crank");
    let clear = |token_id: &str| {
        let msg = VoucherMsg::Clear {
            token_id: token_id.into(),
        };
        shop.execute(&crank, &shop.vouchers, &msg)
    };
    assert_eq!(
        shop.refusal(|| clear(&mine[0])),
        "the voucher is cleared only once it expires"
    );
    shop.advance_to(now.plus_seconds(30 * DAY));

    // Anyone clears one voucher; its price goes to its holder, the other voucher waits.
    let holder_before = shop.balance(&fans[0]);
    let response = clear(&mine[0]).unwrap();
    assert_eq!(attribute(&response, "outcome"), "refunded");
    assert_eq!(shop.token_actions(&response), ["disburse"]);
    assert_eq!(shop.balance(&fans[0]), holder_before + PRICE);
    assert_eq!(shop.voucher(&mine[0]).status, VoucherStatus::Cleared);
    assert_eq!(shop.voucher(&mine[1]).status, VoucherStatus::Valid);
    let class = shop.class(refunded);
    assert_eq!((class.supply.cleared, class.escrow.u128()), (1, PRICE));
    shop.conserved();
    assert_eq!(
        shop.refusal(|| clear(&mine[0])),
        "the voucher was already cleared"
    );
    assert_eq!(
        shop.refusal(|| clear(&used)),
        "the voucher was already redeemed"
    );
    clear(&mine[1]).unwrap();
    assert_eq!(shop.balance(&fans[0]), holder_before + 2 * PRICE);
    assert_eq!(shop.class(refunded).escrow.u128(), 0);
    shop.conserved();
    // A prepaid service not used is the merchant's: credited, nothing sent.
    let fan1_before = shop.balance(&fans[1]);
    let response = clear(&unused).unwrap();
    assert_eq!(attribute(&response, "outcome"), "paid_merchant");
    assert!(shop.token_actions(&response).is_empty());
    assert_eq!(shop.balance(&fans[1]), fan1_before);
    assert_eq!(shop.earned(&shop.cafe), split(2 * PRICE));
    shop.conserved();

    // The withdrawal: payout, fee and burn in one Disburse, by anyone.
    let earned = split(2 * PRICE);
    let (cafe, treasury, supply) = (
        shop.balance(&shop.cafe),
        shop.balance(&shop.treasury),
        shop.total_supply(),
    );
    let withdraw = VoucherMsg::Withdraw {
        merchant: shop.cafe.to_string(),
    };
    let response = shop.execute(&crank, &shop.vouchers, &withdraw).unwrap();
    assert_eq!(shop.token_actions(&response), ["disburse"]);
    assert_eq!(shop.balance(&shop.cafe), cafe + earned.payout.u128());
    assert_eq!(shop.balance(&shop.treasury), treasury + earned.fee.u128());
    assert_eq!(shop.total_supply(), supply - earned.burn.u128());
    assert_eq!(
        (earned.payout.u128(), earned.fee.u128(), earned.burn.u128()),
        (8_500_000, 500_000, 1_000_000)
    );
    assert_eq!(shop.earned(&shop.cafe), Earned::default());
    assert_eq!(shop.balance(&shop.vouchers), 0);
    shop.conserved();
    assert_eq!(
        shop.refusal(|| shop.execute(&crank, &shop.vouchers, &withdraw)),
        "nothing to withdraw"
    );
}

#[test]
fn a_revoked_merchant_redeems_nothing_and_its_holders_are_refunded_at_once() {
    let shop = Shop::new();
    let now = shop.now();
    let latte = shop.create(&shop.cafe, class_input(now, VoucherKind::Goods, PRICE));
    let prepaid = shop.create(
        &shop.cafe,
        ClassInput {
            on_expiry: OnExpiry::PayMerchant,
            ..class_input(now, VoucherKind::Goods, PRICE)
        },
    );
    let cup = shop.buy_one(0, latte);
    let service = shop.buy_one(1, prepaid);
    let revoke = RegistryMsg::Revoke {
        address: shop.cafe.to_string(),
        reason: "fraud".into(),
        digest: digest(0x7a),
    };
    shop.execute(&shop.owner, &shop.registry, &revoke).unwrap();

    let code = shop.code(0, &cup, 1, 1);
    assert_eq!(
        shop.refusal(|| shop.redeem(&shop.counter, &cup, 1, code)),
        "the issuer may not issue vouchers now (see reason)"
    );
    let hook = VoucherReceiveMsg::Buy {
        class_id: latte,
        quantity: 1,
        recipient: None,
    };
    assert_eq!(
        shop.refusal(|| shop.send_ctc(&shop.fans[2], &shop.vouchers, PRICE, &hook)),
        "the issuer may not issue vouchers now (see reason)"
    );
    // Long before their validity ends, anyone refunds the holders, whatever the class's terms.
    let crank = shop.addr("crank");
    for (fan, token_id) in [(0, &cup), (1, &service)] {
        let before = shop.balance(&shop.fans[fan]);
        let clear = VoucherMsg::Clear {
            token_id: token_id.clone(),
        };
        let response = shop.execute(&crank, &shop.vouchers, &clear).unwrap();
        assert_eq!(attribute(&response, "outcome"), "refunded");
        assert_eq!(shop.balance(&shop.fans[fan]), before + PRICE);
        shop.conserved();
    }
    assert_eq!(shop.earned(&shop.cafe), Earned::default());
    assert_eq!(shop.balance(&shop.vouchers), 0);
}

#[test]
fn vouchers_and_ticket_nft_know_each_other_once() {
    let shop = Shop::new();
    let elsewhere = shop.addr("another-contract").to_string();
    let set_ticket_nft = VoucherMsg::SetTicketNft {
        address: elsewhere.clone(),
    };
    assert_eq!(
        shop.refusal(|| shop.execute(&shop.owner, &shop.vouchers, &set_ticket_nft)),
        "the ticket-nft is already set"
    );
    let set_vouchers = TicketMsg::SetVouchers { address: elsewhere };
    assert_eq!(
        shop.refusal(|| shop.execute(&shop.owner, &shop.tickets, &set_vouchers)),
        "the vouchers contract is set once: it counts the vouchers spent for tickets"
    );
    // Nobody but ticket-nft spends a coupon for tickets: not its holder, not the issuer.
    let (event_id, _, coupon) = coupon_and_show(&shop);
    let spend = VoucherMsg::UseForTickets(TicketUse {
        token_id: coupon,
        holder: shop.fans[0].to_string(),
        issuer: shop.theater.to_string(),
        event_id,
        members_of: None,
        quantity: 1,
        price: Uint128::new(STALLS),
        paid_each: Uint128::new(STALLS_OFF),
    });
    for sender in [shop.fans[0].clone(), shop.theater.clone()] {
        assert_eq!(
            shop.refusal(|| shop.execute(&sender, &shop.vouchers, &spend)),
            "only the ticket-nft this contract was set up with may use vouchers for tickets"
        );
    }
}

//! Tickets bought with a voucher (issue 21): minted as funded tickets that hold what was paid
//! for them, and reported to the configured vouchers contract, which alone judges the voucher.
//! Every refusal here also leaves the storage unchanged (`Unit`).

use ctc_interfaces::vouchers::{TicketUse, VoucherExecuteMsg};

use super::*;
use crate::msg::{ConfigResponse, EventStatus, Provenance};
use crate::state::{LEDGERS, TICKETS, TIERS};

const VOUCHER: &str = "3-7";

fn vouchers(chain: &Chain) -> Addr {
    chain.deps.api.addr_make("vouchers")
}

fn set_vouchers(chain: &mut Chain) {
    let (owner, address) = (chain.accounts.owner.clone(), vouchers(chain));
    let set = ExecuteMsg::SetVouchers {
        address: address.to_string(),
    };
    chain.execute(&owner, set).unwrap();
}

/// Fan `fan` buys `quantity` tickets of event 1's `tier` for `recipient` (themself when `None`)
/// with voucher `VOUCHER`, paying `amount`.
fn buy_with_voucher(
    chain: &mut Chain,
    (fan, recipient): (usize, Option<usize>),
    tier: u8,
    quantity: u32,
    amount: u128,
) -> Result<Response, ContractError> {
    let payer = chain.accounts.fans[fan].clone();
    let hook = ReceiveMsg::Buy {
        event_id: 1,
        tier,
        quantity,
        recipient: recipient.map(|fan| chain.accounts.fans[fan].to_string()),
        voucher: Some(VOUCHER.into()),
    };
    chain.pay(&payer, amount, &hook)
}

/// What the purchase tells vouchers: fan `holder` paid `paid_each` for each of `quantity`
/// tickets of event 1's tier priced `price`.
fn ticket_use(
    chain: &Chain,
    holder: usize,
    (members_of, price): (Option<u64>, u128),
    quantity: u32,
    paid_each: u128,
) -> VoucherExecuteMsg {
    VoucherExecuteMsg::UseForTickets(TicketUse {
        token_id: VOUCHER.into(),
        holder: chain.accounts.fans[holder].to_string(),
        issuer: chain.accounts.issuer.to_string(),
        event_id: 1,
        members_of,
        quantity,
        price: Uint128::new(price),
        paid_each: Uint128::new(paid_each),
    })
}

/// The one message `response` sends, which must be an execute of the configured vouchers
/// contract, read back as vouchers reads it.
fn sent_to_vouchers(chain: &Chain, response: &Response) -> VoucherExecuteMsg {
    let sent = executes(response);
    assert_eq!(sent.len(), 1, "one message: {sent:?}");
    assert_eq!(sent[0].0, vouchers(chain).as_str());
    from_json(&sent[0].1).unwrap()
}

fn attribute<'a>(response: &'a Response, key: &str) -> Option<&'a str> {
    response
        .attributes
        .iter()
        .find(|attribute| attribute.key == key)
        .map(|attribute| attribute.value.as_str())
}

fn reserved(chain: &Chain, tier: u8) -> u32 {
    TIERS.load(&chain.deps.storage, (1, tier)).unwrap().reserved
}

fn funded(chain: &Chain) -> u128 {
    LEDGERS
        .may_load(&chain.deps.storage, 1)
        .unwrap()
        .unwrap_or_default()
        .funded
        .u128()
}

fn escrow(chain: &Chain) -> u128 {
    chain.event().escrow.u128()
}

#[test]
fn a_voucher_purchase_mints_funded_tickets_and_tells_vouchers() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    let fans = chain.accounts.fans.clone();

    // Two Stalls (100 CTC each) for 160 CTC: 80 CTC each, as the voucher allows.
    let response = buy_with_voucher(&mut chain, (0, None), 0, 2, 160 * CTC).unwrap();
    assert_eq!(
        sent_to_vouchers(&chain, &response),
        ticket_use(&chain, 0, (None, 100 * CTC), 2, 80 * CTC)
    );
    assert_eq!(attribute(&response, "voucher"), Some(VOUCHER));
    assert_eq!(attribute(&response, "token_ids"), Some("1-0,1-1"));
    for token_id in ["1-0", "1-1"] {
        assert_eq!(chain.owner_of(token_id), fans[0].as_str());
        assert_eq!(
            changes(&chain, token_id),
            [Provenance::Minted {
                to: fans[0].clone(),
                paid: Uint128::new(80 * CTC)
            }]
        );
    }
    let ticket = TICKETS.load(&chain.deps.storage, (1, 0)).unwrap();
    assert!(ticket.reserved);
    assert_eq!(ticket.value, Uint128::new(80 * CTC));
    assert_eq!((reserved(&chain, 0), funded(&chain)), (2, 160 * CTC));
    assert_eq!(escrow(&chain), 160 * CTC);
    assert_eq!(chain.event().tiers[0].sold, 2);

    // The voucher is the payer's, whoever receives the tickets; a Box at face price with it.
    let response = buy_with_voucher(&mut chain, (1, Some(2)), 1, 1, 250 * CTC).unwrap();
    assert_eq!(
        sent_to_vouchers(&chain, &response),
        ticket_use(&chain, 1, (None, 250 * CTC), 1, 250 * CTC)
    );
    assert_eq!(chain.owner_of("1-10"), fans[2].as_str());
    assert_eq!((reserved(&chain, 1), funded(&chain)), (1, 410 * CTC));

    // A purchase without a voucher escrows the face price beside them, as ever.
    chain.buy(3, 0, 1, 100 * CTC).unwrap();
    assert_eq!((reserved(&chain, 0), funded(&chain)), (2, 410 * CTC));
    assert_eq!(escrow(&chain), 510 * CTC);
}

#[test]
fn a_voucher_needs_a_configured_vouchers_contract() {
    let mut chain = Chain::new();
    assert_eq!(
        buy_with_voucher(&mut chain, (0, None), 0, 1, 80 * CTC).unwrap_err(),
        ContractError::VouchersNotSet
    );
    assert_eq!(chain.event().tickets_minted, 0);
}

#[test]
fn a_voucher_price_splits_evenly_and_never_exceeds_the_face_price() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    let wrong = |expected: u128, received: u128| ContractError::WrongAmount {
        expected: Uint128::new(expected),
        received: Uint128::new(received),
    };
    for (quantity, paid, face) in [
        // 100 CTC + 1 does not split over three tickets.
        (3, 100 * CTC + 1, 300 * CTC),
        // A micro-CTC above the face price, alone or split evenly.
        (1, 100 * CTC + 1, 100 * CTC),
        (2, 200 * CTC + 2, 200 * CTC),
    ] {
        assert_eq!(
            buy_with_voucher(&mut chain, (0, None), 0, quantity, paid).unwrap_err(),
            wrong(face, paid)
        );
    }
    assert_eq!(chain.event().tickets_minted, 0);
    // At the face price exactly (a pass without a members' price), three tickets go through.
    buy_with_voucher(&mut chain, (0, None), 0, 3, 300 * CTC).unwrap();
    assert_eq!((reserved(&chain, 0), funded(&chain)), (3, 300 * CTC));
    assert_eq!(escrow(&chain), 300 * CTC);
}

#[test]
fn the_sales_rules_bind_a_voucher_purchase_too() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    buy_with_voucher(&mut chain, (0, None), 0, 3, 240 * CTC).unwrap();
    // Stalls allow four per wallet: the voucher's tickets count.
    assert_eq!(
        buy_with_voucher(&mut chain, (0, None), 0, 2, 160 * CTC).unwrap_err(),
        ContractError::WalletLimit {
            limit: 4,
            already: 3
        }
    );
    let event = chain.event();
    chain.advance_to(event.sale_ends_at);
    assert_eq!(
        buy_with_voucher(&mut chain, (1, None), 0, 1, 80 * CTC).unwrap_err(),
        ContractError::SaleClosed {
            starts_at: event.sale_starts_at,
            ends_at: event.sale_ends_at
        }
    );
}

#[test]
fn a_members_tier_sells_only_with_a_pass_and_names_its_class() {
    let mut chain = Chain::bare();
    set_vouchers(&mut chain);
    let opens_at = chain.env.block.time.plus_seconds(DAY);
    create_event(&mut chain, |input| {
        input.sale_starts_at = opens_at;
        input.tiers[1].members_of = Some(9);
    })
    .unwrap();
    let issuer = chain.accounts.issuer.clone();
    let gallery = TierInput {
        name: "Members' gallery".into(),
        price: Uint128::new(50 * CTC),
        supply: 5,
        seats: vec![],
        per_wallet_limit: None,
        members_of: Some(4),
        random_seats: false,
    };
    let add = ExecuteMsg::AddTier {
        event_id: 1,
        tier: gallery,
    };
    chain.execute(&issuer, add).unwrap();
    let members: Vec<_> = chain.event().tiers.iter().map(|t| t.members_of).collect();
    assert_eq!(members, [None, Some(9), Some(4)]);
    assert_eq!(
        TIERS.load(&chain.deps.storage, (1, 2)).unwrap().members_of,
        Some(4)
    );

    chain.advance_to(opens_at);
    for (tier, amount, class_id) in [(1, 250 * CTC, 9), (2, 50 * CTC, 4)] {
        assert_eq!(
            chain.buy(0, tier, 1, amount).unwrap_err(),
            ContractError::MembersOnly { class_id }
        );
    }
    // With a pass named, the tier's class goes to vouchers, which checks the pass is of it.
    let response = buy_with_voucher(&mut chain, (0, None), 1, 1, 200 * CTC).unwrap();
    assert_eq!(
        sent_to_vouchers(&chain, &response),
        ticket_use(&chain, 0, (Some(9), 250 * CTC), 1, 200 * CTC)
    );
    // The other tiers sell without one.
    chain.buy(1, 0, 1, 100 * CTC).unwrap();
    assert_eq!(escrow(&chain), 300 * CTC);
}

#[test]
fn vouchers_is_set_once_by_the_owner() {
    let mut chain = Chain::bare();
    let (owner, fan) = (chain.accounts.owner.clone(), chain.accounts.fans[0].clone());
    let address = vouchers(&chain).to_string();
    let set = |address: &str| ExecuteMsg::SetVouchers {
        address: address.to_owned(),
    };
    let config = |chain: &Chain| chain.ask::<ConfigResponse>(QueryMsg::Config {}).vouchers;
    assert_eq!(config(&chain), None);
    assert!(matches!(
        chain.refused(&fan, set(&address)),
        ContractError::Convention(ConventionError::Admin(AdminError::Ownership(_)))
    ));
    assert!(matches!(
        chain.refused(&owner, set("not an address")),
        ContractError::Convention(ConventionError::InvalidAddress { .. })
    ));
    let response = chain.execute(&owner, set(&address)).unwrap();
    assert_eq!(attribute(&response, "vouchers"), Some(address.as_str()));
    assert_eq!(config(&chain), Some(vouchers(&chain)));
    let other = chain.deps.api.addr_make("other-vouchers").to_string();
    assert_eq!(
        chain.refused(&owner, set(&other)),
        ContractError::VouchersAlreadySet
    );
    assert_eq!(config(&chain), Some(vouchers(&chain)));
}

#[test]
fn a_cancelled_show_refunds_what_a_voucher_ticket_cost() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    let fans = chain.accounts.fans.clone();
    buy_with_voucher(&mut chain, (0, None), 0, 2, 150 * CTC).unwrap(); // 1-0, 1-1
    chain.buy(1, 0, 1, 100 * CTC).unwrap(); // 1-2
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CancelEvent { event_id: 1 })
        .unwrap();
    assert_eq!(escrow(&chain), 250 * CTC);
    let token = chain.accounts.token.to_string();
    for (fan, token_id, amount, left) in [
        (0, "1-0", 75 * CTC, 175 * CTC),
        (1, "1-2", 100 * CTC, 75 * CTC),
        (0, "1-1", 75 * CTC, 0),
    ] {
        let refund = ExecuteMsg::ClaimRefund {
            token_id: token_id.into(),
        };
        let response = chain.execute(&fans[fan], refund).unwrap();
        assert_eq!(
            executes(&response),
            [(token.clone(), ctc_disburse_json(&[(&fans[fan], amount)], 0))]
        );
        assert_eq!(escrow(&chain), left, "after the refund of {token_id}");
    }
    assert!(matches!(
        chain.event().status,
        EventStatus::Cancelled { .. }
    ));
}

#[test]
fn a_ticket_bought_with_a_voucher_cannot_be_listed() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    let fan = chain.accounts.fans[0].clone();
    buy_with_voucher(&mut chain, (0, None), 0, 1, 80 * CTC).unwrap();
    let refused = chain.refused(&fan, list("1-0", 88 * CTC));
    assert_eq!(refused, ContractError::ReservedNotForSale);
    assert!(
        refused.to_string().contains("bought with a voucher"),
        "{refused}"
    );
    // A ticket bought at face price still lists.
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    chain.execute(&fan, list("1-1", 110 * CTC)).unwrap();
}

#[test]
fn a_purchase_without_a_voucher_sends_nothing_and_counts_no_reserved() {
    let mut chain = Chain::new();
    set_vouchers(&mut chain);
    let response = chain.buy(0, 0, 2, 200 * CTC).unwrap();
    assert!(response.messages.is_empty());
    assert_eq!(attribute(&response, "voucher"), None);
    let keys: Vec<_> = response.attributes.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "action",
            "event_id",
            "tier",
            "buyer",
            "recipient",
            "amount",
            "token_ids"
        ]
    );
    assert_eq!((reserved(&chain, 0), funded(&chain)), (0, 0));
    assert!(LEDGERS.may_load(&chain.deps.storage, 1).unwrap().is_none());
    assert_eq!(escrow(&chain), 200 * CTC);
}

/// The new fields are left out of the JSON when unset: a purchase without a voucher and a tier
/// without a members' class are sent, stored and answered as before.
#[test]
fn the_json_without_a_voucher_or_members_class_is_unchanged() {
    let hook = |voucher: Option<&str>| ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 2,
        recipient: None,
        voucher: voucher.map(str::to_owned),
    };
    assert_eq!(
        cosmwasm_std::to_json_string(&hook(None)).unwrap(),
        r#"{"buy":{"event_id":1,"tier":0,"quantity":2,"recipient":null}}"#
    );
    assert_eq!(
        cosmwasm_std::to_json_string(&hook(Some(VOUCHER))).unwrap(),
        r#"{"buy":{"event_id":1,"tier":0,"quantity":2,"recipient":null,"voucher":"3-7"}}"#
    );
    let old: ReceiveMsg =
        from_json(r#"{"buy":{"event_id":1,"tier":0,"quantity":2,"recipient":null}}"#).unwrap();
    assert_eq!(old, hook(None));

    let chain = Chain::new();
    let input = event_input(&chain.env);
    assert_eq!(
        cosmwasm_std::to_json_string(&input.tiers[0]).unwrap(),
        r#"{"name":"Stalls","price":"100000000","supply":10,"seats":[],"per_wallet_limit":4}"#
    );
    let answer = query(
        chain.deps.as_ref(),
        chain.env.clone(),
        QueryMsg::Event { event_id: 1 },
    )
    .unwrap();
    let answer = String::from_utf8(answer.to_vec()).unwrap();
    assert!(!answer.contains("members_of"), "{answer}");
}

//! The registry's answers as the contract keeps them: only the registry changes them, and each
//! sale, reserved mint, resale and gift is decided by them as they stand, without a query.

use cosmwasm_std::{coins, QuerierResult, WasmQuery};
use ctc_conventions::mirror;

use super::*;

const TOO_LOW: ContractError = ContractError::IdentityTooLow {
    required: IdentityLevel::RealName,
};

fn partner(address: &Addr, standing: Standing, capabilities: &[Capability]) -> RegistryUpdate {
    RegistryUpdate::Partner {
        address: address.clone(),
        standing: Some(PartnerStanding {
            standing,
            capabilities: capabilities.to_vec(),
        }),
    }
}

fn attest(
    user: &Addr,
    attester: &Addr,
    level: IdentityLevel,
    expires_at: Option<Timestamp>,
) -> RegistryUpdate {
    RegistryUpdate::Attestation {
        user: user.clone(),
        attester: attester.clone(),
        attested: Some(AttestedLevel {
            level,
            expires_at,
            // One person per address here: the subject is taken from the address.
            subject: Some(cosmwasm_std::HexBinary::from(&user.as_bytes()[..32])),
        }),
    }
}

fn withdraw(user: &Addr, attester: &Addr) -> RegistryUpdate {
    RegistryUpdate::Attestation {
        user: user.clone(),
        attester: attester.clone(),
        attested: None,
    }
}

fn mint_reserved(event_id: u64, recipient: &Addr) -> ExecuteMsg {
    ExecuteMsg::MintReserved {
        event_id,
        tier: 0,
        recipient: recipient.to_string(),
        quantity: 1,
    }
}

/// Event 1 with fan 0 holding "1-0", listed at face value, and the minter appointed: one of each
/// kind of sale the issuer's standing gates is ready.
fn sales_ready() -> Chain {
    let mut chain = Chain::new();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    let fan = chain.accounts.fans[0].clone();
    chain.execute(&fan, list("1-0", 100 * CTC)).unwrap();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    chain
}

/// A purchase, a reserved mint and a resale, each in event 1's issuer's name.
fn each_sale(chain: &mut Chain) -> [Result<Response, ContractError>; 3] {
    let fans = chain.accounts.fans.clone();
    let minter = chain.accounts.minter.clone();
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-0".into(),
    };
    [
        chain.buy(1, 0, 1, 100 * CTC),
        chain.execute(&minter, mint_reserved(1, &fans[2])),
        chain.pay(&fans[3], 100 * CTC, &resale),
    ]
}

#[test]
fn only_the_registry_changes_the_mirror() {
    let mut chain = Chain::new();
    let issuer = chain.accounts.issuer.clone();
    chain.push(partner(
        &issuer,
        Standing::Suspended,
        &[Capability::IssueTickets],
    ));
    let fan = chain.accounts.fans[0].clone();
    let (civil_id, forger) = (chain.addr("civil-id"), chain.addr("forger"));
    let a = &chain.accounts;
    let impostors = [
        a.issuer.clone(),
        fan.clone(),
        a.owner.clone(),
        a.token.clone(),
        a.minter.clone(),
        forger.clone(),
    ];
    let forgeries = [
        // The suspended issuer reinstating itself.
        partner(&issuer, Standing::Active, &[Capability::IssueTickets]),
        // Anyone admitting itself as an identity provider, then vouching for a fan.
        partner(&forger, Standing::Active, &[Capability::AttestIdentity]),
        attest(&fan, &forger, IdentityLevel::Certificate, None),
        // A fan raising its own level under the real provider's name.
        attest(&fan, &civil_id, IdentityLevel::Certificate, None),
        // Wiping another partner's record.
        RegistryUpdate::Partner {
            address: civil_id.clone(),
            standing: None,
        },
    ];
    for impostor in &impostors {
        for forgery in &forgeries {
            assert_eq!(
                chain.refused(impostor, ExecuteMsg::RegistryUpdate(forgery.clone())),
                ContractError::Convention(ConventionError::NotRegistry),
                "{impostor} pushed {forgery:?}"
            );
        }
    }
    assert_eq!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::IssuerNotAllowed {
            reason: "suspended"
        }
    );
    let storage = &chain.deps.storage;
    assert_eq!(mirror::PARTNERS.may_load(storage, &forger).unwrap(), None);
    assert_eq!(
        mirror::identity_level(storage, &fan, chain.env.block.time).unwrap(),
        None
    );

    // Even the registry sends no funds with an update.
    let registry = chain.accounts.registry.clone();
    let paid = chain.refused_with(
        &registry,
        &coins(1, "ucosm"),
        ExecuteMsg::RegistryUpdate(partner(
            &issuer,
            Standing::Active,
            &[Capability::IssueTickets],
        )),
    );
    assert!(
        matches!(paid, ContractError::Convention(ConventionError::Payment(_))),
        "{paid}"
    );
}

#[test]
fn the_issuers_standing_as_pushed_decides_every_sale_in_its_name() {
    let mut chain = sales_ready();
    let issuer = chain.accounts.issuer.clone();
    let holder = chain.accounts.fans[0].to_string();
    let cases = [
        (
            partner(&issuer, Standing::Suspended, &[Capability::IssueTickets]),
            "suspended",
        ),
        (
            partner(&issuer, Standing::Revoked, &[Capability::IssueTickets]),
            "revoked",
        ),
        (
            partner(
                &issuer,
                Standing::Active,
                &[Capability::LaunchCrowdfunds, Capability::AttestIdentity],
            ),
            "not_granted",
        ),
        (
            RegistryUpdate::Partner {
                address: issuer.clone(),
                standing: None,
            },
            "not_a_partner",
        ),
    ];
    for (update, reason) in cases {
        chain.push(update);
        for (sale, result) in ["buy", "mint_reserved", "buy_resale"]
            .into_iter()
            .zip(each_sale(&mut chain))
        {
            assert_eq!(
                result.unwrap_err(),
                ContractError::IssuerNotAllowed { reason },
                "{sale} while {reason}"
            );
        }
        assert_eq!(chain.event().tickets_minted, 1);
        assert_eq!(chain.owner_of("1-0"), holder);
    }

    // Reinstated: each kind of sale goes through again.
    chain.push(partner(
        &issuer,
        Standing::Active,
        &[Capability::IssueTickets],
    ));
    for result in each_sale(&mut chain) {
        result.unwrap();
    }
    assert_eq!(chain.event().tickets_minted, 3);
    assert_eq!(chain.owner_of("1-0"), chain.accounts.fans[3].to_string());
}

#[test]
fn an_issuer_the_registry_never_reported_sells_nothing() {
    let mut chain = Chain::new();
    let pop_up = chain.addr("pop-up-stage");
    let input = event_input(&chain.env);
    chain
        .execute(&pop_up, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(2, &minter);
    let fan = chain.accounts.fans[0].clone();
    let denied = ContractError::IssuerNotAllowed {
        reason: "not_a_partner",
    };
    assert_eq!(chain.buy_in(0, (2, 0), 1, 100 * CTC).unwrap_err(), denied);
    assert_eq!(chain.refused(&minter, mint_reserved(2, &fan)), denied);
    // Another issuer's good standing lends it nothing.
    chain.buy(0, 0, 1, 100 * CTC).unwrap();

    chain.push(partner(
        &pop_up,
        Standing::Active,
        &[Capability::IssueTickets],
    ));
    chain.buy_in(0, (2, 0), 1, 100 * CTC).unwrap();
    chain.execute(&minter, mint_reserved(2, &fan)).unwrap();
    assert_eq!(chain.event_of(2).tickets_minted, 2);
}

/// Event 1 asks for RealName; fan 0 holds a lasting Certificate and "1-0" to "1-3", "1-3" listed
/// at face value; the minter is appointed.
fn gated() -> Chain {
    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.min_identity = Some(IdentityLevel::RealName);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    let mut registry = Registry::default();
    registry.levels.insert(
        chain.accounts.fans[0].to_string(),
        IdentityLevel::Certificate,
    );
    chain.set_registry(registry);
    chain.buy(0, 0, 4, 400 * CTC).unwrap();
    let fan = chain.accounts.fans[0].clone();
    chain.execute(&fan, list("1-3", 100 * CTC)).unwrap();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    chain
}

fn buy_one(chain: &mut Chain, buyer: &Addr) -> Result<Response, ContractError> {
    let hook = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: None,
        voucher: None,
    };
    chain.pay(buyer, 100 * CTC, &hook)
}

/// `user` may neither buy, nor buy "1-3" on resale, nor be given fan 0's "1-0", nor be bought a
/// Box ticket by fan 0, nor be minted a reserved one.
fn may_not_hold(chain: &mut Chain, user: &Addr) {
    assert_eq!(buy_one(chain, user).unwrap_err(), TOO_LOW, "buying");
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-3".into(),
    };
    assert_eq!(
        chain.pay(user, 100 * CTC, &resale).unwrap_err(),
        TOO_LOW,
        "buying on resale"
    );
    let minter = chain.accounts.minter.clone();
    assert_eq!(
        chain.refused(&minter, mint_reserved(1, user)),
        TOO_LOW,
        "being minted a reserved ticket"
    );
    let verified = chain.accounts.fans[0].clone();
    assert_eq!(
        chain.refused(&verified, gift("1-0", user)),
        TOO_LOW,
        "receiving a gift"
    );
    let bought_for = ReceiveMsg::Buy {
        event_id: 1,
        tier: 1,
        quantity: 1,
        recipient: Some(user.to_string()),
        voucher: None,
    };
    assert_eq!(
        chain.pay(&verified, 250 * CTC, &bought_for).unwrap_err(),
        TOO_LOW,
        "being bought a ticket"
    );
    assert_eq!(chain.owner_of("1-0"), verified.to_string());
}

#[test]
fn a_withdrawn_attestation_stops_buying_and_receiving() {
    let mut chain = gated();
    let (user, civil_id) = (chain.addr("withdrawn"), chain.addr("civil-id"));
    chain.push(attest(&user, &civil_id, IdentityLevel::RealName, None));
    buy_one(&mut chain, &user).unwrap();

    chain.push(withdraw(&user, &civil_id));
    may_not_hold(&mut chain, &user);
}

#[test]
fn an_attesters_word_counts_only_while_it_may_attest() {
    let mut chain = gated();
    let (user, notary) = (chain.addr("notarised"), chain.addr("notary"));
    chain.push(partner(
        &notary,
        Standing::Active,
        &[Capability::AttestIdentity],
    ));
    chain.push(attest(&user, &notary, IdentityLevel::RealName, None));
    buy_one(&mut chain, &user).unwrap();

    for (standing, capabilities) in [
        (Standing::Suspended, &[Capability::AttestIdentity][..]),
        (Standing::Revoked, &[Capability::AttestIdentity][..]),
        (Standing::Active, &[Capability::IssueTickets][..]),
    ] {
        chain.push(partner(&notary, standing, capabilities));
        may_not_hold(&mut chain, &user);
    }
    chain.push(RegistryUpdate::Partner {
        address: notary.clone(),
        standing: None,
    });
    may_not_hold(&mut chain, &user);

    // Its word was kept while it could not give it: reinstated, it counts again.
    chain.push(partner(
        &notary,
        Standing::Active,
        &[Capability::AttestIdentity],
    ));
    buy_one(&mut chain, &user).unwrap();
    let verified = chain.accounts.fans[0].clone();
    chain.execute(&verified, gift("1-0", &user)).unwrap();
}

#[test]
fn an_attestation_stops_counting_when_it_expires() {
    let mut chain = gated();
    let (user, civil_id) = (chain.addr("expiring"), chain.addr("civil-id"));
    let expires_at = chain.env.block.time.plus_seconds(DAY);
    chain.push(attest(
        &user,
        &civil_id,
        IdentityLevel::RealName,
        Some(expires_at),
    ));
    chain.advance_to(expires_at.minus_seconds(1));
    buy_one(&mut chain, &user).unwrap();
    let verified = chain.accounts.fans[0].clone();
    chain.execute(&verified, gift("1-1", &user)).unwrap();

    chain.advance_to(expires_at);
    may_not_hold(&mut chain, &user);
}

#[test]
fn a_word_from_no_partner_or_below_the_level_counts_for_nothing() {
    let mut chain = gated();
    let (unknown, phone) = (chain.addr("unknown"), chain.addr("phone-only"));
    let (ghost, civil_id) = (chain.addr("ghost-attester"), chain.addr("civil-id"));
    chain.push(attest(&unknown, &ghost, IdentityLevel::Certificate, None));
    may_not_hold(&mut chain, &unknown);
    chain.push(attest(&phone, &civil_id, IdentityLevel::Phone, None));
    may_not_hold(&mut chain, &phone);
}

/// Any query panics: the registry is not asked, on sales, gifts or resales, at a gated event.
fn no_queries(query: &WasmQuery) -> QuerierResult {
    panic!("unexpected query {query:?}")
}

#[test]
fn sales_moves_and_resales_ask_no_one() {
    let mut chain = gated();
    let minter = chain.accounts.minter.clone();
    let fans = chain.accounts.fans.clone();
    let mut registry = Registry::default();
    for fan in &fans {
        registry
            .levels
            .insert(fan.to_string(), IdentityLevel::RealName);
    }
    chain.set_registry(registry);
    chain.deps.querier.update_wasm(no_queries);

    chain.buy(1, 0, 1, 100 * CTC).unwrap();
    chain.execute(&minter, mint_reserved(1, &fans[2])).unwrap();
    chain.execute(&fans[0], gift("1-0", &fans[3])).unwrap();
    chain.execute(&fans[0], list("1-1", 100 * CTC)).unwrap();
    let resale = ReceiveMsg::BuyResale {
        token_id: "1-1".into(),
    };
    chain.pay(&fans[3], 100 * CTC, &resale).unwrap();
    assert_eq!(chain.owner_of("1-1"), fans[3].to_string());
    assert_eq!(chain.event().tickets_minted, 6);
}

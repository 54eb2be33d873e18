//! The ways around the resale cap, closed: gifts and resales pass only between identified
//! people and count against the receiver's limit, only the issuer's markets move tickets for
//! their owners, a real-name event counts people rather than wallets, an event counts only the
//! attesters it accepts, the platform's minimum identity binds new events, and a suspended
//! issuer's tickets stay where they are.

use cosmwasm_std::Binary;

use super::*;
use crate::msg::{AntiScalpingInput, ConfigResponse, ListingResponse, Provenance};

const REAL_NAME: IdentityLevel = IdentityLevel::RealName;

/// The registry attesting each `(fan, level)` given, and no one else.
fn attested(chain: &Chain, levels: &[(usize, IdentityLevel)]) -> Registry {
    let mut registry = Registry::default();
    for &(fan, level) in levels {
        registry
            .levels
            .insert(chain.accounts.fans[fan].to_string(), level);
    }
    registry
}

/// Event 1 under anti-scalping rules: gifts and resales between RealName people only, the
/// account "market" the only market. It asks no identity of buyers. The registry attests each
/// `(fan, level)` given.
fn guarded(levels: &[(usize, IdentityLevel)]) -> Chain {
    let mut chain = Chain::bare();
    let market = chain.addr("market");
    create_event(&mut chain, |input| {
        input.anti_scalping = Some(AntiScalpingInput {
            gift_identity: REAL_NAME,
            markets: vec![market.to_string()],
        });
    })
    .unwrap();
    let registry = attested(&chain, levels);
    chain.set_registry(registry);
    chain
}

fn too_low(party: &'static str) -> ContractError {
    ContractError::GiftIdentityTooLow {
        party,
        required: REAL_NAME,
    }
}

fn not_a_market(mover: &Addr) -> ContractError {
    ContractError::MarketNotAllowed {
        mover: mover.to_string(),
    }
}

fn approve(spender: &Addr, token_id: &str) -> ExecuteMsg {
    ExecuteMsg::Approve {
        spender: spender.to_string(),
        token_id: token_id.into(),
        expires: None,
    }
}

fn approve_all(operator: &Addr) -> ExecuteMsg {
    ExecuteMsg::ApproveAll {
        operator: operator.to_string(),
        expires: None,
    }
}

fn buy_resale(token_id: &str) -> ReceiveMsg {
    ReceiveMsg::BuyResale {
        token_id: token_id.into(),
    }
}

fn minted(to: &Addr, paid: u128) -> Provenance {
    Provenance::Minted {
        to: to.clone(),
        paid: Uint128::new(paid),
    }
}

fn transferred(from: &Addr, to: &Addr) -> Provenance {
    Provenance::Transferred {
        from: from.clone(),
        to: to.clone(),
    }
}

fn wallet_limit(already: u32) -> ContractError {
    ContractError::WalletLimit { limit: 4, already }
}

#[test]
fn a_gift_passes_only_between_identified_people() {
    // Fans 0 and 1 are RealName, fan 2 is attested by no one, fan 3 only by phone.
    let mut chain = guarded(&[(0, REAL_NAME), (1, REAL_NAME), (3, IdentityLevel::Phone)]);
    let fans = chain.accounts.fans.clone();
    // Buying asks nothing at this event: each of them holds one.
    chain.buy(0, 0, 1, 100 * CTC).unwrap(); // 1-0
    chain.buy(2, 0, 1, 100 * CTC).unwrap(); // 1-1
    chain.buy(3, 0, 1, 100 * CTC).unwrap(); // 1-2

    assert_eq!(
        chain.refused(&fans[0], gift("1-0", &fans[2])),
        too_low("receiver")
    );
    assert_eq!(
        chain.refused(&fans[0], gift("1-0", &fans[3])),
        too_low("receiver")
    );
    let send = ExecuteMsg::SendNft {
        contract: fans[2].to_string(),
        token_id: "1-0".into(),
        msg: Binary::default(),
    };
    assert_eq!(chain.refused(&fans[0], send), too_low("receiver"));
    assert_eq!(
        chain.refused(&fans[2], gift("1-1", &fans[0])),
        too_low("giver")
    );
    assert_eq!(
        chain.refused(&fans[3], gift("1-2", &fans[1])),
        too_low("giver")
    );

    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    assert_eq!(chain.owner_of("1-0"), fans[1].to_string());
    assert_eq!(
        changes(&chain, "1-0"),
        [minted(&fans[0], 100 * CTC), transferred(&fans[0], &fans[1])]
    );
    assert_eq!(chain.owner_of("1-1"), fans[2].to_string());
    assert_eq!(chain.owner_of("1-2"), fans[3].to_string());
}

#[test]
fn a_resale_passes_only_between_identified_people_within_the_limit() {
    let mut chain = guarded(&[(0, REAL_NAME), (1, REAL_NAME), (3, REAL_NAME)]);
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap(); // 1-0
    chain.buy(2, 0, 1, 100 * CTC).unwrap(); // 1-1, held by the unattested fan 2
    chain.buy(1, 0, 4, 400 * CTC).unwrap(); // fan 1 at the limit
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    chain.execute(&fans[2], list("1-1", 100 * CTC)).unwrap();

    assert_eq!(
        chain
            .pay(&fans[2], 100 * CTC, &buy_resale("1-0"))
            .unwrap_err(),
        too_low("receiver")
    );
    assert_eq!(
        chain
            .pay(&fans[0], 100 * CTC, &buy_resale("1-1"))
            .unwrap_err(),
        too_low("giver")
    );
    assert_eq!(
        chain
            .pay(&fans[1], 100 * CTC, &buy_resale("1-0"))
            .unwrap_err(),
        wallet_limit(4)
    );
    chain.pay(&fans[3], 100 * CTC, &buy_resale("1-0")).unwrap();
    assert_eq!(chain.owner_of("1-0"), fans[3].to_string());
    // Bought on resale counts as bought: three more, not four.
    assert_eq!(chain.buy(3, 0, 4, 400 * CTC).unwrap_err(), wallet_limit(1));
    chain.buy(3, 0, 3, 300 * CTC).unwrap();
}

#[test]
fn only_the_issuers_markets_move_tickets_for_their_owners() {
    let mut chain = guarded(&[(0, REAL_NAME), (1, REAL_NAME)]);
    let fans = chain.accounts.fans.clone();
    let (market, bazaar) = (chain.addr("market"), chain.addr("bazaar"));
    chain.buy(0, 0, 2, 200 * CTC).unwrap(); // 1-0, 1-1

    // A marketplace that would sell above the cap is not approved...
    assert_eq!(
        chain.refused(&fans[0], approve(&bazaar, "1-0")),
        not_a_market(&bazaar)
    );
    // ...and as an operator, which cw721 grants over all of a wallet's tokens, it moves nothing
    // and approves no one, itself included.
    chain.execute(&fans[0], approve_all(&bazaar)).unwrap();
    assert_eq!(
        chain.refused(&bazaar, gift("1-0", &fans[1])),
        not_a_market(&bazaar)
    );
    let send = ExecuteMsg::SendNft {
        contract: fans[1].to_string(),
        token_id: "1-0".into(),
        msg: Binary::default(),
    };
    assert_eq!(chain.refused(&bazaar, send), not_a_market(&bazaar));
    assert_eq!(
        chain.refused(&bazaar, approve(&bazaar, "1-1")),
        not_a_market(&bazaar)
    );
    assert_eq!(chain.owner_of("1-0"), fans[0].to_string());

    // The issuer's market is approved, and moves the ticket to an identified person only.
    chain.execute(&fans[0], approve(&market, "1-0")).unwrap();
    assert_eq!(
        chain.refused(&market, gift("1-0", &fans[2])),
        too_low("receiver")
    );
    chain.execute(&market, gift("1-0", &fans[1])).unwrap();
    assert_eq!(chain.owner_of("1-0"), fans[1].to_string());
    assert_eq!(
        changes(&chain, "1-0"),
        [minted(&fans[0], 100 * CTC), transferred(&fans[0], &fans[1])]
    );
    // Its approval went with the move.
    assert_eq!(
        chain.refused(&market, gift("1-0", &fans[0])),
        ContractError::NotAllowedToMove {
            token_id: "1-0".into()
        }
    );
    // As an operator too.
    chain.execute(&fans[0], approve_all(&market)).unwrap();
    chain.execute(&market, gift("1-1", &fans[1])).unwrap();
    assert_eq!(chain.owner_of("1-1"), fans[1].to_string());
}

#[test]
fn a_gift_counts_against_the_receivers_limit() {
    let mut chain = guarded(&[(0, REAL_NAME), (1, REAL_NAME), (2, REAL_NAME)]);
    let fans = chain.accounts.fans.clone();
    chain.buy(1, 0, 4, 400 * CTC).unwrap(); // 1-0 to 1-3: fan 1 at the Stalls limit
    chain.buy(0, 0, 2, 200 * CTC).unwrap(); // 1-4, 1-5

    assert_eq!(
        chain.refused(&fans[0], gift("1-4", &fans[1])),
        wallet_limit(4)
    );
    assert_eq!(chain.owner_of("1-4"), fans[0].to_string());
    // The Box tier has no limit: fan 1 may be given one.
    chain.buy(0, 1, 1, 250 * CTC).unwrap(); // 1-10
    chain.execute(&fans[0], gift("1-10", &fans[1])).unwrap();

    // A gift counts as a purchase: given one, fan 2 buys three more, not four.
    chain.execute(&fans[0], gift("1-4", &fans[2])).unwrap();
    assert_eq!(chain.buy(2, 0, 4, 400 * CTC).unwrap_err(), wallet_limit(1));
    chain.buy(2, 0, 3, 300 * CTC).unwrap();
    assert_eq!(
        chain.refused(&fans[0], gift("1-5", &fans[2])),
        wallet_limit(4)
    );
}

#[test]
fn a_real_name_event_counts_people_not_wallets() {
    let mut chain = Chain::bare();
    create_event(&mut chain, |input| input.min_identity = Some(REAL_NAME)).unwrap();
    let fans = chain.accounts.fans.clone();
    let mut registry = attested(&chain, &[(0, REAL_NAME), (1, REAL_NAME), (2, REAL_NAME)]);
    // To the identity provider, fans 0 and 1 are one person with two wallets.
    registry.subjects.insert(fans[0].to_string(), 7);
    registry.subjects.insert(fans[1].to_string(), 7);
    chain.set_registry(registry);
    let person_limit = |already| ContractError::PersonLimit { limit: 4, already };

    chain.buy(0, 0, 3, 300 * CTC).unwrap();
    assert_eq!(chain.buy(1, 0, 2, 200 * CTC).unwrap_err(), person_limit(3));
    chain.buy(1, 0, 1, 100 * CTC).unwrap();
    assert_eq!(chain.buy(0, 0, 1, 100 * CTC).unwrap_err(), person_limit(4));
    // Nor does someone else buy for that person.
    let for_fan_0 = ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: Some(fans[0].to_string()),
        voucher: None,
    };
    assert_eq!(
        chain.pay(&fans[2], 100 * CTC, &for_fan_0).unwrap_err(),
        person_limit(4)
    );
    // Another person has a limit of their own.
    chain.buy(2, 0, 4, 400 * CTC).unwrap();
    assert_eq!(chain.event().tiers[0].sold, 8);
}

#[test]
fn a_real_name_event_refuses_an_attestation_that_names_no_person() {
    let mut chain = Chain::bare();
    create_event(&mut chain, |input| input.min_identity = Some(REAL_NAME)).unwrap();
    let registry = attested(&chain, &[(0, REAL_NAME)]);
    chain.set_registry(registry);
    let (nameless, civil_id) = (chain.addr("nameless"), chain.addr("civil-id"));
    let attest = |subject: Option<HexBinary>| RegistryUpdate::Attestation {
        user: nameless.clone(),
        attester: civil_id.clone(),
        attested: Some(AttestedLevel {
            level: REAL_NAME,
            expires_at: None,
            subject,
        }),
    };
    chain.push(attest(None));
    let buy = |recipient: Option<&Addr>| ReceiveMsg::Buy {
        event_id: 1,
        tier: 0,
        quantity: 1,
        recipient: recipient.map(Addr::to_string),
        voucher: None,
    };
    assert_eq!(
        chain.pay(&nameless, 100 * CTC, &buy(None)).unwrap_err(),
        ContractError::NoSubject
    );
    let fan = chain.accounts.fans[0].clone();
    assert_eq!(
        chain
            .pay(&fan, 100 * CTC, &buy(Some(&nameless)))
            .unwrap_err(),
        ContractError::NoSubject
    );
    assert_eq!(chain.event().tickets_minted, 0);

    chain.push(attest(Some(HexBinary::from(vec![42; 32]))));
    chain.pay(&nameless, 100 * CTC, &buy(None)).unwrap();
    assert_eq!(chain.owner_of("1-0"), nameless.to_string());
}

#[test]
fn an_event_counts_only_its_accepted_attesters() {
    let mut chain = Chain::bare();
    let notary = chain.addr("notary");
    create_event(&mut chain, |input| {
        input.min_identity = Some(REAL_NAME);
        input.accepted_attesters = Some(vec![notary.to_string()]);
    })
    .unwrap();
    // civil-id vouches for fan 0, better than asked; the notary for fan 1.
    let registry = attested(&chain, &[(0, IdentityLevel::Certificate)]);
    chain.set_registry(registry);
    chain.push(RegistryUpdate::Partner {
        address: notary.clone(),
        standing: Some(PartnerStanding {
            standing: Standing::Active,
            capabilities: vec![Capability::AttestIdentity],
        }),
    });
    let fans = chain.accounts.fans.clone();
    chain.push(RegistryUpdate::Attestation {
        user: fans[1].clone(),
        attester: notary.clone(),
        attested: Some(AttestedLevel {
            level: REAL_NAME,
            expires_at: None,
            subject: Some(HexBinary::from(vec![9; 32])),
        }),
    });
    assert_eq!(chain.event().accepted_attesters, [notary]);

    let not_accepted = ContractError::IdentityTooLow {
        required: REAL_NAME,
    };
    assert_eq!(chain.buy(0, 0, 1, 100 * CTC).unwrap_err(), not_accepted);
    assert_eq!(chain.buy(0, 1, 1, 250 * CTC).unwrap_err(), not_accepted);
    chain.buy(1, 0, 1, 100 * CTC).unwrap();
    assert_eq!(chain.refused(&fans[1], gift("1-0", &fans[0])), not_accepted);
    assert_eq!(chain.owner_of("1-0"), fans[1].to_string());

    // An event that names no attester takes civil-id's word.
    create_event(&mut chain, |input| input.min_identity = Some(REAL_NAME)).unwrap();
    chain.buy_in(0, (2, 0), 1, 100 * CTC).unwrap();
}

#[test]
fn the_platform_minimum_binds_the_events_created_after_it() {
    let mut chain = Chain::new();
    let (owner, issuer) = (chain.accounts.owner.clone(), chain.accounts.issuer.clone());
    let set = |level| ExecuteMsg::SetMinHolderIdentity { level };
    let not_owner = ContractError::Convention(ConventionError::Admin(AdminError::Ownership(
        cw_ownable::OwnershipError::NotOwner,
    )));
    assert_eq!(
        chain.refused(&issuer, set(Some(IdentityLevel::Phone))),
        not_owner
    );
    let fan = chain.accounts.fans[0].clone();
    assert_eq!(chain.refused(&fan, set(None)), not_owner);

    chain
        .execute(&owner, set(Some(IdentityLevel::Phone)))
        .unwrap();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.min_holder_identity, Some(IdentityLevel::Phone));
    for below in [
        None,
        Some(IdentityLevel::Registered),
        Some(IdentityLevel::Anonymous),
    ] {
        let mut input = event_input(&chain.env);
        input.min_identity = below;
        assert_eq!(
            chain.refused(&issuer, ExecuteMsg::CreateEvent { event: input }),
            ContractError::BelowPlatformIdentity {
                minimum: IdentityLevel::Phone
            },
            "{below:?}"
        );
    }
    for (event_id, level) in [(2, IdentityLevel::Phone), (3, REAL_NAME)] {
        create_event(&mut chain, |input| input.min_identity = Some(level)).unwrap();
        assert_eq!(chain.event_of(event_id).min_identity, Some(level));
    }
    // Fixed at creation: event 1 still sells to a fan no one attested; event 2 does not.
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    assert_eq!(
        chain.buy_in(0, (2, 0), 1, 100 * CTC).unwrap_err(),
        ContractError::IdentityTooLow {
            required: IdentityLevel::Phone
        }
    );

    // Lifted, the minimum binds no new event.
    chain.execute(&owner, set(None)).unwrap();
    create_event(&mut chain, |_| {}).unwrap();
    assert_eq!(chain.event_of(4).min_identity, None);
}

#[test]
fn a_suspended_issuers_tickets_neither_move_nor_list_until_reinstated() {
    let mut chain = Chain::new();
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 2, 200 * CTC).unwrap();
    for (denial, reason) in [
        (Denial::Suspended, "suspended"),
        (Denial::Revoked, "revoked"),
        (Denial::NotAPartner, "not_a_partner"),
    ] {
        chain.set_registry(Registry {
            issuer_denial: Some(denial),
            ..Registry::default()
        });
        let not_active = ContractError::IssuerNotActive { reason };
        assert_eq!(
            chain.refused(&fans[0], gift("1-0", &fans[1])),
            not_active,
            "gift while {reason}"
        );
        assert_eq!(
            chain.refused(&fans[0], list("1-0", 100 * CTC)),
            not_active,
            "listing while {reason}"
        );
    }
    assert_eq!(chain.owner_of("1-0"), fans[0].to_string());

    chain.set_registry(Registry::default());
    chain.execute(&fans[0], gift("1-0", &fans[1])).unwrap();
    chain.execute(&fans[1], list("1-0", 100 * CTC)).unwrap();
    let listing: Option<ListingResponse> = chain.ask(QueryMsg::Listing {
        token_id: "1-0".into(),
    });
    assert_eq!(listing.map(|l| l.seller), Some(fans[1].clone()));
}

/// A refusal writes nothing (`Chain::pay` checks it): a resale refused because the issuer may
/// no longer sell must not have counted the ticket against the buyer's limit first.
#[test]
fn a_resale_refused_for_the_issuers_standing_writes_nothing() {
    let mut chain = guarded(&[(0, REAL_NAME), (1, REAL_NAME)]);
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    chain.execute(&fans[0], list("1-0", 100 * CTC)).unwrap();
    let mut registry = attested(&chain, &[(0, REAL_NAME), (1, REAL_NAME)]);
    registry.issuer_denial = Some(Denial::Suspended);
    chain.set_registry(registry.clone());
    assert_eq!(
        chain
            .pay(&fans[1], 100 * CTC, &buy_resale("1-0"))
            .unwrap_err(),
        ContractError::IssuerNotAllowed {
            reason: "suspended"
        }
    );

    registry.issuer_denial = None;
    chain.set_registry(registry);
    chain.pay(&fans[1], 100 * CTC, &buy_resale("1-0")).unwrap();
    // Counted once: three more.
    assert_eq!(chain.buy(1, 0, 4, 400 * CTC).unwrap_err(), wallet_limit(1));
}

/// As above, for a gift whose receiver meets the gift's identity level but not the event's.
#[test]
fn a_gift_refused_for_the_receivers_identity_writes_nothing() {
    let mut chain = Chain::bare();
    create_event(&mut chain, |input| {
        input.min_identity = Some(IdentityLevel::Phone);
        input.anti_scalping = Some(AntiScalpingInput {
            gift_identity: IdentityLevel::Anonymous,
            markets: vec![],
        });
    })
    .unwrap();
    let registry = attested(
        &chain,
        &[(0, IdentityLevel::Phone), (1, IdentityLevel::Anonymous)],
    );
    chain.set_registry(registry);
    let fans = chain.accounts.fans.clone();
    chain.buy(0, 0, 1, 100 * CTC).unwrap();
    assert_eq!(
        chain.refused(&fans[0], gift("1-0", &fans[1])),
        ContractError::IdentityTooLow {
            required: IdentityLevel::Phone
        }
    );
}

/// A second attester's word on the same wallet does not start the person afresh: the person is
/// counted under every attestation that clears the wallet.
#[test]
fn a_second_attester_does_not_reset_a_persons_count() {
    let mut chain = Chain::bare();
    create_event(&mut chain, |input| input.min_identity = Some(REAL_NAME)).unwrap();
    let registry = attested(&chain, &[(0, REAL_NAME)]);
    chain.set_registry(registry);
    chain.buy(0, 0, 4, 400 * CTC).unwrap();

    let notary = chain.addr("notary");
    chain.push(RegistryUpdate::Partner {
        address: notary.clone(),
        standing: Some(PartnerStanding {
            standing: Standing::Active,
            capabilities: vec![Capability::AttestIdentity],
        }),
    });
    let fan = chain.accounts.fans[0].clone();
    chain.push(RegistryUpdate::Attestation {
        user: fan,
        attester: notary,
        attested: Some(AttestedLevel {
            level: IdentityLevel::Certificate,
            expires_at: None,
            subject: Some(HexBinary::from(vec![77; 32])),
        }),
    });
    assert_eq!(
        chain.buy(0, 0, 1, 100 * CTC).unwrap_err(),
        ContractError::PersonLimit {
            limit: 4,
            already: 4
        }
    );
}

/// A reward or a reserved ticket counts against its receiver's limit as a purchase does: a
/// campaign is no way around the cap.
#[test]
fn minted_tickets_count_against_the_receivers_limit() {
    let mut chain = Chain::new();
    let minter = chain.accounts.minter.clone();
    chain.appoint_minter(1, &minter);
    let fan = chain.accounts.fans[0].clone();
    chain.buy(0, 0, 3, 300 * CTC).unwrap();
    let reserve = |quantity| ExecuteMsg::MintReserved {
        event_id: 1,
        tier: 0,
        recipient: fan.to_string(),
        quantity,
    };
    assert_eq!(chain.refused(&minter, reserve(2)), wallet_limit(3));
    chain.execute(&minter, reserve(1)).unwrap();
    let funded = ReceiveMsg::MintFunded {
        event_id: 1,
        tier: 0,
        recipient: fan.to_string(),
        quantity: 1,
    };
    assert_eq!(
        chain.pay(&minter, 80 * CTC, &funded).unwrap_err(),
        wallet_limit(4)
    );
}

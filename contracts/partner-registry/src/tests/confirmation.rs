use super::*;
use crate::msg::ConfirmationResponse;

fn propose(id: &str, parties: &[&Addr]) -> ExecuteMsg {
    ExecuteMsg::Propose {
        id: id.into(),
        digest: digest(0xc0),
        parties: parties.iter().map(|p| p.to_string()).collect(),
    }
}

fn state_of(chain: &Chain, proposer: &Addr, id: &str) -> ConfirmationResponse {
    chain.ask(QueryMsg::Confirmation {
        proposer: proposer.to_string(),
        id: id.into(),
    })
}

/// Of the theater's proposal `id`.
fn state(chain: &Chain, id: &str) -> ConfirmationResponse {
    state_of(chain, &chain.accounts.theater, id)
}

fn confirm_of(proposer: &Addr, id: &str) -> ExecuteMsg {
    ExecuteMsg::Confirm {
        proposer: proposer.to_string(),
        id: id.into(),
    }
}

/// Confirms the theater's proposal `id`.
fn confirm(chain: &Chain, id: &str) -> ExecuteMsg {
    confirm_of(&chain.accounts.theater, id)
}

/// Withdraws from the theater's proposal `id`.
fn withdraw(chain: &Chain, id: &str) -> ExecuteMsg {
    ExecuteMsg::WithdrawConfirmation {
        proposer: chain.accounts.theater.to_string(),
        id: id.into(),
    }
}

#[test]
fn completes_only_when_every_party_confirmed() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let troupe = chain.addr("troupe");
    let agency = chain.addr("agency");
    chain
        .execute(
            &theater,
            propose("tour-contract", &[&theater, &troupe, &agency]),
        )
        .unwrap();

    chain
        .execute(&theater, confirm(&chain, "tour-contract"))
        .unwrap();
    chain
        .execute(&troupe, confirm(&chain, "tour-contract"))
        .unwrap();
    // The troupe changes its mind before the agency signs.
    chain
        .execute(&troupe, withdraw(&chain, "tour-contract"))
        .unwrap();
    chain
        .execute(&agency, confirm(&chain, "tour-contract"))
        .unwrap();
    let pending = state(&chain, "tour-contract");
    assert_eq!(pending.completed_at, None);
    assert_eq!(pending.parties[1].confirmed_at, None);

    chain.advance(30);
    let response = chain
        .execute(&troupe, confirm(&chain, "tour-contract"))
        .unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "complete" && a.value == "true"));
    let done = state(&chain, "tour-contract");
    assert_eq!(done.completed_at, Some(chain.env.block.time));
    assert_eq!(done.proposer, theater);
    assert_eq!(done.digest, digest(0xc0));

    assert_eq!(
        chain.refused(&troupe, withdraw(&chain, "tour-contract")),
        ContractError::AlreadyComplete {
            id: "tour-contract".into()
        }
    );
}

#[test]
fn refuses_strangers_repeats_and_bad_proposals() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let troupe = chain.addr("troupe");
    let stranger = chain.accounts.stranger.clone();
    chain
        .execute(&theater, propose("deal", &[&theater, &troupe]))
        .unwrap();
    assert_eq!(
        chain.refused(&stranger, confirm(&chain, "deal")),
        ContractError::NotAParty { id: "deal".into() }
    );
    chain.execute(&theater, confirm(&chain, "deal")).unwrap();
    assert_eq!(
        chain.refused(&theater, confirm(&chain, "deal")),
        ContractError::AlreadyConfirmed { id: "deal".into() }
    );
    assert_eq!(
        chain.refused(&troupe, withdraw(&chain, "deal")),
        ContractError::NotConfirmed { id: "deal".into() }
    );
    assert_eq!(
        chain.refused(&theater, confirm(&chain, "missing")),
        ContractError::ProposalNotFound {
            proposer: theater.to_string(),
            id: "missing".into()
        }
    );
    assert_eq!(
        chain.refused(&theater, propose("deal", &[&troupe])),
        ContractError::ProposalExists { id: "deal".into() }
    );
    assert_eq!(
        chain.refused(&theater, propose("dup", &[&troupe, &troupe])),
        ContractError::InvalidParties { max: 16 }
    );
    assert_eq!(
        chain.refused(&theater, propose("empty", &[])),
        ContractError::InvalidParties { max: 16 }
    );
    // Non-partners may not propose while anchoring is closed.
    assert_eq!(
        chain.refused(&stranger, propose("spam", &[&troupe])),
        ContractError::AnchoringClosed
    );
}

#[test]
fn a_suspended_partner_cannot_confirm_or_withdraw() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let provider = chain.accounts.identity_provider.clone();
    let regulator = chain.accounts.regulator.clone();
    chain
        .execute(&theater, propose("kyc-policy", &[&theater, &provider]))
        .unwrap();
    chain
        .execute(&provider, confirm(&chain, "kyc-policy"))
        .unwrap();
    chain
        .execute(
            &regulator,
            ExecuteMsg::Suspend {
                address: provider.to_string(),
                reason: "audit".into(),
                digest: digest(1),
            },
        )
        .unwrap();
    let suspended = ContractError::PartnerSuspended {
        address: provider.to_string(),
    };
    assert_eq!(
        chain.refused(&provider, withdraw(&chain, "kyc-policy")),
        suspended
    );
    chain
        .execute(&theater, confirm(&chain, "kyc-policy"))
        .unwrap();
    assert!(state(&chain, "kyc-policy").completed_at.is_some());
}

#[test]
fn a_squatter_cannot_take_another_proposers_id() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let squatter = chain.accounts.identity_provider.clone();
    let troupe = chain.addr("troupe");
    // The squatter takes the id first, naming the same counterparty and itself.
    chain
        .execute(&squatter, propose("tour-contract", &[&troupe, &squatter]))
        .unwrap();
    assert_eq!(
        chain.ask_err(QueryMsg::Confirmation {
            proposer: theater.to_string(),
            id: "tour-contract".into()
        }),
        ContractError::ProposalNotFound {
            proposer: theater.to_string(),
            id: "tour-contract".into()
        }
    );

    chain
        .execute(&theater, propose("tour-contract", &[&theater, &troupe]))
        .unwrap();
    chain
        .execute(&troupe, confirm(&chain, "tour-contract"))
        .unwrap();
    chain
        .execute(&theater, confirm(&chain, "tour-contract"))
        .unwrap();
    let ours = state(&chain, "tour-contract");
    assert_eq!(ours.proposer, theater);
    assert_eq!(ours.id, "tour-contract");
    assert_eq!(ours.completed_at, Some(chain.env.block.time));
    assert_eq!(
        ours.parties
            .iter()
            .map(|p| p.party.clone())
            .collect::<Vec<_>>(),
        vec![theater.clone(), troupe.clone()]
    );

    // The troupe's confirmation went to the theater's proposal only.
    let theirs = state_of(&chain, &squatter, "tour-contract");
    assert_eq!(theirs.proposer, squatter);
    assert!(theirs.parties.iter().all(|p| p.confirmed_at.is_none()));
    assert_eq!(theirs.completed_at, None);
    // The theater is no party to the squatter's proposal, and may not reuse its own id.
    assert_eq!(
        chain.refused(&theater, confirm_of(&squatter, "tour-contract")),
        ContractError::NotAParty {
            id: "tour-contract".into()
        }
    );
    assert_eq!(
        chain.refused(&theater, propose("tour-contract", &[&troupe])),
        ContractError::ProposalExists {
            id: "tour-contract".into()
        }
    );
}

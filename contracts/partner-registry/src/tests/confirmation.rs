use super::*;
use crate::msg::ConfirmationResponse;

fn propose(id: &str, parties: &[&Addr]) -> ExecuteMsg {
    ExecuteMsg::Propose {
        id: id.into(),
        digest: digest(0xc0),
        parties: parties.iter().map(|p| p.to_string()).collect(),
    }
}

fn state(chain: &Chain, id: &str) -> ConfirmationResponse {
    chain.ask(QueryMsg::Confirmation { id: id.into() })
}

fn confirm(id: &str) -> ExecuteMsg {
    ExecuteMsg::Confirm { id: id.into() }
}

fn withdraw(id: &str) -> ExecuteMsg {
    ExecuteMsg::WithdrawConfirmation { id: id.into() }
}

#[test]
fn completes_only_when_every_party_confirmed() {
    let mut chain = Chain::new();
    let theater = chain.accounts.theater.clone();
    let troupe = chain.addr("troupe");
    let agency = chain.addr("agency");
    chain
        .exec(
            &theater,
            propose("tour-contract", &[&theater, &troupe, &agency]),
        )
        .unwrap();

    chain.exec(&theater, confirm("tour-contract")).unwrap();
    chain.exec(&troupe, confirm("tour-contract")).unwrap();
    // The troupe changes its mind before the agency signs.
    chain.exec(&troupe, withdraw("tour-contract")).unwrap();
    chain.exec(&agency, confirm("tour-contract")).unwrap();
    let pending = state(&chain, "tour-contract");
    assert_eq!(pending.completed_at, None);
    assert_eq!(pending.parties[1].confirmed_at, None);

    chain.advance(30);
    let response = chain.exec(&troupe, confirm("tour-contract")).unwrap();
    assert!(response
        .attributes
        .iter()
        .any(|a| a.key == "complete" && a.value == "true"));
    let done = state(&chain, "tour-contract");
    assert_eq!(done.completed_at, Some(chain.env.block.time));
    assert_eq!(done.proposer, theater);
    assert_eq!(done.digest, digest(0xc0));

    assert_eq!(
        chain.refused(&troupe, withdraw("tour-contract")),
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
        .exec(&theater, propose("deal", &[&theater, &troupe]))
        .unwrap();
    assert_eq!(
        chain.refused(&stranger, confirm("deal")),
        ContractError::NotAParty { id: "deal".into() }
    );
    chain.exec(&theater, confirm("deal")).unwrap();
    assert_eq!(
        chain.refused(&theater, confirm("deal")),
        ContractError::AlreadyConfirmed { id: "deal".into() }
    );
    assert_eq!(
        chain.refused(&troupe, withdraw("deal")),
        ContractError::NotConfirmed { id: "deal".into() }
    );
    assert_eq!(
        chain.refused(&theater, confirm("missing")),
        ContractError::ProposalNotFound {
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
        .exec(&theater, propose("kyc-policy", &[&theater, &provider]))
        .unwrap();
    chain.exec(&provider, confirm("kyc-policy")).unwrap();
    chain
        .exec(
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
    assert_eq!(chain.refused(&provider, withdraw("kyc-policy")), suspended);
    chain.exec(&theater, confirm("kyc-policy")).unwrap();
    assert!(state(&chain, "kyc-policy").completed_at.is_some());
}

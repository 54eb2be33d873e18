//! `operator_changed`: only from an account the factory created, only with the operator it
//! recorded, and the index follows.

use ctc_interfaces::accounts::AccountFactoryExecuteMsg;

use super::*;

#[test]
fn the_accounts_notice_parses_as_this_message() {
    let shared = AccountFactoryExecuteMsg::OperatorChanged {
        old: "old-key".into(),
        new: "new-key".into(),
    };
    let ours: ExecuteMsg = from_json(cosmwasm_std::to_json_vec(&shared).unwrap()).unwrap();
    assert_eq!(
        ours,
        ExecuteMsg::OperatorChanged {
            old: "old-key".into(),
            new: "new-key".into()
        }
    );
}

#[test]
fn only_an_account_of_this_factory_reports_a_change() {
    let mut chain = Chain::new();
    let (partner, fan, stranger) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.stranger.clone(),
    );
    let account = chain.created(&partner, &fan);
    let new_key = chain.addr("new-key");
    // The fan itself, its partner, the committee or a contract made by hand: none is an account
    // of this factory.
    for sender in [fan.clone(), partner, chain.committee.clone(), stranger] {
        assert_eq!(
            chain.operator_changed(&sender, &fan, &new_key),
            Err(ContractError::NotAnAccount {
                address: sender.to_string()
            })
        );
    }
    assert_eq!(chain.accounts_of(&fan, None, None), vec![account]);
    assert!(chain.accounts_of(&new_key, None, None).is_empty());
}

#[test]
fn an_account_reports_only_from_the_operator_recorded() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let account = chain.created(&partner, &fan);
    let (other, new_key) = (chain.addr("other-key"), chain.addr("new-key"));
    assert_eq!(
        chain.operator_changed(&account, &other, &new_key),
        Err(ContractError::OperatorMismatch {
            recorded: fan.to_string(),
            claimed: other.to_string(),
        })
    );
    let refused = chain
        .execute(
            &account,
            ExecuteMsg::OperatorChanged {
                old: fan.to_string(),
                new: "Not-An-Address".into(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress { field: "new", .. })
        ),
        "{refused}"
    );
    assert_eq!(chain.account(&account).unwrap().operator, fan);
}

#[test]
fn a_change_moves_the_account_in_the_index() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let account = chain.created(&partner, &fan);
    let kept = chain.created(&partner, &fan);
    let new_key = chain.addr("new-key");
    let response = chain.operator_changed(&account, &fan, &new_key).unwrap();
    assert_eq!(attribute(&response, "account"), account.as_str());
    assert_eq!(attribute(&response, "old"), fan.as_str());
    assert_eq!(attribute(&response, "new"), new_key.as_str());
    assert!(response.messages.is_empty());
    assert_eq!(chain.accounts_of(&fan, None, None), vec![kept]);
    assert_eq!(
        chain.accounts_of(&new_key, None, None),
        vec![account.clone()]
    );
    let record = chain.account(&account).unwrap();
    assert_eq!((&record.operator, &record.created_by), (&new_key, &partner));
    // The old key no longer speaks for it; the new one is what the next change starts from.
    let third = chain.addr("third-key");
    assert_eq!(
        chain.operator_changed(&account, &fan, &third),
        Err(ContractError::OperatorMismatch {
            recorded: new_key.to_string(),
            claimed: fan.to_string(),
        })
    );
    chain.operator_changed(&account, &new_key, &third).unwrap();
    assert!(chain.accounts_of(&new_key, None, None).is_empty());
    assert_eq!(chain.accounts_of(&third, None, None), vec![account]);
}

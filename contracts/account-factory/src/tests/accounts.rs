//! Creating accounts: the bounds, the exact instantiate sent, the reply that records the account,
//! and coins refused on every message.

use cosmwasm_std::{coins, to_json_binary, StdError, SubMsg};
use ctc_interfaces::registry::{Capability, Denial};

use super::admin::BOUNDS;
use super::*;
use crate::execute::accounts::Creation;
use crate::execute::MAX_LABEL_BYTES;
use crate::msg::RecoveryBounds;

/// The sub-message `create_account` by `by` for `operator` with `recovery` and `label` must
/// send: an instantiate of the account code with the committee as admin and this factory as the
/// account's factory, no funds, and the creation's context as payload.
fn expected_instantiate(
    chain: &Chain,
    by: &Addr,
    operator: &Addr,
    recovery: RecoveryConfig,
    label: &str,
) -> SubMsg {
    let msg = AccountInstantiateMsg {
        operator: operator.to_string(),
        ctc_token: chain.token.to_string(),
        registry: chain.registry.to_string(),
        factory: Some(chain.env.contract.address.to_string()),
        recovery,
        bounds: Some(BOUNDS),
    };
    let instantiate = WasmMsg::Instantiate {
        admin: Some(chain.committee.to_string()),
        code_id: CODE_ID,
        msg: to_json_binary(&msg).unwrap(),
        funds: vec![],
        label: label.to_owned(),
    };
    let creation = Creation {
        created_by: by.clone(),
        operator: operator.clone(),
        code_id: CODE_ID,
    };
    SubMsg::reply_on_success(instantiate, ACCOUNT_CREATED)
        .with_payload(to_json_binary(&creation).unwrap())
}

#[test]
fn create_account_sends_exactly_the_account_instantiate() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let terms = recovery(&partner, 3 * DAY, 30 * DAY);
    let response = chain
        .create_with(&partner, &fan, terms.clone(), None)
        .unwrap();
    let label = format!("fan account of {fan}");
    assert_eq!(
        response.messages,
        vec![expected_instantiate(&chain, &partner, &fan, terms, &label)]
    );
    assert_eq!(
        account_msg(&response).factory,
        Some(chain.env.contract.address.to_string())
    );
    assert_eq!(attribute(&response, "operator"), fan.as_str());
    assert_eq!(attribute(&response, "created_by"), partner.as_str());
    // Nothing is stored until the chain answers the address.
    assert_eq!(chain.account(&chain.addr("account-1")), None);
    assert!(chain.accounts_of(&fan, None, None).is_empty());
}

#[test]
fn a_label_is_used_as_given_within_its_length() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let terms = recovery(&partner, MIN_DELAY, MIN_PERIOD);
    let longest = "票".repeat(MAX_LABEL_BYTES / 3) + "ab";
    assert_eq!(longest.len(), MAX_LABEL_BYTES);
    let response = chain
        .create_with(&partner, &fan, terms.clone(), Some(longest.clone()))
        .unwrap();
    assert_eq!(
        response.messages,
        vec![expected_instantiate(
            &chain,
            &partner,
            &fan,
            terms.clone(),
            &longest
        )]
    );
    for bad in [String::new(), longest + "c"] {
        assert_eq!(
            chain.refused(
                &partner,
                ExecuteMsg::CreateAccount {
                    operator: fan.to_string(),
                    recovery: terms.clone(),
                    label: Some(bad),
                }
            ),
            convention(ConventionError::InvalidLength {
                field: "label",
                max: MAX_LABEL_BYTES
            })
        );
    }
}

#[test]
fn the_recovery_delay_and_period_must_lie_within_the_bounds() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let mut refused =
        |delay, period| chain.create_with(&partner, &fan, recovery(&partner, delay, period), None);
    assert_eq!(
        refused(MIN_DELAY - 1, MIN_PERIOD),
        Err(ContractError::DelayTooShort {
            delay: MIN_DELAY - 1,
            min: MIN_DELAY
        })
    );
    assert_eq!(
        refused(MAX_DELAY + 1, MAX_PERIOD),
        Err(ContractError::DelayTooLong {
            delay: MAX_DELAY + 1,
            max: MAX_DELAY
        })
    );
    assert_eq!(
        refused(MIN_DELAY, MIN_PERIOD - 1),
        Err(ContractError::PeriodTooShort {
            period: MIN_PERIOD - 1,
            min: MIN_PERIOD
        })
    );
    assert_eq!(
        refused(MIN_DELAY, MAX_PERIOD + 1),
        Err(ContractError::PeriodTooLong {
            period: MAX_PERIOD + 1,
            max: MAX_PERIOD
        })
    );
    // Within both bounds, yet the period is shorter than the delay.
    assert_eq!(
        refused(MAX_DELAY, MAX_DELAY - 1),
        Err(ContractError::PeriodShorterThanDelay {
            period: MAX_DELAY - 1,
            delay: MAX_DELAY
        })
    );
    // The bounds themselves are allowed, and a period equal to its delay.
    for (delay, period) in [
        (MIN_DELAY, MIN_PERIOD),
        (MAX_DELAY, MAX_PERIOD),
        (MAX_DELAY, MAX_DELAY),
    ] {
        assert!(refused(delay, period).is_ok(), "{delay} {period}");
    }
}

#[test]
fn the_operator_must_be_an_address() {
    let mut chain = Chain::new();
    let partner = chain.partner.clone();
    let refused = chain.refused(
        &partner,
        ExecuteMsg::CreateAccount {
            operator: "Not-An-Address".into(),
            recovery: recovery(&partner, MIN_DELAY, MIN_PERIOD),
            label: None,
        },
    );
    assert!(
        matches!(
            refused,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "operator",
                ..
            })
        ),
        "{refused}"
    );
}

#[test]
fn the_reply_records_the_account_and_indexes_it_by_operator() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let response = chain.create(&partner, &fan).unwrap();
    chain.advance(5);
    let account = chain.next_account();
    let answer = chain.deliver(instantiated(&response, &account)).unwrap();
    assert_eq!(attribute(&answer, "account"), account.as_str());
    assert_eq!(attribute(&answer, "operator"), fan.as_str());
    assert_eq!(
        answer.data,
        Some(to_json_binary(&account).unwrap()),
        "the creation's data is the new address"
    );
    assert!(answer.messages.is_empty());
    assert_eq!(
        chain.account(&account),
        Some(AccountResponse {
            address: account.clone(),
            operator: fan.clone(),
            created_by: partner,
            created_at: chain.env.block.time,
            code_id: CODE_ID,
        })
    );
    assert_eq!(chain.accounts_of(&fan, None, None), vec![account]);
}

#[test]
fn an_operator_may_have_several_accounts_and_a_fan_may_create_its_own() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let first = chain.created(&partner, &fan);
    let second = chain.created(&fan, &fan);
    let mut expected = vec![first.clone(), second.clone()];
    expected.sort();
    assert_eq!(chain.accounts_of(&fan, None, None), expected);
    assert_eq!(chain.account(&first).unwrap().created_by, partner);
    assert_eq!(chain.account(&second).unwrap().created_by, fan);
}

#[test]
fn a_reply_without_the_instantiate_answer_or_of_another_id_is_refused() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let response = chain.create(&partner, &fan).unwrap();
    let refused = chain.deliver(reply_with(&response, vec![])).unwrap_err();
    assert!(
        matches!(
            refused,
            ContractError::ParseReply(cw_utils::ParseReplyError::ParseFailure(_))
        ),
        "{refused}"
    );
    let wrong_type = MsgResponse {
        type_url: "/cosmwasm.wasm.v1.MsgExecuteContractResponse".to_owned(),
        value: Binary::default(),
    };
    assert!(chain
        .deliver(reply_with(&response, vec![wrong_type]))
        .is_err());
    let mut other = instantiated(&response, &chain.addr("account-1"));
    other.id = 2;
    assert_eq!(
        chain.deliver(other),
        Err(ContractError::UnknownReply { id: 2 })
    );
    let mut failed = instantiated(&response, &chain.addr("account-1"));
    failed.result = SubMsgResult::Err("out of gas".to_owned());
    assert_eq!(
        chain.deliver(failed),
        Err(ContractError::ParseReply(
            cw_utils::ParseReplyError::SubMsgFailure("out of gas".to_owned())
        ))
    );
    let mut no_payload = instantiated(&response, &chain.addr("account-1"));
    no_payload.payload = Binary::default();
    assert!(matches!(
        chain.deliver(no_payload),
        Err(ContractError::Std(StdError::ParseErr { .. }))
    ));
    assert!(chain.accounts_of(&fan, None, None).is_empty());
}

#[test]
fn every_message_refuses_coins() {
    let mut chain = Chain::new();
    let (partner, fan, owner) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.owner.clone(),
    );
    let account = chain.created(&partner, &fan);
    let paid = coins(1, "ustake");
    let nonpayable = convention(cw_utils::PaymentError::NonPayable {});
    let create = ExecuteMsg::CreateAccount {
        operator: fan.to_string(),
        recovery: recovery(&partner, MIN_DELAY, MIN_PERIOD),
        label: None,
    };
    assert_eq!(chain.refused_with(&partner, &paid, create), nonpayable);
    let changed = ExecuteMsg::OperatorChanged {
        old: fan.to_string(),
        new: chain.addr("new-key").to_string(),
    };
    assert_eq!(chain.refused_with(&account, &paid, changed), nonpayable);
    let update = ExecuteMsg::UpdateConfig {
        account_code_id: None,
        account_admin: None,
        bounds: None,
    };
    assert_eq!(chain.refused_with(&owner, &paid, update), nonpayable);
    let transfer = ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
        new_owner: partner.to_string(),
        expiry: None,
    });
    assert_eq!(chain.refused_with(&owner, &paid, transfer), nonpayable);
}

/// The factory's index of accounts by operator must not list accounts a stranger set up, with
/// its own recovery set, for a key it does not hold.
#[test]
fn a_stranger_cannot_create_an_account_for_another_key() {
    let mut chain = Chain::new();
    let (partner, fan, stranger) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.stranger.clone(),
    );
    let not_allowed = |creator: &Addr| ContractError::CreatorNotAllowed {
        creator: creator.to_string(),
    };
    // A stranger naming itself the only member of the fan's recovery set.
    let theirs = recovery(&stranger, MIN_DELAY, MIN_PERIOD);
    assert_eq!(
        chain.refused(
            &stranger,
            ExecuteMsg::CreateAccount {
                operator: fan.to_string(),
                recovery: theirs,
                label: None,
            }
        ),
        not_allowed(&stranger)
    );
    // The registry was asked, in its own words, about the creator.
    assert_eq!(
        chain.asked.borrow().last().cloned(),
        Some((stranger.to_string(), Capability::AttestIdentity))
    );
    // The fan's own key creates for itself only.
    let other = chain.addr("other-fan");
    let err = chain.create(&fan, &other).unwrap_err();
    assert_eq!(err, not_allowed(&fan));
    // A partner the registry does not let attest identity now: suspended, revoked, without the
    // capability.
    for denial in [Denial::Suspended, Denial::Revoked, Denial::NotGranted] {
        chain.set_partner(&partner, Some(denial));
        let err = chain.create(&partner, &fan).unwrap_err();
        assert_eq!(err, not_allowed(&partner), "{}", denial.as_str());
    }
    // Nothing was created or recorded.
    assert!(chain.accounts_of(&fan, None, None).is_empty());
    assert!(chain.accounts_of(&other, None, None).is_empty());
    let all: AccountsResponse = chain.ask(QueryMsg::Accounts {
        start_after: None,
        limit: None,
    });
    assert!(all.accounts.is_empty());
    // Reinstated, the partner creates for the fan.
    chain.set_partner(&partner, None);
    chain.created(&partner, &fan);
    assert_eq!(chain.accounts_of(&fan, None, None).len(), 1);
}

#[test]
fn the_operator_creates_its_own_account_without_asking_the_registry() {
    let mut chain = Chain::new();
    let fan = chain.fan.clone();
    let response = chain.create(&fan, &fan).unwrap();
    assert!(chain.asked.borrow().is_empty());
    assert_eq!(attribute(&response, "created_by"), fan.as_str());
    // A key no partner knows, with a recovery set of its own friends.
    let friend = chain.addr("friend");
    let terms = RecoveryConfig {
        members: vec![RecoveryMember {
            address: friend.to_string(),
            weight: 1,
            partner: false,
        }],
        threshold: 1,
        delay_seconds: MIN_DELAY,
        period_seconds: MIN_PERIOD,
    };
    let stranger = chain.stranger.clone();
    let response = chain
        .create_with(&stranger, &stranger, terms, None)
        .unwrap();
    assert!(chain.asked.borrow().is_empty());
    let account = chain.next_account();
    chain.deliver(instantiated(&response, &account)).unwrap();
    assert_eq!(chain.accounts_of(&stranger, None, None), [account]);
}

#[test]
fn an_attesting_partner_creates_an_account_for_a_fan() {
    let mut chain = Chain::new();
    let (partner, fan) = (chain.partner.clone(), chain.fan.clone());
    let account = chain.created(&partner, &fan);
    assert_eq!(
        *chain.asked.borrow(),
        [(partner.to_string(), Capability::AttestIdentity)]
    );
    let record = chain.account(&account).unwrap();
    assert_eq!((record.operator, record.created_by), (fan, partner));
}

/// The account is told the bounds it was created within, so that no later change of its
/// recovery set leaves them; an owner's change of bounds reaches the accounts created after it.
#[test]
fn the_account_instantiate_carries_the_factorys_bounds() {
    let mut chain = Chain::new();
    let (partner, fan, owner) = (
        chain.partner.clone(),
        chain.fan.clone(),
        chain.owner.clone(),
    );
    let response = chain.create(&partner, &fan).unwrap();
    assert_eq!(account_msg(&response).bounds, Some(BOUNDS));
    let CosmosMsg::Wasm(WasmMsg::Instantiate { msg, .. }) = &response.messages[0].msg else {
        panic!("an account instantiate")
    };
    let json = String::from_utf8(msg.to_vec()).unwrap();
    assert!(
        json.ends_with(&format!(
            r#""bounds":{{"min_delay_seconds":{MIN_DELAY},"max_delay_seconds":{MAX_DELAY},"min_period_seconds":{MIN_PERIOD},"max_period_seconds":{MAX_PERIOD}}}}}"#
        )),
        "{json}"
    );
    let narrower = RecoveryBounds {
        min_delay_seconds: 2 * DAY,
        max_delay_seconds: 10 * DAY,
        min_period_seconds: 10 * DAY,
        max_period_seconds: 100 * DAY,
    };
    chain
        .execute(
            &owner,
            ExecuteMsg::UpdateConfig {
                account_code_id: None,
                account_admin: None,
                bounds: Some(narrower),
            },
        )
        .unwrap();
    let terms = recovery(&partner, 2 * DAY, 10 * DAY);
    let response = chain.create_with(&fan, &fan, terms, None).unwrap();
    assert_eq!(account_msg(&response).bounds, Some(narrower));
}

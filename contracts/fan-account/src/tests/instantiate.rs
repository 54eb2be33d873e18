//! The instantiate message: every address and every rule of the recovery set is checked before
//! anything is stored.

use cosmwasm_std::coins;
use ctc_interfaces::accounts::{
    RecoveryBounds, MAX_DELAY_SECONDS, MAX_MEMBER_WEIGHT, MAX_PERIOD_SECONDS, MAX_RECOVERY_MEMBERS,
};
use ctc_interfaces::registry::Denial;

use super::*;
use crate::msg::{ConfigResponse, Member, RecoverySet};
use crate::state::BOUNDS;

fn refused(adjust: impl FnOnce(&Chain, &mut InstantiateMsg)) -> ContractError {
    let mut chain = Chain::bare();
    let mut msg = chain.instantiate_msg();
    adjust(&chain, &mut msg);
    let factory = chain.factory.clone();
    match chain.instantiate(instantiate, &factory, msg) {
        Ok(response) => panic!("expected a refusal, got {response:?}"),
        Err(err) => err,
    }
}

#[test]
fn an_account_records_its_operator_neighbours_and_recovery_set() {
    let chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.operator, chain.operator);
    assert_eq!(config.ctc_token, chain.token);
    assert_eq!(config.registry, chain.registry);
    assert_eq!(config.factory, Some(chain.factory.clone()));
    assert_eq!(config.pending_operator, None);
    assert_eq!(config.last_recovery_at, None);
    assert_eq!(config.next_recovery_at, None);
    assert_eq!(config.recovery_update, None);
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(
        set,
        RecoverySet {
            members: vec![
                Member {
                    address: chain.partner.to_string(),
                    weight: 2,
                    partner: true
                },
                Member {
                    address: chain.friend1.to_string(),
                    weight: 1,
                    partner: false
                },
                Member {
                    address: chain.friend2.to_string(),
                    weight: 1,
                    partner: false
                },
            ],
            threshold: 2,
            delay_seconds: DELAY,
            period_seconds: PERIOD,
        }
    );
    assert_eq!(chain.contract_version().contract, "crates.io:fan-account");
}

#[test]
fn a_hand_made_account_needs_no_factory() {
    let chain = Chain::with(|msg| msg.factory = None);
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.factory, None);
}

#[test]
fn coins_are_refused() {
    let mut chain = Chain::bare();
    let msg = chain.instantiate_msg();
    let factory = chain.factory.clone();
    let info = cosmwasm_std::testing::message_info(&factory, &coins(5, "ustake"));
    let env = chain.env.clone();
    let err = instantiate(chain.deps.as_mut(), env, info, msg).unwrap_err();
    assert!(
        matches!(err, ContractError::Convention(ConventionError::Payment(_))),
        "{err}"
    );
    assert!(ctc_testkit::snapshot(&chain.deps.storage).is_empty());
}

#[test]
fn bad_addresses_are_refused_by_field() {
    for field in ["operator", "ctc_token", "registry", "factory"] {
        let err = refused(|_, msg| match field {
            "operator" => msg.operator = "not-an-address".into(),
            "ctc_token" => msg.ctc_token = "not-an-address".into(),
            "registry" => msg.registry = "not-an-address".into(),
            _ => msg.factory = Some("not-an-address".into()),
        });
        assert!(
            matches!(&err, ContractError::Convention(ConventionError::InvalidAddress { field: f, .. }) if *f == field),
            "{field}: {err}"
        );
    }
    let err = refused(|chain, msg| {
        msg.recovery.members[1].address = chain.friend1.to_string().to_uppercase()
    });
    assert!(matches!(
        err,
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "members",
            ..
        })
    ));
}

#[test]
fn the_account_cannot_operate_itself() {
    let err = refused(|chain, msg| msg.operator = chain.account.to_string());
    assert_eq!(err, ContractError::OperatorIsAccount);
}

#[test]
fn one_to_eight_distinct_members() {
    let err = refused(|_, msg| msg.recovery.members.clear());
    assert_eq!(
        err,
        ContractError::MemberCount {
            max: MAX_RECOVERY_MEMBERS
        }
    );
    let err = refused(|chain, msg| {
        msg.recovery.members = (0..9)
            .map(|i| member(&chain.addr(&format!("m{i}")), 1, false))
            .collect();
    });
    assert_eq!(
        err,
        ContractError::MemberCount {
            max: MAX_RECOVERY_MEMBERS
        }
    );
    // Eight is fine.
    let mut chain = Chain::bare();
    let mut msg = chain.instantiate_msg();
    msg.recovery.members = (0..8)
        .map(|i| member(&chain.addr(&format!("m{i}")), 1, false))
        .collect();
    msg.recovery.threshold = 8;
    let factory = chain.factory.clone();
    chain.instantiate(instantiate, &factory, msg).unwrap();

    let err = refused(|chain, msg| msg.recovery.members.push(member(&chain.friend1, 3, false)));
    assert_eq!(
        err,
        ContractError::DuplicateMember {
            address: Chain::bare().friend1.to_string()
        }
    );
}

#[test]
fn weights_are_1_to_100() {
    for weight in [0, MAX_MEMBER_WEIGHT + 1] {
        let err = refused(|_, msg| msg.recovery.members[1].weight = weight);
        assert_eq!(
            err,
            ContractError::InvalidWeight {
                address: Chain::bare().friend1.to_string(),
                max: MAX_MEMBER_WEIGHT
            }
        );
    }
    let chain = Chain::with(|msg| {
        msg.recovery.members[1].weight = MAX_MEMBER_WEIGHT;
        msg.recovery.threshold = MAX_MEMBER_WEIGHT + 3;
    });
    let set: RecoverySet = chain.ask(QueryMsg::RecoverySet {});
    assert_eq!(set.threshold, 103);
}

#[test]
fn the_threshold_is_1_to_the_total_weight() {
    for threshold in [0, 5] {
        let err = refused(|_, msg| msg.recovery.threshold = threshold);
        assert_eq!(
            err,
            ContractError::InvalidThreshold {
                threshold,
                total: 4
            }
        );
    }
    Chain::with(|msg| msg.recovery.threshold = 4);
    Chain::with(|msg| msg.recovery.threshold = 1);
}

#[test]
fn the_delay_is_above_zero_and_the_period_at_least_the_delay() {
    let err = refused(|_, msg| msg.recovery.delay_seconds = 0);
    assert_eq!(err, ContractError::ZeroDelay);
    let err = refused(|_, msg| msg.recovery.period_seconds = DELAY - 1);
    assert_eq!(
        err,
        ContractError::PeriodBelowDelay {
            period: DELAY - 1,
            delay: DELAY
        }
    );
    Chain::with(|msg| msg.recovery.period_seconds = DELAY);
}

#[test]
fn the_operator_and_the_account_are_never_members() {
    let err = refused(|chain, msg| msg.recovery.members.push(member(&chain.operator, 1, false)));
    assert_eq!(
        err,
        ContractError::OperatorIsMember {
            address: Chain::bare().operator.to_string()
        }
    );
    let err = refused(|chain, msg| msg.recovery.members.push(member(&chain.account, 1, false)));
    assert_eq!(err, ContractError::MemberIsAccount);
}

#[test]
fn a_partner_member_must_be_allowed_to_attest_at_creation() {
    // A friend marked a partner: the registry does not know it.
    let err = refused(|_, msg| msg.recovery.members[1].partner = true);
    assert_eq!(
        err,
        ContractError::PartnerNotAllowed {
            address: Chain::bare().friend1.to_string(),
            reason: "not_a_partner".into()
        }
    );
    // The partner suspended.
    let mut chain = Chain::bare();
    chain.set_partner(&chain.partner.clone(), Some(Denial::Suspended));
    let msg = chain.instantiate_msg();
    let factory = chain.factory.clone();
    let err = chain.instantiate(instantiate, &factory, msg).unwrap_err();
    assert_eq!(
        err,
        ContractError::PartnerNotAllowed {
            address: chain.partner.to_string(),
            reason: "suspended".into()
        }
    );
    // Not marked a partner: not asked about.
    let chain = Chain::with(|msg| msg.recovery.members[0].partner = false);
    chain.set_partner(&chain.partner, Some(Denial::Revoked));
}

#[test]
fn anyone_may_instantiate_a_hand_made_account_for_an_operator() {
    let mut chain = Chain::bare();
    let mut msg = chain.instantiate_msg();
    msg.factory = None;
    let stranger = chain.stranger.clone();
    let response = chain.instantiate(instantiate, &stranger, msg).unwrap();
    assert_eq!(attribute(&response, "operator"), chain.operator.to_string());
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.factory, None);
}

/// An account instantiated by hand naming the platform's factory would have every notice of a
/// change of key refused by that factory, and so every recovery reverted: refused at once.
#[test]
fn an_account_names_as_its_factory_only_the_contract_that_instantiates_it() {
    let chain = Chain::bare();
    let (operator, stranger, partner, account) = (
        chain.operator.clone(),
        chain.stranger.clone(),
        chain.partner.clone(),
        chain.account.clone(),
    );
    // Naming the factory, sent by anyone else: the operator, a stranger, a member, the account.
    for sender in [&operator, &stranger, &partner, &account] {
        let mut chain = Chain::bare();
        let msg = chain.instantiate_msg();
        let err = chain.instantiate(instantiate, sender, msg).unwrap_err();
        assert_eq!(err, ContractError::FactoryNotSender, "{sender}");
        assert!(ctc_testkit::snapshot(&chain.deps.storage).is_empty());
    }
    // Sent by the factory, naming another contract as the factory.
    let err = refused(|chain, msg| msg.factory = Some(chain.stranger.to_string()));
    assert_eq!(err, ContractError::FactoryNotSender);
    // The factory's address in capitals is no address: refused as such, never as a factory.
    let err = refused(|chain, msg| msg.factory = Some(chain.factory.to_string().to_uppercase()));
    assert!(
        matches!(
            &err,
            ContractError::Convention(ConventionError::InvalidAddress {
                field: "factory",
                ..
            })
        ),
        "{err}"
    );
    // The factory itself, naming itself.
    let chain = Chain::new();
    let config: ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.factory, Some(chain.factory.clone()));
}

/// Without bounds from a factory, the account's own: a delay of a second to a year, a period
/// of a second to two years. A delay meant as "never" is refused.
#[test]
fn without_a_factorys_bounds_the_accounts_own_apply() {
    let own = RecoveryBounds {
        min_delay_seconds: 1,
        max_delay_seconds: MAX_DELAY_SECONDS,
        min_period_seconds: 1,
        max_period_seconds: MAX_PERIOD_SECONDS,
    };
    let delay_out = ContractError::DelayOutOfBounds {
        min: 1,
        max: MAX_DELAY_SECONDS,
    };
    let period_out = ContractError::PeriodOutOfBounds {
        min: 1,
        max: MAX_PERIOD_SECONDS,
    };
    for delay in [u64::MAX, MAX_DELAY_SECONDS + 1] {
        let err = refused(|_, msg| {
            msg.recovery.delay_seconds = delay;
            msg.recovery.period_seconds = u64::MAX;
        });
        assert_eq!(err, delay_out, "{delay}");
    }
    for period in [u64::MAX, MAX_PERIOD_SECONDS + 1] {
        let err = refused(|_, msg| msg.recovery.period_seconds = period);
        assert_eq!(err, period_out, "{period}");
    }
    // A hand-made account keeps them too.
    let err = refused(|_, msg| {
        msg.factory = None;
        msg.recovery.delay_seconds = u64::MAX;
        msg.recovery.period_seconds = u64::MAX;
    });
    assert_eq!(err, delay_out);
    // The bounds themselves are allowed, and stored.
    let chain = Chain::with(|msg| {
        msg.recovery.delay_seconds = MAX_DELAY_SECONDS;
        msg.recovery.period_seconds = MAX_PERIOD_SECONDS;
    });
    assert_eq!(BOUNDS.load(&chain.deps.storage).unwrap(), own);
    let chain = Chain::with(|msg| {
        msg.recovery.delay_seconds = 1;
        msg.recovery.period_seconds = 1;
    });
    assert_eq!(BOUNDS.load(&chain.deps.storage).unwrap(), own);
}

#[test]
fn a_factorys_bounds_are_kept_and_narrowed_to_the_accounts_own() {
    let bounds = factory_bounds();
    let delay_out = ContractError::DelayOutOfBounds {
        min: bounds.min_delay_seconds,
        max: bounds.max_delay_seconds,
    };
    let period_out = ContractError::PeriodOutOfBounds {
        min: bounds.min_period_seconds,
        max: bounds.max_period_seconds,
    };
    let cases = [
        (bounds.min_delay_seconds - 1, PERIOD, &delay_out),
        (bounds.max_delay_seconds + 1, PERIOD + DAY, &delay_out),
        (DAY, bounds.min_period_seconds - 1, &period_out),
        (DELAY, bounds.max_period_seconds + 1, &period_out),
    ];
    for (delay, period, expected) in cases {
        let err = refused(|_, msg| {
            msg.bounds = Some(factory_bounds());
            msg.recovery.delay_seconds = delay;
            msg.recovery.period_seconds = period;
        });
        assert_eq!(&err, expected, "{delay} {period}");
    }
    for (delay, period) in [
        (bounds.min_delay_seconds, bounds.min_period_seconds),
        (bounds.max_delay_seconds, bounds.max_period_seconds),
    ] {
        let chain = Chain::with(|msg| {
            msg.bounds = Some(factory_bounds());
            msg.recovery.delay_seconds = delay;
            msg.recovery.period_seconds = period;
        });
        assert_eq!(BOUNDS.load(&chain.deps.storage).unwrap(), bounds);
    }
    // Bounds wider than any account accepts are narrowed to its own: no zero delay, no delay
    // of "never".
    let wide = RecoveryBounds {
        min_delay_seconds: 0,
        max_delay_seconds: u64::MAX,
        min_period_seconds: 0,
        max_period_seconds: u64::MAX,
    };
    let err = refused(|_, msg| {
        msg.bounds = Some(wide);
        msg.recovery.delay_seconds = u64::MAX;
        msg.recovery.period_seconds = u64::MAX;
    });
    assert_eq!(
        err,
        ContractError::DelayOutOfBounds {
            min: 1,
            max: MAX_DELAY_SECONDS
        }
    );
    let chain = Chain::with(|msg| msg.bounds = Some(wide));
    assert_eq!(
        BOUNDS.load(&chain.deps.storage).unwrap(),
        RecoveryBounds {
            min_delay_seconds: 1,
            max_delay_seconds: MAX_DELAY_SECONDS,
            min_period_seconds: 0,
            max_period_seconds: MAX_PERIOD_SECONDS,
        }
    );
}

#[test]
fn the_registry_is_asked_in_its_own_words() {
    let chain = Chain::bare();
    let ours = crate::validate::HasCapability::HasCapability {
        address: chain.partner.as_str(),
        capability: Capability::AttestIdentity,
    };
    let theirs = RegistryQueryMsg::HasCapability {
        address: chain.partner.to_string(),
        capability: Capability::AttestIdentity,
    };
    assert_eq!(
        to_json_binary(&ours).unwrap(),
        to_json_binary(&theirs).unwrap()
    );
}

use cw_ownable::OwnershipError;

use super::*;
use crate::execute::MAX_FEE;

#[test]
fn a_ctc_tip_is_forwarded_at_once_with_the_fee_rounded_up() {
    let mut chain = Chain::new();
    let response = chain.tip_ctc(0, 1, 1_000_003).unwrap();
    assert_eq!(response.messages.len(), 1, "one call into the token");
    // 2.5% of 1,000,003 is 25,000.075: the fee rounds up to 25,001.
    assert_eq!(
        payments(&response, &chain.token),
        vec![
            (chain.fans[1].to_string(), 975_002, "ctc".into()),
            (chain.treasury.to_string(), 25_001, "ctc".into()),
        ]
    );
    assert_eq!(response.attributes[0].value, "tip");
}

#[test]
fn a_native_tip_is_forwarded_with_bank_sends() {
    let mut chain = Chain::new();
    let response = chain
        .tip_native(2, 3, &native(40_000), Some("event:7"))
        .unwrap();
    assert_eq!(
        payments(&response, &chain.token),
        vec![
            (chain.fans[3].to_string(), 39_000, NATIVE.into()),
            (chain.treasury.to_string(), 1_000, NATIVE.into()),
        ]
    );
}

#[test]
fn refuses_every_malformed_tip_and_changes_nothing() {
    let mut chain = Chain::new();
    let fan0 = chain.fans[0].clone();
    assert_eq!(
        chain.tip_ctc(0, 0, 5 * CTC).unwrap_err(),
        ContractError::SelfTip
    );
    assert_eq!(chain.tip_ctc(0, 1, 0).unwrap_err(), ContractError::ZeroTip);
    assert_eq!(
        chain.tip_ctc(0, 1, CTC - 1).unwrap_err(),
        ContractError::BelowMinimum {
            denom: chain.ctc(),
            min: Uint128::new(CTC)
        }
    );
    let fake = chain.tipping.addr("fake_token");
    assert_eq!(
        chain
            .tip_ctc_via(&fake, 0, &fan0, 5 * CTC, None)
            .unwrap_err(),
        convention(ConventionError::WrongToken)
    );
    assert_eq!(
        chain.tip_native(0, 1, &native(999), None).unwrap_err(),
        ContractError::BelowMinimum {
            denom: NATIVE.into(),
            min: Uint128::new(1_000)
        }
    );
    assert_eq!(
        chain
            .tip_native(0, 1, &coins(5_000, "uatom"), None)
            .unwrap_err(),
        ContractError::UnacceptedDenom {
            denom: "uatom".into()
        }
    );
    let two = vec![Coin::new(5_000u128, "uatom"), Coin::new(5_000u128, NATIVE)];
    assert_eq!(
        chain.tip_native(0, 1, &two, None).unwrap_err(),
        ContractError::Convention(ctc_conventions::ConventionError::Payment(
            cw_utils::PaymentError::MultipleDenoms {}
        ))
    );
    assert_eq!(
        chain.tip_native(0, 1, &[], None).unwrap_err(),
        ContractError::Convention(ctc_conventions::ConventionError::Payment(
            cw_utils::PaymentError::NoFunds {}
        ))
    );
    let long = "x".repeat(65);
    assert_eq!(
        chain
            .tip_native(0, 1, &native(5_000), Some(&long))
            .unwrap_err(),
        ContractError::InvalidContext { max: 64 }
    );
    let (sender, recipient) = (chain.fans[0].clone(), chain.fans[1].clone());
    let memo = ExecuteMsg::TipNative {
        recipient: recipient.to_string(),
        memo: Some("m".repeat(141)),
        context: None,
    };
    assert_eq!(
        chain.tipping.refused_with(&sender, &native(5_000), memo),
        ContractError::MemoTooLong { max: 140 }
    );
    // Coins sent with any other message are refused too.
    let config = ExecuteMsg::SetDenom {
        denom: "uatom".into(),
        min_tip: Some(Uint128::one()),
    };
    let owner = chain.owner.clone();
    assert_eq!(
        chain.tipping.refused_with(&owner, &native(1), config),
        ContractError::Convention(ctc_conventions::ConventionError::Payment(
            cw_utils::PaymentError::NonPayable {}
        ))
    );
}

#[test]
fn a_context_kind_can_require_a_verified_recipient() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let stranger = chain.fans[3].clone();
    let require = ExecuteMsg::SetVerificationRequired {
        context_kind: "performance".into(),
        required: true,
    };
    assert_eq!(
        chain.tipping.refused(&stranger, require.clone()),
        convention(OwnershipError::NotOwner)
    );
    chain.tipping.execute(&owner, require).unwrap();
    let token = chain.token.clone();
    let performer = chain.fans[5].clone();
    assert_eq!(
        chain
            .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some("performance:hamlet"))
            .unwrap_err(),
        ContractError::RecipientNotVerified {
            kind: "performance".into()
        }
    );
    // Finding 8: another spelling of the kind is the same kind.
    assert_eq!(
        chain
            .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some("Performance:hamlet"))
            .unwrap_err(),
        ContractError::RecipientNotVerified {
            kind: "performance".into()
        }
    );
    chain
        .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some("post:42"))
        .unwrap();
    chain.verify(&[&performer]);
    chain
        .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some("performance:hamlet"))
        .unwrap();
}

/// Finding 8, from the owner's side: a rule set as `Event` is the `event` rule, and a tip whose
/// context spells the kind in any case meets it.
#[test]
fn a_kind_is_one_kind_in_any_case() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let require = |kind: &str, required| ExecuteMsg::SetVerificationRequired {
        context_kind: kind.into(),
        required,
    };
    chain
        .tipping
        .execute(&owner, require("Event", true))
        .unwrap();
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.verified_context_kinds, ["event"]);
    let token = chain.token.clone();
    let performer = chain.fans[5].clone();
    for context in ["event:7", "EVENT:7", "eVeNt:7"] {
        assert_eq!(
            chain
                .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some(context))
                .unwrap_err(),
            ContractError::RecipientNotVerified {
                kind: "event".into()
            },
            "{context}"
        );
    }
    chain
        .tipping
        .execute(&owner, require("EVENT", false))
        .unwrap();
    chain
        .tip_ctc_via(&token, 0, &performer, 5 * CTC, Some("Event:7"))
        .unwrap();
}

#[test]
fn only_the_owner_sets_fees_and_denoms_within_bounds() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let fan = chain.fans[0].clone();
    let fee = |bps| ExecuteMsg::UpdateConfig {
        treasury: None,
        fee: Some(BasisPoints::new(bps).unwrap()),
        min_ctc_tip: None,
    };
    assert_eq!(
        chain.tipping.refused(&fan, fee(100)),
        convention(OwnershipError::NotOwner)
    );
    assert_eq!(
        chain.tipping.refused(&owner, fee(1_001)),
        ContractError::FeeTooHigh
    );
    chain.tipping.execute(&owner, fee(1_000)).unwrap();
    let bad = ExecuteMsg::SetDenom {
        denom: "1bad".into(),
        min_tip: Some(Uint128::one()),
    };
    assert!(matches!(
        chain.tipping.refused(&owner, bad),
        ContractError::InvalidDenom { .. }
    ));
    chain
        .tipping
        .execute(
            &owner,
            ExecuteMsg::SetDenom {
                denom: NATIVE.into(),
                min_tip: None,
            },
        )
        .unwrap();
    assert_eq!(
        chain.tip_native(0, 1, &native(5_000), None).unwrap_err(),
        ContractError::UnacceptedDenom {
            denom: NATIVE.into()
        }
    );
}

#[test]
fn tips_to_the_contracts_themselves_or_bad_addresses_are_refused() {
    let mut chain = Chain::new();
    let token = chain.token.clone();
    let this = chain.tipping.env.contract.address.clone();
    assert_eq!(
        chain
            .tip_ctc_via(&token, 0, &this, 5 * CTC, None)
            .unwrap_err(),
        ContractError::UnpayableRecipient
    );
    assert_eq!(
        chain
            .tip_ctc_via(&token, 0, &token, 5 * CTC, None)
            .unwrap_err(),
        ContractError::UnpayableRecipient
    );
    let sender = chain.fans[0].clone();
    let upper = ExecuteMsg::TipNative {
        recipient: chain.fans[1].to_string().to_uppercase(),
        memo: None,
        context: None,
    };
    assert!(matches!(
        chain.tipping.refused_with(&sender, &native(5_000), upper),
        ContractError::Convention(ConventionError::InvalidAddress {
            field: "recipient",
            ..
        })
    ));
    let owner = chain.owner.clone();
    let to_self = ExecuteMsg::UpdateConfig {
        treasury: Some(this.to_string()),
        fee: None,
        min_ctc_tip: None,
    };
    assert_eq!(
        chain.tipping.refused(&owner, to_self),
        ContractError::UnpayableRecipient
    );
    let ctc_like = ExecuteMsg::SetDenom {
        denom: format!("cw20:{token}"),
        min_tip: Some(Uint128::one()),
    };
    assert!(matches!(
        chain.tipping.refused(&owner, ctc_like),
        ContractError::InvalidDenom { .. }
    ));
}

/// Finding 4: a treasury that is the token (or any platform contract) would lock every fee for
/// good, whether it is set at instantiation or later.
#[test]
fn the_treasury_cannot_be_the_token_or_this_contract() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let token = chain.token.clone();
    let to_token = ExecuteMsg::UpdateConfig {
        treasury: Some(token.to_string()),
        fee: None,
        min_ctc_tip: None,
    };
    let cannot_spend = |address: &Addr| {
        convention(AdminError::RecipientCannotSpend {
            field: "treasury",
            address: address.to_string(),
            name: "crates.io:ctc-token".into(),
        })
    };
    assert_eq!(
        chain.tipping.refused(&owner, to_token),
        cannot_spend(&token)
    );
    let config: crate::msg::ConfigResponse = chain.ask(QueryMsg::Config {});
    assert_eq!(config.treasury, chain.treasury);

    for (treasury, refusal) in [
        (token.clone(), cannot_spend(&token)),
        (
            chain.tipping.env.contract.address.clone(),
            ContractError::UnpayableRecipient,
        ),
    ] {
        let mut tipping = Tipping::new(execute);
        ctc(&token).install(&mut tipping.deps);
        let msg = InstantiateMsg {
            native_denoms: vec![],
            ..instantiate_msg(&tipping, &treasury)
        };
        let err = tipping.instantiate(instantiate, &owner, msg);
        assert_eq!(err.unwrap_err(), refusal);
        assert_eq!(snapshot(&tipping.deps.storage), vec![]);
    }
}

#[test]
fn without_a_fee_the_whole_tip_goes_to_the_recipient() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    let new_treasury = chain.tipping.addr("new_treasury");
    chain
        .tipping
        .execute(
            &owner,
            ExecuteMsg::UpdateConfig {
                treasury: Some(new_treasury.to_string()),
                fee: Some(BasisPoints::ZERO),
                min_ctc_tip: None,
            },
        )
        .unwrap();
    let response = chain.tip_ctc(0, 1, 3 * CTC).unwrap();
    // The zero fee is left out of the one disbursement.
    assert_eq!(response.messages.len(), 1);
    assert_eq!(
        payments(&response, &chain.token),
        vec![(chain.fans[1].to_string(), 3 * CTC, "ctc".into())]
    );
    chain
        .tipping
        .execute(
            &owner,
            ExecuteMsg::UpdateConfig {
                treasury: None,
                fee: Some(BasisPoints::new(100).unwrap()),
                min_ctc_tip: None,
            },
        )
        .unwrap();
    let response = chain.tip_ctc(0, 1, 3 * CTC).unwrap();
    assert_eq!(
        payments(&response, &chain.token)[1],
        (new_treasury.to_string(), 30_000, "ctc".into())
    );
}

#[test]
fn a_tip_the_fee_takes_whole_pays_only_the_treasury() {
    let mut chain = Chain::new();
    let owner = chain.owner.clone();
    chain
        .tipping
        .execute(
            &owner,
            ExecuteMsg::UpdateConfig {
                treasury: None,
                fee: Some(MAX_FEE),
                min_ctc_tip: Some(Uint128::one()),
            },
        )
        .unwrap();
    // 10% of one micro-CTC rounds up to all of it: nothing is left for the recipient, and the
    // token would refuse a zero payment.
    let response = chain.tip_ctc(0, 1, 1).unwrap();
    assert_eq!(
        payments(&response, &chain.token),
        vec![(chain.treasury.to_string(), 1, "ctc".into())]
    );
}

use super::*;

#[test]
fn settlement_splits_escrow_with_dust_to_the_issuer() {
    let mut chain = Chain::new();
    chain.buy(0, 0, 3, 300 * CTC).unwrap();
    chain.buy(1, 1, 1, 250 * CTC).unwrap();
    let fan = chain.accounts.fans[2].clone();
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at.plus_seconds(DAY - 1));
    assert_eq!(
        chain.refused(&fan, ExecuteMsg::Settle { event_id: 1 }),
        ContractError::SettlementNotOpen {
            opens_at: ends_at.plus_seconds(DAY)
        }
    );
    chain.advance_to(ends_at.plus_seconds(DAY));
    let response = chain
        .execute(&fan, ExecuteMsg::Settle { event_id: 1 })
        .unwrap();
    let token = chain.accounts.token.to_string();
    // 550 CTC: 5% fee 27.5, 10% burn 55, the rest 467.5, in one call into the token.
    assert_eq!(
        executes(&response),
        vec![(
            token,
            ctc_disburse_json(
                &[
                    (&chain.accounts.treasury, 27_500_000),
                    (&chain.accounts.issuer, 467_500_000)
                ],
                55_000_000
            )
        )]
    );
    assert_eq!(chain.event().escrow, Uint128::zero());
    assert_eq!(
        chain.refused(&fan, ExecuteMsg::Settle { event_id: 1 }),
        ContractError::EventSettled
    );
}

#[test]
fn an_event_with_nothing_sold_settles_without_messages() {
    let mut chain = Chain::new();
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at.plus_seconds(DAY));
    let fan = chain.accounts.fans[0].clone();
    let response = chain
        .execute(&fan, ExecuteMsg::Settle { event_id: 1 })
        .unwrap();
    assert!(response.messages.is_empty());
}

#[test]
fn odd_amounts_round_shares_down() {
    let mut chain = Chain::bare();
    let mut input = event_input(&chain.env);
    input.tiers[0].price = Uint128::new(33);
    let issuer = chain.accounts.issuer.clone();
    chain
        .execute(&issuer, ExecuteMsg::CreateEvent { event: input })
        .unwrap();
    chain.buy(0, 0, 3, 99).unwrap();
    let ends_at = chain.event().ends_at;
    chain.advance_to(ends_at.plus_seconds(DAY));
    let response = chain
        .execute(&issuer, ExecuteMsg::Settle { event_id: 1 })
        .unwrap();
    let sent = executes(&response);
    // 99 units: fee floor(4.95) = 4, burn floor(9.9) = 9, issuer 86.
    assert_eq!(
        sent[0].1,
        ctc_disburse_json(&[(&chain.accounts.treasury, 4), (&issuer, 86)], 9)
    );
}

//! The contract's own queries and the cw721 read side.

use cw721::msg::TokensResponse;

use crate::msg::ClassesResponse;
use crate::state::ACQUIRED;

use super::*;

#[test]
fn classes_page_in_id_order() {
    let mut chain = Chain::new();
    let (cafe, bakery) = (chain.accounts.cafe.clone(), chain.accounts.bakery.clone());
    for issuer in [&cafe, &bakery, &cafe, &bakery, &cafe] {
        let input = chain.coupon();
        chain.create(issuer, input);
    }
    let ids = |answer: ClassesResponse| -> Vec<u64> {
        answer.classes.iter().map(|c| c.class_id).collect()
    };
    let page: ClassesResponse = chain.ask(QueryMsg::Classes {
        start_after: Some(1),
        limit: Some(3),
    });
    assert_eq!(ids(page), [2, 3, 4]);
    let rest: ClassesResponse = chain.ask(QueryMsg::Classes {
        start_after: Some(4),
        limit: None,
    });
    assert_eq!(ids(rest.clone()), [5]);
    assert_eq!(
        rest.classes[0].terms.issuer, cafe,
        "each class names its issuer, for a client to filter"
    );
    let _ = bakery;
}

#[test]
fn a_voucher_reads_as_a_cw721_token_with_its_status() {
    let mut chain = Chain::with_paid_voucher();
    let (fan, fan2, scanner) = (
        chain.accounts.fan.clone(),
        chain.accounts.fan2.clone(),
        chain.accounts.scanner.clone(),
    );
    chain.buy(&fan, 1, 2, 2 * PRICE).unwrap();
    chain.transfer(&fan, &fan2, "1-1").unwrap();
    assert_eq!(chain.voucher("1-1").owner, fan2);
    let tokens: TokensResponse = chain.ask(QueryMsg::Tokens {
        owner: fan.to_string(),
        start_after: Some("1-0".into()),
        limit: None,
    });
    assert_eq!(tokens.tokens, ["1-2"]);
    let code = chain.code(1, "1-0");
    chain.redeem(&scanner, "1-0", code).unwrap();
    assert_eq!(chain.status("1-0"), VoucherStatus::Redeemed);
    let class = chain.class(1);
    assert_eq!(class.meta.uri.as_deref(), Some("ipfs://latte"));
    assert_eq!(class.meta.product, "One latte, any size");
    let voucher = chain.voucher("1-0");
    assert_eq!((voucher.class_id, voucher.value), (1, Uint128::zero()));
    let acquired = ACQUIRED.load(&chain.deps.storage, (1, &fan)).unwrap();
    assert_eq!(acquired, 3, "what the per-holder limit counts");
    let class = chain.class(1);
    assert_eq!(class.supply.outstanding, 2);
    assert_eq!(class.escrow, Uint128::new(2 * PRICE));
}

#[test]
fn unknown_or_misspelt_token_ids_are_not_found() {
    let chain = Chain::with_paid_voucher();
    for token_id in ["1-1", "01-0", "1-00", "x", "2-0"] {
        let err = query(
            chain.deps.as_ref(),
            chain.env.clone(),
            QueryMsg::Voucher {
                token_id: token_id.into(),
            },
        )
        .unwrap_err();
        assert_eq!(
            err,
            ContractError::VoucherNotFound {
                token_id: token_id.into()
            }
        );
    }
}

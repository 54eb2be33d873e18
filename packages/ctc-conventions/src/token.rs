//! Which CTC token a contract that holds a genesis bucket accepts.
//!
//! The lock-ups and the allocation funds are instantiated before the token (its genesis names
//! them), so they learn its address afterwards, by an open, once-only `set_token`. A cw2 name and
//! a genesis allocation are whatever the instantiating account chose: anyone may instantiate the
//! public ctc-token code with a genesis naming one of these contracts and call `set_token` first,
//! binding the bucket to a worthless token for good. What an attacker cannot choose is who
//! created a contract: the chain records the instantiating account, so only the deployer can
//! create a token whose creator is the deployer.

use cosmwasm_std::{Addr, MessageInfo, QuerierWrapper, StdResult, Uint128};
use ctc_interfaces::token::{AllocationResponse, CtcQueryMsg};

use crate::error::ConventionError;

/// What `holder` holds of `token`, as the token answers it: one cw20 `balance` query. The bucket
/// contracts book their genesis and reconcile plain transfers with it. Inline, as the checks
/// below are.
#[inline]
pub fn balance_of(querier: &QuerierWrapper, token: &Addr, holder: &Addr) -> StdResult<Uint128> {
    let answer: cw20::BalanceResponse = querier.query_wasm_smart(
        token,
        &cw20::Cw20QueryMsg::Balance {
            address: holder.to_string(),
        },
    )?;
    Ok(answer.balance)
}

/// The cw2 name ctc-token stores at its instantiate.
pub const CTC_TOKEN_NAME: &str = "crates.io:ctc-token";

/// Accepts `token` as the platform's CTC for the contract `this` and answers its genesis
/// allocation, for the caller to find its own bucket in. `token` must
/// - answer cw2's raw `contract_info` as `crates.io:ctc-token` (`NotCtcToken` for an account, a
///   contract without cw2 info or one under another name),
/// - have been created by the account that created `this` (`TokenOfAnotherCreator`): a token
///   someone else instantiated, whatever its name and genesis, is not ours,
/// - answer ctc-token's `allocation {}` (`NotCtcToken` when it cannot).
///
/// One raw query, two contract-info queries and one smart query: for configuration only. Not
/// for a contract's own instantiate: use [`verify_platform_token_at_instantiate`] there.
// Inline, as generic code is: compiled only into the contracts that call it. A plain `pub fn`
// here brought its deserializers into every contract's wasm (ticket-nft: +26 KB).
#[inline]
pub fn verify_platform_token(
    querier: &QuerierWrapper,
    this: &Addr,
    token: &Addr,
) -> Result<AllocationResponse, ConventionError> {
    verify(querier, token, || {
        Ok(querier.query_wasm_contract_info(this)?.creator)
    })
}

/// [`verify_platform_token`] for a token given to a contract's `instantiate`. wasmd stores a
/// contract's info only once its `instantiate` has returned, so the contract cannot query its
/// own creator there; the creator it will record is the sender of the instantiate message,
/// `info.sender`, and that is what the token's creator is compared with.
#[inline]
pub fn verify_platform_token_at_instantiate(
    querier: &QuerierWrapper,
    info: &MessageInfo,
    token: &Addr,
) -> Result<AllocationResponse, ConventionError> {
    verify(querier, token, || Ok(info.sender.clone()))
}

/// The checks of [`verify_platform_token`], with this contract's creator asked only once the
/// token has answered as ctc-token, so that an account is refused by name and pays no more.
#[inline]
fn verify(
    querier: &QuerierWrapper,
    token: &Addr,
    our_creator: impl FnOnce() -> StdResult<Addr>,
) -> Result<AllocationResponse, ConventionError> {
    let not_ctc = || ConventionError::NotCtcToken {
        address: token.to_string(),
    };
    // An account (the query fails), a contract without cw2 info (nothing stored) or one under
    // another name: none of them is CTC.
    match cw2::query_contract_info(querier, token) {
        Ok(version) if version.contract == CTC_TOKEN_NAME => {}
        _ => return Err(not_ctc()),
    }
    let creator = querier.query_wasm_contract_info(token)?.creator;
    let expected = our_creator()?;
    if creator != expected {
        return Err(ConventionError::TokenOfAnotherCreator {
            address: token.to_string(),
            creator: creator.into_string(),
            expected: expected.into_string(),
        });
    }
    // A contract that takes the name but cannot answer the allocation is no ctc-token either.
    querier
        .query_wasm_smart(token, &CtcQueryMsg::Allocation {})
        .map_err(|_| not_ctc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{mock_dependencies, MockQuerier};
    use cosmwasm_std::{
        from_json, to_json_binary, Binary, ContractInfoResponse, ContractResult, SystemError,
        SystemResult, WasmQuery,
    };
    use ctc_interfaces::token::{AllocationBucket, BucketAllocation};
    use std::collections::BTreeMap;

    /// A chain of contracts, by address: a cw2 name (when stored), a creator, and whether it
    /// answers ctc-token's `allocation {}` (with `this` as the founding team's bucket).
    struct Contract {
        name: Option<&'static str>,
        creator: Addr,
        answers_allocation: bool,
    }

    fn allocation(this: &Addr) -> AllocationResponse {
        let bucket = AllocationBucket::FoundingTeam;
        AllocationResponse {
            buckets: vec![BucketAllocation {
                bucket,
                address: this.clone(),
                share: bucket.share(),
                amount: bucket.amount(),
            }],
        }
    }

    fn install(querier: &mut MockQuerier, this: &Addr, contracts: BTreeMap<String, Contract>) {
        let this = this.clone();
        querier.update_wasm(move |query| {
            let (address, answer) = match query {
                WasmQuery::Raw { contract_addr, key } => {
                    assert_eq!(key.as_slice(), b"contract_info");
                    let answer = contracts.get(contract_addr).map(|c| match c.name {
                        Some(name) => to_json_binary(&cw2::ContractVersion {
                            contract: name.to_owned(),
                            version: "0.2.0".to_owned(),
                        })
                        .unwrap(),
                        // What a chain answers for a key nothing was stored under.
                        None => Binary::default(),
                    });
                    (contract_addr, answer)
                }
                WasmQuery::ContractInfo { contract_addr } => {
                    let answer = contracts.get(contract_addr).map(|c| {
                        let info =
                            ContractInfoResponse::new(1, c.creator.clone(), None, false, None);
                        to_json_binary(&info).unwrap()
                    });
                    (contract_addr, answer)
                }
                WasmQuery::Smart { contract_addr, msg } => {
                    let answer = contracts.get(contract_addr).map(|c| {
                        let CtcQueryMsg::Allocation {} = from_json(msg).unwrap() else {
                            panic!("only the allocation is asked");
                        };
                        if c.answers_allocation {
                            Ok(to_json_binary(&allocation(&this)).unwrap())
                        } else {
                            Err("unknown variant `allocation`".to_owned())
                        }
                    });
                    match answer {
                        Some(result) => return SystemResult::Ok(result.into()),
                        None => (contract_addr, None),
                    }
                }
                other => panic!("unexpected query {other:?}"),
            };
            match answer {
                Some(answer) => SystemResult::Ok(ContractResult::Ok(answer)),
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: address.clone(),
                }),
            }
        });
    }

    #[test]
    fn only_a_ctc_token_created_by_this_contracts_creator_is_accepted() {
        let mut deps = mock_dependencies();
        let api = deps.api;
        let (deployer, attacker) = (api.addr_make("deployer"), api.addr_make("attacker"));
        let this = api.addr_make("lockup");
        let [ours, theirs, cw20, silent, unnamed, wallet] =
            ["ctc", "fake_ctc", "cw20", "silent", "unnamed", "wallet"].map(|n| api.addr_make(n));
        let contract = |name, creator: &Addr, answers_allocation| Contract {
            name,
            creator: creator.clone(),
            answers_allocation,
        };
        let contracts = BTreeMap::from([
            (
                this.to_string(),
                contract(Some("crates.io:lockups"), &deployer, false),
            ),
            (
                ours.to_string(),
                contract(Some(CTC_TOKEN_NAME), &deployer, true),
            ),
            // The front-run: the right code, name and genesis, instantiated by someone else.
            (
                theirs.to_string(),
                contract(Some(CTC_TOKEN_NAME), &attacker, true),
            ),
            (
                cw20.to_string(),
                contract(Some("crates.io:cw20-base"), &deployer, true),
            ),
            // Takes the name but does not answer ctc-token's queries.
            (
                silent.to_string(),
                contract(Some(CTC_TOKEN_NAME), &deployer, false),
            ),
            (unnamed.to_string(), contract(None, &deployer, true)),
        ]);
        install(&mut deps.querier, &this, contracts);
        let querier = QuerierWrapper::new(&deps.querier);
        let verify = |token: &Addr| verify_platform_token(&querier, &this, token);

        assert_eq!(verify(&ours), Ok(allocation(&this)));
        assert_eq!(
            verify(&theirs),
            Err(ConventionError::TokenOfAnotherCreator {
                address: theirs.to_string(),
                creator: attacker.to_string(),
                expected: deployer.to_string(),
            })
        );
        // At instantiate the creator to match is the instantiate's sender.
        let by = |sender: &Addr| cosmwasm_std::testing::message_info(sender, &[]);
        assert_eq!(
            verify_platform_token_at_instantiate(&querier, &by(&deployer), &ours),
            Ok(allocation(&this))
        );
        assert_eq!(
            verify_platform_token_at_instantiate(&querier, &by(&attacker), &ours),
            Err(ConventionError::TokenOfAnotherCreator {
                address: ours.to_string(),
                creator: deployer.to_string(),
                expected: attacker.to_string(),
            })
        );
        for not_ctc in [&wallet, &cw20, &silent, &unnamed] {
            assert_eq!(
                verify(not_ctc),
                Err(ConventionError::NotCtcToken {
                    address: not_ctc.to_string()
                })
            );
        }
    }

    #[test]
    fn the_refusals_read_as_what_went_wrong() {
        let error = ConventionError::TokenOfAnotherCreator {
            address: "ctc".into(),
            creator: "attacker".into(),
            expected: "deployer".into(),
        };
        assert_eq!(
            error.to_string(),
            "ctc was created by attacker, not by deployer who created this contract: it is not the platform's CTC"
        );
        let error = ConventionError::NotCtcToken {
            address: "wallet".into(),
        };
        assert_eq!(
            error.to_string(),
            "wallet is not the CTC token: it does not answer as crates.io:ctc-token"
        );
    }
}

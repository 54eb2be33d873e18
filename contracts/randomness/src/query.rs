//! The query handlers. `providers` is paged: a page holds at most `MAX_PAGE_LIMIT` providers.

use cosmwasm_std::{Addr, Deps, Env, HexBinary, Order};
use ctc_conventions::paging::page;
use ctc_conventions::validate::address;
use ctc_interfaces::randomness::{seed, DrawResponse, DrawStatus};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::{load_draw, load_provider};
use crate::msg::{CommitmentResponse, ConfigResponse, ProviderResponse, ProvidersResponse};
use crate::state::{Provider, COMMITMENTS, CONFIG, PROVIDERS};

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: config.token,
        registry: config.registry,
        treasury: config.treasury,
        provider_bond: config.provider_bond,
        commit_seconds: config.commit_seconds,
        reveal_seconds: config.reveal_seconds,
        min_commits: config.min_commits,
        max_commits: config.max_commits,
    })
}

/// The seed is computed here, not stored by a finalizing transaction: once `Ready`, reveals
/// are refused (the window closed, or every committer revealed) and commitments too, so the
/// mix it hashes cannot change.
pub fn draw(
    deps: Deps,
    env: &Env,
    requester: String,
    key: u64,
) -> Result<DrawResponse, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let draw = load_draw(deps.storage, &requester, key)?;
    let status = draw.status(env.block.time);
    let mix = draw.mix_bytes();
    let seed =
        (status == DrawStatus::Ready).then(|| HexBinary::from(seed(requester.as_str(), key, &mix)));
    Ok(DrawResponse {
        requester: requester.into_string(),
        key,
        status,
        round: draw.round,
        commits: draw.commits,
        reveals: draw.reveals,
        commits_close_at: draw.commits_close_at,
        reveals_close_at: draw.reveals_close_at,
        mix: HexBinary::from(mix),
        seed,
    })
}

fn provider_response(address: Addr, provider: Provider) -> ProviderResponse {
    ProviderResponse {
        address,
        bond: provider.bond,
        pending: provider.pending,
        standing: provider.standing,
    }
}

pub fn provider(deps: Deps, provider: String) -> Result<ProviderResponse, ContractError> {
    let provider = address(deps.api, "address", &provider)?;
    let record = load_provider(deps.storage, &provider)?;
    Ok(provider_response(provider, record))
}

pub fn providers(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<ProvidersResponse, ContractError> {
    let start_after = start_after
        .map(|after| address(deps.api, "start_after", &after))
        .transpose()?;
    let entries = PROVIDERS.range(
        deps.storage,
        start_after.as_ref().map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let providers = page(entries, limit, |(address, record)| {
        Ok(provider_response(address, record))
    })?;
    Ok(ProvidersResponse { providers })
}

pub fn commitment(
    deps: Deps,
    requester: String,
    key: u64,
    provider: String,
) -> Result<CommitmentResponse, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let provider = address(deps.api, "provider", &provider)?;
    let committed = COMMITMENTS
        .may_load(deps.storage, (&requester, key, &provider))?
        .ok_or_else(|| ContractError::NoCommitment {
            address: provider.into_string(),
        })?;
    Ok(CommitmentResponse {
        round: committed.round,
        commitment: HexBinary::from(committed.hash.as_slice()),
        state: committed.state,
    })
}

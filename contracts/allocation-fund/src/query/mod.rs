//! The query handlers. Lists are paged by id: a page reads at most `MAX_PAGE_LIMIT` entries.

use cosmwasm_std::{Deps, Env, HexBinary, Order, StdResult, Timestamp, Uint128};
use ctc_conventions::paging::page;
use ctc_conventions::validate::address;
use ctc_interfaces::merkle::{self, ProofStep};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::execute::available;
use crate::msg::{
    ConfigResponse, EntriesResponse, EntryKind, EntryResponse, LedgerResponse, RoundResponse,
    RoundsResponse, VerifyHoldingsResponse,
};
use crate::state::{Entry, Kind, Round, CLAIMED, CONFIG, ENTRIES, ROUNDS, TOTALS};
use ctc_conventions::balance_of;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        registry: config.registry,
        token: config.token,
        bucket: config.bucket,
    })
}

pub fn ledger(deps: Deps, env: &Env) -> Result<LedgerResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let totals = TOTALS.load(deps.storage)?;
    let balance = match &config.token {
        Some(token) => balance_of(&deps.querier, token, &env.contract.address)?,
        None => Uint128::zero(),
    };
    let booked = totals.received.checked_sub(totals.paid_out)?;
    Ok(LedgerResponse {
        received: totals.received,
        paid_out: totals.paid_out,
        reserved: totals.reserved,
        available: available(&totals)?,
        balance,
        balanced: booked == balance,
        entries: totals.entries,
        rounds: totals.rounds,
    })
}

fn entry_response(id: u64, entry: Entry) -> EntryResponse {
    EntryResponse {
        id,
        kind: match entry.kind {
            Kind::Receipt => EntryKind::Receipt,
            Kind::Disbursement => EntryKind::Disbursement,
            Kind::Claim => EntryKind::Claim,
        },
        amount: entry.amount,
        at: Timestamp::from_seconds(entry.at),
        party: entry.party,
        round_id: entry.round_id,
        note: entry.note,
        evidence_digest: entry.digest.map(|digest| HexBinary::from(digest).to_hex()),
    }
}

pub fn entries(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<EntriesResponse, ContractError> {
    let range = ENTRIES.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let entries = page(range, limit, |(id, entry)| Ok(entry_response(id, entry)))?;
    Ok(EntriesResponse { entries })
}

fn round_response(round_id: u64, round: Round) -> RoundResponse {
    RoundResponse {
        round_id,
        root: round.root,
        total: round.total,
        claimed: round.claimed,
        list_digest: round.list_digest,
        list_uri: round.list_uri,
        opened_at: round.opened_at,
        claims_until: round.claims_until,
        partners_only: round.partners_only,
        closed: round.closed,
        cancelled: round.cancelled,
    }
}

pub fn round(deps: Deps, round_id: u64) -> Result<RoundResponse, ContractError> {
    let round = ROUNDS
        .may_load(deps.storage, round_id)?
        .ok_or(ContractError::UnknownRound { round_id })?;
    Ok(round_response(round_id, round))
}

pub fn rounds(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<RoundsResponse, ContractError> {
    let range = ROUNDS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    let rounds = page(range, limit, |(id, round)| Ok(round_response(id, round)))?;
    Ok(RoundsResponse { rounds })
}

pub fn claimed(deps: Deps, round_id: u64, claimant: String) -> Result<bool, ContractError> {
    if !ROUNDS.has(deps.storage, round_id) {
        return Err(ContractError::UnknownRound { round_id });
    }
    let claimant = address(deps.api, "address", &claimant)?;
    Ok(CLAIMED.has(deps.storage, (round_id, &claimant)))
}

/// Checks a holdings proof against the root and total the caller gives: what the custodian
/// anchored with the registry, if the caller read them there. Both addresses are validated, so a
/// spelling no leaf holds is an error rather than a quiet `valid: false`.
#[allow(clippy::too_many_arguments)]
pub fn verify_holdings(
    deps: Deps,
    custodian: &str,
    root: &HexBinary,
    total: Uint128,
    scope: u64,
    holder: &str,
    amount: Uint128,
    proof: &[ProofStep],
) -> Result<VerifyHoldingsResponse, ContractError> {
    let custodian = address(deps.api, "custodian", custodian)?;
    let holder = address(deps.api, "address", holder)?;
    Ok(
        match merkle::verify(
            root,
            total,
            custodian.as_str(),
            scope,
            holder.as_str(),
            amount,
            proof,
        ) {
            Ok(()) => VerifyHoldingsResponse {
                valid: true,
                reason: None,
            },
            Err(err) => VerifyHoldingsResponse {
                valid: false,
                reason: Some(err.to_string()),
            },
        },
    )
}

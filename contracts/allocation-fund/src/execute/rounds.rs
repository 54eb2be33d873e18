//! Distribution rounds: a Merkle sum tree's root and total, reserved when opened, claimed leaf by
//! leaf, closed once their time is over.

use cosmwasm_std::{
    Addr, DepsMut, Empty, Env, HexBinary, MessageInfo, Response, Timestamp, Uint128,
};
use ctc_conventions::validate::{digest, recipient, text};
use ctc_interfaces::merkle::{self, ProofStep};
use ctc_interfaces::registry::{PartnerStatusResponse, RegistryQueryMsg};

use crate::contract::CONTRACT;
use crate::error::ContractError;
use crate::execute::{available, book, entry, next_id, token, transfer};
use crate::state::{Kind, Round, CLAIMED, CONFIG, ROUNDS, TOTALS};

/// Where the published list can be read: a URL or a content address.
pub const MAX_LIST_URI_BYTES: usize = 256;

/// The longest a round takes claims, in seconds from its opening: 365 days. A round reserves its
/// total until it closes, and it closes only after its claims end; a window of decades (a typo,
/// or a proposal that nobody read to the end) would lock the reserve as long.
pub const MAX_CLAIM_WINDOW: u64 = 365 * 24 * 3_600;

/// What `open_round` is sent.
pub struct RoundInput {
    pub round_id: u64,
    pub root: HexBinary,
    pub total: Uint128,
    pub list_digest: String,
    pub list_uri: String,
    pub claims_until: Timestamp,
    pub partners_only: bool,
}

pub fn open_round(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    input: RoundInput,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut totals = TOTALS.load(deps.storage)?;
    // The leaves' scope is the round id: a proposal built for one id must not open as another,
    // where none of its proofs would verify and its total would sit reserved for nothing.
    let round_id = next_id(totals.rounds)?;
    if input.round_id != round_id {
        return Err(ContractError::UnexpectedRoundId {
            expected: round_id,
            given: input.round_id,
        });
    }
    if input.root.len() != 32 {
        return Err(ContractError::InvalidRoot {
            len: input.root.len(),
        });
    }
    if input.total.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let list_digest = digest("list_digest", &input.list_digest)?;
    text("list_uri", &input.list_uri, MAX_LIST_URI_BYTES)?;
    if input.claims_until <= env.block.time {
        return Err(ContractError::ClaimsUntilInPast);
    }
    let latest = env.block.time.plus_seconds(MAX_CLAIM_WINDOW);
    if input.claims_until > latest {
        return Err(ContractError::ClaimWindowTooLong { latest });
    }
    token(&CONFIG.load(deps.storage)?)?;
    let available = available(&totals)?;
    if input.total > available {
        return Err(ContractError::InsufficientAvailable { available });
    }
    totals.rounds = round_id;
    totals.reserved = totals.reserved.checked_add(input.total)?;
    let round = Round {
        root: input.root,
        total: input.total,
        claimed: Uint128::zero(),
        list_digest,
        list_uri: input.list_uri,
        opened_at: env.block.time,
        claims_until: input.claims_until,
        partners_only: input.partners_only,
        closed: false,
        cancelled: false,
    };
    ROUNDS.save(deps.storage, round_id, &round)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "open_round")
        .add_attribute("round_id", round_id.to_string())
        .add_attribute("total", round.total)
        .add_attribute("root", round.root.to_hex())
        .add_attribute("list_digest", round.list_digest)
        .add_attribute("claims_until", round.claims_until.to_string())
        .add_attribute("partners_only", round.partners_only.to_string()))
}

fn load_round(deps: &DepsMut, round_id: u64) -> Result<Round, ContractError> {
    ROUNDS
        .may_load(deps.storage, round_id)?
        .ok_or(ContractError::UnknownRound { round_id })
}

/// The registry's word that `claimant` is an admitted partner, Active now: one query, paid only
/// by claims of partners-only rounds.
fn ensure_active_partner(
    deps: &DepsMut,
    registry: &Addr,
    round_id: u64,
    claimant: &Addr,
) -> Result<(), ContractError> {
    let status: PartnerStatusResponse = deps.querier.query_wasm_smart(
        registry,
        &RegistryQueryMsg::PartnerStatus {
            address: claimant.to_string(),
        },
    )?;
    let address = claimant.to_string();
    if !status.admitted {
        return Err(ContractError::NotAPartner { round_id, address });
    }
    if !status.active {
        return Err(ContractError::PartnerNotActive { round_id, address });
    }
    Ok(())
}

pub fn claim(
    deps: DepsMut,
    env: Env,
    round_id: u64,
    claimant: String,
    amount: Uint128,
    proof: Vec<ProofStep>,
) -> Result<Response, ContractError> {
    let mut round = load_round(&deps, round_id)?;
    if round.closed {
        return Err(ContractError::RoundClosed { round_id });
    }
    if env.block.time > round.claims_until {
        return Err(ContractError::ClaimsEnded {
            round_id,
            until: round.claims_until,
        });
    }
    // Validated, so only the lower-case spelling a leaf can hold is taken, and able to spend: a
    // platform contract listed by mistake would receive CTC it could never pass on.
    let claimant = recipient(deps.as_ref(), &env, CONTRACT.name, "address", &claimant)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if CLAIMED.has(deps.storage, (round_id, &claimant)) {
        return Err(ContractError::AlreadyClaimed {
            round_id,
            address: claimant.into_string(),
        });
    }
    // This contract's address is the leaf's domain and the round id its scope: a proof from
    // another fund's tree, or another round's, never fits this one.
    merkle::verify(
        &round.root,
        round.total,
        env.contract.address.as_str(),
        round_id,
        claimant.as_str(),
        amount,
        &proof,
    )?;
    let config = CONFIG.load(deps.storage)?;
    if round.partners_only {
        ensure_active_partner(&deps, &config.registry, round_id, &claimant)?;
    }
    // The sum tree already bounds the claims by the total; checked all the same.
    round.claimed = round.claimed.checked_add(amount)?;
    round.total.checked_sub(round.claimed)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.paid_out = totals.paid_out.checked_add(amount)?;
    totals.reserved = totals.reserved.checked_sub(amount)?;
    let token = token(&config)?;
    ROUNDS.save(deps.storage, round_id, &round)?;
    CLAIMED.save(deps.storage, (round_id, &claimant), &Empty {})?;
    let mut payment = entry(Kind::Claim, amount, &env);
    payment.party = Some(claimant.clone());
    payment.round_id = Some(round_id);
    let id = book(deps.storage, totals, &payment)?;
    Ok(Response::new()
        .add_message(transfer(token, &claimant, amount)?)
        .add_attribute("action", "claim")
        .add_attribute("round_id", round_id.to_string())
        .add_attribute("entry_id", id.to_string())
        .add_attribute("address", claimant)
        .add_attribute("amount", amount))
}

pub fn close_round(deps: DepsMut, env: Env, round_id: u64) -> Result<Response, ContractError> {
    let mut round = load_round(&deps, round_id)?;
    if round.closed {
        return Err(ContractError::RoundClosed { round_id });
    }
    if env.block.time <= round.claims_until {
        return Err(ContractError::ClaimsOpen {
            round_id,
            until: round.claims_until,
        });
    }
    let unclaimed = round.total.checked_sub(round.claimed)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.reserved = totals.reserved.checked_sub(unclaimed)?;
    round.closed = true;
    ROUNDS.save(deps.storage, round_id, &round)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "close_round")
        .add_attribute("round_id", round_id.to_string())
        .add_attribute("claimed", round.claimed)
        .add_attribute("returned", unclaimed))
}

pub fn cancel_round(
    deps: DepsMut,
    info: MessageInfo,
    round_id: u64,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let mut round = load_round(&deps, round_id)?;
    if round.closed {
        return Err(ContractError::RoundClosed { round_id });
    }
    // Once anyone has claimed, the list is what was promised: the round runs its course and
    // `close_round` returns the rest, so no claimant races a cancellation.
    if !round.claimed.is_zero() {
        return Err(ContractError::RoundHasClaims {
            round_id,
            claimed: round.claimed,
        });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.reserved = totals.reserved.checked_sub(round.total)?;
    round.closed = true;
    round.cancelled = true;
    ROUNDS.save(deps.storage, round_id, &round)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "cancel_round")
        .add_attribute("round_id", round_id.to_string())
        .add_attribute("returned", round.total))
}

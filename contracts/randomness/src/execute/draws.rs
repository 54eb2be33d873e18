//! A draw's life: the request, commitments (and their retraction), reveals and forfeits.

use cosmwasm_std::{
    to_json_binary, Addr, Binary, DepsMut, Env, HexBinary, MessageInfo, Response, Timestamp,
    Uint128, WasmMsg,
};
use ctc_conventions::validate::address;
use ctc_interfaces::randomness::{commitment, mix_in, seed, DrawStatus};
use cw20::Cw20ExecuteMsg;

use crate::error::ContractError;
use crate::execute::{
    bytes32, decrement, increment, load_draw, load_provider, MAX_COMMIT_HORIZON_SECONDS,
};
use crate::msg::{CommitmentState, Standing};
use crate::state::{Commitment, Draw, COMMITMENTS, CONFIG, DRAWS, PROVIDERS};

/// A commitment still waiting for its reveal or its forfeit.
fn ensure_pending(committed: &Commitment, provider: &Addr) -> Result<(), ContractError> {
    match committed.state {
        CommitmentState::Pending => Ok(()),
        CommitmentState::Revealed => Err(ContractError::AlreadyRevealed {
            address: provider.to_string(),
        }),
        CommitmentState::Forfeited => Err(ContractError::AlreadyForfeited {
            address: provider.to_string(),
        }),
    }
}

pub fn request_draw(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    key: u64,
    commits_close_at: Option<Timestamp>,
) -> Result<Response, ContractError> {
    let now = env.block.time;
    let earliest = now.plus_seconds(CONFIG.load(deps.storage)?.commit_seconds);
    let latest = now.plus_seconds(MAX_COMMIT_HORIZON_SECONDS);
    // Never sooner than the commit window: providers need the time to commit at all.
    let commits_close_at = commits_close_at.map_or(earliest, |asked| asked.max(earliest));
    if commits_close_at > latest {
        return Err(ContractError::CommitsCloseTooLate { latest });
    }
    // A second request would reset a draw whose secrets may already be out.
    if DRAWS.has(deps.storage, (&info.sender, key)) {
        return Err(ContractError::DrawExists { key });
    }
    DRAWS.save(
        deps.storage,
        (&info.sender, key),
        &Draw::new(commits_close_at),
    )?;
    Ok(Response::new()
        .add_attribute("action", "request_draw")
        .add_attribute("requester", info.sender)
        .add_attribute("key", key.to_string())
        .add_attribute("commits_close_at", commits_close_at.to_string()))
}

pub fn commit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    requester: String,
    key: u64,
    hash: HexBinary,
) -> Result<Response, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let hash = bytes32("commitment", &hash)?;
    let config = CONFIG.load(deps.storage)?;
    let provider = &info.sender;
    let mut record = load_provider(deps.storage, provider)?;
    if record.standing != Standing::Active {
        return Err(ContractError::NotInGoodStanding {
            address: provider.to_string(),
            standing: record.standing,
        });
    }
    let mut draw = load_draw(deps.storage, &requester, key)?;
    let now = env.block.time;
    match draw.status(now) {
        DrawStatus::Committing => {}
        // Nobody revealed: the round is void, and this commitment opens the next one. Its
        // committers stay forfeitable by their old round number.
        DrawStatus::Stalled => {
            draw = Draw {
                round: increment(draw.round)?,
                ..Draw::new(now.plus_seconds(config.commit_seconds))
            }
        }
        DrawStatus::Revealing | DrawStatus::Ready => return Err(ContractError::CommitsClosed),
    }
    if draw.commits >= config.max_commits {
        return Err(ContractError::TooManyCommits {
            max: config.max_commits,
        });
    }
    let draw_key = (&requester, key, provider);
    if let Some(earlier) = COMMITMENTS.may_load(deps.storage, draw_key)? {
        if earlier.round == draw.round {
            return Err(ContractError::AlreadyCommitted {
                address: provider.to_string(),
                round: earlier.round,
            });
        }
        // A provider could otherwise overwrite, and so escape, its own unrevealed commitment.
        if earlier.state == CommitmentState::Pending {
            return Err(ContractError::EarlierRoundUnforfeited {
                address: provider.to_string(),
                round: earlier.round,
            });
        }
    }
    // Each pending commitment locks one stake of the deposit, at the bond in force now: a
    // lowered bond frees nothing already committed (the deposit leaves only with nothing
    // pending), a raised one applies to commitments from now on.
    let needed = config
        .provider_bond
        .checked_mul(Uint128::from(increment(record.pending)?))?;
    if record.bond < needed {
        return Err(ContractError::StakeTooLow {
            needed,
            deposit: record.bond,
        });
    }
    draw.commits = increment(draw.commits)?;
    // `>=`, not `==`: the owner may have lowered the minimum below this draw's count.
    if draw.reveals_close_at.is_none() && draw.commits >= config.min_commits {
        let reveals_open_at = now.max(draw.commits_close_at);
        draw.reveals_close_at = Some(reveals_open_at.plus_seconds(config.reveal_seconds));
    }
    record.pending = increment(record.pending)?;
    COMMITMENTS.save(
        deps.storage,
        draw_key,
        &Commitment {
            round: draw.round,
            hash: Binary::from(hash),
            state: CommitmentState::Pending,
        },
    )?;
    DRAWS.save(deps.storage, (&requester, key), &draw)?;
    PROVIDERS.save(deps.storage, provider, &record)?;
    let mut response = Response::new()
        .add_attribute("action", "commit")
        .add_attribute("requester", requester)
        .add_attribute("key", key.to_string())
        .add_attribute("provider", provider.as_str())
        .add_attribute("round", draw.round.to_string())
        .add_attribute("commitment", HexBinary::from(hash).to_hex())
        .add_attribute("commits", draw.commits.to_string());
    if let Some(reveals_close_at) = draw.reveals_close_at {
        response = response.add_attribute("reveals_close_at", reveals_close_at.to_string());
    }
    Ok(response)
}

/// The sender takes back its commitment to the current round of a draw whose reveals never
/// opened: the round is below its minimum count, so no secret of it can be out and nothing about
/// the seed is known to anyone; withdrawing only undoes the commitment. Without it a lone
/// committer could neither reveal nor be forfeited, and its stake would stay locked for good.
pub fn retract(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    requester: String,
    key: u64,
) -> Result<Response, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let provider = &info.sender;
    let mut draw = load_draw(deps.storage, &requester, key)?;
    let draw_key = (&requester, key, provider);
    let committed = COMMITMENTS
        .may_load(deps.storage, draw_key)?
        .ok_or_else(|| ContractError::NoCommitment {
            address: provider.to_string(),
        })?;
    // An earlier round's commitment had its window: it is revealed, forfeited or forfeitable.
    if committed.round != draw.round {
        return Err(ContractError::StalledRound {
            round: committed.round,
        });
    }
    // Whether reveals can open is `reveals_close_at`, as for the status: once set, secrets may
    // be out (or about to be), and a commitment withdrawn then would be a withheld secret.
    if draw.reveals_close_at.is_some() {
        if draw.status(env.block.time) == DrawStatus::Stalled {
            return Err(ContractError::StalledRound {
                round: committed.round,
            });
        }
        return Err(ContractError::MinimumReached {
            commits: draw.commits,
        });
    }
    // Reveals never opened in this round, so its commitments are all pending; kept for safety.
    ensure_pending(&committed, provider)?;
    draw.commits = decrement(draw.commits)?;
    let mut record = load_provider(deps.storage, provider)?;
    record.pending = decrement(record.pending)?;
    COMMITMENTS.remove(deps.storage, draw_key);
    DRAWS.save(deps.storage, (&requester, key), &draw)?;
    PROVIDERS.save(deps.storage, provider, &record)?;
    Ok(Response::new()
        .add_attribute("action", "retract")
        .add_attribute("requester", requester)
        .add_attribute("key", key.to_string())
        .add_attribute("provider", provider.as_str())
        .add_attribute("round", committed.round.to_string())
        .add_attribute("commits", draw.commits.to_string()))
}

pub fn reveal(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    requester: String,
    key: u64,
    secret: HexBinary,
) -> Result<Response, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let secret = bytes32("secret", &secret)?;
    let provider = &info.sender;
    let mut draw = load_draw(deps.storage, &requester, key)?;
    let draw_key = (&requester, key, provider);
    let mut committed = COMMITMENTS
        .may_load(deps.storage, draw_key)?
        .ok_or_else(|| ContractError::NoCommitment {
            address: provider.to_string(),
        })?;
    if committed.round != draw.round {
        return Err(ContractError::StalledRound {
            round: committed.round,
        });
    }
    ensure_pending(&committed, provider)?;
    let now = env.block.time;
    // No secret may be out while commitments, or the requester's inputs, can still change.
    let reveals_close_at = match draw.reveals_close_at {
        Some(close) if now >= draw.commits_close_at => close,
        _ => {
            return Err(ContractError::RevealsNotOpen {
                commits_close_at: draw.commits_close_at,
            })
        }
    };
    // After the window the seed is final: a late secret would let its holder choose the result.
    if now >= reveals_close_at {
        return Err(ContractError::RevealWindowClosed {
            closed_at: reveals_close_at,
        });
    }
    if commitment(requester.as_str(), key, provider.as_str(), &secret) != committed.hash.as_slice()
    {
        return Err(ContractError::CommitmentMismatch);
    }
    let mut mix = draw.mix_bytes();
    mix_in(&mut mix, &secret);
    draw.mix = Some(Binary::from(mix));
    draw.reveals = increment(draw.reveals)?;
    committed.state = CommitmentState::Revealed;
    let mut record = load_provider(deps.storage, provider)?;
    record.pending = decrement(record.pending)?;
    COMMITMENTS.save(deps.storage, draw_key, &committed)?;
    DRAWS.save(deps.storage, (&requester, key), &draw)?;
    PROVIDERS.save(deps.storage, provider, &record)?;
    let mut response = Response::new()
        .add_attribute("action", "reveal")
        .add_attribute("requester", requester.as_str())
        .add_attribute("key", key.to_string())
        .add_attribute("provider", provider.as_str())
        .add_attribute("round", draw.round.to_string())
        // With the commitments from `commit`, anyone recomputes the seed from events alone.
        .add_attribute("secret", HexBinary::from(secret).to_hex())
        .add_attribute("reveals", draw.reveals.to_string());
    if draw.reveals == draw.commits {
        let seed = seed(requester.as_str(), key, &mix);
        response = response.add_attribute("seed", HexBinary::from(seed).to_hex());
    }
    Ok(response)
}

pub fn forfeit(
    deps: DepsMut,
    env: Env,
    requester: String,
    key: u64,
    provider: String,
) -> Result<Response, ContractError> {
    let requester = address(deps.api, "requester", &requester)?;
    let provider = address(deps.api, "provider", &provider)?;
    let draw = load_draw(deps.storage, &requester, key)?;
    let draw_key = (&requester, key, &provider);
    let mut committed = COMMITMENTS
        .may_load(deps.storage, draw_key)?
        .ok_or_else(|| ContractError::NoCommitment {
            address: provider.to_string(),
        })?;
    ensure_pending(&committed, &provider)?;
    // A commitment of an earlier round lost its window when that round stalled.
    if committed.round == draw.round
        && draw
            .reveals_close_at
            .is_none_or(|closed_at| env.block.time < closed_at)
    {
        return Err(ContractError::RevealWindowOpen);
    }
    committed.state = CommitmentState::Forfeited;
    let config = CONFIG.load(deps.storage)?;
    let mut record = load_provider(deps.storage, &provider)?;
    // One stake per withheld commitment. The deposit covers every pending one unless the owner
    // raised the bond since they were made: then the last forfeit takes what is left.
    let forfeited = config.provider_bond.min(record.bond);
    record.bond -= forfeited;
    record.standing = Standing::Forfeited;
    record.pending = decrement(record.pending)?;
    COMMITMENTS.save(deps.storage, draw_key, &committed)?;
    PROVIDERS.save(deps.storage, &provider, &record)?;
    let treasury = config.treasury;
    let mut response = Response::new()
        .add_attribute("action", "forfeit")
        .add_attribute("requester", requester)
        .add_attribute("key", key.to_string())
        .add_attribute("provider", provider)
        .add_attribute("round", committed.round.to_string())
        .add_attribute("forfeited", forfeited)
        .add_attribute("bond", record.bond)
        .add_attribute("treasury", treasury.as_str());
    // Nothing to send only if earlier forfeits took the whole deposit (after a raised bond).
    if !forfeited.is_zero() {
        response = response.add_message(WasmMsg::Execute {
            contract_addr: config.token.into_string(),
            msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
                recipient: treasury.into_string(),
                amount: forfeited,
            })?,
            funds: vec![],
        });
    }
    Ok(response)
}

use std::fmt;

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::randomness::{DrawResponse, DrawStatus};

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: deposits are posted and returned in it. Fixed for good, since the
    /// deposits held are counted in it.
    pub token: String,
    /// The partner registry: only a partner it answers as admitted and active may join.
    pub registry: String,
    /// Receives forfeited stakes; an address that can spend them (not a platform contract).
    pub treasury: String,
    /// The stake each pending commitment locks (more than 0): a provider joins with a deposit
    /// of at least this, commits while its deposit covers one stake for each of its pending
    /// commitments and the new one, and loses one stake for each commitment it withholds.
    pub provider_bond: Uint128,
    /// The shortest commit window: a draw's commitments close no sooner than this long after
    /// its request (1 second to 30 days).
    pub commit_seconds: u64,
    /// How long reveals stay open once commitments closed with enough of them (1 second to 30
    /// days).
    pub reveal_seconds: u64,
    /// The commitments a draw needs before its reveals open (at least 2: a lone committer could
    /// choose its secret, and so the seed, offline).
    pub min_commits: u32,
    /// The most commitments a round takes (from `min_commits` to 32).
    pub max_commits: u32,
    /// Sets the configuration; the sender when omitted.
    pub owner: Option<String>,
}

pub use ctc_interfaces::randomness::RandomnessReceiveMsg;

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// CTC `Send` hook: `join {}`. A new provider joins with at least `provider_bond`; an
    /// active provider's `join {}` adds to its deposit (any amount above zero).
    Receive(Cw20ReceiveMsg),
    /// A provider with no commitment waiting for a reveal, a forfeit or a retraction (`retract`
    /// is the way out of a round that never reached `min_commits`): what remains of its
    /// deposit back (after forfeits, the rest) in one cw20 `transfer`, and it is no longer a
    /// provider.
    Leave {},
    /// Anyone, usually a consumer contract: opens the draw (sender, `key`), as
    /// `ctc_interfaces::randomness::RandomnessExecuteMsg::RequestDraw` writes it. Commitments
    /// close at the later of `commits_close_at` and now + `commit_seconds`, within a year.
    RequestDraw {
        key: u64,
        commits_close_at: Option<Timestamp>,
    },
    /// A provider in good standing whose deposit covers `provider_bond` for each of its pending
    /// commitments and this one commits to a secret for the draw (`requester`, `key`):
    /// `commitment` is `ctc_interfaces::randomness::commitment(requester, key, provider,
    /// secret)`, 32 bytes. Taken before commitments close, and after while the draw has fewer
    /// than `min_commits`; at most `max_commits` a round. A stalled draw starts its next round
    /// with this commitment.
    Commit {
        requester: String,
        key: u64,
        commitment: HexBinary,
    },
    /// The committed provider takes back its commitment to the draw's current round while that
    /// round has fewer than `min_commits` commitments (its reveals never opened, so no secret
    /// is out): the commitment is deleted, the draw counts one fewer and the provider one fewer
    /// pending, and it may commit again. Refused once the round reached the minimum, even before
    /// commitments close. The way out for a lone committer, which could otherwise neither reveal
    /// nor be forfeited, and so never leave.
    Retract { requester: String, key: u64 },
    /// The committed provider reveals its 32-byte secret, between the close of commitments and
    /// the close of reveals.
    Reveal {
        requester: String,
        key: u64,
        secret: HexBinary,
    },
    /// Anyone: a commitment left unrevealed once its reveal window closed (or whose round
    /// stalled) costs its provider one stake (`provider_bond`, or what remains of its deposit if
    /// less), sent to the treasury, and its good standing.
    Forfeit {
        requester: String,
        key: u64,
        provider: String,
    },
    /// Anyone, once the registry no longer answers `provider` as an admitted, active partner:
    /// it commits no more, and `leave` returns its deposit once its commitments are settled.
    Remove { provider: String },
    /// Owner. The bond is checked as in force at each join and commitment and taken as in
    /// force at each forfeit: a raise applies to new joins and commitments only (a forfeit then
    /// takes at most what remains of the deposit), and a lowered bond frees no deposit while
    /// commitments are pending. The windows apply to draws requested (or committed to)
    /// afterwards.
    UpdateConfig {
        registry: Option<String>,
        treasury: Option<String>,
        provider_bond: Option<Uint128>,
        commit_seconds: Option<u64>,
        reveal_seconds: Option<u64>,
        min_commits: Option<u32>,
        max_commits: Option<u32>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// As `ctc_interfaces::randomness::RandomnessQueryMsg::Draw` asks it: the status, counts
    /// and windows, and the seed once ready.
    #[returns(DrawResponse)]
    Draw { requester: String, key: u64 },
    #[returns(ProviderResponse)]
    Provider { address: String },
    /// Providers by address; `start_after` is the last address read.
    #[returns(ProvidersResponse)]
    Providers {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(CommitmentResponse)]
    Commitment {
        requester: String,
        key: u64,
        provider: String,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

/// Whether a provider may commit.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Standing {
    Active,
    /// The registry stopped answering it as an active partner; its deposit is still its own.
    Removed,
    /// It withheld a secret and lost a stake; it may still reveal its other pending
    /// commitments, and leaves with what remains of its deposit.
    Forfeited,
}

impl Standing {
    /// The name used in JSON and in error messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Removed => "removed",
            Self::Forfeited => "forfeited",
        }
    }
}

impl fmt::Display for Standing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum CommitmentState {
    /// Waiting for its reveal, or for a forfeit once the window closed (or for its retraction,
    /// while its round has fewer than `min_commits`).
    Pending,
    Revealed,
    Forfeited,
}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub provider_bond: Uint128,
    pub commit_seconds: u64,
    pub reveal_seconds: u64,
    pub min_commits: u32,
    pub max_commits: u32,
}

#[cw_serde]
pub struct ProviderResponse {
    pub address: Addr,
    /// The CTC held for it, its deposit: what it posted, less what forfeits took.
    pub bond: Uint128,
    /// Its commitments waiting for a reveal or a forfeit.
    pub pending: u32,
    pub standing: Standing,
}

#[cw_serde]
pub struct ProvidersResponse {
    pub providers: Vec<ProviderResponse>,
}

#[cw_serde]
pub struct CommitmentResponse {
    /// The draw's round it was made in.
    pub round: u32,
    pub commitment: HexBinary,
    pub state: CommitmentState,
}

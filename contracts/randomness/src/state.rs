use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Binary, Timestamp, Uint128};
use ctc_interfaces::randomness::DrawStatus;
use cw_storage_plus::{Item, Map};

use crate::msg::{CommitmentState, Standing};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub provider_bond: Uint128,
    pub commit_seconds: u64,
    pub reveal_seconds: u64,
    pub min_commits: u32,
    pub max_commits: u32,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// One draw's current round. The counts, windows and mix restart with each round; commitments
/// of earlier rounds stay in `COMMITMENTS` until forfeited.
#[cw_serde]
pub struct Draw {
    pub round: u32,
    pub commits: u32,
    pub reveals: u32,
    pub commits_close_at: Timestamp,
    /// Set by the commitment that reached the minimum count: whether reveals can open at all.
    pub reveals_close_at: Option<Timestamp>,
    /// XOR of the secrets revealed this round; absent (all zeros) before the first, which
    /// keeps a requested draw's record short.
    pub mix: Option<Binary>,
}

/// (requester, key): the requester's own numbering, so two consumers never collide.
pub const DRAWS: Map<(&Addr, u64), Draw> = Map::new("draws");

#[cw_serde]
pub struct Commitment {
    pub round: u32,
    pub hash: Binary,
    pub state: CommitmentState,
}

/// (requester, key, provider): one per provider and draw; a later round overwrites a forfeited
/// one, and a retracted one is deleted.
pub const COMMITMENTS: Map<(&Addr, u64, &Addr), Commitment> = Map::new("commits");

#[cw_serde]
pub struct Provider {
    /// Its deposit: what it posted (joining and topping up), less what forfeits took. Each
    /// pending commitment locks `provider_bond` of it.
    pub bond: Uint128,
    /// Its `Pending` commitments, over every draw: the deposit cannot leave while any remains.
    pub pending: u32,
    pub standing: Standing,
}

pub const PROVIDERS: Map<&Addr, Provider> = Map::new("providers");

impl Draw {
    pub fn new(commits_close_at: Timestamp) -> Self {
        Self {
            round: 1,
            commits: 0,
            reveals: 0,
            commits_close_at,
            reveals_close_at: None,
            mix: None,
        }
    }

    /// Derived from the counts and the windows rather than stored, so no transaction is needed
    /// to move a draw on. Whether reveals can open is `reveals_close_at`, not the configured
    /// minimum, so that a configuration change cannot reopen or close a draw's commitments.
    pub fn status(&self, now: Timestamp) -> DrawStatus {
        let Some(reveals_close_at) = self.reveals_close_at else {
            return DrawStatus::Committing;
        };
        if now < self.commits_close_at {
            return DrawStatus::Committing;
        }
        if self.reveals == self.commits {
            return DrawStatus::Ready;
        }
        if now < reveals_close_at {
            return DrawStatus::Revealing;
        }
        if self.reveals > 0 {
            DrawStatus::Ready
        } else {
            DrawStatus::Stalled
        }
    }

    pub fn mix_bytes(&self) -> [u8; 32] {
        // Only `mix_in` writes the mix, always 32 bytes.
        self.mix
            .as_ref()
            .and_then(|mix| mix.as_slice().try_into().ok())
            .unwrap_or([0; 32])
    }
}

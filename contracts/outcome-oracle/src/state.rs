use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::msg::{QuestionStatus, Verdict};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub arbiter: Addr,
    pub dispute_bond: Uint128,
    pub arbitration_timeout_seconds: u64,
    /// Absent from configurations stored before it existed, which all used the hour.
    #[serde(default = "default_min_dispute_window")]
    pub min_dispute_window_seconds: u64,
}

fn default_min_dispute_window() -> u64 {
    crate::execute::MIN_WINDOW_SECONDS
}

pub const CONFIG: Item<Config> = Item::new("config");
pub const CREATORS: Map<&Addr, Empty> = Map::new("creators");

#[cw_serde]
pub struct Question {
    pub creator: Addr,
    pub text: String,
    pub outcomes: Vec<String>,
    pub resolve_after: Timestamp,
    pub deadline: Timestamp,
    pub reporters: Option<Vec<Addr>>,
    pub quorum: u32,
    pub dispute_window_seconds: u64,
    pub status: QuestionStatus,
    /// Counted reports per outcome, then one more for Invalid.
    pub tallies: Vec<u32>,
}

impl Question {
    pub fn tally_index(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Outcome(index) => index as usize,
            Verdict::Invalid => self.outcomes.len(),
        }
    }
}

pub const QUESTIONS: Map<u64, Question> = Map::new("questions");
pub const QUESTION_COUNT: Item<u64> = Item::new("question_count");
pub const REPORTS: Map<(u64, &Addr), Verdict> = Map::new("reports");

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

#[cw_serde]
pub struct InstantiateMsg {
    /// Creates grants and revokes revocable ones; the sender when omitted.
    pub owner: Option<String>,
    /// The CTC token. Usually omitted: the token names this contract as a genesis bucket at its
    /// own instantiate, so it exists only afterwards and anyone sets it with `set_token`. When
    /// given it is verified as `set_token` verifies it, and nothing is booked yet: `reconcile`
    /// books what the token already credited.
    pub token: Option<String>,
    /// The end of the lock-up: no grant may vest anything before it (a linear cliff or a first
    /// tranche earlier is refused). Fixed for good. Deploy sets listing + 12 months for the
    /// founding team's instance and listing + 6 months for the investors' (令吉 §4.4).
    pub locked_until: Timestamp,
}

/// How a grant vests. Times are block times; amounts are rounded down until the last moment,
/// which vests the whole grant.
#[cw_serde]
pub enum Schedule {
    /// Nothing before `cliff`; from `cliff` on, `amount × (t − start) / (end − start)`; all of
    /// it from `end` on. `start <= cliff <= end` and `start < end`; `cliff == end` is a plain
    /// lock-up that releases everything at `end`.
    Linear {
        start: Timestamp,
        cliff: Timestamp,
        end: Timestamp,
    },
    /// Steps released at set times: after each step, `amount × (bps of the steps passed) /
    /// 10000`; all of it once the last step has passed. 1 to 120 steps, strictly increasing
    /// `at`, each more than 0 bps, 10000 in all. Calendar months are written out as times.
    Tranches { steps: Vec<Tranche> },
}

/// One step of a `tranches` schedule.
#[cw_serde]
#[derive(Copy)]
pub struct Tranche {
    /// When the step vests.
    pub at: Timestamp,
    /// The step's share of the grant, in basis points (1 to 10000).
    pub bps: u16,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone, once, while no token is configured: sets the CTC token and books this contract's
    /// balance there (one cw20 `balance` query) as unallocated. Accepted only from a contract
    /// whose cw2 name is `crates.io:ctc-token`, created by this lock-up's creator, and whose
    /// `allocation {}` names this contract as the founding-team or investors bucket, so no one
    /// can point the lock-up at a look-alike, or at another instance of the token's code.
    SetToken { address: String },
    /// The configured token's `send`, with the hook `fund {}`: adds the amount to the
    /// unallocated part.
    Receive(Cw20ReceiveMsg),
    /// Anyone, once a token is configured: books CTC that arrived by a plain `transfer` (the
    /// token balance above what is booked) as unallocated. Refused when nothing new arrived.
    Reconcile {},
    /// Owner: grants `amount` (more than 0, at most the unallocated part) to `beneficiary`,
    /// vesting on `schedule`, which may vest nothing before `locked_until`. A revocable grant's unvested part can be taken back by `revoke`.
    CreateGrant {
        beneficiary: String,
        amount: Uint128,
        schedule: Schedule,
        revocable: bool,
    },
    /// Anyone: pays the grant's beneficiary everything vested and not yet claimed, in one cw20
    /// `transfer`. Refused when nothing is due. A third party thus chooses when the beneficiary
    /// is paid, by design: the funds can only ever go to the beneficiary.
    Claim { grant_id: u64 },
    /// Owner, revocable grants only, once: the grant stops vesting now; what has vested stays
    /// claimable and the rest returns to the unallocated part.
    Revoke { grant_id: u64 },
}

/// The hooks a CTC `Send` to this contract may carry.
pub use ctc_interfaces::funds::LockupReceiveMsg as ReceiveMsg;

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// One grant, with what has vested and what can be claimed at the current block.
    #[returns(GrantResponse)]
    Grant { grant_id: u64 },
    /// Grants by id, or only `beneficiary`'s, oldest first; `start_after` is the last id read.
    #[returns(GrantsResponse)]
    Grants {
        beneficiary: Option<String>,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// What the grant has vested at `at` (the current block when omitted), revocation
    /// included.
    #[returns(VestedResponse)]
    Vested {
        grant_id: u64,
        at: Option<Timestamp>,
    },
    /// The contract's books: `booked_balance = unallocated + granted_outstanding` always.
    #[returns(TotalsResponse)]
    Totals {},
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    /// `None` until `set_token`.
    pub token: Option<Addr>,
    /// Nothing vests before it; fixed at instantiate.
    pub locked_until: Timestamp,
}

#[cw_serde]
pub struct GrantResponse {
    pub id: u64,
    pub beneficiary: Addr,
    /// As granted; a revocation does not change it.
    pub amount: Uint128,
    pub schedule: Schedule,
    pub revocable: bool,
    /// Paid to the beneficiary so far.
    pub claimed: Uint128,
    /// When the grant was revoked: it vests nothing after.
    pub revoked_at: Option<Timestamp>,
    /// Vested at the current block, revocation included.
    pub vested_now: Uint128,
    /// What `claim` would pay now: `vested_now − claimed`.
    pub claimable_now: Uint128,
}

#[cw_serde]
pub struct GrantsResponse {
    pub grants: Vec<GrantResponse>,
}

#[cw_serde]
pub struct VestedResponse {
    pub grant_id: u64,
    pub at: Timestamp,
    pub vested: Uint128,
}

#[cw_serde]
pub struct TotalsResponse {
    /// The CTC this contract accounts for: booked by `set_token`, `fund` and `reconcile`, less
    /// what was claimed.
    pub booked_balance: Uint128,
    /// Booked and in no grant: what the owner may still grant.
    pub unallocated: Uint128,
    /// Σ over grants of amount − claimed − returned by revocation.
    pub granted_outstanding: Uint128,
    /// Paid to beneficiaries, all grants together.
    pub claimed_total: Uint128,
    /// The number of grants created; ids run from 1 to it.
    pub grants: u64,
}

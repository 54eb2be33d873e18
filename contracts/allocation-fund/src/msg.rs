use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

pub use ctc_interfaces::merkle::ProofStep;

#[cw_serde]
pub struct InstantiateMsg {
    /// The committee; the sender when omitted.
    pub owner: Option<String>,
    /// The CTC token, verified as `set_token` verifies it; anyone may set it later, once
    /// (`set_token`). Usually set later: the token names this contract as a genesis bucket, so
    /// it is instantiated after it.
    pub token: Option<String>,
    /// The partner registry, asked whether a claimant of a `partners_only` round is an Active
    /// partner.
    pub registry: String,
    /// Which bucket this instance holds, 1 to 32 bytes (e.g. `public_welfare`); a label only.
    pub bucket: String,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone, once, while none is configured: `address` must answer cw2's contract info as
    /// `crates.io:ctc-token`, have been created by this fund's creator, and name this contract as
    /// one of its genesis buckets
    /// (`allocation {}`) or as its recycle pool (`tokenomics {}`). Books the CTC already held
    /// (the genesis allocation) as an unattributed receipt `genesis`.
    SetToken { address: String },
    /// A CTC `Send` carrying a [`ReceiveMsg`], from the configured token only.
    Receive(Cw20ReceiveMsg),
    /// Anyone: books what arrived without a hook (a plain transfer, recycling by the token) as
    /// an unattributed receipt `reconcile`, from one balance query.
    Reconcile {},
    /// Owner: pays `amount` of the available CTC to `recipient` (an account or a contract that
    /// can spend it, not a platform contract), with its `purpose` (1 to 256 bytes) and the
    /// sha256 of its evidence (64 hex characters) in the ledger.
    Disburse {
        recipient: String,
        amount: Uint128,
        purpose: String,
        evidence_digest: String,
    },
    /// Owner: distribution round `round_id` (the next id, which the tree's leaves were built
    /// for) of the Merkle sum tree `root` over the list published at `list_uri` (at most 256
    /// bytes) with sha256 `list_digest`. Reserves `total`, the tree's sum, from the available
    /// CTC. Claims are taken until `claims_until` (in the future, at most `MAX_CLAIM_WINDOW`, 365
    /// days, from now), from Active registry partners only when `partners_only`.
    OpenRound {
        round_id: u64,
        root: HexBinary,
        total: Uint128,
        list_digest: String,
        list_uri: String,
        claims_until: Timestamp,
        partners_only: bool,
    },
    /// Anyone: pays `address` (an account or a contract that can spend, not a platform
    /// contract) its `amount` of round `round_id`, once, if `proof` rebuilds the round's root and
    /// total from the leaf (domain this contract's address, scope `round_id`, `address`,
    /// `amount`).
    Claim {
        round_id: u64,
        address: String,
        amount: Uint128,
        proof: Vec<ProofStep>,
    },
    /// Anyone, after the round's `claims_until`, once: what was not claimed goes back to the
    /// available CTC.
    CloseRound { round_id: u64 },
    /// Owner, while nothing has been claimed from the round and it is not closed: closes it at
    /// once (a wrong root, list or window), its whole total back to the available CTC.
    CancelRound { round_id: u64 },
}

/// The hooks a CTC `Send` to this contract may carry. A donation is at least `MIN_DONATION` (1
/// CTC); its memo is the donor's words, booked as sent: the fund vouches for none of it.
pub use ctc_interfaces::funds::FundReceiveMsg as ReceiveMsg;

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The ledger's totals beside the live token balance.
    #[returns(LedgerResponse)]
    Ledger {},
    /// Ledger entries by id, oldest first.
    #[returns(EntriesResponse)]
    Entries {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(RoundResponse)]
    Round { round_id: u64 },
    /// Rounds by id, oldest first.
    #[returns(RoundsResponse)]
    Rounds {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Whether `address` has claimed in round `round_id`.
    #[returns(bool)]
    Claimed { round_id: u64, address: String },
    /// Whether `proof` shows that the tree `root` with sum `total`, built by `custodian` (its
    /// domain) for `scope`, holds `amount` for `address`: a custodian's proof of holdings (络谱
    /// §3.4.3). It checks the proof against the root and the total the caller gives, nothing
    /// more: they are public once the custodian anchors them with the registry's `anchor`, and
    /// only a root read from there says what the custodian published. Reads no state.
    #[returns(VerifyHoldingsResponse)]
    VerifyHoldings {
        custodian: String,
        root: HexBinary,
        total: Uint128,
        scope: u64,
        address: String,
        amount: Uint128,
        proof: Vec<ProofStep>,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub registry: Addr,
    pub token: Option<Addr>,
    pub bucket: String,
}

#[cw_serde]
pub struct LedgerResponse {
    /// Every CTC booked in: donations, the genesis balance, reconciled transfers.
    pub received: Uint128,
    /// Every CTC paid out: disbursements and claims.
    pub paid_out: Uint128,
    /// What open rounds still owe: their totals less their claims.
    pub reserved: Uint128,
    /// What the owner may disburse or put in a round: received − paid_out − reserved.
    pub available: Uint128,
    /// The token's balance of this contract now (0 while no token is set).
    pub balance: Uint128,
    /// `received − paid_out == balance`: false only while a plain transfer waits for
    /// `reconcile`.
    pub balanced: bool,
    /// Ledger entries so far; the last entry's id.
    pub entries: u64,
    /// Rounds opened so far; the last round's id.
    pub rounds: u64,
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum EntryKind {
    /// CTC in.
    Receipt,
    /// CTC out by the owner's `disburse`.
    Disbursement,
    /// CTC out by a round's claim.
    Claim,
}

#[cw_serde]
pub struct EntryResponse {
    pub id: u64,
    pub kind: EntryKind,
    pub amount: Uint128,
    pub at: Timestamp,
    /// A receipt's donor (`None`: unattributed, booked by `set_token` or `reconcile`); the
    /// recipient of a disbursement or a claim.
    pub party: Option<Addr>,
    /// A claim's round.
    pub round_id: Option<u64>,
    /// A donation's memo (the donor's words, unchecked), a disbursement's purpose, `genesis` or `reconcile` for an unattributed
    /// receipt.
    pub note: Option<String>,
    /// sha256 of the evidence, 64 lower-case hex characters.
    pub evidence_digest: Option<String>,
}

#[cw_serde]
pub struct EntriesResponse {
    pub entries: Vec<EntryResponse>,
}

#[cw_serde]
pub struct RoundResponse {
    pub round_id: u64,
    pub root: HexBinary,
    pub total: Uint128,
    pub claimed: Uint128,
    pub list_digest: String,
    pub list_uri: String,
    pub opened_at: Timestamp,
    pub claims_until: Timestamp,
    pub partners_only: bool,
    /// Closed rounds take no claims; what they did not pay went back to the available CTC.
    pub closed: bool,
    /// Closed by the owner's `cancel_round`, before any claim.
    pub cancelled: bool,
}

#[cw_serde]
pub struct RoundsResponse {
    pub rounds: Vec<RoundResponse>,
}

#[cw_serde]
pub struct VerifyHoldingsResponse {
    pub valid: bool,
    /// Why the proof fails, when it does.
    pub reason: Option<String>,
}

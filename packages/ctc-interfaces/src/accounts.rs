//! Recoverable fan accounts (issue 24): a contract a fan's key operates, which holds the fan's
//! tickets, vouchers, CTC and identity, and whose operating key a recovery set can replace.
//!
//! Platform contracts need only what is here: the question a holder proof asks of a holder that
//! is a contract (`CanPresent`), the message that creates an account (so the factory does not
//! depend on the account crate) and the notice an account sends its factory when its key changes.

use cosmwasm_schema::{cw_serde, QueryResponses};

/// At most this many members in a recovery set: every recovery action reads the set whole.
pub const MAX_RECOVERY_MEMBERS: usize = 8;

/// The largest weight one member may carry.
pub const MAX_MEMBER_WEIGHT: u32 = 100;

/// What a key presents on behalf of a holder without sending a transaction: a signed code shown
/// to a scanner.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum PresentRight {
    /// A check-in code at an event's door.
    Door,
    /// A redemption code at a merchant's scanner.
    Redeem,
}

impl PresentRight {
    /// The name used in JSON and in event attributes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Door => "door",
            Self::Redeem => "redeem",
        }
    }
}

/// What ticket-nft and vouchers ask of a holder that is a contract when a code for its ticket or
/// voucher was signed by a key other than the holder's own.
#[cw_serde]
#[derive(QueryResponses)]
pub enum HolderQueryMsg {
    /// Whether `key` (an account address) may present a code of kind `right` for the holder now.
    #[returns(CanPresentResponse)]
    CanPresent { key: String, right: PresentRight },
}

#[cw_serde]
pub struct CanPresentResponse {
    pub allowed: bool,
}

/// One member of an account's recovery set.
#[cw_serde]
pub struct RecoveryMember {
    pub address: String,
    /// 1 to `MAX_MEMBER_WEIGHT`.
    pub weight: u32,
    /// A partner member counts only while the registry shows it Active with `attest_identity`,
    /// when it approves and again when the recovery completes.
    pub partner: bool,
}

/// Who may replace an account's operating key, and how fast.
#[cw_serde]
pub struct RecoveryConfig {
    /// 1 to `MAX_RECOVERY_MEMBERS`, distinct, none of them the operator.
    pub members: Vec<RecoveryMember>,
    /// The approving weight a recovery needs: 1 to the sum of the members' weights.
    pub threshold: u32,
    /// How long a recovery waits after reaching its threshold, during which the operator may veto
    /// it; also how long a change of this set waits before it applies.
    pub delay_seconds: u64,
    /// At most one recovery per this many seconds; at least `delay_seconds`.
    pub period_seconds: u64,
}

/// The platform's limits on an account's recovery delay and period, which the factory checks at
/// creation and passes to the account, so that no later change of the recovery set leaves them.
#[cw_serde]
#[derive(Copy, Eq)]
pub struct RecoveryBounds {
    pub min_delay_seconds: u64,
    pub max_delay_seconds: u64,
    pub min_period_seconds: u64,
    pub max_period_seconds: u64,
}

/// The message that instantiates a fan account.
#[cw_serde]
pub struct AccountInstantiateMsg {
    /// The fan's key: the account's operator. Never a member of the recovery set.
    pub operator: String,
    /// The platform's CTC: the only token whose transfers delegates' daily amounts count.
    pub ctc_token: String,
    /// The partner registry, which says whether partner members are still in good standing.
    pub registry: String,
    /// The account factory that created the account, told whenever the operator changes; none for
    /// an account instantiated by hand. When given, it must be the sender of the instantiate.
    pub factory: Option<String>,
    pub recovery: RecoveryConfig,
    /// The limits every recovery set of the account must keep; the account's own wide limits
    /// (`MAX_DELAY_SECONDS`, `MAX_PERIOD_SECONDS`) when omitted.
    #[serde(default)]
    pub bounds: Option<RecoveryBounds>,
}

/// The longest recovery delay any account accepts: a delay meant as "never" is refused.
pub const MAX_DELAY_SECONDS: u64 = 365 * 86_400;

/// The longest recovery period any account accepts.
pub const MAX_PERIOD_SECONDS: u64 = 2 * 365 * 86_400;

/// What an account sends its factory.
#[cw_serde]
pub enum AccountFactoryExecuteMsg {
    /// The account's operator changed from `old` to `new`, by a recovery or a rotation: the
    /// factory moves the account in its index of accounts by operator. Accepted only from an
    /// account the factory created.
    OperatorChanged { old: String, new: String },
}

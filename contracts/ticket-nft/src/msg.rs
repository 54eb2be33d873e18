use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Binary, Coin, Empty, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw721::msg::CollectionInfoMsg;
use cw721::Expiration;
use cw_ownable::{cw_ownable_execute, Action};

// The answers `QueryMsg` names in `#[returns]`: `QueryResponses` is derived for the schema only,
// never for wasm32, so the contract build does not use them.
#[cfg(not(target_arch = "wasm32"))]
use cw721::{
    msg::{
        AdditionalMintersResponse, AllInfoResponse, AllNftInfoResponse, ApprovalResponse,
        ApprovalsResponse, CollectionInfoAndExtensionResponse, MinterResponse, NftInfoResponse,
        NumTokensResponse, OperatorResponse, OperatorsResponse, OwnerOfResponse, TokensResponse,
    },
    state::CollectionExtensionAttributes,
};
#[cfg(not(target_arch = "wasm32"))]
use cw_ownable::Ownership;

use ctc_interfaces::proof::HolderProof;
use ctc_interfaces::registry::{IdentityLevel, RegistryUpdate};
use ctc_interfaces::BasisPoints;

pub use ctc_interfaces::tickets::TicketReceiveMsg as ReceiveMsg;

#[cw_serde]
pub struct InstantiateMsg {
    /// The CTC cw20 contract: the only token accepted.
    pub token: String,
    pub registry: String,
    /// Receives the platform fee at settlement.
    pub treasury: String,
    /// Platform fee, in basis points of an event's revenue, fixed into each event at creation.
    pub platform_fee: BasisPoints,
    /// Share of revenue sent to CTC's `BurnOrRecycle` at settlement, fixed into each event too.
    pub burn_share: BasisPoints,
    /// Seconds after an event ends before anyone may settle it (at most 90 days), fixed into each
    /// event at creation: a window for the platform to review the event before money moves.
    pub settlement_delay_seconds: u64,
    /// cw721 collection name and symbol.
    pub name: String,
    pub symbol: String,
    /// The platform owner (may cancel any event, change the config); the sender when omitted.
    pub owner: Option<String>,
    /// The least identity every ticket holder needs (see `SetMinHolderIdentity`).
    pub min_holder_identity: Option<IdentityLevel>,
    /// The randomness contract that draws the seats of random-seat tiers (`DrawSeats`); none
    /// when omitted, and `UpdateConfig` can set it later. Set once (`RandomnessFixed` after).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomness: Option<String>,
}

/// How tickets of an event may move between wallets.
#[cw_serde]
#[derive(Copy)]
pub enum TransferPolicy {
    NonTransferable,
    /// Plain transfers (gifts), at most `max_transfers` per ticket; no resale listings.
    GiftOnly {
        max_transfers: u32,
    },
    /// Gifts and resale inside the contract, at most `max_transfers` moves per ticket.
    Free {
        max_transfers: u32,
    },
}

#[cw_serde]
pub struct TierInput {
    pub name: String,
    /// Face price in micro-CTC.
    pub price: Uint128,
    /// With `seats`, must equal the number of seats.
    pub supply: u32,
    /// Seat labels handed out in order (at most 1000 per tier); empty for general admission.
    /// With `random_seats`, dealt by a draw instead.
    pub seats: Vec<String>,
    /// Most tickets of this tier one buyer may buy; `None` for no limit.
    pub per_wallet_limit: Option<u32>,
    /// A members tier: only holders of a pass of this class in the vouchers contract may buy it,
    /// each purchase naming the pass (`voucher`), which vouchers checks. Left out of the JSON
    /// when `None`, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_of: Option<u64>,
    /// Seats dealt by a draw, for a seated tier only: the issuer's `DrawSeats` closes the tier's
    /// sales and asks the randomness contract for a seed, and each ticket's seat is shown once
    /// the draw is ready (`randomness::seat_of(seed, serial - first serial, supply)`, a
    /// permutation of the tier's seats). Left out of the JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub random_seats: bool,
}

#[cw_serde]
pub struct EventInput {
    pub title: String,
    pub venue: String,
    pub description_uri: Option<String>,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    pub tiers: Vec<TierInput>,
    /// Real-name ticketing: buyers and receivers need at least this level in the registry. At
    /// `real_name` or above, per-wallet limits count people (each accepted attester's subject for
    /// the person) instead of addresses. Not below the platform's `min_holder_identity`.
    pub min_identity: Option<IdentityLevel>,
    /// The identity providers whose attestations this event accepts (at most 4); any admitted
    /// provider's when omitted or empty.
    pub accepted_attesters: Option<Vec<String>>,
    pub transfer_policy: TransferPolicy,
    /// Closes the ways around the resale cap: see `AntiScalpingInput`.
    pub anti_scalping: Option<AntiScalpingInput>,
    /// Tickets stop moving (transfers, listings, resales) this long before `starts_at`.
    pub lock_before_start_seconds: u64,
    /// Highest resale price in basis points of face price (11000 = 110%), at most 30000.
    pub resale_cap_bps: u32,
    /// Issuer's royalty on each resale.
    pub royalty: BasisPoints,
    /// Check-in opens this long before `starts_at` and closes at `ends_at`.
    pub check_in_opens_before_seconds: u64,
    /// A confirmed booking of a hall in `schedules`, held for the sender: the event plays there.
    /// Its times must lie inside the booking, its supply (every tier, those added later too)
    /// within the hall's capacity, and `venue` must be empty: the booking names the venue. A
    /// booking issues one event. Without it the venue is free text that no theater confirmed
    /// (a tour stop abroad, an online show), and the answer says so (`booking: null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_id: Option<u64>,
}

/// Under these rules a ticket changes hands only as a gift between identified people, counted
/// against the receiver's limit, or through a market the issuer trusts to keep the cap: an
/// approval or operator grant to anyone else cannot move it.
#[cw_serde]
pub struct AntiScalpingInput {
    /// Both the giver and the receiver of a gift (or a resale) need at least this level.
    pub gift_identity: IdentityLevel,
    /// Contracts allowed to move tickets as approved spenders or operators (at most 4).
    pub markets: Vec<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    // cw721
    /// Obeys the event's transfer policy, lock window and identity requirement.
    TransferNft {
        recipient: String,
        token_id: String,
    },
    /// Obeys the same rules as `TransferNft`.
    SendNft {
        contract: String,
        token_id: String,
        msg: Binary,
    },
    Approve {
        spender: String,
        token_id: String,
        expires: Option<Expiration>,
    },
    Revoke {
        spender: String,
        token_id: String,
    },
    ApproveAll {
        operator: String,
        expires: Option<Expiration>,
    },
    RevokeAll {
        operator: String,
    },
    /// Always refused: a ticket is refunded or used, never destroyed, so its provenance stays.
    Burn {
        token_id: String,
    },

    // CTC payments: `Buy` and `BuyResale` hooks.
    Receive(Cw20ReceiveMsg),

    /// The partner registry only: a change to a partner's standing or an attestation, kept here so
    /// that sales read it without querying the registry (`ctc_conventions::mirror`).
    RegistryUpdate(RegistryUpdate),

    // Issuer
    /// A partner with IssueTickets creates an event; its total supply is drawn from the partner's
    /// IssueTickets quota in the registry.
    CreateEvent {
        event: EventInput,
    },
    /// Before the sale starts.
    UpdateEvent {
        event_id: u64,
        title: Option<String>,
        venue: Option<String>,
        description_uri: Option<String>,
    },
    /// Before the sale starts; draws the tier's supply from the quota.
    AddTier {
        event_id: u64,
        tier: TierInput,
    },
    SetSalePaused {
        event_id: u64,
        paused: bool,
    },
    /// Door staff for this event.
    SetScanner {
        event_id: u64,
        address: String,
        allowed: bool,
    },
    /// A random-seat tier's seats, once: the tier's sales close for good (every purchase of it,
    /// `MintReserved` and `MintFunded` too, is refused with `SeatsDrawn`) and the randomness
    /// contract is asked for the draw (`RequestDraw`, key `event_id << 8 | tier`, commitments
    /// taken for its commit window from now). Each sold ticket's seat shows once it is ready
    /// (null while the randomness contract's answer fails, as before it is ready). Refused
    /// while the event has any minter (`EventHasMinters`): a minter such as crowdfund may owe
    /// rewards of the tier that the draw would make unmintable while it still counts them as
    /// tickets left. The issuer removes its minters first (`SetMinter { allowed: false }`),
    /// after which crowdfund treats the rewards as undeliverable.
    DrawSeats {
        event_id: u64,
        tier: u8,
    },
    /// Addresses (e.g. a crowdfund contract) that may send `MintReserved` and `MintFunded` for
    /// this event. While it has any, `DrawSeats` is refused (`EventHasMinters`).
    SetMinter {
        event_id: u64,
        address: String,
        allowed: bool,
    },
    /// The issuer or the platform owner, before the event ends: sales stop, resale closes and
    /// every holder may pull a refund of what was paid for the ticket.
    CancelEvent {
        event_id: u64,
    },

    // Anyone
    /// After `ends_at` plus the settlement delay: platform fee to the treasury, burn share to CTC's
    /// `BurnOrRecycle`, the rest to the issuer. O(1) in the number of tickets.
    Settle {
        event_id: u64,
    },
    /// The holder of a ticket of a cancelled event pulls what was paid for it.
    ClaimRefund {
        token_id: String,
    },

    // Holders
    /// Only under the Free policy, before the lock window, at most the resale cap.
    ListForResale {
        token_id: String,
        price: Uint128,
    },
    Delist {
        token_id: String,
    },

    // Scanners and minters
    /// Once per ticket, inside the check-in window, with the holder's fresh proof: the ADR-036
    /// signature of `ctc_interfaces::proof::check_in_text` by the ticket's owner (its QR code).
    CheckIn {
        token_id: String,
        proof: HolderProof,
    },
    /// See `ctc_interfaces::tickets::TicketExecuteMsg`.
    MintReserved {
        event_id: u64,
        tier: u8,
        recipient: String,
        quantity: u32,
    },

    /// The holder of a ticket of an event that ended, during its settlement delay: the show did
    /// not happen as sold. Once per ticket that holds value in escrow; settlement waits for a
    /// supervisor's ruling, for at most 30 days after it would have opened.
    FileComplaint {
        token_id: String,
        /// sha256 of the complaint's material, kept off chain.
        digest: String,
    },

    // Supervisors: the platform owner, or the registry's authority or a regulator. Each action
    // is kept as a supervision record of the event with its reason and evidence digest.
    /// After the event ended and before it settled: `happened: false` cancels it (every holder
    /// pulls a refund from escrow); `true` lets it settle despite complaints.
    RuleOnEvent {
        event_id: u64,
        happened: bool,
        reason: String,
        digest: String,
    },
    /// Stops (or resumes) the event's sales, moves and resale, and holds its settlement.
    FreezeEvent {
        event_id: u64,
        frozen: bool,
        reason: String,
        digest: String,
    },
    /// A regulator's order on one user, carried out by a partner whose attestation of the
    /// ticket's owner counts for the event (`held: true`); that partner or a supervisor lifts it.
    /// A held ticket neither moves nor is refunded (it still checks in at the door: using a
    /// ticket disposes of nothing). Recorded in the ticket's history.
    HoldTicket {
        token_id: String,
        held: bool,
        reason: String,
        digest: String,
    },

    // Platform owner
    UpdateConfig {
        treasury: Option<String>,
        platform_fee: Option<BasisPoints>,
        burn_share: Option<BasisPoints>,
        settlement_delay_seconds: Option<u64>,
        /// The randomness contract (see `InstantiateMsg::randomness`), only while none is set
        /// (`RandomnessFixed` after): a draw asked of one contract is answered only by it, and
        /// whoever could swap it could choose the seats.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        randomness: Option<String>,
    },
    /// The least identity every holder needs, fixed into events created from now on (`None`:
    /// no platform minimum).
    SetMinHolderIdentity {
        level: Option<IdentityLevel>,
    },
    /// The schedules contract whose bookings events are issued from. Set once: the events
    /// already issued name their bookings there.
    SetSchedules {
        address: String,
    },
    /// The vouchers contract a purchase naming a voucher is reported to, which refuses it (and
    /// so reverts it) unless the voucher allows what was paid. Set once, as `SetSchedules`: the
    /// coupons spent and the passes' uses for tickets are counted there, and another contract
    /// would start them afresh.
    SetVouchers {
        address: String,
    },

    // The rest of cw721 0.22's `Cw721ExecuteMsg`, so a standard client is answered, never refused
    // as an unknown variant. Extension payloads are `Empty`, which reads any JSON object and ignores it.
    /// cw721's minter is the platform owner: the same two-step transfer as `update_ownership`.
    UpdateMinterOwnership(Action),
    /// cw721's creator is the platform owner: the same two-step transfer as `update_ownership`.
    UpdateCreatorOwnership(Action),
    /// Always refused (`CollectionInfoFixed`): the name and symbol are fixed at instantiation.
    UpdateCollectionInfo {
        collection_info: CollectionInfoMsg<Option<Empty>>,
    },
    /// Always refused (`MintNotSupported`), whoever sends it: tickets come only from their event's
    /// sale or its minters' `MintReserved`, with an id, price and escrow the contract assigns.
    Mint {
        token_id: String,
        owner: String,
        token_uri: Option<String>,
        extension: Option<Empty>,
    },
    /// Always refused (`MintersPerEvent`): minters are set per event by its issuer (`SetMinter`).
    AddMinter {
        minter: String,
    },
    /// Always refused (`MintersPerEvent`), as `AddMinter`.
    RemoveMinter {
        minter: String,
    },
    /// Always refused (`ExtensionNotSupported`): the contract has no custom extension message.
    UpdateExtension {
        msg: Empty,
    },
    /// Always refused (`NftInfoFromEvent`): a ticket's metadata is its event's and tier's.
    UpdateNftInfo {
        token_id: String,
        token_uri: Option<String>,
        extension: Option<Empty>,
    },
    /// Always refused (`NoWithdrawals`): the contract never holds native funds to withdraw.
    SetWithdrawAddress {
        address: String,
    },
    /// Always refused (`NoWithdrawals`), as `SetWithdrawAddress`.
    RemoveWithdrawAddress {},
    /// Always refused (`NoWithdrawals`): CTC escrow leaves only by settlement and refunds.
    WithdrawFunds {
        amount: Coin,
    },
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    // cw721
    #[returns(OwnerOfResponse)]
    OwnerOf {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(ApprovalResponse)]
    Approval {
        token_id: String,
        spender: String,
        include_expired: Option<bool>,
    },
    #[returns(ApprovalsResponse)]
    Approvals {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(OperatorResponse)]
    Operator {
        owner: String,
        operator: String,
        include_expired: Option<bool>,
    },
    #[returns(OperatorsResponse)]
    AllOperators {
        owner: String,
        include_expired: Option<bool>,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(NumTokensResponse)]
    NumTokens {},
    #[returns(CollectionInfoAndExtensionResponse<Option<Empty>>)]
    ContractInfo {},
    #[returns(CollectionInfoAndExtensionResponse<Option<Empty>>)]
    GetCollectionInfoAndExtension {},
    /// The platform owner, which controls the collection; tickets are minted by sales.
    #[returns(MinterResponse)]
    Minter {},
    #[returns(Ownership<Addr>)]
    Ownership {},
    #[returns(Ownership<Addr>)]
    GetMinterOwnership {},
    #[returns(NftInfoResponse<TicketInfo>)]
    NftInfo { token_id: String },
    #[returns(AllNftInfoResponse<TicketInfo>)]
    AllNftInfo {
        token_id: String,
        include_expired: Option<bool>,
    },
    #[returns(TokensResponse)]
    Tokens {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(TokensResponse)]
    AllTokens {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// cw721's summary: `minter_ownership` and `creator_ownership` are both the platform owner's
    /// ownership (as `ownership`), `withdraw_address` is null (see `get_withdraw_address`), the
    /// collection extension is null, and `contract_info` is the chain's record of this contract.
    #[returns(cw721::msg::ConfigResponse<Option<Empty>>)]
    GetConfig {},
    /// Contract info, name and symbol, the token count, and no collection extension attributes.
    #[returns(AllInfoResponse)]
    GetAllInfo {},
    /// Always empty: the collection carries no description, image or royalty attributes (each
    /// event has its own details and royalty, in `event`).
    #[returns(CollectionExtensionAttributes)]
    GetCollectionExtensionAttributes {},
    /// The platform owner, as `ownership`: it instantiated and configures the collection.
    #[returns(Ownership<Addr>)]
    GetCreatorOwnership {},
    /// Always empty: minters are authorised per event (`roles`), none for the whole collection.
    #[returns(AdditionalMintersResponse)]
    GetAdditionalMinters {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// Paged as cw721-base: at most `limit` tickets (clamped to 50) after `start_after`, in token id
    /// order, are read, and the infos of those matching `extension` are answered, in cw721-base's
    /// answer shape (a list, despite cw721's `#[returns]`), or null when none of them matches. A
    /// null `extension` asks for tokens without one, which no ticket is: the answer is null.
    #[returns(Option<Vec<NftInfoResponse<TicketInfo>>>)]
    GetNftByExtension {
        extension: Option<TicketFilter>,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// No custom queries: answers null (cw721's `()`) whatever `msg` holds.
    #[returns(())]
    Extension { msg: Empty },
    /// No collection extension: answers null (cw721's `()`) whatever `msg` holds.
    #[returns(())]
    GetCollectionExtension { msg: Option<Empty> },
    /// Always null: the contract holds no native funds to withdraw (it refuses funds on every
    /// message), and CTC escrow leaves only by settlement and refunds.
    #[returns(Option<String>)]
    GetWithdrawAddress {},

    // Tickets
    #[returns(ConfigResponse)]
    Config {},
    #[returns(EventResponse)]
    Event { event_id: u64 },
    #[returns(EventsResponse)]
    Events {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Open listings of an event: none once it is cancelled or settled, while it is frozen, or
    /// once tickets are locked.
    #[returns(ListingsResponse)]
    Listings {
        event_id: u64,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(Option<ListingResponse>)]
    Listing { token_id: String },
    /// Every change in a ticket's life, oldest first.
    #[returns(HistoryResponse)]
    History {
        token_id: String,
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    /// For door apps, and for buyers who check before paying.
    #[returns(VerifyTicketResponse)]
    VerifyTicket {
        token_id: String,
        holder: Option<String>,
    },
    #[returns(RolesResponse)]
    Roles { event_id: u64, address: String },
    /// What supervisors did to an event, oldest first.
    #[returns(SupervisionResponse)]
    SupervisionRecords {
        event_id: u64,
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    /// The money of `partner`'s events per UTC day (days since the epoch), from `from_day` to
    /// `to_day` inclusive (at most 366 days), and their sum.
    #[returns(PartnerReportResponse)]
    PartnerReport {
        partner: String,
        from_day: u32,
        to_day: u32,
    },
}

#[cw_serde]
pub struct MigrateMsg {}

#[cw_serde]
pub struct ConfigResponse {
    pub token: Addr,
    pub registry: Addr,
    pub treasury: Addr,
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub min_holder_identity: Option<IdentityLevel>,
    /// Where events at a registered venue are booked (see `SetSchedules`).
    pub schedules: Option<Addr>,
    /// Where the vouchers tickets are bought with are kept (see `SetVouchers`).
    pub vouchers: Option<Addr>,
    /// What draws the seats of random-seat tiers (see `DrawSeats`).
    pub randomness: Option<Addr>,
}

/// The hall an event was issued for: the theater confirmed the booking in `schedules`, whose
/// `booking` query answers its venue, hall, times and both sides' confirmations.
#[cw_serde]
pub struct EventBooking {
    pub schedules: Addr,
    pub booking_id: u64,
    /// The hall's seats, which the event's supply cannot exceed.
    pub capacity: u32,
}

#[cw_serde]
pub enum EventStatus {
    Scheduled,
    Cancelled { at: Timestamp },
    Settled { at: Timestamp },
}

#[cw_serde]
#[derive(Default)]
pub enum TicketStatus {
    #[default]
    Valid,
    /// Checked in at the door.
    Used,
    Refunded,
}

/// The on-chain metadata of a ticket (the cw721 `extension`).
#[cw_serde]
pub struct TicketInfo {
    pub event_id: u64,
    pub tier: u8,
    pub tier_name: String,
    /// Null for general admission, and in a random-seat tier until its draw is ready (or while
    /// the randomness contract's answer fails).
    pub seat: Option<String>,
    pub face_price: Uint128,
    pub issuer: Addr,
    pub status: TicketStatus,
}

/// The `extension` of `get_nft_by_extension`: `TicketInfo`'s fields, each optional. A ticket
/// matches when every given field equals its own; an omitted or null field matches any value, so
/// `{}` (cw721-base's empty extension) matches every ticket and a full `TicketInfo` matches the
/// tickets equal to it. Other fields (e.g. on-chain metadata's `image`) are refused when parsed,
/// rather than ignored into a filter that matches more than was asked.
#[cw_serde]
#[derive(Default)]
#[serde(deny_unknown_fields)]
pub struct TicketFilter {
    pub event_id: Option<u64>,
    pub tier: Option<u8>,
    pub tier_name: Option<String>,
    pub seat: Option<String>,
    pub face_price: Option<Uint128>,
    pub issuer: Option<Addr>,
    pub status: Option<TicketStatus>,
}

#[cw_serde]
pub struct TierResponse {
    pub name: String,
    pub price: Uint128,
    pub supply: u32,
    pub sold: u32,
    /// Whether tickets of this tier carry a seat (shown in each ticket's `nft_info`).
    pub seated: bool,
    pub per_wallet_limit: Option<u32>,
    /// Only members of this pass class in the vouchers contract may buy the tier. Left out when
    /// `None`, so the answer of an event without a members tier (which crowdfund reads on its
    /// hot paths) is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_of: Option<u64>,
    /// Seats dealt by a draw (see `TierInput::random_seats`). Left out when false, as
    /// `members_of`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub random_seats: bool,
    /// `DrawSeats` was sent: the tier's sales are closed, its seats show once the draw is ready.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub seats_drawn: bool,
}

#[cw_serde]
pub struct EventResponse {
    pub event_id: u64,
    pub issuer: Addr,
    pub title: String,
    pub venue: String,
    pub description_uri: Option<String>,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub sale_starts_at: Timestamp,
    pub sale_ends_at: Timestamp,
    pub min_identity: Option<IdentityLevel>,
    pub accepted_attesters: Vec<Addr>,
    pub transfer_policy: TransferPolicy,
    pub anti_scalping: Option<AntiScalpingRules>,
    pub lock_before_start_seconds: u64,
    pub resale_cap_bps: u32,
    pub royalty: BasisPoints,
    pub check_in_opens_before_seconds: u64,
    pub platform_fee: BasisPoints,
    pub burn_share: BasisPoints,
    pub settlement_delay_seconds: u64,
    pub status: EventStatus,
    pub sale_paused: bool,
    /// A supervisor froze its sales, moves and resale.
    pub frozen: bool,
    /// Holders' complaints filed after the show.
    pub complaints: u32,
    /// A supervisor ruled that the show happened: complaints no longer hold settlement back.
    pub ruled_happened: bool,
    /// Supervision records (see `supervision_records`).
    pub supervision_records: u32,
    /// CTC held for this event: paid for its tickets and not yet settled or refunded.
    pub escrow: Uint128,
    pub tickets_minted: u32,
    pub tiers: Vec<TierResponse>,
    /// The confirmed booking the event was issued from; null when its venue is free text that
    /// no registered theater confirmed.
    pub booking: Option<EventBooking>,
}

#[cw_serde]
pub struct EventsResponse {
    pub events: Vec<EventResponse>,
}

#[cw_serde]
pub struct ListingResponse {
    pub token_id: String,
    pub seller: Addr,
    pub price: Uint128,
}

#[cw_serde]
pub struct ListingsResponse {
    pub listings: Vec<ListingResponse>,
}

#[cw_serde]
pub enum Provenance {
    Minted {
        to: Addr,
        paid: Uint128,
    },
    Transferred {
        from: Addr,
        to: Addr,
    },
    Resold {
        from: Addr,
        to: Addr,
        price: Uint128,
    },
    CheckedIn {
        holder: Addr,
        scanner: Addr,
    },
    Refunded {
        to: Addr,
        amount: Uint128,
    },
    /// Its holder complained that the show did not happen as sold.
    Complained {
        holder: Addr,
        digest: String,
    },
    /// Held (`held: true`) or released by `by` on a regulator's order, while `holder` owned it.
    Hold {
        held: bool,
        holder: Addr,
        by: Addr,
        reason: String,
        digest: String,
    },
}

#[cw_serde]
pub struct ProvenanceRecord {
    pub sequence: u32,
    pub change: Provenance,
    pub time: Timestamp,
    pub height: u64,
}

#[cw_serde]
pub struct HistoryResponse {
    pub records: Vec<ProvenanceRecord>,
}

#[cw_serde]
pub struct VerifyTicketResponse {
    /// The ticket admits its owner now or later: Valid, its event neither cancelled nor over, and
    /// owned by `holder` when one was given.
    pub valid: bool,
    /// Why not, when `valid` is false.
    pub reason: Option<String>,
    pub owner: Addr,
    pub event_id: u64,
    pub tier: u8,
    /// As in `nft_info`: null until a random-seat tier's draw is ready.
    pub seat: Option<String>,
    pub status: TicketStatus,
}

#[cw_serde]
pub struct RolesResponse {
    pub scanner: bool,
    pub minter: bool,
}

/// An event's anti-scalping rules as stored and answered (`AntiScalpingInput`, validated).
#[cw_serde]
pub struct AntiScalpingRules {
    pub gift_identity: IdentityLevel,
    pub markets: Vec<Addr>,
}

#[cw_serde]
pub enum SupervisionAction {
    Frozen,
    Unfrozen,
    /// Ruled that the show happened: settlement may go ahead despite complaints.
    RuledHappened,
    /// Ruled that the show did not happen: cancelled, holders pull refunds.
    RuledNotHappened,
    /// The issuer was revoked before settlement: cancelled, holders pull refunds.
    ReturnedToHolders,
}

pub type SupervisionRecord = ctc_interfaces::supervision::SupervisionRecord<SupervisionAction>;

#[cw_serde]
pub struct SupervisionResponse {
    pub records: Vec<SupervisionRecord>,
}

/// The money of a partner's events on one day or over a period. A sale becomes final only at
/// settlement, so `sold` counts the revenue of events settled that day; what an event holds
/// before then is its `escrow`.
#[cw_serde]
#[derive(Default)]
pub struct ReportTotals {
    /// Revenue of the events settled (tickets, funded rewards and royalties).
    pub sold: Uint128,
    /// Refunds paid to holders of cancelled events.
    pub refunded: Uint128,
    /// Paid to the issuer at settlement.
    pub settled: Uint128,
    /// Sent to CTC's `BurnOrRecycle` at settlement.
    pub burned: Uint128,
    /// The platform's fee at settlement.
    pub fees: Uint128,
}

impl ReportTotals {
    pub fn checked_add(&self, other: &Self) -> Result<Self, cosmwasm_std::OverflowError> {
        Ok(Self {
            sold: self.sold.checked_add(other.sold)?,
            refunded: self.refunded.checked_add(other.refunded)?,
            settled: self.settled.checked_add(other.settled)?,
            burned: self.burned.checked_add(other.burned)?,
            fees: self.fees.checked_add(other.fees)?,
        })
    }
}

#[cw_serde]
pub struct DayReport {
    pub day: u32,
    pub totals: ReportTotals,
}

#[cw_serde]
pub struct PartnerReportResponse {
    /// Only the days on which something moved.
    pub days: Vec<DayReport>,
    pub total: ReportTotals,
}

//! Classes: created by a partner with `issue_vouchers` (drawing its cap from the quota), listed
//! and delisted by their issuer, redeemed by the issuer's scanners.

use cosmwasm_std::{wasm_execute, Addr, DepsMut, Empty, Env, MessageInfo, Response};
use ctc_conventions::{mirror, validate};
use ctc_interfaces::registry::{Capability, RegistryExecuteMsg};

use crate::error::ContractError;
use crate::execute::{load_class, response};
use crate::msg::ClassInput;
use crate::state::{Class, ClassMeta, CLASSES, CLASS_COUNT, CLASS_META, CONFIG, SCANNERS};
use crate::validate::{self as limits, MAX_ATTESTERS};

/// The registry's `ConsumeQuota`, sent as a message, refuses a partner that is not Active with
/// `issue_vouchers` or is over quota, and then the whole creation is reverted: no query here.
pub fn create_class(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    input: ClassInput,
) -> Result<Response, ContractError> {
    limits::class(&input, env.block.time)?;
    let config = CONFIG.load(deps.storage)?;
    let min_identity = input.min_identity.unwrap_or(config.min_holder_identity);
    if min_identity < config.min_holder_identity {
        return Err(ContractError::IdentityBelowPlatform {
            minimum: config.min_holder_identity,
        });
    }
    if input.accepted_attesters.len() > MAX_ATTESTERS {
        return Err(ContractError::InvalidClass {
            reason: "at most 4 accepted attesters",
        });
    }
    let accepted_attesters = input
        .accepted_attesters
        .iter()
        .map(|a| validate::address(deps.api, "accepted_attesters", a))
        .collect::<Result<Vec<Addr>, _>>()?;
    let class_id = CLASS_COUNT.may_load(deps.storage)?.unwrap_or_default() + 1;
    CLASSES.save(
        deps.storage,
        class_id,
        &Class {
            issuer: info.sender.clone(),
            kind: input.kind,
            fungible: input.fungible,
            cap: input.cap,
            price: input.price,
            per_holder_limit: input.per_holder_limit,
            sale_starts_at: input.sale_starts_at,
            sale_ends_at: input.sale_ends_at,
            valid_from: input.valid_from,
            valid_until: input.valid_until,
            transfer: input.transfer,
            min_identity,
            accepted_attesters,
            on_expiry: input.on_expiry,
            platform_fee: config.platform_fee,
            burn_share: config.burn_share,
            paused: false,
            frozen: false,
            records: 0,
        },
    )?;
    CLASS_META.save(
        deps.storage,
        class_id,
        &ClassMeta {
            name: input.name,
            product: input.product,
            uri: input.uri,
        },
    )?;
    CLASS_COUNT.save(deps.storage, &class_id)?;
    let quota = RegistryExecuteMsg::ConsumeQuota {
        partner: info.sender.to_string(),
        capability: Capability::IssueVouchers,
        units: input.cap,
    };
    Ok(response(
        "create_class",
        &[
            ("class_id", &class_id.to_string()),
            ("issuer", info.sender.as_str()),
            ("cap", &input.cap.to_string()),
        ],
    )
    .add_message(wasm_execute(&config.registry, &quota, vec![])?))
}

/// 上下架 (票链 §3.3.2): a paused class sells and hands out nothing; what is issued still moves,
/// redeems and clears.
pub fn set_sale_paused(
    deps: DepsMut,
    info: MessageInfo,
    class_id: u64,
    paused: bool,
) -> Result<Response, ContractError> {
    let mut class = load_class(deps.storage, class_id)?;
    if class.issuer != info.sender {
        return Err(ContractError::NotIssuer);
    }
    class.paused = paused;
    CLASSES.save(deps.storage, class_id, &class)?;
    Ok(response(
        "set_sale_paused",
        &[
            ("class_id", &class_id.to_string()),
            ("paused", if paused { "true" } else { "false" }),
        ],
    ))
}

/// A partner's scanners redeem the vouchers of every class it issues, and of no other's. Only a
/// partner the registry reported (in any standing: a suspended merchant still owes its goods)
/// may name them, so strangers cannot fill the storage.
pub fn set_scanner(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
    allowed: bool,
) -> Result<Response, ContractError> {
    let scanner = validate::address(deps.api, "address", &address)?;
    if mirror::standing(deps.storage, &info.sender)?.is_none() {
        return Err(ContractError::NotAPartner);
    }
    if allowed {
        SCANNERS.save(deps.storage, (&info.sender, &scanner), &Empty {})?;
    } else {
        SCANNERS.remove(deps.storage, (&info.sender, &scanner));
    }
    Ok(response(
        "set_scanner",
        &[
            ("merchant", info.sender.as_str()),
            ("scanner", scanner.as_str()),
            ("allowed", if allowed { "true" } else { "false" }),
        ],
    ))
}

/// The owner names the ticket-nft whose purchases may spend coupons and show passes, once: a
/// second call could let another contract spend holders' coupons.
pub fn set_ticket_nft(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    ctc_conventions::ensure_owner(deps.storage, &info.sender)?;
    let address = validate::address(deps.api, "address", &address)?;
    let mut config = CONFIG.load(deps.storage)?;
    if config.ticket_nft.is_some() {
        return Err(ContractError::TicketNftAlreadySet);
    }
    config.ticket_nft = Some(address.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(response(
        "set_ticket_nft",
        &[("ticket_nft", address.as_str())],
    ))
}

//! The regulator's orders on a class (络谱 §3.4.3 凭证监管, §3.7): lowering its cap, freezing its
//! circulation; each recorded with who, why and the evidence's digest.

use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::is_supervisor;
use ctc_conventions::validate;

use crate::error::ContractError;
use crate::execute::{load_class, load_supply, response};
use crate::msg::{ClassAction, ClassRecord};
use crate::state::{Class, CLASSES, CLASS_RECORDS, CONFIG};
use crate::validate::MAX_REASON_BYTES;

/// The platform owner, or whoever the registry answers is its authority or a regulator: one
/// query, paid only by the rare supervisory message.
fn ensure_supervisor(deps: Deps, sender: &Addr) -> Result<(), ContractError> {
    let registry = CONFIG.load(deps.storage)?.registry;
    if !is_supervisor(deps.storage, &deps.querier, &registry, sender)? {
        return Err(ContractError::NotSupervisor);
    }
    Ok(())
}

/// Checks the evidence, lets `act` change the class, checks the sender, records and saves.
fn supervise(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    class_id: u64,
    (reason, digest): (String, String),
    act: impl FnOnce(&mut Class, u64) -> Result<ClassAction, ContractError>,
) -> Result<u32, ContractError> {
    validate::text("reason", &reason, MAX_REASON_BYTES)?;
    let digest = validate::digest("digest", &digest)?;
    let mut class = load_class(deps.storage, class_id)?;
    let issued = load_supply(deps.storage, class_id)?.issued;
    let action = act(&mut class, issued)?;
    ensure_supervisor(deps.as_ref(), &info.sender)?;
    let id = class.records;
    CLASS_RECORDS.save(
        deps.storage,
        (class_id, id),
        &ClassRecord {
            id,
            action,
            by: info.sender.clone(),
            reason,
            digest,
            time: env.block.time,
            height: env.block.height,
        },
    )?;
    class.records = id + 1;
    CLASSES.save(deps.storage, class_id, &class)?;
    Ok(id)
}

/// `issued ≤ cap < class.cap`: holders are never stranded, and a cap is never raised (a new class
/// draws new quota). The quota drawn for the difference is not returned.
pub fn lower_cap(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    class_id: u64,
    cap: u64,
    evidence: (String, String),
) -> Result<Response, ContractError> {
    let record = supervise(deps, &env, &info, class_id, evidence, |class, issued| {
        if cap < issued || cap >= class.cap {
            return Err(ContractError::CapNotLowered { cap, issued });
        }
        let from = class.cap;
        class.cap = cap;
        Ok(ClassAction::CapLowered { from, to: cap })
    })?;
    Ok(response(
        "lower_cap",
        &[
            ("class_id", &class_id.to_string()),
            ("cap", &cap.to_string()),
            ("record", &record.to_string()),
        ],
    ))
}

/// A frozen class issues, moves, redeems and clears nothing until it is unfrozen.
pub fn freeze_class(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    class_id: u64,
    frozen: bool,
    evidence: (String, String),
) -> Result<Response, ContractError> {
    let record = supervise(deps, &env, &info, class_id, evidence, |class, _| {
        if class.frozen == frozen {
            return Err(ContractError::FreezeUnchanged { frozen });
        }
        class.frozen = frozen;
        Ok(if frozen {
            ClassAction::Frozen
        } else {
            ClassAction::Unfrozen
        })
    })?;
    Ok(response(
        if frozen {
            "freeze_class"
        } else {
            "unfreeze_class"
        },
        &[
            ("class_id", &class_id.to_string()),
            ("record", &record.to_string()),
        ],
    ))
}

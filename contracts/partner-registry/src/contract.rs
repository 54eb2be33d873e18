#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use ctc_conventions::ContractId;

use crate::error::ContractError;
use crate::execute::identity::Vouch;
use crate::execute::partners::{Admission, PartnerUpdate};
use crate::execute::supervision::Grounds;
use crate::execute::{admin, evidence, identity, mirrors, partners, quota, supervision};
use crate::msg::{ClearanceResponse, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::query;
use crate::state::{Config, CONFIG};

pub const CONTRACT: ContractId = ctc_conventions::contract_id!();

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    // The authority is the cw-ownable owner: the sender unless another is named.
    let response =
        ctc_conventions::instantiate(deps.branch(), &info, CONTRACT, msg.authority.as_deref())?;
    CONFIG.save(
        deps.storage,
        &Config {
            open_anchoring: msg.open_anchoring,
        },
    )?;
    Ok(response.add_attribute("open_anchoring", msg.open_anchoring.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ctc_conventions::nonpayable(&info)?;
    match msg {
        ExecuteMsg::Admit {
            address,
            name,
            kind,
            capabilities,
            agreement_digest,
            metadata_uri,
            quotas,
        } => partners::admit(
            deps,
            env,
            info,
            Admission {
                address,
                name,
                kind,
                capabilities,
                agreement_digest,
                metadata_uri,
                quotas,
            },
        ),
        ExecuteMsg::UpdatePartner {
            address,
            name,
            kind,
            capabilities,
            agreement_digest,
            metadata_uri,
        } => partners::update_partner(
            deps,
            info,
            address,
            PartnerUpdate {
                name,
                kind,
                capabilities,
                agreement_digest,
                metadata_uri,
            },
        ),
        ExecuteMsg::Suspend {
            address,
            reason,
            digest,
        } => supervision::suspend(deps, env, info, address, Grounds { reason, digest }),
        ExecuteMsg::Reinstate {
            address,
            reason,
            digest,
        } => supervision::reinstate(deps, env, info, address, Grounds { reason, digest }),
        ExecuteMsg::Revoke {
            address,
            reason,
            digest,
        } => supervision::revoke(deps, env, info, address, Grounds { reason, digest }),
        ExecuteMsg::SetQuota {
            address,
            capability,
            limit,
            reason,
            digest,
        } => supervision::set_quota(
            deps,
            env,
            info,
            address,
            capability,
            limit,
            Grounds { reason, digest },
        ),
        ExecuteMsg::AppointRegulator { address } => admin::appoint_regulator(deps, info, address),
        ExecuteMsg::RemoveRegulator { address } => admin::remove_regulator(deps, info, address),
        ExecuteMsg::RegisterPlatformContract { name, address } => {
            admin::register_platform_contract(deps, info, name, address)
        }
        ExecuteMsg::RemovePlatformContract { address } => {
            admin::remove_platform_contract(deps, info, address)
        }
        ExecuteMsg::AddMirror { address } => mirrors::add_mirror(deps, info, address),
        ExecuteMsg::SyncPartner { address } => mirrors::sync_partner(deps, address),
        ExecuteMsg::SyncAttestation { user, attester } => {
            mirrors::sync_attestation(deps, user, attester)
        }
        ExecuteMsg::SetOpenAnchoring { open } => admin::set_open_anchoring(deps, info, open),
        ExecuteMsg::ConsumeQuota {
            partner,
            capability,
            units,
        } => quota::consume_quota(deps, env, info, partner, capability, units),
        ExecuteMsg::Attest {
            user,
            level,
            digest,
            expires_at,
            subject,
        } => identity::attest(
            deps,
            env,
            info,
            Vouch {
                user,
                level,
                digest,
                expires_at,
                subject,
            },
        ),
        ExecuteMsg::RevokeAttestation { user } => identity::revoke_attestation(deps, info, user),
        ExecuteMsg::Anchor {
            namespace,
            key,
            digest,
            note,
        } => evidence::anchor(deps, env, info, namespace, key, digest, note),
        ExecuteMsg::Propose {
            id,
            digest,
            parties,
        } => evidence::propose(deps, env, info, id, digest, parties),
        ExecuteMsg::Confirm { proposer, id } => evidence::confirm(deps, env, info, proposer, id),
        ExecuteMsg::WithdrawConfirmation { proposer, id } => {
            evidence::withdraw_confirmation(deps, info, proposer, id)
        }
        ExecuteMsg::UpdateOwnership(action) => Ok(ctc_conventions::update_ownership(
            deps, &env, &info, action,
        )?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    use query::{evidence, identity, partners};
    let binary = match msg {
        QueryMsg::Config {} => to_json_binary(&partners::config(deps)?),
        QueryMsg::Partner { address } => to_json_binary(&partners::partner(deps, env, address)?),
        QueryMsg::Partners {
            kind,
            capability,
            status,
            start_after,
            limit,
        } => to_json_binary(&partners::partners(
            deps,
            env,
            kind,
            capability,
            status,
            start_after,
            limit,
        )?),
        QueryMsg::HasCapability {
            address,
            capability,
        } => to_json_binary(&partners::has_capability(deps, address, capability)?),
        QueryMsg::SupervisionRecords {
            address,
            start_after,
            limit,
        } => to_json_binary(&partners::supervision_records(
            deps,
            address,
            start_after,
            limit,
        )?),
        QueryMsg::Quota {
            partner,
            capability,
        } => to_json_binary(&partners::quota(deps, env, partner, capability)?),
        QueryMsg::Regulators { start_after, limit } => {
            to_json_binary(&partners::regulators(deps, start_after, limit)?)
        }
        QueryMsg::Mirrors {} => to_json_binary(&mirrors::mirrors(deps)?),
        QueryMsg::PlatformContracts { start_after, limit } => {
            to_json_binary(&partners::platform_contracts(deps, start_after, limit)?)
        }
        QueryMsg::IdentityLevel {
            address,
            accepted_attesters,
        } => to_json_binary(&identity::identity_level(
            deps,
            env,
            address,
            accepted_attesters,
        )?),
        QueryMsg::PartnerStatus { address } => {
            to_json_binary(&partners::partner_status(deps, address)?)
        }
        QueryMsg::Supervisor { address } => to_json_binary(&partners::supervisor(deps, address)?),
        QueryMsg::Clearance {
            partner,
            capability,
            user,
        } => to_json_binary(&ClearanceResponse {
            partner: partners::has_capability(deps, partner, capability)?,
            user: user
                .map(|user| identity::identity_level(deps, env, user, None))
                .transpose()?,
        }),
        QueryMsg::Attestations { address } => {
            to_json_binary(&identity::attestations(deps, env, address)?)
        }
        QueryMsg::Verify {
            anchorer,
            namespace,
            key,
            digest,
        } => to_json_binary(&evidence::verify(deps, anchorer, namespace, key, digest)?),
        QueryMsg::History {
            anchorer,
            namespace,
            key,
            start_before,
            limit,
        } => to_json_binary(&evidence::history(
            deps,
            anchorer,
            namespace,
            key,
            start_before,
            limit,
        )?),
        QueryMsg::Confirmation { proposer, id } => {
            to_json_binary(&evidence::confirmation(deps, proposer, id)?)
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }?;
    Ok(binary)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    // No stored data needs rewriting: attestations gained only an optional `subject`, which those
    // stored before load without. A data migration would branch on the old version.
    let (response, _from) = ctc_conventions::migrate(deps.storage, CONTRACT)?;
    Ok(response)
}

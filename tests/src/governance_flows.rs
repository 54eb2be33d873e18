//! The committee (issue 22, 票链 §6.1, 络谱 §3.7): cw-plus 2.0's cw3-flex-multisig over a
//! cw4-group, both as published, takes over a platform contract's cw-ownable ownership and its
//! wasm admin; from then on a configuration change and a migration pass only through a proposal
//! that two of its three members carried.

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Empty, WasmMsg};
use cw3::{Status, Vote};
use cw4::Member;
use cw_multi_test::{AppResponse, Executor};
use cw_ownable::{Action, Ownership};
use cw_utils::{Duration, Threshold};
use ticket_nft::msg::{
    ConfigResponse, ExecuteMsg as TicketMsg, MigrateMsg, QueryMsg as TicketQuery,
};

use crate::contracts;
use crate::platform::{id, root, Platform};

const VOTING_PERIOD_SECONDS: u64 = 3 * 24 * 3600;

struct Committee {
    group: Addr,
    multisig: Addr,
    members: [Addr; 3],
}

impl Committee {
    /// Three members of weight 1, two of whom carry a proposal; the group administered by the
    /// multisig itself, so that membership changes are proposals too.
    fn new(p: &Platform) -> Self {
        let members = [p.addr("member-1"), p.addr("member-2"), p.addr("member-3")];
        let group = p
            .instantiate(
                contracts::cw4_group(),
                &p.owner,
                &cw4_group::msg::InstantiateMsg {
                    admin: Some(p.owner.to_string()),
                    members: members
                        .iter()
                        .map(|m| Member {
                            addr: m.to_string(),
                            weight: 1,
                        })
                        .collect(),
                },
                "committee-group",
            )
            .unwrap();
        let multisig = p
            .instantiate(
                contracts::cw3_flex_multisig(),
                &p.owner,
                &cw3_flex_multisig::msg::InstantiateMsg {
                    group_addr: group.to_string(),
                    threshold: Threshold::AbsoluteCount { weight: 2 },
                    max_voting_period: Duration::Time(VOTING_PERIOD_SECONDS),
                    executor: None,
                    proposal_deposit: None,
                },
                "committee",
            )
            .unwrap();
        let hand_over = cw4_group::msg::ExecuteMsg::UpdateAdmin {
            admin: Some(multisig.to_string()),
        };
        p.execute(&p.owner, &group, &hand_over).unwrap();
        // The multisig weighs votes by the group as it stood when a proposal opened, read from
        // the group's snapshot at that height: the members count from the next block.
        p.advance(5);
        Self {
            group,
            multisig,
            members,
        }
    }

    fn propose(&self, p: &Platform, by: &Addr, msgs: Vec<CosmosMsg>) -> anyhow::Result<u64> {
        let propose = cw3_flex_multisig::msg::ExecuteMsg::Propose {
            title: "platform change".into(),
            description: "decided by the committee".into(),
            msgs,
            latest: None,
        };
        Ok(id(&p.execute(by, &self.multisig, &propose)?, "proposal_id"))
    }

    fn vote(&self, p: &Platform, by: &Addr, proposal_id: u64) -> anyhow::Result<AppResponse> {
        let vote = cw3_flex_multisig::msg::ExecuteMsg::Vote {
            proposal_id,
            vote: Vote::Yes,
        };
        p.execute(by, &self.multisig, &vote)
    }

    fn execute(&self, p: &Platform, by: &Addr, proposal_id: u64) -> anyhow::Result<AppResponse> {
        let execute = cw3_flex_multisig::msg::ExecuteMsg::Execute { proposal_id };
        p.execute(by, &self.multisig, &execute)
    }

    fn status(&self, p: &Platform, proposal_id: u64) -> Status {
        let answer: cw3::ProposalResponse = p.query(
            &self.multisig,
            &cw3_flex_multisig::msg::QueryMsg::Proposal { proposal_id },
        );
        answer.status
    }

    /// Member 1 proposes `msgs` (its vote counts), member 2 votes for it, member 3 executes it.
    fn carry(&self, p: &Platform, msgs: Vec<CosmosMsg>) -> AppResponse {
        let [first, second, third] = &self.members;
        let proposal_id = self.propose(p, first, msgs).unwrap();
        self.vote(p, second, proposal_id).unwrap();
        self.execute(p, third, proposal_id).unwrap()
    }
}

fn on(contract: &Addr, msg: &TicketMsg) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(msg).unwrap(),
        funds: vec![],
    }
    .into()
}

/// The platform owner hands ticket-nft's ownership and wasm admin to the committee, which accepts
/// the ownership by proposal (cw-ownable's two steps: nobody is made owner without consent).
fn governed() -> (Platform, Committee) {
    let p = Platform::new();
    let committee = Committee::new(&p);
    let transfer = TicketMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: committee.multisig.to_string(),
        expiry: None,
    });
    p.execute(&p.owner, &p.tickets, &transfer).unwrap();
    committee.carry(
        &p,
        vec![on(
            &p.tickets,
            &TicketMsg::UpdateOwnership(Action::AcceptOwnership),
        )],
    );
    let admin: CosmosMsg<Empty> = WasmMsg::UpdateAdmin {
        contract_addr: p.tickets.to_string(),
        admin: committee.multisig.to_string(),
    }
    .into();
    p.app_mut()
        .execute(p.owner.clone(), admin)
        .expect("the deployer, still the wasm admin, hands it over");
    (p, committee)
}

fn platform_fee(p: &Platform) -> u16 {
    let config: ConfigResponse = p.query(&p.tickets, &TicketQuery::Config {});
    config.platform_fee.get()
}

#[test]
fn the_committee_owns_ticket_nft_once_it_accepted_and_only_a_carried_proposal_changes_it() {
    let (p, committee) = governed();
    let ownership: Ownership<Addr> = p.query(&p.tickets, &TicketQuery::Ownership {});
    assert_eq!(ownership.owner, Some(committee.multisig.clone()));
    let info = p.app().wrap().query_wasm_contract_info(&p.tickets).unwrap();
    assert_eq!(info.admin, Some(committee.multisig.clone()));

    let fee_to_3_percent = TicketMsg::UpdateConfig {
        treasury: None,
        platform_fee: Some(ctc_interfaces::BasisPoints::new(300).unwrap()),
        burn_share: None,
        settlement_delay_seconds: None,
        randomness: None,
    };
    let before = platform_fee(&p);
    // Neither the former owner nor a member alone changes the configuration.
    for who in [&p.owner, &committee.members[0]] {
        let refusal = p.refused(who, &p.tickets, &fee_to_3_percent);
        assert!(refusal.contains("owner"), "{refusal}");
    }
    let [first, second, third] = &committee.members;
    let outsider = p.addr("outsider");
    let proposal_id = committee
        .propose(&p, first, vec![on(&p.tickets, &fee_to_3_percent)])
        .unwrap();
    // One vote of two: not passed, so not executable; an outsider's vote does not count.
    assert_eq!(committee.status(&p, proposal_id), Status::Open);
    let early = root(committee.execute(&p, third, proposal_id).unwrap_err());
    assert!(early.contains("passed"), "{early}");
    let stranger = root(committee.vote(&p, &outsider, proposal_id).unwrap_err());
    assert!(stranger.contains("Unauthorized"), "{stranger}");
    assert!(committee.propose(&p, &outsider, vec![]).is_err());
    assert_eq!(platform_fee(&p), before);

    committee.vote(&p, second, proposal_id).unwrap();
    assert_eq!(committee.status(&p, proposal_id), Status::Passed);
    committee.execute(&p, third, proposal_id).unwrap();
    assert_eq!(platform_fee(&p), 300);
    assert_eq!(committee.status(&p, proposal_id), Status::Executed);
    let again = root(committee.execute(&p, third, proposal_id).unwrap_err());
    assert!(
        again.contains("passed"),
        "a proposal executes once: {again}"
    );
}

#[test]
fn the_committee_migrates_a_contract_it_administers_and_nobody_else_can() {
    let (p, committee) = governed();
    let new_code = p.app_mut().store_code(contracts::ticket_nft());
    let migrate = |sender: &Addr| {
        p.app_mut()
            .migrate_contract(sender.clone(), p.tickets.clone(), &MigrateMsg {}, new_code)
    };
    for who in [&p.owner, &committee.members[0]] {
        let refusal = root(migrate(who).unwrap_err());
        assert!(refusal.contains("admin"), "{refusal}");
    }
    let fee_before = platform_fee(&p);
    let response = committee.carry(
        &p,
        vec![WasmMsg::Migrate {
            contract_addr: p.tickets.to_string(),
            new_code_id: new_code,
            msg: to_json_binary(&MigrateMsg {}).unwrap(),
        }
        .into()],
    );
    assert!(response.events.iter().any(|event| event.ty == "migrate"));
    let info = p.app().wrap().query_wasm_contract_info(&p.tickets).unwrap();
    assert_eq!(info.code_id, new_code);
    assert_eq!(
        platform_fee(&p),
        fee_before,
        "the state survives the migration"
    );
}

#[test]
fn membership_changes_are_proposals_of_the_committee_too() {
    let p = Platform::new();
    let committee = Committee::new(&p);
    let newcomer = p.addr("member-4");
    let add = cw4_group::msg::ExecuteMsg::UpdateMembers {
        remove: vec![committee.members[2].to_string()],
        add: vec![Member {
            addr: newcomer.to_string(),
            weight: 1,
        }],
    };
    // The deployer handed the group to the multisig: it can no longer change the members.
    let refusal = p.refused(&p.owner, &committee.group, &add);
    assert!(refusal.contains("admin"), "{refusal}");
    committee.carry(
        &p,
        vec![WasmMsg::Execute {
            contract_addr: committee.group.to_string(),
            msg: to_json_binary(&add).unwrap(),
            funds: vec![],
        }
        .into()],
    );
    let weight: cw4::MemberResponse = p.query(
        &committee.group,
        &cw4_group::msg::QueryMsg::Member {
            addr: newcomer.to_string(),
            at_height: None,
        },
    );
    assert_eq!(weight.weight, Some(1));
    let removed: cw4::MemberResponse = p.query(
        &committee.group,
        &cw4_group::msg::QueryMsg::Member {
            addr: committee.members[2].to_string(),
            at_height: None,
        },
    );
    assert_eq!(removed.weight, None, "a removed member votes no more");
}

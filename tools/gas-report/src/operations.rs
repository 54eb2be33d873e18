//! Every user-facing operation of the platform, measured once in the order of a season (as in
//! tests/src/festival.rs), with the reference contracts' operations beside them. Unmeasured
//! steps set the stage; each measured step is one transaction. Before the sales, a touring
//! company books an evening of the theater's hall in schedules and issues its show from the
//! booking: `ticket-nft/create_event (from a booking)` sits beside the plain `create_event` with
//! the same tiers, so the difference is the booking's. The chain keeps every transaction of the
//! season, setup included, as a trace that `--replay` must price the same.

use anyhow::Context;
use cosmwasm_std::{Api, Coin, HexBinary, Timestamp, Uint128};
use ctc_interfaces::merkle;
use ctc_interfaces::proof::check_in_text;
use ctc_interfaces::proof::testing::{key, sign};
use ctc_interfaces::randomness;
use serde_json::json;

use crate::addresses::account;
use crate::chain::{Chain, ChainConfig};
use crate::measure::Recorder;
use crate::platform::{
    artifact_file, booked_show, buy, buy_vouchers, buy_with_voucher, digest, id, key_account,
    redeem_code, show, ts, voucher_class, wasm_api, Platform, Wasm, CTC, DAY, HOUR, NATIVE_DENOM,
    ORACLE_BOND,
};
use crate::trace::Trace;

/// The season's measurements and its trace, measured operations labelled with their keys.
pub struct Season {
    pub recorder: Recorder,
    pub trace: Trace,
}

pub fn measure(wasm: &Wasm, cache_dir: &std::path::Path) -> anyhow::Result<Season> {
    let chain = Chain::new(cache_dir, ChainConfig::default())?;
    chain.record_trace();
    // Fans sign door codes, so their 20-byte addresses come from keys, as a wallet's do.
    let fans: Vec<String> = (1..=4).map(key_account).collect();
    // Genesis coins come first: a trace holds balances before its first transaction only.
    for fan in &fans {
        chain.mint_native(fan, NATIVE_DENOM, 1_000_000)?;
    }
    let p = Platform::new(chain.clone(), wasm, Some(10_000))?;
    let mut r = Recorder::default();
    for fan in &fans {
        p.fund(fan, 10_000 * CTC)?;
        p.exec(
            &p.providers,
            &p.cw20,
            json!({ "transfer": { "recipient": fan, "amount": (10_000 * CTC).to_string() } }),
        )?;
    }
    let t0 = p.now();

    tokens(&p, &mut r, &fans)?;
    registry(&p, &mut r, &fans)?;
    let booking_id = schedules(&p, &mut r, t0)?;
    let show_id = tickets_sale(&p, &mut r, &fans, t0, booking_id)?;
    crowdfund(&p, &mut r, &fans, show_id)?;
    tipping(&p, &mut r, &fans)?;
    oracle_and_wager(&p, &mut r, &fans)?;
    tickets_show(&p, &mut r, &fans, show_id, t0)?;
    // Last, so that nothing measured before changes: vouchers, and ticket purchases that use one.
    vouchers(&p, &mut r, &fans)?;
    // Issue 22's contracts, after everything above so that no earlier row's state changes.
    lockups(&p, &mut r, &fans)?;
    allocation_fund(&p, &mut r, &fans)?;
    committee(&p, wasm, &mut r)?;
    let (_, charges) = p.chain.query(&p.token, &json!({ "tokenomics": {} }))?;
    r.record_charges(
        "ctc-token",
        "tokenomics (query, season's end)",
        "after grants, disbursements and claims moved the buckets: seven balances read",
        &charges,
    );
    // Issue 23's draws, after every row above so that none of them moves.
    draws(&p, &mut r, &fans)?;
    // Issue 24's accounts, last for the same reason.
    accounts(&p, &mut r, &fans)?;

    let mut trace = chain.trace(NATIVE_DENOM, artifact_file)?;
    for m in &r.measurements {
        if let Some(number) = m.tx_number {
            trace.transactions[number].label = m.key.clone();
        }
    }
    Ok(Season { recorder: r, trace })
}

fn tokens(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    for (group, token) in [("ctc-token", &p.token), ("cw20-base", &p.cw20)] {
        let tx = p.exec(
            &fans[0],
            token,
            json!({ "transfer": { "recipient": fans[1], "amount": (100 * CTC).to_string() } }),
        )?;
        r.record(group, "transfer", "100 tokens between two holders", &tx);
        let tx = p.send_token(
            token,
            &fans[0],
            &p.sink,
            10 * CTC,
            json!({ "anything": {} }),
        )?;
        r.record(
            group,
            "send",
            "Send of 10 tokens into a receiver that does nothing, the same on both sides",
            &tx,
        );
        let tx = p.exec(
            &fans[0],
            token,
            json!({ "burn": { "amount": CTC.to_string() } }),
        )?;
        r.record(group, "burn", "burn 1 token", &tx);
        let tx = p.exec(&fans[0], token, json!({ "increase_allowance": { "spender": fans[1], "amount": (50 * CTC).to_string(), "expires": null } }))?;
        r.record(group, "increase_allowance", "a first allowance", &tx);
        let tx = p.exec(&fans[1], token, json!({ "transfer_from": { "owner": fans[0], "recipient": fans[2], "amount": (20 * CTC).to_string() } }))?;
        r.record(
            group,
            "transfer_from",
            "a spender moves 20 tokens to a holder",
            &tx,
        );
        let (_, charges) = p
            .chain
            .query(token, &json!({ "balance": { "address": fans[0] } }))?;
        r.record_charges(
            group,
            "balance (query)",
            "a smart query of a balance",
            &charges,
        );
    }
    let (_, charges) = p.chain.query(&p.token, &json!({ "tokenomics": {} }))?;
    r.record_charges(
        "ctc-token",
        "tokenomics (query)",
        "issuance, supply, burned, floor",
        &charges,
    );
    Ok(())
}

/// The two lock-ups: the team's set_token (done at setup, after the token, as deploy does), a
/// founder's linear grant and an investor's ten tranches, each claimed once vested, and a
/// revocation. Time moves past both locks here, after every earlier row.
fn lockups(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let (_, tx) = p
        .set_tokens
        .iter()
        .find(|(name, _)| name == "team-lockup")
        .context("the team lock-up's set_token")?;
    r.record(
        "lockups",
        "set_token",
        "anyone binds the lock-up to CTC: cw2 name, creator and allocation checked, balance booked",
        tx,
    );
    let config = |lockup: &str| -> anyhow::Result<u64> {
        let (config, _) = p.chain.query(lockup, &json!({ "config": {} }))?;
        let nanos: u64 = config["locked_until"]
            .as_str()
            .context("locked_until")?
            .parse()?;
        Ok(nanos / 1_000_000_000)
    };
    let team_until = config(&p.team_lockup)?;
    let investor_until = config(&p.investor_lockup)?;
    let founder = account("founder");
    let investor = account("investor");
    let tx = p.exec(
        &p.owner,
        &p.team_lockup,
        json!({ "create_grant": {
            "beneficiary": founder, "amount": (1_000_000 * CTC).to_string(),
            "schedule": { "linear": {
                "start": ts(p.now()), "cliff": ts(team_until), "end": ts(team_until + 730 * DAY),
            }},
            "revocable": true,
        }}),
    )?;
    let linear = id(&tx, "grant_id")?;
    r.record(
        "lockups",
        "create_grant (linear)",
        "by the owner: a founder's revocable grant, cliff at the lock's end, two years linear",
        &tx,
    );
    let steps: Vec<_> = (0..10)
        .map(|k| json!({ "at": ts(investor_until + k * 30 * DAY), "bps": 1_000 }))
        .collect();
    let tx = p.exec(
        &p.owner,
        &p.investor_lockup,
        json!({ "create_grant": {
            "beneficiary": investor, "amount": (500_000 * CTC).to_string(),
            "schedule": { "tranches": { "steps": steps } }, "revocable": false,
        }}),
    )?;
    let tranches = id(&tx, "grant_id")?;
    r.record(
        "lockups",
        "create_grant (10 tranches)",
        "by the owner: an investor's grant in ten monthly tenths from the lock's end",
        &tx,
    );
    // The first tenth vests at the investors' lock end; the team's lock is longer.
    p.advance(investor_until + DAY - p.now());
    let tx = p.exec(
        &fans[0],
        &p.investor_lockup,
        json!({ "claim": { "grant_id": tranches } }),
    )?;
    r.record(
        "lockups",
        "claim (a tranche)",
        "by anyone, paid to the investor: the first tenth, one cw20 transfer",
        &tx,
    );
    p.advance(team_until + 30 * DAY - p.now());
    let tx = p.exec(
        &founder,
        &p.team_lockup,
        json!({ "claim": { "grant_id": linear } }),
    )?;
    r.record(
        "lockups",
        "claim (linear, after the cliff)",
        "by the founder a month after the cliff: what vested so far, one cw20 transfer",
        &tx,
    );
    let tx = p.exec(
        &p.owner,
        &p.team_lockup,
        json!({ "revoke": { "grant_id": linear } }),
    )?;
    r.record(
        "lockups",
        "revoke",
        "by the owner: the unvested rest back to the unallocated part",
        &tx,
    );
    Ok(())
}

/// The public-welfare fund's ledger (set_token at setup, a donation, a reconciled transfer, a
/// disbursement) and the community-rewards fund's Merkle rounds: claims at proof depth 2, 4
/// and 10 (trees of 4, 16 and 1,024 entries), a round closed after its window and one cancelled.
fn allocation_fund(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let (_, tx) = p
        .set_tokens
        .iter()
        .find(|(name, _)| name == "public-welfare-fund")
        .context("the welfare fund's set_token")?;
    r.record(
        "allocation-fund",
        "set_token",
        "anyone binds the fund to CTC: cw2 name, creator and allocation checked, genesis booked",
        tx,
    );
    let tx = p.send(
        &fans[1],
        &p.welfare_fund,
        5 * CTC,
        json!({ "donate": { "memo": "for the school's music room", "evidence_digest": null } }),
    )?;
    r.record(
        "allocation-fund",
        "donate",
        "a CTC Send with a memo, booked under the donor",
        &tx,
    );
    p.exec(
        &fans[2],
        &p.token,
        json!({ "transfer": { "recipient": p.welfare_fund, "amount": (3 * CTC).to_string() } }),
    )?;
    let tx = p.exec(&fans[2], &p.welfare_fund, json!({ "reconcile": {} }))?;
    r.record(
        "allocation-fund",
        "reconcile",
        "by anyone: a plain transfer booked from one balance query",
        &tx,
    );
    let tx = p.exec(
        &p.owner,
        &p.welfare_fund,
        json!({ "disburse": {
            "recipient": account("music_school"), "amount": (10_000 * CTC).to_string(),
            "purpose": "instruments for a rural school's music room",
            "evidence_digest": digest(0x6b),
        }}),
    )?;
    r.record(
        "allocation-fund",
        "disburse",
        "by the owner, with purpose and evidence: one cw20 transfer",
        &tx,
    );

    let fund = &p.community_fund;
    let open = |round_id: u64, entries: usize| -> anyhow::Result<_> {
        let list: Vec<(String, Uint128)> = (0..entries)
            .map(|i| {
                (
                    account(&format!("round{round_id}-member{i}")),
                    Uint128::new((100 + i as u128) * CTC),
                )
            })
            .collect();
        let tree = merkle::build(fund, round_id, &list)
            .map_err(|e| anyhow::anyhow!("round {round_id}: {e}"))?;
        let tx = p.exec(
            &p.owner,
            fund,
            json!({ "open_round": {
                "round_id": round_id, "root": tree.root, "total": tree.total,
                "list_digest": digest(round_id as u8), "list_uri": format!("ipfs://rounds/{round_id}"),
                "claims_until": ts(p.now() + 30 * DAY), "partners_only": false,
            }}),
        )?;
        Ok((list, tree, tx))
    };
    let claim = |round_id: u64, list: &[(String, Uint128)], tree: &merkle::Tree, k: usize| {
        let (address, amount) = &list[k];
        p.exec(
            &fans[3],
            fund,
            json!({ "claim": {
                "round_id": round_id, "address": address, "amount": amount,
                "proof": tree.proofs[k],
            }}),
        )
    };
    let mut first_round = None;
    for (round_id, entries, depth) in [(1, 4, 2), (2, 16, 4), (3, 1024, 10)] {
        let (list, tree, tx) = open(round_id, entries)?;
        if round_id == 1 {
            r.record(
                "allocation-fund",
                "open_round",
                "by the owner: a Merkle sum-tree root of 4 entries, its total reserved",
                &tx,
            );
            first_round = Some(round_id);
        }
        let k = entries / 2 + 1;
        anyhow::ensure!(tree.proofs[k].len() == depth, "a proof of depth {depth}");
        let tx = claim(round_id, &list, &tree, k)?;
        r.record(
            "allocation-fund",
            &format!("claim (proof depth {depth})"),
            &format!("by anyone, for a listed address: a {entries}-entry round, one cw20 transfer"),
            &tx,
        );
    }
    let (_, _, _) = open(4, 4)?;
    let tx = p.exec(&p.owner, fund, json!({ "cancel_round": { "round_id": 4 } }))?;
    r.record(
        "allocation-fund",
        "cancel_round",
        "by the owner, before any claim: the whole total back to the available CTC",
        &tx,
    );
    p.advance(31 * DAY);
    let round_id = first_round.context("round 1")?;
    let tx = p.exec(
        &fans[3],
        fund,
        json!({ "close_round": { "round_id": round_id } }),
    )?;
    r.record(
        "allocation-fund",
        "close_round",
        "by anyone after the window: the unclaimed rest back to the available CTC",
        &tx,
    );
    Ok(())
}

/// The committee as deploy/src/deploy.ts creates it (cw4-group, deployer as its admin until
/// the cw3-flex-multisig over it exists, then the multisig; three members, 2 of 3) and hands it
/// tipping (`MsgUpdateAdmin`, then the ownership offered and accepted by proposal, as
/// `handOver` does for a contract the committee does not administer yet). Then measured: a
/// proposal, a vote, and the executions of a config change, a migration and a membership change.
fn committee(p: &Platform, wasm: &Wasm, r: &mut Recorder) -> anyhow::Result<()> {
    let members: Vec<String> = (1..=3)
        .map(|i| account(&format!("committee_{i}")))
        .collect();
    let instantiate = |code: &str, name: &str, msg: serde_json::Value| -> anyhow::Result<String> {
        let address = crate::addresses::contract(name);
        p.chain.set_name(&address, code);
        p.chain.instantiate(
            p.code_id(code)?,
            &p.owner,
            None,
            &msg,
            &format!("ticketchain {name}"),
            &address,
        )?;
        Ok(address)
    };
    let group = instantiate(
        "cw4-group",
        "committee group",
        json!({
            "admin": p.owner,
            "members": members.iter().map(|m| json!({ "addr": m, "weight": 1 })).collect::<Vec<_>>(),
        }),
    )?;
    let multisig = instantiate(
        "cw3-flex-multisig",
        "committee",
        json!({
            "group_addr": group, "threshold": { "absolute_count": { "weight": 2 } },
            "max_voting_period": { "time": 604_800 }, "executor": "member",
            "proposal_deposit": null,
        }),
    )?;
    p.exec(
        &p.owner,
        &group,
        json!({ "update_admin": { "admin": multisig } }),
    )?;
    p.chain.update_admin(&p.owner, &p.tipping, &multisig)?;
    anyhow::ensure!(p.chain.admin(&p.tipping).as_deref() == Some(multisig.as_str()));
    p.exec(
        &p.owner,
        &p.tipping,
        json!({ "update_ownership": { "transfer_ownership": { "new_owner": multisig, "expiry": null } } }),
    )?;
    // A member's weight is read at the proposal's height: the group must predate it.
    p.advance(5);
    let execute = |contract: &str, msg: serde_json::Value| {
        json!({ "wasm": { "execute": {
            "contract_addr": contract,
            "msg": cosmwasm_std::to_json_binary(&msg).expect("json"), "funds": [],
        }}})
    };
    let propose = |title: &str, msgs: serde_json::Value| -> anyhow::Result<_> {
        let tx = p.exec(
            &members[0],
            &multisig,
            json!({ "propose": { "title": title, "description": title, "msgs": msgs, "latest": null } }),
        )?;
        let proposal = id(&tx, "proposal_id")?;
        Ok((proposal, tx))
    };
    let vote = |proposal: u64| {
        p.exec(
            &members[1],
            &multisig,
            json!({ "vote": { "proposal_id": proposal, "vote": "yes" } }),
        )
    };
    let carry = |proposal: u64| {
        p.exec(
            &members[2],
            &multisig,
            json!({ "execute": { "proposal_id": proposal } }),
        )
    };
    let (accept, _) = propose(
        "accept tipping",
        json!([execute(
            &p.tipping,
            json!({ "update_ownership": "accept_ownership" })
        )]),
    )?;
    vote(accept)?;
    carry(accept)?;

    let (proposal, tx) = propose(
        "tipping fee 2.5%",
        json!([execute(
            &p.tipping,
            json!({ "update_config": { "treasury": null, "fee": 250, "min_ctc_tip": null } })
        )]),
    )?;
    r.record(
        "cw3-flex-multisig",
        "propose",
        "a member proposes one message (its own yes vote counted)",
        &tx,
    );
    let tx = vote(proposal)?;
    r.record(
        "cw3-flex-multisig",
        "vote",
        "a second member's yes: 2 of 3, the proposal passes",
        &tx,
    );
    let tx = carry(proposal)?;
    r.record(
        "cw3-flex-multisig",
        "execute (config change)",
        "a third member executes tipping's update_config (fee 250), carried by 2 of 3",
        &tx,
    );

    // A second upload of tipping's code, as a re-run of deploy uploads a changed build.
    let new_code = p
        .chain
        .store_code(wasm.bytes("tipping")?, &p.owner, "tipping")?;
    let migrate = json!({ "wasm": { "migrate": {
        "contract_addr": p.tipping, "new_code_id": new_code,
        "msg": cosmwasm_std::to_json_binary(&json!({}))?,
    }}});
    let (proposal, _) = propose("migrate tipping", json!([migrate]))?;
    vote(proposal)?;
    let tx = carry(proposal)?;
    anyhow::ensure!(
        p.chain.code_id(&p.tipping) == Some(new_code),
        "tipping migrated"
    );
    r.record(
        "cw3-flex-multisig",
        "execute (migration)",
        "tipping migrated by the committee, its wasm admin, to a second upload of its code",
        &tx,
    );

    let (proposal, _) = propose(
        "a fourth member",
        json!([execute(
            &group,
            json!({ "update_members": {
                "remove": [], "add": [{ "addr": account("committee_4"), "weight": 1 }],
            }})
        )]),
    )?;
    vote(proposal)?;
    let tx = carry(proposal)?;
    r.record(
        "cw3-flex-multisig",
        "execute (membership change)",
        "cw4-group's update_members, sent by the committee, the group's admin: a fourth member",
        &tx,
    );
    Ok(())
}

fn registry(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let merchant = account("merchant");
    let tx = p.admit(
        &merchant,
        "Night Market",
        "merchant",
        "issue_tickets",
        json!([{ "capability": "issue_tickets", "limit": { "units_per_window": 500, "window_seconds": DAY } }]),
    )?;
    r.record(
        "partner-registry",
        "admit",
        "a merchant with one capability and a quota",
        &tx,
    );
    let tx = p.exec(&p.owner, &p.registry, json!({ "suspend": { "address": merchant, "reason": "licence expired", "digest": digest(0x51) } }))?;
    r.record(
        "partner-registry",
        "suspend",
        "with a supervision record",
        &tx,
    );
    let tx = p.exec(&p.owner, &p.registry, json!({ "reinstate": { "address": merchant, "reason": "licence renewed", "digest": digest(0x52) } }))?;
    r.record(
        "partner-registry",
        "reinstate",
        "with a supervision record",
        &tx,
    );
    let tx = p.attest(&fans[0])?;
    r.record(
        "partner-registry",
        "attest",
        "a real-name attestation of a fan",
        &tx,
    );
    for fan in &fans[1..] {
        p.attest(fan)?;
    }
    let tx = p.exec(&p.theater, &p.registry, json!({ "anchor": { "namespace": "contracts", "key": "season-2025", "digest": digest(0x77), "note": null } }))?;
    r.record(
        "partner-registry",
        "anchor",
        "evidence: first record of a chain",
        &tx,
    );
    let tx = p.exec(&p.theater, &p.registry, json!({ "anchor": { "namespace": "contracts", "key": "season-2025", "digest": digest(0x78), "note": "amended" } }))?;
    r.record(
        "partner-registry",
        "anchor (revision)",
        "evidence: a revision linked to the previous digest",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.registry,
        &json!({ "has_capability": { "address": p.theater, "capability": "issue_tickets" } }),
    )?;
    r.record_charges("partner-registry", "has_capability (query)", "", &charges);
    let (_, charges) = p.chain.query(
        &p.registry,
        &json!({ "identity_level": { "address": fans[0], "accepted_attesters": null } }),
    )?;
    r.record_charges("partner-registry", "identity_level (query)", "", &charges);
    Ok(())
}

/// The evening the touring company books in the theater's hall, 20 days out, four hours long;
/// a show issued from the booking starts an hour into it.
const EVENING_IN: u64 = 20 * DAY;

/// 档期: the theater's venue, hall and two evenings; the touring company books both, cancels
/// the second alone (well before its notice) and keeps the first, whose id it returns for
/// ticket-nft's `create_event (from a booking)`.
fn schedules(p: &Platform, r: &mut Recorder, t0: u64) -> anyhow::Result<u64> {
    let tx = p.exec(
        &p.theater,
        &p.schedules,
        json!({ "register_venue": {
            "name": "Grand Theater", "city": "Shanghai", "address_digest": digest(0x5a),
        }}),
    )?;
    r.record(
        "schedules",
        "register_venue",
        "by an Active theater (registry partner_status query)",
        &tx,
    );
    let venue_id = id(&tx, "venue_id")?;
    let tx = p.exec(
        &p.theater,
        &p.schedules,
        json!({ "add_hall": { "venue_id": venue_id, "name": "Main Hall", "capacity": 500 } }),
    )?;
    r.record(
        "schedules",
        "add_hall",
        "the venue's first hall, by its owner (registry partner_status query)",
        &tx,
    );
    let hall_id = id(&tx, "hall_id")?;
    let publish = |starts_at: u64| {
        json!({ "publish_slot": {
            "hall_id": hall_id, "starts_at": ts(starts_at), "ends_at": ts(starts_at + 4 * HOUR),
            "terms": { "cancel_notice_seconds": 2 * DAY },
        }})
    };
    let tx = p.exec(&p.theater, &p.schedules, publish(t0 + EVENING_IN))?;
    r.record(
        "schedules",
        "publish_slot",
        "a four-hour evening, cancellable alone up to two days before (registry partner_status query)",
        &tx,
    );
    let evening = id(&tx, "slot_id")?;
    let next_evening = id(
        &p.exec(&p.theater, &p.schedules, publish(t0 + EVENING_IN + DAY))?,
        "slot_id",
    )?;
    let request = |slot_id: u64| json!({ "request_booking": { "slot_id": slot_id } });
    let tx = p.exec(&p.company, &p.schedules, request(evening))?;
    r.record(
        "schedules",
        "request_booking",
        "by a touring company holding issue_tickets (registry has_capability query)",
        &tx,
    );
    let booking_id = id(&tx, "booking_id")?;
    let accept = |booking_id: u64| json!({ "accept_booking": { "booking_id": booking_id } });
    let tx = p.exec(&p.theater, &p.schedules, accept(booking_id))?;
    r.record(
        "schedules",
        "accept_booking",
        "the theater's confirmation: two reads of the hall's calendar for an overlap, the owner's partner_status and the requester's has_capability (registry queries)",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.schedules,
        &json!({ "booking": { "booking_id": booking_id } }),
    )?;
    r.record_charges(
        "schedules",
        "booking (query)",
        "a confirmed booking, as ticket-nft reads it before issuing its event",
        &charges,
    );
    let cancelled = id(
        &p.exec(&p.company, &p.schedules, request(next_evening))?,
        "booking_id",
    )?;
    p.exec(&p.theater, &p.schedules, accept(cancelled))?;
    let tx = p.exec(
        &p.company,
        &p.schedules,
        json!({ "cancel_booking": { "booking_id": cancelled } }),
    )?;
    r.record(
        "schedules",
        "cancel_booking",
        "a confirmed booking with no event, by the requester alone before the notice: the hall's calendar and the slot freed",
        &tx,
    );
    Ok(booking_id)
}

/// Event 1 (the show, 30 days out) on sale; event 2 issued from the touring company's booking;
/// event 3 sold, cancelled and refunded.
fn tickets_sale(
    p: &Platform,
    r: &mut Recorder,
    fans: &[String],
    t0: u64,
    booking_id: u64,
) -> anyhow::Result<u64> {
    let tx = p.exec(
        &p.theater,
        &p.tickets,
        json!({ "create_event": { "event": show(t0, 30 * DAY, 50, Some(4)) } }),
    )?;
    r.record(
        "ticket-nft",
        "create_event",
        "two tiers of 50; draws the issuer's quota (registry consume_quota)",
        &tx,
    );
    let show_id = id(&tx, "event_id")?;
    // The same two tiers, an hour into the booked evening, by the company that booked it.
    let tx = p.exec(
        &p.company,
        &p.tickets,
        json!({ "create_event": {
            "event": booked_show(t0, EVENING_IN + HOUR, 50, Some(4), booking_id),
        }}),
    )?;
    r.record(
        "ticket-nft",
        "create_event (from a booking)",
        "the same two tiers of 50 from the issuer's confirmed booking: schedules booking query (venue, times, seats), registry consume_quota, schedules mark_issued",
        &tx,
    );
    let tx = p.send(&fans[2], &p.tickets, 100 * CTC, buy(show_id, 0, 1))?;
    r.record(
        "ticket-nft",
        "buy",
        "one ticket of a tier with a per-wallet limit: CTC Send → hook (the registry's answers read from ticket-nft's mirror) → mint, price in escrow",
        &tx,
    );
    let tx = p.send(&fans[3], &p.tickets, 200 * CTC, buy(show_id, 0, 2))?;
    r.record(
        "ticket-nft",
        "buy (2 tickets)",
        "two tickets in one Send",
        &tx,
    );
    let token = |serial: u32| format!("{show_id}-{serial}");
    let tx = p.exec(
        &fans[2],
        &p.tickets,
        json!({ "transfer_nft": { "recipient": fans[0], "token_id": token(0) } }),
    )?;
    r.record(
        "ticket-nft",
        "transfer_nft",
        "a gift (cw721 transfer_nft) with the policy and identity checks",
        &tx,
    );
    let tx = p.exec(
        &fans[3],
        &p.tickets,
        json!({ "list_for_resale": { "token_id": token(1), "price": (105 * CTC).to_string() } }),
    )?;
    r.record("ticket-nft", "list_for_resale", "under the 110% cap", &tx);
    let tx = p.send(
        &fans[1],
        &p.tickets,
        105 * CTC,
        json!({ "buy_resale": { "token_id": token(1) } }),
    )?;
    r.record(
        "ticket-nft",
        "buy_resale",
        "CTC Send → hook, the rest to the seller, the royalty into escrow",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.tickets,
        &json!({ "owner_of": { "token_id": token(1), "include_expired": null } }),
    )?;
    r.record_charges("ticket-nft", "owner_of (query)", "", &charges);
    let (_, charges) = p
        .chain
        .query(&p.tickets, &json!({ "event": { "event_id": show_id } }))?;
    r.record_charges("ticket-nft", "event (query)", "", &charges);

    // The references: a bare cw721-base mint and transfer.
    let tx = p.exec(&p.owner, &p.cw721, json!({ "mint": { "token_id": "1-0", "owner": fans[2], "token_uri": null, "extension": null } }))?;
    r.record("cw721-base", "mint", "by the minter, no metadata", &tx);
    let tx = p.exec(
        &fans[2],
        &p.cw721,
        json!({ "transfer_nft": { "recipient": fans[0], "token_id": "1-0" } }),
    )?;
    r.record("cw721-base", "transfer_nft", "", &tx);
    let (_, charges) = p.chain.query(
        &p.cw721,
        &json!({ "owner_of": { "token_id": "1-0", "include_expired": null } }),
    )?;
    r.record_charges("cw721-base", "owner_of (query)", "", &charges);

    let tx = p.exec(
        &p.theater,
        &p.tickets,
        json!({ "create_event": { "event": show(t0, 40 * DAY, 50, None) } }),
    )?;
    let second = id(&tx, "event_id")?;
    let tx = p.send(&fans[3], &p.tickets, 100 * CTC, buy(second, 0, 1))?;
    r.record(
        "ticket-nft",
        "buy (no wallet limit)",
        "one ticket of a tier without a per-wallet limit: the same, without the wallet's count",
        &tx,
    );
    let tx = p.exec(
        &p.theater,
        &p.tickets,
        json!({ "cancel_event": { "event_id": second } }),
    )?;
    r.record("ticket-nft", "cancel_event", "by the issuer", &tx);
    let freeze = |frozen: bool, reason: &str| {
        json!({ "freeze_event": {
            "event_id": show_id, "frozen": frozen, "reason": reason, "digest": digest(0xf1),
        }})
    };
    let tx = p.exec(&p.owner, &p.tickets, freeze(true, "inquiry"))?;
    r.record(
        "ticket-nft",
        "freeze_event",
        "by the platform owner, with a supervision record (a regulator adds one registry query)",
        &tx,
    );
    p.exec(&p.owner, &p.tickets, freeze(false, "inquiry closed"))?;
    let tx = p.exec(
        &fans[3],
        &p.tickets,
        json!({ "claim_refund": { "token_id": format!("{second}-0") } }),
    )?;
    r.record(
        "ticket-nft",
        "claim_refund",
        "the face price back from escrow",
        &tx,
    );
    Ok(show_id)
}

fn crowdfund(p: &Platform, r: &mut Recorder, fans: &[String], show_id: u64) -> anyhow::Result<()> {
    p.exec(
        &p.theater,
        &p.tickets,
        json!({ "set_minter": { "event_id": show_id, "address": p.crowdfund, "allowed": true } }),
    )?;
    let campaign = |goal: u128, reward: bool| {
        let now = p.now();
        let tiers = if reward {
            json!([{ "min_pledge": (200 * CTC).to_string(), "event_id": show_id, "tier": 1, "tickets": 1 }])
        } else {
            json!([])
        };
        json!({ "launch": { "campaign": {
            "title": "Stage The Butterfly Lovers", "description_uri": null,
            "goal": (goal * CTC).to_string(), "hard_cap": null,
            "starts_at": ts(now), "deadline": ts(now + 7 * DAY),
            "min_pledge": (10 * CTC).to_string(), "reward_tiers": tiers,
        }}})
    };
    let tx = p.exec(&p.troupe, &p.crowdfund, campaign(500, true))?;
    r.record(
        "crowdfund",
        "launch",
        "one reward tier (ticket-nft event query, registry consume_quota)",
        &tx,
    );
    let succeeding = id(&tx, "campaign_id")?;
    let tx = p.exec(
        &p.theater,
        &p.crowdfund,
        json!({ "approve_rewards": { "campaign_id": succeeding, "event_id": show_id } }),
    )?;
    r.record("crowdfund", "approve_rewards", "by the event's issuer", &tx);
    let failing = id(
        &p.exec(&p.troupe, &p.crowdfund, campaign(5_000, false))?,
        "campaign_id",
    )?;
    let contribute = |campaign_id: u64| json!({ "contribute": { "campaign_id": campaign_id } });
    let tx = p.send(&fans[0], &p.crowdfund, 300 * CTC, contribute(succeeding))?;
    r.record(
        "crowdfund",
        "pledge",
        "a first pledge: CTC Send → contribute hook",
        &tx,
    );
    let tx = p.send(&fans[1], &p.crowdfund, 250 * CTC, contribute(succeeding))?;
    r.record("crowdfund", "pledge (reaching the goal)", "", &tx);
    p.send(&fans[3], &p.crowdfund, 50 * CTC, contribute(failing))?;
    p.send(&fans[2], &p.crowdfund, 40 * CTC, contribute(failing))?;
    let tx = p.exec(
        &fans[2],
        &p.crowdfund,
        json!({ "withdraw_pledge": { "campaign_id": failing } }),
    )?;
    r.record("crowdfund", "withdraw_pledge", "before the goal", &tx);
    p.advance(7 * DAY);
    let tx = p.exec(
        &fans[2],
        &p.crowdfund,
        json!({ "finalize": { "campaign_id": succeeding } }),
    )?;
    r.record("crowdfund", "finalize", "succeeded", &tx);
    p.exec(
        &fans[2],
        &p.crowdfund,
        json!({ "finalize": { "campaign_id": failing } }),
    )?;
    let tx = p.exec(
        &p.troupe,
        &p.crowdfund,
        json!({ "withdraw_funds": { "campaign_id": succeeding } }),
    )?;
    r.record(
        "crowdfund",
        "withdraw_funds",
        "fee to the treasury, the rest to the creator",
        &tx,
    );
    let tx = p.exec(
        &fans[0],
        &p.crowdfund,
        json!({ "claim_rewards": { "campaign_id": succeeding } }),
    )?;
    r.record(
        "crowdfund",
        "claim_rewards",
        "the reward's value by CTC Send → ticket-nft mint_funded, held in escrow with its ticket",
        &tx,
    );
    let tx = p.exec(
        &fans[3],
        &p.crowdfund,
        json!({ "refund": { "campaign_id": failing } }),
    )?;
    r.record("crowdfund", "refund", "from a failed campaign", &tx);
    let third = id(
        &p.exec(&p.troupe, &p.crowdfund, campaign(500, false))?,
        "campaign_id",
    )?;
    let tx = p.exec(
        &p.troupe,
        &p.crowdfund,
        json!({ "cancel": { "campaign_id": third } }),
    )?;
    r.record("crowdfund", "cancel", "by the creator", &tx);
    let (_, charges) = p.chain.query(
        &p.crowdfund,
        &json!({ "campaign": { "campaign_id": succeeding } }),
    )?;
    r.record_charges("crowdfund", "campaign (query)", "", &charges);
    Ok(())
}

fn tipping(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let hook = json!({ "tip": { "recipient": p.troupe, "memo": "bravo!", "context": "event:1" } });
    let tx = p.send(&fans[0], &p.tipping, 20 * CTC, hook)?;
    r.record(
        "tipping",
        "tip",
        "20 CTC by Send to a verified partner, with memo and context",
        &tx,
    );
    // The same tip under an allowance the fan gave tipping once (not measured): two calls.
    p.exec(
        &fans[2],
        &p.token,
        json!({ "increase_allowance": { "spender": p.tipping, "amount": (1_000 * CTC).to_string(), "expires": null } }),
    )?;
    let tip = json!({ "tip": { "recipient": p.troupe, "amount": (20 * CTC).to_string(), "memo": "bravo!", "context": "event:1" } });
    let tx = p.exec(&fans[2], &p.tipping, tip)?;
    r.record(
        "tipping",
        "tip (allowance)",
        "20 CTC under an allowance: tipping → one CTC disburse_from, memo and context",
        &tx,
    );
    let tx = p.exec_with_funds(
        &fans[1],
        &p.tipping,
        json!({ "tip_native": { "recipient": p.troupe, "memo": null, "context": null } }),
        &[Coin::new(5_000u128, NATIVE_DENOM)],
    )?;
    r.record(
        "tipping",
        "tip_native",
        "5,000 ustake, fee and tip forwarded by bank sends",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.tipping,
        &json!({ "top_recipients": { "denom": NATIVE_DENOM } }),
    )?;
    r.record_charges("tipping", "top_recipients (query)", "", &charges);
    Ok(())
}

fn oracle_and_wager(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let now = p.now();
    let question = json!({
        "resolve_after": ts(now + DAY), "deadline": ts(now + 20 * DAY),
        "reporters": null, "quorum": 2, "dispute_window_seconds": DAY,
    });
    let pool = |closes_in: u64| {
        json!({ "create_pool": { "pool": {
            "title": "Best actress: Butterfly Lovers", "outcomes": ["Zhu", "Liang"],
            "question": { "new": question.clone() },
            "closes_at": ts(now + closes_in), "fee": null, "min_bet": null, "max_bet": null,
            "cap_per_address": null,
        }}})
    };
    let tx = p.exec(&p.owner, &p.wager, pool(DAY))?;
    r.record(
        "wager-pool",
        "create_pool",
        "with a new oracle question: sub-message to the oracle, id read in the reply",
        &tx,
    );
    let pool_id = id(&tx, "pool_id")?;
    let bet =
        |pool_id: u64, outcome: u8| json!({ "bet": { "pool_id": pool_id, "outcome": outcome } });
    let tx = p.send(&fans[1], &p.wager, 40 * CTC, bet(pool_id, 0))?;
    r.record("wager-pool", "bet", "a first bet: CTC Send → bet hook", &tx);
    p.send(&fans[2], &p.wager, 60 * CTC, bet(pool_id, 1))?;
    p.send(&fans[3], &p.wager, 20 * CTC, bet(pool_id, 0))?;
    let (_, charges) = p
        .chain
        .query(&p.wager, &json!({ "odds": { "pool_id": pool_id } }))?;
    r.record_charges("wager-pool", "odds (query)", "", &charges);

    let text_question = json!({ "create_question": { "question": {
        "text": "Who wins best actress?", "outcomes": ["Zhu", "Liang"],
        "resolve_after": ts(now + DAY), "deadline": ts(now + 20 * DAY),
        "reporters": null, "quorum": 2, "dispute_window_seconds": DAY,
    }}});
    let tx = p.exec(&p.owner, &p.oracle, text_question)?;
    r.record(
        "outcome-oracle",
        "create_question",
        "by an allowed creator",
        &tx,
    );
    let disputed = id(&tx, "question_id")?;
    let (pool_view, _) = p
        .chain
        .query(&p.wager, &json!({ "pool": { "pool_id": pool_id } }))?;
    let pool_question = pool_view["question_id"].as_u64().ok_or_else(|| {
        anyhow::anyhow!("the pool has no question id: the reply did not store it")
    })?;

    p.advance(DAY);
    let report = |question_id: u64, outcome: u8| json!({ "report": { "question_id": question_id, "verdict": { "outcome": outcome } } });
    let tx = p.exec(&p.reporters[0], &p.oracle, report(disputed, 0))?;
    r.record(
        "outcome-oracle",
        "report",
        "a first report (registry has_capability query)",
        &tx,
    );
    let tx = p.exec(&p.reporters[1], &p.oracle, report(disputed, 0))?;
    r.record(
        "outcome-oracle",
        "report (reaching quorum)",
        "the answer is proposed",
        &tx,
    );
    for reporter in &p.reporters[..2] {
        p.exec(reporter, &p.oracle, report(pool_question, 0))?;
    }
    let tx = p.send(
        &fans[2],
        &p.oracle,
        ORACLE_BOND,
        json!({ "dispute": { "question_id": disputed } }),
    )?;
    r.record("outcome-oracle", "dispute", "the bond by CTC Send", &tx);
    let tx = p.exec(
        &p.arbiter,
        &p.oracle,
        json!({ "arbitrate": { "question_id": disputed, "verdict": { "outcome": 0 } } }),
    )?;
    r.record(
        "outcome-oracle",
        "arbitrate",
        "rejected: the bond goes to the treasury",
        &tx,
    );
    p.advance(DAY);
    let tx = p.exec(
        &fans[0],
        &p.oracle,
        json!({ "finalize": { "question_id": pool_question } }),
    )?;
    r.record(
        "outcome-oracle",
        "finalize",
        "after the dispute window",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.oracle,
        &json!({ "answer": { "question_id": pool_question } }),
    )?;
    r.record_charges("outcome-oracle", "answer (query)", "", &charges);

    let tx = p.exec(
        &fans[0],
        &p.wager,
        json!({ "resolve": { "pool_id": pool_id } }),
    )?;
    r.record(
        "wager-pool",
        "resolve",
        "reads the oracle's answer, takes the fee (to treasury and nodes)",
        &tx,
    );
    let tx = p.exec(
        &fans[1],
        &p.wager,
        json!({ "claim": { "pool_id": pool_id } }),
    )?;
    r.record("wager-pool", "claim", "a winner's payout", &tx);

    let now = p.now();
    let later_question = json!({
        "resolve_after": ts(now + DAY), "deadline": ts(now + 20 * DAY),
        "reporters": null, "quorum": 2, "dispute_window_seconds": DAY,
    });
    let tx = p.exec(
        &p.owner,
        &p.wager,
        json!({ "create_pool": { "pool": {
            "title": "Encore?", "outcomes": ["yes", "no"], "question": { "new": later_question },
            "closes_at": ts(now + DAY), "fee": null, "min_bet": null, "max_bet": null,
            "cap_per_address": null,
        }}}),
    )?;
    let cancelled = id(&tx, "pool_id")?;
    p.send(&fans[2], &p.wager, 30 * CTC, bet(cancelled, 1))?;
    let tx = p.exec(
        &p.owner,
        &p.wager,
        json!({ "cancel": { "pool_id": cancelled } }),
    )?;
    r.record(
        "wager-pool",
        "cancel",
        "by the operator: the pool refunds",
        &tx,
    );
    let tx = p.exec(
        &fans[2],
        &p.wager,
        json!({ "claim": { "pool_id": cancelled } }),
    )?;
    r.record("wager-pool", "claim (refund)", "a bettor's stake back", &tx);
    Ok(())
}

/// The show: check-in at the door, then settlement with burn.
fn tickets_show(
    p: &Platform,
    r: &mut Recorder,
    fans: &[String],
    show_id: u64,
    t0: u64,
) -> anyhow::Result<()> {
    let door = account("door");
    let tx = p.exec(
        &p.theater,
        &p.tickets,
        json!({ "set_scanner": { "event_id": show_id, "address": door, "allowed": true } }),
    )?;
    r.record("ticket-nft", "set_scanner", "", &tx);
    let starts_at = t0 + 30 * DAY;
    p.advance(starts_at - HOUR - p.now());
    let token_id = format!("{show_id}-0");
    let expires_at = Timestamp::from_seconds(p.now() + 120);
    let text = check_in_text(
        &ChainConfig::default().chain_id,
        &wasm_api().addr_validate(&p.tickets)?,
        &token_id,
        expires_at,
    );
    let proof = sign(&wasm_api(), &key(1), &text, expires_at);
    let tx = p.exec(
        &door,
        &p.tickets,
        json!({ "check_in": { "token_id": token_id, "proof": proof } }),
    )?;
    r.record(
        "ticket-nft",
        "check_in",
        "by a scanner, with the holder's signed code",
        &tx,
    );
    let (_, charges) = p.chain.query(
        &p.tickets,
        &json!({ "verify_ticket": { "token_id": format!("{show_id}-1"), "holder": fans[1] } }),
    )?;
    r.record_charges("ticket-nft", "verify_ticket (query)", "", &charges);
    let hold = |held: bool| {
        json!({ "hold_ticket": {
            "token_id": format!("{show_id}-1"), "held": held, "reason": "court order", "digest": digest(0xa1),
        }})
    };
    let tx = p.exec(&p.identity_provider, &p.tickets, hold(true))?;
    r.record(
        "ticket-nft",
        "hold_ticket",
        "by the partner that attested the holder, recorded in the ticket's history",
        &tx,
    );
    p.exec(&p.identity_provider, &p.tickets, hold(false))?;
    // After the show, during the settlement delay: a complaint, and the owner's ruling.
    p.advance(3 * HOUR + HOUR);
    let tx = p.exec(
        &fans[1],
        &p.tickets,
        json!({ "file_complaint": { "token_id": format!("{show_id}-1"), "digest": digest(0xc1) } }),
    )?;
    r.record(
        "ticket-nft",
        "file_complaint",
        "by a holder, recorded in the ticket's history; settlement waits for a ruling",
        &tx,
    );
    let tx = p.exec(
        &p.owner,
        &p.tickets,
        json!({ "rule_on_event": {
            "event_id": show_id, "happened": true, "reason": "performance recorded", "digest": digest(0xd1),
        }}),
    )?;
    r.record(
        "ticket-nft",
        "rule_on_event",
        "by the platform owner: the show happened, settlement may go ahead",
        &tx,
    );
    p.advance(DAY);
    let tx = p.exec(
        &fans[1],
        &p.tickets,
        json!({ "settle": { "event_id": show_id } }),
    )?;
    r.record(
        "ticket-nft",
        "settle",
        "one CTC Disburse: the fee to the treasury, the burn share burned or recycled, the payout to the issuer",
        &tx,
    );
    Ok(())
}

/// The first token id a voucher purchase or claim minted (attribute `token_ids`).
fn first_token(tx: &crate::chain::TxOutcome) -> anyhow::Result<String> {
    tx.attribute("token_ids")
        .and_then(|ids| ids.split(',').next())
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no token_ids attribute"))
}

/// 券: the café's classes bought, claimed, given, split, resold, redeemed at its counter with
/// the holder's signed code, cleared at expiry both ways and withdrawn; the supervisor's orders;
/// the theater's ticket coupon and members' pass used in ticket purchases. After the show, so
/// the rows before cost what they did without vouchers; the two purchases with a voucher are
/// shown beside the plain `buy` they compare with.
fn vouchers(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let now = p.now();
    let create = |issuer: &str, class: serde_json::Value| -> anyhow::Result<(u64, _)> {
        let tx = p.exec(
            issuer,
            &p.vouchers,
            json!({ "create_class": { "class": class } }),
        )?;
        Ok((id(&tx, "class_id")?, tx))
    };
    // A cake voucher: one per unit, 10 CTC, paid to the café if left unused.
    let mut cake = voucher_class(now, json!("goods"), 10 * CTC);
    cake["name"] = json!("Cake");
    cake["product"] = json!("A slice of the day's cake");
    cake["on_expiry"] = json!("pay_merchant");
    let (cake, tx) = create(&p.cafe, cake)?;
    r.record(
        "vouchers",
        "create_class",
        "a priced goods class, one voucher a unit, its cap of 1,000 drawn from the café's quota (registry consume_quota)",
        &tx,
    );
    // A coffee card: units in one voucher at 5 CTC each, resold at most 6 CTC a unit.
    let mut coffee = voucher_class(now, json!("goods"), 5 * CTC);
    coffee["name"] = json!("Coffee card");
    coffee["fungible"] = json!(true);
    coffee["transfer"] =
        json!({ "resale": { "max_moves": 3, "max_unit_price": (6 * CTC).to_string() } });
    let (coffee, _) = create(&p.cafe, coffee)?;
    // A free coupon: 10% off at the counter.
    let pastry = voucher_class(
        now,
        json!({ "coupon": { "off": { "percent": 1_000 }, "on": "goods" } }),
        0,
    );
    let (pastry, _) = create(&p.cafe, pastry)?;

    let tx = p.send(&fans[0], &p.vouchers, 10 * CTC, buy_vouchers(cake, 1))?;
    r.record(
        "vouchers",
        "buy",
        "one voucher of a priced class: CTC Send → hook (issuer and holder read from vouchers' mirror) → mint, price in escrow",
        &tx,
    );
    let cake_of_fan0 = first_token(&tx)?;
    let tx = p.send(&fans[1], &p.vouchers, 30 * CTC, buy_vouchers(cake, 3))?;
    r.record(
        "vouchers",
        "buy (3 units)",
        "three units of the same class in one Send: three vouchers",
        &tx,
    );
    let cakes_of_fan1 = tx
        .attribute("token_ids")
        .map(|ids| ids.split(',').map(str::to_owned).collect::<Vec<_>>())
        .unwrap_or_default();
    anyhow::ensure!(cakes_of_fan1.len() == 3, "three cake vouchers");
    let tx = p.send(&fans[0], &p.vouchers, 25 * CTC, buy_vouchers(coffee, 5))?;
    r.record(
        "vouchers",
        "buy (5 units, fungible)",
        "five units of a fungible class in one Send: one voucher holding 5",
        &tx,
    );
    let card = first_token(&tx)?;
    let tx = p.exec(
        &fans[2],
        &p.vouchers,
        json!({ "claim": { "class_id": pastry, "quantity": 1 } }),
    )?;
    r.record("vouchers", "claim", "one voucher of a free class", &tx);
    let tx = p.exec(
        &fans[1],
        &p.vouchers,
        json!({ "transfer_nft": { "recipient": fans[2], "token_id": cakes_of_fan1[0] } }),
    )?;
    r.record(
        "vouchers",
        "transfer_nft",
        "a gift of a whole voucher (cw721 transfer_nft) under the class's rule, the receiver's identity read from the mirror",
        &tx,
    );
    let tx = p.exec(
        &fans[0],
        &p.vouchers,
        json!({ "transfer_units": { "token_id": card, "recipient": fans[1], "units": 2 } }),
    )?;
    r.record(
        "vouchers",
        "transfer_units",
        "2 of a fungible voucher's 5 units given as a new voucher of the receiver's",
        &tx,
    );
    let split = tx
        .attribute("new_token_id")
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no new_token_id attribute"))?;
    let list = json!({ "list": { "token_id": split, "price": (11 * CTC).to_string() } });
    let tx = p.exec(&fans[1], &p.vouchers, list.clone())?;
    r.record(
        "vouchers",
        "list",
        "2 units offered whole for 11 CTC, under the class's cap of 6 CTC a unit",
        &tx,
    );
    let tx = p.exec(
        &fans[1],
        &p.vouchers,
        json!({ "unlist": { "token_id": split } }),
    )?;
    r.record("vouchers", "unlist", "", &tx);
    p.exec(&fans[1], &p.vouchers, list)?;
    let tx = p.send(
        &fans[3],
        &p.vouchers,
        11 * CTC,
        json!({ "buy_listed": { "token_id": split } }),
    )?;
    r.record(
        "vouchers",
        "buy_listed",
        "CTC Send → hook, the seller paid at once (one Disburse), the class price stays in escrow",
        &tx,
    );
    let redeem = |seed: u8, token_id: &str, units: u64, held: u64| -> anyhow::Result<_> {
        let proof = redeem_code(p, seed, token_id, units, held)?;
        p.exec(
            &p.counter,
            &p.vouchers,
            json!({ "redeem": { "token_id": token_id, "units": units, "proof": proof } }),
        )
    };
    // fans[0] holds test key 1.
    let tx = redeem(1, &cake_of_fan0, 1, 1)?;
    r.record(
        "vouchers",
        "redeem",
        "a one-unit voucher by the café's counter with the holder's signed code: its price to the café's earnings",
        &tx,
    );
    let tx = redeem(1, &card, 1, 3)?;
    r.record(
        "vouchers",
        "redeem (1 of 3 units)",
        "a partial redemption of a fungible voucher, as above; 2 units stay on it",
        &tx,
    );
    let tx = p.exec(
        &p.cafe,
        &p.vouchers,
        json!({ "set_scanner": { "address": account("cafe_till"), "allowed": true } }),
    )?;
    r.record(
        "vouchers",
        "set_scanner",
        "a merchant names a second counter scanner",
        &tx,
    );
    let tx = p.exec(
        &p.cafe,
        &p.vouchers,
        json!({ "set_sale_paused": { "class_id": pastry, "paused": true } }),
    )?;
    r.record("vouchers", "set_sale_paused", "by the issuer", &tx);
    let (_, charges) = p
        .chain
        .query(&p.vouchers, &json!({ "class": { "class_id": cake } }))?;
    r.record_charges(
        "vouchers",
        "class (query)",
        "terms, texts, supply and escrow",
        &charges,
    );
    let (_, charges) = p
        .chain
        .query(&p.vouchers, &json!({ "nft_info": { "token_id": card } }))?;
    r.record_charges("vouchers", "nft_info (query)", "", &charges);
    let (_, charges) = p.chain.query(
        &p.vouchers,
        &json!({ "tokens": { "owner": fans[0], "start_after": null, "limit": null } }),
    )?;
    r.record_charges(
        "vouchers",
        "tokens (query)",
        "a holder's 2 vouchers",
        &charges,
    );

    tickets_with_vouchers(p, r, fans)?;

    // After the validity: the coffee card's 2 units refunded, an unused cake paid to the café.
    p.advance(31 * DAY);
    let clear = |token_id: &str| json!({ "clear": { "token_id": token_id } });
    let tx = p.exec(&fans[3], &p.vouchers, clear(&card))?;
    r.record(
        "vouchers",
        "clear (refunded to the holder)",
        "anyone, after the validity: an expired voucher's 2 units' price back to its holder (one Disburse)",
        &tx,
    );
    let tx = p.exec(&fans[3], &p.vouchers, clear(&cakes_of_fan1[1]))?;
    r.record(
        "vouchers",
        "clear (paid to the merchant)",
        "the same for a class paid to its merchant at expiry: the price to the café's earnings, no message",
        &tx,
    );
    let tx = p.exec(
        &fans[3],
        &p.vouchers,
        json!({ "withdraw": { "merchant": p.cafe } }),
    )?;
    r.record(
        "vouchers",
        "withdraw",
        "anyone: the café's earnings in one Disburse, the payout, the fee to the treasury and the burn share",
        &tx,
    );
    let tx = p.exec(
        &p.owner,
        &p.vouchers,
        json!({ "lower_cap": {
            "class_id": pastry, "cap": 500, "reason": "inquiry", "digest": digest(0xe1),
        }}),
    )?;
    r.record(
        "vouchers",
        "lower_cap",
        "by the platform owner, with a supervision record (a regulator adds one registry query)",
        &tx,
    );
    let tx = p.exec(
        &p.owner,
        &p.vouchers,
        json!({ "freeze_class": {
            "class_id": pastry, "frozen": true, "reason": "inquiry", "digest": digest(0xe2),
        }}),
    )?;
    r.record(
        "vouchers",
        "freeze_class",
        "by the platform owner, with a supervision record",
        &tx,
    );
    Ok(())
}

/// The theater issues vouchers too (its capabilities and quota changed, unmeasured): a free
/// ticket coupon of 20% and a 50 CTC pass with a 10% member price, which fans[3] holds; then
/// an event like the show whose second tier is for the pass's members at the first's price.
/// Each purchase is one ticket at 100 CTC face, beside the plain `buy`.
fn tickets_with_vouchers(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    p.exec(
        &p.owner,
        &p.registry,
        json!({ "update_partner": {
            "address": p.theater, "name": null, "kind": null,
            "capabilities": ["issue_tickets", "issue_vouchers"],
            "agreement_digest": null, "metadata_uri": null,
        }}),
    )?;
    p.exec(
        &p.owner,
        &p.registry,
        json!({ "set_quota": {
            "address": p.theater, "capability": "issue_vouchers",
            "limit": { "units_per_window": 10_000, "window_seconds": DAY },
            "reason": "vouchers for its shows", "digest": digest(0xe3),
        }}),
    )?;
    let now = p.now();
    let create = |class: serde_json::Value| -> anyhow::Result<u64> {
        id(
            &p.exec(
                &p.theater,
                &p.vouchers,
                json!({ "create_class": { "class": class } }),
            )?,
            "class_id",
        )
    };
    let mut coupon = voucher_class(
        now,
        json!({ "coupon": { "off": { "percent": 2_000 }, "on": { "tickets": { "events": [] } } } }),
        0,
    );
    coupon["name"] = json!("Show coupon");
    coupon["product"] = json!("20% off a ticket");
    let coupon = create(coupon)?;
    let mut pass = voucher_class(
        now,
        json!({ "pass": { "member_off": { "percent": 1_000 }, "tickets_per_event": 2 } }),
        50 * CTC,
    );
    pass["name"] = json!("Friends of the Grand");
    pass["product"] = json!("Member prices and the members' rows");
    pass["on_expiry"] = json!("pay_merchant");
    let pass = create(pass)?;
    let coupon_token = first_token(&p.exec(
        &fans[3],
        &p.vouchers,
        json!({ "claim": { "class_id": coupon, "quantity": 1 } }),
    )?)?;
    let pass_token =
        first_token(&p.send(&fans[3], &p.vouchers, 50 * CTC, buy_vouchers(pass, 1))?)?;

    let mut event = show(now, 30 * DAY, 50, Some(4));
    event["tiers"][1] = json!({
        "name": "Members", "price": (100 * CTC).to_string(), "supply": 50, "seats": [],
        "per_wallet_limit": 4, "members_of": pass,
    });
    let event_id = id(
        &p.exec(
            &p.theater,
            &p.tickets,
            json!({ "create_event": { "event": event } }),
        )?,
        "event_id",
    )?;
    let tx = p.send(
        &fans[3],
        &p.tickets,
        80 * CTC,
        buy_with_voucher(event_id, 0, 1, &coupon_token),
    )?;
    r.record(
        "ticket-nft",
        "buy (with a coupon)",
        "the same purchase at 20% off with the issuer's ticket coupon: the ticket minted holding what was paid, vouchers use_for_tickets spends the coupon's unit",
        &tx,
    );
    let tx = p.send(
        &fans[3],
        &p.tickets,
        90 * CTC,
        buy_with_voucher(event_id, 1, 1, &pass_token),
    )?;
    r.record(
        "ticket-nft",
        "buy (members tier, with a pass)",
        "one ticket of a members-only tier at the issuer's 10% member price, naming the pass: vouchers use_for_tickets checks it and counts its use for the event",
        &tx,
    );
    r.place_after(
        "ticket-nft/buy (with a coupon)",
        "ticket-nft/buy (2 tickets)",
    )?;
    r.place_after(
        "ticket-nft/buy (members tier, with a pass)",
        "ticket-nft/buy (with a coupon)",
    )?;
    Ok(())
}

/// What `provider` commits to and reveals for draw (`requester`, `key`): derived from a label, so
/// the season plays the same every run (a real provider takes it from its system's randomness).
fn draw_secret(provider: &str, requester: &str, key: u64) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(format!(
        "gas-report draw secret {provider} {requester} {key}"
    ))
    .into()
}

fn commit_msg(provider: &str, requester: &str, key: u64) -> serde_json::Value {
    let commitment = randomness::commitment(
        requester,
        key,
        provider,
        &draw_secret(provider, requester, key),
    );
    json!({ "commit": {
        "requester": requester, "key": key, "commitment": HexBinary::from(commitment).to_hex(),
    }})
}

fn reveal_msg(provider: &str, requester: &str, key: u64) -> serde_json::Value {
    let secret = draw_secret(provider, requester, key);
    json!({ "reveal": {
        "requester": requester, "key": key, "secret": HexBinary::from(secret).to_hex(),
    }})
}

/// The seed draw (`requester`, `key`) ends with once `revealing` revealed.
fn draw_seed(requester: &str, key: u64, revealing: &[String]) -> [u8; 32] {
    let mut mix = [0u8; 32];
    for provider in revealing {
        randomness::mix_in(&mut mix, &draw_secret(provider, requester, key));
    }
    randomness::seed(requester, key, &mix)
}

/// Draw (`requester`, `key`) as the randomness contract answers it (not measured).
fn draw_state(p: &Platform, requester: &str, key: u64) -> anyhow::Result<serde_json::Value> {
    Ok(p.chain
        .query(
            &p.randomness,
            &json!({ "draw": { "requester": requester, "key": key } }),
        )?
        .0)
}

/// Seconds since the epoch of a JSON `Timestamp` field of `value`.
fn seconds_of(value: &serde_json::Value, field: &str) -> anyhow::Result<u64> {
    let nanos: u64 = value[field]
        .as_str()
        .with_context(|| format!("no {field}"))?
        .parse()?;
    Ok(nanos / 1_000_000_000)
}

/// Moves the clock to `at` (plus a block) when it is not there yet.
fn advance_to(p: &Platform, at: u64) {
    let now = p.now();
    if now < at + 5 {
        p.advance(at + 5 - now);
    }
}

/// Each of `providers` commits to draw (`requester`, `key`) (not measured).
fn commit_all(p: &Platform, providers: &[String], requester: &str, key: u64) -> anyhow::Result<()> {
    for provider in providers {
        p.exec(
            provider,
            &p.randomness,
            commit_msg(provider, requester, key),
        )?;
    }
    Ok(())
}

/// Once commitments close, each of `revealing` reveals (not measured); the draw must then be
/// ready (every committer revealed) or become so when its reveal window closes.
fn reveal_all(p: &Platform, revealing: &[String], requester: &str, key: u64) -> anyhow::Result<()> {
    let draw = draw_state(p, requester, key)?;
    advance_to(p, seconds_of(&draw, "commits_close_at")?);
    for provider in revealing {
        p.exec(
            provider,
            &p.randomness,
            reveal_msg(provider, requester, key),
        )?;
    }
    let draw = draw_state(p, requester, key)?;
    if draw["status"] != "ready" {
        advance_to(p, seconds_of(&draw, "reveals_close_at")?);
    }
    let draw = draw_state(p, requester, key)?;
    anyhow::ensure!(
        draw["seed"] == json!(HexBinary::from(draw_seed(requester, key, revealing)).to_hex()),
        "draw {key} of {requester} is ready with the seed recomputed from its reveals: {draw}"
    );
    Ok(())
}

/// Issue 23, after the season's end so that no earlier row moves: the three reporters join the
/// draws' providers (100 CTC bonds paid from the service-providers fund); a draw requested by an
/// account, committed to, revealed and read; wager-pool's fan scenario pool (rejected as
/// abusive), a drawn pool with real-name bets whose third provider withholds its reveal and
/// forfeits, paid out by the crank in pages of 4 and 8 winners; crowdfund's lucky draws (1 and 3
/// winners of 4 numbered backers); ticket-nft's random seats, drawn and read; a provider leaves.
fn draws(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let bond: u128 = ctc_testkit::platform::parameters("randomness")["provider_bond"]
        .as_str()
        .context("provider_bond")?
        .parse()?;
    let reporters = &p.reporters;
    for reporter in reporters {
        p.fund(reporter, bond)?;
    }
    let join = json!({ "join": {} });
    let tx = p.send(&reporters[0], &p.randomness, bond, join.clone())?;
    r.record(
        "randomness",
        "join",
        "an admitted reporter bonds 100 CTC: CTC Send → join hook (registry partner_status query)",
        &tx,
    );
    for reporter in &reporters[1..] {
        p.send(reporter, &p.randomness, bond, join.clone())?;
    }

    // A draw asked for by an account, committed to by two providers (min_commits) and revealed.
    let requester = &fans[0];
    let key = 1;
    let tx = p.exec(
        requester,
        &p.randomness,
        json!({ "request_draw": { "key": key, "commits_close_at": null } }),
    )?;
    r.record(
        "randomness",
        "request_draw",
        "by an account, commitments closing after the commit window (10 minutes)",
        &tx,
    );
    let pair = &reporters[..2];
    let tx = p.exec(
        &pair[0],
        &p.randomness,
        commit_msg(&pair[0], requester, key),
    )?;
    r.record(
        "randomness",
        "commit",
        "a draw's first commitment, by a bonded provider",
        &tx,
    );
    let tx = p.exec(
        &pair[1],
        &p.randomness,
        commit_msg(&pair[1], requester, key),
    )?;
    r.record(
        "randomness",
        "commit (reaching min_commits)",
        "the second commitment, which sets the reveal window",
        &tx,
    );
    let draw = draw_state(p, requester, key)?;
    advance_to(p, seconds_of(&draw, "commits_close_at")?);
    let tx = p.exec(
        &pair[0],
        &p.randomness,
        reveal_msg(&pair[0], requester, key),
    )?;
    r.record(
        "randomness",
        "reveal",
        "the first reveal once commitments closed: the secret checked against the commitment and mixed in",
        &tx,
    );
    let tx = p.exec(
        &pair[1],
        &p.randomness,
        reveal_msg(&pair[1], requester, key),
    )?;
    r.record(
        "randomness",
        "reveal (last)",
        "the last committer's reveal: the draw is ready",
        &tx,
    );
    let (draw, charges) = p.chain.query(
        &p.randomness,
        &json!({ "draw": { "requester": requester, "key": key } }),
    )?;
    anyhow::ensure!(
        draw["status"] == "ready",
        "the direct draw is ready: {draw}"
    );
    r.record_charges(
        "randomness",
        "draw (query)",
        "a ready draw: its counts, windows and seed (computed)",
        &charges,
    );

    drawn_pools(p, r, fans)?;
    lucky_draws(p, r, fans)?;
    random_seats(p, r, fans)?;

    // Every commitment of reporter 1 is revealed: its bond comes back.
    let tx = p.exec(&reporters[1], &p.randomness, json!({ "leave": {} }))?;
    r.record(
        "randomness",
        "leave",
        "a provider with no pending commitment: its bond back in one cw20 transfer",
        &tx,
    );
    Ok(())
}

/// wager-pool with draws: a fan's scenario pool (phone identity at least, 20 CTC bond, a new
/// oracle question) that the operator rejects as abusive; the operator's drawn pool for
/// real-name bettors, its draw committed to by the three reporters and revealed by two, resolved
/// from the seed; the third's bond forfeited; the crank paying pages of 4 and 8 winners.
fn drawn_pools(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let scenario_bond: u128 = ctc_testkit::platform::parameters("wager-pool")["scenario_bond"]
        .as_str()
        .context("scenario_bond")?
        .parse()?;
    let now = p.now();
    let tx = p.send(
        &fans[0],
        &p.wager,
        scenario_bond,
        json!({ "open_scenario_pool": { "pool": {
            "title": "Will the encore be a duet?", "outcomes": ["yes", "no"],
            "question": { "new": {
                "resolve_after": ts(now + DAY), "deadline": ts(now + 20 * DAY),
                "reporters": null, "quorum": 2, "dispute_window_seconds": DAY,
            }},
            "closes_at": ts(now + DAY), "fee": null, "min_bet": null, "max_bet": null,
            "cap_per_address": null,
        }}}),
    )?;
    r.record(
        "wager-pool",
        "open_scenario_pool",
        "a fan's pool: CTC Send of the 20 CTC scenario bond → hook (registry identity_level query), a new oracle question by sub-message",
        &tx,
    );
    let scenario = id(&tx, "pool_id")?;
    let tx = p.exec(
        &p.owner,
        &p.wager,
        json!({ "reject_abusive": { "pool_id": scenario } }),
    )?;
    r.record(
        "wager-pool",
        "reject_abusive",
        "by the operator: the pool refunds and the fan's bond goes to the treasury (one cw20 transfer)",
        &tx,
    );

    let closes_at = now + DAY;
    let tx = p.exec(
        &p.owner,
        &p.wager,
        json!({ "create_pool": { "pool": {
            "title": "The encore: an odd or an even number of songs?", "outcomes": ["odd", "even"],
            "question": { "drawn": {} },
            "closes_at": ts(closes_at), "fee": null, "min_bet": null, "max_bet": null,
            "cap_per_address": null, "min_identity": "real_name",
        }}}),
    )?;
    r.record(
        "wager-pool",
        "create_pool (drawn)",
        "by the operator: a drawn pool for real-name bettors, randomness request_draw closing with betting",
        &tx,
    );
    let pool_id = id(&tx, "pool_id")?;
    let reporters = &p.reporters;
    commit_all(p, reporters, &p.wager, pool_id)?;
    // Two reveal, the third withholds: the winner is known from the two secrets.
    let revealing = &reporters[..2];
    let seed = draw_seed(&p.wager, pool_id, revealing);
    let winner = randomness::pick(&seed, 0, 2);
    // Twelve winners and one loser, whose address sorts after theirs so that the crank's pages
    // (address order) hold winners only.
    let mut bettors: Vec<String> = (0..13).map(|i| account(&format!("bettor{i}"))).collect();
    bettors.sort();
    for bettor in &bettors {
        p.fund(bettor, 100 * CTC)?;
        p.attest(bettor)?;
    }
    let bet = |outcome: u32| json!({ "bet": { "pool_id": pool_id, "outcome": outcome } });
    let (loser, winners) = bettors.split_last().context("bettors")?;
    let tx = p.send(&winners[0], &p.wager, 10 * CTC, bet(winner))?;
    r.record(
        "wager-pool",
        "bet (min_identity)",
        "a first bet into a real-name pool: CTC Send → bet hook, one registry identity_level query",
        &tx,
    );
    for bettor in &winners[1..] {
        p.send(bettor, &p.wager, 10 * CTC, bet(winner))?;
    }
    p.send(loser, &p.wager, 10 * CTC, bet(1 - winner))?;
    reveal_all(p, revealing, &p.wager, pool_id)?;
    let tx = p.exec(
        &fans[1],
        &p.wager,
        json!({ "resolve": { "pool_id": pool_id } }),
    )?;
    r.record(
        "wager-pool",
        "resolve (drawn)",
        "the winner picked from the draw's seed (randomness draw query), the fee to treasury and nodes",
        &tx,
    );
    anyhow::ensure!(
        tx.attribute("winner") == Some(winner.to_string().as_str()),
        "the drawn pool resolved to pick(seed, 0, 2)"
    );
    let tx = p.exec(
        &fans[1],
        &p.randomness,
        json!({ "forfeit": {
            "requester": p.wager, "key": pool_id, "provider": reporters[2],
        }}),
    )?;
    r.record(
        "randomness",
        "forfeit",
        "by anyone after the reveal window: a withheld reveal costs the provider its 100 CTC bond, sent to the treasury (one cw20 transfer)",
        &tx,
    );
    let pay_out = |limit: u32| json!({ "pay_out": { "pool_id": pool_id, "limit": limit } });
    let tx = p.exec(&fans[2], &p.wager, pay_out(4))?;
    anyhow::ensure!(
        tx.attribute("paid") == Some("4"),
        "a page of 4 winners paid"
    );
    r.record(
        "wager-pool",
        "pay_out (4 winners)",
        "the crank, by anyone: a page of 4 winning positions, paid in one CTC Disburse",
        &tx,
    );
    let tx = p.exec(&fans[2], &p.wager, pay_out(8))?;
    anyhow::ensure!(
        tx.attribute("paid") == Some("8"),
        "a page of 8 winners paid"
    );
    r.record(
        "wager-pool",
        "pay_out (8 winners)",
        "the next page, 8 winning positions: two CTC Disburse calls of 4 payments",
        &tx,
    );
    r.place_after("wager-pool/create_pool (drawn)", "wager-pool/create_pool")?;
    r.place_after("wager-pool/bet (min_identity)", "wager-pool/bet")?;
    r.place_after("wager-pool/resolve (drawn)", "wager-pool/resolve")?;
    Ok(())
}

/// crowdfund's lucky draws: the troupe launches two campaigns, drawing 1 and 3 winners, the
/// second's deadline a day after the first's; four fans back each (each first pledge numbers
/// its backer); once a deadline passed and its draw is ready, anyone draws the lucky backers.
/// The providers commit to the second draw once the first is revealed, so that none has two
/// commitments pending at once (each pending commitment may lock a stake of its own).
fn lucky_draws(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let now = p.now();
    let launch = |winners: u32, deadline: u64| {
        json!({ "launch": { "campaign": {
            "title": "An encore tour", "description_uri": null,
            "goal": (30 * CTC).to_string(), "hard_cap": null,
            "starts_at": ts(now), "deadline": ts(deadline),
            "min_pledge": (10 * CTC).to_string(), "reward_tiers": [],
            "lucky_draw": { "winners": winners, "prize": "a backstage visit on the tour's first night" },
        }}})
    };
    let (first_deadline, second_deadline) = (now + 7 * DAY, now + 8 * DAY);
    let tx = p.exec(&p.troupe, &p.crowdfund, launch(1, first_deadline))?;
    r.record(
        "crowdfund",
        "launch (lucky draw)",
        "no reward tier, a lucky draw of one backer: registry consume_quota, randomness request_draw closing at the deadline",
        &tx,
    );
    let single = id(&tx, "campaign_id")?;
    let triple = id(
        &p.exec(&p.troupe, &p.crowdfund, launch(3, second_deadline))?,
        "campaign_id",
    )?;
    let providers = &p.reporters[..2];
    commit_all(p, providers, &p.crowdfund, single)?;
    let contribute = |campaign_id: u64| json!({ "contribute": { "campaign_id": campaign_id } });
    let tx = p.send(&fans[0], &p.crowdfund, 10 * CTC, contribute(single))?;
    r.record(
        "crowdfund",
        "pledge (numbered for the lucky draw)",
        "a first pledge to a campaign with a lucky draw: CTC Send → contribute hook, the backer numbered",
        &tx,
    );
    for fan in &fans[1..] {
        p.send(fan, &p.crowdfund, 10 * CTC, contribute(single))?;
    }
    for fan in fans {
        p.send(fan, &p.crowdfund, 10 * CTC, contribute(triple))?;
    }
    for (campaign, deadline) in [(single, first_deadline), (triple, second_deadline)] {
        if campaign == triple {
            commit_all(p, providers, &p.crowdfund, triple)?;
        }
        advance_to(p, deadline);
        p.exec(
            &fans[3],
            &p.crowdfund,
            json!({ "finalize": { "campaign_id": campaign } }),
        )?;
        reveal_all(p, providers, &p.crowdfund, campaign)?;
    }
    for (campaign, winners, operation) in [
        (single, 1, "draw_lucky_backers (1 of 4)"),
        (triple, 3, "draw_lucky_backers (3 of 4)"),
    ] {
        let tx = p.exec(
            &fans[3],
            &p.crowdfund,
            json!({ "draw_lucky_backers": { "campaign_id": campaign } }),
        )?;
        let drawn = tx
            .attribute("numbers")
            .unwrap_or_default()
            .split(',')
            .count();
        anyhow::ensure!(drawn == winners, "{operation}: {drawn} drawn");
        r.record(
            "crowdfund",
            operation,
            &format!(
                "anyone, after the deadline of a successful campaign: randomness draw query, {winners} of 4 numbered backers picked and stored"
            ),
            &tx,
        );
    }
    r.place_after("crowdfund/launch (lucky draw)", "crowdfund/launch")?;
    r.place_after(
        "crowdfund/pledge (numbered for the lucky draw)",
        "crowdfund/pledge",
    )?;
    Ok(())
}

/// ticket-nft's random seats: a show whose 50-seat tier is dealt by a draw; two tickets sold,
/// then the issuer draws the seats (sales of the tier closed, randomness request_draw); the
/// reporters commit and reveal; a ticket's `nft_info` shows its seat from the seed.
fn random_seats(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let now = p.now();
    let mut event = show(now, 30 * DAY, 50, Some(4));
    let seats: Vec<String> = (1..=50).map(|n| format!("C{n}")).collect();
    event["tiers"] = json!([{
        "name": "Circle", "price": (100 * CTC).to_string(), "supply": 50, "seats": seats,
        "per_wallet_limit": 4, "random_seats": true,
    }]);
    let event_id = id(
        &p.exec(
            &p.theater,
            &p.tickets,
            json!({ "create_event": { "event": event } }),
        )?,
        "event_id",
    )?;
    p.send(&fans[1], &p.tickets, 200 * CTC, buy(event_id, 0, 2))?;
    let tx = p.exec(
        &p.theater,
        &p.tickets,
        json!({ "draw_seats": { "event_id": event_id, "tier": 0 } }),
    )?;
    r.record(
        "ticket-nft",
        "draw_seats",
        "by the issuer: a random-seat tier's sales closed, randomness request_draw",
        &tx,
    );
    let key = event_id << 8;
    let providers = &p.reporters[..2];
    commit_all(p, providers, &p.tickets, key)?;
    reveal_all(p, providers, &p.tickets, key)?;
    let (info, charges) = p.chain.query(
        &p.tickets,
        &json!({ "nft_info": { "token_id": format!("{event_id}-1") } }),
    )?;
    let seed = draw_seed(&p.tickets, key, providers);
    let expected = format!("C{}", randomness::seat_of(&seed, 1, 50) + 1);
    anyhow::ensure!(
        info["extension"]["seat"] == json!(expected),
        "the ticket's seat is the seed's permutation: {info}"
    );
    r.record_charges(
        "ticket-nft",
        "nft_info (query, drawn seat)",
        "a ticket of a drawn 50-seat tier: randomness draw query, its seat from the seed's permutation",
        &charges,
    );
    Ok(())
}

/// The account's `execute` of one `WasmMsg::Execute` of `msg` on `contract`, as cw1 (and the
/// client's `viaAccount`) writes it.
fn via_account(contract: &str, msg: &serde_json::Value) -> anyhow::Result<serde_json::Value> {
    Ok(json!({ "execute": { "msgs": [{ "wasm": { "execute": {
        "contract_addr": contract, "msg": cosmwasm_std::to_json_binary(msg)?, "funds": [],
    }}}]}}))
}

/// A CTC `send` of `amount` to `contract` carrying `hook`, as a cw20 message.
fn ctc_send(
    contract: &str,
    amount: u128,
    hook: &serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    Ok(json!({ "send": {
        "contract": contract, "amount": amount.to_string(), "msg": cosmwasm_std::to_json_binary(hook)?,
    }}))
}

/// Issue 24, after every other row so that none of them moves: the identity provider creates a
/// fan's account through the factory (a sub-message instantiation and its reply) with itself, a
/// partner, and a friend in the recovery set (weight 1 each, threshold 2, the delay and period
/// the design suggests), then attests the account; the fan's key (the operator) sends CTC and
/// buys a ticket through it, grants a delegate a daily CTC amount for ticket-nft and the door and
/// redeem rights; the delegate buys a ticket and redeems the account's voucher, and a door code
/// of each key admits a ticket at a show; the operator revokes the grant. Then a recovery: the
/// partner proposes a new key, the friend approves, the operator vetoes; after the veto's
/// cooldown a second proposal reaches quorum and anyone completes it after the delay.
fn accounts(p: &Platform, r: &mut Recorder, fans: &[String]) -> anyhow::Result<()> {
    let (operator_seed, delegate_seed) = (5, 6);
    let operator = key_account(operator_seed);
    let delegate = key_account(delegate_seed);
    let new_operator = key_account(7);
    let friend = account("account_friend");
    let family = account("account_family");
    let (delay, period) = (3 * DAY, 30 * DAY);
    let tx = p.exec(
        &p.identity_provider,
        &p.factory,
        json!({ "create_account": {
            "operator": operator,
            "recovery": {
                "members": [
                    { "address": p.identity_provider, "weight": 1, "partner": true },
                    { "address": friend, "weight": 1, "partner": false },
                ],
                "threshold": 2, "delay_seconds": delay, "period_seconds": period,
            },
            "label": null,
        }}),
    )?;
    r.record(
        "account-factory",
        "create_account",
        "by the identity provider: bounds checked, the fan-account instantiated by sub-message (a partner and a friend in its recovery set: one registry has_capability query), the reply reads its address from msg_responses and indexes it by operator",
        &tx,
    );
    let account_address = tx
        .attribute("account")
        .map(str::to_owned)
        .context("no account attribute")?;
    anyhow::ensure!(
        p.chain.code_id(&account_address) == Some(p.code_id("fan-account")?),
        "the factory created a fan-account at {account_address}"
    );
    let acct = account_address.as_str();
    // Real-name, as the holders of vouchers must be; funded from the service-providers fund.
    p.attest(acct)?;
    p.fund(acct, 1_000 * CTC)?;

    let tx = p.exec(
        &operator,
        acct,
        via_account(
            &p.token,
            &json!({ "transfer": { "recipient": fans[1], "amount": (10 * CTC).to_string() } }),
        )?,
    )?;
    r.record(
        "fan-account",
        "execute",
        "by the operator: one CTC transfer of 10 CTC sent as the account (cw1 execute → ctc-token transfer)",
        &tx,
    );

    // A show two days out, its doors open to a scanner; a café's voucher class on sale.
    let now = p.now();
    let starts_at = now + 2 * DAY;
    let event_id = id(
        &p.exec(
            &p.theater,
            &p.tickets,
            json!({ "create_event": { "event": show(now, 2 * DAY, 50, Some(4)) } }),
        )?,
        "event_id",
    )?;
    let door = account("door");
    p.exec(
        &p.theater,
        &p.tickets,
        json!({ "set_scanner": { "event_id": event_id, "address": door, "allowed": true } }),
    )?;
    let mut tea = voucher_class(now, json!("goods"), 10 * CTC);
    tea["name"] = json!("Tea");
    tea["product"] = json!("A pot of tea");
    let tea = id(
        &p.exec(
            &p.cafe,
            &p.vouchers,
            json!({ "create_class": { "class": tea } }),
        )?,
        "class_id",
    )?;

    let tx = p.exec(
        &operator,
        acct,
        via_account(
            &p.token,
            &ctc_send(&p.tickets, 100 * CTC, &buy(event_id, 0, 1))?,
        )?,
    )?;
    r.record(
        "fan-account",
        "execute (buy)",
        "by the operator: one ticket bought as the account, beside ticket-nft/buy (cw1 execute → CTC Send → ticket-nft buy hook → mint to the account)",
        &tx,
    );
    let operator_ticket = first_token(&tx)?;
    let tx = p.exec(
        &operator,
        acct,
        json!({ "grant": {
            "delegate": delegate,
            "rights": {
                "door": true, "redeem": true,
                "spend": { "daily": (150 * CTC).to_string(), "to": [p.tickets] },
            },
            "expires_at": ts(p.now() + 30 * DAY),
        }}),
    )?;
    r.record(
        "fan-account",
        "grant",
        "by the operator: a delegate with door and redeem rights and 150 CTC a day, payable to ticket-nft only",
        &tx,
    );
    let tx = p.exec(
        &delegate,
        acct,
        via_account(
            &p.token,
            &ctc_send(&p.tickets, 100 * CTC, &buy(event_id, 0, 1))?,
        )?,
    )?;
    r.record(
        "fan-account",
        "execute (delegate buy)",
        "by the delegate: the same purchase, its CTC Send parsed and checked against the grant's payees and daily amount, its window opened and saved",
        &tx,
    );
    let delegate_ticket = first_token(&tx)?;
    for token_id in [&operator_ticket, &delegate_ticket] {
        let (owner, _) = p.chain.query(
            &p.tickets,
            &json!({ "owner_of": { "token_id": token_id, "include_expired": null } }),
        )?;
        anyhow::ensure!(
            owner["owner"] == json!(acct),
            "the account holds {token_id}: {owner}"
        );
    }

    // The account buys a voucher (by its operator); the delegate's code redeems it.
    let voucher = first_token(&p.exec(
        &operator,
        acct,
        via_account(
            &p.token,
            &ctc_send(&p.vouchers, 10 * CTC, &buy_vouchers(tea, 1))?,
        )?,
    )?)?;
    let proof = redeem_code(p, delegate_seed, &voucher, 1, 1)?;
    let tx = p.exec(
        &p.counter,
        &p.vouchers,
        json!({ "redeem": { "token_id": voucher, "units": 1, "proof": proof } }),
    )?;
    r.record(
        "vouchers",
        "redeem (account)",
        "an account's one-unit voucher, the code signed by its delegate with the redeem right: vouchers asks the account (fan-account can_present query), beside the wallet's redeem",
        &tx,
    );
    r.place_after(
        "vouchers/redeem (account)",
        "vouchers/redeem (1 of 3 units)",
    )?;

    // At the show's doors: the delegate's code for one ticket, the operator's for the other.
    p.advance(starts_at - HOUR - p.now());
    let check_in = |seed: u8, token_id: &str| -> anyhow::Result<_> {
        let expires_at = Timestamp::from_seconds(p.now() + 120);
        let text = check_in_text(
            &ChainConfig::default().chain_id,
            &wasm_api().addr_validate(&p.tickets)?,
            token_id,
            expires_at,
        );
        let proof = sign(&wasm_api(), &key(seed), &text, expires_at);
        p.exec(
            &door,
            &p.tickets,
            json!({ "check_in": { "token_id": token_id, "proof": proof } }),
        )
    };
    let tx = check_in(delegate_seed, &delegate_ticket)?;
    anyhow::ensure!(
        tx.attribute("presenter") == Some(delegate.as_str()),
        "the delegate presented"
    );
    r.record(
        "ticket-nft",
        "check_in (account, door delegate)",
        "an account's ticket, the code signed by its delegate with the door right: ticket-nft asks the account (fan-account can_present query)",
        &tx,
    );
    let tx = check_in(operator_seed, &operator_ticket)?;
    r.record(
        "ticket-nft",
        "check_in (account, operator)",
        "an account's ticket, the code signed by its operator's key: the same query, answered from the account's config alone",
        &tx,
    );
    r.place_after(
        "ticket-nft/check_in (account, door delegate)",
        "ticket-nft/check_in",
    )?;
    r.place_after(
        "ticket-nft/check_in (account, operator)",
        "ticket-nft/check_in (account, door delegate)",
    )?;
    let (answer, charges) = p.chain.query(
        acct,
        &json!({ "can_present": { "key": delegate, "right": "door" } }),
    )?;
    anyhow::ensure!(
        answer["allowed"] == json!(true),
        "the delegate may present: {answer}"
    );
    r.record_charges(
        "fan-account",
        "can_present (query)",
        "a delegate with the door right (what ticket-nft and vouchers ask for a code signed by another key)",
        &charges,
    );
    let tx = p.exec(
        &operator,
        acct,
        json!({ "revoke": { "delegate": delegate } }),
    )?;
    r.record(
        "fan-account",
        "revoke",
        "by the operator: a grant removed",
        &tx,
    );
    // A family member's door right, which the recovery below removes with the old key.
    p.exec(
        &operator,
        acct,
        json!({ "grant": {
            "delegate": family, "rights": { "door": true, "redeem": false, "spend": null },
            "expires_at": ts(p.now() + 30 * DAY),
        }}),
    )?;

    // The fan's phone is lost: the partner proposes the new key, the friend approves.
    let propose =
        json!({ "propose_recovery": { "new_operator": new_operator, "evidence": digest(0x24) } });
    let tx = p.exec(&p.identity_provider, acct, propose.clone())?;
    r.record(
        "fan-account",
        "propose_recovery",
        "by the partner member: its standing asked of the registry (has_capability query), the evidence digest stored with the proposal",
        &tx,
    );
    let first = id(&tx, "id")?;
    let tx = p.exec(
        &friend,
        acct,
        json!({ "approve_recovery": { "id": first } }),
    )?;
    r.record(
        "fan-account",
        "approve_recovery",
        "by a second member (the friend), reaching the threshold: the delay starts",
        &tx,
    );
    let tx = p.exec(
        &operator,
        acct,
        json!({ "veto_recovery": { "id": first, "reason": "I still have my key" } }),
    )?;
    r.record(
        "fan-account",
        "veto_recovery",
        "by the operator during the delay, with a reason: the proposal recorded vetoed, new ones wait a delay",
        &tx,
    );
    p.advance(delay + 5);
    let second = id(&p.exec(&p.identity_provider, acct, propose)?, "id")?;
    p.exec(
        &friend,
        acct,
        json!({ "approve_recovery": { "id": second } }),
    )?;
    p.advance(delay + 5);
    let tx = p.exec(
        &fans[2],
        acct,
        json!({ "complete_recovery": { "id": second } }),
    )?;
    r.record(
        "fan-account",
        "complete_recovery",
        "by anyone after the delay: the partner approver asked of the registry again, the new key the operator, one grant removed, the proposal recorded, the factory told (operator_changed)",
        &tx,
    );
    let (accounts, _) = p.chain.query(
        &p.factory,
        &json!({ "accounts_of": { "operator": new_operator, "start_after": null, "limit": null } }),
    )?;
    anyhow::ensure!(
        accounts["accounts"][0]["address"] == json!(acct),
        "the factory indexes the account under its new key: {accounts}"
    );
    Ok(())
}

// The operations of docs/gas.md that the season does not make, played on the node after it so
// that every transaction the model prices has a node figure beside it: token allowances and burns,
// supervision, evidence anchoring, a cancelled show and its refunds, a withdrawn pledge and a
// cancelled campaign, a disputed and arbitrated answer, a cancelled pool and its refund, a
// booking left with notice.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { Deployment } from "./deployment";
import type { NodeChain } from "./node-chain";
import { CTC, type Roles } from "./platform-config";
import { attribute, digest, timestamp } from "./values";

const DAY = 86_400;

/** Plays each extra operation once; answers how many transactions it sent. */
export async function playGasExtras(chain: NodeChain, deployment: Deployment, roles: Roles): Promise<number> {
  const address = (name: keyof Deployment["contracts"]) => deployment.contracts[name]!.address;
  const token = address("ctc-token");
  const [fan0, fan1, fan2] = [0, 1, 2].map((i) => chain.address(`fan-${i}`));
  const theater = chain.address("grand-theater");
  const troupe = chain.address("spring-troupe");
  const reporter = chain.address("reporter-0");
  let sent = 0;
  const run = async (
    label: string,
    sender: string,
    contract: string,
    msg: object,
    operation?: string,
  ): Promise<ExecuteResult> => {
    const result = await chain.client.execute(sender, contract, msg, "auto");
    chain.label(result.transactionHash, label, operation);
    sent += 1;
    return result;
  };
  const send = (label: string, sender: string, contract: string, amount: bigint, hook: object, operation?: string) =>
    run(
      label,
      sender,
      token,
      { send: { contract, amount: amount.toString(), msg: toBase64(toUtf8(JSON.stringify(hook))) } },
      operation,
    );

  await run("fan-0: burn 1 CTC", fan0, token, { burn: { amount: CTC.toString() } });
  await run("fan-0: allow fan-1 50 CTC", fan0, token, {
    increase_allowance: { spender: fan1, amount: (50n * CTC).toString(), expires: null },
  });
  await run("fan-1: move 20 CTC of fan-0's to fan-2", fan1, token, {
    transfer_from: { owner: fan0, recipient: fan2, amount: (20n * CTC).toString() },
  });

  const registry = address("partner-registry");
  const watched = chain.address("reporter-2");
  await run("platform: suspend reporter-2", roles.owner, registry, {
    suspend: { address: watched, reason: "licence expired", digest: digest(0x51) },
  });
  await run("platform: reinstate reporter-2", roles.owner, registry, {
    reinstate: { address: watched, reason: "licence renewed", digest: digest(0x52) },
  });
  await run("grand-theater: anchor a contract digest", theater, registry, {
    anchor: { namespace: "contracts", key: "season-2025", digest: digest(0x77), note: null },
  });
  await run(
    "grand-theater: anchor its revision",
    theater,
    registry,
    {
      anchor: { namespace: "contracts", key: "season-2025", digest: digest(0x78), note: "amended" },
    },
    "partner-registry/anchor (revision)",
  );

  const tickets = address("ticket-nft");
  const now = await chain.now();
  const show = await run("grand-theater: create a second show", theater, tickets, {
    create_event: {
      event: {
        title: "Farewell My Concubine",
        venue: "Grand Theater",
        description_uri: "ipfs://farewell",
        starts_at: timestamp(now + 3_600),
        ends_at: timestamp(now + 7_200),
        sale_starts_at: timestamp(now),
        sale_ends_at: timestamp(now + 3_600),
        tiers: [{ name: "Stalls", price: (100n * CTC).toString(), supply: 50, seats: [], per_wallet_limit: null }],
        min_identity: null,
        transfer_policy: { free: { max_transfers: 2 } },
        lock_before_start_seconds: 60,
        resale_cap_bps: 11_000,
        royalty: 500,
        check_in_opens_before_seconds: 60,
      },
    },
  });
  const showId = attribute(show, "event_id");
  await send(
    "fan-1: buy 2 tickets in one Send",
    fan1,
    tickets,
    200n * CTC,
    { buy: { event_id: Number(showId), tier: 0, quantity: 2 } },
    "ticket-nft/buy (2 tickets)",
  );
  await run("grand-theater: cancel the second show", theater, tickets, { cancel_event: { event_id: Number(showId) } });
  for (const serial of [0, 1]) {
    await run(`fan-1: refund of ticket ${showId}-${serial}`, fan1, tickets, {
      claim_refund: { token_id: `${showId}-${serial}` },
    });
  }

  const crowdfund = address("crowdfund");
  const campaign = await run("spring-troupe: launch a third campaign", troupe, crowdfund, {
    launch: {
      campaign: {
        title: "A spring tour",
        goal: (1_000n * CTC).toString(),
        starts_at: timestamp(now),
        deadline: timestamp(now + 3_600),
        min_pledge: (10n * CTC).toString(),
        reward_tiers: [],
      },
    },
  });
  const campaignId = Number(attribute(campaign, "campaign_id"));
  await send("fan-0: pledge 20 CTC", fan0, crowdfund, 20n * CTC, { contribute: { campaign_id: campaignId } });
  await run("fan-0: withdraw the pledge", fan0, crowdfund, { withdraw_pledge: { campaign_id: campaignId } });
  await run("spring-troupe: cancel the campaign", troupe, crowdfund, { cancel: { campaign_id: campaignId } });

  const oracle = address("outcome-oracle");
  const asked = await chain.now();
  const question = await run("platform: ask the oracle a question", roles.owner, oracle, {
    create_question: {
      question: {
        text: "Who wins best actress?",
        outcomes: ["Zhu", "Liang"],
        resolve_after: timestamp(asked),
        deadline: timestamp(asked + 600),
        reporters: null,
        quorum: 1,
        dispute_window_seconds: 60,
      },
    },
  });
  const questionId = Number(attribute(question, "question_id"));
  await run("reporter-0: report Zhu", reporter, oracle, {
    report: { question_id: questionId, verdict: { outcome: 0 } },
  });
  await send("fan-2: dispute with the 100 CTC bond", fan2, oracle, 100n * CTC, {
    dispute: { question_id: questionId },
  });
  await run("arbiter: uphold Zhu (the bond to the treasury)", roles.arbiter, oracle, {
    arbitrate: { question_id: questionId, verdict: { outcome: 0 } },
  });

  const wager = address("wager-pool");
  const opened = await chain.now();
  const pool = await run("platform: open a pool to cancel", roles.owner, wager, {
    create_pool: {
      pool: {
        title: "Encore?",
        outcomes: ["yes", "no"],
        question: {
          new: {
            resolve_after: timestamp(opened + 600),
            deadline: timestamp(opened + 1_200),
            reporters: null,
            quorum: 2,
            dispute_window_seconds: 60,
          },
        },
        closes_at: timestamp(opened + 600),
        fee: null,
        min_bet: null,
        max_bet: null,
        cap_per_address: null,
      },
    },
  });
  const poolId = Number(attribute(pool, "pool_id"));
  await send("fan-2: bet 30 CTC", fan2, wager, 30n * CTC, { bet: { pool_id: poolId, outcome: 1 } });
  await run("platform: cancel the pool", roles.owner, wager, { cancel: { pool_id: poolId } });
  await run("fan-2: take the stake back", fan2, wager, { claim: { pool_id: poolId } }, "wager-pool/claim (refund)");

  // The season's hall (venue 1, hall 1): a second evening booked and left again with notice.
  const schedules = address("schedules");
  const evening = (await chain.now()) + 40 * DAY;
  const slot = await run("grand-theater: publish a second evening", theater, schedules, {
    publish_slot: {
      hall_id: 1,
      starts_at: timestamp(evening),
      ends_at: timestamp(evening + 4 * 3_600),
      terms: { cancel_notice_seconds: DAY },
    },
  });
  const requested = await run("spring-troupe: request it", troupe, schedules, {
    request_booking: { slot_id: Number(attribute(slot, "slot_id")) },
  });
  const bookingId = Number(attribute(requested, "booking_id"));
  await run("grand-theater: accept it", theater, schedules, { accept_booking: { booking_id: bookingId } });
  await run("spring-troupe: leave it with notice", troupe, schedules, { cancel_booking: { booking_id: bookingId } });
  return sent;
}

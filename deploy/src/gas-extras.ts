// The operations of docs/gas.md that the season does not make, played on the node after it so
// that every transaction the model prices has a node figure beside it: token allowances and burns,
// supervision, evidence anchoring, a cancelled show and its refunds, a free ticket coupon claimed
// and spent on a ticket, a withdrawn pledge and a cancelled campaign, a disputed and arbitrated
// answer, a cancelled pool and its refund, a booking left with notice, and vouchers split, resold,
// paused, capped and frozen by a supervisor, and one cleared to its merchant.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { VouchersTypes } from "../../clients/ts/src";
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
  const cafe = chain.address("blue-cafe");
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
  // A coupon rather than a pass: claimed free, spent on one ticket of the show (10 CTC off).
  const vouchers = address("vouchers");
  const coupons = await run("grand-theater: create a free 10 CTC ticket coupon class", theater, vouchers, {
    create_class: {
      class: voucherClass(now, now + 3_600, {
        name: "Ten off",
        product: `10 CTC off a ticket of event ${showId}`,
        kind: { coupon: { off: { fixed: (10n * CTC).toString() }, on: { tickets: { events: [Number(showId)] } } } },
        price: "0",
      }),
    },
  });
  const couponClass = Number(attribute(coupons, "class_id"));
  const claimed = await run("fan-0: claim a coupon", fan0, vouchers, { claim: { class_id: couponClass, quantity: 1 } });
  await send(
    "fan-0: buy a ticket for 90 CTC with the coupon",
    fan0,
    tickets,
    90n * CTC,
    { buy: { event_id: Number(showId), tier: 0, quantity: 1, voucher: attribute(claimed, "token_ids") } },
    "ticket-nft/buy (with a coupon)",
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

  // Vouchers: a fungible class that pays the café what is left at expiry (valid briefly, so the
  // clearing below comes soon), split by transfer_units; a resale class listed and bought, then
  // paused by the café, its cap lowered and the class frozen by the platform owner.
  const started = await chain.now();
  const expires = started + 2 * chain.timeline.voucherValidity;
  const beans = await run("blue-cafe: create a fungible class, paid to it at expiry", cafe, vouchers, {
    create_class: {
      class: voucherClass(started, expires, {
        name: "Beans",
        product: "100 g of coffee beans",
        kind: "goods",
        price: (3n * CTC).toString(),
        fungible: true,
        on_expiry: "pay_merchant",
      }),
    },
  });
  const beansClass = Number(attribute(beans, "class_id"));
  const bag = await send("fan-1: buy 3 units of beans", fan1, vouchers, 9n * CTC, {
    buy: { class_id: beansClass, quantity: 3 },
  });
  const bagId = attribute(bag, "token_ids");
  await run("fan-1: give 1 unit of beans to fan-2", fan1, vouchers, {
    transfer_units: { token_id: bagId, recipient: fan2, units: 1 },
  });
  const cakes = await run("blue-cafe: create a resale class (at most 6 CTC a unit)", cafe, vouchers, {
    create_class: {
      class: voucherClass(started, started + 30 * DAY, {
        name: "Cake",
        product: "A slice of cake",
        kind: "goods",
        price: (5n * CTC).toString(),
        transfer: { resale: { max_moves: 2, max_unit_price: (6n * CTC).toString() } },
      }),
    },
  });
  const cakeClass = Number(attribute(cakes, "class_id"));
  const cake = await send("fan-1: buy a cake voucher", fan1, vouchers, 5n * CTC, {
    buy: { class_id: cakeClass, quantity: 1 },
  });
  const cakeId = attribute(cake, "token_ids");
  await run("fan-1: list the cake voucher at 6 CTC", fan1, vouchers, {
    list: { token_id: cakeId, price: (6n * CTC).toString() },
  });
  await send("fan-2: buy the listed cake voucher", fan2, vouchers, 6n * CTC, { buy_listed: { token_id: cakeId } });
  await run("blue-cafe: pause the cake sale", cafe, vouchers, {
    set_sale_paused: { class_id: cakeClass, paused: true },
  });
  const evidence = { reason: "complaint about the cake offer", digest: digest(0x61) };
  await run("platform: lower the cake cap to 10", roles.owner, vouchers, {
    lower_cap: { class_id: cakeClass, cap: 10, ...evidence },
  });
  await run("platform: freeze the cake class", roles.owner, vouchers, {
    freeze_class: { class_id: cakeClass, frozen: true, ...evidence },
  });
  await chain.advanceTo(expires);
  await run(
    "fan-0: clear fan-1's expired beans (paid to the café)",
    fan0,
    vouchers,
    { clear: { token_id: bagId } },
    "vouchers/clear (paid to the merchant)",
  );
  return sent;
}

/**
 * A voucher class sold and valid from `from` to `until`, 100 of them, for a real name, given away
 * at most twice and refunded at expiry, unless `terms` say otherwise.
 */
function voucherClass(
  from: number,
  until: number,
  terms: Pick<VouchersTypes.ClassInput, "name" | "product" | "kind" | "price"> & Partial<VouchersTypes.ClassInput>,
): VouchersTypes.ClassInput {
  return {
    fungible: false,
    cap: 100,
    per_holder_limit: null,
    sale_starts_at: timestamp(from),
    sale_ends_at: timestamp(until),
    valid_from: timestamp(from),
    valid_until: timestamp(until),
    transfer: { gift: { max_moves: 2 } },
    min_identity: null,
    accepted_attesters: [],
    on_expiry: "refund_holder",
    uri: null,
    ...terms,
  };
}

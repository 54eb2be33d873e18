// What the web app adds after the season so every page has something open: a settled season
// leaves no event on sale, no open campaign and no pool to bet on. Works on any chain whose cast
// can sign; on the embedded chain the clock jumps over the pool's waits.
import { ctcSend } from "../../../clients/ts/src";
import type { TicketNftTypes } from "../../../clients/ts/src";
import { CTC } from "../../../deploy/src/platform-config";
import { attribute, timestamp } from "../../../deploy/src/values";
import { clientsFor, recordTx, type Session } from "./session";

const HOUR = 3_600;
const DAY = 24 * HOUR;

export interface Fixtures {
  /** The Spring Gala: on sale, doors open two hours before its start. */
  galaId: number;
  galaStartsAt: number;
  /**
   * A pool fan-0 won and has not claimed, and one open for bets: the platform opens pools, which
   * only the embedded chain lets the page sign for (a real chain's platform is its committee).
   */
  pools?: { resolved: number; open: number };
  campaignId: number;
}

function actor(session: Session, name: string): string {
  const found = session.actors.find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} in the cast`);
  return found.address;
}

/** The Spring Gala's terms: the form on the organiser's page starts from the same. */
export function galaEvent(now: number, startsIn: number, title = "Spring Gala 春晚"): TicketNftTypes.EventInput {
  const startsAt = now + startsIn;
  const tier = (name: string, price: bigint, supply: number): TicketNftTypes.TierInput => ({
    name,
    price: price.toString(),
    supply,
    seats: [],
    per_wallet_limit: 4,
  });
  return {
    title,
    venue: "Grand Theater, Main Hall",
    description_uri: null,
    starts_at: timestamp(startsAt),
    ends_at: timestamp(startsAt + 3 * HOUR),
    sale_starts_at: timestamp(now),
    sale_ends_at: timestamp(startsAt),
    tiers: [tier("Stalls", 80n * CTC, 40), tier("Balcony", 40n * CTC, 40)],
    min_identity: "real_name",
    transfer_policy: { free: { max_transfers: 2 } },
    lock_before_start_seconds: 2 * HOUR,
    resale_cap_bps: 11_000,
    royalty: 500,
    check_in_opens_before_seconds: 2 * HOUR,
  };
}

export async function addFixtures(session: Session, progress: (line: string) => void): Promise<Fixtures> {
  const as = (name: string) => clientsFor(session, actor(session, name));
  const send: Send = async <T>(who: string, what: string, sending: Promise<T>): Promise<T> => {
    const result = await sending;
    recordTx(session, who, what, result as never);
    progress(`${who}: ${what}`);
    return result;
  };

  const pools = session.kind === "embedded" ? await openPools(session, send) : undefined;
  const now = await session.now();
  const gala = galaEvent(now, 3 * HOUR);
  const created = await send(
    "grand-theater",
    "create the Spring Gala",
    as("grand-theater").tickets.createEvent({ event: gala }),
  );
  const galaId = Number(attribute(created, "event_id"));
  await send(
    "grand-theater",
    "appoint door-scanner",
    as("grand-theater").tickets.setScanner({ eventId: galaId, address: actor(session, "door-scanner"), allowed: true }),
  );

  const launched = await send(
    "spring-troupe",
    "launch a crowdfund",
    as("spring-troupe").crowdfund.launch({
      campaign: {
        title: "Take the Spring Gala on tour",
        goal: (500n * CTC).toString(),
        starts_at: timestamp(now),
        deadline: timestamp(now + 7 * DAY),
        min_pledge: (10n * CTC).toString(),
        reward_tiers: [],
      },
    }),
  );
  const campaignId = Number(attribute(launched, "campaign_id"));
  await send(
    "fan-3",
    "pledge 120 CTC",
    as("fan-3").ctc.send(ctcSend(session.addresses.crowdfund, 120n * CTC, { contribute: { campaign_id: campaignId } })),
  );
  return { galaId, galaStartsAt: now + 3 * HOUR, pools, campaignId };
}

type Send = <T>(who: string, what: string, sending: Promise<T>) => Promise<T>;

/** A pool resolved for fan-0 (first: resolving it moves the clock a day and more), and an open one. */
async function openPools(session: Session, send: Send): Promise<{ resolved: number; open: number }> {
  const as = (name: string) => clientsFor(session, actor(session, name));
  const operator = clientsFor(session, session.operator);
  let now = await session.now();
  const question = {
    new: {
      resolve_after: timestamp(now + DAY),
      deadline: timestamp(now + 20 * DAY),
      quorum: 2,
      dispute_window_seconds: DAY,
    },
  };
  const resolved = await send(
    "platform",
    'create pool "Best new play"',
    operator.wager.createPool({
      pool: {
        title: "Best new play",
        outcomes: ["Spring Gala", "Moon Over Xi'an"],
        question,
        closes_at: timestamp(now + DAY),
      },
    }),
  );
  const resolvedPoolId = Number(attribute(resolved, "pool_id"));
  const wager = session.addresses.wager;
  await send(
    "fan-0",
    "bet 30 CTC on Spring Gala",
    as("fan-0").ctc.send(ctcSend(wager, 30n * CTC, { bet: { pool_id: resolvedPoolId, outcome: 0 } })),
  );
  await send(
    "fan-1",
    "bet 20 CTC on Moon Over Xi'an",
    as("fan-1").ctc.send(ctcSend(wager, 20n * CTC, { bet: { pool_id: resolvedPoolId, outcome: 1 } })),
  );
  const { question_id: questionId } = await operator.wager.pool({ poolId: resolvedPoolId });
  if (session.advanceTo) {
    await session.advanceTo(now + DAY);
    for (const reporter of ["reporter-0", "reporter-1"]) {
      await send(
        reporter,
        "report Spring Gala",
        clientsFor(session, actor(session, reporter)).oracle.report({ questionId, verdict: { outcome: 0 } }),
      );
    }
    await session.advanceTo((await session.now()) + DAY);
    await send("fan-0", "finalize the answer", as("fan-0").oracle.finalize({ questionId }));
    await send("fan-0", "resolve the pool", as("fan-0").wager.resolve({ poolId: resolvedPoolId }));
  }

  now = await session.now();
  const open = await send(
    "platform",
    'create pool "Audience award"',
    operator.wager.createPool({
      pool: {
        title: "Audience award 观众奖",
        outcomes: ["Zhu Yingtai", "Liang Shanbo", "Ma Wencai"],
        question: {
          new: { ...question.new, resolve_after: timestamp(now + 7 * DAY), deadline: timestamp(now + 30 * DAY) },
        },
        closes_at: timestamp(now + 7 * DAY),
      },
    }),
  );
  const openPoolId = Number(attribute(open, "pool_id"));
  await send(
    "fan-2",
    "bet 15 CTC on Liang Shanbo",
    as("fan-2").ctc.send(ctcSend(wager, 15n * CTC, { bet: { pool_id: openPoolId, outcome: 1 } })),
  );

  return { resolved: resolvedPoolId, open: openPoolId };
}

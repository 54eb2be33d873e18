// 竞猜: every pool's stakes per outcome and what one CTC staked on each would pay now.
import type { WagerPoolTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { clientsFor, nameOf, type Session } from "../../chain/session";
import { HBarChart, TableScroll } from "../../components/Charts";
import { ctc, ctcNumber } from "../../lib/amounts";
import { everyMarkedPage, Exact, Num, OpsSection, PAGE, when } from "./shared";

interface PoolWithOdds {
  pool: WagerPoolTypes.PoolResponse;
  /** Per outcome; null where nothing is staked on it. */
  payoutPerUnit: (string | null)[];
}

async function readPools(session: Session): Promise<PoolWithOdds[]> {
  const wager = clientsFor(session, session.operator).wager;
  const pools = await everyMarkedPage(async (startAfter: number | undefined) => {
    const page = await wager.pools({ limit: PAGE, startAfter });
    return { items: page.pools, next: page.next_start_after };
  });
  return Promise.all(
    pools.map(async (pool) => ({
      pool,
      payoutPerUnit: (await wager.odds({ poolId: pool.pool_id })).payout_per_unit,
    })),
  );
}

export function Pools() {
  const { session } = useApp();
  const loaded = useChainQuery(() => readPools(session), []);
  return (
    <OpsSection id="pools" title="Pools and odds" loaded={loaded}>
      {(pools) =>
        pools.length === 0 ? (
          <p>No pool has been created.</p>
        ) : (
          <div className="grid two">
            {pools.map((entry) => (
              <Pool key={entry.pool.pool_id} entry={entry} />
            ))}
          </div>
        )
      }
    </OpsSection>
  );
}

function statusOf(pool: WagerPoolTypes.PoolResponse): { words: string; tone: string } {
  const status = pool.status;
  if (status === "open") return { words: "open", tone: "" };
  if ("resolved" in status) {
    return { words: `resolved: ${pool.outcomes[status.resolved.winner] ?? status.resolved.winner}`, tone: "ok" };
  }
  return { words: `refunding (${status.refunding.reason.replace(/_/g, " ")})`, tone: "bad" };
}

function Pool({ entry: { pool, payoutPerUnit } }: { entry: PoolWithOdds }) {
  const { session } = useApp();
  const status = statusOf(pool);
  const id = `pool-${pool.pool_id}`;
  const winner = typeof pool.status === "object" && "resolved" in pool.status ? pool.status.resolved.winner : -1;
  return (
    <article className="card" aria-labelledby={id} style={{ margin: 0 }}>
      <h3 id={id} style={{ marginTop: 0 }}>
        #{pool.pool_id} {pool.title}
      </h3>
      <p className="muted" style={{ margin: "0 0 0.3rem" }}>
        by {nameOf(session, pool.creator)} · bets close {when(pool.closes_at)}
      </p>
      <p style={{ margin: "0 0 0.3rem" }}>
        <span className={`badge ${status.tone}`}>{status.words}</span> ·{" "}
        <Exact value={pool.total} data-pool-total={pool.pool_id}>
          {ctc(BigInt(pool.total))}
        </Exact>{" "}
        staked
      </p>
      <TableScroll label={`Pool ${pool.pool_id}: stakes and payout per outcome`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" className="num">
                Staked
              </th>
              <th scope="col" className="num">
                Pays per CTC staked
              </th>
            </tr>
          </thead>
          <tbody>
            {pool.outcomes.map((outcome, i) => (
              <tr key={i}>
                <th scope="row">
                  {outcome} {i === winner && <span className="badge ok">won</span>}
                </th>
                <Num>
                  <Exact value={pool.stakes[i] ?? "0"} data-pool-stake={`${pool.pool_id}-${i}`}>
                    {ctc(BigInt(pool.stakes[i] ?? "0"))}
                  </Exact>
                </Num>
                <Num>
                  <Exact value={payoutPerUnit[i] ?? ""} data-pool-odds={`${pool.pool_id}-${i}`}>
                    {payoutPerUnit[i] === null || payoutPerUnit[i] === undefined
                      ? "— (no stake)"
                      : `${Number(payoutPerUnit[i]).toLocaleString("en-US", { maximumFractionDigits: 4 })} CTC`}
                  </Exact>
                </Num>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <HBarChart
        caption="Staked per outcome"
        valueHead="Staked"
        bars={pool.outcomes.map((outcome, i) => ({
          label: outcome,
          value: ctcNumber(pool.stakes[i] ?? "0"),
          shown: ctc(BigInt(pool.stakes[i] ?? "0")),
        }))}
      />
    </article>
  );
}

// Fans: tip a performer, pledge to a crowdfund, bet on a pool and claim what a pool owes.
import { useState } from "react";
import { ctcSend, type CrowdfundTypes, type WagerPoolTypes } from "../../../clients/ts/src";
import { useApp } from "../app/context";
import { useChainQuery, useTx } from "../app/hooks";
import { Field } from "../components/Field";
import { Show } from "../components/Loading";
import { TxStatus } from "../components/TxStatus";
import { everyMarkedPage, PAGE, secondsOf, when } from "../chain/reads";
import { clientsFor, nameOf } from "../chain/session";
import { CTC } from "../../../deploy/src/platform-config";
import { ctc, parseCtc } from "../lib/amounts";

export function More() {
  return (
    <>
      <h1>Tip, pledge and bet</h1>
      <div className="grid two">
        <Tip />
        <Campaigns />
      </div>
      <Pools />
    </>
  );
}

function Tip() {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const performers = session.actors.filter((a) => a.role === "organiser");
  const [recipient, setRecipient] = useState(performers.at(-1)?.address ?? "");
  const [amount, setAmount] = useState("5");
  const [memo, setMemo] = useState("bravo!");
  const micro = parseCtc(amount);
  return (
    <section className="card" aria-labelledby="tip">
      <h2 id="tip">Tip a performer</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (micro === undefined) return;
          void run(`tip ${nameOf(session, recipient)} ${ctc(micro)}`, () =>
            clientsFor(session, actor.address).ctc.send(
              ctcSend(session.addresses.tipping, micro, { tip: { recipient, memo: memo || null, context: null } }),
            ),
          );
        }}
      >
        <div className="field">
          <label htmlFor="tip-to">Performer</label>
          <select id="tip-to" value={recipient} onChange={(e) => setRecipient(e.target.value)}>
            {performers.map((a) => (
              <option key={a.address} value={a.address}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <Field inputMode="decimal" width={9} id="tip-amount" label="Amount (CTC)" value={amount} onChange={setAmount} />
        <div className="field">
          <label htmlFor="tip-memo">Message</label>
          <input id="tip-memo" value={memo} maxLength={140} onChange={(e) => setMemo(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy || micro === undefined}>
          Tip
        </button>
        <TxStatus state={state} />
      </form>
    </section>
  );
}

function Campaigns() {
  const { session } = useApp();
  const loaded = useChainQuery(async () => {
    const crowdfund = clientsFor(session, session.operator).crowdfund;
    const campaigns = await everyMarkedPage(async (startAfter?: number) => {
      const page = await crowdfund.campaigns({ status: "open", limit: PAGE, startAfter });
      return { items: page.campaigns, next: page.next_start_after };
    });
    return { campaigns };
  }, []);
  return (
    <section className="card" aria-labelledby="pledge">
      <h2 id="pledge">Pledge to a crowdfund</h2>
      <Show loaded={loaded}>
        {({ campaigns }) =>
          campaigns.length === 0 ? (
            <p>No campaign is open.</p>
          ) : (
            campaigns.map((c) => <Campaign key={c.campaign_id} campaign={c} />)
          )
        }
      </Show>
    </section>
  );
}

function Campaign({ campaign }: { campaign: CrowdfundTypes.CampaignResponse }) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const [amount, setAmount] = useState("10");
  const micro = parseCtc(amount);
  const raised = BigInt(campaign.raised);
  const goal = BigInt(campaign.goal);
  const share = Number((raised * 1000n) / (goal === 0n ? 1n : goal)) / 10;
  const id = `pledge-${campaign.campaign_id}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (micro === undefined) return;
        void run(`pledge ${ctc(micro)} to "${campaign.title}"`, () =>
          clientsFor(session, actor.address).ctc.send(
            ctcSend(session.addresses.crowdfund, micro, { contribute: { campaign_id: campaign.campaign_id } }),
          ),
        );
      }}
    >
      <h3>{campaign.title}</h3>
      <p>
        {ctc(raised)} of {ctc(goal)} ({share}%) from {campaign.backers} backers, until {when(campaign.deadline)} · by{" "}
        {nameOf(session, campaign.creator)}
      </p>
      <div className="progress" role="img" aria-label={`${share}% of the goal raised`}>
        <span style={{ width: `${Math.min(100, share)}%` }} />
      </div>
      <div className="row">
        <Field
          inputMode="decimal"
          width={9}
          id={id}
          label={`Pledge (at least ${ctc(BigInt(campaign.min_pledge))})`}
          value={amount}
          onChange={setAmount}
        />
        <button type="submit" className="primary" disabled={busy || micro === undefined}>
          Pledge
        </button>
      </div>
      <TxStatus state={state} />
    </form>
  );
}

function Pools() {
  const { session, actor } = useApp();
  const loaded = useChainQuery(async () => {
    const wager = clientsFor(session, actor.address).wager;
    const pools = await everyMarkedPage(async (startAfter?: number) => {
      const page = await wager.pools({ limit: PAGE, startAfter });
      return { items: page.pools, next: page.next_start_after };
    });
    const now = await session.now();
    const shown = pools.filter((p) => p.status === "open" || "resolved" in (p.status as object)).reverse();
    return Promise.all(
      shown.map(async (pool) => ({
        pool,
        now,
        odds: await wager.odds({ poolId: pool.pool_id }),
        position: await wager.position({ poolId: pool.pool_id, address: actor.address }),
      })),
    );
  }, [actor.address]);
  return (
    <section aria-labelledby="pools">
      <h2 id="pools">Pools</h2>
      <Show loaded={loaded}>
        {(pools) => (
          <div className="grid two">
            {pools.map((p) => (
              <Pool key={p.pool.pool_id} {...p} />
            ))}
          </div>
        )}
      </Show>
    </section>
  );
}

function Pool({
  pool,
  odds,
  position,
  now,
}: {
  pool: WagerPoolTypes.PoolResponse;
  odds: WagerPoolTypes.OddsResponse;
  position: WagerPoolTypes.PositionResponse;
  now: number;
}) {
  const { session, actor } = useApp();
  const { state, run, busy } = useTx();
  const [outcome, setOutcome] = useState(0);
  const [amount, setAmount] = useState(
    ctc(BigInt(pool.min_bet) > CTC ? BigInt(pool.min_bet) : CTC).replace(" CTC", ""),
  );
  const micro = parseCtc(amount);
  const open = pool.status === "open" && secondsOf(pool.closes_at) > now;
  const winner = typeof pool.status === "object" && "resolved" in pool.status ? pool.status.resolved.winner : undefined;
  const id = `pool-${pool.pool_id}`;
  const wager = clientsFor(session, actor.address).wager;
  return (
    <article className="card" data-pool={pool.pool_id} aria-labelledby={id}>
      <h3 id={id}>{pool.title}</h3>
      <p className="muted">
        {ctc(BigInt(pool.total))} staked ·{" "}
        {open
          ? `bets close ${when(pool.closes_at)}`
          : winner !== undefined
            ? `won by ${pool.outcomes[winner]}`
            : "closed"}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Staked
            </th>
            <th scope="col" className="num">
              Pays per CTC
            </th>
            <th scope="col" className="num">
              Yours
            </th>
          </tr>
        </thead>
        <tbody>
          {pool.outcomes.map((name, index) => (
            <tr key={name}>
              <td>
                {name}
                {winner === index ? " ✓" : ""}
              </td>
              <td className="num">{ctc(BigInt(pool.stakes[index] ?? "0"))}</td>
              <td className="num">
                {odds.payout_per_unit[index] ? Number(odds.payout_per_unit[index]).toFixed(2) : "—"}
              </td>
              <td className="num">{ctc(BigInt(position.stakes[index] ?? "0"))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (micro === undefined) return;
            void run(`bet ${ctc(micro)} on ${pool.outcomes[outcome]}`, () =>
              clientsFor(session, actor.address).ctc.send(
                ctcSend(session.addresses.wager, micro, { bet: { pool_id: pool.pool_id, outcome } }),
              ),
            );
          }}
        >
          <fieldset>
            <legend>Your bet</legend>
            {pool.outcomes.map((name, index) => (
              <label key={name} className="row" style={{ fontWeight: 400 }}>
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  checked={outcome === index}
                  onChange={() => setOutcome(index)}
                />
                {name}
              </label>
            ))}
            <Field
              inputMode="decimal"
              width={9}
              id={`${id}-amount`}
              label={`Amount (${ctc(BigInt(pool.min_bet))} to ${ctc(BigInt(pool.max_bet))})`}
              value={amount}
              onChange={setAmount}
            />
          </fieldset>
          <button type="submit" className="primary" disabled={busy || micro === undefined}>
            Bet
          </button>
        </form>
      )}
      {BigInt(position.claimable) > 0n && !position.claimed && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(`claim ${ctc(BigInt(position.claimable))}`, () => wager.claim({ poolId: pool.pool_id }))
          }
        >
          Claim {ctc(BigInt(position.claimable))}
        </button>
      )}
      {position.claimed && <p className="badge ok">Claimed</p>}
      <TxStatus state={state} />
    </article>
  );
}

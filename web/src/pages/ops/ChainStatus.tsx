// 运行监控: the chain's height and time, how long a query takes, and what this page has sent.
import type { ReactNode } from "react";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { gas } from "../../../../deploy/src/report";
import { Exact, OpsSection } from "./shared";

export function ChainStatus() {
  const { session } = useApp();
  const loaded = useChainQuery(async () => {
    const asked = performance.now();
    const height = await session.client.getHeight();
    const roundTrip = performance.now() - asked;
    const now = await session.now();
    // A copy: the log grows in place, and what is shown must match the height read with it.
    const sent = [...session.sent];
    return { height, roundTrip, now, sent, gasUsed: sent.reduce((sum, tx) => sum + tx.gasUsed, 0n) };
  }, []);
  return (
    <OpsSection id="chain" title="Chain status" loaded={loaded}>
      {({ height, roundTrip, now, sent, gasUsed }) => (
        <>
          <dl className="grid three" style={{ margin: "0 0 0.6rem" }}>
            <Stat term="Network">
              {session.networkName} · <code>{session.chainId}</code>
            </Stat>
            <Stat term="Block height">
              <Exact value={height} data-figure="height">
                {height.toLocaleString("en-US")}
              </Exact>
            </Stat>
            <Stat term="Chain time">
              <Exact value={now} data-figure="chain-time">
                {new Date(now * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC
              </Exact>
            </Stat>
            <Stat term="Query round trip">{roundTrip < 1 ? "under 1 ms" : `${Math.round(roundTrip)} ms`}</Stat>
            <Stat term="Transactions sent from this page">
              <Exact value={sent.length} data-figure="sent">
                {sent.length}
              </Exact>
            </Stat>
            <Stat term="Gas they used">
              <Exact value={gasUsed.toString()} data-figure="gas">
                {gas(gasUsed)}
              </Exact>
            </Stat>
          </dl>
          {sent.length > 0 && (
            <details>
              <summary>The last {Math.min(sent.length, 10)} transactions</summary>
              <ol reversed style={{ fontSize: "0.9rem" }}>
                {sent
                  .slice(-10)
                  .reverse()
                  .map((tx) => (
                    <li key={tx.hash}>
                      {tx.who}: {tx.what} · block {tx.height} · {gas(tx.gasUsed)} gas
                    </li>
                  ))}
              </ol>
            </details>
          )}
        </>
      )}
    </OpsSection>
  );
}

function Stat({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="card" style={{ margin: 0 }}>
      <dt className="muted" style={{ fontSize: "0.85rem" }}>
        {term}
      </dt>
      <dd style={{ margin: 0, fontSize: "1.1rem", fontWeight: 600 }}>{children}</dd>
    </div>
  );
}

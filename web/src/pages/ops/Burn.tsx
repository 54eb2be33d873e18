// 通证销毁: settlements burn CTC until the supply reaches its floor (30% of issuance). What has
// burned is a few hundred CTC against a billion that may burn, so the figure leads, the share is
// written out, and the bar is drawn on a log scale where a linear one would stay empty.
import type { CtcTokenTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { clientsFor, nameOf } from "../../chain/session";
import { HBarChart, ProgressToTarget, TableScroll } from "../../components/Charts";
import { ctc, ctcNumber } from "../../lib/amounts";
import { Exact, Num, OpsSection, percent } from "./shared";

export function Burn() {
  const { session } = useApp();
  const loaded = useChainQuery(() => clientsFor(session, session.operator).ctc.tokenomics(), []);
  return (
    <OpsSection id="burn" title="Burn toward the floor" loaded={loaded}>
      {(tokenomics) => <BurnFigures tokenomics={tokenomics} />}
    </OpsSection>
  );
}

function BurnFigures({ tokenomics: t }: { tokenomics: CtcTokenTypes.TokenomicsResponse }) {
  const { session } = useApp();
  const burned = BigInt(t.burned);
  const issuance = BigInt(t.issuance);
  const floor = BigInt(t.floor);
  const mayBurn = issuance - floor;
  const burnedShare = percent(burned, mayBurn);
  const rows: Array<[string, string, string]> = [
    ["issuance", "Issuance", t.issuance],
    ["total-supply", "Total supply", t.total_supply],
    ["burned", "Burned", t.burned],
    ["floor", `Supply floor (${percent(floor, issuance)} of issuance)`, t.floor],
    ["burnable", "Still burnable before the floor", t.burnable],
    ["recycled", "Recycled instead of burned", t.recycled],
    ["circulating", "Circulating", t.circulating],
    ["locked", "Locked in the lock-ups", t.locked],
    ["undistributed", "Undistributed in the funds", t.undistributed],
  ];
  return (
    <div className="grid two">
      <div className="card">
        <p style={{ fontSize: "1.7rem", fontWeight: 800, margin: "0 0 0.3rem" }}>
          <Exact value={t.burned} data-figure="burned">
            {ctc(burned)}
          </Exact>{" "}
          burned
        </p>
        <p>
          That is <strong data-share="burned">{burnedShare}</strong> of the {ctc(mayBurn)} that may ever burn: burning
          stops when the supply reaches its floor of {ctc(floor)}, {percent(floor, issuance)} of the {ctc(issuance)}{" "}
          issued.
        </p>
        <ProgressToTarget
          caption="Burned toward the floor"
          value={ctcNumber(burned)}
          target={ctcNumber(mayBurn)}
          shownValue={ctc(burned)}
          shownTarget={ctc(mayBurn)}
          shownShare={burnedShare}
          scale="log"
          logFrom={1}
          tickLabel={(v) => `${v.toLocaleString("en-US", { notation: "compact" })} CTC`}
        />
        <HBarChart
          caption="Where the supply is"
          valueHead="CTC"
          bars={[
            { label: "Circulating", value: ctcNumber(t.circulating), shown: ctc(BigInt(t.circulating)) },
            { label: "Locked", value: ctcNumber(t.locked), shown: ctc(BigInt(t.locked)) },
            { label: "Undistributed", value: ctcNumber(t.undistributed), shown: ctc(BigInt(t.undistributed)) },
          ]}
        />
      </div>
      <div className="card">
        <TableScroll label="Token supply figures">
          <table>
            <caption className="muted" style={{ textAlign: "left" }}>
              From ctc-token&apos;s <code>tokenomics</code>
            </caption>
            <tbody>
              {rows.map(([figure, words, micro]) => (
                <tr key={figure}>
                  <th scope="row">{words}</th>
                  <Num>
                    <Exact value={micro} data-figure={figure === "burned" ? "burned-row" : figure}>
                      {ctc(BigInt(micro))}
                    </Exact>
                  </Num>
                </tr>
              ))}
              <tr>
                <th scope="row">Recycle pool</th>
                <td className="num">{nameOf(session, t.recycle_pool)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </div>
    </div>
  );
}

// Small charts drawn as SVG by hand (no chart library): horizontal bars, grouped bars, and a bar
// toward a target. Geometry is in percentages of the chart's width rather than a viewBox, so the
// text keeps its size on a 390px phone instead of shrinking with the drawing. Each chart is one
// image to assistive technology, named by a sentence that carries its numbers, and repeats them
// as a table under "Show as table": a bar's length is no way to read an exact figure.
import { useId, type ReactNode } from "react";

export interface Bar {
  label: string;
  /** What the bar's length is drawn from. */
  value: number;
  /** The exact figure in words, e.g. "12.5 CTC". */
  shown: string;
}

export interface Series {
  name: string;
  /** "bar" or "bar alt" from styles.css. */
  className: string;
}

export interface Group {
  label: string;
  /** One per series, in the series' order. */
  values: number[];
  shown: string[];
}

const LABEL_LINE = 18;
const BAR_LINE = 17;
const BAR_HEIGHT = 11;
const GAP = 8;
const TRACK_FILL = "#ecebf0";

const share = (value: number, max: number): number => (max > 0 ? Math.max(0, Math.min(1, value / max)) : 0);

/**
 * Room kept at the right of the bars for their figures, right-aligned there: the widest figure at
 * 13px bold, about 8px a character. The bars take the rest, however narrow the screen.
 */
function figureRoom(shown: string[]): number {
  return Math.max(0, ...shown.map((s) => s.length)) * 8 + 10;
}

/** A horizontal scroller for a table too wide for a phone, reachable and named for keyboard users. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}

function ChartFigure(props: {
  caption: ReactNode;
  summary: string;
  height: number;
  legend?: Series[];
  table: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <figure style={{ margin: "0.4rem 0 0.9rem", maxWidth: 760 }}>
      <figcaption className="muted" style={{ fontSize: "0.85rem", marginBottom: "0.3rem" }}>
        {props.caption}
      </figcaption>
      {props.legend && <Legend series={props.legend} />}
      <svg
        role="img"
        aria-labelledby={titleId}
        width="100%"
        height={props.height}
        fontSize={13}
        style={{ display: "block", overflow: "visible" }}
      >
        <title id={titleId}>{props.summary}</title>
        {props.children}
      </svg>
      <details>
        <summary>Show as table</summary>
        {props.table}
      </details>
    </figure>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul aria-hidden="true" className="row" style={{ listStyle: "none", margin: "0 0 0.3rem", padding: 0 }}>
      {series.map((s) => (
        <li key={s.name} style={{ fontSize: "0.85rem" }}>
          <svg width={12} height={12} style={{ verticalAlign: "-1px", marginRight: 4 }}>
            <rect className={s.className} width={12} height={12} rx={2} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * One bar line: the track, the bar drawn to `fraction` of it, and the figure right-aligned after it.
 * The track's width is CSS (`calc`, SVG 2 geometry) because it is the chart's width less a fixed room.
 */
function BarLine(props: { y: number; fraction: number; className: string; shown: string; room: number }) {
  const { y, fraction, className, shown, room } = props;
  const track = `(100% - ${room}px)`;
  return (
    <>
      <rect x={0} y={y} style={{ width: `calc${track}` }} height={BAR_HEIGHT} rx={3} fill={TRACK_FILL} />
      {fraction > 0 && (
        <rect
          className={className}
          x={0}
          y={y}
          style={{ width: `calc(${track} * ${fraction})` }}
          height={BAR_HEIGHT}
          rx={3}
        />
      )}
      <text x="100%" y={y + BAR_HEIGHT - 1} textAnchor="end" fill="currentColor" fontWeight={600}>
        {shown}
      </text>
    </>
  );
}

function Table({ label, head, rows }: { label: string; head: string[]; rows: string[][] }) {
  return (
    <TableScroll label={`${label}, as a table`}>
      <table>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="num" style={{ whiteSpace: "nowrap" }}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Horizontal bars, one per item, on a linear scale from zero to the largest. */
export function HBarChart({
  caption,
  bars,
  valueHead = "Value",
}: {
  caption: string;
  bars: Bar[];
  valueHead?: string;
}) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const room = figureRoom(bars.map((b) => b.shown));
  const row = LABEL_LINE + BAR_LINE + GAP;
  return (
    <ChartFigure
      caption={caption}
      summary={`${caption}: ${bars.map((b) => `${b.label} ${b.shown}`).join("; ")}.`}
      height={bars.length * row}
      table={<Table label={caption} head={["", valueHead]} rows={bars.map((b) => [b.label, b.shown])} />}
    >
      {bars.map((bar, i) => (
        <g key={i} transform={`translate(0 ${i * row})`}>
          <text x={0} y={13} fill="currentColor">
            {bar.label}
          </text>
          <BarLine y={LABEL_LINE} fraction={share(bar.value, max)} className="bar" shown={bar.shown} room={room} />
        </g>
      ))}
    </ChartFigure>
  );
}

/** Per group, one bar per series, all on one linear scale from zero to the largest. */
export function GroupedBarChart({ caption, series, groups }: { caption: string; series: Series[]; groups: Group[] }) {
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const room = figureRoom(groups.flatMap((g) => g.shown));
  const row = LABEL_LINE + series.length * BAR_LINE + GAP;
  const summary = groups.map((g) => `${g.label}: ${series.map((s, i) => `${s.name} ${g.shown[i]}`).join(", ")}`);
  return (
    <ChartFigure
      caption={caption}
      summary={`${caption}. ${summary.join("; ")}.`}
      height={groups.length * row}
      legend={series}
      table={
        <Table
          label={caption}
          head={["", ...series.map((s) => s.name)]}
          rows={groups.map((g) => [g.label, ...g.shown])}
        />
      }
    >
      {groups.map((group, i) => (
        <g key={i} transform={`translate(0 ${i * row})`}>
          <text x={0} y={13} fill="currentColor">
            {group.label}
          </text>
          {series.map((s, j) => (
            <BarLine
              key={s.name}
              y={LABEL_LINE + j * BAR_LINE}
              fraction={share(group.values[j], max)}
              className={s.className}
              shown={group.shown[j]}
              room={room}
            />
          ))}
        </g>
      ))}
    </ChartFigure>
  );
}

export interface ProgressProps {
  caption: string;
  value: number;
  target: number;
  shownValue: string;
  shownTarget: string;
  /** The share in words, e.g. "0.00000672%". */
  shownShare: string;
  /**
   * "log" draws the bar from `logFrom` (its left end) to the target in powers of ten, with a tick
   * every `tickEvery` powers: for a figure many orders of magnitude below its target, which a linear
   * bar would leave empty.
   */
  scale?: "linear" | "log";
  logFrom?: number;
  tickEvery?: number;
  tickLabel?: (value: number) => string;
}

/** A bar toward a target, the target at its right end. */
export function ProgressToTarget(props: ProgressProps) {
  const { scale = "linear", logFrom = 1, tickEvery = 3 } = props;
  const tickLabel = props.tickLabel ?? ((v: number) => v.toLocaleString("en-US", { notation: "compact" }));
  const position = (value: number): number =>
    scale === "linear"
      ? share(value, props.target)
      : value <= logFrom
        ? 0
        : share(Math.log10(value / logFrom), Math.log10(props.target / logFrom));
  const ticks: number[] = [];
  if (scale === "log") {
    for (let power = 0; logFrom * 10 ** power <= props.target; power += tickEvery) ticks.push(logFrom * 10 ** power);
  } else {
    ticks.push(0, props.target / 2, props.target);
  }
  const fraction = position(props.value);
  const scaleWords = scale === "log" ? `, drawn on a log scale (each tick ${10 ** tickEvery}× the one before)` : "";
  return (
    <ChartFigure
      caption={
        <>
          {props.caption}
          {scale === "log" && (
            <>
              {" "}
              · <strong>log scale</strong>: each tick is {(10 ** tickEvery).toLocaleString("en-US")}× the one before
            </>
          )}
        </>
      }
      summary={`${props.caption}: ${props.shownValue} of ${props.shownTarget}, ${props.shownShare}${scaleWords}.`}
      height={40}
      table={
        <Table
          label={props.caption}
          head={["", "Amount"]}
          rows={[
            ["So far", props.shownValue],
            ["Target", props.shownTarget],
            ["Share", props.shownShare],
          ]}
        />
      }
    >
      <rect x={0} y={2} width="100%" height={14} rx={7} fill={TRACK_FILL} />
      {fraction > 0 && (
        <rect className="bar" x={0} y={2} width={`${Math.max(fraction * 100, 1)}%`} height={14} rx={7} />
      )}
      {ticks.map((tick, i) => {
        const at = position(tick) * 100;
        const anchor = at < 3 ? "start" : at > 97 ? "end" : "middle";
        return (
          <g key={i}>
            <line x1={`${at}%`} x2={`${at}%`} y1={16} y2={21} stroke="currentColor" />
            <text x={`${at}%`} y={34} textAnchor={anchor} fontSize={12} fill="currentColor">
              {tickLabel(tick)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

// What the Operations sections share: a section that shows its query's state, exact figures a test
// can read back, paging through the contracts' lists, and times and shares in words.
import type { ReactNode } from "react";
import type { Loaded } from "../../app/hooks";
import { Show } from "../../components/Loading";

export { everyMarkedPage, everyPage, PAGE, secondsOf, when } from "../../chain/reads";
export const DAY = 86_400;

/** An h2 section whose `data-state` tells a test (and `aria-busy` a screen reader) when its reading is done. */
export function OpsSection<T>(props: {
  id: string;
  title: string;
  intro?: ReactNode;
  loaded: Loaded<T>;
  children: (value: T) => ReactNode;
}) {
  return (
    <section
      aria-labelledby={`ops-${props.id}`}
      data-section={props.id}
      data-state={props.loaded.state}
      aria-busy={props.loaded.state === "loading"}
    >
      <h2 id={`ops-${props.id}`}>{props.title}</h2>
      {props.intro}
      <Show loaded={props.loaded}>{props.children}</Show>
    </section>
  );
}

type Marks = { [mark: `data-${string}`]: string | number };

/**
 * A figure in words whose exact value (micro-CTC, a count) rides along in `value`, so that what the
 * page shows can be compared with the chain without parsing "1,234.5 CTC".
 */
export function Exact({ value, children, ...marks }: { value: string | number; children: ReactNode } & Marks) {
  return (
    <data value={value} {...marks}>
      {children}
    </data>
  );
}

/**
 * `part` of `whole` as a percentage with three significant digits, written out in full: a share of
 * a millionth of a percent must still read as more than zero.
 */
export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0%";
  const share = (Number(part) / Number(whole)) * 100;
  return `${share.toLocaleString("en-US", { maximumSignificantDigits: 3 })}%`;
}

export function shortAddress(address: string): string {
  return address.length > 20 ? `${address.slice(0, 10)}…${address.slice(-6)}` : address;
}

/** A right-aligned figure cell that does not break "1,234.5 CTC" over two lines. */
export function Num({ children }: { children: ReactNode }) {
  return (
    <td className="num" style={{ whiteSpace: "nowrap" }}>
      {children}
    </td>
  );
}

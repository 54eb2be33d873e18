// What the main command prints: numbered steps, one line per transaction (who, what, amounts, gas
// the chain reported), and the checks each step makes.

/** Micro-CTC as a readable amount: 5400000n -> "5.4 CTC". */
export function ctc(micro: bigint): string {
  const sign = micro < 0n ? "-" : "";
  const abs = micro < 0n ? -micro : micro;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${sign}${whole.toLocaleString("en-US")}${fraction ? "." + fraction : ""} CTC`;
}

export function gas(units: bigint): string {
  return units.toLocaleString("en-US");
}

export interface Transaction {
  who: string;
  what: string;
  gasUsed: bigint;
}

export interface StepResult {
  title: string;
  transactions: Transaction[];
  checks: string[];
  /** Set when a check failed or a transaction did not behave as expected. */
  failure?: string;
}

export class ConsoleReport {
  constructor(private readonly print: (line: string) => void = console.log) {}

  heading(text: string): void {
    this.emit(`\n${text}`);
  }

  line(text: string): void {
    this.emit(`  ${text}`);
  }

  stepStarted(index: number, total: number, title: string): void {
    this.emit(`\n[${String(index).padStart(2)}/${total}] ${title}`);
  }

  transaction({ who, what, gasUsed }: Transaction): void {
    const label = `${who}: ${what}`;
    this.emit(`  ${label.padEnd(86)} gas ${gas(gasUsed).padStart(9)}`);
  }

  check(text: string, passed: boolean): void {
    this.emit(`  ${passed ? "✓" : "✗"} ${text}`);
  }

  private emit(line: string): void {
    this.print(line);
  }
}

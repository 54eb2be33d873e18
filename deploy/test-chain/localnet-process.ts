// Starts a local wasmd chain for one test file (its own home and ports) and stops it on every
// way out: the test's end, a failure, an interrupt or the process exiting.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../src/main";

const SCRIPT = join(REPO_ROOT, "scripts", "localnet.sh");

export class TestLocalnet {
  readonly home = mkdtempSync(join(tmpdir(), "ticketchain-localnet-"));
  private running = false;
  private readonly stopOnExit = () => this.stop();

  constructor(
    readonly validators: number,
    readonly port: number,
  ) {}

  get env(): NodeJS.ProcessEnv {
    return { ...process.env, TICKETCHAIN_LOCALNET_HOME: this.home, TICKETCHAIN_LOCALNET_PORT: String(this.port) };
  }

  /** RPC of validator `node`. */
  rpc(node = 0): string {
    return `http://127.0.0.1:${this.port + 10 * node + 1}`;
  }

  /** The variables deploy.sh reads to reach this chain. */
  deployEnv(): NodeJS.ProcessEnv {
    return { TICKETCHAIN_RPC: this.rpc(0) };
  }

  start(): void {
    process.once("exit", this.stopOnExit);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        this.stop();
        process.exit(130);
      });
    }
    this.running = true;
    this.run("start", "--validators", String(this.validators));
  }

  stopNode(node: number): void {
    this.run("stop-node", String(node));
  }

  startNode(node: number): void {
    this.run("start-node", String(node));
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    try {
      this.run("stop");
    } finally {
      process.removeListener("exit", this.stopOnExit);
      rmSync(this.home, { recursive: true, force: true });
    }
  }

  private run(...args: string[]): void {
    execFileSync(SCRIPT, args, { env: this.env, stdio: ["ignore", "inherit", "inherit"] });
  }
}

// The browser tests' harness: the built app (.build/web-app, `vite build`) served on loopback, Debian's
// Chromium driven by playwright-core, and screenshots kept under .build/screenshots/web.
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createServer, request as forward, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

const REPO = join(__dirname, "..", "..", "..");
/** TICKETCHAIN_WEB_BUILD and TICKETCHAIN_WEB_SHOTS move them (a second build beside the first). */
const BUILT = process.env.TICKETCHAIN_WEB_BUILD ?? join(REPO, ".build", "web-app");
export const SCREENSHOTS = process.env.TICKETCHAIN_WEB_SHOTS ?? join(REPO, ".build", "screenshots", "web");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

export interface ServeOptions {
  /** Serves `deployments/<chain-id>.json` from this directory, as scripts/web.sh does from the repository's. */
  deployments?: string;
  /** Forwards `/rpc` to this node RPC, as scripts/web.sh's proxy does. */
  rpc?: string;
}

function serveFile(root: string, path: string, response: ServerResponse): void {
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
}

/** Serves the built app on 127.0.0.1 at a free port. */
export async function serveApp(options: ServeOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(BUILT, "index.html"))) {
    throw new Error(`${BUILT} holds no build: run node_modules/.bin/vite build --config web/vite.config.mts`);
  }
  const server: Server = createServer((request, response) => {
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (options.rpc && (path === "/rpc" || path.startsWith("/rpc/"))) {
      const target = new URL(path.slice("/rpc".length) || "/", options.rpc);
      const upstream = forward(target, { method: request.method, headers: { ...request.headers, host: target.host } });
      upstream.on("response", (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on("error", () => response.writeHead(502).end());
      request.pipe(upstream);
      return;
    }
    if (options.deployments && path.startsWith("/deployments/")) {
      serveFile(options.deployments, path.slice("/deployments".length), response);
      return;
    }
    serveFile(BUILT, path === "/" ? "index.html" : path, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Flags Debian's Chromium needs here: root (no sandbox), no GPU, and no background traffic. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: scripts/test.sh installs Debian's (ensure_chromium)`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 860 } };

/** A page of the app that fails the test on any page error or console error. */
export class AppPage {
  readonly errors: string[] = [];
  private shots = 0;

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly shotDir: string,
  ) {
    page.on("pageerror", (error) => this.errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") this.errors.push(`console error: ${message.text()}`);
    });
  }

  /** Opens the app (`query` e.g. "?as=fan-1#/tickets") and waits until the chain is seeded. */
  static async open(
    browser: Browser,
    url: string,
    suite: string,
    options: BrowserContextOptions = PHONE,
    query = "",
  ): Promise<AppPage> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const shotDir = join(SCREENSHOTS, suite);
    rmSync(shotDir, { recursive: true, force: true });
    mkdirSync(shotDir, { recursive: true });
    const app = new AppPage(page, context, shotDir);
    await page.goto(url + query);
    await page.waitForSelector("body[data-ready]", { timeout: 120_000 });
    const ready = await page.getAttribute("body", "data-ready");
    if (ready !== "true") throw new Error(`the app did not start: ${await page.textContent("[role=alert]")}`);
    return app;
  }

  /** A screenshot kept as test output: .build/screenshots/web/<suite>/<nn>-<name>.png. */
  async shot(name: string): Promise<string> {
    this.shots += 1;
    const path = join(this.shotDir, `${String(this.shots).padStart(2, "0")}-${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  async go(route: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
    await this.page.waitForSelector(`nav a[aria-current=page][href="#/${route}"]`);
  }

  async actAs(name: string): Promise<void> {
    await this.page.selectOption("#act-as", name);
  }

  /** Runs `body`; on a failure keeps a screenshot of the page as it was, then fails. */
  async journey(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      await this.shot("failure").catch(() => undefined);
      throw error;
    }
  }

  /** Fails with what the page reported when a page or console error happened. */
  assertNoErrors(): void {
    if (this.errors.length > 0) throw new Error(this.errors.join("\n"));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export interface Visit {
  /** Names the screenshots' folder. */
  suite: string;
  options?: BrowserContextOptions;
  /** e.g. "?as=fan-1#/tickets" */
  query?: string;
  serve?: ServeOptions;
}

/**
 * Serves the app, opens it in Chromium and runs `journey` on it; a failure keeps a screenshot, any
 * page or console error fails it, and page, browser and server close on every exit path.
 */
export async function inApp(visit: Visit, journey: (app: AppPage) => Promise<void>): Promise<void> {
  const server = await serveApp(visit.serve);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const app = await AppPage.open(browser, server.url, visit.suite, visit.options, visit.query);
    try {
      await app.journey(() => journey(app));
      app.assertNoErrors();
    } finally {
      await app.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

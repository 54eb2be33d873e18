// The web app's build: `vite build --config web/vite.config.mts` writes .build/web-app.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from "vite";

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL("..", import.meta.url));

/** Where /rpc goes: scripts/web.sh sets it to the local node's RPC. */
const rpc = process.env.TICKETCHAIN_RPC ?? "http://127.0.0.1:26657";

/**
 * deployments/<chain-id>.json as it is now, read at request time: a page on a real chain finds the
 * contracts deploy.sh deployed there, and a redeploy needs no rebuild.
 */
function deploymentRecords(): Plugin {
  const serve = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use("/deployments", (request, response, next) => {
      const name = (request.url ?? "").replace(/^\//, "").split("?")[0];
      const file = join(repo, "deployments", name);
      if (!/^[\w.-]+\.json$/.test(name) || !existsSync(file)) return next();
      response.setHeader("content-type", "application/json");
      response.end(readFileSync(file));
    });
  };
  return { name: "ticketchain-deployment-records", configureServer: serve, configurePreviewServer: serve };
}

// A node's RPC sends no CORS headers, so the page reaches it through its own origin.
const proxy = {
  "/rpc": { target: rpc, changeOrigin: true, rewrite: (path: string) => path.replace(/^\/rpc\/?/, "/") },
};

// @cosmjs/crypto tries Node's crypto module first and falls back to the browser's (or pure JS) when
// it is absent, so the notice that the bundle leaves it out says nothing wrong.
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (/Module "crypto" has been externalized .*@cosmjs\/crypto/.test(message)) return;
  warn(message, options);
};

export default defineConfig({
  customLogger: logger,
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  publicDir: false,
  esbuild: { jsx: "automatic" },
  plugins: [deploymentRecords()],
  resolve: {
    alias: [
      // libsodium-wrappers-sumo 0.7.16's ES entry imports a file its package does not ship; its
      // CommonJS entry (the one Node runs) is complete.
      { find: /^libsodium-wrappers-sumo$/, replacement: require.resolve("libsodium-wrappers-sumo") },
    ],
  },
  build: {
    outDir: `${repo}/.build/web-app`,
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    commonjsOptions: { include: [/node_modules/, /simulator-internals\.cjs$/] },
  },
  server: { host: "127.0.0.1", fs: { allow: [repo] }, proxy },
  preview: { host: "127.0.0.1", proxy },
});

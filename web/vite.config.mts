// The web app's build: `vite build --config web/vite.config.mts` writes .build/web-app.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  publicDir: false,
  esbuild: { jsx: "automatic" },
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
  server: { host: "127.0.0.1", fs: { allow: [repo] } },
  preview: { host: "127.0.0.1" },
});

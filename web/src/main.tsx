import "./polyfills";

const log = document.createElement("pre");
document.body.append(log);
const { startEmbedded } = await import("./chain/embedded-session");
const started = performance.now();
try {
  const { fixtures } = await startEmbedded((line) => (log.textContent += line + "\n"));
  document.body.dataset.ready = `ok ${JSON.stringify(fixtures)} ${((performance.now() - started) / 1000).toFixed(1)}s`;
} catch (e) {
  document.body.dataset.ready = `failed ${(e as Error).message}`;
}

// Boots the chosen chain (the embedded one unless ?network= names a node), shows its progress,
// then the app.
import "./polyfills";
import "./styles.css";
import "./lib/page-hook";
import { createRoot } from "react-dom/client";
import { StrictMode, useEffect, useRef, useState } from "react";
import type { Started } from "./chain/embedded-session";
import { signDoorCode } from "./chain/door";
import { clientsFor } from "./chain/session";

async function start(progress: (line: string) => void): Promise<Started> {
  const params = new URLSearchParams(window.location.search);
  const network = params.get("network") ?? "local";
  if (network === "local") {
    const { startEmbedded } = await import("./chain/embedded-session");
    return startEmbedded(progress);
  }
  const { startRpc } = await import("./chain/rpc-session");
  return startRpc(network, progress);
}

function Boot() {
  const [started, setStarted] = useState<Started>();
  const [failure, setFailure] = useState<string>();
  const [lines, setLines] = useState<string[]>([]);
  const [App, setApp] = useState<typeof import("./app/App").App>();
  const booting = useRef(false);
  useEffect(() => {
    if (booting.current) return;
    booting.current = true;
    const buffer: string[] = [];
    let scheduled = false;
    const progress = (line: string) => {
      buffer.push(line);
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        setLines([...buffer]);
      });
    };
    Promise.all([start(progress), import("./app/App")]).then(
      ([ready, module]) => {
        window.__ticketchain = { ...ready, clientsFor, signDoorCode };
        setApp(() => module.App);
        setStarted(ready);
        document.body.dataset.ready = "true";
      },
      (error: Error) => {
        setFailure(error.message);
        document.body.dataset.ready = "failed";
      },
    );
  }, []);
  if (started && App) return <App started={started} />;
  const step = [...lines].reverse().find((line) => /^\n?\[\s*\d+\/\d+\]/.test(line));
  return (
    <main className="boot" id="main">
      <h1>
        TicketChain <span lang="zh-Hans">票链</span>
      </h1>
      {failure ? (
        <p role="alert">The chain did not start: {failure}</p>
      ) : (
        <p role="status">
          Starting the chain in this tab: deploying the 17 contracts, then playing the season through the generated
          client{step ? ` — step ${step.trim().split("]")[0].slice(1).trim()}` : ""}…
        </p>
      )}
      <details>
        <summary>What the chain is doing ({lines.length} lines)</summary>
        <pre className="log">{lines.join("\n")}</pre>
      </details>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);

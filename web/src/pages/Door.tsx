// The door: read a holder's code (camera, a photo of it, or pasted text), show the ticket, and
// check it in. The contract checks the holder's signature, the expiry and that it was not used.
import decodeQR from "qr/decode.js";
import { useEffect, useRef, useState } from "react";
import type { TicketNftTypes } from "../../../clients/ts/src";
import { useApp } from "../app/context";
import { useTx } from "../app/hooks";
import { TxStatus } from "../components/TxStatus";
import { clientsFor, nameOf } from "../chain/session";
import { decodeDoorCode } from "../lib/door-code";

interface Scan {
  /** Counts the scans of this page, so what shows is known to be the latest. */
  number: number;
  tokenId: string;
  ticket?: TicketNftTypes.VerifyTicketResponse;
  admitted?: boolean;
  problem?: string;
}

/** The text of the QR code in an image, or undefined. */
function readQr(image: CanvasImageSource & { width: number; height: number }): string | undefined {
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context || canvas.width === 0) return undefined;
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  try {
    const text = decodeQR({ width: pixels.width, height: pixels.height, data: pixels.data });
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

export function Door() {
  const { session, actor } = useApp();
  const { state, run, busy, reset } = useTx();
  const [pasted, setPasted] = useState("");
  const [scan, setScan] = useState<Scan>();
  const [camera, setCamera] = useState(false);
  const [seen] = useState(() => new Set<string>());
  const scans = useRef(0);
  const checking = useRef(false);

  const admit = async (text: string) => {
    // A camera keeps seeing the code it just read: one check at a time.
    if (checking.current) return;
    checking.current = true;
    scans.current += 1;
    const number = scans.current;
    try {
      reset();
      setScan({ number, tokenId: "?" });
      const code = decodeDoorCode(text);
      if ("error" in code) {
        setScan({ number, tokenId: "?", problem: code.error, admitted: false });
        return;
      }
      const tickets = clientsFor(session, actor.address).tickets;
      const ticket = await tickets.verifyTicket({ tokenId: code.tokenId }).catch(() => undefined);
      const problem = seen.has(text) ? "this exact code was already scanned here" : undefined;
      setScan({ number, tokenId: code.tokenId, ticket, problem });
      const result = await run(`check in ${code.tokenId}`, () =>
        tickets.checkIn({ tokenId: code.tokenId, proof: code.proof }),
      );
      seen.add(text);
      setScan({ number, tokenId: code.tokenId, ticket, problem, admitted: result !== undefined });
    } finally {
      checking.current = false;
    }
  };
  const onCameraCode = (text: string) => {
    setCamera(false);
    void admit(text);
  };

  const fromPhoto = async (file: File) => {
    const bitmap = await createImageBitmap(file);
    const text = readQr(bitmap);
    if (text) await admit(text);
    else {
      scans.current += 1;
      const problem = "no QR code found in the photo: try again closer, with the whole code";
      setScan({ number: scans.current, tokenId: "?", problem, admitted: false });
    }
  };

  return (
    <>
      <h1>Door</h1>
      <p className="muted">
        Scanning as {actor.name}
        {actor.role !== "door" &&
          " — only a scanner the organiser appointed can check tickets in (act as door-scanner)"}
        .
      </p>
      <div className="grid two">
        <section className="card" aria-labelledby="door-read">
          <h2 id="door-read">Read a code</h2>
          <div className="row">
            {/* A file input's own face does not fit a phone: its label is the button. */}
            <input
              id="door-photo"
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void fromPhoto(file);
                e.target.value = "";
              }}
            />
            <label htmlFor="door-photo" className="file-button">
              Photo of the code
            </label>
            <button type="button" onClick={() => setCamera((on) => !on)} aria-pressed={camera}>
              {camera ? "Stop camera" : "Use camera"}
            </button>
          </div>
          {camera && <Camera onCode={onCameraCode} />}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void admit(pasted);
            }}
          >
            <div className="field">
              <label htmlFor="door-text">Or paste the code</label>
              <textarea id="door-text" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
            </div>
            <button type="submit" className="primary" disabled={busy || !pasted.trim()}>
              Check in
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="door-result">
          <h2 id="door-result">Result</h2>
          {scan ? (
            <Verdict scan={scan} nameOf={(address) => nameOf(session, address)} />
          ) : (
            <p className="muted">No code read yet.</p>
          )}
          <TxStatus state={state} />
        </section>
      </div>
    </>
  );
}

function Verdict({ scan, nameOf }: { scan: Scan; nameOf: (address: string) => string }) {
  const verdict = scan.admitted === undefined ? "pending" : scan.admitted ? "admitted" : "refused";
  return (
    <div data-verdict={verdict} data-scan={scan.number}>
      {scan.admitted !== undefined && (
        <p className={`verdict ${scan.admitted ? "ok" : "bad"}`}>{scan.admitted ? "✓ Admitted" : "✗ Refused"}</p>
      )}
      {scan.problem && <p>{scan.problem}</p>}
      {scan.ticket && (
        <p>
          Ticket <code>{scan.tokenId}</code>: event {scan.ticket.event_id}, tier {scan.ticket.tier}
          {scan.ticket.seat ? `, seat ${scan.ticket.seat}` : ""}, held by {nameOf(scan.ticket.owner)} (
          {scan.ticket.status})
        </p>
      )}
    </div>
  );
}

/** The rear camera where there is one; needs a secure context (localhost or https). */
function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const latestOnCode = useRef(onCode);
  latestOnCode.current = onCode;
  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let done = false;
    const look = () => {
      const player = video.current;
      if (done || !player) return;
      if (player.videoWidth > 0) {
        const shrink = Math.min(1, 640 / player.videoWidth);
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(player.videoWidth * shrink);
        canvas.height = Math.round(player.videoHeight * shrink);
        canvas.getContext("2d")?.drawImage(player, 0, 0, canvas.width, canvas.height);
        const text = readQr(canvas);
        if (text) {
          done = true;
          latestOnCode.current(text);
          return;
        }
      }
      frame = requestAnimationFrame(look);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem("this page has no camera access here (it needs https or localhost): use a photo or paste the code");
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(
      (media) => {
        // Stopped before the camera answered: let it go at once.
        if (done) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          void video.current.play();
        }
        frame = requestAnimationFrame(look);
      },
      (error: Error) => setProblem(`the camera did not start: ${error.message}`),
    );
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return problem ? (
    <p role="alert">{problem}</p>
  ) : (
    <video ref={video} muted playsInline aria-label="Camera view" style={{ width: "100%", maxWidth: 360 }} />
  );
}

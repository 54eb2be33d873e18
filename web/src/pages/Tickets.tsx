// Fans: the tickets held, the door code (a short-lived proof the holder signs), gifts and resale.
import { useEffect, useRef, useState } from "react";
import { useApp } from "../app/context";
import { useChainQuery, useTx, type TxRunner } from "../app/hooks";
import { Field } from "../components/Field";
import { Show } from "../components/Loading";
import { Qr } from "../components/Qr";
import { TxStatus } from "../components/TxStatus";
import { ticketsOf, when, type HeldTicket } from "../chain/reads";
import { clientsFor, nameOf } from "../chain/session";
import { ctc, parseCtc } from "../lib/amounts";
import { explainRefusal } from "../lib/refusals";
import { signDoorCode, type DoorCode as DoorCodeSigned } from "../chain/door";

const CODE_REFRESH_SECONDS = 60;

export function Tickets() {
  const { session, actor } = useApp();
  const loaded = useChainQuery(() => ticketsOf(session, actor.address), [actor.address]);
  // One status for the page: a gift or a sale removes the card that sent it.
  const tx = useTx();
  return (
    <>
      <h1>My tickets</h1>
      <p className="muted">Held by {actor.name}.</p>
      <div className="tx-bar">
        <TxStatus state={tx.state} />
      </div>
      <Show loaded={loaded}>
        {(tickets) =>
          tickets.length === 0 ? (
            <p>No tickets yet: buy one under Events.</p>
          ) : (
            <div className="grid two">
              {[...tickets].reverse().map((ticket) => (
                <TicketCard key={ticket.tokenId} ticket={ticket} tx={tx} />
              ))}
            </div>
          )
        }
      </Show>
    </>
  );
}

function TicketCard({ ticket, tx }: { ticket: HeldTicket; tx: TxRunner }) {
  const { tokenId, info, event, listing } = ticket;
  const usable = info.status === "valid" && event?.status === "scheduled";
  return (
    <article className="card" data-ticket={tokenId} aria-labelledby={`ticket-${tokenId}`}>
      <h2 id={`ticket-${tokenId}`}>
        {event?.title ?? `Event ${info.event_id}`} — {info.tier_name}
      </h2>
      <p>
        Ticket <code>{tokenId}</code> · face {ctc(BigInt(info.face_price))}
        {info.seat ? ` · seat ${info.seat}` : ""} ·{" "}
        <span className={`badge ${info.status === "valid" ? "ok" : ""}`}>{info.status}</span>
        {listing && <span className="badge"> listed for {ctc(BigInt(listing.price))}</span>}
      </p>
      {event && <p className="muted">{when(event.starts_at)}</p>}
      {usable && <DoorCode tokenId={tokenId} />}
      {usable && !listing && <Gift tokenId={tokenId} tx={tx} />}
      {usable && <Resale ticket={ticket} tx={tx} />}
      <History tokenId={tokenId} />
    </article>
  );
}

function DoorCode({ tokenId }: { tokenId: string }) {
  const { session, actor } = useApp();
  const [shown, setShown] = useState(false);
  const [code, setCode] = useState<DoorCodeSigned & { wallClockAt: number }>();
  const [problem, setProblem] = useState<string>();
  const [request, setRequest] = useState(0);
  const [, setSecond] = useState(0);
  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    const sign = () =>
      signDoorCode(session, actor, tokenId).then(
        (signed) => {
          if (cancelled) return;
          setCode({ ...signed, wallClockAt: Date.now() });
          setProblem(undefined);
        },
        (error: unknown) => !cancelled && setProblem(explainRefusal(error).words),
      );
    void sign();
    const resign = session.signsByPrompt ? undefined : setInterval(() => void sign(), CODE_REFRESH_SECONDS * 1000);
    return () => {
      cancelled = true;
      clearInterval(resign);
    };
  }, [shown, session, actor, tokenId, request]);
  // Counted on this device's clock from the chain time it was signed at: no query a second.
  useEffect(() => {
    if (!code) return;
    const timer = setInterval(() => setSecond((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [code]);
  const left = code ? Math.round(code.expires - code.signedAt - (Date.now() - code.wallClockAt) / 1000) : 0;
  // The code is what the holder holds up to the scanner: bring it to the middle of the screen.
  const codeShown = useRef<HTMLElement>(null);
  const firstCode = code !== undefined;
  useEffect(() => {
    if (firstCode) codeShown.current?.scrollIntoView({ block: "center" });
  }, [firstCode]);
  if (!shown) {
    return (
      <button type="button" className="primary" onClick={() => setShown(true)}>
        Show door code
      </button>
    );
  }
  return (
    <section aria-label={`Door code for ticket ${tokenId}`} ref={codeShown}>
      {problem && code && <p role="alert">A new code was not signed: {problem}</p>}
      {code ? (
        <>
          <Qr text={code.text} label={`Door code for ticket ${tokenId}`} />
          <p aria-live="off" data-expires={code.expires}>
            {left > 0
              ? `Valid for ${left} s more${session.signsByPrompt ? "." : "; a new code every minute."}`
              : session.signsByPrompt
                ? "Expired: sign a new code."
                : "Expired: a new code is being signed."}
          </p>
          {session.signsByPrompt && (
            <button type="button" onClick={() => setRequest((n) => n + 1)}>
              Sign a new code
            </button>
          )}
          <details>
            <summary>Show as text</summary>
            <textarea readOnly value={code.text} aria-label="Door code as text" rows={4} style={{ width: "100%" }} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(code.text)}>
              Copy
            </button>
          </details>
        </>
      ) : problem ? (
        <p role="alert">The code was not signed: {problem}</p>
      ) : (
        <p>Signing…</p>
      )}
      <button type="button" onClick={() => setShown(false)}>
        Hide code
      </button>
    </section>
  );
}

function Gift({ tokenId, tx: { run, busy } }: { tokenId: string; tx: TxRunner }) {
  const { session, actor } = useApp();
  const others = session.actors.filter((a) => a.role === "fan" && a.address !== actor.address);
  const [recipient, setRecipient] = useState(others[0]?.address ?? "");
  const id = `gift-${tokenId}`;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void run(`gift ticket ${tokenId} to ${nameOf(session, recipient)}`, () =>
          clientsFor(session, actor.address).tickets.transferNft({ recipient, tokenId }),
        );
      }}
    >
      <div className="field">
        <label htmlFor={id}>Gift to</label>
        <select id={id} value={recipient} onChange={(e) => setRecipient(e.target.value)}>
          {others.map((a) => (
            <option key={a.address} value={a.address}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>
        Gift
      </button>
    </form>
  );
}

function Resale({ ticket, tx: { run, busy } }: { ticket: HeldTicket; tx: TxRunner }) {
  const { session, actor } = useApp();
  const [price, setPrice] = useState("");
  const { tokenId, event, info, listing } = ticket;
  const cap = event ? (BigInt(info.face_price) * BigInt(event.resale_cap_bps)) / 10_000n : undefined;
  const tickets = clientsFor(session, actor.address).tickets;
  const id = `list-${tokenId}`;
  if (listing) {
    return (
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(`delist ${tokenId}`, () => tickets.delist({ tokenId }))}
        >
          Withdraw from resale
        </button>
      </div>
    );
  }
  const micro = parseCtc(price);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (micro === undefined) return;
        void run(`list ${tokenId} for ${ctc(micro)}`, () =>
          tickets.listForResale({ tokenId, price: micro.toString() }),
        );
      }}
    >
      <div className="row">
        <Field
          id={id}
          label="Resale price (CTC)"
          inputMode="decimal"
          width={9}
          value={price}
          onChange={setPrice}
          describedBy={`${id}-hint`}
        />
        <button type="submit" disabled={busy || micro === undefined}>
          List for resale
        </button>
      </div>
      <p className="muted" id={`${id}-hint`}>
        {cap !== undefined &&
          `At most ${ctc(cap)} (the event's cap); the organiser takes ${(event?.royalty ?? 0) / 100}% royalty.`}
      </p>
    </form>
  );
}

function History({ tokenId }: { tokenId: string }) {
  const { session, actor } = useApp();
  const [open, setOpen] = useState(false);
  const history = useChainQuery(
    () => (open ? clientsFor(session, actor.address).tickets.history({ tokenId }) : Promise.resolve({ records: [] })),
    [open, tokenId],
  );
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Where this ticket has been</summary>
      <Show loaded={history}>
        {({ records }) => (
          <ol>
            {records.map((record) => {
              const [kind, change] = Object.entries(record.change)[0] as [string, Record<string, string>];
              const who = ["to", "from", "holder", "scanner", "by"]
                .filter((key) => change[key])
                .map((key) => `${key} ${nameOf(session, change[key])}`)
                .join(", ");
              return (
                <li key={record.sequence}>
                  {kind.replaceAll("_", " ")} {who}{" "}
                  {change.price || change.paid ? ctc(BigInt(change.price ?? change.paid)) : ""}{" "}
                  <span className="muted">at height {record.height}</span>
                </li>
              );
            })}
          </ol>
        )}
      </Show>
    </details>
  );
}

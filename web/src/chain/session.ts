// What every page works with, whichever chain is behind it: the client, the platform's addresses,
// the people one can act as, and the generated clients signing as one of them.
import type { OfflineAminoSigner } from "@cosmjs/amino";
import type { ExecuteResult, SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  AccountFactoryClient,
  cosmJSClient,
  CrowdfundClient,
  CtcTokenClient,
  OutcomeOracleClient,
  PartnerRegistryClient,
  SchedulesClient,
  TicketNftClient,
  TippingClient,
  WagerPoolClient,
} from "../../../clients/ts/src";
import type { Deployment, PlatformAddresses } from "../../../deploy/src/deployment-record";

export type Role = "fan" | "organiser" | "door" | "partner";

export interface Actor {
  name: string;
  address: string;
  role: Role;
}

/** The season's cast a visitor can act as, by role. */
export const CAST: ReadonlyArray<readonly [string, Role]> = [
  ["fan-0", "fan"],
  ["fan-1", "fan"],
  ["fan-2", "fan"],
  ["fan-3", "fan"],
  ["grand-theater", "organiser"],
  ["spring-troupe", "organiser"],
  ["door-scanner", "door"],
  ["civil-id", "partner"],
  ["reporter-0", "partner"],
  ["reporter-1", "partner"],
  ["reporter-2", "partner"],
];

/** A transaction the page sent, for the session's log. */
export interface SentTx {
  who: string;
  what: string;
  height: number;
  gasUsed: bigint;
  hash: string;
}

export interface Session {
  /** "embedded": the chain runs in this tab; "rpc": a node answers over RPC. */
  kind: "embedded" | "rpc";
  chainId: string;
  networkName: string;
  nativeDenom: string;
  client: SigningCosmWasmClient;
  deployment: Deployment;
  addresses: PlatformAddresses;
  actors: Actor[];
  /** The platform's operator: the committee's multisig when governed. */
  operator: string;
  /** Signs a holder's door code (ADR-036) for `actor`. */
  holderSigner(actor: Actor): Promise<OfflineAminoSigner>;
  /** Block time in seconds. */
  now(): Promise<number>;
  /** Moves the embedded chain's clock; absent on a real chain. */
  advanceTo?: (seconds: number) => Promise<void>;
  sent: SentTx[];
  /** The wallet asks its holder for every signature (Keplr): door codes are signed on request. */
  signsByPrompt?: boolean;
  /** Told when the transaction being sent is signed and broadcast (a real chain only). */
  txSteps: TxSteps;
}

export type TxStep = "signing" | "broadcast";

export interface TxSteps {
  listener?: (step: TxStep) => void;
}

/**
 * Tells `steps` when the client signs and when it broadcasts: both CosmJS's own signAndBroadcast
 * and the sponsored one (deploy/src/node-client.ts) go through these two methods of the client.
 */
export function announceTxSteps(client: SigningCosmWasmClient, steps: TxSteps): void {
  const sign = client.sign.bind(client);
  client.sign = (...args: Parameters<typeof sign>) => {
    steps.listener?.("signing");
    return sign(...args);
  };
  const broadcastTx = client.broadcastTx.bind(client);
  client.broadcastTx = (...args: Parameters<typeof broadcastTx>) => {
    steps.listener?.("broadcast");
    return broadcastTx(...args);
  };
}

export function nameOf(session: Session, address: string): string {
  const actor = session.actors.find((a) => a.address === address);
  if (actor) return actor.name;
  const contract = Object.entries(session.deployment.contracts).find(([, record]) => record?.address === address);
  if (contract) return contract[0];
  if (address === session.operator) return "platform";
  return `${address.slice(0, 12)}…${address.slice(-6)}`;
}

/** The generated clients of the platform's contracts, signing as `sender`. */
export function clientsFor(session: Session, sender: string) {
  const { client, addresses: a } = session;
  return {
    ctc: cosmJSClient(CtcTokenClient, client, sender, a.token),
    registry: cosmJSClient(PartnerRegistryClient, client, sender, a.registry),
    tickets: cosmJSClient(TicketNftClient, client, sender, a.tickets),
    crowdfund: cosmJSClient(CrowdfundClient, client, sender, a.crowdfund),
    tipping: cosmJSClient(TippingClient, client, sender, a.tipping),
    oracle: cosmJSClient(OutcomeOracleClient, client, sender, a.oracle),
    wager: cosmJSClient(WagerPoolClient, client, sender, a.wager),
    schedules: cosmJSClient(SchedulesClient, client, sender, a.schedules),
    accounts: cosmJSClient(AccountFactoryClient, client, sender, a.accounts),
  };
}

export function recordTx(session: Session, who: string, what: string, result: ExecuteResult): SentTx {
  const sent = { who, what, height: result.height, gasUsed: result.gasUsed, hash: result.transactionHash };
  session.sent.push(sent);
  return sent;
}

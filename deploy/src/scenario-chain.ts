// What the season needs of a chain, whether the embedded one (time moves when told) or a real
// node (time moves by itself): accounts by name, the clock, native coins for a fan's native tip,
// and fee sponsorship. The timeline says how long each wait of the season is on that chain.
import type { OfflineAminoSigner } from "@cosmjs/amino";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { Network } from "./networks";
import { PLATFORM_PARAMETERS } from "./platform-config";

/** Every wait of the season, in seconds. */
export interface Timeline {
  /** From the season's start to the show. */
  showIn: number;
  showLength: number;
  /** Tickets stop moving, and doors open, this long before the show. */
  doorsBefore: number;
  campaign: number;
  shortCampaign: number;
  /** Bets close (and the question may be answered) this long after the pool opens. */
  betting: number;
  disputeWindow: number;
  /** The oracle's question must be answered within this. */
  answerDeadline: number;
  /** ticket-nft's settlement delay the platform was deployed with. */
  settlementDelay: number;
  /** How long the café's short-lived voucher class is valid, from its creation. */
  voucherValidity: number;
  /** From a lock-up grant to its cliff, at the least (never before the lock-up's own end). */
  grantCliff: number;
  /** Between two tenths of a tranche grant: a month, or seconds on a node. */
  trancheSpacing: number;
}

const HOUR = 3_600;
const DAY = 24 * HOUR;

/** Production's durations: the embedded chain jumps over them. */
export const CALENDAR_TIMELINE: Timeline = {
  showIn: 30 * DAY,
  showLength: 3 * HOUR,
  doorsBefore: 2 * HOUR,
  campaign: 7 * DAY,
  shortCampaign: 3 * DAY,
  betting: DAY,
  disputeWindow: DAY,
  answerDeadline: 20 * DAY,
  settlementDelay: PLATFORM_PARAMETERS["ticket-nft"].settlement_delay_seconds,
  voucherValidity: DAY,
  grantCliff: 30 * DAY,
  trancheSpacing: 30 * DAY,
};

/**
 * A real node's clock cannot jump, so the season runs in under three minutes: every step before
 * the doors open takes about 70 s of transactions and waits on a local chain (longer with a
 * validator down), well inside `showIn - doorsBefore` (120 s).
 */
export const NODE_TIMELINE: Timeline = {
  showIn: 150,
  showLength: 4,
  doorsBefore: 30,
  campaign: 12,
  shortCampaign: 10,
  betting: 10,
  disputeWindow: 5,
  answerDeadline: 600,
  settlementDelay: 5,
  voucherValidity: 12,
  grantCliff: 8,
  trancheSpacing: 5,
};

export interface ScenarioChain {
  readonly network: Network;
  readonly client: SigningCosmWasmClient;
  readonly timeline: Timeline;
  /** The address of a named actor (the scenario's cast: "grand-theater", "fan-0", ...). */
  address(name: string): string;
  /** Block time, in whole seconds, of the latest block. */
  now(): Promise<number>;
  /** Returns once the chain's time has reached `seconds`. */
  advanceTo(seconds: number): Promise<void>;
  /** Gives `address` `amount` of the native coin to spend (not for fees). */
  giveNative(address: string, amount: bigint): Promise<void>;
  /**
   * Lets the fans transact without holding the native coin (the sponsor's fee grants); answers
   * what was done, for the report, or undefined where fees are free.
   */
  sponsorFees(fans: string[]): Promise<string | undefined>;
  /** Signs off-chain texts (a door code) for a named actor, with the key of its address. */
  holderSigner(name: string): Promise<OfflineAminoSigner>;
  /** Records what the scenario called a transaction (for the gas comparison). */
  label(transactionHash: string, label: string, operation?: string): void;
}

// A CosmJS signing client for a real node that (1) names the sponsor as fee granter for the
// accounts it sponsors, so a fan with no native coin can transact, and (2) keeps, for every
// transaction it broadcasts, what the gas comparison needs: the signed bytes' length, the gas the
// node charged, the messages, the height and position in the block.
import { SigningCosmWasmClient, type SigningCosmWasmClientOptions } from "@cosmjs/cosmwasm-stargate";
import type { EncodeObject, OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice, type DeliverTxResponse, type StdFee } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { estimatedFee } from "../../clients/ts/src";

export interface BroadcastRecord {
  hash: string;
  height: number;
  signer: string;
  /** The signer's first transaction: the chain stores its public key (more ante-handler gas). */
  firstOfSigner: boolean;
  /** Set when the fee was paid through a fee grant. */
  granter?: string;
  fee: readonly { denom: string; amount: string }[];
  /** 0 when the transaction succeeded; otherwise it changed nothing but its fee. */
  code: number;
  gasUsed: bigint;
  gasWanted: bigint;
  /** Length of the signed transaction as broadcast: the chain charges 10 gas per byte of it. */
  txBytes: number;
  messages: readonly EncodeObject[];
  events: DeliverTxResponse["events"];
  /** What the scenario called it ("fan-2: buy 2 Stalls"), once known. */
  label?: string;
  /** The docs/gas.md operation it measures, where its messages alone do not say ("anchor (revision)"). */
  operation?: string;
}

export interface NodeClientOptions {
  gasPrice: string;
  /** Multiplier of the simulated gas for "auto" fees. */
  gasMultiplier?: number;
  /** Poll for inclusion this often: blocks come every fraction of a second on a local chain. */
  pollIntervalMs?: number;
}

export class NodeClient {
  /** Every transaction broadcast through this client, in order. */
  readonly broadcasts: BroadcastRecord[] = [];
  private readonly granters = new Map<string, string>();
  private readonly byHash = new Map<string, BroadcastRecord>();

  private constructor(
    readonly client: SigningCosmWasmClient,
    private readonly gasPrice: GasPrice,
    private readonly gasMultiplier: number,
  ) {
    // The generated contract clients call signAndBroadcast through execute/instantiate/migrate.
    client.signAndBroadcast = (signer, messages, fee, memo = "", timeoutHeight) =>
      this.signAndBroadcast(signer, messages, fee, memo, timeoutHeight);
  }

  static async connect(rpc: string, signer: OfflineSigner, options: NodeClientOptions): Promise<NodeClient> {
    const clientOptions: SigningCosmWasmClientOptions = {
      gasPrice: GasPrice.fromString(options.gasPrice),
      broadcastPollIntervalMs: options.pollIntervalMs ?? 3_000,
    };
    const client = await SigningCosmWasmClient.connectWithSigner(rpc, signer, clientOptions);
    return new NodeClient(client, GasPrice.fromString(options.gasPrice), options.gasMultiplier ?? 1.4);
  }

  /** From now on `grantee`'s transactions name `granter` as the fee payer. */
  sponsor(grantee: string, granter: string): void {
    this.granters.set(grantee, granter);
  }

  /** Attaches the scenario's description to a transaction already broadcast. */
  label(hash: string, label: string, operation?: string): void {
    const record = this.byHash.get(hash);
    if (record) {
      record.label = label;
      if (operation) record.operation = operation;
    }
  }

  private async signAndBroadcast(
    signer: string,
    messages: readonly EncodeObject[],
    fee: StdFee | "auto" | number,
    memo: string,
    timeoutHeight?: bigint,
  ): Promise<DeliverTxResponse> {
    let usedFee: StdFee;
    if (fee === "auto" || typeof fee === "number") {
      const multiplier = fee === "auto" ? this.gasMultiplier : fee;
      usedFee = await estimatedFee(this.client, signer, messages, this.gasPrice, multiplier, memo);
    } else {
      usedFee = fee;
    }
    const granter = this.granters.get(signer);
    if (granter && !usedFee.granter) usedFee = { ...usedFee, granter };
    const account = await this.client.getAccount(signer);
    const signed = await this.client.sign(signer, messages, usedFee, memo, undefined, timeoutHeight);
    const bytes = TxRaw.encode(signed).finish();
    const response = await this.client.broadcastTx(bytes, undefined, this.client.broadcastPollIntervalMs);
    const record: BroadcastRecord = {
      hash: response.transactionHash,
      height: response.height,
      signer,
      firstOfSigner: !account?.pubkey,
      granter: usedFee.granter,
      fee: usedFee.amount,
      code: response.code,
      gasUsed: response.gasUsed,
      gasWanted: response.gasWanted,
      txBytes: bytes.length,
      messages,
      events: response.events,
    };
    this.broadcasts.push(record);
    this.byHash.set(record.hash, record);
    return response;
  }
}

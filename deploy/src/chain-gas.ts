// Gas on a real node, split into the transaction's own share and the contracts' share, so it can
// be set beside the model of tools/gas-report (which charges only the contracts' share).
//
// The node reports one figure per transaction. Its own share (ante handler: size, signature,
// account, fee deduction or fee grant, sequence) does not depend on the message, so it is measured
// by difference: a CTC transfer sent alone, twice and three times in one transaction. Each extra
// copy adds its message bytes (10 gas each) and the transfer again, with wasmd's in-transaction
// discount (the code already ran: 2,000 instead of 60,000). That gives the transfer's own cost and
// therefore the transaction's fixed share; a first transaction of an account adds the storing of
// its public key, measured the same way.
import type { EncodeObject } from "@cosmjs/proto-signing";
import { fromUtf8, toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@cosmjs/crypto";
import { MsgSubmitProposal, MsgVote } from "cosmjs-types/cosmos/gov/v1/tx";
import { ProposalStatus, proposalStatusToJSON, VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { QueryProposalRequest, QueryProposalResponse } from "cosmjs-types/cosmos/gov/v1/query";
import { BinaryWriter } from "cosmjs-types/binary";
import { QueryPinnedCodesRequest, QueryPinnedCodesResponse } from "cosmjs-types/cosmwasm/wasm/v1/query";
import type { MsgExecuteContract, MsgInstantiateContract, MsgMigrateContract } from "cosmjs-types/cosmwasm/wasm/v1/tx";
import type { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { ContractName } from "./artifacts";
import type { Deployment } from "./deployment";
import type { NetworkChain } from "./network-chain";
import type { BroadcastRecord } from "./node-client";

/** 60,000 - 2,000: what wasmd's in-transaction (or pinned) discount takes off a contract call. */
export const INSTANCE_DISCOUNT = 58_000;
const GAS_PER_TX_BYTE = 10;
/**
 * Each message of a transaction is checked against x/circuit's disable list twice, a flat KV `Has`
 * (1,000) each: by the ante handler's CircuitBreakerDecorator and by the SDK's message router.
 * Both are the transaction's, whatever contract the message calls.
 */
export const GAS_PER_MESSAGE = 2_000;

export interface Overhead {
  /** The transaction's share, less 10 gas per byte of it and 2,000 per message. */
  base: number;
  /** Added on an account's first transaction. */
  firstTransaction: number;
  /** The calibration's own figures, for the report. */
  transferShare: number;
  /** Gas added by the second and by the third copy: equal when the method holds. */
  steps: [number, number];
}

export interface Calibration {
  direct: Overhead;
  granted: Overhead;
}

const transferMsg = (sender: string, token: string, recipient: string): EncodeObject => ({
  typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
  value: {
    sender,
    contract: token,
    msg: new TextEncoder().encode(JSON.stringify({ transfer: { recipient, amount: "1" } })),
    funds: [],
  },
});

/**
 * Measures the transaction's share for `signer` (which must hold CTC and never have transacted):
 * five transactions of 1, 1, 1, 2 and 3 transfers of one micro-CTC to `recipient`, an existing holder.
 */
export async function calibrateOverhead(
  chain: NetworkChain,
  token: string,
  signer: string,
  recipient: string,
  pinned: boolean,
): Promise<Overhead> {
  const send = async (copies: number): Promise<BroadcastRecord> => {
    const messages = Array.from({ length: copies }, () => transferMsg(signer, token, recipient));
    const result = await chain.client.signAndBroadcast(signer, messages, "auto");
    if (result.code !== 0) throw new Error(`calibration transfer refused: ${result.rawLog}`);
    return chain.node.broadcasts.at(-1)!;
  };
  const first = await send(1);
  if (!first.firstOfSigner) throw new Error(`the calibration account ${signer} has transacted before`);
  await send(1); // the balance keys now have their steady length
  const one = await send(1);
  const two = await send(2);
  const three = await send(3);
  const gas = (record: BroadcastRecord) => Number(record.gasUsed);
  const messageBytes = two.txBytes - one.txBytes;
  const steps: [number, number] = [gas(two) - gas(one), gas(three) - gas(two)];
  const repeatShare = steps[0] - GAS_PER_TX_BYTE * messageBytes - GAS_PER_MESSAGE;
  const transferShare = pinned ? repeatShare : repeatShare + INSTANCE_DISCOUNT;
  const base = gas(one) - transferShare - GAS_PER_TX_BYTE * one.txBytes - GAS_PER_MESSAGE;
  const firstTransaction = gas(first) - gas(one) - GAS_PER_TX_BYTE * (first.txBytes - one.txBytes);
  return { base, firstTransaction, transferShare, steps };
}

/** The node's gas of `record` less the transaction's own share: what the contracts were charged. */
export function contractShare(record: BroadcastRecord, calibration: Calibration): number {
  const overhead = record.granter ? calibration.granted : calibration.direct;
  return (
    Number(record.gasUsed) -
    overhead.base -
    GAS_PER_TX_BYTE * record.txBytes -
    GAS_PER_MESSAGE * record.messages.length -
    (record.firstOfSigner ? overhead.firstTransaction : 0)
  );
}

// ------------------------------------------------------------------------------------------------
// The trace tools/gas-report replays (`--replay`): every successful contract transaction, with the
// block it landed in, so the model re-runs exactly what the node ran.

export interface TraceCoin {
  denom: string;
  amount: string;
}

export type TraceMessage =
  | {
      instantiate: {
        code_id: number;
        label: string;
        admin: string | null;
        msg: unknown;
        funds: TraceCoin[];
        contract_address: string;
      };
    }
  | { execute: { contract: string; msg: unknown; funds: TraceCoin[] } }
  | { migrate: { contract: string; code_id: number; msg: unknown } }
  | { bank_send: { to_address: string; amount: TraceCoin[] } };

export interface TraceTransaction {
  /** The node's transaction hash: ties the model's figure back to the broadcast. */
  hash: string;
  label: string;
  height: number;
  /** Block time in nanoseconds since the epoch, as a decimal string. */
  time: string;
  tx_index: number;
  sender: string;
  gas_used: number;
  messages: TraceMessage[];
  /** Gas of the block's earlier transactions: wasmd records it as a contract's creation position. */
  block_gas_before: number;
  fee: TraceCoin[];
  /** The fee grant's granter, when the sender did not pay. */
  fee_payer?: string;
}

export interface GasTrace {
  format: "ticketchain-gas-trace/1";
  chain_id: string;
  bech32_prefix: string;
  fee_denom: string;
  codes: Array<{ code_id: number; checksum: string; creator: string; file: string }>;
  pinned_code_ids: number[];
  native_balances: Array<{ address: string; denom: string; amount: string }>;
  /**
   * Contracts the chain held before the first transaction (an earlier season on the same node):
   * wasmd numbers instances chain-wide, and a contract a contract instantiates (a fan's account)
   * gets its address from that number.
   */
  instances_before: number;
  transactions: TraceTransaction[];
}

const coins = (list: readonly { denom: string; amount: string }[] | undefined): TraceCoin[] =>
  (list ?? []).map(({ denom, amount }) => ({ denom, amount }));

function traceMessage(message: EncodeObject, record: BroadcastRecord): TraceMessage | undefined {
  // CosmJS types an EncodeObject's value `any`; the type URL says which message it is.
  switch (message.typeUrl) {
    case "/cosmwasm.wasm.v1.MsgExecuteContract": {
      const value = message.value as MsgExecuteContract;
      return { execute: { contract: value.contract, msg: JSON.parse(fromUtf8(value.msg)), funds: coins(value.funds) } };
    }
    case "/cosmwasm.wasm.v1.MsgInstantiateContract": {
      const value = message.value as MsgInstantiateContract;
      const address = record.events
        .filter((event) => event.type === "instantiate")
        .flatMap((event) => event.attributes)
        .find((attribute) => attribute.key === "_contract_address")?.value;
      if (!address) throw new Error(`no contract address in the instantiation ${record.hash}`);
      return {
        instantiate: {
          code_id: Number(value.codeId),
          label: value.label,
          admin: value.admin || null,
          msg: JSON.parse(fromUtf8(value.msg)),
          funds: coins(value.funds),
          contract_address: address,
        },
      };
    }
    case "/cosmwasm.wasm.v1.MsgMigrateContract": {
      const value = message.value as MsgMigrateContract;
      return {
        migrate: { contract: value.contract, code_id: Number(value.codeId), msg: JSON.parse(fromUtf8(value.msg)) },
      };
    }
    case "/cosmos.bank.v1beta1.MsgSend": {
      const value = message.value as MsgSend;
      return { bank_send: { to_address: value.toAddress, amount: coins(value.amount) } };
    }
    default:
      return undefined; // fee grants, governance: nothing the model runs
  }
}

/** A label for a transaction the scenario did not name (the deployment's, the calibration's). */
function describe(message: TraceMessage): string {
  if ("instantiate" in message) return `instantiate ${message.instantiate.label}`;
  if ("execute" in message) return `execute ${Object.keys(message.execute.msg as object)[0]}`;
  if ("migrate" in message) return `migrate to code ${message.migrate.code_id}`;
  return `send ${message.bank_send.amount.map((c) => c.amount + c.denom).join(", ")}`;
}

/** The trace of `records` (successful ones with at least one contract or bank message). */
export async function buildTrace(
  chain: NetworkChain,
  deployment: Deployment,
  files: Record<string, string>,
  records: BroadcastRecord[],
  nativeBalances: GasTrace["native_balances"],
  pinnedCodeIds: number[],
  network: { chainId: string; bech32Prefix: string; feeDenom: string },
): Promise<GasTrace> {
  const transactions: TraceTransaction[] = [];
  for (const record of records) {
    if (record.code !== 0) continue;
    const messages = record.messages.map((m) => traceMessage(m, record)).filter((m): m is TraceMessage => !!m);
    if (messages.length === 0) continue;
    const block = await chain.comet.block(record.height);
    const time = block.block.header.time;
    const nanos = BigInt(time.getTime()) * 1_000_000n + BigInt(time.nanoseconds ?? 0);
    const indexed = await chain.client.getTx(record.hash);
    if (!indexed) throw new Error(`the node does not know the accepted transaction ${record.hash}`);
    const txIndex = indexed.txIndex;
    const { results } = await chain.comet.blockResults(record.height);
    const blockGasBefore = results.slice(0, txIndex).reduce((sum, result) => sum + Number(result.gasUsed), 0);
    transactions.push({
      hash: record.hash,
      label: record.label ?? messages.map(describe).join(", "),
      height: record.height,
      time: nanos.toString(),
      tx_index: txIndex,
      sender: record.signer,
      gas_used: Number(record.gasUsed),
      messages,
      block_gas_before: blockGasBefore,
      fee: coins(record.fee),
      ...(record.granter ? { fee_payer: record.granter } : {}),
    });
  }
  // Every code on the chain, not only the deployment's: the season uploads tipping's code again
  // to migrate it by proposal.
  const onChain = await chain.client.getCodes();
  let instances = 0;
  for (const { id } of onChain) instances += (await chain.client.getContracts(id)).length;
  const instantiatedHere = records
    .filter((record) => record.code === 0)
    .flatMap((record) => record.events)
    .filter((event) => event.type === "instantiate").length;
  const codes = onChain.map(({ id, checksum, creator }) => ({
    code_id: id,
    checksum: checksum.toLowerCase(),
    creator,
    file: files[checksum.toLowerCase()] ?? "",
  }));
  return {
    format: "ticketchain-gas-trace/1",
    chain_id: network.chainId,
    bech32_prefix: network.bech32Prefix,
    fee_denom: network.feeDenom,
    codes,
    pinned_code_ids: pinnedCodeIds,
    native_balances: nativeBalances,
    instances_before: instances - instantiatedHere,
    transactions,
  };
}

/** The operation a transaction is in docs/gas.md: `<contract>/<message>`, a CTC Send named by its hook. */
export function operationName(message: TraceMessage, names: Map<string, ContractName>): string | undefined {
  if (!("execute" in message)) return undefined;
  const { contract, msg } = message.execute;
  const name = names.get(contract);
  const key = Object.keys(msg as object)[0];
  if (name === "ctc-token" && key === "send") {
    const send = (msg as { send: { contract: string; msg: string } }).send;
    const hook = JSON.parse(Buffer.from(send.msg, "base64").toString("utf8")) as object;
    const hookName = Object.keys(hook)[0];
    // docs/gas.md names a crowdfund contribution a pledge.
    return `${names.get(send.contract) ?? "?"}/${hookName === "contribute" ? "pledge" : hookName}`;
  }
  return `${name ?? "?"}/${key}`;
}

// ------------------------------------------------------------------------------------------------
// Pinning by governance: wasmd pins code only by a proposal (MsgPinCodes, authority = x/gov).

/** cosmwasm.wasm.v1.MsgPinCodes (wasmd ≥ 0.40), which CosmJS 0.32's cosmjs-types predates. */
function encodeMsgPinCodes(authority: string, codeIds: number[]): Uint8Array {
  const writer = BinaryWriter.create();
  writer.uint32(10).string(authority);
  writer.uint32(18).fork();
  for (const codeId of codeIds) writer.uint64(BigInt(codeId));
  writer.ldelim();
  return writer.finish();
}

export const govModuleAddress = (prefix: string): string =>
  toBech32(prefix, sha256(new TextEncoder().encode("gov")).slice(0, 20));

export async function pinnedCodeIds(chain: NetworkChain): Promise<number[]> {
  const request = QueryPinnedCodesRequest.encode({}).finish();
  const { value } = await chain.queries.queryAbci("/cosmwasm.wasm.v1.Query/PinnedCodes", request);
  return QueryPinnedCodesResponse.decode(value).codeIds.map(Number);
}

/** Submits MsgPinCodes, has every validator vote yes, and waits until the codes are pinned. */
export async function pinCodesByGovernance(
  chain: NetworkChain,
  proposer: string,
  voters: string[],
  codeIds: number[],
  prefix: string,
  timeoutMs = 60_000,
): Promise<{ proposalId: bigint; seconds: number }> {
  const started = Date.now();
  const { depositParams } = await chain.queries.gov.params("deposit");
  const submit = {
    typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
    value: MsgSubmitProposal.fromPartial({
      messages: [
        { typeUrl: "/cosmwasm.wasm.v1.MsgPinCodes", value: encodeMsgPinCodes(govModuleAddress(prefix), codeIds) },
      ],
      initialDeposit: depositParams?.minDeposit ?? [],
      proposer,
      metadata: "",
      title: "Pin the TicketChain codes",
      summary: `Keep codes ${codeIds.join(", ")} in the VM's memory: each call then costs 2,000 gas to start instead of 60,000.`,
    }),
  };
  const submitted = await chain.client.signAndBroadcast(proposer, [submit], "auto");
  if (submitted.code !== 0) throw new Error(`the pin proposal was refused: ${submitted.rawLog}`);
  const id = submitted.events
    .filter((event) => event.type === "submit_proposal")
    .flatMap((event) => event.attributes)
    .find((attribute) => attribute.key === "proposal_id")?.value;
  if (!id) throw new Error("the pin proposal has no id in its events");
  const proposalId = BigInt(id);
  for (const voter of voters) {
    const vote = {
      typeUrl: "/cosmos.gov.v1.MsgVote",
      value: MsgVote.fromPartial({ proposalId, voter, option: VoteOption.VOTE_OPTION_YES, metadata: "" }),
    };
    // A validator's first transaction stores its public key, which the simulation undercounts.
    const voted = await chain.client.signAndBroadcast(voter, [vote], 2);
    if (voted.code !== 0) throw new Error(`${voter}'s vote was refused: ${voted.rawLog}`);
  }
  while (Date.now() - started < timeoutMs) {
    const pinned = await pinnedCodeIds(chain);
    if (codeIds.every((codeId) => pinned.includes(codeId))) {
      return { proposalId, seconds: (Date.now() - started) / 1000 };
    }
    const request = QueryProposalRequest.encode({ proposalId }).finish();
    const { value } = await chain.queries.queryAbci("/cosmos.gov.v1.Query/Proposal", request);
    const proposal = QueryProposalResponse.decode(value).proposal;
    if (
      proposal?.status === ProposalStatus.PROPOSAL_STATUS_REJECTED ||
      proposal?.status === ProposalStatus.PROPOSAL_STATUS_FAILED
    ) {
      throw new Error(
        `proposal ${proposalId} to pin codes ${codeIds.join(", ")} ended ${proposalStatusToJSON(proposal.status)} ` +
          `(the validators' votes did not pass it, or its MsgPinCodes failed: see the node's log)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`proposal ${proposalId} did not pin codes ${codeIds.join(", ")} within ${timeoutMs / 1000} s`);
}

// ------------------------------------------------------------------------------------------------
// The comparison: the node's contract share of each transaction beside the model's.

export interface ReplayResult {
  format: "ticketchain-gas-replay/1";
  pinned: boolean;
  transactions: Array<{ label: string; sender: string; model_gas: number; calls: number }>;
}

export interface GasRow {
  label: string;
  operation: string;
  node: number;
  overhead: number;
  nodeContracts: number;
  model: number;
  /** (node - model) / model, the contracts' share only. */
  difference: number;
}

export function compareWithModel(
  trace: GasTrace,
  replay: ReplayResult,
  records: BroadcastRecord[],
  calibration: Calibration,
  names: Map<string, ContractName>,
): GasRow[] {
  if (replay.transactions.length !== trace.transactions.length) {
    throw new Error(
      `the model replayed ${replay.transactions.length} of the trace's ${trace.transactions.length} transactions`,
    );
  }
  const byHash = new Map(records.map((record) => [record.hash, record]));
  return trace.transactions.flatMap((tx, i) => {
    const contractMessages = tx.messages.filter((m) => !("bank_send" in m));
    if (contractMessages.length === 0) return [];
    const record = byHash.get(tx.hash);
    if (!record) throw new Error(`no broadcast matches the trace's "${tx.label}" (${tx.hash})`);
    const nodeContracts = contractShare(record, calibration);
    const model = replay.transactions[i].model_gas;
    return [
      {
        label: tx.label,
        operation:
          record.operation ?? contractMessages.map((m) => operationName(m, names) ?? Object.keys(m)[0]).join(" + "),
        node: tx.gas_used,
        overhead: tx.gas_used - nodeContracts,
        nodeContracts,
        model,
        difference: (nodeContracts - model) / model,
      },
    ];
  });
}

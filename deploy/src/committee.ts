// The committee that governs a deployment (票链 §6.1, 络谱 §3.7): cw-plus's cw3-flex-multisig over a
// cw4-group, as published. It is every contract's wasm admin and the cw-ownable owner of each, the
// registry's authority, the wager operator and an oracle creator; what the deployer wires first, the
// committee then accepts by one proposal. Members' keys that this tool holds (the local chains')
// carry proposals themselves: the first member proposes (its vote counts), the next ones vote until
// the threshold is met, and the next executes. Elsewhere the proposal is written for the members.
import type { ExecuteResult, SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { StdFee } from "@cosmjs/stargate";
import type { Cw3FlexMultisigTypes, Cw4GroupTypes } from "../../clients/ts/src";
import { attribute } from "./values";

/** Who sits on the committee and how many votes carry a proposal. */
export interface CommitteeRequest {
  members: Cw4GroupTypes.Member[];
  /** Total weight of yes votes that passes a proposal. */
  threshold: number;
  /** How long a proposal stays open for votes. */
  votingSeconds: number;
}

/** The committee as deployed. */
export interface CommitteeRecord extends CommitteeRequest {
  group: string;
  multisig: string;
}

/** A week, the committee's default voting period. */
export const DEFAULT_VOTING_SECONDS = 604_800;

/**
 * The committee the environment asks for: TICKETCHAIN_COMMITTEE_MEMBERS (`addr[:weight],…`),
 * TICKETCHAIN_COMMITTEE_THRESHOLD (default a majority of the total weight) and
 * TICKETCHAIN_COMMITTEE_VOTING_SECONDS; undefined when no members are given.
 */
export function committeeFromEnv(env: NodeJS.ProcessEnv): CommitteeRequest | undefined {
  const listed = (env.TICKETCHAIN_COMMITTEE_MEMBERS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (listed.length === 0) return undefined;
  const members = listed.map((entry) => {
    const [addr, weight = "1"] = entry.split(":");
    if (!/^[1-9]\d*$/.test(weight)) {
      throw new Error(`TICKETCHAIN_COMMITTEE_MEMBERS: "${entry}" has a weight that is not a positive whole number`);
    }
    return { addr, weight: Number(weight) };
  });
  const total = members.reduce((sum, member) => sum + member.weight, 0);
  const number = (variable: string, fallback: number): number => {
    const text = env[variable];
    if (text === undefined || text === "") return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`${variable} "${text}" is not a whole number`);
    return Number(text);
  };
  return checkedCommittee({
    members,
    threshold: number("TICKETCHAIN_COMMITTEE_THRESHOLD", Math.floor(total / 2) + 1),
    votingSeconds: number("TICKETCHAIN_COMMITTEE_VOTING_SECONDS", DEFAULT_VOTING_SECONDS),
  });
}

/** Refuses what cw3 would refuse later, or what would leave the committee unable to act. */
export function checkedCommittee(request: CommitteeRequest): CommitteeRequest {
  const seen = new Set<string>();
  for (const { addr } of request.members) {
    if (seen.has(addr)) throw new Error(`the committee lists ${addr} twice`);
    seen.add(addr);
  }
  const total = request.members.reduce((sum, member) => sum + member.weight, 0);
  if (request.threshold < 1 || request.threshold > total) {
    throw new Error(
      `a committee threshold of ${request.threshold} cannot be met: it must lie between 1 and the ` +
        `members' total weight, ${total}`,
    );
  }
  if (!(request.votingSeconds > 0)) throw new Error("the committee's voting period must be positive");
  return request;
}

/** A contract call as a proposal carries it. */
export function wasmExecute(contract: string, msg: object): Cw3FlexMultisigTypes.CosmosMsgForEmpty {
  return { wasm: { execute: { contract_addr: contract, msg: toBase64(toUtf8(JSON.stringify(msg))), funds: [] } } };
}

/** A migration as a proposal carries it: only the contract's wasm admin (the committee) may send it. */
export function wasmMigrate(
  contract: string,
  codeId: number,
  msg: object = {},
): Cw3FlexMultisigTypes.CosmosMsgForEmpty {
  return {
    wasm: { migrate: { contract_addr: contract, new_code_id: codeId, msg: toBase64(toUtf8(JSON.stringify(msg))) } },
  };
}

/** Whether this tool holds enough members' keys to carry a proposal alone. */
export function canCarry(committee: CommitteeRecord, canSign: (address: string) => boolean): boolean {
  const weight = committee.members.filter((m) => canSign(m.addr)).reduce((sum, m) => sum + m.weight, 0);
  return weight >= committee.threshold;
}

/** One proposal carried from start to end; answers the execution's result and the proposal id. */
export async function carryProposal(
  client: SigningCosmWasmClient,
  committee: CommitteeRecord,
  canSign: (address: string) => boolean,
  title: string,
  msgs: Cw3FlexMultisigTypes.CosmosMsgForEmpty[],
  fee: StdFee | "auto" | number,
): Promise<{ result: ExecuteResult; proposalId: number; transactions: ExecuteResult[] }> {
  const signers = committee.members.filter((member) => canSign(member.addr));
  if (!canCarry(committee, canSign)) {
    throw new Error(`this tool holds too few members' keys to carry "${title}": the members must propose it`);
  }
  const [proposer, ...others] = signers;
  const propose: Cw3FlexMultisigTypes.ExecuteMsg = {
    propose: { title, description: title, msgs, latest: null },
  };
  const proposed = await client.execute(proposer.addr, committee.multisig, propose, fee);
  const proposalId = Number(attribute(proposed, "proposal_id"));
  const transactions = [proposed];
  let weight = proposer.weight;
  let next = 0;
  while (weight < committee.threshold) {
    const voter = others[next++];
    const vote: Cw3FlexMultisigTypes.ExecuteMsg = { vote: { proposal_id: proposalId, vote: "yes" } };
    transactions.push(await client.execute(voter.addr, committee.multisig, vote, fee));
    weight += voter.weight;
  }
  // A member who has not yet acted executes, so each step shows another key at work.
  const executor = others[next] ?? proposer;
  const execute: Cw3FlexMultisigTypes.ExecuteMsg = { execute: { proposal_id: proposalId } };
  const result = await client.execute(executor.addr, committee.multisig, execute, fee);
  transactions.push(result);
  return { result, proposalId, transactions };
}

/**
 * Makes every execute that `client` sends as the multisig a proposal the members carry: the season
 * and its extras then act as "the platform" through the committee with the same calls they make as
 * a single key. Answers the execution's result, whose events are the governed call's.
 */
export function actAsCommittee(
  client: SigningCosmWasmClient,
  committee: CommitteeRecord,
  canSign: (address: string) => boolean,
  onProposal: (transactions: ExecuteResult[]) => void = () => {},
): void {
  const execute = client.execute.bind(client);
  client.execute = async (sender, contract, msg, fee, memo, funds) => {
    if (sender !== committee.multisig) return execute(sender, contract, msg, fee, memo, funds);
    if (funds && funds.length > 0) throw new Error("the committee holds no coins to send with a call");
    const action = Object.keys(msg as object)[0] ?? "call";
    const { result, transactions } = await carryProposal(
      { execute } as SigningCosmWasmClient,
      committee,
      canSign,
      `${action} on ${contract}`,
      [wasmExecute(contract, msg as object)],
      fee,
    );
    onProposal(transactions);
    return result;
  };
}

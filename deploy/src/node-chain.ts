// The season on a real node: its clock runs by itself (the scenario waits for block time), fans
// are sponsored through fee grants, and native coins come from the sponsor's account.
import type { OfflineAminoSigner } from "@cosmjs/amino";
import { fromUtf8, toUtf8 } from "@cosmjs/encoding";
import { QuerySmartContractStateRequest, QuerySmartContractStateResponse } from "cosmjs-types/cosmwasm/wasm/v1/query";
import { grantFeeAllowances, LOCAL_FAN_ALLOWANCE } from "./fee-grants";
import type { NetworkChain } from "./network-chain";
import type { Network } from "./networks";
import { NODE_TIMELINE, type ScenarioChain, type Timeline } from "./scenario-chain";
import { sleep } from "./values";

export class NodeChain implements ScenarioChain {
  readonly timeline: Timeline = NODE_TIMELINE;

  constructor(
    readonly network: Network,
    readonly chain: NetworkChain,
  ) {}

  get client() {
    return this.chain.client;
  }

  address(name: string): string {
    const address = this.chain.actors.get(name);
    if (!address) throw new Error(`${this.network.name} has no account for the scenario's "${name}"`);
    return address;
  }

  async now(): Promise<number> {
    const block = await this.client.getBlock();
    return Math.floor(Date.parse(block.header.time) / 1000);
  }

  /**
   * A transaction is simulated against the latest block's time and then runs in a later block: a
   * second past the target keeps a check at the boundary ("after the window") true in both.
   */
  async advanceTo(seconds: number): Promise<void> {
    while ((await this.now()) <= seconds) await sleep(250);
  }

  /** The deployer's mnemonic holds every actor's key. */
  holderSigner(name: string): Promise<OfflineAminoSigner> {
    this.address(name); // throws for a name the mnemonic has no account for
    return Promise.resolve(this.chain.aminoSigner);
  }

  async giveNative(address: string, amount: bigint): Promise<void> {
    const coin = { denom: this.network.feeDenom, amount: amount.toString() };
    const result = await this.client.sendTokens(this.chain.roles.sponsor, address, [coin], "auto");
    if (result.code !== 0) throw new Error(`the sponsor could not send ${amount}${coin.denom}: ${result.rawLog}`);
  }

  async sponsorFees(fans: string[]): Promise<string> {
    const sponsor = this.chain.roles.sponsor;
    const allowance = LOCAL_FAN_ALLOWANCE(this.network.feeDenom);
    const { granted } = await grantFeeAllowances(this.client, sponsor, fans, allowance, (grantee) =>
      hasFeeGrant(this.chain, sponsor, grantee),
    );
    for (const fan of fans) this.chain.node.sponsor(fan, sponsor);
    const coin = (c: { amount: string; denom: string }) => `${c.amount}${c.denom}`;
    return (
      `the sponsor grants ${granted.length} fan(s) fees for executing contracts: up to ` +
      `${coin(allowance.spendLimit)} in all, ${coin(allowance.perDay)} a day, for 30 days`
    );
  }

  label(transactionHash: string, label: string, operation?: string): void {
    this.chain.node.label(transactionHash, label, operation);
  }
}

export async function hasFeeGrant(chain: NetworkChain, granter: string, grantee: string): Promise<boolean> {
  try {
    await chain.queries.feegrant.allowance(granter, grantee);
    return true;
  } catch (error) {
    if (/not found|no allowance/i.test((error as Error).message)) return false;
    throw error;
  }
}

/** A contract's smart query answered by the state at `height` (the fault test compares nodes). */
export async function smartQueryAt(
  chain: NetworkChain,
  contract: string,
  query: object,
  height: number,
): Promise<unknown> {
  const request = QuerySmartContractStateRequest.encode({
    address: contract,
    queryData: toUtf8(JSON.stringify(query)),
  });
  const { value } = await chain.queries.queryAbci(
    "/cosmwasm.wasm.v1.Query/SmartContractState",
    request.finish(),
    height,
  );
  return JSON.parse(fromUtf8(QuerySmartContractStateResponse.decode(value).data));
}
